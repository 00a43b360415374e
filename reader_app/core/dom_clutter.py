"""DOM cues of page furniture, used before extraction: elements whose names mark them
(:mod:`clutter_names`), hidden elements, and small boxes with buttons, forms or links whose
text reads as a call to action."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import cast

import lxml.html
from lxml import etree

from .clutter_names import (
    NAMED_TEXT_TAGS,
    element_names,
    named_clutter,
    named_clutter_in_discussion,
    named_consent,
    names_itself_clutter,
)
from .clutter_text import HINT, THRESHOLD, clutter_score
from .visibility import ClampedCopies, ShownLater, clamped_names, is_hidden, is_spoken_copy

#: Landmark roles (ARIA) of page furniture: navigation, a banner, a footer, a search box, a
#: menu bar, a sidebar.
FURNITURE_ROLES = frozenset(
    {"navigation", "banner", "contentinfo", "search", "complementary", "menubar"})
#: ... and of what a page shows on top of its text or runs through a box: a prompt that
#: asks something of the reader, a ticker of offers, a countdown.
_PAGE_ROLES = FURNITURE_ROLES | {"alertdialog", "marquee", "timer"}
#: Elements never removed by name: they are or hold the article, or sit inside a sentence.
PROTECTED_TAGS = frozenset(
    {"html", "body", "main", "article", "p", "a", "span", "b", "i", "em", "strong", "img",
     "time", "abbr", "sup", "sub", "small", "mark", "cite", "q", "code", "source", "picture",
     "svg", "h1", "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "td", "th"}
)  # fmt: skip

#: A named element holding more than this share of the page's text is the article itself.
_MAX_SHARE = 0.3

#: ... and so is one holding this many long, link-poor paragraphs.
_CONTENT_PARAGRAPHS = 3
_LONG_PARAGRAPH = 150

#: Hidden elements longer than this are kept when they may be shown (:class:`ShownLater`).
_MAX_HIDDEN_CHARS = 200

#: Boxes checked by text cues before extraction.
_BOX_TAGS = frozenset({"div", "section", "aside", "form", "footer", "header"})
_INTERACTIVE = frozenset({"button", "input", "select", "textarea", "form"})
_MAX_BOX_CHARS = 500


@dataclass(slots=True)
class _Stats:
    """Text length of an element's subtree, whether it holds links or controls, its
    parent's statistics, and whether the declutter removes it or judged a box around it."""

    parent: _Stats | None
    chars: int = 0
    links: bool = False
    interactive: bool = False
    gone: bool = False
    boxed: bool = False


def _subtree_stats(
    scope: etree._Element,
) -> tuple[dict[etree._Element, _Stats], list[etree._Element]]:
    """The elements of ``scope`` in document order with their subtree statistics, and its
    buttons (``<button>`` or ``role="button"``)."""
    stats: dict[etree._Element, _Stats] = {}
    buttons: list[etree._Element] = []
    parent_of = stats.get
    for element in scope.iter(etree.Element):  # a parent comes before its children
        stats[element] = _Stats(parent_of(element.getparent()))
    for element, own in reversed(stats.items()):
        text = element.text  # lxml makes a new string each time it is read
        chars = own.chars + len(text.strip()) if text else own.chars
        own.chars = chars
        tag = element.tag
        if tag == "a":
            own.links = True
        elif tag in _INTERACTIVE or element.get("role") == "button":
            own.interactive = True
            if tag == "button" or tag not in _INTERACTIVE:  # else a field or a form
                buttons.append(element)
        parent = own.parent
        if parent is not None:
            tail = element.tail
            parent.chars += chars + len(tail.strip()) if tail else chars
            if own.links:
                parent.links = True
            if own.interactive:
                parent.interactive = True
    return stats, buttons


def _holds_content(element: etree._Element) -> bool:
    """Whether ``element`` holds several long paragraphs that are not mostly links."""
    found = 0
    for p in element.iter("p"):
        text = p.text_content()
        if len(text) < _LONG_PARAGRAPH:
            continue
        links = sum(len(a.text_content()) for a in p.iter("a"))
        if links < 0.3 * len(text):
            found += 1
            if found >= _CONTENT_PARAGRAPHS:
                return True
    return False


#: Words from which a ``<noscript>`` may hold the page's text rather than a notice.
NOSCRIPT_WORDS = 50


def _words(element: etree._Element) -> int:
    return len(element.text_content().split())


