"""Command line of the library: ``save``, ``search`` and ``library export|import``."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reader-app", description="Reader's library of the articles you opened.")
    sub = parser.add_subparsers(dest="command", required=True)
    save = sub.add_parser("save", help="store an article in the library without opening it")
    save.add_argument("source", help="a .html/.htm/.xhtml/.mhtml file or an http(s) URL")
    search = sub.add_parser(
        "search", help="find articles by words and facts",
        description='Find stored articles: words, "phrases", person:NAME, place:NAME, '
                    'org:NAME, number:TEXT, tag:NAME, is:saved. One result a line.')
    search.add_argument("query", nargs="+", help="what to look for")
    search.add_argument("--format", choices=("text", "json"), default="text")
    search.add_argument("--limit", type=int, default=50, help="most results (default 50)")
    library = sub.add_parser("library", help="export or import the whole library")
    action = library.add_subparsers(dest="action", required=True)
    export = action.add_parser("export", help="write every article into a folder")
    export.add_argument("--format", choices=("markdown", "json"), default="json")
    export.add_argument("folder", metavar="DIR")
    imp = action.add_parser("import", help="store the articles of a JSON export")
    imp.add_argument("folder", metavar="DIR")
    return parser


def _fail(message: str) -> int:
    print(f"reader-app: {message}", file=sys.stderr)
    return 2


def run(argv: Sequence[str]) -> int:
    """Run a library command (``argv`` starts with its name); returns the exit code."""
    args = _parser().parse_args(argv)
    from .core import ReaderError

    try:
        if args.command == "save":
            return _save(args.source)
        if args.command == "search":
            return _search(" ".join(args.query), args.format, args.limit)
        if args.action == "export":
            return _export(Path(args.folder), args.format)
        return _import(Path(args.folder))
    except ReaderError as err:
        return _fail(str(err))


def _save(source: str) -> int:
    from .core import find_facts, read_article
    from .core.library import Library

    if "://" not in source:
        source = str(Path(source).absolute())
    article = read_article(source)
    facts = find_facts(article.text)
    with Library() as library:
        article_id = library.save(article, facts, source=source, saved=True)
    print(f"Saved {article.title or 'the article'} (id {article_id})")
    return 0


def _search(query: str, fmt: str, limit: int) -> int:
    from .core.library import Library, search

    if limit < 1:
        return _fail("--limit wants a positive number")
    with Library() as library:
        results = search(library, query, limit=limit)
    for r in results:
        if fmt == "json":
            line = json.dumps({
                "id": r.id, "title": r.title, "site": r.site, "date": r.date, "url": r.url,
                "saved": r.saved, "progress": round(r.progress, 3),
                "snippet": r.snippet_text("**", "**")}, ensure_ascii=False)
        else:
            line = "\t".join(_cell(v) for v in (r.title, r.site, r.date, str(r.id)))
        sys.stdout.write(line + "\n")
    return 0


def _cell(value: str | None) -> str:
    return " ".join((value or "-").split())


def _export(folder: Path, fmt: str) -> int:
    from .core.library import Library, export_library

    with Library() as library:
        files = export_library(library, folder, "json" if fmt == "json" else "markdown")
    print(f"Exported {len(files)} article{'s' if len(files) != 1 else ''} to {folder}")
    return 0


def _import(folder: Path) -> int:
    from .core.library import Library, import_library

    with Library() as library:
        count = import_library(library, folder)
    print(f"Imported {count} article{'s' if count != 1 else ''} from {folder}")
    return 0
