"""The page-type router: its signals, the shipped model, the page's own text, its training."""

from __future__ import annotations

import lxml.html
import pytest

from reader_app.core import ExtractionError, extract_article
from reader_app.core.extraction import ExtractOptions, extract_with_signals
from reader_app.core.model import Block
from reader_app.core.page_types import (
    FEATURES,
    OWN_FEATURES,
    PageRouter,
    Router,
    discussion_page,
    output_signals,
    own_text,
    page_signals,
    shipped_router,
    with_own_share,
)
from reader_app.core.train_page_types import Row, fit, fold_of, held_out_choices

NAV = (
    "<header><a href='/'>Home</a> <a href='/men'>Men</a> <a href='/women'>Women</a></header>"
    "<nav><ul><li><a href='/sale'>Sale</a></li><li><a href='/new'>New in</a></li></ul></nav>"
)
FOOTER = "<footer><p>Company registered in Wales. Careers. Press. Contact us.</p></footer>"
SOCKS = ("Harbour Crew", "Quay Ankle", "Pier Knee High", "Tide Running", "Gull Merino",
         "Anchor Wool", "Buoy Cotton", "Dock No Show", "Reef Hiking", "Mast Compression",
         "Sail Trainer", "Keel Boot")
#: A grid of 36 products, each a name and a price.
PRODUCTS = [(f"{sock} Sock in {colour}", f"${10 + n}")
            for n, sock in enumerate(SOCKS) for colour in ("Navy", "Grey", "Black")]
ARTICLE = (
    "The harbour board voted on Tuesday to reopen the old swing bridge to foot traffic after "
    "three years of repairs, ending a long detour for the people who live on the north quay. "
    "Engineers said the new bearings would carry the bridge for another forty years, and the "
    "board's chair thanked residents for their patience during the works. "
)


def _grid_page() -> str:
    cards = "".join(
        f"<li class='card'><a href='/p/{n}'><img src='/i/{n}.jpg' alt=''>"
        f"<span class='name'>{name}</span></a><span class='price'>{price}</span>"
        "<button>Add to cart</button></li>"
        for n, (name, price) in enumerate(PRODUCTS)
    )
    return (
        "<html><head><title>Men's socks | Harbour Socks</title>"
        "<meta property='og:type' content='website'></head><body>"
        f"{NAV}<main><h1>Men's Socks</h1><p>36 products</p><ul class='grid'>{cards}</ul></main>"
        f"{FOOTER}</body></html>"
    )


def _article_page() -> str:
    paragraphs = "".join(f"<p>{ARTICLE}</p>" for _ in range(6))
    return (
        "<html><head><title>Swing bridge reopens | Kelbridge Post</title>"
        "<meta property='og:type' content='article'></head><body>"
        f"{NAV}<article><h1>Swing bridge reopens</h1>{paragraphs}</article>{FOOTER}</body></html>"
    )


def _signals(html: str, url: str) -> dict[str, float]:
    return page_signals(lxml.html.document_fromstring(html), html, url)


def test_signals_are_the_models_features() -> None:
    root = lxml.html.document_fromstring(_grid_page())
    signals = output_signals(page_signals(root, _grid_page(), "https://x.test/collections/men"), ())
    assert tuple(sorted(signals)) == tuple(sorted(FEATURES))
    both = with_own_share(signals, [Block("paragraph", "x" * 99)], [Block("paragraph", "x" * 9)])
    assert tuple(sorted(both)) == tuple(sorted(OWN_FEATURES)) and both["own_share"] > 2
    assert signals["url_shop"] == 1.0 and signals["n_li"] > signals["n_p"]
    assert signals["prices"] > 2 and signals["og_article"] == 0.0


def test_json_ld_and_og_types_are_read_from_the_html() -> None:
    html = (
        '<html><head><meta property="og:type" content="article"><script '
        'type="application/ld+json">{"@type": "Product", "offers": {"@type": "Offer"}}</script>'
        "</head><body><p>Text</p></body></html>"
    )
    signals = _signals(html, "https://x.test/a")
    assert signals["og_article"] > 0 and signals["ld_product"] > 0 and signals["ld_article"] == 0


