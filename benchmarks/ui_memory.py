"""Memory: resident size after opening 50 articles one after another in one window.

Prints the resident size after the first article and after the last, and their ratio (goal:
less than 1.5x). Pages are generated (varied lengths) unless a folder of saved pages is given;
gzipped pages (``*.html.gz``, as in a benchmark data set) are unpacked first.

    python benchmarks/ui_memory.py [FOLDER] [--count 50]
"""

from __future__ import annotations

import argparse
import gc
import gzip
import os
import sys
import tempfile
from pathlib import Path

# Chosen before Qt is imported.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QStandardPaths
from ui_support import article_html, rss_mb, wait_for

from reader_app.ui.executor.service import Executor
from reader_app.ui.shell.app import create_application
from reader_app.ui.shell.settings import Settings
from reader_app.ui.shell.window import MainWindow


def pages(folder: Path | None, out: Path, count: int) -> list[Path]:
    if folder is None:
        made = []
        for i in range(count):
            path = out / f"page{i}.html"
            path.write_text(article_html(f"Story {i}", 20 + (i * 37) % 120, seed=i),
                            encoding="utf-8")
            made.append(path)
        return made
    found: list[Path] = []
    for path in sorted(folder.iterdir()):
        if len(found) >= count:
            break
        if path.name.endswith(".html.gz"):
            target = out / path.name[:-3]
            target.write_bytes(gzip.decompress(path.read_bytes()))
            found.append(target)
        elif path.suffix in (".html", ".htm"):
            found.append(path)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", type=Path, help="saved pages to open")
    parser.add_argument("--count", type=int, default=50)
    args = parser.parse_args()
    QStandardPaths.setTestModeEnabled(True)
    create_application([sys.argv[0]])
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        window = MainWindow(Settings(folder / "settings.ini"), executor=Executor(),
                            persist=False)
        window.resize(1280, 800)
        window.show()
        opened = 0
        first = 0.0
        for page in pages(args.folder, folder, args.count * 3):
            shown = wait_for_either(window, str(page))
            if not shown:
                continue
            opened += 1
            if opened == 1:
                gc.collect()
                first = rss_mb()
            if opened == args.count:
                break
        gc.collect()
        last = rss_mb()
        window.close()
    print(f"articles opened: {opened}")
    print(f"RSS after the first: {first:.1f} MiB, after the last: {last:.1f} MiB")
    print(f"ratio {last / first:.2f}x  (goal < 1.5x)")


def wait_for_either(window: MainWindow, source: str) -> bool:
    """Open ``source``; True if the article was shown, False if the load failed."""
    outcome: list[bool] = []
    window.load_failed.connect(lambda _m: outcome.append(False))
    try:
        wait_for(window.navigation.loader.settled, lambda: window.navigation.open_source(source))
    finally:
        window.load_failed.disconnect()
    return not outcome


if __name__ == "__main__":
    main()
