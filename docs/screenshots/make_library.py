"""Make the library screenshot: a library of the test news articles, searched in the window.

    python docs/screenshots/make_library.py docs/screenshots/library-light.png [--theme light]
           [--query QUERY]

Runs offscreen, in a temporary data and settings folder (your own library is left alone).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NEWS = ROOT / "tests" / "data" / "news"
SITES = {"business": "The Ledger", "conflict": "World Desk", "culture": "Arts Review",
         "economy": "The Ledger", "health": "Civic Times", "local": "Kelbridge Courier",
         "politics": "Civic Times", "science": "Field Notes", "sport": "Match Report",
         "technology": "Circuit", "us": "The Dispatch"}


def fill(library_dir: Path) -> None:
    """Store each test news article, as if opened over the past weeks, some read further."""
    from reader_app.core import find_facts
    from reader_app.core.library import Library
    from reader_app.core.model import Article, Block

    with Library(library_dir / "library.sqlite3") as library:
        for n, path in enumerate(sorted(NEWS.glob("*.txt"))):
            title, *paragraphs = [p.strip() for p in path.read_text("utf-8").split("\n\n")]
            article = Article(title=title, blocks=tuple(Block("paragraph", p)
                                                        for p in paragraphs if p),
                              site=SITES.get(path.stem.split("-")[0], "World Desk"),
                              date=f"2024-{(n % 9) + 3:02d}-{(n * 7) % 27 + 1:02d}",
                              url=f"https://example.org/{path.stem}")
            article_id = library.save(article, find_facts(article),
                                      opened_at=time.time() - n * 86400 * 2.5)
            library.set_position(f"url:https://example.org/{path.stem}", 0, (n * 0.37) % 1)
            if n % 4 == 1:
                library.set_saved(article_id, True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--theme", default="light", choices=("light", "sepia", "dark"))
    parser.add_argument("--query", default="council")
    parser.add_argument("--size", default="1280x800")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="reader-library-shot-") as tmp:
        os.environ["XDG_DATA_HOME"] = tmp
        from PySide6.QtCore import QEventLoop, QTimer

        from reader_app.core.library import data_dir
        from reader_app.ui.executor.service import Executor
        from reader_app.ui.shell.app import create_application
        from reader_app.ui.shell.bundled import sample_path
        from reader_app.ui.shell.settings import Settings
        from reader_app.ui.shell.window import MainWindow

        fill(data_dir())
        app = create_application()
        settings = Settings(Path(tmp) / "settings.ini")
        settings.set("theme", args.theme)
        window = MainWindow(settings, executor=Executor(), private=True)
        window.resize(*(int(x) for x in args.size.split("x")))
        window.show()

        def wait(signal: object) -> None:
            loop = QEventLoop()
            signal.connect(loop.quit)  # type: ignore[attr-defined]
            QTimer.singleShot(30000, loop.quit)
            loop.exec()

        window.navigation.open_source(str(sample_path()))
        wait(window.facts.facts_shown)
        window.library.view.open(args.query)
        wait(window.library.results_shown)
        QTimer.singleShot(100, app.quit)
        app.exec()
        ok = window.grab().save(str(args.out), "PNG")
        window.close()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
