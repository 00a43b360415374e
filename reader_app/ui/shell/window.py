"""The reader window: it lays out the widgets, composes the controllers that carry out the
commands, binds the commands to them by name, and wires their signals."""

from __future__ import annotations

from collections.abc import Mapping
from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar, QVBoxLayout, QWidget

from reader_app import APP_NAME
from reader_app.core.load_options import LoadOptions

from ..executor.service import Executor
from ..facts.commands import FactsCommands
from ..facts.controller import FactsController
from ..facts.panel import FactsDock
from ..facts.worker import FactsWorker
from ..keyboard.commands import MENUS, SEPARATOR, Owner, bind, build_actions
from ..keyboard.keymap import KEYMAP, Key
from ..keyboard.window_keys import Keyboard
from ..library.controller import LibraryController
from ..library.view import LibraryView
from ..reading.find_bar import FindBar
from ..reading.view import ReaderView
from .drop import DropHandler, DropOverlay
from .loader import Loader
from .location_bar import LocationBar
from .message_bar import MessageBar
from .navigation import Navigation
from .opening import OpenCommands
from .output import Output
from .reading_style import ReadingStyleCommands, reading_style, tool_bar_style
from .settings import Settings
from .status_line import StatusLine
from .window_commands import WindowCommands

#: Tool bar buttons drawn as text, so they take the theme's colours.
TOOL_BAR_GLYPHS = {"back": "←", "forward": "→", "reload": "↻"}


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
        load_options: LoadOptions | None = None,
        persist: bool = True,
        keymap: Mapping[str, tuple[Key, ...]] | None = None,
        private: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.keymap = dict(KEYMAP if keymap is None else keymap)
        self.executor = executor
        self.setWindowTitle(APP_NAME)
        self._build_widgets()
        self.actions_by_name: dict[str, QAction] = {}
        self._compose(load_options, persist, private)
        self.actions_by_name.update(build_actions(self, self.view, bind(self.command_owners()),
                                                  self.keymap))
        self._build_tool_bar()
        self._build_menus()
        self._connect_signals()
        self.actions_by_name["toggle_private"].setChecked(self.library.private)
        self.fact_commands.show_highlights_setting()
        self.facts_panel.show_idle()
        self.styling.apply()
        self.navigation.update_actions()
        self._restore_window()
        self.view.setFocus()

    # Construction -------------------------------------------------------------------------

    def _build_widgets(self) -> None:
        self.view = ReaderView(self.executor, self)
        self.view.setAcceptDrops(False)
        self.view.viewport().setAcceptDrops(False)
        self.view.remote_images = bool(self.settings.get("remote_images"))
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
        self.library_view = LibraryView(self)
        self.tool_bar = QToolBar("Navigation", self)
        self.menuBar()
        self.status = StatusLine(self.statusBar())
        self.article_label = self.status.article_label
        self.progress_bar = self.status.progress_bar
        self.position_label = self.status.position_label

    def _compose(self, load_options: LoadOptions | None, persist: bool, private: bool) -> None:
        """The controllers, each given the widgets and the other controllers it works with."""
        actions = self.actions_by_name
        style = partial(reading_style, self.settings)
        self.facts = FactsController(self.view, self.facts_panel, style().colours,
                                     FactsWorker(self.executor), parent=self)
        self.keyboard = Keyboard(self, self.keymap, view=self.view, find_bar=self.find_bar,
                                 facts_panel=self.facts_panel, location_bar=self.location_bar,
                                 status_bar=self.statusBar(), actions=actions)
        self.loader = Loader(self.executor, parent=self)
        self.navigation = Navigation(
            loader=self.loader, settings=self.settings, view=self.view, facts=self.facts,
            location_bar=self.location_bar, find_bar=self.find_bar,
            message_bar=self.message_bar, status=self.status, actions=actions,
            reading_style=style, window=self, load_options=load_options, persist=persist)
        self.opening = OpenCommands(
            open_source=self.navigation.open_source,
            current_source=self.navigation.current_source,
            article=lambda: self.navigation.article, settings=self.settings, view=self.view,
            location_bar=self.location_bar, status=self.status, actions=actions, window=self)
        self.styling = ReadingStyleCommands(
            self.settings, view=self.view, facts=self.facts, message_bar=self.message_bar,
            status=self.status, tool_bar=self.tool_bar, keyboard=self.keyboard,
            actions=actions, window=self)
        self.output = Output(article=lambda: self.navigation.article, facts=self.facts,
                             settings=self.settings, reading_style=style,
                             message_bar=self.message_bar, status=self.status, window=self)
        self.fact_commands = FactsCommands(
            self.facts, self.facts_dock, self.settings, view=self.view,
            status_bar=self.statusBar(), actions=actions,
            has_article=lambda: self.navigation.article is not None, window=self)
        # Every article shown is kept in the library (not when private or not persisting).
        self.library = LibraryController(
            self.library_view, shelf=self.navigation, reader=self.view,
            facts_panel=self.facts_panel, message_bar=self.message_bar,
            status_bar=self.statusBar(), actions=actions, theme=lambda: style().colours,
            private=private or not persist)
        self.window_commands = WindowCommands(self, actions)
        self.drops = DropHandler(self, self.drop_overlay, self.navigation.open_drop,
                                 lambda reason: self.message_bar.show_message(reason, "error"))

    def command_owners(self) -> dict[Owner, object]:
        """Who carries out the commands, by the owner names of the command table."""
        return {"navigation": self.navigation, "opening": self.opening, "output": self.output,
                "style": self.styling, "facts": self.fact_commands, "library": self.library,
                "keyboard": self.keyboard, "window": self.window_commands, "view": self.view,
                "find": self.find_bar}

    def _build_tool_bar(self) -> None:
        bar = self.tool_bar
        bar.setObjectName("navigationBar")
        bar.setMovable(False)
        bar.setFloatable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        # Styled before it is laid out: a style set later would change its height once more.
        bar.setStyleSheet(tool_bar_style(reading_style(self.settings).colours))
        for name, glyph in TOOL_BAR_GLYPHS.items():
            action = self.actions_by_name[name]
            action.setIconText(glyph)
            bar.addAction(action)
            button = bar.widgetForAction(action)
            button.setObjectName(f"{name}Button")
            button.setAccessibleName(action.text().split("\t")[0].replace("&", ""))
        bar.addWidget(self.location_bar)
        self.addToolBar(bar)

    def _build_menus(self) -> None:
        for title, names in MENUS:
            menu = self.menuBar().addMenu(title)
            for name in names:
                if name == SEPARATOR:
                    menu.addSeparator()
                elif name == "recent":
                    self.recent_menu = QMenu("Open &Recent", self)
                    self.recent_menu.aboutToShow.connect(
                        lambda: self.opening.fill_recent_menu(self.recent_menu))
                    menu.addMenu(self.recent_menu)
                elif name in self.actions_by_name:
                    menu.addAction(self.actions_by_name[name])

    def _connect_signals(self) -> None:
        navigation, loader, view = self.navigation, self.loader, self.view
        loader.started.connect(self.status.on_load_started)
        loader.progressed.connect(self.status.on_load_progressed)
        loader.loaded.connect(navigation.on_article_loaded)
        loader.failed.connect(navigation.on_load_failed)
        loader.cancelled.connect(navigation.on_load_cancelled)
        loader.settled.connect(navigation.on_loader_settled)
        navigation.article_shown.connect(self.article_shown)
        navigation.load_failed.connect(self.load_failed)
        navigation.start_page_shown.connect(self.start_page_shown)
        navigation.article_shown.connect(self.keyboard.on_article_shown)
        navigation.article_shown.connect(self.library.on_article_shown)
        navigation.start_page_shown.connect(self.library.on_start_page_shown)
        self.facts.facts_shown.connect(self.library.on_facts_shown)
        self.location_bar.submitted.connect(self.opening.on_location_submitted)
        self.location_bar.escaped.connect(navigation.on_location_escaped)
        view.link_clicked.connect(self.opening.on_link_clicked)
        view.link_hovered.connect(self.status.on_link_hovered)
        view.link_chosen.connect(self.opening.on_link_chosen)
        self.opening.on_link_chosen(False)
        view.verticalScrollBar().valueChanged.connect(navigation.on_scrolled)
        view.verticalScrollBar().rangeChanged.connect(navigation.on_scrolled)
        view.verticalScrollBar().valueChanged.connect(self.library.on_scrolled)
        self.settings.changed.connect(self.fact_commands.on_setting_changed)
        self.settings.changed.connect(self.styling.on_setting_changed)
        self.settings.changed.connect(self.library.on_setting_changed)
        self.message_bar.dismissed.connect(view.setFocus)
        self.find_bar.closed.connect(view.setFocus)
        self.facts.mention_shown.connect(self.find_bar.on_fact_mention_shown)
        self.facts_dock.toggleViewAction().toggled.connect(self.fact_commands.on_dock_toggled)

    def _restore_window(self) -> None:
        geometry = self.settings.window_geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1100, 820)
        state = self.settings.window_state()
        if state is not None:
            self.restoreState(state)
        self.facts_dock.setVisible(bool(self.settings.get("facts_panel_visible")))
        self.actions_by_name["toggle_facts_panel"].setChecked(not self.facts_dock.isHidden())

    # Window events ------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        self.loader.cancel()
        self.facts.worker.discard()
        self.view.stop_images()
        self.library.shutdown()
        if self.navigation.persist:
            self.navigation.remember_position()
            self.settings.save_window(self.saveGeometry(), self.saveState())
            self.settings.sync()
        super().closeEvent(event)
