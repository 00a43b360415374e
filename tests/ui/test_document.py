"""Rendering articles as documents: every kind of block, and exact text offsets → positions."""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtGui import (
    QColor,
    QPalette,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextListFormat,
    QTextTable,
)
from PySide6.QtWidgets import QApplication

from reader_app.core import extract_article
from reader_app.core.model import Article, Block
from reader_app.ui.reading.document import render_article
from reader_app.ui.reading.offsets import OffsetMap, RenderedArticle, document_text, utf16_length
from reader_app.ui.reading.start_page import render_start_page
from reader_app.ui.style.theme import (
    MONO_FAMILIES,
    THEMES,
    ReadingStyle,
    Theme,
    apply_chrome_theme,
)

EVERY_KIND = Article(
    title="Café 😀 — naïve title",
    byline="Zoë Ångström",
    site="Example Times",
    date="2024-07-23",
    url="https://example.org/news/story.html",
    blocks=(
        Block("paragraph", "Plain words, then e\u0301 (combining), \U0001d518\U0001d52b\U0001d526"
                           "\U0001d520\U0001d52c\U0001d521\U0001d522"
                           " and 👩\u200d👩\u200d👧 family."),
        Block("heading", "A heading with 🎉", level=2),
        Block("heading", "Small heading", level=4),
        Block("list", "first 🍎\nsecond item\nthird, 3 of 3", items=("first 🍎", "second item",
                                                               "third, 3 of 3")),
        Block("list", "one\ntwo \U0001d7da\nthree", ordered=True, start=3),
        Block("quote", "Quoted line one.\nQuoted 😀 line two."),
        Block("table", "Name\tCount 🧮\tNote\nAlpha\t1\tx\nBeta \U0001d6c3\t22"),
        Block("code", "def f(x):\n\treturn x + 1  # 😀\n"),
        Block("image", "A caption 📷 under the picture", src="images/pic.png"),
        Block("image", "", src="https://cdn.example.org/plain.jpg"),
        Block("paragraph", "Non-breaking\u00a0space and a last line with 🏁."),
        Block("paragraph", "x"),
    ),
)

PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Rivers rise in the valley 🌊</title>
<meta name="author" content="Maria Okafor"></head>
<body><article>
<h1>Rivers rise in the valley 🌊</h1>
<p>The river had been rising for six days before the council met, and by then the low
streets near the old mill were already under a foot of brown water. Café owners said the
warnings came late; officials said they came as soon as the gauges allowed.</p>
<h2>What went wrong</h2>
<p>In Oldbridge, 11,000 residents live within 500 metres of the Severn. “We knew the walls
were too low,” said Councillor Jane Whitby — but the money wasn't there 💸.</p>
<ul><li>Gauges upstream were read by hand</li><li>Sandbags arrived after the water</li>
<li>The pumping station lost power</li></ul>
<blockquote><p>We did everything the plan asked of us. The plan was written for a smaller
river.</p></blockquote>
<table><tr><th>Item</th><th>Cost</th></tr><tr><td>New walls</td><td>£2.5m</td></tr>
<tr><td>Pumps</td><td>£300k</td></tr></table>
<pre><code>level = read_gauge("upstream")
if level &gt; 3.2:
    sound_alarm()</code></pre>
<p>Engineers now say the new defences, costing £2.5m, will be finished by the spring,
eighteen months after the flood that closed \U0001d531\U0001d525\U0001d522 bridge for six weeks.</p>
</article></body></html>
"""


WORLD_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Tokyo to Cairo: a week of trains 🚄</title>
</head><body><main><article>
<h1>Tokyo to Cairo: a week of trains 🚄</h1>
<p>On the first morning the Nozomi left 東京駅 at 06:00 sharp; by noon we were in 京都, where
the station café sold 抹茶 ice cream for ¥480 and a sign read «ようこそ» in three scripts.</p>
<figure><img src="img/kyoto.jpg" alt="Kyoto station at dawn"><figcaption>Kyoto station at
dawn, before the crowds 📷</figcaption></figure>
<h2>Across the Gulf</h2>
<p>In Cairo the timetable was in Arabic — القاهرة — and English, and the 08:15 to Alexandria
left at 09:40. Nobody minded; tea cost 10 EGP and the view of the Nile was free.
\uff26\uff55\uff4c\uff4c\uff57\uff49\uff44\uff54\uff48 letters and
\U0001d48e\U0001d482\U0001d495\U0001d489 letters sat beside emoji such as 👍🏽 and 🇪🇬.</p>
<ol><li>Book the Shinkansen seat a day ahead</li><li>Carry small notes for tea 🍵</li>
<li>Expect delays after Luxor</li></ol>
<p>The whole trip covered 9,600 km in seven days and cost about $1,250 per person, which the
writer says was worth every cent.</p>
</article></main></body></html>
"""


