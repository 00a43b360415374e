"""Hostile pages and servers in the window: each ends in one clear line (or the article) within
its deadline, the event loop is never blocked over 100 ms, the article on screen and its reading
position are kept, a normal load afterwards succeeds, and the server sees only what was asked."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from hostile_data import nested_mhtml, png
from hostile_server import Connection, ScriptedServer, response
from window_support import (  # noqa: F401 (fixtures)
    LoopDelayProbe,
    article_html,
    large_page,
    make_window,
    open_and_wait,
    scroll_pages,
    settings_file_fixture,
    write_page,
)

from reader_app.core.loading import LoadOptions

pytestmark = pytest.mark.network

#: The longest the window's event loop may be kept from running.
MAX_BLOCK = 0.1
DEADLINE = 1.5


@pytest.fixture
def window(qtbot, settings_file: Path):
    """A window whose loads have a deadline of 1.5 s."""
    return make_window(qtbot, settings_file,
                       load_options=LoadOptions(connect_timeout=1, total_timeout=DEADLINE))


def reading(qtbot, window, folder: Path) -> tuple[object, int]:
    """Open a long article and scroll into it: (article, scroll position)."""
    page = write_page(folder, "long.html", "Harbour survey finds a warmer winter", 60)
    open_and_wait(qtbot, window, str(page))
    scroll_pages(qtbot, window, 3)
    return window.navigation.article, window.view.verticalScrollBar().value()


def assert_kept(window, state: tuple[object, int]) -> None:
    article, position = state
    assert window.navigation.article is article
    assert window.view.verticalScrollBar().value() == position
    assert window.windowTitle() == "Harbour survey finds a warmer winter — Reader"


def fails_quietly(qtbot, window, source: str, within: float) -> str:
    """Open ``source``; its one-line message, after checking the time and the event loop."""
    probe = LoopDelayProbe()
    probe.start()
    start = time.monotonic()
    with qtbot.waitSignal(window.load_failed, timeout=int(within * 1000) + 2000) as failed:
        window.navigation.open_source(source)
    took = time.monotonic() - start
    probe.stop()
    message = failed.args[0]
    assert took < within, f"{source}: {took:.2f} s"
    assert probe.max_delay < MAX_BLOCK, f"event loop blocked {probe.max_delay * 1000:.0f} ms"
    assert message and "\n" not in message and "Traceback" not in message
    assert window.message_bar.text == message
    return message


def with_images(title: str, *sources: str) -> str:
    """An article page showing an image (with a caption) of each source."""
    figures = "".join(f'<figure><img src="{src}" alt="Picture {n}"><figcaption>Picture {n} of '
                      f"the harbour.</figcaption></figure>" for n, src in enumerate(sources))
    return article_html(title).replace('<p class="byline">By Ada Example</p>',
                                       f'<p class="byline">By Ada Example</p>{figures}')


def then_a_normal_load_succeeds(qtbot, window, folder: Path) -> None:
    page = write_page(folder, "after.html", "Ferry timetable changes", 8, seed=3)
    start = time.monotonic()
    article = open_and_wait(qtbot, window, str(page))
    assert article.title == "Ferry timetable changes"
    assert time.monotonic() - start < 5


def _dribble_status(server: ScriptedServer, folder: Path) -> str:
    server.scripts["/hostile"] = lambda c: c.dribble(response(article_html("Late")), 0.3)
    return server.url("/hostile")


def _dribble_headers(server: ScriptedServer, folder: Path) -> str:
    answer = response(article_html("Late"))
    server.scripts["/hostile"] = lambda c: (c.send(answer[:30]), c.dribble(answer[30:], 0.3))
    return server.url("/hostile")


def _endless_body(server: ScriptedServer, folder: Path) -> str:
    def endless(conn: Connection) -> None:
        conn.send(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body>")
        while not conn.stopped.is_set():
            conn.send(b"<p>more</p>" * 10000)

    server.scripts["/hostile"] = endless
    return server.url("/hostile")


def _pdf(server: ScriptedServer, folder: Path) -> str:
    server.scripts["/hostile"] = lambda c: c.send(response(b"%PDF-1.7", "application/pdf"))
    return server.url("/hostile")


def _nested_archive(server: ScriptedServer, folder: Path) -> str:
    path = folder / "deep.mhtml"
    path.write_bytes(nested_mhtml(1000))
    return str(path)


def _fifo(server: ScriptedServer, folder: Path) -> str:
    path = folder / "pipe.html"
    os.mkfifo(path)
    return str(path)


def _link_to_text(server: ScriptedServer, folder: Path) -> str:
    (folder / "passwd").write_text("root:x:0:0:root:/root:/bin/bash\n")
    (folder / "story.html").symlink_to(folder / "passwd")
    return str(folder / "story.html")


def _device(server: ScriptedServer, folder: Path) -> str:
    (folder / "zero.html").symlink_to("/dev/zero")
    return str(folder / "zero.html")


def _ftp(server: ScriptedServer, folder: Path) -> str:
    return "ftp://127.0.0.1/story.html"


HOSTILE: dict[str, Callable[[ScriptedServer, Path], str]] = {
    "status line a byte at a time": _dribble_status,
    "headers a byte at a time": _dribble_headers,
    "an endless body": _endless_body,
    "a PDF": _pdf,
    "an archive nested 1000 deep": _nested_archive,
    "a FIFO named .html": _fifo,
    "a link named .html to a text file": _link_to_text,
    "a link named .html to /dev/zero": _device,
    "an ftp: address": _ftp,
}


@pytest.mark.parametrize("case", list(HOSTILE))
def test_a_hostile_source_ends_in_one_line_and_keeps_the_article(
        qtbot, window, tmp_path: Path, scripted: ScriptedServer, case: str) -> None:
    state = reading(qtbot, window, tmp_path)
    source = HOSTILE[case](scripted, tmp_path)
    fails_quietly(qtbot, window, source, DEADLINE + 0.6)
    assert_kept(window, state)
    then_a_normal_load_succeeds(qtbot, window, tmp_path)
    web = source.startswith("http:")
    assert scripted.paths() == (["/hostile"] if web else [])


def test_twenty_cancelled_slow_loads_leave_the_window_fast(
        qtbot, window, tmp_path: Path, scripted: ScriptedServer) -> None:
    state = reading(qtbot, window, tmp_path)
    answer = response(article_html("Never"))
    scripted.scripts["/slow"] = lambda c: (c.send(answer[:20]), c.dribble(answer[20:], 1.0))
    probe = LoopDelayProbe()
    probe.start()
    for attempt in range(20):
        window.navigation.open_source(scripted.url(f"/slow?{attempt}"))
        with qtbot.waitSignal(window.navigation.loader.cancelled, timeout=1000):
            window.actions_by_name["cancel_load"].trigger()
    probe.stop()
    assert probe.max_delay < MAX_BLOCK
    assert_kept(window, state)
    page = write_page(tmp_path, "local.html", "The local page", 8, seed=5)
    start = time.monotonic()
    assert open_and_wait(qtbot, window, str(page), timeout=1000).title == "The local page"
    assert time.monotonic() - start < 1.0
    # Every cancelled load let go of its thread within half a second.
    qtbot.waitUntil(lambda: window.executor.pending == 0, timeout=1000)
    assert len(scripted.requests) <= 20


def test_cancelling_a_big_extraction_kills_its_helper(qtbot, window, tmp_path: Path) -> None:
    state = reading(qtbot, window, tmp_path)
    big = tmp_path / "big.html"
    big.write_text(large_page("A very large page", 15 * 1024 * 1024), encoding="utf-8")
    helper = window.executor.helper
    assert helper.usable
    qtbot.waitUntil(lambda: helper.live == 0, timeout=10000)  # the facts are in
    window.navigation.open_source(str(big))
    qtbot.waitUntil(lambda: helper.live == 1, timeout=10000)
    window.actions_by_name["cancel_load"].trigger()
    start = time.monotonic()
    qtbot.waitUntil(lambda: helper.live == 0, timeout=1000)
    assert time.monotonic() - start < 0.5
    assert_kept(window, state)
    then_a_normal_load_succeeds(qtbot, window, tmp_path)


def test_a_web_page_reads_no_local_file_and_fetches_nothing_unasked(
        qtbot, window, tmp_path: Path, scripted: ScriptedServer) -> None:
    (tmp_path / "pic.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    page = with_images("Pictures from afar", "file:///dev/zero", (tmp_path / "pic.png").as_uri(),
                       "/remote.png")
    scripted.scripts["/page"] = lambda c: c.send(response(page))
    window.settings.set("remote_images", False)
    article = open_and_wait(qtbot, window, scripted.url("/page"))
    assert article.origin == "web"
    assert len([b for b in article.blocks if b.kind == "image"]) == 3
    assert not window.view.loading_images  # none of them may load: nothing was started
    assert scripted.paths() == ["/page"]
    # Allowed, the page's own web image is fetched; its local files still are not read.
    with qtbot.waitSignal(window.view.images_finished, timeout=5000):
        window.settings.set("remote_images", True)
    assert scripted.paths() == ["/page", "/remote.png"]
    assert window.view.images.loaded == {}


def test_a_saved_archive_with_missing_parts_fetches_nothing(
        qtbot, window, tmp_path: Path, scripted: ScriptedServer) -> None:
    window.settings.set("remote_images", True)
    html = with_images("Saved with holes", scripted.url("/missing.png"), "lost.png")
    archive = tmp_path / "saved.mhtml"
    archive.write_bytes((
        'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n\r\n'
        f"--b\r\nContent-Type: text/html\r\nContent-Location: {scripted.url('/story')}\r\n\r\n"
        f"{html}\r\n--b--\r\n").encode())
    article = open_and_wait(qtbot, window, str(archive))
    assert article.origin == "archive"
    assert len([b for b in article.blocks if b.kind == "image"]) == 2
    assert not window.view.loading_images
    assert scripted.requests == []


def test_a_fifo_image_does_not_hold_the_images_of_later_pages(
        qtbot, window, tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.png")
    (tmp_path / "zero.png").symlink_to("/dev/zero")
    (tmp_path / "real.png").write_bytes(png(40, 30, "#3a6ea5"))
    page = tmp_path / "pictures.html"
    page.write_text(with_images("Pictures at home", "pipe.png", "zero.png", "real.png"))
    with qtbot.waitSignal(window.view.images_finished, timeout=5000):
        open_and_wait(qtbot, window, str(page))
    assert window.view.loading_images is False
    assert list(window.view.images.loaded) == [(tmp_path / "real.png").as_uri()]


def test_images_held_by_a_slow_server_do_not_delay_pages(
        qtbot, window, tmp_path: Path, scripted: ScriptedServer) -> None:
    answer = response(b"\x89PNG\r\n\x1a\n" + bytes(200), "image/png")
    scripted.scripts["/page"] = lambda c: c.send(response(with_images(
        "Slow pictures", *[f"/slow{n}.png" for n in range(12)])))
    for n in range(12):
        scripted.scripts[f"/slow{n}.png"] = lambda c: (c.send(answer[:20]), c.hold())
    window.settings.set("remote_images", True)
    open_and_wait(qtbot, window, scripted.url("/page"))
    qtbot.waitUntil(lambda: len(scripted.requests) >= 5)  # every image thread is held
    assert window.view.loading_images
    page = write_page(tmp_path, "local.html", "The local page", 8, seed=5)
    start = time.monotonic()
    assert open_and_wait(qtbot, window, str(page), timeout=2000).title == "The local page"
    assert time.monotonic() - start < 1.0
    assert not window.view.loading_images  # the slow images were dropped with their page
