"""The library: every opened article kept in one SQLite file, with its facts and images.

Each write is one transaction, so a crash loses at most the article being written and never
damages the others. WAL mode and a busy timeout let two Reader processes use the file at once.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any

from ..errors import ReaderError
from ..facts.model import FACT_GROUPS, Facts
from ..images import IMAGE_OPTIONS, find_image, read_image
from ..model import Article
from . import codec, schema
from .errors import LibraryError
from .keys import article_key
from .paths import default_path

#: Largest image kept with an article, and the most kept per article, in bytes.
MAX_IMAGE_BYTES = 4 * 1024 * 1024
MAX_ARTICLE_IMAGE_BYTES = 16 * 1024 * 1024


@dataclass(frozen=True)
class StoredArticle:
    """An article as kept in the library, with where the reader was in it.

    ``position`` is a text offset into ``article.text``; ``progress`` the fraction read (0 to 1);
    ``opened_at`` seconds since the epoch.
    """

    id: int
    key: str
    article: Article
    facts: Facts
    source: str | None
    opened_at: float
    position: int
    progress: float
    saved: bool
    tags: tuple[str, ...]


class Library:
    """The library database at ``path`` (default: in Reader's data folder).

    Safe to share between threads (calls are serialised) and between processes (SQLite's
    locking). Raises :class:`LibraryError` subclasses only.
    """

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or default_path()
        self._lock = threading.RLock()
        self._conn = schema.connect(self.path)
        self._depth = 0

    def close(self) -> None:
        """Close the database (further calls fail)."""
        with self._lock:
            self._conn.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # Transactions -------------------------------------------------------------------------

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Group several writes into one transaction (e.g. an import or generated articles)."""
        with self._write():
            yield

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        with self._lock, self._errors():
            if self._depth:
                self._depth += 1
                try:
                    yield self._conn
                finally:
                    self._depth -= 1
                return
            self._conn.execute("BEGIN IMMEDIATE")
            self._depth = 1
            try:
                yield self._conn
            except BaseException:
                if self._conn.in_transaction:
                    self._conn.execute("ROLLBACK")
                raise
            else:
                self._conn.execute("COMMIT")
            finally:
                self._depth = 0

    @contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        with self._lock, self._errors():
            yield self._conn

    @contextmanager
    def _errors(self) -> Iterator[None]:
        try:
            yield
        except sqlite3.Error as err:
            raise schema.translate(err, self.path, self._conn) from err

    # Writing ------------------------------------------------------------------------------

    def save(
        self,
        article: Article,
        facts: Facts | None = None,
        *,
        source: str | None = None,
        saved: bool | None = None,
        opened_at: float | None = None,
    ) -> int:
        """Store ``article`` (once per key: a second save updates it) and return its id.

        ``facts`` replace the stored ones when given; ``saved`` sets the saved flag when given.
        The reading position, tags and flag of an article stored before are kept.
        """
        key = article_key(article)
        body = json.dumps(codec.article_to_dict(article), ensure_ascii=False)
        values = {
            "key": key, "source": source, "url": article.url, "title": article.title,
            "byline": article.byline, "site": article.site, "date": article.date, "body": body,
            "text": article.text, "word_count": article.word_count,
            "opened_at": time.time() if opened_at is None else opened_at,
        }
        images = collect_images(article)
        with self._write() as conn:
            row = conn.execute("SELECT id FROM articles WHERE key = ?", (key,)).fetchone()
            if row is None:
                cursor = conn.execute(
                    f"INSERT INTO articles ({', '.join(values)}) "
                    f"VALUES ({', '.join(':' + k for k in values)})", values)
                article_id = int(cursor.lastrowid or 0)
            else:
                article_id = int(row[0])
                if values["source"] is None:
                    del values["source"]
                assignments = ", ".join(f"{k} = :{k}" for k in values if k != "key")
                conn.execute(f"UPDATE articles SET {assignments} WHERE id = :id",
                             {**values, "id": article_id})
            if saved is not None:
                conn.execute("UPDATE articles SET saved = ? WHERE id = ?", (int(saved), article_id))
            if images or row is None:
                conn.execute("DELETE FROM images WHERE article_id = ?", (article_id,))
                conn.executemany("INSERT INTO images (article_id, src, data) VALUES (?, ?, ?)",
                                 [(article_id, src, data) for src, data in images.items()])
            if facts is not None:
                self._put_facts(conn, article_id, facts)
        return article_id

    def save_facts(self, key: str, facts: Facts) -> bool:
        """Replace the facts of the article stored under ``key``; False when there is none."""
        with self._write() as conn:
            row = conn.execute("SELECT id FROM articles WHERE key = ?", (key,)).fetchone()
            if row is None:
                return False
            self._put_facts(conn, int(row[0]), facts)
        return True

    @staticmethod
    def _put_facts(conn: sqlite3.Connection, article_id: int, facts: Facts) -> None:
        conn.execute("DELETE FROM facts WHERE article_id = ?", (article_id,))
        rows = []
        columns: dict[str, str] = {}
        for kind, name in FACT_GROUPS.items():
            group = getattr(facts, name)
            for rank, fact in enumerate(group):
                data = json.dumps(codec.fact_to_dict(fact), ensure_ascii=False)
                rows.append((article_id, kind, rank, fact.label, len(fact.mentions), data))
            # Each label is indexed once per mention (up to three), so bm25 favours the
            # articles that are most about it.
            columns[name] = "\n".join(
                "\n".join([f.label] * min(3, max(1, len(f.mentions)))) for f in group)
        conn.executemany(
            "INSERT INTO facts (article_id, kind, rank, label, mention_count, data) "
            "VALUES (?, ?, ?, ?, ?, ?)", rows)
        conn.execute(
            "UPDATE articles SET people = :people, places = :places, "
            "organisations = :organisations, numbers = :numbers WHERE id = :id",
            {**columns, "id": article_id})

    def set_position(self, key: str, position: int, progress: float) -> bool:
        """Remember where the reader is in the article ``key`` (text offset, fraction read)."""
        with self._write() as conn:
            cursor = conn.execute(
                "UPDATE articles SET position = ?, progress = ? WHERE key = ?",
                (max(0, int(position)), min(1.0, max(0.0, float(progress))), key))
        return cursor.rowcount > 0

    def set_saved(self, article_id: int, saved: bool) -> None:
        """Mark an article as saved by the reader (kept apart from merely recent ones)."""
        with self._write() as conn:
            conn.execute("UPDATE articles SET saved = ? WHERE id = ?", (int(saved), article_id))

    def set_tags(self, article_id: int, tags: Iterable[str]) -> None:
        """Replace the tags of an article (lower-cased, blanks dropped)."""
        clean = sorted({t.strip().lower() for t in tags if t.strip()})
        with self._write() as conn:
            conn.execute("DELETE FROM tags WHERE article_id = ?", (article_id,))
            conn.executemany("INSERT INTO tags (article_id, tag) VALUES (?, ?)",
                             [(article_id, tag) for tag in clean])

    def delete(self, article_id: int) -> bool:
        """Remove an article with its facts, tags and images; False when there was none."""
        with self._write() as conn:
            cursor = conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))
        return cursor.rowcount > 0

    # Reading ------------------------------------------------------------------------------

    def count(self) -> int:
        """How many articles are stored."""
        with self._read() as conn:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])

    def ids(self) -> list[int]:
        """The ids of every stored article, most recently opened first."""
        with self._read() as conn:
            return [int(r[0]) for r in
                    conn.execute("SELECT id FROM articles ORDER BY opened_at DESC, id DESC")]

    def get(self, article_id: int) -> StoredArticle:
        """The stored article ``article_id``; raises :class:`LibraryError` when there is none."""
        with self._read() as conn:
            row = conn.execute(
                "SELECT key, source, body, opened_at, position, progress, saved "
                "FROM articles WHERE id = ?", (article_id,)).fetchone()
            if row is None:
                raise LibraryError(f"there is no article {article_id} in the library")
            facts = [codec.fact_from_dict(json.loads(data)) for (data,) in conn.execute(
                "SELECT data FROM facts WHERE article_id = ? ORDER BY kind, rank", (article_id,))]
            images = dict(conn.execute(
                "SELECT src, data FROM images WHERE article_id = ?", (article_id,)).fetchall())
            tags = tuple(t for (t,) in conn.execute(
                "SELECT tag FROM tags WHERE article_id = ? ORDER BY tag", (article_id,)))
        key, source, body, opened_at, position, progress, saved = row
        try:
            data = json.loads(body)
        except ValueError as err:
            raise LibraryError(f"the stored article {article_id} is unreadable") from err
        article = codec.article_from_dict(data)
        if images:
            article = replace(article, resources=MappingProxyType(
                {str(k): bytes(v) for k, v in images.items()}))
        return StoredArticle(
            id=article_id, key=key, article=article, facts=codec.facts_from_list(facts),
            source=source, opened_at=float(opened_at), position=int(position),
            progress=float(progress), saved=bool(saved), tags=tags)

    def find_key(self, key: str) -> int | None:
        """The id of the article stored under ``key``, if any."""
        with self._read() as conn:
            row = conn.execute("SELECT id FROM articles WHERE key = ?", (key,)).fetchone()
        return None if row is None else int(row[0])

    def execute(self, sql: str, params: Mapping[str, Any] | tuple[Any, ...] = ()) -> list[Any]:
        """Rows of a read-only query (used by :mod:`search`)."""
        with self._read() as conn:
            return conn.execute(sql, params).fetchall()


def collect_images(article: Article) -> dict[str, bytes]:
    """The images of ``article`` to keep with it: embedded parts and local files, each under
    :data:`MAX_IMAGE_BYTES`, together under :data:`MAX_ARTICLE_IMAGE_BYTES`. They are read as
    the reading view reads them (only regular files, of a page opened from disk); web images
    are not fetched for the library."""
    options = replace(IMAGE_OPTIONS, max_bytes=MAX_IMAGE_BYTES)
    out: dict[str, bytes] = {}
    total = 0
    for block in article.blocks:
        src = block.src
        if block.kind != "image" or not src or src in out:
            continue
        source = find_image(src, article, remote_allowed=False)
        if source is None or source.kind not in ("data", "file"):
            continue  # data: URLs are kept in the article itself
        try:
            data = read_image(source, options)
        except ReaderError:
            continue
        if len(data) > MAX_ARTICLE_IMAGE_BYTES - total:
            continue
        out[src] = data
        total += len(data)
    return out
