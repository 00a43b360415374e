"""The window: opening by path and location bar, history, links, themes and the status bar."""

from __future__ import annotations

from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QObject, Qt, QTimer, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QFileDialog
from window_support import (  # noqa: F401 (fixtures)
    article_html,
    open_and_wait,
    scroll_pages,
    settings_file_fixture,
    window_fixture,
    write_page,
)

from reader_app.ui.executor.service import Executor
from reader_app.ui.keyboard.commands import COMMANDS, COMMANDS_BY_NAME, MENUS, SEPARATOR
from reader_app.ui.keyboard.keymap import KEYMAP, key_sequences, key_text
from reader_app.ui.shell.settings import Settings
from reader_app.ui.shell.window import MainWindow


def test_open_a_file_sets_title_location_and_status(qtbot, window, tmp_path: Path) -> None:
    page = write_page(tmp_path, "bridge.html", "The bridge reopens after winter", 30)
    article = open_and_wait(qtbot, window, str(page))
    assert article.title == "The bridge reopens after winter"
    assert window.windowTitle() == "The bridge reopens after winter — Reader"
    assert window.navigation.article is article
    assert "words" in window.article_label.text()
    assert window.position_label.text().startswith("0%")
    assert "The bridge reopens after winter" in window.view.toPlainText()


def test_location_bar_typing_and_enter_opens_the_page(qtbot, window, httpserver) -> None:
    httpserver.expect_request("/story").respond_with_data(
        article_html("Rail tunnel survey published"), content_type="text/html")
    window.actions_by_name["open_location"].trigger()
    assert window.location_bar.hasFocus()
    qtbot.keyClicks(window.location_bar, httpserver.url_for("/story"))
    with qtbot.waitSignal(window.article_shown, timeout=20000):
        qtbot.keyClick(window.location_bar, Qt.Key.Key_Return)
    assert window.windowTitle() == "Rail tunnel survey published — Reader"
    assert window.location_bar.text() == httpserver.url_for("/story")


def test_location_bar_takes_a_file_url(qtbot, window, tmp_path: Path) -> None:
    page = write_page(tmp_path, "a page.html", "Museum archive opens to all")
    qtbot.keyClicks(window.location_bar, QUrl.fromLocalFile(str(page)).toString())
    with qtbot.waitSignal(window.article_shown, timeout=20000):
        qtbot.keyClick(window.location_bar, Qt.Key.Key_Return)
    assert window.navigation.article.title == "Museum archive opens to all"


def test_back_and_forward_restore_positions(qtbot, window, tmp_path: Path) -> None:
    first = write_page(tmp_path, "first.html", "First story of the day", 60, seed=1)
    second = write_page(tmp_path, "second.html", "Second story of the day", 60, seed=2)
    open_and_wait(qtbot, window, str(first))
    scroll_pages(qtbot, window, 4)
    first_offset = window.view.top_text_offset()
    assert first_offset > 0
    open_and_wait(qtbot, window, str(second))
    assert window.view.top_text_offset() == 0
    scroll_pages(qtbot, window, 2)
    second_offset = window.view.top_text_offset()

    assert window.actions_by_name["back"].isEnabled()
    with qtbot.waitSignal(window.article_shown, timeout=20000):
        window.actions_by_name["back"].trigger()
    assert window.navigation.article.title == "First story of the day"
    assert window.view.top_text_offset() == first_offset
    assert window.actions_by_name["forward"].isEnabled()
    with qtbot.waitSignal(window.article_shown, timeout=20000):
        window.actions_by_name["forward"].trigger()
    assert window.navigation.article.title == "Second story of the day"
    assert window.view.top_text_offset() == second_offset


def test_back_reads_an_article_again_when_it_is_no_longer_kept(qtbot, window, tmp_path) -> None:
    window.navigation.history.keep_articles = 1
    first = write_page(tmp_path, "one.html", "Summer library hours", 20, seed=3)
    second = write_page(tmp_path, "two.html", "Village market returns", 20, seed=4)
    open_and_wait(qtbot, window, str(first))
    open_and_wait(qtbot, window, str(second))
    assert window.navigation.history.entries[0].article is None
    with qtbot.waitSignal(window.article_shown, timeout=20000):
        window.navigation.back()
    assert window.navigation.article.title == "Summer library hours"
    assert window.navigation.history.index == 0


