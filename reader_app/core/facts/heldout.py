"""Held-out documents of a CoNLL corpus scored as the panel shows names: per document, the
set of people, places and organisations found against the set annotated."""

from __future__ import annotations

from collections.abc import Sequence

from ..model import BLOCK_SEPARATOR
from .cues import DEMONYM_WORDS
from .entities import find_names
from .evaluation import CONLL_TYPES, Score, detokenise, score_entities, total
from .model import Fact
from .sources import text_blocks
from .tagger import NameTagger, spans

Sentence = tuple[list[str], list[str]]  # words, BIO tags
_KINDS = {"people": "person", "places": "place", "organisations": "organisation"}


def document(unit: Sequence[Sentence]) -> tuple[str, dict[str, set[str]]]:
    """A held-out document as text (a sentence a block, the first one as its title) and
    its annotated names by kind. A nationality word alone ("Italian", "Germans": a place
    in Re-DocRED, a person in GUM) is no name the panel lists, and is not counted."""
    parts: list[str] = []
    gold: dict[str, set[str]] = {kind: set() for kind in _KINDS}
    for words, tags in unit:
        line, offsets = detokenise(words)
        parts.append(line)
        for first, end, label in spans(tags):
            if end - first == 1 and words[first].lower() in DEMONYM_WORDS:
                continue
            gold[CONLL_TYPES[label]].add(line[offsets[first][0] : offsets[end - 1][1]])
    return BLOCK_SEPARATOR.join(parts), gold


def score_documents(units: Sequence[Sequence[Sentence]], tagger: NameTagger) -> dict[str, Score]:
    """Per-kind name-set scores of the whole recogniser over held-out documents."""
    scores = []
    for unit in units:
        text, gold = document(unit)
        names = find_names(text, text_blocks(text), tagger)
        scores.append({
            kind: score_entities(
                [Fact(_KINDS[kind], label, mentions, "") for label, mentions in  # type: ignore[arg-type]
                 names[_KINDS[kind]]],  # type: ignore[index]
                gold[kind], text,
            )
            for kind in _KINDS
        })
    return total(scores)


__all__ = ["document", "score_documents"]
