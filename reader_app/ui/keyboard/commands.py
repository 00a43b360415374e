"""Every user action as a named command with a one-line description, and the menus built of them.

Commands are data: the window supplies a handler per name, :mod:`keymap` supplies the keys,
and :func:`build_actions` makes the QActions that menus and shortcuts share. The help overlay
and ``docs/keyboard.md`` can be generated from :data:`COMMANDS` and the keymap.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Literal

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from .dispatch import Stroke, article_only, strokes
from .keymap import KEYMAP, Key, key_sequences

#: ``window``: active anywhere in the window; ``view``: only while the article has focus.
Scope = Literal["window", "view"]


@dataclass(frozen=True)
class Command:
    """A user action: ``name`` (as in the keymap), menu ``label`` and a one-line description."""

    name: str
    label: str
    description: str
    scope: Scope = "window"
    checkable: bool = False


COMMANDS: tuple[Command, ...] = (
    Command("open_file", "&Open…", "Open a saved web page (.html, .htm, .xhtml, .mhtml)."),
    Command("open_location", "Open &Location…", "Type a URL or a path to open."),
    Command("reload", "&Reload", "Load the current article again."),
    Command("cancel_load", "&Stop Loading", "Cancel the page being loaded."),
    Command("back", "&Back", "Go back to the previously opened article."),
    Command("forward", "&Forward", "Go forward to the next opened article."),
    Command("export_markdown", "Export as &Markdown…", "Save the article as a Markdown file."),
    Command("export_html", "Export as &HTML…", "Save the article as a clean HTML file."),
    Command("export_pdf", "Export as &PDF…", "Save the article as a PDF file."),
    Command("quit", "&Quit", "Close Reader."),
    Command("copy", "&Copy", "Copy the selected text.", scope="view"),
    Command("copy_text", "Copy Article as &Text", "Copy the whole article as plain text."),
    Command("copy_markdown", "Copy Article as &Markdown", "Copy the whole article as Markdown."),
    Command("copy_facts", "Copy &Key Facts", "Copy the article's key facts as Markdown."),
    Command("scroll_down", "Scroll Down", "Scroll down a line.", scope="view"),
    Command("scroll_up", "Scroll Up", "Scroll up a line.", scope="view"),
    Command("page_down", "Page Down", "Scroll down a page.", scope="view"),
    Command("page_up", "Page Up", "Scroll up a page.", scope="view"),
    Command("half_page_down", "Half Page Down", "Scroll down half a page.", scope="view"),
    Command("half_page_up", "Half Page Up", "Scroll up half a page.", scope="view"),
    Command("scroll_top", "Top", "Go to the top of the article.", scope="view"),
    Command("scroll_bottom", "Bottom", "Go to the end of the article.", scope="view"),
    Command("find", "&Find…", "Find text in the article."),
    Command("find_next", "Find &Next", "Go to the next match."),
    Command("find_previous", "Find &Previous", "Go to the previous match."),
    Command("focus_facts", "Go to the &Facts", "Move the focus to the facts panel."),
    Command("next_mention", "Next &Mention", "Go to the next mention of the chosen fact."),
    Command("previous_mention", "Previous M&ention",
            "Go to the previous mention of the chosen fact."),
    Command("toggle_highlights", "&Highlight Facts", "Show or hide fact highlights in the text.",
            checkable=True),
    Command("toggle_facts_panel", "Facts &Panel", "Show or hide the facts panel.",
            checkable=True),
    Command("zoom_in", "&Larger Text", "Make the text larger."),
    Command("zoom_out", "&Smaller Text", "Make the text smaller."),
    Command("zoom_reset", "&Default Text Size", "Reset the text size."),
    Command("wider", "&Wider Column", "Make the text column wider."),
    Command("narrower", "&Narrower Column", "Make the text column narrower."),
    Command("cycle_theme", "Next &Theme", "Switch theme: light, sepia, dark."),
    Command("theme_light", "&Light", "Use the light theme.", checkable=True),
    Command("theme_sepia", "&Sepia", "Use the sepia theme.", checkable=True),
    Command("theme_dark", "&Dark", "Use the dark theme.", checkable=True),
    Command("cycle_font", "Next &Font",
            "Switch the body font: serif, sans-serif, monospace, your chosen font."),
    Command("font_serif", "S&erif", "Set the article in a serif font.", checkable=True),
    Command("font_sans", "Sans-seri&f", "Set the article in a sans-serif font.", checkable=True),
    Command("font_mono", "&Monospace", "Set the article in a readable monospace font.",
            checkable=True),
    Command("choose_font", "&Choose Font…",
            "Pick any installed font for the article (or type its family name).",
            checkable=True),
    Command("cycle_line_spacing", "Next Line &Spacing",
            "Switch line spacing: compact, normal, relaxed, loose."),
    Command("spacing_compact", "Compact Lines", "Set lines close together (1.3).",
            checkable=True),
    Command("spacing_normal", "Normal Lines", "Set lines at the usual spacing (1.55).",
            checkable=True),
    Command("spacing_relaxed", "Relaxed Lines", "Set lines a little apart (1.8).",
            checkable=True),
    Command("spacing_loose", "Loose Lines", "Set lines well apart (2.1).", checkable=True),
    Command("toggle_justify", "&Justify Text",
            "Align paragraphs to both edges of the column, or flush left.", checkable=True),
    Command("open_link", "Open &Link",
            "Open the link chosen with Tab in Reader (web pages only).", scope="view"),
    Command("open_link_in_browser", "Open Link in &Browser",
            "Open the link chosen with Tab in the desktop's browser (Ctrl+click: any link).",
            scope="view"),
    Command("toggle_remote_images", "Show &Images of Web Pages",
            "Show the images of fetched pages (never of other sites).", checkable=True),
    Command("full_screen", "&Full Screen", "Toggle full screen.", checkable=True),
    Command("show_help", "&Keyboard Shortcuts", "Show every key, grouped by purpose."),
    Command("focus_next_region", "Next Link or Region",
            "Move to the next link on screen, then on: facts panel, location bar, article."),
    Command("focus_previous_region", "Previous Link or Region",
            "Move to the previous link on screen, then back: location bar, facts panel."),
    Command("show_start_page", "&Start Page", "Show the start page with the main keys."),
    Command("open_sample", "Open the &Sample Article", "Open the bundled sample article."),
    Command("about", "&About Reader", "Show Reader's version and credits."),
    Command("show_library", "&Library…", "List and search the articles you have read."),
    Command("search_library_for_fact", "Find Fact in the &Library",
            "List the other articles in the library with the fact chosen in the facts panel."),
    Command("toggle_private", "&Private Mode",
            "Keep nothing of what you open: no library, recent pages or positions.",
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
               "theme_light", "theme_sepia", "theme_dark", "cycle_theme", SEPARATOR,
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
