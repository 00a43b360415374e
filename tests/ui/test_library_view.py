"""The library in the window: opened articles are kept, listed, searched, reopened offline,
deleted; a failing library never keeps an article off the screen; private mode keeps nothing."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from window_support import (
    make_window,
    open_and_wait,
    scroll_pages,
    settings_file_fixture,  # noqa: F401 (fixture)
)

from reader_app.__main__ import _gui_parser
from reader_app.core.facts.model import Facts
from reader_app.core.library import Library, article_key, data_dir, default_path, search
from reader_app.core.model import Article, Block
from reader_app.ui.shell.app import open_window
from reader_app.ui.shell.settings import Settings

DATA = Path(__file__).parent.parent / "data"
NEWS = DATA / "pages" / "news_article.html"
TITLE = "Maintainers patch serious flaw in widely used compression library"
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def page(tmp_path: Path) -> Path:
    """A copy of a real news page, which the test may take away."""
    target = tmp_path / "pages" / "news.html"
    target.parent.mkdir()
    shutil.copy(NEWS, target)
    return target


def stored(query: str) -> list[str]:
    """Titles the library on disk finds for ``query``."""
    with Library() as library:
        return [r.title for r in search(library, query)]


def open_kept(qtbot, window, source: str) -> Article:
    """Open ``source`` and wait until it and its facts are in the library."""
    with qtbot.waitSignal(window.library.stored, timeout=20000):
        article = open_and_wait(qtbot, window, source)
    qtbot.waitUntil(lambda: stored("person:Virtanen") == [TITLE], timeout=20000)
    return article


def open_library(qtbot, window) -> list:
    with qtbot.waitSignal(window.library.results_shown) as shown:
        qtbot.keyClick(window.view, Qt.Key.Key_L, CTRL_SHIFT)
    assert window.library.view.isVisible()
    assert window.library.view.search_box.hasFocus()
    return shown.args[0]


def test_an_opened_article_is_kept_with_its_facts(qtbot, settings_file, page) -> None:
    window = make_window(qtbot, settings_file)
    article = open_kept(qtbot, window, str(page))
    assert default_path().is_file()
    with Library() as library:
        kept = library.get(library.find_key(article_key(article)))
    assert kept.article.text == article.text
    assert kept.source == str(page)
    assert any("Virtanen" in f.label for f in kept.facts.people)
    assert stored("compression") == [TITLE]


def test_library_lists_and_filters_as_you_type(qtbot, settings_file, page) -> None:
    window = make_window(qtbot, settings_file)
    open_kept(qtbot, window, str(page))
    with Library() as library:
        library.save(Article("Tidal turbines off Orkney",
                             (Block("paragraph", "Tidal power for an island."),)))
    results = open_library(qtbot, window)
    assert [r.title for r in results] == ["Tidal turbines off Orkney", TITLE]
    view = window.library.view
    assert view.model.rowCount() == 2
    with qtbot.waitSignal(window.library.results_shown) as shown:
        qtbot.keyClicks(view.search_box, "compres")  # a word being typed
    assert [r.title for r in shown.args[0]] == [TITLE]
    assert any(hit for _text, hit in shown.args[0][0].snippet)
    assert view.current().title == TITLE
    with qtbot.waitSignal(window.library.results_shown):
        qtbot.keyClicks(view.search_box, "sion zzz")
    assert view.model.rowCount() == 0
    assert "No article matches" in view.status.text()
    qtbot.keyClick(view.search_box, Qt.Key.Key_Escape)
    assert not view.isVisible()
    assert window.view.hasFocus()


def test_reopen_offline_where_the_reader_left_it(qtbot, settings_file, page) -> None:
    window = make_window(qtbot, settings_file, size=(800, 500))
    open_kept(qtbot, window, str(page))
    with qtbot.waitSignal(window.library.worker.finished, timeout=10000,
                          check_params_cb=lambda name, _r: name == "position"):
        scroll_pages(qtbot, window, 2)
    offset = window.view.top_text_offset()
    assert offset > 0
    window.navigation.show_start_page()
    page.unlink()  # the saved page is gone: the library has the article
    open_library(qtbot, window)
    view = window.library.view
    assert view.current().title == TITLE
    assert round(view.current().progress * 100) > 0
    with qtbot.waitSignal(window.library.opened, timeout=10000):
        qtbot.keyClick(view.search_box, Qt.Key.Key_Return)
    assert not view.isVisible()
    assert window.navigation.article.title == TITLE
    qtbot.waitUntil(lambda: abs(window.view.top_text_offset() - offset) < 80)


def test_delete_removes_the_article(qtbot, settings_file, page) -> None:
    window = make_window(qtbot, settings_file)
    open_kept(qtbot, window, str(page))
    open_library(qtbot, window)
    view = window.library.view
    view.list.setFocus()
    with qtbot.waitSignal(window.library.deleted) as deleted, \
            qtbot.waitSignal(window.library.results_shown) as shown:
        qtbot.keyClick(view.list, Qt.Key.Key_Delete)
    assert shown.args[0] == []
    assert stored("") == [] and stored("person:Virtanen") == []
    with Library() as library, pytest.raises(Exception, match="no article"):
        library.get(deleted.args[0])
    assert window.navigation.article.title == TITLE  # the article on screen stays


def test_keep_as_saved(qtbot, settings_file, page) -> None:
    window = make_window(qtbot, settings_file)
    open_kept(qtbot, window, str(page))
    open_library(qtbot, window)
    view = window.library.view
    with qtbot.waitSignal(window.library.results_shown) as shown:
        qtbot.keyClick(view.search_box, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert shown.args[0][0].saved
    assert stored("is:saved") == [TITLE]


def test_other_articles_with_the_chosen_person(qtbot, settings_file, page) -> None:
    window = make_window(qtbot, settings_file)
    open_kept(qtbot, window, str(page))
    person = next(f for f in window.facts.facts.people if "Virtanen" in f.label)
    other = Article(f"An interview with {person.label}",
                    (Block("paragraph", f"{person.label} spoke about open source."),))
    with Library() as library:
        library.save(other, Facts(people=(person,)))
    window.fact_commands.focus_facts()
    window.facts_panel.activate(person)
    with qtbot.waitSignal(window.library.results_shown) as shown:
        qtbot.keyClick(window.facts_panel.tree, Qt.Key.Key_F, CTRL_SHIFT)
    view = window.library.view
    assert view.search_box.text() == f'person:"{person.label}"'
    assert {r.title for r in shown.args[0]} == {TITLE, other.title}
    assert any(hit for r in shown.args[0] for _t, hit in r.snippet)


def test_a_damaged_library_gives_a_message_and_the_article_shows(qtbot, settings_file,
                                                                  page) -> None:
    path = default_path()
    path.parent.mkdir(parents=True)
    path.write_bytes(b"not a library " * 100)
    window = make_window(qtbot, settings_file)
    with qtbot.waitSignal(window.library.failed, timeout=20000) as failed:
        article = open_and_wait(qtbot, window, str(page))
    assert "damaged" in failed.args[0]
    assert article.title == TITLE and window.navigation.article is article
    assert "damaged" in window.message_bar.text
    assert path.read_bytes() == b"not a library " * 100


def test_private_mode_keeps_nothing(qtbot, settings_file, page) -> None:
    window = make_window(qtbot, settings_file, private=True)
    assert window.actions_by_name["toggle_private"].isChecked()
    with qtbot.waitSignal(window.facts.facts_shown, timeout=20000):
        open_and_wait(qtbot, window, str(page))
    scroll_pages(qtbot, window, 1)
    window.close()
    assert not default_path().exists()
    assert window.settings.recent() == []


def test_private_mode_toggle(qtbot, settings_file, page) -> None:
    window = make_window(qtbot, settings_file)
    window.actions_by_name["toggle_private"].trigger()
    assert window.library.private and not window.navigation.persist
    with qtbot.waitSignal(window.facts.facts_shown, timeout=20000):
        open_and_wait(qtbot, window, str(page))
    window.actions_by_name["toggle_private"].trigger()
    assert not window.library.private and window.navigation.persist
    with qtbot.waitSignal(window.library.stored, timeout=20000):
        window.navigation.reload()
    assert stored("compression") == [TITLE]


def test_private_from_the_command_line(qtbot, settings_file, executor) -> None:
    window = open_window(_gui_parser().parse_args(["--private"]), Settings(settings_file),
                         executor)
    qtbot.addWidget(window)
    assert window.library.private and not window.navigation.persist
    assert window.actions_by_name["toggle_private"].isChecked()


def test_the_library_folder_is_qt_app_data_location(isolated_data_home: Path) -> None:
    """The core computes, without Qt, the folder Qt gives the running window."""
    script = ("import sys\n"
              "from PySide6.QtCore import QStandardPaths\n"
              "from reader_app.ui.shell.app import create_application\n"
              "app = create_application()\n"
              "print(QStandardPaths.writableLocation("
              "QStandardPaths.StandardLocation.AppDataLocation))\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=60, check=True,
                          env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    assert Path(done.stdout.strip()) == data_dir() == isolated_data_home / "Reader" / "Reader"
