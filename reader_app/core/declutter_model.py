"""The learned content/boilerplate decision over candidate blocks: boosted trees stored as a
compact JSON table and evaluated in plain Python (trained by
:mod:`reader_app.core.train_declutter`)."""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from .block_features import FEATURE_NAMES
from .clutter_cues import THRESHOLD
from .errors import ReaderError
from .model import Block
from .posts import POST_STAMP_LEVEL, is_post_stamp
from .segment import Candidate

__all__ = ["DeclutterModel", "extractor_choice", "keep_content", "load_model", "shipped_model"]

_SHIPPED = "declutter_model.json"

#: A block whose clutter score (:func:`~reader_app.core.clutter_cues.clutter_score`)
#: reaches this goes whatever the model says, and so do appeals boxed with buttons and
#: bare bylines (see :func:`_furniture`). None leaves it all to the model; the held-out
#: figures in docs/extraction.md compare both.
CLUTTER_OVERRIDE: float | None = THRESHOLD
#: A box with buttons or a form whose highest clutter score reaches this (short of a
#: furniture line's 10, as "Share" under a post) is an appeal.
_APPEAL_SCORE = 4.0
_FURNITURE_SCORE = 10.0
#: ... and so is a line of up to 12 words (a promo's heading) in a box holding a call to
#: action, with buttons or without.
_SHORT = math.log1p(12)
#: A line of up to four words found three times or more on the page is per-post furniture
#: ("Share", "Reply", "About sharing").
_REPEATED = math.log(3)
_FEW_WORDS = math.log1p(4)
_COLUMNS = {name: FEATURE_NAMES.index(name) for name in (
    "clutter_score", "near_controls", "box_clutter", "pruned", "byline", "names_author",
    "log_words", "repeats",
)}  # fmt: skip


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
class DeclutterModel:
    """Boosted trees over :data:`FEATURE_NAMES`; a block is content when its probability
    reaches ``threshold``."""

    base: float
    trees: tuple[Tree, ...]
    threshold: float
    features: tuple[str, ...] = FEATURE_NAMES
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


def _compiled(model: DeclutterModel) -> Callable[[Sequence[float]], float]:
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


def load_model(path: Path) -> DeclutterModel:
    """A model saved as JSON at ``path``."""
    return DeclutterModel.from_json(json.loads(path.read_text(encoding="utf-8")))


@functools.cache
def shipped_model() -> DeclutterModel:
    """The model that ships with Reader (loaded once)."""
    text = resources.files("reader_app.core").joinpath("data", _SHIPPED).read_text("utf-8")
    return DeclutterModel.from_json(json.loads(text))


def keep_content(
    candidates: Sequence[Candidate], features: Sequence[Sequence[float]], model: DeclutterModel
) -> list[bool]:
    """Which candidates are content, as the model judges them and the cue overrides
    (:func:`_furniture`) allow. A picture stays when the text before or after it stays, a
    post's time line with its post; headings that no kept text follows go."""
    blocks = [c.draft.block for c in candidates]
    keep = [p >= model.threshold for p in model.probabilities(features)]
    if CLUTTER_OVERRIDE is not None:
        limit = CLUTTER_OVERRIDE
        keep = [k and not _furniture(r, limit) for k, r in zip(keep, features, strict=True)]
    text = [i for i, b in enumerate(blocks) if b.kind != "image"]
    stamps = [i for i in text if _is_stamp(blocks[i])]
    for n, i in enumerate(stamps):
        end = stamps[n + 1] if n + 1 < len(stamps) else len(blocks)
        keep[i] = any(keep[j] for j in range(i + 1, end) if blocks[j].kind != "image")
    previous: int | None = None
    following = iter(text)
    after = next(following, None)
    for i, block in enumerate(blocks):
        while after is not None and after < i:
            after = next(following, None)
        if block.kind == "image":
            keep[i] = (previous is not None and keep[previous]) or (
                after is not None and keep[after]
            )
        else:
            previous = i
    for i in reversed(text):
        if keep[i] and blocks[i].kind != "heading":
            break
        keep[i] = False
    return keep


def extractor_choice(features: Sequence[Sequence[float]]) -> list[bool]:
    """The blocks trafilatura extracted, without what the cues make furniture (the fallback
    when the model keeps too little to be an article)."""
    kept = FEATURE_NAMES.index("trafilatura_kept")
    return [row[kept] > 0 and not _furniture(row, THRESHOLD) for row in features]


def _is_stamp(block: Block) -> bool:
    """Whether a block is a post's time line (made a small heading by the segmenter)."""
    return block.kind == "heading" and block.level == POST_STAMP_LEVEL and is_post_stamp(block.text)


def _furniture(row: Sequence[float], threshold: float) -> bool:
    """Whether the cues alone make a block furniture: a call to action or furniture line, a
    line of an appeal boxed with buttons, a short line boxed with one or in a container named
    as clutter, a few words repeated under every post, a bare byline ("By Jo Park", "Jo Park
    ·")."""
    column = _COLUMNS
    return (
        row[column["clutter_score"]] >= threshold
        or (
            (row[column["near_controls"]] > 0 or row[column["log_words"]] <= _SHORT)
            and _APPEAL_SCORE <= row[column["box_clutter"]] < _FURNITURE_SCORE
        )
        or (row[column["pruned"]] > 0 and row[column["log_words"]] <= _SHORT)
        or (row[column["repeats"]] >= _REPEATED and row[column["log_words"]] <= _FEW_WORDS)
        or row[column["byline"]] > 0
        or (row[column["names_author"]] > 0 and row[column["log_words"]] <= math.log1p(6))
    )
