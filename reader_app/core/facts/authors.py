"""The article's authors are people: a name its byline gives, which the tagger reads as a
place or an organisation where the text names it ("a report on Charlie Hills, AI content
creator" read as hills), is the author's."""

from __future__ import annotations

import re

from .lexicon import lexicon
from .model import Fact, FactKind
from .site_names import joined, key

#: What separates the names of a byline as Reader writes it ("A, B and C").
_BETWEEN = re.compile(r", | and ")


def author_keys(byline: str | None) -> frozenset[str]:
    """The names of ``byline`` that are a person's, compared as :func:`key` compares: of
    two words or more, the first a listed given name (not "Clay" or "CBC Bank")."""
    if not byline:
        return frozenset()
    given = lexicon().given_names
    return frozenset(
        key(name) for name in _BETWEEN.split(byline)
        if len(words := name.split()) > 1 and words[0].lower() in given
    )


def as_people(
    entities: dict[FactKind, list[Fact]], authors: frozenset[str]
) -> dict[FactKind, list[Fact]]:
    """``entities`` with each place or organisation named as one of the ``authors``
    (:func:`author_keys`) moved to the people (joined with a person of the same name)."""
    if not authors:
        return entities
    out = dict(entities)
    moved: list[Fact] = []
    for kind in ("place", "organisation"):
        out[kind] = [f for f in entities[kind] if key(f.label) not in authors]
        moved += [f for f in entities[kind] if key(f.label) in authors]
    out["person"] = joined(entities["person"], moved, "person")
    return out
