"""Export the library to a folder (JSON to import again, or Markdown to read) and import it.

The JSON export writes one file per article holding everything the library keeps: the
article, its facts, images (base64), tags, flag, reading position and when it was opened.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from types import MappingProxyType
from typing import Any, Literal

from .. import render
from . import codec
from .errors import LibraryError
from .keys import article_key
from .store import Library, StoredArticle

ExportFormat = Literal["json", "markdown"]
#: The ``format`` field of an exported JSON file.
EXPORT_FORMAT = "reader-library-article"
EXPORT_VERSION = 1


def export_library(library: Library, folder: Path, fmt: ExportFormat = "json") -> list[Path]:
    """Write every stored article into ``folder`` (created if missing); returns the files."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise LibraryError(f"cannot create {folder}: {err.strerror or err}") from err
    written = []
    for article_id in library.ids():
        stored = library.get(article_id)
        stem = f"{stored.id:05d}-{_slug(stored.article.title)}"
        if fmt == "json":
            path = folder / f"{stem}.json"
            text = json.dumps(_to_json(stored), ensure_ascii=False, indent=1) + "\n"
        else:
            path = folder / f"{stem}.md"
            text = _to_markdown(stored)
        try:
            path.write_text(text, encoding="utf-8")
        except OSError as err:
            raise LibraryError(f"cannot write {path}: {err.strerror or err}") from err
        written.append(path)
    return written


def import_library(library: Library, folder: Path) -> int:
    """Store every article of a JSON export in ``folder``, in one transaction; returns how many.

    An article already in the library is updated. A file that is no export of Reader stops
    the import before anything is stored.
    """
    if not folder.is_dir():
        raise LibraryError(f"{folder} is not a folder")
    files = sorted(folder.glob("*.json"))
    if not files:
        raise LibraryError(f"{folder} holds no JSON export of a Reader library")
    items = [_read_export(path) for path in files]
    with library.batch():
        for stored in items:
            article_id = library.save(stored.article, stored.facts, source=stored.source,
                                      saved=stored.saved, opened_at=stored.opened_at)
            library.set_position(article_key(stored.article), stored.position, stored.progress)
            library.set_tags(article_id, stored.tags)
    return len(items)


def _to_json(stored: StoredArticle) -> dict[str, Any]:
    return {
        "format": EXPORT_FORMAT, "version": EXPORT_VERSION, "key": stored.key,
        "source": stored.source, "opened_at": stored.opened_at, "position": stored.position,
        "progress": stored.progress, "saved": stored.saved, "tags": list(stored.tags),
        "article": codec.article_to_dict(stored.article),
        "facts": [codec.fact_to_dict(f) for f in stored.facts.all()],
        "images": {src: base64.b64encode(data).decode("ascii")
                   for src, data in stored.article.resources.items()},
    }


def _read_export(path: Path) -> StoredArticle:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as err:
        raise LibraryError(f"cannot read {path.name}: {err}") from err
    if not isinstance(data, dict) or data.get("format") != EXPORT_FORMAT:
        raise LibraryError(f"{path.name} is not an article exported from a Reader library")
    try:
        if int(data.get("version", 0)) > EXPORT_VERSION:
            raise LibraryError(f"{path.name} was exported by a newer Reader")
        article = codec.article_from_dict(data["article"])
        images = {str(src): base64.b64decode(text, validate=True)
                  for src, text in dict(data.get("images") or {}).items()}
        facts = codec.facts_from_list([codec.fact_from_dict(f) for f in data.get("facts", [])])
        return StoredArticle(
            id=0, key=str(data.get("key", "")),
            article=replace(article, resources=MappingProxyType(images)),
            facts=facts, source=data.get("source"), opened_at=float(data["opened_at"]),
            position=int(data.get("position", 0)), progress=float(data.get("progress", 0)),
            saved=bool(data.get("saved", False)),
            tags=tuple(str(t) for t in data.get("tags", ())))
    except (KeyError, TypeError, ValueError, binascii.Error) as err:
        raise LibraryError(f"{path.name} is damaged ({err})") from err


def _to_markdown(stored: StoredArticle) -> str:
    article = stored.article
    opened = datetime.fromtimestamp(stored.opened_at, UTC).strftime("%Y-%m-%d")
    meta = [f"Source: <{article.url or stored.source}>" if article.url or stored.source else "",
            f"Opened: {opened}" + (" · saved" if stored.saved else ""),
            f"Tags: {', '.join(stored.tags)}" if stored.tags else ""]
    out = render.to_markdown(article).rstrip("\n") + "\n\n---\n\n"
    out += "\n".join(f"{line}  " for line in meta if line) + "\n"
    lines = [f"- **{heading}:** {'; '.join(f.label for f in group)}"
             for heading, group in (("People", stored.facts.people),
                                    ("Places", stored.facts.places),
                                    ("Organisations", stored.facts.organisations),
                                    ("Numbers", stored.facts.numbers)) if group]
    if lines:
        out += "\n## Key facts\n\n" + "\n".join(lines) + "\n"
    return out


def _slug(title: str) -> str:
    slug = re.sub(r"[^\w]+", "-", title.lower()).strip("-")
    return slug[:60].rstrip("-") or "article"
