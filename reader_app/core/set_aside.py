"""Parts of the page trafilatura deletes whole, kept out of its way while it reads the page.

trafilatura searches the whole page with a dozen XPath expressions before its cleaning
deletes navigation, footers, sidebars, the ``<head>`` and the like; on the median article
page those are a third of the elements left after the declutter. :func:`set_aside` swaps
each for an empty copy of itself, which the cleaning deletes just the same (its tail kept
as trafilatura keeps it), and :func:`put_back` restores the page for the other readers.
"""

from __future__ import annotations

from lxml import etree

#: Containers trafilatura's cleaning (``MANUALLY_CLEANED``) deletes whole whatever they
#: hold (without pictures, as Reader asks it); forms and formulas it treats case by case,
#: figures too when they hold a table and tables are kept. Only those its settings still
#: list are set aside.
_DELETED_WHOLE = (
    "head", "nav", "footer", "aside", "menu", "svg", "video", "audio", "canvas", "map",
    "dialog", "select", "iframe", "object", "embed", "picture", "figure",
)

Swap = tuple[etree._Element, etree._Element]


def set_aside(root: etree._Element, tables: bool) -> list[Swap]:
    """Swap each outermost container of :data:`_DELETED_WHOLE` under ``root`` for an empty
    element of the same tag, attributes and tail; returns the swaps for :func:`put_back`.

    Nothing is set aside unless some paragraph lies outside every element trafilatura's
    cleaning deletes: otherwise it keeps the page uncleaned, whole (``tables`` as passed to
    trafilatura, which deletes tables too without it)."""
    cleaned = _cleaned(tables)
    found = list(root.iter(*(tag for tag in _DELETED_WHOLE if tag in cleaned)))
    if not found or not any(next(p.iterancestors(*cleaned), None) is None
                            for p in root.iter("p")):
        return []
    chosen = set(found)
    swaps = []
    for element in found:
        parent = element.getparent()
        if parent is None or any(a in chosen for a in element.iterancestors()):
            continue
        if tables and element.tag == "figure" and element.find(".//table") is not None:
            continue
        stand_in = element.makeelement(element.tag, element.attrib)
        stand_in.tail = element.tail
        parent.replace(element, stand_in)
        swaps.append((stand_in, element))
    return swaps


def put_back(swaps: list[Swap]) -> None:
    """Undo :func:`set_aside`."""
    for stand_in, element in swaps:
        parent = stand_in.getparent()
        if parent is not None:
            parent.replace(stand_in, element)


def _cleaned(tables: bool) -> list[str]:
    """What trafilatura's cleaning deletes whole: forms apart, tables too without them."""
    from trafilatura.settings import MANUALLY_CLEANED

    cleaned = [tag for tag in MANUALLY_CLEANED if tag != "form"]
    return cleaned if tables else [*cleaned, "table", "td", "th", "tr"]
