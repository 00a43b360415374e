"""The library view: an overlay listing stored articles, filtered as you type.

Each row shows the title, the site, the date, how much was read, and a snippet with the
matched words. Enter opens the current article, Delete removes it, Ctrl+S keeps it as saved,
Esc closes the view; Up, Down, PgUp and PgDn move through the list from the search box.
"""

from __future__ import annotations

import html
import time
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QKeyEvent,
    QPainter,
    QPalette,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

if TYPE_CHECKING:  # the library's modules load on its own thread
    from reader_app.core.library import SearchResult

from ..style.card_overlay import CardOverlay
from ..style.theme import THEMES, Theme, mix

HINT = ('Words, "phrases", person:, place:, org:, number:, tag:, is:saved · '
        "Enter opens · Del deletes · Ctrl+S keeps · Esc closes")
_PAD = 10


class ResultModel(QAbstractListModel):
    """Search results as list rows; the result itself is the ``UserRole`` data."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.results: list[SearchResult] = []

    def set_results(self, results: list[SearchResult]) -> None:
        """Show ``results`` in place of the previous ones."""
        self.beginResetModel()
        self.results = list(results)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self.results)

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.row() >= len(self.results):
            return None
        result = self.results[index.row()]
        if role == Qt.ItemDataRole.UserRole:
            return result
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return " · ".join(p for p in (result.title, *meta_parts(result)) if p)
        return None


def meta_parts(result: SearchResult) -> list[str]:
    """Site, date, reading progress and the saved mark of a result, as shown under its title."""
    progress = round(result.progress * 100)
    read = "not started" if progress == 0 else "read" if progress >= 98 else f"{progress}% read"
    opened = datetime.fromtimestamp(result.opened_at)
    when = "opened today" if time.time() - result.opened_at < 20 * 3600 else (
        f"opened {opened:%-d %b %Y}")
    parts = [result.site or "", result.date or "", read, when]
    if result.saved:
        parts.append("★ saved")
    return [p for p in parts if p]


class ResultDelegate(QStyledItemDelegate):
    """Draws a result as title, a muted line of details, and the snippet with marked words."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.theme = THEMES["light"]

    def _document(self, result: SearchResult, width: int, font: object) -> QTextDocument:
        t = self.theme
        mark = mix(t.background, t.highlight_place, 0.22)
        snippet = "".join(
            f"<span style='background-color: {mark}; color: {t.heading}'>{html.escape(s)}</span>"
            if hit else html.escape(s) for s, hit in result.snippet).replace("\n", " ")
        parts = [f"<div style='color: {t.heading}; font-weight: 600'>"
                 f"{html.escape(result.title or 'Untitled')}</div>",
                 f"<div style='color: {t.muted}; font-size: small'>"
                 f"{html.escape(' · '.join(meta_parts(result)))}</div>"]
        if snippet.strip():
            parts.append(f"<div style='color: {t.text}; margin-top: 3px'>{snippet}</div>")
        doc = QTextDocument()
        doc.setDefaultFont(font)  # type: ignore[arg-type]
        doc.setDocumentMargin(0)
        doc.setHtml("".join(parts))
        doc.setTextWidth(max(80, width - 2 * _PAD))
        return doc

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        result = index.data(Qt.ItemDataRole.UserRole)
        if result is None:
            return
        rect: QRect = option.rect
        state = option.state
        painter.save()
        if state & QStyle.StateFlag.State_Selected:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(mix(self.theme.background, self.theme.link, 0.12)))
            painter.drawRoundedRect(rect.adjusted(0, 1, -2, -1), 6, 6)
        else:
            painter.setPen(QColor(self.theme.rule))
            painter.drawLine(rect.left() + _PAD, rect.bottom(), rect.right() - _PAD, rect.bottom())
        doc = self._document(result, rect.width(), option.font)
        painter.translate(rect.left() + _PAD, rect.top() + _PAD)
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette.setColor(QPalette.ColorRole.Text, QColor(self.theme.text))
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        result = index.data(Qt.ItemDataRole.UserRole)
        if result is None:
            return QSize(0, 0)
        width = option.rect.width() or 600
        doc = self._document(result, width, option.font)
        return QSize(width, int(doc.size().height()) + 2 * _PAD)


