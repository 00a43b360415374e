"""Inline spans in the reading view: italic, bold, code, sub/sup and links at the right places."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from PySide6.QtGui import QFont, QTextCharFormat, QTextCursor

from reader_app.core import RawPage, extract_page
from reader_app.core.model import Article, Block, Span
from reader_app.ui.reading.document import render_article
from reader_app.ui.reading.offsets import RenderedArticle, document_text
from reader_app.ui.shell.export import article_markdown, export_pdf
from reader_app.ui.style.theme import MONO_FAMILIES, ReadingStyle

PAGES = Path(__file__).parent.parent / "data" / "pages"


@pytest.fixture(name="review", scope="module")
def review_fixture() -> Article:
    url = json.loads((PAGES / "book_review.json").read_text(encoding="utf-8"))["url"]
    return extract_page(RawPage((PAGES / "book_review.html").read_bytes(), url=url))


def formats(rendered: RenderedArticle, start: int, end: int) -> list[QTextCharFormat]:
    """The character format of every document position over article text ``[start, end)``."""
    doc_start, doc_end = rendered.offsets.range_to_document(start, end)
    cursor = QTextCursor(rendered.document)
    out = []
    for position in range(doc_start, doc_end):
        cursor.setPosition(position + 1)  # the format of the character before the cursor
        out.append(cursor.charFormat())
    return out


def where(article: Article, kind: str, text: str) -> Span:
    whole = article.text
    return next(s for s in article.text_spans() if s.kind == kind and whole[s.start:s.end] == text)


def test_spans_are_set_over_their_words(review: Article, qapp) -> None:
    rendered = render_article(review, ReadingStyle())
    title = where(review, "em", "Circular Motion")
    assert all(f.fontItalic() for f in formats(rendered, title.start, title.end))
    after = review.text.index(" / Alex Foster", title.end)
    assert not any(f.fontItalic() for f in formats(rendered, after, after + 14))
    strong = where(review, "strong", "the shape of a life is not a straight line")
    assert all(f.fontWeight() == QFont.Weight.Bold
               for f in formats(rendered, strong.start, strong.end))
    code = where(review, "code", "SKM")
    assert all(f.fontFamilies()[0] == MONO_FAMILIES[0]
               for f in formats(rendered, code.start, code.end))
    sub = where(review, "sub", "2")
    assert formats(rendered, sub.start, sub.end)[0].verticalAlignment() == \
        QTextCharFormat.VerticalAlignment.AlignSubScript
    sup = where(review, "sup", "1")
    assert formats(rendered, sup.start, sup.end)[0].verticalAlignment() == \
        QTextCharFormat.VerticalAlignment.AlignSuperScript
    link = where(review, "link", "Buy from the publisher")
    link_formats = formats(rendered, link.start, link.end)
    assert all(f.isAnchor() and f.anchorHref() == "https://grovebooks.example/circular-motion"
               for f in link_formats)
    before = formats(rendered, link.start - 3, link.start)
    assert not any(f.isAnchor() for f in before)


def test_spans_leave_the_text_and_offsets_exact(review: Article, qapp) -> None:
    rendered = render_article(review, ReadingStyle(font="sans", align="justify"))
    for span in review.text_spans():
        start, end = rendered.offsets.range_to_document(span.start, span.end)
        assert document_text(rendered.document, start, end) == review.text[span.start:span.end]


def test_spans_in_lists_quotes_and_tables(qapp) -> None:
    article = Article(title="Kinds", blocks=(
        Block("list", "plain item\nan emphatic item", items=("plain item", "an emphatic item"),
              spans=(Span(14, 22, "em"),)),
        Block("quote", "He said it was done.", spans=(Span(8, 10, "em"),)),
        Block("table", "Gas\tFormula\nWater\tH2O", rows=(("Gas", "Formula"), ("Water", "H2O")),
              spans=(Span(19, 20, "sub"), Span(12, 17, "link", "https://example.org/w"))),
    ))
    rendered = render_article(article, ReadingStyle())
    text = article.text
    emphatic = text.index("emphatic")
    assert all(f.fontItalic() for f in formats(rendered, emphatic, emphatic + 8))
    assert not formats(rendered, emphatic - 3, emphatic - 1)[0].fontItalic()
    it = text.index("it was")
    # the quote is italic; emphasis inside it is set upright
    assert [f.fontItalic() for f in formats(rendered, it - 2, it + 3)] == \
        [True, True, False, False, True]
    water = text.index("Water")
    assert formats(rendered, water, water + 1)[0].anchorHref() == "https://example.org/w"
    two = text.index("H2O") + 1
    assert formats(rendered, two, two + 1)[0].verticalAlignment() == \
        QTextCharFormat.VerticalAlignment.AlignSubScript


def test_pdf_keeps_safe_links_only(review: Article, qapp, tmp_path: Path) -> None:
    text = "See the minutes, or the script."
    unsafe = Article(title="Minutes", url="https://news.example/a", blocks=(
        Block("paragraph", text, spans=(Span(4, 15, "link", "/minutes"),
                                         Span(20, 30, "link", "javascript:alert(1)"))),))
    pdf = tmp_path / "minutes.pdf"
    rendered = render_article(unsafe, ReadingStyle())
    export_pdf(rendered.document, pdf, unsafe.title)
    addresses = re.findall(rb"/URI ?\(([^)]*)\)", pdf.read_bytes())
    assert addresses == [b"https://news.example/minutes"]
    rendered = render_article(review, ReadingStyle())
    export_pdf(rendered.document, pdf, review.title)
    assert b"https://grovebooks.example/circular-motion" in re.findall(
        rb"/URI ?\(([^)]*)\)", pdf.read_bytes())


def test_markdown_export_of_the_review(review: Article) -> None:
    markdown = article_markdown(review)
    assert "*Circular Motion* / Alex Foster (Grove)" in markdown
    assert "[Buy from the publisher](https://grovebooks.example/circular-motion)" in markdown
    assert "**the shape of a life is not a straight line**" in markdown
    assert "H<sub>2</sub>O" in markdown
