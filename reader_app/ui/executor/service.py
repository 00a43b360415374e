"""The executor: the one service that runs the window's background work.

Work is a plain function of a :class:`Token`, submitted to a lane: ``io`` (page loads),
``images`` (image bytes) or ``helper`` (fact finding); each lane has its own bounded threads,
so a stuck image cannot delay a page. Long work calls :meth:`Token.in_helper`, which runs a job
in a helper process that is killed when the task is cancelled. Worker threads never touch Qt:
they queue outcomes and progress and wake the GUI thread through a socket, and the executor
calls ``on_done`` and ``on_progress`` there, a few milliseconds' worth per event-loop turn.
"""

from __future__ import annotations

import contextlib
import logging
import queue
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, Literal, TypeVar

from PySide6.QtCore import QObject, QSocketNotifier, Slot

from reader_app.core.errors import LoadCancelledError, ReaderError

from .helper import Helper
from .lanes import Lane

log = logging.getLogger(__name__)

T = TypeVar("T")
LaneName = Literal["io", "images", "helper"]
#: GUI-thread time spent handing over outcomes before the event loop gets a turn (seconds).
DELIVERY_BUDGET = 0.008


@dataclass(frozen=True)
class Outcome(Generic[T]):
    """How a task ended: its value, its error, or cancelled (then neither counts)."""

    value: T | None = None
    error: Exception | None = None
    cancelled: bool = False


class Token:
    """What a piece of work sees of its task: the cancel flag, progress, helper processes."""

    def __init__(self, helper: Helper, posted: Callable[[Task[Any]], None]) -> None:
        self._cancel = threading.Event()
        self._helper = helper
        self._posted = posted
        self._task: Task[Any] | None = None
        self._progress: tuple[int, int] | None = None
        self._progress_lock = threading.Lock()

    def cancelled(self) -> bool:
        """True once the task is cancelled; work stops at its next look."""
        return self._cancel.is_set()

    def progress(self, received: int, total: int | None = None, *_: Any) -> None:
        """Report bytes received of ``total`` (None when unknown); only the latest is shown."""
        with self._progress_lock:
            first = self._progress is None
            self._progress = (int(received), -1 if total is None else int(total))
        if first and self._task is not None:
            self._posted(self._task)

    def in_helper(self, job: Callable[..., T], *args: Any) -> T:
        """``job(*args)`` in a helper process, killed if the task is cancelled meanwhile."""
        return self._helper.run(job, args, self.cancelled)

    def take_progress(self) -> tuple[int, int] | None:
        with self._progress_lock:
            latest, self._progress = self._progress, None
        return latest


class Task(Generic[T]):
    """A submitted piece of work; :meth:`cancel` stops it (its helper process is killed)."""

    def __init__(self, work: Callable[[Token], T], token: Token,
                 on_done: Callable[[Outcome[T]], None] | None,
                 on_progress: Callable[[int, int], None] | None) -> None:
        self.work = work
        self.token = token
        self.on_done = on_done
        self.on_progress = on_progress
        self.done = False

    def cancel(self) -> None:
        self.token._cancel.set()


class Executor(QObject):
    """Runs all background work of one Reader process; create one and pass it around.

    ``shutdown()`` (when Reader quits) cancels everything and kills the helper processes.
    """

    def __init__(self, io_threads: int = 4, image_threads: int = 4, helper_threads: int = 2,
                 parent: QObject | None = None, helper: Helper | None = None) -> None:
        """``helper``: helper processes started earlier (Reader starts them before Qt)."""
        super().__init__(parent)
        self.helper = helper or Helper()
        self.helper.start()
        self.lanes: dict[LaneName, Lane] = {
            "io": Lane("io", io_threads),
            "images": Lane("images", image_threads),
            "helper": Lane("helper", helper_threads),
        }
        self._tasks: set[Task[Any]] = set()
        self._inbox: queue.SimpleQueue[tuple[Task[Any], Outcome[Any] | None]] = (
            queue.SimpleQueue())
        self._wake_r, self._wake_w = socket.socketpair()
        self._wake_r.setblocking(False)
        self._wake_w.setblocking(False)
        self._notifier = QSocketNotifier(self._wake_r.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self.on_woken)
        self._closed = False

    @property
    def pending(self) -> int:
        """Tasks submitted whose outcome has not been handed over yet."""
        return len(self._tasks)

    def submit(self, lane: LaneName, work: Callable[[Token], T],
               on_done: Callable[[Outcome[T]], None] | None = None,
               on_progress: Callable[[int, int], None] | None = None) -> Task[T]:
        """Run ``work(token)`` on ``lane``; ``on_done(outcome)`` runs later on this thread.

        ``on_done`` is called once for every task, cancelled ones included, until shutdown.
        """
        token = Token(self.helper, self._post_progress)
        task = Task(work, token, on_done, on_progress)
        token._task = task
        if self._closed:
            task.cancel()
        self._tasks.add(task)
        self.lanes[lane].put(lambda: self._run(task))
        return task

    def cancel_all(self) -> None:
        """Cancel every task (their outcomes still arrive, marked cancelled)."""
        for task in list(self._tasks):
            task.cancel()

    def shutdown(self) -> None:
        """Cancel everything, kill the helper processes and stop the lanes (does not wait)."""
        if self._closed:
            return
        self._closed = True
        self.cancel_all()
        self.helper.kill_all()
        for lane in self.lanes.values():
            lane.close()
        self._notifier.setEnabled(False)
        self._wake_w.close()
        self._wake_r.close()
        self._tasks.clear()

    # Worker threads --------------------------------------------------------------------------

    def _run(self, task: Task[Any]) -> None:
        token = task.token
        outcome: Outcome[Any]
        if token.cancelled():
            outcome = Outcome(cancelled=True)
        else:
            try:
                outcome = Outcome(value=task.work(token))
            except LoadCancelledError:
                outcome = Outcome(cancelled=True)
            except Exception as err:  # every failure goes back to the GUI thread
                if not isinstance(err, ReaderError) and not token.cancelled():
                    log.error("background work failed", exc_info=err)
                outcome = Outcome(error=err)
            if token.cancelled():
                outcome = Outcome(cancelled=True)
        self._inbox.put((task, outcome))
        self._wake()

    def _post_progress(self, task: Task[Any]) -> None:
        self._inbox.put((task, None))
        self._wake()

    def _wake(self) -> None:
        with contextlib.suppress(OSError):  # full (a wake is pending) or closed (quitting)
            self._wake_w.send(b"\0")

    # GUI thread ------------------------------------------------------------------------------

    @Slot()
    def on_woken(self) -> None:
        with contextlib.suppress(OSError):
            while self._wake_r.recv(4096):
                pass
        deadline = time.perf_counter() + DELIVERY_BUDGET
        while time.perf_counter() < deadline:
            try:
                task, outcome = self._inbox.get_nowait()
            except queue.Empty:
                return
            self._deliver(task, outcome)
        self._wake()  # more to hand over: on the next turn

    def _deliver(self, task: Task[Any], outcome: Outcome[Any] | None) -> None:
        if self._closed or task.done:
            return
        if outcome is None:
            latest = task.token.take_progress()
            if latest is not None and task.on_progress is not None:
                task.on_progress(*latest)
            return
        task.done = True
        self._tasks.discard(task)
        if task.on_done is not None:
            task.on_done(outcome)
