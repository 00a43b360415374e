"""Fact highlights in the reading view: facts and display offsets → extra selections.

Highlights are ``QTextEdit.ExtraSelection`` objects: they paint over the rendered document
and never change its text, so copy and find still see the plain article. Each kind has its
own colour *and* its own underline style, so the kinds stay apart without relying on hue.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from itertools import chain
from typing import Protocol

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QTextEdit

from reader_app.core.facts.model import Fact, FactKind, Facts

from ..style.theme import Theme
from .fact_kinds import KINDS, UNDERLINES


class OffsetMapping(Protocol):
    """Article-text offsets → rendered-document positions (see ``ui.document.OffsetMap``)."""

    def range_to_document(self, start: int, end: int) -> tuple[int, int]: ...

    def to_text(self, position: int) -> int: ...


@dataclass(frozen=True)
class HighlightPalette:
    """One colour per kind and whether the background is dark (tints are mixed accordingly)."""

    colours: Mapping[FactKind, QColor]
    dark: bool = False
    text: QColor = field(default_factory=lambda: QColor("#000000"))

    @classmethod
    def from_theme(cls, theme: Theme) -> HighlightPalette:
        """The palette of ``theme`` (its ``highlight_*`` colours)."""
        colours = {kind: QColor(getattr(theme, f"highlight_{kind}")) for kind in KINDS}
        return cls(colours=colours, dark=theme.dark, text=QColor(theme.text))


class Emphasis:
    """How strongly a mention is drawn."""

    PLAIN = 0  #: every fact, when highlights are on
    CHOSEN = 1  #: every mention of the chosen fact
    CURRENT = 2  #: the mention the reader stepped to


#: Tint opacity by (emphasis, dark background): text keeps a contrast of at least 4.5:1.
_ALPHA = {
    (Emphasis.PLAIN, False): 36,
    (Emphasis.PLAIN, True): 30,
    (Emphasis.CHOSEN, False): 62,
    (Emphasis.CHOSEN, True): 52,
    (Emphasis.CURRENT, False): 140,
    (Emphasis.CURRENT, True): 100,
}


def mention_format(kind: FactKind, palette: HighlightPalette, emphasis: int) -> QTextCharFormat:
    """The character format drawn over a mention of ``kind`` at the given emphasis."""
    colour = palette.colours[kind]
    tint = QColor(colour)
    tint.setAlpha(_ALPHA[(emphasis, palette.dark)])
    fmt = QTextCharFormat()
    fmt.setBackground(tint)
    fmt.setUnderlineStyle(UNDERLINES[kind])
    # The current mention's line takes the text colour: it stands out without a new hue.
    fmt.setUnderlineColor(palette.text if emphasis == Emphasis.CURRENT else colour)
    return fmt


@dataclass(frozen=True)
class Mark:
    """One mention in document positions, with its fact and the mention's index."""

    start: int
    end: int
    fact: Fact
    index: int


def marks(facts: Iterable[Fact], offsets: OffsetMapping) -> Iterator[Mark]:
    """Every mention of ``facts`` in text order, mapped to document positions.

    Mentions that map to an empty range are skipped. Text order lets highlights be applied
    front to back, so the view never lays out more of the document than it has to at once.
    """
    ordered = sorted(
        ((start, end, fact, index)
         for fact in facts
         for index, (start, end) in enumerate(fact.mentions)),
        key=lambda item: item[0],
    )
    for start, end, fact, index in ordered:
        doc_start, doc_end = offsets.range_to_document(start, end)
        if doc_end > doc_start:
            yield Mark(doc_start, doc_end, fact, index)


def selection(
    document: QTextDocument, start: int, end: int, fmt: QTextCharFormat
) -> QTextEdit.ExtraSelection:
    """An extra selection over document positions ``[start, end)``."""
    cursor = QTextCursor(document)
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    extra = QTextEdit.ExtraSelection()
    extra.cursor = cursor
    extra.format = fmt
    return extra


