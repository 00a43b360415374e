"""A page's title, byline, site name, date and language, and the heading that repeats its
title."""

from __future__ import annotations

import contextlib
import html
import json
import re
from collections.abc import Callable
from urllib.parse import urlsplit

from lxml import etree
from trafilatura.json_metadata import normalize_authors

from .byline import clean_byline, user_name
from .credit_line import credited_author, shown_date
from .model import Block
from .page_author import author_box_text
from .text_lines import clean_text

_WORDS = re.compile(r"\w+")


def page_metadata(root: etree._Element, url: str | None) -> dict[str, str | None]:
    """Title, byline and site name (as clean text) and the page's own address, as
    trafilatura's metadata extraction finds them (meta tags, JSON-LD, then the page), without
    the categories, tags and licence it also looks for. ``root`` is the page as parsed, its
    scripts still there (JSON-LD names authors)."""
    from trafilatura import metadata as tm

    found = tm.examine_meta(root)
    if found.author and " " not in found.author:
        found.author = None
    with contextlib.suppress(Exception):  # JSON-LD in the wild is often malformed
        found = tm.extract_meta_json(root, found)
    page_url = found.url or tm.extract_url(root, url)
    names = site_names(found.sitename, page_url or url)
    title = found.title or tm.extract_title(root)
    if not found.title and title:  # trafilatura's guess: a lone <h1>, else the <title>
        shown = tm.examine_title_element(root)[0]
        if shown and (_names_site(title, names) or (
            len(title.split()) <= _SECTION_WORDS < len(shown.split())
            and shown.lstrip()[:1] not in _SEPARATOR_MARKS  # "| Nuts & Volts": no headline
            and set(_WORDS.findall(title.lower())).isdisjoint(_WORDS.findall(shown.lower()))
        )):
            title = shown  # the <h1> names the site or a section ("Pulse!"), not the page
    title = headline(root, title, names)
    author = thread_author(root) or clean_byline(found.author) or _byline_in_page(root)
    site = found.sitename or _title_site(root)
    if site:
        site = site.lstrip("@")
        if site and "." not in site and not site[0].isupper():
            site = site.title()
    elif page_url:
        match = tm.META_URL.match(page_url)
        site = match[1] if match else None
    named = {"title": title, "byline": author, "site": site}
    return {**{key: clean_text(_unescaped(value or "")) or None for key, value in named.items()},
            "url": page_url, "date": declared_date(root) or shown_date(root)}


#: A character reference left in text a page escaped twice ("SQL &amp;#x26; AI").
_REFERENCE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def _unescaped(text: str) -> str:
    """``text`` with the character references a page escaped twice read as the characters
    they stand for, as its ``<title>`` shows them ("SQL &#x26; AI" → "SQL & AI")."""
    if "&" not in text:
        return text
    return _REFERENCE.sub(lambda match: html.unescape(match.group()), text)


def _title_site(root: etree._Element) -> str | None:
    """The part of the page's ``<title>`` that is a domain name ("Release notes -
    virtualbox.org"; a headline's "VirtualBox 7.1.0" is none)."""
    from trafilatura.metadata import examine_title_element

    _, *parts = examine_title_element(root)
    return next((p for p in parts if p and "." in p and " " not in p.strip()), None)


def _byline_in_page(root: etree._Element) -> str | None:
    """The author the page names outside its metadata: in an author box (a forum's user
    name as written, other names tidied), else in a credit line under the headline."""
    box = author_box_text(root)
    return (
        user_name(box)
        or clean_byline(normalize_authors(None, box) if box else None)
        or clean_byline(credited_author(root))
    )


#: JSON-LD types whose author opened the discussion the page shows.
_THREAD_TYPES = frozenset({"DiscussionForumPosting", "QAPage", "Question"})


def thread_author(root: etree._Element) -> str | None:
    """The author of a forum thread or question as its JSON-LD declares it (the first
    ``DiscussionForumPosting`` or question of a ``QAPage``), written as the forum writes it:
    a user name such as "lulug30" or "Mr_Enigmatic" is no name to tidy."""
    return _declared(root, ("DiscussionForumPosting", "QAPage"), _THREAD_TYPES, _author_of)


def _author_of(item: dict[str, object]) -> str | None:
    author = item.get("author")
    if isinstance(author, list):
        author = author[0] if author else None
    if isinstance(author, dict):
        author = author.get("name")
    if isinstance(author, str) and author.strip():
        name = " ".join(author.split())
        return name if name.lower() not in _NO_AUTHOR else None
    return None


#: JSON-LD types of an article, whose ``datePublished`` is the article's date (a product's
#: or a listing's is not the page's).
_ARTICLE_TYPES = frozenset({
    "Article", "NewsArticle", "BlogPosting", "TechArticle", "ScholarlyArticle", "Report",
    "AnalysisNewsArticle", "OpinionNewsArticle", "ReportageNewsArticle",
    "BackgroundNewsArticle", "LiveBlogPosting",
})
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def declared_date(root: etree._Element) -> str | None:
    """The day an article's JSON-LD says it was published ("2025-11-28"), if it says so in
    ISO form; ``root`` with its scripts."""
    return _declared(root, ("datePublished",), _ARTICLE_TYPES, _published_of)


