"""Library search latency at 1k / 10k / 50k generated articles, and database size per article.

Articles are generated (Zipf-distributed words, ~20 facts each) and stored in one transaction
per size step; then each kind of query runs repeatedly and its median and 95th percentile
are printed. The baseline, measured in the same run, is a plain ``LIKE`` scan of every
article's text for the rare word: the ratio says how much the FTS5 index saves.

    python benchmarks/library_search.py [--sizes 1000,10000,50000] [--words 700]
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from pathlib import Path

from reader_app.core.facts.model import Fact, Facts
from reader_app.core.library import Library, search
from reader_app.core.model import Article, Block

SYLLABLES = ("ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "ze", "dor", "ban", "kel",
             "mor", "tis", "gra", "pen", "sul", "wen", "ost", "yar")
QUERIES = {
    "common word": "{common}",
    "rare word": "{rare}",
    "two words": "{common} {rare}",
    "phrase": '"{common} {common2}"',
    "typing prefix": "{rare_prefix}",
    "person": "person:{surname}",
    "place + word": "place:{place} {common}",
    'org:"two words"': 'org:"{org}"',
    "everything (list)": "",
}


def _vocabulary(rng: random.Random, size: int) -> list[str]:
    words: set[str] = set()
    while len(words) < size:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
    return sorted(words)


class Generator:
    """Articles of Zipf-distributed words with people, places, organisations and numbers."""

    def __init__(self, seed: int, words_per_article: int) -> None:
        self.rng = random.Random(seed)
        self.words = _vocabulary(self.rng, 30_000)
        self.weights = [1 / (rank + 1) for rank in range(len(self.words))]
        total = 0.0
        self.cum = []
        for w in self.weights:
            total += w
            self.cum.append(total)
        self.length = words_per_article
        self.people = [f"{self.words[5000 + i].title()} {self.words[9000 + i].title()}"
                       for i in range(3000)]
        self.places = [self.words[15000 + i].title() for i in range(2000)]
        self.orgs = [f"{self.words[20000 + i].title()} Ministry" for i in range(800)]

    def article(self, n: int) -> tuple[Article, Facts]:
        rng = self.rng
        words = rng.choices(self.words, cum_weights=self.cum, k=self.length)
        people = rng.sample(self.people, 6)
        places = rng.sample(self.places, 5)
        orgs = rng.sample(self.orgs, 3)
        names = people + places + orgs
        for i, name in enumerate(names):
            words.insert(rng.randrange(len(words)), name)
            words[min(len(words) - 1, i * 37)] += "."
        paragraphs = [" ".join(words[i:i + 90]) for i in range(0, len(words), 90)]
        article = Article(title=" ".join(rng.choices(self.words[:3000], k=7)).capitalize(),
                          blocks=tuple(Block("paragraph", p) for p in paragraphs),
                          site="example.org", date="2024-08-12",
                          url=f"https://example.org/news/{n}")
        text = article.text

        def fact(kind: str, label: str) -> Fact:
            at = max(0, text.find(label))
            return Fact(kind, label, ((at, at + len(label)),) * rng.randint(1, 5),  # type: ignore[arg-type]
                        text[max(0, at - 60):at + 60])

        numbers = tuple(fact("number", f"{rng.randint(2, 900)} drones") for _ in range(4))
        return article, Facts(numbers=numbers,
                              people=tuple(fact("person", x) for x in people),
                              places=tuple(fact("place", x) for x in places),
                              organisations=tuple(fact("organisation", x) for x in orgs))


def _time(library: Library, query: str, repeat: int, prefix: bool) -> list[float]:
    out = []
    for _ in range(repeat):
        started = time.perf_counter()
        search(library, query, limit=50, prefix=prefix)
        out.append((time.perf_counter() - started) * 1000)
    return out


def _baseline(library: Library, word: str, repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        started = time.perf_counter()
        library.execute("SELECT id, title FROM articles WHERE text LIKE ?", (f"% {word} %",))
        out.append((time.perf_counter() - started) * 1000)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,50000")
    parser.add_argument("--words", type=int, default=700, help="words per article")
    parser.add_argument("--repeat", type=int, default=30, help="runs of each query")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    gen = Generator(seed=16, words_per_article=args.words)
    values = {"common": gen.words[3], "common2": gen.words[4], "rare": gen.words[2500],
              "rare_prefix": gen.words[2500][:4], "surname": gen.people[7].split()[1],
              "place": gen.places[11], "org": gen.orgs[5]}
    print(f"articles of {args.words} words; median / 95th percentile of {args.repeat} runs, "
          "50 results at most")
    with tempfile.TemporaryDirectory(prefix="reader-library-bench-") as tmp:
        path = Path(tmp) / "library.sqlite3"
        library = Library(path)
        stored = 0
        for size in sizes:
            started = time.perf_counter()
            with library.batch():
                while stored < size:
                    article, facts = gen.article(stored)
                    library.save(article, facts, opened_at=1.7e9 + stored)
                    stored += 1
            build_s = time.perf_counter() - started
            library.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            per_article = path.stat().st_size / size / 1024
            print(f"\n{size:,} articles (added in {build_s:.1f} s): "
                  f"{per_article:.1f} KB per article on disk")
            for name, template in QUERIES.items():
                query = template.format(**values)
                times = _time(library, query, args.repeat, prefix=name == "typing prefix")
                times.sort()
                count = len(search(library, query, prefix=name == "typing prefix"))
                print(f"  {name:20} {statistics.median(times):7.2f} ms  "
                      f"p95 {times[int(len(times) * 0.95) - 1]:7.2f} ms  ({count} results)")
            fts = statistics.median(_time(library, values["rare"], args.repeat, False))
            scan = statistics.median(_baseline(library, values["rare"], max(3, args.repeat // 5)))
            print(f"  baseline LIKE scan for the rare word: {scan:.1f} ms "
                  f"({scan / fts:.0f}x the FTS5 search)")
        library.close()


if __name__ == "__main__":
    main()
