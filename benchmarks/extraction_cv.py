"""Extraction quality per page type from host-held-out folds: Reader's rules alone, and with
the page-type router of the fold that held each page's host out.

Usage: python benchmarks/extraction_cv.py DATASET_DIR [--rows ROWS.json] [--limit N]

Every page is extracted by the rules and read as the page's own text once
(``reader_app.core.train_page_types.page_rows``; ``--rows`` keeps them between runs, the
same file as the training command's). Five folds by a stable hash of the host name; each
fold's router is trained on the other four, its threshold chosen there too. Scores per page
type: WCXB's word F1, shingle F1, leaking and kept (``reader_app.core.extraction_score``),
and the share of pages routed to their own text.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import warnings
from pathlib import Path

from reader_app.core.extraction_score import score
from reader_app.core.train_page_types import cached_rows, held_out_choices


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("dataset", type=Path)
    parser.add_argument("--rows", type=Path, help="the pages' signals and texts, kept here")
    parser.add_argument("--limit", type=int)
    args = parser.parse_args()
    warnings.simplefilter("ignore")
    logging.disable(logging.CRITICAL)
    rows = cached_rows(args.dataset, args.rows, args.limit)
    truth = json.loads((args.dataset / "ground-truth.json").read_text(encoding="utf-8"))
    chosen = held_out_choices(rows)
    print(f"{len(rows)} pages from {args.dataset.name}, 5 folds grouped by host")
    print(f"{'pages':<20} {'system':<8} {'word F1':>8} {'shingle F1':>11} {'leaking':>8} "
          f"{'kept':>6} {'routed':>7}")
    for kind in [*sorted({r.page_type for r in rows}), "all"]:
        group = [r for r in rows if kind in ("all", r.page_type)]
        truths = [truth[r.page_id] for r in group]
        routed = sum(chosen[r.page_id] for r in group) / len(group)
        for name, texts in (
            ("rules", [r.rules_text for r in group]),
            ("routed", [r.page_text if chosen[r.page_id] else r.rules_text for r in group]),
        ):
            s = score(texts, truths)
            share = f"{routed:7.1%}" if name == "routed" else ""
            print(f"{kind + f' ({len(group)})':<20} {name:<8} {s['word_f1']:>8.3f} "
                  f"{s['f1']:>11.3f} {s['leaking']:>8.1%} {s['kept']:>6.1%} {share}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
