"""Which images of an article may be read, and reading their bytes within limits.

Embedded parts (MHTML) and ``data:`` URLs are always read; ``file:`` images only for a page
opened from a file on disk, and only regular files under the size cap (a saved page's web
image is read from its ``NAME_files/`` folder when a file of that name is there); http(s)
images only for
a page fetched from the web (never for an archive or a saved page), and only when the reader
allows remote images. Fetches follow redirects to http(s) only, keep one overall deadline and
go through the same proxy policy as page loads.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Literal
from urllib.parse import unquote, unquote_to_bytes, urljoin, urlsplit

from .describe import too_large
from .errors import LoadError
from .load_options import Cancelled, LoadOptions, check_cancelled
from .loading import open_regular
from .model import Article
from .source import file_url_path

#: Largest image read or fetched, in bytes.
MAX_IMAGE_BYTES = 8 * 1024 * 1024
#: The limits of one image fetch: the whole fetch, redirects included, within the deadline.
IMAGE_OPTIONS = LoadOptions(connect_timeout=10.0, total_timeout=15.0,
                            max_bytes=MAX_IMAGE_BYTES, max_redirects=5)

ImageKind = Literal["data", "inline", "file", "http"]


@dataclass(frozen=True)
class ImageSource:
    """Where one image's bytes come from: an embedded part, a data: URL, a file or the web.

    ``name`` is the image's address in the article; ``file`` the ``file:`` URL read instead
    when that differs (a saved page's web image found in its ``NAME_files/`` folder)."""

    name: str
    kind: ImageKind
    data: bytes = b""
    file: str = ""


def find_image(name: str, article: Article, remote_allowed: bool) -> ImageSource | None:
    """The source of image ``name`` (an absolute URL) of ``article``; None if it may not load."""
    for key, data in article.resources.items():
        if key == name or (article.url and _join(article.url, key) == name):
            return ImageSource(name, "data", bytes(data))
    scheme = urlsplit(name).scheme.lower() if ":" in name else ""
    if scheme == "data":
        return ImageSource(name, "inline")
    if scheme == "file":
        return ImageSource(name, "file") if article.origin == "file" else None
    if scheme in ("http", "https") and article.origin == "file":
        saved = saved_copy_of(name, article.url)
        return ImageSource(name, "file", file=saved) if saved else None
    if scheme in ("http", "https") and remote_allowed and article.origin == "web":
        return ImageSource(name, "http")
    return None


def read_image(
    source: ImageSource, options: LoadOptions = IMAGE_OPTIONS, cancelled: Cancelled | None = None
) -> bytes:
    """The bytes of ``source``, at most ``options.max_bytes``; raises LoadError otherwise."""
    check_cancelled(cancelled)
    cap = options.max_bytes
    if source.kind == "data":
        data = source.data
    elif source.kind == "inline":
        data = _data_url(source.name, cap)
    elif source.kind == "file":
        data = _read_file(source.file or source.name, cap)
    else:
        from .http import fetch_image  # the network modules, only for images of the web

        data = fetch_image(source.name, options, cancelled)
    if len(data) > cap:
        raise LoadError(too_large("The image", len(data), cap))
    if not data:
        raise LoadError("The image is empty.")
    return data


def saved_copy_of(name: str, page_url: str | None) -> str | None:
    """The ``file:`` URL of web image ``name`` in the ``NAME_files/`` folder the browser saved
    beside page ``NAME.html`` (same file name, query left off); None when there is none."""
    if not page_url or not page_url.lower().startswith("file:"):
        return None
    try:
        page = file_url_path(urlsplit(page_url).path)
        file_name = PurePosixPath(unquote(urlsplit(name).path)).name
    except ValueError:
        return None
    if not file_name or file_name in (".", ".."):
        return None
    candidate = page.parent / f"{page.stem}_files" / file_name
    try:
        return candidate.as_uri() if candidate.is_file() else None
    except (OSError, ValueError):
        return None


def _read_file(url: str, cap: int) -> bytes:
    parts = urlsplit(url)
    if parts.netloc not in ("", "localhost"):
        raise LoadError(f"Reader reads images on this computer only, not on {parts.netloc}.")
    path = file_url_path(parts.path)
    try:
        with open_regular(path) as file:
            data = file.read(cap + 1)
    except OSError as err:
        raise LoadError(f"Could not read the image {path.name}: {err.strerror or err}.") from err
    if len(data) > cap:
        raise LoadError(too_large(f"The image {path.name}", None, cap))
    return data


def _data_url(url: str, cap: int) -> bytes:
    header, comma, payload = url.partition(",")
    if not comma:
        raise LoadError("The image's data: address holds no data.")
    if len(payload) > 2 * cap:
        raise LoadError(too_large("The image", None, cap))
    if header.lower().endswith(";base64"):
        try:
            return base64.b64decode(unquote_to_bytes(payload), validate=False)
        except (binascii.Error, ValueError) as err:
            raise LoadError("The image's data: address is not valid base64.") from err
    return unquote_to_bytes(payload)


def _join(base: str, key: str) -> str:
    try:
        return urljoin(base, key)
    except ValueError:
        return key
