"""Loading off the GUI thread: a QRunnable per load on the global QThreadPool.

The core is synchronous; a worker calls it with a ``progress`` hook (reported back as a
signal) and a ``cancelled`` hook (a flag the GUI sets). Each load carries a generation number;
the :class:`Loader` drops results of any load but the newest, so a newer load supersedes an
older one even when the older one cannot stop at once.
"""

from __future__ import annotations

import logging
import multiprocessing
import threading
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from .helper_process import Engine

log = logging.getLogger(__name__)

ProgressHook = Callable[..., None]
CancelledHook = Callable[[], bool]
#: A job runs on a worker thread and returns the article (or raises ReaderError).
Job = Callable[[ProgressHook, CancelledHook], Any]

#: Pages at least this large are extracted in a helper process (see ExtractionProcess).
PROCESS_EXTRACT_BYTES = 1024 * 1024


@dataclass(frozen=True)
class LoadRequest:
    """What is being loaded: a source (path or URL) or dropped HTML, and how to name it.

    ``delta`` says where the article goes in the history: None for a new entry, 0 to replace
    the current one (reload), -1/+1 for going back/forward to an entry read again.
    """

    label: str
    source: str | None = None
    html: str | None = None
    base_url: str | None = None
    delta: int | None = None


class _WorkerSignals(QObject):
    """Signals of one worker; lives in the GUI thread so its emissions are queued there."""

    progressed = Signal(int, int, int)  # generation, received bytes, total bytes (-1 unknown)
    finished = Signal(int, object)  # generation, result
    failed = Signal(int, object)  # generation, exception


class _Worker(QRunnable):
    def __init__(self, generation: int, job: Job, cancel: threading.Event) -> None:
        super().__init__()
        self.generation = generation
        self.job = job
        self.cancel = cancel
        self.signals = _WorkerSignals()

    def run(self) -> None:
        try:
            result = self.job(self._progress, self.cancel.is_set)
        except Exception as err:  # every failure goes back to the window as a message
            if not isinstance(err, _reader_error()):
                log.exception("load failed unexpectedly")
            self.signals.failed.emit(self.generation, err)
        else:
            self.signals.finished.emit(self.generation, result)

    def _progress(self, received: int, total: int | None = None, *_: Any) -> None:
        self.signals.progressed.emit(self.generation, int(received), -1 if total is None
                                     else int(total))


def _reader_error() -> type[Exception]:
    from reader_app.core.errors import ReaderError

    return ReaderError


