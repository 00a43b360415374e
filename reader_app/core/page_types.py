"""What kind of page this is, as far as its main text goes: an article (the extractors'
choice stands) or a page whose main text is the page itself (a grid of products, a listing,
a service page), read from cheap signals of the page and of the extractors' result, and
where those leave it open from the length of the page's own text, by two small logistic
models trained on WCXB's development pages (``train_page_types.py``)."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any
from urllib.parse import urlsplit

from lxml import etree

from .clutter_text import FURNITURE
from .declutter import Draft
from .dom_clutter import FURNITURE_ROLES
from .html_blocks import walk_html
from .inline import with_spans
from .model import Block

#: Read in the page's JSON-LD and ``og:type`` meta tag, as written in the HTML (they are
#: gone from the parsed tree by the time the signals are read).
_TYPE = re.compile(r'"@type"\s*:\s*\[?\s*"([^"]*)"')
_LD_TYPES = {
    "ld_article": {"Article", "NewsArticle", "BlogArticle", "ScholarlyArticle", "TechArticle",
                   "BlogPosting"},
    "ld_product": {"Product", "Offer", "AggregateOffer"},
    "ld_list": {"ItemList", "CollectionPage", "SearchResultsPage"},
    "ld_forum": {"DiscussionForumPosting", "QAPage", "Question"},
    "ld_service": {"Service", "LocalBusiness", "FAQPage", "WebPage"},
}
_OG_TYPES = {
    "og_article": re.compile(r'og:type"[^>]{0,40}"article"|"article"[^>]{0,40}og:type"'),
    "og_product": re.compile(r'og:type"[^>]{0,40}"product|"product[^"]*"[^>]{0,40}og:type"'),
}
#: Characters of the page's JSON-LD read at most (per script) and around ``og:type``.
_LD_CHARS = 20_000
_META_CHARS = 120
_URL_WORDS = {
    "url_shop": re.compile(r"/(?:products?|shop|store|item|p|dp|collections?)/", re.I),
    "url_list": re.compile(
        r"/(?:categor(?:y|ies)|tags?|topics?|search|list|browse|archive)", re.I
    ),
    "url_forum": re.compile(
        r"/(?:forums?|threads?|t|questions|discussions?|community|topic)/", re.I
    ),
    "url_docs": re.compile(r"/(?:docs?|documentation|api|reference|manual|guide|help)/", re.I),
    "url_date": re.compile(r"/(?:19|20)\d\d/"),
}
#: Elements counted in the page as parsed.
_COUNTED = ("a", "p", "li", "form", "table", "h2", "img")

FEATURES: tuple[str, ...] = (
    *_LD_TYPES, *_OG_TYPES, "prices", *_URL_WORDS, "url_depth", "slug_words", "url_query",
    *(f"n_{tag}" for tag in _COUNTED), "page_chars",
    "out_chars", "out_blocks", "out_lists", "out_headings", "out_share", "out_mean_block",
    "links_per_word",
)


def page_signals(root: etree._Element, html: str, url: str | None) -> dict[str, float]:
    """Cheap signals of the page (before the declutter), by their names in
    :data:`FEATURES`; counts are taken as ``log(1 + n)``."""
    json_ld, og_type = _type_cues(html)
    types = _TYPE.findall(json_ld)
    signals = {name: math.log1p(sum(t in names for t in types))
               for name, names in _LD_TYPES.items()}
    for name, cue in _OG_TYPES.items():
        signals[name] = math.log1p(len(cue.findall(og_type)))
    text = str(root.xpath("string(//body)"))
    signals["prices"] = math.log1p(sum(text.count(sign) for sign in "$€£"))
    path = urlsplit(url or "").path
    for name, cue in _URL_WORDS.items():
        signals[name] = float(bool(cue.search(path)))
    parts = [p for p in path.split("/") if p]
    signals["url_depth"] = float(len(parts))
    signals["slug_words"] = float(len(re.split(r"[-_]", parts[-1]))) if parts else 0.0
    signals["url_query"] = float(bool(urlsplit(url or "").query))
    counts = dict.fromkeys(_COUNTED, 0)
    for element in root.iter(*_COUNTED):
        counts[element.tag] += 1
    for tag, count in counts.items():
        signals[f"n_{tag}"] = math.log1p(count)
    signals["page_chars"] = math.log1p(len(text))
    return signals


#: JSON-LD types of a discussion ("Question" alone is also the FAQ markup of articles).
_DISCUSSION_TYPES = frozenset({"DiscussionForumPosting", "QAPage"})


#: Addresses of threads beyond the router's forum words ("/r/science/comments/1rku5x9/...").
_THREAD_PATH = re.compile(r"/comments/\w+/|/(?:showthread|viewtopic)\.php")


def discussion_page(html: str, url: str | None) -> bool:
    """Whether the page is a discussion — a forum thread, a question and its answers — by
    its address (a forum, thread, topic or question path) or the types its JSON-LD
    declares: its comments are then its main text."""
    path = urlsplit(url or "").path
    if _URL_WORDS["url_forum"].search(path) or _THREAD_PATH.search(path):
        return True
    return not _DISCUSSION_TYPES.isdisjoint(_TYPE.findall(_type_cues(html)[0]))


def shop_page(signals: Mapping[str, float] | None) -> bool:
    """Whether the page declares a product or an offer (JSON-LD, ``og:type``), by its
    :func:`page_signals`."""
    return bool(signals and (signals["ld_product"] or signals["og_product"]))


def _type_cues(html: str) -> tuple[str, str]:
    """The page's JSON-LD scripts and the surroundings of its ``og:type``, found with plain
    substring scans (a regular expression over the whole page costs milliseconds)."""
    pieces = []
    start = html.find("application/ld+json")
    while start >= 0:
        end = html.find("</script", start)
        end = len(html) if end < 0 else end
        pieces.append(html[start : min(end, start + _LD_CHARS)])
        start = html.find("application/ld+json", end)
    at = html.find("og:type")
    around = html[max(0, at - _META_CHARS) : at + _META_CHARS] if at >= 0 else ""
    return "\n".join(pieces), around


def output_signals(signals: Mapping[str, float], blocks: Sequence[Block]) -> dict[str, float]:
    """``signals`` with those of the extractors' result (its blocks after the declutter)."""
    chars = body_chars(blocks)
    words = sum(len(b.text.split()) for b in blocks if b.kind != "image")
    found = dict(signals)
    found["out_chars"] = math.log1p(chars)
    found["out_blocks"] = math.log1p(len(blocks))
    found["out_lists"] = math.log1p(sum(b.kind == "list" for b in blocks))
    found["out_headings"] = math.log1p(sum(b.kind == "heading" for b in blocks))
    found["out_share"] = found["out_chars"] - signals["page_chars"]
    found["out_mean_block"] = math.log1p(chars / max(1, len(blocks)))
    found["links_per_word"] = signals["n_a"] - math.log1p(words)
    return found


