"""Pages of posts (live blogs, forum threads, changelogs): each post's time line becomes a
small heading, so that posts stay separate units of the article, in the page's order.

A post's time line ("14:05", "11.42 GMT", "2 hours ago", "marta_k · 5 days ago", "Released
3 March 2025") is recognised by its text; a page is a page of posts when three or more such
lines (two on a forum thread) repeat one template (the same tag and class names, under the
same kind of parent) and each is followed by text of its own. Lists whose items are posts
become plain containers, so an extractor does not flatten the posts into list items.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import replace

from lxml import etree

from .dom_clutter import remove_keep_tail
from .model import POST_STAMP_LEVEL, Block
from .post_boxes import (
    BLOCKS,
    BOX_TAGS,
    MIN_POST_CHARS,
    articles_beside,
    is_post_controls,
    page_furniture,
    plain_posts,
    remove_furniture,
    short_text,
    tag_name,
    wrap_loose_text,
)
from .post_stamps import MAX_STAMP_CHARS, NAME, is_post_heading, is_post_stamp

__all__ = [
    "POST_STAMP_LEVEL", "as_post_heading", "is_post_controls", "is_post_heading", "is_post_stamp",
    "mark_posts",
]

#: Fewer stamps of one template than this make an article with a date line, not posts...
_MIN_POSTS = 3
#: ... but on a discussion (a forum thread, a question) a question and its answer are posts.
_MIN_THREAD_POSTS = 2
#: Elements a stamp may be; a stamp holds no block element.
_STAMP_TAGS = ("time", "div", "span", "p", "header", "small", "a", "strong", "b",
               "h2", "h3", "h4", "h5", "h6", "dt", "footer")  # fmt: skip
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


def mark_posts(root: etree._Element, discussion: bool = False) -> dict[str, int]:
    """Find the time lines of a page of posts; return the level of each post heading by its
    text: 5 for the time lines, its own for a heading among the posts (none: no posts). On a
    ``discussion`` page (a forum thread) two posts are posts, and a ``<time>`` that shows
    only a day is a time line when its markup gives the time of day (:func:`_stamp_text`).

    In place, each such line becomes a paragraph of its text alone, which extractors keep
    wherever they look for text (:func:`as_post_heading` makes it a heading again), rows of
    controls under the posts and the page's furniture go, and the posts are laid out for an
    extractor to read them all (:mod:`~reader_app.core.post_boxes`)."""
    least = _MIN_THREAD_POSTS if discussion else _MIN_POSTS
    if not _may_hold_posts(root, discussion, least):
        return {}
    groups: dict[tuple[str, ...], list[etree._Element]] = defaultdict(list)
    for element in _candidates(root):
        if element.tag in _INLINE and _inside_text(element):
            continue
        if _stamp_text(element, discussion) is not None and not _links_away(element):
            groups[_template(element)].append(element)
    if not any(len(g) >= least for g in groups.values()):
        return {}
    chosen = set()
    for stamps in groups.values():
        outer = [e for e in stamps if not any(a in chosen for a in e.iterancestors())]
        if len(outer) >= least:
            chosen.update(outer)
    stamps = [e for e in root.iter(*_STAMP_TAGS) if e in chosen]
    stamps = [e for e in stamps if not any(a in chosen for a in e.iterancestors())]
    stamps = _with_text_after(stamps)
    if len(stamps) < least:
        return {}
    container = _container(stamps)
    if container is None or not _holds_the_page(container, root):
        return {}  # cards of other pages, a sidebar of updates: not the article
    levels: dict[str, int] = {}
    remove_furniture(container)
    carded = set()  # time lines in a poster's card ("post-signature"), under the post
    for element in [e for e in root.iter("dl", *BOX_TAGS) if page_furniture(e, container)]:
        for stamp in stamps if "signature" in (element.get("class") or "") else ():
            if any(a is element for a in stamp.iterancestors()):
                stamp.tail = None
                element.addprevious(stamp)
                carded.add(stamp)
        remove_keep_tail(element)
    plain_posts(container)
    for element in articles_beside(container):
        element.tag = "div"
    for box in list(container.iter("div")):
        wrap_loose_text(box)
    for heading in container.iter(*_HEADING_LEVELS):
        text = " ".join(heading.text_content().split())
        if text and heading not in chosen:
            levels.setdefault(text, _HEADING_LEVELS[heading.tag])
            _as_paragraph(heading, text)
    lines = []
    for stamp in stamps:
        _unlist(stamp)
        # read again: the controls inside a time line ("9 Comments") are gone by now
        shown, text = short_text(stamp) or "", _stamp_text(stamp, discussion) or ""
        element, text = _meta_line(stamp, shown, text)
        _as_paragraph(element, text)
        levels[text] = POST_STAMP_LEVEL
        lines.append((element, stamp in carded))
    _lead_posts(lines, container)
    return levels


def _lead_posts(lines: list[tuple[etree._Element, bool]], container: etree._Element) -> None:
    """A time line that came in a poster's card under the post's text (Stack Exchange's
    "asked Jul 18, 2024 at 4:39") opens its post: it moves to the start of the largest box
    around it that holds no other time line."""
    shared: dict[etree._Element, int] = defaultdict(int)
    for line, _carded in lines:
        for ancestor in line.iterancestors():
            if ancestor is container:
                break
            shared[ancestor] += 1
    for line, carded in lines:
        if not carded:
            continue
        box = None
        for ancestor in line.iterancestors():
            if ancestor is container or shared[ancestor] > 1:
                break
            box = ancestor
        if box is None or not "".join(box.itertext()).split(line.text or "", 1)[0].strip():
            continue  # no box of its own, or nothing before it in its box
        remove_keep_tail(line)
        line.tail, box.text = box.text, None
        box.insert(0, line)


#: A post's meta line around its time: its author's name before, its number after.
_META_DEPTH = 2
#: Characters of markup text (indentation counts) read for a meta line at most.
_META_RAW_CHARS = 2000
#: Words that stand before a post's time where its author may: what was done when.
_NOT_AUTHORS = frozenset(
    {"posted", "updated", "published", "edited", "released", "replied", "answered", "asked",
     "commented", "modified", "created", "viewed", "last", "on", "at", "date", "time"}
)


#: The time of day of a ``datetime`` attribute ("2024-04-12T13:44:18-0400").
_DATETIME_CLOCK = re.compile(r"\d[T ](\d\d:\d\d)")


def _stamp_text(element: etree._Element, timed: bool) -> str | None:
    """The element's text when it is a post's time line, else None. With ``timed``, a
    ``<time>`` that shows only a day ("Apr 12, 2024") is one when its markup gives the time
    of day too: its title ("Apr 12, 2024 at 1:44 PM") is then its text, else the day and
    the ``datetime``'s hour (an article's cards of other stories show days too: a forum's
    posts only)."""
    text = short_text(element)
    if text is None:
        return None
    if is_post_stamp(text):
        return _absolute(element, text)
    when = element.get("datetime") if timed and element.tag == "time" else None
    if not when:
        return None
    title = " ".join((element.get("title") or "").split())
    if is_post_stamp(title):
        return title
    clock = _DATETIME_CLOCK.search(when)
    timed_text = f"{text} {clock.group(1)}" if clock else ""
    return timed_text if is_post_stamp(timed_text) else None


#: Words of a time told relative to the day it was read: a reading view keeps the day.
_RELATIVE_TIME = re.compile(r"\b(?:ago|today|yesterday|just now)\b", re.I)


def _absolute(element: etree._Element, text: str) -> str:
    """A stamp's ``text``, or the date its ``<time>``'s title gives for a relative one
    ("Today at 3:26 AM" titled "Mar 5, 2026 at 3:26 AM"): the day is not the reader's."""
    if not _RELATIVE_TIME.search(text):
        return text
    time = next(element.iter("time"), None)  # the element itself, or the one it holds
    if time is None or " ".join(time.text_content().split()) != text:
        return text
    title = " ".join((time.get("title") or "").split())
    return title if is_post_stamp(title) and not _RELATIVE_TIME.search(title) else text


