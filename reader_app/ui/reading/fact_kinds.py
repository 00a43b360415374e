"""The kinds of fact as the window names and draws them.

The list of kinds is the core's own (``FactKind``); every name, title, underline and search
word of a kind is given here once, in :data:`KIND_STYLES`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from PySide6.QtGui import QTextCharFormat

from reader_app.core.facts.model import FACT_KINDS, FACT_TITLES, Fact, FactKind, Facts

#: Every kind of fact, in the order the panel and the highlights list them.
KINDS = FACT_KINDS

Underline = QTextCharFormat.UnderlineStyle


@dataclass(frozen=True)
class KindStyle:
    """How one kind of fact is named and drawn.

    ``name`` is its singular name (the core's ``FACT_TITLES`` its plural), ``underline`` its
    line in the text (solid, dashed, dotted, wavy: tellable apart in grey too), ``search``
    its word in a library search.
    """

    name: str
    underline: QTextCharFormat.UnderlineStyle
    search: str


KIND_STYLES: Mapping[FactKind, KindStyle] = {
    "number": KindStyle("Number", Underline.WaveUnderline, "number"),
    "person": KindStyle("Person", Underline.SingleUnderline, "person"),
    "place": KindStyle("Place", Underline.DashUnderline, "place"),
    "organisation": KindStyle("Organisation", Underline.DotLine, "org"),
}
assert set(KIND_STYLES) == set(KINDS), "every kind of fact has a style"

#: Singular name, plural title and underline of each kind.
KIND_NAMES: Mapping[FactKind, str] = {kind: KIND_STYLES[kind].name for kind in KINDS}
KIND_TITLES: Mapping[FactKind, str] = FACT_TITLES
UNDERLINES: Mapping[FactKind, QTextCharFormat.UnderlineStyle] = {
    kind: KIND_STYLES[kind].underline for kind in KINDS}


def facts_of(facts: Facts, kind: FactKind) -> tuple[Fact, ...]:
    """The facts of ``kind`` in ``facts``."""
    return facts.of(kind)
