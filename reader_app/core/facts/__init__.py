"""Key facts of an article's text: numbers, people, places and organisations."""

from __future__ import annotations

from .model import Fact, FactKind, Facts

__all__ = ["Fact", "FactKind", "Facts", "find_facts"]


def find_facts(text: str) -> Facts:
    """All facts of ``text``; mentions index into ``text``.

    The recognisers (compiled patterns, lexicons) are imported on the first call, so that
    importing the data model stays cheap for the window.
    """
    from .entities import find_entities
    from .numbers import find_numbers

    people, places, organisations = find_entities(text)
    return Facts(
        numbers=tuple(find_numbers(text)),
        people=tuple(people),
        places=tuple(places),
        organisations=tuple(organisations),
    )
