"""Inline spans: found over cleaned block text, nested for markup, rendered in exports."""

from __future__ import annotations

import lxml.html
import pytest

from reader_app.core import extract_article
from reader_app.core.declutter import Draft
from reader_app.core.inline import with_spans
from reader_app.core.library.codec import block_from_dict, block_to_dict
from reader_app.core.library.errors import LibraryError
from reader_app.core.model import Article, Block, Span
from reader_app.core.render import to_html, to_json_dict, to_markdown
from reader_app.core.spans import nested, spans_within

FILLER = "Filler sentence that makes the page long enough to count as an article. " * 6


def _texts(block: Block) -> list[tuple[str, str]]:
    return [(s.kind, block.text[s.start : s.end]) for s in block.spans]


def test_spans_survive_whitespace_cleaning() -> None:
    root = lxml.html.fragment_fromstring(
        "<div><p>  A\u00a0<em>new\n   word</em>,\u200b<b>bold</b><br>next <a href='/x'>"
        "line</a> </p></div>"
    )
    drafts = with_spans(root, [Draft(Block("paragraph", "A new word, bold\nnext line"))])
    block = drafts[0].block
    assert _texts(block) == [("em", "new word"), ("strong", "bold"), ("br", "\n"),
                             ("link", "line")]
    assert block.spans[-1].href == "/x"


def test_list_item_spans_are_offsets_into_the_block_text() -> None:
    root = lxml.html.fragment_fromstring(
        "<ul><li>one <i>two</i></li><li><code>three</code> four<br>five</li></ul>")
    block = with_spans(root, [Draft(Block("list", "one two\nthree four five",
                                          items=("one two", "three four five")))])[0].block
    assert _texts(block) == [("em", "two"), ("code", "three"), ("br", " ")]
    assert spans_within(block.spans, 8, 23) == (Span(0, 5, "code"), Span(10, 11, "br"))


def test_a_block_not_found_in_order_keeps_no_spans() -> None:
    root = lxml.html.fragment_fromstring("<div><p><em>alpha</em> beta</p><p>gamma</p></div>")
    drafts = with_spans(root, [Draft(Block("paragraph", "beta alpha")),
                               Draft(Block("paragraph", "gamma"))])
    assert [d.block.spans for d in drafts] == [(), ()]


def test_crossing_spans_are_split_into_nesting_ones() -> None:
    spans = [Span(0, 6, "em"), Span(3, 9, "strong"), Span(4, 5, "sup")]
    assert nested(spans) == [Span(0, 6, "em"), Span(3, 6, "strong"), Span(4, 5, "sup"),
                             Span(6, 9, "strong")]


def test_readability_path_keeps_emphasis() -> None:
    body = "".join(f"<p>{FILLER} Paragraph <strong>number {n}</strong>.</p>" for n in range(8))
    html = f"<html><body><div id='main'>{body}</div></body></html>"
    article = extract_article(html, "https://example.org/a")
    strong = [t for b in article.blocks for k, t in _texts(b) if k == "strong"]
    assert strong == [f"number {n}" for n in range(8)]


def test_a_link_loose_in_a_box_keeps_the_space_after_it() -> None:
    disclosure = (
        "<div><a href='/author/2420/'>Scott Levine</a> has no position in any of the stocks "
        "mentioned.</div>"
    )
    html = (f"<html><body><article><h1>Cloud stocks</h1><p>{FILLER}\ufdda</p>{disclosure}"
            f"<p>{FILLER} The end.</p></article></body></html>")
    article = extract_article(html, "https://example.org/a")
    (block,) = [b for b in article.blocks if "position" in b.text]
    assert block.text == "Scott Levine has no position in any of the stocks mentioned."
    assert _texts(block) == [("link", "Scott Levine")]
    assert block.spans[0].href == "https://example.org/author/2420/"
    assert "\ufdda" not in article.text


def test_a_link_loose_in_a_list_item_s_box_keeps_the_space_before_it() -> None:
    answer = (
        "<ul><li><div class='accordion-content'>Your US auto insurance policy won't cover your "
        "vehicle in Mexico. We're here to help you find the <a href='/mexico/'>Mexico car "
        "insurance</a> you need.</div></li></ul>"
    )
    html = (f"<html><body><article><h1>Insurance</h1><p>{FILLER}</p>{answer}"
            f"<p>{FILLER} The end.</p></article></body></html>")
    article = extract_article(html, "https://example.org/a")
    assert "help you find the Mexico car insurance you need." in article.text


