"""HTML → :class:`~reader_app.core.model.Article`: the page is cut into candidate blocks
(:mod:`~reader_app.core.segment`) and the learned content/boilerplate model
(:mod:`~reader_app.core.declutter_model`) keeps the article's, using trafilatura's choice
and the declutter cues among its features."""

from __future__ import annotations

import logging
import re
import warnings
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING
from urllib.request import pathname2url

import lxml.html
from lxml import etree

if TYPE_CHECKING:
    from trafilatura.settings import Document

    from .declutter_model import DeclutterModel

from .block_features import block_key, page_features
from .declutter import Stats, find_clutter, remove_keep_tail
from .decoding import decode_html
from .errors import ExtractionError, ReaderError
from .images import resolve_url
from .metadata import clean_byline, html_title, iso_date, page_language, page_metadata
from .model import Article, Block, RawPage
from .posts import mark_post_stamps
from .segment import Candidate, blocks_of, segment
from .text import clean_text

log = logging.getLogger(__name__)

#: Longest HTML text accepted (characters); larger input is refused, not parsed.
MAX_HTML_CHARS = 40_000_000

NO_ARTICLE = "No article text found on this page"


@dataclass(frozen=True)
class ExtractOptions:
    """How :func:`extract_article` works.

    ``declutter``: keep only what the model judges content (off: every candidate block).
    ``images``/``tables``: keep image and table blocks. ``min_text_chars``: less article
    text than this means the page holds no article. ``model``: the content/boilerplate
    model (the shipped one when None).
    """

    declutter: bool = True
    images: bool = True
    tables: bool = True
    min_text_chars: int = 150
    model: DeclutterModel | None = field(default=None, compare=False)


def extract_article(
    html: str | bytes, url: str | None = None, options: ExtractOptions | None = None
) -> Article:
    """Extract the decluttered article of ``html`` (text, or bytes decoded as a browser would).

    Raises :class:`ExtractionError` when the page holds no article, and only
    :class:`~reader_app.core.errors.ReaderError` subclasses on any bad input.
    """
    options = options or ExtractOptions()
    if isinstance(html, bytes | bytearray):
        html = decode_html(bytes(html))
    if len(html) > MAX_HTML_CHARS:
        raise ExtractionError("The page is too large to extract an article from")
    try:
        return _extract(html, url, options)
    except ReaderError:
        raise
    except (RecursionError, MemoryError) as err:
        raise ExtractionError("The page is too deeply nested or too large to read") from err
    except Exception as err:  # lxml and trafilatura raise many kinds
        log.debug("extraction failed", exc_info=True)
        raise ExtractionError(
            f"The page could not be parsed as HTML ({type(err).__name__})"
        ) from err


def extract_page(raw: RawPage, options: ExtractOptions | None = None) -> Article:
    """Decode and extract a loaded page; image sources become absolute URLs.

    Images of a saved page (``NAME_files/x.png``) resolve against its folder as ``file://``
    URLs; the page's embedded resources travel on the article for the renderer.
    """
    html = decode_html(raw.data, raw.charset)
    base = raw.url
    if base is None and raw.base_dir:
        base = "file://" + pathname2url(raw.base_dir.rstrip("/\\") + "/")
    article = extract_article(html, base, options)
    blocks = tuple(
        replace(b, src=resolve_url(b.src, base)) if b.kind == "image" and b.src else b
        for b in article.blocks
    )
    return replace(article, blocks=blocks, url=raw.url or article.url, resources=raw.resources)


def extract_text(html: str | bytes, url: str | None = None) -> str:
    """The article's plain text, title first (:attr:`Article.text`)."""
    return extract_article(html, url).text


# --- the pipeline -----------------------------------------------------------------------


def _extract(html: str, url: str | None, options: ExtractOptions) -> Article:
    page = page_candidates(html, url, options)
    if options.declutter:
        from .declutter_model import keep_content, shipped_model

        keep = keep_content(page.candidates, page.features, options.model or shipped_model())
    else:
        keep = [True] * len(page.candidates)
    blocks = _blocks(page, keep, options)
    if _body_chars(blocks) < options.min_text_chars and options.declutter:
        # The model found no article: trafilatura's choice, without the furniture, stands.
        from .declutter_model import extractor_choice

        blocks = _blocks(page, extractor_choice(page.features), options)
    if _body_chars(blocks) < options.min_text_chars:
        raise ExtractionError(NO_ARTICLE)
    meta = page.meta
    return Article(
        title=page.title,
        blocks=tuple(blocks),
        byline=clean_byline(meta.get("byline")),
        site=clean_text(meta.get("site") or "") or None,
        date=iso_date(meta.get("date")),
        url=url,
        language=page.language,
    )


def _blocks(page: PageCandidates, keep: list[bool], options: ExtractOptions) -> list[Block]:
    kept = (c for c, k in zip(page.candidates, keep, strict=True) if k)
    blocks = _drop_title_heading(blocks_of(kept), page.title)
    if not options.tables:
        blocks = [b for b in blocks if b.kind != "table"]
    return blocks


def _body_chars(blocks: list[Block]) -> int:
    return sum(len(b.text) for b in blocks if b.kind != "image")


