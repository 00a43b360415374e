"""trafilatura's XML walked into drafts of blocks: paragraphs, headings, lists, quotes, code
and tables with clean text (readability's HTML: :mod:`~reader_app.core.html_blocks`)."""

from __future__ import annotations

import copy
from collections.abc import Generator, Iterable, Iterator

from lxml import etree

from .declutter import Draft
from .model import Block
from .preformatted import Shown, solid
from .source_lines import BREAK, LINE, PARAGRAPH_BREAK, lines
from .text_lines import clean_text

#: No preformatted texts (a page without ``<pre>``).
_NONE = Shown()

# --- trafilatura XML → drafts -----------------------------------------------------------


#: Elements of trafilatura's XML (and of HTML) whose text stands on lines of its own.
BLOCK_CHILDREN = frozenset(
    {"p", "div", "head", "quote", "item", "section", "article", "h1", "h2", "h3", "h4", "h5",
     "h6", "li", "blockquote", "figure", "figcaption", "dd", "dt", "td", "th", "cell"}
)


class _Text:
    """Collects text of an element, counting characters inside links.

    A line break becomes ``BREAK`` until :meth:`result`; text of block elements nested
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
                self.parts.append(BREAK)
            elif tag and tag not in ("graphic", "img", "list", "ul", "ol", "table"):
                before = self.link_chars
                block = tag in BLOCK_CHILDREN
                if block:
                    self.parts.append(LINE)
                self.add(child, break_tags=break_tags)
                if block:
                    self.parts.append(LINE)
                if tag in ("ref", "a"):
                    inner = "".join(child.itertext()).strip()
                    self.link_chars = before + len(inner)
            tail = child.tail
            if tail:
                self.parts.append(tail)

    def result(self) -> tuple[str, float]:
        text = clean_text(lines("".join(self.parts)))
        return text, (self.link_chars / len(text) if text else 0.0)

    def breaks(self) -> int:
        """How many line breaks the text holds (two can make a paragraph break)."""
        return sum(part.count(BREAK) for part in self.parts)

    def paragraphs(self) -> list[str]:
        """The text cut into paragraphs where two or more line breaks meet (``<br><br>``)."""
        pieces = PARAGRAPH_BREAK.split("".join(self.parts))
        texts = (clean_text(lines(piece)) for piece in pieces)
        return [text for text in texts if text]


def text_of(element: etree._Element, break_tags: tuple[str, ...]) -> tuple[str, float]:
    collector = _Text()
    collector.add(element, break_tags=break_tags)
    return collector.result()


def paragraphs(element: etree._Element, break_tags: tuple[str, ...]) -> Iterator[Draft]:
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


def walk_xml(body: etree._Element, shown: Shown = _NONE) -> Iterator[Draft]:
    """Drafts from trafilatura's XML body, in document order; ``shown``: the page's
    preformatted texts (:func:`~reader_app.core.preformatted.preformatted`)."""
    if body.text and body.text.strip():
        yield Draft(Block("paragraph", clean_text(body.text)))
    for element in body:
        yield from _xml_element(element, shown)
        if element.tail and element.tail.strip():
            yield Draft(Block("paragraph", clean_text(element.tail)))


def _xml_element(element: etree._Element, shown: Shown) -> Iterator[Draft]:
    tag = element.tag
    if not isinstance(tag, str):
        return
    if tag == "head":
        text, ratio = text_of(element, ("lb",))
        level = _heading_level(element.get("rend"))
        if text:
            yield Draft(Block("heading", " ".join(text.split()), level=level), ratio)
    elif tag == "p":
        yield from paragraphs(element, ("lb",))
        for inner in _nested_blocks(element):
            yield from _xml_element(inner, shown)
    elif tag == "list":
        yield from _xml_list(element, shown)
    elif tag == "quote":
        yield from _xml_quote(element)
    elif tag == "graphic":
        src = element.get("src")
        if src:
            alt = clean_text(element.get("alt") or element.get("title") or "")
            yield Draft(Block("image", alt, src=src))
    elif tag == "table":
        cells = layout_cells(element, "./row/cell", _XML_TEXT)
        if cells is None:
            yield from table_block(element)
        for cell in cells or ():
            yield from walk_xml(cell, shown)
    elif tag == "code":
        text = "".join(element.itertext()).strip("\n")
        if text.strip():
            yield Draft(Block("code", text))
    else:
        text = element.text
        if text and text.strip():
            yield Draft(Block("paragraph", clean_text(text)))
        for child in element:
            yield from _xml_element(child, shown)
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


def list_items(
    children: Iterable[etree._Element], item_tag: str, list_tags: tuple[str, ...]
) -> tuple[list[str], int, int]:
    """The texts of the ``item_tag`` elements among ``children`` (a list element, or some of
    its items) and of their sublists, with the characters in links and in all."""
    items: list[str] = []
    link_chars = 0
    total = 0
    for item in children:
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
                sub_items, sub_links, sub_total = list_items(sub, item_tag, list_tags)
                items += sub_items
                link_chars += sub_links
                total += sub_total
    return items, link_chars, total


def _xml_list(element: etree._Element, shown: Shown) -> Iterator[Draft]:
    """A list block; where items hold one of the page's preformatted texts (a step's code
    sample, a reference's entries with their code), the runs of other items stay lists,
    numbered on from the items before them, and those items give their blocks."""
    run: list[etree._Element] = []
    start = 1
    ordered = element.get("rend") == "ol"
    for item in element:
        if item.tag == "item" and shown and any(
            (child.tag in ("code", "quote") and solid("".join(child.itertext())) in shown)
            or shown.ending(child.tail or "")  # lines run together after a <p>
            for child in item
        ):
            start = yield from list_block(run, "item", ("list",), ordered, start)
            blocks = list(_item_blocks(item, shown))
            yield from item_opening(blocks, ordered, start) if element.get("rend") in (
                "ol", "ul") else blocks  # not a definition list's entry
            start += 1
            run = []
        else:
            run.append(item)
    yield from list_block(run, "item", ("list",), ordered, start)


def list_block(
    items: Iterable[etree._Element], item_tag: str, list_tags: tuple[str, ...], ordered: bool,
    start: int,
) -> Generator[Draft, None, int]:
    """The list block of some of a list's items (:func:`list_items`), its first numbered
    ``start``; returns the number of the item after them."""
    texts, link_chars, total = list_items(items, item_tag, list_tags)
    if texts:
        block = Block("list", "\n".join(texts), items=tuple(texts), ordered=ordered,
                      start=start if ordered else 1)
        yield Draft(block, link_chars / max(1, total))
    return start + len(texts)


def item_opening(drafts: list[Draft], ordered: bool, number: int) -> list[Draft]:
    """The blocks of a list item that holds more than a line of text, its opening paragraph
    kept as a list item (numbered ``number``): "2. Paste in the following code:" above it."""
    if drafts and drafts[0].block.kind == "paragraph" and "\n" not in drafts[0].block.text:
        text = drafts[0].block.text
        item = Block("list", text, items=(text,), ordered=ordered, start=number if ordered else 1)
        drafts[0] = Draft(item, drafts[0].link_ratio)
    return drafts


def _item_blocks(item: etree._Element, shown: Shown) -> Iterator[Draft]:
    """A list item's blocks in order: its runs of text as paragraphs (or code, where a run
    is one of the page's preformatted texts), then its own."""
    run = item.makeelement("p", {})
    run.text = item.text
    for child in item:
        if child.tag in _XML_TEXT or child.tag in ("code", "table", "graphic"):
            yield from _run_blocks(run, shown)
            yield from _xml_element(child, shown)
            run = item.makeelement("p", {})
            run.text = child.tail
        else:
            run.append(copy.deepcopy(child))
    yield from _run_blocks(run, shown)


