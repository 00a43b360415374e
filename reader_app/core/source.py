"""What the reader asked to open, parsed once: a file on this computer or a web page.

Whatever names a page — a command-line argument, the location bar, a drop, a link, a later
launch handing its arguments over — becomes a :class:`Source` through :func:`parse_source`,
and everything downstream (loading, history, recent pages, the library) takes that value.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal
from urllib.parse import unquote, urlsplit

from .errors import LoadError, UnsupportedSourceError

#: File name endings of the pages Reader opens.
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
MHTML_SUFFIXES = (".mhtml", ".mht")
PAGE_SUFFIXES = (*HTML_SUFFIXES, ".shtml", *MHTML_SUFFIXES)
#: ``file``: a file on this computer (``path``); ``web``: an http(s) address (``url``).
SourceKind = Literal["file", "web"]

_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]+):")
# A web address typed without its scheme: "example.org/news", "www.example.co.uk".
_DOMAIN = re.compile(r"[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}(?::\d+)?(?:[/?#]|$)")
_WEB = ("http", "https")


@dataclass(frozen=True)
class Source:
    """A page to open: a ``file`` (its ``location`` is the path) or a ``web`` page (the URL).

    ``str(source)`` is the location: the form kept in the history, the recent pages and the
    library, and handed to a running Reader.
    """

    kind: SourceKind
    location: str

    def __str__(self) -> str:
        return self.location

    @property
    def is_file(self) -> bool:
        """True for a file on this computer."""
        return self.kind == "file"

    @property
    def path(self) -> Path:
        """The file's path (only for a ``file`` source)."""
        if self.kind != "file":
            raise ValueError(f"{self.location} is not a file")
        return Path(self.location)

    def absolute(self) -> Source:
        """The same source with a relative path made absolute (web sources as they are)."""
        if self.kind != "file":
            return self
        return Source("file", str(Path(self.location).absolute()))

    @classmethod
    def file(cls, path: str | os.PathLike[str]) -> Source:
        """The source of the file ``path`` (``~`` expanded)."""
        return cls("file", str(Path(path).expanduser()))


def scheme_of(text: str) -> str | None:
    """The URL scheme ``text`` starts with, lower-cased; None for a path.

    An existing file is a path whatever its name, a drive letter (``C:\\…``) is not a scheme,
    and neither is the start of a page's file name such as ``notes:draft.html``.
    """
    text = text.strip()
    match = _SCHEME.match(text)
    if match is None or os.path.exists(text):
        return None
    scheme = match.group(1).lower()
    rest = text[match.end():]
    if scheme not in (*_WEB, "file") and not rest.startswith("//") and (
            rest.lower().endswith(PAGE_SUFFIXES)):
        return None
    return scheme


def parse_source(text: str | os.PathLike[str]) -> Source:
    """The :class:`Source` ``text`` names: a path, a ``file:`` URL or an http(s) URL.

    Raises :class:`UnsupportedSourceError` for nothing at all, another scheme or a file on
    another computer, and :class:`LoadError` for a web address typed without its scheme that
    names no file; each with a one-line message fit to show.
    """
    if isinstance(text, os.PathLike):
        return Source("file", os.fspath(text))
    text = text.strip()
    if not text:
        raise UnsupportedSourceError("No file or web address was given.")
    scheme = scheme_of(text)
    if scheme in _WEB:
        return Source("web", text)
    if scheme == "file":
        return Source("file", str(_file_url_path(text)))
    if scheme is None:
        path = Path(text).expanduser()
        if (_DOMAIN.match(text) and path.suffix.lower() not in HTML_SUFFIXES + MHTML_SUFFIXES
                and not path.exists()):
            raise LoadError(f"There is no file {text}; start a web address with https://")
        return Source("file", str(path))
    raise UnsupportedSourceError(
        f"Reader opens files and http or https web addresses, not {scheme}: addresses."
    )


def display_location(text: str) -> str:
    """How an address is shown to the reader: a path for ``file:`` URLs, others as they are."""
    if scheme_of(text) == "file":
        try:
            return str(_file_url_path(text))
        except (LoadError, UnsupportedSourceError):
            return text
    return text


def _file_url_path(url: str) -> Path:
    try:
        parts = urlsplit(url.strip())
    except ValueError as err:
        raise LoadError(f"This is not a valid file address: {url}") from err
    if parts.netloc not in ("", "localhost"):
        raise UnsupportedSourceError(
            f"Reader opens files on this computer only, not on {parts.netloc}."
        )
    if not parts.path:
        raise LoadError(f"This file address names no file: {url}")
    return file_url_path(parts.path)


def file_url_path(path: str) -> Path:
    """The file a ``file:`` address's path names: its percent-escapes decoded (as
    ``urllib.request.url2pathname`` does on POSIX, without loading the network modules)."""
    return Path(unquote(path))
