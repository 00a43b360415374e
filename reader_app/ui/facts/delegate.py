"""Paints a facts-panel entry as two lines: the fact, and under it its context, muted.

The context is the sentence the fact is first mentioned in (``Fact.context``), elided to
the row's width, so that a reader sees why a fact is listed without hovering over it.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

#: Item data role holding an entry's context line (absent on sections and "more" rows).
CONTEXT_ROLE = Qt.ItemDataRole.UserRole + 2
_GAP = 1


class FactDelegate(QStyledItemDelegate):
    """Draws the entry as usual, then its context line below in a smaller, muted font."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.muted = QColor(Qt.GlobalColor.gray)

    def _context_font(self, option: QStyleOptionViewItem) -> QFont:
        font = QFont(option.font)
        font.setPointSizeF(max(6.0, font.pointSizeF() * 0.85))
        return font

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        if index.column() == 0 and index.data(CONTEXT_ROLE):
            size.setHeight(size.height() + QFontMetrics(self._context_font(option)).height()
                           + _GAP)
        return size

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        context = index.data(CONTEXT_ROLE) if index.column() == 0 else None
        if not context:
            super().paint(painter, option, index)
            return
        font = self._context_font(option)
        line = QFontMetrics(font).height() + _GAP
        rect: QRect = option.rect
        top = QStyleOptionViewItem(option)
        top.rect = QRect(rect.left(), rect.top(), rect.width(), rect.height() - line)
        super().paint(painter, top, index)
        indent = top.decorationSize.width() + 8
        area = QRect(rect.left() + indent, rect.bottom() - line + 1, rect.width() - indent - 4,
                     line)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setFont(font)
        color = option.palette.highlightedText().color() if selected else self.muted
        painter.setPen(color)
        text = QFontMetrics(font).elidedText(
            str(context), Qt.TextElideMode.ElideRight, area.width()
        )
        painter.drawText(area, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                         text)
        painter.restore()


__all__ = ["CONTEXT_ROLE", "FactDelegate"]
