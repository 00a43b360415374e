"""Keys in the article: scrolling, sequences and their timeout, where letters act, Tab, the doc."""

from __future__ import annotations

from pathlib import Path

import pytest
from keyboard_support import (
    CTRL,
    NO,
    PERSON,
    SHIFT,
    focus_article,
    open_long_article,
    paged_to,
    people_page,
    press,
    settle,
    type_text,
)
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMenu
from window_support import settings_file_fixture, window_fixture  # noqa: F401 (fixtures)

from reader_app.ui.keyboard.commands import COMMANDS, COMMANDS_BY_NAME, article_bindings
from reader_app.ui.keyboard.dispatch import SEQUENCE_TIMEOUT_MS, article_only, normalise, strokes
from reader_app.ui.keyboard.doc import render_markdown
from reader_app.ui.keyboard.help import GROUPS, OTHER, key_rows
from reader_app.ui.keyboard.keymap import KEYMAP, key_sequences

DOC = Path(__file__).parents[2] / "docs" / "keyboard.md"


def test_line_page_and_half_page_keys(qtbot, window, tmp_path: Path) -> None:
    open_long_article(qtbot, window, tmp_path)
    view = window.view
    line = view.line_step()
    page = view.viewport().height() - line
    assert settle(qtbot, window) == 0

    press(qtbot, window, Qt.Key.Key_J)
    assert settle(qtbot, window) == line
    press(qtbot, window, Qt.Key.Key_Down)
    assert settle(qtbot, window) == 2 * line
    press(qtbot, window, Qt.Key.Key_K)
    press(qtbot, window, Qt.Key.Key_Up)
    assert settle(qtbot, window) == 0

    # A page keeps one line of the previous screen in view.
    top = view.verticalScrollBar().maximum()
    at = 0
    for key, mods, sign in ((Qt.Key.Key_Space, NO, 1), (Qt.Key.Key_PageDown, NO, 1),
                            (Qt.Key.Key_Space, SHIFT, -1), (Qt.Key.Key_PageUp, NO, -1)):
        press(qtbot, window, key, mods)
        now = settle(qtbot, window)
        assert paged_to(at, now, sign * page, line, top), (key, at, now)
        at = now
    press(qtbot, window, Qt.Key.Key_PageUp)
    assert settle(qtbot, window) == 0

    press(qtbot, window, Qt.Key.Key_D, CTRL)
    half = settle(qtbot, window)
    assert abs(half - view.viewport().height() / 2) <= line
    press(qtbot, window, Qt.Key.Key_U, CTRL)
    assert settle(qtbot, window) == 0


def test_top_and_bottom_keys_with_the_g_g_sequence(qtbot, window, tmp_path: Path) -> None:
    open_long_article(qtbot, window, tmp_path)
    bar = window.view.verticalScrollBar()
    press(qtbot, window, Qt.Key.Key_G, SHIFT)
    assert settle(qtbot, window) == bar.maximum() > 0
    assert window.position_label.text().startswith("100% read")

    press(qtbot, window, Qt.Key.Key_G)
    assert window.keyboard.pending_label.isVisible()
    assert window.keyboard.pending_label.text() == "g …"
    assert bar.value() == bar.maximum()
    press(qtbot, window, Qt.Key.Key_G)
    assert settle(qtbot, window) == 0
    assert not window.keyboard.pending_label.isVisible()
    assert window.position_label.text().startswith("0% read")

    press(qtbot, window, Qt.Key.Key_End)
    assert settle(qtbot, window) == bar.maximum()
    press(qtbot, window, Qt.Key.Key_Home)
    assert settle(qtbot, window) == 0


