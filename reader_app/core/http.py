"""Fetch a web page over HTTP(S) with Reader's limits: time, size, redirects and type."""

from __future__ import annotations

import base64
import http.client
import ipaddress
import socket
import ssl
import time
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from email.message import Message
from typing import TYPE_CHECKING
from urllib.parse import quote, unquote, urljoin, urlsplit
from urllib.request import getproxies_environment

from .errors import LoadCancelledError, LoadError, UnsupportedSourceError
from .mhtml import parse_mhtml
from .model import RawPage
from .sniff import looks_like_html, looks_like_mhtml

if TYPE_CHECKING:
    from .loading import Cancelled, LoadOptions, Progress

_CHUNK = 64 * 1024
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_MHTML_TYPES = frozenset({"multipart/related", "message/rfc822", "application/x-mimearchive"})
# Types servers send for anything at all: the body's first bytes decide.
_VAGUE_TYPES = frozenset({"", "application/octet-stream", "text/plain", "binary/octet-stream"})
_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"

_TYPE_NAMES = {
    "application/pdf": "a PDF document",
    "application/json": "JSON data",
    "application/zip": "a ZIP archive",
    "application/gzip": "a compressed archive",
    "application/epub+zip": "an EPUB book",
    "application/msword": "a Word document",
    "application/rss+xml": "a news feed",
    "application/atom+xml": "a news feed",
    "application/javascript": "a script",
    "text/javascript": "a script",
    "text/css": "a style sheet",
    "text/plain": "a plain text file",
    "text/csv": "a table of data (CSV)",
}
_TYPE_FAMILIES = {
    "image": "an image",
    "video": "a video",
    "audio": "an audio file",
    "font": "a font",
}


