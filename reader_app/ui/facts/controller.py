"""Joins the reading view, the facts panel and the fact worker for the article on screen.

The article's text is shown first; its facts are found on the worker, then listed and
highlighted in slices small enough to keep the GUI thread responsive. Choosing an entry
scrolls to its first mention; stepping moves through its mentions, wrapping around.
"""

from __future__ import annotations

import time
from typing import Protocol

from PySide6.QtCore import QObject, QPoint, QTimer, Signal, Slot
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QTextEdit

from reader_app.core.facts.model import Fact, Facts
from reader_app.core.model import Article

from ..executor.jobs import facts_payload
from ..reading.highlights import (
    HighlightPalette,
    OffsetMapping,
    SelectionBuilder,
    build_selections,
    mention_cursor,
    reveal,
)
from ..style.theme import Theme
from .entries import facts_markdown
from .panel import FactsPanel
from .worker import FactsWorker

#: GUI-thread time spent building highlights before the event loop gets a turn, and the
#: selections built between looks at the clock; selections added to or removed from the view
#: per turn (the view repaints what each covers). Each turn stays well under a frame.
SLICE_SECONDS = 0.006
BUILD_STEP = 50
APPLY_SLICE = 500
#: Articles whose facts are kept, so going back or changing the style finds none again.
CACHED_ARTICLES = 8


class Rendered(Protocol):
    """A rendered article (``ui.document.RenderedArticle``)."""

    @property
    def document(self) -> QTextDocument: ...

    @property
    def offsets(self) -> OffsetMapping: ...


