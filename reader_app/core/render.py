"""Article and facts → plain text, Markdown, a standalone HTML page, or the JSON contract.

Pure functions: no I/O, no Qt. The JSON shape is the one in the architecture notes; each
fact also carries ``counts`` (what a number counts, e.g. "homes"), ``null`` when unknown.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from html import escape
from typing import Any
from urllib.parse import urljoin, urlsplit

from .facts.model import FACT_GROUPS, FACT_KINDS, FACT_TITLES, Fact, Facts
from .model import Article, Block, Span
from .spans import nested, split_spans


def to_text(article: Article) -> str:
    """The article as plain text: :attr:`Article.text` (title first, blank-line separated)."""
    return article.text


def meta_line(article: Article) -> str:
    """Byline · site · date, as shown under the title; the site is left out where the
    byline already names it (a blog credited to itself: "Heather Handmade")."""
    site = article.site
    if site and _folded(site) == _folded(article.byline or ""):
        site = None
    return " · ".join(p for p in (article.byline, site, article.date) if p)


def _folded(text: str) -> str:
    return " ".join(text.casefold().split())


def to_markdown(article: Article) -> str:
    """The article as Markdown: a ``#`` title, a metadata line, then the blocks."""
    out = [f"# {_md_inline(article.title)}"] if article.title else []
    meta = meta_line(article)
    if meta:
        out.append(f"*{_md_inline(meta)}*")
    out += [_md_block(b, article.url) for b in article.blocks]
    return "\n\n".join(part for part in out if part) + "\n"


#: Link schemes kept as links in exports (others, such as ``javascript:``, become plain text).
SAFE_SCHEMES = frozenset({"http", "https", "mailto", "ftp"})
_TICKS = re.compile("`+")


def link_target(href: str | None, base: str | None) -> str | None:
    """``href`` made absolute against ``base``, or ``None`` when it is no safe link."""
    if not href:
        return None
    try:
        target = urljoin(base, href) if base else href
        scheme = urlsplit(target).scheme.lower()
    except ValueError:
        return None
    return target if scheme in SAFE_SCHEMES else None


def _markup(text: str, spans: Sequence[Span], plain: Callable[[str], str],
            wrap: Callable[[Span, str, str], str]) -> str:
    """``text`` with ``spans`` applied: ``plain`` escapes text, ``wrap(span, inner, raw)``
    marks up one span around its rendered ``inner`` text (``raw`` is its plain text)."""
    ordered = nested(spans)

    def build(start: int, end: int, index: int) -> tuple[str, int]:
        out = []
        pos = start
        while index < len(ordered) and ordered[index].start < end:
            span = ordered[index]
            out.append(plain(text[pos:span.start]))
            inner, index = build(span.start, span.end, index + 1)
            out.append(wrap(span, inner, text[span.start:span.end]))
            pos = span.end
        out.append(plain(text[pos:end]))
        return "".join(out), index

    return build(0, len(text), 0)[0]


def _md_span(base: str | None) -> Callable[[Span, str, str], str]:
    def wrap(span: Span, inner: str, raw: str) -> str:
        if span.kind == "em":
            return f"*{inner}*"
        if span.kind == "strong":
            return f"**{inner}**"
        if span.kind == "code":
            ticks = "`" * (max((len(run) for run in _TICKS.findall(raw)), default=0) + 1)
            pad = " " if raw.startswith("`") or raw.endswith("`") else ""
            return f"{ticks}{pad}{raw}{pad}{ticks}"
        if span.kind in ("sub", "sup"):
            return f"<{span.kind}>{inner}</{span.kind}>"
        target = link_target(span.href, base) if span.kind == "link" else None
        if target is None:
            return inner
        if any(c in target for c in " ()<>"):
            target = "<" + target.replace("<", "%3C").replace(">", "%3E") + ">"
        return f"[{inner}]({target})"

    return wrap


def _md_rich(text: str, spans: Sequence[Span], base: str | None) -> str:
    return _markup(text, spans, _md_inline, _md_span(base)) if spans else _md_inline(text)


def _md_inline(text: str) -> str:
    for char in ("\\", "*", "_", "`", "[", "]"):
        text = text.replace(char, "\\" + char)
    return text


