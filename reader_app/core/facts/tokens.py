"""Word tokens of a text and the capitalised runs that may be names."""

from __future__ import annotations

import re
from typing import NamedTuple

from .cues import FUNCTION_WORDS, NAME_CONNECTORS, NAME_PARTICLES

_ABBREVIATIONS = "Mr|Mrs|Ms|Dr|Prof|St|Gen|Sen|Rep|Gov|Lt|Col|Capt|Sgt|Jr|Sr|Mt|Ft|Inc|Ltd|Corp|Co"
_TOKEN = re.compile(
    r"(?:[A-Z]\.){2,}"  # U.S., U.K.
    rf"|(?:{_ABBREVIATIONS})\.(?=[\s,;:)\]]|$)"  # Mr. Biden, Apple Inc.
    r"|[A-Z]\.(?=\s+[A-Z])"  # initials: J. K. Rowling
    r"|[^\W\d_](?:[\w]|[-\u2010](?=\w)|['\u2019](?!s\b)(?=[^\W\d_]))*"  # words, not possessive s
)
_PREFIXED = re.compile(r"^(?:al|el|bin|ibn|abu|de|van|von|d|l)['\u2019\-\u2010][A-Z]")
_SENTENCE_GAP = re.compile(r"[.!?…:;\n]")
_LINE_END = re.compile(r"[.!?…;][\"”\u2019)\]]*\s*$")
_SPACE = frozenset(" \u00a0")
_PROSE = re.compile(r"[a-z][.!?]\s+[\"\u201c]?[A-Z]")  # a sentence break inside the line


class Token(NamedTuple):
    """One word of the text with what the recogniser needs to know about its place."""

    start: int
    end: int
    text: str
    lower: str
    capitalised: bool
    sentence_start: bool
    restricted: bool  # in a headline, caption or other line that is not running prose


def _is_capitalised(word: str) -> bool:
    if word[0].isupper():
        return True
    return len(word) > 2 and not word[:4].isalpha() and bool(_PREFIXED.match(word))


def _restricted_spans(text: str) -> list[tuple[int, int]]:
    """Lines that are not prose (no closing full stop, no sentence break inside): titles,
    headings, captions, page furniture."""
    spans = []
    position = 0
    for line in text.split("\n"):
        end = position + len(line)
        if line.strip() and not _LINE_END.search(line) and not _PROSE.search(line):
            spans.append((position, end))
        position = end + 1
    return spans


def tokenize(text: str) -> list[Token]:
    """The words of ``text`` in order, flagged for capitals, sentence starts and headlines."""
    restricted = _restricted_spans(text)
    tokens: list[Token] = []
    previous_end = 0
    span_index = 0
    spans = len(restricted)
    search_gap = _SENTENCE_GAP.search
    for match in _TOKEN.finditer(text):
        start, end = match.span()
        word = match.group()
        while span_index < spans and restricted[span_index][1] < start:
            span_index += 1
        in_restricted = span_index < spans and restricted[span_index][0] <= start
        gap = text[previous_end:start]
        sentence_start = gap != " " and (not tokens or search_gap(gap) is not None)
        capitalised = word[0].isupper() or _is_capitalised(word)
        tokens.append(
            Token(start, end, word, word.lower(), capitalised, sentence_start, in_restricted)
        )
        previous_end = end
    return tokens


def joined(text: str, left: Token, right: Token) -> bool:
    """Whether two neighbouring tokens are separated by a single space only."""
    return right.start - left.end == 1 and text[left.end] in _SPACE


def ampersand(text: str, left: Token, right: Token) -> bool:
    """Whether two neighbouring tokens are joined by "&" ("Marks & Spencer", "PG&E")."""
    return text[left.end : right.start] in ("&", " & ")


def capitalised_runs(text: str, tokens: list[Token]) -> list[tuple[int, int]]:
    """Maximal runs ``[i, j)`` of capitalised tokens, joined by single spaces, that may hold
    lowercase particles and connectors ("Bank of England", "Ludwig van Beethoven") or
    ampersands ("Marks & Spencer")."""
    runs = []
    i = 0
    count = len(tokens)
    while i < count:
        if not tokens[i].capitalised:
            i += 1
            continue
        j = i + 1
        while j < count:
            if tokens[j].capitalised and (
                joined(text, tokens[j - 1], tokens[j]) or ampersand(text, tokens[j - 1], tokens[j])
            ):
                j += 1
                continue
            # up to two lowercase particles or connectors, then a capitalised word
            k = j
            while (
                k < count
                and k - j < 2
                and not tokens[k].capitalised
                and (tokens[k].lower in NAME_PARTICLES or tokens[k].lower in NAME_CONNECTORS)
                and joined(text, tokens[k - 1], tokens[k])
            ):
                k += 1
            if (
                k > j
                and k < count
                and tokens[k].capitalised
                and tokens[k].lower not in FUNCTION_WORDS  # "New York on Monday"
                and joined(text, tokens[k - 1], tokens[k])
            ):
                j = k + 1
                continue
            break
        runs.append((i, j))
        i = j
    return runs