def _meta_line(stamp: etree._Element, shown: str, text: str) -> tuple[etree._Element, str]:
    """The element of the post's meta line around ``stamp`` (which shows ``shown``) and its
    text (``text``, the stamp's): an author's name written before the time joins it ("Brian
    · September 26, 2025, 1:38pm"; a full name in brackets after it goes: "raoul (Raoul
    Duke)"), and the post's number after it goes (Discourse's "Brian September 26, 2025,
    1:38pm 1")."""
    own = r"\s*".join(map(re.escape, shown.replace(" ", "")))  # "<time>1:38<b>pm</b></time>"
    line = re.compile(rf"(?:({NAME})(?:\s*\([^()]{{1,40}}\))?\s+)?{own}(?:\s+#?\d+)?")
    element, author = stamp, None
    for _ in range(_META_DEPTH):
        parent = element.getparent()
        if parent is None or any(tag_name(child) in BLOCKS for child in parent):
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


def _may_hold_posts(root: etree._Element, discussion: bool, least: int) -> bool:
    """A quick look at the page's text: ``least`` times of day or relative times, or one
    verb of a post's time line ``least`` times (on a ``discussion``, as many ``<time>``
    elements with a ``datetime`` do too); pages without them (most) are no pages of posts."""
    text = etree.tostring(root, method="text", encoding="unicode")
    times = len(_CLOCK.findall(text)) + sum(text.count(word) for word in _RELATIVE)
    return (
        times >= least
        or any(text.count(verb) >= least for verb in _VERBS)
        or (discussion and sum(1 for t in root.iter("time") if t.get("datetime")) >= least)
    )


