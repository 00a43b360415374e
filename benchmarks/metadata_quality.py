"""Metadata quality on a WCXB-style dataset: Reader's title, byline and date vs the truth's.

Usage: python benchmarks/metadata_quality.py DATASET_DIR [--page-type all] [--half even|odd]
       [--systems reader,trafilatura] [--dump FILE]

For each page, each field is *right* when it matches the ground truth's ``title``,
``author`` or ``publish_date`` (both empty counts as right), *wrong* when the system shows a
value that does not match, and *missed* when the truth has a value and the system shows none.
Titles and bylines match when their lower-cased ``\\w+`` words are the same (for bylines, as
sets, without "by" and "and", so "A, B and C" matches "A; B; C"); dates when the day is the
same. ``--half`` keeps the even- or odd-numbered pages (in id order).
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import warnings
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

from extraction_quality import html_text, load_pages

from reader_app.core.extraction_score import tokens

Fields = dict[str, str | None]
FIELDS = ("title", "byline", "date")
_JOINERS = frozenset({"by", "and"})


def ours(html: str, url: str | None) -> Fields:
    from reader_app.core import ReaderError, extract_article

    try:
        article = extract_article(html, url)
    except ReaderError:
        return dict.fromkeys(FIELDS)
    return {"title": article.title, "byline": article.byline, "date": article.date}


def plain_trafilatura(html: str, url: str | None) -> Fields:
    import trafilatura

    found = trafilatura.extract_metadata(html, default_url=url)
    if found is None:
        return dict.fromkeys(FIELDS)
    return {"title": found.title, "byline": found.author, "date": found.date}


SYSTEMS: dict[str, Callable[[str, str | None], Fields]] = {
    "reader": ours,
    "trafilatura": plain_trafilatura,
}
TRUTH = {"title": "title", "byline": "author", "date": "publish_date"}


def matches(field: str, value: str | None, truth: str | None) -> bool:
    """Whether a field's ``value`` is the truth's (both empty is a match)."""
    if not value or not truth:
        return not value and not truth
    if field == "date":
        return value[:10] == truth[:10]
    if field == "byline":
        return set(tokens(value)) - _JOINERS == set(tokens(truth)) - _JOINERS
    return tokens(value) == tokens(truth)


def outcome(field: str, value: str | None, truth: str | None) -> str:
    if matches(field, value, truth):
        return "right"
    return "wrong" if value else "missed"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dataset", type=Path)
    parser.add_argument("--page-type", default="all", help="'all' for every page type")
    parser.add_argument("--half", choices=("even", "odd"))
    parser.add_argument("--systems", default=",".join(SYSTEMS), help="comma-separated")
    parser.add_argument("--dump", type=Path, help="write each page's values and truth as JSON")
    args = parser.parse_args()
    warnings.simplefilter("ignore")
    logging.disable(logging.CRITICAL)
    page_type = None if args.page_type == "all" else args.page_type
    pages = load_pages(args.dataset, page_type, None)
    if args.half:
        pages = [p for p in pages if int(p["id"]) % 2 == (args.half == "odd")]
    systems = args.systems.split(",")
    counts: dict[tuple[str, str, str], dict[str, int]] = defaultdict(
        lambda: {"right": 0, "wrong": 0, "missed": 0}
    )
    dump = []
    for page in pages:
        html = html_text(page["bytes"])
        row = {"id": page["id"], "type": page["page_type"]}
        for system in systems:
            found = SYSTEMS[system](html, page.get("url"))
            for field in FIELDS:
                result = outcome(field, found[field], page.get(TRUTH[field]))
                for kind in (page["page_type"], "all"):
                    counts[(system, field, kind)][result] += 1
                row[f"{system}.{field}"] = found[field]
        row.update({field: page.get(TRUTH[field]) for field in FIELDS})
        dump.append(row)
    kinds = [*sorted({p["page_type"] for p in pages}), "all"]
    print(f"{len(pages)} pages from {args.dataset.name}"
          + (f" ({args.half} half)" if args.half else ""))
    print("share right / wrong / missed, per field")
    print(f"{'type':<14} {'pages':>5} {'system':<12} "
          + " ".join(f"{field:>20}" for field in FIELDS))
    for kind in kinds:
        total = sum(counts[(systems[0], FIELDS[0], kind)].values())
        for system in systems:
            cells = []
            for field in FIELDS:
                c = counts[(system, field, kind)]
                cells.append(f"{c['right'] / total:.3f}/{c['wrong'] / total:.3f}/"
                             f"{c['missed'] / total:.3f}")
            print(f"{kind:<14} {total:>5} {system:<12} " + " ".join(f"{x:>20}" for x in cells))
    if args.dump:
        args.dump.write_text(json.dumps(dump, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
