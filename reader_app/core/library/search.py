"""Searching the library: FTS5 over title and text ranked by bm25, fact filters over the fact
columns of the same index, and snippets with the matched words marked."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from .query import Query, fts_expression, parse_query
from .store import Library

#: Marks around matched words in snippets as SQLite returns them (private-use characters).
OPEN, CLOSE = "\ue000", "\ue001"
SNIPPET_WORDS = 14
#: Queries matching more articles are ranked among the most recently stored this many: bm25
#: separates little among so many, and ranking all of them would not stay fast.
RANK_WINDOW = 2000
_MARKED = re.compile(f"{OPEN}(.*?){CLOSE}", re.S)
_WORD = re.compile(r"\w+")
_COLUMNS = "a.id, a.title, a.site, a.date, a.url, a.opened_at, a.progress, a.saved"


@dataclass(frozen=True)
class SearchResult:
    """One article found: what a result list shows, and a snippet with the matched words.

    ``snippet`` is a sequence of ``(text, matched)`` pieces; ``score`` is the bm25 rank
    (lower is better; 0 for listings without words).
    """

    id: int
    title: str
    site: str | None
    date: str | None
    url: str | None
    opened_at: float
    progress: float
    saved: bool
    snippet: tuple[tuple[str, bool], ...] = ()
    score: float = 0.0

    def snippet_text(self, before: str = "[", after: str = "]") -> str:
        """The snippet with each matched run between ``before`` and ``after``."""
        return "".join(f"{before}{t}{after}" if hit else t for t, hit in self.snippet)


def search(library: Library, text: str, *, limit: int = 50, prefix: bool = False) -> list[
        SearchResult]:
    """Articles matching ``text`` (see :mod:`query`), best first.

    ``prefix`` lets the last word match as the start of a word (for search as you type).
    A query of filters only (``is:saved``, ``tag:``) or none lists the most recently opened.
    """
    return run_query(library, parse_query(text), limit=limit, prefix=prefix)


def run_query(library: Library, query: Query, *, limit: int = 50, prefix: bool = False) -> list[
        SearchResult]:
    """Articles matching a parsed ``query``; see :func:`search`."""
    where: list[str] = []
    params: dict[str, Any] = {"limit": max(1, int(limit))}
    for n, tag in enumerate(query.tags):
        params[f"tag{n}"] = tag
        where.append(f"a.id IN (SELECT article_id FROM tags WHERE tag = :tag{n})")
    if query.saved_only:
        where.append("a.saved = 1")
    match = fts_expression(query, prefix)
    if not match:
        sql = (f"SELECT {_COLUMNS} FROM articles a"
               + (" WHERE " + " AND ".join(where) if where else "")
               + " ORDER BY a.opened_at DESC, a.id DESC LIMIT :limit")
        return [_result(row, "", 0.0) for row in library.execute(sql, params)]
    params["match"] = match
    floor = library.execute(
        "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid DESC "
        "LIMIT 1 OFFSET ?", (match, RANK_WINDOW - 1))
    if floor:
        params["floor"] = floor[0][0]
        where.append("articles_fts.rowid >= :floor")
    snippet = (f"snippet(articles_fts, 1, '{OPEN}', '{CLOSE}', '…', {SNIPPET_WORDS})"
               if query.terms else "''")
    sql = (f"SELECT {_COLUMNS}, {snippet}, rank FROM articles_fts JOIN articles a "
           "ON a.id = articles_fts.rowid WHERE articles_fts MATCH :match"
           + "".join(f" AND {w}" for w in where) + " ORDER BY rank LIMIT :limit")
    rows = library.execute(sql, params)
    if query.terms:
        return [_result(row, row[8], row[9]) for row in rows]
    return [_result(row, _fact_snippet(library, query, row[0]), row[9]) for row in rows]


def _fact_snippet(library: Library, query: Query, article_id: int) -> str:
    """The context of the article's first fact matching the first fact filter, label marked."""
    wanted = query.facts[0]
    words = [w.casefold() for w in _WORD.findall(wanted.text)]
    rows = library.execute("SELECT label, data FROM facts WHERE article_id = ? AND kind = ? "
                           "ORDER BY rank", (article_id, wanted.kind))
    for label, data in rows:
        folded = label.casefold()
        if not all(w in folded for w in words):
            continue
        context = str(json.loads(data).get("context") or "")
        at = context.find(label)
        if at < 0:
            return f"{OPEN}{label}{CLOSE}"
        return f"{context[:at]}{OPEN}{label}{CLOSE}{context[at + len(label):]}"
    return ""


def _result(row: Any, snippet: str, score: float) -> SearchResult:
    return SearchResult(
        id=int(row[0]), title=row[1], site=row[2], date=row[3], url=row[4],
        opened_at=float(row[5]), progress=float(row[6]), saved=bool(row[7]),
        snippet=_pieces(snippet or ""), score=float(score))


def _pieces(snippet: str) -> tuple[tuple[str, bool], ...]:
    out: list[tuple[str, bool]] = []
    pos = 0
    for match in _MARKED.finditer(snippet):
        if match.start() > pos:
            out.append((snippet[pos:match.start()], False))
        out.append((match.group(1), True))
        pos = match.end()
    if pos < len(snippet):
        out.append((snippet[pos:].replace(OPEN, "").replace(CLOSE, ""), False))
    return tuple(out)


__all__ = ["SearchResult", "run_query", "search"]