def _md_block(block: Block, base: str | None = None) -> str:
    if block.kind == "heading":
        return "#" * min(6, max(2, block.level)) + " " + _md_rich(block.text, block.spans, base)
    if block.kind == "list":
        items = [_md_rich(t, s, base) for t, s in split_spans(block.text, block.spans, "\n")]
        if block.ordered:
            return "\n".join(f"{n}. {item}" for n, item in enumerate(items, block.start))
        return "\n".join(f"- {item}" for item in items)
    if block.kind == "quote":
        return "\n".join(f"> {_md_rich(line, spans, base)}" if line else ">"
                         for line, spans in split_spans(block.text, block.spans, "\n"))
    if block.kind == "image":
        alt = (block.text or block.alt).replace("\n", " ").replace("]", "\\]")
        return f"![{alt}]({block.src})" if block.src else _md_inline(block.text)
    if block.kind == "table":
        return _md_table(block, base)
    if block.kind == "code":
        fence = "````" if "```" in block.text else "```"
        return f"{fence}\n{block.text}\n{fence}"
    return _md_rich(block.text, block.spans, base)


def _md_table(block: Block, base: str | None) -> str:
    rows = [[_md_rich(t, s, base).replace("|", "\\|") for t, s in split_spans(row, spans, "\t")]
            for row, spans in split_spans(block.text, block.spans, "\n")]
    width = max(len(r) for r in rows)

    def line(cells: list[str]) -> str:
        padded = [*cells, *[""] * (width - len(cells))]
        return "| " + " | ".join(padded) + " |"

    return "\n".join([line(rows[0]), "|" + " --- |" * width, *(line(r) for r in rows[1:])])


_STYLE = """
body { max-width: 42em; margin: 2em auto; padding: 0 1em; font: 18px/1.6 Georgia, serif;
       color: #222; background: #fdfdfb; }
h1, h2, h3, h4, h5, h6 { font-family: system-ui, sans-serif; line-height: 1.25; }
.meta { color: #666; font-family: system-ui, sans-serif; font-size: 0.9em; }
img { max-width: 100%; height: auto; }
figcaption { color: #555; font-size: 0.9em; }
blockquote { margin-left: 0; padding-left: 1em; border-left: 3px solid #ccc; color: #444; }
pre { background: #f3f3f0; padding: 0.8em; overflow-x: auto; }
table { border-collapse: collapse; } td, th { border: 1px solid #ccc; padding: 0.3em 0.6em; }
"""


def to_html(article: Article) -> str:
    """The article as a standalone HTML5 document: escaped text, inline style, no scripts."""
    lang = f' lang="{escape(article.language)}"' if article.language else ""
    head = [
        "<!DOCTYPE html>",
        f"<html{lang}>",
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta http-equiv="Content-Security-Policy" content="script-src \'none\'">',
        f"<title>{escape(article.title)}</title>",
        f"<style>{_STYLE}</style>",
        "</head>",
        "<body>",
        "<article>",
    ]
    body = [f"<h1>{escape(article.title)}</h1>"] if article.title else []
    meta = meta_line(article)
    if meta:
        body.append(f'<p class="meta">{escape(meta)}</p>')
    body += [_html_block(b, article.url) for b in article.blocks]
    tail = ["</article>", "</body>", "</html>"]
    return "\n".join(head + body + tail) + "\n"


def _html_text(text: str) -> str:
    return escape(text).replace("\n", "<br>\n")


def _html_span(base: str | None) -> Callable[[Span, str, str], str]:
    tags = {"em": "em", "strong": "strong", "code": "code", "sub": "sub", "sup": "sup"}

    def wrap(span: Span, inner: str, _raw: str) -> str:
        if span.kind == "br":
            return "<br>\n"
        tag = tags.get(span.kind)
        if tag:
            return f"<{tag}>{inner}</{tag}>"
        target = link_target(span.href, base)
        return f'<a href="{escape(target)}">{inner}</a>' if target else inner

    return wrap


def _html_rich(text: str, spans: Sequence[Span], base: str | None) -> str:
    return _markup(text, spans, _html_text, _html_span(base))


