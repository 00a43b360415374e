"""Frozen data passed between the core's stages: the raw page, the article and its blocks."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Literal

BlockKind = Literal["heading", "paragraph", "list", "quote", "image", "table", "code"]
#: Heading level given to a post's time line (a live blog's "14:05"; see ``core.posts``).
POST_STAMP_LEVEL = 5
#: Where a page came from: a web server, a page file on disk, a saved archive (MHTML, from disk
#: or the web), or text handed over directly (dropped HTML). It decides which images may load.
Origin = Literal["web", "file", "archive", "text"]
#: Inline structure: emphasis, strong, code, a link, subscript, superscript, a line break.
SpanKind = Literal["em", "strong", "code", "link", "sub", "sup", "br"]
SPAN_KINDS: tuple[SpanKind, ...] = ("em", "strong", "code", "link", "sub", "sup", "br")

_EMPTY: Mapping[str, bytes] = MappingProxyType({})

#: Separator between the title and blocks in :attr:`Article.text`.
BLOCK_SEPARATOR = "\n\n"


@dataclass(frozen=True)
class RawPage:
    """Bytes as read from a file, an MHTML archive or an HTTP response, before decoding.

    ``url`` is the page's own address (the final URL after redirects, an MHTML part's
    Content-Location, or a ``file://`` URL); ``charset`` and ``content_type`` are what the
    transport declared, if anything. ``resources`` maps URLs of embedded parts (MHTML images)
    to their bytes; ``base_dir`` is the folder of a saved file, where ``NAME_files/`` lives.
    ``origin`` says where the bytes came from (see :data:`Origin`).
    """

    data: bytes
    url: str | None = None
    charset: str | None = None
    content_type: str | None = None
    resources: Mapping[str, bytes] = field(
        default_factory=lambda: _EMPTY, compare=False, repr=False
    )
    base_dir: str | None = None
    origin: Origin = "text"


@dataclass(frozen=True)
class Span:
    """Inline structure over ``Block.text[start:end]``.

    Offsets are relative to the block's own :attr:`Block.text`, also in lists and tables,
    whose items, rows and cells are found in that text as ``\n``/``\t`` separate them. A
    ``link`` carries its address in ``href`` (as the page gave it, made absolute when the page
    had an address); a ``br`` covers the one whitespace character of the text that stands for
    a line break. Spans may nest and overlap; they never start or end with whitespace (except
    ``br``).
    """

    start: int
    end: int
    kind: SpanKind
    href: str | None = None


@dataclass(frozen=True)
class Block:
    """One block of article content.

    ``text`` is the block's plain text as it appears in :attr:`Article.text`: list items and
    table rows are joined with ``\\n``, table cells with ``\\t``; an image's text is its alt
    text or caption (possibly empty). ``items``/``rows`` keep the structure for renderers;
    ``spans`` the inline structure (emphasis, links, ...) over ``text``, ordered by start.
    ``start`` is the number of an ordered list's first item (a list that goes on after a
    step's code sample).
    ``alt`` is an image's alt text, kept apart from ``text`` (it is not article text): what
    a reader is told in place of a picture that cannot be shown.
    """

    kind: BlockKind
    text: str
    level: int = 0
    items: tuple[str, ...] = ()
    ordered: bool = False
    start: int = 1
    rows: tuple[tuple[str, ...], ...] = ()
    src: str | None = None
    spans: tuple[Span, ...] = ()
    alt: str = ""


@dataclass(frozen=True)
class Article:
    """A decluttered article: metadata and content blocks in reading order.

    ``origin`` is the origin of the page it was extracted from (see :data:`Origin`).
    """

    title: str
    blocks: tuple[Block, ...]
    byline: str | None = None
    site: str | None = None
    date: str | None = None
    url: str | None = None
    language: str | None = None
    extractor: Literal["trafilatura", "readability"] = "trafilatura"
    resources: Mapping[str, bytes] = field(
        default_factory=lambda: _EMPTY, compare=False, repr=False
    )
    origin: Origin = field(default="text", compare=False)

    @property
    def text(self) -> str:
        """The article's plain text: the title, then each non-empty block, blank-line separated.

        Fact offsets index into this string; :meth:`spans` tells which part is which block.
        """
        return BLOCK_SEPARATOR.join(part for part in self._parts() if part)

    def spans(self) -> list[tuple[int, int, Block | None]]:
        """``(start, end, block)`` for each part of :attr:`text`; the title has ``block=None``."""
        out: list[tuple[int, int, Block | None]] = []
        pos = 0
        parts: list[tuple[str, Block | None]] = [(self.title, None)]
        parts += [(b.text, b) for b in self.blocks]
        for text, block in parts:
            if not text:
                continue
            if out:
                pos += len(BLOCK_SEPARATOR)
            out.append((pos, pos + len(text), block))
            pos += len(text)
        return out

    def text_spans(self) -> list[Span]:
        """Every block's inline spans with offsets into :attr:`text` (as fact mentions)."""
        return [
            Span(start + s.start, start + s.end, s.kind, s.href)
            for start, _end, block in self.spans()
            if block is not None
            for s in block.spans
        ]

    @property
    def word_count(self) -> int:
        """Words in the article body (title excluded)."""
        return sum(len(b.text.split()) for b in self.blocks)

    @property
    def reading_minutes(self) -> int:
        """Estimated reading time at 230 words a minute, at least one minute."""
        return max(1, round(self.word_count / 230))

    def _parts(self) -> list[str]:
        return [self.title, *(b.text for b in self.blocks)]
