"""Pages whose ``<article>`` elements are the items of a list: a thread's posts, a front
page's stories, a shop's products, a guide in parts.

trafilatura reads the page's first ``<article>`` as its main text. When that one is the first
of a run of sibling ``<article>`` elements that together hold most of the page's text, it is
one item among many, and the page would be read as that item alone (the first post of a
thread, the first story of a front page). The element that holds the run is the article then.
"""

from __future__ import annotations

from lxml import etree

#: Sibling ``<article>`` elements that make a list of items rather than one article.
MIN_ITEMS = 3


def mark_article_list(root: etree._Element) -> bool:
    """Make the element holding a run of :data:`MIN_ITEMS` or more sibling ``<article>``
    elements an ``<article>`` itself, in place, when the run begins with the page's first
    ``<article>`` and holds at least half of the text of its ``<body>``; whether it did."""
    first = next(root.iter("article"), None)
    parent = None if first is None else first.getparent()
    if parent is None or parent.tag in ("body", "html"):
        return False
    items = [child for child in parent if child.tag == "article"]
    if len(items) < MIN_ITEMS:
        return False
    body = root.find("body")
    held = sum(_solid_chars(item) for item in items)
    if 2 * held < _solid_chars(body if body is not None else root):
        return False
    parent.tag = "article"
    return True


def _solid_chars(element: etree._Element) -> int:
    """Characters of the element's text but its whitespace."""
    return sum(map(len, element.text_content().split()))


__all__ = ["MIN_ITEMS", "mark_article_list"]