def _candidates(root: etree._Element) -> list[etree._Element]:
    """Elements holding text that may be a stamp, and their near ancestors, as long as they
    hold no block and little text; in the order of their texts (the same on every run)."""
    found: dict[etree._Element, None] = {}
    for text in _TIME_TEXTS(root):
        owner = text.getparent()
        element = owner.getparent() if owner is not None and text.is_tail else owner
        for _ in range(_STAMP_DEPTH):
            if element is None or element in found:
                break
            if tag_name(element) in _STAMP_TAGS:
                if any(tag_name(child) in BLOCKS for child in element):
                    break
                found[element] = None
            element = element.getparent()
    return list(found)


def _template(element: etree._Element) -> tuple[str, ...]:
    """What posts of one page share: the stamp's tag and class, and its parent's."""
    parent = element.getparent()
    key = (tag_name(element), element.get("class") or "")
    if parent is None:
        return key
    return (*key, tag_name(parent), parent.get("class") or "")


def _inside_text(element: etree._Element) -> bool:
    """Whether an inline element sits inside a sentence (text around it in its parent)."""
    parent = element.getparent()
    if parent is None:
        return False
    around = (parent.text or "") + "".join((c.tail or "") for c in parent)
    return len(around.strip()) > 20


def _links_away(element: etree._Element) -> bool:
    """Whether the stamp is (inside) a link to another page: a card of another story, not a
    post's permalink (``#post-4``, ``?page=1#block-4``, ``/threads/title.53800/post-530716``,
    ``?do=findComment&comment=42``)."""
    for link in (element, *element.iterancestors("a")):
        href = link.get("href") if tag_name(link) == "a" else None
        if href is not None and "#" not in href and not _PERMALINK.search(href):
            return True
    return False


#: The end of a post's own address: "post-530716", "posts/42/", "comment=42".
_PERMALINK = re.compile(r"\b(?:post|comment|reply|message)s?[-_/=]\d+/?$", re.I)


def _with_text_after(stamps: list[etree._Element]) -> list[etree._Element]:
    """The stamps followed, before the next stamp, by text of their own (outside links)."""
    if not stamps:
        return stamps
    root = stamps[0].getroottree().getroot()
    # a stamp inside its permalink is read from the link on
    marks = {next(reversed(list(s.iterancestors("a"))), s): s for s in stamps}
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
            current = marks[element]
            counts[current] = 0
            skip = element  # the stamp's own text does not count
            continue
        if tag_name(element) == "a":
            skip = element
            continue
        if current is not None and element.text:
            counts[current] += len(element.text.strip())
    return [s for s in stamps if counts.get(s, 0) >= MIN_POST_CHARS]


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


def _unlist(stamp: etree._Element) -> None:
    """A list item holding a post, and its list, become plain containers."""
    for ancestor in stamp.iterancestors():
        if ancestor.tag == "li":
            ancestor.tag = "div"
            parent = ancestor.getparent()
            if parent is not None and parent.tag in ("ul", "ol"):
                parent.tag = "div"
            return
