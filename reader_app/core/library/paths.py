"""Where the library lives: Reader's data folder under ``$XDG_DATA_HOME``.

The folder is the one Qt's ``QStandardPaths.AppDataLocation`` gives the window (organisation
and application both "Reader"), computed here without Qt.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from ... import APP_NAME

#: The database file inside the data folder.
DATABASE_NAME = "library.sqlite3"


def data_dir(environ: Mapping[str, str] | None = None) -> Path:
    """Reader's data folder: ``$XDG_DATA_HOME/Reader/Reader`` (default ``~/.local/share``)."""
    env = os.environ if environ is None else environ
    base = env.get("XDG_DATA_HOME", "")
    root = Path(base) if base and Path(base).is_absolute() else Path.home() / ".local" / "share"
    return root / APP_NAME / APP_NAME


def default_path(environ: Mapping[str, str] | None = None) -> Path:
    """The library database of this user."""
    return data_dir(environ) / DATABASE_NAME
