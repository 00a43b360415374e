"""The facts data model: what the engine finds and the panel lists."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Literal, get_args

FactKind = Literal["number", "person", "place", "organisation"]
#: Every kind of fact, in the order facts are listed.
FACT_KINDS: tuple[FactKind, ...] = get_args(FactKind)
#: The attribute of :class:`Facts` that holds each kind.
FACT_GROUPS: dict[FactKind, str] = {
    "number": "numbers", "person": "people", "place": "places", "organisation": "organisations"}
#: Each kind's name as a heading over its facts.
FACT_TITLES: dict[FactKind, str] = {
    "number": "Numbers", "person": "People", "place": "Places", "organisation": "Organisations"}


@dataclass(frozen=True)
class Fact:
    """One fact of an article.

    ``mentions`` are ``(start, end)`` offsets into the text the fact was found in, in text
    order; ``text[start:end]`` is each mention's surface form. ``context`` is the sentence of
    the first mention. Numbers carry ``value`` (e.g. ``1.2e11`` for "$120bn"), ``unit`` (a
    currency code, "%", "km", "year", ...) and ``counts`` (what is counted: "troops",
    "military aid"), where known.
    """

    kind: FactKind
    label: str
    mentions: tuple[tuple[int, int], ...]
    context: str
    value: float | None = None
    unit: str | None = None
    counts: str | None = None

    @property
    def bare(self) -> bool:
        """Whether this is a number that says nothing of what it is (no unit, nothing
        counted, no year): only its sentence, or a table's column heading, would."""
        return self.kind == "number" and self.unit is None and self.counts is None


@dataclass(frozen=True)
class Facts:
    """The facts of one text, each list ordered by importance."""

    numbers: tuple[Fact, ...] = ()
    people: tuple[Fact, ...] = ()
    places: tuple[Fact, ...] = ()
    organisations: tuple[Fact, ...] = ()

    def all(self) -> tuple[Fact, ...]:
        """Every fact: numbers, people, places, organisations."""
        return self.numbers + self.people + self.places + self.organisations

    def of(self, kind: FactKind) -> tuple[Fact, ...]:
        """The facts of ``kind``."""
        group: tuple[Fact, ...] = getattr(self, FACT_GROUPS[kind])
        return group

    def __bool__(self) -> bool:
        return bool(self.all())


#: Titles and company forms written short with a full stop ("Mr. Biden", "Apple Inc.").
TITLE_ABBREVIATIONS = (
    "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Gen", "Sen", "Rep", "Gov", "Lt", "Col", "Capt",
    "Sgt", "Jr", "Sr", "Mt", "Ft", "Inc", "Ltd", "Corp", "Co",
)
#: Words written short before a number or a name: no sentence ends after their full stop.
_ABBREVIATED = (
    *TITLE_ABBREVIATIONS, "No", "Ch", "Vol", "Sec", "Fig", "Art", "Rev", "Jan", "Feb", "Mar",
    "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
)
_NOT_AFTER = "".join(  # a look-behind for each length of word
    rf"(?<!\b(?:{'|'.join(w for w in _ABBREVIATED if len(w) == n)})\.)"
    for n in sorted({len(w) for w in _ABBREVIATED})
)
# Closing quotes may follow a sentence's full stop, curly ones included. No sentence ends
# after an initial ("U.S.", "Paul R.") or a word above, nor before a word in lowercase.
_AFTER_MARK = (
    r"(?<=[!?…])[\"'”’)\]]*\s+(?![a-z])"  # noqa: RUF001
    rf"|(?<=\.)(?<!\b[A-Z]\.){_NOT_AFTER}[\"'”’)\]]*\s+(?![a-z])"  # noqa: RUF001
)
_SENTENCE_END = re.compile(rf"{_AFTER_MARK}|\n+")
#: The same ends, each found with the mark before it (or at its line break): a pattern that
#: opens with a character class is looked for only where one of its characters stands, where
#: a look-behind is tried at every character. A match begins one before the end it finds
#: but at a line break.
_SENTENCE_MARK = re.compile(rf"[!?….\n](?:{_AFTER_MARK}|(?<=\n)\n*)")


_NEAR = 240  # characters before an offset looked at first for the end of the sentence before


def sentence_at(text: str, offset: int) -> str:
    """The sentence (or line) of ``text`` that holds ``offset``, stripped."""
    start = 0
    for low in (max(0, offset - _NEAR), 0):  # near first: most sentences are short
        for match in _SENTENCE_END.finditer(text, low):  # its look-ahead sees past the offset
            if match.end() > offset:
                break
            start = match.end()
        if start or not low:
            break
    end_match = _SENTENCE_END.search(text, offset)
    end = end_match.start() if end_match else len(text)
    return text[start:end].strip()


#: Characters looked at either side of an offset for its sentence: a line without sentence
#: ends may be a whole table, and time must stay linear.
CONTEXT_REACH = 500


def context_at(text: str, offset: int) -> str:
    """``sentence_at(text, offset)``, looking only at the offset's line (sentences end there)
    and at most ``CONTEXT_REACH`` characters either side."""
    low = max(0, offset - CONTEXT_REACH)
    start = text.rfind("\n", low, offset)
    start = start if start >= 0 else low
    end = text.find("\n", offset, offset + CONTEXT_REACH)
    end = end + 1 if end >= 0 else min(len(text), offset + CONTEXT_REACH)
    return sentence_at(text[start:end], offset - start)


class Contexts:
    """``context_at`` over one text, each line's sentence ends found once: the facts of an
    article share their sentences."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._ends: dict[int, tuple[list[int], list[int]]] = {}

    def at(self, offset: int) -> str:
        """The sentence of the text at ``offset``, as ``context_at`` gives it."""
        text = self.text
        low = max(0, offset - CONTEXT_REACH)
        start = text.rfind("\n", low, offset) + 1 or (0 if low == 0 else -1)
        end = text.find("\n", offset, offset + CONTEXT_REACH)
        end = end + 1 if end >= 0 else (len(text) if offset + CONTEXT_REACH >= len(text) else -1)
        if start < 0 or end < 0:  # a line longer than the reach: look within the reach
            return context_at(text, offset)
        ends = self._ends.get(start)
        if ends is None:
            found = [m.span() for m in _SENTENCE_MARK.finditer(text, start, end)]
            ends = self._ends[start] = (
                [low + (text[low] != "\n") for low, _ in found], [high for _, high in found]
            )
        before = bisect.bisect_right(ends[1], offset)  # sentence ends up to the offset
        after = bisect.bisect_left(ends[0], offset)  # the first that starts at or after it
        first = ends[1][before - 1] if before else start
        last = ends[0][after] if after < len(ends[0]) else end
        return text[first:last].strip()


def importance(fact: Fact) -> tuple[int, int]:
    """Sort key: more mentions first, then earlier first mention."""
    return (-len(fact.mentions), fact.mentions[0][0] if fact.mentions else 0)


__all__ = [
    "FACT_GROUPS", "FACT_KINDS", "FACT_TITLES", "Contexts", "Fact", "FactKind", "Facts",
    "context_at", "importance", "sentence_at",
]
