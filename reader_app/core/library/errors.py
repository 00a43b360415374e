"""Errors of the library: each message is one line fit to show a reader."""

from __future__ import annotations

from ..errors import ReaderError


class LibraryError(ReaderError):
    """The library could not do what was asked (busy, unreadable, bad input)."""


class CorruptLibraryError(LibraryError):
    """The library file is damaged or is no Reader library; it is left as it is."""


class NewerLibraryError(LibraryError):
    """The library was written by a newer Reader; this one leaves it as it is."""
