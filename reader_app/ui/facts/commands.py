"""The facts commands: the panel shown or hidden and focused, mentions stepped through,
highlights toggled, the key facts copied."""

from __future__ import annotations

from collections.abc import Callable, Mapping

import shiboken6
from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QStatusBar, QWidget

from ..shell.settings import Settings
from .controller import FactsController
from .panel import FactsDock


class FactsCommands(QObject):
    """Carries out the facts commands for the ``facts`` controller and its ``dock``."""

    def __init__(
        self,
        facts: FactsController,
        dock: FactsDock,
        settings: Settings,
        *,
        view: QWidget,
        status_bar: QStatusBar,
        actions: Mapping[str, QAction],
        has_article: Callable[[], bool],
        window: QWidget,
    ) -> None:
        super().__init__(window)
        self.facts = facts
        self.dock = dock
        self.settings = settings
        self.view = view
        self.status_bar = status_bar
        self.actions = actions
        self.has_article = has_article
        self.window = window

    def focus_facts(self) -> None:
        """Show the facts panel and move the keyboard focus to its list."""
        if not self.dock.isVisible():
            self.dock.toggleViewAction().trigger()
        self.dock.raise_()
        self.dock.panel.focus_entries()

    def toggle_facts_panel(self) -> None:
        """Show or hide the facts panel."""
        self.dock.toggleViewAction().trigger()

    def toggle_highlights(self) -> None:
        """Show or hide the fact highlights in the text."""
        self.settings.set("fact_highlights", not self.settings.get("fact_highlights"))

    def next_mention(self) -> None:
        """Go to the next mention of the chosen fact."""
        self.facts.next_mention()

    def previous_mention(self) -> None:
        """Go to the previous mention of the chosen fact."""
        self.facts.previous_mention()

    def copy_facts(self) -> None:
        """Copy the article's key facts as Markdown."""
        if not self.has_article():
            return
        text = self.facts.key_facts_markdown() or "No facts found in this article.\n"
        QGuiApplication.clipboard().setText(text)
        self.status_bar.showMessage("Key facts copied", 3000)

    def show_highlights_setting(self) -> None:
        """Show or hide the highlights as the preference says, its menu entry checked to match."""
        visible = bool(self.settings.get("fact_highlights"))
        self.facts.set_highlights_visible(visible)
        self.actions["toggle_highlights"].setChecked(visible)

    @Slot(str, object)
    def on_setting_changed(self, name: str, _value: object) -> None:
        if name == "fact_highlights":
            self.show_highlights_setting()

    @Slot(bool)
    def on_dock_toggled(self, visible: bool) -> None:
        if not shiboken6.isValid(self.window):
            return  # the window is going (its display too, maybe): the dock hides with it
        self.actions["toggle_facts_panel"].setChecked(visible)
        if self.window.isVisible():
            self.settings.set("facts_panel_visible", visible)
        if not visible and self.dock.isAncestorOf(self.window.focusWidget()):
            self.view.setFocus()
