"""Loading pages over HTTP from a real server on 127.0.0.1: limits, redirects, types, errors."""

from __future__ import annotations

import contextlib
import gzip
import socket
import threading
import zlib
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from reader_app.core.decoding import decode_html
from reader_app.core.errors import LoadCancelledError, LoadError, UnsupportedSourceError
from reader_app.core.loading import LoadOptions, load

pytestmark = pytest.mark.network

Handler = Callable[[BaseHTTPRequestHandler], None]

ARTICLE = (
    "<!DOCTYPE html><html><head><title>Київ</title></head><body><article>"
    "<h1>Ранок над Дніпром</h1><p>Сьогодні в столиці тепло й сонячно, ввечері можливий дощ.</p>"
    "</article></body></html>"
)
FAST = LoadOptions(connect_timeout=2, total_timeout=3)


class Server:
    """A threaded HTTP server whose paths are answered by handler functions."""

    def __init__(self) -> None:
        self.routes: dict[str, Handler] = {}
        self.requests: list[dict[str, str]] = []
        self.release = threading.Event()  # lets slow handlers finish at teardown
        routes, requests = self.routes, self.requests

        class _Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                requests.append(dict(self.headers.items()))
                route = routes.get(self.path.split("?")[0])
                if route is None:
                    self.send_error(404)
                    return
                # The client may stop reading early, as it should on limits.
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    route(self)

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )
        self.thread.start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.httpd.server_port}{path}"

    def close(self) -> None:
        self.release.set()
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server() -> Iterator[Server]:
    srv = Server()
    yield srv
    srv.close()


def reply(
    body: bytes, status: int = 200, content_type: str | None = "text/html", **headers: str
) -> Handler:
    def handle(request: BaseHTTPRequestHandler) -> None:
        request.send_response(status)
        if content_type is not None:
            request.send_header("Content-Type", content_type)
        request.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            request.send_header(name.replace("_", "-"), value)
        request.end_headers()
        request.wfile.write(body)

    return handle


def redirect(location: str, status: int = 302) -> Handler:
    def handle(request: BaseHTTPRequestHandler) -> None:
        request.send_response(status)
        request.send_header("Location", location)
        request.send_header("Content-Length", "0")
        request.end_headers()

    return handle


def test_page_with_charset_header(server: Server) -> None:
    body = ARTICLE.encode("cp1251")
    server.routes["/kyiv"] = reply(body, content_type="text/html; charset=windows-1251")
    page = load(server.url("/kyiv"))
    assert page.data == body
    assert page.url == server.url("/kyiv")
    assert page.charset == "windows-1251"
    assert page.content_type == "text/html"
    assert decode_html(page.data, page.charset) == ARTICLE


def test_request_names_reader_and_accepts_compression(server: Server) -> None:
    server.routes["/"] = reply(ARTICLE.encode())
    load(server.url("/"))
    headers = server.requests[-1]
    assert "Reader/" in headers["User-Agent"]
    assert headers["User-Agent"].startswith("Mozilla/5.0")
    assert headers["Accept-Encoding"] == "gzip, deflate"
    assert "text/html" in headers["Accept"]


def test_progress_reports_bytes_and_total(server: Server) -> None:
    body = ("<html><body>" + "<p>Words of a long article.</p>" * 20_000 + "</body></html>").encode()
    server.routes["/long"] = reply(body)
    calls: list[tuple[int, int | None]] = []
    page = load(server.url("/long"), progress=lambda done, total: calls.append((done, total)))
    assert page.data == body
    assert calls[0] == (0, len(body))
    assert calls[-1] == (len(body), len(body))
    assert len(calls) > 3
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)


def test_cancellation_mid_download(server: Server) -> None:
    def trickle(request: BaseHTTPRequestHandler) -> None:
        request.send_response(200)
        request.send_header("Content-Type", "text/html")
        request.send_header("Content-Length", str(10_000_000))
        request.end_headers()
        request.wfile.write(b"<html><body>" + b"<p>first part</p>" * 1000)
        request.wfile.flush()
        server.release.wait(5)

    server.routes["/slow"] = trickle
    received: list[int] = []
    with pytest.raises(LoadCancelledError, match="cancelled"):
        load(
            server.url("/slow"),
            FAST,
            progress=lambda done, total: received.append(done),
            cancelled=lambda: any(received),
        )
    assert 0 < received[-1] < 10_000_000


@pytest.mark.parametrize(
    ("status", "message"),
    [(404, "The server answered 404 Not Found."), (500, "The server answered 500 Internal")],
)
def test_http_errors(server: Server, status: int, message: str) -> None:
    server.routes["/x"] = lambda request: request.send_error(status)
    with pytest.raises(LoadError, match=message):
        load(server.url("/x"))


def test_unknown_path_is_404(server: Server) -> None:
    with pytest.raises(LoadError, match="404"):
        load(server.url("/nothing-here"))


