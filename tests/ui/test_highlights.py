"""Fact highlights: each covers exactly its mention, kinds differ beyond hue, mentions show."""

from __future__ import annotations

import pytest
from facts_support import (
    built_article,
    engine_facts,
    golden_articles,
    hand_facts,
    long_article,
    merged,
)
from PySide6.QtGui import QColor, QTextCursor
from PySide6.QtWidgets import QTextBrowser

from reader_app.core import Article
from reader_app.core.facts.model import Facts
from reader_app.ui.reading.document import render_article
from reader_app.ui.reading.highlights import (
    KINDS,
    Emphasis,
    HighlightPalette,
    build_selections,
    marks,
    mention_cursor,
    mention_format,
    reveal,
)
from reader_app.ui.reading.offsets import document_text
from reader_app.ui.style.theme import THEMES, ReadingStyle


def _articles() -> list[tuple[str, Article, Facts]]:
    article = built_article()
    out = [("built", article, merged(hand_facts(article.text), engine_facts(article)))]
    out += [(name, a, engine_facts(a)) for name, a in golden_articles()]
    return out


ARTICLES = _articles()


@pytest.mark.parametrize("theme", sorted(THEMES))
@pytest.mark.parametrize(("name", "article", "facts"), ARTICLES, ids=[a[0] for a in ARTICLES])
def test_every_highlight_covers_exactly_its_mention(qapp, name, article, facts, theme):
    rendered = render_article(article, ReadingStyle(theme=theme))
    palette = HighlightPalette.from_theme(THEMES[theme])
    expected = list(marks(facts.all(), rendered.offsets))
    selections = build_selections(rendered.document, rendered.offsets, palette, facts)

    mention_count = sum(len(f.mentions) for f in facts.all())
    assert mention_count > 0
    assert len(selections) == len(expected) == mention_count
    for selection, mark in zip(selections, expected, strict=True):
        start, end = mark.fact.mentions[mark.index]
        cursor = selection.cursor
        assert (cursor.selectionStart(), cursor.selectionEnd()) == (mark.start, mark.end)
        assert document_text(rendered.document, mark.start, mark.end) == article.text[start:end]
        assert selection.format.underlineStyle() == mention_format(
            mark.fact.kind, palette, Emphasis.PLAIN
        ).underlineStyle()


def test_built_article_has_mentions_in_every_kind_of_block(qapp):
    article = built_article()
    facts = hand_facts(article.text)
    kinds = set()
    for fact in facts.all():
        for start, _end in fact.mentions:
            block = next(b for s, e, b in article.spans() if s <= start < e)
            kinds.add(block.kind if block else "title")
    assert {"title", "heading", "paragraph", "list", "quote", "table", "image"} <= kinds


def test_highlights_never_change_the_document(qtbot):
    article = built_article()
    rendered = render_article(article, ReadingStyle())
    document = rendered.document
    before, revision, modified = document.toPlainText(), document.revision(), document.isModified()
    view = QTextBrowser()
    qtbot.addWidget(view)
    view.setDocument(document)
    palette = HighlightPalette.from_theme(THEMES["light"])
    facts = hand_facts(article.text)
    view.setExtraSelections(build_selections(document, rendered.offsets, palette, facts))
    view.show()
    qtbot.waitExposed(view)
    view.grab()
    assert len(view.extraSelections()) == sum(len(f.mentions) for f in facts.all())
    assert document.toPlainText() == before
    assert document.revision() == revision
    assert document.isModified() == modified


@pytest.mark.parametrize("theme", sorted(THEMES))
def test_kinds_differ_by_underline_not_hue_alone(theme):
    palette = HighlightPalette.from_theme(THEMES[theme])
    for emphasis in (Emphasis.PLAIN, Emphasis.CHOSEN, Emphasis.CURRENT):
        styles = {mention_format(kind, palette, emphasis).underlineStyle() for kind in KINDS}
        assert len(styles) == len(KINDS)


