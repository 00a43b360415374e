"""Helper processes: long jobs (extraction, facts) run outside Reader's own process.

Helpers are forked from a fork server that has the core loaded and warmed, so one starts in a
few milliseconds. A helper runs one job at a time; when a job is cancelled (or superseded) its
helper is killed at once, and when it ends normally the helper waits, warm, for the next one
(at most :data:`IDLE` wait). All are killed when Reader quits, and they die when Reader dies:
the fork server and every helper ask the kernel for SIGKILL when their parent ends
(``PR_SET_PDEATHSIG`` on Linux), and a helper also exits when its lifeline pipe to Reader
reaches end-of-file. Where no fork server can run (a frozen bundle), jobs run on the calling
thread.

This module imports no Qt: the fork server and the helpers import it.
"""

from __future__ import annotations

import contextlib
import ctypes
import logging
import multiprocessing
import os
import select
import signal
import sys
import threading
from collections.abc import Callable
from multiprocessing.connection import Connection
from multiprocessing.context import ForkServerContext
from typing import Any, TypeVar

from reader_app.core.errors import ExtractionError, LoadCancelledError, ReaderError

from . import fork_server

log = logging.getLogger(__name__)

T = TypeVar("T")

#: Helpers kept waiting, warm, for the next job.
IDLE = 2
#: A helper's address space is capped (bytes): a runaway job gets MemoryError, not the machine.
MEMORY_LIMIT = 4 * 1024**3
#: How often a waiting thread looks at its cancel flag, in seconds.
POLL = 0.05
_PR_SET_PDEATHSIG = 1


def die_with_parent() -> None:
    """Ask the kernel to SIGKILL this process when the thread that started it ends (Linux)."""
    if not sys.platform.startswith("linux"):
        return
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)


class HelperCrashed(ExtractionError):
    """The helper process ended without an answer (killed by the system, or crashed)."""


class _Process:
    """A helper process, the pipe its jobs go through, and Reader's end of its lifeline."""

    def __init__(self, context: ForkServerContext) -> None:
        self.jobs, their_jobs = context.Pipe(duplex=True)
        their_lifeline, self.lifeline = context.Pipe(duplex=False)  # read end, write end
        self.process = context.Process(target=_helper_main, args=(their_jobs, their_lifeline),
                                       daemon=True, name="reader-helper")
        try:
            self.process.start()
        finally:
            their_jobs.close()
            their_lifeline.close()

    def stop(self) -> None:
        """Send SIGKILL (the thread waiting on the helper cleans up)."""
        with contextlib.suppress(OSError, ValueError, AttributeError):
            if self.process.is_alive():
                self.process.kill()

    def kill(self) -> None:
        """SIGKILL, collect the process and close the pipes."""
        self.stop()
        with contextlib.suppress(OSError, ValueError, AttributeError):
            self.process.join(1)
        self.jobs.close()
        self.lifeline.close()


