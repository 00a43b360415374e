"""Reader's own icon, read from the packaged hicolor renditions."""

from __future__ import annotations

from importlib import resources

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon

from reader_app import APP_ID


def app_icon() -> QIcon:
    """The application icon in every packaged size, for windows, task bars and dialogs."""
    icon = QIcon()
    hicolor = resources.files("reader_app") / "resources" / "icons" / "hicolor"
    for folder in hicolor.iterdir():
        width, x, height = folder.name.partition("x")
        png = folder / "apps" / f"{APP_ID}.png"
        if x and width.isdigit() and png.is_file():
            icon.addFile(str(png), QSize(int(width), int(height)))
    return icon