def _html_block(block: Block, base: str | None = None) -> str:
    if block.kind == "heading":
        level = min(6, max(2, block.level))
        return f"<h{level}>{_html_rich(block.text, block.spans, base)}</h{level}>"
    if block.kind == "list":
        tag = "ol" if block.ordered else "ul"
        inner = "".join(f"<li>{_html_rich(t, s, base)}</li>"
                        for t, s in split_spans(block.text, block.spans, "\n"))
        start = f' start="{block.start}"' if block.ordered and block.start != 1 else ""
        return f"<{tag}{start}>{inner}</{tag}>"
    if block.kind == "quote":
        paras = "".join(f"<p>{_html_rich(line, spans, base)}</p>"
                        for line, spans in split_spans(block.text, block.spans, "\n") if line)
        return f"<blockquote>{paras}</blockquote>"
    if block.kind == "image":
        if not block.src:
            return f"<p>{_html_text(block.text)}</p>" if block.text else ""
        caption = f"<figcaption>{escape(block.text)}</figcaption>" if block.text else ""
        img = f'<img src="{escape(block.src)}" alt="{escape(block.alt or block.text)}">'
        return f"<figure>{img}{caption}</figure>"
    if block.kind == "table":
        inner = "".join(
            "<tr>" + "".join(f"<td>{_html_rich(cell, spans, base)}</td>"
                             for cell, spans in split_spans(row, row_spans, "\t")) + "</tr>"
            for row, row_spans in split_spans(block.text, block.spans, "\n")
        )
        return f"<table>{inner}</table>"
    if block.kind == "code":
        return f"<pre><code>{escape(block.text)}</code></pre>"
    return f"<p>{_html_rich(block.text, block.spans, base)}</p>"


def fact_to_json(fact: Fact) -> dict[str, Any]:
    """One fact as the JSON contract's ``Fact`` object (with ``counts``)."""
    return {
        "label": fact.label,
        "mentions": [[start, end] for start, end in fact.mentions],
        "context": fact.context,
        "value": fact.value,
        "unit": fact.unit,
        "counts": fact.counts,
    }


def facts_to_json(facts: Facts) -> dict[str, list[dict[str, Any]]]:
    """The ``facts`` object of the JSON contract: four lists of facts."""
    return {FACT_GROUPS[kind]: [fact_to_json(f) for f in facts.of(kind)] for kind in FACT_KINDS}


def to_json_dict(article: Article, facts: Facts | None = None) -> dict[str, Any]:
    """The article (and its facts, if given) as the ``extract --format json`` object."""
    payload: dict[str, Any] = {
        "title": article.title,
        "byline": article.byline,
        "site": article.site,
        "date": article.date,
        "url": article.url,
        "language": article.language,
        "text": article.text,
        "word_count": article.word_count,
        "reading_minutes": article.reading_minutes,
        "extractor": article.extractor,
        "spans": [_span_json(s) for s in article.text_spans()],
    }
    if facts is not None:
        payload["facts"] = facts_to_json(facts)
    return payload


def _span_json(span: Span) -> dict[str, Any]:
    out: dict[str, Any] = {"start": span.start, "end": span.end, "kind": span.kind}
    if span.kind == "link":
        out["href"] = span.href
    return out


def facts_to_text(facts: Facts) -> str:
    """Facts as readable text: one section per kind, one fact a line, with its mentions."""
    sections = []
    for kind in FACT_KINDS:
        group = facts.of(kind)
        if not group:
            continue
        lines = [f"{FACT_TITLES[kind]} ({len(group)})"]
        for fact in group:
            lines.append("  " + _fact_line(fact))
        sections.append("\n".join(lines))
    return "\n\n".join(sections) if sections else "No facts found."


def _fact_line(fact: Fact) -> str:
    line = fact.label
    details = []
    if fact.counts:
        details.append(fact.counts)
    if fact.value is not None and fact.unit:
        details.append(f"{fact.value:,.12g} {fact.unit}")
    elif fact.unit:
        details.append(fact.unit)
    if details:
        line += f" [{'; '.join(details)}]"
    mentions = len(fact.mentions)
    line += f" — {mentions} mention{'s' if mentions != 1 else ''}"
    return line
