"""Word clusters for the name tagger, learned from open text: which words are used alike.

``pip install .[train]``, then
``python -m reader_app.core.facts.train_clusters --ner DIR --pages FILE [--out DIR]``.
``DIR`` holds the CoNLL corpora of ``train.CORPORA``: only their training part is read (the
documents ``train.load_corpus`` does not hold out), so that no held-out text shapes a
cluster. ``FILE`` is a JSON object of pages whose ``articleBody`` fields are plain article
text (the WCXB development pages), split into words as the tagger splits an article.

Each word seen ``MIN_COUNT`` times or more (at most ``VOCABULARY`` words, the most frequent;
case kept, as "Bush" and "bush", "May" and "may" are used differently) is described by
the words one and two places before and after it (the ``CONTEXTS`` most frequent words,
case kept, each other word by its shape), weighted by positive pointwise mutual information
(context counts smoothed to the power 0.75), reduced to ``DIMENSIONS`` dimensions by a
randomised truncated SVD, and grouped by spherical k-means into ``FINE`` clusters; their
centres are grouped again into ``MID`` and then ``COARSE`` clusters, so that every word
has a cluster at three granularities, nested. Every random choice is seeded: the same text
gives the same clusters on the same numerical libraries.

Writes ``data/clusters.txt.gz``: a line of each fine cluster's mid cluster, a line of
each mid cluster's coarse cluster, then one line per fine cluster of its words.
numpy is needed here only; the product reads the file with the standard library.
"""

from __future__ import annotations

import argparse
import gzip
import json
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from .lexicon import CLUSTERS, cluster_key
from .ner_features import shape, words_of
from .train import CORPORA, load_corpus

VOCABULARY = 50_000
MIN_COUNT = 3
CONTEXTS = 1500
DIMENSIONS = 100
FINE, MID, COARSE = 1024, 256, 64
SEED = 20261205
_BOUNDARY = ("<s>", "</s>")


def sentences(ner: Path, pages: Path | None) -> Iterator[list[str]]:
    """The words of each training sentence of the corpora, then of each page's text."""
    for name, (corpus, held) in CORPORA.items():
        if (ner / name).exists():
            for words, _ in load_corpus(ner / name, corpus, held).train:
                yield words
    if pages is not None:
        for page in json.loads(pages.read_text(encoding="utf-8")).values():
            for sentence in words_of(page.get("articleBody") or ""):
                yield sentence.words


def _context_of(word: str, index: dict[str, int]) -> int:
    found = index.get(word)
    if found is not None:
        return found
    kind = "".join(c if c in "Xxd" else "." for c in shape(word)[:2])
    return index.setdefault("<" + kind + ">", len(index))


