"""The built place and given-name lexicons, loaded once from package data."""

from __future__ import annotations

import gzip
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True)
class Lexicon:
    """Place names (``strong``: a place without a cue; ``weak``: only after a place cue),
    lowercase given names and surnames, and the words open text mostly writes in lowercase
    where case is free (bins "0" and "1" of the case table, ``build_case``)."""

    strong_places: frozenset[str]
    weak_places: frozenset[str]
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
    """The shipped lexicons (read and decompressed on first use only).

    ``places.txt.gz`` holds the strong place names, a blank line, then the weak ones, so that
    loading takes a few splits rather than a loop over every line.
    """
    strong, weak = _text("places.txt.gz").split("\n\n")
    return Lexicon(
        strong_places=frozenset(strong.splitlines()),
        weak_places=frozenset(weak.splitlines()),
        given_names=frozenset(_text("given_names.txt.gz").splitlines()),
        surnames=frozenset(_text("surnames.txt.gz").splitlines()),
        lowercase=_lowercase(_text("case.txt.gz")),
    )


def _lowercase(table: str) -> frozenset[str]:
    """The words of the case table's first two bins (one block each): capitalised in less
    than two fifths of the places where their case is free."""
    first, second, _ = table.split("\n\n", 2)
    return frozenset(first.split() + second.split())
