"""User preferences declared once, window state kept apart, and reading positions per article.

Everything lives in one INI file under the user's config folder (``QStandardPaths``, so tests
isolate it with ``QStandardPaths.setTestModeEnabled(True)``). QSettings writes the file
atomically (a temporary file renamed over the old one) when it syncs.
"""

from __future__ import annotations

import json
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QObject, QSettings, QStandardPaths, Signal

from ..style.theme import FONT_CHOICES
from ..style.theme_names import THEME_NAMES


@dataclass(frozen=True)
class Preference:
    """One user preference: its name, type, default and a one-line description."""

    name: str
    type: type
    default: Any
    description: str
    choices: tuple[Any, ...] = ()


PREFERENCES: tuple[Preference, ...] = (
    Preference("theme", str, "light", "Colour theme of the window and the article.",
               THEME_NAMES),
    Preference("font_family", str, "serif", "Typeface of the article body.", FONT_CHOICES),
    Preference("custom_font", str, "", "Font family of the article body when the typeface is "
               "'custom' (chosen in View ▸ Choose Font)."),
    Preference("font_size", int, 13, "Body text size in points."),
    Preference("column_chars", int, 68, "Width of the text column in characters."),
    Preference("line_height", float, 1.55, "Line height as a multiple of the text size."),
    Preference("text_align", str, "left", "Paragraph alignment: flush left or justified.",
               ("left", "justify")),
    Preference("remote_images", bool, True,
               "Show the images of a fetched page (only for the page you asked for)."),
    Preference("network_timeout", float, 20.0, "Seconds to wait for a web server."),
    Preference("facts_panel_visible", bool, True, "Show the facts panel beside the article."),
    Preference("fact_highlights", bool, True,
               "Highlight people, places, organisations and numbers in the article text."),
)

_BY_NAME = {pref.name: pref for pref in PREFERENCES}

#: Reading positions kept (the least recently used are forgotten first).
MAX_POSITIONS = 500
#: Entries of File ▸ Recent.
MAX_RECENT = 10


def settings_path() -> Path:
    """The INI file holding preferences, window state and reading positions."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericConfigLocation)
    return Path(base) / "reader-app" / "settings.ini"


def _coerce(pref: Preference, value: Any) -> Any:
    """``value`` as read from the INI file, converted to the preference's type, or the default."""
    try:
        if pref.type is bool:
            if isinstance(value, str):
                out: Any = value.strip().lower() in ("true", "1", "yes")
            else:
                out = bool(value)
        else:
            out = pref.type(value)
    except (TypeError, ValueError):
        return pref.default
    if pref.choices and out not in pref.choices:
        return pref.default
    return out


class Settings(QObject):
    """Preferences, window geometry/state, recent sources and reading positions.

    Signals:
        changed(str, object): a preference was set to a new value (name, value).
    """

    changed = Signal(str, object)

    def __init__(self, path: Path | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = path or settings_path()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._store = QSettings(str(self.path), QSettings.Format.IniFormat)

    # Preferences -------------------------------------------------------------------------

    def get(self, name: str) -> Any:
        """The value of preference ``name`` (its default when unset or invalid)."""
        pref = _BY_NAME[name]
        value = self._store.value(f"preferences/{name}")
        return pref.default if value is None else _coerce(pref, value)

    def set(self, name: str, value: Any) -> None:
        """Set preference ``name``; emits :attr:`changed` when the value differs."""
        pref = _BY_NAME[name]
        value = _coerce(pref, value)
        if value == self.get(name):
            return
        self._store.setValue(f"preferences/{name}", value)
        self.changed.emit(name, value)

    def reset(self, name: str) -> None:
        """Put preference ``name`` back to its default."""
        self.set(name, _BY_NAME[name].default)

    # Window state, kept apart from preferences --------------------------------------------

    def window_geometry(self) -> QByteArray | None:
        """The saved window geometry, if any."""
        value = self._store.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    def window_state(self) -> QByteArray | None:
        """The saved tool bar/dock state, if any."""
        value = self._store.value("window/state")
        return value if isinstance(value, QByteArray) else None

    def save_window(self, geometry: QByteArray, state: QByteArray) -> None:
        """Remember the window's geometry and tool bar/dock state."""
        self._store.setValue("window/geometry", geometry)
        self._store.setValue("window/state", state)

    # First run ----------------------------------------------------------------------------

    def first_run(self) -> bool:
        """True until :meth:`mark_started` was called once."""
        return not _coerce(Preference("", bool, False, ""), self._store.value("state/started"))

    def mark_started(self) -> None:
        """Remember that Reader has been started before."""
        self._store.setValue("state/started", True)

    def last_folder(self) -> str:
        """The folder of the last page opened or exported with a file dialog (home at first)."""
        value = self._store.value("state/last_folder")
        return value if isinstance(value, str) and Path(value).is_dir() else str(Path.home())

    def set_last_folder(self, folder: str) -> None:
        """Remember where the file dialogs should open next time."""
        self._store.setValue("state/last_folder", folder)

    # Recent sources -----------------------------------------------------------------------

    def recent(self) -> list[tuple[str, str]]:
        """Recently opened ``(source, title)`` pairs, newest first."""
        return [(source, title) for source, title, _ in self._recent_entries()]

    def _recent_entries(self) -> list[tuple[str, str, str]]:
        """``(source, title, article key)``; entries kept without a key are keyed by source."""
        out = []
        for item in self._json("state/recent", []):
            if isinstance(item, list) and len(item) >= 2 and isinstance(item[0], str):
                key = item[2] if len(item) > 2 and isinstance(item[2], str) else item[0]
                out.append((item[0], str(item[1] or ""), key))
        return out

    def add_recent(self, source: str, title: str, key: str | None = None) -> None:
        """Put ``source`` first in the recent list, in place of any entry of the same source or
        of the same article (``key``, e.g. one article saved in two files)."""
        key = key or source
        items = [e for e in self._recent_entries() if e[0] != source and e[2] != key]
        self._store.setValue(
            "state/recent", json.dumps([(source, title, key), *items][:MAX_RECENT])
        )

    def clear_recent(self) -> None:
        """Forget the recent list."""
        self._store.remove("state/recent")

    # Reading positions --------------------------------------------------------------------

    def position(self, key: str) -> int | None:
        """The remembered reading position (a text offset) of the article ``key``."""
        value = self._json("state/positions", {}).get(key)
        return value if isinstance(value, int) else None

    def set_position(self, key: str, offset: int) -> None:
        """Remember the reading position of article ``key``; old entries are dropped first."""
        positions: OrderedDict[str, int] = OrderedDict(self._json("state/positions", {}))
        positions.pop(key, None)
        positions[key] = int(offset)
        while len(positions) > MAX_POSITIONS:
            positions.popitem(last=False)
        self._store.setValue("state/positions", json.dumps(positions))

    # Storage ------------------------------------------------------------------------------

    def sync(self) -> None:
        """Write pending changes to disk (atomically)."""
        self._store.sync()

    def _json(self, key: str, default: Any) -> Any:
        raw = self._store.value(key)
        if not isinstance(raw, str):
            return default
        try:
            value = json.loads(raw)
        except ValueError:
            return default
        return value if isinstance(value, type(default)) else default
