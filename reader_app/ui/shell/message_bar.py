"""A dismissable bar above the article for errors and notices."""

from __future__ import annotations

from typing import Literal

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QWidget

from ..style.theme import Theme

Level = Literal["error", "info"]


class MessageBar(QFrame):
    """One message at a time, with a close button; hidden when there is none.

    Signals:
        dismissed(): the reader closed the message.
    """

    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBar")
        self.level: Level = "info"
        self.theme: Theme | None = None
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.close_button = QToolButton(self)
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        self.close_button.setToolTip("Dismiss")
        self.close_button.setAccessibleName("Dismiss message")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 6, 6, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self._connect_signals()
        self.hide()

    def _connect_signals(self) -> None:
        self.close_button.clicked.connect(self.on_close_clicked)

    @property
    def text(self) -> str:
        """The message shown (empty when hidden)."""
        return "" if self.isHidden() else self.label.text()

    def show_message(self, text: str, level: Level = "error") -> None:
        """Show ``text`` as an error or a notice, replacing any earlier message."""
        self.level = level
        self.setProperty("level", level)
        self.label.setText(text)
        self._restyle()
        self.show()

    def clear(self) -> None:
        """Hide the message without telling anyone."""
        self.label.clear()
        self.hide()

    @Slot()
    def on_close_clicked(self) -> None:
        self.clear()
        self.dismissed.emit()

    def set_theme(self, theme: Theme) -> None:
        """Colour the bar to sit well on ``theme``."""
        self.theme = theme
        self._restyle()

    def _restyle(self) -> None:
        dark = self.theme is not None and self.theme.dark
        if self.level == "error":
            background, border, color = (("#4a2523", "#7a3b36", "#f6d5d0") if dark
                                         else ("#fbe9e7", "#e0a39a", "#5d1f16"))
        else:
            background, border, color = (("#22324a", "#3d5678", "#d5e3f7") if dark
                                         else ("#e8f0fb", "#9fb7dc", "#1c3050"))
        self.setStyleSheet(
            f"#messageBar {{ background: {background}; border-bottom: 1px solid {border}; }}"
            f" #messageBar QLabel {{ color: {color}; }}"
            f" #messageBar QToolButton {{ color: {color}; border: none; padding: 2px 6px; }}"
        )
