"""Salience: which facts of an article matter most, for the order of each panel section.

A fact named in the title or the lede, spread over many blocks and mentioned often comes
first; a quantity that says what it counts or its unit ranks above a bare number ("110",
which only its sentence explains), and that above a bare year or date.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from .model import Fact
from .sources import SourceBlock

_LEDE_BLOCKS = 2  # the first body blocks


class Salience:
    """Scores facts by where in an article of ``blocks`` they are mentioned."""

    def __init__(self, blocks: Sequence[SourceBlock]) -> None:
        self.starts = [b.start for b in blocks]
        self.titles = {i for i, b in enumerate(blocks) if b.kind == "title"}
        self.ledes: set[int] = set()  # the indices of the lede's blocks
        body = 0
        for i, block in enumerate(blocks):
            headline = block.kind in ("title", "heading")
            if not headline and body < _LEDE_BLOCKS:
                self.ledes.add(i)
            body += not headline

    def score(self, fact: Fact) -> float:
        """The fact's salience (higher first)."""
        seen = {bisect.bisect_right(self.starts, start) - 1 for start, _ in fact.mentions}
        seen.discard(-1)
        title = not self.titles.isdisjoint(seen)
        lede = not self.ledes.isdisjoint(seen)
        return 3.0 * title + 2.0 * lede + min(len(fact.mentions), 10) * 0.5 + len(seen) * 0.5

    def ranked(self, facts: Sequence[Fact]) -> tuple[Fact, ...]:
        """``facts`` by salience, then by their first mention; bare numbers after every
        quantity, and bare years and dates after every other number, however often the
        title or lede names them."""
        return tuple(
            sorted(facts, key=lambda f: (
                _bare_date(f), f.bare, -self.score(f), f.mentions[0][0] if f.mentions else 0
            ))
        )


def _bare_date(fact: Fact) -> bool:
    return fact.kind == "number" and fact.unit in ("year", "date") and not fact.counts


__all__ = ["Salience"]
