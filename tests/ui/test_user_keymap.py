"""The reader's keys file: parsing, overriding defaults, and problems reported at start."""

from __future__ import annotations

from pathlib import Path

import pytest
from keyboard_support import CTRL, focus_article, press, settle
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from window_support import settings_file_fixture, write_page  # noqa: F401 (fixtures)

from reader_app.__main__ import _gui_parser
from reader_app.ui.keyboard.keymap import KEYMAP, key_sequences
from reader_app.ui.keyboard.user_keymap import (
    KEYS_FILE,
    keys_path,
    load_user_keymap,
    merge,
    parse_key,
)
from reader_app.ui.shell.app import open_window
from reader_app.ui.shell.settings import Settings


@pytest.mark.parametrize(("text", "expected"), [
    ("j", "J"),
    ("G", "Shift+G"),
    ("g g", "G, G"),
    ("g, g", "G, G"),
    ("ctrl+shift+c", "Ctrl+Shift+C"),
    ("Page Down", "PgDown"),
    ("Shift+Space", "Shift+Space"),
    ("?", "?"),
    ("Ctrl+,", "Ctrl+,"),
    ("Alt+Left", "Alt+Left"),
    ("", None),
    ("Ctrl+Nope", None),
    ("j k l m n", None),
])
def test_parse_key(text: str, expected: str | None) -> None:
    assert parse_key(text) == expected


def test_no_file_gives_the_defaults(tmp_path: Path) -> None:
    user = load_user_keymap(tmp_path / KEYS_FILE)
    assert user.keymap == KEYMAP
    assert user.problems == ()
    assert user.summary() == ""


def test_the_keys_file_lives_beside_the_settings() -> None:
    assert keys_path().name == KEYS_FILE
    assert keys_path().parent.name == "reader-app"


def test_broken_toml_is_reported_and_the_defaults_kept(tmp_path: Path) -> None:
    path = tmp_path / KEYS_FILE
    path.write_text('scroll_down = ["j"\ncycle_theme = "x"\n', encoding="utf-8")
    user = load_user_keymap(path)
    assert user.keymap == KEYMAP
    assert len(user.problems) == 1
    assert "not valid TOML" in user.problems[0].text
    assert user.level == "error"


def test_overrides_conflicts_and_unknown_commands() -> None:
    keymap, problems, changed = merge(KEYMAP, {
        "cycle_theme": "x",
        "scroll_down": ["j", "Ctrl+N", "t"],
        "reload": "j",
        "scrol_up": "k",
        "quit": 5,
        "zoom_in": ["Ctrl+Nope", "Ctrl+Up"],
        "open_file": [],
    })
    texts = [p.text for p in problems]
    assert changed == ["cycle_theme", "scroll_down", "reload", "zoom_in", "open_file"]
    assert keymap["cycle_theme"] == ("X",)
    assert keymap["scroll_down"] == ("J", "Ctrl+N", "T")
    assert keymap["reload"] == ()  # j went to scroll_down, listed first
    assert keymap["zoom_in"] == ("Ctrl+Up",)
    assert keymap["open_file"] == ()
    assert key_sequences("quit", keymap) == key_sequences("quit")
    assert "unknown command “scrol_up” (ignored)" in texts
    assert any(t.startswith("quit wants a key or a list of keys") for t in texts)
    assert "“Ctrl+Nope” for zoom_in is not a key (ignored)" in texts
    assert "j is given to both scroll_down and reload; scroll_down keeps it" in texts
    errors = {p.text for p in problems if p.level == "error"}
    assert len(errors) == 4
    assert [p.level for p in problems].count("error") == 4


def test_a_default_key_given_away_is_reported_and_taken() -> None:
    keymap, problems, _changed = merge(KEYMAP, {"scroll_down": ["j", "r"]})
    assert [(p.level, p.text) for p in problems] == [
        ("info", "r now runs scroll_down instead of reload")]
    assert [s.toString() for s in key_sequences("reload", keymap)] == ["F5"]


def test_a_key_that_starts_a_sequence_is_reported() -> None:
    _keymap, problems, _changed = merge(KEYMAP, {"cycle_theme": "g"})
    assert [p.text for p in problems] == [
        "g runs cycle_theme only after a pause, since g g (scroll_top) starts with it"]


def test_start_reports_problems_and_uses_the_new_keys(qtbot, settings_file, tmp_path,
                                                      capsys, executor) -> None:
    keys = settings_file.parent / KEYS_FILE
    keys.parent.mkdir(parents=True)
    keys.write_text(
        "# my keys\n"
        'cycle_theme = "x"\n'
        'scroll_down = ["j", "Ctrl+N"]\n'
        'scrol_up = "k"\n'
        'reload = "j"\n',
        encoding="utf-8",
    )
    page = write_page(tmp_path, "keys.html", "Keys of my own", 60)
    window = open_window(_gui_parser().parse_args([str(page)]), Settings(settings_file),
                         executor)
    qtbot.addWidget(window, before_close_func=lambda w: w.navigation.loader.cancel())
    err = capsys.readouterr().err
    assert f"reader-app: {keys}: unknown command “scrol_up” (ignored)" in err
    assert "j is given to both scroll_down and reload; scroll_down keeps it" in err
    with qtbot.waitSignal(window.article_shown, timeout=20000):
        pass
    # Opening the page clears the message bar; the keys file's problems are shown again.
    message = window.message_bar.text
    assert message.startswith("Keys file keys.toml: unknown command “scrol_up” (ignored)")
    assert "and 1 more" in message
    assert window.message_bar.level == "error"

    focus_article(qtbot, window)
    press(qtbot, window, Qt.Key.Key_T)
    assert window.settings.get("theme") == "light"
    press(qtbot, window, Qt.Key.Key_X)
    assert window.settings.get("theme") == "sepia"
    focus_article(qtbot, window)
    before = settle(qtbot, window)
    press(qtbot, window, Qt.Key.Key_N, CTRL)
    assert settle(qtbot, window) == before + window.view.line_step()
    assert "Ctrl+N" in [s.toString() for s in window.actions_by_name["scroll_down"].shortcuts()]
    assert QKeySequence("R") not in window.actions_by_name["reload"].shortcuts()
    help_text = window.keyboard.help.browser.toPlainText()
    assert "x" in help_text.split("Switch theme")[0].splitlines()[-1]
