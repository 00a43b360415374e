"""Inline structure (emphasis, strong, code, links, sub/sup, line breaks) as spans over blocks.

Extraction builds each block's text from an element tree (trafilatura's XML or readability's
HTML) and cleans its whitespace. :func:`with_spans` walks the same tree once, notes where
each inline element starts and ends among the tree's non-whitespace characters, and finds
every block's non-whitespace characters in that sequence, so spans survive any whitespace
cleaning without the block text changing. A block whose characters are not found in order
(text reordered by its builder) keeps no spans.

trafilatura is faster without formatting elements, so :func:`mark_formatting` writes where
each one starts and ends into the page's text as Unicode noncharacters before it reads the
page; :func:`with_spans` takes them out of the tree's and the blocks' text again and makes them
spans, as it does with ``<hi>`` elements. A link loose in a box (a ``<div>``, not a paragraph)
loses the spaces around it in trafilatura, and the boxes inside a list item the space between
them; another noncharacter keeps each, and :func:`with_kept_spaces` makes it a space again.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, replace
from itertools import accumulate
from typing import TYPE_CHECKING

from lxml import etree

from .figures import resolve_src
from .model import Block, Span, SpanKind

if TYPE_CHECKING:  # the window renders spans without loading the declutter stage
    from .declutter import Draft

__all__ = [
    "mark_formatting", "unmark_formatting", "with_kept_spaces", "with_spans", "without_markers",
]

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

#: Formatting elements of a page, by the span they make (as trafilatura reads them).
_FORMATTING: dict[str, SpanKind] = {
    "em": "em", "i": "em", "b": "strong", "strong": "strong", "kbd": "code", "samp": "code",
    "tt": "code", "var": "code", "sub": "sub", "sup": "sup",
}  # fmt: skip
#: Unicode noncharacters (never text) that stand for the start and end of each kind while an
#: extractor reads the page without its formatting elements.
_OPENERS: dict[SpanKind, str] = {"em": "\ufdd0", "strong": "\ufdd2", "code": "\ufdd4",
                                 "sub": "\ufdd6", "sup": "\ufdd8"}
_CLOSERS: dict[SpanKind, str] = {kind: chr(ord(c) + 1) for kind, c in _OPENERS.items()}
_MARKER_KIND: dict[str, tuple[SpanKind, bool]] = {
    **{c: (kind, True) for kind, c in _OPENERS.items()},
    **{c: (kind, False) for kind, c in _CLOSERS.items()},
}
_NO_MARKERS = {ord(c): None for c in _MARKER_KIND}
_MARKERS = re.compile("[\ufdd0-\ufdd9]")
#: A noncharacter that keeps a space trafilatura would drop: around a link loose in a box (a
#: ``<div>`` or a quotation, not a paragraph; "Jo Park</a> has" would read "Jo Parkhas") and
#: after a box of text in a list item.
_KEPT_SPACE = "\ufdda"
_LOOSE_PARENTS = frozenset({"div", "section", "article", "main", "body", "center", "blockquote"})
#: Boxes of text inside a list item with something after them, whose texts trafilatura joins
#: without a space; not those in or around a link (a card of related links), whose text a
#: marker would make less a link's.
_ITEM_BLOCKS = etree.XPath(
    "//li//*[self::div or self::p or self::section or self::table]"
    "[following-sibling::* or normalize-space(following-sibling::text()[1])]"
    "[not(ancestor::a)][not(.//a)][normalize-space()]"
)
_LINE_SPACE = re.compile(r"[ \t\r\f\v\u00a0\u200b]+")


def _has_markers(text: str) -> bool:
    """Whether ``text`` holds a marker (one scan per character: much faster than a regex)."""
    return any(marker in text for marker in _MARKER_KIND)


@dataclass(frozen=True)
class _Mark:
    """A span in the tree's non-whitespace character sequence."""

    start: int
    end: int
    kind: SpanKind
    href: str | None = None


