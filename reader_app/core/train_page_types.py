"""Train the page-type router (:mod:`reader_app.core.page_types`) on a WCXB-style dataset.

Usage: python -m reader_app.core.train_page_types --data DATASET_DIR [--out FILE]
       [--rows ROWS.json] [--cv]

Each page is extracted as Reader extracts it and read as the page's own text; the label is
which of the two has the higher word F1 against the page's truth, weighted by the
difference. The model is a logistic regression over :data:`~reader_app.core.page_types.FEATURES`
(pure Python, L2 penalty); its threshold is the one that maximises the training pages' mean
word F1. ``--cv`` reports 5-fold cross-validation grouped by host name instead of writing
the model. ``--rows`` keeps the pages' signals and texts between runs.
"""

from __future__ import annotations

import argparse
import gzip
import json
import logging
import math
import statistics
import sys
import warnings
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from .extraction_score import leaks, word_f1
from .page_types import FEATURES, Router, shop_page

FOLDS = 5
#: The L2 penalty and the steps of the gradient descent.
PENALTY = 0.3
STEPS = 400
#: How much more a wrong choice on an article page weighs than on other pages.
ARTICLE_WEIGHT = 4.0


@dataclass(frozen=True)
class Row:
    """One page: its signals, both texts and their word F1 against the truth."""

    page_id: str
    host: str
    page_type: str
    signals: dict[str, float] | None  # None: a page of posts, never routed
    rules_text: str
    page_text: str
    rules_f1: float
    page_f1: float
    rules_leaks: bool
    page_leaks: bool


def fold_of(host: str) -> int:
    """The page's fold, by a stable hash of its host name."""
    return zlib.crc32(host.encode("utf-8")) % FOLDS


def page_rows(dataset: Path, limit: int | None = None) -> list[Row]:
    """Every page of ``dataset`` (``ground-truth.json`` and ``html/<id>.html.gz``)."""
    from .decoding import decode_html
    from .extraction import extract_with_signals

    truth = json.loads((dataset / "ground-truth.json").read_text(encoding="utf-8"))
    rows = []
    for page_id, entry in sorted(truth.items())[:limit]:
        html = decode_html(gzip.decompress((dataset / "html" / f"{page_id}.html.gz").read_bytes()))
        url = entry.get("url")
        rules, own, signals = extract_with_signals(html, url)
        body = entry.get("articleBody") or ""
        rows.append(Row(page_id, urlsplit(url or "").hostname or "", entry.get("page_type", ""),
                        signals, rules, own, word_f1(rules, body), word_f1(own, body),
                        bool(leaks(rules, entry)), bool(leaks(own, entry))))
    return rows


def _standardise(rows: Sequence[Row]) -> tuple[list[float], list[float]]:
    means, scales = [], []
    for name in FEATURES:
        values = [r.signals[name] for r in rows if r.signals is not None]
        means.append(statistics.fmean(values))
        scales.append(statistics.pstdev(values) or 1.0)
    return means, scales


