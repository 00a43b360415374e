"""Preferences, window state, recent pages and reading positions survive closing the window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from window_support import (  # noqa: F401 (fixtures)
    article_html,
    make_window,
    open_and_wait,
    scroll_pages,
    settings_file_fixture,
    write_page,
)

from reader_app.ui.shell.settings import (
    MAX_POSITIONS,
    MAX_RECENT,
    PREFERENCES,
    Settings,
    settings_path,
)


def test_every_preference_is_declared_once_with_a_typed_default() -> None:
    names = [p.name for p in PREFERENCES]
    assert len(names) == len(set(names))
    for pref in PREFERENCES:
        assert isinstance(pref.default, pref.type)
        assert pref.description.endswith(".")
        assert not pref.choices or pref.default in pref.choices


def test_defaults_set_and_changed_signal(qtbot, settings_file: Path) -> None:
    settings = Settings(settings_file)
    assert settings.get("theme") == "light"
    with qtbot.waitSignal(settings.changed) as changed:
        settings.set("theme", "dark")
    assert changed.args == ["theme", "dark"]
    with qtbot.assertNotEmitted(settings.changed):
        settings.set("theme", "dark")
    settings.set("theme", "purple")  # not a choice: back to the default
    assert settings.get("theme") == "light"
    settings.set("font_size", "15")
    assert settings.get("font_size") == 15


def test_values_are_typed_after_a_round_trip(settings_file: Path) -> None:
    settings = Settings(settings_file)
    settings.set("remote_images", False)
    settings.set("line_height", 1.7)
    settings.sync()
    again = Settings(settings_file)
    assert again.get("remote_images") is False
    assert again.get("line_height") == 1.7


def test_window_state_is_kept_apart_from_preferences(qtbot, settings_file: Path) -> None:
    window = make_window(qtbot, settings_file)
    window.resize(733, 611)
    window.settings.set("theme", "sepia")
    window.close()
    text = settings_file.read_text(encoding="utf-8")
    assert "[preferences]" in text and "[window]" in text
    assert "theme=sepia" in text.split("[preferences]")[1].split("[")[0]


def test_preferences_and_geometry_survive_reopening(qtbot, settings_file: Path) -> None:
    window = make_window(qtbot, settings_file)
    window.settings.set("theme", "dark")
    window.actions_by_name["zoom_in"].trigger()
    window.resize(740, 620)
    qtbot.waitUntil(lambda: window.width() == 740)
    window.close()

    again = make_window(qtbot, settings_file, size=None)
    assert (again.width(), again.height()) == (740, 620)
    assert again.styling.reading_style().theme == "dark"
    assert again.styling.reading_style().font_size == 14
    assert again.actions_by_name["theme_dark"].isChecked()


def test_reading_position_survives_reopening(qtbot, settings_file: Path, tmp_path) -> None:
    page = write_page(tmp_path, "long.html", "A long read about the harbour", 80)
    window = make_window(qtbot, settings_file)
    open_and_wait(qtbot, window, str(page))
    scroll_pages(qtbot, window, 5)
    offset = window.view.top_text_offset()
    assert offset > 0
    window.close()

    again = make_window(qtbot, settings_file)
    open_and_wait(qtbot, again, str(page))
    assert again.view.top_text_offset() == offset
    again.recent_menu.aboutToShow.emit()
    assert again.recent_menu.actions()[0].text() == "A long read about the harbour"


def test_positions_and_recent_are_bounded(settings_file: Path) -> None:
    settings = Settings(settings_file)
    for i in range(MAX_POSITIONS + 5):
        settings.set_position(f"sha1:{i}", i)
    assert settings.position("sha1:0") is None
    assert settings.position(f"sha1:{MAX_POSITIONS + 4}") == MAX_POSITIONS + 4
    for i in range(MAX_RECENT + 3):
        settings.add_recent(f"/pages/{i}.html", f"Page {i}")
    recent = settings.recent()
    assert len(recent) == MAX_RECENT
    assert recent[0] == ("/pages/12.html", "Page 12")


def test_first_run_is_remembered(settings_file: Path) -> None:
    settings = Settings(settings_file)
    assert settings.first_run()
    settings.mark_started()
    settings.sync()
    assert not Settings(settings_file).first_run()


def test_default_file_lives_in_the_test_config_folder() -> None:
    QStandardPaths.setTestModeEnabled(True)
    assert ".qttest" in str(settings_path())


def test_web_positions_are_kept_by_url(qtbot, settings_file: Path, httpserver) -> None:
    url = httpserver.url_for("/story")
    httpserver.expect_ordered_request("/story").respond_with_data(
        article_html("Harbour story", 80), content_type="text/html")
    window = make_window(qtbot, settings_file)
    open_and_wait(qtbot, window, url)
    scroll_pages(qtbot, window, 4)
    offset = window.view.top_text_offset()
    window.close()
    # The page changed a little since (a new closing paragraph): its address still finds it.
    httpserver.expect_ordered_request("/story").respond_with_data(
        article_html("Harbour story", 81), content_type="text/html")
    again = make_window(qtbot, settings_file)
    article = open_and_wait(qtbot, again, url)
    assert len(article.blocks) > 80
    assert again.view.top_text_offset() == offset


def test_file_dialogs_remember_their_folder(settings_file: Path, tmp_path: Path) -> None:
    settings = Settings(settings_file)
    assert settings.last_folder() == str(Path.home())
    settings.set_last_folder(str(tmp_path))
    settings.sync()
    assert Settings(settings_file).last_folder() == str(tmp_path)
    settings.set_last_folder(str(tmp_path / "gone"))
    assert settings.last_folder() == str(Path.home())
