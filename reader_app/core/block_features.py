"""Features of a page's candidate blocks for the learned declutter: what a block says, how it
looks (length, links, punctuation), where it sits in the page and in the DOM, what its
neighbours are, and what the hand-written cues (:mod:`~reader_app.core.clutter_cues`) make
of it."""

from __future__ import annotations

import math
import re
import zlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from lxml import etree

from . import clutter_cues as rules
from .clutter_cues import Draft, Stats, element_names, find_clutter
from .segment import Candidate, segment

__all__ = ["FEATURE_NAMES", "block_key", "page_candidates", "page_features"]

_WORDS = re.compile(r"\w+")
_PUNCT = re.compile(r"[.,;:!?]")
_NAME_SPLIT = re.compile(r"[^a-z0-9]+")

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
    {
        "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "by",
        "from", "as", "is", "are", "was", "were", "be", "been", "it", "its", "this", "that",
        "these", "those", "he", "she", "they", "we", "you", "i", "his", "her", "their", "our",
        "your", "not", "no", "has", "have", "had", "will", "would", "can", "could", "should", "do",
        "does", "did", "if", "than", "then", "so", "which", "who", "what", "when", "where",
    }
)  # fmt: skip


@dataclass(frozen=True)
class DomInfo:
    """Where a block sits in the page: its element, depth and the names around it."""

    tag: str
    depth: int
    context: tuple[bool, ...]
    content_name: bool
    furniture_name: bool
    buckets: tuple[int, ...]


def block_key(text: str) -> str | None:
    """The lookup key of a text: its first words, lower-cased (None when too short)."""
    key = " ".join(_WORDS.findall(text[:300].lower()))[:60]
    return key if len(key) >= 8 else None


def _info(element: etree._Element, known: dict[etree._Element, str]) -> DomInfo:
    names: list[str] = []
    context = [False] * len(_CONTEXT_TAGS)
    depth = 0
    for n, ancestor in enumerate(element.iterancestors()):
        depth += 1
        tag = ancestor.tag
        if tag in _CONTEXT_TAGS:
            context[_CONTEXT_TAGS.index(tag)] = True
        if n < _ANCESTORS:
            names.append(_names(ancestor, known))
    own = _names(element, known)
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


