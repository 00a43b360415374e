"""Organisations the name model often misses or cuts short, found by the rules that do them
well: a capitalised run headed by an organisation word ("Kenya Medical Research Institute",
"Bank of Italy", "Liberal Democratic Party"), a known organisation ("Kremlin", "White
House"), and an acronym that names no place ("CGT", "NNPC", "UNRWA", "MoD")."""

from __future__ import annotations

from collections.abc import Sequence

from .cues import FUNCTION_WORDS, KNOWN_ORG_NAMES, KNOWN_ORGS, ORG_HEADS, words
from .lexicon import Lexicon

_CONNECTORS = frozenset({"of", "for", "on", "the", "and", "&", "de"})
# Capitals that are words of the news, not organisations.
_NOT_ORG_CAPS = words(
    """AI GDP CEO CFO CTO TV PM AM MP MPS MEP OK UK US USA EU UN I II III IV VI VII VIII IX
    XI XII A DNA HIV AIDS COVID LGBT LGBTQ PhD BA MA BSc MSc FAQ PDF URL PR VAT GMT BST UTC
    EST PST OBE MBE CBE KC QC VIP ID IT SUV EV"""
)
_HEADLINE_SHARE = 0.6  # a sentence this capitalised is in headline case


def _acronym(word: str) -> bool:
    """Capitals, or capitals with one small letter inside ("NNPC", "MoD", "DfE")."""
    lower = sum(c.islower() for c in word)
    return word.isalpha() and word[0].isupper() and word[-1].isupper() and (
        lower == 0 or (lower == 1 and len(word) >= 3)
    )


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def _runs(words: Sequence[str], caps: Sequence[int]) -> list[tuple[int, int]]:
    """Maximal runs of capitalised words (at ``caps``), with connectors inside ("Bank of
    England")."""
    capital = set(caps)
    runs = []
    end = 0
    count = len(words)
    for i in caps:
        if i < end:
            continue
        j = i + 1
        while j < count:
            if j in capital:
                j += 1
            elif (j + 1 in capital and words[j] in _CONNECTORS
                  and words[j + 1].lower() not in FUNCTION_WORDS):
                j += 2
            else:
                break
        runs.append((i, j))
        end = j
    return runs


def _headed(run: Sequence[str]) -> bool:
    """Whether a run of two or more capitalised words names an organisation by its head."""
    bare = [w.lower().rstrip(".") for w in run]
    if sum(_capitalised(w) for w in run) < 2:
        return False
    return bare[-1] in ORG_HEADS or (bare[0] in ORG_HEADS and bare[1] in ("of", "for"))


def organisation_spans(
    words: Sequence[str],
    caps: Sequence[int],
    people: Sequence[bool],
    tagged: Sequence[bool],
    lex: Lexicon,
) -> list[tuple[int, int]]:
    """Word spans ``[first, end)`` of organisations in one sentence, whose capitalised
    words are at ``caps`` (in order); ``people`` marks the
    words of the people already found there, which no organisation takes, and ``tagged``
    the words the model tagged as an organisation at any confidence: an acronym must be one
    of them ("MRI", "HR", "SIDS" are not)."""
    out = []
    headline = len(words) > 5 and len(caps) > _HEADLINE_SHARE * len(words)
    for i, j in _runs(words, caps):
        while i < j and words[i].lower() in FUNCTION_WORDS:
            i += 1
        if i >= j or any(people[i:j]):
            continue
        name = " ".join(words[i:j])
        if name in KNOWN_ORG_NAMES or (j - i == 1 and name in KNOWN_ORGS):
            out.append((i, j))
        elif j - i == 1:
            word = words[i]
            if (2 <= len(word) <= 6 and _acronym(word) and tagged[i]
                    and word not in _NOT_ORG_CAPS and word.title() not in lex.strong_places
                    and word not in lex.strong_places and word not in lex.weak_places
                    and not headline):
                out.append((i, j))
        elif not headline and _headed(words[i:j]):
            out.append((i, j))
    return out


__all__ = ["organisation_spans"]
