"""The facts panel: listing, filtering, choosing by mouse and keys, stepping, following the view."""

from __future__ import annotations

import threading

import pytest
from facts_support import (
    built_article,
    engine_facts,
    hand_facts,
    located,
    long_article,
    merged,
)
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QTextCursor
from PySide6.QtWidgets import QHBoxLayout, QMainWindow, QTextBrowser, QWidget

from reader_app.core import find_facts
from reader_app.core.facts.model import Facts
from reader_app.core.model import Article
from reader_app.ui.facts.controller import FactsController
from reader_app.ui.facts.delegate import CONTEXT_ROLE
from reader_app.ui.facts.entries import NO_FACTS, PENDING, entry_text, facts_markdown
from reader_app.ui.facts.fact_list import SHORT_LIST
from reader_app.ui.facts.panel import FactsPanel
from reader_app.ui.facts.worker import FactsWorker
from reader_app.ui.reading.document import render_article
from reader_app.ui.reading.highlights import Emphasis, mention_cursor, mention_format
from reader_app.ui.style.theme import THEMES, ReadingStyle


class Reading(QWidget):
    """A reading view and a facts panel side by side, joined by a controller."""

    def __init__(self, worker: FactsWorker) -> None:
        super().__init__()
        self.view = QTextBrowser(self)
        self.panel = FactsPanel(self)
        layout = QHBoxLayout(self)
        layout.addWidget(self.view, 3)
        layout.addWidget(self.panel, 1)
        self.controller = FactsController(
            self.view, self.panel, THEMES["light"], worker, parent=self
        )
        self.resize(960, 560)

    def open(self, article):
        rendered = render_article(article, ReadingStyle())
        self.view.setDocument(rendered.document)
        self.controller.show_article(article, rendered)
        return rendered


@pytest.fixture
def reading(qtbot, executor):
    widget = Reading(FactsWorker(executor))
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _open_and_wait(qtbot, reading, article):
    with qtbot.waitSignal(reading.controller.facts_shown, timeout=10_000) as blocker:
        rendered = reading.open(article)
    return rendered, blocker.args[0]


def _mention_visible(view, rendered, mention) -> bool:
    cursor = mention_cursor(rendered.document, rendered.offsets, mention)
    start, end = QTextCursor(cursor), QTextCursor(cursor)
    start.setPosition(cursor.selectionStart())
    end.setPosition(cursor.selectionEnd())
    viewport = view.viewport().rect()
    return viewport.contains(view.cursorRect(start)) and viewport.contains(view.cursorRect(end))


def test_entries_show_label_count_and_context(qtbot):
    panel = FactsPanel()
    qtbot.addWidget(panel)
    article = built_article()
    facts = hand_facts(article.text)
    panel.set_facts(facts)
    entries = panel.entries()
    assert [e.text(0) for e in entries] == [entry_text(f) for f in facts.all()]
    for item, fact in zip(entries, facts.all(), strict=True):
        assert item.text(1) == str(len(fact.mentions))
        assert fact.context and fact.context in item.toolTip(0).replace("&#x27;", "'")
    aid = panel.item_for(facts.numbers[0])
    assert aid.text(0) == "$120bn — military aid"
    assert panel.item_for(facts.numbers[1]).text(0) == "40 drones"
    sections = [panel.tree.topLevelItem(i).text(0) for i in range(panel.tree.topLevelItemCount())]
    assert sections == ["Numbers", "People", "Places", "Organisations"]


def test_each_entry_shows_its_context_line_under_it(qtbot):
    panel = FactsPanel()
    qtbot.addWidget(panel)
    panel.resize(320, 600)
    panel.show()
    qtbot.waitExposed(panel)
    article = built_article()
    facts = hand_facts(article.text)
    panel.set_facts(facts)
    section = panel.tree.topLevelItem(0)
    entry = panel.item_for(facts.numbers[0])
    assert entry.data(0, CONTEXT_ROLE) == " ".join(facts.numbers[0].context.split())
    assert section.data(0, CONTEXT_ROLE) is None
    entry_height = panel.tree.visualItemRect(entry).height()
    section_height = panel.tree.visualItemRect(section).height()
    assert entry_height > section_height * 1.5  # two lines: the fact, then its context


