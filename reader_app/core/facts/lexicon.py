"""The built place and given-name lexicons, loaded once from package data."""

from __future__ import annotations

import gzip
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True)
class Lexicon:
    """Place names (``strong``: a place without a cue; ``weak``: only after a place cue),
    lowercase given names and surnames, and the case table: each lowercase word's bin of
    how often open text capitalises it where case is free (``build_case``), "0" to "4"."""

    strong_places: frozenset[str]
    weak_places: frozenset[str]
    given_names: frozenset[str]
    surnames: frozenset[str]
    case: dict[str, str]


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
        case=_case(_text("case.txt.gz")),
    )


def _case(text: str) -> dict[str, str]:
    """The case table: blocks of words, one block per bin, in bin order."""
    table: dict[str, str] = {}
    for index, block in enumerate(text.split("\n\n")):
        table.update(dict.fromkeys(block.split(), str(index)))
    return table