def test_a_sequence_times_out_and_esc_cancels_it(qtbot, window, tmp_path: Path) -> None:
    open_long_article(qtbot, window, tmp_path)
    bar = window.view.verticalScrollBar()
    press(qtbot, window, Qt.Key.Key_G, SHIFT)
    bottom = settle(qtbot, window)
    label = window.keyboard.pending_label

    press(qtbot, window, Qt.Key.Key_G)
    assert label.isVisible()
    with qtbot.waitSignal(window.keyboard.dispatcher.pending_changed,
                          timeout=SEQUENCE_TIMEOUT_MS * 3) as cleared:
        pass
    assert cleared.args == [""]
    assert not label.isVisible()
    press(qtbot, window, Qt.Key.Key_G)  # starts a new sequence rather than ending the old one
    assert label.isVisible()
    assert bar.value() == bottom

    press(qtbot, window, Qt.Key.Key_Escape)
    assert not label.isVisible()
    press(qtbot, window, Qt.Key.Key_G)
    press(qtbot, window, Qt.Key.Key_J)  # a broken sequence: j counts on its own
    assert not label.isVisible()
    assert settle(qtbot, window) == bottom  # already at the end: j cannot go further
    press(qtbot, window, Qt.Key.Key_K)
    assert settle(qtbot, window) < bottom


def test_letters_typed_in_the_location_bar_run_no_command(qtbot, window, tmp_path) -> None:
    open_long_article(qtbot, window, tmp_path)
    press(qtbot, window, Qt.Key.Key_L, CTRL)
    assert window.location_bar.hasFocus()
    type_text(qtbot, "jkgGtqwWhfnN/?+-0 rHL")
    assert window.location_bar.text() == "jkgGtqwWhfnN/?+-0 rHL"
    assert window.isVisible()
    assert window.settings.get("theme") == "light"
    assert window.settings.get("font_size") == 13
    assert window.settings.get("column_chars") == 68
    assert not window.find_bar.isVisible()
    assert not window.keyboard.help.isVisible()
    assert window.view.verticalScrollBar().value() == 0

    press(qtbot, window, Qt.Key.Key_Escape)
    assert window.view.hasFocus()
    assert window.location_bar.text() == str(tmp_path / "long.html")
    press(qtbot, window, Qt.Key.Key_O)
    assert window.location_bar.hasFocus()
    assert window.location_bar.selectedText() == window.location_bar.text()


def test_letters_typed_in_the_find_bar_run_no_command(qtbot, window, tmp_path) -> None:
    open_long_article(qtbot, window, tmp_path)
    press(qtbot, window, "/")
    assert window.find_bar.field.hasFocus()
    type_text(qtbot, "tqgghGn")
    press(qtbot, window, Qt.Key.Key_N, SHIFT)
    assert window.find_bar.field.text() == "tqgghGnn"
    assert window.isVisible()
    assert window.settings.get("theme") == "light"
    assert not window.keyboard.pending_label.isVisible()


def test_letters_typed_in_the_facts_filter_run_no_command(qtbot, window, tmp_path) -> None:
    with qtbot.waitSignal(window.facts.facts_shown, timeout=20000):
        window.navigation.open_source(str(people_page(tmp_path)))
    focus_article(qtbot, window)
    panel = window.facts_panel
    press(qtbot, window, Qt.Key.Key_F)
    assert panel.tree.hasFocus()
    type_text(qtbot, "sarah")  # typing in the list moves to the filter box
    assert panel.filter_box.hasFocus()
    assert panel.filter_box.text() == "sarah"
    assert [i.text(0) for i in panel.entries() if not i.isHidden()] == [PERSON]
    type_text(qtbot, "qtjgG/?")
    assert panel.filter_box.text() == "sarahqtjgG/?"
    assert window.isVisible()
    assert window.settings.get("theme") == "light"
    assert not window.find_bar.isVisible() and not window.keyboard.help.isVisible()
    assert window.view.verticalScrollBar().value() == 0
    press(qtbot, window, Qt.Key.Key_Escape)  # clears the filter
    assert panel.filter_box.text() == ""
    press(qtbot, window, Qt.Key.Key_Escape)  # back to the article
    assert window.view.hasFocus()


def test_tab_cycles_article_panel_and_location_bar(qtbot, window, tmp_path) -> None:
    open_long_article(qtbot, window, tmp_path)
    regions = window.keyboard.regions
    assert regions.current().name == "article"
    assert regions.marked() == "article"
    names = [r.name for r in regions.regions if r.widget.isVisible()]
    assert names[0] == "article" and names[-1] == "location"
    seen = []
    for _ in names:
        press(qtbot, window, Qt.Key.Key_Tab)
        seen.append(regions.current().name)
    assert seen == [*names[1:], "article"]
    press(qtbot, window, Qt.Key.Key_Backtab, SHIFT)
    assert regions.current().name == "location"
    assert window.location_bar.hasFocus()
    assert regions.marked() is None  # the location bar draws its own focus border
    press(qtbot, window, Qt.Key.Key_Backtab, SHIFT)
    assert regions.current().name == names[-2]
    assert regions.marked() == names[-2]


