"""The built place and given-name lexicons, loaded once from package data."""

from __future__ import annotations

import gzip
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True)
class Lexicon:
    """Place names (``strong``: a place without a cue; ``weak``: only after a place cue)
    and lowercase given names."""

    strong_places: frozenset[str]
    weak_places: frozenset[str]
    given_names: frozenset[str]


def _lines(name: str) -> list[str]:
    raw = (resources.files(__package__) / "data" / name).read_bytes()
    return gzip.decompress(raw).decode("utf-8").splitlines()


@cache
def lexicon() -> Lexicon:
    """The shipped lexicons (read and decompressed on first use only)."""
    strong: set[str] = set()
    weak: set[str] = set()
    for line in _lines("places.tsv.gz"):
        name, _, kind = line.partition("\t")
        (strong if kind == "S" else weak).add(name)
    return Lexicon(
        strong_places=frozenset(strong),
        weak_places=frozenset(weak),
        given_names=frozenset(_lines("given_names.txt.gz")),
    )
