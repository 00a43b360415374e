"""The learned declutter filters over the rules' output, evaluated in plain Python (trained by
:mod:`reader_app.core.train_declutter`); a block goes when its probability of being content
is below the model's threshold.

* :class:`WordsModel`: logistic regression over the hashed words and word pairs of a block.
* :class:`FilterModel`: boosted trees over a block's page features: each block the rules
  kept is matched to its candidate in the page (:mod:`~reader_app.core.segment`), whose
  features (:mod:`~reader_app.core.block_features`) are joined by where it sits in the
  rules' output."""

from __future__ import annotations

import itertools
import json
import math
import re
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .block_features import FEATURE_NAMES
from .errors import ReaderError
from .model import Block
from .segment import Candidate

__all__ = [
    "UNIT_FEATURES",
    "WORD_BUCKETS",
    "FilterModel",
    "Tree",
    "WordsModel",
    "filter_keep",
    "load_model",
    "unit_rows",
    "word_features",
    "words_keep",
]

#: Where a block sits in the rules' output (appended to :data:`FEATURE_NAMES`).
_OUTPUT_FEATURES = (
    "out_rel_index", "out_words_before", "out_words_after", "out_log_blocks", "out_first",
    "out_last", "out_log_words", "out_heading", "out_log_matches",
)  # fmt: skip
#: Columns of :func:`unit_rows`.
UNIT_FEATURES: tuple[str, ...] = (*FEATURE_NAMES, *_OUTPUT_FEATURES)
#: The first and last blocks of the output are marked (teasers, promos and sign-offs).
_EDGE = 3
_WORDS = re.compile(r"\w+")


@dataclass(frozen=True)
class Tree:
    """One regression tree as parallel arrays: node ``i`` tests
    ``row[feature[i]] <= value[i]`` and goes on to ``left[i]`` if so, else ``right[i]``; a
    leaf has ``feature[i] == -1`` and its score in ``value[i]``."""

    feature: tuple[int, ...]
    value: tuple[float, ...]
    left: tuple[int, ...]
    right: tuple[int, ...]


