"""Fact finding off the GUI thread: one QRunnable per article on a thread pool.

Each request carries a generation number; only the newest request's result is reported, so a
newer article discards the facts of an older one even if those arrive later.
"""

from __future__ import annotations

import gc
import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from reader_app.core.facts.model import Facts

log = logging.getLogger(__name__)

_frozen = False

Finder = Callable[[str], Facts]


def default_finder(text: str) -> Facts:
    """The core's fact engine."""
    from reader_app.core.facts import find_facts

    return find_facts(text)


class _Signals(QObject):
    """Lives in the GUI thread, so the worker's emissions are queued there."""

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
        finder: Finder = default_finder,
        pool: QThreadPool | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.finder = finder
        self.pool = pool or QThreadPool.globalInstance()
        self.generation = 0
        self._signals = _Signals(self)
        self._signals.done.connect(self.on_job_done)

    def request(self, text: str) -> int:
        """Find the facts of ``text``; any earlier request's result will be dropped."""
        self.generation += 1
        self.pool.start(_Job(self.generation, text, self.finder, self._signals))
        return self.generation

    def discard(self) -> None:
        """Drop the result of any running request."""
        self.generation += 1

    @Slot(int, object)
    def on_job_done(self, generation: int, result: object) -> None:
        global _frozen
        if not _frozen:
            # The engine's lexicons are loaded now. Moving everything alive out of the
            # collector's reach keeps later searches from walking them in collections that
            # hold the interpreter lock for milliseconds and so stall the window.
            gc.freeze()
            _frozen = True
        if generation == self.generation:
            if isinstance(result, Facts):
                self.found.emit(result)
            else:
                self.failed.emit(str(result))
        self.settled.emit(generation)
