"""The find bar: incremental search, "3 of 17", n/N, case, Esc; match tints beside fact tints."""

from __future__ import annotations

from pathlib import Path

from keyboard_support import (
    SHIFT,
    focus_article,
    open_long_article,
    people_page,
    press,
    type_text,
)
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QTextCharFormat
from window_support import settings_file_fixture, window_fixture  # noqa: F401 (fixtures)

from reader_app.ui.reading.find_bar import LAYER
from reader_app.ui.reading.highlights import selection


def _count(window, word: str) -> int:
    return window.view.toPlainText().lower().count(word.lower())


def _current(window):
    """The current match's cursor; the view's own cursor sits at its start."""
    bar = window.find_bar
    match = bar.matches[bar.current]
    assert window.view.textCursor().position() == match.selectionStart()
    assert not window.view.textCursor().hasSelection()
    return match


def test_typing_finds_incrementally_and_counts(qtbot, window, tmp_path: Path) -> None:
    open_long_article(qtbot, window, tmp_path)
    bar = window.find_bar
    press(qtbot, window, "/")
    assert bar.isVisible() and bar.field.hasFocus()
    type_text(qtbot, "har")
    assert bar.count_label.text() == f"1 of {_count(window, 'har')}"
    type_text(qtbot, "bour")
    total = _count(window, "harbour")
    assert total > 3
    assert bar.count_label.text() == f"1 of {total}"
    assert _current(window).selectedText().lower() == "harbour"
    first = _current(window).selectionStart()

    press(qtbot, window, Qt.Key.Key_Return)
    assert bar.count_label.text() == f"2 of {total}"
    assert _current(window).selectionStart() > first
    press(qtbot, window, Qt.Key.Key_Return, SHIFT)
    assert bar.count_label.text() == f"1 of {total}"
    press(qtbot, window, Qt.Key.Key_Return, SHIFT)  # wraps to the last match
    assert bar.count_label.text() == f"{total} of {total}"
    view_rect = window.view.viewport().rect()
    assert view_rect.contains(window.view.cursorRect(window.view.textCursor()))


def test_search_ignores_case_unless_asked(qtbot, window, tmp_path: Path) -> None:
    open_long_article(qtbot, window, tmp_path)
    bar = window.find_bar
    press(qtbot, window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert bar.field.hasFocus()
    type_text(qtbot, "HARBOUR")
    total = _count(window, "harbour")
    assert bar.count_label.text() == f"1 of {total}"
    bar.case_button.click()
    exact = window.view.toPlainText().count("HARBOUR")
    assert bar.count_label.text() == ("No match" if exact == 0 else f"1 of {exact}")
    assert bar.field.property("found") is (exact > 0)


def test_esc_closes_and_n_keeps_stepping_from_the_article(qtbot, window, tmp_path) -> None:
    open_long_article(qtbot, window, tmp_path)
    bar = window.find_bar
    press(qtbot, window, "/")
    type_text(qtbot, "bridge")
    total = _count(window, "bridge")
    press(qtbot, window, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    assert window.view.hasFocus()
    assert window.view.extraSelections() == []

    press(qtbot, window, Qt.Key.Key_N)
    assert bar.current == 1
    assert window.statusBar().currentMessage() == f"Match 2 of {total}"
    press(qtbot, window, Qt.Key.Key_N, SHIFT)
    press(qtbot, window, Qt.Key.Key_N, SHIFT)
    assert window.statusBar().currentMessage() == f"Match {total} of {total}"
    assert _current(window).selectedText().lower() == "bridge"

    press(qtbot, window, "/")  # the bar opens again on the same search, text selected
    assert bar.field.selectedText() == "bridge"
    assert bar.count_label.text() == f"{total} of {total}"
    window.view.setFocus()
    press(qtbot, window, Qt.Key.Key_Escape)  # Esc in the article closes the bar too
    assert bar.isHidden()
    assert window.view.hasFocus()


def test_a_closed_bar_marks_only_the_current_match_until_a_fact_is_chosen(
        qtbot, window, tmp_path) -> None:
    with qtbot.waitSignal(window.facts.facts_shown, timeout=20000):
        window.navigation.open_source(str(people_page(tmp_path)))
    focus_article(qtbot, window)
    bar = window.find_bar
    press(qtbot, window, "/")
    type_text(qtbot, "bridge")
    press(qtbot, window, Qt.Key.Key_Escape)
    press(qtbot, window, Qt.Key.Key_N)
    marks = window.view.selection_layer(LAYER)
    assert [m.cursor.selectionStart() for m in marks] == [_current(window).selectionStart()]

    fact = window.facts.facts.all()[0]
    with qtbot.waitSignal(window.facts.mention_shown):
        window.facts_panel.activate(fact)
    assert window.view.selection_layer(LAYER) == []
    assert bar.matches  # n still steps on from the last match
    press(qtbot, window, Qt.Key.Key_N)
    assert len(window.view.selection_layer(LAYER)) == 1


def test_nothing_found_says_so(qtbot, window, tmp_path: Path) -> None:
    open_long_article(qtbot, window, tmp_path)
    press(qtbot, window, "/")
    type_text(qtbot, "river")
    assert window.view.extraSelections()
    with qtbot.waitSignal(window.find_bar.not_found) as missing:
        type_text(qtbot, "q")
    assert missing.args == ["riverq"]
    assert window.find_bar.count_label.text() == "No match"
    assert window.find_bar.field.property("found") is False
    assert window.view.extraSelections() == []


def test_match_tints_leave_fact_highlights_alone(qtbot, window, tmp_path: Path) -> None:
    open_long_article(qtbot, window, tmp_path)
    view = window.view
    fact_format = QTextCharFormat()
    fact_format.setBackground(QColor("#c77800"))
    facts = [selection(view.document(), 10, 20, fact_format),
             selection(view.document(), 40, 52, fact_format)]
    view.setExtraSelections(facts)  # as the facts controller sets its highlights

    press(qtbot, window, "/")
    type_text(qtbot, "river")
    total = _count(window, "river")
    shown = view.extraSelections()
    assert len(shown) == len(facts) + total
    assert [s.cursor.selectionStart() for s in shown[:2]] == [10, 40]
    assert {s.cursor.selectedText().lower() for s in shown[2:]} == {"river"}
    strong = [s for s in shown[2:] if s.format.foreground().style() != Qt.BrushStyle.NoBrush]
    assert len(strong) == 1  # the current match is drawn strongly, the others tinted

    view.setExtraSelections(facts[:1])  # facts change while the bar is open
    assert len(view.extraSelections()) == 1 + total
    press(qtbot, window, Qt.Key.Key_Escape)
    assert [s.cursor.selectionStart() for s in view.extraSelections()] == [10]


def test_matches_survive_a_new_style(qtbot, window, tmp_path: Path) -> None:
    open_long_article(qtbot, window, tmp_path)
    bar = window.find_bar
    press(qtbot, window, "/")
    type_text(qtbot, "winter")
    press(qtbot, window, Qt.Key.Key_Return)
    press(qtbot, window, Qt.Key.Key_Return)
    total = _count(window, "winter")
    assert bar.count_label.text() == f"3 of {total}"
    window.settings.set("theme", "dark")  # re-renders the article as a new document
    assert bar.matches and bar.matches[0].document() is window.view.document()
    assert len(window.view.extraSelections()) == total
    assert bar.count_label.text() == f"3 of {total}"
    press(qtbot, window, Qt.Key.Key_Return)
    assert _current(window).selectedText().lower() == "winter"
    assert LAYER == "find"
