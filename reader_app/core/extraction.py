"""HTML → :class:`~reader_app.core.model.Article`: trafilatura's structured output, with
readability-lxml as a second opinion and :mod:`~reader_app.core.declutter` around both."""

from __future__ import annotations

import contextlib
import copy
import logging
import re
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Literal
from urllib.parse import urljoin
from urllib.request import pathname2url

import lxml.html
from lxml import etree

if TYPE_CHECKING:
    from trafilatura.settings import Document

from .declutter import Draft, declutter_blocks, is_credit, prune_dom, remove_keep_tail
from .decoding import decode_html
from .errors import ExtractionError, ReaderError
from .inline import mark_formatting, unmark_formatting, with_spans, without_markers
from .model import Article, Block, RawPage
from .posts import as_post_heading, mark_posts

log = logging.getLogger(__name__)

#: Longest HTML text accepted (characters); larger input is refused, not parsed.
MAX_HTML_CHARS = 40_000_000

NO_ARTICLE = "No article text found on this page"


@dataclass(frozen=True)
class ExtractOptions:
    """How :func:`extract_article` works.

    ``use_readability``: ask readability-lxml for a second opinion (and, for a short
    result, trafilatura with its own fallbacks for a third); its text replaces trafilatura's
    when it is at least ``readability_ratio`` times as long. ``declutter``:
    remove promos, prompts and other page furniture. ``images``/``tables``: keep image and
    table blocks. ``min_text_chars``: less article text than this means the page holds no
    article. ``saved_copy``: the page is a browser's saved copy (a file or an archive), whose
    ``src`` is the picture that was shown when it was saved, so it wins over lazy-loading
    attributes (:func:`extract_page` sets it from the page's origin).
    """

    use_readability: bool = True
    declutter: bool = True
    images: bool = True
    tables: bool = True
    min_text_chars: int = 150
    readability_ratio: float = 1.3
    saved_copy: bool = False


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
        base = "file://" + pathname2url(raw.base_dir.rstrip("/\\") + "/")
    article = extract_article(html, base, options)
    blocks = tuple(
        replace(b, src=_resolve(b.src, base)) if b.kind == "image" and b.src else b
        for b in article.blocks
    )
    return replace(article, blocks=blocks, url=raw.url or article.url, resources=raw.resources)


def extract_text(html: str | bytes, url: str | None = None) -> str:
    """The article's plain text, title first (:attr:`Article.text`)."""
    return extract_article(html, url).text


def _resolve(src: str, base: str | None) -> str:
    if not base or src.startswith(("data:", "cid:")):
        return src
    try:
        return urljoin(base, src)
    except ValueError:
        return src


# --- the pipeline -----------------------------------------------------------------------


def _extract(html: str, url: str | None, options: ExtractOptions) -> Article:
    root = _parse(html)
    language = _language(root)
    if options.declutter:
        prune_dom(root)
    anchored = _collect_anchored(root, url, options.images, options.saved_copy)
    meta = _metadata(root, url)
    stamps = mark_posts(root)  # posts' time lines, made small headings below
    document = _trafilatura(root, url, options)
    drafts: list[Draft] = []
    if document is not None and document.body is not None:
        drafts = with_spans(document.body, _walk_xml(document.body))  # inline spans
    extractor: Literal["trafilatura", "readability"] = "trafilatura"
    if options.use_readability and _readability_may_win(root, drafts, options):
        alternative = _readability(root)
        if _prefer_readability(drafts, alternative, options):
            drafts, extractor = alternative, "readability"
    if options.use_readability and _text_chars(drafts) < _SHORT_RESULT_CHARS:
        drafts, extractor = _second_try(root, url, options, drafts, extractor)
    if stamps:
        drafts = [replace(d, block=as_post_heading(d.block, stamps)) for d in drafts]
    headings = [a for a in anchored if a.block.kind == "heading"]
    images = [_without_credit(a) for a in anchored if a.block.kind == "image"]
    drafts = _place_anchored([d for d in drafts if d.block.kind != "image"], headings)
    kept = declutter_blocks(drafts) if options.declutter else [d.block for d in drafts]
    blocks = [d.block for d in _place_anchored([Draft(b) for b in kept], images)]
    title = _clean(meta.get("title") or "") or _html_title(root)
    blocks = _drop_title_heading(blocks, title)
    body_chars = sum(len(b.text) for b in blocks if b.kind != "image")
    if body_chars < options.min_text_chars:
        raise ExtractionError(NO_ARTICLE)
    return Article(
        title=title,
        blocks=tuple(blocks),
        byline=_clean(meta.get("byline") or "") or None,
        site=_clean(meta.get("site") or "") or None,
        date=_iso_date(meta.get("date")),
        url=url,
        language=language,
        extractor=extractor,
    )


