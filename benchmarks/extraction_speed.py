"""Extraction speed: Reader's extract_article vs plain trafilatura.extract, in one process.

Usage: python benchmarks/extraction_speed.py DATASET_DIR [--page-type article] [--limit N]
       [--rounds R] [--min-bytes N] [--stress]

Each page is decoded once; then both extractors run on it alternately (``rounds`` times each,
order swapped every round) and the median milliseconds per page and their ratio are printed.
``--min-bytes`` keeps only pages at least that large (decoded). ``--stress`` also extracts,
each in a fresh process, a page of 1,000,000 sibling paragraphs (about 14 MB) and a 19 MB
page made of a real page's body repeated, and prints their time and peak memory.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import resource
import statistics
import subprocess
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
    parser.add_argument("--min-bytes", type=int, default=0)
    parser.add_argument("--stress", action="store_true")
    parser.add_argument("--stress-case", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.stress_case:
        return _stress_case(args.dataset, args.stress_case)
    warnings.simplefilter("ignore")
    logging.disable(logging.CRITICAL)
    page_type = None if args.page_type == "all" else args.page_type
    pages = load_pages(args.dataset, page_type, args.limit)
    htmls = [(html_text(p["bytes"]), p.get("url")) for p in pages]
    htmls = [(html, url) for html, url in htmls if len(html.encode()) >= args.min_bytes]
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
    print(f"{len(htmls)} pages ({args.page_type}) from {args.dataset.name}, {args.rounds} round(s)")
    print(f"{'system':<14} {'median ms/page':>15} {'total s':>8}")
    print(f"{'reader':<14} {ours_ms:>15.1f} {sum(ours) / 1000:>8.1f}")
    print(f"{'trafilatura':<14} {theirs_ms:>15.1f} {sum(theirs) / 1000:>8.1f}")
    print(f"ratio reader/trafilatura (median): {ours_ms / theirs_ms:.2f}x")
    if args.stress:
        for case in ("paragraphs", "repeated"):
            subprocess.run(
                [sys.executable, __file__, str(args.dataset), "--stress-case", case], check=True
            )
    return 0


def _stress_case(dataset: Path, case: str) -> int:
    """Extract one synthetic large page in this (fresh) process; print time and memory."""
    if case == "paragraphs":
        html = "<html><body>" + "<p>Paragraph of text.</p>" * 1_000_000 + "</body></html>"
    else:
        page = load_pages(dataset, "article", 1)[0]
        one = html_text(page["bytes"])
        start, end = one.find("<body"), one.rfind("</body>")
        body = one[one.find(">", start) + 1 : end] if 0 <= start < end else one
        html = "<html><body>" + body * (19_000_000 // max(1, len(body)) + 1) + "</body></html>"
        html = html[:19_000_000]
    started = time.perf_counter()
    _ours(html, None)
    seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    size_mb = len(html.encode()) / 1e6
    print(f"stress {case}: {size_mb:.1f} MB page in {seconds:.1f} s, peak memory {peak_mb:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
