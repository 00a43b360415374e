"""Acronyms an article defines as terms: "machine learning (ML)", "click-through rate (CTR)".

An acronym spelt out in lowercase words names a thing or an idea, not an organisation, a
person or a place, wherever else the article writes it alone; one spelt out in capitalised
words ("National Health Service (NHS)") may be a name, and is left to the tagger.
"""

from __future__ import annotations

import re

#: An acronym in brackets after the words it stands for; a plural "s" is no letter of it.
_DEFINED = re.compile(r"\(([A-Za-z][A-Za-z&]{1,7}?)(s?)\)")
#: Words an acronym often leaves out ("return on investment": ROI keeps "on").
_SKIPPABLE = frozenset({"of", "and", "the", "for", "to", "in", "on", "a", "as", "&", "by"})
_WORDS_BEFORE = re.compile(r"[\w\u2019']+|&")
_LOOK_BACK = 80  # characters before the bracket read for the words spelt out


def defined_terms(text: str) -> set[str]:
    """The acronyms ``text`` spells out in lowercase words, with their plurals."""
    terms: set[str] = set()
    for match in _DEFINED.finditer(text):
        acronym = match.group(1)
        if sum(c.isupper() for c in acronym) < 2 or acronym in terms:
            continue
        before = text[max(0, match.start() - _LOOK_BACK) : match.start()]
        if _spelt_in_lowercase(acronym.lower(), _WORDS_BEFORE.findall(before.replace("-", " "))):
            terms.update((acronym, acronym + "s"))
    return terms


def _spelt_in_lowercase(letters: str, words: list[str]) -> bool:
    """Whether the last of ``words`` spell ``letters`` by their initials (function words may
    be left out), all of them in lowercase but the first (which may open a sentence)."""
    k = len(letters) - 1
    index = len(words) - 1
    spelt: list[str] = []
    while k >= 0 and index >= 0:
        word = words[index]
        if word[0].lower() == letters[k]:
            spelt.append(word)
            k -= 1
        elif word.lower() not in _SKIPPABLE:
            return False
        index -= 1
    return k < 0 and all(w[0].islower() or not w[0].isalpha() for w in spelt[:-1])
