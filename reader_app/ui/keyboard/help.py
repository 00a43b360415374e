"""The keys of every command, grouped by purpose: what the help overlay and docs/keyboard.md show.

Rows come from :data:`commands.COMMANDS` and a keymap; only the grouping and a few keys that
belong to one widget (Enter in the find bar) are written here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from PySide6.QtCore import Qt

from ..style.theme_names import THEME_NAMES
from .commands import COMMANDS, COMMANDS_BY_NAME
from .dispatch import sequence_text, strokes
from .keymap import KEYMAP, Key, key_sequences

#: Group title → command names, in the order shown.
GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Reading", ("scroll_down", "scroll_up", "page_down", "page_up", "half_page_down",
                 "half_page_up", "scroll_top", "scroll_bottom")),
    ("Finding", ("find", "find_next", "find_previous")),
    ("Facts", ("focus_facts", "next_mention", "previous_mention", "toggle_highlights",
               "toggle_facts_panel")),
    ("Text and theme", ("zoom_in", "zoom_out", "zoom_reset", "wider", "narrower",
                        "cycle_theme", *(f"theme_{name}" for name in THEME_NAMES),
                        "cycle_font", "choose_font", "cycle_line_spacing", "toggle_justify",
                        "toggle_remote_images", "full_screen")),
    ("Links", ("focus_next_region", "focus_previous_region", "open_link",
               "open_link_in_browser")),
    ("Opening and history", ("open_location", "open_file", "reload", "cancel_load", "back",
                             "forward", "open_sample", "show_start_page")),
    ("Library", ("show_library", "search_library_for_fact", "toggle_private")),
    ("Copy and export", ("copy", "copy_text", "copy_markdown", "copy_facts", "export_markdown",
                         "export_html", "export_pdf")),
    ("Window", ("show_help", "quit")),
)
OTHER = "Other"
#: Keys from here on are those of media keyboards (Back, Open, Find, Zoom In…): left out of
#: help, though they still work.
_DEVICE_KEYS = Qt.Key.Key_Back.value

#: Keys that belong to one widget rather than to a command: group → (keys, description).
WIDGET_KEYS: Mapping[str, tuple[tuple[tuple[str, ...], str], ...]] = {
    "Finding": ((("Enter", "Shift+Enter"), "In the find bar: next or previous match."),
                (("Esc",), "Close the find bar and go back to the article.")),
    "Facts": ((("Up", "Down", "Enter"), "In the facts panel: move, jump to the fact."),
              (("a–z",), "In the facts list: typing filters it."),  # noqa: RUF001 (a range)
              (("Esc",), "Leave the facts panel for the article.")),
    "Library": ((("Enter",), "In the library: open the article where you left it."),
                (("Del",), "In the library: delete the article (with Ctrl from the search box)."),
                (("Ctrl+S",), "In the library: keep the article as saved, or stop keeping it."),
                (("Esc",), "Close the library.")),
    "Window": ((("Esc",), "Cancel a key sequence such as g g, or close this help."),),
}


@dataclass(frozen=True)
class KeyRow:
    """One line of help: the keys as shown, the command's name (empty for widget keys), and
    what it does."""

    keys: tuple[str, ...]
    command: str
    label: str
    description: str


def key_rows(
    keymap: Mapping[str, tuple[Key, ...]] = KEYMAP,
) -> list[tuple[str, list[KeyRow]]]:
    """Every command that has keys in ``keymap``, grouped by purpose (empty groups left out)."""
    grouped = {name for _title, names in GROUPS for name in names}
    others = tuple(c.name for c in COMMANDS if c.name not in grouped)
    out: list[tuple[str, list[KeyRow]]] = []
    for title, names in (*GROUPS, (OTHER, others)):
        rows = []
        for name in names:
            keys = tuple(sequence_text(s) for s in key_sequences(name, keymap)
                         if all(key < _DEVICE_KEYS for key, _mods in strokes(s)))
            if keys:
                command = COMMANDS_BY_NAME[name]
                rows.append(KeyRow(keys, name, command.label.replace("&", "").rstrip("…"),
                                   command.description))
        rows += [KeyRow(keys, "", "", text) for keys, text in WIDGET_KEYS.get(title, ())]
        if rows:
            out.append((title, rows))
    return out
