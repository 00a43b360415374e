"""Inline spans as the renderers cut them: a block's spans split at list items, lines and
cells, and nested so that they open and close in order (no lxml: the window renders with
these)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from .model import Span


def spans_within(spans: Iterable[Span], start: int, end: int) -> tuple[Span, ...]:
    """The parts of ``spans`` inside ``[start, end)``, shifted to start there (a list item's
    or table cell's spans, when ``start``/``end`` bound it in the block text)."""
    out = []
    for span in spans:
        first, last = max(span.start, start), min(span.end, end)
        if last > first:
            out.append(replace(span, start=first - start, end=last - start))
    return tuple(out)


def split_spans(
    text: str, spans: Iterable[Span], sep: str
) -> list[tuple[str, tuple[Span, ...]]]:
    """``text`` split at ``sep`` (list items, quote lines, table rows or cells), each piece
    with its own spans."""
    spans = tuple(spans)
    out = []
    pos = 0
    for piece in text.split(sep):
        out.append((piece, spans_within(spans, pos, pos + len(piece))))
        pos += len(piece) + len(sep)
    return out


def nested(spans: Iterable[Span]) -> list[Span]:
    """``spans`` split where they cross, so any two are disjoint or one holds the other;
    ordered by start, outer before inner (the order to open them in)."""
    queue = sorted(spans, key=lambda s: (s.start, -s.end))
    out: list[Span] = []
    stack: list[Span] = []
    while queue:
        span = queue.pop(0)
        while stack and stack[-1].end <= span.start:
            stack.pop()
        if stack and span.end > stack[-1].end:
            rest = replace(span, start=stack[-1].end)
            span = replace(span, end=stack[-1].end)
            queue.append(rest)
            queue.sort(key=lambda s: (s.start, -s.end))
        out.append(span)
        stack.append(span)
    return out
