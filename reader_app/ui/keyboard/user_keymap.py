"""The reader's own keys: ``keys.toml`` beside the settings overrides the default keymap.

Format (TOML), one line per command to change; its listed keys replace the defaults::

    # command = "key"  or  command = ["key", "key"];  [] leaves a command without keys
    scroll_down = ["j", "Down", "Ctrl+N"]
    scroll_top = "g g"          # two presses: g, then g
    cycle_theme = "Ctrl+T"
    quit = []

Keys are written as Qt writes them (``Ctrl+L``, ``Alt+Left``, ``PgDown``, ``F5``, ``Space``); a
lone capital letter means that letter with Shift (``G`` is Shift+G, ``g`` is g). Unknown
commands, keys that are not keys, and keys claimed twice are reported at start, never
silently dropped; a key the file gives to another command is taken from its default owner.
"""

from __future__ import annotations

import sys
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, TextIO

from PySide6.QtCore import Qt, SignalInstance
from PySide6.QtGui import QKeySequence

from ..shell.message_bar import MessageBar
from ..shell.settings import settings_path
from .commands import COMMANDS, COMMANDS_BY_NAME
from .dispatch import Stroke, sequence_text, stroke_text, strokes
from .keymap import KEYMAP, Key, key_sequences

KEYS_FILE = "keys.toml"

Level = Literal["error", "info"]


@dataclass(frozen=True)
class Problem:
    """Something wrong with, or worth knowing about, the keys file."""

    level: Level
    text: str


@dataclass(frozen=True)
class UserKeymap:
    """The keymap in effect and what was found wrong on the way."""

    keymap: dict[str, tuple[Key, ...]]
    problems: tuple[Problem, ...] = ()
    path: Path | None = None
    changed: tuple[str, ...] = field(default=())

    def summary(self) -> str:
        """One line for the message bar (empty without problems)."""
        if not self.problems:
            return ""
        name = self.path.name if self.path else KEYS_FILE
        first = self.problems[0].text
        more = len(self.problems) - 1
        tail = f" (and {more} more; details on the terminal)" if more else ""
        return f"Keys file {name}: {first}{tail}."

    @property
    def level(self) -> Level:
        """``error`` if any problem is one, else ``info``."""
        return "error" if any(p.level == "error" for p in self.problems) else "info"


def keys_path() -> Path:
    """Where the reader's keys file lives: beside ``settings.ini``."""
    return settings_path().parent / KEYS_FILE


def parse_key(text: str) -> str | None:
    """``text`` as a portable key sequence (``"Shift+G"``, ``"G, G"``), or None if no key.

    Presses are separated by ``", "`` or, where the whole is no key name, by spaces.
    """
    text = text.strip()
    if not text:
        return None
    if ", " in text:
        parts = [p.strip() for p in text.split(", ")]
    elif " " in text and _one_key(text) is None:
        parts = text.split()
    else:
        parts = [text]
    if len(parts) > 4:
        return None
    keys = [_one_key(p) for p in parts]
    if any(k is None for k in keys):
        return None
    return ", ".join(k for k in keys if k)


def _one_key(text: str) -> str | None:
    if len(text) == 1 and text.isalpha() and text.isupper() and text.isascii():
        text = f"Shift+{text}"
    sequence = QKeySequence(text)
    first = sequence[0] if sequence.count() == 1 else None  # type: ignore[index]
    if first is None or first.key() == Qt.Key.Key_unknown:
        return None
    portable = sequence.toString(QKeySequence.SequenceFormat.PortableText)
    return portable or None


def load_user_keymap(
    path: Path | None = None, defaults: Mapping[str, tuple[Key, ...]] = KEYMAP
) -> UserKeymap:
    """The defaults overridden by the keys file at ``path`` (default :func:`keys_path`).

    A missing file gives the defaults; an unreadable or malformed one gives the defaults and
    says why.
    """
    path = path or keys_path()
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return UserKeymap(dict(defaults), path=path)
    except OSError as err:
        return UserKeymap(dict(defaults), (Problem("error", f"cannot be read ({err.strerror})"),),
                          path)
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as err:
        return UserKeymap(dict(defaults), (
            Problem("error", f"is not valid TOML ({err}); the default keys are used"),), path)
    keymap, problems, changed = merge(defaults, data)
    return UserKeymap(keymap, tuple(problems), path, tuple(changed))


