"""Links of the reading view chosen from the keyboard: where they are, which are on screen,
which one is chosen."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextCursor, QTextDocument, QTextFragment
from PySide6.QtWidgets import QTextEdit

if TYPE_CHECKING:
    from .view import ReaderView


def link_fragments(document: QTextDocument) -> Iterator[QTextFragment]:
    """Every run of text of ``document`` that is a link, in order."""
    block = document.begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            if fragment.isValid() and fragment.charFormat().isAnchor():
                yield fragment
            iterator += 1
        block = block.next()


def document_links(document: QTextDocument) -> list[tuple[int, int, str]]:
    """``(start, end, href)`` of every link in ``document``, in order (one per run of text
    with the same address)."""
    links: list[tuple[int, int, str]] = []
    for fragment in link_fragments(document):
        href = fragment.charFormat().anchorHref()
        if not href:
            continue
        start, end = fragment.position(), fragment.position() + fragment.length()
        if links and links[-1][1] == start and links[-1][2] == href:
            links[-1] = (links[-1][0], end, href)
        else:
            links.append((start, end, href))
    return links


def links_on_screen(view: QTextEdit, links: list[tuple[int, int, str]]) -> list[int]:
    """Indexes of the ``links`` (as :func:`document_links` gives them) whose start is wholly
    within ``view``'s viewport."""
    height = view.viewport().height()
    cursor = QTextCursor(view.document())
    shown = []
    for index, (start, _end, _href) in enumerate(links):
        cursor.setPosition(start)
        rect = view.cursorRect(cursor)
        if rect.top() >= 0 and rect.bottom() <= height:
            shown.append(index)
    return shown


class LinkFocus:
    """The link chosen with Tab in ``view``, shown as its selection.

    Only links on screen are chosen, so Tab never scrolls away from what is being read; the
    view's ``link_hovered`` and ``link_chosen`` signals report the choice.
    """

    def __init__(self, view: ReaderView) -> None:
        self.view = view
        self.links: list[tuple[int, int, str]] = []
        self.index: int | None = None

    def reset(self, document: QTextDocument) -> None:
        """Forget the choice; ``document`` is now shown."""
        self.links = document_links(document)
        if self.index is not None:
            self.index = None
            self.view.link_chosen.emit(False)

    def move(self, step: int) -> bool:
        """Choose the next (``step`` 1) or previous (-1) link on screen; ``False`` when there
        is none left that way (the choice is then cleared)."""
        view = self.view
        view.document().documentLayout().documentSize()  # lay out before measuring
        shown = links_on_screen(view, self.links)
        current = self.chosen_index()
        if current is None or current not in shown:
            target = (shown[0] if step > 0 else shown[-1]) if shown else None
        else:
            position = shown.index(current) + step
            target = shown[position] if 0 <= position < len(shown) else None
        if target is None:
            self.clear()
            return False
        start, end, href = self.links[target]
        cursor = QTextCursor(view.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        view.setTextCursor(cursor)
        self.index = target
        view.link_hovered.emit(view.resolve(QUrl(href)))
        view.link_chosen.emit(True)
        return True

    def chosen_index(self) -> int | None:
        """The index of the chosen link, while it is still selected."""
        if self.index is None:
            return None
        start, end, _href = self.links[self.index]
        cursor = self.view.textCursor()
        selected = (cursor.selectionStart(), cursor.selectionEnd()) == (start, end)
        return self.index if selected else None

    def chosen(self) -> QUrl | None:
        """The address of the chosen link, resolved against the article's."""
        index = self.chosen_index()
        return None if index is None else self.view.resolve(QUrl(self.links[index][2]))

    def clear(self) -> None:
        """Forget the chosen link (its selection goes too)."""
        if self.chosen_index() is not None:
            cursor = self.view.textCursor()
            cursor.clearSelection()
            self.view.setTextCursor(cursor)
            self.view.link_hovered.emit(QUrl())
        if self.index is not None:
            self.index = None
            self.view.link_chosen.emit(False)
