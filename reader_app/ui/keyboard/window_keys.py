"""Keyboard reading for a window: article keys and sequences, help, focus regions, status line.

The window builds its commands' QActions; :class:`Keyboard` adds what makes them usable without
a mouse: letters and sequences read in the article (:mod:`key_dispatch`), the help overlay,
Tab between regions with the focused one marked, and the pending keys in the status bar.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtWidgets import QLabel

from ..style.theme import Theme
from .commands import article_bindings
from .dispatch import KeyDispatcher
from .focus_regions import FocusRegions, Region
from .help_overlay import HelpOverlay
from .keymap import Key


class Keyboard(QObject):
    """Wires keyboard reading into ``window`` (a :class:`MainWindow`) for ``keymap``."""

    def __init__(self, window: Any, keymap: Mapping[str, tuple[Key, ...]]) -> None:
        super().__init__(window)
        self.window = window
        self.dispatcher = KeyDispatcher(article_bindings(keymap), self.run, self)
        self.dispatcher.attach([window.view])
        self.pending_label = QLabel(window)
        self.pending_label.setObjectName("pendingKeys")
        self.pending_label.setAccessibleName("Keys typed so far")
        window.statusBar().insertPermanentWidget(1, self.pending_label)
        self.pending_label.hide()
        self.help = HelpOverlay(window, keymap)
        self.regions = FocusRegions(self._regions(), self)
        self._connect_signals()

    def _regions(self) -> list[Region]:
        window = self.window
        regions = [Region("article", window.view, lambda: window.view.setFocus(
            Qt.FocusReason.TabFocusReason))]
        panel = getattr(window, "facts_panel", None)
        if panel is not None:
            regions.append(Region("facts", panel, panel.focus_entries))
        regions.append(Region("location", window.location_bar, window.location_bar.activate,
                              marked=False))
        return regions

    def _connect_signals(self) -> None:
        self.dispatcher.pending_changed.connect(self.on_pending_changed)
        self.window.article_shown.connect(self.on_article_shown)
        self.window.find_bar.match_shown.connect(self.on_match_shown)
        self.window.find_bar.not_found.connect(self.on_not_found)

    # Commands -----------------------------------------------------------------------------

    def tab(self, step: int) -> None:
        """Tab: the next (``step`` 1) or previous link on screen while the article has the
        focus, then the next or previous region."""
        view = self.window.view
        if view.hasFocus() and view.focus_link(step):
            return
        self.regions.move(step)

    def run(self, name: str) -> None:
        """Run command ``name`` through its action (nothing happens while it is disabled)."""
        action = self.window.actions_by_name.get(name)
        if action is not None and action.isEnabled():
            action.trigger()

    def half_page(self, direction: int) -> None:
        """Scroll the article by half a screen down (1) or up (-1)."""
        view = self.window.view
        lines = max(1, view.viewport().height() // (2 * view.line_step()))
        view.scroll_lines(direction * lines)

    def set_theme(self, theme: Theme) -> None:
        """Draw the help, the find bar, the focus line and the pending keys in ``theme``."""
        self.help.set_theme(theme)
        self.window.find_bar.set_theme(theme)
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
            self.window.view.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot(int, int)
    def on_match_shown(self, index: int, total: int) -> None:
        if not self.window.find_bar.isVisible():
            self.window.statusBar().showMessage(f"Match {index} of {total}", 3000)

    @Slot(str)
    def on_not_found(self, text: str) -> None:
        if not self.window.find_bar.isVisible():
            self.window.statusBar().showMessage(f"No match for “{text}”", 3000)
