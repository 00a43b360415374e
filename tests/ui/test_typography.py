"""Typography: fonts, line spacing and alignment from the View menu and keys, kept in settings."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QFontDialog, QLineEdit
from window_support import (  # noqa: F401 (fixtures)
    make_window,
    open_and_wait,
    settings_file_fixture,
    window_fixture,
    write_page,
)

from reader_app.ui.shell.reading_style import next_font, next_spacing
from reader_app.ui.style.theme import MONO_FAMILIES, SANS_FAMILIES, SERIF_FAMILIES, ReadingStyle


def body_block_format(window):
    """The block format of the article's first body paragraph."""
    rendered = window.view.rendered
    start = rendered.article.spans()[1][0]
    return rendered.document.findBlock(rendered.offsets.to_document(start)).blockFormat()


def test_steps_cycle() -> None:
    assert next_font(ReadingStyle()) == "sans"
    assert next_font(ReadingStyle(font="mono")) == "serif"
    assert next_font(ReadingStyle(font="mono", custom_family="Garamond")) == "custom"
    assert next_spacing(1.55) == 1.8
    assert next_spacing(2.1) == 1.3
    assert next_spacing(1.6) == 1.8


def test_fonts_from_the_menu_and_keys(qtbot, window, tmp_path: Path) -> None:
    open_and_wait(qtbot, window, str(write_page(tmp_path, "a.html", "Ferry timetable changes")))
    assert window.view.rendered.document.defaultFont().families()[0] == SERIF_FAMILIES[0]
    with qtbot.waitSignal(window.view.article_rendered):
        window.actions_by_name["font_mono"].trigger()
    assert window.settings.get("font_family") == "mono"
    assert window.view.rendered.document.defaultFont().families()[0] == MONO_FAMILIES[0]
    assert window.actions_by_name["font_mono"].isChecked()
    assert not window.actions_by_name["font_serif"].isChecked()
    window.view.setFocus()
    with qtbot.waitSignal(window.view.article_rendered):
        qtbot.keyClick(window.view, Qt.Key.Key_F, Qt.KeyboardModifier.ShiftModifier)
    assert window.settings.get("font_family") == "serif"  # mono → serif (no font chosen yet)
    window.settings.set("custom_font", "DejaVu Sans Mono")
    with qtbot.waitSignal(window.view.article_rendered):
        window.settings.set("font_family", "custom")
    assert window.view.rendered.document.defaultFont().families()[0] == "DejaVu Sans Mono"
    assert window.actions_by_name["choose_font"].isChecked()
    assert "DejaVu Sans Mono" in window.actions_by_name["choose_font"].text()
    with qtbot.waitSignal(window.view.article_rendered):
        window.actions_by_name["font_sans"].trigger()
    assert window.view.rendered.document.defaultFont().families()[0] == SANS_FAMILIES[0]


def test_line_spacing_and_justification(qtbot, window, tmp_path: Path) -> None:
    open_and_wait(qtbot, window, str(write_page(tmp_path, "a.html", "Ferry timetable changes")))
    assert body_block_format(window).alignment() & Qt.AlignmentFlag.AlignLeft
    window.view.setFocus()
    with qtbot.waitSignal(window.view.article_rendered):
        qtbot.keyClick(window.view, Qt.Key.Key_A)
    assert window.settings.get("text_align") == "justify"
    assert body_block_format(window).alignment() & Qt.AlignmentFlag.AlignJustify
    assert window.actions_by_name["toggle_justify"].isChecked()
    with qtbot.waitSignal(window.view.article_rendered):
        qtbot.keyClick(window.view, Qt.Key.Key_L)
    assert window.settings.get("line_height") == 1.8
    assert body_block_format(window).lineHeight() == 180
    assert window.actions_by_name["spacing_relaxed"].isChecked()
    with qtbot.waitSignal(window.view.article_rendered):
        window.actions_by_name["spacing_compact"].trigger()
    assert body_block_format(window).lineHeight() == 130
    assert not window.actions_by_name["spacing_relaxed"].isChecked()


def test_typography_is_kept_in_settings(qtbot, settings_file: Path, tmp_path: Path) -> None:
    first = make_window(qtbot, settings_file)
    first.actions_by_name["font_sans"].trigger()
    first.actions_by_name["spacing_loose"].trigger()
    first.actions_by_name["toggle_justify"].trigger()
    first.settings.sync()
    first.close()
    second = make_window(qtbot, settings_file)
    style = second.styling.reading_style()
    assert (style.font, style.line_height, style.align) == ("sans", 2.1, "justify")
    assert second.actions_by_name["font_sans"].isChecked()
    assert second.actions_by_name["spacing_loose"].isChecked()
    assert second.actions_by_name["toggle_justify"].isChecked()


def test_choose_font_with_the_font_dialog(qtbot, window, tmp_path: Path) -> None:
    open_and_wait(qtbot, window, str(write_page(tmp_path, "a.html", "Ferry timetable changes")))
    chosen: list[str] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFontDialog):
            QTimer.singleShot(20, answer)
            return
        family = dialog.findChild(QLineEdit)  # the family field takes a typed name
        family.setText("DejaVu Sans Mono")
        dialog.setCurrentFont(QFont("DejaVu Sans Mono"))
        chosen.append(dialog.currentFont().family())
        dialog.accept()

    QTimer.singleShot(0, answer)
    with qtbot.waitSignal(window.view.article_rendered):
        window.actions_by_name["choose_font"].trigger()
    assert chosen
    assert window.settings.get("font_family") == "custom"
    assert window.settings.get("custom_font") == chosen[0]
    assert window.view.rendered.document.defaultFont().families()[0] == chosen[0]
    assert window.actions_by_name["choose_font"].isChecked()
