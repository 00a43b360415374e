"""The article's authors are people: a name its byline gives, which the tagger reads as a
place or an organisation where the text names it ("a report on Charlie Hills, AI content
creator" read as hills), is the author's; and so is an author's given name alone, as a
blog's readers address its writer ("Steve, what should I do?" in a post by Steve Kamb)."""

from __future__ import annotations

import re
from dataclasses import replace

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


def by_given_name(people: list[Fact], byline: str | None) -> list[Fact]:
    """``people`` with a person named by one word, the given name of one author of the
    ``byline`` and of no other person the article names, labelled as that author (and
    joined with the author's own fact, if the text names the author in full too)."""
    if not byline:
        return people
    given = lexicon().given_names
    authors: dict[str, list[str]] = {}
    for name in _BETWEEN.split(byline):
        words = name.split()
        if len(words) > 1 and words[0].lower() in given:
            authors.setdefault(key(words[0]), []).append(" ".join(words))
    named = {key(f.label.split()[0]) for f in people if " " in f.label}
    alone = {key(f.label): authors[key(f.label)][0] for f in people
             if " " not in f.label and len(authors.get(key(f.label), ())) == 1
             and key(f.label) not in named}
    if not alone:
        return people
    moved = [replace(f, label=alone[key(f.label)]) for f in people if key(f.label) in alone]
    return joined([f for f in people if key(f.label) not in alone], moved, "person")
