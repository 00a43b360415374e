"""The full name of a person an article names by surname alone ("Parr says") and in full once
where the tagger did not see a person ("Nadia Nunes Cavalcante Parr, MD, an internist"): a
name of four or five words, or one from outside the lists the tagger learned from, is the
most often missed."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .cues import TITLE_WORDS
from .lexicon import Lexicon
from .sources import SourceBlock
from .tagger import Mention

#: Most words of a given name and middle names before a surname.
_MAX_WORDS = 4
#: Capitalised words (or name particles) right before a position, one space apart.
_WORDS_BEFORE = re.compile(
    r"(?:(?<![\w.\u2019'-])(?:[A-Z][\w\u2019'-]*|da|de|di|do|dos|van|von|der|bin|al)[ ])"
    rf"{{1,{_MAX_WORDS + 2}}}$"
)
_WORD = re.compile(r"\S+")
_LOOK_BACK = 120  # characters


def full_names(
    text: str, blocks: Sequence[SourceBlock], mentions: Sequence[Mention], lex: Lexicon
) -> list[Mention]:
    """``mentions`` with the full name of each person named only by one word (a surname, not
    a given name alone: "Elizabeth") wherever the article writes it in full: the capitalised
    words right before that word in a paragraph, from a given name on (titles left out),
    over no other name found."""
    people = {text[m.start : m.end] for m in mentions if m.kind == "PER"}
    surnames = {p for p in people if " " not in p
                and (p.lower() in lex.surnames or p.lower() not in lex.given_names)}
    surnames -= {p.split()[-1] for p in people if " " in p}
    if not surnames:
        return list(mentions)
    covered = [False] * len(text)
    for m in mentions:
        covered[m.start : m.end] = [True] * (m.end - m.start)
    found = list(mentions)
    pattern = re.compile(rf"\b(?:{'|'.join(map(re.escape, sorted(surnames)))})\b")
    for block in blocks:
        if block.kind in ("title", "heading"):
            continue
        for match in pattern.finditer(block.text):
            start = block.start + match.start()
            if covered[start]:
                continue
            first = _given_name_start(block.text, match.start(), lex)
            if first is None:
                continue
            begin = block.start + first
            if any(covered[begin:start]):
                continue
            end = block.start + match.end()
            found.append(Mention(begin, end, "PER", 0.0))
            covered[begin:end] = [True] * (end - begin)
    return sorted(found, key=lambda m: m.start)


def _given_name_start(text: str, surname: int, lex: Lexicon) -> int | None:
    """Where the full name that ends in the surname at ``surname`` starts: at the given name
    (of many countries) that opens the capitalised words right before it, after any titles,
    none of them a word open text mostly writes in lowercase."""
    run = _WORDS_BEFORE.search(text, max(0, surname - _LOOK_BACK), surname)
    if run is None:
        return None
    words = [(m.start(), m.group()) for m in _WORD.finditer(run.group())]
    while words and words[0][1].rstrip(".") in TITLE_WORDS:
        words.pop(0)
    if (
        not words
        or len(words) > _MAX_WORDS
        or words[0][1].lower() not in lex.world_given_names
        or any(lex.mostly_lower(word) for _, word in words)  # "Love", "Plate Loaded Smith"
    ):
        return None
    return run.start() + words[0][0]