def without_markers(text: str) -> str:
    """``text`` without the characters :func:`mark_formatting` uses (a page's own are no
    formatting)."""
    if _KEPT_SPACE in text:
        text = text.replace(_KEPT_SPACE, "")
    return _MARKERS.sub("", text) if _has_markers(text) else text


def mark_formatting(root: etree._Element) -> list[etree._Element]:
    """Write each formatting element's start and end into the text of ``root`` as markers, so
    that an extractor that drops the elements (it is faster without them) keeps where they
    were; :func:`with_spans` reads them. Mark too the spaces trafilatura would drop (see
    :data:`_KEPT_SPACE`). Returns the elements to :func:`unmark_formatting`."""
    marked = []
    for element in root.iter(*_FORMATTING):
        if not any(piece.strip() for piece in element.itertext()):
            continue  # nothing to format: an icon ("<i class='fa-share'><svg>")
        kind = _FORMATTING[element.tag]
        element.text = _OPENERS[kind] + (element.text or "")
        if len(element):
            last = element[-1]
            last.tail = (last.tail or "") + _CLOSERS[kind]
        else:
            element.text += _CLOSERS[kind]
        marked.append(element)
    for link in root.iter("a"):
        parent = link.getparent()
        if parent is None or parent.tag not in _LOOSE_PARENTS:
            continue
        tail, previous = link.tail, link.getprevious()
        before = parent.text if previous is None else previous.tail
        spaced_after = bool(tail and tail[0].isspace() and not tail.isspace())
        spaced_before = bool(before and before[-1].isspace() and not before.isspace())
        if spaced_after:
            link.tail = _KEPT_SPACE + link.tail
        if spaced_before and previous is None:
            parent.text = f"{before}{_KEPT_SPACE}"
        elif spaced_before:
            previous.tail = f"{before}{_KEPT_SPACE}"
        if spaced_after or spaced_before:
            marked.append(link)
    for block in _ITEM_BLOCKS(root):  # "<li><div>Language</div><div>English</div>"
        block.tail = _KEPT_SPACE + (block.tail or "")
        marked.append(block)
    return marked


def unmark_formatting(marked: list[etree._Element]) -> None:
    """Take the markers of :func:`mark_formatting` out of the tree again."""
    for element in marked:
        if element.tag == "a":
            _unmark_link(element)
            continue
        if element.tag not in _FORMATTING:  # a box in a list item
            if element.tail and element.tail[0] == _KEPT_SPACE:
                element.tail = element.tail[1:] or None
            continue
        if element.text:
            element.text = element.text.translate(_NO_MARKERS)
        if len(element) and element[-1].tail:
            element[-1].tail = element[-1].tail.translate(_NO_MARKERS)


def _unmark_link(link: etree._Element) -> None:
    """Take the markers of the spaces around ``link`` out of its tail and the text before it."""
    if link.tail and link.tail[0] == _KEPT_SPACE:
        link.tail = link.tail[1:]
    previous = link.getprevious()
    if previous is None:
        parent = link.getparent()
        if parent is not None and parent.text and parent.text[-1] == _KEPT_SPACE:
            parent.text = parent.text[:-1]
    elif previous.tail and previous.tail[-1] == _KEPT_SPACE:
        previous.tail = previous.tail[:-1]


def with_kept_spaces(root: etree._Element) -> etree._Element:
    """``root`` (an extractor's result) with the spaces :func:`mark_formatting` kept put
    back, in place."""
    for element in root.iter():
        text, tail = element.text, element.tail
        if text and _KEPT_SPACE in text:
            element.text = text.replace(_KEPT_SPACE, " ")
        if tail and _KEPT_SPACE in tail:
            element.tail = tail.replace(_KEPT_SPACE, " ")
    return root


def _kind(
    element: etree._Element, base_url: str | None
) -> tuple[SpanKind | None, str | None]:
    tag = element.tag
    if tag == "hi":
        return _REND.get(element.get("rend") or ""), None
    if tag in ("ref", "a"):
        href = (element.get("target") or element.get("href") or "").strip()
        if href and base_url:
            href = resolve_src(href, base_url)
        return ("link", href) if href else (None, None)
    return _HTML.get(tag) if isinstance(tag, str) else None, None


