"""Connections that keep one deadline: every wait is a short slice.

Looking up the server, connecting, the TLS handshake and every read of the status line, the
headers and the body wait at most :data:`SLICE` seconds at a time; between slices the request's
deadline and its cancel flag are checked. A server that sends one byte a second therefore
cannot hold a request past its deadline, and cancelling is seen within a slice.
"""

from __future__ import annotations

import errno
import http.client
import io
import ipaddress
import os
import select
import socket
import ssl
import threading
import time
from collections.abc import Callable
from typing import Any

from .errors import LoadCancelledError, ReaderError

#: The longest single wait, in seconds.
SLICE = 0.1

Cancelled = Callable[[], bool]


class Clock:
    """A request's deadline and cancel flag; ``late()`` makes the error for a missed deadline."""

    def __init__(
        self, deadline: float, cancelled: Cancelled | None, late: Callable[[], ReaderError]
    ) -> None:
        self.deadline = deadline
        self.cancelled = cancelled
        self.late = late

    def check(self) -> float:
        """Seconds left; raises when cancelled or past the deadline."""
        if self.cancelled is not None and self.cancelled():
            raise LoadCancelledError("Loading was cancelled.")
        remaining = self.deadline - time.monotonic()
        if remaining <= 0:
            raise self.late()
        return remaining

    def slice(self) -> float:
        """The next wait: :data:`SLICE` seconds or what is left, if less."""
        return max(0.001, min(SLICE, self.check()))


def resolve(host: str, port: int, clock: Clock) -> list[tuple[Any, ...]]:
    """The addresses of ``host``; the lookup runs on a thread of its own and is waited for in
    slices (a stuck resolver cannot hold the request). Raises ``socket.gaierror``."""
    try:
        ipaddress.ip_address(host)
    except ValueError:
        pass
    else:
        return socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    done = threading.Event()
    outcome: list[Any] = []

    def lookup() -> None:
        try:
            outcome.append(socket.getaddrinfo(host, port, type=socket.SOCK_STREAM))
        except OSError as err:
            outcome.append(err)
        done.set()

    threading.Thread(target=lookup, name="reader-resolve", daemon=True).start()
    while not done.wait(clock.slice()):
        pass
    if isinstance(outcome[0], OSError):
        raise outcome[0]
    return list(outcome[0])


def open_socket(host: str, port: int, clock: Clock) -> socket.socket:
    """A socket connected to ``host``:``port``; the connect is waited for in slices."""
    error: OSError = OSError(errno.EHOSTUNREACH, "no address to connect to")
    for family, kind, proto, _, address in resolve(host, port, clock):
        sock = socket.socket(family, kind, proto)
        try:
            sock.setblocking(False)
            code = sock.connect_ex(address)
            while code in (errno.EINPROGRESS, errno.EWOULDBLOCK, errno.EALREADY):
                _, ready, _ = select.select([], [sock], [], clock.slice())
                if ready:
                    code = sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
            if code != 0:
                raise _os_error(code)
        except OSError as err:
            sock.close()
            error = err
            continue
        except BaseException:
            sock.close()
            raise
        sock.settimeout(SLICE)
        return sock
    raise error


def start_tls(
    sock: socket.socket, context: ssl.SSLContext, server_hostname: str, clock: Clock
) -> ssl.SSLSocket:
    """``sock`` after a TLS handshake with ``server_hostname``, waited for in slices."""
    tls = context.wrap_socket(sock, server_hostname=server_hostname,
                              do_handshake_on_connect=False)
    try:
        while True:
            tls.settimeout(clock.slice())
            try:
                tls.do_handshake()
                break
            except (TimeoutError, ssl.SSLWantReadError, ssl.SSLWantWriteError):
                continue
    except BaseException:
        tls.close()
        raise
    tls.settimeout(SLICE)
    return tls


class SlicedReader(io.RawIOBase):
    """Reads a socket in slices, checking the clock between them; never closes the socket."""

    def __init__(self, sock: socket.socket, clock: Clock) -> None:
        super().__init__()
        self.sock = sock
        self.clock = clock

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while True:
            self.sock.settimeout(self.clock.slice())
            try:
                return self.sock.recv_into(buffer)
            except (TimeoutError, ssl.SSLWantReadError):
                continue


class _SocketView:
    """What an ``HTTPResponse`` needs of a socket: a file reading it in slices."""

    def __init__(self, sock: socket.socket, clock: Clock) -> None:
        self.sock = sock
        self.clock = clock

    def makefile(self, _mode: str) -> io.BufferedReader:
        return io.BufferedReader(SlicedReader(self.sock, self.clock), 64 * 1024)


class _Response(http.client.HTTPResponse):
    def __init__(self, sock: socket.socket, debuglevel: int = 0, method: str | None = None,
                 url: str | None = None, *, clock: Clock) -> None:
        super().__init__(_SocketView(sock, clock), debuglevel, method, url)  # type: ignore[arg-type]


class Connection(http.client.HTTPConnection):
    """An HTTP connection whose connect and responses keep ``clock``.

    Closing it leaves the socket open: the response reads on from it, and the caller closes
    the socket (``connection.sock`` after connecting) when the exchange ends.
    """

    def __init__(self, host: str, port: int | None, clock: Clock) -> None:
        super().__init__(host, port, timeout=SLICE)
        self.clock = clock

        def response(sock: socket.socket, *args: Any, **kwargs: Any) -> _Response:
            return _Response(sock, *args, clock=clock, **kwargs)

        self.response_class = response  # type: ignore[assignment]

    def connect(self) -> None:
        sock = self.sock = open_socket(self.host, self.port, self.clock)
        if self._tunnel_host:  # type: ignore[attr-defined]
            try:
                self._tunnel()  # type: ignore[attr-defined]
            except BaseException:
                sock.close()
                raise

    def close(self) -> None:
        self.sock = None
        super().close()


class TLSConnection(Connection):
    """An HTTPS connection (directly or through a proxy's tunnel) that keeps ``clock``."""

    default_port = http.client.HTTPS_PORT

    def __init__(self, host: str, port: int | None, clock: Clock,
                 context: ssl.SSLContext) -> None:
        super().__init__(host, port, clock)
        self.context = context

    def connect(self) -> None:
        super().connect()
        name = self._tunnel_host or self.host  # type: ignore[attr-defined]
        self.sock = start_tls(self.sock, self.context, name, self.clock)


def _os_error(code: int) -> OSError:
    if code == errno.ECONNREFUSED:
        return ConnectionRefusedError(code, os.strerror(code))
    return OSError(code, os.strerror(code))
