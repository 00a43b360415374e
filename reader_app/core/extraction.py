"""HTML → :class:`~reader_app.core.model.Article`: trafilatura's structured output, with
readability-lxml as a second opinion and :mod:`~reader_app.core.declutter` around both."""

from __future__ import annotations

import logging
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal
from urllib.parse import quote

from lxml import etree

from . import inline
from .article_lists import mark_article_list
from .declutter import Draft, declutter_blocks
from .decoding import decode_html
from .dom_clutter import prune_dom
from .errors import ExtractionError, ReaderError
from .figures import (
    collect_anchored,
    place_anchored,
    resolve_src,
    without_credit,
)
from .html_blocks import readability_drafts
from .lead_text import lead_paragraphs
from .metadata import (
    drop_title_heading,
    html_title,
    iso_date,
    page_date,
    page_language,
    page_metadata,
)
from .misread_names import hide_misread_names, restore_names
from .missed_paragraphs import with_missed
from .model import BLOCK_SEPARATOR, Article, Block, RawPage
from .page_blocks import walk_xml
from .page_types import (
    body_chars,
    discussion_page,
    output_signals,
    own_text,
    page_signals,
    shipped_router,
    shop_page,
    with_own_share,
)
from .parsing import NO_ARTICLE, parse_page, prepare_page
from .posts import as_post_heading, mark_posts
from .preformatted import as_preformatted, preformatted
from .set_aside import put_back, set_aside
from .shop_reviews import drop_reviews

log = logging.getLogger(__name__)

#: Longest HTML text accepted (characters); larger input is refused, not parsed.
MAX_HTML_CHARS = 40_000_000


@dataclass(frozen=True)
class ExtractOptions:
    """How :func:`extract_article` works.

    ``use_readability``: ask readability-lxml for a second opinion (and, for a short
    result, trafilatura with its own fallbacks for a third); its text replaces trafilatura's
    when it is at least ``readability_ratio`` times as long. ``declutter``:
    remove promos, prompts and other page furniture. ``images``/``tables``: keep image and
    table blocks. ``min_text_chars``: less article text than this means the page holds no
    article. ``saved_copy``: the page is a browser's saved copy (a file or an archive): its
    ``src`` was the picture shown and wins over lazy-loading attributes (:func:`extract_page`
    sets it). ``use_router``: read the page's own text where the page-type model
    (:mod:`~reader_app.core.page_types`) says the page itself is its main text (a grid of
    products, a listing), or where the extractors find too little."""

    use_readability: bool = True
    declutter: bool = True
    images: bool = True
    tables: bool = True
    min_text_chars: int = 150
    readability_ratio: float = 1.3
    saved_copy: bool = False
    use_router: bool = True


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
    except Exception as err:  # lxml, trafilatura and readability raise many kinds
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
    options = options or ExtractOptions()
    if raw.origin in ("file", "archive") and not options.saved_copy:
        options = replace(options, saved_copy=True)
    base = raw.url
    if base is None and raw.base_dir:
        base = "file://" + quote(raw.base_dir.rstrip("/\\") + "/")  # as pathname2url on POSIX
    article = extract_article(html, base, options)
    blocks = tuple(
        replace(b, src=resolve_src(b.src, base)) if b.kind == "image" and b.src else b
        for b in article.blocks
    )
    return replace(article, blocks=blocks, url=raw.url or article.url, resources=raw.resources)


def extract_text(html: str | bytes, url: str | None = None) -> str:
    """The article's plain text, title first (:attr:`Article.text`)."""
    return extract_article(html, url).text


# --- the pipeline -----------------------------------------------------------------------


def _extract(html: str, url: str | None, options: ExtractOptions) -> Article:
    article, signals, discussion = _by_rules(html, url, options)
    short = body_chars(article.blocks) < options.min_text_chars
    found = None if signals is None else output_signals(signals, article.blocks)
    router = shipped_router()
    if (short and options.use_router) or (found is not None and router.reads_own_text(found)):
        own = _own_blocks(html, url, options, article.title, discussion, shop_page(signals))
        placed = _with_pictures(own, article.blocks)
        if body_chars(own) >= options.min_text_chars and (short or (
            found is not None
            and router.page_text_wins(with_own_share(found, placed, article.blocks))
        )):
            article = replace(article, blocks=tuple(placed))
    if body_chars(article.blocks) < options.min_text_chars:
        raise ExtractionError(NO_ARTICLE)
    return article


