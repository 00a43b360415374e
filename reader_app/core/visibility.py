"""What a page shows and what it hides: elements hidden by their attributes, and text
written twice, once to be seen and once for screen readers — a shop's price or title in a
styled span with the same words beside it in a span only a screen reader reads ("EUR
355.58EUR 355.58" read as plain text). The reading view keeps the copy that is seen."""

from __future__ import annotations

import re
from functools import lru_cache

from lxml import etree

_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
#: Class names of text kept off the screen for screen readers (Bootstrap, WordPress,
#: Foundation, Drupal, eBay's "clipped" ...), as whole class names.
_SPOKEN_CLASS = re.compile(
    r"(?<![\w-])(?:sr[-_]only|srOnly|visually[-_]?hidden|u-visually-hidden|hidden-visually"
    r"|screen-?reader(?:-text|-only)?|show-for-sr|element-invisible|assistive-text"
    r"|is-vishidden|clipped)(?![\w-])"
)
#: A longer text for screen readers is no copy of a label or a price.
_MAX_COPY_CHARS = 200


def is_hidden(element: etree._Element) -> bool:
    """Whether the element is hidden by its ``hidden``, ``aria-hidden`` or ``style``."""
    if element.get("hidden") is not None or element.get("aria-hidden") == "true":
        return True
    style = element.get("style")
    return bool(style and _HIDDEN_STYLE.search(style))


# A page repeats its class names: each is judged once.
@lru_cache(maxsize=4096)
def _spoken_class(names: str) -> bool:
    return bool(_SPOKEN_CLASS.search(names))


def _words(text: str | None) -> str:
    return " ".join(text.split()) if text else ""


def is_spoken_copy(element: etree._Element, chars: int) -> bool:
    """Whether ``element`` (of ``chars`` characters of text) is text for screen readers
    that its parent also shows: as its own text before its children, or as the whole text
    of another child that is not hidden."""
    names = element.get("class")
    if not names or chars > _MAX_COPY_CHARS or not _spoken_class(names):
        return False
    parent = element.getparent()
    text = _words(element.text_content())
    if parent is None or not text:
        return False
    if _words(parent.text) == text:
        return True
    return any(
        sibling is not element
        and isinstance(sibling.tag, str)
        and not is_hidden(sibling)
        and _words(sibling.text_content()) == text
        for sibling in parent
    )
