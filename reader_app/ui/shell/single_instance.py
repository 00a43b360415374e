"""One Reader window per user: a later ``reader-app FILE`` hands FILE to the running window.

The first Reader listens on a local socket named after the application id and the user id, in
``$XDG_RUNTIME_DIR`` (or the temporary folder). A later launch connects, sends its sources as
one JSON line, waits for ``ok`` and exits; the first window opens them. A socket left behind by
a Reader that crashed refuses connections: it is removed and the new launch takes over.

When ``READER_APP_INSTANCE_LOG`` names a file, this module appends one JSON line per event to
it (``serving``, ``received``, ``handed over``, ``standalone``), so that tests running two real
processes can see what each one did.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Sequence

from PySide6.QtCore import QDir, QObject, Qt, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QWidget

from reader_app import APP_ID
from reader_app.core.errors import ReaderError
from reader_app.core.source import parse_source, scheme_of

#: Milliseconds a later launch waits for the running Reader to connect and answer.
TIMEOUT_MS = 3000
_ACK = b"ok\n"
_MAX_MESSAGE = 1 << 20
_LOG_VARIABLE = "READER_APP_INSTANCE_LOG"


def server_name() -> str:
    """Full path of this user's socket (``$XDG_RUNTIME_DIR`` is private to the user already)."""
    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    folder = runtime if runtime and os.path.isdir(runtime) else QDir.tempPath()
    return os.path.join(folder, f"{APP_ID}.{os.getuid()}")


def absolute_sources(sources: Sequence[str]) -> list[str]:
    """``sources`` with relative paths made absolute, so another process can open them.

    Addresses go as they are; so does what names no page (the running Reader reports it).
    """
    out: list[str] = []
    for text in sources:
        try:
            source = parse_source(text)
        except ReaderError:
            out.append(text)
            continue
        out.append(str(source.absolute()) if scheme_of(text) is None else text)
    return out


def _log(event: str, **details: object) -> None:
    path = os.environ.get(_LOG_VARIABLE)
    if path:
        with open(path, "a", encoding="utf-8") as handle:
            handle.write(json.dumps({"event": event, "pid": os.getpid(), **details}) + "\n")


class SingleInstance(QObject):
    """The running Reader's end of the socket.

    Signals:
        sources_received(list): a later launch handed over these sources (possibly none: the
            user started Reader again and expects the window to come forward).
    """

    sources_received = Signal(list)

    def __init__(self, name: str | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name or server_name()
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self.on_new_connection)
        self._buffers: dict[QLocalSocket, bytes] = {}

    @property
    def serving(self) -> bool:
        """Whether later launches can reach this process."""
        return self._server.isListening()

    def hand_over(self, sources: Sequence[str]) -> bool:
        """Give ``sources`` to a running Reader; True when it took them.

        A socket that refuses connections belongs to a Reader that is gone and is removed.
        """
        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if not socket.waitForConnected(TIMEOUT_MS):
            if socket.error() in (
                QLocalSocket.LocalSocketError.ConnectionRefusedError,
                QLocalSocket.LocalSocketError.ServerNotFoundError,
            ):
                QLocalServer.removeServer(self.name)
            return False
        message = json.dumps({"sources": list(sources)}).encode("utf-8") + b"\n"
        socket.write(message)
        socket.flush()
        answer = b""
        while not answer.endswith(b"\n") and socket.waitForReadyRead(TIMEOUT_MS):
            answer += bytes(socket.readAll().data())
        socket.disconnectFromServer()
        return answer == _ACK

    def listen(self) -> bool:
        """Start serving later launches; False when another Reader already serves them."""
        if self._server.listen(self.name):
            _log("serving", name=self.name)
            return True
        return False

    def attach(self, window: QWidget, open_sources: Callable[[list[str]], None]) -> None:
        """Open what later launches hand over with ``open_sources`` and bring ``window`` forward."""
        self.sources_received.connect(open_sources)
        self.sources_received.connect(lambda _sources: bring_to_front(window))

    def on_new_connection(self) -> None:
        """Read the message of each waiting client."""
        while (socket := self._server.nextPendingConnection()) is not None:
            self._buffers[socket] = b""
            socket.readyRead.connect(lambda s=socket: self.on_ready_read(s))
            socket.disconnected.connect(lambda s=socket: self._buffers.pop(s, None))
            socket.disconnected.connect(socket.deleteLater)
            if socket.bytesAvailable():
                self.on_ready_read(socket)

    def on_ready_read(self, socket: QLocalSocket) -> None:
        """Collect one JSON line, acknowledge it, then announce its sources."""
        if socket not in self._buffers:
            return
        data = self._buffers[socket] + bytes(socket.readAll().data())
        if b"\n" not in data:
            if len(data) > _MAX_MESSAGE:
                socket.abort()
            else:
                self._buffers[socket] = data
            return
        line = data.split(b"\n", 1)[0]
        del self._buffers[socket]
        try:
            payload = json.loads(line)
            sources = [str(src) for src in payload["sources"]]
        except (ValueError, KeyError, TypeError):
            socket.abort()
            return
        socket.write(_ACK)
        socket.flush()
        socket.disconnectFromServer()
        _log("received", sources=sources)
        self.sources_received.emit(sources)


def bring_to_front(window: QWidget) -> None:
    """Show ``window`` restored, raised and active, as far as the window manager allows."""
    window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
    window.show()
    window.raise_()
    window.activateWindow()


def start(sources: Sequence[str], *, bypass: bool = False) -> SingleInstance | None:
    """Route a launch: None when a running Reader took ``sources`` (exit now, status 0).

    Otherwise this process keeps its window and gets its :class:`SingleInstance`, serving
    later launches unless ``bypass`` (``--new-window``, ``--screenshot``) or another Reader
    already serves them. Call it once the QApplication exists.
    """
    instance = SingleInstance()
    if bypass:
        _log("standalone", sources=list(sources))
        return instance
    wanted = absolute_sources(sources)
    if instance.hand_over(wanted):
        _log("handed over", sources=wanted)
        return None
    instance.listen()
    return instance
