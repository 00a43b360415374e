"""Train the promotional-line filter (:mod:`~reader_app.core.line_filter`) on a WCXB-style
dataset, and judge it by 5-fold cross-validation grouped by host name.

    python -m reader_app.core.train_declutter --data DIR [--cv] [--cache FILE] [--output FILE]

DIR holds ``ground-truth.json`` and ``html/<id>.html.gz``. Every page goes through Reader's
pipeline with the filter off; each short block it keeps is labelled against the page's truth
(boilerplate when it holds or sits in a ``without`` snippet or is not in ``articleBody``,
content when it is in ``articleBody`` or holds a ``with`` snippet). The threshold is the one
that leaks least on the training pages' out-of-fold chances (an inner grouped 4-fold split)
without costing word F1 or kept ``with`` snippets there. Without ``--cv`` the model is
trained on every page and written to ``--output`` (the shipped table by default). ``--cv``
prints, for each page type and all pages, the figures of the pipeline without the filter and
with the filter of the fold that held the page's host out (the pages extracted again).
``--cache`` keeps the filter-off extraction between runs. Needs no extra packages.
"""

from __future__ import annotations

import argparse
import gzip
import json
import logging
import pickle
import random
import sys
import warnings
import zlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from . import line_filter
from .extraction_score import score, tokens
from .line_filter import LineModel, features, is_candidate
from .model import Block

FOLDS = 5
BUCKETS = 1 << 15
#: Chances from which a block may go (1.01: the filter off).
_GRID = (0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 1.01)
_EPOCHS = 6
_L2 = 1e-5
#: Weight of a label only ``articleBody`` decides (the truth's main text is looser than its
#: snippets about short lines).
_WEAK = 0.1
#: Fewer characters of text than this: no article (as ``ExtractOptions.min_text_chars``).
_MIN_CHARS = 150
_SHIPPED = Path(__file__).parent / "data" / "line_filter.json"


@dataclass
class Page:
    """A page of the dataset: its truth, host, fold and the pipeline's blocks without the
    filter (``None``: no article found)."""

    id: str
    truth: dict[str, Any]
    host: str
    blocks: tuple[Block, ...] | None


def host_of(url: str | None) -> str:
    """The page's host name without ``www.``."""
    return (urlsplit(url or "").hostname or "").lower().removeprefix("www.")


def fold_of(host: str, folds: int = FOLDS) -> int:
    """The fold of a host: a stable hash of its name."""
    return zlib.crc32(host.encode()) % folds


def _html(dataset: Path, page_id: str) -> str:
    from .decoding import decode_html

    return decode_html(gzip.decompress((dataset / "html" / f"{page_id}.html.gz").read_bytes()))


def extract(html: str, url: str | None, model: LineModel) -> tuple[Block, ...] | None:
    """Reader's blocks of a page with ``model`` as the filter (``None``: no article)."""
    from . import ReaderError, extract_article

    with line_filter.using(model):
        try:
            return extract_article(html, url).blocks
        except ReaderError:
            return None


def load(dataset: Path, cache: Path | None) -> list[Page]:
    """Every page of ``dataset`` with the pipeline's blocks, the filter off."""
    if cache is not None and cache.exists():
        pages: list[Page] = pickle.loads(cache.read_bytes())
        return pages
    truths = json.loads((dataset / "ground-truth.json").read_text(encoding="utf-8"))
    off = LineModel((0.0,), 0.0, 1.01)
    pages = []
    for page_id, truth in sorted(truths.items()):
        url = truth.get("url")
        blocks = extract(_html(dataset, page_id), url, off)
        pages.append(Page(page_id, truth, host_of(url), blocks))
    if cache is not None:
        cache.write_bytes(pickle.dumps(pages))
    return pages


def _joined(text: str) -> str:
    return f" {' '.join(tokens(text))} "


def label(text: str, truth: Mapping[str, Any]) -> tuple[int, float] | None:
    """1 for a boilerplate block, 0 for content, with the label's weight: full when a
    ``with`` or ``without`` snippet decides it, ``_WEAK`` when only ``articleBody`` does;
    ``None`` when the block has no words."""
    own = _joined(text)
    if not own.strip():
        return None
    snippets = [_joined(s) for s in truth.get("with") or []]
    if any(s.strip() and s in own for s in snippets):
        return 0, 1.0
    for snippet in truth.get("without") or []:
        other = _joined(snippet)
        if len(other.split()) >= 2 and (other in own or own in other):
            return 1, 1.0
    return (0 if own in _joined(truth.get("articleBody") or "") else 1), _WEAK


def units(pages: Sequence[Page]) -> list[tuple[int, int, list[int], int, float]]:
    """``(page index, block index, hashed features, label, weight)`` of every candidate."""
    found = []
    for p, page in enumerate(pages):
        blocks = page.blocks or ()
        for i, block in enumerate(blocks):
            if not is_candidate(block):
                continue
            labelled = label(block.text, page.truth)
            if labelled is not None:
                found.append((p, i, features(blocks, i, BUCKETS), *labelled))
    return found


