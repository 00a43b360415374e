"""The extractors' trees walked into drafts of blocks: trafilatura's XML and readability's
HTML become paragraphs, headings, lists, quotes and tables with clean text."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml import etree

from .declutter import Draft
from .model import Block
from .text_lines import clean_text

# --- trafilatura XML → drafts -----------------------------------------------------------


#: Stands for a line break (``<lb/>``, ``<br>``) while a block's text is collected.
_BREAK = "\x1e"
#: Two or more line breaks with only whitespace between them: a paragraph break.
_PARAGRAPH_BREAK = re.compile(r"\x1e[\s\x1e]*\x1e")
#: Elements of trafilatura's XML (and of HTML) whose text stands on lines of its own.
_BLOCK_CHILDREN = frozenset(
    {"p", "div", "head", "quote", "item", "section", "article", "h1", "h2", "h3", "h4", "h5",
     "h6", "li", "blockquote", "figure", "figcaption", "dd", "dt", "td", "th", "cell"}
)


class _Text:
    """Collects text of an element, counting characters inside links.

    A line break becomes ``_BREAK`` until :meth:`result`; text of block elements nested
    inside stands on lines of its own, so neighbouring blocks never run together."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.link_chars = 0

    def add(self, element: etree._Element, *, break_tags: tuple[str, ...]) -> None:
        text = element.text  # lxml makes a new string each time it is read
        if text:
            self.parts.append(text)
            if element.tag in ("ref", "a"):
                self.link_chars += len(text.strip())
        for child in element:
            tag = child.tag
            if not isinstance(tag, str):
                tag = ""  # a comment: its tail only
            if tag in break_tags:
                self.parts.append(_BREAK)
            elif tag and tag not in ("graphic", "img", "list", "ul", "ol", "table"):
                before = self.link_chars
                block = tag in _BLOCK_CHILDREN
                if block:
                    self.parts.append("\n")
                self.add(child, break_tags=break_tags)
                if block:
                    self.parts.append("\n")
                if tag in ("ref", "a"):
                    inner = "".join(child.itertext()).strip()
                    self.link_chars = before + len(inner)
            tail = child.tail
            if tail:
                self.parts.append(tail)

    def result(self) -> tuple[str, float]:
        text = clean_text("".join(self.parts).replace(_BREAK, "\n"))
        return text, (self.link_chars / len(text) if text else 0.0)

    def breaks(self) -> int:
        """How many line breaks the text holds (two can make a paragraph break)."""
        return sum(part.count(_BREAK) for part in self.parts)

    def paragraphs(self) -> list[str]:
        """The text cut into paragraphs where two or more line breaks meet (``<br><br>``)."""
        pieces = _PARAGRAPH_BREAK.split("".join(self.parts))
        texts = (clean_text(piece.replace(_BREAK, "\n")) for piece in pieces)
        return [text for text in texts if text]


def text_of(element: etree._Element, break_tags: tuple[str, ...]) -> tuple[str, float]:
    collector = _Text()
    collector.add(element, break_tags=break_tags)
    return collector.result()


def _paragraphs(element: etree._Element, break_tags: tuple[str, ...]) -> Iterator[Draft]:
    """Paragraph drafts of one paragraph element, split at pairs of line breaks."""
    collector = _Text()
    collector.add(element, break_tags=break_tags)
    text, ratio = collector.result()
    if not text:
        return
    pieces = collector.paragraphs() if collector.breaks() >= 2 else []
    if len(pieces) <= 1:
        yield Draft(Block("paragraph", text), ratio)
        return
    for piece in pieces:
        yield Draft(Block("paragraph", piece), ratio)


def walk_xml(body: etree._Element) -> Iterator[Draft]:
    """Drafts from trafilatura's XML body, in document order."""
    if body.text and body.text.strip():
        yield Draft(Block("paragraph", clean_text(body.text)))
    for element in body:
        yield from _xml_element(element)
        if element.tail and element.tail.strip():
            yield Draft(Block("paragraph", clean_text(element.tail)))


