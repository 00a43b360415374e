"""Hostile servers on 127.0.0.1: deadlines hold at every stage, cancelling is seen within 0.5 s,
images follow the page's policy, and nothing is fetched that was not asked for."""

from __future__ import annotations

import socket
import ssl
import threading
import time
from collections.abc import Callable

import pytest
from hostile_server import Connection, ScriptedServer, response

from reader_app.core import Article
from reader_app.core.errors import LoadCancelledError, LoadError, UnsupportedSourceError
from reader_app.core.images import ImageSource, find_image, read_image
from reader_app.core.loading import LoadOptions, load
from reader_app.core.model import Origin

pytestmark = pytest.mark.network

PAGE = b"<!doctype html><html><head><title>Quiet</title></head><body><p>Calm.</p></body></html>"
QUICK = LoadOptions(connect_timeout=1, total_timeout=1.0)
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360f8cfc0f01f0005000201e2b1c9b40000000049454e44ae426082"
)


def timed(call: Callable[[], object]) -> tuple[BaseException, float]:
    """The exception ``call`` raised and how long it took."""
    start = time.monotonic()
    with pytest.raises(Exception) as raised:
        call()
    return raised.value, time.monotonic() - start


def cancel_after(seconds: float) -> tuple[Callable[[], bool], threading.Event]:
    flag = threading.Event()
    threading.Timer(seconds, flag.set).start()
    return flag.is_set, flag


def dribbled(answer: bytes) -> Callable[[Connection], None]:
    return lambda conn: conn.dribble(answer, 0.2)


@pytest.mark.parametrize("stage", ["status line", "headers", "body"])
def test_a_server_dribbling_bytes_cannot_pass_the_deadline(scripted: ScriptedServer,
                                                          stage: str) -> None:
    head, body = response(PAGE).split(b"\r\n\r\n", 1)
    if stage == "status line":
        scripted.scripts["/slow"] = dribbled(response(PAGE))
    elif stage == "headers":
        scripted.scripts["/slow"] = lambda c: (c.send(head[:17]), c.dribble(head[17:], 0.2))
    else:
        scripted.scripts["/slow"] = lambda c: (c.send(head + b"\r\n\r\n"), c.dribble(body, 0.2))
    error, took = timed(lambda: load(scripted.url("/slow"), QUICK))
    assert isinstance(error, LoadError)
    assert str(error) == "The server 127.0.0.1 took longer than 1 s to send the page."
    assert took < 1.5


@pytest.mark.parametrize("stage", ["status line", "headers", "body"])
def test_cancelling_is_seen_within_half_a_second(scripted: ScriptedServer, stage: str) -> None:
    head, body = response(PAGE).split(b"\r\n\r\n", 1)
    scripted.scripts["/slow"] = {
        "status line": lambda c: c.hold(),
        "headers": lambda c: (c.send(head[:20]), c.hold()),
        "body": lambda c: (c.send(head + b"\r\n\r\n" + body[:5]), c.hold()),
    }[stage]
    cancelled, _ = cancel_after(0.3)
    error, took = timed(lambda: load(scripted.url("/slow"), LoadOptions(), cancelled=cancelled))
    assert isinstance(error, LoadCancelledError)
    assert took < 0.3 + 0.5


def test_a_tls_handshake_that_never_ends_keeps_the_deadline_and_cancel(
        scripted: ScriptedServer) -> None:
    url = f"https://127.0.0.1:{scripted.port}/tls"  # the server never answers the hello
    error, took = timed(lambda: load(url, QUICK))
    assert str(error) == "The server 127.0.0.1 took longer than 1 s to send the page."
    assert took < 1.5
    cancelled, _ = cancel_after(0.2)
    error, took = timed(lambda: load(url, LoadOptions(), cancelled=cancelled))
    assert isinstance(error, LoadCancelledError)
    assert took < 0.7


