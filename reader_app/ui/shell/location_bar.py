"""The location bar: type a URL or a path and press Enter to open it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget


class LocationBar(QLineEdit):
    """Shows the current article's address; Enter opens what was typed, Esc restores it.

    Signals:
        submitted(str): the reader asked to open this text (stripped, non-empty).
        escaped(): the reader left the bar with Esc.
    """

    submitted = Signal(str)
    escaped = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("locationBar")
        self.setPlaceholderText("Type a web address or a file path, then press Enter")
        self.setClearButtonEnabled(True)
        self.setAccessibleName("Location")
        self._location = ""
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.returnPressed.connect(self.on_return_pressed)

    def set_location(self, location: str) -> None:
        """Show ``location`` as the current address."""
        self._location = location
        self.setText(location)
        self.setCursorPosition(0)

    def activate(self) -> None:
        """Focus the bar with its text selected, ready to type over."""
        self.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.selectAll()

    @Slot()
    def on_return_pressed(self) -> None:
        text = self.text().strip()
        if text:
            self.submitted.emit(text)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.set_location(self._location)
            self.escaped.emit()
            return
        super().keyPressEvent(event)