def fetch(
    url: str,
    options: LoadOptions,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> RawPage:
    """GET ``url``, following at most ``options.max_redirects`` http(s) redirects.

    Raises :class:`LoadError` (or a subclass) on every failure, with a message fit to show.
    """
    deadline = time.monotonic() + options.total_timeout
    for _ in range(options.max_redirects + 1):
        check_cancelled(cancelled)
        exchange = _Exchange(url, options, deadline, progress, cancelled)
        try:
            location = exchange.open()
            if location is None:
                return exchange.read_page()
        finally:
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
        self.deadline = deadline
        self.progress = progress
        self.cancelled = cancelled
        self.host = ""
        self.connection: http.client.HTTPConnection | None = None
        self.sock: socket.socket | None = None
        self.response: http.client.HTTPResponse | None = None

    def open(self) -> str | None:
        """Send the request and read the status; the redirect target, or None for a page."""
        scheme, host, port, target = _parse(self.url)
        self.host = host
        timeout = min(self.options.connect_timeout, self._remaining())
        proxy = _proxy(scheme, host)
        headers: dict[str, str] = {}
        server, server_port = (host, port) if proxy is None else (proxy.host, proxy.port)
        if scheme == "https":
            context = ssl.create_default_context()
            self.connection = http.client.HTTPSConnection(
                server, server_port, timeout=timeout, context=context
            )
            if proxy is not None:
                self.connection.set_tunnel(host, port, headers=proxy.headers)
        else:
            self.connection = http.client.HTTPConnection(server, server_port, timeout=timeout)
            if proxy is not None:
                target = f"http://{host}{f':{port}' if port else ''}{target}"
                headers = proxy.headers
        try:
            self.connection.connect()
        except OSError as err:
            raise _connect_error(err, server, timeout) from err
        # The response keeps reading from this socket after the connection lets go of it.
        self.sock = self.connection.sock
        with self._guard():
            self._set_timeout()
            self.connection.putrequest("GET", target, skip_accept_encoding=True)
            for name, value in (
                ("User-Agent", self.options.user_agent),
                ("Accept", _ACCEPT),
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
        length = _content_length(self.response.getheader("Content-Length"))
        if length is not None and length > self.options.max_bytes:
            raise LoadError(too_large("The page", length, self.options.max_bytes))
        if content_type not in _HTML_TYPES | _MHTML_TYPES | _VAGUE_TYPES:
            raise LoadError(f"This is {_describe(content_type)}, not a web page.")
        decoder = _decoder(self.response.getheader("Content-Encoding"))
        data = self._read_body(decoder, length)
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
            )
        if content_type in _VAGUE_TYPES and not looks_like_html(data):
            raise LoadError(f"This is {_describe(content_type or 'unknown')}, not a web page.")
        charset = headers.get_content_charset() if declared else None
        return RawPage(
            data=data, url=self.url, charset=charset, content_type=content_type or "text/html"
        )

    def close(self) -> None:
        if self.response is not None:
            self.response.close()
        if self.connection is not None:
            self.connection.close()

    def _read_body(self, decoder: _Decoder, length: int | None) -> bytes:
        assert self.response is not None
        cap = self.options.max_bytes
        out = bytearray()
        received = 0
        if self.progress is not None:
            self.progress(0, length)
        while True:
            check_cancelled(self.cancelled)
            with self._guard():
                self._set_timeout()
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
                raise LoadError(too_large("The page", None, cap))
            if self.progress is not None:
                self.progress(received, length)
        out += decoder.flush()
        if len(out) > cap:
            raise LoadError(too_large("The page", None, cap))
        return bytes(out)

    def _remaining(self) -> float:
        remaining = self.deadline - time.monotonic()
        if remaining <= 0:
            raise LoadError(self._slow_message())
        return remaining

    def _set_timeout(self) -> None:
        assert self.sock is not None
        self.sock.settimeout(self._remaining())

    def _slow_message(self) -> str:
        seconds = f"{self.options.total_timeout:g}"
        return f"The server {self.host} took longer than {seconds} s to send the page."

    @contextmanager
    def _guard(self) -> Iterator[None]:
        """Turn socket, TLS and protocol errors into a :class:`LoadError`."""
        host = self.host
        try:
            yield
        except TimeoutError as err:
            raise LoadError(self._slow_message()) from err
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


@dataclass(frozen=True)
class _Proxy:
    host: str
    port: int
    headers: dict[str, str]


def _proxy(scheme: str, host: str) -> _Proxy | None:
    """The http proxy the environment (``https_proxy``, ``http_proxy``, ``no_proxy``) names.

    Hosts on this machine are always reached directly, as browsers do.
    """
    if host == "localhost" or _is_loopback(host):
        return None
    proxies = getproxies_environment()
    address = proxies.get(scheme)
    if not address or _bypassed(host, proxies.get("no", "")):
        return None
    try:
        parts = urlsplit(address if "://" in address else f"http://{address}")
        port = parts.port or 80
    except ValueError:
        return None
    if parts.scheme != "http" or not parts.hostname:
        return None
    headers = {}
    if parts.username is not None:
        credentials = f"{unquote(parts.username)}:{unquote(parts.password or '')}"
        token = base64.b64encode(credentials.encode()).decode("ascii")
        headers["Proxy-Authorization"] = f"Basic {token}"
    return _Proxy(parts.hostname, port, headers)


def _bypassed(host: str, no_proxy: str) -> bool:
    """True when ``no_proxy`` ("example.org,.local,*") names ``host`` or a domain above it."""
    for entry in no_proxy.replace(" ", ",").split(","):
        name = entry.strip().lstrip(".").rsplit(":", 1)[0].lower()
        if name == "*" or (name and (host == name or host.endswith("." + name))):
            return True
    return False


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _parse(url: str) -> tuple[str, str, int | None, str]:
    """Scheme, host, port and request target of an http(s) URL; LoadError if it is not one."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError as err:
        raise LoadError(f"This is not a valid web address: {url}") from err
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        shown = f"{scheme}:" if scheme else "this kind of"
        raise UnsupportedSourceError(
            f"The page redirects to a {shown} address; Reader follows only http and https."
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


def _connect_error(err: OSError, host: str, timeout: float) -> LoadError:
    if isinstance(err, socket.gaierror):
        return LoadError(f"Could not find the server {host}: check the address and the network.")
    if isinstance(err, TimeoutError):
        return LoadError(f"The server {host} did not answer within {timeout:g} s.")
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


def too_large(what: str, size: int | None, cap: int) -> str:
    """The message for ``what`` ("The page", "The file x.html") over the ``cap`` in bytes."""
    if size is None:
        return f"{what} is larger than Reader's limit of {megabytes(cap)}."
    return f"{what} is too large: {megabytes(size)} (the limit is {megabytes(cap)})."


def megabytes(size: int) -> str:
    """``size`` in bytes, written in megabytes (of 2**20 bytes) for a message."""
    value = size / 2**20
    return f"{value:.0f} MB" if value >= 10 else f"{value:.1f} MB"


def _describe(content_type: str) -> str:
    if content_type in _TYPE_NAMES:
        return _TYPE_NAMES[content_type]
    family = content_type.partition("/")[0]
    if family in _TYPE_FAMILIES:
        return _TYPE_FAMILIES[family]
    return f"a file of type {content_type}"


def _reason(status: int) -> str:
    try:
        return http.HTTPStatus(status).phrase
    except ValueError:
        return ""


def check_cancelled(cancelled: Callable[[], bool] | None) -> None:
    """Raise :class:`LoadCancelledError` when ``cancelled`` says so."""
    if cancelled is not None and cancelled():
        raise LoadCancelledError("Loading was cancelled.")
