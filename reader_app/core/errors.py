"""The one error family the core raises: every message is fit to show a reader as it is."""

from __future__ import annotations


class ReaderError(Exception):
    """Base of every error the core raises on bad input; ``str(err)`` is a one-line message."""


class LoadError(ReaderError):
    """A file or URL could not be read (missing, unreadable, refused, too large, wrong type)."""


class UnsupportedSourceError(LoadError):
    """The source is neither a supported file nor an http(s) URL."""


class LoadCancelledError(LoadError):
    """The caller cancelled the load."""


class DecodeError(ReaderError):
    """The bytes are not text in any encoding we can recognise (e.g. a binary file)."""


class ExtractionError(ReaderError):
    """The page was read, but it holds no article text."""
