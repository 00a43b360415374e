"""The facts panel in the reader window: keys, the dock's state, highlights, copy and export."""

from __future__ import annotations

from pathlib import Path

import pytest
from facts_support import ARTICLE_HTML
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QTextCursor
from window_support import make_window, settings_file_fixture  # noqa: F401 (fixture)

from reader_app.core import find_facts
from reader_app.ui.reading.highlights import mention_cursor


@pytest.fixture
def page(tmp_path: Path) -> Path:
    path = tmp_path / "kharkiv.html"
    path.write_text(ARTICLE_HTML, encoding="utf-8")
    return path


def _open(qtbot, window, page: Path):
    with qtbot.waitSignal(window.facts.facts_shown, timeout=20_000) as shown:
        window.navigation.open_source(str(page))
    return shown.args[0]


def _visible(window, mention) -> bool:
    rendered = window.view.rendered
    cursor = mention_cursor(rendered.document, rendered.offsets, mention)
    start = QTextCursor(cursor)
    start.setPosition(cursor.selectionStart())
    return window.view.viewport().rect().contains(window.view.cursorRect(start))


def _focus_view(qtbot, window) -> None:
    window.activateWindow()
    window.view.setFocus()
    qtbot.waitUntil(window.view.hasFocus)


def test_facts_follow_the_article_on_the_right(qtbot, settings_file, page):
    window = make_window(qtbot, settings_file, size=(1200, 700))
    assert window.dockWidgetArea(window.facts_dock) == Qt.DockWidgetArea.RightDockWidgetArea
    facts = _open(qtbot, window, page)
    assert facts == find_facts(window.navigation.article.text)
    assert len(window.facts_panel.entries()) == len(facts.all())
    assert len(window.view.extraSelections()) == sum(len(f.mentions) for f in facts.all())


def test_keyboard_only_f_arrows_enter_esc_and_stepping(qtbot, settings_file, page):
    window = make_window(qtbot, settings_file, size=(1100, 420))
    facts = _open(qtbot, window, page)
    _focus_view(qtbot, window)
    panel = window.facts_panel
    qtbot.keyClick(window.view, Qt.Key.Key_F)
    qtbot.waitUntil(panel.tree.hasFocus)
    qtbot.keyClick(panel.tree, Qt.Key.Key_Down)
    wanted = facts.all()[1]
    window.view.verticalScrollBar().setValue(window.view.verticalScrollBar().maximum())
    with qtbot.waitSignal(window.facts.mention_shown) as shown:
        qtbot.keyClick(panel.tree, Qt.Key.Key_Return)
    assert shown.args == [wanted, 0]
    assert _visible(window, wanted.mentions[0])
    qtbot.keyClick(panel.tree, Qt.Key.Key_Escape)
    qtbot.waitUntil(window.view.hasFocus)

    count = len(wanted.mentions)
    for k in range(1, count + 1):
        with qtbot.waitSignal(window.facts.mention_shown) as shown:
            qtbot.keyClick(window.view, Qt.Key.Key_BracketRight)
        assert shown.args == [wanted, k % count]
        assert panel.position_text() == f"{k % count + 1} of {count}"
        assert _visible(window, wanted.mentions[k % count])
    qtbot.keyClick(window.view, Qt.Key.Key_BracketLeft)
    assert panel.position_text() == f"{count} of {count}"


def test_f9_hides_the_panel_and_the_window_remembers(qtbot, settings_file, page):
    window = make_window(qtbot, settings_file)
    assert window.facts_dock.isVisible()
    _focus_view(qtbot, window)
    qtbot.keyClick(window.view, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: not window.facts_dock.isVisible())
    assert not window.actions_by_name["toggle_facts_panel"].isChecked()
    window.close()
    again = make_window(qtbot, settings_file)
    assert not again.facts_dock.isVisible()
    _focus_view(qtbot, again)
    qtbot.keyClick(again.view, Qt.Key.Key_F9)
    qtbot.waitUntil(again.facts_dock.isVisible)
    again.facts_dock.setMinimumWidth(0)
    again.resizeDocks([again.facts_dock], [333], Qt.Orientation.Horizontal)
    qtbot.waitUntil(lambda: again.facts_dock.width() == 333)
    again.close()
    third = make_window(qtbot, settings_file)
    assert third.facts_dock.isVisible()
    assert third.facts_dock.width() == 333


def test_h_toggles_highlights_and_is_remembered(qtbot, settings_file, page):
    window = make_window(qtbot, settings_file)
    facts = _open(qtbot, window, page)
    total = sum(len(f.mentions) for f in facts.all())
    _focus_view(qtbot, window)
    qtbot.keyClick(window.view, Qt.Key.Key_H)
    qtbot.waitUntil(lambda: window.view.extraSelections() == [])
    assert window.settings.get("fact_highlights") is False
    assert window.view.toPlainText() == window.view.rendered.document.toPlainText()
    window.close()
    again = make_window(qtbot, settings_file)
    _open(qtbot, again, page)
    assert again.view.extraSelections() == []
    assert not again.actions_by_name["toggle_highlights"].isChecked()
    _focus_view(qtbot, again)
    qtbot.keyClick(again.view, Qt.Key.Key_H)
    qtbot.waitUntil(lambda: len(again.view.extraSelections()) == total)


def test_theme_change_keeps_facts_and_redraws_highlights(qtbot, settings_file, page):
    window = make_window(qtbot, settings_file)
    facts = _open(qtbot, window, page)
    with qtbot.waitSignal(window.facts.facts_shown) as shown:
        window.settings.set("theme", "dark")
    assert shown.args[0] is facts
    document = window.view.document()
    assert all(s.cursor.document() is document for s in window.view.extraSelections())
    assert len(window.view.extraSelections()) == sum(len(f.mentions) for f in facts.all())


def test_copy_and_export_include_key_facts(qtbot, settings_file, page, tmp_path):
    window = make_window(qtbot, settings_file)
    _open(qtbot, window, page)
    _focus_view(qtbot, window)
    QGuiApplication.clipboard().clear()
    qtbot.keyClick(window.view, Qt.Key.Key_C,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    copied = QGuiApplication.clipboard().text()
    assert copied.startswith("## Key facts\n")
    assert "### Places" in copied and "- Kharkiv (6 mentions)" in copied
    out = tmp_path / "kharkiv.md"
    window.output.export_to("markdown", out)
    text = out.read_text(encoding="utf-8")
    assert text.index("Drones over Kharkiv") < text.index("## Key facts")
    assert text.endswith(copied)


def test_start_page_empties_the_panel(qtbot, settings_file, page):
    window = make_window(qtbot, settings_file)
    _open(qtbot, window, page)
    window.navigation.show_start_page()
    assert window.view.extraSelections() == []
    assert window.facts_panel.entries() == []
    assert window.facts_panel.stack.currentWidget() is window.facts_panel.message
