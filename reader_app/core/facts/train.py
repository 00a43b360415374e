"""Train the shipped name tagger from open CoNLL corpora and choose its thresholds.

``pip install .[train]``, then
``python -m reader_app.core.facts.train --data DIR [--out DIR] [--algorithm lbfgs|ap]
[--no-lexicons] [--c1 C1] [--c2 C2]``. ``DIR`` holds the ``*.conll`` files
(``token<TAB>IOB2 tag``) listed in ``CORPORA``; ``--c1``/``--c2`` set the CRF's L1 and L2
penalties. Every fifth unit of each corpus (a document, or 50 sentences where a corpus has
few documents) and all of UNER-PUD are held out: the model never trains on them; the
thresholds are chosen on the even-numbered held-out documents of the news and encyclopedia
corpora (the odd-numbered ones are reported apart, as text no choice saw), and every
corpus's held-out part is reported. Training is deterministic: the same data gives the same model.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from .cues import HONORIFICS, TITLES
from .evaluation import Score, read_conll
from .heldout import score_documents
from .lexicon import lexicon
from .ner_features import FeatureMaker
from .tagger import MODEL, SETTINGS, SUPPORTED, TYPES, NameTagger, spans, tag_sentence

# file name → (corpus name, held out entirely)
CORPORA = {
    "train_gum.conll": ("GUM", False),
    "train_uner_pud.conll": ("UNER-PUD", True),
    "wikigold.conll": ("wikigold", False),
    "train_redocred.conll": ("Re-DocRED", False),
    "train_crossner.conll": ("CrossNER", False),
    "uner_ewt_dev.conll": ("UNER-EWT", False),
    "train_btc.conll": ("BTC", False),
    "train_wnut17.conll": ("WNUT-17", False),
    "train_litbank.conll": ("LitBank", False),
}
# Held-out corpora whose text is like an article's: the thresholds are chosen on their
# even-numbered held-out documents.
THRESHOLD_CORPORA = ("GUM", "UNER-PUD", "wikigold", "Re-DocRED")
HOLD_OUT_EVERY = 5
UNIT_SENTENCES = 50
PARAMS = {
    "c1": 0.05,
    "c2": 0.3,
    "max_iterations": 200,
    "feature.minfreq": 2,
    "feature.possible_transitions": True,
}

Sentence = tuple[list[str], list[str]]  # words, BIO tags
T = TypeVar("T")
_TITLES = frozenset(w.rstrip(".") for w in HONORIFICS | TITLES)
_ARTICLES = frozenset({"the", "a", "an"})


@dataclass
class Corpus:
    """One corpus split into training sentences and held-out units (documents)."""

    name: str
    train: list[Sentence]
    units: list[list[Sentence]]

    @property
    def held_out(self) -> list[Sentence]:
        return [sentence for unit in self.units for sentence in unit]


def _clean(words: Sequence[str], tags: Sequence[str]) -> list[str]:
    """Tags of PER/LOC/ORG only, valid BIO, in the product's convention: a name without
    the article or title before it ("the United States", "Mr Osborne" → "United States",
    "Osborne"), whatever the corpus's own convention."""
    typed = [t if t[2:] in TYPES else "O" for t in tags]
    out = ["O"] * len(tags)
    for first, end, label in spans(typed):
        while first < end and (
            words[first].lower() in _ARTICLES
            or (label == "PER" and words[first].lower().rstrip(".") in _TITLES)
        ):
            first += 1
        if first < end:
            out[first] = "B-" + label
            out[first + 1 : end] = ["I-" + label] * (end - first - 1)
    return out


def halve(units: Sequence[T]) -> tuple[list[T], list[T]]:
    """A threshold corpus's held-out units: the even-numbered ones, on which thresholds are
    chosen, and the odd-numbered ones, which no choice sees."""
    return list(units[::2]), list(units[1::2])


