"""The search box's language: words, "quoted phrases" and fact filters, made safe for FTS5.

``person:Sybiha place:Kursk org:"Energy Ministry" drones`` finds articles whose people include
Sybiha, whose places include Kursk, whose organisations include the Energy Ministry, and whose
title or text holds "drones". ``number:``, ``tag:`` and ``is:saved`` work the same way. Every
word reaches FTS5 as a quoted string, so no input is an FTS5 syntax error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..facts.model import FactKind

#: Filter prefixes for facts, as typed → the fact kind.
FACT_PREFIXES: dict[str, FactKind] = {
    "person": "person", "people": "person", "who": "person",
    "place": "place", "places": "place", "where": "place",
    "org": "organisation", "organisation": "organisation", "organization": "organisation",
    "number": "number", "num": "number",
}
_TOKEN = re.compile(r'(?:(?P<key>[A-Za-z]+):)?(?:"(?P<quoted>[^"]*)"?|(?P<word>[^\s"]+))?')
_WORDY = re.compile(r"\w")


@dataclass(frozen=True)
class FactFilter:
    """Articles with a fact of ``kind`` whose label holds ``text`` (all its words)."""

    kind: FactKind
    text: str


@dataclass(frozen=True)
class Query:
    """A parsed search: ``terms`` (words or phrases) over title and text, and the filters."""

    terms: tuple[str, ...] = ()
    facts: tuple[FactFilter, ...] = ()
    tags: tuple[str, ...] = ()
    saved_only: bool = False

    @property
    def empty(self) -> bool:
        """True when the query asks for nothing: every article matches."""
        return not (self.terms or self.facts or self.tags or self.saved_only)


def parse_query(text: str) -> Query:
    """Parse what the reader typed; never fails (unknown ``key:`` prefixes are plain words)."""
    terms: list[str] = []
    facts: list[FactFilter] = []
    tags: list[str] = []
    saved_only = False
    text = text.replace("\x00", " ")  # SQLite ends an FTS5 string at a NUL
    for match in _TOKEN.finditer(text):
        key = (match.group("key") or "").lower()
        value = match.group("quoted") if match.group("quoted") is not None else (
            match.group("word") or "")
        value = value.strip()
        if key in FACT_PREFIXES:
            if _WORDY.search(value):
                facts.append(FactFilter(FACT_PREFIXES[key], value))
        elif key == "tag":
            if value:
                tags.append(value.lower())
        elif key == "is" and value.lower() == "saved":
            saved_only = True
        else:
            whole = f"{match.group('key')}:{value}" if key else value
            if _WORDY.search(whole):
                terms.append(whole)
    return Query(tuple(terms), tuple(facts), tuple(tags), saved_only)


def fts_string(text: str) -> str:
    """``text`` as one FTS5 string (a phrase of its words)."""
    return '"' + text.replace('"', '""') + '"'


def fts_match(terms: tuple[str, ...], prefix_last: bool = False) -> str:
    """An FTS5 expression matching every term; the last may match as a prefix (typing)."""
    parts = [fts_string(term) for term in terms]
    if prefix_last and parts and _WORDY.search(terms[-1][-1:]):
        parts[-1] += "*"
    return " ".join(parts)
