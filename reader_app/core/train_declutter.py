"""Train the content/boilerplate model on a WCXB-style dataset, judged by 5-fold
cross-validation grouped by host name.

    python -m reader_app.core.train_declutter --data DIR [--folds-dir OUT] [--cache FILE]

DIR holds ``ground-truth.json`` and ``html/<id>.html.gz``. Each page's candidate blocks are
labelled by aligning them with the page's ``articleBody`` and its ``with``/``without``
snippets. For each held-out fold the threshold is chosen on the training folds only (by an
inner grouped cross-validation); the folds' models are written to ``--folds-dir`` for
``benchmarks/extraction_cv.py``, which scores them with the real pipeline on their held-out
pages. The shipped model is then trained on every page. Needs the ``train`` extra
(scikit-learn); the shipped model is evaluated without it.
"""

from __future__ import annotations

import argparse
import gzip
import json
import logging
import pickle
import re
import sys
import time
import warnings
from collections import Counter
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .block_features import FEATURE_NAMES
from .declutter_model import DeclutterModel, Tree

_TOKEN = re.compile(r"\w+")
_SHINGLE = 4
_FOLDS = 5
SHIPPED = Path(__file__).parent / "data" / "declutter_model.json"

_CUES = (
    "clutter_score", "furniture", "furniture_line", "meta_line", "calls", "vocabulary",
    "imperative", "you", "we", "narrative", "bio", "publisher", "credits", "byline",
    "reference", "fine_print", "link_list", "bare_url",
)  # fmt: skip
#: Feature groups whose worth is judged by leaving them out: the hand-written text cues,
#: the DOM cues and whether trafilatura kept the block.
ABLATIONS = {
    "text-cues": (*_CUES, *(f"{n}_clutter_score" for n in ("prev", "next", "prev2", "next2"))),
    "dom-cues": ("pruned", "near_controls"),
    "trafilatura": ("trafilatura_kept",),
}


def tokens(text: str) -> list[str]:
    """Lower-cased ``\\w+`` tokens (the WCXB tokenisation)."""
    return _TOKEN.findall(text.lower())


def host_of(url: str | None) -> str:
    """The page's host name without ``www.`` (the unit the folds are grouped by)."""
    host = (urlsplit(url or "").hostname or "").lower()
    return host.removeprefix("www.")


def _label_page(texts: list[str], entry: dict[str, Any]) -> tuple[list[int], list[float]]:
    """Each block's label (1 = content) and the share of its words found in the truth."""
    truth = entry.get("articleBody") or ""
    true_tokens = tokens(truth)
    true_shingles = {
        tuple(true_tokens[i : i + _SHINGLE]) for i in range(len(true_tokens) - _SHINGLE + 1)
    }
    lines = [" ".join(tokens(line)) for line in truth.split("\n") if line.strip()]
    line_set = set(lines)
    short_lines = [line for line in lines if len(line) <= 200]
    withs = [" ".join(tokens(s)) for s in entry.get("with") or []]
    withouts = [" ".join(tokens(s)) for s in entry.get("without") or [] if len(tokens(s)) >= 3]
    labels, shares = [], []
    for text in texts:
        words = tokens(text)
        joined = " ".join(words)
        if not words:
            share = 0.0
        elif len(words) < _SHINGLE:
            hit = joined in line_set or any(
                f" {joined} " in f" {line} " and len(line) <= 2 * len(joined) + 20
                for line in short_lines
            )
            share = 1.0 if hit else 0.0
        else:
            grams = [tuple(words[i : i + _SHINGLE]) for i in range(len(words) - _SHINGLE + 1)]
            share = sum(g in true_shingles for g in grams) / len(grams)
        label = int(share >= 0.5)
        if any(s and s in joined for s in withouts):
            label = 0
        elif any(s and s in joined for s in withs):
            label = 1
        labels.append(label)
        shares.append(share)
    return labels, shares