def test_a_connect_that_hangs_keeps_the_deadline_and_cancel() -> None:
    # A listener that never accepts, with its queue full: further connects hang.
    with socket.create_server(("127.0.0.1", 0), backlog=0) as listener:
        port = listener.getsockname()[1]
        fillers = []
        for _ in range(4):
            filler = socket.socket()
            filler.setblocking(False)
            filler.connect_ex(("127.0.0.1", port))
            fillers.append(filler)
        try:
            cancelled, _ = cancel_after(0.3)
            error, took = timed(lambda: load(f"http://127.0.0.1:{port}/", LoadOptions(),
                                             cancelled=cancelled))
            assert isinstance(error, LoadError)
            assert took < 0.8
        finally:
            for filler in fillers:
                filler.close()


def test_the_status_and_ssl_errors_are_one_line(scripted: ScriptedServer) -> None:
    scripted.scripts["/garbage"] = lambda c: c.send(b"\x00\x01 nonsense\r\n\r\n")
    error, _ = timed(lambda: load(scripted.url("/garbage"), QUICK))
    assert isinstance(error, LoadError)
    assert "\n" not in str(error)
    assert not isinstance(error.__cause__, ssl.SSLError)


# Images -------------------------------------------------------------------------------------


def web_article(url: str, origin: Origin = "web") -> Article:
    return Article(title="t", blocks=(), url=url, origin=origin)


def test_image_redirects_go_only_to_http(scripted: ScriptedServer) -> None:
    scripted.scripts["/img"] = lambda c: c.send(response(
        b"", status="302 Found", headers="Location: ftp://127.0.0.1/x.png\r\n"))
    source = find_image(scripted.url("/img"), web_article(scripted.url("/")), True)
    assert source == ImageSource(scripted.url("/img"), "http")
    with pytest.raises(UnsupportedSourceError, match="follows only http and https"):
        read_image(source)


def test_an_image_dribbled_a_byte_at_a_time_keeps_one_deadline(scripted: ScriptedServer) -> None:
    scripted.scripts["/slow.png"] = dribbled(response(PNG, "image/png"))
    source = ImageSource(scripted.url("/slow.png"), "http")
    error, took = timed(lambda: read_image(source, QUICK))
    assert isinstance(error, LoadError)
    assert took < 1.5
    scripted.scripts["/fine.png"] = lambda c: c.send(response(PNG, "image/png"))
    assert read_image(ImageSource(scripted.url("/fine.png"), "http"), QUICK) == PNG


def test_images_and_pages_take_the_same_proxy(scripted: ScriptedServer,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("http_proxy", scripted.url(""))
    monkeypatch.delenv("no_proxy", raising=False)
    scripted.scripts["/a.png"] = lambda c: c.send(response(PNG, "image/png"))
    scripted.scripts["/a.html"] = lambda c: c.send(response(PAGE))
    assert read_image(ImageSource("http://pictures.invalid/a.png", "http"), QUICK) == PNG
    assert load("http://pictures.invalid/a.html", QUICK).data == PAGE
    assert scripted.requests == ["GET http://pictures.invalid/a.png HTTP/1.1",
                                 "GET http://pictures.invalid/a.html HTTP/1.1"]


def test_a_page_of_another_type_is_not_an_image(scripted: ScriptedServer) -> None:
    scripted.scripts["/page"] = lambda c: c.send(response(PAGE))
    with pytest.raises(LoadError, match="not an image"):
        read_image(ImageSource(scripted.url("/page"), "http"), QUICK)


@pytest.mark.parametrize("origin", ["archive", "file", "text"])
def test_only_pages_from_the_web_fetch_web_images(origin: Origin) -> None:
    article = web_article("https://news.example/a.html", origin=origin)
    assert find_image("https://news.example/a.png", article, True) is None
    web = web_article("https://news.example/a.html")
    assert find_image("https://news.example/a.png", web, False) is None  # not allowed by the reader
    assert find_image("https://news.example/a.png", web, True) is not None


def test_a_proxy_tunnel_answered_a_byte_at_a_time_keeps_the_deadline(
        scripted: ScriptedServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("https_proxy", scripted.url(""))
    monkeypatch.delenv("no_proxy", raising=False)
    scripted.scripts["pages.invalid:443"] = dribbled(b"HTTP/1.1 200 Connected\r\n\r\n")
    error, took = timed(lambda: load("https://pages.invalid/story", QUICK))
    assert isinstance(error, LoadError)
    assert "\n" not in str(error)
    assert took < 1.5
    assert scripted.requests == ["CONNECT pages.invalid:443 HTTP/1.0"]