class Helper:
    """Runs jobs in helper processes (see the module notes); thread-safe.

    ``usable`` is False where no fork server can run; jobs then run on the calling thread.
    """

    def __init__(self, first_page: str | None = None) -> None:
        """``first_page``: a saved page the window will open first; the fork server reads and
        extracts it while it warms up (only where this starts the fork server)."""
        self._first_page = first_page
        self._lock = threading.Lock()
        self._busy: set[_Process] = set()
        self._idle: list[_Process] = []
        self._closed = False
        self.usable = fork_server.can_run()
        self._context: ForkServerContext | None = None
        self._started = False
        if self.usable:
            self._context = multiprocessing.get_context("forkserver")
            self._context.set_forkserver_preload(list(fork_server.PRELOAD))

    def start(self) -> None:
        """Start the fork server now, from this thread (its life is tied to this thread's);
        it warms up while Reader goes on. Starting again does nothing."""
        if not self.usable or self._started:
            return
        self._started = True
        try:
            fork_server.start(self._first_page)
        except (OSError, ValueError) as err:
            log.warning("no helper processes (%s); long work runs on threads", err)
            self.usable = False

    def run(self, job: Callable[..., T], args: tuple[Any, ...],
            cancelled: Callable[[], bool]) -> T:
        """``job(*args)`` in a helper process; its ReaderError is raised here.

        The helper is killed as soon as ``cancelled()`` turns true (LoadCancelledError).
        ``job`` must be a module-level function; ``args`` and the result must pickle.
        """
        if cancelled() or self._closed:
            raise LoadCancelledError("Loading was cancelled.")
        if not self.usable:
            return job(*args)
        helper = self._take()
        try:
            try:
                helper.jobs.send((job, args))
            except OSError as err:  # killed meanwhile (cancelled, or Reader quits)
                raise self._lost(cancelled) from err
            ok, value = self._wait(helper, cancelled)
        except BaseException:
            self._retire(helper)
            raise
        self._give_back(helper)
        if ok:
            return value  # type: ignore[no-any-return]
        raise value

    def kill_all(self) -> None:
        """Kill every helper process and refuse new jobs (Reader is quitting)."""
        with self._lock:
            self._closed = True
            busy, idle = list(self._busy), list(self._idle)
            self._idle.clear()
        for helper in busy:
            helper.stop()
        for helper in idle:
            helper.kill()

    @property
    def live(self) -> int:
        """How many helper processes are running jobs."""
        with self._lock:
            return len(self._busy)

    def _take(self) -> _Process:
        """A waiting helper that is still alive, or a new one."""
        with self._lock:
            if self._closed:
                raise LoadCancelledError("Loading was cancelled.")
            while self._idle:
                helper = self._idle.pop()
                if helper.process.is_alive():
                    self._busy.add(helper)
                    return helper
                helper.kill()
        assert self._context is not None  # run() takes helpers only where they are usable
        try:
            helper = _Process(self._context)
        except OSError as err:
            raise HelperCrashed("Reading this page stopped unexpectedly.") from err
        with self._lock:
            self._busy.add(helper)
            closed = self._closed
        if closed:
            self._retire(helper)
            raise LoadCancelledError("Loading was cancelled.")
        return helper

    def _give_back(self, helper: _Process) -> None:
        with self._lock:
            self._busy.discard(helper)
            keep = not self._closed and len(self._idle) < IDLE
            if keep:
                self._idle.append(helper)
        if not keep:
            helper.kill()

    def _retire(self, helper: _Process) -> None:
        with self._lock:
            self._busy.discard(helper)
        helper.kill()

    def _lost(self, cancelled: Callable[[], bool]) -> ReaderError:
        if cancelled() or self._closed:
            return LoadCancelledError("Loading was cancelled.")
        return HelperCrashed("Reading this page stopped unexpectedly.")

    def _wait(self, helper: _Process, cancelled: Callable[[], bool]) -> tuple[bool, Any]:
        while True:
            if cancelled() or self._closed:
                raise LoadCancelledError("Loading was cancelled.")
            if helper.jobs.poll(POLL):
                try:
                    answer: tuple[bool, Any] = helper.jobs.recv()
                except (EOFError, OSError):
                    raise self._lost(cancelled) from None
                return answer


def _helper_main(jobs: Connection, lifeline: Connection) -> None:
    """A helper's life: jobs, one at a time, until Reader closes the pipe or goes away."""
    die_with_parent()
    with contextlib.suppress(ImportError, ValueError, OSError):
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    threading.Thread(target=_exit_on_eof, args=(lifeline.fileno(),), daemon=True).start()
    while True:
        try:
            job, args = jobs.recv()
        except (EOFError, OSError):
            return
        jobs.send(_answer(job, args))


def _answer(job: Callable[..., Any], args: tuple[Any, ...]) -> tuple[bool, Any]:
    """``(True, result)`` or ``(False, a ReaderError)``: nothing else leaves a helper."""
    try:
        return True, job(*args)
    except ReaderError as err:
        return False, err
    except RecursionError:
        return False, ExtractionError("This page is nested too deeply for Reader.")
    except MemoryError:
        return False, ExtractionError("This page needs more memory than Reader may use.")
    except Exception as err:  # a bug: reported in one line, the traceback on stderr
        log.exception("helper job failed")
        return False, ExtractionError(f"Reader could not read this page ({type(err).__name__}).")


def _exit_on_eof(fd: int) -> None:
    """Reader never writes to the lifeline: it becomes readable only at its end."""
    select.select([fd], [], [])
    os._exit(1)
