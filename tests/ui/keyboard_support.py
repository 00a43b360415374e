"""Helpers for the keyboard tests: a window showing a long article, driven by key presses only."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from window_support import open_and_wait, paragraph, write_page

from reader_app.ui.shell.window import MainWindow

NO = Qt.KeyboardModifier.NoModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


def focus_article(qtbot, window: MainWindow) -> None:
    """Make the window active with the article focused, as after opening a page."""
    window.activateWindow()
    window.view.setFocus()
    qtbot.waitUntil(window.view.hasFocus)


def open_long_article(qtbot, window: MainWindow, folder: Path, name: str = "long.html",
                      title: str = "Harbour bridge survey", paragraphs: int = 60,
                      seed: int = 0) -> Path:
    """Open a long article from ``folder`` and focus it; returns the page's path."""
    page = write_page(folder, name, title, paragraphs, seed=seed)
    open_and_wait(qtbot, window, str(page))
    focus_article(qtbot, window)
    return page


def settle(qtbot, window: MainWindow) -> int:
    """Wait for any animated scroll to end; returns the scroll position."""
    view = window.view
    bar = view.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.value() == view.scroll_target())
    return bar.value()


def press(qtbot, window: MainWindow, key: Qt.Key | str,
          modifier: Qt.KeyboardModifier = NO) -> None:
    """Press ``key`` in the widget that has the keyboard focus."""
    widget = QApplication.focusWidget()
    assert isinstance(widget, QWidget), "no widget has the focus"
    qtbot.keyClick(widget, key, modifier)


def type_text(qtbot, text: str) -> None:
    """Type ``text`` key by key, each into the widget that has the focus at that moment."""
    for char in text:
        widget = QApplication.focusWidget()
        assert isinstance(widget, QWidget), "no widget has the focus"
        qtbot.keyClicks(widget, char)


PERSON = "Sarah Collins"


def people_page(folder: Path) -> Path:
    """An article about a bridge in which one person is named four times, far apart."""
    filler = [f"<p>{paragraph(i)}</p>" for i in range(40)]
    said = [
        f"<p>{PERSON}, the council's chief engineer, said the work would start in spring.</p>",
        "<p>Collins told reporters the budget was 12 million pounds.</p>",
        f"<p>{PERSON} said the bridge would carry 4,000 cyclists a day.</p>",
        "<p>Later, Collins added that the old crossing would become a park.</p>",
    ]
    body = "\n".join(filler[:5] + said[:1] + filler[5:15] + said[1:2] + filler[15:25]
                     + said[2:3] + filler[25:35] + said[3:] + filler[35:])
    page = folder / "council.html"
    page.write_text(f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Council approves the new bridge</title></head><body><main><article>
<h1>Council approves the new bridge</h1>{body}</article></main></body></html>""",
                    encoding="utf-8")
    return page


def paged_to(before: int, after: int, page: int, line: int, maximum: int) -> bool:
    """Whether a page step from ``before`` ended at ``after``: a page (one line kept), less up
    to a line so that the screen starts with a whole line, or the end of the article."""
    target = before + page
    if target >= maximum:
        return after == maximum
    if target <= 0:
        return after == 0
    return target - line < after <= target
