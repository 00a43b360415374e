"""Helper processes: each long job (extraction, facts) runs in a process of its own.

The processes are forked from a fork server that has the core loaded, so one starts in a few
milliseconds. A job's process is killed when the job is cancelled (or superseded), when Reader
quits, and when Reader dies: the fork server and every helper ask the kernel for SIGKILL when
their parent ends (``PR_SET_PDEATHSIG`` on Linux), and a helper also exits when its pipe to
Reader reaches end-of-file. Where no fork server can run (a frozen bundle), jobs run on the
calling thread.

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
from typing import Any, TypeVar

from reader_app.core.errors import ExtractionError, LoadCancelledError, ReaderError

log = logging.getLogger(__name__)

T = TypeVar("T")

#: Modules the fork server imports before it forks helpers (the first ties it to Reader).
PRELOAD = ("reader_app.ui.executor.preload",)
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


class Helper:
    """Runs jobs in helper processes (see the module notes); thread-safe.

    ``usable`` is False where no fork server can run; jobs then run on the calling thread.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._live: set[Any] = set()
        self._closed = False
        self.usable = not getattr(sys, "frozen", False) and (
            "forkserver" in multiprocessing.get_all_start_methods()
        )
        self._context: Any = None
        if self.usable:
            self._context = multiprocessing.get_context("forkserver")
            self._context.set_forkserver_preload(list(PRELOAD))

    def start(self) -> None:
        """Start the fork server now, from this thread (its life is tied to this thread's)."""
        if not self.usable:
            return
        try:
            from multiprocessing import forkserver

            forkserver.ensure_running()
        except (OSError, ValueError) as err:
            log.warning("no helper processes (%s); long work runs on threads", err)
            self.usable = False

    def run(self, job: Callable[..., T], args: tuple[Any, ...],
            cancelled: Callable[[], bool]) -> T:
        """``job(*args)`` in a helper process; its ReaderError is raised here.

        The process is killed as soon as ``cancelled()`` turns true (LoadCancelledError).
        ``job`` must be a module-level function; ``args`` and the result must pickle.
        """
        if cancelled() or self._closed:
            raise LoadCancelledError("Loading was cancelled.")
        if not self.usable:
            return job(*args)
        ours, theirs = self._context.Pipe(duplex=True)
        process = self._context.Process(target=_helper_main, args=(theirs,), daemon=True,
                                        name="reader-helper")
        try:
            with self._lock:
                if self._closed:
                    raise LoadCancelledError("Loading was cancelled.")
                self._live.add(process)
            try:
                process.start()
                theirs.close()
                ours.send((job, args))
            except OSError as err:  # killed meanwhile (cancelled, or Reader quits)
                if cancelled() or self._closed:
                    raise LoadCancelledError("Loading was cancelled.") from None
                raise HelperCrashed("Reading this page stopped unexpectedly.") from err
            return self._wait(process, ours, cancelled)  # type: ignore[no-any-return]
        finally:
            with self._lock:
                self._live.discard(process)
            _kill(process)
            ours.close()

    def kill_all(self) -> None:
        """Kill every helper process and refuse new jobs (Reader is quitting)."""
        with self._lock:
            self._closed = True
            live = list(self._live)
        for process in live:
            _kill(process, wait=False)

    @property
    def live(self) -> int:
        """How many helper processes are running jobs."""
        with self._lock:
            return len(self._live)

    def _wait(self, process: Any, ours: Connection, cancelled: Callable[[], bool]) -> Any:
        while True:
            if cancelled() or self._closed:
                raise LoadCancelledError("Loading was cancelled.")
            if ours.poll(POLL):
                try:
                    ok, value = ours.recv()
                except (EOFError, OSError):
                    raise HelperCrashed("Reading this page stopped unexpectedly.") from None
                if ok:
                    return value
                raise value


def _kill(process: Any, wait: bool = True) -> None:
    with contextlib.suppress(OSError, ValueError, AttributeError):
        if process.is_alive():
            process.kill()
        if wait:
            process.join(1)


def _helper_main(connection: Connection) -> None:
    """The helper's life: one job, its answer, exit. Exits at once if Reader goes away."""
    die_with_parent()
    with contextlib.suppress(ImportError, ValueError, OSError):
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    job, args = connection.recv()
    threading.Thread(target=_exit_on_eof, args=(connection.fileno(),), daemon=True).start()
    try:
        answer: tuple[bool, Any] = (True, job(*args))
    except ReaderError as err:
        answer = (False, err)
    except RecursionError:
        answer = (False, ExtractionError("This page is nested too deeply for Reader."))
    except MemoryError:
        answer = (False, ExtractionError("This page needs more memory than Reader may use."))
    except Exception as err:  # a bug: reported in one line, the traceback on stderr
        log.exception("helper job failed")
        message = f"Reader could not read this page ({type(err).__name__})."
        answer = (False, ExtractionError(message))
    connection.send(answer)


def _exit_on_eof(fd: int) -> None:
    """Reader sends nothing after the job: the pipe becomes readable only at its end."""
    select.select([fd], [], [])
    os._exit(1)
