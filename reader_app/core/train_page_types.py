"""Train the page-type router (:mod:`reader_app.core.page_types`) on a WCXB-style dataset.

Usage: python -m reader_app.core.train_page_types --data DATASET_DIR [--out FILE]
       [--rows ROWS.json] [--cv]

Each page is extracted as Reader extracts it and read as the page's own text; the label is
which of the two has the higher word F1 against the page's truth, weighted by the
difference. The router is two logistic regressions (pure Python, L2 penalty): the second look
over :data:`~reader_app.core.page_types.OWN_FEATURES`, whose threshold maximises the training
pages' mean word F1, and the first over :data:`~reader_app.core.page_types.FEATURES`, which
decides where the second look is taken. ``--cv`` reports 5-fold cross-validation grouped by
host name instead of writing the model. ``--rows`` keeps the pages' signals and texts between
runs.
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
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urlsplit

from .extraction_score import leaks, word_f1
from .page_types import FEATURES, OWN_FEATURES, PageRouter, Router, shop_page

FOLDS = 5
#: The L2 penalty and the steps of the gradient descent.
PENALTY = 0.3
STEPS = 400
#: How much more a wrong choice on an article page weighs than on other pages.
ARTICLE_WEIGHT = 4.0
#: The share of the training article pages the first look may send to the second, which
#: reads the page again (see :func:`fit`).
LOOKED_ARTICLES = 0.03


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


def _standardise(rows: Sequence[Row], features: Sequence[str]) -> tuple[list[float], list[float]]:
    means, scales = [], []
    for name in features:
        values = [r.signals[name] for r in rows if r.signals is not None]
        means.append(statistics.fmean(values))
        scales.append(statistics.pstdev(values) or 1.0)
    return means, scales


def fit(rows: Sequence[Row], penalty: float = PENALTY, steps: int = STEPS) -> PageRouter:
    """Both looks fitted on ``rows`` (pages of posts left out). The second look's threshold
    is the one with the highest mean word F1 on the same rows that costs the article pages
    nothing (neither word F1 nor more pages leaking boilerplate); the first look's is the
    lowest that gives a second look to at most :data:`LOOKED_ARTICLES` of the article
    pages, lower still where the second look would lose a page it wins on these rows."""
    rows = [r for r in rows if r.signals is not None]
    signals = [r.signals for r in rows if r.signals is not None]
    second = _logistic(rows, OWN_FEATURES, penalty, steps)
    wins = [second.probability(s) for s in signals]
    best = max(_THRESHOLDS, key=lambda t: (_mean_f1(rows, [p >= t for p in wins]), -t))
    second = replace(second, threshold=best)
    routed = [second.page_text_wins(s) for s in signals]
    first = _logistic(rows, FEATURES, penalty, steps)
    looks = [first.probability(s) for s in signals]
    target = _mean_f1(rows, routed)
    lossless = max(t for t in (0.0, *_THRESHOLDS) if _mean_f1(
        rows, [go and p >= t for go, p in zip(routed, looks, strict=True)]) >= target - 1e-9)
    articles = [p for r, p in zip(rows, looks, strict=True) if r.page_type == "article"]
    affordable = min((t for t in _THRESHOLDS
                      if sum(p >= t for p in articles) <= LOOKED_ARTICLES * len(articles)),
                     default=1.0)
    return PageRouter(replace(first, threshold=min(lossless, affordable)), second)


#: Thresholds tried; 1.0 routes no page.
_THRESHOLDS = tuple(t / 100 for t in range(5, 101))


def _logistic(rows: Sequence[Row], features: tuple[str, ...], penalty: float,
              steps: int) -> Router:
    """A logistic model of whether the page's own text wins, weighted by how much, over
    ``features`` (threshold 1.0)."""
    means, scales = _standardise(rows, features)
    xs = [[(r.signals[n] - m) / s for n, m, s in zip(features, means, scales, strict=True)]
          for r in rows if r.signals is not None]
    ys = [1.0 if r.page_f1 > r.rules_f1 else 0.0 for r in rows]
    ws = [(abs(r.page_f1 - r.rules_f1) + 1e-3) * (ARTICLE_WEIGHT if r.page_type == "article"
                                                   else 1.0) for r in rows]
    total = sum(ws)
    weights, bias = [0.0] * len(features), 0.0
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
    return Router(features, tuple(weights), bias, tuple(means), tuple(scales), 1.0)


def _mean_f1(rows: Sequence[Row], routed: Sequence[bool]) -> float:
    """The rows' mean word F1 when the ``routed`` ones (but a page that declares a product,
    as :meth:`Router.page_text_wins` reads) read their own text; -1 when the article pages
    lose by it (word F1, or more pages leaking boilerplate)."""
    go = [g and not shop_page(r.signals) for r, g in zip(rows, routed, strict=True)]
    scores = [r.page_f1 if g else r.rules_f1 for r, g in zip(rows, go, strict=True)]
    articles = [i for i, r in enumerate(rows) if r.page_type == "article"]
    if sum(rows[i].rules_f1 - scores[i] for i in articles) > 0 or sum(
            rows[i].page_leaks - rows[i].rules_leaks for i in articles if go[i]) > 0:
        return -1.0
    return statistics.fmean(scores)


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
    print(f"{args.out}: thresholds {router.first.threshold:.2f} (first look), "
          f"{router.second.threshold:.2f} (second look)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
