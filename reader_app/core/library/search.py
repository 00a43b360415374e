"""Searching the library: FTS5 over title and text (bm25), fact filters, highlighted snippets."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from .query import Query, fts_match, parse_query
from .store import Library

#: Marks around matched words in snippets as SQLite returns them (private-use characters).
OPEN, CLOSE = "\ue000", "\ue001"
SNIPPET_WORDS = 14
_MARKED = re.compile(f"{OPEN}(.*?){CLOSE}", re.S)
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
    """Articles matching ``text`` (see :mod:`query`), best first; recent first without words.

    ``prefix`` lets the last word match as the start of a word (for search as you type).
    An empty query lists the most recently opened articles.
    """
    return run_query(library, parse_query(text), limit=limit, prefix=prefix)


def run_query(library: Library, query: Query, *, limit: int = 50, prefix: bool = False) -> list[
        SearchResult]:
    """Articles matching a parsed ``query``; see :func:`search`."""
    where, params = _filters(query, prefix)
    params["limit"] = max(1, int(limit))
    if query.terms:
        params["match"] = fts_match(query.terms, prefix)
        sql = (f"SELECT {_COLUMNS}, snippet(articles_fts, 1, '{OPEN}', '{CLOSE}', '…', "
               f"{SNIPPET_WORDS}), rank FROM articles_fts JOIN articles a "
               "ON a.id = articles_fts.rowid WHERE articles_fts MATCH :match"
               + "".join(f" AND {w}" for w in where) + " ORDER BY rank LIMIT :limit")
        return [_result(row, row[8], row[9]) for row in library.execute(sql, params)]
    order = "a.opened_at DESC, a.id DESC"
    if query.facts:
        # Articles that mention the fact most come first.
        params["weight_match"] = params["fact0"]
        order = ("(SELECT max(f.mention_count) FROM facts_fts JOIN facts f ON f.id = "
                 "facts_fts.rowid WHERE facts_fts MATCH :weight_match AND f.kind = :kind0 "
                 "AND f.article_id = a.id) DESC, " + order)
    sql = (f"SELECT {_COLUMNS} FROM articles a"
           + (" WHERE " + " AND ".join(where) if where else "")
           + f" ORDER BY {order} LIMIT :limit")
    rows = library.execute(sql, params)
    return [_result(row, _fact_snippet(library, query, row[0], prefix), 0.0) for row in rows]


def _filters(query: Query, prefix: bool) -> tuple[list[str], dict[str, Any]]:
    where: list[str] = []
    params: dict[str, Any] = {}
    for n, fact in enumerate(query.facts):
        params[f"fact{n}"] = fts_match((fact.text,), prefix)
        params[f"kind{n}"] = fact.kind
        where.append(f"a.id IN (SELECT f.article_id FROM facts_fts JOIN facts f ON f.id = "
                     f"facts_fts.rowid WHERE facts_fts MATCH :fact{n} AND f.kind = :kind{n})")
    for n, tag in enumerate(query.tags):
        params[f"tag{n}"] = tag
        where.append(f"a.id IN (SELECT article_id FROM tags WHERE tag = :tag{n})")
    if query.saved_only:
        where.append("a.saved = 1")
    return where, params


def _fact_snippet(library: Library, query: Query, article_id: int, prefix: bool) -> str:
    """The context of the first filtered fact in an article, its label marked."""
    if not query.facts:
        return ""
    fact = query.facts[0]
    rows = library.execute(
        f"SELECT highlight(facts_fts, 0, '{OPEN}', '{CLOSE}'), f.label, f.data "
        "FROM facts_fts JOIN facts f ON f.id = facts_fts.rowid WHERE facts_fts MATCH ? AND "
        "f.kind = ? AND f.article_id = ? ORDER BY f.mention_count DESC LIMIT 1",
        (fts_match((fact.text,), prefix), fact.kind, article_id))
    if not rows:
        return ""
    marked, label, data = rows[0]
    context = str(json.loads(data).get("context") or "")
    at = context.find(label)
    if at < 0:
        return marked  # type: ignore[no-any-return]
    return f"{context[:at]}{OPEN}{label}{CLOSE}{context[at + len(label):]}"


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
