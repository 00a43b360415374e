"""Article and facts → plain text, Markdown, a standalone HTML page, or the JSON contract.

Pure functions: no I/O, no Qt. The JSON shape is the one in the architecture notes; each
fact also carries ``counts`` (what a number counts, e.g. "homes"), ``null`` when unknown.
"""

from __future__ import annotations

from html import escape
from typing import Any

from .facts.model import Fact, Facts
from .model import Article, Block

_FACT_GROUPS = (
    ("numbers", "Numbers"),
    ("people", "People"),
    ("places", "Places"),
    ("organisations", "Organisations"),
)


def to_text(article: Article) -> str:
    """The article as plain text: :attr:`Article.text` (title first, blank-line separated)."""
    return article.text


def _meta_line(article: Article) -> str:
    parts = [p for p in (article.byline, article.site, article.date) if p]
    return " · ".join(parts)


def to_markdown(article: Article) -> str:
    """The article as Markdown: a ``#`` title, a metadata line, then the blocks."""
    out = [f"# {_md_inline(article.title)}"] if article.title else []
    meta = _meta_line(article)
    if meta:
        out.append(f"*{_md_inline(meta)}*")
    out += [_md_block(b) for b in article.blocks]
    return "\n\n".join(part for part in out if part) + "\n"


def _md_inline(text: str) -> str:
    for char in ("\\", "*", "_", "`", "[", "]"):
        text = text.replace(char, "\\" + char)
    return text


def _md_block(block: Block) -> str:
    if block.kind == "heading":
        return "#" * min(6, max(2, block.level)) + " " + _md_inline(block.text)
    if block.kind == "list":
        items = block.items or tuple(block.text.split("\n"))
        if block.ordered:
            return "\n".join(f"{n}. {_md_inline(item)}" for n, item in enumerate(items, 1))
        return "\n".join(f"- {_md_inline(item)}" for item in items)
    if block.kind == "quote":
        return "\n".join(
            f"> {_md_inline(line)}" if line else ">" for line in block.text.split("\n")
        )
    if block.kind == "image":
        alt = block.text.replace("\n", " ").replace("]", "\\]")
        return f"![{alt}]({block.src})" if block.src else _md_inline(block.text)
    if block.kind == "table":
        return _md_table(block)
    if block.kind == "code":
        fence = "````" if "```" in block.text else "```"
        return f"{fence}\n{block.text}\n{fence}"
    return _md_inline(block.text)


def _md_table(block: Block) -> str:
    rows = block.rows or tuple(tuple(line.split("\t")) for line in block.text.split("\n"))
    width = max(len(r) for r in rows)

    def line(cells: tuple[str, ...]) -> str:
        padded = [*cells, *[""] * (width - len(cells))]
        return "| " + " | ".join(_md_inline(c).replace("|", "\\|") for c in padded) + " |"

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
    meta = _meta_line(article)
    if meta:
        body.append(f'<p class="meta">{escape(meta)}</p>')
    body += [_html_block(b) for b in article.blocks]
    tail = ["</article>", "</body>", "</html>"]
    return "\n".join(head + body + tail) + "\n"


def _html_text(text: str) -> str:
    return escape(text).replace("\n", "<br>\n")


def _html_block(block: Block) -> str:
    if block.kind == "heading":
        level = min(6, max(2, block.level))
        return f"<h{level}>{escape(block.text)}</h{level}>"
    if block.kind == "list":
        tag = "ol" if block.ordered else "ul"
        items = block.items or tuple(block.text.split("\n"))
        inner = "".join(f"<li>{escape(item)}</li>" for item in items)
        return f"<{tag}>{inner}</{tag}>"
    if block.kind == "quote":
        paras = "".join(f"<p>{escape(line)}</p>" for line in block.text.split("\n") if line)
        return f"<blockquote>{paras}</blockquote>"
    if block.kind == "image":
        if not block.src:
            return f"<p>{_html_text(block.text)}</p>" if block.text else ""
        caption = f"<figcaption>{escape(block.text)}</figcaption>" if block.text else ""
        img = f'<img src="{escape(block.src)}" alt="{escape(block.text)}">'
        return f"<figure>{img}{caption}</figure>"
    if block.kind == "table":
        rows = block.rows or tuple(tuple(line.split("\t")) for line in block.text.split("\n"))
        inner = "".join(
            "<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in row) + "</tr>" for row in rows
        )
        return f"<table>{inner}</table>"
    if block.kind == "code":
        return f"<pre><code>{escape(block.text)}</code></pre>"
    return f"<p>{_html_text(block.text)}</p>"


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
    return {key: [fact_to_json(f) for f in getattr(facts, key)] for key, _ in _FACT_GROUPS}


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
    }
    if facts is not None:
        payload["facts"] = facts_to_json(facts)
    return payload


def facts_to_text(facts: Facts) -> str:
    """Facts as readable text: one section per kind, one fact a line, with its mentions."""
    sections = []
    for key, heading in _FACT_GROUPS:
        group: tuple[Fact, ...] = getattr(facts, key)
        if not group:
            continue
        lines = [f"{heading} ({len(group)})"]
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