_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)


def _parse(html: str) -> etree._Element:
    html = without_markers(_XML_DECLARATION.sub("", html, count=1))
    if not html.strip():
        raise ExtractionError(NO_ARTICLE)
    parser = lxml.html.HTMLParser(
        remove_comments=True, remove_pis=True, collect_ids=False, default_doctype=False
    )
    try:
        root = lxml.html.document_fromstring(html, parser=parser)
    except etree.ParserError as err:
        raise ExtractionError(NO_ARTICLE) from err
    for noscript in list(root.iter("noscript")):
        _unwrap_noscript_image(noscript)
    if "aption" in html or "redit" in html or "egend" in html:
        _captions_to_figures(root)
    for element in list(root.iter(*_CODE_TAGS)):
        remove_keep_tail(element)
    for paragraph in list(root.iter("p")):
        _split_at_break_pairs(paragraph)
    return root


def _unwrap_noscript_image(noscript: etree._Element) -> None:
    """Keep the picture a ``<noscript>`` holds for browsers without scripts: its address goes
    to the lazy placeholder ``<img>`` beside it, or, in a figure without another image, the
    ``<img>`` takes the ``<noscript>``'s place."""
    img = next(noscript.iter("img"), None)
    parent = noscript.getparent()
    if img is None or parent is None or parent.tag in ("body", "html", "head"):
        return
    src = img.get("src") or img.get("srcset") or ""
    if not src or _DECORATION.search(src) or "1" in (img.get("width"), img.get("height")):
        return  # nothing, or a tracking pixel for browsers without scripts
    visible = [i for i in parent.iter("img") if not any(a is noscript for a in i.iterancestors())]
    if len(visible) > 2:
        return  # not the copy of one picture beside it
    placeholders = [i for i in visible if _image_src(i) is None]
    if placeholders:
        for attr in ("src", "srcset"):
            if img.get(attr):
                placeholders[0].set(attr, img.get(attr) or "")
        if img.get("alt") and not placeholders[0].get("alt"):
            placeholders[0].set("alt", img.get("alt") or "")
    elif not visible and any(a.tag in ("figure", "picture") for a in noscript.iterancestors()):
        img.tail = noscript.tail
        noscript.addprevious(img)


#: Class or id of a caption outside ``<figcaption>``: WordPress's ``wp-caption-text``,
#: Blogger's ``tr-caption``, ``caption``, ``image-credit``, ``photo-legend``...
_CAPTION_NAME = re.compile(r"(?<![a-z])(?:caption|credit|legend)", re.I)
#: Elements a caption outside ``<figcaption>`` is made of.
_CAPTION_TAGS = ("p", "span", "div", "td", "small", "em", "i", "cite", "dd")
_MAX_CAPTION_CHARS = 300
#: Containers that are the article, never one figure.
_NOT_FIGURES = frozenset({"body", "html", "article", "main", "section"})


def _captions_to_figures(root: etree._Element) -> None:
    """A picture captioned outside ``<figcaption>`` (a WordPress ``wp-caption``, a Blogger
    caption table, a ``<p class="caption">`` or credit after an ``<img>``) becomes a
    ``<figure>`` with its ``<figcaption>``, so the caption stays with its picture."""
    captions = []
    for element in root.iter(_CAPTION_TAGS):
        names = element.get("class")
        if names and ("aption" in names or "redit" in names or "egend" in names):
            captions.append(element)
    for caption in captions:
        if not _CAPTION_NAME.search(caption.get("class") or ""):
            continue
        if caption.getroottree().getroot() is not root:
            continue  # in a box an earlier figure replaced
        if next(caption.iter("img"), None) is not None or caption.tag == "figcaption":
            continue
        text = " ".join(caption.text_content().split())
        if not text or len(text) > _MAX_CAPTION_CHARS:
            continue
        figure = next((a for a in caption.iterancestors("figure")), None)
        if figure is not None:
            if figure.find(".//figcaption") is None:
                caption.tag = "figcaption"
            continue
        picture = _picture_before(caption, text)
        if picture is None:
            continue
        img, wrapper = picture
        new = wrapper.makeelement("figure", {})
        new.append(copy.deepcopy(img))
        etree.SubElement(new, "figcaption").text = text
        new.tail = wrapper.tail
        if not any(a is wrapper for a in caption.iterancestors()):
            remove_keep_tail(caption)
        parent = wrapper.getparent()
        if parent is not None:
            parent.replace(wrapper, new)