def test_several_sources_open_in_turn(qtbot, window, tmp_path: Path) -> None:
    pages = [write_page(tmp_path, f"p{i}.html", f"Story number {i}", seed=i) for i in range(3)]
    with qtbot.waitSignals([window.article_shown] * 3, timeout=30000):
        window.navigation.open_sources([str(p) for p in pages])
    assert window.navigation.article.title == "Story number 2"
    titles = [e.title for e in window.navigation.history.entries]
    assert titles == [f"Story number {i}" for i in range(3)]


def test_http_links_open_in_reader(qtbot, window, httpserver) -> None:
    httpserver.expect_request("/linked").respond_with_data(
        article_html("Weather station upgraded"), content_type="text/html")
    with qtbot.waitSignal(window.article_shown, timeout=20000):
        window.view.link_clicked.emit(QUrl(httpserver.url_for("/linked")), False)
    assert window.navigation.article.title == "Weather station upgraded"


def test_recent_menu_lists_opened_pages(qtbot, window, tmp_path: Path) -> None:
    page = write_page(tmp_path, "recent.html", "Schools plan a longer summer")
    open_and_wait(qtbot, window, str(page))
    window.recent_menu.aboutToShow.emit()
    titles = [a.text() for a in window.recent_menu.actions() if a.text()]
    assert titles[0] == "Schools plan a longer summer"
    assert titles[-1] == "Clear Recent"
    with qtbot.waitSignal(window.article_shown, timeout=20000):
        window.recent_menu.actions()[0].trigger()


def test_one_article_saved_in_two_files_is_listed_once(qtbot, window, tmp_path: Path) -> None:
    first = write_page(tmp_path, "story.html", "Ferry timetable changes")
    copy = tmp_path / "copy" / "story (1).html"
    copy.parent.mkdir()
    copy.write_bytes(first.read_bytes())
    other = write_page(tmp_path, "other.html", "Another story", seed=5)
    for page in (first, other, copy):
        open_and_wait(qtbot, window, str(page))
    window.recent_menu.aboutToShow.emit()
    sources = [a.toolTip() for a in window.recent_menu.actions() if a.toolTip()]
    assert sources[:2] == [str(copy), str(other)]
    assert str(first) not in sources


def test_theme_cycles_and_restyles(qtbot, window, tmp_path: Path) -> None:
    open_and_wait(qtbot, window, str(write_page(tmp_path, "t.html", "Garden of the year")))
    assert window.settings.get("theme") == "light"
    window.actions_by_name["cycle_theme"].trigger()
    assert window.settings.get("theme") == "sepia"
    assert window.actions_by_name["theme_sepia"].isChecked()
    window.actions_by_name["theme_dark"].trigger()
    assert window.styling.reading_style().theme == "dark"
    window.actions_by_name["zoom_in"].trigger()
    assert window.settings.get("font_size") == 14
    window.actions_by_name["zoom_reset"].trigger()
    assert window.styling.reading_style().font_size == 13


def test_theme_change_keeps_the_chrome_and_the_position(qtbot, window, tmp_path: Path) -> None:
    open_and_wait(qtbot, window, str(write_page(tmp_path, "t.html", "Garden of the year", 40)))
    qtbot.waitUntil(lambda: "min left" in window.position_label.text())
    bar_height = window.tool_bar.height()
    status = window.position_label.text()
    for _ in range(3):
        window.actions_by_name["cycle_theme"].trigger()
        assert window.view.verticalScrollBar().value() == 0
        assert window.tool_bar.height() == bar_height
        assert window.position_label.text() == status


def test_time_left_is_shown_while_reading(qtbot, window, tmp_path: Path) -> None:
    article = open_and_wait(qtbot, window, str(write_page(tmp_path, "l.html", "Long", 120)))
    assert article.reading_minutes > 1
    window.view.set_scroll_fraction(0.02)
    qtbot.waitUntil(lambda: window.position_label.text().startswith("2% read"))
    assert window.position_label.text().endswith(f" · {article.reading_minutes} min left")