def test_article_takes_the_focus_after_a_load(qtbot, window, tmp_path: Path) -> None:
    open_long_article(qtbot, window, tmp_path)
    press(qtbot, window, Qt.Key.Key_L, CTRL)
    page = tmp_path / "second.html"
    page.write_text((tmp_path / "long.html").read_text().replace(
        "Harbour bridge survey", "Second story"), encoding="utf-8")
    type_text(qtbot, str(page))
    with qtbot.waitSignal(window.article_shown, timeout=20000):
        press(qtbot, window, Qt.Key.Key_Return)
    assert window.navigation.article.title == "Second story"
    assert window.view.hasFocus()
    with qtbot.waitSignal(window.article_shown, timeout=20000):
        press(qtbot, window, Qt.Key.Key_H, SHIFT)
    assert window.navigation.article.title == "Harbour bridge survey"
    assert window.view.hasFocus()
    with qtbot.waitSignal(window.article_shown, timeout=20000):
        press(qtbot, window, Qt.Key.Key_L, SHIFT)
    assert window.navigation.article.title == "Second story"


def test_f1_opens_help_not_the_start_page(qtbot, window, tmp_path: Path) -> None:
    open_long_article(qtbot, window, tmp_path)
    press(qtbot, window, Qt.Key.Key_F1)
    assert window.keyboard.help.isVisible()
    assert window.navigation.article is not None
    press(qtbot, window, Qt.Key.Key_Escape)
    assert not window.keyboard.help.isVisible()
    assert window.view.hasFocus()
    help_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Help")
    names = [a.objectName() for a in help_menu.actions()]
    assert names[:2] == ["show_help", "show_start_page"]
    assert window.actions_by_name["show_start_page"].shortcuts() == []


def test_disabled_commands_ignore_their_keys(qtbot, window, tmp_path: Path) -> None:
    open_long_article(qtbot, window, tmp_path)
    assert not window.actions_by_name["forward"].isEnabled()
    press(qtbot, window, Qt.Key.Key_L, SHIFT)
    assert window.navigation.article.title == "Harbour bridge survey"
    focus_article(qtbot, window)


# The keymap and its documentation ---------------------------------------------------------


def test_plain_keys_are_never_window_shortcuts(window) -> None:
    for name, action in window.actions_by_name.items():
        for sequence in action.shortcuts():
            assert not article_only(sequence), (name, sequence.toString())
    bindings = article_bindings()
    for name in ("scroll_down", "quit", "cycle_theme", "find_next", "show_help", "back"):
        assert name in bindings.values()
    assert bindings[strokes(QKeySequence("G, G"))] == "scroll_top"
    assert bindings[strokes(QKeySequence("Shift+G"))] == "scroll_bottom"


def test_menus_show_plain_keys_beside_the_shortcuts(window) -> None:
    def shown_keys(name: str) -> str:
        item = next(a for menu in window.menuBar().findChildren(QMenu)
                    for a in menu.actions() if a.objectName() == name)
        return item.text().partition("\t")[2]

    assert shown_keys("wider") == "W"
    assert shown_keys("narrower") == "Shift+W"
    assert shown_keys("focus_facts") == "F"
    assert shown_keys("next_mention") == "]"
    assert shown_keys("toggle_highlights") == "H"
    assert shown_keys("find") == "Ctrl+F, /"
    assert shown_keys("reload") == "F5, R"
    assert shown_keys("toggle_facts_panel") == ""  # no plain key: Qt shows the shortcut itself
    assert window.actions_by_name["toggle_facts_panel"].shortcut().toString() == "F9"


