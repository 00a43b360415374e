"""The library under real processes: killed in the middle of saves, and two writing at once."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

from reader_app.core.library import Library, search
from reader_app.core.model import Article, Block

# Saves generated articles (each with facts and an image) one transaction at a time, saying
# "saving N" just before and "saved N" after each; argv: database, first number, how many
# (0: forever).
SAVER = textwrap.dedent('''
    import sys
    from pathlib import Path
    from reader_app.core.facts.model import Fact, Facts
    from reader_app.core.library import Library
    from reader_app.core.model import Article, Block

    path, first, count = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    library = Library(path)
    n = first
    while count == 0 or n < first + count:
        words = " ".join(f"word{n}x{i}" for i in range(3000))
        blocks = tuple(Block("paragraph", f"Paragraph {j} of article {n}: {words}")
                       for j in range(8))
        blocks += (Block("image", "", src=f"img{n}.png"),)
        article = Article(title=f"Article number {n}", blocks=blocks,
                          resources={f"img{n}.png": bytes([n % 256]) * 200_000})
        person = Fact("person", f"Person{n} Surname", ((0, 7),), "ctx")
        print(f"saving {n}", flush=True)
        library.save(article, Facts(people=(person,)), source=f"/tmp/a{n}.html")
        print(f"saved {n}", flush=True)
        n += 1
''')


def start_saver(path: Path, first: int, count: int) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-c", SAVER, str(path), str(first), str(count)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def check_whole(library: Library, article_id: int) -> int:
    """The number of a stored generated article, after checking every part of it is there."""
    stored = library.get(article_id)
    n = int(stored.article.title.rsplit(" ", 1)[1])
    assert len(stored.article.blocks) == 9
    assert stored.article.resources[f"img{n}.png"] == bytes([n % 256]) * 200_000
    assert [f.label for f in stored.facts.people] == [f"Person{n} Surname"]
    return n


def test_sigkill_mid_save_loses_at_most_that_article(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    for round_ in range(3):
        first = round_ * 1000
        target = first + 3 + 2 * round_
        saver = start_saver(path, first, 0)
        assert saver.stdout is not None and saver.stderr is not None
        while saver.stdout.readline().strip() != f"saving {target}":
            pass
        saver.send_signal(signal.SIGKILL)  # while it writes article `target`
        saver.wait(timeout=30)
        saver.stdout.close()
        saver.stderr.close()
        conn = sqlite3.connect(path)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        conn.close()
        with Library(path) as library:
            numbers = {check_whole(library, i) for i in library.ids()
                       if library.get(i).article.title.startswith("Article number")}
            this_round = {n for n in numbers if n // 1000 == round_}
            # Every article before is kept whole; the one being written is whole or absent.
            assert this_round - {target} == set(range(first, target))
            assert search(library, f"person:Person{first}")
            library.save(note(round_))  # and the library takes new writes


def test_two_processes_use_the_library_at_once(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    Library(path).close()
    savers = [start_saver(path, first, 12) for first in (0, 500)]
    notes = 0
    with Library(path) as reader:  # this process searches and writes meanwhile
        while any(s.poll() is None for s in savers):
            search(reader, "article number")
            reader.save(note(notes))
            notes += 1
    outputs = [s.communicate(timeout=60) for s in savers]
    assert [s.returncode for s in savers] == [0, 0], [err for _, err in outputs]
    with Library(path) as library:
        numbers = [check_whole(library, i) for i in library.ids()
                   if library.get(i).article.title.startswith("Article number")]
        assert sorted(numbers) == [*range(12), *range(500, 512)]
        assert len(search(library, "person:Surname", limit=100)) == 24
        assert library.count() == 24 + notes


def note(n: int) -> Article:
    """A short article of this process."""
    return Article(title=f"Reader note {n}", blocks=(Block("paragraph", "Kept meanwhile."),))
