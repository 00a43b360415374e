"""Golden pages: each saved page extracts to the expected text and none of its clutter."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader_app.core import Article, ExtractionError, RawPage, extract_article, extract_page
from reader_app.core.loading import load
from reader_app.core.posts import POST_STAMP_LEVEL

PAGES = Path(__file__).parent.parent / "data" / "pages"
CASES = sorted(p.stem for p in PAGES.glob("*.json"))


def _expected(name: str) -> dict:
    return json.loads((PAGES / f"{name}.json").read_text(encoding="utf-8"))


def _extract(name: str) -> Article:
    expected = _expected(name)
    raw = RawPage((PAGES / f"{name}.html").read_bytes(), url=expected["url"])
    return extract_page(raw)


def test_every_golden_page_has_expectations() -> None:
    assert sorted(p.stem for p in PAGES.glob("*.html")) == CASES
    assert len(CASES) >= 5


@pytest.mark.parametrize("name", CASES)
def test_golden_page(name: str) -> None:
    expected = _expected(name)
    if "error" in expected:
        with pytest.raises(ExtractionError, match="No article text"):
            _extract(name)
        return
    article = _extract(name)
    text = article.text
    assert text.startswith(expected["title"] + "\n\n")
    for snippet in expected["contains"]:
        assert snippet in text, f"missing: {snippet!r}"
    for snippet in expected["absent"]:
        assert snippet not in text, f"clutter left in: {snippet!r}"
    positions = [text.index(s) for s in expected.get("ordered", [])]
    assert positions == sorted(positions)
    for field in ("byline", "site", "date", "language"):
        if field in expected:
            assert getattr(article, field) == expected[field], field
    assert article.url == expected["url"]


@pytest.mark.parametrize("name", [n for n in CASES if "kinds" in _expected(n)])
def test_golden_block_kinds(name: str) -> None:
    expected = _expected(name)
    article = _extract(name)
    for kind, snippet in expected["kinds"].items():
        blocks = [b for b in article.blocks if b.kind == kind and snippet in b.text]
        assert blocks, f"no {kind} block with {snippet!r}"
    images = [b for b in article.blocks if b.kind == "image"]
    assert [b.src for b in images] == [expected["image_src"]]


def test_text_and_bytes_input_agree() -> None:
    html = (PAGES / "news_article.html").read_bytes()
    url = _expected("news_article")["url"]
    assert extract_article(html, url) == extract_article(html.decode("utf-8"), url)


SAMPLE_CLUTTER = [
    "We and our 143 partners use cookies",
    "Accept all",
    "Sign in",
    "A449 closed southbound",
    "5 min read",
    "Copy link",
    "Start your digital subscription today",
    "Subscribe now",
    "Advertisement",
    "Support local journalism",
    "Your donation allows us",
    "Already a subscriber?",
    "Comments (38)",
    "Join thought-provoking conversations",
    "Rhiannon Price is a Local Democracy Reporter",
    "Related stories",
    "Evesham flood study to look at upstream storage",
    "The Courier Briefing",
    "delivered to your inbox",
    "Turn on notifications",
    "All rights reserved",
]


def test_bundled_sample_extracts_cleanly() -> None:
    from importlib import resources

    from reader_app.core import read_article

    path = resources.files("reader_app.resources").joinpath("sample/article.html")
    article = read_article(str(path))
    text = article.text
    assert article.title == "Kelbridge flood wall approved after £2.5m funding gap is closed"
    assert (article.byline, article.site, article.date) == (
        "Rhiannon Price",
        "The Severn Valley Courier",
        "2025-03-14",
    )
    for snippet in SAMPLE_CLUTTER:
        assert snippet not in text, snippet
    assert "Work on a £18.4m flood wall for Kelbridge will begin in June" in text
    assert "Elsewhere in the county, smaller schemes at Pershore" in text
    assert 750 <= article.word_count <= 1000
    image = next(b for b in article.blocks if b.kind == "image")
    assert image.src is not None and image.src.startswith("file://")
    assert image.src.endswith("/sample/images/kelbridge-flood-2020.png")
    assert image.text.startswith("Floodwater covered Bridge Street")


@pytest.mark.parametrize("name", [n for n in CASES if "spans" in _expected(n)])
def test_golden_inline_spans(name: str) -> None:
    """Emphasis, links and the rest sit over the right words, in blocks and in the text."""
    article = _extract(name)
    found = {
        (span.kind, block.text[span.start : span.end], span.href)
        for block in article.blocks
        for span in block.spans
    }
    for kind, text, href in _expected(name)["spans"]:
        assert (kind, text, href) in found, f"no {kind} span over {text!r}"
    whole = article.text
    assert {(s.kind, whole[s.start : s.end], s.href) for s in article.text_spans()} == found


@pytest.mark.parametrize("name", [n for n in CASES if "blocks" in _expected(n)])
def test_golden_block_texts(name: str) -> None:
    """Div soup and ``<br><br>`` pairs become the page's paragraphs, one block each."""
    assert [b.text for b in _extract(name).blocks] == _expected(name)["blocks"]


