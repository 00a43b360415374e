"""The library: every opened article kept offline in SQLite, searchable by words and facts.

Pure Python over the standard ``sqlite3`` module (FTS5 full-text index, WAL mode); no Qt.
"""

from __future__ import annotations

from .errors import CorruptLibraryError, LibraryError, NewerLibraryError
from .keys import article_key, canonical_url
from .paths import data_dir, default_path
from .query import FactFilter, Query, parse_query
from .schema import SCHEMA_VERSION
from .search import SearchResult, run_query, search
from .store import Library, StoredArticle
from .transfer import ExportFormat, export_library, import_library

__all__ = [
    "SCHEMA_VERSION",
    "CorruptLibraryError",
    "ExportFormat",
    "FactFilter",
    "Library",
    "LibraryError",
    "NewerLibraryError",
    "Query",
    "SearchResult",
    "StoredArticle",
    "article_key",
    "canonical_url",
    "data_dir",
    "default_path",
    "export_library",
    "import_library",
    "parse_query",
    "run_query",
    "search",
]
