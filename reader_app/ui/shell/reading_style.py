"""The reading style's commands: text size, column width, theme, the body font (serif, sans,
monospace or one the reader picks), line spacing and alignment, each kept as a preference,
shown checked in the View menu and applied to every part of the window."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QAction, QFont
from PySide6.QtWidgets import QApplication, QFontDialog, QToolBar, QWidget

from ..facts.controller import FactsController
from ..keyboard.commands import COMMANDS
from ..reading.view import ReaderView
from ..style.theme import (
    COLUMN_CHARS_RANGE,
    FONT_CHOICES,
    FONT_SIZE_RANGE,
    LINE_HEIGHT_STEPS,
    FontChoice,
    ReadingStyle,
    Theme,
    Themed,
    apply_chrome_theme,
    mix,
)
from ..style.theme_names import THEME_NAMES
from .message_bar import MessageBar
from .settings import Settings
from .status_line import StatusLine

#: Preferences that change how the article and the window look.
STYLE_PREFERENCES = ("theme", "font_family", "font_size", "column_chars", "line_height",
                     "text_align", "custom_font", "remote_images")
#: Command name → line spacing it sets, and → font choice it sets (from the command table).
SPACING_COMMANDS = {c.name: float(c.args[0]) for c in COMMANDS if c.call == "set_line_height"}
FONT_COMMANDS = {c.name: str(c.args[0]) for c in COMMANDS if c.call == "set_font"}


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


def reading_style(settings: Settings) -> ReadingStyle:
    """The reading style the preferences in ``settings`` make."""
    get = settings.get
    return ReadingStyle(theme=get("theme"), font=get("font_family"), font_size=get("font_size"),
                        column_chars=get("column_chars"), line_height=get("line_height"),
                        align=get("text_align"), custom_family=get("custom_font"))


def tool_bar_style(theme: Theme) -> str:
    """The navigation bar's style sheet in ``theme``."""
    hover = mix(theme.chrome, theme.text, 0.08)
    disabled = mix(theme.chrome, theme.muted, 0.45)
    return (
        f"QToolBar#navigationBar {{ border: none; border-bottom: 1px solid {theme.rule};"
        f" padding: 3px 8px; spacing: 2px; }}"
        f" QToolBar#navigationBar QToolButton {{ color: {theme.text}; font-size: 17px;"
        f" padding: 0px 7px; border: none; border-radius: 5px; }}"
        f" QToolBar#navigationBar QToolButton:hover {{ background: {hover}; }}"
        f" QToolBar#navigationBar QToolButton:disabled {{ color: {disabled}; }}"
        f" QLineEdit#locationBar {{ color: {theme.muted}; background: {theme.background};"
        f" border: 1px solid {theme.rule}; border-radius: 6px; padding: 3px 8px;"
        f" margin-left: 6px; }}"
        f" QLineEdit#locationBar:focus {{ color: {theme.text}; border-color: {theme.link}; }}"
    )


