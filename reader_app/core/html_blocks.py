"""HTML walked into drafts of blocks: readability's summary of the page and the page's own
text become paragraphs, headings, lists, quotes, code and tables with clean text."""

from __future__ import annotations

import copy
import logging
from collections.abc import Iterator

import lxml.html
from lxml import etree

from .declutter import Draft
from .inline import with_spans
from .model import Block
from .page_blocks import (
    BLOCK_CHILDREN,
    item_opening,
    layout_cells,
    list_block,
    paragraphs,
    table_block,
    text_of,
)
from .preformatted import without_gutter
from .source_lines import BREAK, LINE, PARAGRAPH_BREAK, lines
from .text_lines import clean_text

log = logging.getLogger(__name__)


def readability_drafts(root: etree._Element, url: str | None) -> list[Draft]:
    """readability-lxml's reading of the page ``root`` (left as it is), as drafts with their
    inline spans; none where it gives up."""
    from readability import Document

    try:
        summary = Document(copy.deepcopy(root)).summary(html_partial=True)
        if not summary.strip():
            return []
        fragment = lxml.html.fragment_fromstring(summary, create_parent="div")
    except Exception:  # readability gives up on some pages; trafilatura's result stands
        log.debug("readability failed", exc_info=True)
        return []
    return with_spans(fragment, walk_html(fragment), url)


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
    for piece in PARAGRAPH_BREAK.split("".join(inline)):
        text = clean_text(lines(piece))
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
            inline.append(BREAK)
        elif not skipped:
            blocks_inside = any(
                isinstance(d.tag, str) and d.tag in BLOCK_CHILDREN for d in child.iterdescendants()
            )
            if blocks_inside and "-" in tag:  # a custom element ("n-tabs"): a container
                yield from _inline_paragraphs(inline)
                inline.clear()
                yield from walk_html(child)
            elif blocks_inside:  # a link or span around blocks: their lines stand apart
                inline.append(LINE + text_of(child, ("br",))[0] + LINE)
            else:
                inline.append(("" if tag == "a" else " ").join(child.itertext()))
        if child.tail:
            inline.append(child.tail)


def _html_list(element: etree._Element, ordered: bool) -> Iterator[Draft]:
    """A list block; an item that holds preformatted text (a step's code sample or
    command) gives its blocks, and the runs of items around it stay lists, numbered on from
    the items before them."""
    run: list[etree._Element] = []
    start = 1
    for item in element:
        if item.tag == "li" and any(
            "".join(pre.itertext()).strip() for pre in item.iter("pre")
        ):
            start = yield from list_block(run, "li", ("ul", "ol"), ordered, start)
            yield from item_opening(list(walk_html(item)), ordered, start)
            start += 1
            run = []
        else:
            run.append(item)
    yield from list_block(run, "li", ("ul", "ol"), ordered, start)


_BLOCK_HTML = frozenset({
    "p", "div", "section", "article", "main", "header", "footer", "aside", "figure", "ul", "ol",
    "dl", "dt", "dd", "blockquote", "pre", "table", "img", "picture", "hr", "center", "details",
    *_HEADINGS,
})  # fmt: skip


def _html_block(element: etree._Element) -> Iterator[Draft]:
    tag = element.tag
    if tag in _HEADINGS:
        text, ratio = text_of(element, ("br",))
        if text:
            yield Draft(Block("heading", " ".join(text.split()), level=_HEADINGS[tag]), ratio)
    elif tag == "p":
        yield from paragraphs(element, ("br",))
    elif tag in ("ul", "ol"):
        yield from _html_list(element, tag == "ol")
    elif tag == "blockquote":
        text = "\n".join(p.block.text for p in walk_html(element))
        if text:
            yield Draft(Block("quote", text))
    elif tag == "pre":
        text = "".join(element.itertext()).strip("\n")
        if text.strip():
            yield Draft(Block("code", without_gutter(element, text)))
    elif tag == "table":
        cells = layout_cells(element, "./tr/*|./*/tr/*", _HTML_TEXT)
        if cells is None:
            yield from table_block(element, "tr", ("td", "th"))
        for cell in cells or ():
            yield from walk_html(cell)
    elif tag not in ("img", "picture", "hr"):  # images are placed from the page itself
        yield from walk_html(element)
