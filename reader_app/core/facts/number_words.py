"""Numbers written in words: "four", "twenty-five", "two hundred", "a dozen", "two-thirds"."""

from __future__ import annotations

import re

from .units import literal_tree

UNITS: dict[str, int] = {
    word: number
    for number, word in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
        ]
    )
}
TENS: dict[str, int] = {
    word: 10 * number
    for number, word in enumerate(
        ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"], start=2
    )
}
SCALE_WORDS: dict[str, int] = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}
FRACTIONS: dict[str, float] = {
    "half": 1 / 2,
    "third": 1 / 3,
    "thirds": 1 / 3,
    "quarter": 1 / 4,
    "quarters": 1 / 4,
    "fifth": 1 / 5,
    "fifths": 1 / 5,
    "tenth": 1 / 10,
    "tenths": 1 / 10,
}

_UNIT = literal_tree(sorted((w for w in UNITS if w != "zero"), key=len, reverse=True))
_TENS = literal_tree(list(TENS))
_SCALE = literal_tree(list(SCALE_WORDS))
_SMALL = rf"(?:(?:{_TENS})(?:[-\s](?:{_UNIT}))?|{_UNIT})"
_SP = r"[\s\u00a0\u202f]+"

# The first letters of written numbers, looked at before trying every word.
_FIRST = "(?=[" + "".join(sorted({w[0] for w in [*UNITS, *TENS, "a", "half"]})) + "])"

# "twenty-five", "two hundred", "three hundred and fifty thousand", "a million", "a dozen".
WORD_NUMBER = (
    rf"{_FIRST}(?:(?:{_SMALL}|a|an){_SP}dozen"
    rf"|(?:{_SMALL}|a){_SP}(?:{_SCALE})(?:{_SP}(?:and{_SP})?{_SMALL})?(?:{_SP}(?:{_SCALE}))*"
    rf"|half{_SP}a{_SP}(?:million|billion)"
    rf"|{_SMALL})"
)
# "two-thirds", "a third", "three quarters", "half".
FRACTION = rf"{_FIRST}(?:(?:{_UNIT}|a)[-\s](?:{literal_tree(list(FRACTIONS))})|half)"

_TOKEN = re.compile(r"[a-z]+")


def word_value(words: str) -> float | None:
    """The value of a written number or fraction, or None if it is not one."""
    tokens = _TOKEN.findall(words.lower())
    if not tokens:
        return None
    if tokens[-1] in FRACTIONS:
        head = tokens[:-1]
        part = 1 if not head or head == ["a"] else UNITS.get(head[0])
        return None if part is None else part * FRACTIONS[tokens[-1]]
    if tokens[-1] == "dozen":
        count = 1 if tokens[:-1] in ([], ["a"], ["an"]) else word_value(" ".join(tokens[:-1]))
        return None if count is None else count * 12
    total = 0.0
    current = 0.0
    for token in tokens:
        if token in ("a", "an"):
            current = current or 1
        elif token == "half":
            current = 0.5
        elif token in UNITS:
            current += UNITS[token]
        elif token in TENS:
            current += TENS[token]
        elif token == "hundred":
            current = (current or 1) * 100
        elif token in SCALE_WORDS:
            total += (current or 1) * SCALE_WORDS[token]
            current = 0
        elif token != "and":
            return None
    return total + current