def shut_noscripts(root: etree._Element) -> list[etree._Element]:
    """The page's ``<noscript>`` elements but those that hold most of its text (a forum's
    posts where a script draws them), which are opened: their content takes their place,
    as a browser without scripts shows it. A copy of text the page shows anyway stays
    shut."""
    noscripts = list(root.iter("noscript"))
    large = [n for n in noscripts if _words(n) >= NOSCRIPT_WORDS]
    if not large:
        return noscripts
    page_words = _words(root) - sum(_words(e) for e in root.iter("script", "style", "template"))
    opened = [n for n in large if 2 * _words(n) > page_words]
    for noscript in opened:
        cast(lxml.html.HtmlElement, noscript).drop_tag()
    return [n for n in noscripts if n not in opened]


def remove_keep_tail(element: etree._Element) -> None:
    """Remove ``element`` from its tree, keeping the text that follows it (its tail)."""
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail
    if tail:
        prev = element.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(element)


def prune_dom(root: etree._Element, discussion: bool = False) -> int:
    """Remove clutter containers from the parsed page ``root`` in place; return how many.

    An element goes when its names mark it as clutter or it is hidden and either short or
    never to be shown (no sentence, no tab's panel: :class:`ShownLater`) — unless it holds a
    large share of the page's text or several long paragraphs (then it wraps the article; a
    cookie consent manager never does) — or when it is a small box with a
    button, form or links whose text reads as a call to action. On a ``discussion`` page (a
    forum thread) comments are no clutter.
    """
    body = root.find(".//body")
    scope = body if body is not None else root
    stats, buttons = _subtree_stats(scope)
    total = max(1, stats[scope].chars)
    clutter_by_name = named_clutter_in_discussion if discussion else named_clutter
    doomed: list[etree._Element] = []
    pointers: set[etree._Element] = set()  # paragraphs that are an advertiser's link
    previews = ClampedCopies(scope)
    shown_later = ShownLater()
    for element, own in stats.items():  # in document order
        parent = own.parent
        if parent is not None:
            if parent.gone:
                own.gone = True
                continue
            own.boxed = parent.boxed
        tag = element.tag
        role = (element.get("role") or "").lower()
        if (tag == "span" and is_spoken_copy(element, own.chars)) or (
            role == "tooltip" and own.chars <= _MAX_SHARE * total
        ):  # a tooltip is shown only while pointed at
            doomed.append(element)
            own.gone = True
            continue
        if tag in PROTECTED_TAGS:
            if (
                (tag == "a" and _is_jump_link(element, own.chars))
                or (tag in NAMED_TEXT_TAGS and names_itself_clutter(element, own.chars))
                or (tag == "p" and own.links and _is_pointer_line(element, own.chars, pointers))
            ):
                doomed.append(element)
                own.gone = True
            continue
        chars = own.chars
        attributes = element.items()  # without any: no names, no hidden flag, no role
        if (attributes or tag == "button") and _is_control(element, chars):
            doomed.append(element)
            own.gone = True
            continue
        names = element_names(attributes) if attributes else ""
        if tag == "details":  # HTML's disclosure widget: so named, no sponsor's disclosure
            names = names.replace("disclosure", "")
        closed = tag == "dialog" and element.get("open") is None  # never shown as it is
        hidden = closed or bool(attributes and is_hidden(element))
        modal = hidden and _is_dialog(element, role)  # shown only over the page, on demand
        if (attributes or closed) and (
            (names and clutter_by_name(names))
            or (hidden and (chars <= _MAX_HIDDEN_CHARS or modal or not shown_later(element)))
            or element.get("popover") is not None  # shown only over the page, on demand
            or role in _PAGE_ROLES  # furniture by its role
            or (names and clamped_names(names) and element in previews)
        ):
            if modal or (chars <= _MAX_SHARE * total and (
                element in previews or not _holds_content(element)
            )) or _is_consent(element, names):
                doomed.append(element)
                own.gone = True
            continue
        if tag in _BOX_TAGS and 0 < chars <= _MAX_BOX_CHARS and not own.boxed:
            own.boxed = True
            if _is_call_to_action(element, own):
                doomed.append(element)
                own.gone = True
    doomed += _nag_boxes(buttons, stats)
    for element in doomed:
        remove_keep_tail(element)
    return len(doomed)


#: What a nag's button says to put it off: the box that holds one asks something of the
#: reader (an appeal for donations, a newsletter sign-up), whatever its names.
_PUT_OFF = re.compile(
    r"(?:maybe|remind me|ask me|i'?ll do it) later|not now|no,? thanks?|not interested", re.I
)
#: Longest text of a box taken for a nag around such a button.
_MAX_NAG_CHARS = 1200