class SelectionBuilder:
    """Builds the extra selections of one article, in slices small enough for the GUI thread.

    ``all_facts`` are drawn plainly when ``show_all`` is set; the chosen fact's mentions are
    drawn stronger, and its current mention strongest, whether or not ``show_all`` is set.
    """

    def __init__(
        self,
        document: QTextDocument,
        offsets: OffsetMapping,
        palette: HighlightPalette,
        facts: Facts,
        *,
        show_all: bool = True,
        chosen: Fact | None = None,
        current: int | None = None,
    ) -> None:
        self._document = document
        plain = [mention_format(k, palette, Emphasis.PLAIN) for k in KINDS]
        chosen_fmt = [mention_format(k, palette, Emphasis.CHOSEN) for k in KINDS]
        current_fmt = [mention_format(k, palette, Emphasis.CURRENT) for k in KINDS]
        self._formats = {
            k: (plain[i], chosen_fmt[i], current_fmt[i]) for i, k in enumerate(KINDS)
        }
        shown = [f for f in facts.all() if f != chosen] if show_all else []
        # Chosen mentions last: later extra selections paint over earlier ones.
        self._pending: Iterator[Mark] = chain(
            marks(shown, offsets), marks([chosen] if chosen else [], offsets)
        )
        self._chosen = chosen
        self._current = current
        self.selections: list[QTextEdit.ExtraSelection] = []
        self.done = False

    def step(self, budget: int = 400) -> bool:
        """Build up to ``budget`` more selections; ``True`` once all are built."""
        for _ in range(budget):
            mark = next(self._pending, None)
            if mark is None:
                self.done = True
                return True
            level = Emphasis.PLAIN
            end = mark.end
            if mark.fact is self._chosen:
                level = Emphasis.CURRENT if mark.index == self._current else Emphasis.CHOSEN
                if level == Emphasis.CURRENT:
                    end = with_counted(self._document, mark)
            fmt = self._formats[mark.fact.kind][level]
            self.selections.append(selection(self._document, mark.start, end, fmt))
        return False

    def build(self) -> list[QTextEdit.ExtraSelection]:
        """All selections at once."""
        while not self.step(10_000):
            pass
        return self.selections


def with_counted(document: QTextDocument, mark: Mark) -> int:
    """Where the mark of a number ends once what it counts, written right after it, is added.

    The current mention of "65 drones" covers both words, though the number's mention is "65".
    """
    counts = mark.fact.counts
    if not counts:
        return mark.end
    phrase = " " + counts
    cursor = QTextCursor(document)
    cursor.setPosition(min(mark.end + len(phrase), document.characterCount() - 1))
    cursor.setPosition(mark.end, QTextCursor.MoveMode.KeepAnchor)
    if cursor.selectedText().replace("\u00a0", " ").lower() == phrase.lower():
        return mark.end + len(phrase)
    return mark.end


def build_selections(
    document: QTextDocument,
    offsets: OffsetMapping,
    palette: HighlightPalette,
    facts: Facts,
    *,
    show_all: bool = True,
    chosen: Fact | None = None,
    current: int | None = None,
) -> list[QTextEdit.ExtraSelection]:
    """Every extra selection for ``facts`` over ``document`` (see :class:`SelectionBuilder`)."""
    return SelectionBuilder(
        document, offsets, palette, facts, show_all=show_all, chosen=chosen, current=current
    ).build()


def mention_cursor(
    document: QTextDocument, offsets: OffsetMapping, mention: tuple[int, int]
) -> QTextCursor:
    """A cursor selecting ``mention`` (article-text offsets) in ``document``."""
    start, end = offsets.range_to_document(*mention)
    cursor = QTextCursor(document)
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    return cursor


def reveal(view: QTextEdit, cursor: QTextCursor) -> None:
    """Scroll ``view`` so the text under ``cursor`` sits in the middle third of the viewport.

    Only scrolls: the view's own text cursor and selection are left alone.
    """
    start = QTextCursor(cursor)
    start.setPosition(cursor.selectionStart())
    rect = view.cursorRect(start)
    viewport = view.viewport().rect()
    third = viewport.height() // 3
    if third <= rect.center().y() <= viewport.height() - third:
        return
    bar = view.verticalScrollBar()
    bar.setValue(bar.value() + rect.center().y() - viewport.height() // 2)
    if not viewport.contains(view.cursorRect(start)):
        horizontal = view.horizontalScrollBar()
        horizontal.setValue(horizontal.value() + view.cursorRect(start).x() - viewport.width() // 2)
