"""Read a page's bytes from a saved file, an MHTML archive or an http(s) URL, within limits."""

from __future__ import annotations

import dataclasses
import errno
import os
import re
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO
from urllib.parse import urlsplit
from urllib.request import url2pathname

from .. import __version__
from .describe import too_large
from .errors import DecodeError, LoadError, UnsupportedSourceError
from .http import check_cancelled, fetch
from .mhtml import parse_mhtml
from .model import RawPage
from .sniff import SNIFF_BYTES, looks_like_html, looks_like_mhtml

#: Called as bytes arrive: ``progress(received, total)``; ``total`` is None when unknown.
Progress = Callable[[int, int | None], None]
#: Polled between chunks; returning True stops the load with :class:`LoadCancelledError`.
Cancelled = Callable[[], bool]

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
MHTML_SUFFIXES = (".mhtml", ".mht")

#: A browser's User-Agent with Reader's name: sites that refuse unknown clients still answer.
DEFAULT_USER_AGENT = (
    "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0 "
    f"Reader/{__version__} (+desktop article reader)"
)

_CHUNK = 1024 * 1024
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]+):")
# A web address typed without its scheme: "example.org/news", "www.example.co.uk".
_DOMAIN = re.compile(r"[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}(?::\d+)?(?:[/?#]|$)")
_SUFFIXES = HTML_SUFFIXES + MHTML_SUFFIXES


@dataclass(frozen=True)
class LoadOptions:
    """Limits for one load. Times in seconds; ``max_bytes`` also caps decompressed bodies."""

    connect_timeout: float = 10.0
    total_timeout: float = 60.0
    max_bytes: int = 20 * 1024 * 1024
    max_redirects: int = 10
    user_agent: str = DEFAULT_USER_AGENT