class ReadingStyleCommands(QObject):
    """Carries out the View menu's style commands and applies the style wherever it shows."""

    def __init__(
        self,
        settings: Settings,
        *,
        view: ReaderView,
        facts: FactsController,
        message_bar: MessageBar,
        status: StatusLine,
        tool_bar: QToolBar,
        keyboard: Themed,
        actions: Mapping[str, QAction],
        window: QWidget,
    ) -> None:
        super().__init__(window)
        self.settings = settings
        self.view = view
        self.facts = facts
        self.message_bar = message_bar
        self.status = status
        self.tool_bar = tool_bar
        self.keyboard = keyboard
        self.actions = actions
        self.window = window

    def reading_style(self) -> ReadingStyle:
        """The reading style from the preferences."""
        return reading_style(self.settings)

    # Commands -----------------------------------------------------------------------------

    def zoom_in(self) -> None:
        """Make the text larger."""
        self._step("font_size", 1, FONT_SIZE_RANGE)

    def zoom_out(self) -> None:
        """Make the text smaller."""
        self._step("font_size", -1, FONT_SIZE_RANGE)

    def zoom_reset(self) -> None:
        """Reset the text size."""
        self.settings.reset("font_size")

    def wider(self) -> None:
        """Make the text column wider."""
        self._step("column_chars", 5, COLUMN_CHARS_RANGE)

    def narrower(self) -> None:
        """Make the text column narrower."""
        self._step("column_chars", -5, COLUMN_CHARS_RANGE)

    def cycle_theme(self) -> None:
        """Switch to the next theme."""
        current = self.settings.get("theme")
        index = THEME_NAMES.index(current) if current in THEME_NAMES else -1
        self.settings.set("theme", THEME_NAMES[(index + 1) % len(THEME_NAMES)])

    def set_theme(self, name: str) -> None:
        """Use theme ``name``."""
        self.settings.set("theme", name)

    def cycle_font(self) -> None:
        """Switch the body font: serif, sans-serif, monospace, the chosen font."""
        self.settings.set("font_family", next_font(self.reading_style()))

    def set_font(self, font: FontChoice) -> None:
        """Set the article in ``font``."""
        self.settings.set("font_family", font)

    def choose_font(self) -> None:
        """Pick any installed font for the article."""
        family = choose_font(self.window, self.reading_style())
        if family:
            self.settings.set("custom_font", family)
            self.settings.set("font_family", "custom")
        check_actions(self.actions, self.reading_style())

    def cycle_line_spacing(self) -> None:
        """Switch to the next line spacing."""
        self.settings.set("line_height", next_spacing(self.settings.get("line_height")))

    def set_line_height(self, step: float) -> None:
        """Set lines ``step`` text sizes apart."""
        self.settings.set("line_height", step)

    def toggle_justify(self) -> None:
        """Justify paragraphs, or set them flush left."""
        justified = self.settings.get("text_align") == "justify"
        self.settings.set("text_align", "left" if justified else "justify")

    def toggle_remote_images(self) -> None:
        """Show or hide the images of fetched pages."""
        self.settings.set("remote_images", not self.settings.get("remote_images"))

    # Applying -----------------------------------------------------------------------------

    def apply(self) -> None:
        """Apply the style to the window's chrome, its parts, its menus and the article."""
        style = self.reading_style()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_chrome_theme(app, style.colours)
        self.message_bar.set_theme(style.colours)
        self.tool_bar.setStyleSheet(tool_bar_style(style.colours))
        for name in THEME_NAMES:
            self.actions[f"theme_{name}"].setChecked(name == style.theme)
        check_actions(self.actions, style)
        remote = bool(self.settings.get("remote_images"))
        self.actions["toggle_remote_images"].setChecked(remote)
        self.keyboard.set_theme(style.colours)
        self.facts.leave_article()
        self.facts.set_theme(style.colours)
        self.view.set_style(style)
        if self.view.rendered is not None:
            self.facts.show_article(self.view.rendered.article, self.view.rendered)

    @Slot(str, object)
    def on_setting_changed(self, name: str, _value: object) -> None:
        if name == "remote_images":
            self.view.remote_images = bool(self.settings.get("remote_images"))
        if name in STYLE_PREFERENCES:
            self.apply()
        if name in ("font_size", "column_chars"):
            self._announce_size(name)

    def _step(self, name: str, step: int, bounds: tuple[float, float]) -> None:
        value = int(max(bounds[0], min(bounds[1], self.settings.get(name) + step)))
        if value == self.settings.get(name):
            self._announce_size(name, " (the limit)")
        self.settings.set(name, value)

    def _announce_size(self, name: str, note: str = "") -> None:
        """Say the new text size or column width in the status bar."""
        value = self.settings.get(name)
        text = (f"Text size {value} pt" if name == "font_size"
                else f"Text column {value} characters wide")
        self.status.show_message(text + note, 2500)
