"""Colour themes and reading style of the article view, and the matching window chrome."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Protocol

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

from .theme_names import THEME_NAMES

FontChoice = Literal["serif", "sans", "mono", "custom"]
Alignment = Literal["left", "justify"]
FONT_CHOICES: tuple[FontChoice, ...] = ("serif", "sans", "mono", "custom")

#: Typefaces tried in order; Qt falls back per character along this list.
SERIF_FAMILIES = (
    "Literata",
    "Source Serif 4",
    "Charter",
    "Georgia",
    "Noto Serif",
    "DejaVu Serif",
    "Liberation Serif",
    "serif",
)
SANS_FAMILIES = (
    "Inter",
    "Source Sans 3",
    "Noto Sans",
    "Open Sans",
    "Cantarell",
    "DejaVu Sans",
    "Liberation Sans",
    "sans-serif",
)
MONO_FAMILIES = (
    "JetBrains Mono",
    "Source Code Pro",
    "Noto Sans Mono",
    "DejaVu Sans Mono",
    "Liberation Mono",
    "monospace",
)

FONT_SIZE_RANGE = (8, 32)  #: points
COLUMN_CHARS_RANGE = (45, 100)
LINE_HEIGHT_RANGE = (1.1, 2.2)
#: Line spacing steps offered in View ▸ Line Spacing (multiples of the text size).
LINE_HEIGHT_STEPS = (1.3, 1.55, 1.8, 2.1)


@dataclass(frozen=True)
class Theme:
    """Colours of one theme as ``#rrggbb`` strings.

    The four ``highlight_*`` colours mark facts (drawn as a tint behind the mention plus a
    per-kind underline style); they follow the Okabe-Ito palette, so they stay apart for
    colour-blind readers, and are tuned to read on this theme's background.
    """

    name: str
    background: str
    text: str
    muted: str
    heading: str
    link: str
    selection_background: str
    selection_text: str
    rule: str
    code_background: str
    quote_bar: str
    highlight_person: str
    highlight_place: str
    highlight_organisation: str
    highlight_number: str

    @property
    def dark(self) -> bool:
        """Whether the background is dark."""
        return QColor(self.background).lightnessF() < 0.5

    @property
    def chrome(self) -> str:
        """Background of the window around the article: the page colour, slightly shaded."""
        return mix(self.background, self.text, 0.06 if self.dark else 0.045)


THEMES: dict[str, Theme] = {
    "light": Theme(
        name="light",
        background="#fcfbf9",
        text="#24272b",
        muted="#6b7078",
        heading="#15181c",
        link="#1c5fa8",
        selection_background="#bcd6f3",
        selection_text="#15181c",
        rule="#e2e0db",
        code_background="#f2f0ec",
        quote_bar="#c9c4ba",
        highlight_person="#c77800",
        highlight_place="#0072b2",
        highlight_organisation="#b8508f",
        highlight_number="#008a63",
    ),
    "sepia": Theme(
        name="sepia",
        background="#f5ecd9",
        text="#3a3026",
        muted="#716250",
        heading="#2a2119",
        link="#8f4611",
        selection_background="#e3cc96",
        selection_text="#2a2119",
        rule="#dfd1b3",
        code_background="#ece1c9",
        quote_bar="#c4ab7c",
        highlight_person="#b86e00",
        highlight_place="#0067a0",
        highlight_organisation="#a94883",
        highlight_number="#007d59",
    ),
    "dark": Theme(
        name="dark",
        background="#1c1e22",
        text="#d5d8dd",
        muted="#959ba4",
        heading="#eef0f3",
        link="#8cb8f5",
        selection_background="#3b5a82",
        selection_text="#ffffff",
        rule="#33373e",
        code_background="#262930",
        quote_bar="#4f5661",
        highlight_person="#f0b43c",
        highlight_place="#5fb8ec",
        highlight_organisation="#e690c4",
        highlight_number="#42c99c",
    ),
}

assert tuple(THEMES) == THEME_NAMES, "every theme is named once, in theme_names"


class Themed(Protocol):
    """A part of the window drawn in the theme's colours."""

    def set_theme(self, theme: Theme) -> None:
        """Draw in ``theme``."""


