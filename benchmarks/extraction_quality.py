"""Extraction quality on a WCXB-style dataset: Reader vs plain trafilatura vs readability-lxml.

Usage: python benchmarks/extraction_quality.py DATASET_DIR [--page-type article] [--limit N]

DATASET_DIR holds ``ground-truth.json`` (``{id: {url, page_type, articleBody, with,
without}}``) and ``html/<id>.html.gz``. Scores: 4-token shingle precision/recall averaged
over pages, F1 of the averages; WCXB's word F1 (the mean of the pages' bag-of-words F1);
the share of pages whose output contains a ``without`` snippet of 3+ words (leaking); the
share of ``with`` snippets found in the output (kept).
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import warnings
from collections.abc import Callable
from pathlib import Path

from reader_app.core.extraction_score import body_text, score


def ours(html: str, url: str | None) -> str:
    from reader_app.core import ReaderError, extract_article

    try:
        return body_text(extract_article(html, url))
    except ReaderError:
        return ""


def plain_trafilatura(html: str, url: str | None) -> str:
    import trafilatura

    return trafilatura.extract(html, url=url) or ""


def readability_lxml(html: str, url: str | None) -> str:
    import lxml.html
    from readability import Document

    try:
        summary = Document(html, url=url).summary(html_partial=True)
        return lxml.html.fragment_fromstring(summary, create_parent="div").text_content()
    except Exception:
        return ""


SYSTEMS: dict[str, Callable[[str, str | None], str]] = {
    "reader": ours,
    "trafilatura": plain_trafilatura,
    "readability-lxml": readability_lxml,
}


def load_pages(dataset: Path, page_type: str | None, limit: int | None) -> list[dict]:
    truth = json.loads((dataset / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for page_id, entry in sorted(truth.items()):
        if page_type and entry.get("page_type") != page_type:
            continue
        raw = gzip.decompress((dataset / "html" / f"{page_id}.html.gz").read_bytes())
        pages.append({"id": page_id, "bytes": raw, **entry})
        if limit and len(pages) >= limit:
            break
    return pages


def html_text(raw: bytes) -> str:
    """The page as text, decoded the way Reader decodes it (all systems get the same str)."""
    from reader_app.core.decoding import decode_html

    return decode_html(raw)


def _print_row(name: str, s: dict[str, float]) -> None:
    print(
        f"{name:<20} {s['precision']:>9.3f} {s['recall']:>7.3f} {s['f1']:>6.3f} "
        f"{s['word_f1']:>8.3f} {s['leaking']:>8.1%} {s['kept']:>6.1%}",
        flush=True,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dataset", type=Path)
    parser.add_argument("--page-type", default="article", help="'all' for every page type")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--systems", default=",".join(SYSTEMS), help="comma-separated")
    parser.add_argument("--dump", type=Path, help="write each system's outputs as JSON here")
    args = parser.parse_args()
    warnings.simplefilter("ignore")
    import logging

    logging.disable(logging.CRITICAL)
    page_type = None if args.page_type == "all" else args.page_type
    pages = load_pages(args.dataset, page_type, args.limit)
    htmls = [html_text(p["bytes"]) for p in pages]
    print(f"{len(pages)} pages ({args.page_type}) from {args.dataset.name}")
    print(f"{'system':<20} {'precision':>9} {'recall':>7} {'F1':>6} {'word F1':>8} "
          f"{'leaking':>8} {'kept':>6}")
    dumps = {}
    for name in args.systems.split(","):
        extract = SYSTEMS[name]
        outputs = [extract(html, page.get("url")) for html, page in zip(htmls, pages, strict=True)]
        dumps[name] = {p["id"]: out for p, out in zip(pages, outputs, strict=True)}
        _print_row(name, score(outputs, pages))
        if page_type is None:  # every type: each one's own row too
            for kind in sorted({p["page_type"] for p in pages}):
                chosen = [i for i, p in enumerate(pages) if p["page_type"] == kind]
                found = score([outputs[i] for i in chosen], [pages[i] for i in chosen])
                _print_row(f"  {kind} ({len(chosen)})", found)
    if args.dump:
        args.dump.write_text(json.dumps(dumps), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