def extract_with_signals(html: str, url: str | None) -> tuple[str, str, dict[str, float] | None]:
    """The text the rules extract, the text of the page when routed to its own text and
    the page-type router's signals, both looks' (``None`` for a page of posts, which is never
    routed), for training the router; each text as :func:`extract_article` gives it ("" for
    no article)."""
    options = ExtractOptions()
    article, signals, discussion = _by_rules(html, url, options)
    rules: Sequence[Block] = article.blocks
    own = _with_pictures(
        _own_blocks(html, url, options, article.title, discussion, shop_page(signals)), rules
    )
    if body_chars(own) < options.min_text_chars:
        own = list(rules)  # too short: the rules' text stands
    texts = [BLOCK_SEPARATOR.join(b.text for b in blocks if b.text)
             if body_chars(blocks) >= options.min_text_chars else "" for blocks in (rules, own)]
    found = None if signals is None else with_own_share(
        output_signals(signals, rules), own, rules)
    return texts[0], texts[1], found


def _by_rules(
    html: str, url: str | None, options: ExtractOptions
) -> tuple[Article, dict[str, float] | None, bool]:
    """The article as the extractors and the declutter find it, the page's signals for the
    page-type router (``None`` when it is not asked or the page is a page of posts), and
    whether the page is a discussion (by the address it gives itself, else ``url``)."""
    root = parse_page(html)
    meta = page_metadata(root, url)  # before the scripts go: JSON-LD names authors, dates
    prepare_page(root, html)
    date = page_date(root, meta["url"]) or meta["date"]
    language = page_language(root)
    signals = page_signals(root, html, url) if options.use_router else None
    discussion = discussion_page(html, meta["url"] or url)  # its comments are its posts
    if options.declutter:
        _prune(root, discussion, shop_page(signals))
    lead_paragraphs(root)  # after the signals, which count the page's own paragraphs
    anchored = collect_anchored(root, url, options.images, options.saved_copy)
    stamps = mark_posts(root, discussion)  # posts' time lines, made small headings below
    mark_article_list(root)  # posts, stories or products each in an <article>
    drafts = _trafilatura(root, url, options, comments=discussion)
    # a short first pass is read again even where readability finds more: one part too, often
    scant = _text_chars(drafts) < _SHORT_RESULT_CHARS
    extractor: Literal["trafilatura", "readability"] = "trafilatura"
    if options.use_readability and _readability_may_win(root, drafts, options):
        alternative = readability_drafts(root, url)
        if _prefer_readability(drafts, alternative, options):
            drafts, extractor = with_missed(root, alternative, drafts), "readability"
    if options.use_readability and (scant or _wall(drafts)):
        drafts, extractor = _second_try(root, url, options, drafts, extractor, discussion)
    if stamps:
        drafts = [replace(d, block=as_post_heading(d.block, stamps)) for d in drafts]
    headings = [a for a in anchored if a.block.kind == "heading"]
    images = [without_credit(a) for a in anchored if a.block.kind == "image"]
    drafts = place_anchored([d for d in drafts if d.block.kind != "image"], headings)
    kept = declutter_blocks(drafts) if options.declutter else [d.block for d in drafts]
    blocks = [d.block for d in place_anchored([Draft(b) for b in kept], images)]
    title = meta["title"] or html_title(root)
    article = Article(
        title=title,
        blocks=tuple(drop_title_heading(blocks, title, labels_above=not shop_page(signals))),
        byline=meta["byline"],
        site=meta["site"],
        date=iso_date(date),
        url=url,
        language=language,
        extractor=extractor,
    )
    return article, None if stamps else signals, discussion


def _own_blocks(
    html: str, url: str | None, options: ExtractOptions, title: str, discussion: bool, shop: bool
) -> list[Block]:
    """The page's own text (:func:`~reader_app.core.page_types.own_text`), decluttered in
    its DOM only, without a heading that repeats its ``title``: the main text of pages that
    are grids, listings or service pages."""
    root = parse_page(html)
    prepare_page(root, html)
    if options.declutter:
        _prune(root, discussion, shop)
    return drop_title_heading([d.block for d in own_text(root, url)], title)


def _with_pictures(own: list[Block], placed: Sequence[Block]) -> list[Block]:
    """The page's own text with the pictures the rules ``placed``, each after the block
    whose text it followed there (or first, if it opened the text), and its caption no
    longer a paragraph of its own; a picture whose block the own text does not hold is left
    out."""
    after: dict[str | None, list[Block]] = {}
    anchor: str | None = None
    for block in placed:
        if block.kind == "image":
            after.setdefault(anchor, []).append(block)
        else:
            anchor = block.text
    out = after.pop(None, [])
    captions = {b.text for b in out}
    for block in own:
        if block.text in captions and block.kind == "paragraph":
            captions.discard(block.text)
            continue
        out.append(block)
        if block.kind != "image":
            pictures = after.pop(block.text, [])
            out += pictures
            captions.update(b.text for b in pictures)
    return out


def _prune(root: etree._Element, discussion: bool, shop: bool) -> None:
    """The DOM declutter; a ``shop``'s product page loses its customer reviews too."""
    if shop:
        drop_reviews(root)
    prune_dom(root, discussion)


