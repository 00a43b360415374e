"""Extraction speed: Reader's extract_article vs plain trafilatura.extract, in one process.

Usage: python benchmarks/extraction_speed.py DATASET_DIR [--page-type article] [--limit N]
       [--rounds R] [--min-mb M]

Each page is decoded once; then both extractors run on it alternately (``rounds`` times each,
order swapped every round) and the median milliseconds per page and their ratio are printed.
``--min-mb 1 --page-type all`` measures the large pages (1 MB and more) of every type.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import statistics
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path

from extraction_quality import html_text, load_pages


def _ours(html: str, url: str | None) -> None:
    from reader_app.core import ReaderError, extract_article

    with contextlib.suppress(ReaderError):
        extract_article(html, url)


def _trafilatura(html: str, url: str | None) -> None:
    import trafilatura

    trafilatura.extract(html, url=url)


def _timed(fn: Callable[[str, str | None], None], html: str, url: str | None) -> float:
    start = time.perf_counter()
    fn(html, url)
    return (time.perf_counter() - start) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dataset", type=Path)
    parser.add_argument("--page-type", default="article", help="'all' for every page type")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--min-mb", type=float, default=0.0, help="only pages this large")
    args = parser.parse_args()
    warnings.simplefilter("ignore")
    logging.disable(logging.CRITICAL)
    page_type = None if args.page_type == "all" else args.page_type
    pages = load_pages(args.dataset, page_type, None if args.min_mb else args.limit)
    pages = [p for p in pages if len(p["bytes"]) >= args.min_mb * 1e6][: args.limit]
    htmls = [(html_text(p["bytes"]), p.get("url")) for p in pages]
    for html, url in htmls[:3]:  # warm up imports and caches
        _ours(html, url)
        _trafilatura(html, url)
    ours: list[float] = []
    theirs: list[float] = []
    for round_no in range(args.rounds):
        for n, (html, url) in enumerate(htmls):
            if (n + round_no) % 2:
                theirs.append(_timed(_trafilatura, html, url))
                ours.append(_timed(_ours, html, url))
            else:
                ours.append(_timed(_ours, html, url))
                theirs.append(_timed(_trafilatura, html, url))
    ours_ms, theirs_ms = statistics.median(ours), statistics.median(theirs)
    large = f", {args.min_mb:g} MB or more" if args.min_mb else ""
    print(f"{len(htmls)} pages ({args.page_type}{large}) from {args.dataset.name}, "
          f"{args.rounds} round(s)")
    print(f"{'system':<14} {'median ms/page':>15} {'total s':>8}")
    print(f"{'reader':<14} {ours_ms:>15.1f} {sum(ours) / 1000:>8.1f}")
    print(f"{'trafilatura':<14} {theirs_ms:>15.1f} {sum(theirs) / 1000:>8.1f}")
    print(f"ratio reader/trafilatura (median): {ours_ms / theirs_ms:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