def _picture_before(
    caption: etree._Element, text: str
) -> tuple[etree._Element, etree._Element] | None:
    """The one picture just before ``caption`` (in a preceding sibling of it or of one of its
    two nearest ancestors) and the element the figure replaces: the box holding nothing but
    picture and caption, or else the picture's own wrapper."""
    node = caption
    for _ in range(3):
        sibling = node.getprevious()
        parent = node.getparent()
        if sibling is None or parent is None or parent.tag in _NOT_FIGURES:
            node = parent if parent is not None else node
            continue
        images = [sibling] if sibling.tag == "img" else list(sibling.iter("img"))
        if len(images) != 1 or len(" ".join(sibling.text_content().split())) > 0:
            return None
        wrapper = sibling
        box = parent
        while (
            box is not None
            and box.tag not in _NOT_FIGURES
            and len(list(box.iter("img"))) == 1
            and len(" ".join(box.text_content().split())) <= len(text) + 10
        ):
            wrapper, box = box, box.getparent()
        return images[0], wrapper
    return None


def _split_at_break_pairs(paragraph: etree._Element) -> None:
    """Cut a ``<p>`` into sibling paragraphs where two or more ``<br>`` meet with only
    whitespace between them (extractors would keep one line break of the pair)."""
    children = list(paragraph)
    cuts: list[tuple[int, int]] = []  # (first br, last br) of each run of breaks
    i = 0
    while i < len(children):
        j = i
        while (
            j + 1 < len(children)
            and children[j].tag == "br"
            and not (children[j].tail or "").strip()
            and children[j + 1].tag == "br"
        ):
            j += 1
        if j > i:
            cuts.append((i, j))
        i = j + 1
    parent = paragraph.getparent()
    if not cuts or parent is None:
        return
    anchor = paragraph
    for number, (_first, last) in enumerate(cuts):
        end = cuts[number + 1][0] if number + 1 < len(cuts) else len(children)
        piece = etree.Element("p", dict(paragraph.attrib))
        piece.text = children[last].tail
        piece.extend(children[last + 1 : end])
        piece.tail = anchor.tail
        anchor.tail = None
        anchor.addnext(piece)
        anchor = piece
    for first, last in cuts:
        for br in children[first : last + 1]:
            owner = br.getparent()
            if owner is not None:
                owner.remove(br)


#: Elements that never hold article text.
_CODE_TAGS = ("script", "style", "noscript", "template", "iframe", "object", "embed")


#: Article text shorter than this (characters) is suspect: trafilatura tries once more.
_SHORT_RESULT_CHARS = 1500


def _second_try(
    root: etree._Element,
    url: str | None,
    options: ExtractOptions,
    drafts: list[Draft],
    extractor: Literal["trafilatura", "readability"],
) -> tuple[list[Draft], Literal["trafilatura", "readability"]]:
    """trafilatura with its own fallbacks and default balance, for a short result; its
    text replaces the result when it is ``readability_ratio`` times as long."""
    document = _trafilatura(root, url, options, thorough=True)
    if document is None or document.body is None:
        return drafts, extractor
    found = with_spans(document.body, _walk_xml(document.body))  # inline spans
    if _text_chars(found) >= options.readability_ratio * max(1, _text_chars(drafts)):
        return found, "trafilatura"
    return drafts, extractor


def _trafilatura(
    tree: etree._Element, url: str | None, options: ExtractOptions, *, thorough: bool = False
) -> Document | None:
    """trafilatura's structured extraction of the (decluttered) tree, which it leaves as it
    is (it works on a copy).

    By default without its fallbacks and with ``favor_recall``, which keeps list-like
    sections and short paragraphs trafilatura's default leaves out (the declutter judges
    them afterwards); ``thorough`` runs its fallbacks with its default balance instead.
    Asked for XML, it returns the body without also writing it out as text, which is not
    used here. Emphasis, strong, code and sub/superscripts reach it as markers in the text
    rather than as elements (:func:`~reader_app.core.inline.mark_formatting`): it is faster
    without them, and :func:`~reader_app.core.inline.with_spans` reads the markers back."""
    import trafilatura
    from trafilatura.settings import Document

    marked = mark_formatting(tree)  # read back by with_spans
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
            output_format="xml",
        )
    unmark_formatting(marked)
    return result if isinstance(result, Document) else None


