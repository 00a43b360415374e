"""The reading view: the article's column read with the keyboard and the mouse — smooth
scrolling by lines and screens, links followed, chosen with Tab or offered in a context menu."""

from __future__ import annotations

import math

from PySide6.QtCore import QPoint, QPointF, Qt, QUrl, QVariantAnimation, Signal, Slot
from PySide6.QtGui import (
    QContextMenuEvent,
    QFontMetricsF,
    QGuiApplication,
    QKeySequence,
    QMouseEvent,
    QTextDocument,
)
from PySide6.QtWidgets import QMenu, QWidget

from ..executor.service import Executor
from .column_view import ColumnView
from .link_focus import LinkFocus


class ReaderView(ColumnView):
    """The article as the reader reads it (see :class:`ColumnView` for what it shows).

    Signals:
        link_clicked(QUrl, bool): a link was activated; ``True`` asks to open it in the system
            browser (Ctrl+click or the context menu), ``False`` to open it in Reader.
        link_hovered(QUrl): the mouse or the keyboard is on a link (an empty URL: no longer).
        link_chosen(bool): a link was chosen with the keyboard (``False``: none is now).
    """

    link_clicked = Signal(QUrl, bool)
    link_hovered = Signal(QUrl)
    link_chosen = Signal(bool)

    #: Duration of an animated scroll, in milliseconds (0 scrolls at once).
    SCROLL_MS = 110

    def __init__(self, executor: Executor, parent: QWidget | None = None) -> None:
        super().__init__(executor, parent)
        self._modifiers = Qt.KeyboardModifier.NoModifier
        self.link_focus = LinkFocus(self)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.anchorClicked.connect(self.on_anchor_clicked)
        self.highlighted.connect(self.on_link_highlighted)
        self._scroll_animation.valueChanged.connect(self.on_scroll_animated)

    def _install(self, document: QTextDocument) -> None:
        super()._install(document)
        self.link_focus.reset(document)

    # -- scrolling -------------------------------------------------------------------------

    def line_step(self) -> int:
        """Pixels of one body line."""
        metrics = QFontMetricsF(self.reading_style.body_font())
        return max(1, round(metrics.lineSpacing() * self.reading_style.line_height))

    def scroll_lines(self, lines: int) -> None:
        """Scroll down (positive) or up by ``lines`` body lines."""
        self._scroll_by(lines * self.line_step())

    def scroll_pages(self, pages: int) -> None:
        """Scroll by whole screens, keeping one line of the previous screen in view.

        The new screen starts with a whole line: one that the plain step would cut at the
        top is shown from its top.
        """
        page = max(self.line_step(), self.viewport().height() - self.line_step())
        target = self.scroll_target() + pages * page
        self._animate_to(self._line_top_at(target))

    def _line_top_at(self, y: int) -> int:
        """The top of the text line that document height ``y`` falls in (``y`` between lines)."""
        self._ensure_layout()
        document = self.document()
        layout = document.documentLayout()
        x = document.rootFrame().frameFormat().leftMargin() + 1
        position = layout.hitTest(QPointF(x, y), Qt.HitTestAccuracy.FuzzyHit)
        block = document.findBlock(max(0, position))
        if not block.isValid() or block.layout() is None:
            return y
        line = block.layout().lineForTextPosition(position - block.position())
        if not line.isValid():
            return y
        top = layout.blockBoundingRect(block).top() + line.y()
        # A line cut by less than a pixel is whole on screen.
        return math.floor(top) if top + 1 <= y < top + line.height() else y

    def scroll_to_top(self) -> None:
        """Scroll to the start of the article."""
        self._animate_to(0)

    def scroll_to_bottom(self) -> None:
        """Scroll to the end of the article."""
        self._ensure_layout()
        self._animate_to(self.verticalScrollBar().maximum())

    def scroll_target(self) -> int:
        """Where the scroll bar is heading (its value once any animation ends)."""
        if self._scroll_animation.state() == QVariantAnimation.State.Running:
            return int(self._scroll_animation.endValue())
        return self.verticalScrollBar().value()

    def _scroll_by(self, pixels: int) -> None:
        self._animate_to(self.scroll_target() + pixels)

    def _animate_to(self, value: int) -> None:
        bar = self.verticalScrollBar()
        value = max(bar.minimum(), min(bar.maximum(), value))
        self._scroll_animation.stop()
        if self.SCROLL_MS <= 0 or value == bar.value():
            bar.setValue(value)
            return
        self._scroll_animation.setDuration(self.SCROLL_MS)
        self._scroll_animation.setStartValue(bar.value())
        self._scroll_animation.setEndValue(value)
        self._scroll_animation.start()

    @Slot(object)
    def on_scroll_animated(self, value: object) -> None:
        self.verticalScrollBar().setValue(int(value))  # type: ignore[call-overload]


    # -- links -----------------------------------------------------------------------------

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        """Remember the modifiers of the click that may activate a link."""
        self._modifiers = event.modifiers()
        super().mouseReleaseEvent(event)

    @Slot(QUrl)
    def on_anchor_clicked(self, url: QUrl) -> None:
        external = bool(self._modifiers & Qt.KeyboardModifier.ControlModifier)
        self._modifiers = Qt.KeyboardModifier.NoModifier
        self.link_clicked.emit(self._resolve(url), external)

    @Slot(QUrl)
    def on_link_highlighted(self, url: QUrl) -> None:
        self.link_hovered.emit(self._resolve(url) if not url.isEmpty() else QUrl())

    def focus_link(self, step: int) -> bool:
        """Choose the next (``step`` 1) or previous (-1) link on screen (see :class:`LinkFocus`)."""
        return self.link_focus.move(step)

    def activate_link(self, external: bool) -> bool:
        """Follow the chosen link (in the desktop's browser when ``external``); ``False`` when
        no link is chosen."""
        url = self.link_focus.chosen()
        if url is None:
            return False
        self.link_clicked.emit(url, external)
        return True

    def resolve(self, url: QUrl) -> QUrl:
        """``url`` resolved against the shown document's address."""
        return self._resolve(url)

    def _resolve(self, url: QUrl) -> QUrl:
        base = self.document().baseUrl()
        return base.resolved(url) if url.isRelative() and not base.isEmpty() else url

    def context_menu(self, pos: QPoint) -> QMenu:
        """The context menu for viewport position ``pos``: link entries, Copy, Select All."""
        menu = QMenu(self)
        anchor = self.anchorAt(pos)
        if anchor:
            url = self._resolve(QUrl(anchor))
            menu.addAction("Open Link in Browser", lambda: self.link_clicked.emit(url, True))
            menu.addAction("Copy Link", lambda: QGuiApplication.clipboard().setText(
                url.toString()))
            menu.addSeparator()
        copy = menu.addAction("Copy", self.copy)
        copy.setShortcut(QKeySequence.StandardKey.Copy)
        copy.setEnabled(self.textCursor().hasSelection())
        select_all = menu.addAction("Select All", self.selectAll)
        select_all.setShortcut(QKeySequence.StandardKey.SelectAll)
        return menu

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        """Show :meth:`context_menu`."""
        menu = self.context_menu(event.pos())
        menu.exec(event.globalPos())
        menu.deleteLater()

