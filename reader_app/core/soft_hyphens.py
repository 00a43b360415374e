"""Soft hyphens, which mark where a word may break and are no text: "Home&shy;owners" reads,
is searched and copied as "Homeowners" (the reading view hyphenates by itself)."""

from __future__ import annotations

import re

from lxml import etree

_SOFT_HYPHEN = "\u00ad"
#: A soft hyphen written as a character reference.
_REFERENCE = re.compile(r"&(?:shy|#173|#[xX]0*[aA][dD]);")


def drop_soft_hyphens(root: etree._Element, html: str) -> None:
    """Take the soft hyphens out of the text of ``root`` (parsed from ``html``), leaving
    attributes as they are: an address may hold one that its server expects."""
    if _SOFT_HYPHEN not in html and not ("&" in html and _REFERENCE.search(html)):
        return
    for element in root.iter():
        text = element.text
        if text and _SOFT_HYPHEN in text and isinstance(element.tag, str):
            element.text = text.replace(_SOFT_HYPHEN, "")
        tail = element.tail
        if tail and _SOFT_HYPHEN in tail:
            element.tail = tail.replace(_SOFT_HYPHEN, "")
