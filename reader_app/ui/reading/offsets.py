"""Where each part of an article's text lands in its rendered document, and back.

Qt positions count UTF-16 code units; :class:`OffsetMap` converts between them and offsets
into :attr:`Article.text`, so fact highlights sit on exactly the words they name.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtGui import QTextCursor, QTextDocument

from reader_app.core.model import Article

from ..style.theme import ReadingStyle


def utf16_length(text: str) -> int:
    """Length of ``text`` in UTF-16 code units (Qt's position unit)."""
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


@dataclass(frozen=True)
class Segment:
    """A piece of the article text placed contiguously in the document."""

    text_start: int
    doc_start: int
    text: str

    @property
    def text_end(self) -> int:
        return self.text_start + len(self.text)

    @property
    def doc_end(self) -> int:
        return self.doc_start + utf16_length(self.text)

    def units(self, chars: int) -> int:
        """UTF-16 units of the first ``chars`` characters."""
        return utf16_length(self.text[:chars])

    def chars(self, units: int) -> int:
        """Characters covered by the first ``units`` UTF-16 units (rounding down)."""
        count = 0
        for ch in self.text:
            units -= 2 if ord(ch) > 0xFFFF else 1
            if units < 0:
                break
            count += 1
        return count


class OffsetMap:
    """Maps offsets into :attr:`Article.text` to document positions and back.

    Offsets between pieces (block separators, list and table line breaks) map to the
    nearest piece boundary: a range's start to the following piece, its end to the preceding.
    """

    def __init__(self, segments: Sequence[Segment]) -> None:
        self.segments: tuple[Segment, ...] = tuple(segments)
        self._text_starts = [s.text_start for s in self.segments]
        self._doc_starts = [s.doc_start for s in self.segments]

    def to_document(self, offset: int) -> int:
        """The document position of text ``offset`` (the next piece's start if between pieces)."""
        segs = self.segments
        if not segs:
            return 0
        i = bisect_right(self._text_starts, offset) - 1
        if i < 0:
            return segs[0].doc_start
        seg = segs[i]
        if offset <= seg.text_end:
            return seg.doc_start + seg.units(offset - seg.text_start)
        return segs[i + 1].doc_start if i + 1 < len(segs) else seg.doc_end

    def range_to_document(self, start: int, end: int) -> tuple[int, int]:
        """Document positions of the text range ``[start, end)``."""
        doc_start = self.to_document(start)
        segs = self.segments
        i = bisect_right(self._text_starts, end) - 1
        if i < 0:
            doc_end = doc_start
        else:
            seg = segs[i]
            if end <= seg.text_end:
                doc_end = seg.doc_start + seg.units(end - seg.text_start)
            else:
                doc_end = seg.doc_end
        return doc_start, max(doc_start, doc_end)

    def to_text(self, position: int) -> int:
        """The text offset at document ``position`` (the next piece's start if between pieces)."""
        segs = self.segments
        if not segs:
            return 0
        i = bisect_right(self._doc_starts, position) - 1
        if i < 0:
            return segs[0].text_start
        seg = segs[i]
        if position <= seg.doc_end:
            return seg.text_start + seg.chars(position - seg.doc_start)
        return segs[i + 1].text_start if i + 1 < len(segs) else seg.text_end


@dataclass(frozen=True)
class ImageRef:
    """An image placed in the document: its position, resource name (an absolute URL) and
    label (alt text, else caption) told in its place when the picture cannot be shown."""

    position: int
    name: str
    label: str = ""


@dataclass(frozen=True, eq=False)
class RenderedArticle:
    """An article set as a document, with its offset map and the images it references."""

    article: Article
    style: ReadingStyle
    document: QTextDocument
    offsets: OffsetMap
    images: tuple[ImageRef, ...]


def document_text(document: QTextDocument, start: int, end: int) -> str:
    """The document's text in ``[start, end)`` as it reads in :attr:`Article.text`.

    Block and line breaks read as ``\\n``; a table cell boundary as ``\\t`` (``\\n`` before a
    row's first cell); an inline image as U+FFFC.
    """
    units: list[str] = []
    for pos in range(start, end):
        ch = document.characterAt(pos)
        if ch in ("\u2029", "\u2028", "\ufdd1"):
            ch = "\n"
        elif ch == "\ufdd0":
            cursor = QTextCursor(document)
            cursor.setPosition(pos + 1)
            table = cursor.currentTable()
            ch = "\t" if table is not None and table.cellAt(cursor).column() > 0 else "\n"
        units.append(ch)
    return "".join(units).encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
