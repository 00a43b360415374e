"""Fact finding through the executor: in a helper process, the newest request wins.

The engine is pure Python; on a thread it would share the interpreter lock with the window and
its long scans would stall painting, so it runs in a helper process, which a newer request
kills. A given ``finder`` (tests, benchmarks) runs on the executor's ``helper`` lane instead.
"""

from __future__ import annotations

import gc
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from reader_app.core.facts.model import Facts

from ..executor.jobs import find_facts_job
from ..executor.service import Executor, Outcome, Task, Token

log = logging.getLogger(__name__)

#: Finds the facts of a payload (an article or its text) on the calling thread.
Finder = Callable[[Any], Facts]
#: Whether the collector was told to leave alone what the finished start-up made.
_gc_frozen = False


def default_finder(payload: Any) -> Facts:
    """The core's fact engine, on the calling thread."""
    return find_facts_job(payload)  # type: ignore[no-any-return]


class FactsWorker(QObject):
    """Finds the facts of one payload at a time; the newest request wins.

    Signals:
        found(Facts): the facts of the newest requested payload are ready.
        failed(str): finding the facts of the newest request failed (a message).
        settled(int): a request finished, reported or dropped (its generation).
    """

    found = Signal(object)
    failed = Signal(str)
    settled = Signal(int)

    def __init__(self, executor: Executor, finder: Finder | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.executor = executor
        self.finder = finder or default_finder
        self.generation = 0
        self._in_helper = finder is None
        self._task: Task[Any] | None = None

    def request(self, payload: Any) -> int:
        """Find the facts of ``payload``; any earlier request is cancelled and dropped."""
        self.discard()
        generation = self.generation

        def work(token: Token) -> Any:
            if self._in_helper:
                return token.in_helper(find_facts_job, payload)
            return self.finder(payload)

        self._task = self.executor.submit(
            "helper", work, on_done=lambda outcome: self.on_job_done(generation, outcome))
        return generation

    def discard(self) -> None:
        """Cancel and drop the result of any running request."""
        if self._task is not None:
            self._task.cancel()
            self._task = None
        self.generation += 1

    def on_job_done(self, generation: int, outcome: Outcome[Any]) -> None:
        global _gc_frozen
        if not _gc_frozen:
            # The window is built and the first facts are in. Moving everything alive now out
            # of the collector's reach keeps full collections short: walking it all stalls
            # the window for tens of ms.
            gc.freeze()
            _gc_frozen = True
        if generation == self.generation and not outcome.cancelled:
            self._task = None
            if outcome.error is None and isinstance(outcome.value, Facts):
                self.found.emit(outcome.value)
            else:
                log.error("finding facts failed: %s", outcome.error)
                self.failed.emit(str(outcome.error or "no facts"))
        self.settled.emit(generation)
