"""The window's own commands: quit, full screen, About."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow

from .about import show_about


class WindowCommands(QObject):
    """Carries out the commands that concern ``window`` as a whole."""

    def __init__(self, window: QMainWindow, actions: Mapping[str, QAction]) -> None:
        super().__init__(window)
        self.window = window
        self.actions = actions

    def close(self) -> None:
        """Close the window (and with it Reader)."""
        self.window.close()

    def toggle_full_screen(self) -> None:
        """Enter or leave full screen."""
        self.window.setWindowState(self.window.windowState() ^ Qt.WindowState.WindowFullScreen)
        self.actions["full_screen"].setChecked(self.window.isFullScreen())

    def about(self) -> None:
        """Show Reader's version and credits."""
        show_about(self.window)