def train(
    rows: Sequence[tuple[list[int], int, float]], seed: int = 0
) -> tuple[list[float], float]:
    """Weights and bias of a logistic regression by SGD with a small L2 penalty over
    ``(features, label, weight)`` rows."""
    weights = [0.0] * BUCKETS
    bias = 0.0
    order = list(range(len(rows)))
    rng = random.Random(seed)
    step = 0
    for _epoch in range(_EPOCHS):
        rng.shuffle(order)
        for k in order:
            x, y, weight = rows[k]
            step += 1
            rate = 0.2 / (1 + step * 1e-5)
            z = bias + sum(weights[f] for f in x)
            z = max(-30.0, min(30.0, z))
            g = weight * ((1.0 / (1.0 + 2.718281828459045 ** (-z))) - y)
            bias -= rate * g
            for f in x:
                weights[f] -= rate * (g + _L2 * weights[f])
    return weights, bias


def _text(page: Page, drops: Mapping[tuple[int, int], bool], p: int) -> str:
    kept = [b for i, b in enumerate(page.blocks or ()) if not drops.get((p, i))]
    chars = sum(len(b.text) for b in kept if b.kind != "image")
    return "\n\n".join(b.text for b in kept if b.text) if chars >= _MIN_CHARS else ""


def _texts(pages: Sequence[Page], drops: Mapping[tuple[int, int], bool]) -> list[str]:
    return [_text(page, drops, p) for p, page in enumerate(pages)]


def _page_scores(text: str, truth: Mapping[str, Any]) -> tuple[float, float, float]:
    """A page's word F1, whether it leaks, and how many ``with`` snippets it keeps."""
    found = score([text], [truth])
    return found["word_f1"], found["leaking"], found["kept"] * max(1, len(truth.get("with") or []))


def choose_threshold(pages: Sequence[Page], chances: Mapping[tuple[int, int], float]) -> float:
    """The threshold that leaks least on ``pages`` without lowering word F1 or kept (summed
    over the pages)."""
    base = [_page_scores(_text(page, {}, p), page.truth) for p, page in enumerate(pages)]
    best, best_leaks = 1.01, 0.0
    for threshold in _GRID:
        drops = {key: c >= threshold for key, c in chances.items() if c >= threshold}
        changes = [0.0, 0.0, 0.0]
        for p in sorted({p for p, _i in drops}):
            after = _page_scores(_text(pages[p], drops, p), pages[p].truth)
            for n in range(3):
                changes[n] += after[n] - base[p][n]
        if changes[0] >= 0 and changes[2] >= 0 and changes[1] < best_leaks:
            best, best_leaks = threshold, changes[1]
    return best


def fit(pages: Sequence[Page], inner: int = FOLDS - 1) -> LineModel:
    """A model trained on ``pages``, its threshold chosen on their out-of-fold chances."""
    found = units(pages)
    chances: dict[tuple[int, int], float] = {}
    for k in range(inner):
        train_rows = [(x, y, w) for p, _i, x, y, w in found if fold_of(pages[p].host, inner) != k]
        weights, bias = train(train_rows)
        model = LineModel(tuple(weights), bias, 1.0)
        for p, i, x, _y, _w in found:
            if fold_of(pages[p].host, inner) == k:
                chances[(p, i)] = model.chance(x)
    threshold = choose_threshold(pages, chances)
    weights, bias = train([(x, y, w) for _p, _i, x, y, w in found])
    return LineModel(tuple(weights), bias, threshold)


def _report(name: str, pages: Sequence[Page], texts: Sequence[str]) -> None:
    groups: dict[str, list[int]] = {"all": list(range(len(pages)))}
    for n, page in enumerate(pages):
        groups.setdefault(page.truth.get("page_type") or "?", []).append(n)
    print(name)
    for group, chosen in sorted(groups.items(), key=lambda kv: (kv[0] != "article", kv[0])):
        s = score([texts[n] for n in chosen], [pages[n].truth for n in chosen])
        print(
            f"  {group:<14} {len(chosen):>5}  shingle F1 {s['f1']:.3f}  word F1 "
            f"{s['word_f1']:.3f}  leaking {s['leaking']:6.1%}  kept {s['kept']:6.1%}"
        )


def cross_validate(dataset: Path, pages: Sequence[Page], log: Callable[[str], None]) -> None:
    """Print the held-out figures: each fold's pages extracted with the model trained on the
    other folds' pages, against the pipeline without the filter."""
    _report("without the filter", pages, _texts(pages, {}))
    after = [""] * len(pages)
    for k in range(FOLDS):
        model = fit([p for p in pages if fold_of(p.host) != k])
        log(f"fold {k}: threshold {model.threshold}")
        for n, page in enumerate(pages):
            if fold_of(page.host) == k:
                blocks = extract(_html(dataset, page.id), page.truth.get("url"), model)
                after[n] = "\n\n".join(b.text for b in blocks or () if b.text)
    _report("with the filter (held-out hosts)", pages, after)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--cv", action="store_true", help="print held-out figures only")
    parser.add_argument("--cache", type=Path, help="keep the filter-off extraction here")
    parser.add_argument("--output", type=Path, default=_SHIPPED)
    args = parser.parse_args(argv)
    warnings.simplefilter("ignore")
    logging.disable(logging.CRITICAL)
    pages = load(args.data, args.cache)
    if args.cv:
        cross_validate(args.data, pages, print)
        return 0
    model = fit(pages)
    args.output.write_text(model.to_json(), encoding="utf-8")
    print(f"threshold {model.threshold}; written to {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