@dataclass(frozen=True)
class ReadingStyle:
    """How an article is set: theme name, typeface, body size in points, column, leading and
    alignment.

    ``font`` is serif, sans, mono (a readable monospace) or custom, the family named by
    ``custom_family`` (falling back to the serif list for characters it lacks).
    Numbers outside their ranges are clamped; an unknown theme, font or alignment raises
    ``ValueError``.
    """

    theme: str = "light"
    font: FontChoice = "serif"
    font_size: int = 13
    column_chars: int = 68
    line_height: float = 1.55
    align: Alignment = "left"
    custom_family: str = ""

    def __post_init__(self) -> None:
        if self.theme not in THEMES:
            raise ValueError(f"unknown theme {self.theme!r}")
        if self.font not in FONT_CHOICES:
            raise ValueError(f"unknown font {self.font!r}")
        if self.align not in ("left", "justify"):
            raise ValueError(f"unknown alignment {self.align!r}")
        object.__setattr__(self, "font_size", int(_clamp(int(self.font_size), *FONT_SIZE_RANGE)))
        object.__setattr__(
            self, "column_chars", int(_clamp(int(self.column_chars), *COLUMN_CHARS_RANGE))
        )
        object.__setattr__(
            self, "line_height", _clamp(float(self.line_height), *LINE_HEIGHT_RANGE)
        )

    @property
    def colours(self) -> Theme:
        """The :class:`Theme` named by :attr:`theme`."""
        return THEMES[self.theme]

    def body_font(self, scale: float = 1.0) -> QFont:
        """The body typeface at ``scale`` times the body size."""
        size = self.font_size * scale
        if self.font == "custom" and self.custom_family.strip():
            font = make_font((self.custom_family.strip(), *SERIF_FAMILIES), size)
            font.setStyleHint(QFont.StyleHint.AnyStyle)
            return font
        if self.font == "mono":
            return make_font(MONO_FAMILIES, size * 0.92)
        return make_font(SANS_FAMILIES if self.font == "sans" else SERIF_FAMILIES, size)

    def alignment(self) -> Qt.AlignmentFlag:
        """How body paragraphs are aligned: flush left or justified."""
        flag = Qt.AlignmentFlag
        return flag.AlignJustify if self.align == "justify" else flag.AlignLeft

    def mono_font(self, scale: float = 0.87) -> QFont:
        """The monospace typeface for code, a little smaller than the body."""
        return make_font(MONO_FAMILIES, self.font_size * scale)


def make_font(families: tuple[str, ...], point_size: float) -> QFont:
    """A font trying ``families`` in order at ``point_size`` points."""
    font = QFont()
    font.setFamilies(list(families))
    font.setPointSizeF(point_size)
    font.setStyleHint(
        QFont.StyleHint.Monospace if families is MONO_FAMILIES
        else QFont.StyleHint.Serif if families is SERIF_FAMILIES
        else QFont.StyleHint.SansSerif
    )
    return font


def apply_chrome_theme(app: QApplication, theme: Theme) -> None:
    """Colour the window chrome (menus, bars, docks, inputs) to match ``theme``.

    Uses the Fusion style, which follows the palette everywhere, so a dark theme is dark
    throughout.
    """
    if app.style().name().lower() != "fusion":
        app.setStyle("Fusion")
    window = QColor(theme.chrome)
    base = QColor(theme.background)
    text = QColor(theme.text)
    muted = QColor(theme.muted)
    button = QColor(mix(theme.chrome, theme.text, 0.05))
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: window,
        QPalette.ColorRole.WindowText: text,
        QPalette.ColorRole.Base: base,
        QPalette.ColorRole.AlternateBase: QColor(theme.code_background),
        QPalette.ColorRole.Text: text,
        QPalette.ColorRole.BrightText: QColor(theme.heading),
        QPalette.ColorRole.Button: button,
        QPalette.ColorRole.ButtonText: text,
        QPalette.ColorRole.Highlight: QColor(theme.selection_background),
        QPalette.ColorRole.HighlightedText: QColor(theme.selection_text),
        QPalette.ColorRole.Link: QColor(theme.link),
        QPalette.ColorRole.LinkVisited: QColor(theme.link),
        QPalette.ColorRole.ToolTipBase: QColor(theme.code_background),
        QPalette.ColorRole.ToolTipText: text,
        QPalette.ColorRole.PlaceholderText: muted,
        QPalette.ColorRole.Light: QColor(mix(theme.chrome, "#ffffff", 0.25)),
        QPalette.ColorRole.Midlight: QColor(mix(theme.chrome, theme.rule, 0.5)),
        QPalette.ColorRole.Mid: QColor(theme.rule),
        QPalette.ColorRole.Dark: QColor(mix(theme.rule, theme.text, 0.25)),
        QPalette.ColorRole.Shadow: QColor(mix(theme.rule, "#000000", 0.5)),
    }
    for role, colour in roles.items():
        palette.setColor(role, colour)
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text,
                 QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, muted)
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Highlight,
                     QColor(theme.rule))
    app.setPalette(palette)
    app.setStyleSheet(
        f"QToolTip {{ color: {theme.text}; background: {theme.code_background};"
        f" border: 1px solid {theme.rule}; padding: 3px; }}\n"
        f"QStatusBar {{ border-top: 1px solid {theme.rule}; }}\n"
    )


def mix(a: str, b: str, amount: float) -> str:
    """``a`` moved ``amount`` (0..1) of the way towards ``b``, as ``#rrggbb``."""
    ca, cb = QColor(a), QColor(b)
    mixed = QColor.fromRgbF(
        ca.redF() + (cb.redF() - ca.redF()) * amount,
        ca.greenF() + (cb.greenF() - ca.greenF()) * amount,
        ca.blueF() + (cb.blueF() - ca.blueF()) * amount,
    )
    return mixed.name()


def _clamp(value: float, low: float, high: float) -> float:
    return max(low, min(high, value))
