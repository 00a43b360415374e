"""Quality of the facts engine: per-type precision, recall and F1, beside an earlier engine.

Scores the annotated news articles of tests/data/news (names as sets per article, numbers by
span overlap) and, with ``--ner-dir`` (the folder of the CoNLL corpora the name model is
trained from), the held-out documents of each corpus that the model never trained on (names
as sets per document, as the panel lists them). ``--baseline REV`` scores the package as of
a git revision (default: the rule-based recogniser) on the same texts in the same run.

    python benchmarks/facts_quality.py [--ner-dir DIR] [--baseline REV] [--verbose]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from facts_speed import RULES, checkout

from reader_app.core.facts import find_facts
from reader_app.core.facts.evaluation import (
    ENTITY_TYPES,
    Score,
    load_gold_folder,
    score_entities,
    score_numbers,
    total,
)
from reader_app.core.facts.model import Fact

NEWS = Path(__file__).resolve().parent.parent / "tests" / "data" / "news"

# Runs in a fresh interpreter over the package given: each text's facts as
# {kind: [[label, [surface, ...]], ...]} (numbers as [[start, end], ...]).
FIND = r"""
import json, sys
sys.path.insert(0, sys.argv[1])
from reader_app.core.facts import find_facts
out = []
for text in json.load(open(sys.argv[2], encoding="utf-8")):
    facts = find_facts(text)
    row = {kind: [[f.label, [text[s:e] for s, e in f.mentions]] for f in getattr(facts, kind)]
           for kind in ("people", "places", "organisations")}
    row["numbers"] = [[s, e] for f in facts.numbers for s, e in f.mentions]
    out.append(row)
print(json.dumps(out))
"""


def found(root: Path | None, texts: list[str]) -> list[dict[str, list[Fact]]]:
    """Facts of ``texts`` by the package under ``root`` (this tree if None)."""
    if root is None:
        facts = [find_facts(text) for text in texts]
        return [{kind: list(getattr(f, kind)) for kind in (*ENTITY_TYPES, "numbers")}
                for f in facts]
    with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8") as handle:
        json.dump(texts, handle)
        handle.flush()
        run = subprocess.run([sys.executable, "-c", FIND, str(root), handle.name],
                             check=True, capture_output=True, text=True)
    rows = []
    for text, row in zip(texts, json.loads(run.stdout), strict=True):
        facts: dict[str, list[Fact]] = {}
        for kind in ENTITY_TYPES:
            facts[kind] = []
            for label, surfaces in row[kind]:
                mentions, position = [], 0
                for surface in surfaces:
                    start = text.find(surface, position)
                    mentions.append((start, start + len(surface)))
                    position = start + len(surface)
                facts[kind].append(Fact("person", label, tuple(mentions), ""))
        facts["numbers"] = [Fact("number", "", ((s, e),), "") for s, e in row["numbers"]]
        rows.append(facts)
    return rows


def scores(
    texts: list[str], golds: list[dict[str, list[str]]], facts: list[dict[str, list[Fact]]]
) -> dict[str, Score]:
    """Per-kind sums over texts."""
    out = []
    for text, gold, fact in zip(texts, golds, facts, strict=True):
        row = {kind: score_entities(fact[kind], gold[kind], text) for kind in ENTITY_TYPES}
        if "numbers" in gold:
            row["numbers"] = score_numbers(fact["numbers"], gold["numbers"], text)
        out.append(row)
    return total(out)


def print_table(title: str, results: dict[str, dict[str, Score]]) -> None:
    """One block of per-type figures, one row per engine."""
    print(f"\n{title}")
    print(f"  {'type':<14}{'engine':<12}{'P':>7}{'R':>7}{'F1':>7}{'pred':>7}{'gold':>7}")
    for kind in next(iter(results.values())):
        for engine, figures in results.items():
            s = figures[kind]
            print(f"  {kind:<14}{engine:<12}{s.precision:7.3f}{s.recall:7.3f}{s.f1:7.3f}"
                  f"{s.predicted:7d}{s.gold:7d}")


def held_out(ner_dir: Path) -> dict[str, tuple[list[str], list[dict[str, list[str]]]]]:
    """Each corpus's held-out documents as texts and their annotated names; for the corpora
    the thresholds are chosen on (on their even-numbered documents), the odd-numbered ones
    apart too."""
    from reader_app.core.facts.heldout import document
    from reader_app.core.facts.train import CORPORA, THRESHOLD_CORPORA, halve, load_corpus

    out = {}
    for name, (corpus, whole) in CORPORA.items():
        if (ner_dir / name).exists():
            docs = [document(unit) for unit in load_corpus(ner_dir / name, corpus, whole).units]
            parts = {f"{corpus}, held-out documents": docs}
            if corpus in THRESHOLD_CORPORA:
                parts[f"{corpus}, odd-numbered held-out documents"] = halve(docs)[1]
            for title, chosen in parts.items():
                out[title] = ([t for t, _ in chosen],
                              [{k: sorted(v) for k, v in g.items()} for _, g in chosen])
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ner-dir", type=Path, help="folder of the CoNLL corpora")
    parser.add_argument("--news-dir", type=Path, default=NEWS, help="annotated articles")
    parser.add_argument("--baseline", default=RULES, help="git revision to compare with")
    parser.add_argument("--verbose", action="store_true", help="list misses per article")
    args = parser.parse_args()

    articles = load_gold_folder(args.news_dir)
    sets = {f"News articles ({len(articles)}, {args.news_dir.name}/)": (
        [a.text for a in articles],
        [{kind: list(getattr(a, kind)) for kind in (*ENTITY_TYPES, "numbers")}
         for a in articles],
    )}
    if args.ner_dir:
        sets.update(held_out(args.ner_dir))
    with tempfile.TemporaryDirectory() as folder:
        baseline = checkout(args.baseline, Path(folder))
        for title, (texts, golds) in sets.items():
            mine = found(None, texts)
            print_table(title, {
                "this tree": scores(texts, golds, mine),
                args.baseline: scores(texts, golds, found(baseline, texts)),
            })
            if args.verbose and title.startswith("News"):
                for article, facts in zip(articles, mine, strict=True):
                    for kind in ENTITY_TYPES:
                        labels = {f.label for f in facts[kind]}
                        gold = set(getattr(article, kind))
                        extra, missed = sorted(labels - gold), sorted(gold - labels)
                        if extra or missed:
                            print(f"{article.slug} {kind}: extra {extra} missed {missed}")


if __name__ == "__main__":
    main()
