"""Acronyms an article defines as terms: "machine learning (ML)", "click-through rate (CTR)".

An acronym spelt out in lowercase words names a thing or an idea, not an organisation, a
person or a place, wherever else the article writes it alone. One spelt out in capitalised
words is a term too ("Certified Supply Chain Professional (CSCP)", "Anti-Money Laundering
(AML)") unless its words hold an organisation's head word or the tagger found an
organisation in them ("National Health Service (NHS)", "Amazon Web Services (AWS)"). An
acronym whose letters the words hold in order, the first opening a word (Schwartz and
Hearst's matching), is a term where those words are lowercase ("tetrahydrocannabinol
(THC)", "excess post-exercise oxygen consumption (EPOC)") or one capitalised word
("Cannabidiol (CBD)"); capitalised words so matched are a name's ("Centers for Disease
Control and Prevention (CDC)").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from .cues import KNOWN_ORGS, ORG_HEADS

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
        spelt, named = _spelt(acronym.lower(), words), False
        if spelt:
            named = not _lowercase(spelt[:-1])  # the first word may open a sentence
        elif acronym not in KNOWN_ORGS:
            spelt = _spelt_within(acronym.lower(), words)
            if len(spelt) > 1 and not _lowercase(spelt):
                continue  # "Centers for Disease Control and Prevention (CDC)"
            named = not _lowercase(spelt)
        if spelt and (not named or _no_organisation(spelt, words, organisations)):
            terms.update((acronym, acronym + "s"))
    return terms


def _lowercase(words: Sequence[tuple[int, str]]) -> bool:
    return all(w[0].islower() or not w[0].isalpha() for _, w in words)


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


#: Fewest letters of the words that hold an acronym's letters, per letter of it: "a cat (CT)"
#: defines nothing.
_MIN_INNER_LETTERS = 3


def _spelt_within(letters: str, words: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The last of ``words`` (offset, word) whose letters hold ``letters`` in order, the
    first at the start of a word, last first (Schwartz and Hearst's matching): each word but
    function words and one more gives a letter, one word for an acronym of two letters, with
    :data:`_MIN_INNER_LETTERS` letters or more per letter of it; none if they do not."""
    k, idle = len(letters) - 1, 0
    spelt: list[tuple[int, str]] = []
    for offset, word in reversed(words[-min(len(letters) + 5, 2 * len(letters)):]):
        spelt.append((offset, word))
        lowered = word.lower()
        at, before = len(lowered), k
        while k > 0 and (at := lowered.rfind(letters[k], 0, at)) >= 0:
            k -= 1
        if k == 0 and at > 0 and lowered[0] == letters[0]:
            if len(letters) == 2 and len(spelt) > 1:
                return []
            return spelt if sum(len(w) for _, w in spelt) >= _MIN_INNER_LETTERS * len(letters) \
                else []
        if k == before and lowered not in _SKIPPABLE:
            idle += 1
            if idle > 1:
                return []  # a word may give no letter ("post-exercise" of EPOC), not two
    return []


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
