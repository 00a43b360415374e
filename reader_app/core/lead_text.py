"""Text written straight into a box before its first paragraph, made a paragraph.

``<div>After reading a post … <a>NAS and drive</a> failure I decided …<p>Most of my
stuff …</p>`` shows as a paragraph above the others (the browser's anonymous block); on a
page with enough paragraph text trafilatura reads paragraphs only and drops that text, or
keeps only the part after a link. The run of text and inline elements before such a box's
first paragraph becomes a ``<p>`` of its own, when it holds a line's worth of words.
"""

from __future__ import annotations

from lxml import etree

from .page_blocks import split_at_break_pairs

#: Boxes whose opening text is read.
_BOXES = ("div", "section", "article", "main")
#: Elements that flow inside a line of text; a run holding anything else (a button, a
#: picture, a heading set in a span's place) is left as it is.
_INLINE = frozenset({
    "a", "span", "em", "strong", "b", "i", "u", "s", "code", "small", "sup", "sub", "abbr",
    "cite", "q", "mark", "time", "br", "font", "del", "ins", "kbd", "var", "dfn",
})  # fmt: skip
#: Characters (spaces collapsed) the run must hold: a sentence, not an icon's label.
_MIN_CHARS = 40


def lead_paragraphs(root: etree._Element) -> None:
    """Make a ``<p>`` of each box's opening text in ``root`` (see the module)."""
    for box in list(root.iter(*_BOXES)):
        first = _first_paragraph(box)
        if first is None:
            continue
        run = box[:first]
        text = (box.text or "") + "".join(
            "".join(child.itertext()) + (child.tail or "") for child in run
        )
        if len(" ".join(text.split())) < _MIN_CHARS:
            continue
        paragraph = box.makeelement("p", {})
        paragraph.text, box.text = box.text, None
        paragraph.extend(run)  # each with its tail
        box.insert(0, paragraph)
        split_at_break_pairs(paragraph)


def _first_paragraph(box: etree._Element) -> int | None:
    """The index of ``box``'s first child block when it is a ``<p>`` and only inline
    elements come before it; else ``None``."""
    for index, child in enumerate(box):
        tag = child.tag
        if not isinstance(tag, str) or tag in _INLINE:
            continue
        return index if tag == "p" else None
    return None


__all__ = ["lead_paragraphs"]
