"""The core's longest regular expressions, compiled once per Python and kept on disk.

Python compiles every regular expression anew in each process. For the core's longest
patterns (the numbers' 14 KB pattern, the post stamps', the clutter vocabularies') that took
about 40 ms at every start of Reader, on the path to the first article. As Python keeps
compiled bytecode, :func:`regex` keeps the compiled form of these patterns in Reader's cache
folder, in a file of the Python that made it (its version tag and regex engine's magic
number). The file holds the patterns and the engine's code for them, nothing of the user's.
A pattern missing from it, a damaged file or an engine that refuses the code is compiled as
``re.compile`` does; :func:`save` writes what was compiled (the helpers' fork server does,
once it has warmed up).
"""

from __future__ import annotations

import _sre
import json
import os
import re
import sys
import tempfile
from array import array
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from re import _compiler, _parser  # type: ignore[attr-defined]
from typing import Any

from .. import APP_NAME

#: The engine's code of one pattern: flags, code, groups, group index, group names.
_Entry = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]
_FILE = f"regex-{sys.implementation.cache_tag}-{_sre.MAGIC}-{_sre.CODESIZE}.json"
#: A larger file is none this module wrote (it writes about 0.5 MB): it is not read.
_MAX_BYTES = 8 * 1024 * 1024

_entries: dict[str, _Entry] | None = None
_new = False


def regex(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, from the cache when it holds the pattern."""
    key = f"{int(flags)}:{pattern}"
    entries = _loaded()
    entry = entries.get(key)
    if entry is not None:
        try:
            return _build(pattern, entry)
        except Exception:  # a damaged entry (or an engine that refuses it): compiled again
            del entries[key]
    entry = _compiled(pattern, int(flags))
    compiled = _build(pattern, entry)
    global _new
    entries[key] = entry
    _new = True
    return compiled


def common_start(words: Sequence[str]) -> str:
    """The longest start all ``words`` share."""
    stem = words[0]
    for word in words[1:]:
        while not word.startswith(stem):
            stem = stem[:-1]
    return stem


def prefix_tree(words: Iterable[str]) -> str:
    """A pattern matching where any of the literal ``words`` (or a longer word they start)
    begins, written as a tree of their shared starts ("a(?:ccount|lert)"): Python's engine
    tries an alternation's branches one by one, so a tree compares each start once."""
    groups: dict[str, list[str]] = {}
    for word in sorted(set(words)):
        groups.setdefault(word[0], []).append(word)
    branches = []
    for group in groups.values():
        stem = common_start(group)
        rests = [word[len(stem):] for word in group]
        if "" in rests:  # the stem is a word: the longer ones it starts add nothing
            branches.append(re.escape(stem))
        else:
            branches.append(f"{re.escape(stem)}(?:{prefix_tree(rests)})")
    return "|".join(branches)


def save(environ: Mapping[str, str] | None = None) -> None:
    """Write the patterns compiled in this process since the file was read (if any)."""
    global _new
    if not _new or _entries is None:
        return
    folder = cache_dir(environ)
    records = {key: [e[0], array("I", e[1]).tobytes().hex(), e[2], e[3], list(e[4])]
               for key, e in _entries.items()}
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", dir=folder, prefix=".regex-", delete=False,
                                         encoding="utf-8") as out:
            try:
                json.dump(records, out)
            except OSError:
                os.unlink(out.name)  # a full disk leaves no half-written file behind
                raise
        os.replace(out.name, folder / _FILE)
    except OSError:
        return
    _new = False


def cache_dir(environ: Mapping[str, str] | None = None) -> Path:
    """Reader's cache folder: ``$XDG_CACHE_HOME/Reader/Reader`` (default ``~/.cache``)."""
    env = os.environ if environ is None else environ
    base = env.get("XDG_CACHE_HOME", "")
    root = Path(base) if base and Path(base).is_absolute() else Path.home() / ".cache"
    return root / APP_NAME / APP_NAME


def _loaded() -> dict[str, _Entry]:
    global _entries
    if _entries is None:
        _entries = _read(cache_dir() / _FILE)
    return _entries


def _read(path: Path) -> dict[str, _Entry]:
    """The entries of ``path``; none when it is missing or not what :func:`save` writes."""
    try:
        if path.stat().st_size > _MAX_BYTES:
            return {}
        records = json.loads(path.read_text(encoding="utf-8"))
        return {key: (int(flags), array("I", bytes.fromhex(code)).tolist(), int(groups),
                      {str(k): int(v) for k, v in index.items()},
                      tuple(None if n is None else str(n) for n in names))
                for key, (flags, code, groups, index, names) in records.items()}
    except (OSError, ValueError, TypeError, AttributeError):
        return {}


def _compiled(pattern: str, flags: int) -> _Entry:
    """What ``re._compiler.compile`` hands the engine for ``pattern``."""
    tree: Any = _parser.parse(pattern, flags)
    code: list[int] = _compiler._code(tree, flags)
    index: dict[str, int] = dict(tree.state.groupdict)
    names: list[str | None] = [None] * tree.state.groups
    for name, number in index.items():
        names[number] = name
    return flags | tree.state.flags, code, tree.state.groups - 1, index, tuple(names)


def _build(pattern: str, entry: _Entry) -> re.Pattern[str]:
    flags, code, groups, index, names = entry
    compiled: re.Pattern[str] = _sre.compile(pattern, flags, code, groups, index, names)
    return compiled