def _run_blocks(run: etree._Element, shown: Shown) -> Iterator[Draft]:
    """A run of an item's text as paragraphs; where it ends in one of the page's
    preformatted texts (a code sample under its caption), that part as code, whose lines
    :func:`~reader_app.core.preformatted.as_preformatted` puts back."""
    text = run.text or ""
    code = shown.ending(text) if len(run) == 0 else ""
    if not code:
        yield from paragraphs(run, ("lb",))
        return
    lead = run.makeelement("p", {})
    lead.text = text[: len(text) - len(code)]
    yield from paragraphs(lead, ("lb",))
    yield Draft(Block("code", code.strip()))


def _xml_quote(element: etree._Element) -> Iterator[Draft]:
    """A quote block. Its paragraphs, lists and quotes stand on lines of their own, and the
    text around them keeps its place: a forum post's reply after the post it quotes."""
    if not any(child.tag in _QUOTE_BLOCKS for child in element):
        text, ratio = text_of(element, ("lb",))
        if text:
            yield Draft(Block("quote", text), ratio)
        return
    pieces: list[etree._Element] = []
    run = element.makeelement("p", {})
    run.text = element.text
    for child in element:
        if child.tag in _QUOTE_BLOCKS:
            pieces += [run, child]
            run = element.makeelement("p", {})
            run.text = child.tail
        else:
            run.append(copy.deepcopy(child))  # with its tail
    pieces.append(run)
    lines = []
    link_chars = 0.0
    for piece in pieces:
        text, ratio = text_of(piece, ("lb",))
        if text:
            lines.append(text)
            link_chars += ratio * len(text)
    text = "\n".join(lines)
    if text:
        yield Draft(Block("quote", text), link_chars / len(text))


#: Children of a quote in trafilatura's XML that stand as blocks of their own.
_QUOTE_BLOCKS = frozenset({"p", "list", "quote"})


#: Children that make a table's cell hold text rather than data (trafilatura's XML; for
#: HTML see ``_HTML_TEXT``).
_XML_TEXT = frozenset({"p", "head", "list", "quote"})


def layout_cells(
    table: etree._Element, path: str, text_tags: frozenset[str]
) -> list[etree._Element] | None:
    """The cells of a table that lays out a page's text rather than data (a cell of it holds
    two paragraphs, lists, quotes or headings or more, or a table of its own), in order;
    else None."""
    cells = table.xpath(path)
    if any(
        sum(isinstance(c.tag, str) and c.tag in text_tags for c in cell) >= 2
        or next(cell.iter("table"), None) is not None
        for cell in cells
    ):
        return list(cells)
    return None


def table_block(
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
