"""Paragraphs trafilatura found that readability's winning result left out.

Readability keeps the one container that holds most of a page's paragraphs; where a page sets
its introduction (or a closing section) in a container of its own, readability's longer
result loses it while trafilatura's shorter one has it. Those paragraphs are put back where
they stand in the page.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import islice

from lxml import etree

from .declutter import Draft

#: A paragraph, list or quote of at least this many words is put back; shorter lines
#: (calls to action, headings of cards) are not.
MIN_WORDS = 10
#: When trafilatura holds more paragraphs than this that readability lacks (or twice as many
#: that readability splits otherwise), the two found different parts of the page, and
#: readability's result stands as it is; this also bounds the text searches to a few dozen.
MAX_MISSED = 40
#: Characters (spaces left out) that find a block's element in the page.
_KEY_CHARS = 48
_KINDS = frozenset({"paragraph", "list", "quote"})
# Elements whose text starts a block of either extractor.
_BLOCK_TAGS = ("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table",
               "dd", "dt", "figcaption", "td", "th")


def _flat(text: str) -> str:
    return " ".join(text.split())


def _key(text: str) -> str:
    return "".join(text.split()).lower()[:_KEY_CHARS]


def _places(root: etree._Element) -> dict[str, int]:
    """Where each block-level element stands in the page: the start of its text (see
    :func:`_key`) to its rank in document order, the first where two start alike."""
    places: dict[str, int] = {}
    for rank, element in enumerate(root.iter(_BLOCK_TAGS)):
        if key := _key(element.text_content()):
            places.setdefault(key, rank)
    return places


def with_missed(
    root: etree._Element, theirs: Sequence[Draft], ours: Sequence[Draft]
) -> list[Draft]:
    """``theirs`` (readability's blocks) with the paragraphs, lists and quotes of ``ours``
    (trafilatura's) of :data:`MIN_WORDS` words or more whose text ``theirs`` does not hold,
    each before the first block of ``theirs`` that stands after it in ``root`` (the page
    both read). A block found nowhere in the page, or starting as one of ``theirs`` does,
    is not put back, nor is anything when none of ``theirs`` is found."""
    blocks = [_flat(d.block.text) for d in theirs]
    same = set(blocks)
    unmatched = list(islice(
        (d for d in ours
         if d.block.kind in _KINDS and len(d.block.text.split(None, MIN_WORDS)) >= MIN_WORDS
         and _flat(d.block.text) not in same),
        2 * MAX_MISSED + 1,
    ))
    if not unmatched or len(unmatched) > 2 * MAX_MISSED:  # split otherwise, or elsewhere
        return list(theirs)
    text = "\n".join(blocks)
    missed = [d for d in unmatched if _flat(d.block.text) not in text]
    if not missed or len(missed) > MAX_MISSED:
        return list(theirs)
    places = _places(root)
    ranks = [places.get(_key(d.block.text)) for d in theirs]
    held = set(ranks)
    found = sorted(
        (rank, n) for n, d in enumerate(missed)
        if (rank := places.get(_key(d.block.text))) is not None and rank not in held
    )
    if not found or held == {None}:
        return list(theirs)
    out: list[Draft] = []
    pending = iter(found)
    nxt = next(pending, None)
    for draft, rank in zip(theirs, ranks, strict=True):
        while nxt is not None and rank is not None and nxt[0] < rank:
            out.append(missed[nxt[1]])
            nxt = next(pending, None)
        out.append(draft)
    while nxt is not None:
        out.append(missed[nxt[1]])
        nxt = next(pending, None)
    return out