def _readability(root: etree._Element) -> list[Draft]:
    from readability import Document

    try:
        summary = Document(copy.deepcopy(root)).summary(html_partial=True)
        if not summary.strip():
            return []
        fragment = lxml.html.fragment_fromstring(summary, create_parent="div")
    except Exception:  # readability gives up on some pages; trafilatura's result stands
        log.debug("readability failed", exc_info=True)
        return []
    return with_spans(fragment, _walk_html(fragment))  # inline spans


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


# --- metadata ---------------------------------------------------------------------------


def _metadata(root: etree._Element, url: str | None) -> dict[str, str | None]:
    """Title, byline, site name and date, as trafilatura's metadata extraction finds them
    (meta tags, JSON-LD, then the page), without the categories, tags and licence it also
    looks for."""
    from htmldate import find_date
    from trafilatura import metadata as tm

    found = tm.examine_meta(root)
    if found.author and " " not in found.author:
        found.author = None
    with contextlib.suppress(Exception):  # JSON-LD in the wild is often malformed
        found = tm.extract_meta_json(root, found)
    title = found.title or tm.extract_title(root)
    author = found.author or tm.extract_author(root)
    page_url = found.url or tm.extract_url(root, url)
    # Dates come from the page's markup only, never guessed from years in the text.
    date = find_date(root, url=page_url, extensive_search=False, original_date=True)
    site = found.sitename or tm.extract_sitename(root)
    if site:
        site = site.lstrip("@")
        if site and "." not in site and not site[0].isupper():
            site = site.title()
    elif page_url:
        match = tm.META_URL.match(page_url)
        site = match[1] if match else None
    return {"title": title, "byline": author, "site": site, "date": date}


_LANG = re.compile(r"^[a-z]{2,3}(?=$|[-_])", re.I)


def _language(root: etree._Element) -> str | None:
    candidates = [root.get("lang"), root.get("{http://www.w3.org/XML/1998/namespace}lang")]
    for meta in root.iter("meta"):
        key = (meta.get("http-equiv") or meta.get("property") or meta.get("name") or "").lower()
        if key in ("content-language", "og:locale", "language", "dc.language"):
            candidates.append(meta.get("content"))
    for value in candidates:
        match = _LANG.match((value or "").strip())
        if match:
            return match.group(0).lower()
    return None


def _html_title(root: etree._Element) -> str:
    for path in (".//h1", ".//title"):
        element = root.find(path)
        if element is not None:
            text = _clean(element.text_content())
            if text:
                return text
    return ""


_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


def _iso_date(value: str | None) -> str | None:
    match = _DATE.match(value or "")
    return match.group(0) if match else None


def _drop_title_heading(blocks: list[Block], title: str) -> list[Block]:
    """Drop the heading that repeats the title (the first block after any lead images),
    also when the title carries a site name or the heading a subtitle."""
    for i, block in enumerate(blocks):
        if block.kind == "image":
            continue
        if block.kind == "heading" and _same_title(block.text, title):
            return blocks[:i] + blocks[i + 1 :]
        break
    return blocks


def _same_title(heading: str, title: str) -> bool:
    a, b = _norm(heading), _norm(title)
    if not a or not b:
        return False
    if a == b or (min(len(a), len(b)) >= 20 and (a in b or b in a)):
        return True
    words_a, words_b = set(_KEY_WORDS.findall(a)), set(_KEY_WORDS.findall(b))
    return len(words_a & words_b) >= 0.8 * max(len(words_a), len(words_b), 1)


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


_SPACE = re.compile(r"[ \t\r\f\v\u00a0\u200b]+")