class FactsController(QObject):
    """Facts of the article in ``view``, listed in ``panel`` and highlighted in the text.

    Signals:
        facts_shown(Facts): the current article's facts are listed and highlighted.
        mention_shown(Fact, int): the view scrolled to a mention (fact, mention index).
    """

    facts_shown = Signal(object)
    mention_shown = Signal(object, int)

    def __init__(
        self,
        view: QTextEdit,
        panel: FactsPanel,
        theme: Theme,
        worker: FactsWorker,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.view = view
        self.panel = panel
        self.palette = HighlightPalette.from_theme(theme)
        self.worker = worker
        self._rendered: Rendered | None = None
        self._article: Article | None = None
        self._cache: dict[str, Facts] = {}
        self._facts = Facts()
        self._show_all = True
        self._base: list[QTextEdit.ExtraSelection] = []
        self._goal: list[QTextEdit.ExtraSelection] = []
        self._applied: list[QTextEdit.ExtraSelection] = []
        self._announce = False
        self._builder: SelectionBuilder | None = None
        self._slicer = QTimer(self)
        self._slicer.setSingleShot(True)
        self._slicer.setInterval(0)
        self._visible_timer = QTimer(self)
        self._visible_timer.setSingleShot(True)
        self._visible_timer.setInterval(40)
        self.panel.set_theme(theme)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.worker.found.connect(self.on_facts_found)
        self.worker.failed.connect(self.on_facts_failed)
        self.panel.fact_activated.connect(self.on_fact_activated)
        self.panel.mention_stepped.connect(self.on_mention_stepped)
        self.panel.focus_released.connect(self.on_focus_released)
        self._slicer.timeout.connect(self.on_slice)
        self._visible_timer.timeout.connect(self.update_visible_range)
        self.view.verticalScrollBar().valueChanged.connect(self.on_view_scrolled)

    # State --------------------------------------------------------------------------------

    @property
    def facts(self) -> Facts:
        """The facts of the article on screen (empty until found)."""
        return self._facts

    @property
    def highlights_visible(self) -> bool:
        """Whether every fact is highlighted in the text (the chosen one always is)."""
        return self._show_all

    def key_facts_markdown(self) -> str:
        """The current article's facts as a Markdown "Key facts" section.

        Found at once if the worker has not reported them yet (export must not wait).
        """
        if self._article is None:
            return facts_markdown(Facts())
        text = self._article.text
        if text not in self._cache:
            self._remember(text, self.worker.finder(facts_payload(self._article)))
        return facts_markdown(self._cache[text])

    def _remember(self, text: str, facts: Facts) -> None:
        self._cache.pop(text, None)
        self._cache[text] = facts
        while len(self._cache) > CACHED_ARTICLES:
            self._cache.pop(next(iter(self._cache)))

    # Article ------------------------------------------------------------------------------

    def leave_article(self) -> None:
        """The view is about to show another document: drop the highlights while that is cheap.

        Removing highlights makes the view repaint what they covered; done after the document
        changed, that would lay out the new document at once.
        """
        self.worker.discard()
        self._builder = None
        self._slicer.stop()
        self._announce = False
        self._base, self._goal, self._applied = [], [], []
        self.view.setExtraSelections([])

    def show_article(self, article: Article, rendered: Rendered) -> None:
        """The view now shows ``rendered`` (of ``article``): find its facts, block by block."""
        text = article.text
        previous = self._rendered
        if self._applied and previous is not None and previous.document is not rendered.document:
            self.leave_article()
        self._rendered = rendered
        self._article = article
        self._facts = Facts()
        self._base = []
        self._builder = None
        self._goal = []
        self._announce = False
        self._slicer.start()
        known = self._cache.get(text)
        if known is not None:
            self.worker.discard()
            self._show_facts(known)
        else:
            self.panel.show_pending()
            self.worker.request(facts_payload(article))

    def clear(self) -> None:
        """No article (call before the view changes document): drop facts and highlights."""
        self.leave_article()
        self._rendered = None
        self._article = None
        self._facts = Facts()
        self.panel.show_idle()

    @Slot(object)
    def on_facts_found(self, facts: Facts) -> None:
        if self._article is not None:
            self._remember(self._article.text, facts)
        self._show_facts(facts)

    @Slot(str)
    def on_facts_failed(self, _message: str) -> None:
        self._show_facts(Facts())

    def _show_facts(self, facts: Facts) -> None:
        if self._rendered is None:
            return
        self._facts = facts
        if self.panel.facts is not facts:
            self.panel.set_facts(facts)
        self._rebuild()

    def _rebuild(self) -> None:
        """Build the plain highlights of every fact in slices, then apply them."""
        self._base = []
        if self._rendered is None:
            return
        shown = self._facts if self._show_all else Facts()
        self._builder = SelectionBuilder(
            self._rendered.document, self._rendered.offsets, self.palette, shown
        )
        self._announce = True
        self._slicer.start()

    @Slot()
    def on_slice(self) -> None:
        builder = self._builder
        if builder is not None:
            deadline = time.perf_counter() + SLICE_SECONDS
            while not builder.step(BUILD_STEP):
                if time.perf_counter() > deadline:
                    self._slicer.start()
                    return
            self._builder = None
            self._base = builder.selections
            self._goal = self._base + self._chosen_selections()
        if not self._sync_step():
            self._slicer.start()
            return
        if self._announce:
            self._announce = False
            self.update_visible_range()
            self.facts_shown.emit(self._facts)

    def _chosen_selections(self) -> list[QTextEdit.ExtraSelection]:
        chosen = self.panel.chosen
        if chosen is None or self._rendered is None:
            return []
        return build_selections(
            self._rendered.document,
            self._rendered.offsets,
            self.palette,
            Facts(numbers=(chosen,)),
            show_all=False,
            chosen=chosen,
            current=self.panel.mention_index,
        )

    def _sync_step(self) -> bool:
        """Move the view's selections towards the goal by at most one slice; True when there.

        The view repaints what each added or removed selection covers, so thousands of changes
        are spread over several event-loop turns; unchanged leading selections cost little.
        """
        goal, applied = self._goal, self._applied
        common = 0
        for mine, theirs in zip(applied, goal, strict=False):
            if mine is not theirs:
                break
            common += 1
        budget = APPLY_SLICE
        if len(applied) > common:
            cut = max(common, len(applied) - budget)
            budget -= len(applied) - cut
            applied = applied[:cut]
        done = False
        if len(applied) == common:
            applied = goal[: common + budget]
            done = len(applied) == len(goal)
        unchanged = len(applied) == len(self._applied) and all(
            mine is theirs for mine, theirs in zip(applied, self._applied, strict=True)
        )
        if not unchanged:
            self.view.setExtraSelections(applied)
        self._applied = applied
        return done

    def _apply(self) -> None:
        """Show the chosen fact's mentions over the plain highlights, at once if small."""
        self._goal = self._base + self._chosen_selections()
        if self._builder is None and not self._sync_step():
            self._slicer.start()

    # Options ------------------------------------------------------------------------------

    def set_highlights_visible(self, visible: bool) -> None:
        """Highlight every fact in the text, or only the chosen one."""
        if visible == self._show_all:
            return
        self._show_all = visible
        if self._facts:
            self._rebuild()

    def set_theme(self, theme: Theme) -> None:
        """Draw the highlights and the panel in ``theme``'s colours."""
        self.palette = HighlightPalette.from_theme(theme)
        self.panel.set_theme(theme)
        if self._facts:
            self._rebuild()

    # Mentions -----------------------------------------------------------------------------

    def next_mention(self) -> None:
        """Step to the next mention of the chosen fact (wrapping)."""
        self.panel.step(1)

    def previous_mention(self) -> None:
        """Step to the previous mention of the chosen fact (wrapping)."""
        self.panel.step(-1)

    @Slot(object)
    def on_fact_activated(self, fact: Fact) -> None:
        self._show_mention(fact, 0)

    @Slot(object, int)
    def on_mention_stepped(self, fact: Fact, index: int) -> None:
        self._show_mention(fact, index)

    def _show_mention(self, fact: Fact, index: int) -> None:
        if self._rendered is None or not fact.mentions:
            return
        self._apply()
        cursor = mention_cursor(self._rendered.document, self._rendered.offsets,
                                fact.mentions[index])
        reveal(self.view, cursor)
        self.mention_shown.emit(fact, index)

    @Slot()
    def on_focus_released(self) -> None:
        self.view.setFocus()

    # Reading position ---------------------------------------------------------------------

    @Slot(int)
    def on_view_scrolled(self, _value: int) -> None:
        self._visible_timer.start()

    @Slot()
    def update_visible_range(self) -> None:
        """Tell the panel which article-text offsets are in the viewport."""
        if self._rendered is None:
            return
        offsets = self._rendered.offsets
        viewport = self.view.viewport().rect()
        # Hit-test down the middle of the text column: the side margins lie outside it.
        middle = viewport.center().x()
        top = self.view.cursorForPosition(QPoint(middle, viewport.top())).position()
        bottom = self.view.cursorForPosition(QPoint(middle, viewport.bottom())).position()
        self.panel.set_visible_range(offsets.to_text(top), offsets.to_text(bottom) + 1)
