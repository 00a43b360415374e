"""Names whose capitals case explains: common words at a sentence's start or in a heading.

A capital letter is evidence of a name only where case is free. At the start of a sentence
and in a title or heading set in headline case it says nothing, so there a name made of words
that open text mostly writes in lowercase (the case table, ``build_case``) is no name unless
the article names the same words where case is free.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from .cues import KNOWN_ORG_NAMES, KNOWN_ORGS
from .lexicon import lexicon
from .sources import SourceBlock
from .tagger import Mention

_ABBREVIATION = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|St|Prof|Gen|Sen|Rep|Gov)\.\s*$")
_WORDS = re.compile(r"[^\W_]{2,}")
#: A person's initial: "C. K. Young" is a name whatever words it is made of.
_INITIAL = re.compile(r"\b[A-Z]\.")
_HEADLINES = ("title", "heading")
#: Most words of a paragraph that may be a heading set as a paragraph; how a sentence ends.
_HEADING_WORDS = 8
_SENTENCE_ENDS = frozenset(".!?,;\"\u201d")
#: A line's opening label: up to eight words before a colon, a spaced dash or a spaced bar
#: ("Customer Review | Good sizing ..."), matched at the line's start only.
_LABEL = re.compile(r"[ \t]*((?:[^\s:|\u2013\u2014]+[ \t]){0,7}[^\s:|\u2013\u2014]+)"
                    r"(?::|[ \t][-|\u2013\u2014][ \t])")


def headline(words: Sequence[str]) -> bool:
    """Whether a sentence is set in headline case (four in five of its longer words
    capitalised, or more) or has no such word: its case says nothing."""
    letters = [w for w in words if len(w) > 3 and w.isalpha()]
    return not letters or 5 * sum(w[0].isupper() for w in letters) >= 4 * len(letters)


def opens_sentence(text: str, start: int, first: int) -> bool:
    """Whether ``text[start]`` opens a sentence of the block starting at ``first``."""
    before = text[max(first, start - 3) : start].rstrip(" \"'\u201c\u2018")
    return start == first or not before or (
        before[-1] in ".!?:\n" and not _ABBREVIATION.search(text, max(first, start - 8), start)
    )


def uncommon(mentions: list[Mention], text: str, blocks: Sequence[SourceBlock]) -> list[Mention]:
    """The mentions but those whose capitals case explains, unless the article names the same
    words elsewhere: a single word opening a sentence that open text mostly writes in
    lowercase and that is no given name ("Scientists warned ...", "Normal service ..."; not
    "Will", "Hope"), and a name in a title, a heading or a line's opening label set in
    headline case every word of which (of two characters or more) open text mostly writes
    in lowercase ("Organic Pest Control", "Build Trust"; not "AI & Automation", nor a known
    organisation or a place of two words or more that the lexicon lists: "White House",
    "Little Rock")."""
    lex = lexicon()
    headlines = _headlines(blocks)
    starts = [start for start, _ in headlines]
    flagged = []
    for m in mentions:
        surface = text[m.start : m.end]
        if " " not in surface and surface.lower() in lex.given_names:
            flagged.append(False)
        elif _inside(headlines, starts, m.start):
            words = _WORDS.findall(surface)
            flagged.append(bool(words) and all(lex.mostly_lower(w) for w in words)
                           and not _listed(surface) and not _INITIAL.search(surface))
        else:
            flagged.append(" " not in surface and lex.mostly_lower(surface)
                           and opens_sentence(text, m.start, 0))
    named = {text[m.start : m.end] for m, flag in zip(mentions, flagged, strict=True) if not flag}
    return [m for m, flag in zip(mentions, flagged, strict=True)
            if not flag or text[m.start : m.end] in named]


def written_lowercase(text: str, word: str) -> bool:
    """Whether ``word`` is a common word open text mostly writes in lowercase, that ``text``
    also writes so ("Rental" of "Avis Car Rental" beside "rental cars")."""
    return lexicon().mostly_lower(word) and has_word(text, word.lower())


def has_word(text: str, word: str) -> bool:
    """Whether ``text`` holds ``word`` as a whole word, found by substring scans (a pattern
    per word would read the text slower)."""
    start = text.find(word)
    while start >= 0:
        end = start + len(word)
        if not _in_word(text, start - 1) and not _in_word(text, end):
            return True
        start = text.find(word, end)
    return False


def _in_word(text: str, index: int) -> bool:
    """Whether ``text[index]`` is part of a word (a letter, digit, "_" or "-")."""
    return 0 <= index < len(text) and (text[index].isalnum() or text[index] in "_-")


def _headlines(blocks: Sequence[SourceBlock]) -> list[tuple[int, int]]:
    """The spans of text set in headline case as a heading is: titles and headings, short
    lines standing as headings, and the label that opens a line before a colon or a dash
    ("Licensing and Insurance: Verify that ...", "Social Engineering - attacks that ...")."""
    spans = []
    for block in blocks:
        if block.kind in _HEADLINES:
            if headline(block.text.split()):
                spans.append((block.start, block.end))
            continue
        start = block.start
        for line in block.text.split("\n"):  # a list's items, a paragraph's lines
            if "\t" not in line and _heading_line(line) and headline(line.split()):
                spans.append((start, start + len(line)))
            elif (label := _LABEL.match(line)) and headline(label.group(1).split()):
                spans.append((start + label.start(1), start + label.end(1)))
            start += len(line) + 1
    return sorted(spans)


def _heading_line(text: str) -> bool:
    """Whether a line may be a heading in all but its markup: a short line that ends in no
    mark of a sentence but a full stop ("Hand-Drawn Dinner Party" above the
    paragraphs about it, "Week 2: Adapt to New Training Zones."); the caller asks for its
    headline case."""
    line = text.strip()
    return 0 < len(line.split()) <= _HEADING_WORDS and (
        line[-1] == "." or line[-1] not in _SENTENCE_ENDS)


def _inside(spans: list[tuple[int, int]], starts: list[int], offset: int) -> bool:
    """Whether ``offset`` falls in one of the sorted, disjoint ``spans``."""
    index = bisect_right(starts, offset) - 1
    return index >= 0 and offset < spans[index][1]


def _listed(surface: str) -> bool:
    """Whether the lexicons list ``surface`` whole: a known organisation, or a place of two
    words or more (one word may be the common word: "Surprise", "Reading")."""
    return surface in KNOWN_ORG_NAMES or surface in KNOWN_ORGS or (
        " " in surface and surface in lexicon().strong_places)
