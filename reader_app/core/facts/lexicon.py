"""The built place and given-name lexicons, loaded once from package data."""

from __future__ import annotations

import gzip
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources

#: Most first-two-letter keys without names that a lookup table remembers (any text has
#: many, its words' first letters being anything): beyond, they are looked up again.
_MAX_EMPTY_KEYS = 50_000
_EMPTY: frozenset[str] = frozenset()


class SortedNames:
    """Membership in a sorted, newline-separated list of names.

    The names are made into sets a bucket at a time (those sharing their first two letters),
    when a word of that bucket is first looked up: an article touches a small share of the
    buckets, so its lookups cost what a set's do without building a set of every name first.
    """

    __slots__ = ("_buckets", "_empty", "_openers", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._buckets: dict[str, frozenset[str]] = {}
        self._openers: dict[str, frozenset[str]] = {}
        self._empty = 0

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and name in self.bucket(name)

    def bucket(self, name: str) -> frozenset[str]:
        """The listed names that share ``name``'s first two letters: those it can be."""
        key = name[:2]
        bucket = self._buckets.get(key)
        return self._bucket(key) if bucket is None else bucket

    def openers(self, word: str) -> frozenset[str]:
        """The first words of the names of two words or more in ``word``'s bucket: unless
        ``word`` is one of them, no listed name starts with ``word`` and a space."""
        key = (word + " ")[:2]
        found = self._openers.get(key)
        if found is None:
            found = frozenset(n.partition(" ")[0] for n in self.bucket(key) if " " in n)
            if key in self._buckets:
                self._openers[key] = found
        return found

    def _bucket(self, key: str) -> frozenset[str]:
        first = self._start(key, within=False)
        if len(key) < 2:  # a one-letter word: a bucket of its own
            bucket = frozenset({key}) if self._line(first) == key else _EMPTY
        else:
            bucket = frozenset(self._text[first : self._start(key, within=True)].split("\n"))
            bucket -= {""}
        if bucket or self._empty < _MAX_EMPTY_KEYS:
            self._buckets[key] = bucket
            self._empty += not bucket
        return bucket

    def _line(self, start: int) -> str:
        stop = self._text.find("\n", start)
        return self._text[start : stop if stop >= 0 else len(self._text)]

    def _start(self, key: str, within: bool) -> int:
        """Where the first line starts that sorts after ``key`` (``within``: after every line
        that begins with ``key``), or that is not below ``key``."""
        text = self._text
        lo, hi = 0, len(text)
        while lo < hi:
            start = text.rfind("\n", 0, (lo + hi) // 2) + 1
            line = self._line(start)
            if (line[: len(key)] <= key) if within else (line < key):
                lo = start + len(line) + 1
            else:
                hi = start
        return lo


@dataclass(frozen=True)
class Lexicon:
    """Place names (``strong``: a place without a cue; ``weak``: only after a place cue),
    lowercase given names and surnames, and the words open text mostly writes in lowercase
    where case is free (bins "0" and "1" of the case table, ``build_case``).

    The strong places hold the world's regions (states, provinces: "Lombardy", "Sindh"),
    which the rules beside the name model read; its features read ``model_places``, the
    strong places without them, as the model learned (:mod:`.ner_features`)."""

    strong_places: frozenset[str]
    model_places: frozenset[str]
    weak_places: SortedNames
    given_names: frozenset[str]
    surnames: frozenset[str]
    lowercase: frozenset[str]

    def mostly_lower(self, word: str) -> bool:
        """Whether open text mostly writes a capitalised ``word`` in lowercase where case
        is free ("Scientists", "Surprise", "Barking"; not "London", nor "US")."""
        return mostly_lower(word)

    @cached_property
    def world_given_names(self) -> frozenset[str]:
        """Given names of many countries, the Census's among them, in lowercase: read by the
        rules beside the name model ("Harald Thune", "Aki Kaurismäki"), not by its features,
        which learned from :attr:`given_names`."""
        return frozenset(_text("world_given_names.txt.gz").splitlines())

    @cached_property
    def place_openers(self) -> frozenset[str]:
        """The first words of the strong place names of two words or more."""
        return frozenset(n.partition(" ")[0] for n in self.strong_places if " " in n)


def _text(name: str) -> str:
    raw = (resources.files(__package__) / "data" / name).read_bytes()
    return (gzip.decompress(raw) if name.endswith(".gz") else raw).decode("utf-8")


@cache
def lexicon() -> Lexicon:
    """The shipped lexicons (read on first use only; the weak place names are made into sets
    as they are looked up).

    ``places.txt`` holds the strong place names, a blank line, then the weak ones, so that
    loading takes a few splits rather than a loop over every line.
    """
    strong, weak = _text("places.txt").split("\n\n")
    model_places = frozenset(strong.splitlines())
    return Lexicon(
        strong_places=model_places.union(_text("regions.txt.gz").splitlines()),
        model_places=model_places,
        weak_places=SortedNames(weak),
        given_names=given_names(),
        surnames=frozenset(_text("surnames.txt.gz").splitlines()),
        lowercase=lowercase_words(),
    )


def mostly_lower(word: str) -> bool:
    """Whether open text mostly writes a capitalised ``word`` in lowercase where case is
    free: one of :func:`lowercase_words`."""
    return word[1:].islower() and word.lower() in lowercase_words()


# The case table and the given names are also read alone, without the place lists, by the
# bylines (:mod:`reader_app.core.byline`).
@cache
def lowercase_words() -> frozenset[str]:
    """The words of the case table's first two bins (one block each): capitalised in less
    than two fifths of the places where their case is free."""
    first, second, _ = _text("case.txt.gz").split("\n\n", 2)
    return frozenset(first.split() + second.split())


@cache
def given_names() -> frozenset[str]:
    """The given names, in lowercase."""
    return frozenset(_text("given_names.txt.gz").splitlines())