def fit(rows: Sequence[Row], penalty: float = PENALTY, steps: int = STEPS) -> Router:
    """A router fitted on ``rows`` (pages of posts left out), its threshold chosen on the
    same rows as the highest mean word F1 that costs the article pages nothing (neither
    word F1 nor more pages leaking boilerplate)."""
    rows = [r for r in rows if r.signals is not None]
    means, scales = _standardise(rows)
    xs = [[(r.signals[n] - m) / s for n, m, s in zip(FEATURES, means, scales, strict=True)]
          for r in rows if r.signals is not None]
    ys = [1.0 if r.page_f1 > r.rules_f1 else 0.0 for r in rows]
    ws = [(abs(r.page_f1 - r.rules_f1) + 1e-3) * (ARTICLE_WEIGHT if r.page_type == "article"
                                                   else 1.0) for r in rows]
    total = sum(ws)
    weights, bias = [0.0] * len(FEATURES), 0.0
    rate = 0.5
    for _ in range(steps):  # full-batch gradient descent on the weighted log loss
        grad, grad_b = [penalty * w / total for w in weights], 0.0
        for x, y, w in zip(xs, ys, ws, strict=True):
            z = bias + sum(a * b for a, b in zip(weights, x, strict=True))
            err = w * (1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z)))) - y) / total
            grad_b += err
            for j, value in enumerate(x):
                grad[j] += err * value
        weights = [w - rate * g for w, g in zip(weights, grad, strict=True)]
        bias -= rate * grad_b
    router = Router(tuple(weights), bias, tuple(means), tuple(scales), 1.0)
    probabilities = [router.probability(r.signals) for r in rows if r.signals is not None]
    articles = [i for i, r in enumerate(rows) if r.page_type == "article"]
    best, best_score = 1.0, statistics.fmean(r.rules_f1 for r in rows)
    for threshold in (t / 100 for t in range(5, 100)):
        routed = [p >= threshold and not shop_page(r.signals)  # as page_text_wins reads
                  for r, p in zip(rows, probabilities, strict=True)]
        scores = [r.page_f1 if go else r.rules_f1 for r, go in zip(rows, routed, strict=True)]
        article_loss = sum(rows[i].rules_f1 - scores[i] for i in articles)
        more_leaks = sum(rows[i].page_leaks - rows[i].rules_leaks for i in articles if routed[i])
        if article_loss > 0 or more_leaks > 0:  # articles must lose nothing
            continue
        if statistics.fmean(scores) > best_score + 1e-9:
            best, best_score = threshold, statistics.fmean(scores)
    return Router(tuple(weights), bias, tuple(means), tuple(scales), best)


def held_out_choices(rows: Sequence[Row]) -> dict[str, bool]:
    """Whether each page (by id) reads its own text: where the rules find too little, as
    extraction does, else as the router of the fold that held the page's host out decides."""
    chosen: dict[str, bool] = {}
    for fold in range(FOLDS):
        router = fit([r for r in rows if fold_of(r.host) != fold])
        for row in rows:
            if fold_of(row.host) == fold:
                chosen[row.page_id] = (not row.rules_text and bool(row.page_text)) or (
                    row.signals is not None and router.page_text_wins(row.signals)
                )
    return chosen


def load_rows(path: Path) -> list[Row]:
    """Rows kept by ``--rows``."""
    return [Row(**item) for item in json.loads(path.read_text(encoding="utf-8"))]


def cached_rows(data: Path, kept: Path | None, limit: int | None) -> list[Row]:
    """The pages' rows: read from ``kept`` if it exists, else computed (and kept there)."""
    if kept and kept.exists():
        return load_rows(kept)
    rows = page_rows(data, limit)
    if kept:
        kept.write_text(json.dumps([r.__dict__ for r in rows]), encoding="utf-8")
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "data/page_types.json")
    parser.add_argument("--rows", type=Path, help="the pages' signals and texts, kept here")
    parser.add_argument("--cv", action="store_true", help="report held-out folds, write nothing")
    parser.add_argument("--limit", type=int)
    args = parser.parse_args()
    warnings.simplefilter("ignore")
    logging.disable(logging.CRITICAL)
    rows = cached_rows(args.data, args.rows, args.limit)
    if args.cv:
        chosen = held_out_choices(rows)
        for kind in [*sorted({r.page_type for r in rows}), "all"]:
            group = [r for r in rows if kind in ("all", r.page_type)]
            rules = statistics.fmean(r.rules_f1 for r in group)
            routed = statistics.fmean(r.page_f1 if chosen[r.page_id] else r.rules_f1
                                      for r in group)
            share = statistics.fmean(chosen[r.page_id] for r in group)
            print(f"{kind:<14} {len(group):>5}  rules {rules:.3f}  routed {routed:.3f}  "
                  f"page text on {share:6.1%}")
        return 0
    router = fit(rows)
    args.out.write_text(json.dumps(router.to_json(), indent=1) + "\n", encoding="utf-8")
    print(f"{args.out}: threshold {router.threshold:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