def utf16_plain(document: QTextDocument) -> bytes:
    """The document's plain text as UTF-16 code units (2 bytes each), Qt's position unit."""
    return document.toPlainText().encode("utf-16-le", "surrogatepass")


def as_plain(text: str, table: bool) -> str:
    """How ``text`` reads in ``QTextDocument.toPlainText``: cell boundaries and NBSP differ."""
    if table:
        text = text.replace("\t", "\n")
    return text.replace("\u00a0", " ")


def check_every_range(rendered: RenderedArticle) -> int:
    """Assert the document text under every mapped range of every part equals the article's."""
    text = rendered.article.text
    plain = utf16_plain(rendered.document)
    offsets = rendered.offsets
    checked = 0
    for start, end, block in rendered.article.spans():
        table = block is not None and block.kind == "table"
        doc_start, doc_end = offsets.range_to_document(start, end)
        # The helper's reading and Qt's own plain text agree on the whole part.
        assert document_text(rendered.document, doc_start, doc_end) == text[start:end]
        for i in range(start, end + 1):
            for j in range(i, end + 1):
                a, b = offsets.range_to_document(i, j)
                got = plain[2 * a:2 * b].decode("utf-16-le", "surrogatepass")
                assert got == as_plain(text[i:j], table), (i, j, got, text[i:j])
                checked += 1
    return checked


def test_every_block_kind_maps_every_range_exactly(qapp: QApplication) -> None:
    rendered = render_article(EVERY_KIND, ReadingStyle())
    assert check_every_range(rendered) > 5000


def test_single_characters_read_back_through_the_helper(qapp: QApplication) -> None:
    rendered = render_article(EVERY_KIND, ReadingStyle(theme="dark", font="sans"))
    text = EVERY_KIND.text
    for start, end, _block in EVERY_KIND.spans():
        for i in range(start, end):
            a, b = rendered.offsets.range_to_document(i, i + 1)
            assert b - a == utf16_length(text[i])
            assert document_text(rendered.document, a, b) == text[i]


def test_extracted_page_maps_every_range_exactly(qapp: QApplication) -> None:
    article = extract_article(PAGE, url="https://example.org/valley.html")
    kinds = {block.kind for block in article.blocks}
    assert {"heading", "paragraph", "list", "quote", "table"} <= kinds
    for style in (ReadingStyle(), ReadingStyle(theme="sepia", font_size=20, column_chars=45)):
        rendered = render_article(article, style)
        assert check_every_range(rendered) > 10000


def test_extracted_page_with_many_scripts_maps_every_range_exactly(qapp: QApplication) -> None:
    article = extract_article(WORLD_PAGE, url="https://example.org/travel/trains.html")
    assert any(block.kind == "list" and block.ordered for block in article.blocks)
    assert any(ord(ch) > 0xFFFF for ch in article.text)
    rendered = render_article(article, ReadingStyle(font="sans"))
    assert check_every_range(rendered) > 10000


def test_text_offsets_round_trip(qapp: QApplication) -> None:
    rendered = render_article(EVERY_KIND, ReadingStyle())
    for start, end, _block in EVERY_KIND.spans():
        for offset in range(start, end + 1):
            assert rendered.offsets.to_text(rendered.offsets.to_document(offset)) == offset


