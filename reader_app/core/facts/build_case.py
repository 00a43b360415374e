"""Build the case table shipped in ``data/case.txt.gz``: how often each word is capitalised
where its case is free (not opening a sentence, not in a headline).

Run by maintainers: ``python -m reader_app.core.facts.build_case --data NER_DIR --pages
GROUND_TRUTH_JSON``. The text read is open text only: the training part of the name model's
corpora (the documents ``train`` holds out are never read) and the article text
(``articleBody``) of the WCXB development pages (CC BY 4.0). A sentence-initial
"Scientists" or "Normal" that is mostly written in lowercase is then told from "Kyiv".
The table lists each word seen ``MIN_SEEN`` times or more under the bin of its capitalised
share (``BINS`` bins), one block of lowercase words per bin.
"""

from __future__ import annotations

import argparse
import gzip
import json
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

from .common_words import headline
from .ner_features import words_of
from .train import CORPORA, load_corpus

BINS = 5
MIN_SEEN = 3
DATA = Path(__file__).parent / "data"
CASE = "case.txt.gz"
_OPENERS = frozenset(":\"\u201c'\u2018.!?")  # a capital after these may open a sentence


def count(
    sentences: Iterable[Sequence[str]], capitalised: Counter[str], lower: Counter[str]
) -> None:
    """Add the case of every word of ``sentences`` but the first (and but a word after a
    quote or colon) to the counts, keyed by the lowercase word."""
    for words in sentences:
        if headline(words):
            continue
        for i in range(1, len(words)):
            word = words[i]
            if not word.isalpha() or words[i - 1] in _OPENERS:
                continue
            if word.islower():
                lower[word] += 1
            elif word[0].isupper():
                capitalised[word.lower()] += 1


def bins(capitalised: Counter[str], lower: Counter[str]) -> list[list[str]]:
    """The words seen often enough, in the bin of their capitalised share."""
    out: list[list[str]] = [[] for _ in range(BINS)]
    for word in sorted(set(capitalised) | set(lower)):
        seen = capitalised[word] + lower[word]
        if seen >= MIN_SEEN:
            out[min(BINS - 1, BINS * capitalised[word] // seen)].append(word)
    return out


def main(argv: list[str] | None = None) -> None:
    """Count case over the open text and write the table."""
    parser = argparse.ArgumentParser(prog="python -m reader_app.core.facts.build_case")
    parser.add_argument("--data", type=Path, required=True, help="folder of the CoNLL files")
    parser.add_argument("--pages", type=Path, help="WCXB ground-truth.json (articleBody)")
    parser.add_argument("--out", type=Path, default=DATA / CASE)
    args = parser.parse_args(argv)
    capitalised: Counter[str] = Counter()
    lower: Counter[str] = Counter()
    for name, (corpus, held) in CORPORA.items():
        if (args.data / name).exists() and not held:
            sentences = load_corpus(args.data / name, corpus, held).train
            count((words for words, _ in sentences), capitalised, lower)
    if args.pages:
        pages = json.loads(args.pages.read_text(encoding="utf-8"))
        for key in sorted(pages):
            body = pages[key].get("articleBody") or ""
            count((s.words for s in words_of(body)), capitalised, lower)
    table = bins(capitalised, lower)
    text = "\n\n".join("\n".join(words) for words in table) + "\n"
    args.out.write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))
    print(f"{sum(map(len, table)):,} words ({', '.join(str(len(b)) for b in table)});"
          f" {args.out.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
