"""The core's long patterns come from the cache exactly as ``re.compile`` makes them; a
missing, damaged or refused cache only means compiling them again."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader_app.core import regex_cache
from reader_app.core.facts import number_patterns
from reader_app.core.regex_cache import cache_dir, prefix_tree, regex

PATTERNS = [
    (number_patterns._NUMBER.pattern, number_patterns._NUMBER.flags),
    (r"(?P<day>\d{1,2}) (?P<month>[A-Z][a-z]+)|(\w+)@(\w+)", re.I),
    (r"^\W*(?:advertisement|sponsored)\W*$", re.I | re.M),
]
TEXT = ("About 65 drones and a quarter of the 1,200 staff, said 3 March. "
        "Advertisement\nwrite to desk@example.org by 14 May; two-thirds agreed.")


@pytest.fixture
def fresh(monkeypatch: pytest.MonkeyPatch) -> None:
    """This process has read no cache file and compiled nothing new (as at start-up)."""
    monkeypatch.setattr(regex_cache, "_entries", None)
    monkeypatch.setattr(regex_cache, "_new", False)


def _cache_file() -> Path:
    return cache_dir() / regex_cache._FILE


def _same(pattern: re.Pattern[str], source: str, flags: int) -> None:
    expected = re.compile(source, flags)
    assert pattern == expected  # the same engine code, flags and pattern
    assert pattern.groupindex == expected.groupindex
    assert [m.groupdict() or m.groups() for m in pattern.finditer(TEXT)] == [
        m.groupdict() or m.groups() for m in expected.finditer(TEXT)]


def test_patterns_compiled_saved_and_read_back_are_those_of_re(fresh: None,
                                                               monkeypatch: pytest.MonkeyPatch
                                                               ) -> None:
    for source, flags in PATTERNS:
        _same(regex(source, flags), source, flags)
    assert not _cache_file().exists()
    regex_cache.save()
    assert _cache_file().is_file()
    monkeypatch.setattr(regex_cache, "_entries", None)  # a new process reads the file
    for source, flags in PATTERNS:
        _same(regex(source, flags), source, flags)
    assert regex_cache._new is False  # nothing was compiled: all came from the file


def test_nothing_is_written_when_nothing_was_compiled(fresh: None) -> None:
    regex_cache.save()
    assert not _cache_file().exists()


@pytest.mark.parametrize("damage", ["garbage", "truncated", "refused code", "wrong shapes",
                                    "huge"])
def test_a_damaged_cache_is_compiled_again(fresh: None, monkeypatch: pytest.MonkeyPatch,
                                           damage: str) -> None:
    source, flags = PATTERNS[1]
    regex(source, flags)
    regex_cache.save()
    path = _cache_file()
    text = path.read_text(encoding="utf-8")
    if damage == "garbage":
        path.write_bytes(b"\x00\xff not a cache")
    elif damage == "huge":  # valid, but read it would cost the start-up what it saves
        records = json.loads(text)
        records["0:padding"] = [0, "", 0, {}, ["x" * regex_cache._MAX_BYTES]]
        path.write_text(json.dumps(records), encoding="utf-8")
    elif damage == "truncated":
        path.write_text(text[: len(text) // 2], encoding="utf-8")
    else:
        records = json.loads(text)
        for record in records.values():
            if damage == "refused code":
                record[1] = "ff" * (len(record[1]) // 2)
            else:
                record[3] = "not a mapping"
        path.write_text(json.dumps(records), encoding="utf-8")
    monkeypatch.setattr(regex_cache, "_entries", None)
    _same(regex(source, flags), source, flags)
    assert regex_cache._new is True  # compiled again, not taken from the file


def test_an_unwritable_cache_folder_is_no_error(fresh: None, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    source, flags = PATTERNS[2]
    _same(regex(source, flags), source, flags)
    regex_cache.save()
    assert regex_cache._new is True  # still to be written, by a later save


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text("abc d", min_size=1, max_size=5), min_size=1, max_size=8),
       st.text("abc d.", max_size=30))
def test_a_prefix_tree_matches_where_its_words_do(words: list[str], text: str) -> None:
    plain = re.compile(r"(?=\b(?:" + "|".join(map(re.escape, words)) + "))")
    tree = re.compile(r"(?=\b(?:" + prefix_tree(words) + "))")
    assert [m.start() for m in tree.finditer(text)] == [m.start() for m in plain.finditer(text)]
