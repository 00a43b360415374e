"""Write ``docs/keyboard.md`` from the command table and the keymap.

Run ``python -m reader_app.ui.keyboard.doc > docs/keyboard.md``; a test fails when the file and
the keymap disagree.
"""

from __future__ import annotations

import os
import sys

from .help import key_rows

_HEAD = """\
# Keyboard

Reader is made to be read without a mouse. Every action is a named command; this page is
generated from the command table and the keymap (`python -m reader_app.ui.keyboard.doc`), as
are the menus and the help overlay (press `?` or `F1` in the window).

Plain keys — letters, digits, punctuation, Space — act only while the article has the focus,
never while you type in the location bar, the find bar or the facts filter. Two-key sequences
such as `g g` wait a second for their second key; the keys typed so far show in the status
bar, and Esc cancels them. Keys shown as `Ctrl+O` follow the platform's standard keys where
Qt has one (Open, Find, Quit, zoom, full screen).
"""

_TAIL = """\
## Searching the library

Ctrl+Shift+L opens the library: every article you have opened, most recent first, with its
site, date and how much you have read. Typing searches the titles and texts (the last word
also matches as the start of a word) and lists the best matches with the matched words
marked; Enter opens one offline, where you left it. Words can be combined with filters on
the article's facts:

| You type | Finds articles |
|---|---|
| `drones kharkiv` | with both words in the title or text (any form: drone, drones) |
| `"power substation"` | with the phrase |
| `person:Sybiha` | whose people include Sybiha |
| `place:Kursk drones` | whose places include Kursk, and with the word drones |
| `org:"Energy Ministry"` | whose organisations include the Energy Ministry |
| `number:drones` | whose numbers count drones |
| `tag:energy`, `is:saved` | with that tag; kept with Ctrl+S |

In the facts panel, Ctrl+Shift+F lists the other articles with the current fact. File ▸
Private Mode (or `reader-app --private`) keeps nothing of what you open from then on.

## Your own keys

Put a file named `keys.toml` beside `settings.ini` in Reader's settings folder (on Linux
`~/.config/reader-app/keys.toml`). Each line names a command (the names in the tables above)
and its keys, which replace that command's default keys:

```toml
# command = "key"  or  command = ["key", "key"];  [] leaves a command without keys
scroll_down = ["j", "Down", "Ctrl+N"]
scroll_top = "g g"          # two presses: g, then g
cycle_theme = "Ctrl+T"
quit = []
```

Keys are written as Qt writes them: `Ctrl+L`, `Alt+Left`, `Shift+Space`, `PgDown`, `F5`,
`Esc`. A lone capital letter means that letter with Shift (`G` is Shift+G, `g` is g). A key the
file gives to a command is taken from the command that had it by default. Unknown commands,
text that is no key, and a key given to two commands are reported when Reader starts, in the
message bar and on the terminal, and the rest of the file still applies.
"""


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _key(key: str) -> str:
    return f"`` {key} ``" if "`" in key else f"`{_cell(key)}`"


def render_markdown() -> str:
    """The text of ``docs/keyboard.md`` for the default keymap."""
    parts = [_HEAD]
    for title, rows in key_rows():
        parts.append(f"## {title}\n")
        parts.append("| Keys | Command | What it does |\n|---|---|---|")
        for row in rows:
            keys = ", ".join(_key(k) for k in row.keys)
            command = f"`{row.command}`" if row.command else ""
            parts.append(f"| {keys} | {command} | {_cell(row.description)} |")
        parts.append("")
    parts.append(_TAIL)
    return "\n".join(parts)


def main() -> int:
    """Print the keyboard page."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    # Standard keys are looked up in the platform theme, which needs an application object.
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    sys.stdout.write(render_markdown())
    return 0


if __name__ == "__main__":
    sys.exit(main())
