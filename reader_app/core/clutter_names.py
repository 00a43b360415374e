"""What an element's names say of it: the class/id/role/aria/data-* names of promo, paywall,
donation, newsletter, share, cookie, comment, related-story and ad containers, of fine
print, and of a form's title and messages."""

from __future__ import annotations

import re
from functools import lru_cache

from lxml import etree

#: The names of a form's title ("form-title", "newsletter-form-header", "FormTitle") and of
#: the messages it shows once sent ("w-form-done", "w-form-fail", "success-message"): what
#: asks the reader to fill in a form or answers them, never the article's own text.
_FORM_LABEL = (
    r"form[-_]?(?:title|head(?:er|ing|line)|done|fail|success|error)|(?:success|error)[-_]?message"
)
_FORM_LABEL_NAME = re.compile(rf"(?<![a-z]){_FORM_LABEL}")
_FORM_LABEL_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "p"})

#: Name fragments (found at the start of a word inside the :data:`_NAME_ATTRS` values, so
#: that "shareBar" and "site-newsletter" match but "bloginner" does not). Comments are
#: clutter but on a discussion page, whose replies they are (``prune_dom``'s ``discussion``).
_CLUTTER_WORDS = (
    r"cookie|consent|gdpr|newsletter|subscri(?:be|ption)|paywall|"
    r"donat(?:e|ion)|support-?us|"
    r"share|sharing|social|follow-?us|related|recommend|read-?more|more-?stories|"
    r"most-?(?:read|popular|viewed)|trending|outbrain|taboola|"
    r"login|log-?in|sign-?in|sign-?up|register|registration|"
    r"notification|push-?prompt|promo|upsell|"
    r"author-?bio|about-?(?:the-?)?author|advert|sponsor|disclos(?!ure(?:__|--))|disclaimer|"
    r"rss|serial-?posts?|series-?(?:nav|list|posts|toc|box)|post-?series|"
    r"modal|popup|pop-?up|toolbar|breadcrumb|skip-?link|"
    rf"call-?to-?action|banner-?ad|ad-?(?:slot|unit|container|wrapper|label)|{_FORM_LABEL}"
)
_CLUTTER_NAME = re.compile(rf"(?<![a-z])(?:comment|disqus|{_CLUTTER_WORDS})")
_CLUTTER_NAME_IN_DISCUSSION = re.compile(rf"(?<![a-z])(?:{_CLUTTER_WORDS})")

#: Names of cookie consent managers, whose long notices never wrap an article (a recipe
#: blog's "cookie-recipes" box may).
_CONSENT_NAME = re.compile(
    r"(?<![a-z])(?:consent|gdpr|onetrust|cookiebot|cookie-?(?:banner|consent|notice|policy"
    r"|law|bar|popup|settings|preferences|compliance|modal))"
)

#: Whole tokens (names split on non-letters) that mark ads.
_CLUTTER_TOKENS = frozenset(
    {"ad", "ads", "adv", "advert", "advertisement", "dfp", "gpt", "cta", "ctas"}
)
_TOKEN_SPLIT = re.compile(r"[^a-z0-9]+")

#: Paragraphs and small print that name themselves a disclaimer or disclosure: an
#: affiliate's "As an Amazon Associate we earn from qualifying purchases" in a book's box.
_FINE_PRINT_NAME = re.compile(r"(?<![a-z])(?:disclaimer|disclos)")
_FINE_PRINT_TAGS = frozenset({"p", "small"})
#: Longest text of fine print or a form's title judged by its names.
_MAX_NAMED_CHARS = 400

#: Attributes whose values carry names.
_NAME_ATTRS = frozenset(
    {"class", "id", "role", "aria-label", "data-component", "data-testid", "data-module"}
)


def element_names(attributes: list[tuple[str, str]]) -> str:
    """The names among an element's ``attributes``, lower-cased, in one string."""
    return " ".join(v for k, v in attributes if v and k in _NAME_ATTRS).lower()


def _named(names: str, pattern: re.Pattern[str]) -> bool:
    if pattern.search(names):
        return True
    return not _CLUTTER_TOKENS.isdisjoint(_TOKEN_SPLIT.split(names))


# A page repeats its class names: each is judged once (one argument: the cache's fast path).
@lru_cache(maxsize=8192)
def named_clutter(names: str) -> bool:
    """Whether ``names`` (of :func:`element_names`) mark page furniture."""
    return _named(names, _CLUTTER_NAME)


@lru_cache(maxsize=8192)
def named_clutter_in_discussion(names: str) -> bool:
    """:func:`named_clutter` on a discussion page, whose comments are its replies."""
    return _named(names, _CLUTTER_NAME_IN_DISCUSSION)


def named_consent(names: str) -> bool:
    """Whether ``names`` are those of a cookie consent manager."""
    return _CONSENT_NAME.search(names) is not None


#: The elements whose names alone may make them fine print or a form's label.
NAMED_TEXT_TAGS = _FINE_PRINT_TAGS | _FORM_LABEL_TAGS


def names_itself_clutter(element: etree._Element, chars: int) -> bool:
    """Whether a paragraph, small print or heading (one of :data:`NAMED_TEXT_TAGS`, of
    ``chars`` characters) names itself a disclaimer or disclosure, or a form's title or
    message."""
    tag = element.tag
    return (tag in _FINE_PRINT_TAGS and _named_as(element, chars, _FINE_PRINT_NAME)) or (
        tag in _FORM_LABEL_TAGS and _named_as(element, chars, _FORM_LABEL_NAME)
    )


def _named_as(element: etree._Element, chars: int, pattern: re.Pattern[str]) -> bool:
    """Whether a short element's names hold ``pattern``."""
    if chars > _MAX_NAMED_CHARS:
        return False
    names = element_names(element.items())
    return bool(names) and pattern.search(names) is not None


__all__ = [
    "NAMED_TEXT_TAGS",
    "element_names",
    "named_clutter",
    "named_clutter_in_discussion",
    "named_consent",
    "names_itself_clutter",
]
