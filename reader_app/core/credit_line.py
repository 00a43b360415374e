"""The author a page credits in the lines under its headline: "By Jane Doe", or a "Written
by" label over the name, where the page marks neither up as an author."""

from __future__ import annotations

import re

from lxml import etree

_BY = r"(?:(?:written|posted|article|story|words|authored)\s+)?by\s*:?"
#: A label alone before the name ("By", "Written by:", "Authors:").
_LABEL = re.compile(rf"{_BY}|authors?\s*:", re.I)
#: A label and the name in one line ("By Jane Doe", "Written by Jane Doe").
_LABELLED = re.compile(rf"{_BY}\s+(\S.*)", re.I | re.S)
#: Up to five capitalised words, with the particles of names ("Marna van der Merwe").
_NAME = re.compile(
    r"[^\W\d_][\w.'\u2019-]*(?:\s+(?:[^\W\d_][\w.'\u2019-]*|van|von|de|der|da|del|la|le|di"
    r"|bin|al)){0,4}"
)
_LONGEST_NAME = 40
#: Text pieces after the first <h1> in which the credit line is looked for: a standfirst, a
#: date and the byline; not menus before the headline or cards far after it.
_WINDOW = 30
#: Elements whose text credits no author of the page.
_SKIPPED = frozenset({
    "script", "style", "noscript", "template", "figure", "figcaption", "nav", "footer",
    "button", "select", "option", "pre", "code",
})


def credited_author(root: etree._Element) -> str | None:
    """The name the page credits as its author just under its first ``<h1>``, or None."""
    pieces = _pieces_after_headline(root)
    for n, piece in enumerate(pieces):
        if _LABEL.fullmatch(piece):
            if n + 1 < len(pieces) and _is_name(pieces[n + 1]):
                return pieces[n + 1]
            continue
        labelled = _LABELLED.fullmatch(piece)
        if labelled and _is_name(labelled[1]):
            return labelled[1]
    return None


def _is_name(text: str) -> bool:
    return (
        len(text) <= _LONGEST_NAME and text[:1].isupper() and _NAME.fullmatch(text) is not None
    )


def _pieces_after_headline(root: etree._Element) -> list[str]:
    """The page's first ``_WINDOW`` text pieces after its first ``<h1>``, in document order,
    stripped, without the text of skipped elements."""
    body = root.find(".//body")
    if body is None:
        return []
    pieces: list[str] = []
    skipping: etree._Element | None = None
    started = False
    for event, element in etree.iterwalk(body, events=("start", "end")):
        tag = element.tag
        if skipping is not None:
            if event == "end" and element is skipping:
                skipping = None
                text = element.tail
            else:
                continue
        elif event == "start":
            if tag in _SKIPPED:
                skipping = element
                continue
            text = element.text if isinstance(tag, str) else None
        else:
            started = started or tag == "h1"  # the lines under the headline, not its own
            text = element.tail
        if started and text and text.strip():
            pieces.append(text.strip())
            if len(pieces) >= _WINDOW:
                break
    return pieces
