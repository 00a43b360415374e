"""The one keymap: command name → keys. Shortcuts, menus and the help overlay are built from it.

A key is either a portable string in QKeySequence's format (``"Ctrl+L"``, ``"G, G"`` for two
presses) or a :class:`QKeySequence.StandardKey`, which stands for the platform's usual keys.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtGui import QKeySequence

StandardKey = QKeySequence.StandardKey
Key = str | StandardKey

KEYMAP: dict[str, tuple[Key, ...]] = {
    "open_file": (StandardKey.Open,),
    "open_location": ("Ctrl+L", "O"),
    "reload": ("F5", "R"),
    "cancel_load": ("Esc",),
    "back": ("Alt+Left", "Shift+H"),
    "forward": ("Alt+Right", "Shift+L"),
    "quit": (StandardKey.Quit, "Ctrl+Q", "Q"),
    "copy": (StandardKey.Copy,),
    "copy_facts": ("Ctrl+Shift+C",),
    "copy_markdown": ("Ctrl+Alt+C",),
    "scroll_down": ("J", "Down"),
    "scroll_up": ("K", "Up"),
    "page_down": ("Space", "PgDown"),
    "page_up": ("Shift+Space", "PgUp"),
    "half_page_down": ("Ctrl+D",),
    "half_page_up": ("Ctrl+U",),
    "scroll_top": ("G, G", "Home"),
    "scroll_bottom": ("Shift+G", "End"),
    "find": (StandardKey.Find, "/"),
    "find_next": (StandardKey.FindNext, "N"),
    "find_previous": (StandardKey.FindPrevious, "Shift+N"),
    "focus_facts": ("F",),
    "next_mention": ("]",),
    "previous_mention": ("[",),
    "toggle_highlights": ("H",),
    "toggle_facts_panel": ("F9",),
    "zoom_in": (StandardKey.ZoomIn, "+", "="),
    "zoom_out": (StandardKey.ZoomOut, "-"),
    "zoom_reset": ("Ctrl+0", "0"),
    "wider": ("W",),
    "narrower": ("Shift+W",),
    "cycle_theme": ("T",),
    "cycle_font": ("Shift+F",),
    "cycle_line_spacing": ("L",),
    "toggle_justify": ("A",),
    "open_link": ("Return", "Enter"),
    "open_link_in_browser": ("Ctrl+Return", "Ctrl+Enter"),
    "full_screen": (StandardKey.FullScreen, "F11"),
    "show_help": ("?", "F1"),
    "focus_next_region": ("Tab",),
    "focus_previous_region": ("Shift+Tab",),
    "show_library": ("Ctrl+Shift+L",),
    "search_library_for_fact": ("Ctrl+Shift+F",),
}


def key_sequences(
    command: str, keymap: Mapping[str, tuple[Key, ...]] | None = None
) -> list[QKeySequence]:
    """The key sequences of ``command`` in ``keymap`` (default :data:`KEYMAP`), standard keys
    expanded, without duplicates."""
    out: list[QKeySequence] = []
    for key in (KEYMAP if keymap is None else keymap).get(command, ()):
        sequences = (
            [QKeySequence(key)] if isinstance(key, str) else QKeySequence.keyBindings(key)
        )
        for sequence in sequences:
            if not sequence.isEmpty() and sequence not in out:
                out.append(sequence)
    return out


def key_text(command: str, keymap: Mapping[str, tuple[Key, ...]] | None = None) -> str:
    """The keys of ``command`` as shown to the reader, e.g. ``"Ctrl+L, O"``."""
    return ", ".join(
        s.toString(QKeySequence.SequenceFormat.NativeText)
        for s in key_sequences(command, keymap)
    )