def test_a_grid_of_products_is_read_as_the_page_itself() -> None:
    url = "https://socks.test/collections/mens-socks"
    router = shipped_router()
    _, _, signals = extract_with_signals(_grid_page(), url)
    assert signals is not None and router.page_text_wins(signals)
    text = extract_article(_grid_page(), url).text
    assert all(name in text and price in text for name, price in PRODUCTS)
    assert "Company registered" not in text and "New in" not in text
    with pytest.raises(ExtractionError):  # the rules alone keep no grid of links
        extract_article(_grid_page(), url, ExtractOptions(use_router=False))


def test_a_page_that_declares_a_product_is_never_routed() -> None:
    url = "https://socks.test/collections/mens-socks"
    product = ('<script type="application/ld+json">{"@type": "Product", "name": '
               '"Harbour Crew Sock"}</script></head>')
    html = _grid_page().replace("</head>", product)
    _, _, signals = extract_with_signals(html, url)
    assert signals is not None and signals["ld_product"] > 0
    second = shipped_router().second
    assert second.probability(signals) >= second.threshold
    assert not shipped_router().page_text_wins(signals) and not second.page_text_wins(signals)
    shop = [Row(r.page_id, r.host, r.page_type, r.signals and {**r.signals, "ld_product": 1.0},
                "", "", r.rules_f1, r.page_f1, False, False) for r in _rows()]
    assert not any(held_out_choices(shop).values())  # nor in training


def test_an_article_stays_with_the_extractors() -> None:
    url = "https://post.test/2025/03/swing-bridge-reopens-after-repairs"
    _, _, signals = extract_with_signals(_article_page(), url)
    assert signals is not None and not shipped_router().page_text_wins(signals)
    routed = extract_article(_article_page(), url)
    assert routed == extract_article(_article_page(), url, ExtractOptions(use_router=False))


def test_a_page_of_posts_is_never_routed() -> None:
    posts = "".join(
        f"<div class='post'><span class='when'>{stamp}</span><p>{ARTICLE}</p></div>"
        for stamp in ("16:40", "14:05", "09:30")
    )
    html = f"<html><body>{NAV}<main><h1>Live</h1>{posts}</main></body></html>"
    assert extract_with_signals(html, "https://x.test/live")[2] is None


def test_own_text_leaves_the_furniture_out() -> None:
    root = lxml.html.document_fromstring(_grid_page())
    texts = [d.block.text for d in own_text(root, None)]
    assert texts[0] == "Men's Socks" and "Harbour Crew Sock in Navy" in "\n".join(texts)
    assert not any("Sale" in t or "Careers" in t or "Add to cart" in t for t in texts)


def test_own_text_leaves_lines_of_page_furniture_out() -> None:
    page = (
        "<html><body><div class='docs'><h1>Indexes</h1><p>Table of Contents</p>"
        f"<p>{ARTICLE}</p><h2>On this page</h2><ul><li>Table of contents of chapter 11</li>"
        "<li>Creating an index</li></ul><p>Last modified November 18, 2025</p>"
        "<p>Was this page helpful?</p></div></body></html>"
    )
    texts = [d.block.text for d in own_text(lxml.html.document_fromstring(page), None)]
    assert texts == ["Indexes", ARTICLE.strip(),
                     "Table of contents of chapter 11\nCreating an index"]


def test_own_text_leaves_out_what_names_itself_navigation_a_footer_or_a_sidebar() -> None:
    page = (
        "<html><body><div role='banner'>Harbour Socks: free delivery over $50</div>"
        "<div class='mega-menu'><a href='/men'>Men</a> <a href='/women'>Women</a></div>"
        f"<div class='page'><h1>Men's Socks</h1><p>{ARTICLE}</p>"
        "<div class='filters sidebar'>Filter by size: Small, Medium, Large</div></div>"
        "<div id='footer'>Company registered in Wales.</div>"
        "<div role='contentinfo'>Terms of sale and returns</div></body></html>"
    )
    texts = [d.block.text for d in own_text(lxml.html.document_fromstring(page), None)]
    assert texts == ["Men's Socks", ARTICLE.strip()]
    # a wrapper so named holds the page: it stays
    wrapped = f"<html><body><div id='nav'><h1>Men's Socks</h1><p>{ARTICLE}</p></div></body></html>"
    texts = [d.block.text for d in own_text(lxml.html.document_fromstring(wrapped), None)]
    assert texts == ["Men's Socks", ARTICLE.strip()]


