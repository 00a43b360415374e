"""Inline structure (emphasis, strong, code, links, sub/sup, line breaks) as spans over blocks.

Extraction builds each block's text from an element tree (trafilatura's XML or readability's
HTML) and cleans its whitespace. :func:`with_spans` walks the same tree once, notes where
each inline element starts and ends among the tree's non-whitespace characters, and finds
every block's non-whitespace characters in that sequence, so spans survive any whitespace
cleaning without the block text changing. A block whose characters are not found in order
(text reordered by its builder) keeps no spans.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, replace
from itertools import accumulate
from typing import TYPE_CHECKING

from lxml import etree

from .model import Span, SpanKind

if TYPE_CHECKING:  # the window renders spans without loading the declutter stage
    from .declutter import Draft

__all__ = ["nested", "spans_within", "split_spans", "with_spans"]

#: Non-whitespace runs, as the text cleaning sees them (a zero-width space is whitespace).
_WORD = re.compile(r"[^\s\u200b]+")


def _solid(text: str) -> str:
    """``text`` without whitespace."""
    solid = "".join(text.split())
    return solid.replace("\u200b", "") if "\u200b" in solid else solid

#: trafilatura's ``<hi rend>`` values.
_REND: dict[str, SpanKind] = {"#i": "em", "#b": "strong", "#t": "code", "#sub": "sub",
                              "#sup": "sup"}
#: HTML elements (readability's output).
_HTML: dict[str, SpanKind] = {
    "em": "em", "i": "em", "cite": "em", "dfn": "em", "var": "em", "strong": "strong",
    "b": "strong", "code": "code", "tt": "code", "kbd": "code", "samp": "code", "sub": "sub",
    "sup": "sup",
}
_BREAKS = frozenset({"lb", "br"})
_INLINE_TAGS = frozenset({"hi", "ref", "a", *_HTML, *_BREAKS})
#: Blocks that carry no inline spans (code is code throughout; an image's text is its alt).
_PLAIN_KINDS = frozenset({"code", "image"})


@dataclass(frozen=True)
class _Mark:
    """A span in the tree's non-whitespace character sequence."""

    start: int
    end: int
    kind: SpanKind
    href: str | None = None


def _kind(element: etree._Element) -> tuple[SpanKind | None, str | None]:
    tag = element.tag
    if tag == "hi":
        return _REND.get(element.get("rend") or ""), None
    if tag in ("ref", "a"):
        href = (element.get("target") or element.get("href") or "").strip()
        return ("link", href) if href else (None, None)
    return _HTML.get(tag) if isinstance(tag, str) else None, None


def _marks(root: etree._Element) -> tuple[str, list[_Mark], list[int]]:
    """The tree's non-whitespace characters, its inline spans and its line breaks in them."""
    chars: list[str] = []
    length = 0
    marks: list[_Mark] = []
    breaks: list[int] = []
    opened: dict[int, tuple[int, SpanKind, str | None]] = {}
    for event, element in etree.iterwalk(root, events=("start", "end")):
        tag = element.tag
        if event == "start":
            if tag.__class__ is not str:
                continue  # a comment or processing instruction: its tail comes at its end
            if tag in _INLINE_TAGS:
                if tag in _BREAKS:
                    breaks.append(length)
                kind, href = _kind(element)
                if kind is not None:
                    opened[id(element)] = (length, kind, href)
            text = element.text
        else:
            if tag in _INLINE_TAGS:
                begun = opened.pop(id(element), None)
                if begun is not None and length > begun[0]:
                    marks.append(_Mark(begun[0], length, begun[1], begun[2]))
            text = element.tail if element is not root else None
        if text:
            solid = _solid(text)
            chars.append(solid)
            length += len(solid)
    marks.sort(key=lambda m: m.start)
    return "".join(chars), marks, breaks