def count(text: Iterable[list[str]]) -> tuple[list[str], list[int], Any]:
    """The vocabulary, its counts, and a matrix of (word, position, context) counts."""
    import numpy as np

    keyed = [[cluster_key(w) for w in words if w.strip() == w and w] for words in text]
    frequency = Counter(w for words in keyed for w in words)
    ranked = sorted(frequency.items(), key=lambda item: (-item[1], item[0]))
    vocabulary = [w for w, n in ranked[:VOCABULARY] if n >= MIN_COUNT]
    row = {w: i for i, w in enumerate(vocabulary)}
    context = {w: i for i, (w, _) in enumerate(ranked[:CONTEXTS])}
    for boundary in _BOUNDARY:
        context[boundary] = len(context)
    pairs: list[int] = []
    width = 0
    for words in keyed:
        padded = [_BOUNDARY[0], _BOUNDARY[0], *words, _BOUNDARY[1], _BOUNDARY[1]]
        ids = [_context_of(w, context) for w in padded]
        for k, word in enumerate(words):
            r = row.get(word)
            if r is None:
                continue
            for slot, offset in enumerate((-2, -1, 1, 2)):
                pairs.append(r * 8 + slot)
                pairs.append(ids[k + 2 + offset])
    width = len(context)
    flat = np.array(pairs, dtype=np.int64).reshape(-1, 2)
    cells = (flat[:, 0] // 8) * (4 * width) + (flat[:, 0] % 8) * width + flat[:, 1]
    matrix = np.bincount(cells, minlength=len(vocabulary) * 4 * width)
    counts = [frequency[w] for w in vocabulary]
    return vocabulary, counts, matrix.reshape(len(vocabulary), 4 * width).astype(np.float32)


def ppmi(matrix: Any) -> Any:
    """Positive pointwise mutual information, context counts smoothed to the power 0.75."""
    import numpy as np

    rows = matrix.sum(axis=1, keepdims=True)
    columns = matrix.sum(axis=0, keepdims=True) ** 0.75
    with np.errstate(divide="ignore"):
        pmi = np.log(matrix * (columns.sum() / np.maximum(columns, 1e-9)))
        pmi -= np.log(np.maximum(rows, 1.0))
    return np.maximum(pmi, 0.0).astype(np.float32)


def reduce(matrix: Any, dimensions: int, rng: Any) -> Any:
    """Rows of ``matrix`` in ``dimensions`` dimensions (randomised SVD, two power steps),
    scaled by the square roots of the singular values and normalised to unit length."""
    import numpy as np

    probe = rng.standard_normal((matrix.shape[1], dimensions + 20)).astype(np.float32)
    basis, _ = np.linalg.qr(matrix @ probe)
    for _ in range(2):
        basis, _ = np.linalg.qr(matrix.T @ basis)
        basis, _ = np.linalg.qr(matrix @ basis)
    small = basis.T @ matrix
    left, values, _ = np.linalg.svd(small.astype(np.float64), full_matrices=False)
    vectors = (basis.astype(np.float64) @ left[:, :dimensions]) * np.sqrt(values[:dimensions])
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.maximum(norms, 1e-12)


def kmeans(points: Any, k: int, weights: Any, rng: Any, rounds: int = 30) -> tuple[Any, Any]:
    """Spherical k-means (cosine similarity) seeded by k-means++; the assignment of each
    point and the unit-length centres."""
    import numpy as np

    n = len(points)
    chosen = [int(rng.choice(n, p=weights / weights.sum()))]
    nearest = 1.0 - points @ points[chosen[0]]
    for _ in range(1, k):
        chance = weights * np.maximum(nearest, 0.0) ** 2
        pick = int(rng.choice(n, p=chance / chance.sum())) if chance.sum() > 0 else int(
            rng.integers(n))
        chosen.append(pick)
        nearest = np.minimum(nearest, 1.0 - points @ points[pick])
    centres = points[chosen].copy()
    assignment = np.zeros(n, dtype=np.int64)
    for step in range(rounds):
        similarity = points @ centres.T
        new = similarity.argmax(axis=1)
        if step and (new == assignment).all():
            break
        assignment = new
        sums = np.zeros_like(centres)
        np.add.at(sums, assignment, points * weights[:, None])
        empty = np.flatnonzero(np.linalg.norm(sums, axis=1) == 0)
        worst = np.argsort(similarity[np.arange(n), assignment], kind="stable")
        for slot, point in zip(empty, worst, strict=False):
            sums[slot] = points[point]
            assignment[point] = slot
        centres = sums / np.maximum(np.linalg.norm(sums, axis=1, keepdims=True), 1e-12)
    return assignment, centres


def cluster(vocabulary: list[str], counts: list[int], vectors: Any) -> list[str]:
    """The lines of the clusters file for ``vocabulary`` and its vectors."""
    import numpy as np

    rng = np.random.default_rng(SEED)
    weights = np.log1p(np.array(counts, dtype=np.float64))
    fine, fine_centres = kmeans(vectors, FINE, weights, rng)
    sizes = np.bincount(fine, weights=weights, minlength=FINE) + 1e-9
    mid, mid_centres = kmeans(fine_centres, MID, sizes, rng)
    mid_sizes = np.bincount(mid, weights=sizes, minlength=MID) + 1e-9
    coarse, _ = kmeans(mid_centres, COARSE, mid_sizes, rng)
    members: list[list[str]] = [[] for _ in range(FINE)]
    for word, c in zip(vocabulary, fine, strict=True):
        members[int(c)].append(word)
    return [
        " ".join(str(int(m)) for m in mid),
        " ".join(str(int(c)) for c in coarse),
        *(" ".join(sorted(words)) for words in members),
    ]


def main(argv: list[str] | None = None) -> None:
    """Count, weigh, reduce, cluster, and write the clusters file."""
    parser = argparse.ArgumentParser(prog="python -m reader_app.core.facts.train_clusters")
    parser.add_argument("--ner", type=Path, required=True, help="folder of the CoNLL files")
    parser.add_argument("--pages", type=Path, help="JSON of pages with an articleBody each")
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "data")
    args = parser.parse_args(argv)
    import numpy as np

    began = time.perf_counter()
    text = list(sentences(args.ner, args.pages))
    tokens = sum(len(words) for words in text)
    vocabulary, counts, matrix = count(text)
    print(f"{tokens:,} words, {len(vocabulary):,} in the vocabulary, "
          f"{matrix.shape[1]:,} contexts ({time.perf_counter() - began:.0f} s)")
    rng = np.random.default_rng(SEED)
    vectors = reduce(ppmi(matrix), DIMENSIONS, rng)
    del matrix
    print(f"reduced to {DIMENSIONS} dimensions ({time.perf_counter() - began:.0f} s)")
    lines = cluster(vocabulary, counts, vectors)
    args.out.mkdir(parents=True, exist_ok=True)
    data = ("\n".join(lines) + "\n").encode("utf-8")
    (args.out / CLUSTERS).write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
    print(f"{FINE} / {MID} / {COARSE} clusters written to {args.out / CLUSTERS} "
          f"({(args.out / CLUSTERS).stat().st_size:,} bytes, "
          f"{time.perf_counter() - began:.0f} s)")


if __name__ == "__main__":
    main()
