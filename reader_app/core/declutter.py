"""Declutter: remove page furniture that survives article extraction.

Two kinds of cues work together, so that pages with hashed class names are handled too:

* DOM cues (:func:`prune_dom`, before extraction): class/id/role/aria/data-* names of
  promo, paywall, donation, newsletter, share, cookie, comment, related-story and ad
  containers, hidden elements, and small interactive boxes whose text reads as a call to
  action.
* Text cues (:func:`clutter_score`, :func:`declutter_blocks`, after extraction): a scored
  classifier of short blocks — imperative calls to action, subscription/account/donation/
  cookie vocabulary, second-person address, shortness and link density — weighted by the
  block's position around the main text.

Long, third-person, narrative blocks in the middle of the text are content even when they
talk about subscriptions or donations.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from lxml import etree

from .model import Block

# --- DOM cues ---------------------------------------------------------------------------

#: Name fragments (matched inside class/id/role/aria-label/data-* values) of clutter boxes.
_CLUTTER_NAME = re.compile(
    r"cookie|consent|gdpr|newsletter|subscri(?:be|ption)|paywall|premium-?promo|"
    r"donat(?:e|ion)|support-?us|contribut(?:e|ion)(?!or)|"
    r"share|sharing|social|follow-?us|related|recommend|read-?more|more-?stories|"
    r"most-?(?:read|popular|viewed)|trending|outbrain|taboola|"
    r"comment|disqus|login|log-?in|sign-?in|sign-?up|signup|register|registration|"
    r"notification|push-?prompt|alert-?prompt|promo|upsell|"
    r"author-?bio|about-?(?:the-?)?author|advert|sponsor|"
    r"modal|popup|pop-?up|toolbar|breadcrumb|skip-?link|"
    r"inline-?cta|cta-|-cta|call-?to-?action|banner-?ad|ad-?(?:slot|unit|container|wrapper|label)",
)

#: Whole tokens (class names split on non-letters) that mark ads and calls to action.
_CLUTTER_TOKENS = frozenset({"ad", "ads", "adv", "advert", "advertisement", "cta", "dfp", "gpt"})

#: Attributes whose values carry names.
_NAME_ATTRS = ("class", "id", "role", "aria-label", "data-component", "data-testid", "data-module")

#: Elements never removed by name (they are or hold the article, or sit inside a sentence).
_PROTECTED_TAGS = frozenset(
    {
        "html",
        "body",
        "main",
        "article",
        "a",
        "span",
        "b",
        "i",
        "em",
        "strong",
        "img",
        "time",
        "abbr",
        "sup",
        "sub",
        "small",
        "mark",
        "cite",
        "q",
        "code",
        "source",
        "picture",
        "svg",
    }
)

#: A named element holding more than this share of the page's text is the article itself.
_MAX_SHARE = 0.35

_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_TOKEN_SPLIT = re.compile(r"[^a-z0-9]+")

#: Boxes checked by text cues before extraction.
_BOX_TAGS = ("div", "section", "aside", "form", "figure", "li", "footer", "header")
_INTERACTIVE = "button|input|select|textarea|form"
_MAX_BOX_CHARS = 600


def _names(element: etree._Element) -> str:
    values = [element.get(attr) for attr in _NAME_ATTRS]
    values += [v for k, v in element.attrib.items() if k.startswith("data-") and len(v) < 60]
    return " ".join(v for v in values if v).lower()


def _named_clutter(names: str) -> bool:
    if not names:
        return False
    if _CLUTTER_NAME.search(names):
        return True
    return any(token in _CLUTTER_TOKENS for token in _TOKEN_SPLIT.split(names))


def _text_len(element: etree._Element) -> int:
    return sum(len(t.strip()) for t in element.itertext())


def _drop(element: etree._Element) -> None:
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail
    if tail and tail.strip():
        prev = element.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(element)


def prune_dom(root: etree._Element) -> int:
    """Remove clutter containers from the parsed page ``root`` in place; return how many.

    An element goes when it is hidden, or when its names mark it as clutter, or when it is a
    small box with a button, form or links whose text reads as a call to action — unless it
    holds a large share of the page's text (then it wraps the article).
    """
    body = root.find(".//body")
    scope = body if body is not None else root
    total = max(1, _text_len(scope))
    doomed: list[etree._Element] = []
    for element in scope.iter("*"):
        tag = element.tag
        if not isinstance(tag, str) or tag in _PROTECTED_TAGS:
            continue
        if _is_hidden(element) or _named_clutter(_names(element)):
            if _text_len(element) <= _MAX_SHARE * total or tag in ("nav", "form", "button"):
                doomed.append(element)
            continue
    for element in doomed:
        _drop(element)
    removed = len(doomed)
    removed += _prune_boxes(scope)
    return removed


def _is_hidden(element: etree._Element) -> bool:
    if element.get("hidden") is not None or element.get("aria-hidden") == "true":
        return element.tag not in ("img", "svg", "picture", "span", "i")
    style = element.get("style")
    return bool(style and _HIDDEN_STYLE.search(style))


def _prune_boxes(scope: etree._Element) -> int:
    """Drop small interactive boxes whose own text scores as a call to action."""
    doomed: list[etree._Element] = []
    for element in scope.iter(*_BOX_TAGS):
        if any(element is d or _is_ancestor(d, element) for d in doomed[-3:]):
            continue
        text = " ".join(t.strip() for t in element.itertext() if t.strip())
        if not text or len(text) > _MAX_BOX_CHARS:
            continue
        interactive = element.tag == "form" or bool(element.xpath(f".//*[self::{_sel()}]"))
        links = element.xpath(".//a")
        if not interactive and not links:
            continue
        link_chars = sum(len((a.text_content() or "").strip()) for a in links)
        score = clutter_score(text, link_ratio=link_chars / max(1, len(text)))
        if interactive:
            score += 1.0
        if score >= _THRESHOLD:
            doomed.append(element)
    for element in doomed:
        _drop(element)
    return len(doomed)


def _sel() -> str:
    return " or self::".join(_INTERACTIVE.split("|"))


def _is_ancestor(candidate: etree._Element, element: etree._Element) -> bool:
    parent = element.getparent()
    while parent is not None:
        if parent is candidate:
            return True
        parent = parent.getparent()
    return False


# --- Text cues --------------------------------------------------------------------------

_THRESHOLD = 4.0

#: Vocabulary of the things clutter sells or asks for, grouped so each group counts once.
_VOCABULARY = tuple(
    re.compile(pattern, re.I)
    for pattern in (
        r"\bsubscri(?:be|bed|ber|bers|bing|ption|ptions)\b|\bpremium\b|\bpaywall\b|"
        r"\bunlimited (?:access|articles|reading)\b|\bfree trial\b|\bad-free\b|"
        r"\bper (?:month|week)\b",
        r"\bnewsletters?\b|\binbox\b|\bemail (?:address|updates|alerts)\b|\bdaily briefing\b",
        r"\bdonat(?:e|ion|ions|ing)\b|\bcontribut(?:e|ion)\b|\bsupport (?:us|our|independent)\b|"
        r"\bfund(?:s|ed|ing)? our\b|\bour journalism\b|\bindependent journalism\b",
        r"\b(?:log|sign)(?:ged)? ?(?:in|up|out)\b|\baccount\b|\bregister(?:ed)?\b|\bpassword\b|"
        r"\bmembers?(?:hip)?\b",
        r"\bcookies?\b|\bconsent\b|\bprivacy (?:policy|settings|notice)\b|\bmanage preferences\b",
        r"\bnotifications?\b|\balerts?\b|\bpush\b|\bbrowser\b|\brefresh\b|\breload\b|"
        r"\benable javascript\b|\bad ?blocker\b",
        r"\bcomments?\b|\bconversations?\b|\bcommunity (?:guidelines|rules)\b|\bjoin the debate\b",
        r"\bshare (?:this|on|via)\b|\bfacebook\b|\btwitter\b|\bwhatsapp\b|\blinkedin\b|"
        r"\bpinterest\b|\bcopy link\b|\bfollow us\b",
        r"\bread more\b|\brelated (?:stories|articles|content|reading)\b|\bmore (?:stories|from)\b|"
        r"\brecommended\b|\bmost (?:read|popular|viewed)\b|\bdon'?t miss\b|\bbookmark",
        r"\badvert(?:isement|ising)?\b|\bsponsored\b|\bpartner content\b|\baffiliate\b|"
        r"\bearn (?:a )?commission\b",
        r"\bdownload (?:the|our) app\b|\bour app\b|\bapp store\b|\bgoogle play\b",
    )
)

_CTA = re.compile(
    r"^\W*(?:subscribe|sign|log|register|donate|support|join|follow|share|download|get|"
    r"start|try|click|tap|read|continue|allow|accept|enable|turn on|bookmark|unlock|become|"
    r"give|contribute|upgrade|create|refresh|reload|listen|watch|discover|explore|find out|"
    r"learn more|don'?t miss|never miss|stay|sign up|want|already|make|help|choose|save|"
    r"claim|enjoy|receive|see|view|go to|visit|manage|update|please)\b",
    re.I,
)
_YOU = re.compile(r"\b(?:you|your|yours|you're|you've|you'll)\b", re.I)
_WE = re.compile(r"\b(?:we|our|us|we're)\b", re.I)
_NARRATIVE = re.compile(
    r"\b(?:said|says|told|according to|announced|reported|added|explained)\b|[\"“”]", re.I
)

#: Whole lines that are page furniture whatever their surroundings.
_FURNITURE = re.compile(
    r"^\W*(?:advertisement|advert|ad|sponsored(?: content)?|"
    r"story continues below(?: advertisement)?|"
    r"(?:advertisement\W+)?continue reading below|skip to (?:main )?content|"
    r"share(?: this)?(?: article| story| page)?|copy link|link copied|print|email|"
    r"listen to (?:this )?article|read more|show more|load more|see more|"
    r"(?:image|photo|picture|video)(?: credit)?s?\s*[:\-].{0,60}|"
    r"(?:getty images|reuters|ap|afp|pa(?: media)?|shutterstock|alamy)(?:\s*/\s*\w+)?|"
    r"©.{0,80}|\(opens in new (?:tab|window)\)|(?:facebook|twitter|x|whatsapp|linkedin|"
    r"reddit|pinterest|email|messenger)(?:\s+(?:facebook|twitter|x|whatsapp|linkedin|reddit|"
    r"pinterest|email|messenger))*)\W*$",
    re.I,
)
_WORD = re.compile(r"\w+", re.UNICODE)


def clutter_score(text: str, *, link_ratio: float = 0.0) -> float:
    """How much ``text`` reads like page furniture (≥ 4 means clutter).

    Short blocks that ask the reader to subscribe, donate, sign in, allow notifications,
    comment, share or accept cookies score high; long third-person narrative scores low.
    """
    stripped = text.strip()
    if not stripped:
        return 0.0
    if len(stripped) <= 120 and _FURNITURE.match(stripped):
        return 10.0
    words = len(_WORD.findall(stripped))
    groups = sum(1 for pattern in _VOCABULARY if pattern.search(stripped))
    score = 2.0 * groups
    if groups and _CTA.match(stripped):
        score += 1.5
    you = len(_YOU.findall(stripped))
    score += min(2.0, 1.0 * you)
    if groups:
        score += min(1.0, 0.5 * len(_WE.findall(stripped)))
    if words <= 12:
        score += 1.0
    elif words <= 30:
        score += 0.5
    elif words > 60:
        score -= 2.0 + (words - 60) / 20
    if _NARRATIVE.search(stripped):
        score -= 2.5
    if link_ratio > 0.6:
        score += 2.0
    elif link_ratio > 0.3:
        score += 1.0
    return score


@dataclass(frozen=True)
class Draft:
    """A block with the cues declutter needs: the share of its text inside links."""

    block: Block
    link_ratio: float = 0.0


_SKIP_KINDS = frozenset({"image", "table", "code"})


def declutter_blocks(drafts: Sequence[Draft]) -> list[Block]:
    """Keep the content blocks of ``drafts``, dropping those that score as clutter.

    Blocks at the edges (before the first or after the last long paragraph) need a lower
    score to go; a heading or short line that introduces a dropped block goes with it.
    """
    n = len(drafts)
    long_idx = [
        i
        for i, d in enumerate(drafts)
        if d.block.kind == "paragraph" and len(_WORD.findall(d.block.text)) >= 40
    ]
    first_long = long_idx[0] if long_idx else n
    last_long = long_idx[-1] if long_idx else -1
    drop = [False] * n
    scores = [0.0] * n
    for i, draft in enumerate(drafts):
        block = draft.block
        if block.kind in _SKIP_KINDS:
            continue
        score = clutter_score(block.text, link_ratio=draft.link_ratio)
        if block.kind == "list" and draft.link_ratio > 0.6:
            score += 1.0
        at_edge = i < first_long or i > last_long
        scores[i] = score
        drop[i] = score >= (_THRESHOLD - 1.0 if at_edge else _THRESHOLD)
    for i in range(n - 2, -1, -1):
        block = drafts[i].block
        if (
            not drop[i]
            and drop[i + 1]
            and block.kind in ("heading", "paragraph")
            and len(_WORD.findall(block.text)) <= 12
            and scores[i] >= 1.0
        ):
            drop[i] = True
    return [d.block for d, gone in zip(drafts, drop, strict=True) if not gone]
