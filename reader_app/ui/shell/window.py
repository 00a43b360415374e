"""The reader window: location bar, message bar, the article, status bar; loading and history."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import replace
from importlib import resources
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl, Signal, Slot
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDesktopServices,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QGuiApplication,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QProgressBar,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from reader_app import APP_NAME
from reader_app.core.errors import ReaderError
from reader_app.core.source import Source, display_location, parse_source

from ..executor.service import Executor
from ..facts.controller import FactsController
from ..facts.panel import FactsDock
from ..facts.worker import FactsWorker
from ..keyboard.commands import MENUS, SEPARATOR, build_actions
from ..keyboard.keymap import KEYMAP, Key
from ..keyboard.window_keys import Keyboard
from ..library.controller import LibraryController
from ..reading import links
from ..reading.document import render_article
from ..reading.find_bar import FindBar
from ..reading.view import ReaderView
from ..style.theme import (
    COLUMN_CHARS_RANGE,
    FONT_SIZE_RANGE,
    ReadingStyle,
    Theme,
    apply_chrome_theme,
    mix,
)
from . import export
from . import reading_style as typography
from .about import show_about
from .drop import DropAction, DropOverlay, DropRefusal, parse_drop
from .history import Entry, History, article_key
from .loader import Loader, LoadRequest, html_job, refused_job, source_job
from .location_bar import LocationBar
from .message_bar import MessageBar
from .settings import Settings

#: File dialog filters for File ▸ Open.
OPEN_FILTERS = (
    "Saved web pages (*.html *.htm *.xhtml *.shtml *.mhtml *.mht)",
    "All files (*)",
)
STYLE_PREFERENCES = ("theme", "font_family", "font_size", "column_chars", "line_height",
                     "text_align", "custom_font")
THEME_ORDER = ("light", "sepia", "dark")
#: Tool bar buttons drawn as text, so they take the theme's colours.
TOOL_BAR_GLYPHS = {"back": "←", "forward": "→", "reload": "↻"}


def sample_path() -> Path:
    """The bundled sample article."""
    return Path(str(resources.files("reader_app.resources").joinpath("sample/article.html")))


def _format_size(size: int) -> str:
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / (1024 * 1024):.1f} MB"


class MainWindow(QMainWindow):
    """One reader window.

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
        settings: Settings,
        *,
        executor: Executor,
        load_options: Any = None,
        persist: bool = True,
        keymap: Mapping[str, tuple[Key, ...]] | None = None,
        private: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.keymap = dict(KEYMAP if keymap is None else keymap)
        self.executor = executor
        self.loader = Loader(executor, parent=self)
        self.load_options = load_options
        self.persist = persist
        self.history = History()
        self.article: Any = None
        self._queue: list[str | Source] = []
        self._batch_failures: list[str] = []  # errors of the sources opened together

        self.setWindowTitle(APP_NAME)
        self.setAcceptDrops(True)
        self.view = ReaderView(executor, self)
        self.view.setAcceptDrops(False)
        self.view.viewport().setAcceptDrops(False)
        self.view.remote_images = bool(settings.get("remote_images"))
        self.message_bar = MessageBar(self)
        self.location_bar = LocationBar(self)
        central = QWidget(self)
        central.setObjectName("central")
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.message_bar)
        layout.addWidget(self.view, 1)
        self.find_bar = FindBar(self.view, central)
        layout.addWidget(self.find_bar)
        self.setCentralWidget(central)
        self.drop_overlay = DropOverlay(central)
        self.facts_dock = FactsDock(self)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.facts_dock)
        self.facts_panel = self.facts_dock.panel
        self.facts = FactsController(self.view, self.facts_panel, self.reading_style().colours,
                                     FactsWorker(executor), parent=self)
        # Every article shown is kept in the library (not when private or not persisting).
        self.library = LibraryController(self, private=private or not persist)

        self.actions_by_name = build_actions(self, self.view, self._handlers(), self.keymap)
        self.actions_by_name["toggle_private"].setChecked(self.library.private)
        self._build_tool_bar()
        self._build_menus()
        self._build_status_bar()
        self.keyboard = Keyboard(self, self.keymap)
        self._connect_signals()
        self._connect_facts()
        self._apply_style()
        self._update_actions()
        self._restore_window()
        self.view.setFocus()

    # Construction -------------------------------------------------------------------------

    def _handlers(self) -> dict[str, Any]:
        return {
            "open_file": self.on_open_file,
            "open_location": self.location_bar.activate,
            "reload": self.reload,
            "cancel_load": self.on_cancel_pressed,
            "back": self.go_back,
            "forward": self.go_forward,
            "export_markdown": lambda: self.on_export("markdown"),
            "export_html": lambda: self.on_export("html"),
            "export_pdf": lambda: self.on_export("pdf"),
            "quit": self.close,
            "copy": self.view.copy,
            "copy_text": lambda: self.copy_article(markdown=False),
            "copy_markdown": lambda: self.copy_article(markdown=True),
            "copy_facts": self.copy_facts,
            "focus_facts": self.focus_facts,
            "next_mention": self.facts.next_mention,
            "previous_mention": self.facts.previous_mention,
            "toggle_highlights": lambda: self.settings.set(
                "fact_highlights", not self.settings.get("fact_highlights")),
            "toggle_facts_panel": self.toggle_facts_panel,
            "scroll_down": lambda: self.view.scroll_lines(1),
            "scroll_up": lambda: self.view.scroll_lines(-1),
            "page_down": lambda: self.view.scroll_pages(1),
            "page_up": lambda: self.view.scroll_pages(-1),
            "half_page_down": lambda: self.keyboard.half_page(1),
            "half_page_up": lambda: self.keyboard.half_page(-1),
            "scroll_top": self.view.scroll_to_top,
            "scroll_bottom": self.view.scroll_to_bottom,
            "find": self.find_bar.open_bar,
            "find_next": self.find_bar.find_next,
            "find_previous": self.find_bar.find_previous,
            "zoom_in": lambda: self._step_preference("font_size", 1, FONT_SIZE_RANGE),
            "zoom_out": lambda: self._step_preference("font_size", -1, FONT_SIZE_RANGE),
            "zoom_reset": lambda: self.settings.reset("font_size"),
            "wider": lambda: self._step_preference("column_chars", 5, COLUMN_CHARS_RANGE),
            "narrower": lambda: self._step_preference("column_chars", -5, COLUMN_CHARS_RANGE),
            "cycle_theme": self.cycle_theme,
            "theme_light": lambda: self.settings.set("theme", "light"),
            "theme_sepia": lambda: self.settings.set("theme", "sepia"),
            "theme_dark": lambda: self.settings.set("theme", "dark"),
            **typography.handlers(self),
            "open_link": lambda: self._follow_chosen_link(external=False),
            "open_link_in_browser": lambda: self._follow_chosen_link(external=True),
            "toggle_remote_images": lambda: self.settings.set(
                "remote_images", not self.settings.get("remote_images")
            ),
            "full_screen": self.toggle_full_screen,
            "show_start_page": self.show_start_page,
            "show_help": lambda: self.keyboard.help.toggle(),
            "focus_next_region": lambda: self.keyboard.tab(1),
            "focus_previous_region": lambda: self.keyboard.tab(-1),
            "open_sample": lambda: self.open_source(Source.file(sample_path())),
            "about": lambda: show_about(self),
            "show_library": self.library.toggle_view,
            "search_library_for_fact": self.library.search_fact,
            "toggle_private": self.library.toggle_private,
        }

    def _build_tool_bar(self) -> None:
        bar = QToolBar("Navigation", self)
        bar.setObjectName("navigationBar")
        bar.setMovable(False)
        bar.setFloatable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        # Styled before it is laid out: a style set later would change its height once more.
        bar.setStyleSheet(_tool_bar_style(self.reading_style().colours))
        for name, glyph in TOOL_BAR_GLYPHS.items():
            action = self.actions_by_name[name]
            action.setIconText(glyph)
            bar.addAction(action)
            button = bar.widgetForAction(action)
            button.setObjectName(f"{name}Button")
            button.setAccessibleName(action.text().split("\t")[0].replace("&", ""))
        bar.addWidget(self.location_bar)
        self.addToolBar(bar)
        self.tool_bar = bar

    def _build_menus(self) -> None:
        for title, names in MENUS:
            menu = self.menuBar().addMenu(title)
            for name in names:
                if name == SEPARATOR:
                    menu.addSeparator()
                elif name == "recent":
                    self.recent_menu = QMenu("Open &Recent", self)
                    self.recent_menu.aboutToShow.connect(self.on_recent_menu_about_to_show)
                    menu.addMenu(self.recent_menu)
                elif name in self.actions_by_name:
                    menu.addAction(self.actions_by_name[name])

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        bar.setSizeGripEnabled(False)
        bar.setContentsMargins(10, 0, 10, 0)
        self.article_label = QLabel(self)
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setMaximumWidth(220)
        self.progress_bar.setTextVisible(True)
        self.progress_bar.hide()
        self.position_label = QLabel(self)
        bar.addWidget(self.article_label, 1)
        bar.addPermanentWidget(self.progress_bar)
        bar.addPermanentWidget(self.position_label)

    def _connect_signals(self) -> None:
        self.loader.started.connect(self.on_load_started)
        self.loader.progressed.connect(self.on_load_progressed)
        self.loader.loaded.connect(self.on_article_loaded)
        self.loader.failed.connect(self.on_load_failed)
        self.loader.cancelled.connect(self.on_load_cancelled)
        self.loader.settled.connect(self.on_loader_settled)
        self.location_bar.submitted.connect(self.on_location_submitted)
        self.location_bar.escaped.connect(self.on_location_escaped)
        self.view.link_clicked.connect(self.on_link_clicked)
        self.view.link_hovered.connect(self.on_link_hovered)
        self.view.link_chosen.connect(self.on_link_chosen)
        self.on_link_chosen(False)
        self.view.verticalScrollBar().valueChanged.connect(self.on_scrolled)
        self.view.verticalScrollBar().rangeChanged.connect(self.on_scrolled)
        self.settings.changed.connect(self.on_setting_changed)
        self.message_bar.dismissed.connect(self.view.setFocus)
        self.find_bar.closed.connect(self.view.setFocus)
        self.facts.mention_shown.connect(self.find_bar.on_fact_mention_shown)

    def _connect_facts(self) -> None:
        highlights = bool(self.settings.get("fact_highlights"))
        self.facts.set_highlights_visible(highlights)
        self.actions_by_name["toggle_highlights"].setChecked(highlights)
        self.facts_dock.toggleViewAction().toggled.connect(self.on_facts_dock_toggled)
        self.facts_panel.show_idle()

    def _restore_window(self) -> None:
        geometry = self.settings.window_geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1100, 820)
        state = self.settings.window_state()
        if state is not None:
            self.restoreState(state)
        self.facts_dock.setVisible(bool(self.settings.get("facts_panel_visible")))
        self.actions_by_name["toggle_facts_panel"].setChecked(not self.facts_dock.isHidden())

    # Opening ------------------------------------------------------------------------------

    def open_sources(self, sources: list[str | Source]) -> None:
        """Open each source in turn (paths, file:// or http(s) URLs); the last stays on screen."""
        sources = [s for s in sources if isinstance(s, Source) or s.strip()]
        if not sources:
            return
        self._queue = sources[1:]
        self._batch_failures = []
        self._start_source(sources[0])

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

    def show_stored_article(self, article: Any, source: Source | None, offset: int = 0) -> None:
        """Show an article at hand (e.g. from the library) at article-text ``offset``."""
        self._queue = []
        self._batch_failures = []
        self.loader.cancel()
        self.message_bar.clear()
        self._remember_position()
        self.history.push(Entry(source=source, title=article.title, key=article_key(article),
                                article=article, offset=offset))
        self._show(self.history.current)

    def reload(self) -> None:
        """Read the current article again from its source."""
        entry = self.history.current
        if entry is None or entry.source is None:
            return
        self._batch_failures = []
        self._load(LoadRequest(label=str(entry.source), source=entry.source, delta=0))

    def go_back(self) -> None:
        """Show the previous article, where the reader left it."""
        self._go(-1)

    def go_forward(self) -> None:
        """Show the next article, where the reader left it."""
        self._go(1)

    def _go(self, delta: int) -> None:
        entry = self.history.step(delta)
        if entry is None:
            return
        self._batch_failures = []
        if entry.article is not None:
            self.loader.cancel()
            self._remember_position()
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

    def _load_options(self) -> Any:
        """The load options, or a callable building them on the worker thread (see source_job)."""
        if self.load_options is not None:
            return self.load_options
        timeout = float(self.settings.get("network_timeout"))

        def build() -> Any:
            from reader_app.core.loading import LoadOptions

            return LoadOptions(connect_timeout=timeout)

        return build

    # Showing ------------------------------------------------------------------------------

    def show_start_page(self) -> None:
        """Show the start page: how to open a page and the main keys."""
        self._remember_position()
        self.article = None
        self.facts.clear()
        self.view.show_start_page(self.reading_style())
        self.setWindowTitle(APP_NAME)
        self.location_bar.set_location("")
        self.article_label.clear()
        self.position_label.clear()
        self._update_actions()
        self.start_page_shown.emit()

    def _show(self, entry: Entry) -> None:
        article = entry.article
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
        self.setWindowTitle(f"{title} — {APP_NAME}")
        self.location_bar.set_location(self._location_of(entry))
        self.article_label.setText(f"{article.word_count:,} words")
        self.on_scrolled()
        self._update_actions()
        self.article_shown.emit(article)

    @staticmethod
    def _location_of(entry: Entry) -> str:
        """What the location bar shows for ``entry``: its address, or nothing for the sample."""
        if entry.source is not None and entry.source.is_file and entry.source.path == sample_path():
            return ""
        url = entry.article.url if entry.article is not None else None
        return display_location(url or str(entry.source or ""))

    def _remember_position(self) -> None:
        entry = self.history.current
        if entry is None or self.article is None or entry.article is not self.article:
            return
        entry.offset = self.view.top_text_offset()
        if self.persist:
            self.settings.set_position(entry.key, entry.offset)

    def reading_style(self) -> ReadingStyle:
        """The reading style from the preferences."""
        get = self.settings.get
        return ReadingStyle(theme=get("theme"), font=get("font_family"),
                            font_size=get("font_size"), column_chars=get("column_chars"),
                            line_height=get("line_height"), align=get("text_align"),
                            custom_family=get("custom_font"))

    def _apply_style(self) -> None:
        style = self.reading_style()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_chrome_theme(app, style.colours)
        self.message_bar.set_theme(style.colours)
        self.tool_bar.setStyleSheet(_tool_bar_style(style.colours))
        for name in THEME_ORDER:
            self.actions_by_name[f"theme_{name}"].setChecked(name == style.theme)
        typography.check_actions(self.actions_by_name, style)
        self.actions_by_name["toggle_remote_images"].setChecked(
            bool(self.settings.get("remote_images")))
        self.keyboard.set_theme(style.colours)
        self.facts.leave_article()
        self.facts.set_theme(style.colours)
        self.view.set_style(style)
        if self.view.rendered is not None:
            self.facts.show_article(self.view.rendered.article, self.view.rendered)

    def _update_actions(self) -> None:
        has_article = self.article is not None
        entry = self.history.current
        for name in ("export_markdown", "export_html", "export_pdf", "copy_text",
                     "copy_markdown", "copy_facts"):
            self.actions_by_name[name].setEnabled(has_article)
        self.actions_by_name["back"].setEnabled(self.history.can_go_back())
        self.actions_by_name["forward"].setEnabled(self.history.can_go_forward())
        self.actions_by_name["reload"].setEnabled(
            has_article and entry is not None and entry.source is not None)

    def cycle_theme(self) -> None:
        """Switch to the next theme: light, sepia, dark."""
        current = self.settings.get("theme")
        index = THEME_ORDER.index(current) if current in THEME_ORDER else -1
        self.settings.set("theme", THEME_ORDER[(index + 1) % len(THEME_ORDER)])

    def toggle_full_screen(self) -> None:
        """Enter or leave full screen."""
        self.setWindowState(self.windowState() ^ self.windowState().WindowFullScreen)
        self.actions_by_name["full_screen"].setChecked(self.isFullScreen())

    def _step_preference(self, name: str, step: int, bounds: tuple[float, float]) -> None:
        value = int(max(bounds[0], min(bounds[1], self.settings.get(name) + step)))
        if value == self.settings.get(name):
            self._announce_size(name, " (the limit)")
        self.settings.set(name, value)

    def _announce_size(self, name: str, note: str = "") -> None:
        """Say the new text size or column width in the status bar."""
        value = self.settings.get(name)
        text = (f"Text size {value} pt" if name == "font_size"
                else f"Text column {value} characters wide")
        self.statusBar().showMessage(text + note, 2500)

    # Copy and export ----------------------------------------------------------------------

    def copy_article(self, markdown: bool = False) -> None:
        """Copy the whole article as plain text or Markdown."""
        if self.article is None:
            return
        export.copy_article(self.article, QGuiApplication.clipboard(), markdown=markdown)
        self.statusBar().showMessage(
            "Article copied as Markdown" if markdown else "Article copied as text", 3000)

    def copy_facts(self) -> None:
        """Copy the article's key facts as Markdown."""
        if self.article is None:
            return
        text = self.facts.key_facts_markdown() or "No facts found in this article.\n"
        QGuiApplication.clipboard().setText(text)
        self.statusBar().showMessage("Key facts copied", 3000)

    # Facts panel --------------------------------------------------------------------------

    def toggle_facts_panel(self) -> None:
        """Show or hide the facts panel."""
        self.facts_dock.toggleViewAction().trigger()

    def focus_facts(self) -> None:
        """Show the facts panel and move the keyboard focus to its list."""
        if not self.facts_dock.isVisible():
            self.facts_dock.toggleViewAction().trigger()
        self.facts_dock.raise_()
        self.facts_panel.focus_entries()

    @Slot(bool)
    def on_facts_dock_toggled(self, visible: bool) -> None:
        self.actions_by_name["toggle_facts_panel"].setChecked(visible)
        if self.isVisible():
            self.settings.set("facts_panel_visible", visible)
        if not visible and self.facts_dock.isAncestorOf(self.focusWidget()):
            self.view.setFocus()

    def export_to(self, fmt: str, path: Path) -> None:
        """Write the article to ``path`` as ``markdown``, ``html`` or ``pdf``."""
        if self.article is None:
            return
        try:
            if fmt == "markdown":
                export.export_markdown(self.article, path, self.facts.key_facts_markdown())
            elif fmt == "html":
                export.export_html(self.article, path)
            else:
                light = replace(self.reading_style(), theme="light")
                document = render_article(self.article, light).document
                export.export_pdf(document, path, self.article.title)
        except (OSError, export.ExportError) as err:
            self.message_bar.show_message(str(err))
            return
        self.statusBar().showMessage(f"Saved {path.name}", 4000)

    # Slots --------------------------------------------------------------------------------

    @Slot()
    def on_open_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "Open a saved page", self._open_folder(), ";;".join(OPEN_FILTERS))
        if path:
            self.settings.set_last_folder(str(Path(path).parent))
            self.open_source(Source.file(path))

    def _open_folder(self) -> str:
        """Where the open dialog starts: the folder of the saved page on screen, else the last."""
        entry = self.history.current
        if entry is not None and entry.source is not None and entry.source.is_file:
            folder = entry.source.path.parent
            if folder.is_dir() and entry.source.path != sample_path():
                return str(folder)
        return self.settings.last_folder()

    def on_export(self, fmt: str) -> None:
        if self.article is None:
            return
        name = export.suggested_name(self.article, fmt)
        path, _ = QFileDialog.getSaveFileName(
            self, "Export article", str(Path(self.settings.last_folder()) / name),
            export.FORMATS[fmt][0])
        if path:
            self.settings.set_last_folder(str(Path(path).parent))
            self.export_to(fmt, Path(path))

    @Slot()
    def on_cancel_pressed(self) -> None:
        if self.loader.cancel():
            return
        if self.location_bar.hasFocus():
            self.on_location_escaped()
        elif self.find_bar.isVisible():
            self.find_bar.close_bar()
        elif self.message_bar.isVisible():
            self.message_bar.clear()

    @Slot(str)
    def on_location_submitted(self, text: str) -> None:
        self.open_source(text)
        self.view.setFocus()

    @Slot()
    def on_location_escaped(self) -> None:
        self._show_current_location()
        self.view.setFocus()

    def _show_current_location(self) -> None:
        """The location bar shows the address of what is on screen (not of a failed load)."""
        entry = self.history.current
        self.location_bar.set_location(self._location_of(entry) if entry else "")

    # Links (see links.py) ---------------------------------------------------------------

    @Slot(QUrl, bool)
    def on_link_clicked(self, url: QUrl, external: bool) -> None:
        article_url = self.article.url if self.article is not None else None
        decision = links.decide(url, article_url, external)
        if decision.action == "refuse":
            self.statusBar().showMessage(decision.message, 6000)
        elif decision.action == "desktop":
            self.statusBar().showMessage(f"Opening {url.toString()} in your browser", 4000)
            QDesktopServices.openUrl(url)
        else:
            self.open_source(url.toString())

    @Slot(QUrl)
    def on_link_hovered(self, url: QUrl) -> None:
        if url.isEmpty():
            self.statusBar().clearMessage()
        else:
            self.statusBar().showMessage(url.toDisplayString())

    @Slot(bool)
    def on_link_chosen(self, chosen: bool) -> None:
        # Enabled only while a link is chosen, so Enter reaches other widgets otherwise.
        for name in ("open_link", "open_link_in_browser"):
            self.actions_by_name[name].setEnabled(chosen)

    def _follow_chosen_link(self, external: bool) -> None:
        if not self.view.activate_link(external):
            self.statusBar().showMessage("No link chosen: Tab moves between the links on screen",
                                         4000)

    @Slot()
    def on_recent_menu_about_to_show(self) -> None:
        menu = self.recent_menu
        menu.clear()
        recent = self.settings.recent()
        for source, title in recent:
            action = QAction(title or source, menu)
            action.setToolTip(source)
            action.setStatusTip(source)
            action.triggered.connect(lambda _checked=False, s=source: self.open_source(s))
            menu.addAction(action)
        if recent:
            menu.addSeparator()
        clear = menu.addAction("Clear Recent")
        clear.setEnabled(bool(recent))
        clear.triggered.connect(self.settings.clear_recent)

    @Slot(object)
    def on_load_started(self, request: LoadRequest) -> None:
        self.progress_bar.setRange(0, 0)
        self.progress_bar.setFormat("Loading…")
        self.progress_bar.show()
        self.statusBar().showMessage(f"Opening {request.label} — Esc cancels")

    @Slot(int, int)
    def on_load_progressed(self, received: int, total: int) -> None:
        if total > 0:
            self.progress_bar.setRange(0, 1000)
            self.progress_bar.setValue(min(1000, int(1000 * received / total)))
            self.progress_bar.setFormat(f"{_format_size(received)} of {_format_size(total)}")
        else:
            self.progress_bar.setRange(0, 0)
            self.progress_bar.setFormat(_format_size(received))

    @Slot(object, object)
    def on_article_loaded(self, request: LoadRequest, article: Any) -> None:
        if not self._batch_failures:
            self.message_bar.clear()
        self._remember_position()
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
        self.statusBar().showMessage(f"Stopped loading {request.label}", 4000)

    @Slot()
    def on_loader_settled(self) -> None:
        self.progress_bar.hide()
        if self.statusBar().currentMessage().startswith("Opening "):
            self.statusBar().clearMessage()
        if self._queue:
            self._start_source(self._queue.pop(0))

    @Slot()
    def on_scrolled(self) -> None:
        if self.article is None:
            self.position_label.clear()
            return
        fraction = self.view.scroll_fraction()
        left = math.ceil(self.article.reading_minutes * (1 - fraction))
        text = f"{round(fraction * 100)}% read"
        if left > 0:
            text += f" · {left} min left"
        self.position_label.setText(text)

    @Slot(str, object)
    def on_setting_changed(self, name: str, _value: object) -> None:
        if name == "fact_highlights":
            visible = bool(self.settings.get(name))
            self.facts.set_highlights_visible(visible)
            self.actions_by_name["toggle_highlights"].setChecked(visible)
        if name == "remote_images":
            self.view.remote_images = bool(self.settings.get("remote_images"))
        if name in STYLE_PREFERENCES or name == "remote_images":
            self._apply_style()
        if name in ("font_size", "column_chars"):
            self._announce_size(name)

    # Drag and drop ------------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        self.drop_overlay.show_hint(parse_drop(event.mimeData()))
        event.acceptProposedAction()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        event.acceptProposedAction()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self.drop_overlay.hide()
        event.accept()

    def dropEvent(self, event: QDropEvent) -> None:
        self.drop_overlay.hide()
        result = parse_drop(event.mimeData())
        if isinstance(result, DropRefusal):
            self.message_bar.show_message(result.reason, "error")
            event.ignore()
            return
        event.acceptProposedAction()
        self.open_drop(result)

    def open_drop(self, action: DropAction) -> None:
        """Open what was dropped."""
        if action.html is not None:
            self.open_html(action.html, action.base_url)
        elif action.source is not None:
            self.open_source(action.source)
            if action.others:
                self.message_bar.show_message(
                    f"Opened the first of {action.others + 1} dropped items.", "info")

    # Window events ------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.drop_overlay.isVisible():
            self.drop_overlay.setGeometry(self.drop_overlay.area.rect())

    def closeEvent(self, event: QCloseEvent) -> None:
        self.loader.cancel()
        self.facts.worker.discard()
        self.view.stop_images()
        self.library.shutdown()
        if self.persist:
            self._remember_position()
            self.settings.save_window(self.saveGeometry(), self.saveState())
            self.settings.sync()
        super().closeEvent(event)


def _tool_bar_style(theme: Theme) -> str:
    hover = mix(theme.chrome, theme.text, 0.08)
    disabled = mix(theme.chrome, theme.muted, 0.45)
    return (
        f"QToolBar#navigationBar {{ border: none; border-bottom: 1px solid {theme.rule};"
        f" padding: 3px 8px; spacing: 2px; }}"
        f" QToolBar#navigationBar QToolButton {{ color: {theme.text}; font-size: 17px;"
        f" padding: 0px 7px; border: none; border-radius: 5px; }}"
        f" QToolBar#navigationBar QToolButton:hover {{ background: {hover}; }}"
        f" QToolBar#navigationBar QToolButton:disabled {{ color: {disabled}; }}"
        f" QLineEdit#locationBar {{ color: {theme.muted}; background: {theme.background};"
        f" border: 1px solid {theme.rule}; border-radius: 6px; padding: 3px 8px;"
        f" margin-left: 6px; }}"
        f" QLineEdit#locationBar:focus {{ color: {theme.text}; border-color: {theme.link}; }}"
    )
