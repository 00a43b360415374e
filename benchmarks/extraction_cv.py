"""Extraction quality per page type from domain-held-out folds, and speed, in one run: every
page is extracted by Reader's rule-based pipeline, by the same with the learned declutter
filter of the fold that held its host out, and by plain trafilatura.

Usage: python benchmarks/extraction_cv.py DATASET_DIR --folds FOLDS_DIR [--page-type TYPE]
       [--limit N]

FOLDS_DIR is what ``python -m reader_app.core.train_declutter --data DATASET_DIR
--folds-dir FOLDS_DIR`` wrote (``folds.json`` and ``fold<k>.json``). Scores per page type:
word F1 (WCXB's metric: per-page bag-of-words F1 over lower-cased ``\\w+`` tokens, averaged
over pages), shingle F1 (4-token shingles, F1 of the averaged precision and recall), leaking
(pages whose output holds a ``without`` snippet of 3+ words), kept (share of ``with``
snippets found). Speed: median time per page of each system against plain trafilatura's,
all three run one after the other on each page.
"""

from __future__ import annotations

import argparse
import json
import logging
import statistics
import sys
import time
import warnings
from collections import defaultdict
from pathlib import Path

from extraction_quality import html_text, load_pages

from reader_app.core import ReaderError, extract_article
from reader_app.core.block_features import page_candidates
from reader_app.core.declutter_model import (
    FilterModel,
    WordsModel,
    filter_keep,
    load_model,
    unit_rows,
    words_keep,
)
from reader_app.core.segment import page_root
from reader_app.core.train_declutter import TYPES, PageScore, score_page, summarise

SYSTEMS = ("rules", "rules + filter", "trafilatura")


def run_page(
    html: str, url: str | None, model: FilterModel | WordsModel
) -> tuple[list[str], list[float]]:
    """The three systems' texts of a page and their times in seconds (the filter's time
    includes the rules')."""
    import trafilatura

    start = time.perf_counter()
    try:
        article = extract_article(html, url)
    except ReaderError:
        article = None
    ruled = time.perf_counter()
    rules_text = filtered = ""
    if article is not None:
        rules_text = "\n\n".join(b.text for b in article.blocks if b.text)
        if isinstance(model, WordsModel):
            keep = words_keep(article.blocks, model)
        else:
            candidates, rows = page_candidates(
                page_root(html), title=article.title, author=article.byline or ""
            )
            keep = filter_keep(article.blocks, unit_rows(article.blocks, candidates, rows), model)
        filtered = "\n\n".join(
            b.text for b, k in zip(article.blocks, keep, strict=True) if k and b.text
        )
    done = time.perf_counter()
    plain = trafilatura.extract(html, url=url) or ""
    end = time.perf_counter()
    return [rules_text, filtered, plain], [ruled - start, done - start, end - done]


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("dataset", type=Path)
    parser.add_argument("--folds", type=Path, required=True, help="folder of the folds' models")
    parser.add_argument("--page-type", default="all")
    parser.add_argument("--limit", type=int)
    args = parser.parse_args()
    warnings.simplefilter("ignore")
    logging.disable(logging.CRITICAL)
    pages = load_pages(args.dataset, None if args.page_type == "all" else args.page_type, None)
    folds = json.loads((args.folds / "folds.json").read_text(encoding="utf-8"))
    models = {k: load_model(args.folds / f"fold{k}.json") for k in set(folds.values())}
    pages = pages[: args.limit] if args.limit else pages
    scores: dict[str, dict[str, list[PageScore]]] = defaultdict(lambda: defaultdict(list))
    times: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    for page in pages:
        texts, seconds = run_page(
            html_text(page["bytes"]), page.get("url"), models[folds[page["id"]]]
        )
        for name, text, took in zip(SYSTEMS, texts, seconds, strict=True):
            score = score_page(text, page)
            for group in (page["page_type"], "all"):
                scores[name][group].append(score)
                times[name][group].append(took)
    print(f"{len(pages)} pages ({args.page_type}) from {args.dataset.name}")
    for name in SYSTEMS:
        print(f"\n{name}")
        for kind in (*TYPES, "all"):
            if kind not in scores[name]:
                continue
            s = summarise(scores[name][kind])
            ratio = statistics.median(times[name][kind]) / statistics.median(
                times["trafilatura"][kind]
            )
            print(
                f"  {kind:<14} {int(s['pages']):>5} word F1 {s['word_f1']:.3f}  shingle F1 "
                f"{s['shingle_f1']:.3f}  leaking {s['leaking']:6.1%}  kept {s['kept']:6.1%}  "
                f"median time {ratio:.2f}x trafilatura"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