def _published_of(item: dict[str, object]) -> str | None:
    published = item.get("datePublished")
    day = _ISO_DAY.match(published.strip()) if isinstance(published, str) else None
    return day.group() if day else None


def _declared(
    root: etree._Element, markers: tuple[str, ...], types: frozenset[str],
    read: Callable[[dict[str, object]], str | None],
) -> str | None:
    """What ``read`` finds first in an item of one of ``types``, depth first, in the page's
    JSON-LD scripts that hold one of ``markers``."""
    for script in root.iter("script"):
        text = script.text or ""
        if script.get("type") != "application/ld+json" or not any(m in text for m in markers):
            continue
        with contextlib.suppress(ValueError, RecursionError):
            found = _first(json.loads(text), types, read)
            if found:
                return found
    return None


def _first(
    item: object, types: frozenset[str], read: Callable[[dict[str, object]], str | None]
) -> str | None:
    if isinstance(item, list):
        return next((f for f in (_first(i, types, read) for i in item) if f), None)
    if not isinstance(item, dict):
        return None
    kind = item.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    if not types.isdisjoint(k for k in kinds if isinstance(k, str)):
        found = read(item)
        if found:
            return found
    return next((f for f in (_first(v, types, read) for v in item.values()) if f), None)


#: What a thread's author field says when it names no one.
_NO_AUTHOR = frozenset({"anonymous", "guest", "deleted", "deleted member", "unknown"})


def page_date(root: etree._Element, page_url: str | None) -> str | None:
    """The page's date from its markup only, never guessed from years in the text.

    ``root`` without its scripts: dates in JSON-LD and scripts are more often a product's or
    a listing's than the article's."""
    from htmldate import find_date

    return find_date(root, url=page_url, extensive_search=False, original_date=True)


#: A separator between a title and the site's name ("Title | Site", "Title - Site").
_SEPARATOR_MARKS = "|-\u2013\u2014\u00b7\u2022\u00bb:/"
_SEPARATOR = re.compile(rf"(\s+[{re.escape(_SEPARATOR_MARKS)}]\s+)")
#: Most words of an <h1> that names a section of the site rather than the page ("Pulse!").
_SECTION_WORDS = 3
#: Share of the shorter one's words an <h1> and the page's title have in common to be one title.
_SAME_HEADLINE = 0.5
#: Most words of a title's closing part that names the site by its address ("Shopify App Store").
_SITE_PART_WORDS = 3
_NOT_A_NAME = re.compile(r"\W+|_")
#: Titles that name a page of the site rather than what it says.
_GENERIC_TITLES = frozenset({"home", "homepage", "home page", "welcome"})
#: How a page names its site: its declared name, then its host's labels, each lower-cased
#: without spaces or marks ("Gold's Gym" → "goldsgym"); see :func:`site_names`.
SiteNames = tuple[str, ...]


def headline(root: etree._Element, title: str | None, site: SiteNames = ("",)) -> str | None:
    """The article's headline as the page shows it: the page's ``title`` (from its meta tags
    or ``<title>``) without the parts that name the ``site`` (:func:`without_site`), and
    without what follows a separator when at least three words precede it, unless the
    ``<h1>`` that shares most words with that (half at least, counted on the shorter of the
    two, and two words at least unless one has a single word; the first of equals) words it
    differently."""
    if not title:
        return None
    title = without_site(title, site)
    first = _SEPARATOR.split(title, maxsplit=1)[0]
    core = first if first != title and len(_WORDS.findall(first)) >= 3 else title
    best, shown = 0.0, core
    for element in root.iter("h1"):
        text = without_site(heading_text(element), site)
        share = _shared_words(text, core) if text else 0.0
        if share >= _SAME_HEADLINE and share > best:
            best, shown = share, text
    return shown


def site_names(site_name: str | None, url: str | None) -> SiteNames:
    """The names of a page's site: its declared ``site_name`` ("" if none), then the labels
    of its address's host of four letters or more, but "www" ("apps.shopify.com" →
    "shopify")."""
    host = urlsplit(url or "").hostname or ""
    labels = [label for label in host.split(".")[:-1] if len(label) >= 4 and label != "www"]
    return (_squashed(site_name or ""), *labels)


def without_site(title: str, site: SiteNames) -> str:
    """``title`` without the parts closing it, after a separator, that name the site: the
    site's declared name, a host label (with ".com" or ".org" or without), or a name of up
    to three words that starts with one ("… | Artlyst - Artlyst", "Klatch Coffee | Shopify
    App Store"). One part always stays, and a home page's "Home" keeps its site's name."""
    parts = _SEPARATOR.split(title)  # the parts at even places, separators between them
    while len(parts) > 2 and _names_site(parts[-1], site):
        if len(parts) == 3 and parts[0].strip().lower() in _GENERIC_TITLES:
            break
        del parts[-2:]
    return "".join(parts)


