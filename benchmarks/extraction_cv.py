"""Extraction quality per page type from domain-held-out folds: every page is extracted by
Reader's real pipeline with the model of the fold that held its host out.

Usage: python benchmarks/extraction_cv.py DATASET_DIR --folds FOLDS_DIR
       [--systems reader,trafilatura] [--dump FILE]

FOLDS_DIR is what ``python -m reader_app.core.train_declutter --data DATASET_DIR --folds-dir
FOLDS_DIR`` wrote (``folds.json`` and ``fold<k>.json``). Without ``--folds`` Reader runs as
installed (the shipped model, or an older checkout's rules when that is on PYTHONPATH).

Scores per page type: word F1 (WCXB's metric: per-page bag-of-words F1 over lower-cased
``\\w+`` tokens, averaged over pages), shingle F1 (4-token shingles, F1 of the averaged
precision and recall), leaking (pages whose output holds a ``without`` snippet of 3+ words),
kept (share of ``with`` snippets found); for Reader also the accuracy of title, byline and
date against the ground truth's ``title``, ``author`` and ``publish_date``.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import warnings
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from extraction_quality import contains, html_text, load_pages, precision_recall, tokens

TYPES = ("article", "forum", "product", "collection", "listing", "documentation", "service")


def word_f1(predicted: str, truth: str) -> float:
    """WCXB's word F1 of one page."""
    pred, true = Counter(tokens(predicted)), Counter(tokens(truth))
    if not true:
        return 1.0 if not pred else 0.0
    if not pred:
        return 0.0
    shared = sum((pred & true).values())
    if not shared:
        return 0.0
    p, r = shared / sum(pred.values()), shared / sum(true.values())
    return 2 * p * r / (p + r)


def same_title(ours: str | None, truth: str) -> bool:
    """Titles agree when their words agree, or one holds the other's words and 80 % of its
    own (a site name added to the title)."""
    a, b = tokens(ours or ""), tokens(truth)
    if a == b:
        return True
    shorter, longer = sorted((a, b), key=len)
    return bool(shorter) and " ".join(shorter) in " ".join(longer) and (
        len(shorter) >= 0.8 * len(longer)
    )


def same_author(ours: str | None, truth: str) -> bool:
    """Bylines agree when they name the same words (order, case and "By" aside)."""
    a = set(tokens(ours or "")) - {"by"}
    b = set(tokens(truth)) - {"by"}
    return a == b


def _reader(models: dict[str, Any] | None, folds: dict[str, int]):
    from reader_app.core import ExtractOptions, ReaderError, extract_article
    from reader_app.core.model import BLOCK_SEPARATOR

    def run(html: str, page: dict[str, Any]) -> tuple[str, dict[str, str | None]]:
        options = ExtractOptions()
        if models is not None:
            options = ExtractOptions(model=models[str(folds[page["id"]])])
        try:
            article = extract_article(html, page.get("url"), options)
        except ReaderError:
            return "", {"title": None, "author": None, "date": None}
        body = BLOCK_SEPARATOR.join(b.text for b in article.blocks if b.text)
        return body, {"title": article.title, "author": article.byline, "date": article.date}

    return run


def _trafilatura(html: str, page: dict[str, Any]) -> tuple[str, dict[str, str | None]]:
    import trafilatura

    return trafilatura.extract(html, url=page.get("url")) or "", {}


def report(name: str, outputs: list[tuple[str, dict]], pages: list[dict[str, Any]]) -> None:
    groups: dict[str, list[int]] = defaultdict(list)
    for i, page in enumerate(pages):
        groups[page["page_type"]].append(i)
        groups["all"].append(i)
    print(f"\n{name}")
    header = f"{'type':<14} {'pages':>5} {'word F1':>8} {'shingle F1':>10} {'leaking':>8}"
    print(f"  {header} {'kept':>6}")
    for kind in (*TYPES, "all"):
        idx = groups.get(kind)
        if not idx:
            continue
        f1s, ps, rs, leaking, kept, withs = [], [], [], 0, 0, 0
        for i in idx:
            text, truth = outputs[i][0], pages[i].get("articleBody") or ""
            f1s.append(word_f1(text, truth))
            p, r = precision_recall(text, truth)
            ps.append(p)
            rs.append(r)
            snippets = [s for s in pages[i].get("without") or [] if len(tokens(s)) >= 3]
            leaking += any(contains(text, s) for s in snippets)
            for snippet in pages[i].get("with") or []:
                withs += 1
                kept += contains(text, snippet)
        p, r = sum(ps) / len(ps), sum(rs) / len(rs)
        shingle = 2 * p * r / (p + r) if p + r else 0.0
        print(
            f"  {kind:<14} {len(idx):>5} {sum(f1s) / len(f1s):>8.3f} {shingle:>10.3f} "
            f"{leaking / len(idx):>8.1%} {kept / max(1, withs):>6.1%}"
        )
    if not outputs[0][1]:
        return
    checks = {"title": same_title, "author": same_author, "date": lambda a, b: a == b[:10]}
    fields = {"title": "title", "author": "author", "date": "publish_date"}
    for field, check in checks.items():
        truthful = [i for i in range(len(pages)) if pages[i].get(fields[field])]
        right = sum(check(outputs[i][1].get(field), pages[i][fields[field]]) for i in truthful)
        empty = [i for i in range(len(pages)) if not pages[i].get(fields[field])]
        spurious = sum(bool(outputs[i][1].get(field)) for i in empty)
        print(
            f"  {field:<7} right on {right / max(1, len(truthful)):.1%} of {len(truthful)} pages "
            f"that have one; given on {spurious} of {len(empty)} pages that have none"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dataset", type=Path)
    parser.add_argument("--folds", type=Path, help="folder of the folds' models")
    parser.add_argument("--systems", default="reader,trafilatura")
    parser.add_argument("--page-type", default="all")
    parser.add_argument("--dump", type=Path, help="write each system's outputs as JSON here")
    parser.add_argument(
        "--no-override", action="store_true", help="leave calls to action to the model alone"
    )
    args = parser.parse_args()
    if args.no_override:
        from reader_app.core import declutter_model

        declutter_model.CLUTTER_OVERRIDE = None
    warnings.simplefilter("ignore")
    logging.disable(logging.CRITICAL)
    page_type = None if args.page_type == "all" else args.page_type
    pages = load_pages(args.dataset, page_type, None)
    htmls = [html_text(p["bytes"]) for p in pages]
    models = folds = None
    if args.folds:
        from reader_app.core.declutter_model import load_model

        folds = json.loads((args.folds / "folds.json").read_text(encoding="utf-8"))
        models = {str(k): load_model(args.folds / f"fold{k}.json") for k in set(folds.values())}
    print(f"{len(pages)} pages ({args.page_type}) from {args.dataset.name}")
    dumps = {}
    for name in args.systems.split(","):
        run = _reader(models, folds or {}) if name == "reader" else _trafilatura
        outputs = [run(html, page) for html, page in zip(htmls, pages, strict=True)]
        dumps[name] = {p["id"]: out for p, out in zip(pages, outputs, strict=True)}
        label = f"{name} (domain-held-out folds)" if name == "reader" and models else name
        report(label, outputs, pages)
    if args.dump:
        args.dump.write_text(json.dumps(dumps), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
