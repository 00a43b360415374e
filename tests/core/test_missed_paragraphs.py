"""Paragraphs trafilatura found that readability's winning result left out are put back
where they stand in the page."""

from __future__ import annotations

import lxml.html

from reader_app.core.declutter import Draft
from reader_app.core.missed_paragraphs import MAX_MISSED, MIN_WORDS, with_missed
from reader_app.core.model import Block

INTRO = "Deciding how much to tip at a restaurant can feel like solving a puzzle on the spot."
SECOND = "Whether you are a diner or an owner, this guide takes the guesswork out of tipping."
BODY = "The standard amount to tip in full service restaurants is typically twenty per cent."
MORE = "Group dining brings its own questions, from splitting the bill to large party charges."
CLOSING = "Tipping well keeps a restaurant's staff with it, and its regulars coming back often."
TABLE = "Bill\t10%\n$10\t$1"


def page(*paragraphs: str) -> lxml.html.HtmlElement:
    """A page holding ``paragraphs`` in this order (the table where ``TABLE`` is)."""
    body = "".join(
        "<table><tr><td>Bill</td><td>10%</td></tr><tr><td>$10</td><td>$1</td></tr></table>"
        if p == TABLE else f"<p>{p}</p>" for p in paragraphs
    )
    return lxml.html.fromstring(f"<html><body><div>{body}</div></body></html>")


def para(text: str) -> Draft:
    return Draft(Block("paragraph", text))


def texts(drafts: list[Draft]) -> list[str]:
    return [d.block.text for d in drafts]


def test_an_introduction_goes_where_it_stands_in_the_page() -> None:
    root = page(INTRO, SECOND, TABLE, BODY, MORE)
    theirs = [Draft(Block("table", TABLE)), para(BODY), para(MORE)]
    ours = [para(INTRO), para(SECOND)]
    assert texts(with_missed(root, theirs, ours)) == [INTRO, SECOND, TABLE, BODY, MORE]


def test_paragraphs_between_and_after_readabilitys_blocks_keep_their_places() -> None:
    root = page(BODY, INTRO, MORE, CLOSING)
    theirs = [para(BODY), para(MORE)]
    ours = [para(CLOSING), para(INTRO)]
    assert texts(with_missed(root, theirs, ours)) == [BODY, INTRO, MORE, CLOSING]


def test_short_lines_and_headings_are_not_put_back() -> None:
    cta = "Get started with a free trial today, no card"
    assert len(cta.split()) < MIN_WORDS
    root = page(cta, INTRO, BODY, MORE)
    theirs = [para(BODY), para(MORE)]
    ours = [para(cta), Draft(Block("heading", INTRO, level=2))]
    assert texts(with_missed(root, theirs, ours)) == [BODY, MORE]


def test_text_readability_holds_in_a_longer_block_is_not_repeated() -> None:
    root = page(INTRO, SECOND, BODY)
    theirs = [para(f"{INTRO} {SECOND}"), para(BODY)]
    ours = [para(INTRO), para(SECOND), para(BODY)]
    assert texts(with_missed(root, theirs, ours)) == [f"{INTRO} {SECOND}", BODY]


def test_a_paragraph_that_starts_as_one_of_readabilitys_is_not_put_back() -> None:
    root = page(INTRO, BODY)
    theirs = [para(f"{INTRO} Read on."), para(BODY)]
    ours = [para(f"{INTRO} Then the rest, as trafilatura wrote it out.")]
    assert texts(with_missed(root, theirs, ours)) == [f"{INTRO} Read on.", BODY]


def test_text_found_nowhere_in_the_page_is_not_put_back() -> None:
    root = page(BODY, MORE)
    assert texts(with_missed(root, [para(BODY), para(MORE)], [para(INTRO)])) == [BODY, MORE]


def test_two_different_parts_of_the_page_leave_readability_as_it_is() -> None:
    many = [f"{INTRO} Number {n} of the many paragraphs." for n in range(MAX_MISSED + 1)]
    root = page(*many, BODY)
    theirs = [para(BODY)]
    assert texts(with_missed(root, theirs, [para(p) for p in many])) == [BODY]
