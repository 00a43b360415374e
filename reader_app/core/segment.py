"""The page cut into candidate blocks, in document order: every run of text between block
boundaries, with headings, simple lists, data tables, quotes and code kept whole.

Each candidate remembers the element it came from, so that the content/boilerplate model
can look at where it sits in the page. Cutting the whole page (rather than judging what an
extractor kept) lets the model keep text extractors miss: forum posts, product details,
listing entries.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from lxml import etree

from .clutter_cues import Draft
from .images import image_block
from .model import Block
from .text import clean_text, list_items, table_rows, text_of

__all__ = ["Candidate", "segment"]

_HEADINGS = {f"h{n}": n for n in range(1, 7)}
#: Never text of the page (controls, media, code that is not shown).
_SKIP = frozenset(
    {"script", "style", "noscript", "template", "iframe", "object", "embed", "button",
     "input", "select", "textarea", "option", "svg", "img", "picture", "video", "audio",
     "figcaption", "head", "title", "meta", "link", "canvas", "map"}
)  # fmt: skip
#: Elements that end one run of text and start another.
_BLOCK = frozenset(
    {"p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "form",
     "figure", "ul", "ol", "li", "dl", "dt", "dd", "table", "thead", "tbody", "tfoot", "tr",
     "td", "th", "caption", "hr", "center", "details", "summary", "fieldset", "address",
     "body", "html", "menu", "legend", "label"}
)  # fmt: skip
#: Elements that give a list item or a table cell a layout of its own.
_STRUCTURE = frozenset(
    {"p", "div", "ul", "ol", "dl", "table", "blockquote", "pre", "section", "article", "h1",
     "h2", "h3", "h4", "h5", "h6", "form"}
)  # fmt: skip
_MAX_CELL_CHARS = 300


@dataclass(frozen=True)
class Candidate:
    """A candidate block, the element it came from, and (for a list item) its list."""

    draft: Draft
    element: etree._Element = field(compare=False)
    group: etree._Element | None = field(default=None, compare=False)


def segment(
    body: etree._Element, url: str | None = None, *, images: bool = True
) -> list[Candidate]:
    """The candidate blocks of ``body`` (its text runs and whole units, pictures as image
    blocks after the text they sit in), in order."""
    out: list[Candidate] = []
    pictures: list[Candidate] = []
    seen: set[str] = set()
    parts: list[str] = []
    links = [0]
    owners: list[etree._Element] = [body]
    link_depth = 0

    def flush() -> None:
        text = clean_text("".join(parts))
        if text:
            owner = owners[-1]
            group = owner.getparent() if owner.tag == "li" else None
            ratio = min(1.0, links[0] / len(text))
            out.append(Candidate(Draft(Block("paragraph", text), ratio), owner, group))
        out.extend(pictures)
        pictures.clear()
        parts.clear()
        links[0] = 0

    def add(text: str | None) -> None:
        if text:
            parts.append(text)
            if link_depth:
                links[0] += len(text.strip())

    walker = etree.iterwalk(body, events=("start", "end"))
    skipped: etree._Element | None = None
    for event, element in walker:
        tag = element.tag if isinstance(element.tag, str) else ""
        if event == "start":
            unit = None if not tag or tag in _SKIP else _unit(element, tag)
            if images and tag in ("img", "figure"):
                picture = image_block(element, url, seen)
                if picture is not None and tag == "img":
                    pictures.append(Candidate(Draft(picture), element))
                elif tag == "figure" and element.find(".//img") is not None:
                    unit = [Draft(picture)] if picture is not None else []
            if unit is not None:
                flush()
                out += [Candidate(d, element) for d in unit]
            if unit is not None or not tag or tag in _SKIP:
                walker.skip_subtree()  # its end event follows at once
                skipped = element
            elif tag in _BLOCK:
                flush()
                owners.append(element)
            elif tag == "br":
                parts.append("\n")
            elif tag == "a":
                link_depth += 1
            if skipped is not element:
                add(element.text)
            continue
        if element is skipped:
            skipped = None
            parts.append(" " if tag else "")
        elif tag in _BLOCK:
            flush()
            owners.pop()
        elif tag == "a":
            link_depth -= 1
        elif tag not in _INLINE:
            parts.append(" ")
        add(element.tail)
    flush()
    return _coarsen(out, MAX_CANDIDATES)


#: More candidates than this (a page of a million paragraphs) are merged into fewer, longer
#: ones, so that judging them stays fast and small.
MAX_CANDIDATES = 20_000


def _coarsen(candidates: list[Candidate], limit: int) -> list[Candidate]:
    """Merge runs of consecutive paragraphs until at most about ``limit`` candidates are
    left: first those of one parent element, then any."""
    for same_parent in (True, False):
        if len(candidates) <= limit:
            break
        size = -(-len(candidates) // limit)
        merged: list[Candidate] = []
        run: list[Candidate] = []
        for candidate in candidates:
            mergeable = candidate.draft.block.kind == "paragraph" and candidate.group is None
            parent = candidate.element.getparent()
            if run and (
                not mergeable
                or len(run) >= size
                or (same_parent and parent is not run[0].element.getparent())
            ):
                merged.append(_merge(run))
                run = []
            if mergeable:
                run.append(candidate)
            else:
                merged.append(candidate)
        if run:
            merged.append(_merge(run))
        candidates = merged
    return candidates


def _merge(run: list[Candidate]) -> Candidate:
    if len(run) == 1:
        return run[0]
    texts = [c.draft.block.text for c in run]
    links = sum(c.draft.link_ratio * len(t) for c, t in zip(run, texts, strict=True))
    text = "\n".join(texts)
    draft = Draft(Block("paragraph", text), links / max(1, len(text)))
    return Candidate(draft, run[0].element)


#: Inline elements that join words without a space ("<b>Re</b>ader").
_INLINE = frozenset(
    {"a", "b", "i", "em", "strong", "span", "sup", "sub", "small", "mark", "abbr", "code", "q",
     "cite", "u", "s", "font", "time", "bdi", "kbd"}
)  # fmt: skip


def _unit(element: etree._Element, tag: str) -> list[Draft] | None:
    """The drafts of an element kept whole, or None when its parts are candidates."""
    if tag in _HEADINGS:
        text, ratio = text_of(element, ("br",))
        text = " ".join(text.split())
        return [Draft(Block("heading", text, level=_HEADINGS[tag]), ratio)] if text else []
    if tag == "pre":
        text = "".join(element.itertext()).strip("\n")
        return [Draft(Block("code", text))] if text.strip() else []
    if tag == "blockquote" and element.find(".//table") is None:
        text, ratio = text_of(element, ("br", "p", "div", "li"))
        return [Draft(Block("quote", text), ratio)] if text else []
    if tag in ("ul", "ol") and _simple_list(element):
        items, link_chars, total = list_items(element, "li", ("ul", "ol"))
        if not items:
            return []
        block = Block("list", "\n".join(items), items=tuple(items), ordered=tag == "ol")
        return [Draft(block, link_chars / max(1, total))]
    if tag == "table" and _data_table(element):
        rows = table_rows(element, "tr", ("td", "th"))
        if not rows:
            return []
        text = "\n".join("\t".join(cells) for cells in rows)
        return [Draft(Block("table", text, rows=tuple(rows)))]
    return None


def _simple_list(element: etree._Element) -> bool:
    """A list whose items hold only inline text (and nested lists)."""
    for item in element:
        if item.tag != "li":
            continue
        for inner in item.iter():
            if inner is not item and inner.tag in _STRUCTURE and inner.tag not in ("ul", "ol"):
                return False
    return True


def _data_table(element: etree._Element) -> bool:
    """A table of short cells, two rows or more, with no layout inside it."""
    rows = 0
    for inner in element.iter():
        if inner is element:
            continue
        tag = inner.tag
        if tag == "tr":
            rows += 1
        elif (tag in _STRUCTURE and tag != "p") or _long_cell(inner):
            return False
    return rows >= 2


def _long_cell(element: etree._Element) -> bool:
    return element.tag in ("td", "th") and len(element.text_content()) > _MAX_CELL_CHARS


def blocks_of(candidates: Iterator[Candidate]) -> list[Block]:
    """Blocks of kept candidates: consecutive items of one list become a list block."""
    out: list[Block] = []
    group: etree._Element | None = None
    for candidate in candidates:
        block = candidate.draft.block
        if candidate.group is not None and candidate.group is group and out:
            last = out[-1]
            items = (*last.items, block.text.replace("\n", " "))
            out[-1] = Block("list", "\n".join(items), items=items, ordered=last.ordered)
            continue
        group = candidate.group
        if group is not None:
            item = block.text.replace("\n", " ")
            block = Block("list", item, items=(item,), ordered=group.tag == "ol")
        out.append(block)
    return out