def test_offsets_between_parts_snap_to_neighbouring_text(qapp: QApplication) -> None:
    rendered = render_article(EVERY_KIND, ReadingStyle())
    spans = EVERY_KIND.spans()
    first_end, second_start = spans[0][1], spans[1][0]
    gap = first_end + 1  # inside the blank-line separator
    assert rendered.offsets.to_document(gap) == rendered.offsets.to_document(second_start)
    a, b = rendered.offsets.range_to_document(spans[0][0], gap)
    assert document_text(rendered.document, a, b) == EVERY_KIND.title
    assert rendered.offsets.to_text(rendered.document.characterCount() + 10) == len(
        EVERY_KIND.text
    )
    empty = OffsetMap(())
    assert empty.to_document(5) == 0 and empty.to_text(5) == 0


def test_header_meta_line_is_shown_but_not_mapped(qapp: QApplication) -> None:
    rendered = render_article(EVERY_KIND, ReadingStyle())
    plain = rendered.document.toPlainText()
    meta = "Zoë Ångström · Example Times · 2024-07-23 · 1 min read"
    assert plain.startswith(EVERY_KIND.title + "\n" + meta)
    meta_pos = utf16_length(EVERY_KIND.title) + 1
    assert rendered.offsets.to_text(meta_pos) == EVERY_KIND.spans()[1][0]


def test_structure_of_the_document(qapp: QApplication) -> None:
    rendered = render_article(EVERY_KIND, ReadingStyle())
    doc = rendered.document
    headings, lists, mono = {}, [], set()
    block = doc.begin()
    while block.isValid():
        level = block.blockFormat().headingLevel()
        if level:
            headings[block.text()] = level
        if block.textList() is not None:
            text_list = block.textList()
            lists.append((block.text(), text_list.format().style(), text_list.itemText(block)))
        fragment_format = block.charFormat()
        if block.text().startswith("def f"):
            mono.update(fragment_format.fontFamilies() or [])
        block = block.next()
    assert headings[EVERY_KIND.title] == 1
    assert headings["A heading with 🎉"] == 2
    assert headings["Small heading"] == 4
    assert ("first 🍎", QTextListFormat.Style.ListDisc, ".") in lists
    assert ("two \U0001d7da", QTextListFormat.Style.ListDecimal, "4.") in lists  # from 3
    assert mono and set(mono) <= set(MONO_FAMILIES)
    names = [ref.name for ref in rendered.images]
    assert names == ["https://example.org/news/images/pic.png", "https://cdn.example.org/plain.jpg"]
    for ref in rendered.images:
        cursor_format = _char_format_at(doc, ref.position)
        assert cursor_format.isImageFormat()
        assert cursor_format.toImageFormat().name() == ref.name


def _char_format_at(doc: QTextDocument, position: int) -> QTextFormat:
    cursor = QTextCursor(doc)
    cursor.setPosition(position + 1)
    return cursor.charFormat()


def test_tables_become_text_tables_with_their_cells(qapp: QApplication) -> None:
    rendered = render_article(EVERY_KIND, ReadingStyle())
    table_block = next(b for b in EVERY_KIND.blocks if b.kind == "table")
    start = next(s for s, _e, b in EVERY_KIND.spans() if b is table_block)
    cursor = QTextCursor(rendered.document)
    cursor.setPosition(rendered.offsets.to_document(start))
    table = cursor.currentTable()
    assert isinstance(table, QTextTable)
    assert (table.rows(), table.columns()) == (3, 3)
    first = table.cellAt(0, 1).firstCursorPosition()
    first.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
    assert first.selectedText() == "Count 🧮"
    assert table.cellAt(2, 1).columnSpan() == 2  # the short last row spans the rest


def test_a_wide_tables_short_cells_keep_their_numbers_whole(qapp: QApplication) -> None:
    header = ("W", "L", "PCT", "HOME", "AWAY", "DIV", "CONF", "PPG", "OPP PPG", "DIFF", "L10")
    values = ("45", "17", ".726", "23-8", "21-9", "10-4", "30-9", "116.8", "109.6", "+7.2", "6-4")
    rows = (header, values, values)
    table = "\n".join("\t".join(row) for row in rows)
    standings = Article(title="Standings", blocks=(Block("table", table, rows=rows),))
    rendered = render_article(standings, ReadingStyle())
    rendered.document.setTextWidth(420)  # far narrower than the cells side by side
    rendered.document.documentLayout().documentSize()
    cursor = QTextCursor(rendered.document)
    cursor.setPosition(rendered.offsets.to_document(len("Standings") + 2))
    grid = cursor.currentTable()
    assert isinstance(grid, QTextTable)
    for column, value in enumerate(values):
        block = grid.cellAt(1, column).firstCursorPosition().block()
        assert block.text() == value
        assert block.layout().lineCount() == 1, value  # ".726", never ".72" over "6"