def _names(element: etree._Element, known: dict[etree._Element, str]) -> str:
    found = known.get(element)
    if found is None:
        found = known[element] = element_names(element)
    return found


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
    "from_end", "last_third", "page_blocks", "page_log_words", "same_as_title", "repeats",
    "names_author",
]  # fmt: skip
_DOM = [
    "pruned", "near_controls", "box_clutter", "box_blocks", "before_h1",
    "dom_depth", "dom_rel_depth",
    *(f"tag_{n}" for n in range(_N_TAG_GROUPS)),
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
_CLUTTER_COLUMN = _OWN.index("clutter_score")


#: Ratios are read from the first characters of a block; the clutter cues only from blocks
#: this short (longer blocks are never furniture lines or calls to action).
_SAMPLE = 600
_CUE_CHARS = 400
_CAPITAL = re.compile(r"(?<!\S)[A-Z]")
_DIGIT = re.compile(r"\d")
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")


def _own(draft: Draft) -> list[float]:
    block = draft.block
    text = block.text
    chars = len(text)
    sample = text[:_SAMPLE]
    low = sample.lower()
    words = _WORDS.findall(low)
    n_words = max(1, len(words))
    items = block.items
    return [
        *(float(block.kind == k) for k in _KINDS),
        float(block.level),
        math.log1p(chars),
        math.log1p(len(text.split())),
        float(len(items)),
        (sum(len(i.split()) for i in items) / len(items)) if items else 0.0,
        draft.link_ratio,
        len(_PUNCT.findall(sample)) / n_words,
        float(text.rstrip()[-1:] in '.!?:"”'),
        float(len(_SENTENCE_END.findall(sample))),
        sum(w in _STOP for w in words) / n_words,
        len(_CAPITAL.findall(sample)) / n_words,
        len(_DIGIT.findall(sample)) / max(1, len(sample)),
        *(_cues(draft, text, low) if chars <= _CUE_CHARS else _NO_CUES),
    ]


_N_CUES = 18
_NO_CUES = [0.0] * _N_CUES


def _cues(draft: Draft, text: str, low: str) -> list[float]:
    """What the hand-written declutter cues make of a short block."""
    chars = len(text)
    n_words = max(1, len(_WORDS.findall(low)))
    return [
        rules.clutter_score(text, link_ratio=draft.link_ratio),
        float(chars <= 120 and bool(rules.FURNITURE.match(low))),
        float(chars <= 250 and bool(rules.FURNITURE_LINE.match(low))),
        float(chars <= 160 and rules.is_meta_line(low)),
        float(len(rules.CALLS.findall(low))),
        float(len({m.lastgroup for m in rules.VOCABULARY.finditer(low)})),
        float(bool(rules.IMPERATIVE.match(low))),
        float(len(rules.YOU.findall(low))) / math.sqrt(n_words),
        float(len(rules.WE.findall(low))) / math.sqrt(n_words),
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


def _dom(info: DomInfo, main_depth: float) -> list[float]:
    tags = [0.0] * _N_TAG_GROUPS
    tags[_TAG_GROUPS.get(info.tag, 5)] = 1.0
    buckets = [0.0] * _HASH_BUCKETS
    for b in info.buckets:
        buckets[b] = 1.0
    return [
        float(info.depth),
        info.depth - main_depth,
        *tags,
        *(float(c) for c in info.context),
        float(info.content_name),
        float(info.furniture_name),
        *buckets,
    ]


def page_features(
    candidates: Sequence[Candidate],
    pruned: Sequence[bool],
    controls: Sequence[bool],
    boxes: Sequence[etree._Element | None],
    *,
    title: str = "",
    author: str = "",
) -> list[list[float]]:
    """One row of :data:`FEATURE_NAMES` per candidate; ``pruned`` says which ones sit in a
    container named or shaped as clutter, ``controls`` which ones share a small box with
    buttons or a form, ``boxes`` the small container of each (the highest clutter score in a
    box and its size are features); the article's ``title`` and ``author`` mark lines that
    repeat them."""
    drafts = [c.draft for c in candidates]
    n = len(drafts)
    own = [_own(d) for d in drafts]
    words = [len(d.block.text.split()) if d.block.kind != "image" else 0 for d in drafts]
    long_idx = [i for i, d in enumerate(drafts) if d.block.kind == "paragraph" and words[i] >= 30]
    first_long = long_idx[0] if long_idx else n
    last_long = long_idx[-1] if long_idx else -1
    known: dict[etree._Element, str] = {}
    infos = [_info(c.element, known) for c in candidates]
    depths = Counter(infos[i].depth for i in long_idx)
    main_depth = float(depths.most_common(1)[0][0]) if depths else 0.0
    total = max(1, sum(words))
    title_key = block_key(title) if title else None
    author_words = set(_WORDS.findall(author.lower()))
    texts = Counter(d.block.text for d in drafts)
    box_score: dict[etree._Element, float] = {}
    box_blocks: Counter[etree._Element] = Counter()
    for box, row in zip(boxes, own, strict=True):
        if box is not None:
            box_score[box] = max(box_score.get(box, 0.0), row[_CLUTTER_COLUMN])
            box_blocks[box] += 1
    h1 = next((i for i, c in enumerate(candidates) if c.element.tag == "h1"), -1)
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
            float(title_key is not None and block_key(drafts[i].block.text) == title_key),
            math.log(texts[drafts[i].block.text]),
            _names_author(drafts[i].block.text, author_words),
        ]
        dom = [
            float(pruned[i]),
            float(controls[i]),
            box_score.get(boxes[i], 0.0) if boxes[i] is not None else 0.0,
            float(box_blocks[boxes[i]]) if boxes[i] is not None else 0.0,
            float(i < h1),
            *_dom(infos[i], main_depth),
        ]
        rows.append(own[i] + neighbours + position + dom)
        before += words[i]
    return rows


def _names_author(text: str, author_words: set[str]) -> float:
    """Whether a short line names the page's author (a byline left in the text)."""
    if not author_words or len(text) > 120:
        return 0.0
    words = set(_WORDS.findall(text.lower()))
    return float(author_words <= words)


def page_candidates(
    root: etree._Element, *, title: str = "", author: str = ""
) -> tuple[list[Candidate], list[list[float]]]:
    """The candidate blocks of the parsed page ``root`` (code elements removed) and their
    rows of :data:`FEATURE_NAMES`; ``title`` and ``author`` are the article's."""
    found, stats = find_clutter(root)
    doomed = set(found)
    body = root.find(".//body")
    candidates = segment(body if body is not None else root)
    pruned = [_inside(c.element, doomed) for c in candidates]
    controls = [_near_controls(c.element, stats) for c in candidates]
    boxes = [_box(c.element, stats) for c in candidates]
    rows = page_features(candidates, pruned, controls, boxes, title=title, author=author)
    return candidates, rows


def _inside(element: etree._Element, doomed: set[etree._Element]) -> bool:
    if not doomed:
        return False
    return element in doomed or any(a in doomed for a in element.iterancestors())


#: A candidate shares a box with buttons or a form when one of its nearest ancestors holds
#: both, and at most this much text.
_CONTROL_BOX_CHARS = 1000


def _near_controls(element: etree._Element, stats: dict[etree._Element, Stats]) -> bool:
    for n, ancestor in enumerate((element, *element.iterancestors())):
        if n > 3:
            break
        found = stats.get(ancestor)
        if found is not None and found.interactive and found.chars <= _CONTROL_BOX_CHARS:
            return True
    return False


#: A candidate's box: its outermost ancestor (of the nearest four) with at most this much text.
_BOX_CHARS = 1200


def _box(element: etree._Element, stats: dict[etree._Element, Stats]) -> etree._Element | None:
    box = None
    for n, ancestor in enumerate((element, *element.iterancestors())):
        found = stats.get(ancestor)
        if n > 4 or found is None or found.chars > _BOX_CHARS:
            break
        box = ancestor
    return box