#: The second look's signal: how much longer the page's own text is than the extractors'.
OWN_FEATURES: tuple[str, ...] = (*FEATURES, "own_share")


def with_own_share(
    signals: Mapping[str, float], own: Sequence[Block], blocks: Sequence[Block]
) -> dict[str, float]:
    """``signals`` (with :func:`output_signals`) with the length of the page's ``own`` text
    against the extractors' ``blocks``, as ``log(1 + n)`` of their characters."""
    found = dict(signals)
    found["own_share"] = math.log1p(body_chars(own)) - math.log1p(body_chars(blocks))
    return found


def body_chars(blocks: Sequence[Block]) -> int:
    """The characters of the blocks' text, pictures aside."""
    return sum(len(b.text) for b in blocks if b.kind != "image")


@dataclass(frozen=True)
class Router:
    """A logistic model over standardised ``features``: the page's own text is read when
    the probability reaches ``threshold``."""

    features: tuple[str, ...]
    weights: tuple[float, ...]
    bias: float
    means: tuple[float, ...]
    scales: tuple[float, ...]
    threshold: float

    def probability(self, signals: Mapping[str, float]) -> float:
        """The probability that the page's own text scores better than the extractors'."""
        z = self.bias
        for name, w, m, s in zip(self.features, self.weights, self.means, self.scales,
                                 strict=True):
            z += w * (signals[name] - m) / s
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))

    def page_text_wins(self, signals: Mapping[str, float]) -> bool:
        """Whether the page's own text should replace the extractors': never on a page that
        declares a product (:func:`shop_page`), where the page's own text is its menus and
        its grids of other products more often than the product's description."""
        return not shop_page(signals) and self.probability(signals) >= self.threshold

    def to_json(self) -> dict[str, object]:
        """The model as stored in the package's data file."""
        return {"features": list(self.features), "weights": list(self.weights),
                "bias": self.bias, "means": list(self.means), "scales": list(self.scales),
                "threshold": self.threshold}

    @classmethod
    def from_json(cls, data: Mapping[str, Any], features: tuple[str, ...]) -> Router:
        """The model stored by :meth:`to_json`; its features must be ``features``."""
        if tuple(data["features"]) != features:
            raise ValueError("page-type model for other features")
        return cls(
            features=features,
            weights=tuple(float(w) for w in data["weights"]),
            bias=float(data["bias"]),
            means=tuple(float(m) for m in data["means"]),
            scales=tuple(float(s) for s in data["scales"]),
            threshold=float(data["threshold"]),
        )


