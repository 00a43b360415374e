"""A "person" whose first word is an organisation the article names alone is something of
that organisation's, no person: a product ("Garmin Coach", "TENCEL Lyocell") or a part of
it ("MIT Sloan", "Stanford Medicine")."""

from __future__ import annotations

from .model import Fact, FactKind


def without_makers_things(entities: dict[FactKind, list[Fact]]) -> dict[FactKind, list[Fact]]:
    """``entities`` without the people named so."""
    makers = {f.label for f in entities["organisation"] if " " not in f.label}
    if not makers:
        return entities
    people = [f for f in entities["person"]
              if " " not in f.label or f.label.split(" ", 1)[0] not in makers]
    return {**entities, "person": people}
