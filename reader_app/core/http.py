"""Fetch a web page or an image over HTTP(S) with Reader's limits: time, size, redirects, type."""

from __future__ import annotations

import http.client
import socket
import ssl
import time
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from email.message import Message
from urllib.parse import quote, urljoin, urlsplit

from .describe import describe_type, too_large
from .errors import LoadError, ReaderError, UnsupportedSourceError
from .load_options import Cancelled, LoadOptions, Progress, check_cancelled
from .mhtml import parse_mhtml
from .model import RawPage
from .net import Clock, Connection, TLSConnection
from .proxy import find_proxy
from .sniff import looks_like_html, looks_like_mhtml

_CHUNK = 64 * 1024
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_MHTML_TYPES = frozenset({"multipart/related", "message/rfc822", "application/x-mimearchive"})
# Types servers send for anything at all: the body's first bytes decide.
_VAGUE_TYPES = frozenset({"", "application/octet-stream", "text/plain", "binary/octet-stream"})
_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
_ACCEPT_IMAGE = "image/avif,image/webp,image/png,image/svg+xml,image/*;q=0.8"



def fetch(
    url: str,
    options: LoadOptions,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> RawPage:
    """GET ``url``, following at most ``options.max_redirects`` http(s) redirects.

    One deadline (``options.total_timeout``) covers everything: looking up and connecting to
    each server, TLS, the status line, the headers and the body. Raises :class:`LoadError`
    (or a subclass) on every failure, with a message fit to show.
    """
    exchange = _follow(url, options, _ACCEPT, progress, cancelled)
    try:
        return exchange.read_page()
    finally:
        exchange.close()


def fetch_image(url: str, options: LoadOptions, cancelled: Cancelled | None = None) -> bytes:
    """The bytes of the image at ``url``, with the same limits, deadline and proxy policy as a
    page (``options.max_bytes`` caps the image). Raises :class:`LoadError` on every failure."""
    exchange = _follow(url, options, _ACCEPT_IMAGE, None, cancelled)
    try:
        return exchange.read_image()
    finally:
        exchange.close()


def _follow(
    url: str,
    options: LoadOptions,
    accept: str,
    progress: Progress | None,
    cancelled: Cancelled | None,
) -> _Exchange:
    """The exchange that answered ``url`` after redirects (the caller closes it)."""
    deadline = time.monotonic() + options.total_timeout
    for _ in range(options.max_redirects + 1):
        check_cancelled(cancelled)
        exchange = _Exchange(url, options, deadline, progress, cancelled)
        try:
            location = exchange.open(accept)
        except BaseException:
            exchange.close()
            raise
        if location is None:
            return exchange
        exchange.close()
        url = urljoin(url, location)
    raise LoadError(f"The page redirects too many times (more than {options.max_redirects}).")


class _Exchange:
    """One request and its response, on a connection of its own."""

    def __init__(
        self,
        url: str,
        options: LoadOptions,
        deadline: float,
        progress: Progress | None,
        cancelled: Cancelled | None,
    ) -> None:
        self.url = url
        self.options = options
        self.progress = progress
        self.clock = Clock(deadline, cancelled, self._late)
        self.host = ""
        self.connection: http.client.HTTPConnection | None = None
        self.sock: object | None = None
        self.response: http.client.HTTPResponse | None = None

    def open(self, accept: str) -> str | None:
        """Send the request and read the status; the redirect target, or None for a page."""
        scheme, host, port, target = _parse(self.url)
        self.host = host
        proxy = find_proxy(scheme, host)
        headers: dict[str, str] = {}
        server, server_port = (host, port) if proxy is None else (proxy.host, proxy.port)
        if scheme == "https":
            self.connection = TLSConnection(server, server_port, self.clock,
                                            ssl.create_default_context())
            if proxy is not None:
                self.connection.set_tunnel(host, port, headers=proxy.headers)
        else:
            self.connection = Connection(server, server_port, self.clock)
            if proxy is not None:
                target = f"http://{host}{f':{port}' if port else ''}{target}"
                headers = proxy.headers
        try:
            self.connection.connect()
        except ReaderError:
            raise
        except OSError as err:
            raise _connect_error(err, server) from err
        # The response reads on from this socket after the connection lets go of it.
        self.sock = self.connection.sock
        with self._guard():
            self.connection.putrequest("GET", target, skip_accept_encoding=True)
            for name, value in (
                ("User-Agent", self.options.user_agent),
                ("Accept", accept),
                ("Accept-Encoding", "gzip, deflate"),
                ("Connection", "close"),
                *headers.items(),
            ):
                self.connection.putheader(name, value)
            self.connection.endheaders()
            self.response = self.connection.getresponse()
        status = self.response.status
        if status in _REDIRECTS:
            location = self.response.getheader("Location")
            if not location:
                raise LoadError(f"The server answered {status} without saying where to go.")
            return _header_text(location).strip()
        if status >= 400 or status < 200:
            reason = self.response.reason or _reason(status)
            raise LoadError(f"The server answered {status} {reason}".rstrip() + ".")
        return None

    def read_page(self) -> RawPage:
        """Check the type and size, then read and decompress the body within the limits."""
        assert self.response is not None
        headers: Message = self.response.msg
        declared = (headers.get("Content-Type") or "").strip()
        content_type = headers.get_content_type() if declared else ""
        if content_type not in _HTML_TYPES | _MHTML_TYPES | _VAGUE_TYPES:
            raise LoadError(f"This is {describe_type(content_type)}, not a web page.")
        data = self._read_body("The page")
        if not data.strip():
            raise LoadError("The server sent an empty page.")
        if content_type in _MHTML_TYPES or (
            content_type in _VAGUE_TYPES and looks_like_mhtml(data)
        ):
            page = parse_mhtml(data)
            return RawPage(
                data=page.data,
                url=page.url or self.url,
                charset=page.charset,
                content_type=page.content_type,
                resources=page.resources,
                origin="archive",
            )
        if content_type in _VAGUE_TYPES and not looks_like_html(data):
            raise LoadError(f"This is {describe_type(content_type or 'unknown')}, not a web page.")
        charset = headers.get_content_charset() if declared else None
        return RawPage(
            data=data, url=self.url, charset=charset, content_type=content_type or "text/html",
            origin="web",
        )

    def read_image(self) -> bytes:
        """The body of an image (or of a vague type), within the size cap."""
        assert self.response is not None
        declared = (self.response.msg.get("Content-Type") or "").strip()
        content_type = self.response.msg.get_content_type() if declared else ""
        if content_type.partition("/")[0] != "image" and content_type not in _VAGUE_TYPES:
            raise LoadError(f"This is {describe_type(content_type)}, not an image.")
        return self._read_body("The image")

    def close(self) -> None:
        if self.response is not None:
            self.response.close()
        if self.connection is not None:
            self.connection.close()
        close = getattr(self.sock, "close", None)
        if close is not None:
            close()

    def _read_body(self, what: str) -> bytes:
        assert self.response is not None
        cap = self.options.max_bytes
        length = _content_length(self.response.getheader("Content-Length"))
        if length is not None and length > cap:
            raise LoadError(too_large(what, length, cap))
        decoder = _decoder(self.response.getheader("Content-Encoding"))
        out = bytearray()
        received = 0
        if self.progress is not None:
            self.progress(0, length)
        while True:
            with self._guard():
                chunk = self.response.read1(_CHUNK)
            if not chunk:
                if length is not None and received < length:
                    raise LoadError(
                        f"The connection to {self.host} closed before the page was complete."
                    )
                break
            received += len(chunk)
            out += decoder.decompress(chunk, cap + 1 - len(out))
            if len(out) > cap:
                raise LoadError(too_large(what, None, cap))
            if self.progress is not None:
                self.progress(received, length)
        out += decoder.flush()
        if len(out) > cap:
            raise LoadError(too_large(what, None, cap))
        return bytes(out)

    def _late(self) -> LoadError:
        seconds = f"{self.options.total_timeout:g}"
        return LoadError(f"The server {self.host} took longer than {seconds} s to send the page.")

    @contextmanager
    def _guard(self) -> Iterator[None]:
        """Turn socket, TLS and protocol errors into a :class:`LoadError`."""
        host = self.host
        try:
            yield
        except ReaderError:
            raise
        except TimeoutError as err:
            raise self._late() from err
        except http.client.IncompleteRead as err:
            raise LoadError(
                f"The connection to {host} closed before the page was complete."
            ) from err
        except http.client.HTTPException as err:
            raise LoadError(f"The server {host} sent an answer that is not valid HTTP.") from err
        except ssl.SSLError as err:
            raise LoadError(f"The secure connection to {host} failed: {_ssl_reason(err)}.") from err
        except OSError as err:
            raise LoadError(f"The connection to {host} failed: {_os_reason(err)}.") from err


class _Decoder:
    """Undo a Content-Encoding chunk by chunk, never producing more than asked for."""

    def __init__(self, wbits: int | None) -> None:
        self.wbits = wbits
        self.inflater = zlib.decompressobj(wbits) if wbits is not None else None
        self.started = False

    def decompress(self, chunk: bytes, limit: int) -> bytes:
        """Up to ``limit`` (at least 1) bytes of output for ``chunk``; more would pass the cap."""
        if self.inflater is None:
            return chunk
        try:
            out = self.inflater.decompress(chunk, max(1, limit))
        except zlib.error:
            if self.wbits != zlib.MAX_WBITS or self.started:
                raise LoadError("The server sent a page whose compression is broken.") from None
            # "deflate" without its zlib wrapper, as some servers send it.
            self.wbits = -zlib.MAX_WBITS
            self.inflater = zlib.decompressobj(self.wbits)
            return self.decompress(chunk, limit)
        self.started = True
        return out

    def flush(self) -> bytes:
        return self.inflater.flush() if self.inflater is not None else b""


def _decoder(encoding: str | None) -> _Decoder:
    name = (encoding or "identity").strip().lower()
    if name in ("", "identity", "none"):
        return _Decoder(None)
    if name in ("gzip", "x-gzip"):
        return _Decoder(16 + zlib.MAX_WBITS)
    if name == "deflate":
        return _Decoder(zlib.MAX_WBITS)
    raise LoadError(f"The server sent the page compressed as {name!r}, which Reader cannot read.")


def _parse(url: str) -> tuple[str, str, int | None, str]:
    """Scheme, host, port and request target of an http(s) URL; LoadError if it is not one."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError as err:
        raise LoadError(f"This is not a valid web address: {url}") from err
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        shown = f" ({scheme}:)" if scheme else ""
        raise UnsupportedSourceError(
            f"The page redirects to an address Reader does not follow{shown}; "
            "Reader follows only http and https addresses."
        )
    host = parts.hostname
    if not host:
        raise LoadError(f"This web address names no server: {url}")
    try:
        ascii_host = host.encode("idna").decode("ascii") if not host.isascii() else host
    except UnicodeError as err:
        raise LoadError(f"This is not a valid web address: {url}") from err
    path = quote(parts.path or "/", safe="/%:@!$&'()*+,;=-._~")
    query = quote(parts.query, safe="/%:@!$&'()*+,;=-._~?")
    target = f"{path}?{query}" if parts.query else path
    return scheme, ascii_host, port, target


def _connect_error(err: OSError, host: str) -> LoadError:
    if isinstance(err, socket.gaierror):
        return LoadError(f"Could not find the server {host}: check the address and the network.")
    if isinstance(err, ConnectionRefusedError):
        return LoadError(f"The server {host} refused the connection.")
    if isinstance(err, ssl.SSLError):
        return LoadError(f"The secure connection to {host} failed: {_ssl_reason(err)}.")
    return LoadError(f"Could not connect to {host}: {_os_reason(err)}.")


def _ssl_reason(err: ssl.SSLError) -> str:
    if isinstance(err, ssl.SSLCertVerificationError):
        return err.verify_message or "its certificate is not valid"
    return err.reason or "the secure handshake failed"


def _os_reason(err: OSError) -> str:
    return (err.strerror or str(err) or type(err).__name__).rstrip(".").lower()


def _header_text(value: str) -> str:
    """A header as sent: http.client reads headers as Latin-1, servers often write UTF-8."""
    try:
        return value.encode("latin-1").decode("utf-8")
    except UnicodeError:
        return value


def _content_length(value: str | None) -> int | None:
    if value is None or not value.strip().isdigit():
        return None
    return int(value.strip())


def _reason(status: int) -> str:
    try:
        return http.HTTPStatus(status).phrase
    except ValueError:
        return ""


