"""The window's helper processes: fact finding, and reading the first page ahead of the window.

The facts engine is pure Python; on a thread it would share the interpreter lock with the
window, and its long regular-expression scans would stall painting. It runs in one long-lived
helper process instead, started from a fork server (with the engine's modules loaded) where
that is possible. The page given on the command line is read in a second, short-lived process
while the window is still being built; the facts of every extracted article are asked for as
soon as the article exists, so they are usually found by the time the article is on screen.

This module imports no Qt: the helper process imports it to run its jobs.
"""

from __future__ import annotations

import logging
import multiprocessing
import sys
import threading
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import replace
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import urlsplit

log = logging.getLogger(__name__)

#: Articles whose facts are asked for ahead of the window and not yet claimed.
PENDING_FACTS = 2


def find_facts_job(text: str) -> Any:
    """Runs in the helper: the facts of ``text``."""
    from reader_app.core.facts import find_facts

    return find_facts(text)


def warm_facts_job() -> None:
    """Runs in the helper: load the engine's lexicons, so that the first article waits less."""
    from reader_app.core.facts.lexicon import lexicon

    lexicon()


def read_page_job(source: str) -> Any:
    """Runs in a reading process: the article of a local page, in a form that pickles."""
    from reader_app.core import extract_page, load

    article = extract_page(load(source))
    return replace(article, resources=dict(article.resources))


