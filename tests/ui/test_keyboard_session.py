"""A whole reading session by keyboard alone: scroll position, focus and state after each step."""

from __future__ import annotations

from pathlib import Path

from keyboard_support import (
    CTRL,
    PERSON,
    SHIFT,
    paged_to,
    people_page,
    press,
    settle,
    type_text,
)
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from window_support import settings_file_fixture, write_page  # noqa: F401 (fixtures)

from reader_app.ui.reading.highlights import mention_cursor
from reader_app.ui.shell.settings import Settings
from reader_app.ui.shell.window import MainWindow


def _open_by_location(qtbot, window: MainWindow, key: Qt.Key, modifier, path: Path) -> None:
    press(qtbot, window, key, modifier)
    assert window.location_bar.hasFocus()
    assert window.location_bar.selectedText() == window.location_bar.text()
    type_text(qtbot, str(path))
    with qtbot.waitSignal(window.article_shown, timeout=20000):
        press(qtbot, window, Qt.Key.Key_Return)
    assert window.view.hasFocus()


def test_a_reading_session_by_keyboard(qtbot, settings_file: Path, tmp_path: Path,
                                       executor) -> None:
    survey = write_page(tmp_path, "survey.html", "Harbour bridge survey", 50)
    council = people_page(tmp_path)
    window = MainWindow(Settings(settings_file), executor=executor)
    qtbot.addWidget(window, before_close_func=lambda w: w.navigation.loader.cancel())
    window.resize(900, 700)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.view.hasFocus)
    view = window.view
    bar = view.verticalScrollBar()

    # Open a file by typing its path in the location bar.
    _open_by_location(qtbot, window, Qt.Key.Key_L, CTRL, survey)
    assert window.navigation.article.title == "Harbour bridge survey"
    assert bar.value() == 0
    minutes = window.navigation.article.reading_minutes
    assert window.position_label.text() == f"0% read · {minutes} min left"

    # Read to the end a page at a time; each page keeps one line of the last in view.
    page = view.viewport().height() - view.line_step()
    pages = 0
    while bar.value() < bar.maximum():
        before = bar.value()
        press(qtbot, window, Qt.Key.Key_Space)
        assert paged_to(before, settle(qtbot, window), page, view.line_step(), bar.maximum())
        pages += 1
    assert pages >= 3
    assert window.position_label.text() == "100% read"
    press(qtbot, window, Qt.Key.Key_K)
    assert settle(qtbot, window) == bar.maximum() - view.line_step()
    press(qtbot, window, Qt.Key.Key_G)
    assert window.keyboard.pending_label.text() == "g …"
    press(qtbot, window, Qt.Key.Key_G)
    assert settle(qtbot, window) == 0
    assert view.hasFocus()

    # Find a word; Enter steps, Esc returns to the article, n goes on from there.
    press(qtbot, window, "/")
    assert window.find_bar.field.hasFocus()
    type_text(qtbot, "tunnel")
    total = view.toPlainText().lower().count("tunnel")
    assert window.find_bar.count_label.text() == f"1 of {total}"
    press(qtbot, window, Qt.Key.Key_Return)
    assert window.find_bar.count_label.text() == f"2 of {total}"
    press(qtbot, window, Qt.Key.Key_Escape)
    assert view.hasFocus() and window.find_bar.isHidden()
    press(qtbot, window, Qt.Key.Key_N)
    assert window.statusBar().currentMessage() == f"Match 3 of {total}"
    third = window.find_bar.matches[2]
    assert view.viewport().rect().contains(view.cursorRect(third))
    survey_offset = view.top_text_offset()

    # Open a second article with o, then jump through a person's mentions.
    _open_by_location(qtbot, window, Qt.Key.Key_O, Qt.KeyboardModifier.NoModifier, council)
    assert window.navigation.article.title == "Council approves the new bridge"
    assert bar.value() == 0
    _visit_person(qtbot, window)

    # Theme and font by keys.
    press(qtbot, window, Qt.Key.Key_T)
    assert window.settings.get("theme") == "sepia"
    press(qtbot, window, Qt.Key.Key_T)
    assert window.settings.get("theme") == "dark"
    assert window.styling.reading_style().colours.dark
    press(qtbot, window, "+")
    press(qtbot, window, "+")
    assert window.settings.get("font_size") == 15
    press(qtbot, window, "-")
    assert window.settings.get("font_size") == 14
    press(qtbot, window, "0")
    assert window.settings.get("font_size") == 13
    press(qtbot, window, Qt.Key.Key_W)
    assert window.settings.get("column_chars") == 73
    press(qtbot, window, Qt.Key.Key_W, SHIFT)
    assert window.settings.get("column_chars") == 68
    assert view.hasFocus()

    # Back to the first article where it was left, and forward again.
    with qtbot.waitSignal(window.article_shown, timeout=20000):
        press(qtbot, window, Qt.Key.Key_H, SHIFT)
    assert window.navigation.article.title == "Harbour bridge survey"
    assert view.top_text_offset() == survey_offset
    assert view.hasFocus()
    with qtbot.waitSignal(window.article_shown, timeout=20000):
        press(qtbot, window, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert window.navigation.article.title == "Council approves the new bridge"
    with qtbot.waitSignal(window.article_shown, timeout=20000):
        press(qtbot, window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.navigation.article.title == "Harbour bridge survey"

    # Help, then quit.
    press(qtbot, window, "?")
    assert window.keyboard.help.isVisible()
    press(qtbot, window, Qt.Key.Key_Escape)
    assert view.hasFocus()
    press(qtbot, window, Qt.Key.Key_Q)
    qtbot.waitUntil(lambda: not window.isVisible())
    assert QApplication.focusWidget() is None or not window.isAncestorOf(
        QApplication.focusWidget())


def _visit_person(qtbot, window: MainWindow) -> None:
    """Go to the facts panel, choose the person and step through the mentions by keys."""
    view, panel = window.view, window.facts_panel
    qtbot.waitUntil(lambda: any(f.label == PERSON for f in window.facts.facts.people),
                    timeout=20000)
    person = next(f for f in window.facts.facts.people if f.label == PERSON)
    assert len(person.mentions) == 4

    press(qtbot, window, Qt.Key.Key_F)
    assert panel.tree.hasFocus()
    assert window.keyboard.regions.current().name == "facts"
    assert window.keyboard.regions.marked() == "facts"
    for _ in range(len(panel.entries()) + 4):
        item = panel.tree.currentItem()
        if item is not None and item.text(0) == PERSON:
            break
        press(qtbot, window, Qt.Key.Key_Down)
    assert panel.tree.currentItem().text(0) == PERSON
    with qtbot.waitSignal(window.facts.mention_shown) as shown:
        press(qtbot, window, Qt.Key.Key_Return)
    assert shown.args == [person, 0]
    assert _mention_in_view(window, person.mentions[0])
    first_view = view.verticalScrollBar().value()
    assert first_view > 0

    press(qtbot, window, Qt.Key.Key_Escape)
    assert view.hasFocus()
    for index in (1, 2, 3):
        with qtbot.waitSignal(window.facts.mention_shown) as shown:
            press(qtbot, window, "]")
        assert shown.args == [person, index]
        assert panel.position_text() == f"{index + 1} of 4"
        assert _mention_in_view(window, person.mentions[index])
    assert view.verticalScrollBar().value() > first_view
    with qtbot.waitSignal(window.facts.mention_shown) as shown:
        press(qtbot, window, "[")
    assert shown.args == [person, 2]
    assert view.hasFocus()

    shown_all = window.facts.highlights_visible
    press(qtbot, window, Qt.Key.Key_H)
    assert window.facts.highlights_visible is not shown_all
    press(qtbot, window, Qt.Key.Key_H)
    assert window.facts.highlights_visible is shown_all


def _mention_in_view(window: MainWindow, mention: tuple[int, int]) -> bool:
    rendered = window.view.rendered
    cursor = mention_cursor(rendered.document, rendered.offsets, mention)
    cursor.setPosition(cursor.selectionStart())
    return window.view.viewport().rect().contains(window.view.cursorRect(cursor))