def _contrast(a: QColor, b: QColor) -> float:
    def luminance(c: QColor) -> float:
        def lin(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        return 0.2126 * lin(c.redF()) + 0.7152 * lin(c.greenF()) + 0.0722 * lin(c.blueF())

    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def _over(tint: QColor, background: QColor) -> QColor:
    a = tint.alphaF()
    return QColor.fromRgbF(
        tint.redF() * a + background.redF() * (1 - a),
        tint.greenF() * a + background.greenF() * (1 - a),
        tint.blueF() * a + background.blueF() * (1 - a),
    )


@pytest.mark.parametrize("theme", sorted(THEMES))
def test_highlighted_text_stays_readable(theme):
    colours = THEMES[theme]
    palette = HighlightPalette.from_theme(colours)
    background, text = QColor(colours.background), QColor(colours.text)
    for kind in KINDS:
        plain = mention_format(kind, palette, Emphasis.PLAIN).background().color()
        chosen = mention_format(kind, palette, Emphasis.CHOSEN).background().color()
        current = mention_format(kind, palette, Emphasis.CURRENT).background().color()
        assert plain.alpha() < chosen.alpha() < current.alpha()
        assert _contrast(text, _over(plain, background)) >= 7.0
        assert _contrast(text, _over(chosen, background)) >= 4.5
        assert _contrast(text, _over(current, background)) >= 4.5


def test_current_mention_drawn_strongest_over_the_rest(qapp):
    article = built_article()
    rendered = render_article(article, ReadingStyle())
    palette = HighlightPalette.from_theme(THEMES["light"])
    facts = hand_facts(article.text)
    chosen = facts.places[0]
    selections = build_selections(
        rendered.document, rendered.offsets, palette, facts, chosen=chosen, current=2
    )
    assert len(selections) == sum(len(f.mentions) for f in facts.all())
    tail = selections[-len(chosen.mentions):]
    alphas = [s.format.background().color().alpha() for s in tail]
    strong = mention_format("place", palette, Emphasis.CURRENT).background().color().alpha()
    assert alphas[2] == strong
    assert all(a < strong for i, a in enumerate(alphas) if i != 2)
    cursor = tail[2].cursor
    start, end = chosen.mentions[2]
    assert cursor.selectedText() == article.text[start:end]

    only_chosen = build_selections(
        rendered.document, rendered.offsets, palette, facts, show_all=False, chosen=chosen,
        current=0,
    )
    assert len(only_chosen) == len(chosen.mentions)


def test_current_mention_of_a_number_covers_what_it_counts(qapp):
    article = built_article()
    rendered = render_article(article, ReadingStyle())
    palette = HighlightPalette.from_theme(THEMES["light"])
    drones = hand_facts(article.text).numbers[1]
    assert article.text[slice(*drones.mentions[0])] == "40"
    selections = build_selections(rendered.document, rendered.offsets, palette,
                                  Facts(numbers=(drones,)), chosen=drones, current=0)
    texts = [s.cursor.selectedText() for s in selections]
    assert texts == ["40 drones"] + ["40"] * (len(drones.mentions) - 1)
    other = build_selections(rendered.document, rendered.offsets, palette,
                             hand_facts(article.text), show_all=True)
    assert "40" in [s.cursor.selectedText() for s in other]  # plain marks stay on the number


def test_reveal_brings_every_mention_into_the_viewport(qtbot):
    article = long_article()
    rendered = render_article(article, ReadingStyle())
    view = QTextBrowser()
    qtbot.addWidget(view)
    view.resize(640, 420)
    view.setDocument(rendered.document)
    view.show()
    qtbot.waitExposed(view)
    bar = view.verticalScrollBar()
    assert bar.maximum() > 4 * view.viewport().height()
    facts = hand_facts(article.text)
    checked = 0
    for fact in facts.all():
        for mention in (fact.mentions[0], fact.mentions[-1]):
            bar.setValue(0 if mention[0] > len(article.text) // 2 else bar.maximum())
            cursor = mention_cursor(rendered.document, rendered.offsets, mention)
            assert cursor.selectedText() == article.text[mention[0]:mention[1]]
            reveal(view, cursor)
            start, end = QTextCursor(cursor), QTextCursor(cursor)
            start.setPosition(cursor.selectionStart())
            end.setPosition(cursor.selectionEnd())
            viewport = view.viewport().rect()
            assert viewport.contains(view.cursorRect(start))
            assert viewport.contains(view.cursorRect(end))
            checked += 1
    assert checked == 2 * len(facts.all())