class Engine:
    """The helper process, shared by the whole application; ``None`` once broken."""

    executor: ClassVar[ProcessPoolExecutor | None] = None
    warmed: ClassVar[bool] = False
    usable: ClassVar[bool] = not getattr(sys, "frozen", False) and (
        "forkserver" in multiprocessing.get_all_start_methods()
    )
    _lock = threading.RLock()
    _reads: ClassVar[dict[str, Future[Any]]] = {}
    _facts: ClassVar[dict[str, Future[Any]]] = {}
    _handovers: ClassVar[list[threading.Thread]] = []

    @classmethod
    def get(cls) -> ProcessPoolExecutor | None:
        """The helper's executor, started on first use (from any thread)."""
        with cls._lock:
            if cls.executor is None and cls.usable:
                try:
                    context = multiprocessing.get_context("forkserver")
                    context.set_forkserver_preload(
                        ["reader_app.core.facts.entities", "reader_app.core.facts.numbers"]
                    )
                    cls.executor = ProcessPoolExecutor(max_workers=1, mp_context=context)
                except (OSError, ValueError, RuntimeError):
                    log.warning("no helper process for the facts engine; using a thread")
                    cls.usable = False
                    cls.executor = None
            return cls.executor

    @classmethod
    def broken(cls) -> None:
        """The helper stopped: work goes to threads from now on."""
        log.warning("the facts engine's helper process stopped; using a thread")
        with cls._lock:
            cls.usable = False
            cls.executor = None
            cls._reads.clear()
            cls._facts.clear()

    @classmethod
    def submit(cls, job: Any, *args: Any) -> Future[Any] | None:
        """Run ``job(*args)`` in the helper; None when there is no usable helper.

        Returns at once: starting the helper takes a while (a fresh interpreter loading the
        engine), so the job is handed over on a short-lived thread. A job the helper cannot
        take fails with BrokenProcessPool.
        """
        if not cls.usable:
            return None
        outcome: Future[Any] = Future()
        thread = threading.Thread(target=cls._hand_over, args=(outcome, job, args), daemon=True)
        with cls._lock:
            cls._handovers[:] = [t for t in cls._handovers if t.is_alive()] + [thread]
        thread.start()
        return outcome

    @classmethod
    def settle(cls) -> None:
        """Wait until every job handed over has reached the helper.

        Called before the application exits: a helper still starting would find it gone.
        """
        with cls._lock:
            handovers = list(cls._handovers)
        for thread in handovers:
            thread.join()

    @classmethod
    def _hand_over(cls, outcome: Future[Any], job: Any, args: tuple[Any, ...]) -> None:
        executor = cls.get()
        try:
            if executor is None:
                raise BrokenProcessPool("no helper process")
            running = executor.submit(job, *args)
        except (BrokenProcessPool, RuntimeError) as err:
            cls.broken()
            outcome.set_exception(BrokenProcessPool(str(err)))
            return
        running.add_done_callback(lambda done: _copy_outcome(done, outcome))

    @classmethod
    def warm(cls) -> None:
        """Start the helper and load the engine's lexicons (once)."""
        if not cls.warmed:
            cls.warmed = True
            cls.submit(warm_facts_job)

    @classmethod
    def read_ahead(cls, source: str) -> None:
        """Read the local page ``source`` (an absolute path) in a process of its own.

        It is forked from the fact engine's fork server (so it starts without a fresh
        interpreter and with the core already imported) and imports the extraction stages
        while the engine's helper loads its lexicons; it ends once the article is read, and
        the article's facts are asked for at once.
        """
        if not cls.usable:
            return
        outcome: Future[Any] = Future()
        outcome.add_done_callback(_after_read)
        thread = threading.Thread(target=cls._start_read, args=(source, outcome), daemon=True)
        with cls._lock:
            cls._reads[source] = outcome
            cls._handovers[:] = [t for t in cls._handovers if t.is_alive()] + [thread]
        thread.start()
        cls.warm()

    @classmethod
    def _start_read(cls, source: str, outcome: Future[Any]) -> None:
        """Start the reading process (forking waits for the fork server to be ready)."""
        try:
            if cls.get() is None:
                raise BrokenProcessPool("no helper process")
            reader = ProcessPoolExecutor(max_workers=1,
                                         mp_context=multiprocessing.get_context("forkserver"))
            running = reader.submit(read_page_job, source)
        except (OSError, RuntimeError, BrokenProcessPool) as err:
            outcome.set_exception(BrokenProcessPool(str(err)))
            return
        running.add_done_callback(lambda done: _copy_outcome(done, outcome))
        reader.shutdown(wait=False)

    @classmethod
    def take_read(cls, source: str) -> Future[Any] | None:
        """The read-ahead of ``source``, if one was started and not taken yet."""
        with cls._lock:
            return cls._reads.pop(source, None)

    @classmethod
    def facts_ahead(cls, text: str) -> None:
        """Start finding the facts of ``text`` for the window to take later."""
        with cls._lock:
            if text in cls._facts or not cls.usable:
                return
            future = cls.submit(find_facts_job, text)
            if future is None:
                return
            cls._facts[text] = future
            while len(cls._facts) > PENDING_FACTS:
                cls._facts.pop(next(iter(cls._facts)))

    @classmethod
    def take_facts(cls, text: str) -> Future[Any] | None:
        """The facts of ``text`` asked for ahead, if any and not taken yet."""
        with cls._lock:
            return cls._facts.pop(text, None)


def _copy_outcome(done: Future[Any], outcome: Future[Any]) -> None:
    error = done.exception()
    if error is not None:
        outcome.set_exception(error)
    else:
        outcome.set_result(done.result())


def _after_read(read: Future[Any]) -> None:
    """A page was read ahead: ask for its facts.

    Runs on the reading process's result thread, so the rest is left to a thread of its own.
    """

    def finish() -> None:
        if not read.cancelled() and read.exception() is None:
            Engine.facts_ahead(read.result().text)

    threading.Thread(target=finish, daemon=True).start()


def read_first_ahead(sources: Sequence[str]) -> None:
    """Start reading the first of ``sources`` in the helper, when it is a local file.

    The window takes the article when it opens the same file (by its absolute path).
    """
    text = sources[0].strip() if sources else ""
    if not text or urlsplit(text).scheme:
        return
    path = Path(text).expanduser().absolute()
    if path.is_file():
        Engine.read_ahead(str(path))