@dataclass(frozen=True)
class PageRouter:
    """Two looks at a page: the ``first`` over :data:`FEATURES` decides whether the page's
    own text is worth reading (its threshold), the ``second`` over :data:`OWN_FEATURES`,
    which knows that text's length, whether it replaces the extractors'."""

    first: Router
    second: Router

    def reads_own_text(self, signals: Mapping[str, float]) -> bool:
        """Whether the page's own text is read for the second look."""
        return self.first.page_text_wins(signals)

    def page_text_wins(self, signals: Mapping[str, float]) -> bool:
        """Whether the page's own text replaces the extractors' (``signals`` by
        :func:`with_own_share`)."""
        return self.reads_own_text(signals) and self.second.page_text_wins(signals)

    def to_json(self) -> dict[str, object]:
        """The models as stored in the package's data file."""
        return {"first": self.first.to_json(), "second": self.second.to_json()}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> PageRouter:
        """The models stored by :meth:`to_json`."""
        return cls(Router.from_json(data["first"], FEATURES),
                   Router.from_json(data["second"], OWN_FEATURES))


@cache
def shipped_router() -> PageRouter:
    """The models shipped with the package."""
    text = resources.files(__package__).joinpath("data/page_types.json").read_text("utf-8")
    return PageRouter.from_json(json.loads(text))


#: Whole class or id names of page furniture (its landmark roles: ``FURNITURE_ROLES``).
_FURNITURE_NAMES = frozenset(
    {"nav", "navbar", "navigation", "footer", "sidebar", "megamenu", "mega-menu"})
_NAME_SPLIT = re.compile(r"[^a-z0-9-]+")


def _named_furniture(element: etree._Element) -> bool:
    """Whether an element names itself navigation, a banner, a footer or a sidebar: by its
    landmark role or by a whole class or id name ("nav", "footer", "sidebar"; not
    "site-footer-note")."""
    if not isinstance(element.tag, str) or element.tag in ("html", "body", "main"):
        return False
    if (element.get("role") or "").lower() in FURNITURE_ROLES:
        return True
    names = f"{element.get('class') or ''} {element.get('id') or ''}".lower()
    return not _FURNITURE_NAMES.isdisjoint(_NAME_SPLIT.split(names))


#: Page furniture left out of the page's own text: navigation, headers, footers, sidebars,
#: forms and controls.
_FURNITURE = ("nav", "header", "footer", "aside", "form", "svg", "button", "select", "dialog")


def own_text(root: etree._Element, url: str | None) -> list[Draft]:
    """The page's own text (of its ``<main>``, else its ``<body>``) without the furniture (a
    form that wraps the page is none) and what names itself so (:func:`_named_furniture`,
    but what holds more than half the page's text), as drafts of blocks in the page's order,
    links resolved against ``url``. ``root`` is decluttered already and is changed."""
    body = root.find("body")
    page_chars = len((body if body is not None else root).text_content())
    for form in list(root.iter("form")):
        if _wraps_page(form, page_chars):
            form.tag = "div"
    for element in list(root.iter(*_FURNITURE)):
        if element.getparent() is not None:
            element.drop_tree()
    for element in list(root.iter()):
        if _named_furniture(element) and element.getparent() is not None and (
                2 * len(element.text_content()) <= page_chars):  # not a wrapper of the page
            element.drop_tree()
    top = next(root.iter("main"), body)
    if top is None:
        return []
    return [d for d in _without_repeats(with_spans(top, walk_html(top), url))
            if not _furniture(d.block)]


#: Block kinds a furniture line may be: a line of its own, not a list's item or a cell.
_LINE_KINDS = frozenset({"paragraph", "heading"})


def _furniture(block: Block) -> bool:
    """Whether a block is a line of page furniture as a whole ("Table of Contents", "Was
    this page helpful?", "Last modified November 18, 2025"; :data:`FURNITURE`)."""
    text = block.text.strip().lower()
    return block.kind in _LINE_KINDS and len(text) <= _FURNITURE_CHARS and bool(
        FURNITURE.match(text))


#: Longest line read as furniture (as the text declutter reads it).
_FURNITURE_CHARS = 120


#: Most controls a form that wraps the page holds per 1,000 characters of its text.
_WRAPPER_CONTROLS = 2


def _wraps_page(form: etree._Element, page_chars: int) -> bool:
    """Whether a ``<form>`` is the page's wrapper rather than a form to fill in (ASP.NET
    puts every page in one, forums their posts): it holds more than half the page's text
    and few controls for its text."""
    chars = len(form.text_content())
    controls = sum(1 for e in form.iter("input", "select", "textarea", "button")
                   if (e.get("type") or "").lower() != "hidden")
    return 2 * chars > page_chars and 1000 * controls <= _WRAPPER_CONTROLS * chars


#: Longest line dropped when it repeats one above it.
_REPEAT_WORDS = 8


def _without_repeats(drafts: list[Draft]) -> list[Draft]:
    """The drafts without short lines that repeat one above them: a grid's "Book Now" and
    "View in list" under every card, a card's label shown again on hover."""
    seen: set[str] = set()
    kept = []
    for draft in drafts:
        words = draft.block.text.lower().split()
        if draft.block.kind != "image" and len(words) <= _REPEAT_WORDS:
            line = " ".join(words)
            if line in seen:
                continue
            seen.add(line)
        kept.append(draft)
    return kept