def test_boxes_and_tables_in_a_list_item_keep_their_words_apart() -> None:
    details = (
        "<ul><li><div><span>Language</span></div> <div><span>English</span></div></li>"
        "<li><div><span>Publisher</span></div> <div><span>Avery</span></div></li>"
        "<li>Plans<table><tr><th>Basic</th><th>Prime</th></tr><tr><td>$642</td><td>$845</td>"
        "</tr></table></li></ul>"
    )
    html = (f"<html><body><article><h1>A book</h1><p>{FILLER}</p>{details}"
            f"<p>{FILLER} The end.</p></article></body></html>")
    article = extract_article(html, "https://example.org/a")
    (listed,) = [b for b in article.blocks if b.kind == "list"]
    assert listed.items == ("Language English", "Publisher Avery", "Plans Basic Prime $642 $845")


def test_an_icon_in_a_formatting_element_makes_no_empty_list_item() -> None:
    icons = ("<ul><li><i class='fa fa-share'><svg><use href='#share'/></svg></i></li>"
             "<li><b> </b></li><li>Cable</li><li><i>Travel</i> case</li></ul>")
    html = (f"<html><body><article><h1>In the box</h1><p>{FILLER}</p>{icons}"
            f"<p>{FILLER} The end.</p></article></body></html>")
    article = extract_article(html, "https://example.org/a")
    (listed,) = [b for b in article.blocks if b.kind == "list"]
    assert listed.items == ("Cable", "Travel case")
    assert _texts(listed) == [("em", "Travel")]


ARTICLE = Article(
    title="Title",
    url="https://example.org/story",
    blocks=(
        Block("paragraph", "Read Circular Motion now, see notes or run x = 1.",
              spans=(Span(5, 20, "em"), Span(30, 35, "link", "/notes"),
                     Span(43, 48, "code"), Span(25, 28, "link", "javascript:alert(1)"))),
        Block("list", "first item\nsecond *item*", items=("first item", "second *item*"),
              spans=(Span(0, 5, "strong"), Span(18, 24, "em"))),
        Block("table", "H2O\tmass", rows=(("H2O", "mass"),), spans=(Span(1, 2, "sub"),)),
    ),
)


def test_markdown_marks_up_spans() -> None:
    text = to_markdown(ARTICLE)
    assert ("Read *Circular Motion* now, see [notes](https://example.org/notes) or run `x = 1`."
            in text)
    assert "- **first** item\n- second *\\*item\\**" in text
    assert "| H<sub>2</sub>O | mass |" in text


def test_html_marks_up_spans_and_drops_unsafe_links() -> None:
    root = lxml.html.document_fromstring(to_html(ARTICLE))
    paragraph = root.find(".//article/p")
    assert paragraph.findtext("em") == "Circular Motion"
    assert [a.get("href") for a in root.iter("a")] == ["https://example.org/notes"]
    assert paragraph.findtext("code") == "x = 1"
    assert root.find(".//li/strong").text == "first"
    assert root.find(".//td/sub").text == "2"


def test_json_spans_index_the_article_text() -> None:
    payload = to_json_dict(ARTICLE)
    text = payload["text"]
    shown = [(s["kind"], text[s["start"] : s["end"]], s.get("href")) for s in payload["spans"]]
    assert ("em", "Circular Motion", None) in shown
    assert ("link", "notes", "/notes") in shown
    assert ("strong", "first", None) in shown
    assert ("sub", "2", None) in shown


def test_library_keeps_spans_and_refuses_unknown_kinds() -> None:
    block = ARTICLE.blocks[0]
    data = block_to_dict(block)
    assert block_from_dict(data) == block
    steps = Block("list", "Run it", items=("Run it",), ordered=True, start=2)
    assert block_from_dict(block_to_dict(steps)) == steps
    data["spans"][0]["kind"] = "blink"
    with pytest.raises(LibraryError):
        block_from_dict(data)
