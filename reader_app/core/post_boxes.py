"""The boxes of a page of posts (``posts.mark_posts``): what goes from them (rows of
controls, a poster's details and title, signatures, the forum's notices) and how the posts
are laid out so that an extractor reads them all as one run of text."""

from __future__ import annotations

import re
from typing import cast

import lxml.html
from lxml import etree

from .dom_clutter import remove_keep_tail
from .page_blocks import split_at_break_pairs
from .post_stamps import MAX_STAMP_CHARS

#: Text (characters, outside links) a post must hold after its stamp.
MIN_POST_CHARS = 40
#: Elements that stand as blocks of their own.
BLOCKS = frozenset(
    {"p", "div", "ul", "ol", "li", "table", "section", "article", "blockquote", "h1", "h2",
     "h3", "h4", "h5", "h6", "header", "footer", "figure", "pre", "dl"}
)  # fmt: skip


def tag_name(element: etree._Element) -> str:
    """The element's tag, "" for a comment or a processing instruction."""
    return element.tag if isinstance(element.tag, str) else ""


def short_text(element: etree._Element) -> str | None:
    """The element's text when it is short enough for a stamp, else None (read no further)."""
    parts: list[str] = []
    size = 0
    for piece in element.itertext():
        size += len(piece)
        if size > 4 * MAX_STAMP_CHARS:
            return None
        parts.append(piece)
    text = " ".join("".join(parts).split())
    return text if 0 < len(text) <= MAX_STAMP_CHARS else None


#: Attributes an extractor reads as "this is the article": inside a page of posts they would
#: make it take one post for the whole article.
_ARTICLE_ATTRS = ("class", "id", "itemprop", "role")


#: What a post's row of controls says: "Share", "Copy link", "Reply", "42 votes", "Report".
_ACTION_WORDS = frozenset(
    re.findall(
        r"\w+",
        "share shares sharing about copy link copied reply replies report quote like likes "
        "liked unlike upvote upvotes downvote downvotes vote votes voted point points "
        "permalink flag edit edited follow following bookmark save saved helpful was this "
        "comment comments reaction reactions react award awards more options email print "
        "facebook twitter x whatsapp linkedin reddit messenger reblog retweet retweets repost "
        "reposts improve answer question cite with inappropriate content",
    )
)
_COUNT = re.compile(r"^[+-]?\d+(?:[.,]\d+)?[km]?$")
_ROW_TOKENS = re.compile(r"[\w.,+-]+")


def is_post_controls(text: str) -> bool:
    """Whether ``text`` is a post's row of controls and counts ("42 votes Reply Share")."""
    tokens = _ROW_TOKENS.findall(text.lower())
    if not tokens or len(tokens) > 12:
        return False
    words = [t for t in tokens if not _COUNT.match(t)]
    return bool(words) and all(t.strip(".,") in _ACTION_WORDS for t in words)


def remove_furniture(container: etree._Element) -> None:
    """Rows of controls and counts under the posts ("Share", "Copy link", "87 votes
    Reply Report") go, with nothing left of them."""
    doomed: list[etree._Element] = []
    for element in container.iterdescendants():
        if doomed and any(a is doomed[-1] for a in element.iterancestors()):
            continue
        if tag_name(element) in ("img", "picture", "") or element.get("role") == "heading":
            continue
        text = short_text(element)
        if text is not None and is_post_controls(text):
            doomed.append(element)
    for element in doomed:
        remove_keep_tail(element)


#: Longest term or value of a poster's details ("Joined", "Mar 16, 2015").
_MAX_PAIR_CHARS = 40
#: Elements a forum's notices, a poster's title and a post's signature come in.
BOX_TAGS = ("div", "p", "ul", "li", "section", "aside", "span", "em", "h4", "h5", "h6")
#: Their names: "Become a supporter ..." or "Scam alert ..." boxes outside the posts, and
#: inside them "Well-known member" or a "Premium Member" banner under a poster's name and
#: the quotation under a post.
_FURNITURE_NAME = re.compile(
    r"(?:(?<![a-z])notices?|signature|(?<![a-z])user-?(?:title|banner))(?![a-z])"
)
#: What a thread's or a post's notes say: "Thread starter jo Start date Apr 12, 2024",
#: "Last edited: Apr 12, 2024", "Edited 06/19/2024 06:37 AM by jo", "Click to expand...".
_NOTE = re.compile(r"(?:thread starter|(?:last )?edited|click to expand)\b", re.I)