def test_a_form_around_the_whole_page_is_no_furniture_but_a_form_of_controls_is() -> None:
    cards = "".join(
        f"<div class='card'><a href='/p/{n}'>{name}</a><div>Price: {price}</div></div>"
        for n, (name, price) in enumerate(PRODUCTS)
    )
    page = (  # ASP.NET puts the page in one form, with its state in hidden fields
        "<html><body><form method='post' id='aspnetForm'>"
        "<input type='hidden' name='__VIEWSTATE' value='x'><input type='hidden' value='y'>"
        f"<div class='header'>Men's socks</div><div class='grid'>{cards}</div>"
        "<select name='size'><option>30 per page</option></select>"
        "</form></body></html>"
    )
    texts = "\n".join(d.block.text for d in own_text(lxml.html.document_fromstring(page), None))
    assert "Keel Boot Sock in Grey" in texts and "Price: $21" in texts
    assert "30 per page" not in texts
    boxes = "".join(
        f"<div><input type='checkbox' id='a{n}'> {sock} filter ► more areas ► all fields</div>"
        for n, sock in enumerate(SOCKS)
    )
    page = (
        f"<html><body><form id='rank'>{boxes}</form>"
        f"<div><p>{ARTICLE}</p></div></body></html>"
    )
    texts = "\n".join(d.block.text for d in own_text(lxml.html.document_fromstring(page), None))
    assert "harbour board voted" in texts and "filter" not in texts


def test_a_page_laid_out_in_nested_tables_reads_as_paragraphs() -> None:
    body = "".join(f"<p>{ARTICLE}</p>" for _ in range(3))
    page = (
        "<html><body><table><tr><td><table><tr><td>Marietta Electricians</td>"
        "<td><a href='/join'>Promote Your Business</a></td></tr></table></td></tr>"
        f"<tr><td><table><tr><td><h1>Swing bridge reopens</h1>{body}</td></tr></table>"
        "</td></tr></table></body></html>"
    )
    blocks = [d.block for d in own_text(lxml.html.document_fromstring(page), None)]
    assert ("heading", "Swing bridge reopens") in [(b.kind, b.text) for b in blocks]
    assert [b.text for b in blocks if b.kind == "paragraph"].count(ARTICLE.strip()) == 3


def test_own_text_gives_a_short_line_once() -> None:
    cards = "".join(
        f"<div class='card'><h3>{name}</h3><p>A room for {n} guests by the harbour.</p>"
        "<p>Book Now</p><p><a href='#venue'>View on map</a></p></div>"
        for n, name in enumerate(("Agi's Counter", "Bridges", "Huso"), 2)
    )
    html = f"<html><body><main><h1>Where to eat</h1>{cards}<p>Book Now</p></main></body></html>"
    texts = [d.block.text for d in own_text(lxml.html.document_fromstring(html), None)]
    assert texts.count("Book Now") == 1 and "View on map" not in texts  # furniture
    assert [t for t in texts if t.startswith("A room for")] == [
        f"A room for {n} guests by the harbour." for n in (2, 3, 4)
    ]
    assert "Huso" in texts


def test_own_text_reads_a_definition_list_s_blocks_apart() -> None:
    html = ("<html><body><main><h1>Functions</h1><dl><dt>accumulate(iterable)</dt><dd><p>Make "
            "an iterator that returns accumulated sums.</p><p>Roughly equivalent to:</p>"
            "<pre>def accumulate(iterable):\n    total = 0</pre></dd></dl></main></body></html>")
    blocks = [d.block for d in own_text(lxml.html.document_fromstring(html), None)]
    assert [(b.kind, b.text) for b in blocks][1:] == [
        ("paragraph", "accumulate(iterable)"),
        ("paragraph", "Make an iterator that returns accumulated sums."),
        ("paragraph", "Roughly equivalent to:"),
        ("code", "def accumulate(iterable):\n    total = 0"),
    ]


def test_the_model_must_match_the_features() -> None:
    data = shipped_router().to_json()
    assert PageRouter.from_json(data) == shipped_router()
    with pytest.raises(ValueError):
        Router.from_json({**data["second"], "features": ["out_chars"]}, OWN_FEATURES)
    with pytest.raises(ValueError):  # the first look knows no own text
        PageRouter.from_json({"first": data["second"], "second": data["second"]})