class LibraryView(CardOverlay):
    """Covers its parent with a dimmed backdrop and a card listing the library.

    Signals:
        query_changed(str): the search text changed (search as you type).
        open_requested(int): the reader chose an article to open (its id).
        delete_requested(int): the reader asked to delete an article (its id).
        saved_toggled(int, bool): the reader kept an article as saved, or stopped keeping it.
        closed(): the view was closed.
    """

    query_changed = Signal(str)
    open_requested = Signal(int)
    delete_requested = Signal(int)
    saved_toggled = Signal(int, bool)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, ("libraryView", "libraryCard"), (760, 820))
        self.search_box = self.card_head(
            "library", "Library", HINT, "Search the articles you have read", "Search the library")
        self.model = ResultModel(self)
        self.delegate = ResultDelegate(self)
        self.list = QListView(self.card)
        self.list.setObjectName("libraryList")
        self.list.setModel(self.model)
        self.list.setItemDelegate(self.delegate)
        self.list.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setAccessibleName("Articles in the library")
        self.list.installEventFilter(self)
        self.list.activated.connect(self.on_activated)
        self.status = QLabel("", self.card)
        self.status.setObjectName("libraryStatus")
        self.lay_out_card(self.list, self.status)

        self.search_box.textChanged.connect(self.query_changed)
        parent.installEventFilter(self)
        self.set_theme(self._theme)
        self.hide()

    # Showing ------------------------------------------------------------------------------

    def open(self, query: str | None = None) -> None:
        """Cover the parent and put the focus in the search box (with ``query`` if given)."""
        focus = QApplication.focusWidget()
        if focus is not None and not self.isAncestorOf(focus):
            self._return_focus = focus
        self._fit()
        self.show()
        self.raise_()
        if query is not None and query != self.search_box.text():
            self.search_box.setText(query)
        else:
            self.query_changed.emit(self.search_box.text())
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def set_theme(self, theme: Theme) -> None:
        """Draw the card and the rows in ``theme``'s colours."""
        self.delegate.theme = theme
        self.set_card_style(theme, "library", "libraryList",
                            f"#libraryStatus {{ color: {theme.muted}; }}\n"
                            "#libraryList { outline: none; }")
        self.list.viewport().update()
        self.update()

    def show_results(self, results: list[SearchResult], total: int | None = None) -> None:
        """List ``results``, keeping the current article current when it is still there."""
        current = self.current()
        self.model.set_results(results)
        row = next((i for i, r in enumerate(results) if current and r.id == current.id), 0)
        if results:
            self.list.setCurrentIndex(self.model.index(row))
        query = self.search_box.text().strip()
        if results:
            self.status.setText(f"{len(results)} article{'s' if len(results) != 1 else ''}"
                                + (" found" if query else ", most recent first"))
        elif query:
            self.status.setText(f"No article matches “{query}”.")
        else:
            self.status.setText("The library is empty: the articles you open are kept here.")

    def show_message(self, text: str) -> None:
        """Say what went wrong in the status line."""
        self.status.setText(text)

    def current(self) -> SearchResult | None:
        """The result the list's cursor is on, if any."""
        result: SearchResult | None = self.list.currentIndex().data(Qt.ItemDataRole.UserRole)
        return result

    # Actions ------------------------------------------------------------------------------

    @Slot(QModelIndex)
    def on_activated(self, index: QModelIndex) -> None:
        result = index.data(Qt.ItemDataRole.UserRole)
        if result is not None:
            self.open_requested.emit(result.id)

    def _key(self, event: QKeyEvent, in_box: bool) -> bool:
        key = event.key()
        ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        current = self.current()
        if key == Qt.Key.Key_Escape:
            self.dismiss()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if current is not None:
                self.open_requested.emit(current.id)
        elif key == Qt.Key.Key_Delete and (ctrl or not in_box):
            if current is not None:
                self.delete_requested.emit(current.id)
        elif key == Qt.Key.Key_S and ctrl:
            if current is not None:
                self.saved_toggled.emit(current.id, not current.saved)
        elif in_box and key in (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp,
                                Qt.Key.Key_PageDown):
            QApplication.sendEvent(self.list, QKeyEvent(event.type(), key, event.modifiers()))
        elif key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            (self.list if in_box else self.search_box).setFocus()
        elif not in_box and event.text().isprintable() and event.text().strip() and not ctrl:
            self.search_box.setFocus()
            self.search_box.insert(event.text())
        else:
            return False
        return True

    # Geometry, painting, events -----------------------------------------------------------

    def filter_key(self, watched: QObject, event: QKeyEvent) -> bool:
        if watched not in (self.search_box, self.list):
            return False
        if event.type() == QEvent.Type.ShortcutOverride:
            # Keys the view handles come before the window's commands for them.
            own = (Qt.Key.Key_Escape, Qt.Key.Key_Tab, Qt.Key.Key_Backtab, Qt.Key.Key_Delete,
                   Qt.Key.Key_S, Qt.Key.Key_Return, Qt.Key.Key_Enter)
            if event.key() in own:
                event.accept()
                return True
            return False
        if event.type() != QEvent.Type.KeyPress:
            return False
        return self._key(event, watched is self.search_box)
