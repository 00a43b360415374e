"""The About box is reachable from the Help menu and credits the data Reader ships."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from window_support import settings_file_fixture, window_fixture  # noqa: F401

from reader_app import __version__


def test_help_menu_opens_about_with_version_and_credits(qtbot, window) -> None:
    help_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Help")
    about = next(a for a in help_menu.actions() if a.objectName() == "about")
    seen: list[str] = []

    def read_and_close() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        box.accept()

    QTimer.singleShot(0, read_and_close)
    about.trigger()
    assert seen, "no About box was shown"
    assert __version__ in seen[0]
    assert "GeoNames" in seen[0] and "CC BY 4.0" in seen[0]
    assert "CC BY-SA 4.0" in seen[0] and "UniversalNER" in seen[0] and "GUM" in seen[0]
    assert "WCXB" in seen[0] and "Faker" in seen[0]
