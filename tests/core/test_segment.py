"""The page cut into candidate blocks, posts' time lines, and bylines cleaned."""

from __future__ import annotations

import lxml.html
import pytest

from reader_app.core.metadata import clean_byline
from reader_app.core.posts import POST_STAMP_LEVEL, is_post_stamp, mark_post_stamps
from reader_app.core.segment import _coarsen, blocks_of, segment


def _body(html: str) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(f"<html><body>{html}</body></html>").find("body")


def test_runs_headings_lists_and_tables_become_candidates_in_order() -> None:
    body = _body(
        "<h2>Tides</h2><p>High water at <b>Oban</b> was at noon.</p>"
        "<ul><li>Mull</li><li>Islay</li></ul>"
        "<table><tr><th>Port</th><th>Height</th></tr><tr><td>Oban</td><td>4.1 m</td></tr></table>"
        "<div>Loose text<script>var x = 1;</script> after a script</div><pre>tide()</pre>"
    )
    blocks = [c.draft.block for c in segment(body)]
    assert [(b.kind, b.text) for b in blocks] == [
        ("heading", "Tides"),
        ("paragraph", "High water at Oban was at noon."),
        ("list", "Mull\nIslay"),
        ("table", "Port\tHeight\nOban\t4.1 m"),
        ("paragraph", "Loose text after a script"),
        ("code", "tide()"),
    ]


def test_layout_tables_and_lists_of_posts_are_cut_into_their_parts() -> None:
    body = _body(
        "<table><tr><td><p>First column text.</p></td><td><div>Second column.</div></td></tr>"
        "<tr><td>x</td><td>y</td></tr></table>"
        "<ul><li>First item <div>its detail</div></li><li>Second item</li></ul>"
    )
    candidates = segment(body)
    texts = [c.draft.block.text for c in candidates]
    assert texts == [
        "First column text.", "Second column.", "x", "y", "First item", "its detail", "Second item"
    ]
    items = [c for c in candidates if c.draft.block.text.endswith("item")]
    assert [(b.kind, b.items) for b in blocks_of(iter(items))] == [
        ("list", ("First item", "Second item"))
    ]


def test_a_million_paragraphs_are_merged_into_a_bounded_number_of_candidates() -> None:
    body = _body("<p>Short line.</p>" * 5000)
    candidates = _coarsen(segment(body), 100)
    assert 50 <= len(candidates) <= 100
    assert sum(c.draft.block.text.count("Short line.") for c in candidates) == 5000


@pytest.mark.parametrize(
    "line", ["14:05", "11.42 GMT", "2 hours ago", "marta_k · 5 days ago", "Updated 9.30am BST"]
)
def test_post_time_lines(line: str) -> None:
    assert is_post_stamp(line)


@pytest.mark.parametrize("line", ["The storm hit at 14:05 on Monday", "11 February 2025", ""])
def test_not_post_time_lines(line: str) -> None:
    assert not is_post_stamp(line)


def test_time_lines_become_headings_only_on_pages_of_posts() -> None:
    posts = "".join(f"<div><span>1{n}:05</span><p>Post {n}.</p></div>" for n in range(3))
    root = lxml.html.document_fromstring(f"<html><body>{posts}</body></html>")
    assert mark_post_stamps(root) == 3
    assert [h.text for h in root.iter(f"h{POST_STAMP_LEVEL}")] == ["10:05", "11:05", "12:05"]
    single = lxml.html.document_fromstring("<html><body><span>10:05</span><p>x</p></body></html>")
    assert mark_post_stamps(single) == 0


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("Carys Morgan ·", "Carys Morgan"),
        ("By Jo Park", "Jo Park"),
        ("  Written by: Ana Silva |", "Ana Silva"),
        ("Home About Contact Blog", None),
        ("the team", None),
        ("", None),
        (None, None),
    ],
)
def test_bylines_are_cleaned_or_refused(raw: str | None, clean: str | None) -> None:
    assert clean_byline(raw) == clean
