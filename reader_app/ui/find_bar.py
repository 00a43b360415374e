"""Find in the article: a slim bar under the article; the current match is selected in the view."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent, QTextCursor, QTextDocument
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QTextEdit, QToolButton, QWidget

#: Matches counted at most (the count reads "1000+" beyond).
MAX_COUNT = 1000


class FindBar(QWidget):
    """Searches ``view``'s document as the reader types; Enter/Shift+Enter step, Esc closes.

    Signals:
        closed(): the bar was closed (the view should take the focus back).
    """

    closed = Signal()

    def __init__(self, view: QTextEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.view = view
        self.field = QLineEdit(self)
        self.field.setObjectName("findField")
        self.field.setPlaceholderText("Find in article")
        self.field.setClearButtonEnabled(True)
        self.field.installEventFilter(self)
        self.count_label = QLabel(self)
        self.previous_button = QToolButton(self)
        self.previous_button.setText("↑")
        self.previous_button.setToolTip("Previous match (Shift+Enter)")
        self.next_button = QToolButton(self)
        self.next_button.setText("↓")
        self.next_button.setToolTip("Next match (Enter)")
        self.close_button = QToolButton(self)
        self.close_button.setText("✕")
        self.close_button.setToolTip("Close (Esc)")
        for button in (self.previous_button, self.next_button, self.close_button):
            button.setAutoRaise(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 10, 4)
        layout.addWidget(self.field, 1)
        layout.addWidget(self.count_label)
        layout.addWidget(self.previous_button)
        layout.addWidget(self.next_button)
        layout.addWidget(self.close_button)
        self._connect_signals()
        self.hide()

    def _connect_signals(self) -> None:
        self.field.textEdited.connect(self.on_text_edited)
        self.field.returnPressed.connect(self.find_next)
        self.previous_button.clicked.connect(self.find_previous)
        self.next_button.clicked.connect(self.find_next)
        self.close_button.clicked.connect(self.close_bar)

    def open_bar(self) -> None:
        """Show the bar with its text selected, ready to type."""
        self.show()
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def close_bar(self) -> None:
        """Hide the bar, keeping the current match selected in the view."""
        if self.isVisible():
            self.hide()
            self.closed.emit()

    @Slot(str)
    def on_text_edited(self, _text: str) -> None:
        cursor = self.view.textCursor()
        cursor.setPosition(cursor.selectionStart())
        self.view.setTextCursor(cursor)
        self._find(backward=False)

    @Slot()
    def find_next(self) -> bool:
        """Select the next match, wrapping to the top; False when there is none."""
        return self._find(backward=False)

    @Slot()
    def find_previous(self) -> bool:
        """Select the previous match, wrapping to the bottom; False when there is none."""
        return self._find(backward=True)

    def _find(self, backward: bool) -> bool:
        text = self.field.text()
        if not text:
            self.count_label.clear()
            return False
        flags = QTextDocument.FindFlag.FindBackward if backward else QTextDocument.FindFlag(0)
        document = self.view.document()
        found = document.find(text, self.view.textCursor(), flags)
        if found.isNull():
            start = QTextCursor(document)
            start.movePosition(QTextCursor.MoveOperation.End if backward
                               else QTextCursor.MoveOperation.Start)
            found = document.find(text, start, flags)
        if found.isNull():
            self.count_label.setText("No match")
            return False
        self.view.setTextCursor(found)
        self.view.ensureCursorVisible()
        self._count(text, found)
        return True

    def _count(self, text: str, current: QTextCursor) -> None:
        document = self.view.document()
        cursor = QTextCursor(document)
        total = index = 0
        while total < MAX_COUNT:
            cursor = document.find(text, cursor)
            if cursor.isNull():
                break
            total += 1
            if cursor.selectionStart() == current.selectionStart():
                index = total
        more = "+" if total >= MAX_COUNT else ""
        self.count_label.setText(f"{index} of {total}{more}")

    def eventFilter(self, watched: object, event: object) -> bool:
        if watched is self.field and isinstance(event, QKeyEvent) and \
                event.type() == QKeyEvent.Type.KeyPress:
            if event.key() == Qt.Key.Key_Escape:
                self.close_bar()
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and \
                    event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                self.find_previous()
                return True
        return super().eventFilter(watched, event)