def _nag_boxes(
    buttons: list[etree._Element], stats: dict[etree._Element, _Stats]
) -> list[etree._Element]:
    """The outermost boxes of up to :data:`_MAX_NAG_CHARS` characters around one of the
    ``buttons`` that puts them off ("Remind me later", "Not now"), holding no article and
    not yet removed."""
    boxes: list[etree._Element] = []
    for control in buttons:
        if stats[control].chars > _MAX_CONTROL_CHARS:
            continue
        if not _PUT_OFF.fullmatch(" ".join(control.text_content().split())):
            continue
        box = None
        for ancestor in control.iterancestors(*_BOX_TAGS):
            found = stats.get(ancestor)
            if found is None or found.gone:  # outside the scope, or already going
                box = None
                break
            if found.chars > _MAX_NAG_CHARS:
                break
            box = ancestor
        if box is not None and not _holds_content(box):
            stats[box].gone = True
            boxes.append(box)
    return boxes


def _is_dialog(element: etree._Element, role: str) -> bool:
    """Whether ``element`` (of ARIA ``role``) is a dialog (``<dialog>``, ``role="dialog"``,
    a modal): a page shows one over itself when asked to, never as its text."""
    return (element.tag == "dialog" or role in ("dialog", "alertdialog")
            or element.get("aria-modal") == "true")


#: Longest text of a button taken for a control ("Support us", "Remind me later").
_MAX_CONTROL_CHARS = 30


def _is_control(element: etree._Element, chars: int) -> bool:
    """Whether ``element`` is a short button: a control, never article text (an accordion's
    button around a heading is the heading of its section)."""
    return (
        (element.tag == "button" or element.get("role") == "button")
        and chars <= _MAX_CONTROL_CHARS
        and next(element.iter("p", "h1", "h2", "h3", "h4", "h5", "h6"), None) is None
    )


#: What a link to another place on the same page says when it only moves the reader there:
#: "Skip to main content", "JUMP TO THE LIST ⤵", "Jump to Review", "Back to top", a map
#: card's "View in list".
_JUMP = re.compile(
    r"\W*(?:(?:jump|skip|go|scroll|back) to\b|"
    r"(?:view|see|show) (?:it )?(?:in|on) (?:the )?(?:list|map)\W*$)",
    re.I,
)
_MAX_JUMP_CHARS = 60


def _is_jump_link(element: etree._Element, chars: int) -> bool:
    """Whether a link only moves the reader to another place on the page: a reading view
    has no use for it."""
    return (
        chars <= _MAX_JUMP_CHARS
        and (element.get("href") or "").startswith("#")
        and _JUMP.match(element.text_content()) is not None
    )


#: A link whose address carries a campaign's tracking or an affiliate's tag.
_TRACKED = re.compile(r"[?&](?:utm_(?:source|medium|campaign)|tag)=", re.I)
_MAX_LINK_LINE_CHARS = 120


def _is_pointer_line(
    element: etree._Element, chars: int, pointers: set[etree._Element]
) -> bool:
    """Whether a paragraph is one link and nothing else that points the reader to an
    advertiser: a tracked link ("Compare new car deals with leasing.com"), or a link to
    another site right after such a line ("Compare used car deals with DrivenBuy.co.uk").
    Such paragraphs are added to ``pointers``."""
    if chars > _MAX_LINK_LINE_CHARS:
        return False
    links = list(element.iter("a"))
    if len(links) != 1 or len(links[0].text_content().strip()) != len(
        element.text_content().strip()
    ):
        return False
    href = links[0].get("href") or ""
    if _TRACKED.search(href) or (
        element.getprevious() in pointers and href.startswith(("http://", "https://"))
    ):
        pointers.add(element)
        return True
    return False


def _is_consent(element: etree._Element, names: str) -> bool:
    """Whether ``element`` is a cookie consent manager: named as one, and its text speaks of
    cookies (an article on informed consent in a box of that name does not)."""
    return bool(names and named_consent(names)) and "cookie" in (
        element.text_content().lower()
    )


def _is_call_to_action(element: etree._Element, stats: _Stats) -> bool:
    """Whether a small box with a button, form or links reads as a call to action."""
    if not (stats.interactive or stats.links):
        return False
    text = " ".join(t for t in map(str.strip, element.itertext()) if t)
    if not HINT.search(text):
        return False
    link_chars = sum(len(a.text_content().strip()) for a in element.iter("a"))
    score = clutter_score(text, link_ratio=link_chars / max(1, len(text)))
    return score >= THRESHOLD + (0.0 if stats.interactive else 1.0)
