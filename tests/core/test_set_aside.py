"""What trafilatura's cleaning deletes whole is set aside while it reads the page: it reads
the same, and the page comes back as it was."""

from __future__ import annotations

import gzip
import warnings
from pathlib import Path

import lxml.html
import pytest
import trafilatura
from lxml import etree

from reader_app.core.decoding import decode_html
from reader_app.core.set_aside import put_back, set_aside

DATA = Path(__file__).parent.parent / "data"
PAGE = """<html><head><title>T</title><meta name="a" content="b"></head><body>
<nav class="menu"><ul><li><a href="/">Home</a></li><nav><p>Inner</p></nav></ul></nav>after nav
<article><p>The article's first paragraph, long enough to be read.</p>
<figure><img src="a.jpg"><figcaption>A caption</figcaption></figure>tail of figure
<figure><table><tr><td>cell</td></tr></table></figure>
<p>Text with an <svg><path d="M0"/></svg> icon inside.</p></article>
<aside><p>Related</p></aside><footer><p>Footer</p></footer>end</body></html>"""


def _pages() -> list[tuple[str, str]]:
    pages = [(p.name, p.read_text(encoding="utf-8", errors="replace"))
             for p in sorted((DATA / "pages").glob("*.html"))]
    pages += [(p.name, decode_html(gzip.decompress(p.read_bytes())))
              for p in sorted((DATA / "wcxb" / "html").glob("*.html.gz"))]
    return pages


def _read(tree: etree._Element, tables: bool = True) -> bytes:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        found = trafilatura.bare_extraction(
            tree, fast=True, favor_recall=True, with_metadata=False, include_comments=False,
            include_links=True, include_tables=tables, output_format="xml",
        )
    return b"" if found is None or found.body is None else etree.tostring(found.body)


def test_the_outermost_parts_are_swapped_for_empty_ones_and_put_back() -> None:
    root = lxml.html.document_fromstring(PAGE)
    before = etree.tostring(root)
    swaps = set_aside(root, tables=True)
    assert [stand_in.tag for stand_in, _ in swaps] == [
        "head", "nav", "figure", "svg", "aside", "footer"]  # the figure holding a table stays
    for stand_in, element in swaps:
        assert len(stand_in) == 0 and not stand_in.text
        assert stand_in.attrib == element.attrib and stand_in.tail == element.tail
    assert b"Inner" not in etree.tostring(root) and b"cell" in etree.tostring(root)
    put_back(swaps)
    assert etree.tostring(root) == before


def test_a_figure_holding_a_table_goes_too_when_tables_are_not_read() -> None:
    root = lxml.html.document_fromstring(PAGE)
    swaps = set_aside(root, tables=False)
    assert [s.tag for s, _ in swaps].count("figure") == 2


def test_nothing_is_set_aside_when_no_paragraph_would_survive_the_cleaning() -> None:
    # trafilatura keeps such a page whole rather than delete every paragraph
    root = lxml.html.document_fromstring(
        "<html><body><nav><p>One</p></nav><aside><p>Two</p></aside><div>x</div></body></html>")
    assert set_aside(root, tables=True) == []


@pytest.mark.parametrize(("name", "html"), _pages(), ids=lambda v: v if len(v) < 40 else "")
def test_trafilatura_reads_every_test_page_the_same(name: str, html: str) -> None:
    root = lxml.html.document_fromstring(html)
    whole = _read(root)
    before = etree.tostring(root)
    swaps = set_aside(root, tables=True)
    assert _read(root) == whole
    put_back(swaps)
    assert etree.tostring(root) == before


def test_most_test_pages_have_parts_to_set_aside() -> None:
    pages = _pages()
    found = [name for name, html in pages if set_aside(lxml.html.document_fromstring(html), True)]
    assert len(found) >= len(pages) * 2 // 3
