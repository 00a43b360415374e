"""Plain text of HTML elements: whitespace cleaning, link share, list items, table rows."""

from __future__ import annotations

import re

from lxml import etree

__all__ = ["clean_text", "list_items", "table_rows", "text_of"]

_SPACE = re.compile(r"[ \t\r\f\v\u00a0\u200b]+")


def clean_text(text: str) -> str:
    """Collapse runs of spaces; keep single line breaks, trim each line."""
    lines = (_SPACE.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


class _Text:
    """Collects text of an element, counting characters inside links."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.link_chars = 0

    def add(self, element: etree._Element, *, break_tags: tuple[str, ...]) -> None:
        if element.text:
            self.parts.append(element.text)
            if element.tag == "a":
                self.link_chars += len(element.text.strip())
        for child in element:
            tag = child.tag if isinstance(child.tag, str) else ""  # "" for comments: tail only
            if tag in break_tags:
                self.parts.append("\n")
            if tag and tag not in _SKIPPED:
                before = self.link_chars
                self.add(child, break_tags=break_tags)
                if tag == "a":
                    inner = "".join(child.itertext()).strip()
                    self.link_chars = before + len(inner)
            if child.tail:
                self.parts.append(child.tail)

    def result(self) -> tuple[str, float]:
        text = clean_text("".join(self.parts))
        return text, (self.link_chars / len(text) if text else 0.0)


_SKIPPED = frozenset({"img", "ul", "ol", "table", "script", "style", "button", "svg"})


def text_of(element: etree._Element, break_tags: tuple[str, ...]) -> tuple[str, float]:
    """The cleaned text of ``element`` (a line break before each of ``break_tags``) and
    the share of it inside links."""
    collector = _Text()
    collector.add(element, break_tags=break_tags)
    return collector.result()


def list_items(
    element: etree._Element, item_tag: str, list_tags: tuple[str, ...]
) -> tuple[list[str], int, int]:
    """The items of a list, nested lists flattened, with their link and total characters."""
    items: list[str] = []
    link_chars = 0
    total = 0
    for item in element:
        if item.tag != item_tag:
            continue
        text, ratio = text_of(item, ("br",))
        text = " ".join(text.split())
        if text:
            items.append(text)
            link_chars += int(ratio * len(text))
            total += len(text)
        for sub in item:
            if sub.tag in list_tags:
                sub_items, sub_links, sub_total = list_items(sub, item_tag, list_tags)
                items += sub_items
                link_chars += sub_links
                total += sub_total
    return items, link_chars, total


def table_rows(
    element: etree._Element, row_tag: str, cell_tags: tuple[str, ...]
) -> list[tuple[str, ...]]:
    """The non-empty rows of a table as tuples of cell texts."""
    rows: list[tuple[str, ...]] = []
    for row in element.iter(row_tag):
        cells = tuple(
            " ".join("".join(cell.itertext()).split()) for cell in row if cell.tag in cell_tags
        )
        if any(cells):
            rows.append(cells)
    return rows
