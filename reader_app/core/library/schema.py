"""The database file: opening it safely, and the schema with its numbered migrations.

``PRAGMA user_version`` holds the schema version. A file that is no SQLite database, or whose
schema is newer than :data:`SCHEMA_VERSION`, is refused before anything is written to it.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from .errors import CorruptLibraryError, LibraryError, NewerLibraryError

#: Seconds a write waits for another Reader process holding the database.
BUSY_TIMEOUT_S = 10.0
_HEADER = b"SQLite format 3\x00"

_FTS_TRIGGERS = """
CREATE TRIGGER {t}_ai AFTER INSERT ON {t} BEGIN
  INSERT INTO {t}_fts(rowid, {cols}) VALUES (new.id, {new});
END;
CREATE TRIGGER {t}_ad AFTER DELETE ON {t} BEGIN
  INSERT INTO {t}_fts({t}_fts, rowid, {cols}) VALUES ('delete', old.id, {old});
END;
CREATE TRIGGER {t}_au AFTER UPDATE OF {cols} ON {t} BEGIN
  INSERT INTO {t}_fts({t}_fts, rowid, {cols}) VALUES ('delete', old.id, {old});
  INSERT INTO {t}_fts(rowid, {cols}) VALUES (new.id, {new});
END;
"""


def _fts_triggers(table: str, columns: tuple[str, ...]) -> str:
    return _FTS_TRIGGERS.format(
        t=table, cols=", ".join(columns),
        new=", ".join(f"new.{c}" for c in columns), old=", ".join(f"old.{c}" for c in columns))


#: Columns of the full-text index: title and text, then the labels of each kind of fact.
FTS_COLUMNS = ("title", "text", "people", "places", "organisations", "numbers")

_VERSION_1 = """
CREATE TABLE articles (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  source TEXT,
  url TEXT,
  title TEXT NOT NULL,
  byline TEXT,
  site TEXT,
  date TEXT,
  body TEXT NOT NULL,
  text TEXT NOT NULL,
  word_count INTEGER NOT NULL,
  people TEXT NOT NULL DEFAULT '',
  places TEXT NOT NULL DEFAULT '',
  organisations TEXT NOT NULL DEFAULT '',
  numbers TEXT NOT NULL DEFAULT '',
  opened_at REAL NOT NULL,
  position INTEGER NOT NULL DEFAULT 0,
  progress REAL NOT NULL DEFAULT 0,
  saved INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX articles_opened ON articles(opened_at);
CREATE TABLE facts (
  id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  rank INTEGER NOT NULL,
  label TEXT NOT NULL,
  mention_count INTEGER NOT NULL,
  data TEXT NOT NULL
);
CREATE INDEX facts_article ON facts(article_id);
CREATE VIRTUAL TABLE articles_fts USING fts5(
  title, text, people, places, organisations, numbers, content='articles',
  content_rowid='id', tokenize='porter unicode61 remove_diacritics 2', prefix='3');
INSERT INTO articles_fts(articles_fts, rank) VALUES ('rank', 'bm25(8.0, 1.0, 4.0, 4.0, 4.0, 2.0)');
""" + _fts_triggers("articles", FTS_COLUMNS)

# Version 2: tags, and the article's images kept beside it (blobs, deleted with it).
_VERSION_2 = """
CREATE TABLE tags (
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  tag TEXT NOT NULL,
  PRIMARY KEY (article_id, tag)
) WITHOUT ROWID;
CREATE INDEX tags_tag ON tags(tag);
CREATE TABLE images (
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  src TEXT NOT NULL,
  data BLOB NOT NULL,
  PRIMARY KEY (article_id, src)
) WITHOUT ROWID;
"""

#: Migration ``n`` (0-based) brings a database from version ``n`` to ``n + 1``.
MIGRATIONS: tuple[str, ...] = (_VERSION_1, _VERSION_2)
SCHEMA_VERSION = len(MIGRATIONS)


def _statements(script: str) -> list[str]:
    """The statements of ``script`` (each trigger body kept whole)."""
    out: list[str] = []
    current = ""
    for line in script.splitlines(keepends=True):
        current += line
        if sqlite3.complete_statement(current):
            out.append(current.strip())
            current = ""
    return [s for s in out if s]


def check_file(path: Path) -> None:
    """Refuse a file that exists and is not empty but is no SQLite database."""
    try:
        with path.open("rb") as handle:
            head = handle.read(len(_HEADER))
    except FileNotFoundError:
        return
    except OSError as err:
        raise LibraryError(f"cannot read the library {path}: {err.strerror or err}") from err
    if head and head != _HEADER:
        raise CorruptLibraryError(
            f"the library {path} is damaged or is not a Reader library; it was left as it is")


def connect(path: Path) -> sqlite3.Connection:
    """An open connection to the library at ``path`` (created if missing), migrated to
    :data:`SCHEMA_VERSION`, in WAL mode, with a busy timeout and foreign keys on."""
    check_file(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise LibraryError(f"cannot create the library folder {path.parent}: "
                           f"{err.strerror or err}") from err
    try:
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_S, isolation_level=None,
                               check_same_thread=False)
    except sqlite3.Error as err:
        raise LibraryError(f"cannot open the library {path}: {err}") from err
    try:
        _check_version(conn, path)  # before anything is written
        conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        migrate(conn)
    except BaseException:
        conn.close()
        raise
    return conn


def _check_version(conn: sqlite3.Connection, path: Path) -> int:
    try:
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as err:
        raise translate(err, path, conn) from err
    if version > SCHEMA_VERSION:
        raise NewerLibraryError(
            f"the library {path} was written by a newer Reader (schema {version}, this one "
            f"knows {SCHEMA_VERSION}); it was left as it is")
    return version


def migrate(conn: sqlite3.Connection, target: int = SCHEMA_VERSION) -> None:
    """Apply the migrations that bring ``conn``'s database up to version ``target``.

    Each runs in one transaction with the version bump, so a crash leaves the old version.
    """
    path = Path(conn.execute("PRAGMA database_list").fetchone()[2] or ":memory:")
    if _check_version(conn, path) >= target:
        return
    try:
        conn.execute("BEGIN IMMEDIATE")
        try:
            version = _check_version(conn, path)
            for step in range(version, target):
                for statement in _statements(MIGRATIONS[step]):
                    conn.execute(statement)
            if target > version:
                conn.execute(f"PRAGMA user_version = {int(target)}")
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
    except sqlite3.Error as err:
        raise translate(err, path, conn) from err


def translate(err: sqlite3.Error, path: Path,
              conn: sqlite3.Connection | None = None) -> LibraryError:
    """The library error for an sqlite3 error: busy, damaged, or anything else.

    Given the connection, an unexpected error is followed by an integrity check, so that
    damage found on the way (e.g. as "vtable constructor failed") is reported as such.
    """
    text = str(err)
    if isinstance(err, sqlite3.OperationalError) and ("locked" in text or "busy" in text):
        return LibraryError(f"the library {path} is busy in another Reader; try again")
    if isinstance(err, sqlite3.DatabaseError) and (
            "malformed" in text or "not a database" in text or "corrupt" in text
            or (conn is not None and not _intact(conn))):
        return CorruptLibraryError(
            f"the library {path} is damaged ({text}); it was left as it is")
    return LibraryError(f"the library {path} failed: {text}")


def _intact(conn: sqlite3.Connection) -> bool:
    try:
        return [r[0] for r in conn.execute("PRAGMA quick_check")] == ["ok"]
    except sqlite3.Error:
        return False
