"""The learned content/boilerplate decision over candidate blocks: boosted trees stored as a
compact JSON table and evaluated in plain Python (trained by
:mod:`reader_app.core.train_declutter`)."""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from .block_features import FEATURE_NAMES
from .clutter_cues import Draft
from .errors import ReaderError
from .model import Block
from .posts import POST_STAMP_LEVEL, is_post_stamp

__all__ = ["DeclutterModel", "keep_content", "load_model", "shipped_model"]

_SHIPPED = "declutter_model.json"


@dataclass(frozen=True)
class Tree:
    """One regression tree as parallel arrays: node ``i`` tests
    ``row[feature[i]] <= value[i]`` and goes to ``left[i]`` or ``right[i]``; a leaf has
    ``feature[i] == -1`` and its score in ``value[i]``."""

    feature: tuple[int, ...]
    value: tuple[float, ...]
    left: tuple[int, ...]
    right: tuple[int, ...]

    def score(self, row: Sequence[float]) -> float:
        """The leaf score this tree gives ``row``."""
        feature, value, left, right = self.feature, self.value, self.left, self.right
        i = 0
        while (f := feature[i]) >= 0:
            i = left[i] if row[f] <= value[i] else right[i]
        return value[i]


@dataclass(frozen=True)
class DeclutterModel:
    """Boosted trees over :data:`FEATURE_NAMES`; a block is content when its probability
    reaches ``threshold``."""

    base: float
    trees: tuple[Tree, ...]
    threshold: float
    features: tuple[str, ...] = FEATURE_NAMES

    def probabilities(self, rows: Sequence[Sequence[float]]) -> list[float]:
        """The probability that each row is content."""
        out = []
        for row in rows:
            raw = self.base + sum(tree.score(row) for tree in self.trees)
            out.append(1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, raw)))))
        return out

    def to_json(self) -> dict[str, Any]:
        """The model as plain JSON data (what :func:`load_model` reads)."""
        return {
            "features": list(self.features),
            "base": self.base,
            "threshold": self.threshold,
            "trees": [[t.feature, t.value, t.left, t.right] for t in self.trees],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> DeclutterModel:
        """The model of :meth:`to_json` data; it must use today's features."""
        if tuple(data["features"]) != FEATURE_NAMES:
            raise ReaderError("The declutter model was trained on other features")
        trees = tuple(
            Tree(tuple(f), tuple(float(v) for v in value), tuple(left), tuple(right))
            for f, value, left, right in data["trees"]
        )
        return cls(base=float(data["base"]), trees=trees, threshold=float(data["threshold"]))


def load_model(path: Path) -> DeclutterModel:
    """A model saved as JSON at ``path``."""
    return DeclutterModel.from_json(json.loads(path.read_text(encoding="utf-8")))


@functools.cache
def shipped_model() -> DeclutterModel:
    """The model that ships with Reader (loaded once)."""
    text = resources.files("reader_app.core").joinpath("data", _SHIPPED).read_text("utf-8")
    return DeclutterModel.from_json(json.loads(text))


def keep_content(
    drafts: Sequence[Draft], features: Sequence[Sequence[float]], model: DeclutterModel
) -> list[Block]:
    """The blocks of ``drafts`` the model judges content. A post's time line stays with
    its post; headings that nothing kept follows go."""
    keep = [p >= model.threshold for p in model.probabilities(features)]
    for i in range(len(drafts) - 2, -1, -1):
        block = drafts[i].block
        if block.kind == "heading" and block.level == POST_STAMP_LEVEL and is_post_stamp(block.text):
            keep[i] = keep[i + 1]
    for i in range(len(drafts) - 1, -1, -1):
        if not keep[i]:
            continue
        if drafts[i].block.kind != "heading":
            break
        keep[i] = False
    return [d.block for d, k in zip(drafts, keep, strict=True) if k]
