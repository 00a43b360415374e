"""A scripted HTTP server on 127.0.0.1 for hostile-input tests: raw sockets, so a script can
dribble bytes, stall, or answer anything; every request it receives is recorded."""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Callable

#: A script writes the answer to one request on the connection (``server.stopped`` ends waits).
Script = Callable[["Connection"], None]


class Connection:
    """One accepted connection: the request line and helpers to answer."""

    def __init__(self, sock: socket.socket, request_line: str, stopped: threading.Event) -> None:
        self.sock = sock
        self.request_line = request_line
        self.stopped = stopped

    def send(self, data: bytes) -> None:
        self.sock.sendall(data)

    def dribble(self, data: bytes, interval: float) -> None:
        """Send ``data`` one byte every ``interval`` seconds (until the server stops)."""
        for byte in data:
            if self.stopped.wait(interval):
                return
            self.sock.sendall(bytes([byte]))

    def hold(self, seconds: float = 30) -> None:
        """Send nothing for ``seconds`` (or until the server stops)."""
        self.stopped.wait(seconds)


def response(body: bytes | str, content_type: str = "text/html; charset=utf-8",
             status: str = "200 OK", headers: str = "") -> bytes:
    """A complete HTTP/1.1 response."""
    if isinstance(body, str):
        body = body.encode()
    head = (f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\n"
            f"Content-Length: {len(body)}\r\n{headers}Connection: close\r\n\r\n")
    return head.encode() + body


class ScriptedServer:
    """Accepts connections on 127.0.0.1 and answers each path with its script.

    ``requests`` lists the request line of every request received, in order; paths without a
    script get a 404.
    """

    def __init__(self) -> None:
        self.scripts: dict[str, Script] = {}
        self.requests: list[str] = []
        self.stopped = threading.Event()
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.listener.settimeout(0.05)
        self.port = self.listener.getsockname()[1]
        self._threads: list[threading.Thread] = []
        self._accepting = threading.Thread(target=self._accept, daemon=True)
        self._accepting.start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def paths(self) -> list[str]:
        """The paths requested so far."""
        return [line.split()[1] if len(line.split()) > 1 else line for line in self.requests]

    def close(self) -> None:
        self.stopped.set()
        self._accepting.join(2)
        for thread in self._threads:
            thread.join(2)
        self.listener.close()

    def _accept(self) -> None:
        while not self.stopped.is_set():
            try:
                sock, _ = self.listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            thread = threading.Thread(target=self._serve, args=(sock,), daemon=True)
            self._threads.append(thread)
            thread.start()

    def _serve(self, sock: socket.socket) -> None:
        with sock, contextlib.suppress(OSError):
            sock.settimeout(5)
            head = b""
            while b"\r\n\r\n" not in head and len(head) < 65536:
                chunk = sock.recv(4096)
                if not chunk:
                    return
                head += chunk
            line = head.split(b"\r\n", 1)[0].decode("latin-1")
            self.requests.append(line)
            parts = line.split()
            path = parts[1] if len(parts) > 1 else "/"
            if path.startswith("http://"):  # asked as a proxy
                path = "/" + path.split("/", 3)[-1]
            script = self.scripts.get(path.split("?")[0])
            connection = Connection(sock, line, self.stopped)
            if script is None:
                connection.send(response(b"not here", status="404 Not Found"))
            else:
                script(connection)
            # Close only after the client has read everything (it closes first).
            sock.shutdown(socket.SHUT_WR)
            sock.settimeout(1)
            while sock.recv(4096):
                pass

