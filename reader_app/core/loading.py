"""Read a page's bytes from a saved file, an MHTML archive or an http(s) URL, within limits."""

from __future__ import annotations

import dataclasses
import errno
import os
import stat
from pathlib import Path
from typing import BinaryIO

from .describe import too_large
from .errors import DecodeError, LoadError, UnsupportedSourceError
from .load_options import DEFAULT_USER_AGENT, Cancelled, LoadOptions, Progress, check_cancelled
from .model import RawPage
from .sniff import SNIFF_BYTES, looks_like_html, looks_like_mhtml
from .source import HTML_SUFFIXES, MHTML_SUFFIXES, Source, parse_source

__all__ = [
    "DEFAULT_USER_AGENT",
    "Cancelled",
    "LoadOptions",
    "Progress",
    "decode_text",
    "load",
    "load_text",
    "open_regular",
]

_CHUNK = 1024 * 1024
_SUFFIXES = HTML_SUFFIXES + MHTML_SUFFIXES


def load(
    source: Source | str | os.PathLike[str],
    options: LoadOptions | None = None,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> RawPage:
    """Read ``source``: a :class:`Source`, or what :func:`parse_source` takes (a file path, a
    ``file://`` URL or an http(s) URL).

    Files may be .html, .htm, .xhtml, .mhtml or .mht (or HTML without a known extension).
    Raises :class:`LoadError` or a subclass, with a one-line message, on every failure.
    """
    options = options or LoadOptions()
    if not isinstance(source, Source):
        source = parse_source(source)
    if source.kind == "web":
        from .http import fetch  # the network modules, only for pages of the web

        return fetch(source.location, options, progress, cancelled)
    return _load_file(source.path, options, progress, cancelled)


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
        from .mhtml import parse_mhtml  # the e-mail parser, only for archives

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
