"""The help overlay: ? and F1 open it, it lists every key by purpose, filters, Esc closes."""

from __future__ import annotations

from pathlib import Path

import pytest
from keyboard_support import focus_article, open_long_article, press, type_text
from PySide6.QtCore import Qt
from window_support import settings_file_fixture, window_fixture  # noqa: F401 (fixtures)

from reader_app.ui.keyboard.commands import COMMANDS_BY_NAME
from reader_app.ui.keyboard.help import key_rows
from reader_app.ui.keyboard.keymap import key_sequences


def _shown_text(window) -> str:
    return window.keyboard.help.browser.toPlainText()


def test_question_mark_opens_help_with_every_group_and_key(qtbot, window, tmp_path) -> None:
    open_long_article(qtbot, window, tmp_path)
    help_overlay = window.keyboard.help
    press(qtbot, window, "?")
    assert help_overlay.isVisible()
    assert help_overlay.filter_box.hasFocus()
    assert help_overlay.geometry() == window.rect()
    text = _shown_text(window)
    for title, rows in key_rows():
        assert title.upper() in text
        for row in rows:
            assert row.description in text
            for key in row.keys:
                assert key in text
    for name in ("scroll_down", "find", "cycle_theme", "quit", "show_help"):
        assert COMMANDS_BY_NAME[name].description in text
        assert key_sequences(name)


def test_filter_narrows_the_list_and_esc_returns_focus(qtbot, window, tmp_path) -> None:
    open_long_article(qtbot, window, tmp_path)
    help_overlay = window.keyboard.help
    press(qtbot, window, Qt.Key.Key_F1)
    type_text(qtbot, "theme")
    groups = help_overlay.visible_rows()
    assert [title for title, _rows in groups] == ["Text and theme"]
    assert [row.command for row in groups[0][1]] == ["cycle_theme"]
    assert "Scroll down a line." not in _shown_text(window)
    # Letters typed here are text, not commands.
    assert window.settings.get("theme") == "light"

    help_overlay.filter_box.clear()
    type_text(qtbot, "reading")  # a group's name lists the whole group
    assert [title for title, _rows in help_overlay.visible_rows()] == ["Reading"]
    help_overlay.filter_box.clear()
    type_text(qtbot, "ctrl+d")
    assert [r.command for _t, rows in help_overlay.visible_rows() for r in rows] == [
        "half_page_down"]
    type_text(qtbot, "zz")
    assert help_overlay.visible_rows() == []
    assert "No key matches" in _shown_text(window)

    press(qtbot, window, Qt.Key.Key_Tab)  # the focus stays in the overlay
    assert help_overlay.filter_box.hasFocus()
    press(qtbot, window, Qt.Key.Key_Escape)
    assert not help_overlay.isVisible()
    assert window.view.hasFocus()
    assert window.find_bar.isHidden()


def test_help_key_toggles_and_reopens_unfiltered(qtbot, window, tmp_path) -> None:
    open_long_article(qtbot, window, tmp_path)
    help_overlay = window.keyboard.help
    press(qtbot, window, "?")
    type_text(qtbot, "find")
    press(qtbot, window, Qt.Key.Key_F1)
    assert not help_overlay.isVisible()
    assert window.view.hasFocus()
    press(qtbot, window, "?")
    assert help_overlay.filter_box.text() == ""
    bar = help_overlay.browser.verticalScrollBar()
    assert bar.maximum() > 0
    press(qtbot, window, Qt.Key.Key_PageDown)
    assert bar.value() > 0
    press(qtbot, window, Qt.Key.Key_Escape)
    focus_article(qtbot, window)


def test_help_follows_the_window_size(qtbot, window, tmp_path) -> None:
    open_long_article(qtbot, window, tmp_path)
    press(qtbot, window, "?")
    window.resize(700, 500)
    qtbot.waitUntil(lambda: window.keyboard.help.geometry() == window.rect())
    card = window.keyboard.help.card.geometry()
    assert window.rect().contains(card)


@pytest.mark.parametrize("theme", ["light", "sepia", "dark"])
def test_help_and_find_bar_draw_in_each_theme(qtbot, window, tmp_path: Path, theme) -> None:
    window.settings.set("theme", theme)
    open_long_article(qtbot, window, tmp_path)
    press(qtbot, window, "/")
    type_text(qtbot, "bridge")
    find_shot = window.grab()
    press(qtbot, window, Qt.Key.Key_Escape)
    press(qtbot, window, "?")
    help_shot = window.grab()
    assert find_shot.save(str(tmp_path / f"find-{theme}.png"))
    assert help_shot.save(str(tmp_path / f"help-{theme}.png"))
    colours = window.styling.reading_style().colours
    card = window.keyboard.help.card.geometry()
    image = help_shot.toImage()
    ratio = image.devicePixelRatio()
    inside = image.pixelColor(int((card.right() - 6) * ratio), int((card.bottom() - 6) * ratio))
    assert inside.name() == colours.background
    outside = image.pixelColor(int(4 * ratio), int((window.height() // 2) * ratio))
    assert outside.lightness() < 255
