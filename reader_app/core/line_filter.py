"""A learned filter of promotional lines: short blocks of the extracted article that read as
page furniture ("Get started today", "Request a free consultation") rather than as the
article's own subheadings and sentences.

Each short block is described by hashed features (its lower-cased words and word pairs, its
first and last word, its length, punctuation, capitals, digits, link text, its kind and its
place among the article's blocks and its neighbours'); a logistic regression over them,
trained by ``python -m reader_app.core.train_declutter``, gives the chance that it is
boilerplate. The weights ship in ``data/line_filter.json``.
"""

from __future__ import annotations

import json
import math
import re
import zlib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cache
from importlib import resources
from itertools import pairwise

from .model import Block

#: Blocks with more words than this are never judged by the filter.
MAX_WORDS = 25
#: Kinds of block the filter judges.
_KINDS = frozenset({"paragraph", "heading", "quote"})
_WORD = re.compile(r"\w+")
_CAPITAL = re.compile(r"^[A-Z]")


@dataclass(frozen=True)
class LineModel:
    """Weights of the hashed features (``buckets`` of them), a bias, and the chance from
    which a block goes."""

    weights: tuple[float, ...]
    bias: float
    threshold: float

    @property
    def buckets(self) -> int:
        """Number of hashed feature buckets."""
        return len(self.weights)

    def chance(self, features: Sequence[int]) -> float:
        """The chance that a block with these hashed features is boilerplate."""
        z = self.bias + sum(self.weights[f] for f in features)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def to_json(self) -> str:
        """The model as JSON (weights rounded to four decimals)."""
        return json.dumps(
            {
                "bias": round(self.bias, 4),
                "threshold": self.threshold,
                "weights": [round(w, 4) for w in self.weights],
            },
            separators=(",", ":"),
        )

    @classmethod
    def from_json(cls, text: str) -> LineModel:
        """The model written by :meth:`to_json`."""
        data = json.loads(text)
        return cls(tuple(data["weights"]), float(data["bias"]), float(data["threshold"]))


@cache
def shipped_model() -> LineModel:
    """The model shipped with the package."""
    path = resources.files("reader_app.core") / "data" / "line_filter.json"
    return LineModel.from_json(path.read_text(encoding="utf-8"))


_CHOSEN: ContextVar[LineModel | None] = ContextVar("line_model", default=None)


@contextmanager
def using(model: LineModel) -> Iterator[None]:
    """Within the block, the filter works with ``model`` rather than the shipped one (for
    training and cross-validation)."""
    token = _CHOSEN.set(model)
    try:
        yield
    finally:
        _CHOSEN.reset(token)


def is_candidate(block: Block) -> bool:
    """Whether the filter judges ``block``: a short paragraph, heading or quote."""
    return block.kind in _KINDS and 0 < len(_WORD.findall(block.text)) <= MAX_WORDS


def _bucket(words: int) -> str:
    for top in (1, 2, 3, 4, 6, 9, 14, 19):
        if words <= top:
            return str(top)
    return "25"


def _link_share(block: Block) -> float:
    linked = sum(s.end - s.start for s in block.spans if s.kind == "link")
    return min(1.0, linked / max(1, len(block.text)))


def _neighbour(blocks: Sequence[Block], i: int) -> str:
    if not 0 <= i < len(blocks):
        return "none"
    block = blocks[i]
    words = len(_WORD.findall(block.text))
    return f"{block.kind}{'-long' if words > MAX_WORDS else ''}"


def feature_names(blocks: Sequence[Block], i: int) -> list[str]:
    """The named features of ``blocks[i]`` (a candidate) among the article's blocks."""
    block = blocks[i]
    text = block.text.strip()
    raw = _WORD.findall(text)
    words = [w.lower() for w in raw]
    kind = block.kind if block.kind != "heading" else f"h{min(block.level, 4)}"
    from_end = len(blocks) - 1 - i
    place = "first" if i < 2 else "last" if from_end < 2 else "mid"
    ending = text[-1] if text and not text[-1].isalnum() else "a"
    capitals = sum(bool(_CAPITAL.match(w)) for w in raw) / max(1, len(raw))
    links = _link_share(block)
    names = [
        f"k:{kind}",
        f"n:{_bucket(len(words))}",
        f"kn:{kind}:{_bucket(len(words))}",
        f"e:{ending}",
        f"ke:{kind}:{ending}",
        f"c:{round(capitals * 4)}",
        f"d:{any(w.isdigit() for w in words)}",
        f"l:{round(links * 2)}",
        f"p:{place}",
        f"i:{min(i, 5)}",
        f"j:{min(from_end, 5)}",
        f"r:{int(10 * i / max(1, len(blocks)))}",
        f"prev:{_neighbour(blocks, i - 1)}",
        f"next:{_neighbour(blocks, i + 1)}",
        f"pk:{place}:{kind}",
    ]
    if words:
        names += [f"f:{words[0]}", f"z:{words[-1]}", f"fp:{place}:{words[0]}"]
    names += [f"w:{w}" for w in set(words)]
    names += [f"b:{a}_{b}" for a, b in pairwise(words)]
    return names


def features(blocks: Sequence[Block], i: int, buckets: int) -> list[int]:
    """The hashed features of ``blocks[i]``: bucket numbers below ``buckets``."""
    return [zlib.crc32(name.encode()) % buckets for name in feature_names(blocks, i)]


def promo_lines(blocks: Sequence[Block], model: LineModel | None = None) -> list[bool]:
    """For each block, whether the filter takes it for a promotional line."""
    model = model or _CHOSEN.get() or shipped_model()
    return [
        is_candidate(b) and model.chance(features(blocks, i, model.buckets)) >= model.threshold
        for i, b in enumerate(blocks)
    ]


def drop_promo_lines(blocks: Sequence[Block], model: LineModel | None = None) -> list[Block]:
    """``blocks`` without those the filter takes for promotional lines."""
    drop = promo_lines(blocks, model)
    return [b for b, gone in zip(blocks, drop, strict=True) if not gone]
