"""The built place and given-name lexicons, loaded once from package data."""

from __future__ import annotations

import gzip
from collections.abc import Container
from dataclasses import dataclass
from functools import cache
from importlib import resources


class SortedNames:
    """Membership in a sorted, newline-separated list of names.

    The names are made into sets a bucket at a time (those sharing their first two letters),
    when a word of that bucket is first looked up: an article touches a small share of the
    buckets, so its lookups cost what a set's do without building a set of every name first.
    """

    __slots__ = ("_buckets", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._buckets: dict[str, frozenset[str]] = {}

    def __contains__(self, name: object) -> bool:
        if not isinstance(name, str):
            return False
        key = name[:2]
        bucket = self._buckets.get(key)
        if bucket is None:
            bucket = self._bucket(key)
        return name in bucket

    def _bucket(self, key: str) -> frozenset[str]:
        if not key:
            bucket: frozenset[str] = frozenset()
        else:
            end = key + " " if len(key) == 1 else key[0] + chr(ord(key[1]) + 1)
            first, last = self._start(key), self._start(end)
            bucket = frozenset(self._text[first:last].split("\n")) - {""}
        self._buckets[key] = bucket
        return bucket

    def _start(self, name: str) -> int:
        """Where the first line not below ``name`` starts."""
        text = self._text
        lo, hi = 0, len(text)
        while lo < hi:
            mid = (lo + hi) // 2
            start = text.rfind("\n", 0, mid) + 1
            stop = text.find("\n", start)
            if stop < 0:
                stop = len(text)
            if text[start:stop] < name:
                lo = stop + 1
            else:
                hi = start
        return lo


@dataclass(frozen=True)
class Lexicon:
    """Place names (``strong``: a place without a cue; ``weak``: only after a place cue),
    lowercase given names and surnames, and the words open text mostly writes in lowercase
    where case is free (bins "0" and "1" of the case table, ``build_case``)."""

    strong_places: frozenset[str]
    weak_places: Container[str]
    given_names: frozenset[str]
    surnames: frozenset[str]
    lowercase: frozenset[str]

    def mostly_lower(self, word: str) -> bool:
        """Whether open text mostly writes a capitalised ``word`` in lowercase where case
        is free ("Scientists", "Surprise", "Barking"; not "London", nor "US")."""
        return word[1:].islower() and word.lower() in self.lowercase


def _text(name: str) -> str:
    raw = (resources.files(__package__) / "data" / name).read_bytes()
    return gzip.decompress(raw).decode("utf-8")


@cache
def lexicon() -> Lexicon:
    """The shipped lexicons (read and decompressed on first use only; the weak place names
    are made into sets as they are looked up).

    ``places.txt.gz`` holds the strong place names, a blank line, then the weak ones, so that
    loading takes a few splits rather than a loop over every line.
    """
    strong, weak = _text("places.txt.gz").split("\n\n")
    return Lexicon(
        strong_places=frozenset(strong.splitlines()),
        weak_places=SortedNames(weak),
        given_names=frozenset(_text("given_names.txt.gz").splitlines()),
        surnames=frozenset(_text("surnames.txt.gz").splitlines()),
        lowercase=_lowercase(_text("case.txt.gz")),
    )


def _lowercase(table: str) -> frozenset[str]:
    """The words of the case table's first two bins (one block each): capitalised in less
    than two fifths of the places where their case is free."""
    first, second, _ = table.split("\n\n", 2)
    return frozenset(first.split() + second.split())