@dataclass(frozen=True)
class FilterModel:
    """Boosted trees over :data:`UNIT_FEATURES`; a block of the rules' output goes when its
    probability of being content is below ``threshold``."""

    base: float
    trees: tuple[Tree, ...]
    threshold: float
    _score: Callable[[Sequence[float]], float] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_score", _compiled(self))

    def probabilities(self, rows: Sequence[Sequence[float]]) -> list[float]:
        """The probability that each row is content."""
        score = self._score
        return [1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score(row))))) for row in rows]

    def to_json(self) -> dict[str, Any]:
        """The model as plain JSON data (what :func:`load_model` reads)."""
        return {
            "features": list(UNIT_FEATURES),
            "base": self.base,
            "threshold": self.threshold,
            "trees": [[t.feature, t.value, t.left, t.right] for t in self.trees],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> FilterModel:
        """The model of :meth:`to_json` data; it must use today's features."""
        if tuple(data["features"]) != UNIT_FEATURES:
            raise ReaderError("The declutter model was trained on other features")
        trees = tuple(
            Tree(tuple(f), tuple(float(v) for v in value), tuple(left), tuple(right))
            for f, value, left, right in data["trees"]
        )
        return cls(base=float(data["base"]), trees=trees, threshold=float(data["threshold"]))


def _compiled(model: FilterModel) -> Callable[[Sequence[float]], float]:
    """The model's trees as one Python function of nested comparisons, compiled once."""
    lines = ["def score(x):", f"    s = {model.base!r}"]
    for tree in model.trees:
        _emit(tree, 0, 1, lines)
    lines.append("    return s")
    namespace: dict[str, Any] = {}
    # The source holds only numbers read from the model's JSON (ints and float reprs).
    exec(compile("\n".join(lines), "<declutter model>", "exec"), namespace)
    function: Callable[[Sequence[float]], float] = namespace["score"]
    return function


def _emit(tree: Tree, node: int, depth: int, lines: list[str]) -> None:
    pad = "    " * depth
    feature = tree.feature[node]
    if feature < 0:
        lines.append(f"{pad}s += {float(tree.value[node])!r}")
        return
    lines.append(f"{pad}if x[{int(feature)}] <= {float(tree.value[node])!r}:")
    _emit(tree, tree.left[node], depth + 1, lines)
    lines.append(f"{pad}else:")
    _emit(tree, tree.right[node], depth + 1, lines)


#: Hash buckets of the words model's features.
WORD_BUCKETS = 2**14
#: Only a block's first characters are read (long blocks are content whatever they say).
_WORD_CHARS = 400


def word_features(text: str) -> dict[int, float]:
    """The hashed words and word pairs of a block's text (lower-cased), each bucket
    ``1/sqrt(n)`` for ``n`` buckets, so that a block's vector has length 1."""
    words = _WORDS.findall(text[:_WORD_CHARS].lower())
    grams = [*words, *(f"{a} {b}" for a, b in itertools.pairwise(words))]
    buckets = {zlib.crc32(g.encode()) % WORD_BUCKETS for g in grams}
    value = 1.0 / math.sqrt(len(buckets)) if buckets else 0.0
    return dict.fromkeys(buckets, value)


@dataclass(frozen=True, eq=False)
class WordsModel:
    """Logistic regression over :func:`word_features`; ``weights`` maps a bucket to its
    weight (buckets never seen in training weigh nothing)."""

    intercept: float
    weights: dict[int, float]
    threshold: float

    def probabilities(self, texts: Sequence[str]) -> list[float]:
        """The probability that each text is content."""
        out = []
        for text in texts:
            z = self.intercept + sum(
                self.weights.get(b, 0.0) * v for b, v in word_features(text).items()
            )
            out.append(1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z)))))
        return out

    def to_json(self) -> dict[str, Any]:
        """The model as plain JSON data (what :func:`load_model` reads)."""
        return {
            "kind": "words",
            "buckets": WORD_BUCKETS,
            "intercept": self.intercept,
            "threshold": self.threshold,
            "weights": {str(b): round(w, 4) for b, w in sorted(self.weights.items()) if w},
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> WordsModel:
        """The model of :meth:`to_json` data; it must use today's buckets."""
        if data.get("buckets") != WORD_BUCKETS:
            raise ReaderError("The declutter model was trained on other features")
        weights = {int(b): float(w) for b, w in data["weights"].items()}
        return cls(float(data["intercept"]), weights, float(data["threshold"]))


def load_model(path: Path) -> FilterModel | WordsModel:
    """A model saved as JSON at ``path``."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return (
        WordsModel.from_json(data) if data.get("kind") == "words" else FilterModel.from_json(data)
    )


def _key(text: str) -> str:
    return " ".join(_WORDS.findall(text.lower()))


def unit_rows(
    blocks: Sequence[Block], candidates: Sequence[Candidate], rows: Sequence[Sequence[float]]
) -> list[tuple[int, list[float]]]:
    """For each text block of the rules' output that has a candidate in the page (the same
    words, or candidates whose words it holds, or one that holds its words), its index and
    its row of :data:`UNIT_FEATURES` (the longest such candidate's features)."""
    keys = [_key(c.draft.block.text) for c in candidates]
    exact: dict[str, int] = {}
    for i, key in enumerate(keys):
        if key:
            exact.setdefault(key, i)
    texts = [_key(b.text) if b.kind != "image" else "" for b in blocks]
    words = [len(t.split()) for t in texts]
    total = max(1, sum(words))
    last = max(1, len(blocks) - 1)
    out: list[tuple[int, list[float]]] = []
    before = 0
    for j, text in enumerate(texts):
        best, matches = _match(text, keys, exact, candidates)
        if best is not None:
            context = [
                j / last,
                before / total,
                (total - before - words[j]) / total,
                math.log1p(len(blocks)),
                float(j < _EDGE),
                float(j >= len(blocks) - _EDGE),
                math.log1p(words[j]),
                float(blocks[j].kind == "heading"),
                math.log1p(matches),
            ]
            out.append((j, [*rows[best], *context]))
        before += words[j]
    return out


def _match(
    text: str, keys: Sequence[str], exact: dict[str, int], candidates: Sequence[Candidate]
) -> tuple[int | None, int]:
    """The candidate a block of the output comes from, and how many candidates match."""
    if not text:
        return None, 0
    found = exact.get(text)
    if found is not None:
        return found, 1
    padded = f" {text} "
    hits = [i for i, key in enumerate(keys) if key and f" {key} " in padded]
    if not hits:
        hits = [i for i, key in enumerate(keys) if key and padded in f" {key} "][:1]
    if not hits:
        return None, 0
    return max(hits, key=lambda i: len(candidates[i].draft.block.text)), len(hits)


def filter_keep(
    blocks: Sequence[Block], units: Sequence[tuple[int, Sequence[float]]], model: FilterModel
) -> list[bool]:
    """Which blocks of the rules' output stay: all but those whose row (``units``, from
    :func:`unit_rows`) the model scores below its threshold."""
    keep = [True] * len(blocks)
    probabilities = model.probabilities([row for _, row in units])
    for (j, _), p in zip(units, probabilities, strict=True):
        keep[j] = p >= model.threshold
    return keep


def words_keep(blocks: Sequence[Block], model: WordsModel) -> list[bool]:
    """Which blocks of the rules' output stay: pictures, and text the words model scores at
    or above its threshold."""
    judged = [j for j, b in enumerate(blocks) if b.kind != "image" and b.text]
    keep = [True] * len(blocks)
    probabilities = model.probabilities([blocks[j].text for j in judged])
    for j, p in zip(judged, probabilities, strict=True):
        keep[j] = p >= model.threshold
    return keep
