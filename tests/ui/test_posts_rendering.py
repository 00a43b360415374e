"""Pages of posts in the window: each post's time line is a small heading of the document,
in the page's order, with the post's text after it and none of its controls."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtGui import QTextBlock
from window_support import (  # noqa: F401 (fixtures)
    open_and_wait,
    settings_file_fixture,
    window_fixture,
)

from reader_app.core.posts import POST_STAMP_LEVEL
from reader_app.ui.reading.document import meta_line

PAGES = Path(__file__).parent.parent / "data" / "pages"


def blocks_of(window) -> list[QTextBlock]:
    document = window.view.document()
    out = []
    block = document.begin()
    while block.isValid():
        out.append(block)
        block = block.next()
    return out


@pytest.mark.parametrize(
    "name",
    ["live_blog", "live_blog_soup", "live_blog_divs", "live_blog_appeal", "live_blog_cp1252",
     "forum_thread", "changelog"],
)  # fmt: skip
def test_posts_are_headed_by_their_time_lines(qtbot, window, name: str) -> None:
    expected = json.loads((PAGES / f"{name}.json").read_text(encoding="utf-8"))
    article = open_and_wait(qtbot, window, str(PAGES / f"{name}.html"))
    blocks = blocks_of(window)
    heads = [i for i, b in enumerate(blocks) if b.blockFormat().headingLevel() == POST_STAMP_LEVEL]
    assert [blocks[i].text() for i in heads] == [stamp for stamp, _text in expected["posts"]]
    ends = [*heads[1:], len(blocks)]
    for start, end, (stamp, text) in zip(heads, ends, expected["posts"], strict=True):
        post = "\n".join(b.text() for b in blocks[start + 1 : end])
        assert text in post, f"{text!r} is not under {stamp!r}"
    shown = window.view.toPlainText().replace(meta_line(article), "")  # the byline is no post's
    for furniture in expected["absent"]:
        assert furniture not in shown


def test_a_time_line_is_a_small_heading(qtbot, window) -> None:
    open_and_wait(qtbot, window, str(PAGES / "live_blog.html"))
    blocks = blocks_of(window)
    stamp = next(b for b in blocks if b.text() == "14:05")
    title = next(b for b in blocks if b.text() == "Ferry operator confirms refunds")
    body = next(b for b in blocks if b.text().startswith("The ferry operator Westway Marine"))
    assert stamp.blockFormat().headingLevel() == POST_STAMP_LEVEL
    assert title.blockFormat().headingLevel() == 3
    stamp_size = stamp.begin().fragment().charFormat().font().pointSizeF()
    title_size = title.begin().fragment().charFormat().font().pointSizeF()
    body_size = body.begin().fragment().charFormat().font().pointSizeF()
    assert body_size <= stamp_size < title_size
    assert stamp.begin().fragment().charFormat().font().bold()