def test_empty_sections_are_left_out_and_no_facts_is_said(qtbot):
    panel = FactsPanel()
    qtbot.addWidget(panel)
    panel.show()
    assert panel.stack.currentWidget() is panel.message
    assert panel.message.text() == PENDING
    facts = hand_facts(built_article().text)
    panel.set_facts(Facts(people=facts.people))
    assert panel.tree.topLevelItemCount() == 1
    assert panel.tree.topLevelItem(0).text(0) == "People"
    assert panel.stack.currentWidget() is panel.tree
    panel.set_facts(Facts())
    assert panel.stack.currentWidget() is panel.message
    assert panel.message.text() == NO_FACTS
    assert panel.entries() == []


def test_filter_narrows_every_section_as_you_type(qtbot):
    panel = FactsPanel()
    qtbot.addWidget(panel)
    panel.show()
    facts = hand_facts(built_article().text)
    panel.set_facts(facts)
    qtbot.keyClicks(panel.filter_box, "o")
    shown = [e.text(0) for e in panel.entries() if not e.isHidden()]
    assert shown == [entry_text(f) for f in facts.all() if "o" in entry_text(f).casefold()]
    assert len({e.parent().text(0) for e in panel.entries() if not e.isHidden()}) >= 3
    qtbot.keyClicks(panel.filter_box, "des")
    shown = [e.text(0) for e in panel.entries() if not e.isHidden()]
    assert shown == ["Odesa"]
    hidden_sections = [
        panel.tree.topLevelItem(i).text(0)
        for i in range(panel.tree.topLevelItemCount())
        if panel.tree.topLevelItem(i).isHidden()
    ]
    assert hidden_sections == ["Numbers", "People", "Organisations"]
    qtbot.keyClicks(panel.filter_box, "zzz")
    assert panel.stack.currentWidget() is panel.message
    assert "odeszzz" in panel.message.text().casefold()
    panel.filter_box.clear()
    assert all(not e.isHidden() for e in panel.entries())
    assert panel.stack.currentWidget() is panel.tree


def test_long_sections_list_the_first_entries_then_more_on_request(qtbot):
    panel = FactsPanel()
    qtbot.addWidget(panel)
    panel.show()
    article = long_article(2)
    text = article.text
    counted = [
        located(text, "number", f"{n} drones", str(n), counts="drones")
        for n in (40, 18, 32, 300, 80, 12, 25, 2, 5)
    ]
    money = [located(text, "number", form, form) for form in ("$120bn", "$2.5bn")]
    numbers = (*counted, *money)
    facts = Facts(numbers=numbers, people=hand_facts(text).people)
    panel.set_facts(facts)
    shown = [e for e in panel.entries() if not e.isHidden()]
    assert [e.text(0) for e in shown] == [entry_text(f) for f in numbers[:SHORT_LIST]] + [
        entry_text(f) for f in facts.people
    ]
    more = panel.more_item("number")
    assert not more.isHidden() and more.text(0) == f"{len(numbers) - SHORT_LIST} more…"
    assert panel.more_item("person").isHidden()
    assert panel.tree.topLevelItem(0).text(1) == str(len(numbers))
    qtbot.keyClicks(panel.filter_box, "bn")
    assert [e.text(0) for e in panel.entries() if not e.isHidden()] == ["$120bn", "$2.5bn"]
    assert more.isHidden()
    panel.filter_box.clear()
    panel.focus_entries()
    panel.tree.setCurrentItem(more)
    qtbot.keyClick(panel.tree, Qt.Key.Key_Return)
    assert all(not e.isHidden() for e in panel.entries())
    assert more.isHidden()
    assert panel.tree.currentItem() is panel.item_for(numbers[SHORT_LIST])


