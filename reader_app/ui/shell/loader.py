"""Loading articles through the executor: one load at a time as far as the window can tell.

A load reads the page on the executor's ``io`` lane and extracts its article in a helper
process. A newer load cancels the older one (its helper process is killed), and each load
carries a generation number so that an older result can never reach the window.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from reader_app.core.load_options import LoadOptions
from reader_app.core.model import RawPage
from reader_app.core.source import Source

if TYPE_CHECKING:  # the extraction stage is imported on the worker thread, when first needed
    from reader_app.core.extraction import ExtractOptions

from ..executor.jobs import extract_job, portable
from ..executor.service import Executor, Outcome, Task, Token

#: A job runs on a worker thread and returns the article (or raises ReaderError).
Job = Callable[[Token], Any]
#: Load options, or a callable building them on the worker thread; None for the defaults.
LoadOptionsSource = LoadOptions | Callable[[], LoadOptions] | None


@dataclass(frozen=True)
class LoadRequest:
    """What is being loaded: a source (file or web page) or dropped HTML, and how to name it.

    ``delta`` says where the article goes in the history: None for a new entry, 0 to replace
    the current one (reload), -1/+1 for going back/forward to an entry read again.
    """

    label: str
    source: Source | None = None
    html: str | None = None
    base_url: str | None = None
    delta: int | None = None


def source_job(source: Source, load_options: LoadOptionsSource = None,
               extract_options: ExtractOptions | None = None) -> Job:
    """A job reading the article of ``source``.

    ``load_options`` may be a callable returning them, called on the worker thread (building
    them imports the loading stage).
    """

    def job(token: Token) -> Any:
        from reader_app.core.loading import load

        options = load_options() if callable(load_options) else load_options
        raw = load(source, options, progress=token.progress, cancelled=token.cancelled)
        return token.in_helper(extract_job, portable(raw), extract_options)

    return job


def refused_job(error: Exception) -> Job:
    """A job failing with ``error`` (what the reader gave names no page), so that the failure
    reaches the window as every load's does."""

    def job(_token: Token) -> Any:
        raise error

    return job


def html_job(html: str, base_url: str | None = None,
             extract_options: ExtractOptions | None = None) -> Job:
    """A job extracting the article of an HTML fragment (e.g. dropped from a browser)."""

    def job(token: Token) -> Any:
        data = html.encode("utf-8")
        token.progress(len(data), len(data))
        raw = RawPage(data=data, url=base_url, charset="utf-8", content_type="text/html")
        return token.in_helper(extract_job, portable(raw), extract_options)

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

    def __init__(self, executor: Executor, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.executor = executor
        self.generation = 0
        self._request: LoadRequest | None = None
        self._task: Task[Any] | None = None

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
        if self._task is not None:
            self._task.cancel()
        self.generation += 1
        generation = self.generation
        self._request = request
        self._task = self.executor.submit(
            "io", job,
            on_done=lambda outcome: self.on_load_done(generation, outcome),
            on_progress=lambda received, total: self.on_load_progressed(generation, received,
                                                                        total))
        self.started.emit(request)
        return generation

    def cancel(self) -> bool:
        """Cancel the current load (its result is dropped); True if there was one."""
        request, task = self._request, self._task
        if request is None or task is None:
            return False
        task.cancel()
        self._request = None
        self._task = None
        self.generation += 1
        self.cancelled.emit(request)
        self.settled.emit()
        return True

    def on_load_progressed(self, generation: int, received: int, total: int) -> None:
        if generation == self.generation:
            self.progressed.emit(received, total)

    def on_load_done(self, generation: int, outcome: Outcome[Any]) -> None:
        if generation != self.generation or self._request is None or outcome.cancelled:
            self.dropped.emit(generation)
            return
        request, self._request, self._task = self._request, None, None
        if outcome.error is not None:
            self.failed.emit(request, outcome.error)
        else:
            self.loaded.emit(request, outcome.value)
        self.settled.emit()