def test_design_keys_are_in_the_keymap() -> None:
    expected = {
        "scroll_down": ["J", "Down"], "scroll_up": ["K", "Up"],
        "page_down": ["Space", "PgDown"], "page_up": ["Shift+Space", "PgUp"],
        "half_page_down": ["Ctrl+D"], "half_page_up": ["Ctrl+U"],
        "scroll_top": ["G, G", "Home"], "scroll_bottom": ["Shift+G", "End"],
        "find": ["Ctrl+F", "/"], "find_next": ["N"], "find_previous": ["Shift+N"],
        "focus_facts": ["F"], "next_mention": ["]"], "previous_mention": ["["],
        "toggle_highlights": ["H"], "zoom_in": ["+"], "zoom_out": ["-"], "zoom_reset": ["0"],
        "wider": ["W"], "narrower": ["Shift+W"], "cycle_theme": ["T"],
        "open_location": ["O", "Ctrl+L"], "open_file": ["Ctrl+O"], "reload": ["R", "F5"],
        "back": ["Alt+Left", "Shift+H"], "forward": ["Alt+Right", "Shift+L"],
        "toggle_facts_panel": ["F9"], "full_screen": ["F11"], "show_help": ["?", "F1"],
        "quit": ["Q", "Ctrl+Q"],
    }
    for name, keys in expected.items():
        bound = [s.toString() for s in key_sequences(name)]
        for key in keys:
            assert key in bound, (name, key)


def test_keymap_has_no_conflicts_and_names_only_commands() -> None:
    assert set(KEYMAP) <= set(COMMANDS_BY_NAME)
    owners: dict[tuple, str] = {}
    for command in COMMANDS:
        for sequence in key_sequences(command.name):
            found = strokes(sequence)
            assert found not in owners, (sequence.toString(), owners.get(found), command.name)
            owners[found] = command.name


def test_every_bound_command_is_in_a_help_group() -> None:
    grouped = {name for _title, names in GROUPS for name in names}
    assert grouped <= set(COMMANDS_BY_NAME)
    assert OTHER not in [title for title, _rows in key_rows()]
    shown = {row.command for _title, rows in key_rows() for row in rows}
    assert {name for name in KEYMAP if key_sequences(name)} <= shown


def test_keyboard_doc_matches_the_keymap() -> None:
    assert DOC.read_text(encoding="utf-8") == render_markdown(), (
        "docs/keyboard.md is out of date: python -m reader_app.ui.keyboard.doc > "
        "docs/keyboard.md")


@pytest.mark.parametrize(("key", "mods", "expected"), [
    (Qt.Key.Key_Question, SHIFT, (Qt.Key.Key_Question.value, 0)),
    (Qt.Key.Key_G, SHIFT, (Qt.Key.Key_G.value, SHIFT.value)),
    (Qt.Key.Key_Backtab, SHIFT, (Qt.Key.Key_Tab.value, SHIFT.value)),
    (Qt.Key.Key_Space, SHIFT, (Qt.Key.Key_Space.value, SHIFT.value)),
    (Qt.Key.Key_Plus, SHIFT | Qt.KeyboardModifier.KeypadModifier, (Qt.Key.Key_Plus.value, 0)),
])
def test_key_presses_are_normalised_as_the_keymap_spells_them(key, mods, expected) -> None:
    assert normalise(key.value, mods.value) == expected


def test_a_key_that_also_starts_a_sequence_runs_after_the_pause(qtbot) -> None:
    from PySide6.QtWidgets import QTextBrowser

    from reader_app.ui.keyboard.dispatch import KeyDispatcher

    ran: list[str] = []
    g = (Qt.Key.Key_G.value, 0)
    dispatcher = KeyDispatcher({(g,): "short", (g, g): "long"}, ran.append)
    widget = QTextBrowser()
    qtbot.addWidget(widget)
    dispatcher.attach([widget])
    qtbot.keyClick(widget, Qt.Key.Key_G)
    qtbot.keyClick(widget, Qt.Key.Key_G)
    assert ran == ["long"]
    qtbot.keyClick(widget, Qt.Key.Key_G)
    assert ran == ["long"]
    assert dispatcher.pending == "g"
    qtbot.waitUntil(lambda: ran == ["long", "short"], timeout=SEQUENCE_TIMEOUT_MS * 3)
    assert dispatcher.pending == ""