def _clean(text: str) -> str:
    """Collapse runs of spaces; keep single line breaks, trim each line."""
    lines = (_SPACE.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


# --- trafilatura XML → drafts -----------------------------------------------------------


#: Stands for a line break (``<lb/>``, ``<br>``) while a block's text is collected.
_BREAK = "\x1e"
#: Two or more line breaks with only whitespace between them: a paragraph break.
_PARAGRAPH_BREAK = re.compile(r"\x1e[\s\x1e]*\x1e")
#: Elements of trafilatura's XML (and of HTML) whose text stands on lines of its own.
_BLOCK_CHILDREN = frozenset(
    {"p", "div", "head", "quote", "item", "section", "article", "h1", "h2", "h3", "h4", "h5",
     "h6", "li", "blockquote", "figure", "figcaption", "dd", "dt"}
)


class _Text:
    """Collects text of an element, counting characters inside links.

    A line break becomes ``_BREAK`` until :meth:`result`; text of block elements nested
    inside stands on lines of its own, so neighbouring blocks never run together."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.link_chars = 0

    def add(self, element: etree._Element, *, break_tags: tuple[str, ...]) -> None:
        if element.text:
            self.parts.append(element.text)
            if element.tag in ("ref", "a"):
                self.link_chars += len(element.text.strip())
        for child in element:
            tag = child.tag if isinstance(child.tag, str) else ""  # "" for comments: tail only
            if tag in break_tags:
                self.parts.append(_BREAK)
            elif tag and tag not in ("graphic", "img", "list", "ul", "ol", "table"):
                before = self.link_chars
                block = tag in _BLOCK_CHILDREN
                if block:
                    self.parts.append("\n")
                self.add(child, break_tags=break_tags)
                if block:
                    self.parts.append("\n")
                if tag in ("ref", "a"):
                    inner = "".join(child.itertext()).strip()
                    self.link_chars = before + len(inner)
            if child.tail:
                self.parts.append(child.tail)

    def result(self) -> tuple[str, float]:
        text = _clean("".join(self.parts).replace(_BREAK, "\n"))
        return text, (self.link_chars / len(text) if text else 0.0)

    def paragraphs(self) -> list[str]:
        """The text cut into paragraphs where two or more line breaks meet (``<br><br>``)."""
        pieces = _PARAGRAPH_BREAK.split("".join(self.parts))
        texts = (_clean(piece.replace(_BREAK, "\n")) for piece in pieces)
        return [text for text in texts if text]


def _text_of(element: etree._Element, break_tags: tuple[str, ...]) -> tuple[str, float]:
    collector = _Text()
    collector.add(element, break_tags=break_tags)
    return collector.result()


def _paragraphs(element: etree._Element, break_tags: tuple[str, ...]) -> Iterator[Draft]:
    """Paragraph drafts of one paragraph element, split at pairs of line breaks."""
    collector = _Text()
    collector.add(element, break_tags=break_tags)
    text, ratio = collector.result()
    if not text:
        return
    pieces = collector.paragraphs()
    if len(pieces) <= 1:
        yield Draft(Block("paragraph", text), ratio)
        return
    for piece in pieces:
        yield Draft(Block("paragraph", piece), ratio)


def _walk_xml(body: etree._Element) -> Iterator[Draft]:
    """Drafts from trafilatura's XML body, in document order."""
    if body.text and body.text.strip():
        yield Draft(Block("paragraph", _clean(body.text)))
    for element in body:
        yield from _xml_element(element)
        if element.tail and element.tail.strip():
            yield Draft(Block("paragraph", _clean(element.tail)))


def _xml_element(element: etree._Element) -> Iterator[Draft]:
    tag = element.tag
    if not isinstance(tag, str):
        return
    if tag == "head":
        text, ratio = _text_of(element, ("lb",))
        level = _heading_level(element.get("rend"))
        if text:
            yield Draft(Block("heading", " ".join(text.split()), level=level), ratio)
    elif tag == "p":
        yield from _paragraphs(element, ("lb",))
        for inner in _nested_blocks(element):
            yield from _xml_element(inner)
    elif tag == "list":
        yield from _xml_list(element)
    elif tag == "quote":
        yield from _xml_quote(element)
    elif tag == "graphic":
        src = element.get("src")
        if src:
            alt = _clean(element.get("alt") or element.get("title") or "")
            yield Draft(Block("image", alt, src=src))
    elif tag == "table":
        yield from _xml_table(element)
    elif tag == "code":
        text = "".join(element.itertext()).strip("\n")
        if text.strip():
            yield Draft(Block("code", text))
    else:
        text = element.text
        if text and text.strip():
            yield Draft(Block("paragraph", _clean(text)))
        for child in element:
            yield from _xml_element(child)
            if child.tail and child.tail.strip():
                yield Draft(Block("paragraph", _clean(child.tail)))


def _nested_blocks(paragraph: etree._Element) -> Iterator[etree._Element]:
    """Lists and tables that trafilatura left inside a paragraph (outermost only)."""
    for inner in paragraph.iter("list", "table"):
        parent = inner.getparent()
        while (
            parent is not None and parent is not paragraph and parent.tag not in ("list", "table")
        ):
            parent = parent.getparent()
        if parent is paragraph:
            yield inner


def _heading_level(rend: str | None) -> int:
    if rend and len(rend) == 2 and rend[0] == "h" and rend[1].isdigit():
        return max(1, min(6, int(rend[1])))
    return 2


def _list_items(
    element: etree._Element, item_tag: str, list_tags: tuple[str, ...]
) -> tuple[list[str], int, int]:
    items: list[str] = []
    link_chars = 0
    total = 0
    for item in element:
        if item.tag != item_tag:
            continue
        text, ratio = _text_of(item, ("lb", "br"))
        text = " ".join(text.split())
        if text:
            items.append(text)
            link_chars += int(ratio * len(text))
            total += len(text)
        for sub in item:
            if sub.tag in list_tags:
                sub_items, sub_links, sub_total = _list_items(sub, item_tag, list_tags)
                items += sub_items
                link_chars += sub_links
                total += sub_total
    return items, link_chars, total


def _xml_list(element: etree._Element) -> Iterator[Draft]:
    items, link_chars, total = _list_items(element, "item", ("list",))
    if items:
        ordered = element.get("rend") == "ol"
        block = Block("list", "\n".join(items), items=tuple(items), ordered=ordered)
        yield Draft(block, link_chars / max(1, total))


def _xml_quote(element: etree._Element) -> Iterator[Draft]:
    if any(child.tag in ("p", "list", "quote") for child in element):
        lines = []
        ratio_sum = 0.0
        for child in element:
            text, ratio = _text_of(child, ("lb",))
            if text:
                lines.append(text)
                ratio_sum += ratio * len(text)
        text = "\n".join(lines)
        if element.text and element.text.strip():
            text = _clean(element.text) + ("\n" + text if text else "")
        ratio = ratio_sum / max(1, len(text))
    else:
        text, ratio = _text_of(element, ("lb",))
    if text:
        yield Draft(Block("quote", text), ratio)


def _xml_table(
    element: etree._Element, row_tag: str = "row", cell_tags: tuple[str, ...] = ("cell",)
) -> Iterator[Draft]:
    rows: list[tuple[str, ...]] = []
    for row in element.iter(row_tag):
        cells = tuple(
            " ".join("".join(cell.itertext()).split()) for cell in row if cell.tag in cell_tags
        )
        if any(cells):
            rows.append(cells)
    if rows:
        text = "\n".join("\t".join(cells) for cells in rows)
        yield Draft(Block("table", text, rows=tuple(rows)))


# --- figures and headings placed by their surroundings ---------------------------------


@dataclass(frozen=True)
class _Anchored:
    """A block taken from the page itself with the text around it (as :func:`_key`).

    Extractors drop figure captions, keep linked image cards and lose some section
    headings, so images and headings are placed into the article by their neighbours.
    """

    block: Block
    before: str | None
    after: str | None


_HEADING_TAGS = {"h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_TEXT_TAGS = frozenset({"p", "h1", "li", "dd", "pre", *_HEADING_TAGS})
_KEY_WORDS = re.compile(r"\w+")


def _key(text: str) -> str | None:
    key = " ".join(_KEY_WORDS.findall(text[:120].lower()))[:60]
    return key if len(key) >= 12 else None


#: Attributes lazy loaders keep the real address in; they win over ``src``.
_LAZY_SRC_ATTRS = ("data-src", "data-lazy-src", "data-original", "data-lazy", "data-url")
_SRCSET_ATTRS = ("data-srcset", "data-lazy-srcset", "srcset")
#: A ``src`` that only holds the place of a lazily loaded picture.
_PLACEHOLDER_SRC = re.compile(
    r"^data:|placeholder|blank\.(?:gif|png)|spacer|transparent|lazy[-_.]?load|loading\.gif|"
    r"grey\.gif|pixel\.(?:gif|png)|1x1\.",
    re.I,
)
#: Widest srcset candidate taken (pixels): large enough for the reading column.
_SRCSET_WIDTH = 1600


def _image_src(img: etree._Element, saved_copy: bool = False) -> str | None:
    """The address of the picture ``img`` shows once loaded: a lazy loader's attribute, a
    real ``src``, a ``srcset`` candidate (also of the enclosing ``<picture>``'s sources).
    In a saved copy a real ``src`` comes first: it is the picture the browser kept."""
    src = (img.get("src") or "").strip()
    if saved_copy and src and not _PLACEHOLDER_SRC.search(src):
        return src
    for attr in _LAZY_SRC_ATTRS:
        value = (img.get(attr) or "").strip()
        if value and not _PLACEHOLDER_SRC.search(value):
            return value
    if src and not _PLACEHOLDER_SRC.search(src):
        return src
    sets = [img.get(attr) for attr in _SRCSET_ATTRS]
    # lxml's parser does not know <source> as empty: the <img> may sit inside one
    picture = next((a for a in img.iterancestors() if a.tag not in ("source",)), None)
    if picture is not None and picture.tag == "picture":
        sets += [source.get(attr) for source in picture.iter("source") for attr in _SRCSET_ATTRS]
    for srcset in sets:
        chosen = _srcset_candidate(srcset or "")
        if chosen:
            return chosen
    return None


def _srcset_candidate(srcset: str) -> str | None:
    """The candidate of a ``srcset`` fit for a reading column: the widest up to 1600 pixels
    (or twice the density), else the narrowest beyond that; None when there is none."""
    candidates: list[tuple[float, str]] = []
    tokens = srcset.split()
    i = 0
    while i < len(tokens):
        url = tokens[i]
        i += 1
        descriptor = ""
        if url.endswith(","):
            url = url.rstrip(",")
        else:
            while i < len(tokens):
                token, comma, rest = tokens[i].partition(",")
                i += 1
                descriptor += token
                if comma:
                    if rest:  # "640w,next.jpg": the next candidate follows the comma
                        tokens.insert(i, rest)
                    break
        if not url or _PLACEHOLDER_SRC.search(url):
            continue
        candidates.append((_srcset_width(descriptor), url))
    if not candidates:
        return None
    fitting = [c for c in candidates if c[0] <= _SRCSET_WIDTH]
    return max(fitting)[1] if fitting else min(candidates)[1]


def _srcset_width(descriptor: str) -> float:
    """A candidate's width in pixels (``640w``; ``2x`` counts as 800 pixels a density)."""
    try:
        if descriptor.endswith("w"):
            return float(descriptor[:-1])
        if descriptor.endswith("x"):
            return float(descriptor[:-1]) * 800
    except ValueError:
        return 0.0
    return 800.0  # no descriptor: 1x


def _collect_anchored(
    root: etree._Element, url: str | None, images: bool, saved_copy: bool = False
) -> list[_Anchored]:
    """Figures (with captions), images inside paragraphs and section headings, in order."""
    found: list[_Anchored] = []
    pending: list[tuple[Block, str | None]] = []
    seen: set[str] = set()
    last: str | None = None
    tags = ("figure", "img", *_TEXT_TAGS) if images else tuple(_TEXT_TAGS)
    for element in root.iter(*tags):
        tag = element.tag
        if tag in _TEXT_TAGS:
            if tag in _HEADING_TAGS:  # "Students<br>by Kimber" is two words, not one
                text = " ".join(_text_of(element, ("br",))[0].split())
            else:
                text = " ".join(element.text_content().split())
            key = _key(text)
            if key is None:
                continue
            found += [_Anchored(block, before, key) for block, before in pending]
            pending = []
            if tag in _HEADING_TAGS:
                pending.append((Block("heading", text, level=_HEADING_TAGS[tag]), last))
            last = key
            continue
        image = _figure_block(element, url, seen, saved_copy)
        if image is not None:
            pending.append((image, last))
    found += [_Anchored(block, before, None) for block, before in pending]
    return found


def _figure_block(
    element: etree._Element, url: str | None, seen: set[str], saved_copy: bool = False
) -> Block | None:
    if element.tag == "img":
        ancestors = [a.tag for a in element.iterancestors()]
        if "figure" in ancestors or ("p" not in ancestors and not _is_picture(element)):
            return None
        img: etree._Element | None = element
    else:
        img = next(element.iter("img"), None)
    src = _image_src(img, saved_copy) if img is not None else None
    if not src or _DECORATION.search(src):
        return None
    src = _resolve(src, url)
    if src in seen:
        return None
    seen.add(src)
    caption = element.find(".//figcaption") if element.tag == "figure" else None
    text = " ".join(caption.text_content().split()) if caption is not None else ""
    alt = " ".join((img.get("alt") or img.get("title") or "").split()) if img is not None else ""
    return Block("image", text, src=src, alt=alt)


#: Images that decorate rather than illustrate: logos, avatars, icons, tracking pixels.
_DECORATION = re.compile(
    r"logo|avatar|icon|sprite|badge|emoji|gravatar|profile|author|pixel|spacer|tracking|"
    r"placeholder|blank\.gif|\.svg(?:$|\?)",
    re.I,
)
_MIN_PICTURE_SIDE = 300


def _is_picture(img: etree._Element) -> bool:
    """Whether an image outside figures and paragraphs is a declared large picture, not
    inside a link (linked images are cards of other pages)."""
    if any(a.tag == "a" for a in img.iterancestors()):
        return False
    names = " ".join(img.get(a) or "" for a in ("class", "alt", "id"))
    if _DECORATION.search(names):
        return False
    try:
        width = int((img.get("width") or "0").strip().rstrip("px"))
    except ValueError:
        return False
    return width >= _MIN_PICTURE_SIDE


def _without_credit(image: _Anchored) -> _Anchored:
    """The image without its caption when the caption only credits the picture."""
    if not is_credit(image.block.text):
        return image
    return replace(image, block=replace(image.block, text=""))


def _block_keys(block: Block) -> list[str]:
    texts = block.items if block.kind == "list" else (block.text.split("\n")[0],)
    return [k for k in (_key(t) for t in texts) if k]


def _place_anchored(drafts: list[Draft], anchored: list[_Anchored]) -> list[Draft]:
    """Insert each image after the block it follows in the page (or before the next one),
    and each missing heading before the block it introduces."""
    if not anchored or not drafts:
        return drafts
    index: dict[str, int] = {}
    for i, draft in enumerate(drafts):
        for key in _block_keys(draft.block):
            index.setdefault(key, i)
    after: dict[int, list[Draft]] = {}
    for item in anchored:
        if item.block.kind == "heading":
            if _key(item.block.text) in index or item.after not in index:
                continue
            slot = index[item.after] - 1
            if slot >= 0 and drafts[slot].block.kind == "heading":
                continue
        elif item.before in index:
            slot = index[item.before]
        elif item.after in index:
            slot = index[item.after] - 1
        else:
            continue
        after.setdefault(slot, []).append(Draft(item.block))
    out = after.get(-1, [])[:]
    for i, draft in enumerate(drafts):
        out.append(draft)
        out += after.get(i, [])
    return out


# --- readability HTML → drafts ----------------------------------------------------------

_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_SKIP_HTML = frozenset({"script", "style", "noscript", "button", "form", "input", "nav", "svg"})


def _walk_html(element: etree._Element) -> Iterator[Draft]:
    """Drafts from an HTML fragment (readability's summary), in document order."""
    inline: list[str] = []
    yield from _html_children(element, inline)
    yield from _inline_paragraphs(inline)


def _inline_paragraphs(inline: list[str]) -> Iterator[Draft]:
    """Paragraphs of a run of inline text and line breaks, split at pairs of breaks."""
    for piece in _PARAGRAPH_BREAK.split("".join(inline)):
        text = _clean(piece.replace(_BREAK, "\n"))
        if text:
            yield Draft(Block("paragraph", text))


def _html_children(element: etree._Element, inline: list[str]) -> Iterator[Draft]:
    if element.text:
        inline.append(element.text)
    for child in element:
        tag = child.tag if isinstance(child.tag, str) else ""
        skipped = not tag or tag in _SKIP_HTML  # comments and controls: their tail only
        if not skipped and tag in _BLOCK_HTML:
            yield from _inline_paragraphs(inline)
            inline.clear()
            yield from _html_block(child)
        elif tag == "br":
            inline.append(_BREAK)
        elif not skipped:
            blocks_inside = any(
                isinstance(d.tag, str) and d.tag in _BLOCK_CHILDREN for d in child.iterdescendants()
            )
            if blocks_inside:  # a link or span around blocks: their lines stand apart
                inline.append("\n" + _text_of(child, ("br",))[0] + "\n")
            else:
                inline.append(("" if tag == "a" else " ").join(child.itertext()))
        if child.tail:
            inline.append(child.tail)


_BLOCK_HTML = frozenset(
    {
        "p",
        "div",
        "section",
        "article",
        "main",
        "header",
        "footer",
        "aside",
        "figure",
        "ul",
        "ol",
        "dl",
        "blockquote",
        "pre",
        "table",
        "img",
        "picture",
        "hr",
        "center",
        "details",
        *_HEADINGS,
    }
)


def _html_block(element: etree._Element) -> Iterator[Draft]:
    tag = element.tag
    if tag in _HEADINGS:
        text, ratio = _text_of(element, ("br",))
        if text:
            yield Draft(Block("heading", " ".join(text.split()), level=_HEADINGS[tag]), ratio)
    elif tag == "p":
        yield from _paragraphs(element, ("br",))
    elif tag in ("ul", "ol"):
        items, link_chars, total = _list_items(element, "li", ("ul", "ol"))
        if items:
            block = Block("list", "\n".join(items), items=tuple(items), ordered=tag == "ol")
            yield Draft(block, link_chars / max(1, total))
    elif tag == "blockquote":
        text = "\n".join(p.block.text for p in _walk_html(element))
        if text:
            yield Draft(Block("quote", text))
    elif tag == "pre":
        text = "".join(element.itertext()).strip("\n")
        if text.strip():
            yield Draft(Block("code", text))
    elif tag == "table":
        yield from _xml_table(element, "tr", ("td", "th"))
    elif tag not in ("img", "picture", "hr"):  # images are placed from the page itself
        yield from _walk_html(element)
