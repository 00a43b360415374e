"""Scoring the facts engine against annotated articles and CoNLL-format NER sets.

An annotated article is ``<slug>.txt`` (the article text) beside ``<slug>.facts.json``:
``{"people": [...], "places": [...], "organisations": [...], "numbers": [...]}``. People,
places and organisations are listed once each by canonical label and scored as sets;
numbers are listed per mention by surface text, found in the text in order, and scored by
span overlap.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from .model import Fact, Facts

ENTITY_TYPES = ("people", "places", "organisations")
TYPES = (*ENTITY_TYPES, "numbers")
CONLL_TYPES = {"PER": "people", "LOC": "places", "ORG": "organisations"}

EntityFinder = Callable[[str], tuple[list[Fact], list[Fact], list[Fact]]]


@dataclass(frozen=True)
class Score:
    """Counts behind precision and recall: right predictions, predictions, gold entries."""

    correct_predicted: int = 0
    predicted: int = 0
    correct_gold: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.correct_predicted / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.correct_gold / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Score) -> Score:
        return Score(
            self.correct_predicted + other.correct_predicted,
            self.predicted + other.predicted,
            self.correct_gold + other.correct_gold,
            self.gold + other.gold,
        )


@dataclass(frozen=True)
class GoldArticle:
    """One annotated article."""

    slug: str
    text: str
    people: tuple[str, ...]
    places: tuple[str, ...]
    organisations: tuple[str, ...]
    numbers: tuple[str, ...]


def load_gold(text_path: Path) -> GoldArticle:
    """The annotated article ``<slug>.txt`` with its ``<slug>.facts.json``."""
    slug = text_path.name.removesuffix(".txt")
    facts = json.loads(text_path.with_name(f"{slug}.facts.json").read_text(encoding="utf-8"))
    return GoldArticle(
        slug=slug,
        text=text_path.read_text(encoding="utf-8"),
        **{kind: tuple(facts.get(kind, ())) for kind in TYPES},
    )


def load_gold_folder(folder: Path) -> list[GoldArticle]:
    """Every annotated article of ``folder`` (each ``.facts.json`` with its ``.txt``)."""
    return [
        load_gold(path.with_name(path.name.removesuffix(".facts.json") + ".txt"))
        for path in sorted(folder.glob("*.facts.json"))
    ]


_POSSESSIVE = re.compile(r"['\u2019]s?$")


def _normal(name: str) -> str:
    return _POSSESSIVE.sub("", name.strip()).casefold()


def _forms(fact: Fact, text: str) -> set[str]:
    return {_normal(fact.label)} | {_normal(text[s:e]) for s, e in fact.mentions}


def score_entities(predicted: Sequence[Fact], gold: Iterable[str], text: str) -> Score:
    """Label-set score: a fact is right when a gold name equals its label or one of its
    mentions' surfaces (case-insensitively, possessive stripped)."""
    gold_names = {_normal(name) for name in gold}
    forms = [_forms(fact, text) for fact in predicted]
    return Score(
        correct_predicted=sum(1 for f in forms if f & gold_names),
        predicted=len(forms),
        correct_gold=sum(1 for name in gold_names if any(name in f for f in forms)),
        gold=len(gold_names),
    )


def locate(text: str, surfaces: Iterable[str]) -> list[tuple[int, int]]:
    """Spans of ``surfaces`` found in ``text`` in order (each search starts after the last
    find; a surface not found after it is looked for from the start)."""
    spans = []
    position = 0
    for surface in surfaces:
        start = text.find(surface, position)
        if start < 0:
            start = text.find(surface)
        if start < 0:
            raise ValueError(f"gold number {surface!r} is not in the text")
        spans.append((start, start + len(surface)))
        position = start + len(surface)
    return spans


def score_numbers(predicted: Sequence[Fact], gold: Iterable[str], text: str) -> Score:
    """Mention-level score by span overlap; each gold span is matched at most once."""
    gold_spans = locate(text, gold)
    mentions = sorted(m for fact in predicted for m in fact.mentions)
    used = [False] * len(gold_spans)
    correct = 0
    for start, end in mentions:
        for index, (g_start, g_end) in enumerate(gold_spans):
            if not used[index] and start < g_end and g_start < end:
                used[index] = True
                correct += 1
                break
    return Score(correct, len(mentions), correct, len(gold_spans))


def score_article(article: GoldArticle, facts: Facts) -> dict[str, Score]:
    """Per-type scores of ``facts`` against one annotated article."""
    scores = {
        kind: score_entities(getattr(facts, kind), getattr(article, kind), article.text)
        for kind in ENTITY_TYPES
    }
    scores["numbers"] = score_numbers(facts.numbers, article.numbers, article.text)
    return scores


def total(scores: Iterable[dict[str, Score]]) -> dict[str, Score]:
    """Per-type sums of several articles' scores (micro-averaging)."""
    summed: dict[str, Score] = {}
    for score in scores:
        for kind, value in score.items():
            summed[kind] = summed.get(kind, Score()) + value
    return summed


