"""What a page shows and what it hides: elements hidden by their attributes, and text
written twice, once to be seen and once for screen readers — a shop's price or title in a
styled span with the same words beside it in a span only a screen reader reads ("EUR
355.58EUR 355.58" read as plain text), or a preview clamped to a line that repeats a post
shown in full. The reading view keeps the copy that is seen."""

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


#: Where a sentence ends, and the least words of one (or characters of a script without spaces).
_SENTENCE_END = re.compile("[.!?\u3002\uff01\uff1f]")
_SENTENCE_WORDS = 8
_SENTENCE_CHARS = 20
#: Attributes that hide or show an element, or name it alone.
_SHOWING = frozenset({"hidden", "aria-hidden", "style", "id"})


class ShownLater:
    """Whether a hidden element may be shown as the page is read: it holds a sentence (a
    collapsed answer, a streamed part), or it is a tab's panel — with the role, or beside a
    shown element of its tag and kind (the same attributes but those that show or hide).
    A hidden menu, dialog or list of specifications is not. Each parent's shown children
    are read once."""

    def __init__(self) -> None:
        self._shown: dict[etree._Element, set[tuple[str, frozenset[str]]]] = {}

    def __call__(self, element: etree._Element) -> bool:
        if element.get("role") == "tabpanel" or any(map(holds_sentence, _block_texts(element))):
            return True
        parent = element.getparent()
        if parent is None:
            return False
        shown = self._shown.get(parent)
        if shown is None:
            shown = self._shown[parent] = {
                (child.tag, _kind(child))
                for child in parent
                if isinstance(child.tag, str) and not is_hidden(child)
            }
        return (element.tag, _kind(element)) in shown


def holds_sentence(text: str) -> bool:
    """Whether ``text`` holds a sentence: eight words or more before a full stop, question
    or exclamation mark (twenty characters of a script without spaces)."""
    for piece in _SENTENCE_END.split(text)[:-1]:  # the last piece ends no sentence
        words = piece.split()
        if len(words) >= _SENTENCE_WORDS or (len(words) == 1 and len(words[0]) >= _SENTENCE_CHARS):
            return True
    return False


#: Elements whose text a browser sets apart from the text around them.
_BLOCKS = frozenset({
    "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "td", "th", "tr", "table", "section",
    "article", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "figure", "figcaption",
})  # fmt: skip


def _block_texts(element: etree._Element) -> list[str]:
    """The texts of ``element`` between block boundaries, so that the items of a list
    ("bvseo_sdk, dw_cartridge, 18.2.0" / "CLOUD, getReviews, 0ms" / ...) do not run into
    one another as one sentence."""
    texts: list[str] = []
    current: list[str] = []
    for event, node in etree.iterwalk(element, events=("start", "end")):
        if node.tag in _BLOCKS and current:
            texts.append("".join(current))
            current = []
        if event == "start" and node.text:
            current.append(node.text)
        elif event == "end" and node is not element and node.tail:
            current.append(node.tail)
    texts.append("".join(current))
    return texts


def _kind(element: etree._Element) -> frozenset[str]:
    return frozenset(element.keys()) - _SHOWING


# A page repeats its class names: each is judged once.
@lru_cache(maxsize=4096)
def _spoken_class(names: str) -> bool:
    return bool(_SPOKEN_CLASS.search(names))


def _words(text: str | None) -> str:
    return " ".join(text.split()) if text else ""


def shown_text(element: etree._Element) -> str:
    """The text of ``element`` without what only a screen reader reads (a caption's hidden
    "Caption" label: Drupal writes one before every field)."""
    out: list[str] = []

    def walk(node: etree._Element) -> None:
        if node.text:
            out.append(node.text)
        for child in node:
            if isinstance(child.tag, str) and not _spoken_class(child.get("class") or ""):
                walk(child)
            if child.tail:
                out.append(child.tail)

    walk(element)
    return "".join(out)


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


#: Names of an element whose text the page's style clamps to a line or a few ("line-clamp-1",
#: "text-truncate", "truncate"): a preview, as of the post a reply answers.
_CLAMPED = re.compile(r"line-?clamp|truncat", re.I)
_CLAMPED_XPATH = etree.XPath(
    ".//*[contains(@class, 'lamp') or contains(@class, 'runcat') or contains(@class, 'RUNCAT')"
    " or contains(@class, 'LAMP')]"
)
#: The start of a preview looked for elsewhere in the page, in characters.
_PREVIEW_CHARS = 80
_MIN_PREVIEW_CHARS = 40


@lru_cache(maxsize=4096)
def clamped_names(names: str) -> bool:
    """Whether an element's names clamp its text to a line or a few."""
    return bool(_CLAMPED.search(names))


def _clamped(element: etree._Element) -> bool:
    names = element.get("class")
    return bool(names) and clamped_names(names)


def _outer_clamped(element: etree._Element) -> bool:
    return _clamped(element) and not any(_clamped(a) for a in element.iterancestors())


def _start(element: etree._Element) -> str:
    text: str = element.text_content()
    return text.strip()[:_PREVIEW_CHARS]


class ClampedCopies:
    """The previews of a page that repeat its text: each element clamped to a line or a few
    (by a class such as "line-clamp-1", "text-truncate") whose text starts as text shown
    elsewhere does, but the first of them where the page shows that text only clamped (a
    listing's story titles, clamped in each of two lists, keep one copy). The page is read
    when the first such element is asked about."""

    def __init__(self, root: etree._Element) -> None:
        self._root = root
        self._text: str | None = None
        self._clamped: dict[str, int] = {}
        self._seen: set[str] = set()
        self._judged: dict[etree._Element, bool] = {}

    def __contains__(self, element: etree._Element) -> bool:
        judged = self._judged.get(element)
        if judged is None:
            judged = self._judged[element] = self._copy(element)
        return judged

    def _copy(self, element: etree._Element) -> bool:
        if not _outer_clamped(element):
            return False
        start = _start(element)
        if len(start) < _MIN_PREVIEW_CHARS:
            return False
        if start in self._seen:
            return True
        self._seen.add(start)
        if self._text is None:
            self._text = self._root.text_content()
            for clamped in _CLAMPED_XPATH(self._root):
                if _outer_clamped(clamped):
                    key = _start(clamped)
                    self._clamped[key] = self._clamped.get(key, 0) + 1
        return self._text.count(start) > self._clamped.get(start, 0)
