"""Parts of a page that a server streamed after the rest, put where the page's scripts put
them.

A page rendered by React in streaming (Next.js and others) first sends a placeholder where
a part goes (``<template id="B:0">``, ``<template id="P:1">``), then the part itself at the
end of the body, hidden (``<div hidden id="S:0">``), with a one-line script that moves it
into place (``$RC("B:0","S:0")``, ``$RS("S:1","P:1")``). Reader runs no script: the moves
are read from the page and done here, so that the part stands in the article it belongs
to, not hidden after the footer.
"""

from __future__ import annotations

import re

from lxml import etree

#: React's moves: ``$RC(boundary, segment)`` completes a boundary, ``$RS(segment,
#: placeholder)`` fills a placeholder.
_MOVES = re.compile(r'\$R([CS])\("([BPS]:[0-9a-z]+)","([BPS]:[0-9a-z]+)"\)')


def place_streamed(root: etree._Element, html: str) -> None:
    """Move each hidden streamed part of ``root`` to its placeholder, as the page's script
    would."""
    if "$RC(" not in html and "$RS(" not in html:
        return
    moves = [(second, first) if kind == "C" else (first, second)
             for kind, first, second in _MOVES.findall(html)]
    wanted = {name for move in moves for name in move}
    found = {e.get("id"): e for e in root.iter("template", "div") if e.get("id") in wanted}
    for part_id, place_id in moves:
        part, place = found.get(part_id), found.get(place_id)
        if part is None or place is None or part.get("hidden") is None:
            continue
        parent = place.getparent()
        if parent is None or place in part.iterancestors():
            continue
        del part.attrib["hidden"]
        part.tail = place.tail
        parent.replace(place, part)
