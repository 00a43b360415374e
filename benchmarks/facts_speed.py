"""Speed of the facts engine: one-off lexicon load, then milliseconds per 1,000 words.

Runs ``find_facts`` (numbers, people, places, organisations) over the annotated news
articles of tests/data/news, or over the given text files, after loading once.

    python benchmarks/facts_speed.py [--repeat N] [FILE ...]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from reader_app.core.facts import find_facts
from reader_app.core.facts.entities import find_entities
from reader_app.core.facts.lexicon import lexicon

NEWS = Path(__file__).resolve().parent.parent / "tests" / "data" / "news"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, help="plain-text files to read")
    parser.add_argument("--repeat", type=int, default=20, help="passes over the texts")
    args = parser.parse_args()

    started = time.perf_counter()
    lexicon()
    load_ms = (time.perf_counter() - started) * 1000

    paths = args.files or sorted(NEWS.glob("*.txt"))
    texts = [path.read_text(encoding="utf-8") for path in paths]
    words = sum(len(text.split()) for text in texts)
    find_facts(texts[0])  # first call: compiles whatever is compiled lazily
    started = time.perf_counter()
    for _ in range(args.repeat):
        for text in texts:
            find_facts(text)
    elapsed_ms = (time.perf_counter() - started) * 1000
    started = time.perf_counter()
    for _ in range(args.repeat):
        for text in texts:
            find_entities(text)
    entities_ms = (time.perf_counter() - started) * 1000

    print(f"lexicon load (once): {load_ms:.0f} ms")
    print(f"texts: {len(texts)}, words: {words}, passes: {args.repeat}")
    print(f"find_facts: {elapsed_ms / args.repeat / words * 1000:.2f} ms per 1,000 words")
    print(
        "  of which people, places, organisations: "
        f"{entities_ms / args.repeat / words * 1000:.2f} ms per 1,000 words"
    )


if __name__ == "__main__":
    main()
