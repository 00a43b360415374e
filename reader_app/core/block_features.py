"""Features of candidate blocks for the content/boilerplate model: what a block says, how it
looks (length, links, punctuation), where it sits in the page and in the DOM, what its
neighbours are, and what the hand-written declutter cues make of it."""

from __future__ import annotations

import math
import re
import zlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from lxml import etree

from . import clutter_cues as rules
from .clutter_cues import Draft
from .declutter import element_names

__all__ = ["FEATURE_NAMES", "DomIndex", "DomInfo", "block_key", "dom_index", "page_features"]

_WORDS = re.compile(r"\w+")
_PUNCT = re.compile(r"[.,;:!?]")
_NAME_SPLIT = re.compile(r"[^a-z0-9]+")

#: Elements whose text is looked up for a block (the page's text-bearing elements).
_LOOKUP_TAGS = (
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dd", "dt", "pre", "blockquote", "td",
    "th", "figcaption", "div", "span", "a",
)  # fmt: skip
_TAG_GROUPS = {
    "p": 0, "h1": 1, "h2": 1, "h3": 1, "h4": 1, "h5": 1, "h6": 1, "li": 2, "dd": 2, "dt": 2,
    "td": 3, "th": 3, "pre": 4, "blockquote": 4, "div": 5, "span": 6, "a": 6, "figcaption": 6,
}  # fmt: skip
_N_TAG_GROUPS = 7
#: Ancestors whose presence is a feature.
_CONTEXT_TAGS = ("header", "footer", "nav", "aside", "article", "main", "form", "table", "a")
_CONTENT_NAME = re.compile(r"article|content|post|entry|story|body|text|main|prose|blog")
_FURNITURE_NAME = re.compile(
    r"sidebar|widget|footer|header|nav|menu|meta|byline|author|date|time|tag|caption|card|"
    r"teaser|promo|share|social|comment|related|breadcrumb|banner|btn|button|label|badge"
)
_HASH_BUCKETS = 32
_ANCESTORS = 3

#: Frequent function words of English (the stop-word ratio separates prose from labels).
_STOP = frozenset(
    "a an the and or but of to in on at for with by from as is are was were be been it its "
    "this that these those he she they we you i his her their our your not no has have had "
    "will would can could should do does did if than then so which who what when where".split()
)


@dataclass(frozen=True)
class DomInfo:
    """Where a block's text sits in the page: its element, depth and names around it."""

    tag: str
    depth: int
    context: tuple[bool, ...]
    content_name: bool
    furniture_name: bool
    buckets: tuple[int, ...]


DomIndex = dict[str, DomInfo]


def block_key(text: str) -> str | None:
    """The lookup key of a text: its first words, lower-cased (None when too short)."""
    key = " ".join(_WORDS.findall(text[:160].lower()))[:60]
    return key if len(key) >= 8 else None


def dom_index(root: etree._Element) -> DomIndex:
    """The page's text-bearing elements by :func:`block_key` of their text (the innermost
    element wins, so a paragraph is found rather than the division around it)."""
    index: DomIndex = {}
    for element in root.iter(*_LOOKUP_TAGS):
        key = block_key(_leading_text(element))
        if key is not None:
            index[key] = _info(element)
    return index


def _leading_text(element: etree._Element, limit: int = 300) -> str:
    parts: list[str] = []
    size = 0
    for text in element.itertext():
        parts.append(text)
        size += len(text)
        if size >= limit:
            break
    return "".join(parts)


def _info(element: etree._Element) -> DomInfo:
    names: list[str] = []
    context = [False] * len(_CONTEXT_TAGS)
    depth = 0
    for n, ancestor in enumerate(element.iterancestors()):
        depth += 1
        tag = ancestor.tag
        if tag in _CONTEXT_TAGS:
            context[_CONTEXT_TAGS.index(tag)] = True
        if n < _ANCESTORS:
            names.append(element_names(ancestor))
    own = element_names(element)
    joined = " ".join([own, *names])
    buckets = sorted(
        {zlib.crc32(t.encode()) % _HASH_BUCKETS for t in _NAME_SPLIT.split(joined) if len(t) > 2}
    )
    return DomInfo(
        tag=str(element.tag),
        depth=depth,
        context=tuple(context),
        content_name=bool(_CONTENT_NAME.search(joined)),
        furniture_name=bool(_FURNITURE_NAME.search(joined)),
        buckets=tuple(buckets),
    )


_KINDS = ("heading", "paragraph", "list", "quote", "table", "code")

#: Per-block features (own); neighbours repeat a few of them.
_OWN = [
    *(f"kind_{k}" for k in _KINDS),
    "level", "log_chars", "log_words", "items", "item_words", "link_ratio", "punct_ratio",
    "ends_sentence", "sentences", "stop_ratio", "capital_ratio", "digit_ratio", "clutter_score",
    "furniture", "furniture_line", "meta_line", "calls", "vocabulary", "imperative", "you",
    "we", "narrative", "bio", "publisher", "credits", "byline", "reference", "fine_print",
    "link_list", "bare_url",
]  # fmt: skip
_NEIGHBOUR = ["kind_heading", "log_words", "link_ratio", "clutter_score", "stop_ratio"]
_POSITION = [
    "rel_index", "rel_chars_before", "before_first_long", "after_last_long", "from_start",
    "from_end", "last_third", "page_blocks", "page_log_words", "readability", "same_as_title",
]  # fmt: skip
_DOM = [
    "dom_found", "dom_depth", "dom_rel_depth", *(f"tag_{n}" for n in range(_N_TAG_GROUPS)),
    *(f"in_{t}" for t in _CONTEXT_TAGS), "content_name", "furniture_name",
    *(f"name_{n}" for n in range(_HASH_BUCKETS)),
]  # fmt: skip

