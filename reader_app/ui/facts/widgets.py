"""The facts panel's parts: its list, its filter box, its legend, and its style sheet."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent, QPainter, QPaintEvent, QTextLayout
from PySide6.QtWidgets import QLineEdit, QTreeWidget, QTreeWidgetItem, QWidget

from ..reading.fact_kinds import KIND_NAMES, KINDS
from ..reading.highlights import Emphasis, HighlightPalette, mention_format

#: The panel's style sheet, formatted with the theme ``t`` and the filter box's ``field`` colour.
PANEL_STYLE = """
#factsPanel {{ background: {t.chrome}; }}
#factsPanel QTreeWidget {{ background: transparent; border: none; color: {t.text}; }}
#factsPanel QTreeWidget::item {{ padding: 2px 0; }}
#factsPanel QTreeWidget::item:selected {{
    background: {t.selection_background}; color: {t.selection_text}; }}
#factsFilter {{ background: {field}; color: {t.text}; border: 1px solid {t.rule};
    border-radius: 5px; padding: 4px 6px; }}
#factsFilter:focus {{ border-color: {t.muted}; }}
#factsMessage, #factsPosition {{ color: {t.muted}; }}
#factsPanel QScrollBar:vertical {{ background: transparent; width: 9px; margin: 0; }}
#factsPanel QScrollBar::handle:vertical {{ background: {t.rule}; border-radius: 4px;
    min-height: 24px; }}
#factsPanel QScrollBar::handle:vertical:hover {{ background: {t.muted}; }}
#factsPanel QScrollBar::add-line:vertical, #factsPanel QScrollBar::sub-line:vertical {{
    height: 0; }}
#factsPanel QScrollBar::add-page:vertical, #factsPanel QScrollBar::sub-page:vertical {{
    background: none; }}
"""



def _claims(event: QEvent, keys: tuple[Qt.Key, ...]) -> bool:
    """Accept a shortcut override for ``keys``, so the widget gets them before window shortcuts."""
    if (
        event.type() == QEvent.Type.ShortcutOverride
        and isinstance(event, QKeyEvent)
        and event.key() in keys
        and not event.modifiers()
    ):
        event.accept()
        return True
    return False


class FactTree(QTreeWidget):
    """The list of sections and entries; Enter chooses, Esc lets go, typing filters."""

    entry_chosen = Signal(QTreeWidgetItem)
    escaped = Signal()
    typed = Signal(str)

    def event(self, event: QEvent) -> bool:
        if _claims(event, (Qt.Key.Key_Escape, Qt.Key.Key_Return, Qt.Key.Key_Enter)):
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        item = self.currentItem()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and item is not None:
            if item.parent() is None:
                item.setExpanded(not item.isExpanded())
            else:
                self.entry_chosen.emit(item)
            return
        if key == Qt.Key.Key_Escape:
            self.escaped.emit()
            return
        text = event.text()
        command_keys = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        if text.isprintable() and text.strip() and not event.modifiers() & command_keys:
            self.typed.emit(text)  # the filter box takes it from here
            return
        super().keyPressEvent(event)


class FilterBox(QLineEdit):
    """The filter field: Esc clears it, or lets go when empty; Down moves to the list."""

    escaped = Signal()
    down_pressed = Signal()

    def event(self, event: QEvent) -> bool:
        if _claims(event, (Qt.Key.Key_Escape,)):
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            if self.text():
                self.clear()
            else:
                self.escaped.emit()
            return
        if event.key() == Qt.Key.Key_Down:
            self.down_pressed.emit()
            return
        super().keyPressEvent(event)


class Legend(QWidget):
    """Four samples drawn with the very formats the highlights use."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._palette: HighlightPalette | None = None
        self.setSizePolicy(self.sizePolicy().horizontalPolicy(), self.sizePolicy().Policy.Fixed)

    def set_palette(self, palette: HighlightPalette) -> None:
        self._palette = palette
        self.update()

    def sizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        return QSize(metrics.horizontalAdvance("Organisation") * 2 + 24, metrics.height() * 2 + 12)

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._palette is None:
            return
        painter = QPainter(self)
        half = self.width() // 2
        row = self.fontMetrics().height() + 6
        for i, kind in enumerate(KINDS):
            name = KIND_NAMES[kind]
            layout = QTextLayout(name, self.font())
            fmt = QTextLayout.FormatRange()
            fmt.start, fmt.length = 0, len(name)
            fmt.format = mention_format(kind, self._palette, Emphasis.PLAIN)
            layout.setFormats([fmt])
            layout.beginLayout()
            line = layout.createLine()
            line.setLineWidth(half)
            layout.endLayout()
            layout.draw(painter, QPointF((i % 2) * half + 2, (i // 2) * row + 3))
        painter.end()

