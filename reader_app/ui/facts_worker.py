"""Fact finding off the GUI thread: in the helper process, or on a thread pool.

The engine runs in the window's helper process (see ``helper_process``) where that is
possible, and on a QThreadPool otherwise (a frozen bundle, or a custom finder).

Each request carries a generation number; only the newest request's result is reported, so a
newer article discards the facts of an older one even if those arrive later.
"""

from __future__ import annotations

import gc
import logging
from collections.abc import Callable
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from contextlib import suppress

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from reader_app.core.facts.model import Facts

from .helper_process import Engine, find_facts_job

log = logging.getLogger(__name__)

Finder = Callable[[str], Facts]
#: Whether the collector was told to leave alone what the finished start-up made.
_gc_frozen = False


def default_finder(text: str) -> Facts:
    """The core's fact engine."""
    from reader_app.core.facts import find_facts

    return find_facts(text)


class _Signals(QObject):
    """Lives in the GUI thread, so emissions from other threads are queued there."""

    done = Signal(int, object)  # generation, Facts or exception


class _Job(QRunnable):
    def __init__(self, generation: int, text: str, finder: Finder, signals: _Signals) -> None:
        super().__init__()
        self.generation = generation
        self.text = text
        self.finder = finder
        self.signals = signals

    def run(self) -> None:
        try:
            result: object = self.finder(self.text)
        except Exception as err:  # a failing engine must not take the window down
            log.exception("finding facts failed")
            result = err
        self.signals.done.emit(self.generation, result)


class FactsWorker(QObject):
    """Finds the facts of one text at a time; the newest request wins.

    Without a ``finder`` the core's engine runs in the helper process (see the module notes);
    a given ``finder`` runs on ``pool``.

    Signals:
        found(Facts): the facts of the newest requested text are ready.
        failed(str): finding the facts of the newest requested text failed (a message).
        settled(int): a request finished, reported or dropped (its generation).
    """

    found = Signal(object)
    failed = Signal(str)
    settled = Signal(int)

    def __init__(
        self,
        finder: Finder | None = None,
        pool: QThreadPool | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.finder = finder or default_finder
        self.pool = pool or QThreadPool.globalInstance()
        self.generation = 0
        self._in_process = finder is None
        self._signals = _Signals(self)
        self._signals.done.connect(self.on_job_done)
        if self._in_process:
            Engine.warm()

    def request(self, text: str) -> int:
        """Find the facts of ``text``; any earlier request's result will be dropped."""
        self.generation += 1
        generation = self.generation
        future = None
        if self._in_process:
            future = Engine.take_facts(text) or Engine.submit(find_facts_job, text)
        if future is not None:
            future.add_done_callback(lambda f: self._on_process_done(generation, text, f))
            return generation
        self.pool.start(_Job(generation, text, self.finder, self._signals))
        return generation

    def _on_process_done(self, generation: int, text: str, future: Future[Facts]) -> None:
        """Runs on the executor's thread: hand the outcome to the GUI thread."""
        try:
            result: object = future.result()
        except BrokenProcessPool:
            if Engine.usable:
                Engine.broken()
            self.pool.start(_Job(generation, text, self.finder, self._signals))
            return
        except Exception as err:  # the engine failed on this text
            log.error("finding facts failed: %s", err)
            result = err
        with suppress(RuntimeError):  # the worker may be gone; then nobody waits any more
            self._signals.done.emit(generation, result)

    def discard(self) -> None:
        """Drop the result of any running request."""
        self.generation += 1

    @Slot(int, object)
    def on_job_done(self, generation: int, result: object) -> None:
        global _gc_frozen
        if not _gc_frozen:
            # The window is built and the first facts are in (with the engine's lexicons, when
            # it runs here). Moving everything alive now out of the collector's reach keeps
            # full collections short: walking it all stalls the window for tens of ms.
            gc.freeze()
            _gc_frozen = True
        if generation == self.generation:
            if isinstance(result, Facts):
                self.found.emit(result)
            else:
                self.failed.emit(str(result))
        self.settled.emit(generation)