class ExtractionProcess:
    """A helper process that extracts the articles of large pages.

    Extracting a page of several megabytes spends long stretches inside lxml's C code, which
    keeps Python's global lock; run in a thread of the window's process, that would stall the
    window for a tenth of a second at a time. A separate process cannot. It is started on first
    use (small pages never need it) and reused.
    """

    def __init__(self) -> None:
        self._executor: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()

    def extract(self, raw: Any, options: Any, cancelled: CancelledHook) -> Any:
        """The article of ``raw``; raises LoadCancelledError when ``cancelled()`` turns true."""
        from reader_app.core.errors import ExtractionError, LoadCancelledError

        portable = replace(raw, resources=dict(raw.resources))
        try:
            future = self._pool().submit(_extract_portable, portable, options)
            while True:
                try:
                    return future.result(timeout=0.05)
                except TimeoutError:
                    if cancelled():
                        future.cancel()
                        raise LoadCancelledError("Loading was cancelled.") from None
        except BrokenProcessPool:
            self.shutdown()
            raise ExtractionError("Reading this page stopped unexpectedly.") from None

    def shutdown(self) -> None:
        """Stop the helper process (it is started again when needed)."""
        with self._lock:
            executor, self._executor = self._executor, None
        if executor is not None:
            executor.shutdown(wait=False, cancel_futures=True)

    def _pool(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._executor is None:
                self._executor = ProcessPoolExecutor(
                    max_workers=1, mp_context=multiprocessing.get_context("spawn"))
            return self._executor


def _extract_portable(raw: Any, options: Any) -> Any:
    """Runs in the helper process: the article of ``raw``, in a form that pickles."""
    from reader_app.core import extract_page

    article = extract_page(raw, options)
    return replace(article, resources=dict(article.resources))


def source_job(source: str, load_options: Any = None, extract_options: Any = None,
               process: ExtractionProcess | None = None) -> Job:
    """A job reading the article of a path or URL with the core.

    ``load_options`` may be a callable returning them, called on the worker thread only when
    the page is loaded there (building them imports the loading stage). Pages of
    :data:`PROCESS_EXTRACT_BYTES` or more are extracted in ``process`` when given.
    """

    def job(progress: ProgressHook, cancelled: CancelledHook) -> Any:
        article = _read_ahead(source, cancelled) if extract_options is None else None
        if article is None:
            from reader_app.core import extract_page, load

            options = load_options() if callable(load_options) else load_options
            raw = load(source, options, progress=progress, cancelled=cancelled)
            if process is not None and len(raw.data) >= PROCESS_EXTRACT_BYTES:
                article = process.extract(raw, extract_options, cancelled)
            else:
                article = extract_page(raw, extract_options)
        Engine.facts_ahead(article.text)
        return article

    return job


def _read_ahead(source: str, cancelled: CancelledHook) -> Any:
    """The article the helper process read ahead for ``source``; None if it did not."""
    future = Engine.take_read(source)
    while future is not None:
        try:
            return future.result(timeout=0.05)
        except TimeoutError:
            if cancelled():
                from reader_app.core.errors import LoadCancelledError

                raise LoadCancelledError("Loading was cancelled.") from None
        except Exception:  # read again here: the failure is reported the usual way
            return None
    return None


def html_job(html: str, base_url: str | None = None, extract_options: Any = None) -> Job:
    """A job extracting the article of an HTML fragment (e.g. dropped from a browser)."""

    def job(progress: ProgressHook, cancelled: CancelledHook) -> Any:
        from reader_app.core import RawPage, extract_page

        data = html.encode("utf-8")
        progress(len(data), len(data))
        raw = RawPage(data=data, url=base_url, charset="utf-8", content_type="text/html")
        return extract_page(raw, extract_options)

    return job


class Loader(QObject):
    """Runs one load at a time as far as the window can tell: the newest wins.

    Signals:
        started(object): a load began (its :class:`LoadRequest`).
        progressed(int, int): bytes received and total (-1 when unknown) of the current load.
        loaded(object, object): the current load produced an article (request, article).
        failed(object, object): the current load failed (request, exception).
        cancelled(object): the current load was cancelled by the user (request).
        settled(): the load ended and none is running (after loaded, failed or cancelled).
        dropped(int): a superseded or cancelled load ended; its result was dropped (generation).
    """

    started = Signal(object)
    progressed = Signal(int, int)
    loaded = Signal(object, object)
    failed = Signal(object, object)
    cancelled = Signal(object)
    settled = Signal()
    dropped = Signal(int)

    def __init__(self, pool: QThreadPool | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = pool or QThreadPool.globalInstance()
        self.generation = 0
        self._request: LoadRequest | None = None
        self._cancel: threading.Event | None = None
        self._signals: dict[int, _WorkerSignals] = {}
        self.process = ExtractionProcess()
        self._retired: list[_WorkerSignals] = []

    @property
    def busy(self) -> bool:
        """True while a load the window waits for is running."""
        return self._request is not None

    @property
    def request(self) -> LoadRequest | None:
        """The request being loaded, if any."""
        return self._request

    def start(self, request: LoadRequest, job: Job) -> int:
        """Start ``job``; any running load is cancelled and its result will be dropped."""
        if self._cancel is not None:
            self._cancel.set()
        self.generation += 1
        self._request = request
        self._cancel = threading.Event()
        self._retired.clear()
        worker = _Worker(self.generation, job, self._cancel)
        worker.signals.progressed.connect(self.on_worker_progressed)
        worker.signals.finished.connect(self.on_worker_finished)
        worker.signals.failed.connect(self.on_worker_failed)
        self._signals[self.generation] = worker.signals
        self.started.emit(request)
        self.pool.start(worker)
        return self.generation

    def cancel(self) -> bool:
        """Cancel the current load (its result is dropped); True if there was one."""
        request = self._request
        if request is None or self._cancel is None:
            return False
        self._cancel.set()
        self._request = None
        self._cancel = None
        self.generation += 1
        self.cancelled.emit(request)
        self.settled.emit()
        return True

    @Slot(int, int, int)
    def on_worker_progressed(self, generation: int, received: int, total: int) -> None:
        if generation == self.generation:
            self.progressed.emit(received, total)

    @Slot(int, object)
    def on_worker_finished(self, generation: int, article: Any) -> None:
        self._retire(generation)
        if generation != self.generation or self._request is None:
            self.dropped.emit(generation)
            return
        request, self._request, self._cancel = self._request, None, None
        self.loaded.emit(request, article)
        self.settled.emit()

    @Slot(int, object)
    def on_worker_failed(self, generation: int, error: Exception) -> None:
        self._retire(generation)
        if generation != self.generation or self._request is None:
            self.dropped.emit(generation)
            return
        request, self._request, self._cancel = self._request, None, None
        self.failed.emit(request, error)
        self.settled.emit()

    def _retire(self, generation: int) -> None:
        # Kept alive until the next start: the signal being delivered comes from this object.
        signals = self._signals.pop(generation, None)
        if signals is not None:
            self._retired.append(signals)
