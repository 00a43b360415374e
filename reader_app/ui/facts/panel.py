"""The facts panel: an article's numbers, people, places and organisations beside its text.

The list (:class:`FactList`) shows the facts; the panel lets the reader choose one and step
through its mentions. A legend shows how each kind is highlighted in the text. The panel
knows nothing of the reading view: it reports what the reader chose through signals, and is
told what is visible in article-text offsets.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDockWidget, QTreeWidgetItem, QWidget

from reader_app.core.facts.model import Fact, FactKind

from .entries import entry_text
from .fact_list import FACT_ROLE, MORE_ROLE, FactList


class FactsPanel(FactList):
    """The facts of one article; the reader chooses one and steps through its mentions.

    Signals:
        fact_activated(Fact): the reader chose an entry (click, or Enter when focused).
        mention_stepped(Fact, int): the current mention of the chosen fact moved to an index.
        focus_released(): the reader pressed Esc; the article should take the focus.
    """

    fact_activated = Signal(object)
    mention_stepped = Signal(object, int)
    focus_released = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tree.itemClicked.connect(self.on_item_clicked)
        self.tree.entry_chosen.connect(self.on_entry_chosen)
        self.tree.escaped.connect(self.focus_released)
        self.tree.typed.connect(self.on_tree_typed)
        self.filter_box.returnPressed.connect(self.focus_entries)
        self.filter_box.down_pressed.connect(self.focus_entries)
        self.filter_box.escaped.connect(self.focus_released)

    # Choosing and stepping ----------------------------------------------------------------

    def on_tree_typed(self, text: str) -> None:
        self.filter_box.setFocus(Qt.FocusReason.OtherFocusReason)
        self.filter_box.insert(text)

    def focus_entries(self) -> None:
        """Give the list the keyboard focus, with an entry current (the filter box when the
        list is empty or nothing matches)."""
        if self.stack.currentWidget() is not self.tree:
            self.filter_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
            return
        current = self.tree.currentItem()
        if current is None or current.isHidden():
            first = next((i for i in self.entries() if not i.isHidden()), None)
            if first is not None:
                self.tree.setCurrentItem(first)
        self.tree.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def activate(self, fact: Fact) -> None:
        """Choose ``fact`` as if its entry were clicked."""
        item = self._items.get(fact)
        if item is not None:
            self.tree.setCurrentItem(item)
        self._choose(fact)

    def step(self, delta: int) -> tuple[Fact, int] | None:
        """Move ``delta`` mentions through the chosen fact (wrapping); choose one if none is."""
        if self._chosen is None:
            item = self.tree.currentItem()
            fact = item.data(0, FACT_ROLE) if item is not None else None
            if fact is None:
                fact = next((f for f in self._ordered() if not self._items[f].isHidden()), None)
            if fact is None:
                return None
            self.activate(fact)
            return fact, 0
        fact = self._chosen
        self._mention = (self._mention + delta) % len(fact.mentions)
        self._show_position()
        self.mention_stepped.emit(fact, self._mention)
        return fact, self._mention

    def on_item_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        fact = item.data(0, FACT_ROLE)
        if fact is not None:
            self._choose(fact)
        elif item.data(0, MORE_ROLE) is not None:
            self.show_all(item.data(0, MORE_ROLE))

    def show_all(self, kind: FactKind) -> None:
        """List every entry of section ``kind``, not only the first few."""
        children = self._children.get(kind, [])
        first_new = next((c for c in children if c.isHidden()), None)
        self._expanded.add(kind)
        self._apply_filter()
        if first_new is not None and not first_new.isHidden():
            self.tree.setCurrentItem(first_new)

    def on_entry_chosen(self, item: QTreeWidgetItem) -> None:
        self.on_item_clicked(item, 0)

    def _choose(self, fact: Fact) -> None:
        self._chosen = fact
        self._mention = 0
        self._show_position()
        self.fact_activated.emit(fact)

    def _ordered(self) -> Iterable[Fact]:
        return (item.data(0, FACT_ROLE) for item in self.entries())

    def _show_position(self) -> None:
        fact = self._chosen
        if fact is None or not fact.mentions:
            self.position_label.hide()
            return
        self.position_label.setText(f"{entry_text(fact)} · {self.position_text()}")
        self.position_label.show()

    def position_text(self) -> str:
        """"2 of 5" for the chosen fact's current mention (empty when none is chosen)."""
        if self._chosen is None:
            return ""
        return f"{self._mention + 1} of {len(self._chosen.mentions)}"


class FactsDock(QDockWidget):
    """The dock holding the :class:`FactsPanel` (right side by default)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Facts", parent)
        self.setObjectName("factsDock")
        self.setAllowedAreas(
            Qt.DockWidgetArea.LeftDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea
        )
        self.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetMovable
        )
        self.panel = FactsPanel(self)
        self.setWidget(self.panel)


