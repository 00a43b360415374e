"""Event-loop delay while the window loads a 5 MB page from a local HTTP server.

A 10 ms repeating timer runs on the GUI thread during each load; its lateness is the delay a
reader would feel. Prints the 50th/99th percentile and the maximum over all runs (goal: p99 at
most 50 ms).

    python benchmarks/ui_responsiveness.py [--runs 3] [--size-mb 5]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

# Chosen before Qt is imported.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QStandardPaths, QTimer
from ui_support import PageServer, large_page, wait_for

from reader_app.ui.executor.service import Executor
from reader_app.ui.shell.app import create_application
from reader_app.ui.shell.settings import Settings
from reader_app.ui.shell.window import MainWindow


class DelayProbe:
    """Lateness of a repeating timer, in seconds per tick."""

    def __init__(self, interval_ms: int = 10) -> None:
        self.interval = interval_ms / 1000
        self.timer = QTimer()
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.tick)
        self.delays: list[float] = []
        self.last = 0.0

    def start(self) -> None:
        self.last = time.perf_counter()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def tick(self) -> None:
        now = time.perf_counter()
        self.delays.append(max(0.0, now - self.last - self.interval))
        self.last = now


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--size-mb", type=float, default=5.0)
    args = parser.parse_args()
    QStandardPaths.setTestModeEnabled(True)
    create_application([sys.argv[0]])
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        body = large_page("Storm over the harbour", int(args.size_mb * 1024 * 1024))
        (folder / "large.html").write_text(body, encoding="utf-8")
        window = MainWindow(Settings(folder / "settings.ini"), executor=Executor(),
                            persist=False)
        window.resize(1280, 800)
        window.show()
        probe = DelayProbe()
        load_times: list[float] = []
        with PageServer(folder) as server:
            for run in range(args.runs):
                probe.start()
                start = time.perf_counter()
                url = server.url("large.html") + f"?run={run}"
                wait_for(window.article_shown, lambda u=url: window.navigation.open_source(u))
                load_times.append(time.perf_counter() - start)
                probe.stop()
        window.close()
    delays = probe.delays
    print(f"page {len(body) / 1024 / 1024:.1f} MB, {args.runs} loads, "
          f"median load {sorted(load_times)[len(load_times) // 2] * 1000:.0f} ms, "
          f"{len(delays)} timer ticks")
    print(f"event-loop delay: p50 {percentile(delays, 50) * 1000:.1f} ms, "
          f"p99 {percentile(delays, 99) * 1000:.1f} ms, max {max(delays) * 1000:.1f} ms "
          f"(goal: p99 <= 50 ms)")


if __name__ == "__main__":
    main()
