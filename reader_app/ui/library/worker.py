"""Library calls off the GUI thread: one thread of its own, so writes keep their order.

The worker opens the library on its thread when first used; every task is a function of the
open :class:`~reader_app.core.library.Library`, and its result (or error message) comes back
to the GUI thread by signal. A library that cannot be opened fails every task with the same
one-line message; nothing is retried behind the reader's back.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from reader_app.core.errors import ReaderError

log = logging.getLogger(__name__)
Task = Callable[[Any], Any]
#: How long closing the window waits for pending library writes, in milliseconds.
SHUTDOWN_WAIT_MS = 5000


class LibraryWorker(QObject):
    """Runs library tasks one at a time on a dedicated thread.

    Signals:
        finished(str, object): a task named ``str`` returned ``object``.
        failed(str, str): a task named ``str`` failed with the one-line message ``str``.
    """

    finished = Signal(str, object)
    failed = Signal(str, str)

    def __init__(self, path: Path | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._library: Any = None
        self._error: str | None = None
        self._lock = threading.Lock()

    def submit(self, name: str, task: Task) -> None:
        """Run ``task(library)`` after the tasks submitted before it."""
        self.pool.start(_Job(self, name, task))

    def run_task(self, name: str, task: Task) -> None:
        """Run one task now, on the calling thread (the worker thread), and report it."""
        try:
            result = task(self._open())
        except ReaderError as err:
            self._report(self.failed, name, str(err))
        except Exception as err:  # a library bug must not take the window down
            log.exception("library task %s failed", name)
            self._report(self.failed, name, f"the library failed: {err}")
        else:
            self._report(self.finished, name, result)

    def _open(self) -> Any:
        with self._lock:
            if self._error is not None:
                raise ReaderError(self._error)
            if self._library is None:
                from reader_app.core.library import Library

                try:
                    self._library = Library(self.path)
                except ReaderError as err:
                    self._error = str(err)
                    raise
            return self._library

    @staticmethod
    def _report(signal: Any, *args: object) -> None:
        with contextlib.suppress(RuntimeError):  # the window was closed meanwhile
            signal.emit(*args)

    def shutdown(self) -> None:
        """Finish the pending tasks (waiting a few seconds at most) and close the library."""
        self.pool.waitForDone(SHUTDOWN_WAIT_MS)
        with self._lock:
            if self._library is not None:
                self._library.close()
                self._library = None


class _Job(QRunnable):
    def __init__(self, worker: LibraryWorker, name: str, task: Task) -> None:
        super().__init__()
        self.worker = worker
        self.name = name
        self.task = task

    def run(self) -> None:
        self.worker.run_task(self.name, self.task)
