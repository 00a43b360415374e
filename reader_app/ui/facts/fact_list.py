"""The list of an article's facts: four collapsible sections, most salient first, each entry
with its mention count and the sentence it is first mentioned in; a filter box narrows them,
and entries mentioned in the visible part of the article are marked."""

from __future__ import annotations

import html
from bisect import bisect_left

from PySide6.QtCore import QPointF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader_app.core.facts.model import Fact, FactKind, Facts

from ..reading.fact_kinds import KIND_TITLES, KINDS, facts_of
from ..reading.highlights import HighlightPalette
from ..style.theme import Theme, mix
from .delegate import CONTEXT_ROLE, FactDelegate
from .entries import IDLE, NO_FACTS, PENDING, context_line, entry_text
from .widgets import PANEL_STYLE, FactTree, FilterBox, Legend

FACT_ROLE = Qt.ItemDataRole.UserRole
MORE_ROLE = Qt.ItemDataRole.UserRole + 1
_DOT = 10
#: Entries a section shows before a "more" row (all of them while filtering).
SHORT_LIST = 8


class FactList(QWidget):
    """The facts of one article, by kind; entries mentioned in the visible text are marked.

    It keeps which fact the reader chose and which of its mentions is current;
    :class:`~reader_app.ui.facts.panel.FactsPanel` adds choosing and stepping.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("factsPanel")
        self._facts = Facts()
        self._items: dict[Fact, QTreeWidgetItem] = {}
        self._sections: dict[FactKind, QTreeWidgetItem] = {}
        self._children: dict[FactKind, list[QTreeWidgetItem]] = {}
        self._more: dict[FactKind, QTreeWidgetItem] = {}
        self._expanded: set[FactKind] = set()
        self._visible: set[Fact] = set()
        self._starts: dict[Fact, list[int]] = {}
        self._chosen: Fact | None = None
        self._mention = 0
        self._icons: dict[tuple[FactKind, bool], QIcon] = {}
        self._palette: HighlightPalette | None = None
        self._muted: QColor | None = None

        self.filter_box = FilterBox(self)
        self.filter_box.setObjectName("factsFilter")
        self.filter_box.setPlaceholderText("Filter facts")
        self.filter_box.setClearButtonEnabled(True)
        self.filter_box.textChanged.connect(self.on_filter_changed)

        self.tree = FactTree(self)
        self.tree.setObjectName("factsList")
        self.tree.setColumnCount(2)
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(True)
        self.tree.setIndentation(14)
        self.delegate = FactDelegate(self.tree)
        self.tree.setItemDelegateForColumn(0, self.delegate)
        self.tree.setFrameShape(QFrame.Shape.NoFrame)
        self.tree.setIconSize(QSize(_DOT, _DOT))
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)

        self.message = QLabel(PENDING, self)
        self.message.setObjectName("factsMessage")
        self.message.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.message.setWordWrap(True)
        self.message.setContentsMargins(8, 24, 8, 8)

        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.tree)
        self.stack.addWidget(self.message)
        self.stack.setCurrentWidget(self.message)

        self.position_label = QLabel("", self)
        self.position_label.setObjectName("factsPosition")
        self.position_label.setWordWrap(True)
        self.position_label.hide()

        self.legend = Legend(self)
        self.legend.setObjectName("factsLegend")
        self.legend.setToolTip(
            "In the text: people are underlined, places dashed, organisations dotted and "
            "numbers wavy; press h to show or hide the highlights."
        )

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 6, 8)
        layout.setSpacing(8)
        layout.addWidget(self.filter_box)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.position_label)
        layout.addWidget(self.legend)
        self.setFocusProxy(self.tree)

    def sizeHint(self) -> QSize:
        """Wide enough for most names, but never more than about a quarter of the window."""
        char = self.fontMetrics().averageCharWidth()
        width = min(char * 52, max(char * 30, self.window().width() // 4))
        return QSize(width, super().sizeHint().height())

    # Content ------------------------------------------------------------------------------

    @property
    def facts(self) -> Facts:
        """The facts shown."""
        return self._facts

    def show_pending(self) -> None:
        """Say that facts are being found (the previous article's facts are cleared)."""
        self._reset(Facts())
        self.message.setText(PENDING)
        self.stack.setCurrentWidget(self.message)

    def show_idle(self) -> None:
        """Say what the panel is for (no article is open)."""
        self._reset(Facts())
        self.message.setText(IDLE)
        self.stack.setCurrentWidget(self.message)

    def set_facts(self, facts: Facts) -> None:
        """Show ``facts``; an article without facts says so."""
        self._reset(facts)
        self.tree.setUpdatesEnabled(False)
        for kind in KINDS:
            title = KIND_TITLES[kind]
            group = facts_of(facts, kind)
            if not group:
                continue
            section = QTreeWidgetItem([title, str(len(group))])
            section.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            font = QFont(self.font())
            font.setWeight(QFont.Weight.DemiBold)
            section.setFont(0, font)
            section.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if self._muted is not None:
                section.setForeground(1, self._muted)
            children = [self._entry(fact) for fact in group]
            more = QTreeWidgetItem([""])
            more.setData(0, MORE_ROLE, kind)
            if self._muted is not None:
                more.setForeground(0, self._muted)
            section.addChildren([*children, more])
            self._children[kind] = children
            self._more[kind] = more
            self.tree.addTopLevelItem(section)
            section.setExpanded(True)
            self._sections[kind] = section
        self.tree.setUpdatesEnabled(True)
        self._apply_filter()

    def _entry(self, fact: Fact) -> QTreeWidgetItem:
        count = len(fact.mentions)
        item = QTreeWidgetItem([entry_text(fact), str(count)])
        item.setData(0, FACT_ROLE, fact)
        item.setData(0, CONTEXT_ROLE, context_line(fact))
        context = f"<br>{html.escape(fact.context)}" if fact.context else ""
        item.setToolTip(0, f"<p><b>{html.escape(entry_text(fact))}</b>{context}</p>")
        item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        item.setToolTip(1, f"{count} mention{'s' if count != 1 else ''}")
        item.setIcon(0, self._icon(fact.kind, False))
        if self._muted is not None:
            item.setForeground(1, self._muted)
        self._items[fact] = item
        self._starts[fact] = sorted(start for start, _ in fact.mentions)
        return item

    def _reset(self, facts: Facts) -> None:
        self._facts = facts
        self._items.clear()
        self._sections.clear()
        self._children.clear()
        self._more.clear()
        self._expanded.clear()
        self._visible.clear()
        self._starts.clear()
        self._chosen = None
        self._mention = 0
        self.tree.clear()
        self.position_label.hide()

    def entries(self) -> list[QTreeWidgetItem]:
        """The entry items in display order (sections excluded)."""
        return [item for children in self._children.values() for item in children]

    def more_item(self, kind: FactKind) -> QTreeWidgetItem | None:
        """The "N more…" row of section ``kind``, if the section is listed."""
        return self._more.get(kind)

    def item_for(self, fact: Fact) -> QTreeWidgetItem | None:
        """The entry item of ``fact``, if shown."""
        return self._items.get(fact)

    # Theme --------------------------------------------------------------------------------

    def set_theme(self, theme: Theme) -> None:
        """Colour the panel, its legend and its markers after ``theme``."""
        field = mix(theme.background, theme.chrome, 0.3)
        self.setStyleSheet(PANEL_STYLE.format(t=theme, field=field))
        self._muted = QColor(theme.muted)
        self.delegate.muted = self._muted
        for item in self._items.values():
            item.setForeground(1, self._muted)
        for section in self._sections.values():
            section.setForeground(1, self._muted)
        self._set_palette(HighlightPalette.from_theme(theme))

    def _set_palette(self, palette: HighlightPalette) -> None:
        self._palette = palette
        self._icons.clear()
        self.legend.set_palette(palette)
        for fact, item in self._items.items():
            item.setIcon(0, self._icon(fact.kind, fact in self._visible))

    def _icon(self, kind: FactKind, visible: bool) -> QIcon:
        key = (kind, visible)
        icon = self._icons.get(key)
        if icon is None:
            ratio = max(1.0, self.devicePixelRatioF())
            pixmap = QPixmap(int(_DOT * ratio), int(_DOT * ratio))
            pixmap.setDevicePixelRatio(ratio)
            pixmap.fill(Qt.GlobalColor.transparent)
            if visible and self._palette is not None:
                painter = QPainter(pixmap)
                painter.setRenderHint(QPainter.RenderHint.Antialiasing)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QColor(self._palette.colours[kind]))
                painter.drawEllipse(QPointF(_DOT / 2, _DOT / 2), 3.0, 3.0)
                painter.end()
            icon = self._icons[key] = QIcon(pixmap)
        return icon

    # Filter -------------------------------------------------------------------------------

    def on_filter_changed(self, _text: str) -> None:
        self._apply_filter()

    def _apply_filter(self) -> None:
        needle = self.filter_box.text().strip().casefold()
        shown = 0
        for kind, section in self._sections.items():
            matches = 0
            limit = SHORT_LIST if not needle and kind not in self._expanded else None
            for child in self._children[kind]:
                match = not needle or needle in child.text(0).casefold()
                matches += match
                child.setHidden(not match or (limit is not None and matches > limit))
            more = self._more[kind]
            hidden = matches - limit if limit is not None and matches > limit else 0
            more.setHidden(hidden == 0)
            more.setText(0, f"{hidden} more…")
            more.setToolTip(0, f"Show all {matches} {KIND_TITLES[kind].lower()}")
            section.setHidden(matches == 0)
            section.setText(1, str(matches))
            shown += matches
        if shown:
            self.stack.setCurrentWidget(self.tree)
        elif self._facts:
            self.message.setText(f"No facts match “{self.filter_box.text().strip()}”")
            self.stack.setCurrentWidget(self.message)
        else:
            self.message.setText(NO_FACTS)
            self.stack.setCurrentWidget(self.message)

    # Reading position ---------------------------------------------------------------------

    def set_visible_range(self, start: int, end: int) -> None:
        """Mark the entries with a mention in article-text offsets ``[start, end)``."""
        visible = set()
        for fact, starts in self._starts.items():
            i = bisect_left(starts, start)
            if i < len(starts) and starts[i] < end:
                visible.add(fact)
        for fact in visible ^ self._visible:
            item = self._items[fact]
            item.setIcon(0, self._icon(fact.kind, fact in visible))
        self._visible = visible

    def visible_facts(self) -> set[Fact]:
        """The facts marked as mentioned in the visible part of the article."""
        return set(self._visible)

    @property
    def chosen(self) -> Fact | None:
        """The fact the reader chose last, if any."""
        return self._chosen

    def current_fact(self) -> Fact | None:
        """The fact of the list's current entry, else the chosen one."""
        item = self.tree.currentItem()
        fact = item.data(0, FACT_ROLE) if item is not None else None
        return fact if isinstance(fact, Fact) else self._chosen

    @property
    def mention_index(self) -> int:
        """Index of the current mention of the chosen fact."""
        return self._mention