def test_facts_arrive_after_the_text_and_are_listed_and_highlighted(qtbot, reading):
    article = built_article()
    rendered = reading.open(article)
    assert reading.view.toPlainText() == rendered.document.toPlainText()
    assert reading.panel.message.text() == PENDING
    with qtbot.waitSignal(reading.controller.facts_shown, timeout=10_000) as blocker:
        pass
    facts = blocker.args[0]
    assert facts == find_facts(article.text)
    assert [e.text(0) for e in reading.panel.entries()] == [entry_text(f) for f in facts.all()]
    selections = reading.view.extraSelections()
    assert len(selections) == sum(len(f.mentions) for f in facts.all())
    covered = sorted(s.cursor.selectedText() for s in selections)
    wanted = sorted(article.text[s:e] for f in facts.all() for s, e in f.mentions)
    assert covered == wanted


def test_clicking_each_entry_scrolls_its_mention_into_view(qtbot, reading):
    article = long_article()
    rendered, facts = _open_and_wait(qtbot, reading, article)
    bar = reading.view.verticalScrollBar()
    assert bar.maximum() > 5 * reading.view.viewport().height()
    tree = reading.panel.tree
    for kind in ("number", "person", "place", "organisation"):
        more = reading.panel.more_item(kind)
        if more is not None and not more.isHidden():
            tree.scrollToItem(more)
            qtbot.mouseClick(
                tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(more).center()
            )
    assert all(not item.isHidden() for item in reading.panel.entries())
    for item in reading.panel.entries():
        fact = item.data(0, Qt.ItemDataRole.UserRole)
        far = bar.maximum() if fact.mentions[0][0] < len(article.text) // 2 else 0
        bar.setValue(far)
        assert not _mention_visible(reading.view, rendered, fact.mentions[0])
        tree.scrollToItem(item)
        with qtbot.waitSignal(reading.controller.mention_shown) as shown:
            qtbot.mouseClick(
                tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(item).center()
            )
        assert shown.args == [fact, 0]
        assert _mention_visible(reading.view, rendered, fact.mentions[0])
        assert reading.panel.position_label.text().endswith(f"1 of {len(fact.mentions)}")
    assert len(reading.panel.entries()) == len(facts.all())


def test_keyboard_moves_chooses_and_returns_to_the_article(qtbot, reading):
    article = long_article(4)
    rendered, facts = _open_and_wait(qtbot, reading, article)
    reading.activateWindow()
    reading.view.setFocus()
    qtbot.waitUntil(reading.view.hasFocus)
    reading.panel.focus_entries()
    qtbot.waitUntil(reading.panel.tree.hasFocus)
    first = facts.all()[0]
    assert reading.panel.tree.currentItem() is reading.panel.item_for(first)
    qtbot.keyClick(reading.panel.tree, Qt.Key.Key_Down)
    qtbot.keyClick(reading.panel.tree, Qt.Key.Key_Down)
    third = facts.all()[2]
    reading.view.verticalScrollBar().setValue(reading.view.verticalScrollBar().maximum())
    with qtbot.waitSignal(reading.panel.fact_activated) as chosen:
        qtbot.keyClick(reading.panel.tree, Qt.Key.Key_Return)
    assert chosen.args == [third]
    assert _mention_visible(reading.view, rendered, third.mentions[0])
    with qtbot.waitSignal(reading.panel.focus_released):
        qtbot.keyClick(reading.panel.tree, Qt.Key.Key_Escape)
    qtbot.waitUntil(reading.view.hasFocus)


def test_stepping_wraps_around_and_says_where_it_is(qtbot, reading):
    article = long_article(3)
    rendered, facts = _open_and_wait(qtbot, reading, article)
    fact = max(facts.all(), key=lambda f: len(f.mentions))
    count = len(fact.mentions)
    assert count >= 5
    reading.panel.activate(fact)
    assert reading.panel.position_text() == f"1 of {count}"
    for k in range(2, count + 1):
        with qtbot.waitSignal(reading.controller.mention_shown) as shown:
            reading.controller.next_mention()
        assert shown.args == [fact, k - 1]
        assert reading.panel.position_text() == f"{k} of {count}"
        assert reading.panel.position_label.text().endswith(f"{k} of {count}")
        assert _mention_visible(reading.view, rendered, fact.mentions[k - 1])
    reading.controller.next_mention()
    assert reading.panel.position_text() == f"1 of {count}"
    reading.controller.previous_mention()
    assert reading.panel.position_text() == f"{count} of {count}"
    assert _mention_visible(reading.view, rendered, fact.mentions[-1])
    assert _current_marks(reading, rendered, fact) == [fact.mentions[-1]]
    for k in range(count):
        reading.controller.next_mention()
        assert _current_marks(reading, rendered, fact) == [fact.mentions[k]]


