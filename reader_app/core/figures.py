"""Figures of a page: pictures (lazy-loading attributes, ``srcset``, ``<noscript>`` copies),
captions kept with their picture, and figures and headings put back in place among the
extracted blocks by the text around them."""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from urllib.parse import urljoin

from lxml import etree

from .clutter_text import is_credit
from .declutter import Draft
from .dom_clutter import remove_keep_tail
from .model import Block
from .page_blocks import text_of
from .visibility import shown_text


def resolve_src(src: str, base: str | None) -> str:
    if not base or src.startswith(("data:", "cid:", "https://", "http://")):
        return src
    try:
        return urljoin(base, src)
    except ValueError:
        return src


def unwrap_noscript_image(noscript: etree._Element) -> None:
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


def captions_to_figures(root: etree._Element) -> None:
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
        text = " ".join(shown_text(caption).split())
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


# --- figures and headings placed by their surroundings ---------------------------------


@dataclass(frozen=True)
class Anchored:
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


@lru_cache(maxsize=4096)  # each block's keys are read twice: for headings, then pictures
def _key(text: str) -> str | None:
    low = text[:120].lower()
    if len(low) < 12:  # the key is never longer than the text it is made of
        return None
    key = " ".join(_KEY_WORDS.findall(low))[:60]
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


def collect_anchored(
    root: etree._Element, url: str | None, images: bool, saved_copy: bool = False
) -> list[Anchored]:
    """Figures (with captions), images inside paragraphs and section headings, in order."""
    found: list[Anchored] = []
    pending: list[tuple[Block, str | None]] = []
    seen: set[str] = set()
    last: str | None = None  # the key of the last text with one ...
    unread: list[etree._Element] = []  # ... or of one of these, read when a block needs it

    def last_key() -> str | None:
        nonlocal last
        for element in reversed(unread):
            key = _key(_anchor_text(element))
            if key is not None:
                last = key
                break
        unread.clear()
        return last

    tags = ("figure", "img", *_TEXT_TAGS) if images else tuple(_TEXT_TAGS)
    for element in root.iter(*tags):
        tag = element.tag
        if tag in _TEXT_TAGS:
            if not pending and tag not in _HEADING_TAGS:
                unread.append(element)
                continue
            text = _anchor_text(element)
            key = _key(text)
            if key is None:
                continue
            found += [Anchored(block, before, key) for block, before in pending]
            pending = []
            if tag in _HEADING_TAGS:
                pending.append((Block("heading", text, level=_HEADING_TAGS[tag]), last_key()))
            last = key
            unread.clear()
            continue
        image = _figure_block(element, url, seen, saved_copy)
        if image is not None:
            pending.append((image, last_key()))
    found += [Anchored(block, before, None) for block, before in pending]
    return found


def _anchor_text(element: etree._Element) -> str:
    if element.tag in _HEADING_TAGS:  # "Students<br>by Kimber" is two words, not one
        return " ".join(text_of(element, ("br",))[0].split())
    return " ".join(element.text_content().split())


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
    src = resolve_src(src, url)
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


def without_credit(image: Anchored) -> Anchored:
    """The image without its caption when the caption only credits the picture."""
    if not is_credit(image.block.text):
        return image
    return replace(image, block=replace(image.block, text=""))


def _block_keys(block: Block) -> list[str]:
    texts = block.items if block.kind == "list" else (block.text.split("\n")[0],)
    return [k for k in (_key(t) for t in texts) if k]


def place_anchored(drafts: list[Draft], anchored: list[Anchored]) -> list[Draft]:
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
