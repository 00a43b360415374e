"""Train the learned declutter filter on a WCXB-style dataset and judge it by 5-fold
cross-validation grouped by host name.

    python -m reader_app.core.train_declutter --data DIR [--kind words|trees] [--cache FILE]
        [--folds-dir OUT] [--output MODEL]

DIR holds ``ground-truth.json`` and ``html/<id>.html.gz``. Every page goes through Reader's
rule-based pipeline (:func:`~reader_app.core.extract_article`); each block it keeps is
labelled by aligning it with the page's ``articleBody`` and ``with``/``without`` snippets.
The ``words`` filter reads a block's words; the ``trees`` filter its page features (the
block matched to its candidate in the page). For each held-out fold the threshold is
chosen on the training folds only (their out-of-fold probabilities from an inner grouped
4-fold split); the held-out figures per page type are printed against the rules alone, and
the folds' models and assignment go to ``--folds-dir`` for ``benchmarks/extraction_cv.py``.
``--output`` writes a model trained on every page. Needs the ``train`` extra (scikit-learn).
"""

from __future__ import annotations

import argparse
import functools
import gzip
import json
import logging
import pickle
import re
import sys
import time
import warnings
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .declutter_model import (
    UNIT_FEATURES,
    WORD_BUCKETS,
    FilterModel,
    Tree,
    WordsModel,
    word_features,
)

_TOKEN = re.compile(r"\w+")
_SHINGLE = 4
_FOLDS = 5
_INNER_FOLDS = 4
#: Thresholds tried (0: the rules alone).
_GRID = (0.0, 0.02, 0.05, 0.08, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6)
#: A threshold may cost at most this share of the training folds' kept ``with`` snippets.
_KEPT_SLACK = 0.005
TYPES = ("article", "forum", "product", "collection", "listing", "documentation", "service")


def tokens(text: str) -> list[str]:
    """Lower-cased ``\\w+`` tokens (the WCXB tokenisation)."""
    return _TOKEN.findall(text.lower())


def host_of(url: str | None) -> str:
    """The page's host name without ``www.`` (the unit the folds are grouped by)."""
    host = (urlsplit(url or "").hostname or "").lower()
    return host.removeprefix("www.")


def grouped_folds(hosts: Sequence[str], k: int) -> list[int]:
    """Fold of each page: hosts dealt to the currently smallest fold, largest hosts first."""
    sizes = [0] * k
    fold_of: dict[str, int] = {}
    for host, count in sorted(Counter(hosts).items(), key=lambda kv: (-kv[1], kv[0])):
        fold = sizes.index(min(sizes))
        fold_of[host] = fold
        sizes[fold] += count
    return [fold_of[h] for h in hosts]


def label_blocks(texts: Sequence[str], entry: dict[str, Any]) -> list[int]:
    """1 (content) for a block when half of its 4-word shingles are in the truth (a block of
    fewer words: when it is, or sits in, a short line of it); a ``without`` snippet makes it
    boilerplate, a ``with`` snippet content."""
    truth = entry.get("articleBody") or ""
    words = tokens(truth)
    shingles = {tuple(words[i : i + _SHINGLE]) for i in range(len(words) - _SHINGLE + 1)}
    lines = [" ".join(tokens(line)) for line in truth.split("\n") if line.strip()]
    short = [line for line in lines if len(line) <= 200]
    withs = [" ".join(tokens(s)) for s in entry.get("with") or []]
    withouts = [" ".join(tokens(s)) for s in entry.get("without") or [] if len(tokens(s)) >= 3]
    labels = []
    for text in texts:
        own = tokens(text)
        joined = " ".join(own)
        if len(own) < _SHINGLE:
            hit = bool(own) and (
                joined in lines
                or any(f" {joined} " in f" {x} " and len(x) <= 2 * len(joined) + 20 for x in short)
            )
            label = int(hit)
        else:
            grams = [tuple(own[i : i + _SHINGLE]) for i in range(len(own) - _SHINGLE + 1)]
            label = int(sum(g in shingles for g in grams) >= 0.5 * len(grams))
        if any(s and s in joined for s in withouts):
            label = 0
        elif any(s and s in joined for s in withs):
            label = 1
        labels.append(label)
    return labels


@dataclass(frozen=True)
class PageScore:
    """One page's scores: word F1 (WCXB's), shingle precision and recall, whether a
    ``without`` snippet leaks, and how many of its ``with`` snippets are kept."""

    word_f1: float
    precision: float
    recall: float
    leaking: bool
    kept: int
    withs: int


