"""The window's regions for the keyboard: Tab moves between them, the focused one is marked.

Regions are the article, the facts panel and the location bar. A thin accent line along the
top of the article or the panel shows which has the focus (the location bar draws its own
focus border).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, Slot
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QApplication, QWidget

#: Height of the focus line in pixels.
MARK_HEIGHT = 2


@dataclass(frozen=True)
class Region:
    """A part of the window that takes the focus: its widget and how to focus it."""

    name: str
    widget: QWidget
    focus: Callable[[], None]
    marked: bool = True


class _Mark(QWidget):
    """The accent line drawn along the top of the focused region."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("focusMark")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.colour = QColor("#1c5fa8")
        self.hide()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.colour)
        painter.end()


class FocusRegions(QObject):
    """Moves the focus between ``regions`` in order and marks the one holding it.

    Hidden regions are skipped. Focus outside every region (the find bar, a dialog) counts as
    the first region when moving on.
    """

    def __init__(self, regions: Sequence[Region], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.regions = list(regions)
        self._marks: dict[str, _Mark] = {}
        for region in self.regions:
            if region.marked:
                self._marks[region.name] = _Mark(region.widget)
                region.widget.installEventFilter(self)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self.on_focus_changed)

    def current(self) -> Region | None:
        """The region holding the keyboard focus, if any."""
        focus = QApplication.focusWidget()
        if focus is None:
            return None
        for region in self.regions:
            if not shiboken6.isValid(region.widget):
                continue
            if region.widget is focus or region.widget.isAncestorOf(focus):
                return region
        return None

    def move(self, step: int) -> Region | None:
        """Focus the next (``step`` 1) or previous (-1) visible region; returns it."""
        shown = [r for r in self.regions if r.widget.isVisible()]
        if not shown:
            return None
        here = self.current()
        index = shown.index(here) if here in shown else 0
        target = shown[(index + step) % len(shown)]
        target.focus()
        return target

    def set_colour(self, colour: str) -> None:
        """Draw the focus line in ``colour``."""
        for mark in self._marks.values():
            mark.colour = QColor(colour)
            mark.update()

    def marked(self) -> str | None:
        """The name of the region whose focus line is shown."""
        return next((name for name, mark in self._marks.items() if mark.isVisible()), None)

    @Slot(QWidget, QWidget)
    def on_focus_changed(self, _old: QWidget | None, _new: QWidget | None) -> None:
        here = self.current()
        for name, mark in self._marks.items():
            if not shiboken6.isValid(mark):
                continue
            region = mark.parentWidget()
            if here is not None and here.name == name and region is not None:
                mark.setGeometry(0, 0, region.width(), MARK_HEIGHT)
                mark.show()
                mark.raise_()
            else:
                mark.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and isinstance(watched, QWidget):
            for mark in self._marks.values():
                if mark.parentWidget() is watched:
                    mark.setGeometry(0, 0, watched.width(), MARK_HEIGHT)
        return False
