"""Words of two boxes the page sets side by side with nothing between them in its markup
(``<span>3 beds</span><span>2.5 baths</span>``): a browser shows them apart, each box a block
or a flex item of its own, where an extractor runs them together ("3 beds2.5 baths"). A
space goes between such boxes where the words on either side could not be one word: a
letter before a digit or a currency sign ("beds2.5", "was$6"), a digit or a lowercase letter
before a capital ("2024Ford", "saleLas Vegas")."""

from __future__ import annotations

from lxml import etree

from .page_blocks import BLOCK_CHILDREN

#: Elements whose text belongs to the word before or after it ("H<sub>2</sub>O", "10<sup>th"),
#: and blocks and lists, which every extractor sets apart already (a space after one is left
#: out).
_LEFT = BLOCK_CHILDREN | {
    "sub", "sup", "br", "hr", "img", "ul", "ol", "dl", "table", "tr", "tbody", "thead", "tfoot",
    "main", "header", "footer", "nav", "aside", "form", "pre",
}
#: How deep the last (first) character of a box is looked for.
_DEPTH = 8
_CURRENCY = frozenset("$€£¥₹")


def space_glued_boxes(root: etree._Element) -> None:
    """Put a space after each element of ``root`` whose text runs into the next one's."""
    for element in root.iter(etree.Element):
        following = element.getnext()
        if following is None or element.tail or not isinstance(following.tag, str):
            continue
        if element.tag in _LEFT or following.tag in _LEFT:
            continue
        after = _first_char(following)
        if after and _apart(_last_char(element), after):
            element.tail = " "


def _apart(before: str, after: str) -> bool:
    """Whether ``before`` and ``after`` could not stand side by side in one word."""
    if not before:
        return False
    if before.isalpha():
        return after.isdigit() or after in _CURRENCY or (before.islower() and after.isupper())
    return before.isdigit() and after.isupper()


def _last_char(element: etree._Element) -> str:
    for _ in range(_DEPTH):
        if not len(element):
            return element.text[-1] if element.text else ""
        last = element[-1]
        tail: str | None = last.tail
        if tail:
            return tail[-1]
        if not isinstance(last.tag, str):
            return ""
        element = last
    return ""


def _first_char(element: etree._Element) -> str:
    for _ in range(_DEPTH):
        text: str | None = element.text
        if text:
            return text[0]
        if not len(element) or not isinstance(element[0].tag, str):
            return ""
        element = element[0]
    return ""
