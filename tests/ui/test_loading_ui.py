"""Loading off the GUI thread: failures keep the article, newer loads win, the window stays live."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from werkzeug import Request, Response
from window_support import (  # noqa: F401 (fixtures)
    LoopDelayProbe,
    article_html,
    large_page,
    make_window,
    open_and_wait,
    scroll_pages,
    settings_file_fixture,
    window_fixture,
    write_page,
)

from reader_app.core.loading import LoadOptions
from reader_app.ui.keyboard.keymap import key_sequences

pytestmark = pytest.mark.network


def scrolled_article(qtbot, window, folder: Path) -> tuple[str, int, object]:
    """Open a long article, scroll into it, and return (title, scroll value, article)."""
    page = write_page(folder, "long.html", "Harbour survey finds a warmer winter", 60)
    open_and_wait(qtbot, window, str(page))
    scroll_pages(qtbot, window, 3)
    return window.windowTitle(), window.view.verticalScrollBar().value(), window.navigation.article


def assert_unchanged(window, state: tuple[str, int, object]) -> None:
    title, value, article = state
    assert window.windowTitle() == title
    assert window.navigation.article is article
    assert window.view.verticalScrollBar().value() == value


class SlowServer:
    """Answers after ``release`` is set (or the test ends), to hold a load in flight."""

    def __init__(self, html: str) -> None:
        self.html = html
        self.release = threading.Event()

    def __call__(self, _request: Request) -> Response:
        self.release.wait(10)
        return Response(self.html, content_type="text/html")


@pytest.fixture
def quick_window(qtbot, settings_file: Path):
    """A window whose loads give up after half a second without an answer."""
    return make_window(qtbot, settings_file,
                       load_options=LoadOptions(connect_timeout=0.5, total_timeout=1.5))


def test_404_keeps_the_article_and_its_position(qtbot, window, tmp_path, httpserver) -> None:
    state = scrolled_article(qtbot, window, tmp_path)
    httpserver.expect_request("/gone").respond_with_data("Not here", status=404)
    with qtbot.waitSignal(window.load_failed, timeout=20000) as failed:
        window.navigation.open_source(httpserver.url_for("/gone"))
    assert "404" in failed.args[0]
    assert window.message_bar.text == failed.args[0]
    assert_unchanged(window, state)


def test_timeout_keeps_the_article(qtbot, quick_window, tmp_path, httpserver) -> None:
    state = scrolled_article(qtbot, quick_window, tmp_path)
    slow = SlowServer(article_html("Too late"))
    httpserver.expect_request("/slow").respond_with_handler(slow)
    try:
        with qtbot.waitSignal(quick_window.load_failed, timeout=20000) as failed:
            quick_window.navigation.open_source(httpserver.url_for("/slow"))
    finally:
        slow.release.set()
    assert failed.args[0]
    assert quick_window.message_bar.isVisible()
    assert_unchanged(quick_window, state)


def type_location(qtbot, window, address: str) -> None:
    """Type ``address`` into the location bar and press Enter, as a reader does."""
    window.location_bar.activate()
    qtbot.keyClicks(window.location_bar, address)
    qtbot.keyClick(window.location_bar, Qt.Key.Key_Return)


def test_a_failed_address_leaves_the_location_bar(qtbot, window, tmp_path, httpserver) -> None:
    scrolled_article(qtbot, window, tmp_path)
    shown = window.location_bar.text()
    assert shown.endswith("long.html")
    httpserver.expect_request("/gone").respond_with_data("Not here", status=404)
    with qtbot.waitSignal(window.load_failed, timeout=20000):
        type_location(qtbot, window, httpserver.url_for("/gone"))
    assert window.location_bar.text() == shown


def test_a_cancelled_address_leaves_the_location_bar(qtbot, window, tmp_path, httpserver) -> None:
    scrolled_article(qtbot, window, tmp_path)
    shown = window.location_bar.text()
    slow = SlowServer(article_html("Never shown"))
    httpserver.expect_request("/held").respond_with_handler(slow)
    try:
        type_location(qtbot, window, httpserver.url_for("/held"))
        with qtbot.waitSignal(window.navigation.loader.cancelled, timeout=5000):
            window.actions_by_name["cancel_load"].trigger()
    finally:
        slow.release.set()
    assert window.location_bar.text() == shown


def test_binary_file_keeps_the_article(qtbot, window, tmp_path) -> None:
    state = scrolled_article(qtbot, window, tmp_path)
    blob = tmp_path / "archive.html"
    blob.write_bytes(bytes(range(256)) * 64)
    with qtbot.waitSignal(window.load_failed, timeout=20000):
        window.navigation.open_source(str(blob))
    assert window.message_bar.text
    assert_unchanged(window, state)


def test_cancel_keeps_the_article(qtbot, window, tmp_path, httpserver) -> None:
    state = scrolled_article(qtbot, window, tmp_path)
    slow = SlowServer(article_html("Never shown"))
    httpserver.expect_request("/held").respond_with_handler(slow)
    dropped: list[int] = []
    window.navigation.loader.dropped.connect(dropped.append)
    window.navigation.open_source(httpserver.url_for("/held"))
    assert window.progress_bar.isVisible()
    with qtbot.waitSignal(window.navigation.loader.cancelled, timeout=5000):
        window.actions_by_name["cancel_load"].trigger()
    assert not window.progress_bar.isVisible()
    slow.release.set()
    qtbot.waitUntil(lambda: len(dropped) == 1, timeout=20000)
    assert_unchanged(window, state)
    assert not window.message_bar.isVisible()


def test_escape_is_the_cancel_key() -> None:
    assert "Esc" in [s.toString() for s in key_sequences("cancel_load")]


def test_newer_load_supersedes_an_older_one(qtbot, window, tmp_path, httpserver) -> None:
    slow = SlowServer(article_html("The older page"))
    httpserver.expect_request("/older").respond_with_handler(slow)
    dropped: list[int] = []
    window.navigation.loader.dropped.connect(dropped.append)
    older = window.navigation.loader.generation + 1
    window.navigation.open_source(httpserver.url_for("/older"))
    newer = write_page(tmp_path, "newer.html", "The newer page")
    open_and_wait(qtbot, window, str(newer))
    slow.release.set()
    qtbot.waitUntil(lambda: dropped == [older], timeout=20000)
    assert window.windowTitle() == "The newer page — Reader"
    assert window.navigation.article.title == "The newer page"


def test_download_progress_has_the_size(qtbot, window, httpserver) -> None:
    body = article_html("Council budget explained", 400)
    httpserver.expect_request("/big").respond_with_data(body, content_type="text/html")
    seen: list[tuple[int, int]] = []
    window.navigation.loader.progressed.connect(
        lambda received, total: seen.append((received, total)))
    open_and_wait(qtbot, window, httpserver.url_for("/big"))
    assert seen
    assert seen[-1] == (len(body.encode()), len(body.encode()))
    window.navigation.loader.progressed.emit(512 * 1024, 5 * 1024 * 1024)
    assert window.progress_bar.format() == "512 KB of 5.0 MB"
    assert window.progress_bar.maximum() > 0
    window.navigation.loader.progressed.emit(3 * 1024 * 1024, -1)
    assert window.progress_bar.format() == "3.0 MB"
    assert window.progress_bar.maximum() == 0  # busy: the size is unknown


def test_window_stays_responsive_while_a_5mb_page_loads(qtbot, window, httpserver) -> None:
    body = large_page("Storm over the harbour")
    assert len(body) >= 5 * 1024 * 1024
    httpserver.expect_request("/large").respond_with_data(body, content_type="text/html")
    probe = LoopDelayProbe()
    probe.start()
    article = open_and_wait(qtbot, window, httpserver.url_for("/large"), timeout=120000)
    probe.stop()
    assert article.title == "Storm over the harbour"
    assert len(probe.delays) > 10
    assert probe.max_delay < 0.9, f"event loop stalled {probe.max_delay * 1000:.0f} ms"