def _xml_element(element: etree._Element) -> Iterator[Draft]:
    tag = element.tag
    if not isinstance(tag, str):
        return
    if tag == "head":
        text, ratio = text_of(element, ("lb",))
        level = _heading_level(element.get("rend"))
        if text:
            yield Draft(Block("heading", " ".join(text.split()), level=level), ratio)
    elif tag == "p":
        yield from _paragraphs(element, ("lb",))
        for inner in _nested_blocks(element):
            yield from _xml_element(inner)
    elif tag == "list":
        yield from _xml_list(element)
    elif tag == "quote":
        yield from _xml_quote(element)
    elif tag == "graphic":
        src = element.get("src")
        if src:
            alt = clean_text(element.get("alt") or element.get("title") or "")
            yield Draft(Block("image", alt, src=src))
    elif tag == "table":
        cells = _layout_cells(element, "./row/cell", _XML_TEXT)
        if cells is None:
            yield from _xml_table(element)
        for cell in cells or ():
            yield from walk_xml(cell)
    elif tag == "code":
        text = "".join(element.itertext()).strip("\n")
        if text.strip():
            yield Draft(Block("code", text))
    else:
        text = element.text
        if text and text.strip():
            yield Draft(Block("paragraph", clean_text(text)))
        for child in element:
            yield from _xml_element(child)
            if child.tail and child.tail.strip():
                yield Draft(Block("paragraph", clean_text(child.tail)))


def _nested_blocks(paragraph: etree._Element) -> Iterator[etree._Element]:
    """Lists and tables that trafilatura left inside a paragraph (outermost only)."""
    for inner in paragraph.iter("list", "table"):
        parent = inner.getparent()
        while (
            parent is not None and parent is not paragraph and parent.tag not in ("list", "table")
        ):
            parent = parent.getparent()
        if parent is paragraph:
            yield inner


def _heading_level(rend: str | None) -> int:
    if rend and len(rend) == 2 and rend[0] == "h" and rend[1].isdigit():
        return max(1, min(6, int(rend[1])))
    return 2


def _list_items(
    element: etree._Element, item_tag: str, list_tags: tuple[str, ...]
) -> tuple[list[str], int, int]:
    items: list[str] = []
    link_chars = 0
    total = 0
    for item in element:
        if item.tag != item_tag:
            continue
        text, ratio = text_of(item, ("lb", "br"))
        text = " ".join(text.split())
        if text:
            items.append(text)
            link_chars += int(ratio * len(text))
            total += len(text)
        for sub in item:
            if sub.tag in list_tags:
                sub_items, sub_links, sub_total = _list_items(sub, item_tag, list_tags)
                items += sub_items
                link_chars += sub_links
                total += sub_total
    return items, link_chars, total


def _xml_list(element: etree._Element) -> Iterator[Draft]:
    items, link_chars, total = _list_items(element, "item", ("list",))
    if items:
        ordered = element.get("rend") == "ol"
        block = Block("list", "\n".join(items), items=tuple(items), ordered=ordered)
        yield Draft(block, link_chars / max(1, total))


def _xml_quote(element: etree._Element) -> Iterator[Draft]:
    if any(child.tag in ("p", "list", "quote") for child in element):
        lines = []
        ratio_sum = 0.0
        for child in element:
            text, ratio = text_of(child, ("lb",))
            if text:
                lines.append(text)
                ratio_sum += ratio * len(text)
        text = "\n".join(lines)
        if element.text and element.text.strip():
            text = clean_text(element.text) + ("\n" + text if text else "")
        ratio = ratio_sum / max(1, len(text))
    else:
        text, ratio = text_of(element, ("lb",))
    if text:
        yield Draft(Block("quote", text), ratio)


#: Children that make a table's cell hold text rather than data (trafilatura's XML; for
#: HTML see ``_HTML_TEXT``).
_XML_TEXT = frozenset({"p", "head", "list", "quote"})


def _layout_cells(
    table: etree._Element, path: str, text_tags: frozenset[str]
) -> list[etree._Element] | None:
    """The cells of a table that lays out a page's text rather than data (a cell of it holds
    two paragraphs, lists, quotes or headings or more), in order; else None."""
    cells = table.xpath(path)
    if any(sum(isinstance(c.tag, str) and c.tag in text_tags for c in cell) >= 2 for cell in cells):
        return list(cells)
    return None


def _xml_table(
    element: etree._Element, row_tag: str = "row", cell_tags: tuple[str, ...] = ("cell",)
) -> Iterator[Draft]:
    rows: list[tuple[str, ...]] = []
    for row in element.iter(row_tag):
        cells = tuple(
            " ".join("".join(cell.itertext()).split()) for cell in row if cell.tag in cell_tags
        )
        if any(cells):
            rows.append(cells)
    if rows:
        text = "\n".join("\t".join(cells) for cells in rows)
        yield Draft(Block("table", text, rows=tuple(rows)))


# --- readability HTML → drafts ----------------------------------------------------------

_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_HTML_TEXT = frozenset({"p", "ul", "ol", "blockquote", *_HEADINGS})
_SKIP_HTML = frozenset({"script", "style", "noscript", "button", "form", "input", "nav", "svg"})


