"""Declutter: remove page furniture that survives article extraction.

Two kinds of cues work together, so that pages with hashed class names are handled too:

* DOM cues (:func:`~reader_app.core.dom_clutter.prune_dom`, before extraction): the
  names of promo, paywall, donation, newsletter, share, cookie, comment, related-story and
  ad containers, hidden elements, and small boxes whose text reads as a call to action.
* Text cues (:func:`~reader_app.core.clutter_text.clutter_score`, and
  :func:`declutter_blocks` here, after extraction): a scored classifier of short blocks,
  weighted by the block's position around the main text.

Long, third-person, narrative blocks in the middle of the text are content even when they
talk about subscriptions or donations.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import islice

from .clutter_text import (
    BIO,
    BYLINE,
    CREDITS,
    FURNITURE,
    LINK_LIST_RATIO,
    PUBLISHER,
    THRESHOLD,
    WORD,
    clutter_score,
)
from .model import Block
from .post_stamps import is_date_line, is_post_heading, is_post_stamp

#: Score from which a block next to dropped clutter at the edges goes too.
_NEIGHBOUR_THRESHOLD = 2.5
#: Score from which a block before the first or after the last long paragraph goes.
_EDGE_THRESHOLD = 4.0
#: Score from which the first long paragraph goes: the article's lede, which may well
#: address the reader ("you've made a resolution to sign up for ..."), goes only as clear
#: clutter (an appeal for donations that opens the page).
_LEDE_THRESHOLD = 7.0
#: The last blocks, after the text, in which an offer closes the page ("Get a free quote").
_CLOSING_BLOCKS = 3


@dataclass(frozen=True)
class Draft:
    """A block with the cues declutter needs: the share of its text inside links."""

    block: Block
    link_ratio: float = 0.0


_SKIP_KINDS = frozenset({"image", "table", "code"})


def _has_words(text: str, count: int) -> bool:
    """Whether ``text`` holds ``count`` words (the scan stops at the last one needed)."""
    return len(text) >= 2 * count - 1 and next(
        islice(WORD.finditer(text), count - 1, None), None
    ) is not None


def declutter_blocks(drafts: Sequence[Draft]) -> list[Block]:
    """Keep the content blocks of ``drafts``, dropping those that score as clutter.

    Blocks at the edges (before the first or after the last long paragraph) need a lower
    score to go; a short heading that introduces a dropped block goes with it.
    """
    n = len(drafts)
    long_idx = [
        i
        for i, d in enumerate(drafts)
        if d.block.kind == "paragraph" and _has_words(d.block.text, 30)
    ]
    first_long = long_idx[0] if long_idx else n
    last_long = long_idx[-1] if long_idx else -1
    drop = [False] * n
    scores = [0.0] * n
    for i, draft in enumerate(drafts):
        block = draft.block
        if (block.kind in _SKIP_KINDS and not _is_layout_row(block)) or (
            block.kind == "heading" and is_post_heading(block.level, block.text)
        ):
            continue  # a post's time line is judged with its post
        ends_page = i > last_long and i >= n - _CLOSING_BLOCKS
        scores[i] = clutter_score(block.text, link_ratio=draft.link_ratio, closing=ends_page)
        at_edge = i < first_long or i > last_long
        at_tail = i > first_long and (at_edge or i >= n - 2)
        byline = block.kind == "paragraph" and BYLINE.match(block.text)
        closing = at_tail or (i > first_long and i == last_long)
        # An author's biography under its own heading ("About the writer") can sit mid-page.
        headed = i > first_long and drafts[i - 1].block.kind == "heading"
        if (
            (at_edge and (byline or (block.kind == "paragraph" and is_post_stamp(block.text))))
            or ((at_tail or headed or i < first_long) and BIO.match(block.text))
            or (closing and (PUBLISHER.match(block.text) or CREDITS.match(block.text)))
        ):
            scores[i] = 10.0
            if headed and BIO.match(block.text):
                drop[i - 1] = True
        elif at_edge and _is_link_list(draft):
            scores[i] = max(scores[i], _EDGE_THRESHOLD)
        edge_like = at_edge or block.kind == "heading"
        if i == first_long:
            drop[i] = scores[i] >= _LEDE_THRESHOLD
        else:
            drop[i] = scores[i] >= (_EDGE_THRESHOLD if edge_like else THRESHOLD)
    _drop_clutter_sections(drafts, drop)
    for i in range(n - 2, -1, -1):
        block = drafts[i].block
        if (
            not drop[i]
            and drop[i + 1]
            and block.kind == "heading"
            and len(block.text.split()) <= 10
            and scores[i] > 0
        ):
            drop[i] = True
    # Clutter comes in clusters around the text: a weaker neighbour of dropped clutter at
    # the edges goes with it.
    for order in (range(n), range(n - 1, -1, -1)):
        previous = None
        for i in order:
            at_edge = i < first_long or i > last_long
            if (
                previous is not None
                and drop[previous]
                and not drop[i]
                and at_edge
                and scores[i] >= _NEIGHBOUR_THRESHOLD
            ):
                drop[i] = True
            previous = i
    _drop_fine_print(drafts, drop)
    _drop_trailing_cards(drafts, drop)
    _drop_trailing_headings(drafts, drop)
    if _drop_closing_offers(drafts, drop, last_long):
        _drop_trailing_headings(drafts, drop)
    kept = [d.block for d, gone in zip(drafts, drop, strict=True) if not gone]
    return _without_echoes([b for b in kept if not (_is_mark(b) or _is_identifiers(b))])


def _is_mark(block: Block) -> bool:
    """Whether a paragraph is a mark alone: a separator between a byline and a count ("|",
    "·"), a bracket left of a link; five characters at most, each punctuation, a math sign
    or a space (a rating's stars stay)."""
    return (block.kind == "paragraph" and len(block.text) <= 5
            and all(unicodedata.category(c)[0] in "PZ" or unicodedata.category(c) == "Sm"
                    for c in block.text))


_UUID = re.compile(r"[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}", re.I)


def _is_identifiers(block: Block) -> bool:
    """Whether a paragraph is mostly machine identifiers, three UUIDs or more: the ids a
    shop's page hides among the letters of its "Sponsored" label, read as text where the
    page's style sheet would hide them."""
    if block.kind != "paragraph" or len(block.text) < 108 or block.text.count("-") < 12:
        return False
    found = _UUID.findall(block.text)
    return len(found) >= 3 and 2 * sum(map(len, found)) > len(block.text)


#: Characters from which a paragraph repeated with its neighbours is a copy (see below).
_COPY_CHARS = 40


def _without_echoes(blocks: list[Block]) -> list[Block]:
    """The blocks without one that repeats the block just before it (a heading a page
    writes twice, for narrow and for wide screens; a single word may repeat), nor a run of
    two blocks or more that each repeat an earlier block, one of them a paragraph of
    ``_COPY_CHARS`` or more: a second copy of a passage (a carousel's cloned slides, a
    layout's copy for narrow screens). A paragraph repeated alone may be meant (a credit
    under each picture, a feature of each product)."""
    kept: list[Block] = []
    for block in blocks:
        last = kept[-1] if kept else None
        if (last is not None and block.kind == last.kind and block.kind != "image"
                and block.text == last.text and len(block.text.split()) >= 2):
            continue
        kept.append(block)
    seen: set[tuple[str, str]] = set()
    repeats = []
    for block in kept:
        key = (block.kind, block.text)
        repeats.append(block.kind != "image" and len(block.text.split()) >= 2 and key in seen)
        seen.add(key)
    gone = [False] * len(kept)
    run = 0
    for i in range(len(kept) + 1):
        if i < len(kept) and repeats[i]:
            run += 1
            continue
        if run >= 2 and any(b.kind == "paragraph" and len(b.text) >= _COPY_CHARS
                            for b in kept[i - run : i]):
            gone[i - run : i] = [True] * run
        run = 0
    return [b for b, g in zip(kept, gone, strict=True) if not g]


#: Legal small print: trademark notices, regulatory disclosures, advice disclaimers.
_FINE_PRINT = re.compile(
    r"\b(?:registered )?trademarks?\b|[®™]|\bcertification marks?\b|"
    r"\bregistered investment advis[eo]rs?\b|\bmember\W+(?:fdic|finra|sipc)\b|\bfinra\b|"
    r"\bsipc\b|\bfdic\b|\bnot bank guaranteed\b|\bloss of principal\b|"
    r"\bpast performance\b|\binformational (?:and educational )?purposes only\b|"
    r"\b(?:does|do|should) not (?:constitute|provide)\b|"
    r"\b(?:tax|legal|financial|investment|accounting|medical) advice\b|"
    r"\bnot intended (?:to|as)\b|\bsubject to (?:change|investment risk|credit approval)\b|"
    r"\b(?:referral|affiliate) (?:compensation|commissions?|links?)\b|"
    r"\bequal housing (?:lender|opportunity)\b|\bnmls\b|\ball rights reserved\b|"
    r"\bexclusively licensed\b|\bterms (?:and|&) conditions apply\b",
    re.I,
)


def _is_fine_print(text: str) -> bool:
    """Whether a block reads as legal small print: it holds two different notices."""
    return len({m.group(0).lower() for m in _FINE_PRINT.finditer(text)}) >= 2


#: An entry of a reference list: "[2] "Title," Source (2016). https://...".
_REFERENCE = re.compile(r"^\s*\[\d{1,3}\]\s*\S")


def _drop_fine_print(drafts: Sequence[Draft], drop: list[bool]) -> None:
    """The run of legal small print and reference entries that ends the text goes
    (disclosures, disclaimers, trademark notices, "[1] ..." sources), up to the first
    block that is neither."""
    for i in range(len(drafts) - 1, -1, -1):
        if drop[i]:
            continue
        block = drafts[i].block
        if block.kind in _SKIP_KINDS or not (
            _is_fine_print(block.text) or _REFERENCE.match(block.text)
        ):
            return
        drop[i] = True


#: Fewest cards (a title, then its date line) that make a list of other pages.
_MIN_CARDS = 3
_CARD_TITLE_WORDS = 20


def _drop_trailing_cards(drafts: Sequence[Draft], drop: list[bool]) -> None:
    """A run of cards that ends the text goes: titles of other pages, each with its date
    line ("11/12/2025 by One Tree Planted"), as a blog's recent posts show them."""
    kept = [i for i, gone in enumerate(drop) if not gone]
    cards = 0
    while 2 * (cards + 1) <= len(kept):
        title = drafts[kept[-2 * cards - 2]].block
        date = drafts[kept[-2 * cards - 1]].block
        if not (
            is_date_line(date.text)
            and not is_post_heading(date.level, date.text)  # a post's time line
            and title.kind in ("heading", "paragraph")
            and not is_date_line(title.text)
            and len(title.text.split()) <= _CARD_TITLE_WORDS
        ):
            break
        cards += 1
    if cards >= _MIN_CARDS:
        for k in kept[-2 * cards :]:
            drop[k] = True


def _drop_trailing_headings(drafts: Sequence[Draft], drop: list[bool]) -> None:
    """A heading that nothing follows introduces nothing."""
    for i in range(len(drafts) - 1, -1, -1):
        if drop[i]:
            continue
        if drafts[i].block.kind != "heading":
            break
        drop[i] = True


def _drop_closing_offers(drafts: Sequence[Draft], drop: list[bool], last_long: int) -> bool:
    """The last blocks kept after the last long paragraph close the page, also where
    furniture after them went ("Related content", a product grid): an offer among them goes
    ("Get a free quote today."), as it would on the page's last lines; whether one did."""
    kept = [
        i for i in range(last_long + 1, len(drafts))
        if not drop[i] and drafts[i].block.kind not in _SKIP_KINDS
        and not is_post_heading(drafts[i].block.level, drafts[i].block.text)
    ]
    found = False
    for i in kept[-_CLOSING_BLOCKS:]:
        draft = drafts[i]
        if clutter_score(draft.block.text, link_ratio=draft.link_ratio, closing=True) >= (
            _EDGE_THRESHOLD
        ):
            drop[i] = found = True
    return found


def _is_layout_row(block: Block) -> bool:
    """Whether a table is a few words in a row or two: page layout (a title bar), not data."""
    return block.kind == "table" and len(block.rows) <= 2 and len(block.text.split()) <= 12


def _drop_clutter_sections(drafts: Sequence[Draft], drop: list[bool]) -> None:
    """In the last third of the text, a dropped clutter heading ("Related stories", "More
    from us") takes its section with it, up to the next heading of the same or higher rank."""
    n = len(drafts)
    i = (2 * n) // 3
    while i < n:
        block = drafts[i].block
        i += 1
        if not (drop[i - 1] and block.kind == "heading"):
            continue
        while i < n:
            follower = drafts[i].block
            if follower.kind == "heading" and follower.level <= block.level:
                break
            drop[i] = True
            i += 1


#: A paragraph that is one address written out: the article pointing at its source.
_BARE_URL = re.compile(r"^https?://\S+$")


def _is_link_list(draft: Draft) -> bool:
    """Whether a block is a list of links or of page furniture (dates, reading times)."""
    block = draft.block
    if block.kind not in ("list", "paragraph") or _BARE_URL.match(block.text):
        return False
    if draft.link_ratio >= LINK_LIST_RATIO:
        return True
    items = block.items if block.kind == "list" else ()
    return (
        bool(items)
        and all(len(item.split()) <= 4 for item in items)
        and any(FURNITURE.match(item.lower()) for item in items)
    )
