"""Facts in the window: time from an article shown to its facts listed and highlighted.

Builds a ~10,000-word article (the given saved pages, or a built one, repeated), shows it in a
reading view beside the facts panel, then measures, after the lexicons are loaded:

- the time from ``show_article`` to the facts listed and every mention highlighted
  (goal: at most 150 ms);
- the longest time the GUI thread was blocked meanwhile, seen by a 1 ms heartbeat timer
  (goal: at most 16 ms), and the longest single GUI-thread step of the facts code.

Usage: ``python benchmarks/facts_ui.py [PAGE.html ...] [--words N] [--runs N]``
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QElapsedTimer, QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QTextBrowser

from reader_app.core import Article, find_facts, read_article
from reader_app.ui.executor.service import Executor
from reader_app.ui.facts.controller import FactsController
from reader_app.ui.facts.panel import FactsDock
from reader_app.ui.facts.worker import FactsWorker, default_finder
from reader_app.ui.reading.document import render_article
from reader_app.ui.style.theme import THEMES, ReadingStyle

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "ui"))
from facts_support import built_article


def long_article(sources: list[str], words: int) -> Article:
    """An article of at least ``words`` words: the sources' blocks repeated in turn."""
    bases = [read_article(s) for s in sources] or [built_article()]
    blocks = []
    while sum(len(b.text.split()) for b in blocks) < words:
        for base in bases:
            blocks.extend(base.blocks)
    return Article(title=bases[0].title, blocks=tuple(blocks), url=bases[0].url)


class Heartbeat:
    """A 1 ms timer on the GUI thread; the longest gap between ticks is the longest block."""

    def __init__(self) -> None:
        self.clock = QElapsedTimer()
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(1)
        self.timer.timeout.connect(self.on_tick)
        self.longest = 0.0
        self.last = 0.0

    def start(self) -> None:
        self.clock.start()
        self.last = 0.0
        self.longest = 0.0
        self.timer.start()

    def on_tick(self) -> None:
        now = self.clock.nsecsElapsed() / 1e6
        self.longest = max(self.longest, now - self.last)
        self.last = now

    def stop(self) -> float:
        self.on_tick()
        self.timer.stop()
        return self.longest


def timed_steps(controller: FactsController) -> list[float]:
    """Record the duration of each GUI-thread step the controller takes (milliseconds)."""
    durations: list[float] = []
    for name in ("on_facts_found", "on_slice"):
        original = getattr(controller, name)

        def wrapper(*args, _original=original):
            start = time.perf_counter()
            _original(*args)
            durations.append((time.perf_counter() - start) * 1000)

        setattr(controller, name, wrapper)
    controller.worker.found.disconnect()
    controller.worker.found.connect(controller.on_facts_found)
    controller._slicer.timeout.disconnect()
    controller._slicer.timeout.connect(controller.on_slice)
    return durations


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", nargs="*", help="saved pages to build the article from")
    parser.add_argument("--words", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--thread", action="store_true", help="run the engine on a thread, not a process"
    )
    args = parser.parse_args()

    app = QApplication.instance() or QApplication([])
    base = article = long_article(args.pages, args.words)
    text = article.text
    start = time.perf_counter()
    find_facts("Lexicons load here: Kyiv, NATO and Volodymyr Zelensky; 40 drones.")
    lexicons_ms = (time.perf_counter() - start) * 1000
    start = time.perf_counter()
    facts = find_facts(text)
    engine_ms = (time.perf_counter() - start) * 1000
    mentions = sum(len(f.mentions) for f in facts.all())

    window = QMainWindow()
    view = QTextBrowser()
    window.setCentralWidget(view)
    dock = FactsDock(window)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    window.resize(1280, 800)
    window.show()
    executor = Executor()
    worker = (FactsWorker(executor, default_finder) if args.thread
              else FactsWorker(executor))
    controller = FactsController(view, dock.panel, THEMES["light"], worker, parent=window)
    steps = timed_steps(controller)
    heartbeat = Heartbeat()

    totals, blocks, longest_steps, found_ms = [], [], [], []
    for run in range(-1, args.runs):
        # A new title each run: the controller keeps the facts of texts it has seen.
        article = replace(article, title=f"{base.title} ({run + 1})")
        text = article.text
        rendered = render_article(article, ReadingStyle())
        controller.leave_article()
        view.setDocument(rendered.document)
        app.processEvents()
        loop = QEventLoop()
        controller.facts_shown.connect(loop.quit)
        steps.clear()
        heartbeat.start()
        start = time.perf_counter()
        found_at: list[float] = []
        controller.worker.found.connect(lambda _f, at=found_at: at.append(time.perf_counter()))
        controller.show_article(rendered.article, rendered)
        loop.exec()
        elapsed = (time.perf_counter() - start) * 1000
        block = heartbeat.stop()
        controller.facts_shown.disconnect(loop.quit)
        if run < 0:
            continue  # a first run starts the engine's helper process
        totals.append(elapsed)
        found_ms.append((found_at[0] - start) * 1000)
        blocks.append(block)
        longest_steps.append(max(steps))
        assert len(view.extraSelections()) == mentions
        assert len(dock.panel.entries()) == len(facts.all())

    heartbeat.start()
    idle = QEventLoop()
    QTimer.singleShot(300, idle.quit)
    idle.exec()
    baseline = heartbeat.stop()
    print(f"engine on a {'thread' if args.thread else 'helper process'}; "
          f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    print(f"article: {article.word_count} words, {len(facts.all())} facts, {mentions} mentions")
    print(f"lexicons loaded in {lexicons_ms:.0f} ms; engine alone {engine_ms:.0f} ms")
    print(
        f"shown → listed and highlighted: median {statistics.median(totals):.0f} ms, "
        f"max {max(totals):.0f} ms over {args.runs} runs (goal ≤ 150 ms)"
    )
    print(
        f"  of which the engine (request → facts back on the GUI thread): median "
        f"{statistics.median(found_ms):.0f} ms; listing and highlighting: median "
        f"{statistics.median(t - f for t, f in zip(totals, found_ms, strict=True)):.0f} ms"
    )
    print(
        f"longest GUI-thread block (1 ms heartbeat): median {statistics.median(blocks):.1f} ms, "
        f"max {max(blocks):.1f} ms (goal ≤ 16 ms); idle window, same machine: {baseline:.1f} ms"
    )
    print(
        f"longest single facts step on the GUI thread: max {max(longest_steps):.1f} ms, "
        f"ratio to the 16 ms frame {max(longest_steps) / 16:.2f}"
    )
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