def _rows() -> list[Row]:
    """Pages on 40 hosts where the page's own text wins exactly when it has many lists."""
    rows = []
    for n in range(80):
        lists = float(n % 2)
        signals = dict.fromkeys(OWN_FEATURES, 0.0) | {"out_lists": lists, "out_chars": n / 80}
        rows.append(Row(f"{n}", f"host{n // 2}.test", "listing" if lists else "article",
                        signals, "", "", 0.5, 0.9 if lists else 0.2, False, False))
    rows.append(Row("posts", "forum.test", "forum", None, "", "", 0.5, 0.9, False, False))
    return rows


def test_training_learns_the_signal_and_never_routes_posts() -> None:
    rows = _rows()
    router = fit(rows, steps=200)
    for row in rows[:-1]:
        assert row.signals is not None
        assert router.page_text_wins(row.signals) == (row.page_type == "listing")
    chosen = held_out_choices(rows)
    assert not chosen["posts"]
    assert sum(chosen[r.page_id] == (r.page_type == "listing") for r in rows[:-1]) >= 76


def test_the_second_look_reads_how_long_the_pages_own_text_is() -> None:
    """Listings alike to the first look, whose own text wins where it is much longer than
    the rules' text; articles, which the first look tells apart, get no second look."""
    rows = []
    for n in range(120):
        listing, longer = n % 3 != 0, n % 3 == 1
        signals = dict.fromkeys(OWN_FEATURES, 0.0) | {
            "out_lists": float(listing), "out_chars": n / 120, "own_share": 2.0 * longer}
        rows.append(Row(f"{n}", f"host{n // 3}.test", "listing" if listing else "article",
                        signals, "", "", 0.5, 0.9 if longer else 0.2, False, False))
    router = fit(rows, steps=200)
    for row in rows:
        assert row.signals is not None
        assert router.page_text_wins(row.signals) == (row.page_f1 == 0.9)
        assert router.reads_own_text(row.signals) == (row.page_type == "listing")


def test_held_out_folds_read_its_own_text_where_the_rules_find_too_little() -> None:
    rows = _rows()
    rows.append(Row("short", "shop.test", "listing", None, "", "Trails: Anthills, 5 miles.",
                    0.0, 0.8, False, False))
    chosen = held_out_choices(rows)
    assert chosen["short"] and not chosen["posts"]


def test_folds_are_stable_and_by_host() -> None:
    assert fold_of("www.example.com") == fold_of("www.example.com")
    assert {fold_of(f"host{n}.test") for n in range(50)} == set(range(5))


@pytest.mark.parametrize(
    ("url", "json_ld", "discussion"),
    [
        ("https://bakers.example/forum/threads/starter-smells-4411", "", True),
        ("https://ask.example/questions/123/why-does-rye-rise", "", True),
        ("https://bakers.example/t/sourdough-starter/4411", "", True),
        ("https://old.reddit.example/r/baking/comments/1rku5x9/rye_starter/", "", True),
        ("https://bakers.example/viewtopic.php?t=112320", "", True),  # phpBB, FluxBB
        ("https://bakers.example/showthread.php?t=186269", "", True),  # vBulletin
        ("https://news.example/commentisfree/2025/06/02/bakeries", "", False),
        ("https://news.example/2025/06/02/bakeries", '{"@type": "QAPage"}', True),
        ("https://news.example/2025/06/02/bakeries", '{"@type": "DiscussionForumPosting"}',
         True),
        # FAQ markup on an article names questions: no discussion
        ("https://news.example/2025/06/02/bakeries", '{"@type": "FAQPage", "mainEntity": '
         '[{"@type": "Question", "name": "Why?"}]}', False),
        ("https://news.example/2025/06/02/bakeries", '{"@type": "NewsArticle"}', False),
        (None, "", False),
    ],
)
def test_discussion_pages_are_known_by_address_or_declared_type(
    url: str | None, json_ld: str, discussion: bool
) -> None:
    html = (f'<html><head><script type="application/ld+json">{json_ld}</script></head>'
            "<body><p>Text.</p></body></html>")
    assert discussion_page(html, url) is discussion
