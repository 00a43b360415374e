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


#: The full-text column holding the labels of each kind of fact.
FACT_COLUMNS: dict[FactKind, str] = {
    "person": "people", "place": "places", "organisation": "organisations", "number": "numbers"}
_PREFIXABLE = re.compile(r"\w{3}$")


def fts_string(text: str, prefix: bool = False) -> str:
    """``text`` as one FTS5 string (a phrase of its words); with ``prefix``, its last word
    may match as the start of a word when it has three letters or more."""
    out = '"' + text.replace('"', '""') + '"'
    return out + "*" if prefix and _PREFIXABLE.search(text) else out


def fts_expression(query: Query, prefix: bool = False) -> str:
    """The FTS5 expression of ``query``'s words (over title and text) and fact filters (over
    the fact columns); empty when it has neither. ``prefix`` lets the last word of each part
    match as a prefix (search as you type)."""
    parts = [f"{{title text}} : {fts_string(t, prefix and i == len(query.terms) - 1)}"
             for i, t in enumerate(query.terms)]
    parts += [f"{FACT_COLUMNS[f.kind]} : {fts_string(f.text, prefix)}" for f in query.facts]
    return " AND ".join(parts)