def score_page(text: str, entry: dict[str, Any]) -> PageScore:
    """The scores of ``text`` as a page's output against its ground truth ``entry`` (a
    snippet is found when its tokens' string occurs in the output's, as WCXB checks it)."""
    ours = tokens(text)
    words, grams = _counts(ours)
    true_words, true_grams = _truth_counts(entry.get("articleBody") or "")
    shared = sum((words & true_words).values())
    if not true_words or not words or not shared:
        f1 = float(not true_words and not words)
    else:
        p, r = shared / len(ours), shared / true_words.total()
        f1 = 2 * p * r / (p + r)
    if not grams or not true_grams:
        precision = recall = float(not grams and not true_grams)
    else:
        common = sum((grams & true_grams).values())
        precision, recall = common / grams.total(), common / true_grams.total()
    joined = " ".join(ours)
    withouts = [s for s in entry.get("without") or [] if len(tokens(s)) >= 3]
    withs = entry.get("with") or []
    return PageScore(
        word_f1=f1,
        precision=precision,
        recall=recall,
        leaking=any(" ".join(tokens(s)) in joined for s in withouts),
        kept=sum(bool(tokens(s)) and " ".join(tokens(s)) in joined for s in withs),
        withs=len(withs),
    )


def _counts(words: Sequence[str]) -> tuple[Counter[str], Counter[tuple[str, ...]]]:
    grams = (tuple(words[i : i + _SHINGLE]) for i in range(len(words) - _SHINGLE + 1))
    return Counter(words), Counter(grams)


@functools.lru_cache(maxsize=4096)
def _truth_counts(truth: str) -> tuple[Counter[str], Counter[tuple[str, ...]]]:
    """Word and shingle counts of a ground truth (pages are scored many times)."""
    return _counts(tokens(truth))


def summarise(scores: Sequence[PageScore]) -> dict[str, float]:
    """Word F1 (mean per page), shingle F1 (of the mean precision and recall), the share of
    pages leaking and the share of ``with`` snippets kept."""
    n = max(1, len(scores))
    p = sum(s.precision for s in scores) / n
    r = sum(s.recall for s in scores) / n
    return {
        "pages": float(len(scores)),
        "word_f1": sum(s.word_f1 for s in scores) / n,
        "shingle_f1": 2 * p * r / (p + r) if p + r else 0.0,
        "leaking": sum(s.leaking for s in scores) / n,
        "kept": sum(s.kept for s in scores) / max(1, sum(s.withs for s in scores)),
    }


def build_pages(data: Path, cache: Path | None) -> list[dict[str, Any]]:
    """The rules' output, its blocks' rows and labels for every page (read from ``cache``
    when it was built with today's features)."""
    if cache and cache.exists():
        stored = pickle.loads(cache.read_bytes())
        if stored["features"] == list(UNIT_FEATURES):
            return list(stored["pages"])
    from .block_features import page_candidates
    from .declutter_model import unit_rows
    from .decoding import decode_html
    from .errors import ReaderError
    from .extraction import extract_article
    from .segment import page_root

    truth = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    start = time.perf_counter()
    for n, (page_id, entry) in enumerate(sorted(truth.items())):
        html = decode_html(gzip.decompress((data / "html" / f"{page_id}.html.gz").read_bytes()))
        try:
            article = extract_article(html, entry.get("url"))
            root = page_root(html)
        except ReaderError:
            blocks: tuple[Any, ...] = ()
            units: list[tuple[int, list[float]]] = []
        else:
            blocks = article.blocks
            candidates, rows = page_candidates(
                root, title=article.title, author=article.byline or ""
            )
            units = unit_rows(blocks, candidates, rows)
        texts = [b.text for b in blocks]
        words_units = [j for j, b in enumerate(blocks) if b.kind != "image" and b.text]
        pages.append(
            {
                "id": page_id,
                "host": host_of(entry.get("url")),
                "type": entry.get("page_type") or "article",
                "texts": texts,
                "units": units,
                "labels": label_blocks([texts[j] for j, _ in units], entry),
                "weights": [1.0 + min(len(tokens(texts[j])), 200) ** 0.5 / 2 for j, _ in units],
                "word_units": words_units,
                "word_labels": label_blocks([texts[j] for j in words_units], entry),
                "truth": {k: entry.get(k) for k in ("articleBody", "with", "without")},
            }
        )
        if n % 100 == 99:
            print(f"  {n + 1} pages read ({time.perf_counter() - start:.0f} s)", flush=True)
    if cache:
        cache.write_bytes(pickle.dumps({"features": list(UNIT_FEATURES), "pages": pages}))
    return pages


