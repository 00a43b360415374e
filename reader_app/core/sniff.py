"""Recognise a web page or an MHTML archive by its first bytes, when no name or type says."""

from __future__ import annotations

import codecs
import re

#: How many leading bytes the checks look at.
SNIFF_BYTES = 1024

_HTML_START = re.compile(
    rb"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|\?xml[^>]*>\s*<(?:!doctype\s+)?html)",
    re.IGNORECASE | re.DOTALL,
)
_MHTML_HEADER = re.compile(
    rb"^(?:(?:[\w-]+:|[ \t])[^\n]*\r?\n)*content-type:\s*multipart/related", re.IGNORECASE
)


def looks_like_html(head: bytes) -> bool:
    """True when ``head`` (a document's first bytes) opens like an HTML or XHTML page."""
    head = head[:SNIFF_BYTES]
    if head.startswith(codecs.BOM_UTF8):
        head = head[len(codecs.BOM_UTF8) :]
    elif head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        head = head[2:].replace(b"\0", b"")
    return _HTML_START.match(head) is not None


def looks_like_mhtml(head: bytes) -> bool:
    """True when ``head`` opens with MIME headers of a ``multipart/related`` archive."""
    return _MHTML_HEADER.match(head[: 4 * SNIFF_BYTES]) is not None
