"""A block's text made clean: runs of spaces collapsed, each line trimmed, empty lines and
lines of invisible characters dropped."""

from __future__ import annotations

import re

_SPACE = re.compile(r"[ \t\r\f\v\u00a0\u200b]+")


#: Characters that show nothing (zero-width spaces and joiners, direction marks, a byte-order
#: mark): a line of these alone is an empty line (a page's ``<p>&zwj;</p>`` spacers), though
#: inside a word or an emoji they join letters.
_INVISIBLE = "\u200b\u200c\u200d\u200e\u200f\u2060\ufeff"
_MAX_SPACER = 8  # longest line looked at for being invisible alone


def clean_text(text: str) -> str:
    """Collapse runs of spaces; keep single line breaks, trim each line; drop empty lines
    and lines of invisible characters alone."""
    lines = (_collapsed(line).strip() for line in text.split("\n"))
    return "\n".join(
        line for line in lines
        if line and (len(line) > _MAX_SPACER or line.strip(_INVISIBLE))
    )


def _collapsed(line: str) -> str:
    """``line`` with each run of spaces one space; most lines have no run to collapse, which
    substring scans tell faster than the pattern's replacing every single space by itself."""
    if (
        "  " in line or "\t" in line or "\r" in line or "\f" in line or "\v" in line
        or "\u00a0" in line or "\u200b" in line
    ):
        return _SPACE.sub(" ", line)
    return line


__all__ = ["clean_text"]
