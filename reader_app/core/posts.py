"""Pages of posts (live blogs, forum threads, changelogs): each post's time line becomes a
small heading, so that posts stay separate units in the article."""

from __future__ import annotations

import re

from lxml import etree

__all__ = ["POST_STAMP_LEVEL", "is_post_stamp", "mark_post_stamps"]

#: Heading level given to a post's time line.
POST_STAMP_LEVEL = 5

#: A post's time line: "14:05", "9.30am BST", "2 hours ago", "11 Feb 2025, 13:40",
#: "Updated 13:40 GMT", "Posted 3 days ago", with an author perhaps ("14:05 - Jo Park",
#: "jo_park · 3 days ago").
_TIME = (
    r"(?:\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s*(?:gmt|bst|utc|cet|cest|est|edt|et|pt|ist))?|"
    r"\d{1,2}\s*[ap]\.?m\.?|"
    r"(?:an?|\d+)\s+(?:sec|second|min|minute|hr|hour|day|week|month|year)s?\s+ago|"
    r"just now|yesterday|today)"
)
_DATE = (
    r"(?:(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
    r"(?:\d{1,2}(?:st|nd|rd|th)?\s+[a-z]{3,9}\.?(?:\s+\d{4})?|[a-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?"
    r"(?:,?\s+\d{4})?|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4}))"
)
_STAMP = re.compile(
    r"^\W*(?:[\w.'\u2019-]{1,30}(?: [\w.'\u2019-]{1,30}){0,2}\s*[·•|\u2013\u2014]\s*)?"
    rf"(?:(?:posted|updated|published|edited)\s*(?:at|on)?\s*:?\s*)?"
    rf"(?:{_DATE}\W{{0,3}}(?:at\s+)?{_TIME}|{_TIME}(?:\W{{0,3}}{_DATE})?)"
    r"(?:\s*(?:[-\u2013\u2014|·•,]|by)\s*[\w.'\u2019 -]{1,40})?\W*$",
    re.I,
)
_MAX_STAMP_CHARS = 60
#: Fewer stamps than this make an article with a date line, not a page of posts.
_MIN_POSTS = 3
_BLOCK_CHILDREN = frozenset({"p", "div", "ul", "ol", "table", "section", "article", "blockquote"})


def is_post_stamp(text: str) -> bool:
    """Whether ``text`` is a post's time line (with an author, perhaps)."""
    text = " ".join(text.split())
    return 0 < len(text) <= _MAX_STAMP_CHARS and bool(_STAMP.match(text))


def mark_post_stamps(root: etree._Element) -> int:
    """Turn the time lines of a page of posts into ``<h5>`` headings in place; return how
    many. Only pages with several such lines are pages of posts."""
    stamps = []
    for element in root.iter("time", "div", "span", "p", "header", "small", "a"):
        if any(child.tag in _BLOCK_CHILDREN for child in element):
            continue
        if element.tag in ("span", "a", "small") and _inside_text(element):
            continue
        if is_post_stamp(element.text_content()):
            stamps.append(element)
    found = set(stamps)
    outer = [e for e in stamps if not any(a in found for a in e.iterancestors())]
    if len(outer) < _MIN_POSTS:
        return 0
    for element in outer:
        text = " ".join(element.text_content().split())
        for child in list(element):
            element.remove(child)
        element.tag = f"h{POST_STAMP_LEVEL}"
        element.text = text
        element.attrib.clear()
    return len(outer)


def _inside_text(element: etree._Element) -> bool:
    """Whether an inline element sits inside a sentence (text around it in its parent)."""
    parent = element.getparent()
    if parent is None:
        return False
    around = (parent.text or "") + "".join((c.tail or "") for c in parent)
    return len(around.strip()) > 20
