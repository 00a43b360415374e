"""The command line opens the window: sources, the sample on first run, ``--screenshot``."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage
from window_support import article_html, settings_file_fixture, write_page  # noqa: F401 (fixtures)

from reader_app.__main__ import _gui_parser
from reader_app.ui.shell.app import open_window, parse_size
from reader_app.ui.shell.settings import Settings


def gui_args(*argv: str):
    return _gui_parser().parse_args(list(argv))


def run_app(tmp_path: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path),
               XDG_CONFIG_HOME=str(tmp_path / "config"))
    return subprocess.run([sys.executable, "-m", "reader_app", *argv], env=env, text=True,
                          capture_output=True, timeout=120, check=False)


def test_screenshot_writes_a_png_of_the_window_size(tmp_path: Path,
                                                    isolated_data_home: Path) -> None:
    page = write_page(tmp_path, "shot.html", "Screenshot of a calm article", 20)
    out = tmp_path / "shot.png"
    done = run_app(tmp_path, str(page), "--screenshot", str(out), "--size", "800x600",
                   "--theme", "sepia")
    assert done.returncode == 0, done.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (800, 600)
    assert not (tmp_path / "config" / "reader-app").exists()  # a screenshot stores nothing
    assert not (isolated_data_home / "Reader").exists()  # not even in the library


def test_screenshot_of_an_unreadable_page_fails_with_a_message(tmp_path: Path) -> None:
    out = tmp_path / "never.png"
    done = run_app(tmp_path, str(tmp_path / "missing.html"), "--screenshot", str(out))
    assert done.returncode != 0
    assert "missing.html" in done.stderr
    assert "Traceback" not in done.stderr
    assert not out.exists()


def test_bad_size_is_refused(tmp_path: Path) -> None:
    done = run_app(tmp_path, "--size", "huge", "--screenshot", str(tmp_path / "x.png"))
    assert done.returncode == 2
    assert "--size" in done.stderr
    with pytest.raises(ValueError):
        parse_size("10x10")
    assert parse_size("1280X800") == (1280, 800)


@pytest.mark.network
def test_sources_from_the_command_line(qtbot, settings_file: Path, tmp_path, httpserver,
                                       executor) -> None:
    page = write_page(tmp_path, "local page.html", "Local page first")
    httpserver.expect_request("/web").respond_with_data(
        article_html("Web page second"), content_type="text/html")
    args = gui_args(QUrl.fromLocalFile(str(page)).toString(), httpserver.url_for("/web"))
    window = open_window(args, Settings(settings_file), executor)
    qtbot.addWidget(window)
    with qtbot.waitSignals([window.article_shown, window.article_shown], timeout=30000):
        pass
    assert window.windowTitle() == "Web page second — Reader"
    titles = [e.title for e in window.navigation.history.entries]
    assert titles == ["Local page first", "Web page second"]


def test_first_run_opens_the_sample_then_the_start_page(qtbot, settings_file: Path,
                                                        executor) -> None:
    settings = Settings(settings_file)
    window = open_window(gui_args("--theme", "dark"), settings, executor)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.article_shown, timeout=30000) as shown:
        pass
    assert shown.args[0].title
    assert window.styling.reading_style().theme == "dark"
    settings.mark_started()
    window.close()

    second = open_window(gui_args(), Settings(settings_file), executor)
    qtbot.addWidget(second)
    assert second.navigation.article is None
    assert "Drag" in second.view.toPlainText()


def test_the_theme_option_offers_every_theme() -> None:
    from reader_app.ui.style.theme_names import THEME_NAMES

    theme = next(a for a in _gui_parser()._actions if a.dest == "theme")
    assert tuple(theme.choices or ()) == THEME_NAMES
