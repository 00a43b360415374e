"""Opening pages and moving between them: the load queue, the history and the article on screen.

:class:`Navigation` carries out reload, stop, back, forward and the start page, and opens
what :mod:`opening` and the window hand it. Whatever names a page arrives as text or a
:class:`Source`; text is parsed once, here, and what names no page fails the way a load
fails, with one message.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from reader_app import APP_NAME
from reader_app.core.errors import ReaderError
from reader_app.core.load_options import LoadOptions
from reader_app.core.model import Article
from reader_app.core.source import Source, display_location, parse_source

from ..facts.controller import FactsController
from ..reading.find_bar import FindBar
from ..reading.view import ReaderView
from ..style.theme import ReadingStyle
from .bundled import sample_path
from .drop import DropAction
from .history import Entry, History, article_key
from .loader import Loader, LoadOptionsSource, LoadRequest, html_job, refused_job, source_job
from .location_bar import LocationBar
from .message_bar import MessageBar
from .settings import Settings
from .status_line import StatusLine


class Navigation(QObject):
    """Opens pages, keeps the back/forward history and shows the article it lands on.

    Signals:
        article_shown(object): an article is on screen (the Article).
        load_failed(str): a load failed; the message shown in the message bar.
        start_page_shown(): the start page is on screen.
    """

    article_shown = Signal(object)
    load_failed = Signal(str)
    start_page_shown = Signal()

    def __init__(
        self,
        *,
        loader: Loader,
        settings: Settings,
        view: ReaderView,
        facts: FactsController,
        location_bar: LocationBar,
        find_bar: FindBar,
        message_bar: MessageBar,
        status: StatusLine,
        actions: Mapping[str, QAction],
        reading_style: Callable[[], ReadingStyle],
        window: QWidget,
        load_options: LoadOptions | None = None,
        persist: bool = True,
    ) -> None:
        super().__init__(window)
        self.loader = loader
        self.settings = settings
        self.view = view
        self.facts = facts
        self.location_bar = location_bar
        self.find_bar = find_bar
        self.message_bar = message_bar
        self.status = status
        self.actions = actions
        self.reading_style = reading_style
        self.window = window
        self.load_options = load_options
        self.persist = persist
        self.history = History()
        self.article: Article | None = None
        self._queue: list[str | Source] = []
        self._batch_failures: list[str] = []  # errors of the sources opened together

    # Opening ------------------------------------------------------------------------------

    def open_sources(self, sources: Sequence[str | Source]) -> None:
        """Open each source in turn (paths, file:// or http(s) URLs); the last stays on screen."""
        wanted = [s for s in sources if isinstance(s, Source) or s.strip()]
        if not wanted:
            return
        self._queue = wanted[1:]
        self._batch_failures = []
        self._start_source(wanted[0])

    def open_source(self, text: str | Source) -> None:
        """Open a path, ``file://`` URL or http(s) URL, replacing any queued sources."""
        self._queue = []
        self._batch_failures = []
        self._start_source(text)

    def open_html(self, html: str, base_url: str | None = None) -> None:
        """Open the article of an HTML fragment (e.g. dropped from a browser)."""
        self._queue = []
        self._batch_failures = []
        request = LoadRequest(label="dropped text", html=html, base_url=base_url)
        self.loader.start(request, html_job(html, base_url))

    def open_drop(self, action: DropAction) -> None:
        """Open what was dropped."""
        if action.html is not None:
            self.open_html(action.html, action.base_url)
        elif action.source is not None:
            self.open_source(action.source)
            if action.others:
                self.message_bar.show_message(
                    f"Opened the first of {action.others + 1} dropped items.", "info")

    def show_stored_article(self, article: Article, source: Source | None,
                            offset: int = 0) -> None:
        """Show an article at hand (e.g. from the library) at article-text ``offset``."""
        self._queue = []
        self._batch_failures = []
        self.loader.cancel()
        self.message_bar.clear()
        self.remember_position()
        entry = Entry(source=source, title=article.title, key=article_key(article),
                      article=article, offset=offset)
        self.history.push(entry)
        self._show(entry)

    def current_source(self) -> Source | None:
        """Where the article on screen came from, if it came from a page."""
        entry = self.history.current
        return entry.source if entry is not None else None

    # Commands -----------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the current article again from its source."""
        entry = self.history.current
        if entry is None or entry.source is None:
            return
        self._batch_failures = []
        self._load(LoadRequest(label=str(entry.source), source=entry.source, delta=0))

    def cancel_load(self) -> None:
        """Stop the load; with none running, leave the location bar, or close the find bar or
        the message."""
        if self.loader.cancel():
            return
        if self.location_bar.hasFocus():
            self.on_location_escaped()
        elif self.find_bar.isVisible():
            self.find_bar.close_bar()
        elif self.message_bar.isVisible():
            self.message_bar.clear()

    def back(self) -> None:
        """Show the previous article, where the reader left it."""
        self._go(-1)

    def forward(self) -> None:
        """Show the next article, where the reader left it."""
        self._go(1)

    def show_start_page(self) -> None:
        """Show the start page: how to open a page and the main keys."""
        self.remember_position()
        self.article = None
        self.facts.clear()
        self.view.show_start_page(self.reading_style())
        self.window.setWindowTitle(APP_NAME)
        self.location_bar.set_location("")
        self.status.clear_article()
        self.update_actions()
        self.start_page_shown.emit()

    # Loading ------------------------------------------------------------------------------

    def _go(self, delta: int) -> None:
        entry = self.history.step(delta)
        if entry is None:
            return
        self._batch_failures = []
        if entry.article is not None:
            self.loader.cancel()
            self.remember_position()
            self.history.move(delta)
            self._show(entry)
        elif entry.source is not None:
            self._load(LoadRequest(label=str(entry.source), source=entry.source, delta=delta))

    def _start_source(self, text: str | Source) -> None:
        try:
            source = text if isinstance(text, Source) else parse_source(text)
        except ReaderError as err:
            self.loader.start(LoadRequest(label=str(text).strip()), refused_job(err))
            return
        source = source.absolute()
        self._load(LoadRequest(label=str(source), source=source))

    def _load(self, request: LoadRequest) -> None:
        assert request.source is not None
        self.loader.start(request, source_job(request.source, self._load_options()))

    def _load_options(self) -> LoadOptionsSource:
        """The load options, or a callable building them on the worker thread (see source_job)."""
        if self.load_options is not None:
            return self.load_options
        timeout = float(self.settings.get("network_timeout"))
        return lambda: LoadOptions(connect_timeout=timeout)

    # Showing ------------------------------------------------------------------------------

    def _show(self, entry: Entry) -> None:
        article = entry.article
        assert article is not None
        self.article = article
        self.view.remote_images = bool(self.settings.get("remote_images"))
        self.facts.leave_article()
        rendered = self.view.show_article(article, self.reading_style())
        self.facts.show_article(article, rendered)
        if entry.offset:
            self.view.scroll_to_text_offset(entry.offset)
        else:
            self.view.scroll_to_top()
        title = article.title or (str(entry.source) if entry.source else "Untitled")
        self.window.setWindowTitle(f"{title} — {APP_NAME}")
        self.location_bar.set_location(self._location_of(entry))
        self.status.show_article(article)
        self.on_scrolled()
        self.update_actions()
        self.article_shown.emit(article)

    @staticmethod
    def _location_of(entry: Entry) -> str:
        """What the location bar shows for ``entry``: its address, or nothing for the sample."""
        source = entry.source
        if source is not None and source.is_file and source.path == sample_path():
            return ""
        url = entry.article.url if entry.article is not None else None
        return display_location(url or str(entry.source or ""))

    def _show_current_location(self) -> None:
        """The location bar shows the address of what is on screen (not of a failed load)."""
        entry = self.history.current
        self.location_bar.set_location(self._location_of(entry) if entry else "")

    def remember_position(self) -> None:
        """Keep where the reader is in the article on screen (in the settings when persisting)."""
        entry = self.history.current
        if entry is None or self.article is None or entry.article is not self.article:
            return
        entry.offset = self.view.top_text_offset()
        if self.persist:
            self.settings.set_position(entry.key, entry.offset)

    def update_actions(self) -> None:
        """Enable the commands that need an article, a history or a source."""
        has_article = self.article is not None
        entry = self.history.current
        for name in ("export_markdown", "export_html", "export_pdf", "copy_text",
                     "copy_markdown", "copy_facts"):
            self.actions[name].setEnabled(has_article)
        self.actions["back"].setEnabled(self.history.can_go_back())
        self.actions["forward"].setEnabled(self.history.can_go_forward())
        self.actions["reload"].setEnabled(
            has_article and entry is not None and entry.source is not None)

    # Slots --------------------------------------------------------------------------------

    @Slot()
    def on_location_escaped(self) -> None:
        self._show_current_location()
        self.view.setFocus()

    @Slot(object, object)
    def on_article_loaded(self, request: LoadRequest, article: Article) -> None:
        if not self._batch_failures:
            self.message_bar.clear()
        self.remember_position()
        key = article_key(article)
        offset = self.settings.position(key) or 0
        entry = Entry(source=request.source, title=article.title, key=key, article=article,
                      offset=offset)
        if request.delta is None:
            self.history.push(entry)
        elif request.delta == 0:
            entry.offset = self.history.current.offset if self.history.current else offset
            self.history.replace_current(entry)
        else:
            self.history.move(request.delta)
            self.history.replace_current(entry)
        if self.persist and request.source is not None:
            self.settings.add_recent(str(request.source), article.title, key)
        self._show(entry)

    @Slot(object, object)
    def on_load_failed(self, request: LoadRequest, error: Exception) -> None:
        message = str(error) or error.__class__.__name__
        if not isinstance(error, ReaderError):
            message = f"Reader could not open {request.label}: {message}"
        self._batch_failures.append(message)
        # Of several sources opened together, the others still open; every failure is listed.
        self.message_bar.show_message("\n".join(self._batch_failures), "error")
        self._show_current_location()
        self.load_failed.emit(message)

    @Slot(object)
    def on_load_cancelled(self, request: LoadRequest) -> None:
        self._queue = []
        self._show_current_location()
        self.status.show_message(f"Stopped loading {request.label}", 4000)

    @Slot()
    def on_loader_settled(self) -> None:
        self.status.load_settled()
        if self._queue:
            self._start_source(self._queue.pop(0))

    @Slot()
    def on_scrolled(self) -> None:
        self.status.show_position(self.article, self.view.scroll_fraction())