def merge(
    defaults: Mapping[str, tuple[Key, ...]], data: Mapping[str, object]
) -> tuple[dict[str, tuple[Key, ...]], list[Problem], list[str]]:
    """Apply the entries of a keys file to ``defaults``: (keymap, problems, changed commands)."""
    keymap: dict[str, tuple[Key, ...]] = dict(defaults)
    problems: list[Problem] = []
    changed: list[str] = []
    for name, value in data.items():
        if name not in COMMANDS_BY_NAME:
            problems.append(Problem("error", f"unknown command “{name}” (ignored)"))
            continue
        values = [value] if isinstance(value, str) else value
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            problems.append(Problem(
                "error", f"{name} wants a key or a list of keys, like \"Ctrl+K\" (ignored)"))
            continue
        keys: list[str] = []
        for text in values:
            key = parse_key(text)
            if key is None:
                problems.append(Problem("error", f"“{text}” for {name} is not a key (ignored)"))
            elif key not in keys:
                keys.append(key)
        keymap[name] = tuple(keys)
        changed.append(name)
    problems += _resolve_conflicts(keymap, changed)
    return keymap, problems, changed


def _resolve_conflicts(keymap: dict[str, tuple[Key, ...]], changed: list[str]) -> list[Problem]:
    """Give each key to one command: the file's own entries first (in order), then defaults."""
    problems: list[Problem] = []
    owner: dict[tuple[Stroke, ...], str] = {}
    order = [*changed, *(c.name for c in COMMANDS if c.name not in changed)]
    for name in order:
        kept: list[QKeySequence] = []
        sequences = key_sequences(name, keymap)
        for sequence in sequences:
            found = strokes(sequence)
            holder = owner.get(found)
            if holder is None:
                owner[found] = name
                kept.append(sequence)
                continue
            shown = sequence_text(sequence)
            if name in changed:
                problems.append(Problem(
                    "error", f"{shown} is given to both {holder} and {name}; {holder} keeps it"))
            else:
                problems.append(Problem(
                    "info", f"{shown} now runs {holder} instead of {name}"))
        if len(kept) != len(sequences):
            keymap[name] = tuple(s.toString(QKeySequence.SequenceFormat.PortableText)
                                 for s in kept)
    for found, name in owner.items():
        for i in range(1, len(found)):
            other = owner.get(found[:i])
            if other is not None and (name in changed or other in changed):
                problems.append(Problem(
                    "info", f"{_text(found[:i])} runs {other} only after a pause, since "
                    f"{_text(found)} ({name}) starts with it"))
    return problems


def _text(found: tuple[Stroke, ...]) -> str:
    return " ".join(stroke_text(s) for s in found)


def report(user: UserKeymap, stream: TextIO | None = None) -> None:
    """Write every problem of ``user`` to ``stream`` (standard error by default)."""
    out = stream or sys.stderr
    name = str(user.path) if user.path else KEYS_FILE
    for problem in user.problems:
        print(f"reader-app: {name}: {problem.text}", file=out)


def announce(message_bar: MessageBar, article_shown: SignalInstance, user: UserKeymap,
             stream: TextIO | None = None) -> None:
    """Tell of ``user``'s problems on ``stream`` and in ``message_bar``.

    The bar shows them again once the first article is on screen (``article_shown``), since
    opening a page clears it.
    """
    if not user.problems:
        return
    report(user, stream)
    summary, level = user.summary(), user.level
    message_bar.show_message(summary, level)

    def again(_article: object) -> None:
        article_shown.disconnect(again)
        message_bar.show_message(summary, level)

    article_shown.connect(again)
