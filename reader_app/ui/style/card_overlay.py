"""A dimmed backdrop over a widget with a card in its middle: the keyboard help and the library."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QFrame, QLabel, QLineEdit, QVBoxLayout, QWidget

from .theme import THEMES, Theme, mix


class CardOverlay(QWidget):
    """Covers its parent with a dimmed backdrop and a centred ``card``, following the parent's
    size; a click on the backdrop calls :meth:`dismiss`.

    Subclasses lay out the card, note the widget to give the focus back to in
    ``_return_focus`` when they open, and read the keys of their own widgets in
    :meth:`filter_key` (installed as this object's event filter).

    Signals:
        closed(): the overlay was hidden by :meth:`dismiss`.
    """

    closed = Signal()

    def __init__(self, parent: QWidget, names: tuple[str, str],
                 card_size: tuple[int, int]) -> None:
        """``names``: the object names of the overlay and its card (for style sheets);
        ``card_size``: the card's largest width and height."""
        super().__init__(parent)
        self.setObjectName(names[0])
        self._theme: Theme = THEMES["light"]
        self._return_focus: QWidget | None = None
        self._card_size = card_size
        self.card = QFrame(self)
        self.card.setObjectName(names[1])
        self._head: tuple[QLabel, QLabel, QLineEdit] | None = None
        parent.installEventFilter(self)

    def card_head(self, prefix: str, title: str, hint: str, placeholder: str,
                  accessible: str) -> QLineEdit:
        """The card's title, hint and filter field, named ``{prefix}Title``, ``{prefix}Hint``
        and ``{prefix}Filter`` for :meth:`set_card_style`; returns the field."""
        title_label = QLabel(title, self.card)
        title_label.setObjectName(f"{prefix}Title")
        hint_label = QLabel(hint, self.card)
        hint_label.setObjectName(f"{prefix}Hint")
        hint_label.setWordWrap(True)
        field = QLineEdit(self.card)
        field.setObjectName(f"{prefix}Filter")
        field.setPlaceholderText(placeholder)
        field.setClearButtonEnabled(True)
        field.setAccessibleName(accessible)
        field.installEventFilter(self)
        self._head = (title_label, hint_label, field)
        return field

    def lay_out_card(self, body: QWidget, *after: QWidget) -> None:
        """The card's head (:meth:`card_head`), then ``body`` taking the room left, then
        ``after``."""
        assert self._head is not None, "card_head comes first"
        layout = QVBoxLayout(self.card)
        layout.setContentsMargins(22, 18, 22, 14)
        layout.setSpacing(8)
        for part in self._head:
            layout.addWidget(part)
        layout.addWidget(body, 1)
        for widget in after:
            layout.addWidget(widget)

    def set_card_style(self, theme: Theme, prefix: str, scrolled: str, extra: str = "") -> None:
        """Draw the card in ``theme``: the widgets named ``{prefix}Card``, ``{prefix}Title``,
        ``{prefix}Hint`` and ``{prefix}Filter``, the scrolled widget named ``scrolled``, then
        the rules of ``extra``."""
        self._theme = theme
        t, field = theme, mix(theme.background, theme.chrome, 0.5)
        bar = f"#{scrolled} QScrollBar"
        self.setStyleSheet(f"""
#{prefix}Card {{ background: {t.background}; border: 1px solid {t.rule}; border-radius: 10px; }}
#{prefix}Title {{ color: {t.heading}; font-size: 17px; font-weight: 600; }}
#{prefix}Hint {{ color: {t.muted}; }}
#{prefix}Filter {{ color: {t.text}; background: {field}; border: 1px solid {t.rule};
    border-radius: 5px; padding: 4px 8px; }}
#{prefix}Filter:focus {{ border-color: {t.link}; }}
#{scrolled} {{ background: transparent; border: none; }}
{bar}:vertical {{ background: transparent; width: 8px; margin: 0; }}
{bar}::handle:vertical {{ background: {t.rule}; border-radius: 4px; min-height: 32px; }}
{bar}::add-line:vertical, {bar}::sub-line:vertical {{ height: 0; }}
{bar}::add-page:vertical, {bar}::sub-page:vertical {{ background: none; }}
{extra}""")

    def dismiss(self) -> None:
        """Hide the overlay and give the focus back (Esc, a click on the backdrop)."""
        if not self.isVisible():
            return
        self.hide()
        if self._return_focus is not None:
            self._return_focus.setFocus(Qt.FocusReason.OtherFocusReason)
        self.closed.emit()

    def filter_key(self, watched: QObject, event: QKeyEvent) -> bool:
        """Handle a key event of one of the card's widgets; True when it was used."""
        return False

    def _fit(self) -> None:
        parent = self.parentWidget()
        if parent is None:
            return
        self.setGeometry(parent.rect())
        most_width, most_height = self._card_size
        width = min(most_width, max(320, self.width() - 80))
        height = max(200, min(self.height() - 80, most_height))
        self.card.setGeometry((self.width() - width) // 2, max(20, (self.height() - height) // 2),
                              width, height)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(0, 0, 0, 120 if self._theme.dark else 70))
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """A click on the backdrop closes the overlay."""
        if not self.card.geometry().contains(event.position().toPoint()):
            self.dismiss()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parentWidget():
            if event.type() == QEvent.Type.Resize and self.isVisible():
                self._fit()
            return False
        if not isinstance(event, QKeyEvent):
            return False
        return self.filter_key(watched, event)
