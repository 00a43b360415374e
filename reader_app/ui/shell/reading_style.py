"""Typography commands: the body font (serif, sans, monospace or one the reader picks), line
spacing steps and alignment, each kept as a preference and shown checked in the View menu."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtGui import QAction, QFont
from PySide6.QtWidgets import QFontDialog, QWidget

from ..style.theme import FONT_CHOICES, LINE_HEIGHT_STEPS, ReadingStyle

#: Command name → line spacing it sets.
SPACING_COMMANDS = dict(zip(("spacing_compact", "spacing_normal", "spacing_relaxed",
                             "spacing_loose"), LINE_HEIGHT_STEPS, strict=True))
#: Command name → font choice it sets.
FONT_COMMANDS = {"font_serif": "serif", "font_sans": "sans", "font_mono": "mono"}


def next_font(style: ReadingStyle) -> str:
    """The font after ``style``'s in serif, sans, mono, custom (custom only once chosen)."""
    order = [f for f in FONT_CHOICES if f != "custom" or style.custom_family.strip()]
    index = order.index(style.font) if style.font in order else -1
    return order[(index + 1) % len(order)]


def next_spacing(line_height: float) -> float:
    """The spacing step after ``line_height`` (back to the first after the last)."""
    bigger = [step for step in LINE_HEIGHT_STEPS if step > line_height + 0.01]
    return bigger[0] if bigger else LINE_HEIGHT_STEPS[0]


def choose_font(parent: QWidget, style: ReadingStyle) -> str | None:
    """Ask for a font family with the font dialog (its family field also takes a typed
    name); ``None`` when cancelled."""
    current = style.body_font()
    ok, font = QFontDialog.getFont(current, parent, "Font of the Article",
                                   QFontDialog.FontDialogOption.DontUseNativeDialog)
    if isinstance(ok, QFont):  # PySide6 returns (ok, font) or (font, ok) by version
        ok, font = font, ok
    return font.family() if ok and font.family() else None


def handlers(window: Any) -> dict[str, Callable[[], None]]:
    """The typography commands of ``window`` (a MainWindow: ``settings``, ``reading_style``)."""
    settings = window.settings

    def pick_font() -> None:
        family = choose_font(window, window.reading_style())
        if family:
            settings.set("custom_font", family)
            settings.set("font_family", "custom")
        check_actions(window.actions_by_name, window.reading_style())

    out: dict[str, Callable[[], None]] = {
        "cycle_font": lambda: settings.set("font_family", next_font(window.reading_style())),
        "choose_font": pick_font,
        "cycle_line_spacing": lambda: settings.set(
            "line_height", next_spacing(settings.get("line_height"))),
        "toggle_justify": lambda: settings.set(
            "text_align", "left" if settings.get("text_align") == "justify" else "justify"),
    }
    for name, font in FONT_COMMANDS.items():
        out[name] = _setter(settings, "font_family", font)
    for name, step in SPACING_COMMANDS.items():
        out[name] = _setter(settings, "line_height", step)
    return out


def _setter(settings: Any, name: str, value: object) -> Callable[[], None]:
    return lambda: settings.set(name, value)


def check_actions(actions: Mapping[str, QAction], style: ReadingStyle) -> None:
    """Check the View menu's entries that match ``style``."""
    for name, font in FONT_COMMANDS.items():
        actions[name].setChecked(style.font == font)
    actions["choose_font"].setChecked(style.font == "custom")
    if style.font == "custom":
        actions["choose_font"].setText(f"&Choose Font… ({style.custom_family})")
    for name, step in SPACING_COMMANDS.items():
        actions[name].setChecked(abs(style.line_height - step) < 0.01)
    actions["toggle_justify"].setChecked(style.align == "justify")
