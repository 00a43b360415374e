"""Preformatted text (``<pre>``) as the page shows it: its lines, which extractors may run
together, and without a gutter of line numbers."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from lxml import etree

from .declutter import Draft
from .model import Block

#: Characters (but whitespace) of the shortest preformatted text found at the end of others.
_SHORTEST_ENDING = 20


@dataclass(frozen=True)
class Shown:
    """The page's preformatted texts (:func:`preformatted`) by :func:`solid`, and those of
    ``_SHORTEST_ENDING`` characters or more by their last ``_SHORTEST_ENDING``."""

    texts: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    endings: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.texts)

    def __contains__(self, key: str) -> bool:
        return key in self.texts

    def get(self, key: str) -> tuple[str, ...]:
        """The texts whose characters (but whitespace) are ``key``."""
        return self.texts.get(key, ())

    def ending(self, text: str) -> str:
        """The end of ``text`` that is one of the texts (whitespace not counted; one of
        ``_SHORTEST_ENDING`` characters or more after other text), or ""."""
        packed = solid(text)
        if not packed:
            return ""
        tail = packed[-_SHORTEST_ENDING:]
        key = packed if packed in self.texts else next(
            (k for k in self.endings.get(tail, ()) if packed.endswith(k)), None)
        if key is None:
            return ""
        count, at = 0, len(text)
        while count < len(key):  # back over the key's characters, skipping whitespace
            at -= 1
            count += not text[at].isspace()
        return text[at:]


def as_preformatted(shown: Shown, drafts: list[Draft]) -> list[Draft]:
    """``drafts`` with each quotation or code block whose text is one of the page's
    preformatted texts (whitespace aside) made a code block of its lines as the page shows
    them: where trafilatura takes a ``<pre>`` for a quotation, or finds it in a list item, it
    runs its lines together."""
    out = []
    for draft in drafts:
        block = draft.block
        texts = shown.get(solid(block.text)) if block.kind in ("quote", "code") else ()
        if texts:
            words = block.text.split()  # of texts that differ in their spaces, the same words
            text = next((t for t in texts if t.split() == words), texts[0])
            if block.kind != "code" or text != block.text:
                draft = Draft(Block("code", text), draft.link_ratio)
        out.append(draft)
    return out


def preformatted(tree: etree._Element) -> Shown:
    """The texts of the page's ``<pre>`` elements by their characters without whitespace
    (:func:`solid`; an extractor may run the lines together; texts that differ in their
    spaces alone share one); a gutter of line numbers is left out."""
    found: dict[str, tuple[str, ...]] = {}
    endings: dict[str, tuple[str, ...]] = {}
    for pre in tree.iter("pre"):
        text = "".join(pre.itertext()).strip("\n")
        if text.strip():
            key, shown = solid(text), without_gutter(pre, text)
            if key not in found and len(key) >= _SHORTEST_ENDING:
                tail = key[-_SHORTEST_ENDING:]
                endings[tail] = (*endings.get(tail, ()), key)
            if shown not in found.get(key, ()):
                found[key] = (*found.get(key, ()), shown)
    return Shown(found, endings)


def solid(text: str) -> str:
    """``text`` without its whitespace: how preformatted texts are matched."""
    return "".join(text.split())


def without_gutter(pre: etree._Element, text: str) -> str:
    """The text of ``pre`` without its line numbers where each line opens with an element
    holding its number alone (1, 2, 3 ...): a gutter the page shows beside the code."""
    lines = text.split("\n")
    if len(lines) < 2:
        return text
    numbered = 0  # the elements holding 1, 2, 3 ... in order
    for element in pre.iter():
        if len(element) == 0 and (element.text or "").strip() == str(numbered + 1):
            numbered += 1
    stripped = [line.lstrip() for line in lines]
    if numbered != len(lines) or not all(
        line.startswith(str(k)) for k, line in enumerate(stripped, 1)
    ):
        return text
    return "\n".join(line[len(str(k)):] for k, line in enumerate(stripped, 1))
