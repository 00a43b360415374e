"""Quality of the facts engine: per-type precision, recall and F1.

Scores the annotated news articles of tests/data/news and, when given, CoNLL-format NER
files (``--ner-dir`` holding e.g. wikigold.conll and uner_ewt_dev.conll; people, places and
organisations by exact span; each document is one text, a sentence a line).

    python benchmarks/facts_quality.py [--ner-dir DIR]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from reader_app.core.facts import find_facts
from reader_app.core.facts.entities import find_entities
from reader_app.core.facts.evaluation import (
    Score,
    load_gold_folder,
    score_article,
    score_conll,
    total,
)

NEWS = Path(__file__).resolve().parent.parent / "tests" / "data" / "news"


def print_table(title: str, scores: dict[str, Score]) -> None:
    """One block of per-type figures."""
    print(f"\n{title}")
    print(f"  {'type':<14}{'P':>7}{'R':>7}{'F1':>7}{'pred':>7}{'gold':>7}")
    for kind, score in scores.items():
        print(
            f"  {kind:<14}{score.precision:7.3f}{score.recall:7.3f}{score.f1:7.3f}"
            f"{score.predicted:7d}{score.gold:7d}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ner-dir", type=Path, help="folder of CoNLL-format .conll files")
    parser.add_argument("--news-dir", type=Path, default=NEWS, help="annotated articles")
    parser.add_argument("--verbose", action="store_true", help="list misses per article")
    args = parser.parse_args()

    articles = load_gold_folder(args.news_dir)
    scores = []
    for article in articles:
        facts = find_facts(article.text)
        scores.append(score_article(article, facts))
        if args.verbose:
            for kind in ("people", "places", "organisations"):
                found = {f.label for f in getattr(facts, kind)}
                gold = set(getattr(article, kind))
                extra, missed = sorted(found - gold), sorted(gold - found)
                if extra or missed:
                    print(f"{article.slug} {kind}: extra {extra} missed {missed}")
    print_table(f"News articles ({len(articles)}, {args.news_dir.name}/)", total(scores))
    if args.ner_dir:
        for path in sorted(args.ner_dir.glob("*.conll")):
            print_table(f"{path.name} (exact spans)", score_conll(path, find_entities))


if __name__ == "__main__":
    main()