class _Positions:
    """Maps the n-th non-whitespace character of a text to its index in the text."""

    def __init__(self, text: str) -> None:
        runs = [(m.start(), m.end()) for m in _WORD.finditer(text)]
        self.starts = [start for start, _end in runs]
        self.counts = list(accumulate((end - start for start, end in runs[:-1]), initial=0))

    def __call__(self, n: int) -> int:
        run = bisect_right(self.counts, n) - 1
        return self.starts[run] + n - self.counts[run]


def with_spans(root: etree._Element, drafts: Iterable[Draft]) -> list[Draft]:
    """``drafts`` (built from ``root``, in its order) with the inline spans of their blocks."""
    solid, marks, breaks = _marks(root)
    out: list[Draft] = []
    pointer = 0
    active: list[_Mark] = []
    next_mark = 0
    for draft in drafts:
        block = draft.block
        wanted = _solid(block.text) if block.kind != "image" else ""
        at = solid.find(wanted, pointer) if wanted else -1
        if at < 0:
            out.append(draft)
            continue
        end = at + len(wanted)
        pointer = end
        if block.kind in _PLAIN_KINDS:
            out.append(draft)
            continue
        while next_mark < len(marks) and marks[next_mark].start < end:
            active.append(marks[next_mark])
            next_mark += 1
        active = [m for m in active if m.end > at]
        if not active and bisect_right(breaks, at) == bisect_right(breaks, end - 1):
            out.append(draft)
            continue
        spans = _block_spans(block.text, at, end, active, breaks)
        out.append(replace(draft, block=replace(block, spans=spans)) if spans else draft)
    return out


def _block_spans(
    text: str, at: int, end: int, marks: list[_Mark], breaks: list[int]
) -> tuple[Span, ...]:
    position = _Positions(text)
    spans: list[Span] = []
    for mark in marks:
        first, last = max(mark.start, at) - at, min(mark.end, end) - at
        if last > first:
            spans.append(Span(position(first), position(last - 1) + 1, mark.kind, mark.href))
    for index in range(bisect_right(breaks, at), bisect_right(breaks, end - 1)):
        n = breaks[index] - at
        gap_start, gap_end = position(n - 1) + 1, position(n)
        if gap_end > gap_start:
            newline = text.find("\n", gap_start, gap_end)
            where = newline if newline >= 0 else gap_start
            spans.append(Span(where, where + 1, "br"))
    spans.sort(key=lambda s: (s.start, -s.end))
    return tuple(dict.fromkeys(spans))


def spans_within(spans: Iterable[Span], start: int, end: int) -> tuple[Span, ...]:
    """The parts of ``spans`` inside ``[start, end)``, shifted to start there (a list item's
    or table cell's spans, when ``start``/``end`` bound it in the block text)."""
    out = []
    for span in spans:
        first, last = max(span.start, start), min(span.end, end)
        if last > first:
            out.append(replace(span, start=first - start, end=last - start))
    return tuple(out)


def split_spans(
    text: str, spans: Iterable[Span], sep: str
) -> list[tuple[str, tuple[Span, ...]]]:
    """``text`` split at ``sep`` (list items, quote lines, table rows or cells), each piece
    with its own spans."""
    spans = tuple(spans)
    out = []
    pos = 0
    for piece in text.split(sep):
        out.append((piece, spans_within(spans, pos, pos + len(piece))))
        pos += len(piece) + len(sep)
    return out


def nested(spans: Iterable[Span]) -> list[Span]:
    """``spans`` split where they cross, so any two are disjoint or one holds the other;
    ordered by start, outer before inner (the order to open them in)."""
    queue = sorted(spans, key=lambda s: (s.start, -s.end))
    out: list[Span] = []
    stack: list[Span] = []
    while queue:
        span = queue.pop(0)
        while stack and stack[-1].end <= span.start:
            stack.pop()
        if stack and span.end > stack[-1].end:
            rest = replace(span, start=stack[-1].end)
            span = replace(span, end=stack[-1].end)
            queue.append(rest)
            queue.sort(key=lambda s: (s.start, -s.end))
        out.append(span)
        stack.append(span)
    return out