def test_size_and_width_changes_are_said(qtbot, window, tmp_path: Path) -> None:
    open_and_wait(qtbot, window, str(write_page(tmp_path, "s.html", "Sizes")))
    message = window.statusBar().currentMessage
    window.actions_by_name["zoom_in"].trigger()
    assert message() == "Text size 14 pt"
    window.actions_by_name["zoom_reset"].trigger()
    assert message() == "Text size 13 pt"
    window.actions_by_name["wider"].trigger()
    width = window.settings.get("column_chars")
    assert message() == f"Text column {width} characters wide"
    for _ in range(20):
        window.actions_by_name["narrower"].trigger()
    assert message() == "Text column 45 characters wide (the limit)"


def test_reading_progress_follows_scrolling(qtbot, window, tmp_path: Path) -> None:
    open_and_wait(qtbot, window, str(write_page(tmp_path, "p.html", "Long survey", 80)))
    window.view.scroll_to_bottom()
    qtbot.waitUntil(lambda: window.position_label.text().startswith("100%"))


def test_start_page(qtbot, window) -> None:
    with qtbot.waitSignal(window.start_page_shown):
        window.navigation.show_start_page()
    assert window.windowTitle() == "Reader"
    assert "Drag" in window.view.toPlainText()
    assert not window.actions_by_name["export_pdf"].isEnabled()


def test_every_keymap_entry_names_a_command() -> None:
    assert set(KEYMAP) <= set(COMMANDS_BY_NAME)
    assert len(COMMANDS) == len(COMMANDS_BY_NAME)
    for command in COMMANDS:
        assert command.description.endswith(".")
    for _title, names in MENUS:
        for name in names:
            assert name in (SEPARATOR, "recent") or name in COMMANDS_BY_NAME


@pytest.mark.parametrize(
    ("command", "key"),
    [("open_location", "Ctrl+L"), ("back", "Alt+Left"), ("forward", "Alt+Right"),
     ("reload", "F5"), ("cycle_theme", "T"), ("scroll_down", "J"), ("open_file", "Ctrl+O"),
     ("quit", "Ctrl+Q")],
)
def test_design_keys_are_bound(window, command: str, key: str) -> None:
    assert key in [s.toString() for s in key_sequences(command)]
    assert key_text(command)
    if "+" in key or key.startswith("F"):  # plain letters are read by the article itself
        assert key in [s.toString() for s in window.actions_by_name[command].shortcuts()]


def test_view_keys_scroll_the_article(qtbot, window, tmp_path: Path) -> None:
    open_and_wait(qtbot, window, str(write_page(tmp_path, "k.html", "Key test", 80)))
    window.activateWindow()
    window.view.setFocus()
    qtbot.waitUntil(window.view.hasFocus)
    bar = window.view.verticalScrollBar()
    qtbot.keyClick(window.view, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: bar.value() > 0)
    value = bar.value()
    qtbot.keyClick(window.view, Qt.Key.Key_J)
    qtbot.waitUntil(lambda: bar.value() > value)


def test_find_in_the_article(qtbot, window, tmp_path: Path) -> None:
    open_and_wait(qtbot, window, str(write_page(tmp_path, "f.html", "Find test", 40)))
    window.actions_by_name["find"].trigger()
    assert window.find_bar.isVisible()
    qtbot.keyClicks(window.find_bar.field, "harbour")
    assert window.find_bar.matches[window.find_bar.current].selectedText().lower() == "harbour"
    first = window.view.textCursor().position()
    label = window.find_bar.count_label.text()
    assert label.startswith("1 of ")
    total = int(label.split(" of ")[1])
    assert total == window.view.toPlainText().lower().count("harbour")
    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_Return)
    assert window.view.textCursor().position() > first
    assert window.find_bar.count_label.text() == f"2 of {total}"
    window.actions_by_name["find_previous"].trigger()
    assert window.view.textCursor().position() == first
    qtbot.keyClicks(window.find_bar.field, "zzzz")
    assert window.find_bar.count_label.text() == "No match"
    window.actions_by_name["cancel_load"].trigger()
    assert not window.find_bar.isVisible()