def load_corpus(path: Path, name: str, all_held_out: bool) -> Corpus:
    """Read one CoNLL file and split it into units, every fifth held out."""
    documents = read_conll(path)
    units: list[list[Sentence]] = []
    for document in documents:
        sentences = []
        for sentence in document.sentences:
            words = [w for w, _ in sentence]
            sentences.append((words, _clean(words, [t for _, t in sentence])))
        if len(documents) >= 50:
            units.append(sentences)
        else:
            units += [
                sentences[k : k + UNIT_SENTENCES]
                for k in range(0, len(sentences), UNIT_SENTENCES)
            ]
    corpus = Corpus(name, [], [])
    for index, unit in enumerate(units):
        held = all_held_out or index % HOLD_OUT_EVERY == HOLD_OUT_EVERY // 2
        if held:
            corpus.units.append(unit)
        else:
            corpus.train.extend(unit)
    return corpus


def train(
    corpora: Sequence[Corpus],
    maker: FeatureMaker,
    model: Path,
    algorithm: str,
    params: dict[str, Any] = PARAMS,
) -> None:
    """Train a CRF on the training sentences of ``corpora`` into ``model``."""
    import pycrfsuite

    trainer = pycrfsuite.Trainer(algorithm=algorithm, verbose=False)
    for corpus in corpora:
        for words, tags in corpus.train:
            trainer.append(maker.sentence(words), tags)
    params = dict(params)
    if algorithm != "lbfgs":
        params = {"max_iterations": 15, "feature.minfreq": PARAMS["feature.minfreq"],
                  "feature.possible_transitions": True}
    trainer.set_params(params)
    trainer.train(str(model))


Prediction = tuple[int, int, int, str, float]  # sentence, first, end, type, confidence


def predict(
    tagger: Any, maker: FeatureMaker, sentences: Sequence[Sentence]
) -> tuple[list[Prediction], set[tuple[int, int, int, str]], float]:
    """Predictions with confidences, gold spans, and seconds spent, over ``sentences``."""
    predicted: list[Prediction] = []
    gold = set()
    began = time.perf_counter()
    for index, (words, _) in enumerate(sentences):
        if words:
            for first, end, label, confidence in tag_sentence(tagger, maker.sentence(words)):
                predicted.append((index, first, end, label, confidence))
    seconds = time.perf_counter() - began
    for index, (_, tags) in enumerate(sentences):
        gold |= {(index, first, end, label) for first, end, label in spans(tags)}
    return predicted, gold, seconds


def score(
    predicted: Iterable[Prediction],
    gold: set[tuple[int, int, int, str]],
    label: str,
    threshold: float,
) -> Score:
    """Exact-span score of one type at one confidence threshold."""
    mine = {(s, a, b, t) for s, a, b, t, c in predicted if t == label and c >= threshold}
    theirs = {g for g in gold if g[3] == label}
    right = len(mine & theirs)
    return Score(right, len(mine), right, len(theirs))


GRID = (0.0, 0.3, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.93, 0.95, 0.97, 0.99)
_KIND = {"PER": "people", "LOC": "places", "ORG": "organisations"}


def choose_thresholds(model: Path, lexicons: bool, units: list[list[Sentence]]) -> dict[str, float]:
    """Per type, the threshold of ``GRID`` at which the whole recogniser has the best F0.5
    (precision weighed twice as much as recall) on the held-out documents ``units``; then,
    with that fixed, the same for mentions the lexicons agree with, which may only be lower.
    F0.5 rather than a precision floor: the held-out annotation disagrees with the panel's
    idea of a name often enough (a city named for its government, "Denver, Colorado" as one
    place) that a floor of 0.9 would cut recall in half."""

    def scores(thresholds: dict[str, float]) -> dict[str, Score]:
        return score_documents(units, NameTagger(str(model), thresholds, lexicons))

    def pick(label: str, runs: dict[float, dict[str, Score]], grid: Sequence[float]) -> float:
        return max(grid, key=lambda t: _f05(runs[t][_KIND[label]]))

    plain = {t: scores(dict.fromkeys(TYPES, t)) for t in GRID}
    chosen = {label: pick(label, plain, GRID) for label in TYPES}
    if not lexicons:
        return chosen
    supported = {
        t: scores({**chosen, **{label + SUPPORTED: min(t, chosen[label]) for label in TYPES}})
        for t in GRID
    }
    for label in TYPES:
        chosen[label + SUPPORTED] = min(pick(label, supported, GRID), chosen[label])
    return chosen


def _f05(s: Score) -> float:
    p, r = s.precision, s.recall
    return 1.25 * p * r / (0.25 * p + r) if p + r else 0.0


