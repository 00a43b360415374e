"""Name models compared on the held-out documents of the corpora, in one run.

Each MODEL_DIR holds a ``names.crfsuite`` and its ``names.json`` (as the training command's
``--out`` writes them). For each model: the whole recogniser's figures per held-out corpus at
the model's own thresholds (names per document, as the panel lists them), and over the
threshold pool the best recall at given precisions, one threshold for every type (with or
without the lexicons' support) from ``GRID``, between two thresholds the line between them.
Features the running tree builds and a model never learned are ignored by crfsuite, so an
older model is scored as it was trained.

    python benchmarks/facts_models.py --ner-dir DIR MODEL_DIR [MODEL_DIR ...] [--pool-only]
"""

from __future__ import annotations

import argparse
import itertools
import json
from pathlib import Path

from reader_app.core.facts.evaluation import Score
from reader_app.core.facts.heldout import score_documents
from reader_app.core.facts.tagger import MODEL, SETTINGS, SUPPORTED, TYPES, NameTagger
from reader_app.core.facts.train import CORPORA, THRESHOLD_CORPORA, load_corpus

GRID = (0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.93, 0.95, 0.97, 0.99)
PRECISIONS = {"people": (0.85, 0.88, 0.90, 0.92), "places": (0.84, 0.85, 0.86, 0.88),
              "organisations": (0.66, 0.68, 0.70, 0.75)}


def tagger(folder: Path, thresholds: dict[str, float] | None = None) -> NameTagger:
    """The model in ``folder`` at its own thresholds, or at ``thresholds``."""
    settings = json.loads((folder / SETTINGS).read_text(encoding="utf-8"))
    return NameTagger(str(folder / MODEL), thresholds or settings["thresholds"],
                      bool(settings.get("lexicons", True)))


def recall_at(curve: list[Score], precision: float) -> float:
    """The best recall at ``precision`` or more along ``curve`` (a threshold sweep, in
    order), interpolating between neighbouring thresholds."""
    best = 0.0
    points = [(s.precision, s.recall) for s in curve]
    for p, r in points:
        if p >= precision:
            best = max(best, r)
    for (p1, r1), (p2, r2) in itertools.pairwise(points):
        if min(p1, p2) < precision <= max(p1, p2) and p1 != p2:
            best = max(best, r1 + (r2 - r1) * (precision - p1) / (p2 - p1))
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ner-dir", type=Path, required=True, help="folder of the CoNLL files")
    parser.add_argument("models", nargs="+", type=Path, help="folders of models to compare")
    parser.add_argument("--pool-only", action="store_true", help="skip the per-corpus table")
    args = parser.parse_args()
    corpora = {corpus: load_corpus(args.ner_dir / name, corpus, whole).units
               for name, (corpus, whole) in CORPORA.items() if (args.ner_dir / name).exists()}
    pool = [unit for name in THRESHOLD_CORPORA for unit in corpora.get(name, [])]
    if not args.pool_only:
        print("| held-out set | kind | " + " | ".join(str(m) for m in args.models) + " |")
        print("|---|---|" + "---|" * len(args.models))
        taggers = [tagger(folder) for folder in args.models]
        for name, units in [*corpora.items(), ("threshold pool", pool)]:
            rows = [score_documents(units, t) for t in taggers]
            for kind in rows[0]:
                cells = " | ".join(f"{r[kind].precision:.3f} / {r[kind].recall:.3f}"
                                   for r in rows)
                print(f"| {name} | {kind} | {cells} |", flush=True)
    print("\nThreshold pool, best recall at a precision (one threshold for every type):")
    curves = []
    for folder in args.models:
        sweep = [score_documents(pool, tagger(folder, {
            **dict.fromkeys(TYPES, t), **{label + SUPPORTED: t for label in TYPES}}))
            for t in GRID]
        curves.append(sweep)
        for t, s in zip(GRID, sweep, strict=True):
            print(f"  {folder} at {t}: " + ", ".join(
                f"{kind} {v.precision:.3f}/{v.recall:.3f}" for kind, v in s.items()), flush=True)
    print("| recall of | at precision | " + " | ".join(str(m) for m in args.models) + " |")
    print("|---|---|" + "---|" * len(args.models))
    for kind, precisions in PRECISIONS.items():
        for p in precisions:
            cells = " | ".join(f"{recall_at([s[kind] for s in sweep], p):.3f}"
                               for sweep in curves)
            print(f"| {kind} | {p} | {cells} |")


if __name__ == "__main__":
    main()
