"""Find in the article: a slim bar under the text that searches as the reader types.

Every match is tinted and the current one drawn strongly, as extra selections in a layer of
their own, so fact highlights stay as they are. The search ignores case unless "Aa" is on.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Signal, Slot
from PySide6.QtGui import QColor, QKeyEvent, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QTextEdit, QToolButton, QWidget

from ..style.theme import THEMES, Theme, mix
from .highlights import reveal

#: Matches found at most (the count reads "1000+" beyond).
MAX_COUNT = 1000
#: Name of the find matches' layer of extra selections in the reading view.
LAYER = "find"
#: Marker yellow, mixed with the page colour for the matches other than the current one.
MATCH_COLOUR = "#f2c94c"

_STYLE = """
#findBar {{ background: {t.chrome}; border-top: 1px solid {t.rule}; }}
#findBar QLabel {{ color: {t.muted}; padding: 0 6px; }}
#findField {{ color: {t.text}; background: {t.background}; border: 1px solid {t.rule};
    border-radius: 5px; padding: 3px 8px; }}
#findField:focus {{ border-color: {t.link}; }}
#findField[found="false"] {{ border-color: #c0392b; }}
#findBar QToolButton {{ color: {t.text}; border: none; border-radius: 4px; padding: 2px 7px; }}
#findBar QToolButton:hover {{ background: {hover}; }}
#findBar QToolButton:checked {{ background: {checked}; color: {t.heading}; }}
"""


class FindBar(QWidget):
    """Searches ``view``'s document as the reader types; Enter/Shift+Enter step, Esc closes.

    Signals:
        closed(): the bar was closed (the article should take the focus back).
        match_shown(int, int): the view moved to match number (1-based) of a total.
        not_found(str): a search for this text found nothing.
    """

    closed = Signal()
    match_shown = Signal(int, int)
    not_found = Signal(str)

    def __init__(self, view: QTextEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.view = view
        self.matches: list[QTextCursor] = []
        self.current = -1
        self._searched: tuple[str, bool, QTextDocument | None] = ("", False, None)
        self._article: object = None
        self._theme = THEMES["light"]

        self.field = QLineEdit(self)
        self.field.setObjectName("findField")
        self.field.setPlaceholderText("Find in article")
        self.field.setClearButtonEnabled(True)
        self.field.setAccessibleName("Find in article")
        self.field.installEventFilter(self)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("findCount")
        self.case_button = self._button("Aa", "Match case")
        self.case_button.setCheckable(True)
        self.case_button.setObjectName("findCase")
        self.previous_button = self._button("↑", "Previous match (Shift+Enter, N)")
        self.next_button = self._button("↓", "Next match (Enter, n)")
        self.close_button = self._button("✕", "Close (Esc)")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 5, 10, 5)
        layout.setSpacing(4)
        layout.addWidget(self.field, 1)
        layout.addWidget(self.count_label)
        layout.addWidget(self.case_button)
        layout.addWidget(self.previous_button)
        layout.addWidget(self.next_button)
        layout.addWidget(self.close_button)
        self.set_theme(self._theme)
        self._connect_signals()
        self.hide()

    def _button(self, text: str, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(tip.split(" (")[0])
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        return button

    def _connect_signals(self) -> None:
        self.field.textEdited.connect(self.on_text_edited)
        self.case_button.toggled.connect(self.on_case_toggled)
        self.previous_button.clicked.connect(self.find_previous)
        self.next_button.clicked.connect(self.find_next)
        self.close_button.clicked.connect(self.close_bar)
        rendered = getattr(self.view, "article_rendered", None)
        if rendered is not None:
            rendered.connect(self.on_document_replaced)

    # Opening and closing ------------------------------------------------------------------

    def open_bar(self) -> None:
        """Show the bar with its text selected, ready to type; earlier matches show again."""
        self.show()
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()
        if self.field.text():
            self._search(keep=True)
            self._paint()

    def close_bar(self) -> None:
        """Hide the bar and its tints; n/N still step through the matches."""
        if not self.isVisible():
            return
        self.hide()
        self._set_layer([])
        self.closed.emit()

    def set_theme(self, theme: Theme) -> None:
        """Colour the bar and the match tints after ``theme``."""
        self._theme = theme
        self.setStyleSheet(_STYLE.format(
            t=theme, hover=mix(theme.chrome, theme.text, 0.08),
            checked=mix(theme.chrome, theme.link, 0.25)))
        if self.isVisible():
            self._paint()

    # Searching ----------------------------------------------------------------------------

    @property
    def case_sensitive(self) -> bool:
        """Whether the search tells upper from lower case."""
        return self.case_button.isChecked()

    def count_text(self) -> str:
        """"3 of 17", "No match", or "" with nothing to find."""
        if not self.field.text():
            return ""
        if not self.matches:
            return "No match"
        more = "+" if len(self.matches) >= MAX_COUNT else ""
        return f"{self.current + 1} of {len(self.matches)}{more}"

    @Slot(str)
    def on_text_edited(self, _text: str) -> None:
        self._search(keep=True)
        self._show_current()

    @Slot(bool)
    def on_case_toggled(self, _checked: bool) -> None:
        self._search(keep=True)
        self._show_current()

    @Slot()
    def find_next(self) -> bool:
        """Go to the next match, wrapping to the top; False when there is none."""
        return self._step(1)

    @Slot()
    def find_previous(self) -> bool:
        """Go to the previous match, wrapping to the bottom; False when there is none."""
        return self._step(-1)

    def _step(self, delta: int) -> bool:
        if not self.field.text():
            if not self.isVisible():
                self.open_bar()
            return False
        fresh = self._search(keep=True)
        if self.matches and not fresh:
            self.current = (self.current + delta) % len(self.matches)
        self._show_current()
        return bool(self.matches)

    def _search(self, keep: bool) -> bool:
        """Find every match anew if the text, case or document changed; True if it did.

        The current match becomes the first one at or after where reading is (the start of the
        current match when ``keep`` is set, else the top of the view).
        """
        text, case = self.field.text(), self.case_sensitive
        document = self.view.document()
        if (text, case, document) == self._searched:
            return False
        anchor = self._anchor(keep)
        self._searched = (text, case, document)
        self.matches = _find_all(document, text, case) if text else []
        self.current = next(
            (i for i, m in enumerate(self.matches) if m.selectionStart() >= anchor), 0
        ) if self.matches else -1
        return True

    def _anchor(self, keep: bool) -> int:
        if keep and 0 <= self.current < len(self.matches) and \
                self._searched[2] is self.view.document():
            return self.matches[self.current].selectionStart()
        # Inside the text column: a point in the side margin may map to any line.
        margin = self.view.document().rootFrame().frameFormat().leftMargin()
        return self.view.cursorForPosition(QPoint(round(margin) + 1, 1)).position()

    @Slot(object)
    def on_document_replaced(self, rendered: object) -> None:
        """The view shows a new document: find the matches in it, without scrolling.

        The same article in a new style keeps its current match; another article starts at
        its first match in view.
        """
        article = getattr(rendered, "article", None)
        same = article is not None and article is self._article
        self._article = article
        if not self.field.text() or self._searched[2] is None:
            return
        start = self.matches[self.current].selectionStart() if same and self.matches else None
        self._search(keep=False)
        if start is not None and self.matches:
            self.current = next(
                (i for i, m in enumerate(self.matches) if m.selectionStart() >= start), 0)
        if self.isVisible():
            self._paint()

    # Showing ------------------------------------------------------------------------------

    def _show_current(self) -> None:
        text = self.field.text()
        self.field.setProperty("found", bool(self.matches) or not text)
        self.field.style().unpolish(self.field)
        self.field.style().polish(self.field)
        self.count_label.setText(self.count_text())
        if not self.matches:
            self._set_layer([])
            if text:
                self.not_found.emit(text)
            return
        match = self.matches[self.current]
        # The view's own selection would paint over the current match's colour: the cursor
        # only moves to the match.
        cursor = QTextCursor(match)
        cursor.setPosition(match.selectionStart())
        self.view.setTextCursor(cursor)
        reveal(self.view, match)
        self._paint()
        self.match_shown.emit(self.current + 1, len(self.matches))

    def _paint(self) -> None:
        """Tint every match, the current one strongly; with the bar closed, only the current."""
        self.count_label.setText(self.count_text())
        if not self.matches:
            self._set_layer([])
            return
        theme = self._theme
        # Matches in a marker yellow, as browsers show them, the current one in the link
        # colour with the page colour as text; neither has the underline of fact highlights.
        soft = QTextCharFormat()
        soft.setBackground(QColor(mix(theme.background, MATCH_COLOUR,
                                      0.4 if theme.dark else 0.6)))
        if theme.dark:
            soft.setForeground(QColor(theme.heading))
        strong = QTextCharFormat()
        strong.setBackground(QColor(theme.link))
        strong.setForeground(QColor(theme.background))
        selections = []
        shown = range(len(self.matches)) if self.isVisible() else (self.current,)
        for i in shown:
            extra = QTextEdit.ExtraSelection()
            extra.cursor = self.matches[i]
            extra.format = strong if i == self.current else soft
            selections.append(extra)
        self._set_layer(selections)

    @Slot(object, int)
    def on_fact_mention_shown(self, _fact: object, _index: int) -> None:
        """A fact's mention is shown: its marker alone marks the text, not the last match."""
        if not self.isVisible():
            self._set_layer([])

    def _set_layer(self, selections: list[QTextEdit.ExtraSelection]) -> None:
        set_layer = getattr(self.view, "set_selection_layer", None)
        if set_layer is not None:
            set_layer(LAYER, selections)
        else:
            self.view.setExtraSelections(selections)

    # Keys ---------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is not self.field or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        key = event.key()
        if key not in (Qt.Key.Key_Escape, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return False
        if event.type() == QEvent.Type.ShortcutOverride:
            # The bar's keys come before window shortcuts (Esc also stops loading).
            event.accept()
            return True
        if event.type() != QEvent.Type.KeyPress:
            return False
        if key == Qt.Key.Key_Escape:
            self.close_bar()
        elif event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            self.find_previous()
        else:
            self.find_next()
        return True


def _find_all(document: QTextDocument, text: str, case_sensitive: bool) -> list[QTextCursor]:
    """Cursors over the first :data:`MAX_COUNT` matches of ``text`` in ``document``."""
    flags = (QTextDocument.FindFlag.FindCaseSensitively if case_sensitive
             else QTextDocument.FindFlag(0))
    out: list[QTextCursor] = []
    cursor = QTextCursor(document)
    while len(out) < MAX_COUNT:
        cursor = document.find(text, cursor, flags)
        if cursor.isNull():
            break
        out.append(cursor)
    return out
