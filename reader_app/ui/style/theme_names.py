"""The names of the colour themes, without Qt (the command line offers them before Qt loads)."""

from __future__ import annotations

#: The themes in the order the View menu lists them and `t` cycles through them.
THEME_NAMES: tuple[str, ...] = ("light", "sepia", "dark")
