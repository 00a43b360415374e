"""Page metadata: title, byline, site name, date and language, from meta tags, JSON-LD and
the page (via trafilatura's metadata helpers and htmldate)."""

from __future__ import annotations

import contextlib
import re

from lxml import etree

from .text import clean_text

__all__ = ["clean_byline", "html_title", "iso_date", "page_language", "page_metadata"]


def page_metadata(root: etree._Element, url: str | None) -> dict[str, str | None]:
    """Title, byline, site name and date, as trafilatura's metadata extraction finds them
    (meta tags, JSON-LD, then the page), without the categories, tags and licence it also
    looks for."""
    from htmldate import find_date
    from trafilatura import metadata as tm

    found = tm.examine_meta(root)
    if found.author and " " not in found.author:
        found.author = None
    with contextlib.suppress(Exception):  # JSON-LD in the wild is often malformed
        found = tm.extract_meta_json(root, found)
    title = found.title or tm.extract_title(root)
    author = found.author or tm.extract_author(root)
    page_url = found.url or tm.extract_url(root, url)
    # Dates come from the page's markup only, never guessed from years in the text.
    date = find_date(root, url=page_url, extensive_search=False, original_date=True)
    site = found.sitename or tm.extract_sitename(root)
    if site:
        site = site.lstrip("@")
        if site and "." not in site and not site[0].isupper():
            site = site.title()
    elif page_url:
        match = tm.META_URL.match(page_url)
        site = match[1] if match else None
    return {"title": title, "byline": author, "site": site, "date": date}


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
            text = clean_text(element.text_content())
            if text:
                return text
    return ""


_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


def iso_date(value: str | None) -> str | None:
    match = _DATE.match(value or "")
    return match.group(0) if match else None


#: What precedes a name in a byline.
_BY = re.compile(r"^(?:by|written by|posted by|words by|author|authors|von|par|por)\b\W*", re.I)
#: Words of a site's menu that trafilatura sometimes reads as the byline.
_MENU = re.compile(
    r"\b(?:home|about|contact|menu|blog|subscribe|log ?in|sign ?in|search|privacy|"
    r"categories|archives?|shop|cart|faq|newsletter)\b",
    re.I,
)
_MAX_BYLINE_WORDS = 10


def clean_byline(value: str | None) -> str | None:
    """A byline without "By", separators or dates around it ("Carys Morgan ·" → "Carys
    Morgan"); None for what is not a name (a menu, a sentence, a bare handle)."""
    text = " ".join((value or "").split())
    text = _BY.sub("", text).strip(" ·•|,;:-\u2013\u2014/")
    words = text.split()
    if not words or len(words) > _MAX_BYLINE_WORDS or not any(w[:1].isupper() for w in words):
        return None
    if len(_MENU.findall(text)) >= 2 or text.lower().startswith(("http", "www.")):
        return None
    return text