def page_furniture(element: etree._Element, container: etree._Element) -> bool:
    """Whether an element of a page of posts is its furniture: a definition list of short
    terms and values, links aside (a poster's details, "Messages 9,525", "Location UK",
    "Contact: <a>Contact jo</a> <a>Website</a>", or the thread's,
    "Status Not open for further replies."), a short note on the thread or a post ("Last
    edited: Apr 12, 2024"), or an element named as a notice, a poster's title or a
    signature; none that holds the posts."""
    if element is container or any(a is element for a in container.iterancestors()):
        return False
    if element.tag == "dl":
        items = [child for child in element if tag_name(child) in ("dt", "dd")]
        return bool(items) and all(_plain_chars(item) <= _MAX_PAIR_CHARS for item in items)
    if _FURNITURE_NAME.search((element.get("class") or "").lower()):
        return True
    text = short_text(element)
    return text is not None and _NOTE.match(text) is not None


def _plain_chars(element: etree._Element) -> int:
    """The length of an element's text outside its links (a poster's "Contact: Contact jo
    Website" is a label and links)."""
    text = " ".join(element.text_content().split())
    return len(text) - sum(len(" ".join(a.text_content().split())) for a in element.iter("a"))


#: A quotation's attribution: "jo said:", "On 6/14/2024 at 9:14 AM, jo said:", "jo wrote:".
_ATTRIBUTION = re.compile(r"\b(?:said|wrote):\s*$")
#: Longest attribution read as one.
_MAX_ATTRIBUTION = 80


def _unlinked(text: str) -> bool:
    """Whether a link with this text is to be read as plain text among the posts: it has
    none (an avatar) or is a quotation's attribution."""
    return not text.strip() or (len(text) <= _MAX_ATTRIBUTION and bool(_ATTRIBUTION.search(text)))


def plain_posts(container: etree._Element) -> None:
    """On and inside the element holding all the posts, names and ``<article>`` tags go, so
    that an extractor reads the posts as one run of text rather than taking one for the
    article; a post's ``<header>``, which holds its time line, is no page header to it
    either. A link without text (a poster's avatar) is no link: to an extractor a short
    post holding one would be all links; nor is a quotation's attribution ("jo said:",
    linked to the post it quotes), which an extractor would drop as a box of links."""
    for link in [a for a in container.iter("a") if _unlinked(a.text_content())]:
        cast(lxml.html.HtmlElement, link).drop_tag()
    for element in container.iter():
        tag = tag_name(element)
        if tag in ("img", "picture", "source", "a", ""):
            continue
        if tag in ("article", "section", "header"):
            element.tag = "div"
        for attr in _ARTICLE_ATTRS:
            if attr in element.attrib:
                del element.attrib[attr]


def articles_beside(container: etree._Element) -> list[etree._Element]:
    """The page's ``<article>`` elements beside the element holding all the posts, neither
    inside it nor around it: an extractor would take the first for the whole article (the
    thread's opening post above its replies, a card of another page) and leave the posts."""
    around = set(container.iterancestors("article"))
    return [
        element for element in container.getroottree().iter("article")
        if element not in around and container not in element.iterancestors()
    ]


def wrap_loose_text(box: etree._Element) -> None:
    """Text written straight into a box among the posts (a forum's message, its lines parted
    by ``<br>``) becomes paragraphs between the box's blocks, as a browser shows it: an
    extractor reading a page of posts may take its paragraphs and no such text. A box
    whose own text is a few characters between elements (a dash before a user's name) stays."""
    loose = len((box.text or "").strip()) + sum(len((c.tail or "").strip()) for c in box)
    if loose < MIN_POST_CHARS:
        return
    pieces: list[etree._Element] = []
    paragraph: etree._Element | None = None

    def run() -> etree._Element:
        nonlocal paragraph
        if paragraph is None:
            paragraph = box.makeelement("p", {})
            pieces.append(paragraph)
        return paragraph

    if box.text and box.text.strip():
        run().text = box.text
    box.text = None
    for child in list(box):
        if tag_name(child) in BLOCKS:
            tail, child.tail = child.tail, None
            pieces.append(child)
            paragraph = None
            if tail and tail.strip():
                run().text = tail
        else:
            run().append(child)  # with its tail
    box.extend(pieces)
    for piece in pieces:
        if piece.tag == "p":
            split_at_break_pairs(piece)


__all__ = [
    "BLOCKS", "BOX_TAGS", "MIN_POST_CHARS", "is_post_controls", "page_furniture", "plain_posts",
    "remove_furniture", "short_text", "tag_name", "wrap_loose_text",
]
