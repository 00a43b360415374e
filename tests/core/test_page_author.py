"""The page's author: the same as trafilatura's own author search, found in one pass."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest
from trafilatura.json_metadata import normalize_authors
from trafilatura.metadata import extract_author

from reader_app.core.decoding import decode_html
from reader_app.core.page_author import author_box_text
from reader_app.core.parsing import parse_page

DATA = Path(__file__).parent.parent / "data"
PAGES = sorted(p for p in DATA.rglob("*") if p.suffix in (".html", ".htm", ".xhtml"))


def _root(html: str) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(html)


def page_author(root: lxml.html.HtmlElement) -> str | None:
    """The author box's names tidied as trafilatura tidies them."""
    text = author_box_text(root)
    return normalize_authors(None, text) if text else None


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_same_author_as_trafilatura_on_every_test_page(page: Path) -> None:
    root = parse_page(decode_html(page.read_bytes()))
    assert page_author(root) == extract_author(root)


CASES = {
    "a byline class": '<div class="byline">Jane Doe</div>',
    "the first search before the later ones": (
        '<span class="byline">Later Search</span><a rel="author">First Search</a>'
    ),
    "an author inside comments is not the page's": (
        '<div class="comments"><span class="author">A Commenter</span></div>'
        '<p class="post-author">Real Writer</p>'
    ),
    "a date inside the byline leaves, its tail joins the text before it": (
        '<div class="author">By Jane<time>2 May</time>Doe and<span class="date">x</span> Roe</div>'
    ),
    "a figure's caption is not the byline": (
        '<div class="author-box"><figure>Photo: Someone Else</figure>Max Mustermann</div>'
    ),
    "too long is no byline": (
        f'<div class="author">{"word " * 40}</div><span class="writer">Short Name</span>'
    ),
    "an <author> element": "<author>Ann Author</author>",
    "an id and itemprop": '<p id="post-author-7">Ida Id</p><span itemprop="author">Ivo Prop</span>',
    "a comment's text is no text": '<div class="author">Nia<!-- hidden --> Noor</div>',
    "nothing": "<p>No one wrote this.</p>",
}


@pytest.mark.parametrize("body", CASES.values(), ids=CASES.keys())
def test_same_author_as_trafilatura(body: str) -> None:
    root = _root(f"<html><body><article>{body}<p>Text of the article.</p></article></body></html>")
    assert page_author(root) == extract_author(root)


def test_finds_what_the_cases_name() -> None:
    def author(body: str) -> str | None:
        return page_author(_root(f"<html><body>{body}</body></html>"))

    assert author(CASES["a byline class"]) == "Jane Doe"
    assert author(CASES["the first search before the later ones"]) == "First Search"
    assert author(CASES["an author inside comments is not the page's"]) == "Real Writer"
    assert author(CASES["a figure's caption is not the byline"]) == "Max Mustermann"
    assert author(CASES["too long is no byline"]) == "Short Name"
    assert author(CASES["nothing"]) is None