#: The two filters: boosted trees over page features, logistic regression over words.
KINDS = ("trees", "words")


def for_kind(pages: Sequence[dict[str, Any]], kind: str) -> list[dict[str, Any]]:
    """The pages with what the ``kind`` of filter judges: ``index`` (blocks of the rules'
    output), ``x`` (their rows or texts), ``labels`` and ``weights``."""
    out = []
    for page in pages:
        if kind == "trees":
            index = [j for j, _ in page["units"]]
            x: list[Any] = [row for _, row in page["units"]]
            labels = page["labels"]
        else:
            index = page["word_units"]
            x = [page["texts"][j] for j in index]
            labels = page["word_labels"]
        weights = [1.0 + min(len(tokens(page["texts"][j])), 200) ** 0.5 / 2 for j in index]
        out.append({**page, "index": index, "x": x, "labels": labels, "weights": weights})
    return out


def _matrix(x: Sequence[Any], kind: str) -> Any:
    if kind == "trees":
        return x
    from scipy.sparse import csr_matrix

    rows, columns, values = [], [], []
    for i, text in enumerate(x):
        for bucket, value in word_features(text).items():
            rows.append(i)
            columns.append(bucket)
            values.append(value)
    return csr_matrix((values, (rows, columns)), shape=(len(x), WORD_BUCKETS))


def _fit(pages: Sequence[dict[str, Any]], kind: str) -> Any:
    from sklearn.ensemble import HistGradientBoostingClassifier
    from sklearn.linear_model import LogisticRegression

    model: Any
    if kind == "trees":
        model = HistGradientBoostingClassifier(
            max_iter=150,
            learning_rate=0.1,
            max_leaf_nodes=15,
            min_samples_leaf=20,
            l2_regularization=1.0,
            random_state=0,
        )
    else:
        model = LogisticRegression(C=1.0, max_iter=1000)
    model.fit(
        _matrix([x for p in pages for x in p["x"]], kind),
        [y for p in pages for y in p["labels"]],
        sample_weight=[w for p in pages for w in p["weights"]],
    )
    return model


def _probabilities(
    classifier: Any, pages: Sequence[dict[str, Any]], kind: str
) -> list[list[float]]:
    return [
        [float(x) for x in classifier.predict_proba(_matrix(p["x"], kind))[:, 1]] if p["x"] else []
        for p in pages
    ]


def filtered_text(page: dict[str, Any], probabilities: Sequence[float], threshold: float) -> str:
    """The page's rule output without the blocks (``index``) scored below ``threshold``."""
    drop = {j for j, p in zip(page["index"], probabilities, strict=True) if p < threshold}
    return "\n\n".join(t for j, t in enumerate(page["texts"]) if t and j not in drop)


def choose_threshold(pages: Sequence[dict[str, Any]], probabilities: list[list[float]]) -> float:
    """Of the thresholds whose word F1 on ``pages`` is no lower than the rules' alone and
    that keep their ``with`` snippets (within :data:`_KEPT_SLACK`), the one with the fewest
    leaking pages (the lowest on a tie; 0 keeps the rules' output)."""
    results = {}
    for t in _GRID:
        scores = [
            score_page(filtered_text(p, probs, t), p["truth"])
            for p, probs in zip(pages, probabilities, strict=True)
        ]
        results[t] = summarise(scores)
    rules = results[0.0]
    allowed = [
        t
        for t, r in results.items()
        if r["word_f1"] >= rules["word_f1"] and r["kept"] >= rules["kept"] - _KEPT_SLACK
    ]
    return min(allowed, key=lambda t: (results[t]["leaking"], t))


def _out_of_fold(pages: Sequence[dict[str, Any]], kind: str) -> list[list[float]]:
    """Probabilities for ``pages`` from models that did not see their hosts."""
    folds = grouped_folds([p["host"] for p in pages], _INNER_FOLDS)
    out: list[list[float]] = [[] for _ in pages]
    for k in range(_INNER_FOLDS):
        held = [i for i, f in enumerate(folds) if f == k]
        model = _fit([p for p, f in zip(pages, folds, strict=True) if f != k], kind)
        probabilities = _probabilities(model, [pages[i] for i in held], kind)
        for i, probs in zip(held, probabilities, strict=True):
            out[i] = probs
    return out


