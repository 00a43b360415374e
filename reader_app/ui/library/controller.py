"""Joins the window to the library: stores what is opened, lists, searches, opens, deletes.

Every article shown is stored off the GUI thread (its facts once found, its reading position
as the reader scrolls); storing never delays or breaks opening: a failing library gives one
message and the article stays on screen. In private mode nothing is kept.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Protocol

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QStatusBar

from reader_app.core.errors import ReaderError
from reader_app.core.facts.model import Facts
from reader_app.core.model import Article
from reader_app.core.source import Source, parse_source

from ..facts.panel import FactsPanel
from ..reading.fact_kinds import KIND_STYLES
from ..reading.view import ReaderView
from ..shell.message_bar import MessageBar
from ..style.theme import Theme
from .view import LibraryView
from .worker import LibraryWorker

#: How long the reading position waits after the last scroll before it is stored (ms).
POSITION_DELAY_MS = 800
#: Results listed in the view.
RESULT_LIMIT = 100


def _key(article: Article) -> str:
    """The library's key of ``article``, worked out on the library's thread (the library's
    modules load there, not while the window starts)."""
    from reader_app.core.library import article_key

    return article_key(article)


class Shelf(Protocol):
    """What the library needs of the window's navigation: where the article on screen came
    from, a way to show a stored one, and whether to keep recent pages and positions."""

    persist: bool

    def current_source(self) -> Source | None:
        """Where the article on screen came from."""

    def show_stored_article(self, article: Article, source: Source | None,
                            offset: int = 0) -> None:
        """Show ``article`` at article-text ``offset``."""


class LibraryController(QObject):
    """The library behind ``view``: it stores what ``shelf`` shows in ``reader``.

    Signals:
        stored(int): an opened article was stored (its id).
        results_shown(list): the view lists these search results.
        opened(int): an article from the library is on screen (its id).
        deleted(int): an article was deleted from the library (its id).
        failed(str): the library failed; the one-line message shown.
    """

    stored = Signal(int)
    results_shown = Signal(list)
    opened = Signal(int)
    deleted = Signal(int)
    failed = Signal(str)

    def __init__(
        self,
        view: LibraryView,
        *,
        shelf: Shelf,
        reader: ReaderView,
        facts_panel: FactsPanel,
        message_bar: MessageBar,
        status_bar: QStatusBar,
        actions: Mapping[str, QAction],
        theme: Callable[[], Theme],
        private: bool = False,
    ) -> None:
        super().__init__(view)
        self.view = view
        self.shelf = shelf
        self.reader = reader
        self.facts_panel = facts_panel
        self.message_bar = message_bar
        self.status_bar = status_bar
        self.actions = actions
        self.theme = theme
        self.private = private
        self._persist = bool(shelf.persist)
        self.worker = LibraryWorker(parent=self)
        self.view.set_theme(theme())
        self._stored: Article | None = None  # the article on screen, as stored
        self._generation = 0
        self._reported: set[str] = set()
        self._position_timer = QTimer(self)
        self._position_timer.setSingleShot(True)
        self._position_timer.setInterval(POSITION_DELAY_MS)
        self._apply_private()
        self._connect_signals()

    def _connect_signals(self) -> None:
        self._position_timer.timeout.connect(self.store_position)
        self.worker.finished.connect(self.on_task_finished)
        self.worker.failed.connect(self.on_task_failed)
        self.view.query_changed.connect(self.on_query_changed)
        self.view.open_requested.connect(self.on_open_requested)
        self.view.delete_requested.connect(self.on_delete_requested)
        self.view.saved_toggled.connect(self.on_saved_toggled)

    # Commands -----------------------------------------------------------------------------

    def toggle_view(self) -> None:
        """Show the library, or close it when shown."""
        if self.view.isVisible():
            self.view.dismiss()
        else:
            self.view.open()

    def search_fact(self) -> None:
        """Search the library for the fact chosen or current in the facts panel."""
        fact = self.facts_panel.current_fact()
        if fact is None:
            self.status_bar.showMessage(
                "Choose a fact in the facts panel to find it in other articles", 4000)
            return
        label = " ".join(fact.label.replace('"', " ").split())
        self.view.open(f'{KIND_STYLES[fact.kind].search}:"{label}"')

    def toggle_private(self) -> None:
        """Keep nothing of what is opened from now on, or keep it again."""
        self.set_private(not self.private)
        self.status_bar.showMessage(
            "Private mode: nothing you open is kept" if self.private
            else "Private mode is off: the articles you open are kept in the library", 5000)

    def set_private(self, private: bool) -> None:
        """Switch private mode on or off."""
        self.private = private
        self._apply_private()

    def _apply_private(self) -> None:
        # Private mode keeps no recent pages and no reading positions either.
        self.shelf.persist = self._persist and not self.private
        action = self.actions.get("toggle_private")
        if action is not None:
            action.setChecked(self.private)
        if self.private:
            self._stored = None
            self._position_timer.stop()

    def shutdown(self) -> None:
        """Store the reading position, finish pending writes and close the library."""
        if self._position_timer.isActive():
            self._position_timer.stop()
            self.store_position()
        self.worker.shutdown()

    # Storing ------------------------------------------------------------------------------

    @Slot(object)
    def on_article_shown(self, article: Article) -> None:
        if self._position_timer.isActive():
            self._position_timer.stop()
            self._stored = None  # the position read now would be the new article's
        if self.private:
            return
        self._stored = article
        current = self.shelf.current_source()
        source = str(current) if current is not None else None
        self.worker.submit("save", lambda lib: lib.save(article, source=source))

    @Slot()
    def on_start_page_shown(self) -> None:
        self.store_position()
        self._stored = None

    @Slot(object)
    def on_facts_shown(self, facts: Facts) -> None:
        article = self._stored
        if article is None or self.private:
            return
        self.worker.submit("facts", lambda lib: lib.save_facts(_key(article), facts))

    @Slot(int)
    def on_scrolled(self, _value: int) -> None:
        if self._stored is not None:
            self._position_timer.start()

    @Slot()
    def store_position(self) -> None:
        """Store where the reader is in the article on screen."""
        article, view = self._stored, self.reader
        if article is None or self.private or view.rendered is None:
            return
        offset, fraction = view.top_text_offset(), view.scroll_fraction()
        self.worker.submit("position",
                           lambda lib: lib.set_position(_key(article), offset, fraction))

    # The view -----------------------------------------------------------------------------

    @Slot(str)
    def on_query_changed(self, text: str) -> None:
        self._generation += 1
        generation = self._generation

        def run(lib: Any) -> tuple[int, Any]:
            if generation != self._generation:
                return generation, None  # the reader typed on meanwhile
            from reader_app.core.library import search  # on the library's thread

            return generation, search(lib, text, limit=RESULT_LIMIT, prefix=True)

        self.worker.submit("search", run)

    @Slot(int)
    def on_open_requested(self, article_id: int) -> None:
        self.worker.submit("open", lambda lib: lib.get(article_id))

    @Slot(int)
    def on_delete_requested(self, article_id: int) -> None:
        self.worker.submit("delete", lambda lib: lib.delete(article_id) and article_id)

    @Slot(int, bool)
    def on_saved_toggled(self, article_id: int, saved: bool) -> None:
        self.worker.submit("keep", lambda lib: lib.set_saved(article_id, saved))

    def _refresh(self) -> None:
        if self.view.isVisible():
            self.on_query_changed(self.view.search_box.text())

    @Slot(str, object)
    def on_task_finished(self, name: str, result: Any) -> None:
        if name == "save":
            self.stored.emit(int(result))
        elif name == "search":
            generation, results = result
            if generation == self._generation and results is not None:
                self.view.show_results(results)
                self.results_shown.emit(results)
        elif name == "open":
            self.view.dismiss()
            self.shelf.show_stored_article(result.article, _stored_source(result.source),
                                            result.position)
            self.opened.emit(result.id)
        elif name == "delete" and result:
            self.status_bar.showMessage("Deleted from the library", 4000)
            self._refresh()
            self.deleted.emit(int(result))
        elif name == "keep":
            self._refresh()

    @Slot(str, str)
    def on_task_failed(self, name: str, message: str) -> None:
        if self.view.isVisible():
            self.view.show_message(message)
        if message not in self._reported:
            self._reported.add(message)
            self.message_bar.show_message(message[:1].upper() + message[1:] + ".")
        self.failed.emit(message)

    @Slot(str, object)
    def on_setting_changed(self, name: str, _value: object) -> None:
        if name == "theme":
            self.view.set_theme(self.theme())


def _stored_source(text: str | None) -> Source | None:
    """The source an article was stored with, if it still names a page."""
    try:
        return parse_source(text) if text else None
    except ReaderError:
        return None
