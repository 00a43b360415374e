"""A page's HTML parsed into the tree the extractors read, and readied for them."""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

from . import inline
from .accordions import open_accordions
from .dom_clutter import remove_keep_tail, shut_noscripts
from .errors import ExtractionError
from .figures import captions_to_figures, unwrap_noscript_image
from .glued_boxes import space_glued_boxes
from .page_blocks import split_at_break_pairs
from .soft_hyphens import drop_soft_hyphens
from .streamed import place_streamed
from .visibility import is_hidden

NO_ARTICLE = "No article text found on this page"

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)


#: Every element an ``HtmlElement``, chosen in C: lxml.html's own lookup (form and input
#: classes) runs Python code for each element Reader touches, a tenth of extraction's time.
_HTML_CLASSES = etree.ElementDefaultClassLookup(
    element=lxml.html.HtmlElement, comment=lxml.html.HtmlComment,
    pi=lxml.html.HtmlProcessingInstruction, entity=lxml.html.HtmlEntity,
)


def parse_page(html: str) -> etree._Element:
    """The page's tree, without comments, processing instructions and soft hyphens; an
    :class:`ExtractionError` for a page with nothing to parse."""
    html = inline.without_markers(_XML_DECLARATION.sub("", html, count=1))
    if not html.strip():
        raise ExtractionError(NO_ARTICLE)
    parser = lxml.html.HTMLParser(
        remove_comments=True, remove_pis=True, collect_ids=False, default_doctype=False,
        encoding="utf-8",
    )
    parser.set_element_class_lookup(_HTML_CLASSES)
    try:  # as UTF-8 bytes: parsed about 6 % faster than the string, into the same tree
        root = lxml.html.document_fromstring(html.encode("utf-8", "replace"), parser=parser)
    except etree.ParserError as err:
        raise ExtractionError(NO_ARTICLE) from err
    drop_soft_hyphens(root, html)
    return root


def prepare_page(root: etree._Element, html: str) -> None:
    """Ready the parsed page for the extractors: text and pictures out of ``<noscript>``,
    captions with their figures, streamed parts in place, accordions open, no scripts or
    styles, paragraphs cut at ``<br>`` pairs, boxes whose words run together set apart,
    custom elements as the boxes and headings the extractors know, drawings without the
    labels no reader sees."""
    place_streamed(root, html)
    open_accordions(root, html)
    for noscript in shut_noscripts(root):  # those holding the page's text are opened
        unwrap_noscript_image(noscript)
    if "aption" in html or "redit" in html or "egend" in html:
        captions_to_figures(root)
    for element in list(root.iter(*_CODE_TAGS)):
        remove_keep_tail(element)
    for paragraph in list(root.iter("p")):
        split_at_break_pairs(paragraph)
    space_glued_boxes(root)
    drawings_without_labels(custom_elements_as_html(root))


#: Elements inside which a custom element is part of a line of text, not a box of its own.
_INLINE_PARENTS = frozenset({
    "p", "span", "a", "b", "i", "em", "strong", "small", "sup", "sub", "code", "label",
    "button", "h1", "h2", "h3", "h4", "h5", "h6",
})
#: A design system's typography element that says which heading it is ("variant="h5"").
_HEADING_VARIANT = re.compile(r"h[1-6]")


def custom_elements_as_html(root: etree._Element) -> list[etree._Element]:
    """Custom elements ("<rhcl-content-card>", "<bsx-typography>": a page's own components,
    whose content a browser shows as the component lays it out) as the extractors know
    them: a box (``<div>``), or the heading its ``variant`` names; one within a line of
    text stays as it is. trafilatura reads no text of an element it does not know.
    Returns the page's inline drawings (``<svg>``), found on the same walk."""
    drawings = []
    for element in root.iter(etree.Element):
        tag = element.tag
        if "-" not in tag or ":" in tag:
            if tag == "svg":
                drawings.append(element)
            continue
        parent = element.getparent()
        if parent is None or parent.tag in _INLINE_PARENTS:
            continue
        variant = element.get("variant") or ""
        element.tag = variant if _HEADING_VARIANT.fullmatch(variant) else "div"
    return drawings


#: Elements that never hold article text.
_CODE_TAGS = ("script", "style", "noscript", "template", "iframe", "object", "embed")


#: Parts of a drawing never shown as text: its tooltip and description, and the shapes it
#: defines for use elsewhere (an icon sprite's names: "arrow-down", "facebook").
_DRAWING_LABELS = ("title", "desc", "symbol", "defs")


def drawings_without_labels(drawings: list[etree._Element]) -> None:
    """Inline ``drawings`` (``<svg>``) without the text no reader sees: none in a hidden
    drawing (a sprite of icons, an icon hidden from screen readers), no labels in the
    others; the words a diagram draws stay. The elements stay where they are."""
    for drawing in drawings:
        hidden = is_hidden(drawing)
        for element in drawing.iter(*_DRAWING_LABELS) if not hidden else drawing.iter():
            element.text = None
            if element is not drawing:
                element.tail = None