def _marks(
    root: etree._Element, base_url: str | None
) -> tuple[str, list[_Mark], list[int], bool]:
    """The tree's non-whitespace characters, its inline spans and its line breaks in them,
    and whether its text held formatting markers."""
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
                kind, href = _kind(element, base_url)
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
    solid = "".join(chars)
    marked = _has_markers(solid)
    if marked:
        solid, marks, breaks = _read_markers(solid, marks, breaks)
    marks.sort(key=lambda m: m.start)
    return solid, marks, breaks, marked


def _read_markers(
    solid: str, marks: list[_Mark], breaks: list[int]
) -> tuple[str, list[_Mark], list[int]]:
    """``solid`` without its formatting markers, with the spans they stand for added to
    ``marks``; the other marks and the breaks move to the text without markers."""
    cuts: list[int] = []  # where each marker was, in ``solid``
    pending: dict[SpanKind, list[int]] = {}
    found: list[_Mark] = []
    for match in _MARKERS.finditer(solid):
        position = match.start() - len(cuts)
        cuts.append(match.start())
        kind, opening = _MARKER_KIND[match.group()]
        if opening:
            pending.setdefault(kind, []).append(position)
        elif pending.get(kind):
            start = pending[kind].pop()
            if position > start:
                found.append(_Mark(start, position, kind))

    def moved(n: int) -> int:
        return n - bisect_left(cuts, n)

    marks = [_Mark(moved(m.start), moved(m.end), m.kind, m.href) for m in marks]
    breaks = [moved(n) for n in breaks]
    return _MARKERS.sub("", solid), marks + found, breaks


class _Positions:
    """Maps the n-th non-whitespace character of a text to its index in the text."""

    def __init__(self, text: str) -> None:
        words = text.split()
        if "\u200b" not in text and sum(map(len, words)) + len(words) - 1 == len(text):
            # one whitespace character between runs, none around (cleaned text): each run
            # starts as many characters after its count as runs come before it
            self.starts: list[int] | None = None
            self.counts = list(accumulate(map(len, words[:-1]), initial=0))
            return
        runs = [(m.start(), m.end()) for m in _WORD.finditer(text)]
        self.starts = [start for start, _end in runs]
        self.counts = list(accumulate((end - start for start, end in runs[:-1]), initial=0))

    def __call__(self, n: int) -> int:
        run = bisect_right(self.counts, n) - 1
        if self.starts is None:
            return n + run
        return self.starts[run] + n - self.counts[run]


def with_spans(
    root: etree._Element, drafts: Iterable[Draft], base_url: str | None = None
) -> list[Draft]:
    """``drafts`` (built from ``root``, in its order) with the inline spans of their blocks;
    links resolved against ``base_url`` (the page's address) when one is given."""
    solid, marks, breaks, marked = _marks(root, base_url)
    out: list[Draft] = []
    pointer = 0
    active: list[_Mark] = []
    next_mark = 0
    for draft in drafts:
        block = draft.block
        if marked and _has_markers(block.text):
            block = _unmarked(block)
            draft = replace(draft, block=block)
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


def _unmarked(block: Block) -> Block:
    """``block`` without formatting markers, its whitespace cleaned as extraction does."""
    if block.kind == "table":
        rows = tuple(
            tuple(" ".join(cell.translate(_NO_MARKERS).split()) for cell in row)
            for row in block.rows
        )
        return replace(block, rows=rows, text="\n".join("\t".join(r) for r in rows))
    if block.kind == "list":
        items = tuple(" ".join(i.translate(_NO_MARKERS).split()) for i in block.items)
        return replace(block, items=items, text="\n".join(items))
    text = block.text.translate(_NO_MARKERS)
    if block.kind == "code":
        return replace(block, text=text)
    if block.kind == "heading":
        return replace(block, text=" ".join(text.split()))
    lines = (_LINE_SPACE.sub(" ", line).strip() for line in text.split("\n"))
    return replace(block, text="\n".join(line for line in lines if line))


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
