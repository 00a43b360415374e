"""Collapsed panels of accordions, opened as the reader would open them.

A guide folds its steps, a page its questions and answers, into panels that a click opens:
the page hides them (``display: none``, a height of nought, ``hidden``, ``aria-hidden``)
until then, and the extractors, which read no scripts, take what is hidden for clutter. An
accordion's panel — an element named as part of one (a class or id holding "accordion"),
a region labelled by its header (``role="region"`` with ``aria-labelledby``, the WAI-ARIA
pattern), or what a ``<details>`` holds under its ``<summary>`` — is shown before the page
is read.
"""

from __future__ import annotations

import re

from lxml import etree

_HIDING = re.compile(
    r"(?:display\s*:\s*none|visibility\s*:\s*hidden|(?:max-)?height\s*:\s*0(?:px)?)"
    r"\s*(?:!important\s*)?;?",
    re.I,
)
#: Panels that something hides (the cheap tests first: most elements have none of those).
_PANELS = etree.XPath(
    "//*[(@hidden or @aria-hidden or @style) and (contains(@class, 'ccordion')"
    " or contains(@id, 'ccordion') or (@role = 'region' and @aria-labelledby)"
    " or (parent::details and not(self::summary)))]"
)


def open_accordions(root: etree._Element, html: str) -> None:
    """Show the hidden panels of the page's accordions in place."""
    if "ccordion" not in html and "<details" not in html and not (
        "aria-labelledby" in html and "region" in html
    ):
        return
    for panel in _PANELS(root):
        for name in ("hidden", "aria-hidden"):
            if panel.get(name) is not None:
                del panel.attrib[name]
        style = panel.get("style")
        if style and _HIDING.search(style):
            panel.set("style", _HIDING.sub("", style))
