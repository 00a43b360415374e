"""The keyboard help overlay (``?``, F1): every key grouped by purpose, with a filter box."""

from __future__ import annotations

import html
from collections.abc import Mapping

from PySide6.QtCore import QEvent, QObject, Qt, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QTextBrowser,
    QWidget,
)

from ..style.card_overlay import CardOverlay
from ..style.theme import MONO_FAMILIES, Theme
from .help import KeyRow, key_rows
from .keymap import KEYMAP, Key


class HelpOverlay(CardOverlay):
    """Covers its parent with a dimmed backdrop and a card listing the keys.

    Typing filters the list by key, command or description; Up/Down and PgUp/PgDn scroll it;
    Esc (or the help key again) closes it and gives the focus back where it was.

    Signals:
        closed(): the overlay was closed.
    """

    def __init__(self, parent: QWidget, keymap: Mapping[str, tuple[Key, ...]] = KEYMAP) -> None:
        super().__init__(parent, ("helpOverlay", "helpCard"), (700, 760))
        self._groups = key_rows(keymap)
        self.filter_box = self.card_head(
            "help", "Keyboard", "Letter keys act while the article has focus · Esc closes",
            "Filter keys and commands", "Filter keys")
        self.browser = QTextBrowser(self.card)
        self.browser.setObjectName("helpKeys")
        self.browser.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.browser.setOpenLinks(False)
        self.lay_out_card(self.browser)

        self.filter_box.textChanged.connect(self.on_filter_changed)
        parent.installEventFilter(self)
        self.set_theme(self._theme)
        self.hide()

    # Showing ------------------------------------------------------------------------------

    def open(self) -> None:
        """Cover the parent, list every key, and put the focus in the filter box."""
        focus = QApplication.focusWidget()
        self._return_focus = focus if focus is not None and not self.isAncestorOf(focus) \
            else self._return_focus
        self.filter_box.clear()
        self._fit()
        self.show()
        self.raise_()
        self.filter_box.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def toggle(self) -> None:
        """Open the overlay, or close it when open."""
        if self.isVisible():
            self.dismiss()
        else:
            self.open()

    def set_theme(self, theme: Theme) -> None:
        """Draw the card in ``theme``'s colours."""
        self.set_card_style(theme, "help", "helpKeys", f"#helpKeys {{ color: {theme.text}; }}")
        self._render()
        self.update()

    # Content ------------------------------------------------------------------------------

    def visible_rows(self) -> list[tuple[str, list[KeyRow]]]:
        """The groups and rows that match the filter text."""
        needle = self.filter_box.text().strip().casefold()
        if not needle:
            return self._groups
        out = []
        for title, rows in self._groups:
            kept = [r for r in rows if needle in _haystack(r)]
            if not kept and needle in title.casefold():
                kept = rows  # "reading" lists the whole group
            if kept:
                out.append((title, kept))
        return out

    @Slot(str)
    def on_filter_changed(self, _text: str) -> None:
        self._render()

    def _render(self) -> None:
        t = self._theme
        mono = ", ".join(f"'{f}'" for f in MONO_FAMILIES)
        chip = (f"font-family: {mono}; background-color: {t.code_background};"
                f" color: {t.heading};")
        parts = [f"<div style='color: {t.text}'>"]
        groups = self.visible_rows()
        if not groups:
            text = html.escape(self.filter_box.text().strip())
            parts.append(f"<p style='color: {t.muted}'>No key matches “{text}”.</p>")
        for title, rows in groups:
            parts.append(
                f"<p style='margin-top: 14px; margin-bottom: 4px; color: {t.muted};"
                f" font-size: small; font-weight: 600; letter-spacing: 1px'>"
                f"{html.escape(title.upper())}</p>")
            parts.append("<table width='100%' cellspacing='0' cellpadding='3'>")
            for row in rows:
                keys = " ".join(f"<span style=\"{chip}\">&nbsp;{html.escape(k)}&nbsp;</span>"
                                for k in row.keys)
                what = html.escape(row.description)
                parts.append(f"<tr><td width='38%'>{keys}</td><td>{what}</td></tr>")
            parts.append("</table>")
        parts.append("</div>")
        self.browser.setHtml("".join(parts))

    def filter_key(self, watched: QObject, event: QKeyEvent) -> bool:
        if watched is not self.filter_box:
            return False
        key = event.key()
        own = (Qt.Key.Key_Escape, Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
        if event.type() == QEvent.Type.ShortcutOverride:
            # Esc and Tab belong to the overlay, not to the window's commands for them.
            if key in own:
                event.accept()
                return True
            return False
        if event.type() != QEvent.Type.KeyPress:
            return False
        if key == Qt.Key.Key_Escape:
            self.dismiss()
            return True
        if key in own:
            return True  # the focus stays in the overlay while it is open
        scroll = {
            Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1,
        }.get(Qt.Key(key))
        bar = self.browser.verticalScrollBar()
        if scroll is not None:
            bar.setValue(bar.value() + scroll * bar.singleStep() * 3)
            return True
        if key in (Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
            step = bar.pageStep() if key == Qt.Key.Key_PageDown else -bar.pageStep()
            bar.setValue(bar.value() + step)
            return True
        return False


def _haystack(row: KeyRow) -> str:
    return " ".join((*row.keys, row.command.replace("_", " "), row.label,
                     row.description)).casefold()
