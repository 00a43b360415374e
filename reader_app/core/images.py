"""Pictures of the article: figures with their captions, images inside paragraphs and large
standalone pictures; not logos, avatars, icons or linked cards."""

from __future__ import annotations

import re
from urllib.parse import urljoin

from lxml import etree

from .clutter_cues import is_credit
from .model import Block

__all__ = ["image_block", "resolve_url"]

_SRC_ATTRS = ("src", "data-src", "data-lazy-src", "data-original", "data-srcset", "srcset")

#: Images that decorate rather than illustrate: logos, avatars, icons, tracking pixels.
_DECORATION = re.compile(
    r"logo|avatar|icon|sprite|badge|emoji|gravatar|profile|author|pixel|spacer|tracking|"
    r"placeholder|blank\.gif|\.svg(?:$|\?)",
    re.I,
)
_MIN_PICTURE_SIDE = 300


def resolve_url(src: str, base: str | None) -> str:
    """``src`` made absolute against ``base`` (data: and cid: URLs as they are)."""
    if not base or src.startswith(("data:", "cid:")):
        return src
    try:
        return urljoin(base, src)
    except ValueError:
        return src


def image_block(element: etree._Element, url: str | None, seen: set[str]) -> Block | None:
    """The image block of a ``figure`` or an ``img`` (None for decoration, cards and
    pictures already seen); a caption that only credits the picture is left out."""
    if element.tag == "img":
        ancestors = [a.tag for a in element.iterancestors()]
        if "figure" in ancestors or ("p" not in ancestors and not _is_picture(element)):
            return None
        img: etree._Element | None = element
    else:
        img = next(element.iter("img"), None)
    src = _image_src(img) if img is not None else None
    if not src or _DECORATION.search(src):
        return None
    src = resolve_url(src, url)
    if src in seen:
        return None
    seen.add(src)
    caption = element.find(".//figcaption") if element.tag == "figure" else None
    text = " ".join(caption.text_content().split()) if caption is not None else ""
    return Block("image", "" if is_credit(text) else text, src=src)


def _image_src(img: etree._Element) -> str | None:
    for attr in _SRC_ATTRS:
        value = (img.get(attr) or "").strip()
        if attr.endswith("srcset"):
            value = value.split(",")[0].strip().split(" ")[0]
        if value and not value.startswith("data:"):
            return value
    return None


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