def walk_html(element: etree._Element) -> Iterator[Draft]:
    """Drafts from an HTML fragment (readability's summary), in document order."""
    inline: list[str] = []
    yield from _html_children(element, inline)
    yield from _inline_paragraphs(inline)


def _inline_paragraphs(inline: list[str]) -> Iterator[Draft]:
    """Paragraphs of a run of inline text and line breaks, split at pairs of breaks."""
    for piece in _PARAGRAPH_BREAK.split("".join(inline)):
        text = clean_text(piece.replace(_BREAK, "\n"))
        if text:
            yield Draft(Block("paragraph", text))


def _html_children(element: etree._Element, inline: list[str]) -> Iterator[Draft]:
    if element.text:
        inline.append(element.text)
    for child in element:
        tag = child.tag if isinstance(child.tag, str) else ""
        skipped = not tag or tag in _SKIP_HTML  # comments and controls: their tail only
        if not skipped and tag in _BLOCK_HTML:
            yield from _inline_paragraphs(inline)
            inline.clear()
            yield from _html_block(child)
        elif tag == "br":
            inline.append(_BREAK)
        elif not skipped:
            blocks_inside = any(
                isinstance(d.tag, str) and d.tag in _BLOCK_CHILDREN for d in child.iterdescendants()
            )
            if blocks_inside and "-" in tag:  # a custom element ("n-tabs"): a container
                yield from _inline_paragraphs(inline)
                inline.clear()
                yield from walk_html(child)
            elif blocks_inside:  # a link or span around blocks: their lines stand apart
                inline.append("\n" + text_of(child, ("br",))[0] + "\n")
            else:
                inline.append(("" if tag == "a" else " ").join(child.itertext()))
        if child.tail:
            inline.append(child.tail)


_BLOCK_HTML = frozenset({
    "p", "div", "section", "article", "main", "header", "footer", "aside", "figure", "ul", "ol",
    "dl", "blockquote", "pre", "table", "img", "picture", "hr", "center", "details", *_HEADINGS,
})  # fmt: skip


def _html_block(element: etree._Element) -> Iterator[Draft]:
    tag = element.tag
    if tag in _HEADINGS:
        text, ratio = text_of(element, ("br",))
        if text:
            yield Draft(Block("heading", " ".join(text.split()), level=_HEADINGS[tag]), ratio)
    elif tag == "p":
        yield from _paragraphs(element, ("br",))
    elif tag in ("ul", "ol"):
        items, link_chars, total = _list_items(element, "li", ("ul", "ol"))
        if items:
            block = Block("list", "\n".join(items), items=tuple(items), ordered=tag == "ol")
            yield Draft(block, link_chars / max(1, total))
    elif tag == "blockquote":
        text = "\n".join(p.block.text for p in walk_html(element))
        if text:
            yield Draft(Block("quote", text))
    elif tag == "pre":
        text = "".join(element.itertext()).strip("\n")
        if text.strip():
            yield Draft(Block("code", text))
    elif tag == "table":
        cells = _layout_cells(element, "./tr/*|./*/tr/*", _HTML_TEXT)
        if cells is None:
            yield from _xml_table(element, "tr", ("td", "th"))
        for cell in cells or ():
            yield from walk_html(cell)
    elif tag not in ("img", "picture", "hr"):  # images are placed from the page itself
        yield from walk_html(element)


# --- the page before extraction ---------------------------------------------------------


def split_at_break_pairs(paragraph: etree._Element) -> None:
    """Cut a ``<p>`` into sibling paragraphs where two or more ``<br>`` meet with only
    whitespace between them (extractors would keep one line break of the pair)."""
    children = list(paragraph)
    cuts: list[tuple[int, int]] = []  # (first br, last br) of each run of breaks
    i = 0
    while i < len(children):
        j = i
        while (
            j + 1 < len(children)
            and children[j].tag == "br"
            and not (children[j].tail or "").strip()
            and children[j + 1].tag == "br"
        ):
            j += 1
        if j > i:
            cuts.append((i, j))
        i = j + 1
    parent = paragraph.getparent()
    if not cuts or parent is None:
        return
    anchor = paragraph
    for number, (_first, last) in enumerate(cuts):
        end = cuts[number + 1][0] if number + 1 < len(cuts) else len(children)
        piece = etree.Element("p", dict(paragraph.attrib))
        piece.text = children[last].tail
        piece.extend(children[last + 1 : end])
        piece.tail = anchor.tail
        anchor.tail = None
        anchor.addnext(piece)
        anchor = piece
    for first, last in cuts:
        for br in children[first : last + 1]:
            owner = br.getparent()
            if owner is not None:
                owner.remove(br)
