"""The author a page credits in the lines under its headline: "By Jane Doe", or a "Written
by" label over the name, where the page marks neither up as an author; and the day it shows
there ("Updated Sep 17, 2025"), where its markup dates it nowhere."""

from __future__ import annotations

import datetime
import re

from lxml import etree

from .byline import MONTH

_BY = r"(?:(?:written|posted|article|story|words|authored)\s+)?by\s*:?"
#: A label alone before the name ("By", "Written by:", "Authors:").
_LABEL = re.compile(rf"{_BY}|authors?\s*:", re.I)
#: A label and the name in one line ("By Jane Doe", "Written by Jane Doe").
_LABELLED = re.compile(rf"{_BY}\s+(\S.*)", re.I | re.S)
#: Up to five capitalised words, with the particles of names ("Marna van der Merwe").
_NAME = re.compile(
    r"[^\W\d_][\w.'\u2019-]*(?:\s+(?:[^\W\d_][\w.'\u2019-]*|van|von|de|der|da|del|la|le|di"
    r"|bin|al)){0,4}"
)
_LONGEST_NAME = 40
#: Text pieces after the first <h1> in which the credit line is looked for: a standfirst, a
#: date and the byline; not menus before the headline or cards far after it.
_WINDOW = 30
#: Elements whose text credits no author of the page.
_SKIPPED = frozenset({
    "script", "style", "noscript", "template", "figure", "figcaption", "nav", "footer",
    "button", "select", "option", "pre", "code",
})


def credited_author(root: etree._Element) -> str | None:
    """The name the page credits as its author just under its first ``<h1>``, or None."""
    pieces = _pieces_after_headline(root)
    for n, piece in enumerate(pieces):
        if _LABEL.fullmatch(piece):
            if n + 1 < len(pieces) and _is_name(pieces[n + 1]):
                return pieces[n + 1]
            continue
        labelled = _LABELLED.fullmatch(piece)
        if labelled and _is_name(labelled[1]):
            return labelled[1]
    return None


_MONTH = rf"(?P<mon>{MONTH})\.?"
_ORDINAL = r"(?:st|nd|rd|th)?"
#: A day written out: "October 11, 2023", "Sep. 17 2025", "5th of December 2025", "2025-12-18".
_DAYS = (
    re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}}){_ORDINAL},?\s+(?P<year>\d{{4}})\b", re.I),
    re.compile(
        rf"\b(?P<day>\d{{1,2}}){_ORDINAL}\s+(?:of\s+)?{_MONTH},?\s+(?P<year>\d{{4}})\b", re.I
    ),
    re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b"),
)
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
#: The pieces under the headline where its date stands (a standfirst, the date, the byline),
#: and the longest piece read as a date line.
_DATE_WINDOW = 6
_DATE_LINE_CHARS = 60
_EARLIEST_YEAR = 1990


def shown_date(root: etree._Element) -> str | None:
    """The first day written in a short line just under the page's first ``<h1>``, as an ISO
    day, or None; never a day after today (an event's)."""
    for piece in _pieces_after_headline(root, _DATE_WINDOW):
        if len(piece) <= _DATE_LINE_CHARS:
            for pattern in _DAYS:
                match = pattern.search(piece)
                if match and (day := _day(match)) is not None:
                    return day.isoformat()
    return None


def _day(match: re.Match[str]) -> datetime.date | None:
    found = match.groupdict()
    month = found.get("month") or _MONTHS.index(found["mon"][:3].lower()) + 1
    try:
        day = datetime.date(int(found["year"]), int(month), int(found["day"]))
    except ValueError:
        return None
    return day if day.year >= _EARLIEST_YEAR and day <= datetime.date.today() else None


def _is_name(text: str) -> bool:
    return (
        len(text) <= _LONGEST_NAME and text[:1].isupper() and _NAME.fullmatch(text) is not None
    )


def _pieces_after_headline(root: etree._Element, window: int = _WINDOW) -> list[str]:
    """The page's first ``window`` text pieces after its first ``<h1>``, in document order,
    stripped, without the text of skipped elements."""
    body = root.find(".//body")
    if body is None:
        return []
    pieces: list[str] = []
    skipping: etree._Element | None = None
    started = False
    for event, element in etree.iterwalk(body, events=("start", "end")):
        tag = element.tag
        if skipping is not None:
            if event == "end" and element is skipping:
                skipping = None
                text = element.tail
            else:
                continue
        elif event == "start":
            if tag in _SKIPPED:
                skipping = element
                continue
            text = element.text if isinstance(tag, str) else None
        else:
            started = started or tag == "h1"  # the lines under the headline, not its own
            text = element.tail
        if started and text and text.strip():
            pieces.append(text.strip())
            if len(pieces) >= window:
                break
    return pieces