class _UrlCatcher(QObject):
    """Stands in for the system browser: QDesktopServices hands it the URLs to open."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open_url(self, url: QUrl) -> None:
        self.urls.append(url)


def test_external_links_go_to_the_system_browser(window) -> None:
    catcher = _UrlCatcher()
    QDesktopServices.setUrlHandler("https", catcher, "open_url")
    try:
        window.view.link_clicked.emit(QUrl("https://example.org/elsewhere"), True)
    finally:
        QDesktopServices.unsetUrlHandler("https")
    assert catcher.urls == [QUrl("https://example.org/elsewhere")]
    assert window.navigation.article is None
    assert not window.navigation.loader.busy


def test_a_failing_source_does_not_stop_the_others(qtbot, window, tmp_path: Path) -> None:
    good = write_page(tmp_path, "good.html", "The good page")
    with qtbot.waitSignals([window.load_failed, window.article_shown], timeout=30000):
        window.navigation.open_sources([str(tmp_path / "missing.html"), str(good)])
    assert window.navigation.article.title == "The good page"
    assert "missing.html" in window.message_bar.text


def test_links_to_saved_pages_open_in_reader(qtbot, window, tmp_path: Path) -> None:
    page = write_page(tmp_path, "next.html", "The next saved page")
    with qtbot.waitSignal(window.article_shown, timeout=20000):
        window.view.link_clicked.emit(QUrl.fromLocalFile(str(page)), False)
    assert window.navigation.article.title == "The next saved page"


def test_file_open_dialog_starts_in_the_folder_of_the_page_on_screen(
        qtbot, window, tmp_path: Path) -> None:
    saved = tmp_path / "saved"
    saved.mkdir()
    open_and_wait(qtbot, window, str(write_page(saved, "here.html", "Read from a folder")))
    window.settings.set_last_folder(str(tmp_path))
    seen: list[str] = []

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QFileDialog):
            seen.append(dialog.directory().absolutePath())
        if dialog is not None:
            dialog.reject()

    QTimer.singleShot(0, look)
    window.actions_by_name["open_file"].trigger()
    assert seen == [str(saved)]


def test_file_open_dialog_opens_the_chosen_page(qtbot, window, tmp_path: Path) -> None:
    page = write_page(tmp_path, "chosen.html", "Chosen from the dialog")
    window.settings.set_last_folder(str(tmp_path))
    chosen: list[str] = []

    def choose() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):  # never leave a modal dialog waiting
            if dialog is not None:
                dialog.close()
            return
        chosen.append(dialog.directory().absolutePath())
        dialog.selectFile(str(page))
        dialog.accept()

    QTimer.singleShot(0, choose)
    with qtbot.waitSignal(window.article_shown, timeout=20000):
        window.actions_by_name["open_file"].trigger()
    assert chosen == [str(tmp_path)]
    assert window.navigation.article.title == "Chosen from the dialog"


def test_every_command_runs_a_documented_method_of_its_owner(window) -> None:
    owners = window.command_owners()
    assert set(window.actions_by_name) == set(COMMANDS_BY_NAME)
    for command in COMMANDS:
        method = getattr(owners[command.owner], command.method)
        assert callable(method), command.name
        if command.owner not in ("view", "find"):  # Qt widgets' own methods
            assert (method.__doc__ or "").strip().endswith("."), command.name


def test_a_window_destroyed_while_shown_raises_nothing(qtbot, settings_file: Path) -> None:
    """As when the display goes away: the window is deleted without being closed first (its
    dock hides as it goes, which must not reach the window)."""
    window = MainWindow(Settings(settings_file), executor=Executor())
    window.show()
    qtbot.waitExposed(window)
    window.executor.shutdown()
    gone = []
    window.destroyed.connect(lambda: gone.append(True))
    shiboken6.delete(window)
    assert gone == [True]
