"""Class names trafilatura misreads as clutter, hidden from it while it reads the page.

trafilatura deletes every box whose class holds "-icon" or "embed" anywhere in it: an
icon, an embedded player. Its test reads parts of words, so it also deletes an accordion
whose class names the style of its icons (``kt-accordion-wrap kt-accodion-icon-style-arrow``)
with the questions and answers inside, and a site builder's box for hand-written HTML
(Webflow's ``w-embed``) with the table of pros and cons it holds. A box so named that holds
prose (two paragraphs or list items with a sentence each) has those class words taken out
while trafilatura reads the page, and given back afterwards; Reader's own declutter has
judged the box by its names already.
"""

from __future__ import annotations

import re

from lxml import etree

from .visibility import holds_sentence

_MISREAD = re.compile(r"-icon|embed")
#: The boxes so named (read from the class attributes: about twice as fast as testing each
#: element's class).
_NAMED = etree.XPath("//@class[contains(., '-icon') or contains(., 'embed')]/..")
#: Paragraphs or list items with a sentence that make a box's text prose.
_PROSE_BLOCKS = 2

Renamed = list[tuple[etree._Element, str]]


def hide_misread_names(root: etree._Element) -> Renamed:
    """Take the misread class words out of each box of ``root`` that holds prose; returns
    what :func:`restore_names` needs."""
    renamed = []
    for element in _NAMED(root):
        names = element.get("class") or ""
        if element.tag not in ("html", "body") and _holds_prose(element):
            renamed.append((element, names))
            element.set("class", " ".join(n for n in names.split() if not _MISREAD.search(n)))
    return renamed


def restore_names(renamed: Renamed) -> None:
    """Undo :func:`hide_misread_names`."""
    for element, names in renamed:
        element.set("class", names)


def _holds_prose(element: etree._Element) -> bool:
    found = 0
    for block in element.iter("p", "li"):
        # a block's last sentence may end without a full stop
        if holds_sentence(block.text_content() + "."):
            found += 1
            if found >= _PROSE_BLOCKS:
                return True
    return False


__all__ = ["hide_misread_names", "restore_names"]