@pytest.mark.parametrize("name", [n for n in CASES if "images" in _expected(n)])
def test_golden_figures(name: str) -> None:
    """Lazily loaded pictures get their real address and keep their caption and place, also
    when the caption is outside ``<figcaption>`` (WordPress, Blogger, ``p.caption``)."""
    blocks = _extract(name).blocks
    found = [
        {"src": b.src, "caption": b.text, "alt": b.alt, "after": blocks[i - 1].text[:40]}
        for i, b in enumerate(blocks)
        if b.kind == "image" and i > 0
    ]
    assert found == _expected(name)["images"]
    # a caption belongs to its figure: no paragraph, table or heading repeats it
    for image in _expected(name)["images"]:
        if image["caption"]:
            assert not [b for b in blocks if b.kind != "image" and image["caption"] in b.text]


@pytest.mark.parametrize("name", [n for n in CASES if "posts" in _expected(n)])
def test_golden_posts(name: str) -> None:
    """Live blogs, forum threads and changelogs in every shape: each post is a unit under its
    time line (a small heading), in the page's order, with its text after it."""
    expected = _expected(name)
    blocks = _extract(name).blocks
    stamps = [
        i for i, b in enumerate(blocks) if b.kind == "heading" and b.level == POST_STAMP_LEVEL
    ]
    assert [blocks[i].text for i in stamps] == [stamp for stamp, _text in expected["posts"]]
    ends = [*stamps[1:], len(blocks)]
    for start, end, (stamp, text) in zip(stamps, ends, expected["posts"], strict=True):
        post = "\n".join(b.text for b in blocks[start + 1 : end])
        assert text in post, f"{text!r} is not in the post of {stamp!r}"
    titles = expected.get("post_titles", [])
    headings = [b.text for b in blocks if b.kind == "heading" and b.level != POST_STAMP_LEVEL]
    assert [h for h in headings if h in titles] == titles


def test_mhtml_archive_keeps_its_figures_in_place() -> None:
    """A saved single-file page: figures by Content-Location, by a relative address and by
    cid: reference, each in its place with its caption, and each picture among the parts."""
    from reader_app.core import read_article

    article = read_article(PAGES.parent / "mhtml" / "puffins.mhtml")
    assert article.title == (
        "Puffins return to the Isle of May in their highest numbers for a decade"
    )
    assert (article.byline, article.date) == ("Ewan Lindsay", "2025-06-24")
    assert article.origin == "archive"
    blocks = article.blocks
    figures = [
        (b.src, b.text, b.alt, blocks[i - 1].text[:30] if i else None)
        for i, b in enumerate(blocks)
        if b.kind == "image"
    ]
    site = "https://www.northsea-naturalist.example/media/2025/06/"
    assert figures == [
        (site + "may-cliffs.png",
         "The west cliffs of the Isle of May, where most of the colony nests.",
         "Sea cliffs at dawn, with the sun low over the water", None),
        ("cid:puffin-ringed-7c1f@northsea-naturalist.example",
         "A ringed adult on the north slope; some of the island's birds are more than 30 "
         "years old.",
         "A puffin standing on turf with its orange bill", "Wardens had feared the worst a"),
        (site + "burrow-count.png",
         "Occupied burrows on the Isle of May, in thousands, from the annual count.",
         "Bar chart of occupied burrows from 2015 to 2025", "The count is made by teams of "),
    ]  # fmt: skip
    for src, _caption, _alt, _after in figures:
        assert article.resources[src].startswith(b"\x89PNG\r\n\x1a\n")
    text = article.text
    assert "Get our weekly wildlife newsletter" not in text and "By Ewan Lindsay" not in text
    assert text.count("A ringed adult on the north slope") == 1


def test_a_saved_thread_opened_from_disk_keeps_its_replies(data_dir: Path) -> None:
    """A thread saved to disk is known as a discussion by the address it gives itself."""
    page = load(data_dir / "pages" / "forum_comments.html")
    assert page.url is not None and page.url.startswith("file:")
    text = extract_page(page).text
    assert "Dark streaks on the stems are the giveaway" in text
    assert "picked eleven green fruit" in text
    assert "Similar threads" not in text
