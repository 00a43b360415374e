"""The facts panel: an article's numbers, people, places and organisations beside its text.

Four collapsible sections list each fact, most salient first, with its mention count and,
under it, the sentence it is first mentioned in; a filter box narrows them; entries
mentioned in the visible part of the article are marked; a legend shows how each kind is
highlighted in the text. The panel knows nothing of the reading view: it reports what the
reader chose through signals, and is told what is visible in article-text offsets.
"""

from __future__ import annotations

import html
from bisect import bisect_left
from collections.abc import Iterable

from PySide6.QtCore import QEvent, QPointF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QIcon,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPixmap,
    QTextLayout,
)
from PySide6.QtWidgets import (
    QDockWidget,
    QFrame,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader_app.core.facts.model import Fact, FactKind, Facts

from ..reading.highlights import KIND_NAMES, KINDS, Emphasis, HighlightPalette, mention_format
from ..style.theme import Theme, mix
from .delegate import CONTEXT_ROLE, FactDelegate

SECTIONS: tuple[tuple[FactKind, str], ...] = (
    ("number", "Numbers"),
    ("person", "People"),
    ("place", "Places"),
    ("organisation", "Organisations"),
)
SECTION_TITLES: dict[FactKind, str] = dict(SECTIONS)

NO_FACTS = "No facts found in this article"
PENDING = "Finding facts…"
IDLE = "The numbers, people, places and organisations of the article you open appear here."

_FACT_ROLE = Qt.ItemDataRole.UserRole
_MORE_ROLE = Qt.ItemDataRole.UserRole + 1
_DOT = 10
#: Entries a section shows before a "more" row (all of them while filtering).
SHORT_LIST = 8

_STYLE = """
#factsPanel {{ background: {t.chrome}; }}
#factsPanel QTreeWidget {{ background: transparent; border: none; color: {t.text}; }}
#factsPanel QTreeWidget::item {{ padding: 2px 0; }}
#factsPanel QTreeWidget::item:selected {{
    background: {t.selection_background}; color: {t.selection_text}; }}
#factsFilter {{ background: {field}; color: {t.text}; border: 1px solid {t.rule};
    border-radius: 5px; padding: 4px 6px; }}
#factsFilter:focus {{ border-color: {t.muted}; }}
#factsMessage, #factsPosition {{ color: {t.muted}; }}
#factsPanel QScrollBar:vertical {{ background: transparent; width: 9px; margin: 0; }}
#factsPanel QScrollBar::handle:vertical {{ background: {t.rule}; border-radius: 4px;
    min-height: 24px; }}
#factsPanel QScrollBar::handle:vertical:hover {{ background: {t.muted}; }}
#factsPanel QScrollBar::add-line:vertical, #factsPanel QScrollBar::sub-line:vertical {{
    height: 0; }}
#factsPanel QScrollBar::add-page:vertical, #factsPanel QScrollBar::sub-page:vertical {{
    background: none; }}
"""


def entry_text(fact: Fact) -> str:
    """What the panel shows for ``fact``: numbers say what they count ("$120bn — military aid")."""
    counts = (fact.counts or "").strip()
    if fact.kind != "number" or not counts or counts.casefold() in fact.label.casefold():
        return fact.label
    return f"{fact.label} — {counts}"


def context_line(fact: Fact) -> str:
    """The short line shown under an entry: its context sentence, spaces normalised."""
    return " ".join(fact.context.split())


def facts_markdown(facts: Facts) -> str:
    """A "Key facts" Markdown section listing every fact by kind (empty string if none)."""
    if not facts:
        return ""
    lines = ["## Key facts", ""]
    for kind, title in SECTIONS:
        group = _group(facts, kind)
        if not group:
            continue
        lines += [f"### {title}", ""]
        lines += [f"- {entry_text(f)}{_times(f)}" for f in group]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _times(fact: Fact) -> str:
    count = len(fact.mentions)
    return f" ({count} mentions)" if count > 1 else ""


def _group(facts: Facts, kind: FactKind) -> tuple[Fact, ...]:
    return {
        "number": facts.numbers,
        "person": facts.people,
        "place": facts.places,
        "organisation": facts.organisations,
    }[kind]


def _claims(event: QEvent, keys: tuple[Qt.Key, ...]) -> bool:
    """Accept a shortcut override for ``keys``, so the widget gets them before window shortcuts."""
    if (
        event.type() == QEvent.Type.ShortcutOverride
        and isinstance(event, QKeyEvent)
        and event.key() in keys
        and not event.modifiers()
    ):
        event.accept()
        return True
    return False


class _FactTree(QTreeWidget):
    """The list of sections and entries; Enter chooses, Esc lets go, typing filters."""

    entry_chosen = Signal(QTreeWidgetItem)
    escaped = Signal()
    typed = Signal(str)

    def event(self, event: QEvent) -> bool:
        if _claims(event, (Qt.Key.Key_Escape, Qt.Key.Key_Return, Qt.Key.Key_Enter)):
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        item = self.currentItem()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and item is not None:
            if item.parent() is None:
                item.setExpanded(not item.isExpanded())
            else:
                self.entry_chosen.emit(item)
            return
        if key == Qt.Key.Key_Escape:
            self.escaped.emit()
            return
        text = event.text()
        command_keys = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        if text.isprintable() and text.strip() and not event.modifiers() & command_keys:
            self.typed.emit(text)  # the filter box takes it from here
            return
        super().keyPressEvent(event)


class _FilterBox(QLineEdit):
    """The filter field: Esc clears it, or lets go when empty; Down moves to the list."""

    escaped = Signal()
    down_pressed = Signal()

    def event(self, event: QEvent) -> bool:
        if _claims(event, (Qt.Key.Key_Escape,)):
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            if self.text():
                self.clear()
            else:
                self.escaped.emit()
            return
        if event.key() == Qt.Key.Key_Down:
            self.down_pressed.emit()
            return
        super().keyPressEvent(event)


class _Legend(QWidget):
    """Four samples drawn with the very formats the highlights use."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._palette: HighlightPalette | None = None
        self.setSizePolicy(self.sizePolicy().horizontalPolicy(), self.sizePolicy().Policy.Fixed)

    def set_palette(self, palette: HighlightPalette) -> None:
        self._palette = palette
        self.update()

    def sizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        return QSize(metrics.horizontalAdvance("Organisation") * 2 + 24, metrics.height() * 2 + 12)

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._palette is None:
            return
        painter = QPainter(self)
        half = self.width() // 2
        row = self.fontMetrics().height() + 6
        for i, kind in enumerate(KINDS):
            name = KIND_NAMES[kind]
            layout = QTextLayout(name, self.font())
            fmt = QTextLayout.FormatRange()
            fmt.start, fmt.length = 0, len(name)
            fmt.format = mention_format(kind, self._palette, Emphasis.PLAIN)
            layout.setFormats([fmt])
            layout.beginLayout()
            line = layout.createLine()
            line.setLineWidth(half)
            layout.endLayout()
            layout.draw(painter, QPointF((i % 2) * half + 2, (i // 2) * row + 3))
        painter.end()


class FactsPanel(QWidget):
    """The facts of one article, by kind; entries mentioned in the visible text are marked.

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

        self.filter_box = _FilterBox(self)
        self.filter_box.setObjectName("factsFilter")
        self.filter_box.setPlaceholderText("Filter facts")
        self.filter_box.setClearButtonEnabled(True)
        self.filter_box.textChanged.connect(self.on_filter_changed)

        self.tree = _FactTree(self)
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
        self.tree.itemClicked.connect(self.on_item_clicked)
        self.tree.entry_chosen.connect(self.on_entry_chosen)
        self.tree.escaped.connect(self.focus_released)
        self.tree.typed.connect(self.on_tree_typed)
        self.filter_box.returnPressed.connect(self.focus_entries)
        self.filter_box.down_pressed.connect(self.focus_entries)
        self.filter_box.escaped.connect(self.focus_released)

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

        self.legend = _Legend(self)
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
        for kind, title in SECTIONS:
            group = _group(facts, kind)
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
            more.setData(0, _MORE_ROLE, kind)
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
        item.setData(0, _FACT_ROLE, fact)
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
        self.setStyleSheet(_STYLE.format(t=theme, field=mix(theme.background, theme.chrome, 0.3)))
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
            more.setToolTip(0, f"Show all {matches} {SECTION_TITLES[kind].lower()}")
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

    # Choosing and stepping ----------------------------------------------------------------

    @property
    def chosen(self) -> Fact | None:
        """The fact the reader chose last, if any."""
        return self._chosen

    def current_fact(self) -> Fact | None:
        """The fact of the list's current entry, else the chosen one."""
        item = self.tree.currentItem()
        fact = item.data(0, _FACT_ROLE) if item is not None else None
        return fact if isinstance(fact, Fact) else self._chosen

    @property
    def mention_index(self) -> int:
        """Index of the current mention of the chosen fact."""
        return self._mention

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
            fact = item.data(0, _FACT_ROLE) if item is not None else None
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
        fact = item.data(0, _FACT_ROLE)
        if fact is not None:
            self._choose(fact)
        elif item.data(0, _MORE_ROLE) is not None:
            self.show_all(item.data(0, _MORE_ROLE))

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
        return (item.data(0, _FACT_ROLE) for item in self.entries())

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