def _names_site(part: str, site: SiteNames) -> bool:
    name = _squashed(part)
    labels = site[1:]
    return bool(name) and (
        name == site[0]
        or any(name in (label, label + "com", label + "org") for label in labels)
        or (len(part.split()) <= _SITE_PART_WORDS and any(map(name.startswith, labels)))
    )


def _squashed(text: str) -> str:
    return _NOT_A_NAME.sub("", text.lower())


#: What a permalink beside a heading shows ("Middleware¶").
_PERMALINKS = frozenset({"¶", "#", "§", "\U0001f517"})


def heading_text(element: etree._Element) -> str:
    """A heading's text as the page shows it, on one line (a line break is a space); its
    buttons ("Copy item path"), hidden parts (``hidden``; hidden from screen readers: a copy
    of the words set for animation), pictures, dates ("Dec 18 2025" above a post's title)
    and permalinks ("¶") are no part of it."""
    pieces: list[str] = []

    def walk(node: etree._Element) -> None:
        pieces.append(node.text or "")
        for child in node:
            tag = child.tag
            if tag == "br":
                pieces.append(" ")
            elif isinstance(tag, str) and not _beside_heading(child):
                walk(child)
            pieces.append(child.tail or "")

    walk(element)
    return clean_text("".join(pieces).replace("\n", " "))


def _beside_heading(element: etree._Element) -> bool:
    tag = element.tag
    return (
        tag in ("button", "script", "style", "template", "svg", "time")
        or element.get("aria-hidden") == "true"
        or element.get("hidden") is not None
        or (tag == "a" and element.text_content().strip() in _PERMALINKS)
    )


def _shared_words(shown: str, title: str) -> float:
    """The share of the shorter one's words the two have in common; 0 for a single word
    in common with two words or more ("InfoQ Homepage" and "InfoQ: Software …"), and for a
    heading of one word that is none of the title's first three: it names what the title is
    about ("Kayaks | REI Co-op"), not a word from its middle ("Discord" of "How we pwned X
    (Twitter), Vercel, Cursor, Discord, and …")."""
    title_words = _WORDS.findall(title.lower())
    words_a, words_b = set(_WORDS.findall(shown.lower())), set(title_words)
    shared, fewer = len(words_a & words_b), min(len(words_a), len(words_b))
    if shared < 2 <= fewer or (len(words_a) == 1 and words_a.isdisjoint(title_words[:3])):
        return 0.0
    return shared / max(1, fewer)


_LANG = re.compile(r"^[a-z]{2,3}(?=$|[-_])", re.I)


def page_language(root: etree._Element) -> str | None:
    candidates = [root.get("lang"), root.get("{http://www.w3.org/XML/1998/namespace}lang")]
    for meta in root.iter("meta"):
        key = (meta.get("http-equiv") or meta.get("property") or meta.get("name") or "").lower()
        if key in ("content-language", "og:locale", "language", "dc.language"):
            candidates.append(meta.get("content"))
    for value in candidates:
        match = _LANG.match((value or "").strip())
        if match:
            return match.group(0).lower()
    return None


def html_title(root: etree._Element) -> str:
    for path in (".//h1", ".//title"):
        element = root.find(path)
        if element is not None:
            text = heading_text(element) if path == ".//h1" else clean_text(element.text_content())
            if text:
                return text
    return ""


_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


def iso_date(value: str | None) -> str | None:
    match = _DATE.match(value or "")
    return match.group(0) if match else None


#: What may stand above a headline and go with it: up to this many blocks of at most this
#: many characters (a site's or section's name, a category, breadcrumbs: "The Go Blog").
_ABOVE_TITLE_BLOCKS = 4
_ABOVE_TITLE_CHARS = 80


def drop_title_heading(
    blocks: list[Block], title: str, labels_above: bool = False
) -> list[Block]:
    """Drop the heading that repeats the title (the first block after any lead images; a
    paragraph too when its text is the title's),
    also when the title carries a site name or the heading a subtitle; with
    ``labels_above``, also when short blocks stand above it, which go with it (a shop's
    page keeps them: there the brand and the price stand above a product's name)."""
    above = 0
    for i, block in enumerate(blocks):
        if block.kind == "image":
            continue
        if (block.kind == "heading" and _same_title(block.text, title)) or (
            block.kind == "paragraph" and _norm(block.text) == _norm(title)  # an <h1> as text
        ):
            return [b for b in blocks[:i] if b.kind == "image"] + blocks[i + 1 :]
        above += 1
        if not labels_above or above > _ABOVE_TITLE_BLOCKS or len(block.text) > _ABOVE_TITLE_CHARS:
            break
    return blocks


def _same_title(heading: str, title: str) -> bool:
    a, b = _norm(heading), _norm(title)
    if not a or not b:
        return False
    if a == b or (min(len(a), len(b)) >= 20 and (a in b or b in a)):
        return True
    words_a, words_b = set(_WORDS.findall(a)), set(_WORDS.findall(b))
    return len(words_a & words_b) >= 0.8 * max(len(words_a), len(words_b), 1)


def _norm(text: str) -> str:
    return " ".join(text.lower().split())
