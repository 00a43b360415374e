"""The built place and given-name lexicons, loaded once from package data."""

from __future__ import annotations

import gzip
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True)
class Lexicon:
    """Place names (``strong``: a place without a cue; ``weak``: only after a place cue)
    and lowercase given names and surnames."""

    strong_places: frozenset[str]
    weak_places: frozenset[str]
    given_names: frozenset[str]
    surnames: frozenset[str]


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
    )


CLUSTERS = "clusters.txt.gz"


def cluster_key(word: str) -> str:
    """The form under which a word's clusters are kept: case kept, curly apostrophes straight."""
    return word.replace("\u2019", "'")


Clusters = dict[str, tuple[str, str, str]]


def read_clusters(raw: bytes) -> Clusters:
    """Each listed word's coarse, middle and fine cluster (``train_clusters``), as strings,
    from the gzipped file: a line of each fine cluster's middle cluster, a line of each
    middle cluster's coarse cluster, then a line of the words of each fine cluster."""
    lines = gzip.decompress(raw).decode("utf-8").splitlines()
    mid = lines[0].split()
    coarse = lines[1].split()
    out: Clusters = {}
    for fine, words in enumerate(lines[2:]):
        m = mid[fine]
        out.update(dict.fromkeys(words.split(), (coarse[int(m)], m, str(fine))))
    return out


@cache
def word_clusters() -> Clusters:
    """The shipped word clusters (read on first use only)."""
    return read_clusters((resources.files(__package__) / "data" / CLUSTERS).read_bytes())
