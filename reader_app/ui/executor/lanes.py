"""Lanes: small pools of daemon threads, one per kind of work, so no kind starves another.

A lane's threads never touch Qt; they run plain Python callables. Being daemons, a thread still
blocked when Reader quits does not keep the process alive.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable


class Lane:
    """Runs callables on at most ``threads`` threads, first come first served."""

    def __init__(self, name: str, threads: int) -> None:
        self.name = name
        self.size = threads
        self._queue: queue.SimpleQueue[Callable[[], None] | None] = queue.SimpleQueue()
        self._threads: list[threading.Thread] = []
        self._lock = threading.Lock()
        self._busy = 0
        self._closed = False

    def put(self, work: Callable[[], None]) -> None:
        """Run ``work`` on one of the lane's threads (started as needed)."""
        with self._lock:
            if self._closed:
                return
            waiting = self._busy + self._queue.qsize()
            if waiting >= len(self._threads) and len(self._threads) < self.size:
                thread = threading.Thread(target=self._serve, daemon=True,
                                          name=f"reader-{self.name}-{len(self._threads)}")
                self._threads.append(thread)
                thread.start()
        self._queue.put(work)

    def close(self) -> None:
        """Stop taking work; idle threads end (busy ones end after their work)."""
        with self._lock:
            self._closed = True
            count = len(self._threads)
        for _ in range(count):
            self._queue.put(None)

    def _serve(self) -> None:
        while (work := self._queue.get()) is not None:
            with self._lock:
                self._busy += 1
            try:
                work()
            finally:
                with self._lock:
                    self._busy -= 1
