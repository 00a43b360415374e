"""Quit the window cleanly on SIGTERM and SIGINT, as a desktop session or Ctrl+C asks.

Python runs signal handlers only between bytecodes, and Qt's event loop may sleep in C for a
long time; so the signal's number is written to a socket (``signal.set_wakeup_fd``) that a
QSocketNotifier watches, and the application quits from the event loop. Closing the window that
way saves the reading position and settings, and lets the helper processes stop with it.
"""

from __future__ import annotations

import signal
import socket

from PySide6.QtCore import QObject, QSocketNotifier
from PySide6.QtWidgets import QApplication

SIGNALS = (signal.SIGTERM, signal.SIGINT)


class QuitOnSignals(QObject):
    """Closes every top-level window and quits ``app`` when SIGTERM or SIGINT arrives."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._app = app
        self._reader, writer = socket.socketpair()
        self._writer = writer
        self._reader.setblocking(False)
        writer.setblocking(False)
        signal.set_wakeup_fd(writer.fileno())
        for number in SIGNALS:
            signal.signal(number, lambda *_: None)  # wakes the fd; the notifier does the work
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self.on_signalled)

    def on_signalled(self) -> None:
        try:
            self._reader.recv(64)
        except BlockingIOError:
            return
        self._app.closeAllWindows()
        self._app.quit()