@dataclass(frozen=True)
class PageCandidates:
    """A page's candidate blocks (:func:`~reader_app.core.segment.segment`) with one row of
    :data:`~reader_app.core.block_features.FEATURE_NAMES` each, before the content decision."""

    candidates: tuple[Candidate, ...]
    features: tuple[tuple[float, ...], ...]
    title: str
    meta: dict[str, str | None]
    language: str | None


def page_candidates(
    html: str, url: str | None = None, options: ExtractOptions | None = None
) -> PageCandidates:
    """Parse ``html`` and cut it into candidate blocks with their features."""
    options = options or ExtractOptions()
    root = _parse(html)
    language = page_language(root)
    found, stats = find_clutter(root)
    doomed = set(found) if options.declutter else set()
    mark_post_stamps(root)
    meta = page_metadata(root, url)
    title = clean_text(meta.get("title") or "") or html_title(root)
    body = root.find(".//body")
    candidates = segment(body if body is not None else root, url, images=options.images)
    pruned = [_inside(c.element, doomed) for c in candidates]
    for element in doomed:
        remove_keep_tail(element)
    extracted = _trafilatura_keys(root, url, options)
    kept = [_key_of(c) in extracted for c in candidates]
    author = meta.get("byline") or ""
    # Measured on the tree as trafilatura leaves it, as in training.
    controls = [_near_controls(c.element, stats) for c in candidates]
    boxes = [_box(c.element, stats) for c in candidates]
    features = page_features(
        candidates, kept, pruned, controls, boxes, title=title, author=author
    )
    return PageCandidates(
        candidates=tuple(candidates),
        features=tuple(tuple(row) for row in features),
        title=title,
        meta=meta,
        language=language,
    )


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


def _key_of(candidate: Candidate) -> str | None:
    block = candidate.draft.block
    if block.kind == "list" and block.items:
        return block_key(block.items[0])
    if block.kind == "table" and block.rows and block.rows[0]:
        return block_key(block.rows[0][0])
    return block_key(block.text)


_EXTRACTED_TAGS = ("p", "head", "item", "cell", "quote", "code", "list", "table")


def _trafilatura_keys(root: etree._Element, url: str | None, options: ExtractOptions) -> set[str]:
    """Keys (:func:`block_key`) of the blocks trafilatura extracts from ``root``."""
    document = _trafilatura(root, url, options)
    if document is None or document.body is None:
        return set()
    keys = set()
    for element in document.body.iter(*_EXTRACTED_TAGS):
        key = block_key("".join(element.itertext()))
        if key:
            keys.add(key)
    return keys


_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)


def _parse(html: str) -> etree._Element:
    html = _XML_DECLARATION.sub("", html, count=1)
    if not html.strip():
        raise ExtractionError(NO_ARTICLE)
    parser = lxml.html.HTMLParser(
        remove_comments=True, remove_pis=True, collect_ids=False, default_doctype=False
    )
    try:
        root = lxml.html.document_fromstring(html, parser=parser)
    except etree.ParserError as err:
        raise ExtractionError(NO_ARTICLE) from err
    for element in list(root.iter(*_CODE_TAGS)):
        remove_keep_tail(element)
    return root


#: Elements that never hold article text.
_CODE_TAGS = ("script", "style", "noscript", "template", "iframe", "object", "embed")


def _trafilatura(
    tree: etree._Element, url: str | None, options: ExtractOptions, *, thorough: bool = False
) -> Document | None:
    """trafilatura's structured extraction of the (decluttered) tree.

    By default without its fallbacks and with ``favor_recall``, which keeps list-like
    sections and short paragraphs trafilatura's default leaves out (the declutter judges
    them afterwards); ``thorough`` runs its fallbacks with its default balance instead."""
    import trafilatura
    from trafilatura.settings import Document

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        result = trafilatura.bare_extraction(
            tree,
            url=url,
            fast=not thorough,
            favor_recall=not thorough,
            with_metadata=False,
            include_comments=False,
            include_formatting=False,
            include_links=True,
            include_images=False,
            include_tables=options.tables,
            deduplicate=False,
        )
    return result if isinstance(result, Document) else None


def _drop_title_heading(blocks: list[Block], title: str) -> list[Block]:
    """Drop the heading that repeats the title (among the first blocks), also when the
    title carries a site name or the heading a subtitle."""
    for i, block in enumerate(blocks[:_TITLE_WINDOW]):
        if block.kind == "heading" and _same_title(block.text, title):
            return blocks[:i] + blocks[i + 1 :]
    return blocks


#: How many blocks from the top the title heading is looked for.
_TITLE_WINDOW = 8


def _same_title(heading: str, title: str) -> bool:
    a, b = _norm(heading), _norm(title)
    if not a or not b:
        return False
    if a == b or (min(len(a), len(b)) >= 20 and (a in b or b in a)):
        return True
    words_a, words_b = set(_KEY_WORDS.findall(a)), set(_KEY_WORDS.findall(b))
    return len(words_a & words_b) >= 0.8 * max(len(words_a), len(words_b), 1)


_KEY_WORDS = re.compile(r"\w+")


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


