"""How close extracted text is to a page's truth, counted as the public extraction benchmarks
count it (used by ``benchmarks/extraction_quality.py`` and the extraction gate test).

Truth is a mapping with ``articleBody`` (the main text), ``with`` (snippets a good extraction
keeps) and ``without`` (boilerplate snippets it must not hold).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from .model import BLOCK_SEPARATOR, Article

_TOKEN = re.compile(r"\w+")
#: Boilerplate snippets shorter than this (in words) are not looked for.
LEAK_MIN_WORDS = 3


def body_text(article: Article) -> str:
    """The article's text without its title line, as the truth and other extractors give
    the main text."""
    return BLOCK_SEPARATOR.join(b.text for b in article.blocks if b.text)


def tokens(text: str) -> list[str]:
    """Lower-cased ``\\w+`` tokens."""
    return _TOKEN.findall(text.lower())


def shingles(text: str, size: int = 4) -> Counter[tuple[str, ...]]:
    """The multiset of overlapping ``size``-token shingles of ``text``."""
    words = tokens(text)
    return Counter(tuple(words[i : i + size]) for i in range(len(words) - size + 1))


def precision_recall(predicted: str, truth: str) -> tuple[float, float]:
    """Shingle precision and recall of one page (1.0 for two empty sides, else 0)."""
    pred, true = shingles(predicted), shingles(truth)
    if not pred and not true:
        return 1.0, 1.0
    if not pred or not true:
        return 0.0, 0.0
    shared = sum((pred & true).values())
    return shared / sum(pred.values()), shared / sum(true.values())


def word_f1(predicted: str, truth: str) -> float:
    """Bag-of-words F1 of one page over lower-cased ``\\w+`` tokens (WCXB's own measure): 1.0
    when both sides are empty, 0 when only one is."""
    pred, true = Counter(tokens(predicted)), Counter(tokens(truth))
    if not pred or not true:
        return float(not pred and not true)
    shared = sum((pred & true).values())
    if not shared:
        return 0.0
    precision, recall = shared / sum(pred.values()), shared / sum(true.values())
    return 2 * precision * recall / (precision + recall)


def contains(output: str, snippet: str) -> bool:
    """Whether the token sequence of ``snippet`` occurs in ``output``'s tokens."""
    needle = " ".join(tokens(snippet))
    return bool(needle) and needle in " ".join(tokens(output))


def leaks(output: str, truth: Mapping[str, Any]) -> list[str]:
    """The page's boilerplate snippets (of three words or more) that ``output`` holds."""
    snippets = [s for s in truth.get("without") or [] if len(tokens(s)) >= LEAK_MIN_WORDS]
    return [s for s in snippets if contains(output, s)]


def score(outputs: Sequence[str], truths: Sequence[Mapping[str, Any]]) -> dict[str, float]:
    """Shingle precision and recall averaged over pages and the F1 of the averages, the
    mean of the pages' word F1, the share of pages that leak boilerplate, and the share of
    ``with`` snippets kept."""
    precisions, recalls, words, leaking, kept, withs = [], [], [], 0, 0, 0
    for text, truth in zip(outputs, truths, strict=True):
        body = truth.get("articleBody") or ""
        p, r = precision_recall(text, body)
        words.append(word_f1(text, body))
        precisions.append(p)
        recalls.append(r)
        leaking += bool(leaks(text, truth))
        for snippet in truth.get("with") or []:
            withs += 1
            kept += contains(text, snippet)
    precision = sum(precisions) / len(precisions)
    recall = sum(recalls) / len(recalls)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "word_f1": sum(words) / len(words),
        "leaking": leaking / len(truths),
        "kept": kept / max(1, withs),
    }
