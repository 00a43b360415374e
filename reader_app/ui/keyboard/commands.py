"""Every user action as a named command with a one-line description, and the menus built of them.

Commands are data. Each names the object that carries it out (its ``owner``: a controller
such as ``navigation`` or ``style``, or a widget such as ``view``) and the method called
there; :func:`bind` finds those methods by name among the owners the window composes,
:mod:`keymap` supplies the keys, and :func:`build_actions` makes the QActions that menus and
shortcuts share. The help overlay and ``docs/keyboard.md`` are generated from
:data:`COMMANDS` and the keymap.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import partial
from typing import Literal

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from ..style.theme import LINE_HEIGHT_STEPS
from ..style.theme_names import THEME_NAMES
from .dispatch import Stroke, article_only, strokes
from .keymap import KEYMAP, Key, key_sequences

#: ``window``: active anywhere in the window; ``view``: only while the article has focus.
Scope = Literal["window", "view"]
#: Who carries commands out: the window's controllers and the widgets with commands of their own.
Owner = Literal["navigation", "opening", "output", "style", "facts", "library", "keyboard",
                "window", "view", "find"]
#: A command's method takes these arguments (e.g. the theme a ``theme_*`` command sets).
Argument = str | int | float | bool


@dataclass(frozen=True)
class Command:
    """A user action: ``name`` (as in the keymap), menu ``label``, a one-line description, and
    what runs it: method ``call`` (the name itself by default) of ``owner``, given ``args``."""

    name: str
    label: str
    description: str
    owner: Owner
    scope: Scope = "window"
    checkable: bool = False
    call: str = ""
    args: tuple[Argument, ...] = ()

    @property
    def method(self) -> str:
        """The name of the method that runs the command."""
        return self.call or self.name


_SPACING = (("spacing_compact", "Compact Lines", "Set lines close together"),
            ("spacing_normal", "Normal Lines", "Set lines at the usual spacing"),
            ("spacing_relaxed", "Relaxed Lines", "Set lines a little apart"),
            ("spacing_loose", "Loose Lines", "Set lines well apart"))


COMMANDS: tuple[Command, ...] = (
    Command("open_file", "&Open…", "Open a saved web page (.html, .htm, .xhtml, .mhtml).",
            "opening"),
    Command("open_location", "Open &Location…", "Type a URL or a path to open.", "opening"),
    Command("reload", "&Reload", "Load the current article again.", "navigation"),
    Command("cancel_load", "&Stop Loading", "Cancel the page being loaded.", "navigation"),
    Command("back", "&Back", "Go back to the previously opened article.", "navigation"),
    Command("forward", "&Forward", "Go forward to the next opened article.", "navigation"),
    Command("export_markdown", "Export as &Markdown…", "Save the article as a Markdown file.",
            "output", call="export", args=("markdown",)),
    Command("export_html", "Export as &HTML…", "Save the article as a clean HTML file.",
            "output", call="export", args=("html",)),
    Command("export_pdf", "Export as &PDF…", "Save the article as a PDF file.",
            "output", call="export", args=("pdf",)),
    Command("quit", "&Quit", "Close Reader.", "window", call="close"),
    Command("copy", "&Copy", "Copy the selected text.", "view", scope="view"),
    Command("copy_text", "Copy Article as &Text", "Copy the whole article as plain text.",
            "output", call="copy_article", args=(False,)),
    Command("copy_markdown", "Copy Article as &Markdown", "Copy the whole article as Markdown.",
            "output", call="copy_article", args=(True,)),
    Command("copy_facts", "Copy &Key Facts", "Copy the article's key facts as Markdown.",
            "facts"),
    Command("scroll_down", "Scroll Down", "Scroll down a line.", "view", scope="view",
            call="scroll_lines", args=(1,)),
    Command("scroll_up", "Scroll Up", "Scroll up a line.", "view", scope="view",
            call="scroll_lines", args=(-1,)),
    Command("page_down", "Page Down", "Scroll down a page.", "view", scope="view",
            call="scroll_pages", args=(1,)),
    Command("page_up", "Page Up", "Scroll up a page.", "view", scope="view",
            call="scroll_pages", args=(-1,)),
    Command("half_page_down", "Half Page Down", "Scroll down half a page.", "keyboard",
            scope="view", call="half_page", args=(1,)),
    Command("half_page_up", "Half Page Up", "Scroll up half a page.", "keyboard",
            scope="view", call="half_page", args=(-1,)),
    Command("scroll_top", "Top", "Go to the top of the article.", "view", scope="view",
            call="scroll_to_top"),
    Command("scroll_bottom", "Bottom", "Go to the end of the article.", "view", scope="view",
            call="scroll_to_bottom"),
    Command("find", "&Find…", "Find text in the article.", "find", call="open_bar"),
    Command("find_next", "Find &Next", "Go to the next match.", "find"),
    Command("find_previous", "Find &Previous", "Go to the previous match.", "find"),
    Command("focus_facts", "Go to the &Facts", "Move the focus to the facts panel.", "facts"),
    Command("next_mention", "Next &Mention", "Go to the next mention of the chosen fact.",
            "facts"),
    Command("previous_mention", "Previous M&ention",
            "Go to the previous mention of the chosen fact.", "facts"),
    Command("toggle_highlights", "&Highlight Facts", "Show or hide fact highlights in the text.",
            "facts", checkable=True),
    Command("toggle_facts_panel", "Facts &Panel", "Show or hide the facts panel.", "facts",
            checkable=True),
    Command("zoom_in", "&Larger Text", "Make the text larger.", "style"),
    Command("zoom_out", "&Smaller Text", "Make the text smaller.", "style"),
    Command("zoom_reset", "&Default Text Size", "Reset the text size.", "style"),
    Command("wider", "&Wider Column", "Make the text column wider.", "style"),
    Command("narrower", "&Narrower Column", "Make the text column narrower.", "style"),
    Command("cycle_theme", "Next &Theme", f"Switch theme: {', '.join(THEME_NAMES)}.", "style"),
    *(Command(f"theme_{name}", f"&{name.title()}", f"Use the {name} theme.", "style",
              checkable=True, call="set_theme", args=(name,)) for name in THEME_NAMES),
    Command("cycle_font", "Next &Font",
            "Switch the body font: serif, sans-serif, monospace, your chosen font.", "style"),
    Command("font_serif", "S&erif", "Set the article in a serif font.", "style",
            checkable=True, call="set_font", args=("serif",)),
    Command("font_sans", "Sans-seri&f", "Set the article in a sans-serif font.", "style",
            checkable=True, call="set_font", args=("sans",)),
    Command("font_mono", "&Monospace", "Set the article in a readable monospace font.",
            "style", checkable=True, call="set_font", args=("mono",)),
    Command("choose_font", "&Choose Font…",
            "Pick any installed font for the article (or type its family name).", "style",
            checkable=True),
    Command("cycle_line_spacing", "Next Line &Spacing",
            "Switch line spacing: compact, normal, relaxed, loose.", "style"),
    *(Command(name, label, f"{text} ({step}).", "style", checkable=True,
              call="set_line_height", args=(step,))
      for (name, label, text), step in zip(_SPACING, LINE_HEIGHT_STEPS, strict=True)),
    Command("toggle_justify", "&Justify Text",
            "Align paragraphs to both edges of the column, or flush left.", "style",
            checkable=True),
    Command("open_link", "Open &Link",
            "Open the link chosen with Tab in Reader (web pages only).", "opening",
            scope="view", call="follow_chosen_link", args=(False,)),
    Command("open_link_in_browser", "Open Link in &Browser",
            "Open the link chosen with Tab in the desktop's browser (Ctrl+click: any link).",
            "opening", scope="view", call="follow_chosen_link", args=(True,)),
    Command("toggle_remote_images", "Show &Images of Web Pages",
            "Show the images of fetched pages (never of other sites).", "style",
            checkable=True),
    Command("full_screen", "&Full Screen", "Toggle full screen.", "window", checkable=True,
            call="toggle_full_screen"),
    Command("show_help", "&Keyboard Shortcuts", "Show every key, grouped by purpose.",
            "keyboard"),
    Command("focus_next_region", "Next Link or Region",
            "Move to the next link on screen, then on: facts panel, location bar, article.",
            "keyboard", call="tab", args=(1,)),
    Command("focus_previous_region", "Previous Link or Region",
            "Move to the previous link on screen, then back: location bar, facts panel.",
            "keyboard", call="tab", args=(-1,)),
    Command("show_start_page", "&Start Page", "Show the start page with the main keys.",
            "navigation"),
    Command("open_sample", "Open the &Sample Article", "Open the bundled sample article.",
            "opening"),
    Command("about", "&About Reader", "Show Reader's version and credits.", "window"),
    Command("show_library", "&Library…", "List and search the articles you have read.",
            "library", call="toggle_view"),
    Command("search_library_for_fact", "Find Fact in the &Library",
            "List the other articles in the library with the fact chosen in the facts panel.",
            "library", call="search_fact"),
    Command("toggle_private", "&Private Mode",
            "Keep nothing of what you open: no library, recent pages or positions.", "library",
            checkable=True),
)

COMMANDS_BY_NAME: dict[str, Command] = {c.name: c for c in COMMANDS}

SEPARATOR = "-"
#: Menu title → command names; ``recent`` is filled in by the window.
MENUS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("&File", ("open_file", "open_location", "recent", SEPARATOR, "show_library",
               "toggle_private", SEPARATOR, "export_markdown",
               "export_html", "export_pdf", SEPARATOR, "quit")),
    ("&Edit", ("copy", "copy_text", "copy_markdown", "copy_facts", SEPARATOR, "find", "find_next",
               "find_previous")),
    ("&View", ("zoom_in", "zoom_out", "zoom_reset", SEPARATOR, "wider", "narrower", SEPARATOR,
               *(f"theme_{name}" for name in THEME_NAMES), "cycle_theme", SEPARATOR,
               "font_serif", "font_sans", "font_mono", "choose_font", "cycle_font", SEPARATOR,
               "spacing_compact", "spacing_normal", "spacing_relaxed", "spacing_loose",
               "cycle_line_spacing", "toggle_justify", SEPARATOR,
               "toggle_remote_images", SEPARATOR, "toggle_facts_panel",
               "toggle_highlights", "focus_facts", "next_mention", "previous_mention",
               "search_library_for_fact", SEPARATOR, "full_screen")),
    ("&Go", ("back", "forward", "reload", "cancel_load", SEPARATOR, "open_link",
             "open_link_in_browser", SEPARATOR, "scroll_top", "scroll_bottom")),
    ("&Help", ("show_help", "show_start_page", "open_sample", SEPARATOR, "about")),
)


def bind(owners: Mapping[Owner, object]) -> dict[str, Callable[[], None]]:
    """Each command's handler: its method, found by name on its owner among ``owners``.

    Raises AttributeError when an owner lacks a command's method, so a renamed method cannot
    leave a command silently dead.
    """
    handlers: dict[str, Callable[[], None]] = {}
    for command in COMMANDS:
        method = getattr(owners[command.owner], command.method)
        handlers[command.name] = partial(method, *command.args) if command.args else method
    return handlers


def build_actions(
    window: QWidget,
    view: QWidget,
    handlers: Mapping[str, Callable[[], None]],
    keymap: Mapping[str, tuple[Key, ...]] = KEYMAP,
) -> dict[str, QAction]:
    """One QAction per command with a handler, its keys from ``keymap``, added to its scope.

    Window-scope actions are added to ``window``; view-scope actions to ``view`` with a
    widget-with-children context. Plain keys and sequences are left out of the shortcuts:
    the article reads them (see :func:`article_bindings`), so they never reach other widgets.
    """
    actions: dict[str, QAction] = {}
    for command in COMMANDS:
        handler = handlers.get(command.name)
        if handler is None:
            continue
        action = QAction(command.label, window)
        action.setObjectName(command.name)
        action.setStatusTip(command.description)
        action.setToolTip(command.description)
        action.setCheckable(command.checkable)
        sequences = key_sequences(command.name, keymap)
        shortcuts = [s for s in sequences if not article_only(s)]
        action.setShortcuts(shortcuts)
        plain = [s for s in sequences if article_only(s)]
        if plain:
            # Menus show what follows a tab as the keys: the main shortcut and the plain keys.
            shown = ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText)
                              for s in shortcuts[:1] + plain)
            action.setText(f"{command.label}\t{shown}")
        if command.scope == "view":
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            view.addAction(action)
        else:
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            window.addAction(action)
        action.triggered.connect(lambda _checked=False, h=handler: h())
        actions[command.name] = action
    return actions


def article_bindings(
    keymap: Mapping[str, tuple[Key, ...]] = KEYMAP,
) -> dict[tuple[Stroke, ...], str]:
    """Keys read while the article has focus → command names.

    Every plain key and key sequence, and every key of a view-scope command.
    """
    out: dict[tuple[Stroke, ...], str] = {}
    for command in COMMANDS:
        for sequence in key_sequences(command.name, keymap):
            if command.scope == "view" or article_only(sequence):
                out.setdefault(strokes(sequence), command.name)
    return out