# --- CoNLL -------------------------------------------------------------------------------


@dataclass(frozen=True)
class ConllDocument:
    """One document of a CoNLL file: its sentences' tokens and IOB2 tags."""

    sentences: tuple[tuple[tuple[str, str], ...], ...]


def read_conll(path: Path) -> list[ConllDocument]:
    """Documents (split at ``-DOCSTART-``) of a ``token<TAB>tag`` file."""
    documents: list[ConllDocument] = []
    sentences: list[tuple[tuple[str, str], ...]] = []
    sentence: list[tuple[str, str]] = []

    def end_sentence() -> None:
        if sentence:
            sentences.append(tuple(sentence))
            sentence.clear()

    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            end_sentence()
            continue
        token, _, tag = line.rpartition("\t") if "\t" in line else line.rpartition(" ")
        if token == "-DOCSTART-":
            end_sentence()
            if sentences:
                documents.append(ConllDocument(tuple(sentences)))
                sentences = []
            continue
        sentence.append((token, tag.strip()))
    end_sentence()
    if sentences:
        documents.append(ConllDocument(tuple(sentences)))
    return documents


_NO_SPACE_BEFORE = frozenset([*",.;:!?)]}%", "'s", "n't", "'re", "'ve", "'ll", "'d", "'m"])
_NO_SPACE_AFTER = frozenset("([{$£€")


def detokenise(tokens: Sequence[str]) -> tuple[str, list[tuple[int, int]]]:
    """Readable text from tokens ("Kyiv ," → "Kyiv,"), with each token's (start, end)."""
    parts: list[str] = []
    offsets = []
    length = 0
    previous = ""
    open_quote = False
    for token in tokens:
        space = bool(parts)
        if token in _NO_SPACE_BEFORE or previous in _NO_SPACE_AFTER:
            space = False
        if token == '"':
            if open_quote:
                space = False
            open_quote = not open_quote
        elif previous == '"' and open_quote:
            space = False
        if space:
            parts.append(" ")
            length += 1
        offsets.append((length, length + len(token)))
        parts.append(token)
        length += len(token)
        previous = token
    return "".join(parts), offsets


def conll_spans(tags: Sequence[str]) -> set[tuple[str, int, int]]:
    """Gold entity spans ``(type, first token, end token)`` of IOB2 tags, PER/LOC/ORG only."""
    spans = set()
    start = None
    label = ""
    for index, tag in enumerate([*tags, "O"]):
        inside = tag.startswith("I-") and tag[2:] == label and start is not None
        if not inside:
            if start is not None and label in CONLL_TYPES:
                spans.add((CONLL_TYPES[label], start, index))
            start, label = (index, tag[2:]) if tag[:2] in ("B-", "I-") else (None, "")
    return spans


def document_text(document: ConllDocument) -> tuple[str, list[tuple[int, int]], list[str]]:
    """A document as text (one sentence a line), each token's (start, end), and the tags."""
    tags = [tag for sentence in document.sentences for _, tag in sentence]
    lines, offsets = [], []
    length = 0
    for sentence in document.sentences:
        line, line_offsets = detokenise([token for token, _ in sentence])
        lines.append(line)
        offsets += [(length + start, length + end) for start, end in line_offsets]
        length += len(line) + 1
    return "\n".join(lines), offsets, tags


def score_conll_document(document: ConllDocument, find: EntityFinder) -> dict[str, Score]:
    """Exact-span scores of ``find`` on one document, one sentence a line."""
    text, offsets, tags = document_text(document)
    starts = {start: index for index, (start, _) in enumerate(offsets)}
    ends = {end: index + 1 for index, (_, end) in enumerate(offsets)}
    gold = conll_spans(tags)
    predicted: set[tuple[str, int, int]] = set()
    unmapped = dict.fromkeys(ENTITY_TYPES, 0)
    for kind, facts in zip(ENTITY_TYPES, find(text), strict=True):
        for fact in facts:
            for start, end in fact.mentions:
                if start in starts and end in ends:
                    predicted.add((kind, starts[start], ends[end]))
                else:
                    unmapped[kind] += 1
    scores = {}
    for kind in ENTITY_TYPES:
        mine = {s for s in predicted if s[0] == kind}
        theirs = {s for s in gold if s[0] == kind}
        right = len(mine & theirs)
        scores[kind] = Score(right, len(mine) + unmapped[kind], right, len(theirs))
    return scores


def score_conll(path: Path, find: EntityFinder) -> dict[str, Score]:
    """Per-type exact-span scores of ``find`` over a CoNLL file."""
    return total(score_conll_document(document, find) for document in read_conll(path))


__all__ = [
    "CONLL_TYPES",
    "ENTITY_TYPES",
    "TYPES",
    "ConllDocument",
    "GoldArticle",
    "Score",
    "conll_spans",
    "detokenise",
    "document_text",
    "load_gold",
    "load_gold_folder",
    "locate",
    "read_conll",
    "score_article",
    "score_conll",
    "score_conll_document",
    "score_entities",
    "score_numbers",
    "total",
]