def load(
    source: str | os.PathLike[str],
    options: LoadOptions | None = None,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> RawPage:
    """Read ``source``: a file path, a ``file://`` URL or an http(s) URL.

    Files may be .html, .htm, .xhtml, .mhtml or .mht (or HTML without a known extension).
    Raises :class:`LoadError` or a subclass, with a one-line message, on every failure.
    """
    options = options or LoadOptions()
    if isinstance(source, os.PathLike):
        return _load_file(Path(source), options, progress, cancelled)
    text = source.strip()
    if not text:
        raise UnsupportedSourceError("No file or web address was given.")
    scheme = _scheme(text)
    if scheme in ("http", "https"):
        return fetch(text, options, progress, cancelled)
    if scheme == "file":
        return _load_file(_file_url_path(text), options, progress, cancelled)
    if scheme is None:
        path = Path(text).expanduser()
        if _DOMAIN.match(text) and path.suffix.lower() not in _SUFFIXES and not path.exists():
            raise LoadError(f"There is no file {text}; start a web address with https://")
        return _load_file(path, options, progress, cancelled)
    raise UnsupportedSourceError(
        f"Reader opens files and http or https web addresses, not {scheme}: addresses."
    )


def _scheme(text: str) -> str | None:
    """The URL scheme of ``text``; None for a path (an existing file, or ``C:\\…``)."""
    match = _SCHEME.match(text)
    if match is None or os.path.exists(text):
        return None
    return match.group(1).lower()


def _file_url_path(url: str) -> Path:
    try:
        parts = urlsplit(url)
    except ValueError as err:
        raise LoadError(f"This is not a valid file address: {url}") from err
    if parts.netloc not in ("", "localhost"):
        raise UnsupportedSourceError(
            f"Reader opens files on this computer only, not on {parts.netloc}."
        )
    if not parts.path:
        raise LoadError(f"This file address names no file: {url}")
    return Path(url2pathname(parts.path))


def _load_file(
    path: Path, options: LoadOptions, progress: Progress | None, cancelled: Cancelled | None
) -> RawPage:
    check_cancelled(cancelled)
    name = path.name or str(path)
    size = _check_file(path, "web page file")
    archive = _is_archive(path)
    _check_size(name, size, options)
    data = _read(path, options.max_bytes, size, progress, cancelled)
    if not data.strip():
        raise LoadError(f"The file {name} holds only blank space.")
    if archive:
        page = parse_mhtml(data)
        return dataclasses.replace(
            page, url=page.url or path.resolve().as_uri(), base_dir=_dir(path), origin="archive"
        )
    content_type = "application/xhtml+xml" if _suffix(path) == ".xhtml" else "text/html"
    return RawPage(
        data=data, url=path.resolve().as_uri(), content_type=content_type, base_dir=_dir(path),
        origin="file",
    )


def load_text(source: str | os.PathLike[str], options: LoadOptions | None = None) -> str:
    """The text of a plain-text file, checked and capped as a page file is.

    Raises :class:`LoadError` or :class:`DecodeError`, with a one-line message, on failure.
    """
    options = options or LoadOptions()
    path = Path(source).expanduser()
    size = _check_file(path, "text file")
    _check_size(path.name, size, options)
    return decode_text(_read(path, options.max_bytes, size, None, None), path.name)


def decode_text(data: bytes, name: str) -> str:
    """``data`` (the bytes of ``name``) as text, in the encoding it is most likely written in."""
    from .decoding import decode_html  # here: the detector is not needed to read pages

    try:
        return decode_html(data)
    except DecodeError:
        raise DecodeError(f"{name} holds binary data, not text.") from None


def _check_file(path: Path, kind: str) -> int:
    """The size of the regular file ``path``; LoadError for anything else or an empty file."""
    name = path.name or str(path)
    try:
        info = path.stat()
    except FileNotFoundError as err:
        raise LoadError(f"There is no file {path}.") from err
    except PermissionError as err:
        raise LoadError(f"Reader may not open {path} (permission denied).") from err
    except (OSError, ValueError) as err:
        raise LoadError(f"Could not open {path}: {_reason(err)}.") from err
    if stat.S_ISDIR(info.st_mode):
        raise LoadError(f"{name} is a folder, not a {kind}.")
    if not stat.S_ISREG(info.st_mode):
        raise LoadError(f"{name} is not a regular file.")
    if info.st_size == 0:
        raise LoadError(f"The file {name} is empty.")
    return info.st_size


def _check_size(name: str, size: int, options: LoadOptions) -> None:
    if size > options.max_bytes:
        raise LoadError(too_large(f"The file {name}", size, options.max_bytes))


def open_regular(path: Path) -> BinaryIO:
    """``path`` opened for reading, if it is a regular file (a FIFO or device is refused
    without blocking). Raises OSError."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_BINARY", 0))
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(errno.EINVAL, "not a regular file")
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def _is_archive(path: Path) -> bool:
    """Whether the file is an MHTML archive (else a web page), by name or else by content.

    Raises :class:`UnsupportedSourceError` when it is neither.
    """
    suffix = _suffix(path)
    if suffix in _SUFFIXES:
        return suffix in MHTML_SUFFIXES
    head = _read_head(path)
    if looks_like_mhtml(head):
        return True
    if looks_like_html(head):
        return False
    accepted = ", ".join(_SUFFIXES[:-1]) + f" or {_SUFFIXES[-1]}"
    kind = f"{suffix} files" if suffix else "this file"
    raise UnsupportedSourceError(
        f"Reader opens web pages saved as {accepted}; it cannot read {kind}."
    )


def _suffix(path: Path) -> str:
    """The suffix of the file ``path`` names: a link's target's, not the link's own."""
    try:
        return path.resolve(strict=True).suffix.lower()
    except (OSError, RuntimeError):
        return path.suffix.lower()


def _read_head(path: Path) -> bytes:
    """The file's first bytes, enough to tell a web page or an archive by."""
    try:
        with open_regular(path) as file:
            return file.read(4 * SNIFF_BYTES)
    except OSError as err:
        raise _read_error(path, err) from err


def _read(
    path: Path, cap: int, size: int, progress: Progress | None, cancelled: Cancelled | None
) -> bytes:
    """The file's bytes, read in chunks between which progress and cancellation are handled."""
    out = bytearray()
    try:
        with open_regular(path) as file:
            while chunk := file.read(_CHUNK):
                out += chunk
                if len(out) > cap:
                    raise LoadError(too_large(f"The file {path.name}", None, cap))
                if progress is not None:
                    progress(len(out), size)
                check_cancelled(cancelled)
    except OSError as err:
        raise _read_error(path, err) from err
    return bytes(out)


def _read_error(path: Path, err: OSError) -> LoadError:
    if isinstance(err, PermissionError):
        return LoadError(f"Reader may not open {path} (permission denied).")
    return LoadError(f"Could not read {path}: {_reason(err)}.")


def _dir(path: Path) -> str:
    return str(path.resolve().parent)


def _reason(err: Exception) -> str:
    if isinstance(err, OSError) and err.strerror:
        return err.strerror.lower()
    return str(err) or type(err).__name__