def build_pages(data: Path, cache: Path | None) -> list[dict[str, Any]]:
    """Candidate blocks, features and labels of every page (read from ``cache`` if it
    was built with today's features)."""
    if cache and cache.exists():
        stored = pickle.loads(cache.read_bytes())
        if stored["features"] == list(FEATURE_NAMES):
            return list(stored["pages"])
    from .decoding import decode_html
    from .errors import ReaderError
    from .extraction import page_candidates

    truth = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    start = time.perf_counter()
    for n, (page_id, entry) in enumerate(sorted(truth.items())):
        html = decode_html(gzip.decompress((data / "html" / f"{page_id}.html.gz").read_bytes()))
        try:
            page = page_candidates(html, entry.get("url"))
            pairs = [
                (c.draft.block.text, list(row))
                for c, row in zip(page.candidates, page.features, strict=True)
                if c.draft.block.kind != "image"
            ]
        except ReaderError:
            pairs = []
        texts = [text for text, _ in pairs]
        rows = [row for _, row in pairs]
        labels, shares = _label_page(texts, entry)
        pages.append(
            {
                "id": page_id,
                "host": host_of(entry.get("url")),
                "type": entry.get("page_type") or "article",
                "rows": rows,
                "labels": labels,
                "words": [len(tokens(t)) for t in texts],
                "shares": shares,
                "true_words": len(tokens(entry.get("articleBody") or "")),
            }
        )
        if n % 100 == 99:
            print(f"  {n + 1} pages read ({time.perf_counter() - start:.0f} s)", flush=True)
    if cache:
        cache.write_bytes(pickle.dumps({"features": list(FEATURE_NAMES), "pages": pages}))
    return pages


def grouped_folds(pages: list[dict[str, Any]], k: int) -> list[int]:
    """Fold of each page: hosts dealt to the currently smallest fold, largest hosts first."""
    hosts = Counter(p["host"] for p in pages)
    sizes = [0] * k
    fold_of: dict[str, int] = {}
    for host, count in sorted(hosts.items(), key=lambda kv: (-kv[1], kv[0])):
        fold = sizes.index(min(sizes))
        fold_of[host] = fold
        sizes[fold] += count
    return [fold_of[p["host"]] for p in pages]


def _fit(pages: list[dict[str, Any]]) -> Any:
    from sklearn.ensemble import HistGradientBoostingClassifier

    rows = [r for p in pages for r in p["rows"]]
    labels = [y for p in pages for y in p["labels"]]
    weights = [1.0 + min(w, 200) ** 0.5 / 2 for p in pages for w in p["words"]]
    model = HistGradientBoostingClassifier(
        max_iter=150,
        learning_rate=0.1,
        max_leaf_nodes=15,
        min_samples_leaf=20,
        l2_regularization=1.0,
        random_state=0,
    )
    model.fit(rows, labels, sample_weight=weights)
    return model


def _export(classifier: Any, threshold: float) -> DeclutterModel:
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
    return DeclutterModel(base=base, trees=tuple(trees), threshold=threshold)


def _probabilities(classifier: Any, pages: list[dict[str, Any]]) -> list[list[float]]:
    out = []
    for page in pages:
        out.append(list(classifier.predict_proba(page["rows"])[:, 1]) if page["rows"] else [])
    return out


def page_word_f1(page: dict[str, Any], keep: list[bool]) -> float:
    """Word F1 of a page as the blocks' aligned shares estimate it (for thresholds)."""
    predicted = float(sum(w for w, k in zip(page["words"], keep, strict=True) if k))
    shared = float(
        sum(w * s for w, s, k in zip(page["words"], page["shares"], keep, strict=True) if k)
    )
    truth = float(page["true_words"])
    if not truth:
        return 1.0 if not predicted else 0.0
    if not predicted or not shared:
        return 0.0
    precision, recall = shared / predicted, min(1.0, shared / truth)
    return 2 * precision * recall / (precision + recall)


