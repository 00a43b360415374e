"""Words for messages: sizes in megabytes, and what a file is by its content type."""

from __future__ import annotations

_TYPE_NAMES = {
    "application/pdf": "a PDF document",
    "application/json": "JSON data",
    "application/zip": "a ZIP archive",
    "application/gzip": "a compressed archive",
    "application/epub+zip": "an EPUB book",
    "application/msword": "a Word document",
    "application/rss+xml": "a news feed",
    "application/atom+xml": "a news feed",
    "application/javascript": "a script",
    "text/javascript": "a script",
    "text/css": "a style sheet",
    "text/plain": "a plain text file",
    "text/csv": "a table of data (CSV)",
}
_TYPE_FAMILIES = {
    "image": "an image",
    "video": "a video",
    "audio": "an audio file",
    "font": "a font",
}


def too_large(what: str, size: int | None, cap: int) -> str:
    """The message for ``what`` ("The page", "The file x.html") over the ``cap`` in bytes."""
    if size is None:
        return f"{what} is larger than Reader's limit of {megabytes(cap)}."
    return f"{what} is too large: {megabytes(size)} (the limit is {megabytes(cap)})."


def megabytes(size: int) -> str:
    """``size`` in bytes, written in megabytes (of 2**20 bytes) for a message."""
    value = size / 2**20
    return f"{value:.0f} MB" if value >= 10 else f"{value:.1f} MB"


def describe_type(content_type: str) -> str:
    """What a file of ``content_type`` is, for a message ("a PDF document")."""
    if content_type in _TYPE_NAMES:
        return _TYPE_NAMES[content_type]
    family = content_type.partition("/")[0]
    if family in _TYPE_FAMILIES:
        return _TYPE_FAMILIES[family]
    return f"a file of type {content_type}"
