"""Articles and facts to and from JSON-ready dictionaries (the stored and exported form)."""

from __future__ import annotations

from typing import Any, cast

from ..facts.model import FACT_GROUPS, FACT_KINDS, Fact, FactKind, Facts
from ..model import SPAN_KINDS, Article, Block, BlockKind, Span
from .errors import LibraryError

BLOCK_KINDS: tuple[BlockKind, ...] = (
    "heading", "paragraph", "list", "quote", "image", "table", "code")


def block_to_dict(block: Block) -> dict[str, Any]:
    """A block as a dictionary holding only the fields that differ from their defaults."""
    out: dict[str, Any] = {"kind": block.kind, "text": block.text}
    if block.level:
        out["level"] = block.level
    if block.items:
        out["items"] = list(block.items)
    if block.ordered:
        out["ordered"] = True
    if block.start != 1:
        out["start"] = block.start
    if block.rows:
        out["rows"] = [list(row) for row in block.rows]
    if block.src is not None:
        out["src"] = block.src
    if block.spans:
        out["spans"] = [span_to_dict(s) for s in block.spans]
    if block.alt:
        out["alt"] = block.alt
    return out


def span_to_dict(span: Span) -> dict[str, Any]:
    """An inline span as ``{start, end, kind}`` and, for a link, ``href``."""
    out: dict[str, Any] = {"start": span.start, "end": span.end, "kind": span.kind}
    if span.href is not None:
        out["href"] = span.href
    return out


def span_from_dict(data: Any) -> Span:
    """The span of :func:`span_to_dict` (raises ``ValueError``/``KeyError`` on anything else)."""
    kind = data["kind"]
    if kind not in SPAN_KINDS:
        raise ValueError(kind)
    href = data.get("href")
    return Span(int(data["start"]), int(data["end"]), kind,
                None if href is None else str(href))


def block_from_dict(data: Any) -> Block:
    """The block of :func:`block_to_dict`; raises :class:`LibraryError` on anything else."""
    try:
        kind = data["kind"]
        if kind not in BLOCK_KINDS:
            raise ValueError(kind)
        return Block(
            kind=kind,
            text=str(data["text"]),
            level=int(data.get("level", 0)),
            items=tuple(str(i) for i in data.get("items", ())),
            ordered=bool(data.get("ordered", False)),
            start=int(data.get("start", 1)),
            rows=tuple(tuple(str(c) for c in row) for row in data.get("rows", ())),
            src=None if data.get("src") is None else str(data["src"]),
            spans=tuple(span_from_dict(s) for s in data.get("spans", ())),
            alt=str(data.get("alt", "")),
        )
    except (KeyError, TypeError, ValueError, AttributeError) as err:
        raise LibraryError(f"a stored article block is unreadable ({err})") from err


def fact_to_dict(fact: Fact) -> dict[str, Any]:
    """A fact as a dictionary (mentions as ``[start, end]`` pairs)."""
    return {
        "kind": fact.kind, "label": fact.label,
        "mentions": [[start, end] for start, end in fact.mentions],
        "context": fact.context, "value": fact.value, "unit": fact.unit, "counts": fact.counts,
    }


def fact_from_dict(data: Any) -> Fact:
    """The fact of :func:`fact_to_dict`; raises :class:`LibraryError` on anything else."""
    try:
        kind = data["kind"]
        if kind not in FACT_KINDS:
            raise ValueError(kind)
        value = data.get("value")
        return Fact(
            kind=cast(FactKind, kind),
            label=str(data["label"]),
            mentions=tuple((int(s), int(e)) for s, e in data["mentions"]),
            context=str(data.get("context", "")),
            value=None if value is None else float(value),
            unit=None if data.get("unit") is None else str(data["unit"]),
            counts=None if data.get("counts") is None else str(data["counts"]),
        )
    except (KeyError, TypeError, ValueError, AttributeError) as err:
        raise LibraryError(f"a stored fact is unreadable ({err})") from err


def facts_from_list(items: list[Fact]) -> Facts:
    """Facts grouped by kind, each group in the given order."""
    groups: dict[str, list[Fact]] = {name: [] for name in FACT_GROUPS.values()}
    for fact in items:
        groups[FACT_GROUPS[fact.kind]].append(fact)
    return Facts(**{name: tuple(group) for name, group in groups.items()})


def article_to_dict(article: Article) -> dict[str, Any]:
    """The article's metadata and blocks (resources are kept apart)."""
    return {
        "title": article.title, "byline": article.byline, "site": article.site,
        "date": article.date, "url": article.url, "language": article.language,
        "extractor": article.extractor,
        "blocks": [block_to_dict(b) for b in article.blocks],
    }


def article_from_dict(data: Any) -> Article:
    """The article of :func:`article_to_dict`; raises :class:`LibraryError` on anything else."""
    try:
        extractor = data.get("extractor", "trafilatura")
        if extractor not in ("trafilatura", "readability"):
            raise ValueError(extractor)

        def optional(name: str) -> str | None:
            value = data.get(name)
            return None if value is None else str(value)

        return Article(
            title=str(data["title"]),
            blocks=tuple(block_from_dict(b) for b in data["blocks"]),
            byline=optional("byline"), site=optional("site"), date=optional("date"),
            url=optional("url"), language=optional("language"), extractor=extractor,
        )
    except (KeyError, TypeError, ValueError, AttributeError) as err:
        raise LibraryError(f"a stored article is unreadable ({err})") from err