def _current_marks(reading, rendered, fact):
    """The mentions drawn with the current-mention format, as article-text ranges."""
    current = mention_format(fact.kind, reading.controller.palette, Emphasis.CURRENT)
    return [
        (rendered.offsets.to_text(s.cursor.selectionStart()),
         rendered.offsets.to_text(s.cursor.selectionEnd()))
        for s in reading.view.extraSelections()
        if s.format.background().color() == current.background().color()
    ]


def test_panel_marks_the_facts_in_the_visible_part(qtbot, reading):
    article = long_article(6)
    rendered, facts = _open_and_wait(qtbot, reading, article)
    view = reading.view
    bar = view.verticalScrollBar()
    for value in (0, bar.maximum() // 2, bar.maximum()):
        bar.setValue(value)
        qtbot.waitUntil(lambda: _marks_settled(reading, rendered, facts))
        marked = reading.panel.visible_facts()
        assert marked
        for fact in facts.all():
            inside = any(_mention_visible(view, rendered, m) for m in fact.mentions)
            if inside:
                assert fact in marked


def _marks_settled(reading, rendered, facts: Facts) -> bool:
    view = reading.view
    return all(
        fact in reading.panel.visible_facts()
        for fact in facts.all()
        if any(_mention_visible(view, rendered, m) for m in fact.mentions)
    )


def test_highlights_toggle_keeps_the_chosen_fact(qtbot, reading):
    article = built_article()
    rendered, facts = _open_and_wait(qtbot, reading, article)
    total = sum(len(f.mentions) for f in facts.all())
    assert len(reading.view.extraSelections()) == total
    chosen = facts.places[0]
    reading.panel.activate(chosen)
    assert len(reading.view.extraSelections()) == total + len(chosen.mentions)
    reading.controller.set_highlights_visible(False)
    qtbot.waitUntil(lambda: len(reading.view.extraSelections()) == len(chosen.mentions))
    texts = {s.cursor.selectedText() for s in reading.view.extraSelections()}
    assert texts == {article.text[s:e] for s, e in chosen.mentions}
    reading.controller.set_highlights_visible(True)
    qtbot.waitUntil(lambda: len(reading.view.extraSelections()) == total + len(chosen.mentions))
    assert reading.view.toPlainText() == rendered.document.toPlainText()


def test_newer_article_discards_older_facts(qtbot, reading, executor):
    gate, started = threading.Event(), threading.Event()
    first, second = long_article(2), built_article()

    def finder(article: Article) -> Facts:
        if article.text == first.text:
            started.set()
            gate.wait(10)
        return find_facts(article)

    worker = FactsWorker(executor, finder)
    reading.controller.worker.found.disconnect()
    reading.controller.worker = worker
    worker.found.connect(reading.controller.on_facts_found)
    seen: list[Facts] = []
    worker.found.connect(seen.append)
    reading.open(first)
    qtbot.waitUntil(started.is_set)  # the older request is running, not just queued
    with qtbot.waitSignal(reading.controller.facts_shown, timeout=10_000) as blocker:
        reading.open(second)
    assert blocker.args[0] == find_facts(second)
    with qtbot.waitSignal(worker.settled, timeout=10_000) as settled:
        gate.set()
    assert settled.args == [1]
    assert seen == [find_facts(second)]
    assert reading.controller.facts == find_facts(second)


def test_key_facts_markdown_lists_each_kind():
    article = built_article()
    facts = merged(hand_facts(article.text), engine_facts(article))
    text = facts_markdown(facts)
    assert text.startswith("## Key facts\n")
    for title in ("### Numbers", "### People", "### Places", "### Organisations"):
        assert title in text
    assert "- $120bn — military aid" in text
    assert facts_markdown(Facts()) == ""


def test_restyling_reuses_the_facts_and_redraws_on_the_new_document(qtbot, executor):
    searched: list[str] = []

    def finder(article: Article) -> Facts:  # the worker is given the article, per block
        searched.append(article.text)
        return find_facts(article)

    reading = Reading(FactsWorker(executor, finder))
    qtbot.addWidget(reading)
    reading.show()
    qtbot.waitExposed(reading)
    article = built_article()
    _rendered, facts = _open_and_wait(qtbot, reading, article)
    chosen = facts.places[0]
    reading.panel.activate(chosen)
    reading.controller.next_mention()
    sepia = render_article(article, ReadingStyle(theme="sepia"))
    reading.controller.leave_article()
    assert reading.view.extraSelections() == []
    reading.view.setDocument(sepia.document)
    reading.controller.set_theme(THEMES["sepia"])
    with qtbot.waitSignal(reading.controller.facts_shown) as shown:
        reading.controller.show_article(article, sepia)
    assert shown.args[0] is facts
    assert searched == [article.text]
    selections = reading.view.extraSelections()
    assert len(selections) == sum(len(f.mentions) for f in facts.all()) + len(chosen.mentions)
    assert all(s.cursor.document() is sepia.document for s in selections)
    assert reading.panel.chosen is chosen
    assert reading.panel.position_text() == f"2 of {len(chosen.mentions)}"
    sepia_place = mention_format("place", reading.controller.palette, Emphasis.PLAIN)
    assert sepia_place.underlineColor().name() == THEMES["sepia"].highlight_place


def test_escape_reaches_the_panel_before_window_shortcuts(qtbot):
    window = QMainWindow()
    qtbot.addWidget(window)
    panel = FactsPanel()
    window.setCentralWidget(panel)
    cancelled = []
    action = QAction("Stop", window)
    action.setShortcut(QKeySequence("Esc"))
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.triggered.connect(lambda: cancelled.append(True))
    window.addAction(action)
    panel.set_facts(hand_facts(built_article().text))
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    panel.focus_entries()
    qtbot.waitUntil(panel.tree.hasFocus)
    with qtbot.waitSignal(panel.focus_released):
        qtbot.keyClick(panel.tree, Qt.Key.Key_Escape)
    panel.filter_box.setFocus()
    qtbot.waitUntil(panel.filter_box.hasFocus)
    qtbot.keyClicks(panel.filter_box, "kh")
    qtbot.keyClick(panel.filter_box, Qt.Key.Key_Escape)
    assert panel.filter_box.text() == ""
    with qtbot.waitSignal(panel.focus_released):
        qtbot.keyClick(panel.filter_box, Qt.Key.Key_Escape)
    assert cancelled == []


def test_the_engine_process_reports_only_the_newest_request(qtbot, executor):
    worker = FactsWorker(executor)
    first, second = long_article(8).text, built_article().text
    found: list[Facts] = []
    settled: list[int] = []
    worker.found.connect(found.append)
    worker.settled.connect(settled.append)
    worker.request(first)
    newest = worker.request(second)
    qtbot.waitUntil(lambda: sorted(settled) == [newest - 1, newest], timeout=20_000)
    assert found == [find_facts(second)]


def test_focusing_an_empty_panel_lands_in_the_filter_box(qtbot):
    window = QMainWindow()
    qtbot.addWidget(window)
    panel = FactsPanel()
    window.setCentralWidget(panel)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    panel.set_facts(Facts())
    panel.focus_entries()
    qtbot.waitUntil(panel.filter_box.hasFocus)
    panel.set_facts(hand_facts(built_article().text))
    panel.focus_entries()
    qtbot.waitUntil(panel.tree.hasFocus)
    assert panel.tree.currentItem() is panel.entries()[0]
