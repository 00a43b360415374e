"""Helpers for the window tests: article pages on disk, a window, and an event-loop delay probe.

Test modules import the fixtures ``settings_file_fixture`` and ``window_fixture`` (used as
``settings_file`` and ``window``).
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import QStandardPaths, QTimer

from reader_app.ui.executor.service import Executor
from reader_app.ui.shell.settings import Settings
from reader_app.ui.shell.window import MainWindow

WORDS = (
    "river", "council", "budget", "harbour", "engineers", "winter", "bridge", "survey",
    "families", "schools", "rail", "tunnel", "museum", "archive", "weather", "storm",
    "village", "market", "library", "summer", "station", "garden",
)


def paragraph(seed: int, words: int = 70) -> str:
    """A plain, deterministic paragraph of ``words`` words, a different one for each seed (an
    article does not repeat its paragraphs: Reader reads a passage written twice once)."""
    turn = seed // len(WORDS)
    out = [WORDS[(seed * 7 + i * 3 + i * i + turn * (i + 1)) % len(WORDS)] for i in range(words)]
    sentences = [" ".join(out[i:i + 14]).capitalize() + "." for i in range(0, words, 14)]
    return " ".join(sentences)


def article_html(title: str, paragraphs: int = 14, *, clutter: str = "", seed: int = 0) -> str:
    """A news-like page with an article of ``paragraphs`` paragraphs and optional clutter."""
    body = "\n".join(f"<p>{paragraph(seed + i)}</p>" for i in range(paragraphs))
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<meta property="og:title" content="{title}"></head>
<body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
{clutter}
<main><article>
<h1>{title}</h1>
<p class="byline">By Ada Example</p>
{body}
</article></main>
<footer><p>© Example News. All rights reserved.</p></footer>
</body></html>
"""


def write_page(folder: Path, name: str, title: str, paragraphs: int = 14, seed: int = 0) -> Path:
    """Write an article page to ``folder/name`` and return its path."""
    path = folder / name
    path.write_text(article_html(title, paragraphs, seed=seed), encoding="utf-8")
    return path


def large_page(title: str, size: int = 5 * 1024 * 1024) -> str:
    """A page of about ``size`` bytes: a normal article buried in scripts, styles and menus."""
    blob = "var tracking = " + repr([f"item-{i}" for i in range(200)]) + ";\n"
    menu = "".join(f'<li><a href="/section/{i}">Section {i}</a></li>' for i in range(60))
    chunk = f"<script>{blob}</script><ul class='menu'>{menu}</ul>\n"
    return article_html(title, 40, clutter=chunk * (size // len(chunk) + 1))


class LoopDelayProbe:
    """Measures how late a 10 ms repeating timer fires: the GUI event loop's delay."""

    def __init__(self, interval_ms: int = 10) -> None:
        self.interval = interval_ms / 1000
        self.timer = QTimer()
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self._tick)
        self.delays: list[float] = []
        self._last = 0.0

    def start(self) -> None:
        self.delays.clear()
        self._last = time.perf_counter()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.delays.append(max(0.0, now - self._last - self.interval))
        self._last = now

    @property
    def max_delay(self) -> float:
        return max(self.delays, default=0.0)

    def percentile(self, p: float) -> float:
        ordered = sorted(self.delays)
        if not ordered:
            return 0.0
        return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


@pytest.fixture(name="settings_file")
def settings_file_fixture(tmp_path: Path) -> Path:
    """Where a test's window keeps its settings."""
    QStandardPaths.setTestModeEnabled(True)
    return tmp_path / "config" / "settings.ini"


def make_window(qtbot, settings_file: Path, size: tuple[int, int] | None = (900, 700),
                **kwargs) -> MainWindow:
    """A shown window over the settings in ``settings_file`` with an executor of its own;
    the window is closed and its executor shut down after the test."""
    window = MainWindow(Settings(settings_file), executor=Executor(), **kwargs)
    qtbot.addWidget(window, before_close_func=_stop_loading)
    if size:
        window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    return window


def _stop_loading(window: MainWindow) -> None:
    window.navigation.loader.cancel()
    window.executor.shutdown()


@pytest.fixture(name="window")
def window_fixture(qtbot, settings_file: Path) -> MainWindow:
    """A shown window with fresh settings."""
    return make_window(qtbot, settings_file)


def open_and_wait(qtbot, window: MainWindow, source: str, timeout: int = 20000):
    """Open ``source`` in ``window`` and return the article once it is shown."""
    with qtbot.waitSignal(window.article_shown, timeout=timeout) as shown:
        window.navigation.open_source(source)
    return shown.args[0]


def scroll_pages(qtbot, window: MainWindow, pages: int) -> None:
    """Scroll the article by ``pages`` screens and wait until the scroll has ended."""
    view = window.view
    target = view.scroll_target()
    view.scroll_pages(pages)
    assert view.scroll_target() != target
    bar = view.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.value() == view.scroll_target())
