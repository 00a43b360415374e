"""The page's author box, found where trafilatura's ``extract_author`` finds it, in one pass.

trafilatura copies the page, removes comment sections, sidebars, dates and figures from the
copy, and runs three XPath searches for author-like elements (named ``author``, ``byline``,
``writer`` ...), each a regular expression called from XPath on every element: on a typical
article that is a quarter as long as its whole extraction. Here one walk over the page
collects the elements those searches would remove and find, and the text of a candidate
is read without the removed parts, as from trafilatura's copy. Its names tidied as
trafilatura tidies them, the result is the same (``tests/core/test_page_author.py``
compares the two on every page the tests hold).
"""

from __future__ import annotations

import re

from lxml import etree
from trafilatura.utils import trim

# trafilatura's AUTHOR_XPATHS and AUTHOR_DISCARD_XPATHS, condition by condition.
_EXACT_TAGS = frozenset({"a", "address", "div", "link", "p", "span", "strong"})
_NAMED_TAGS = frozenset({"a", "div", "h3", "h4", "p", "span"})
_REMOVED_TAGS = frozenset({"a", "div", "section", "span"})
_EXACT_CLASS = re.compile("author-?name|AuthorName|authorName")
_NAMED_ID = re.compile("author|zuozhe|bianji|xiaobian")
_NAMED_CLASS = re.compile(
    "author|channel-name|zuozhe|bianji|xiaobian|submitted-by|posted-by|journalist-name"
)
_ANY_ID = re.compile("[Aa]uthor")
_ANY_CLASS = re.compile("[Aa]uthor|screenname|writer|[Bb]yline")
_REMOVED_ID = re.compile("^comments|comment-?list|ProductReviews")
_REMOVED_CLASS = re.compile(
    "^[Cc]omments|commentlist|comments-list|sidebar|is-hidden|quote|embedly-instagram"
    "|article-(?:share|support)|print|category|meta-date|meta-reviewer"
)
_LONGEST = 120

# What a class or id says: (removed, exact, named, any) — the four searches' conditions.
_Flags = tuple[bool, bool, bool, bool]
_NO_FLAGS: _Flags = (False, False, False, False)


def _class_flags(value: str) -> _Flags:
    return (
        value in ("comments", "title", "date") or bool(_REMOVED_CLASS.search(value)),
        value == "author" or bool(_EXACT_CLASS.search(value)),
        value in ("byline", "username", "byl", "BBL") or bool(_NAMED_CLASS.search(value)),
        bool(_ANY_CLASS.search(value)),
    )


def _id_flags(value: str) -> _Flags:
    return (
        value == "comments" or bool(_REMOVED_ID.search(value)),
        value == "author",
        bool(_NAMED_ID.search(value)),
        bool(_ANY_ID.search(value)),
    )


def author_box_text(root: etree._Element) -> str | None:
    """The text of the author box in which trafilatura's ``extract_author`` finds the
    author, before its names are tidied, or None."""
    removed: set[etree._Element] = set()
    found: tuple[list[etree._Element], ...] = ([], [], [])  # exact, named, any
    # `rel='me'` in trafilatura's first search tests a child element named "rel"
    rel_me = {r.getparent() for r in root.iter("rel") if r.xpath("string()") == "me"}
    classes: dict[str, _Flags] = {"": _NO_FLAGS}
    ids: dict[str, _Flags] = {"": _NO_FLAGS}
    for element in root.iter():
        tag = element.tag
        if not isinstance(tag, str):
            continue
        attrib = element.attrib
        if not attrib:
            if tag == "author" or (rel_me and element in rel_me and tag in _EXACT_TAGS):
                found[0].append(element)
            elif tag in ("time", "figure"):
                removed.add(element)
            continue
        value = str(attrib.get("class") or "")
        by_class = classes.get(value)
        if by_class is None:
            by_class = classes[value] = _class_flags(value)
        value = str(attrib.get("id") or "")
        by_id = ids.get(value)
        if by_id is None:
            by_id = ids[value] = _id_flags(value)
        itemprop = str(attrib.get("itemprop") or "")
        component = str(attrib.get("data-component") or "")
        if tag in ("time", "figure") or (
            tag in _REMOVED_TAGS and (by_class[0] or by_id[0] or "Figure" in component)
        ):
            removed.add(element)
        if tag == "author" or (
            tag in _EXACT_TAGS
            and (
                by_class[1]
                or by_id[1]
                or itemprop == "author name"
                or attrib.get("rel") == "author"
                or attrib.get("data-testid") in ("AuthorCard", "AuthorURL")
                or (rel_me and element in rel_me)
            )
        ):
            found[0].append(element)
        author_prop = "author" in itemprop
        if tag in _NAMED_TAGS and (by_class[2] or by_id[2] or author_prop):
            found[1].append(element)
        if by_class[3] or by_id[3] or author_prop or "Byline" in component:
            found[2].append(element)
    for candidates in found:
        for element in candidates:
            if element in removed or any(a in removed for a in element.iterancestors()):
                continue
            content = trim(" ".join(_kept_text(element, removed)))
            if content and 2 < len(content) < _LONGEST:
                return content
    return None


def _kept_text(element: etree._Element, removed: set[etree._Element]) -> list[str]:
    """``element``'s text pieces as ``itertext`` gives them once the ``removed`` elements are
    gone, their tails joined to the text before them as trafilatura's removal joins them."""
    pieces: list[str] = []

    def walk(node: etree._Element) -> None:
        pieces.append(node.text or "")
        last = len(pieces) - 1
        for child in node:
            if child in removed:
                if child.tail:
                    pieces[last] += child.tail
                continue
            if isinstance(child.tag, str):
                walk(child)  # a comment's own text is no text, its tail is
            pieces.append(child.tail or "")
            last = len(pieces) - 1

    walk(element)
    return pieces
