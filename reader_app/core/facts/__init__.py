"""Key facts of an article's text: numbers, people, places and organisations."""

from __future__ import annotations

from .entities import find_entities
from .model import Fact, FactKind, Facts
from .numbers import find_numbers

__all__ = ["Fact", "FactKind", "Facts", "find_facts"]


def find_facts(text: str) -> Facts:
    """All facts of ``text``; mentions index into ``text``."""
    people, places, organisations = find_entities(text)
    return Facts(
        numbers=tuple(find_numbers(text)),
        people=tuple(people),
        places=tuple(places),
        organisations=tuple(organisations),
    )