def test_server_that_never_answers_times_out(server: Server) -> None:
    server.routes["/sleep"] = lambda request: server.release.wait(5) and None
    with pytest.raises(LoadError, match=r"took longer than 0\.5 s"):
        load(server.url("/sleep"), LoadOptions(connect_timeout=2, total_timeout=0.5))


def test_connection_refused() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(LoadError, match="refused the connection"):
        load(f"http://127.0.0.1:{port}/", FAST)


def test_redirects_are_followed_to_the_final_url(server: Server) -> None:
    server.routes["/old"] = redirect("/older", 301)
    server.routes["/older"] = redirect(server.url("/new"), 308)
    server.routes["/new"] = reply(ARTICLE.encode(), content_type="text/html; charset=utf-8")
    page = load(server.url("/old"))
    assert page.url == server.url("/new")
    assert decode_html(page.data, page.charset) == ARTICLE


def test_redirect_loop(server: Server) -> None:
    server.routes["/loop"] = redirect("/loop")
    with pytest.raises(LoadError, match=r"redirects too many times \(more than 10\)"):
        load(server.url("/loop"), FAST)
    assert len(server.requests) == 11


def test_redirect_limit_comes_from_the_options(server: Server) -> None:
    for hop in range(3):
        server.routes[f"/{hop}"] = redirect(f"/{hop + 1}")
    server.routes["/3"] = reply(ARTICLE.encode())
    assert load(server.url("/0"), LoadOptions(max_redirects=3)).url == server.url("/3")
    with pytest.raises(LoadError, match="more than 2"):
        load(server.url("/0"), LoadOptions(max_redirects=2))


@pytest.mark.parametrize(
    ("target", "scheme"),
    [("javascript:alert(1)", "javascript"), ("ftp://files.example.org/a.html", "ftp")],
)
def test_redirect_to_another_scheme_is_refused(server: Server, target: str, scheme: str) -> None:
    server.routes["/jump"] = redirect(target)
    with pytest.raises(UnsupportedSourceError) as raised:
        load(server.url("/jump"))
    assert str(raised.value) == (
        f"The page redirects to an address Reader does not follow ({scheme}:); "
        "Reader follows only http and https addresses."
    )


def test_pdf_is_not_a_web_page(server: Server) -> None:
    server.routes["/report"] = reply(b"%PDF-1.7\n", content_type="application/pdf")
    with pytest.raises(LoadError, match=r"This is a PDF document, not a web page\."):
        load(server.url("/report"))


def test_image_is_not_a_web_page(server: Server) -> None:
    server.routes["/photo"] = reply(b"\x89PNG\r\n", content_type="image/png")
    with pytest.raises(LoadError, match=r"This is an image, not a web page\."):
        load(server.url("/photo"))


def test_vague_type_is_decided_by_the_body(server: Server) -> None:
    server.routes["/html"] = reply(ARTICLE.encode(), content_type="application/octet-stream")
    server.routes["/none"] = reply(ARTICLE.encode(), content_type=None)
    server.routes["/pdf"] = reply(b"%PDF-1.7\n", content_type="application/octet-stream")
    assert load(server.url("/html")).data == ARTICLE.encode()
    assert load(server.url("/none")).content_type == "text/html"
    with pytest.raises(LoadError, match="not a web page"):
        load(server.url("/pdf"))


def test_declared_length_over_the_cap_is_refused_before_reading(server: Server) -> None:
    def announce(request: BaseHTTPRequestHandler) -> None:
        request.send_response(200)
        request.send_header("Content-Type", "text/html")
        request.send_header("Content-Length", str(100 * 2**20))
        request.end_headers()
        server.release.wait(5)

    server.routes["/big"] = announce
    with pytest.raises(LoadError, match=r"too large: 100 MB \(the limit is 20 MB\)"):
        load(server.url("/big"), FAST)


def test_endless_body_is_stopped_by_the_size_cap(server: Server) -> None:
    def endless(request: BaseHTTPRequestHandler) -> None:
        request.send_response(200)
        request.send_header("Content-Type", "text/html")
        request.end_headers()  # no length: the body runs until the connection closes
        chunk = b"<p>" + b"more " * 2000 + b"</p>"
        while not server.release.is_set():
            request.wfile.write(chunk)

    server.routes["/endless"] = endless
    with pytest.raises(LoadError, match=r"larger than Reader's limit of 1\.0 MB"):
        load(server.url("/endless"), LoadOptions(max_bytes=2**20, total_timeout=10))


def test_endless_slow_body_is_stopped_by_the_total_timeout(server: Server) -> None:
    def drip(request: BaseHTTPRequestHandler) -> None:
        request.send_response(200)
        request.send_header("Content-Type", "text/html")
        request.end_headers()
        while not server.release.wait(0.02):
            request.wfile.write(b"<p>.</p>")
            request.wfile.flush()

    server.routes["/drip"] = drip
    with pytest.raises(LoadError, match=r"took longer than 0\.6 s"):
        load(server.url("/drip"), LoadOptions(connect_timeout=2, total_timeout=0.6))


