"""How a table's cells are set: a figure or a short word never wraps, and a wide grid's cells
sit closer."""

from __future__ import annotations

import re

from PySide6.QtGui import QTextBlockFormat

#: A cell that never wraps: a figure ("116.8", "+7.2", "23-8", "$1,299") or a word of five
#: characters at most ("W1", "HOME"); Qt would break it anywhere to fit a narrow column.
_WHOLE = re.compile(r"\S{1,5}|\W{0,2}\d[\d\W]{0,10}")
#: From this many columns a table's cells sit closer.
_MANY_COLUMNS = 8


def cell_padding(columns: int, em: float) -> int:
    """The padding, in pixels, of the cells of a table of ``columns`` columns."""
    return round((0.45 if columns < _MANY_COLUMNS else 0.25) * em)


def whole(block: QTextBlockFormat, text: str) -> QTextBlockFormat:
    """``block``, the format of a cell holding ``text``, set never to wrap when the text is
    a figure or a short word."""
    block.setNonBreakableLines(_WHOLE.fullmatch(text) is not None)
    return block
