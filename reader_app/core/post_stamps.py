"""A post's time line, told by its text: "14:05", "11.42 GMT", "2 hours ago", "marta_k · 5 days
ago", "by jo » Tue Aug 27, 2019 1:47 am", "Released 3 March 2025", "v2.4.0 (3 March 2025)" (no
markup is read here)."""

from __future__ import annotations

import re

from .model import POST_STAMP_LEVEL
from .regex_cache import regex

_ZONE = r"(?:gmt|bst|utc|cet|cest|est|edt|cst|cdt|pst|pdt|et|pt|ist|aest)"
#: A time of day or a relative time: "14:05", "11:23:55 AM", "9.30am BST", "2 hours ago",
#: "yesterday".
_HOUR = r"(?:[01]?\d|2[0-3])"
_AMPM = r"[ap]\.?m\b\.?"
_TIME = (
    rf"(?:{_HOUR}:[0-5]\d(?::[0-5]\d)?(?:\s*{_AMPM})?(?:\s*{_ZONE})?|"
    rf"{_HOUR}\.[0-5]\d\s*(?:{_AMPM}(?:\s*{_ZONE})?|{_ZONE})|"
    rf"{_HOUR}\s*{_AMPM}(?:\s*{_ZONE})?|"
    r"(?:an?|\d+)\s+(?:sec|second|min|minute|hr|hour|day|week|month|year)s?\s+ago|"
    r"just now|yesterday|today)"
)
#: A calendar date: "Fri 14 Mar 2025", "11. Sep 2024", "March 3, 2025", "2025-03-03", "3/3/25",
#: "11-29-2024", "29.11.2024".
_DATE = (
    r"(?:(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
    r"(?:\d{1,2}(?:st|nd|rd|th)?\s+[a-z]{3,9}\.?(?:\s+\d{4})?|\d{1,2}\.\s+[a-z]{3,9}\.?\s+\d{4}|"
    r"[a-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?|"
    r"\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4}|\d{1,2}[-.]\d{1,2}[-.]\d{4}))"
)
#: A poster's name: up to three words of a user name's characters ("marta_k", "Jo Kerr").
NAME = r"[\w.'\u2019@-]{1,30}(?: [\w.'\u2019-]{1,30}){0,2}"
_SEPARATOR = r"\s*[·•|\u2013\u2014\u00bb-]\s*"
_VERB = (
    r"(?:(?:posted|updated|published|edited|released|replied|answered|asked)"
    r"\s*(?:at|on)?\s*:?\s*)"
)
#: A version number, as changelogs head their entries: "v2.4.0", "Version 2.4", "1.10.3-rc1".
_VERSION = r"(?:(?:version|release|v)\s?)?\d+\.\d+(?:\.\d+)*(?:[-+.]?[a-z]+\d*)?"
#: When: a date with a time, a time with a date, a relative day with a time ("Today, 09:16
#: AM"), a relative time; a bare date only after a verb ("Released 3 March 2025") or a
#: version ("2.4.0 - 3 March 2025").
_WHEN = (
    rf"(?:{_DATE}\W{{0,3}}(?:at\s+)?{_TIME}|(?:today|yesterday)\W{{1,3}}(?:at\s+)?{_TIME}|"
    rf"{_TIME}(?:\W{{0,3}}{_DATE})?)"
)
_STAMP = regex(
    rf"^[^\w$£€¥(]*(?:(?:{_VERSION}|(?:by\s+)?{NAME}){_SEPARATOR})?"
    rf"(?:{_VERB}?{_WHEN}|{_VERB}{_DATE})"
    rf"(?:\s*(?:[-\u2013\u2014|·•,]|by)\s*[\w.'\u2019 @-]{{1,40}})?[^\w%]*$",
    re.I,
)
_VERSION_STAMP = regex(
    rf"^\W*{_VERSION}(?:{_SEPARATOR}|\s+\(?)(?:{_VERB}?{_DATE}|{_WHEN})\)?\W*$", re.I
)
MAX_STAMP_CHARS = 60
#: A card's date line: "11/12/2025 by One Tree Planted", "by Jo Kerr · March 3, 2025".
_DATE_LINE = regex(
    rf"^\W*(?:by\s+{NAME}{_SEPARATOR})?{_DATE}(?:(?:{_SEPARATOR}|\s+)by\s+{NAME})?\W*$",
    re.I,
)


def is_post_stamp(text: str) -> bool:
    """Whether ``text`` is a post's time line (with an author or a version, perhaps)."""
    text = " ".join(text.split())
    if not 0 < len(text) <= MAX_STAMP_CHARS:
        return False
    return bool(_STAMP.match(text) or _VERSION_STAMP.match(text))


def is_date_line(text: str) -> bool:
    """Whether ``text`` is a calendar date alone or with its author: a card's date line."""
    text = " ".join(text.split())
    return 0 < len(text) <= MAX_STAMP_CHARS and _DATE_LINE.match(text) is not None


def is_post_heading(level: int, text: str) -> bool:
    """Whether a heading is a post's time line as ``posts.mark_posts`` made it."""
    return level == POST_STAMP_LEVEL and is_post_stamp(text)


__all__ = ["MAX_STAMP_CHARS", "NAME", "is_date_line", "is_post_heading", "is_post_stamp"]
