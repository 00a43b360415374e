"""Key facts of an article: numbers, people, places and organisations."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from .model import Contexts, Fact, FactKind, Facts, context_at

if TYPE_CHECKING:
    from ..model import Article

__all__ = ["Fact", "FactKind", "Facts", "find_facts"]


def find_facts(source: Article | str) -> Facts:
    """All facts of an article (or of a plain text laid out as ``Article.text`` is: the
    title line, then blank-line separated blocks); mentions index into its text.

    Facts are found block by block, in the title and body only (see ``sources``), and each
    kind is ordered by salience; an article's authors are people (:mod:`.authors`). The
    recognisers (patterns, lexicons, the name model) are imported on the first call, so that
    importing the data model stays cheap for the window.
    """
    from .authors import as_people, author_keys, by_given_name
    from .entities import find_names
    from .makers import without_makers_things
    from .numbers import find_numbers
    from .salience import Salience
    from .site_names import address_keys, as_organisations, site_keys
    from .sources import article_blocks, masked, text_blocks

    if isinstance(source, str):
        text, blocks, titles, code = source, text_blocks(source), [], []
        keywords: set[str] = set()
    else:
        text, blocks = source.text, article_blocks(source)
        spans = source.text_spans()
        titles = sorted((s.start, s.end) for s in spans if s.kind == "em")
        code = sorted((s.start, s.end) for s in spans if s.kind == "code")
        keywords = _code_capitals(text, code, source)
    readable = masked(text, blocks)
    starts = [b.start for b in blocks]

    def kind_at(offset: int) -> str | None:
        index = bisect.bisect_right(starts, offset) - 1
        return blocks[index].kind if index >= 0 else None

    def headline(offset: int) -> bool:
        return kind_at(offset) in ("title", "heading")

    numbers = [  # a year only in headlines dates the article ("Best laptops 2024"), and so
        # does a date alone on its line ("November 2015" under the headline, a post's day); a
        # bare number only in headlines names a thing ("Rose Marble Napkin, Set of 4")
        fact if not headline(fact.mentions[0][0])
        else replace(fact, context=context_at(readable, _first_in_body(fact.mentions, headline)))
        for fact in find_numbers(readable)
        if not ((fact.unit == "year" or fact.bare) and all(headline(s) for s, _ in fact.mentions))
        and not (fact.unit == "date" and all(_alone(text, s, e) for s, e in fact.mentions))
        and not (fact.bare and _IDENTIFIER.fullmatch(fact.label))
        and not ((fact.bare or fact.unit == "score")  # a table's "23-8" under "HOME"; a bare
                 # number in a cell ("7.0") or alone on a line ("9.1" under "Our Score")
                 and all(kind_at(s) == "table" or _alone(text, s, e) for s, e in fact.mentions))
    ]
    if code:  # "flex-grow: 1" in inline code is a program's value, not the article's
        numbers = [n for n in (_outside(f, code, readable, headline) for f in numbers) if n]
    contexts = Contexts(text)
    entities = {
        kind: [
            Fact(kind=kind, label=label, mentions=mentions,
                 context=contexts.at(_first_in_body(mentions, headline)))
            for label, mentions in found
        ]
        for kind, found in find_names(text, blocks).items()
    }
    if titles or keywords:  # a title in italics is a work; "NULL", "POST" in code are code
        entities = {kind: [f for f in found if not _names_a_work(f, titles)
                           and (kind == "place" or f.label not in keywords)]
                    for kind, found in entities.items()}
    keys = address_keys(text)
    if not isinstance(source, str):
        keys |= site_keys(source.site, source.url)
        entities = as_people(entities, author_keys(source.byline))
        entities["person"] = by_given_name(entities["person"], source.byline)
    entities = without_makers_things(as_organisations(entities, keys))
    rank = Salience(blocks).ranked
    return Facts(
        numbers=rank(numbers),
        people=rank(entities["person"]),
        places=rank(entities["place"]),
        organisations=rank(entities["organisation"]),
    )


#: A word in capitals: a program's keyword or constant where code holds it ("NULL", "DESC").
_CAPITALS = re.compile(r"\b[A-Z][A-Z0-9]+\b")


def _code_capitals(text: str, code: list[tuple[int, int]], article: Article) -> set[str]:
    """The words in capitals that the article's code blocks and inline code hold and that
    open text writes in lowercase: a name that is one of them is a program's keyword
    ("NULL", "LOCK", "POST"), not an organisation's or a person's; an acronym stays ("HP"
    in a quoted e-mail)."""
    from .lexicon import mostly_lower

    found = {w for b in article.blocks if b.kind == "code" for w in _CAPITALS.findall(b.text)}
    for start, end in code:
        found.update(_CAPITALS.findall(text, start, end))
    return {w for w in found if mostly_lower(w.capitalize())}


def _outside(
    fact: Fact, spans: list[tuple[int, int]], readable: str, headline: Callable[[int], bool]
) -> Fact | None:
    """``fact`` without its mentions inside one of ``spans`` (sorted), its context that of
    its first mention left; None when none is left."""
    kept = tuple(m for m in fact.mentions if not _within(m, spans))
    if len(kept) == len(fact.mentions):
        return fact
    if not kept:
        return None
    context = context_at(readable, _first_in_body(kept, headline))
    return replace(fact, mentions=kept, context=context)


def _within(mention: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    index = bisect.bisect_right(spans, (mention[0], _END)) - 1  # the last span starting before
    return index >= 0 and spans[index][1] >= mention[1]


_END = 1 << 62  # beyond any offset


#: A bare number written as no quantity is: six digits or more without a separator, or a
#: leading nought ("DOT: 3014539", "SKU: 100176", "UPC: 722325006016", "0440"): a code.
_IDENTIFIER = re.compile(r"0\d+|\d{6,}")


def _alone(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` stands alone on its line, but for a little punctuation
    (looked for within :data:`_ALONE_REACH` characters, so that a long line costs no more)."""
    before = text[max(0, start - _ALONE_REACH) : start]
    after = text[end : end + _ALONE_REACH]
    line_start, line_end = before.rfind("\n"), after.find("\n")
    if line_start < 0 and start > _ALONE_REACH:
        return False  # the line starts further back: words stand before the number
    if line_end < 0 and end + _ALONE_REACH < len(text):
        return False
    return bool(_NO_WORD.fullmatch(before[line_start + 1 :])
                and _NO_WORD.fullmatch(after if line_end < 0 else after[:line_end]))


#: Characters either side of a number in which its line must end for it to stand alone.
_ALONE_REACH = 16
_NO_WORD = re.compile(r"\W*")


#: Characters an italic run may hold beyond a name for the name to be the whole run.
_TITLE_SLACK = 4


def _names_a_work(fact: Fact, italics: list[tuple[int, int]]) -> bool:
    """Whether one of the fact's mentions is set in italics by itself: then it is the title of
    a book, film or paper ("*Salt Roads*"), not a person, place or organisation. A name
    inside a longer italic run (an italic paragraph) is not taken for a title."""
    for start, end in fact.mentions:
        first = bisect.bisect_left(italics, (start - _TITLE_SLACK, 0))
        last = bisect.bisect_right(italics, (start, end + _TITLE_SLACK))
        for low, high in italics[first:last]:
            if end <= high and (high - low) - (end - start) <= _TITLE_SLACK:
                return True
    return False


def _first_in_body(
    mentions: tuple[tuple[int, int], ...], headline: Callable[[int], bool]
) -> int:
    """The first mention outside headlines (else the first): its sentence is the context."""
    return next((s for s, _ in mentions if not headline(s)), mentions[0][0])