def best_threshold(pages: list[dict[str, Any]], probabilities: list[list[float]]) -> float:
    """The threshold with the best mean estimated word F1 over ``pages``."""
    grid = [t / 100 for t in range(5, 91, 5)]
    pairs = list(zip(pages, probabilities, strict=True))
    scores = [sum(page_word_f1(p, [x >= t for x in probs]) for p, probs in pairs) for t in grid]
    return grid[scores.index(max(scores))]


def _threshold_by_inner_folds(pages: list[dict[str, Any]]) -> float:
    """The threshold that works best on hosts held out of a model trained on the others
    (one grouped split of ``pages``: a third held out)."""
    folds = grouped_folds(pages, 3)
    train = [p for p, f in zip(pages, folds, strict=True) if f]
    held = [p for p, f in zip(pages, folds, strict=True) if not f]
    return best_threshold(held, _probabilities(_fit(train), held))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="WCXB-style dataset folder")
    parser.add_argument("--folds-dir", type=Path, help="write each fold's model and folds.json")
    parser.add_argument("--cache", type=Path, help="keep parsed features in this file")
    parser.add_argument("--output", type=Path, default=SHIPPED, help="where the model goes")
    parser.add_argument("--no-cv", action="store_true", help="only train the shipped model")
    parser.add_argument(
        "--without",
        choices=sorted(ABLATIONS),
        help="judge the model without a group of features (cross-validation only)",
    )
    args = parser.parse_args(argv)
    warnings.simplefilter("ignore")
    logging.disable(logging.CRITICAL)
    pages = build_pages(args.data, args.cache)
    print(f"{len(pages)} pages, {sum(len(p['rows']) for p in pages)} blocks")
    if args.without:
        columns = [FEATURE_NAMES.index(name) for name in ABLATIONS[args.without]]
        for page in pages:
            for row in page["rows"]:
                for column in columns:
                    row[column] = 0.0
    if not args.no_cv:
        folds = grouped_folds(pages, _FOLDS)
        if args.folds_dir:
            args.folds_dir.mkdir(parents=True, exist_ok=True)
            assignment = {p["id"]: f for p, f in zip(pages, folds, strict=True)}
            (args.folds_dir / "folds.json").write_text(json.dumps(assignment), encoding="utf-8")
        estimated: dict[str, list[float]] = {}
        for k in range(_FOLDS):
            train = [p for p, f in zip(pages, folds, strict=True) if f != k]
            held = [p for p, f in zip(pages, folds, strict=True) if f == k]
            threshold = _threshold_by_inner_folds(train)
            classifier = _fit(train)
            for page, probs in zip(held, _probabilities(classifier, held), strict=True):
                keep = [x >= threshold for x in probs]
                estimated.setdefault(page["type"], []).append(page_word_f1(page, keep))
            if args.folds_dir:
                model = _export(classifier, threshold)
                path = args.folds_dir / f"fold{k}.json"
                path.write_text(json.dumps(model.to_json()), encoding="utf-8")
            print(f"fold {k}: {len(held)} held-out pages, threshold {threshold:.2f}", flush=True)
        for kind, values in sorted(estimated.items()):
            print(f"  {kind:<14} estimated word F1 {sum(values) / len(values):.3f} ({len(values)})")
        if args.without:
            return 0
    threshold = _threshold_by_inner_folds(pages)
    classifier = _fit(pages)
    model = _export(classifier, threshold)
    check = pages[0]["rows"][:5] or [[0.0] * len(FEATURE_NAMES)]
    expected = list(classifier.predict_proba(check)[:, 1])
    assert all(abs(a - b) < 1e-4 for a, b in zip(model.probabilities(check), expected, strict=True))
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(model.to_json(), separators=(",", ":")), encoding="utf-8")
    print(f"model: {len(model.trees)} trees, threshold {threshold:.2f} -> {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
