"""Acronyms an article defines as terms: "machine learning (ML)", "click-through rate (CTR)".

An acronym spelt out in lowercase words names a thing or an idea, not an organisation, a
person or a place, wherever else the article writes it alone. One spelt out in capitalised
words is a term too ("Certified Supply Chain Professional (CSCP)", "Anti-Money Laundering
(AML)") unless its words hold an organisation's head word or the tagger found an
organisation in them ("National Health Service (NHS)", "Amazon Web Services (AWS)").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from .cues import ORG_HEADS

#: An acronym in brackets after the words it stands for; a plural "s" is no letter of it.
#: The noun the words qualify may follow it there: "whole-foods, plant-based diet (WFPB
#: diet)".
_DEFINED = re.compile(r"\(([A-Za-z][A-Za-z&]{1,7}?)(s?)(?: ([a-z]+))?\)")
#: Words an acronym often leaves out ("return on investment": ROI keeps "on").
_SKIPPABLE = frozenset({"of", "and", "the", "for", "to", "in", "on", "a", "as", "&", "by"})
_WORDS_BEFORE = re.compile(r"[\w\u2019']+|&")
_LOOK_BACK = 80  # characters before the bracket read for the words spelt out
#: Head words of organisations: those the tagger's features know, and "Forum".
_HEADS = ORG_HEADS | {"forum"}


def defined_terms(text: str, organisations: Sequence[tuple[int, int]] = ()) -> set[str]:
    """The acronyms ``text`` spells out as terms, with their plurals; ``organisations`` are
    the spans of the organisations the tagger found, in text order, none overlapping."""
    terms: set[str] = set()
    for match in _DEFINED.finditer(text):
        acronym = match.group(1)
        if sum(c.isupper() for c in acronym) < 2 or acronym in terms:
            continue
        start = max(0, match.start() - _LOOK_BACK)
        words = [(m.start() + start, m.group())
                 for m in _WORDS_BEFORE.finditer(text[start : match.start()].replace("-", " "))]
        noun = match.group(3)
        if noun:
            if not words or words[-1][1] != noun:
                continue
            words.pop()
        spelt = _spelt(acronym.lower(), words)
        if spelt and (
            all(w[0].islower() or not w[0].isalpha() for _, w in spelt[:-1])
            or _no_organisation(spelt, words, organisations)
        ):
            terms.update((acronym, acronym + "s"))
    return terms


def _spelt(letters: str, words: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The last of ``words`` (offset, word) that spell ``letters`` by their initials
    (function words may be left out), last first; none if they do not."""
    k = len(letters) - 1
    index = len(words) - 1
    spelt: list[tuple[int, str]] = []
    while k >= 0 and index >= 0:
        word = words[index][1]
        if word[0].lower() == letters[k]:
            spelt.append(words[index])
            k -= 1
        elif word.lower() not in _SKIPPABLE:
            return []
        index -= 1
    return spelt if k < 0 else []


def _no_organisation(
    spelt: list[tuple[int, str]], words: list[tuple[int, str]],
    organisations: Sequence[tuple[int, int]],
) -> bool:
    """Whether the run of capitalised and function words that ends the ``words`` before the
    bracket holds no organisation's head word ("Front for the National Liberation of the
    Congo", where "for" spells the F), and no organisation the tagger found stands among the
    words ``spelt``."""
    run = []
    for _, word in reversed(words):
        if not (word[0].isupper() or word.lower() in _SKIPPABLE):
            break
        run.append(word.lower().rstrip("."))
    start, end = spelt[-1][0], spelt[0][0] + len(spelt[0][1])
    index = bisect.bisect_left(organisations, (end,))  # the last organisation starting before
    return _HEADS.isdisjoint(run) and not (index and organisations[index - 1][1] > start)
