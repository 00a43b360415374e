"""The page cut into candidate blocks, in document order: every run of text between block
boundaries, with headings, simple lists, data tables, quotes and code kept whole.

Each candidate remembers the element it came from, so that the learned declutter
(:mod:`~reader_app.core.declutter_model`) can look at where a block sits in the page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import lxml.html
from lxml import etree

from .clutter_cues import Draft
from .declutter import remove_keep_tail
from .errors import ExtractionError
from .model import Block

__all__ = ["Candidate", "clean_text", "page_root", "segment"]

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


_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
#: Elements that never hold page text.
_CODE_TAGS = ("script", "style", "noscript", "template", "iframe", "object", "embed")


def page_root(html: str) -> etree._Element:
    """The page parsed as the extractor parses it, without its code elements."""
    html = _XML_DECLARATION.sub("", html, count=1)
    if not html.strip():
        raise ExtractionError("Empty page")
    parser = lxml.html.HTMLParser(
        remove_comments=True, remove_pis=True, collect_ids=False, default_doctype=False
    )
    try:
        root = lxml.html.document_fromstring(html, parser=parser)
    except etree.ParserError as err:
        raise ExtractionError("Unreadable page") from err
    for element in list(root.iter(*_CODE_TAGS)):
        remove_keep_tail(element)
    return root


@dataclass(frozen=True)
class Candidate:
    """A candidate block, the element it came from, and (for a list item) its list."""

    draft: Draft
    element: etree._Element = field(compare=False)
    group: etree._Element | None = field(default=None, compare=False)


def segment(body: etree._Element) -> list[Candidate]:
    """The candidate text blocks of ``body`` (its text runs and whole units), in order."""
    out: list[Candidate] = []
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


# --- plain text of elements ---------------------------------------------------------

_SPACE = re.compile(r"[ \t\r\f\v\u00a0\u200b]+")


def clean_text(text: str) -> str:
    """Collapse runs of spaces; keep single line breaks, trim each line."""
    lines = (_SPACE.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


class _Text:
    """Collects text of an element, counting characters inside links."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.link_chars = 0

    def add(self, element: etree._Element, *, break_tags: tuple[str, ...]) -> None:
        if element.text:
            self.parts.append(element.text)
            if element.tag == "a":
                self.link_chars += len(element.text.strip())
        for child in element:
            tag = child.tag if isinstance(child.tag, str) else ""  # "" for comments: tail only
            if tag in break_tags:
                self.parts.append("\n")
            if tag and tag not in _SKIPPED:
                before = self.link_chars
                self.add(child, break_tags=break_tags)
                if tag == "a":
                    inner = "".join(child.itertext()).strip()
                    self.link_chars = before + len(inner)
            if child.tail:
                self.parts.append(child.tail)

    def result(self) -> tuple[str, float]:
        text = clean_text("".join(self.parts))
        return text, (self.link_chars / len(text) if text else 0.0)


_SKIPPED = frozenset({"img", "ul", "ol", "table", "script", "style", "button", "svg"})


def text_of(element: etree._Element, break_tags: tuple[str, ...]) -> tuple[str, float]:
    """The cleaned text of ``element`` (a line break before each of ``break_tags``) and
    the share of it inside links."""
    collector = _Text()
    collector.add(element, break_tags=break_tags)
    return collector.result()


def list_items(
    element: etree._Element, item_tag: str, list_tags: tuple[str, ...]
) -> tuple[list[str], int, int]:
    """The items of a list, nested lists flattened, with their link and total characters."""
    items: list[str] = []
    link_chars = 0
    total = 0
    for item in element:
        if item.tag != item_tag:
            continue
        text, ratio = text_of(item, ("br",))
        text = " ".join(text.split())
        if text:
            items.append(text)
            link_chars += int(ratio * len(text))
            total += len(text)
        for sub in item:
            if sub.tag in list_tags:
                sub_items, sub_links, sub_total = list_items(sub, item_tag, list_tags)
                items += sub_items
                link_chars += sub_links
                total += sub_total
    return items, link_chars, total


def table_rows(
    element: etree._Element, row_tag: str, cell_tags: tuple[str, ...]
) -> list[tuple[str, ...]]:
    """The non-empty rows of a table as tuples of cell texts."""
    rows: list[tuple[str, ...]] = []
    for row in element.iter(row_tag):
        cells = tuple(
            " ".join("".join(cell.itertext()).split()) for cell in row if cell.tag in cell_tags
        )
        if any(cells):
            rows.append(cells)
    return rows