def test_themes_are_readable(qapp: QApplication) -> None:
    assert set(THEMES) == {"light", "sepia", "dark"}
    for theme in THEMES.values():
        assert isinstance(theme, Theme)
        assert contrast(theme.text, theme.background) >= 10
        assert contrast(theme.heading, theme.background) >= 12
        assert contrast(theme.muted, theme.background) >= 4.5
        assert contrast(theme.link, theme.background) >= 4.5
        assert contrast(theme.selection_text, theme.selection_background) >= 7
        highlights = [theme.highlight_person, theme.highlight_place,
                      theme.highlight_organisation, theme.highlight_number]
        assert len(set(highlights)) == 4
        for colour in highlights:
            assert contrast(colour, theme.background) >= 2.5
        hues = sorted(QColor(c).hslHue() for c in highlights)
        assert min(b - a for a, b in itertools.pairwise(hues)) >= 25
    assert THEMES["dark"].dark and not THEMES["light"].dark and not THEMES["sepia"].dark


def test_chrome_follows_the_theme(qapp: QApplication) -> None:
    palette_before, style_before = qapp.palette(), qapp.style().name()
    try:
        apply_chrome_theme(qapp, THEMES["dark"])
        palette = qapp.palette()
        for role in (QPalette.ColorRole.Window, QPalette.ColorRole.Base,
                     QPalette.ColorRole.Button):
            assert palette.color(role).lightnessF() < 0.25
        for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text,
                     QPalette.ColorRole.ButtonText):
            assert palette.color(role).lightnessF() > 0.75
        apply_chrome_theme(qapp, THEMES["light"])
        assert qapp.palette().color(QPalette.ColorRole.Window).lightnessF() > 0.9
    finally:
        qapp.setStyleSheet("")
        qapp.setStyle(style_before)
        qapp.setPalette(palette_before)


def test_reading_style_is_validated() -> None:
    style = ReadingStyle(font_size=99, column_chars=10, line_height=9)
    assert (style.font_size, style.column_chars, style.line_height) == (32, 45, 2.2)
    assert ReadingStyle().colours is THEMES["light"]
    with pytest.raises(ValueError):
        ReadingStyle(theme="neon")
    with pytest.raises(ValueError):
        ReadingStyle(font="comic")  # type: ignore[arg-type]


def test_style_sets_the_body_type(qapp: QApplication) -> None:
    rendered = render_article(EVERY_KIND, ReadingStyle(font="sans", font_size=17, theme="sepia"))
    doc = rendered.document
    paragraph = doc.findBlock(rendered.offsets.to_document(EVERY_KIND.spans()[1][0]))
    fmt = paragraph.charFormat()
    assert fmt.fontPointSize() == pytest.approx(17)
    assert "DejaVu Sans" in fmt.fontFamilies()
    assert fmt.foreground().color().name() == THEMES["sepia"].text
    assert paragraph.blockFormat().lineHeight() == pytest.approx(155)
    root = doc.rootFrame().frameFormat()
    assert root.background().color().name() == THEMES["sepia"].background


def test_start_page_explains_opening_and_keys(qapp: QApplication) -> None:
    doc = render_start_page(ReadingStyle(theme="dark"))
    text = doc.toPlainText()
    for needle in ("Ctrl+O", "Ctrl+L", "Drag", "reader-app", "Space", "F1"):
        assert needle in text
    assert doc.rootFrame().frameFormat().background().color().name() == THEMES["dark"].background


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two colours."""

    def luminance(colour: str) -> float:
        c = QColor(colour)
        channels = []
        for v in (c.redF(), c.greenF(), c.blueF()):
            channels.append(v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4)
        r, g, bl = channels
        return 0.2126 * r + 0.7152 * g + 0.0722 * bl

    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)