def recall_at(
    predicted: list[Prediction], gold: set[tuple[int, int, int, str]], label: str, p: float
) -> float:
    """The best recall of ``label`` at precision ``p`` or more."""
    best = 0.0
    for hundredths in range(0, 100):
        s = score(predicted, gold, label, hundredths / 100)
        if s.precision >= p:
            best = max(best, s.recall)
    return best


def main(argv: list[str] | None = None) -> None:
    """Train, choose thresholds, write the model and settings, print held-out figures."""
    parser = argparse.ArgumentParser(prog="python -m reader_app.core.facts.train")
    parser.add_argument("--data", type=Path, required=True, help="folder of the CoNLL files")
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "data")
    parser.add_argument("--algorithm", choices=("lbfgs", "ap"), default="lbfgs")
    parser.add_argument("--no-lexicons", action="store_true", help="features without lexicons")
    parser.add_argument("--c1", type=float, default=PARAMS["c1"], help="L1 penalty")
    parser.add_argument("--c2", type=float, default=PARAMS["c2"], help="L2 penalty")
    parser.add_argument("--skip", nargs="*", default=(), help="corpora not to train on")
    parser.add_argument("--keep-model", action="store_true",
                        help="choose thresholds for the model already in --out")
    args = parser.parse_args(argv)
    import pycrfsuite

    corpora = [
        load_corpus(args.data / name, corpus, held)
        for name, (corpus, held) in CORPORA.items()
        if (args.data / name).exists()
    ]
    maker = FeatureMaker(None if args.no_lexicons else lexicon())
    params = {**PARAMS, "c1": args.c1, "c2": args.c2}
    args.out.mkdir(parents=True, exist_ok=True)
    model = args.out / MODEL
    began = time.perf_counter()
    if not args.keep_model:
        train([c for c in corpora if c.name not in args.skip], maker, model, args.algorithm,
              params)
    print(f"trained in {time.perf_counter() - began:.0f} s; {model.stat().st_size:,} bytes")

    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    results = {}
    tokens = seconds = 0.0
    for corpus in corpora:
        predicted, gold, spent = predict(tagger, maker, corpus.held_out)
        results[corpus.name] = (predicted, gold)
        tokens += sum(len(w) for w, _ in corpus.held_out)
        seconds += spent
    print(f"tagging {1e6 * seconds / tokens:.1f} ms per 1,000 words")
    print("\nMentions, exact spans, best path (no threshold):")
    print("| held-out set | type | precision | recall | F1 | gold | recall at P>=0.90 |")
    print("|---|---|---|---|---|---|---|")
    for name, (predicted, gold) in results.items():
        for label in TYPES:
            s = score(predicted, gold, label, 0.0)
            r90 = recall_at(predicted, gold, label, 0.90)
            print(f"| {name} | {label} | {s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f}"
                  f" | {s.gold} | {r90:.3f} |")
    by_name = {corpus.name: corpus for corpus in corpora}
    halves = [halve(by_name[name].units) for name in THRESHOLD_CORPORA if name in by_name]
    development = [unit for even, _ in halves for unit in even]
    test = [unit for _, odd in halves for unit in odd]
    thresholds = choose_thresholds(model, not args.no_lexicons, development)
    settings = {"thresholds": thresholds, "algorithm": args.algorithm, "params": params,
                "lexicons": not args.no_lexicons}
    (args.out / SETTINGS).write_text(json.dumps(settings, indent=2) + "\n", encoding="utf-8")
    print(f"\nthresholds {thresholds}")
    print("\nNames per document, as the panel lists them (at the thresholds):")
    print("| held-out set | type | precision | recall | F1 | gold |")
    print("|---|---|---|---|---|---|")
    final = NameTagger(str(model), thresholds, not args.no_lexicons)
    sets = [(c.name, c.units) for c in corpora] + [
        ("threshold corpora, even documents (thresholds chosen here)", development),
        ("threshold corpora, odd documents (no choice saw them)", test),
    ]
    for name, units in sets:
        scores = score_documents(units, final)
        for label in TYPES:
            s = scores[_KIND[label]]
            print(f"| {name} | {label} | {s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f}"
                  f" | {s.gold} |")


if __name__ == "__main__":
    main()