#: Article text shorter than this (characters) is suspect: trafilatura tries once more.
_SHORT_RESULT_CHARS = 1500
#: ... and so is a paragraph or table this long that holds most of it: a wall of text.
_WALL_CHARS = 3000


def _wall(drafts: list[Draft]) -> bool:
    longest = max((len(d.block.text) for d in drafts if d.block.kind in ("paragraph", "table")),
                  default=0)
    return longest >= _WALL_CHARS and 2 * longest >= _text_chars(drafts)


def _second_try(
    root: etree._Element,
    url: str | None,
    options: ExtractOptions,
    drafts: list[Draft],
    extractor: Literal["trafilatura", "readability"],
    comments: bool,
) -> tuple[list[Draft], Literal["trafilatura", "readability"]]:
    """trafilatura with its own fallbacks and default balance, for a short result or a wall
    of text; its text replaces the result when it is ``readability_ratio`` times as long, or
    when it breaks a wall into more blocks and keeps four fifths of its text."""
    found = _trafilatura(root, url, options, thorough=True, comments=comments)
    mine, theirs = _text_chars(drafts), _text_chars(found)
    if theirs >= options.readability_ratio * max(1, mine) or (
        _wall(drafts) and len(found) > len(drafts) and 5 * theirs >= 4 * mine
    ):
        return found, "trafilatura"
    return drafts, extractor


def _trafilatura(
    tree: etree._Element,
    url: str | None,
    options: ExtractOptions,
    *,
    thorough: bool = False,
    comments: bool = False,
) -> list[Draft]:
    """trafilatura's structured extraction of the (decluttered) tree, which it leaves as it
    is (it works on a copy), as blocks with their inline spans.

    By default without its fallbacks and with ``favor_recall``, which keeps list-like
    sections and short paragraphs trafilatura's default leaves out (the declutter judges
    them afterwards); ``thorough`` runs its fallbacks with its default balance instead.
    Asked for XML, it returns the body without also writing it out as text, which is not
    used here. Emphasis, strong, code and sub/superscripts reach it as markers in the text
    rather than as elements (:func:`~reader_app.core.inline.mark_formatting`): it is faster
    without them, and :func:`~reader_app.core.inline.with_spans` reads the markers back. It
    gets no address: the links it keeps are resolved afterwards against the page's address,
    as a browser resolves them (trafilatura would resolve every link of the page, against
    the site's root). A ``<pre>`` it reads as a quotation or inside a list item keeps its
    lines (:func:`~reader_app.core.page_blocks.as_preformatted`). What its cleaning deletes
    whole is set aside meanwhile (:mod:`~reader_app.core.set_aside`), but for the thorough
    pass, whose fallbacks measure the whole page's text; class names it misreads as clutter
    are hidden from it (:mod:`~reader_app.core.misread_names`). With ``comments`` what it
    takes for comments follows the body: on a discussion page they are the replies."""
    import trafilatura
    from trafilatura.settings import Document

    aside = [] if thorough else set_aside(tree, options.tables)  # put back below
    renamed = hide_misread_names(tree)
    marked = inline.mark_formatting(tree)  # read back by with_spans
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            result = trafilatura.bare_extraction(
                tree,
                fast=not thorough,
                favor_recall=not thorough,
                with_metadata=False,
                include_comments=comments,
                include_formatting=False,
                include_links=True,
                include_images=False,
                include_tables=options.tables,
                deduplicate=False,
                output_format="xml",
            )
    finally:
        inline.unmark_formatting(marked)
        put_back(aside)
        restore_names(renamed)
    if not isinstance(result, Document) or result.body is None:
        return []
    parts = [inline.with_kept_spaces(result.body)]
    if comments and result.commentsbody is not None:
        parts.append(inline.with_kept_spaces(result.commentsbody))  # the replies, after the body
    shown = preformatted(tree)
    return as_preformatted(
        shown, [d for part in parts for d in inline.with_spans(part, walk_xml(part, shown), url)]
    )


def _readability_may_win(
    root: etree._Element, drafts: list[Draft], options: ExtractOptions
) -> bool:
    """Whether the page's paragraphs hold enough text for readability's result to win.

    Readability returns mostly paragraph text, so when the page's paragraphs are not
    ``readability_ratio`` times longer than trafilatura's result, it is not worth running.
    """
    paragraph_chars = sum(len(p.text_content()) for p in root.iter("p"))
    needed = max(options.readability_ratio * _text_chars(drafts), options.min_text_chars)
    return paragraph_chars >= needed


def _prefer_readability(
    ours: list[Draft], alternative: list[Draft], options: ExtractOptions
) -> bool:
    if not alternative:
        return False
    mine = _text_chars(ours)
    theirs = _text_chars(alternative)
    return theirs >= options.readability_ratio * max(mine, 1) and theirs >= options.min_text_chars


def _text_chars(drafts: list[Draft]) -> int:
    return sum(len(d.block.text) for d in drafts if d.block.kind != "image")
