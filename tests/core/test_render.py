"""Renderers: plain text, Markdown, standalone HTML and the JSON contract."""

from __future__ import annotations

import json
from dataclasses import replace

import lxml.html

from reader_app.core import render
from reader_app.core.facts.model import Fact, Facts
from reader_app.core.model import Article, Block

ARTICLE = Article(
    title="Flood wall <approved> & funded",
    blocks=(
        Block("paragraph", "Work on a £18.4m wall will begin in June."),
        Block("heading", "What will be built", level=2),
        Block("list", "a 2.3km wall\nsix gates", items=("a 2.3km wall", "six gates")),
        Block("list", "first\nsecond", items=("first", "second"), ordered=True),
        Block("code", "make"),
        Block("list", "third", items=("third",), ordered=True, start=3),
        Block("quote", "People have waited long enough."),
        Block("image", "Bridge Street in 2020", src="https://news.example/a.jpg?x=1&y=2"),
        Block("table", "Year\tCost\n2025\t£2m", rows=(("Year", "Cost"), ("2025", "£2m"))),
        Block("code", "x = 1\n<script>alert(1)</script>"),
        Block("paragraph", "Use *stars* and _underscores_ [literally]."),
    ),
    byline="Rhiannon Price",
    site="Severn Valley Courier",
    date="2025-03-14",
    url="https://news.example/flood-wall",
    language="en",
)

FACTS = Facts(
    numbers=(
        Fact("number", "£18.4m", ((37, 43),), "Work on a £18.4m wall.", 1.84e7, "GBP", "wall"),
    ),
    people=(Fact("person", "Rhiannon Price", ((0, 5), (9, 14)), "Context."),),
    places=(Fact("place", "Kelbridge", ((1, 2),), "Context."),),
)


def test_text_is_the_article_text() -> None:
    assert render.to_text(ARTICLE) == ARTICLE.text
    assert render.to_text(ARTICLE).startswith("Flood wall <approved> & funded\n\nWork on")


def test_markdown_blocks() -> None:
    md = render.to_markdown(ARTICLE)
    assert md.startswith("# Flood wall <approved> & funded\n\n")
    assert "*Rhiannon Price · Severn Valley Courier · 2025-03-14*" in md
    assert "\n## What will be built\n" in md
    assert "- a 2.3km wall\n- six gates" in md
    assert "1. first\n2. second" in md
    assert "\n3. third" in md  # a list that goes on after a step's code
    assert "> People have waited long enough." in md
    assert "![Bridge Street in 2020](https://news.example/a.jpg?x=1&y=2)" in md
    assert "| Year | Cost |\n| --- | --- |\n| 2025 | £2m |" in md
    assert "```\nx = 1\n<script>alert(1)</script>\n```" in md
    assert r"Use \*stars\* and \_underscores\_ \[literally\]." in md


def test_the_meta_line_names_a_site_credited_as_its_own_author_once() -> None:
    assert render.meta_line(ARTICLE) == "Rhiannon Price · Severn Valley Courier · 2025-03-14"
    blog = replace(ARTICLE, byline="Heather Handmade", site="heather  handmade")
    assert render.meta_line(blog) == "Heather Handmade · 2025-03-14"
    assert render.meta_line(replace(ARTICLE, byline=None, date=None)) == "Severn Valley Courier"


def test_html_is_a_standalone_escaped_document_without_scripts() -> None:
    page = render.to_html(ARTICLE)
    assert page.startswith("<!DOCTYPE html>")
    assert "<script" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<title>Flood wall &lt;approved&gt; &amp; funded</title>" in page
    root = lxml.html.document_fromstring(page)
    assert root.get("lang") == "en"
    assert root.findtext(".//h1") == "Flood wall <approved> & funded"
    assert [li.text for li in root.iter("li")] == [
        "a 2.3km wall", "six gates", "first", "second", "third"]
    assert [ol.get("start") for ol in root.iter("ol")] == [None, "3"]
    img = root.find(".//figure/img")
    assert img.get("src") == "https://news.example/a.jpg?x=1&y=2"
    assert root.findtext(".//figcaption") == "Bridge Street in 2020"
    assert [td.text for td in root.iter("td")] == ["Year", "Cost", "2025", "£2m"]
    assert root.findtext(".//blockquote/p") == "People have waited long enough."


def test_json_contract() -> None:
    payload = render.to_json_dict(ARTICLE, FACTS)
    assert list(payload) == [
        "title", "byline", "site", "date", "url", "language", "text", "word_count",
        "reading_minutes", "extractor", "spans", "facts",
    ]  # fmt: skip
    assert payload["text"] == ARTICLE.text
    assert payload["word_count"] == ARTICLE.word_count
    assert payload["reading_minutes"] == 1
    assert payload["extractor"] == "trafilatura"
    facts = payload["facts"]
    assert list(facts) == ["numbers", "people", "places", "organisations"]
    assert facts["organisations"] == []
    assert facts["numbers"][0] == {
        "label": "£18.4m",
        "mentions": [[37, 43]],
        "context": "Work on a £18.4m wall.",
        "value": 1.84e7,
        "unit": "GBP",
        "counts": "wall",
    }
    assert facts["people"][0]["mentions"] == [[0, 5], [9, 14]]
    assert facts["people"][0]["value"] is None
    assert json.loads(json.dumps(payload)) == payload
    assert render.facts_to_json(FACTS) == facts
    assert "facts" not in render.to_json_dict(ARTICLE)


def test_facts_as_text_grouped_by_kind() -> None:
    text = render.facts_to_text(FACTS)
    assert text.splitlines() == [
        "Numbers (1)",
        "  £18.4m [wall; 18,400,000 GBP] — 1 mention",
        "",
        "People (1)",
        "  Rhiannon Price — 2 mentions",
        "",
        "Places (1)",
        "  Kelbridge — 1 mention",
    ]
    assert render.facts_to_text(Facts()) == "No facts found."