def export(classifier: Any, threshold: float, kind: str) -> FilterModel | WordsModel:
    """The fitted scikit-learn model for plain-Python inference."""
    if kind == "words":
        coef = classifier.coef_[0]
        weights = {int(b): float(coef[b]) for b in coef.nonzero()[0]}
        return WordsModel(float(classifier.intercept_[0]), weights, threshold)
    trees = []
    for (predictor,) in classifier._predictors:
        nodes = predictor.nodes
        trees.append(
            Tree(
                feature=tuple(-1 if n["is_leaf"] else int(n["feature_idx"]) for n in nodes),
                value=tuple(
                    float(n["value"] if n["is_leaf"] else n["num_threshold"]) for n in nodes
                ),
                left=tuple(int(n["left"]) for n in nodes),
                right=tuple(int(n["right"]) for n in nodes),
            )
        )
    base = float(classifier._baseline_prediction.ravel()[0])
    return FilterModel(base=base, trees=tuple(trees), threshold=threshold)


def cross_validate(pages: list[dict[str, Any]], kind: str, folds_dir: Path | None) -> None:
    """Print held-out figures per page type for the rules alone and with the filter."""
    folds = grouped_folds([p["host"] for p in pages], _FOLDS)
    if folds_dir:
        folds_dir.mkdir(parents=True, exist_ok=True)
        assignment = {p["id"]: f for p, f in zip(pages, folds, strict=True)}
        (folds_dir / "folds.json").write_text(json.dumps(assignment), encoding="utf-8")
    results: dict[str, dict[str, list[PageScore]]] = defaultdict(lambda: defaultdict(list))
    for k in range(_FOLDS):
        train = [p for p, f in zip(pages, folds, strict=True) if f != k]
        held = [p for p, f in zip(pages, folds, strict=True) if f == k]
        threshold = choose_threshold(train, _out_of_fold(train, kind))
        classifier = _fit(train, kind)
        for page, probs in zip(held, _probabilities(classifier, held, kind), strict=True):
            for name, t in (("rules", 0.0), ("rules + filter", threshold)):
                score = score_page(filtered_text(page, probs, t), page["truth"])
                results[name][page["type"]].append(score)
                results[name]["all"].append(score)
        if folds_dir:
            model = export(classifier, threshold, kind)
            (folds_dir / f"fold{k}.json").write_text(json.dumps(model.to_json()), "utf-8")
        print(f"fold {k}: {len(held)} held-out pages, threshold {threshold:.2f}", flush=True)
    for name, groups in results.items():
        print(f"\n{name} (domain-held-out folds)")
        for kind in (*TYPES, "all"):
            s = summarise(groups[kind])
            print(
                f"  {kind:<14} {int(s['pages']):>5} word F1 {s['word_f1']:.3f}  shingle F1 "
                f"{s['shingle_f1']:.3f}  leaking {s['leaking']:6.1%}  kept {s['kept']:6.1%}"
            )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="WCXB-style dataset folder")
    parser.add_argument("--cache", type=Path, help="keep the pages' rows in this file")
    parser.add_argument("--folds-dir", type=Path, help="write each fold's model and folds.json")
    parser.add_argument("--output", type=Path, help="write a model trained on every page here")
    parser.add_argument("--kind", choices=KINDS, default="words", help="which filter")
    args = parser.parse_args(argv)
    warnings.simplefilter("ignore")
    logging.disable(logging.CRITICAL)
    from threadpoolctl import threadpool_limits

    with threadpool_limits(1):
        pages = for_kind(build_pages(args.data, args.cache), args.kind)
        print(f"{len(pages)} pages, {sum(len(p['x']) for p in pages)} blocks judged")
        cross_validate(pages, args.kind, args.folds_dir)
        if args.output:
            threshold = choose_threshold(pages, _out_of_fold(pages, args.kind))
            model = export(_fit(pages, args.kind), threshold, args.kind)
            args.output.parent.mkdir(parents=True, exist_ok=True)
            args.output.write_text(json.dumps(model.to_json(), separators=(",", ":")), "utf-8")
            print(f"model: threshold {threshold:.2f} -> {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
