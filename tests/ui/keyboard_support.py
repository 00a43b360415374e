"""Helpers for the keyboard tests: a window showing a long article, driven by key presses only."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from window_support import open_and_wait, write_page

from reader_app.ui.main_window import MainWindow

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
    """Type ``text`` into the widget that has the keyboard focus."""
    widget = QApplication.focusWidget()
    assert isinstance(widget, QWidget), "no widget has the focus"
    qtbot.keyClicks(widget, text)
