"""Pages of posts (live blogs, forum threads, changelogs): each post's time line becomes a
small heading, so that posts stay separate units of the article, in the page's order.

A post's time line ("14:05", "11.42 GMT", "2 hours ago", "marta_k · 5 days ago", "Released
3 March 2025") is recognised by its text; a page is a page of posts when three or more such
lines repeat one template (the same tag and class names, under the same kind of parent) and
each is followed by text of its own. Lists whose items are posts become plain containers, so
an extractor does not flatten the posts into list items.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import replace

from lxml import etree

from .dom_clutter import remove_keep_tail
from .model import POST_STAMP_LEVEL, Block
from .post_stamps import MAX_STAMP_CHARS, NAME, is_post_heading, is_post_stamp

__all__ = ["POST_STAMP_LEVEL", "as_post_heading", "is_post_heading", "is_post_stamp", "mark_posts"]

#: Fewer stamps of one template than this make an article with a date line, not posts.
_MIN_POSTS = 3
#: Text (characters, outside links) a post must hold after its stamp.
_MIN_POST_CHARS = 40
#: Elements a stamp may be; a stamp holds no block element.
_STAMP_TAGS = ("time", "div", "span", "p", "header", "small", "a", "strong", "b",
               "h2", "h3", "h4", "h5", "h6", "dt", "footer")  # fmt: skip
_BLOCKS = frozenset(
    {"p", "div", "ul", "ol", "li", "table", "section", "article", "blockquote", "h1", "h2",
     "h3", "h4", "h5", "h6", "header", "footer", "figure", "pre", "dl"}
)  # fmt: skip
_INLINE = frozenset({"span", "a", "small", "strong", "b", "time"})
#: Text that may be (part of) a stamp, found by lxml itself (most of a page is none): a
#: little text holding a digit or a relative day.
_TIME_TEXTS = etree.XPath(
    "//text()[string-length(normalize-space()) > 0][string-length(normalize-space()) <= 60]"
    "[translate(., '0123456789', '') != . or contains(., 'ago') or contains(., 'esterday')"
    " or contains(., 'oday') or contains(., 'ust now')]"
)
#: How far above such a text a stamp may start ("<div><a><time>14:05</time></a></div>").
_STAMP_DEPTH = 3


def mark_posts(root: etree._Element) -> dict[str, int]:
    """Find the time lines of a page of posts; return the level of each post heading by its
    text: 5 for the time lines, its own for a heading among the posts (none: no posts).

    In place, each such line becomes a paragraph of its text alone, which extractors keep
    wherever they look for text (:func:`as_post_heading` makes it a heading again), rows of
    controls under the posts go, and lists of posts become plain containers."""
    if not _may_hold_posts(root):
        return {}
    groups: dict[tuple[str, ...], list[etree._Element]] = defaultdict(list)
    for element in _candidates(root):
        text = _short_text(element)
        if text is None:
            continue
        if element.tag in _INLINE and _inside_text(element):
            continue
        if is_post_stamp(text) and not _links_away(element):
            groups[_template(element)].append(element)
    if not any(len(g) >= _MIN_POSTS for g in groups.values()):
        return {}
    chosen = set()
    for stamps in groups.values():
        outer = [e for e in stamps if not any(a in chosen for a in e.iterancestors())]
        if len(outer) >= _MIN_POSTS:
            chosen.update(outer)
    stamps = [e for e in root.iter(*_STAMP_TAGS) if e in chosen]
    stamps = [e for e in stamps if not any(a in chosen for a in e.iterancestors())]
    stamps = _with_text_after(stamps)
    if len(stamps) < _MIN_POSTS:
        return {}
    container = _container(stamps)
    if container is None or not _holds_the_page(container, root):
        return {}  # cards of other pages, a sidebar of updates: not the article
    levels: dict[str, int] = {}
    _remove_furniture(container)
    _plain_posts(container)
    for heading in container.iter(*_HEADING_LEVELS):
        text = " ".join(heading.text_content().split())
        if text and heading not in chosen:
            levels.setdefault(text, _HEADING_LEVELS[heading.tag])
            _as_paragraph(heading, text)
    for stamp in stamps:
        _unlist(stamp)
        element, text = _meta_line(stamp, _short_text(stamp) or "")
        _as_paragraph(element, text)
        levels[text] = POST_STAMP_LEVEL
    return levels


#: A post's meta line around its time: its author's name before, its number after.
_META_DEPTH = 2
#: Characters of markup text (indentation counts) read for a meta line at most.
_META_RAW_CHARS = 2000
#: Words that stand before a post's time where its author may: what was done when.
_NOT_AUTHORS = frozenset(
    {"posted", "updated", "published", "edited", "released", "replied", "answered", "asked",
     "commented", "modified", "created", "viewed", "last", "on", "at", "date", "time"}
)


def _meta_line(stamp: etree._Element, text: str) -> tuple[etree._Element, str]:
    """The element of the post's meta line around ``stamp`` and its text: an author's name
    written before the time joins it ("Brian · September 26, 2025, 1:38pm"; a full name
    in brackets after it goes: "raoul (Raoul Duke)"), and the post's number after it goes
    (Discourse's "Brian September 26, 2025, 1:38pm 1")."""
    own = r"\s*".join(map(re.escape, text.replace(" ", "")))  # "<time>1:38<b>pm</b></time>"
    line = re.compile(rf"(?:({NAME})(?:\s*\([^()]{{1,40}}\))?\s+)?{own}(?:\s+#?\d+)?")
    element, author = stamp, None
    for _ in range(_META_DEPTH):
        parent = element.getparent()
        if parent is None or any(_tag(child) in _BLOCKS for child in parent):
            break
        whole = _spaced_text(parent)
        found = whole and line.fullmatch(whole)
        if not found:
            break
        element, author = parent, found.group(1) or author
    if author and author.split()[0].lower() not in _NOT_AUTHORS:  # "Commented May 2, 2009"
        text = f"{author} \u00b7 {text}"
    return element, text


def _spaced_text(element: etree._Element) -> str | None:
    """The element's text, its pieces apart ("<span>Brian</span><time>..." reads "Brian
    ..."), when it is short enough for a post's meta line; else None (read no further)."""
    parts: list[str] = []
    size = 0
    for piece in element.itertext():
        size += len(piece)
        if size > _META_RAW_CHARS:
            return None
        parts.append(piece)
    text = " ".join(" ".join(parts).split())
    return text if len(text) <= MAX_STAMP_CHARS else None


def as_post_heading(block: Block, levels: Mapping[str, int]) -> Block:
    """``block`` as the heading it was among the posts (see :func:`mark_posts`)."""
    level = levels.get(block.text) if block.kind in ("paragraph", "heading") else None
    if level is None:
        return block
    return replace(block, kind="heading", level=level, spans=())


_HEADING_LEVELS = {f"h{n}": n for n in range(1, 7)}


def _as_paragraph(element: etree._Element, text: str) -> None:
    for child in list(element):
        element.remove(child)
    element.tag = "p"
    element.text = text
    element.attrib.clear()


_CLOCK = re.compile(r"\d[:.][0-5]\d")
_RELATIVE = (" ago", "esterday", "ust now")
_VERBS = ("eleased ", "osted ", "pdated ", "ublished ", "dited ", "eplied ", "nswered ", "sked ")


def _may_hold_posts(root: etree._Element) -> bool:
    """A quick look at the page's text: three times of day or relative times, or one verb of
    a post's time line three times; pages without them (most) are no pages of posts."""
    text = etree.tostring(root, method="text", encoding="unicode")
    times = len(_CLOCK.findall(text)) + sum(text.count(word) for word in _RELATIVE)
    return times >= _MIN_POSTS or any(text.count(verb) >= _MIN_POSTS for verb in _VERBS)


def _candidates(root: etree._Element) -> set[etree._Element]:
    """Elements holding text that may be a stamp, and their near ancestors, as long as they
    hold no block and little text."""
    found: set[etree._Element] = set()
    for text in _TIME_TEXTS(root):
        owner = text.getparent()
        element = owner.getparent() if owner is not None and text.is_tail else owner
        for _ in range(_STAMP_DEPTH):
            if element is None or element in found:
                break
            if _tag(element) in _STAMP_TAGS:
                if any(_tag(child) in _BLOCKS for child in element):
                    break
                found.add(element)
            element = element.getparent()
    return found


def _tag(element: etree._Element) -> str:
    return element.tag if isinstance(element.tag, str) else ""


def _short_text(element: etree._Element) -> str | None:
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


def _template(element: etree._Element) -> tuple[str, ...]:
    """What posts of one page share: the stamp's tag and class, and its parent's."""
    parent = element.getparent()
    key = (_tag(element), element.get("class") or "")
    if parent is None:
        return key
    return (*key, _tag(parent), parent.get("class") or "")


def _inside_text(element: etree._Element) -> bool:
    """Whether an inline element sits inside a sentence (text around it in its parent)."""
    parent = element.getparent()
    if parent is None:
        return False
    around = (parent.text or "") + "".join((c.tail or "") for c in parent)
    return len(around.strip()) > 20


def _links_away(element: etree._Element) -> bool:
    """Whether the stamp is (inside) a link to another page: a card of another story, not a
    post's permalink (``#post-4``, ``?page=1#block-4``)."""
    for link in (element, *element.iterancestors("a")):
        href = link.get("href") if _tag(link) == "a" else None
        if href is not None and "#" not in href:
            return True
    return False


def _with_text_after(stamps: list[etree._Element]) -> list[etree._Element]:
    """The stamps followed, before the next stamp, by text of their own (outside links)."""
    if not stamps:
        return stamps
    root = stamps[0].getroottree().getroot()
    marks = set(stamps)
    counts: dict[etree._Element, int] = {}
    current: etree._Element | None = None
    skip: etree._Element | None = None
    for event, element in etree.iterwalk(root, events=("start", "end")):
        if event == "end":
            if element is skip:
                skip = None
            if current is not None and skip is None and element.tail:
                counts[current] += len(element.tail.strip())
            continue
        if skip is not None:
            continue
        if element in marks:
            current = element
            counts[current] = 0
            skip = element  # the stamp's own text does not count
            continue
        if _tag(element) == "a":
            skip = element
            continue
        if current is not None and element.text:
            counts[current] += len(element.text.strip())
    return [s for s in stamps if counts.get(s, 0) >= _MIN_POST_CHARS]


#: Attributes an extractor reads as "this is the article": inside a page of posts they would
#: make it take one post for the whole article.
_ARTICLE_ATTRS = ("class", "id", "itemprop", "role")


#: Share of the page's text the posts hold on a page of posts.
_MIN_SHARE = 0.4


def _holds_the_page(container: etree._Element, root: etree._Element) -> bool:
    """Whether the posts hold a good share of the page's text."""
    body = root.find("body")
    page = len("".join((body if body is not None else root).itertext()).split())
    return len("".join(container.itertext()).split()) >= _MIN_SHARE * page


def _container(stamps: list[etree._Element]) -> etree._Element | None:
    """The innermost element holding all the stamps."""
    common = list(stamps[0].iterancestors())
    for stamp in stamps[1:]:
        ancestors = set(stamp.iterancestors())
        common = [a for a in common if a in ancestors]
    return common[0] if common else None


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


def _remove_furniture(container: etree._Element) -> None:
    """Rows of controls and counts under the posts ("Share", "Copy link", "87 votes
    Reply Report") go, with nothing left of them."""
    doomed: list[etree._Element] = []
    for element in container.iterdescendants():
        if doomed and any(a is doomed[-1] for a in element.iterancestors()):
            continue
        if _tag(element) in ("img", "picture", "") or element.get("role") == "heading":
            continue
        text = _short_text(element)
        if text is not None and is_post_controls(text):
            doomed.append(element)
    for element in doomed:
        remove_keep_tail(element)


def _plain_posts(container: etree._Element) -> None:
    """Inside the element holding all the posts, names and ``<article>`` tags go, so that an
    extractor reads the posts as one run of text rather than taking one for the article."""
    for element in container.iterdescendants():
        tag = _tag(element)
        if tag in ("img", "picture", "source", "a", ""):
            continue
        if tag in ("article", "section"):
            element.tag = "div"
        for attr in _ARTICLE_ATTRS:
            if attr in element.attrib:
                del element.attrib[attr]


def _unlist(stamp: etree._Element) -> None:
    """A list item holding a post, and its list, become plain containers."""
    for ancestor in stamp.iterancestors():
        if ancestor.tag == "li":
            ancestor.tag = "div"
            parent = ancestor.getparent()
            if parent is not None and parent.tag in ("ul", "ol"):
                parent.tag = "div"
            return