@pytest.fixture(scope="module")
def gzip_bomb() -> bytes:
    """About 30 KB that inflate to 30 MB."""
    return gzip.compress(b"<html><body>" + b" " * (30 * 2**20), compresslevel=9)


def test_gzip_bomb_is_stopped_by_the_size_cap(server: Server, gzip_bomb: bytes) -> None:
    assert len(gzip_bomb) < 2**20
    server.routes["/bomb"] = reply(gzip_bomb, Content_Encoding="gzip")
    with pytest.raises(LoadError, match=r"larger than Reader's limit of 2\.0 MB"):
        load(server.url("/bomb"), LoadOptions(max_bytes=2 * 2**20))


def test_gzip_body(server: Server) -> None:
    server.routes["/gz"] = reply(gzip.compress(ARTICLE.encode()), Content_Encoding="gzip")
    assert load(server.url("/gz")).data == ARTICLE.encode()


@pytest.mark.parametrize("wbits", [zlib.MAX_WBITS, -zlib.MAX_WBITS])
def test_deflate_body_with_and_without_zlib_wrapper(server: Server, wbits: int) -> None:
    packer = zlib.compressobj(wbits=wbits)
    body = packer.compress(ARTICLE.encode()) + packer.flush()
    server.routes["/deflate"] = reply(body, Content_Encoding="deflate")
    assert load(server.url("/deflate")).data == ARTICLE.encode()


def test_broken_compression(server: Server) -> None:
    server.routes["/broken"] = reply(b"this is not gzip at all", Content_Encoding="gzip")
    with pytest.raises(LoadError, match="compression is broken"):
        load(server.url("/broken"))


def test_unknown_compression(server: Server) -> None:
    server.routes["/br"] = reply(b"\x1b\x03", Content_Encoding="br")
    with pytest.raises(LoadError, match="compressed as 'br'"):
        load(server.url("/br"))


def test_chunked_body(server: Server) -> None:
    def chunked(request: BaseHTTPRequestHandler) -> None:
        request.send_response(200)
        request.send_header("Content-Type", "text/html; charset=utf-8")
        request.send_header("Transfer-Encoding", "chunked")
        request.end_headers()
        data = ARTICLE.encode()
        for start in range(0, len(data), 50):
            piece = data[start : start + 50]
            request.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece))
        request.wfile.write(b"0\r\n\r\n")

    server.routes["/chunked"] = chunked
    assert load(server.url("/chunked")).data == ARTICLE.encode()


def test_connection_closed_early(server: Server) -> None:
    def cut(request: BaseHTTPRequestHandler) -> None:
        request.send_response(200)
        request.send_header("Content-Type", "text/html")
        request.send_header("Content-Length", "5000")
        request.end_headers()
        request.wfile.write(b"<html><body><p>only the start")
        request.close_connection = True

    server.routes["/cut"] = cut
    with pytest.raises(LoadError, match="closed before the page was complete"):
        load(server.url("/cut"), FAST)


def test_mhtml_over_http(server: Server, data_dir: Path) -> None:
    archive = (data_dir / "mhtml" / "tidal-power.mhtml").read_bytes()
    server.routes["/saved.mhtml"] = reply(archive, content_type="multipart/related")
    page = load(server.url("/saved.mhtml"))
    assert page.url is not None and page.url.endswith("tidal-power-pembrokeshire")
    assert b"Rhiannon Price" in page.data
    assert len(page.resources) == 2


@pytest.mark.parametrize(
    "url", ["http://", "http:///path", "http://127.0.0.1:99999/", "http://[::1/"]
)
def test_bad_urls(url: str) -> None:
    with pytest.raises(LoadError, match="web address"):
        load(url, FAST)


def test_http_proxy_from_the_environment(server: Server, monkeypatch: pytest.MonkeyPatch) -> None:
    server.routes["http://news.example/article"] = reply(ARTICLE.encode())
    proxy = server.url("").replace("http://", "http://reader:s%40cret@")
    monkeypatch.setenv("http_proxy", proxy)
    monkeypatch.setenv("no_proxy", "intranet.example")
    page = load("http://news.example/article?id=3", FAST)
    assert page.data == ARTICLE.encode()
    assert page.url == "http://news.example/article?id=3"
    # "reader:s@cret" in Basic authentication
    assert server.requests[-1]["Proxy-Authorization"] == "Basic cmVhZGVyOnNAY3JldA=="
    assert server.requests[-1]["Host"] == "news.example"


def test_hosts_on_this_machine_skip_the_proxy(
    server: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        closed_port = sock.getsockname()[1]
    monkeypatch.setenv("http_proxy", f"http://127.0.0.1:{closed_port}")
    server.routes["/"] = reply(ARTICLE.encode())
    assert load(server.url("/"), FAST).data == ARTICLE.encode()