#: Names of the columns of :func:`page_features`, in order.
FEATURE_NAMES: tuple[str, ...] = (
    *_OWN,
    *(f"prev_{f}" for f in _NEIGHBOUR),
    *(f"next_{f}" for f in _NEIGHBOUR),
    *(f"prev2_{f}" for f in _NEIGHBOUR),
    *(f"next2_{f}" for f in _NEIGHBOUR),
    *_POSITION,
    *_DOM,
)
_NEIGHBOUR_COLUMNS = [_OWN.index(f) for f in _NEIGHBOUR]


def _own(draft: Draft) -> list[float]:
    block = draft.block
    text = block.text
    low = text.lower()
    words = _WORDS.findall(low)
    n_words = len(words)
    chars = len(text)
    items = block.items
    short = chars <= 250
    return [
        *(float(block.kind == k) for k in _KINDS),
        float(block.level),
        math.log1p(chars),
        math.log1p(n_words),
        float(len(items)),
        (sum(len(i.split()) for i in items) / len(items)) if items else 0.0,
        draft.link_ratio,
        len(_PUNCT.findall(text)) / max(1, n_words),
        float(text.rstrip()[-1:] in '.!?:"”'),
        float(len(re.findall(r"[.!?](?:\s|$)", text))),
        sum(w in _STOP for w in words) / max(1, n_words),
        sum(1 for w in text.split() if w[:1].isupper()) / max(1, n_words),
        sum(c.isdigit() for c in text) / max(1, chars),
        rules.clutter_score(text, link_ratio=draft.link_ratio),
        float(chars <= 120 and bool(rules.FURNITURE.match(low))),
        float(short and bool(rules.FURNITURE_LINE.match(low))),
        float(chars <= 160 and rules.is_meta_line(low)),
        float(len(rules.CALLS.findall(low))) if n_words <= 80 else 0.0,
        float(len({m.lastgroup for m in rules.VOCABULARY.finditer(low)})) if short else 0.0,
        float(bool(rules.IMPERATIVE.match(low))),
        float(len(rules.YOU.findall(low))) / max(1.0, math.sqrt(n_words)),
        float(len(rules.WE.findall(low))) / max(1.0, math.sqrt(n_words)),
        float(bool(rules.NARRATIVE.search(low))),
        float(bool(rules.BIO.match(text))),
        float(bool(rules.PUBLISHER.match(text))),
        float(bool(rules.CREDITS.match(text))),
        float(bool(rules.BYLINE.match(text))),
        float(bool(rules.REFERENCE.match(text))),
        float(rules.is_fine_print(text)),
        float(rules.is_link_list(draft)),
        float(bool(rules.BARE_URL.match(text))),
    ]


def _dom(info: DomInfo | None, main_depth: float) -> list[float]:
    if info is None:
        return [0.0, -1.0, 0.0] + [0.0] * (len(_DOM) - 3)
    tags = [0.0] * _N_TAG_GROUPS
    tags[_TAG_GROUPS.get(info.tag, 5)] = 1.0
    buckets = [0.0] * _HASH_BUCKETS
    for b in info.buckets:
        buckets[b] = 1.0
    return [
        1.0,
        float(info.depth),
        info.depth - main_depth,
        *tags,
        *(float(c) for c in info.context),
        float(info.content_name),
        float(info.furniture_name),
        *buckets,
    ]


def page_features(
    drafts: Sequence[Draft], index: DomIndex, *, title: str = "", readability: bool = False
) -> list[list[float]]:
    """One row of :data:`FEATURE_NAMES` per draft (images included, as rows of their own)."""
    n = len(drafts)
    own = [_own(d) for d in drafts]
    words = [len(d.block.text.split()) for d in drafts]
    long_idx = [i for i, d in enumerate(drafts) if d.block.kind == "paragraph" and words[i] >= 30]
    first_long = long_idx[0] if long_idx else n
    last_long = long_idx[-1] if long_idx else -1
    infos = [_lookup(d, index) for d in drafts]
    depths = Counter(infos[i].depth for i in long_idx if infos[i] is not None)  # type: ignore[union-attr]
    main_depth = float(depths.most_common(1)[0][0]) if depths else 0.0
    total = max(1, sum(words))
    title_key = block_key(title) if title else None
    empty = [0.0] * len(_NEIGHBOUR)
    rows: list[list[float]] = []
    before = 0
    for i in range(n):
        neighbours: list[float] = []
        for j in (i - 1, i + 1, i - 2, i + 2):
            neighbours += [own[j][c] for c in _NEIGHBOUR_COLUMNS] if 0 <= j < n else empty
        position = [
            i / max(1, n - 1),
            before / total,
            float(i < first_long),
            float(i > last_long),
            float(min(i, 10)),
            float(min(n - 1 - i, 10)),
            float(i >= (2 * n) // 3),
            math.log1p(n),
            math.log1p(total),
            float(readability),
            float(title_key is not None and block_key(drafts[i].block.text) == title_key),
        ]
        rows.append(own[i] + neighbours + position + _dom(infos[i], main_depth))
        before += words[i]
    return rows


def _lookup(draft: Draft, index: DomIndex) -> DomInfo | None:
    block = draft.block
    text = block.items[0] if block.kind == "list" and block.items else block.text
    if block.kind == "table" and block.rows:
        text = block.rows[0][0] if block.rows[0] else text
    key = block_key(text)
    return index.get(key) if key else None
