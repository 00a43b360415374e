"""Keyboard reading for a window: article keys and sequences, help, focus regions, status line.

The window builds its commands' QActions; :class:`Keyboard` adds what makes them usable without
a mouse: letters and sequences read in the article (:mod:`dispatch`), the help overlay,
Tab between regions with the focused one marked, and the pending keys in the status bar.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from ..facts.panel import FactsPanel
from ..reading.find_bar import FindBar
from ..reading.view import ReaderView
from ..shell.location_bar import LocationBar
from ..style.theme import Theme
from .commands import article_bindings
from .dispatch import KeyDispatcher
from .focus_regions import FocusRegions, Region
from .help_overlay import HelpOverlay
from .keymap import Key


class Keyboard(QObject):
    """Wires keyboard reading into a window for ``keymap``: the article's keys, the help over
    ``window``, Tab between the article, the facts panel and the location bar, and the keys
    typed so far in ``status_bar``. Commands run through ``actions`` (filled by the window)."""

    def __init__(
        self,
        window: QWidget,
        keymap: Mapping[str, tuple[Key, ...]],
        *,
        view: ReaderView,
        find_bar: FindBar,
        facts_panel: FactsPanel,
        location_bar: LocationBar,
        status_bar: QStatusBar,
        actions: Mapping[str, QAction],
    ) -> None:
        super().__init__(window)
        self.view = view
        self.find_bar = find_bar
        self.facts_panel = facts_panel
        self.location_bar = location_bar
        self.status_bar = status_bar
        self.actions = actions
        self.dispatcher = KeyDispatcher(article_bindings(keymap), self.run, self)
        self.dispatcher.attach([view])
        self.pending_label = QLabel(window)
        self.pending_label.setObjectName("pendingKeys")
        self.pending_label.setAccessibleName("Keys typed so far")
        status_bar.insertPermanentWidget(1, self.pending_label)
        self.pending_label.hide()
        self.help = HelpOverlay(window, keymap)
        self.regions = FocusRegions(self._regions(), self)
        self._connect_signals()

    def _regions(self) -> list[Region]:
        view, panel, location = self.view, self.facts_panel, self.location_bar
        return [
            Region("article", view, lambda: view.setFocus(Qt.FocusReason.TabFocusReason)),
            Region("facts", panel, panel.focus_entries),
            Region("location", location, location.activate, marked=False),
        ]

    def _connect_signals(self) -> None:
        self.dispatcher.pending_changed.connect(self.on_pending_changed)
        self.find_bar.match_shown.connect(self.on_match_shown)
        self.find_bar.not_found.connect(self.on_not_found)

    # Commands -----------------------------------------------------------------------------

    def tab(self, step: int) -> None:
        """Tab: the next (``step`` 1) or previous link on screen while the article has the
        focus, then the next or previous region."""
        view = self.view
        if view.hasFocus() and view.focus_link(step):
            return
        self.regions.move(step)

    def run(self, name: str) -> None:
        """Run command ``name`` through its action (nothing happens while it is disabled)."""
        action = self.actions.get(name)
        if action is not None and action.isEnabled():
            action.trigger()

    def half_page(self, direction: int) -> None:
        """Scroll the article by half a screen down (1) or up (-1)."""
        view = self.view
        lines = max(1, view.viewport().height() // (2 * view.line_step()))
        view.scroll_lines(direction * lines)

    def show_help(self) -> None:
        """Show every key, grouped by purpose (or close the help when shown)."""
        self.help.toggle()

    def set_theme(self, theme: Theme) -> None:
        """Draw the help, the find bar, the focus line and the pending keys in ``theme``."""
        self.help.set_theme(theme)
        self.find_bar.set_theme(theme)
        self.regions.set_colour(theme.link)
        self.pending_label.setStyleSheet(
            f"#pendingKeys {{ color: {theme.heading}; background: {theme.code_background};"
            f" border-radius: 4px; padding: 0 6px; font-family: monospace; }}")

    # Slots --------------------------------------------------------------------------------

    @Slot(str)
    def on_pending_changed(self, keys: str) -> None:
        self.pending_label.setText(f"{keys} …" if keys else "")
        self.pending_label.setVisible(bool(keys))

    @Slot(object)
    def on_article_shown(self, _article: object) -> None:
        if not self.help.isVisible():
            self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot(int, int)
    def on_match_shown(self, index: int, total: int) -> None:
        if not self.find_bar.isVisible():
            self.status_bar.showMessage(f"Match {index} of {total}", 3000)

    @Slot(str)
    def on_not_found(self, text: str) -> None:
        if not self.find_bar.isVisible():
            self.status_bar.showMessage(f"No match for “{text}”", 3000)
