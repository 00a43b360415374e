"""Extraction: HTML → Article blocks and metadata, options, and errors on bad input."""

from __future__ import annotations

import contextlib
import time
from dataclasses import replace

import lxml.html
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader_app.core import (
    Article,
    ExtractionError,
    ExtractOptions,
    RawPage,
    ReaderError,
    extract_article,
    extract_page,
    extract_text,
)
from reader_app.core.article_lists import mark_article_list
from reader_app.core.figures import captions_to_figures
from reader_app.core.inline import mark_formatting, unmark_formatting
from reader_app.core.lead_text import lead_paragraphs
from reader_app.core.misread_names import hide_misread_names, restore_names
from reader_app.core.posts import POST_STAMP_LEVEL, is_post_controls, is_post_stamp, mark_posts

PARAGRAPHS = [
    "The harbour board met on Tuesday to discuss the cost of dredging the old channel, "
    "which has silted up faster than engineers predicted when it was last cleared in 2016.",
    "Members heard that the work would cost about £4m and take two summers, during which "
    "the ferry to the island would have to use the north quay instead of the town pier.",
    "The board's chair, Alison Reid, said a decision would be taken in June after a public "
    "meeting at the town hall, and that fishermen would be consulted before any contract.",
]


def page(body: str, *, head: str = "<title>Harbour board weighs dredging plan</title>") -> str:
    return f"<!DOCTYPE html><html lang='en-GB'><head>{head}</head><body>{body}</body></html>"


def article_body(extra: str = "") -> str:
    paras = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return f"<article><h1>Harbour board weighs dredging plan</h1>{paras}{extra}</article>"


def test_blocks_and_metadata() -> None:
    head = (
        "<title>Harbour board weighs dredging plan - Island Times</title>"
        "<meta name='author' content='Calum Fraser'>"
        "<meta property='og:site_name' content='Island Times'>"
        "<meta property='article:published_time' content='2024-05-02T10:00:00Z'>"
    )
    article = extract_article(page(article_body(), head=head), "https://news.example/a")
    assert isinstance(article, Article)
    assert article.title == "Harbour board weighs dredging plan"
    assert article.byline == "Calum Fraser"
    assert article.site == "Island Times"
    assert article.date == "2024-05-02"
    assert article.language == "en"
    assert article.url == "https://news.example/a"
    assert article.extractor == "trafilatura"
    assert [b.kind for b in article.blocks] == ["paragraph"] * 3
    assert [b.text for b in article.blocks] == PARAGRAPHS


def test_text_is_title_then_blocks() -> None:
    html = page(article_body())
    text = extract_text(html)
    assert text == "\n\n".join(["Harbour board weighs dredging plan", *PARAGRAPHS])
    assert text == extract_article(html).text


def test_structure_of_lists_tables_quotes_and_code() -> None:
    extra = (
        "<h2>Options</h2><ol><li>Dredge the channel</li><li>Move the ferry</li></ol>"
        "<blockquote><p>We cannot let the channel close.</p></blockquote>"
        "<table><tr><th>Year</th><th>Cost</th></tr><tr><td>2025</td><td>£2m</td></tr></table>"
        "<pre><code>depth = 4.5  # metres\nwidth = 30</code></pre>"
        f"<p>{PARAGRAPHS[0]}</p>"
    )
    article = extract_article(page(article_body(extra)))
    kinds = {b.kind: b for b in article.blocks}
    assert kinds["heading"].text == "Options" and kinds["heading"].level == 2
    assert kinds["list"].items == ("Dredge the channel", "Move the ferry")
    assert kinds["list"].ordered and kinds["list"].text == "Dredge the channel\nMove the ferry"
    assert kinds["quote"].text == "We cannot let the channel close."
    assert kinds["table"].rows == (("Year", "Cost"), ("2025", "£2m"))
    assert kinds["table"].text == "Year\tCost\n2025\t£2m"
    assert kinds["code"].text == "depth = 4.5  # metres\nwidth = 30"


def test_a_quotation_keeps_its_text_around_a_list_and_beside_its_links() -> None:
    lead = ("I have run this boat engine for twelve years on the river and it has never once "
            "let me down in cold weather, which is more than I can say for the last two I owned.")
    after = ("Both faults showed up within a month of buying them, so check the seller's "
             "service record before you hand over any money for a second-hand engine.")
    quote = (f"<blockquote>Hello all,<br/><br/>{lead}<br/><br/>What to look for:"
             "<ul><li>a cracked water pump housing</li><li>a seized gear shift</li></ul>"
             f"{after}<br/>Cheers, <a href='/members/jo'>jo</a></blockquote>")
    article = extract_article(page(article_body(quote + f"<p>{PARAGRAPHS[0]}</p>")))
    quotes = [b.text for b in article.blocks if b.kind == "quote"]
    assert quotes == [
        f"Hello all,\n{lead}\nWhat to look for:\na cracked water pump housing\n"
        f"a seized gear shift\n{after}\nCheers, jo"
    ]


def test_figure_becomes_image_block_with_caption_and_absolute_src() -> None:
    figure = (
        "<figure><img src='/img/quay.jpg' alt='quay'>"
        "<figcaption>The town pier at low tide.</figcaption></figure>"
    )
    body = (
        "<article><h1>Harbour board weighs dredging plan</h1>"
        f"<p>{PARAGRAPHS[0]}</p>{figure}<p>{PARAGRAPHS[1]}</p><p>{PARAGRAPHS[2]}</p></article>"
    )
    article = extract_article(page(body), "https://news.example/2024/harbour")
    assert [b.kind for b in article.blocks] == ["paragraph", "image", "paragraph", "paragraph"]
    image = article.blocks[1]
    assert image.src == "https://news.example/img/quay.jpg"
    assert image.text == "The town pier at low tide."
    without = extract_article(page(body), options=ExtractOptions(images=False))
    assert "image" not in [b.kind for b in without.blocks]


def test_links_in_the_text_resolve_against_the_page_address() -> None:
    links = ("<a href='/about'>the board</a>, <a href=' minutes.html '>its minutes</a>, "
             "<a href='#vote'>the vote</a> and <a href='https://port.example/plan'>the plan</a>")
    body = (f"<article><p>{PARAGRAPHS[0]} See {links}.</p><p>{PARAGRAPHS[1]}</p>"
            f"<p>{PARAGRAPHS[2]}</p></article>")

    def hrefs(article: Article) -> list[str | None]:
        return [s.href for b in article.blocks for s in b.spans if s.kind == "link"]

    found = extract_article(page(body), "https://news.example/2024/harbour")
    assert hrefs(found) == [
        "https://news.example/about", "https://news.example/2024/minutes.html",
        "https://news.example/2024/harbour#vote", "https://port.example/plan"]
    assert hrefs(extract_article(page(body))) == [
        "/about", "minutes.html", "#vote", "https://port.example/plan"]


def test_captions_that_only_credit_the_picture_are_left_out() -> None:
    figures = (
        "<figure><img src='/img/a.jpg'><figcaption>Jo Park / Getty Images</figcaption></figure>"
        f"<p>{PARAGRAPHS[1]}</p>"
        "<figure><img src='/img/b.jpg'><figcaption>Photo credit: Jo Park</figcaption></figure>"
    )
    body = f"<article><h1>Harbour</h1><p>{PARAGRAPHS[0]}</p>{figures}<p>{PARAGRAPHS[2]}</p>"
    images = [b for b in extract_article(page(body)).blocks if b.kind == "image"]
    assert [(b.src, b.text) for b in images] == [("/img/a.jpg", ""), ("/img/b.jpg", "")]


def test_extract_page_resolves_saved_files_and_keeps_resources(tmp_path) -> None:
    body = (
        "<article><h1>Harbour board weighs dredging plan</h1>"
        f"<p>{PARAGRAPHS[0]}</p><figure><img src='Harbour_files/quay.png'>"
        f"<figcaption>The quay.</figcaption></figure><p>{PARAGRAPHS[1]}</p></article>"
    )
    resources = {"https://news.example/quay.png": b"\x89PNG"}
    raw = RawPage(page(body).encode("utf-8"), base_dir=str(tmp_path), resources=resources)
    article = extract_page(raw)
    image = next(b for b in article.blocks if b.kind == "image")
    assert image.src == (tmp_path / "Harbour_files" / "quay.png").as_uri()
    assert article.resources == resources
    raw = RawPage(page(body).encode("cp1252"), url="https://news.example/x/y.html")
    image = next(b for b in extract_page(raw).blocks if b.kind == "image")
    assert image.src == "https://news.example/x/Harbour_files/quay.png"


def test_declutter_option_controls_clutter_removal() -> None:
    promo = (
        "<div class='x9'><p>Start your subscription today for just £1 a week and enjoy "
        "unlimited access.</p><button>Subscribe</button></div>"
    )
    html = page(article_body(promo))
    assert "Start your subscription" not in extract_text(html)
    raw = extract_article(html, options=ExtractOptions(declutter=False, use_readability=False))
    assert "Start your subscription" in raw.text


def test_readability_wins_when_its_text_is_much_longer() -> None:
    # Paragraphs inside <font> in <center>: trafilatura keeps only the first of them.
    body = "<center><font>" + "<p>".join(PARAGRAPHS * 3) + "</font></center>"
    html = f"<html><head><title>Harbour board</title></head><body>{body}</body></html>"
    rules = ExtractOptions(use_router=False)  # the extractors alone, not the page's own text
    alone = extract_article(html, options=replace(rules, use_readability=False))
    assert alone.extractor == "trafilatura"
    article = extract_article(html, options=rules)
    assert article.extractor == "readability"
    assert len(article.text) >= 1.3 * len(alone.text)
    assert PARAGRAPHS[2] in article.text
    never = replace(rules, readability_ratio=100.0)
    assert extract_article(html, options=never).extractor == "trafilatura"


@pytest.mark.parametrize(
    "html",
    [
        "",
        "   \n ",
        "<html></html>",
        "<html><body><nav><a href='/'>Home</a></nav></body></html>",
        page("<h1>Sign in</h1><form><input type='password'><button>Sign in</button></form>"),
    ],
)
def test_pages_without_article_raise_extraction_error(html: str) -> None:
    with pytest.raises(ExtractionError, match="No article text found on this page"):
        extract_article(html)


def test_deeply_nested_html_fails_quickly_with_reader_error() -> None:
    levels = 100_000
    html = "<div>" * levels + "<p>" + "deep words " * 50 + "</p>" + "</div>" * levels
    start = time.perf_counter()
    with pytest.raises(ReaderError):
        extract_article(html)
    assert time.perf_counter() - start < 10


def test_deeply_nested_inline_elements() -> None:
    html = "<html><body>" + "<span><b>" * 50_000 + "text " * 100
    with pytest.raises(ReaderError):
        extract_article(html.encode("utf-8"))


def test_invalid_utf8_is_read_or_refused_cleanly() -> None:
    body = article_body().encode("utf-8")
    data = b"<html><head><meta charset='utf-8'></head><body>" + body + b"\xff\xfe\xc3\x28</body>"
    article = extract_article(data)
    assert PARAGRAPHS[2] in article.text


def test_binary_bytes_raise_reader_error() -> None:
    with pytest.raises(ReaderError):
        extract_article(bytes(range(256)) * 64)


def test_huge_input_is_refused_without_parsing() -> None:
    from reader_app.core.extraction import MAX_HTML_CHARS

    start = time.perf_counter()
    with pytest.raises(ExtractionError, match="too large"):
        extract_article("a" * (MAX_HTML_CHARS + 1))
    assert time.perf_counter() - start < 5


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=3000))
def test_arbitrary_bytes_raise_only_reader_errors(data: bytes) -> None:
    with contextlib.suppress(ReaderError):
        extract_article(data)


HTML_PIECES = st.sampled_from(
    [
        "<p>",
        "</p>",
        "<div>",
        "</div>",
        "<table>",
        "<td>",
        "<li>",
        "<h2>",
        "<!--",
        "-->",
        "<script>",
        "<?xml version='1.0' encoding='utf-8'?>",
        "<img src=x>",
        "<a href='",
        "'>",
        "&amp;",
        "&#0;",
        "\x00",
        "word ",
        "Subscribe now ",
        "<figure>",
        "<figcaption>",
        "]]>",
    ]
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(HTML_PIECES, st.text(max_size=40)), max_size=120))
def test_arbitrary_html_text_raises_only_reader_errors(pieces: list[str]) -> None:
    try:
        article = extract_article("".join(pieces), "https://example.org/")
    except ReaderError:
        return
    assert article.text.startswith(article.title)


def test_large_pictures_are_kept_and_decoration_is_not() -> None:
    body = (
        "<article><h1>Harbour board weighs dredging plan</h1>"
        "<div><img src='/img/harbour.jpg' width='1200' height='800'></div>"
        f"<p>{PARAGRAPHS[0]}</p>"
        "<div><img src='/img/site-logo.png' width='600'></div>"
        "<div><a href='/other'><img src='/img/other-story.jpg' width='800'></a></div>"
        "<div><img src='/img/tiny.jpg' width='40'></div>"
        f"<p>{PARAGRAPHS[1]}</p><p>{PARAGRAPHS[2]}</p></article>"
    )
    article = extract_article(page(body), "https://news.example/a")
    images = [b for b in article.blocks if b.kind == "image"]
    assert [b.src for b in images] == ["https://news.example/img/harbour.jpg"]
    assert article.blocks[0].kind == "image"
    assert "Harbour board weighs dredging plan" not in [b.text for b in article.blocks]


def test_pairs_of_line_breaks_make_paragraphs_and_single_breaks_stay() -> None:
    text = "<br><br>\n".join(PARAGRAPHS[:2]) + "<br>" + PARAGRAPHS[2]
    body = f"<article><h1>Harbour board weighs dredging plan</h1><p>{text}</p></article>"
    article = extract_article(page(body))
    assert [b.text for b in article.blocks] == [
        PARAGRAPHS[0],
        PARAGRAPHS[1] + "\n" + PARAGRAPHS[2],
    ]
    second = article.blocks[1]
    assert [second.text[s.start : s.end] for s in second.spans if s.kind == "br"] == ["\n"]


def test_spacer_paragraphs_of_invisible_characters_are_no_blocks() -> None:
    spacer = "<p>\u200d</p><p>\u200c<br>\ufeff</p>"
    body = (f"<article><h1>Harbour board weighs dredging plan</h1>{spacer}"
            + spacer.join(f"<p>{p}</p>" for p in PARAGRAPHS)
            + "<p>A family 👨\u200d👩\u200d👧 came to the meeting.</p></article>")
    article = extract_article(page(body))
    assert [b.text for b in article.blocks] == [
        *PARAGRAPHS, "A family 👨\u200d👩\u200d👧 came to the meeting."
    ]


def test_readability_html_splits_at_break_pairs_and_never_glues_blocks() -> None:
    from lxml import html as lxml_html

    from reader_app.core.html_blocks import walk_html

    fragment = lxml_html.fragment_fromstring(
        "<div>Students<a href='/a'><div>by Kimber</div><div>Streams</div></a>"
        f"<br><br>{PARAGRAPHS[0]}<p>First<span><div>Second</div></span>Third</p></div>"
    )
    texts = [d.block.text for d in walk_html(fragment)]
    assert texts == ["Students\nby Kimber\nStreams", PARAGRAPHS[0], "First\nSecond\nThird"]


CODE = (
    "def accumulate(iterable):\n    total = 0\n    for x in iterable:\n"
    "        total += x\n        yield total"
)
HIGHLIGHTED = (
    '<span class="k">def</span> accumulate(iterable):\n    <span class="n">total</span> = 0\n'
    '    <span class="k">for</span> x <span class="ow">in</span> iterable:\n'
    '        total <span class="o">+=</span> x\n        <span class="k">yield</span> total\n'
)


def test_code_of_a_reference_s_entry_keeps_its_lines() -> None:
    told = ("Make an iterator that returns accumulated sums or accumulated results from other "
            "binary functions; the function defaults to addition.")
    body = (
        f"<article><h1>Functions</h1>{''.join(f'<p>{t}</p>' for t in PARAGRAPHS)}"
        "<dl><dt id='acc'>accumulate(iterable)<a href='#acc'>¶</a></dt>"
        f"<dd><p>{told}</p><p>Roughly equivalent to:</p>"
        f"<div class='highlight'><pre>{HIGHLIGHTED}</pre></div>"
        "<p>Added in version 3.2.</p></dd>"
        "<dt id='cyc'>cycle(iterable)<a href='#cyc'>¶</a></dt>"
        f"<dd><p>{told}</p></dd></dl><p>{PARAGRAPHS[1]}</p></article>"
    )
    blocks = extract_article(page(body)).blocks
    code = [b.text for b in blocks if b.kind == "code"]
    assert code == [CODE]
    texts = [b.text for b in blocks]
    assert texts.index("Roughly equivalent to:") < texts.index(CODE)
    assert texts.index(CODE) < texts.index("Added in version 3.2.")


def test_preformatted_text_read_as_a_quotation_keeps_its_lines() -> None:
    poem = "Zig has the syntax of Rust\nthe error handling of Go\n  and the build system of Nix"
    body = (f"<article><h1>Languages</h1>{''.join(f'<p>{t}</p>' for t in PARAGRAPHS)}"
            f"<pre>\n{poem}\n</pre><p>{PARAGRAPHS[0]}</p></article>")
    blocks = extract_article(page(body)).blocks
    assert [b.text for b in blocks if b.kind in ("code", "quote")] == [poem]
    assert next(b.kind for b in blocks if b.text == poem) == "code"


def test_the_source_s_line_breaks_inside_a_sentence_read_as_spaces() -> None:
    from lxml import etree
    from lxml import html as lxml_html

    from reader_app.core.html_blocks import walk_html
    from reader_app.core.page_blocks import walk_xml

    xml = etree.fromstring(
        "<body><p>building blocks inspired\nby constructs from <ref target='a'>APL</ref>, and"
        "\n<ref target='b'>more</ref> text.<lb/>A line of its own</p><p>$130\nAdd to cart</p>"
        "<p>We announced a public beta of\n<ref target='c'>Debusine</ref>, as I said in my\n"
        "  DebConf25 talk.</p><p>Tiny House Plans\nLearn more</p>"
        "<p>Tim Stevens\n\u2013\n|\n72</p><p>Also, read\n<ref target='d'>Linux Kernel</ref> "
        "first.</p></body>"
    )
    assert [d.block.text for d in walk_xml(xml)] == [
        "building blocks inspired by constructs from APL, and more text.\nA line of its own",
        "$130\nAdd to cart",
        "We announced a public beta of Debusine, as I said in my DebConf25 talk.",
        "Tiny House Plans\nLearn more",
        "Tim Stevens \u2013 |\n72",
        "Also, read Linux Kernel first.",
    ]
    html = lxml_html.fragment_fromstring(
        "<div>Students\n<a href='/a'><div>by Kimber</div></a><p>suitable\n  for Python.</p></div>"
    )
    texts = [d.block.text for d in walk_html(html)]
    assert texts == ["Students\nby Kimber", "suitable for Python."]


def test_a_custom_element_around_blocks_keeps_them_apart() -> None:
    from lxml import html as lxml_html

    from reader_app.core.html_blocks import walk_html

    fragment = lxml_html.fragment_fromstring(
        "<div>Intro<n-tabs><div role='tabpanel'><h3>Power apps</h3><p>Call any model.</p>"
        "<ul><li>No keys</li></ul><pre><code><span>import os</span>\n<span>os.sep</span>"
        "</code></pre></div></n-tabs>Outro</div>"
    )
    assert [(d.block.kind, d.block.text) for d in walk_html(fragment)] == [
        ("paragraph", "Intro"), ("heading", "Power apps"), ("paragraph", "Call any model."),
        ("list", "No keys"), ("code", "import os\nos.sep"), ("paragraph", "Outro"),
    ]


def test_a_page_built_of_custom_elements_is_read() -> None:
    copy = ("Small firms and global groups alike hire through us, often within two days, and "
            "our recruiters match each role with people who have done the work before. ")
    cards = "".join(
        f"<ds-block><ds-typography variant='h2'>Service {n}</ds-typography>"
        f"<ds-typography slot='copy'>{copy * 2}</ds-typography>"
        f"<ds-list><ds-list-item>Bookkeeping number {n}</ds-list-item></ds-list></ds-block>"
        for n in range(4)
    )
    article = extract_article(page(f"<main>{cards}</main>"))
    assert [b.text for b in article.blocks if b.kind == "heading"] == [
        f"Service {n}" for n in range(4)]
    assert sum(copy.strip() in b.text for b in article.blocks) == 4
    assert "Bookkeeping number 3" in article.text


STEPS = (
    "<ol><li><p>Create a file called <code>send.py</code> and paste in the following code:</p>"
    "<div><span>Send a text with Python</span><pre><div><span>1</span><span># the helper</span>"
    "\n</div><div><span>2</span><span>import os</span>\n</div><div><span>3</span>"
    "<span>print(os.sep)</span>\n</div></pre></div></li><li><p>Replace the keys.</p></li>"
    "<li><p>Run the file:</p><pre>python send.py\necho done</pre></li>"
    "<li><p>Check your phone for the message.</p></li>"
    "<li><p>Install the library:</p><pre>pip  install twilio</pre></li></ol>"
)
STEP_BLOCKS = [
    ("list", "Create a file called send.py and paste in the following code:", 1),
    ("paragraph", "Send a text with Python", 1),
    ("code", "# the helper\nimport os\nprint(os.sep)", 1),  # without its line numbers
    ("list", "Replace the keys.", 2),
    ("list", "Run the file:", 3),
    ("code", "python send.py\necho done", 1),
    ("list", "Check your phone for the message.", 4),
    ("list", "Install the library:", 5),
    ("code", "pip  install twilio", 1),  # a command of one line, its spaces as shown
]


def test_a_step_with_code_keeps_its_code_apart_and_the_steps_their_numbers() -> None:
    from lxml import html as lxml_html

    from reader_app.core.html_blocks import walk_html

    intro = "".join(
        f"<p>Paragraph {n} explains how the messaging service sends a text from your own "
        "number, what it costs and which keys it needs before you start.</p>" for n in range(4)
    )
    page = f"<html><body><article><h1>Send a text</h1>{intro}{STEPS}{intro}</article></body></html>"
    article = extract_article(page, "https://docs.example.org/send")
    blocks = [(b.kind, b.text, b.start) for b in article.blocks if "Paragraph" not in b.text]
    assert blocks == STEP_BLOCKS
    own = walk_html(lxml_html.fragment_fromstring(f"<div>{STEPS}</div>"))
    assert [(d.block.kind, d.block.text, d.block.start) for d in own] == STEP_BLOCKS


def test_boxes_set_side_by_side_keep_their_words_apart() -> None:
    cards = "".join(
        f"<li><span>{beds} beds</span><span>{baths} baths</span><span>${price}</span>"
        f"<span>Rated</span><span>Gregory</span> H<sub>2</sub>O <b>W</b>ord, 10<sup>th"
        f"</sup> <span>Wiki</span><span>pedia</span></li>"
        for beds, baths, price in ((3, 2.5, 508), (4, 2, 485), (2, 1, 310))
    )
    intro = "".join(
        f"<p>Paragraph {n} tells how the town's homes were priced this winter, which streets "
        "sold first and what buyers asked the agents before they made an offer.</p>"
        for n in range(4)
    )
    page = f"<html><body><article><h1>Homes</h1>{intro}<ul>{cards}</ul></article></body></html>"
    text = extract_article(page, "https://homes.example/town").text
    assert "3 beds 2.5 baths $508 Rated Gregory H2O Word, 10th Wikipedia" in text


def test_a_gutter_is_line_numbers_only_when_every_line_opens_with_its_own() -> None:
    from lxml import html as lxml_html

    from reader_app.core.preformatted import without_gutter

    def code(pre: str) -> str:
        element = lxml_html.fragment_fromstring(pre)
        return without_gutter(element, "".join(element.itertext()))

    assert code("<pre><i>1</i>a = 2\n<i>2</i>b = 1</pre>") == "a = 2\nb = 1"
    assert code("<pre>x = <i>1</i>\ny = <i>2</i></pre>") == "x = 1\ny = 2"
    assert code("<pre>1. first\n2. second</pre>") == "1. first\n2. second"


@pytest.mark.parametrize(
    ("srcset", "chosen"),
    [
        ("a-480.jpg 480w, a-1200.jpg 1200w, a-2400.jpg 2400w", "a-1200.jpg"),
        ("a-2400.jpg 2400w, a-3200.jpg 3200w", "a-2400.jpg"),
        ("a.jpg, a@2x.jpg 2x, a@3x.jpg 3x", "a@2x.jpg"),
        ("/w_640,h_480/a.jpg 640w,/w_1280,h_960/a.jpg 1280w", "/w_1280,h_960/a.jpg"),
        ("data:image/gif;base64,R0lGOD 1w", None),
        ("", None),
    ],
)
def test_a_srcset_candidate_fit_for_the_column(srcset: str, chosen: str | None) -> None:
    from reader_app.core.figures import _srcset_candidate

    assert _srcset_candidate(srcset) == chosen


def test_figure_whose_only_picture_is_in_noscript_keeps_it_with_its_caption() -> None:
    figure = (
        "<figure><noscript><img src='/img/quay.jpg' alt='The quay'></noscript>"
        "<figcaption>The town pier at low tide.</figcaption></figure>"
    )
    body = (
        "<article><h1>Harbour board weighs dredging plan</h1>"
        f"<p>{PARAGRAPHS[0]}</p>{figure}<p>{PARAGRAPHS[1]}</p><p>{PARAGRAPHS[2]}</p></article>"
    )
    article = extract_article(page(body), "https://news.example/2024/harbour")
    image = article.blocks[1]
    assert (image.kind, image.src, image.text, image.alt) == (
        "image", "https://news.example/img/quay.jpg", "The town pier at low tide.", "The quay"
    )


def test_noscript_tracking_pixels_lend_no_address_to_placeholders() -> None:
    pixel = "<noscript><img height='1' width='1' src='https://tracker.example/tr?id=7'></noscript>"
    figure = (
        "<figure><img class='lazyload' src='data:image/gif;base64,R0lGOD' "
        f"data-src='/img/quay.jpg'>{pixel}<figcaption>The quay.</figcaption></figure>"
    )
    body = f"{pixel}<article><h1>Harbour</h1><p>{PARAGRAPHS[0]}</p>{figure}<p>{PARAGRAPHS[1]}</p>"
    images = [b for b in extract_article(page(body + "</article>")).blocks if b.kind == "image"]
    assert [(b.src, b.text) for b in images] == [("/img/quay.jpg", "The quay.")]


def test_text_a_script_would_draw_is_read_from_noscript_and_a_copy_is_not_read_twice() -> None:
    posts = "".join(f"<article><h3>member{n}</h3><p>{p}</p></article>"
                    for n, p in enumerate(PARAGRAPHS))
    notice = "<noscript>This site is best viewed with JavaScript enabled.</noscript>"
    shell = page(f"{notice}<main><div id='app'>Loading...</div><noscript>{posts}</noscript></main>")
    text = extract_article(shell).text
    assert PARAGRAPHS[0] in text and "JavaScript" not in text
    shown = page(f"<article><h1>Harbour</h1>{''.join(f'<p>{p}</p>' for p in PARAGRAPHS)}"
                 f"</article><noscript>{posts}</noscript>")
    assert extract_article(shown).text.count(PARAGRAPHS[1]) == 1


def test_a_screen_reader_s_copy_of_the_text_shown_is_read_once() -> None:
    price = "<p class='price'><b>Fare</b>: <span>GBP 4.50<span class='clipped'>GBP 4.50</span>"
    label = ("<p><span aria-hidden='true'>Pier closed</span>"
             "<span class='visually-hidden'>Pier closed</span> until June.</p>")
    spoken = "<h3 class='sr-only'>The cost of dredging</h3>"
    body = article_body(f"{spoken}{price}</span></p>{label}")
    text = extract_article(page(body)).text
    assert text.count("GBP 4.50") == 1
    assert "Pier closed until June." in text  # the copy stays where the text shown is hidden
    assert "The cost of dredging" in text  # text for screen readers alone is no copy


def test_a_clamped_preview_of_text_shown_elsewhere_is_read_once() -> None:
    posts = [f"<li class='post'><p>{PARAGRAPHS[0]}</p><p>{PARAGRAPHS[2]}</p></li>"]
    for reply in REPLIES[:2]:  # each reply opens with a preview of the post it answers
        posts.append(
            "<li class='post'><div class='btn parent'><div class='text-muted line-clamp-1'>"
            f"<p>{PARAGRAPHS[0]}</p><p>{PARAGRAPHS[2]}</p></div></div><p>{reply}</p></li>"
        )
    thread = page(f"<main><h1>Dredging the channel</h1><ul class='posts'>{''.join(posts)}</ul>"
                  "</main>")
    text = extract_article(thread, "https://harbour.example/topic/4411/dredging").text
    assert text.count(PARAGRAPHS[0][:60]) == 1 and all(r[:60] in text for r in REPLIES[:2])
    # titles a page shows only clamped, in two lists, are read once, not never
    cards = "".join(f"<div class='title text-truncate'>{p}</div>" for p in PARAGRAPHS)
    listing = page(f"<main><section>{cards}</section><section>{cards}</section></main>")
    assert [extract_article(listing).text.count(p[:60]) for p in PARAGRAPHS] == [1, 1, 1]


PACK = [
    "The Trail 25 pack carries a day's kit on the hill: a padded laptop sleeve, two stretch "
    "side pockets for bottles and a lid pocket that keeps keys and snacks within reach.",
    "Its back panel is ventilated mesh over a light frame sheet, and the hip belt comes off "
    "for travel, so the pack folds flat into a suitcase or an overhead locker.",
    "Made of recycled nylon with a water-repellent finish; 25 litres, 1.1 kilograms, in "
    "three colours, with a lifetime warranty on the zips and the seams.",
]
SHOPPERS = [
    "I used it on three short day hikes this summer and had no complaints at all; the side "
    "pockets hold a litre bottle each and the belt keeps the weight off my shoulders.",
    "Fantastic bag but not quite perfect: the lid pocket is small for a phone in a case and "
    "the laptop sleeve sits so low that the bag tips over when it is set down empty.",
]


def test_a_shop_s_product_page_is_read_without_its_customer_reviews() -> None:
    reviews = "".join(f"<div class='review'><h3>Good bag</h3><p>{r}</p><button>Helpful</button>"
                      f"</div>" for r in SHOPPERS)
    body = (f"<main><h1>Trail 25 pack</h1>{''.join(f'<p>{p}</p>' for p in PACK)}"
            f"<section class='product-reviews'><h2>Reviews (2)</h2>{reviews}</section></main>")
    product = ('<script type="application/ld+json">{"@context": "https://schema.org", '
               '"@type": "Product", "name": "Trail 25 pack"}</script>')
    shop = extract_article(page(body, head=f"<title>Trail 25 pack</title>{product}")).text
    assert all(p in shop for p in PACK) and not any(r in shop for r in SHOPPERS)
    # elsewhere reviews are no clutter by their name: a blog's readers' reviews stay
    blog = extract_article(page(body, head="<title>Trail 25 pack</title>")).text
    assert all(r in blog for r in SHOPPERS)


def test_a_page_the_extractors_find_too_little_of_is_read_as_its_own_text_with_its_pictures(
) -> None:
    trails = ["Anthills", "Cypress Creek", "Memorial Park", "Jack Brooks", "Double Lake"]
    cards = "".join(
        f"<div class='elementor-widget'><div class='box'><div class='bg' "
        f"style='background-image:url(/i{n}.jpg)'></div><h2>{name} MTB</h2>"
        f"<div class='description'>Difficulty: Beginner <br>Length: {n + 3} miles <br>"
        f"Trail Steward(s): Dave Ruiz</div><div><a class='button' "
        f"href='https://maps.example/{n}'>View Map</a></div></div></div>"
        for n, name in enumerate(trails)
    )
    body = (
        "<div class='page'><h1>Trails</h1><p>Greater Houston Off-Road Biking Association is "
        "dedicated to building, maintaining and riding local off-road trails.</p>"
        f"{cards}</div>"
    )
    text = extract_article(page(body, head="<title>Trails</title>"), "https://club.example/").text
    assert all(f"{name} MTB" in text for name in trails)
    assert "Length: 7 miles" in text
    figure = ("<figure><img src='/map.jpg' width='800' height='500'><figcaption>Where the "
              "five trails are.</figcaption></figure>")
    shown = body.replace("trails.</p>", "trails.</p>" + figure)
    article = extract_article(page(shown, head="<title>Trails</title>"), "https://club.example/")
    kinds = [(b.kind, b.text) for b in article.blocks[1:3]]
    assert kinds == [("image", "Where the five trails are."), ("heading", "Anthills MTB")]
    assert article.blocks[1].src == "https://club.example/map.jpg"  # its caption read once


def test_a_heading_taken_from_the_page_keeps_the_space_of_its_line_break() -> None:
    from reader_app.core.figures import collect_anchored
    from reader_app.core.parsing import parse_page

    body = (
        "<article><h1>Harbour board weighs dredging plan</h1>"
        f"<p>{PARAGRAPHS[0]}</p><div><h2>Who pays<br>for the dredging</h2></div>"
        f"<p>{PARAGRAPHS[1]}</p></article>"
    )
    found = collect_anchored(parse_page(page(body)), None, images=True)
    assert [a.block.text for a in found if a.block.kind == "heading"] == [
        "Who pays for the dredging"
    ]


@pytest.mark.parametrize(
    "line",
    ["14:05", "11.42 GMT", "9.30am BST", "2 hours ago", "marta_k · 5 days ago",
     "Updated 9.30am BST", "Fri 14 Mar 2025 06.10 GMT", "Released 3 March 2025 · ines-m",
     "v2.4.0 (3 March 2025)", "14:05 - Jo Park",
     "by Outer Armatonisdaristan » Tue Aug 27, 2019 1:47 am",  # phpBB
     "Post by invest4 » Sat Feb 24, 2024 5:12 pm",
     "11-29-2024, 09:03 AM", "29.11.2024 14:05",  # vBulletin, a European forum
     "Today, 09:16 AM", "Yesterday at 4:25 AM",  # vBulletin, XenForo
     "June 04, 2024, 11:23:55 AM", "2025-11-01 15:14:37",  # SMF, FluxBB: with seconds
     "by jo » 11. Sep 2024, 18:36"],  # phpBB in German
)  # fmt: skip
def test_post_time_lines(line: str) -> None:
    assert is_post_stamp(line)


@pytest.mark.parametrize(
    "line", ["The storm hit at 14:05 on Monday", "11 February 2025", "2.4.0", "", "Share",
             "11-29-2024", "2.4.10 14"]
)
def test_not_post_time_lines(line: str) -> None:
    assert not is_post_stamp(line)


@pytest.mark.parametrize(
    ("line", "controls"),
    [("Share Copy link", True), ("42 votes Reply Share Report", True), ("Reply", True),
     ("About sharing", True), ("87", False), ("Share your bakes with us", False),
     ("Report: council to cut bus routes", False)],
)  # fmt: skip
def test_rows_of_post_controls(line: str, controls: bool) -> None:
    assert is_post_controls(line) is controls


def _posts(stamps: list[str], extra: str = "") -> str:
    posts = "".join(
        f"<div class='post'><span class='when'>{stamp}</span><p>{PARAGRAPHS[n % 3]}</p>"
        "<div class='tools'><a href='#'>Share</a> <a href='#'>Reply</a> <span>12</span></div></div>"
        for n, stamp in enumerate(stamps)
    )
    return page(f"<article><h1>Harbour board live</h1>{posts}{extra}</article>")


def test_a_page_of_posts_keeps_each_post_under_its_time_line() -> None:
    stamps = ["16:40", "14:05", "09:30"]  # newest first, as the page has it
    article = extract_article(_posts(stamps))
    heads = [b for b in article.blocks if b.kind == "heading" and b.level == POST_STAMP_LEVEL]
    assert [b.text for b in heads] == stamps
    kinds = [b.kind for b in article.blocks]
    assert kinds == ["heading", "paragraph"] * 3
    assert "Share" not in article.text and "Reply" not in article.text


def test_two_time_lines_or_cards_of_other_pages_make_no_page_of_posts() -> None:
    article = extract_article(_posts(["14:05", "09:30"]))
    assert not any(b.level == POST_STAMP_LEVEL for b in article.blocks)
    # a forum thread of a question and one reply is a thread of posts
    thread = extract_article(_posts(["14:05", "09:30"]), "https://bakers.example/t/rye/4411")
    heads = [b.text for b in thread.blocks if b.level == POST_STAMP_LEVEL]
    assert heads == ["14:05", "09:30"]
    cards = "".join(
        f"<div class='card'><a href='/story/{n}'><span>{n} hours ago</span></a></div>"
        for n in range(1, 5)
    )
    root = lxml.html.document_fromstring(page(article_body(cards)))
    assert mark_posts(root) == {}


def test_a_day_in_a_time_element_is_a_time_line_of_a_discussion_only() -> None:
    cards = "".join(
        f"<div class='card'><time datetime='2024-04-{10 + n}T13:44:18-0400' "
        f"title='Apr {10 + n}, 2024 at 1:44 PM'>Apr {10 + n}, 2024</time>"
        f"<p>{PARAGRAPHS[n]}</p></div>"
        for n in range(3)
    )
    root = lxml.html.document_fromstring(page(article_body(cards)))
    assert mark_posts(root) == {}  # an article's cards of other stories
    root = lxml.html.document_fromstring(page(article_body(cards)))
    levels = mark_posts(root, discussion=True)
    assert [t for t, level in levels.items() if level == POST_STAMP_LEVEL] == [
        "Apr 10, 2024 at 1:44 PM", "Apr 11, 2024 at 1:44 PM", "Apr 12, 2024 at 1:44 PM",
    ]


def test_a_time_line_in_a_poster_s_card_under_the_post_opens_the_post() -> None:
    def post(kind: str, text: str, when: str) -> str:
        return (f"<div class='{kind}'><div class='postcell'><div class='s-prose'><p>{text}</p>"
                "</div><div class='post-signature'><div class='user-action-time'>"
                f"{kind}ed {when}</div><div class='user-details'><a href='/u/1'>jo</a>"
                "<span>1,204 reputation</span></div></div></div></div>")
    asked = post("ask", PARAGRAPHS[0], "Jul 18, 2024 at 4:39")
    body = (f"<main><h1>Dredging the channel</h1>{asked}"
            f"<div id='answers'>{post('answer', REPLIES[0], 'Jul 18, 2024 at 13:22')}"
            f"{post('answer', REPLIES[1], 'Jul 19, 2024 at 9:05')}</div>"
            "<p>Browse other questions tagged harbour or dredging, or ask your own.</p></main>")
    article = extract_article(page(body), "https://harbour.example/questions/4411/dredging")
    assert [(b.kind, b.text[:20]) for b in article.blocks[:6]] == [
        ("heading", "asked Jul 18, 2024 a"), ("paragraph", PARAGRAPHS[0][:20]),
        ("heading", "answered Jul 18, 202"), ("paragraph", REPLIES[0][:20]),
        ("heading", "answered Jul 19, 202"), ("paragraph", REPLIES[1][:20]),
    ]


def test_a_time_line_told_relative_to_the_crawl_reads_as_the_day_its_title_gives() -> None:
    posts = "".join(
        f"<div class='message'><header><time datetime='2026-03-0{5 - n}T0{3 + n}:26:00+0000' "
        f"title='Mar {5 - n}, 2026 at {3 + n}:26 AM'>{shown}</time></header>"
        f"<p>{PARAGRAPHS[n]}</p></div>"
        for n, shown in enumerate(["2 hours ago", "Yesterday at 4:26 AM", "5:26 AM"])
    )
    root = lxml.html.document_fromstring(page(article_body(posts)))
    levels = mark_posts(root, discussion=True)
    assert [t for t, level in levels.items() if level == POST_STAMP_LEVEL] == [
        "Mar 5, 2026 at 3:26 AM", "Mar 4, 2026 at 4:26 AM", "5:26 AM",
    ]


def test_the_furniture_of_a_page_of_posts() -> None:
    from reader_app.core.post_boxes import page_furniture

    root = lxml.html.fragment_fromstring(
        "<div><div class='posts'><div class='post'><p>" + PARAGRAPHS[0] + "</p>"
        "<p class='ipsEdited'>Edited June 19, 2024 by jo</p>"
        "<div class='ipsSignature'>Two plots, one shed.</div>"
        "<div class='message-userBanner'><strong>Premium Member</strong></div>"
        "<dl class='pairs'><dt>Messages</dt><dd>9,525</dd></dl>"
        "<dl class='postprofile'><dt>jo</dt><dd>Contact: <a href='/u/jo'>Contact jo</a> "
        "<a href='https://jo.example'>Website</a> <a href='#'>Yahoo Messenger</a></dd></dl>"
        "</div></div>"
        "<ul class='notices'><li>Registering lets you post.</li></ul>"
        "<ul><li>Thread starter jo</li></ul></div>"
    )
    container = root[0]
    gone = [e for e in root.iter() if page_furniture(e, container)]
    assert [(e.tag, e.get("class")) for e in gone] == [
        ("p", "ipsEdited"), ("div", "ipsSignature"), ("div", "message-userBanner"),
        ("dl", "pairs"), ("dl", "postprofile"), ("ul", "notices"),
        ("ul", None), ("li", None),  # "Thread starter jo", the list and its item
    ]
    assert not page_furniture(root, container) and not page_furniture(container, container)


def test_a_post_s_author_joins_its_time_line_and_its_number_goes() -> None:
    posters = ["Brian", "Thiago_Marques_0", "Commented"]
    stamps = ["September 26, 2025, 1:38pm", "September 26, 2025, 1:55pm", "May 2, 2009 at 0:53"]
    posts = "".join(
        f"<div class='crawler-post'><div class='crawler-post-meta'><span class='creator'>"
        f"<a href='/u/{who}'><span>{who}</span></a> (Kim Kerr)</span><span class='infos'>"
        f"<time>{stamp}</time><span itemprop='position'>{n + 1}</span></span></div>"
        f"<div class='post'><p>{PARAGRAPHS[n]}</p></div></div>"
        for n, (who, stamp) in enumerate(zip(posters, stamps, strict=True))
    )
    head = "<title>Multiple agents crashing - Help - Harbour Forum</title>"
    article = extract_article(page(f"<h1>Multiple agents crashing</h1>{posts}", head=head))
    heads = [b.text for b in article.blocks if b.kind == "heading"]
    assert heads == [
        "Brian · September 26, 2025, 1:38pm", "Thiago_Marques_0 · September 26, 2025, 1:55pm",
        "May 2, 2009 at 0:53",  # "Commented" is no one
    ]
    assert [b.kind for b in article.blocks] == ["heading", "paragraph"] * 3


def test_a_thread_s_opening_post_in_an_article_above_its_replies_is_read_with_them() -> None:
    long_reply = [*PARAGRAPHS, REPLIES[1], *(f"As I said before: {p}" for p in PARAGRAPHS)]
    texts = [[REPLIES[0]], long_reply, [REPLIES[2].replace("Two", "Three")]]
    replies = "".join(
        f"<article class='reply' itemprop='comment'><header>Posted by <span class='author'>"
        f"{who}</span> <time datetime='2024-07-03T15:3{n}:35Z'>07/03/24 03:3{n} PM</time>"
        "</header><div class='content' itemprop='text'>"
        + "".join(f"<p>{t}</p>" for t in reply) + "</div></article>"
        for n, (who, reply) in enumerate(zip(["Barbara", "Kim", "Ross"], texts, strict=True))
    )
    question = [REPLIES[1].replace("ferry", "boat"), PARAGRAPHS[2].replace("June", "July")]
    opening = "".join(f"<p>{t}</p>" for t in question)
    html = page(
        f"<div><article class='topic'><h1>Dredging the old channel</h1>{opening}</article></div>"
        f"<section>{replies}</section>"
    )
    article = extract_article(html)
    paragraphs = [b.text for b in article.blocks if b.kind == "paragraph"]
    assert paragraphs == [*question, *(t for reply in texts for t in reply)]
    assert [b.level for b in article.blocks if b.kind == "heading"] == [POST_STAMP_LEVEL] * 3


def test_a_list_of_posts_is_no_list() -> None:
    items = "".join(
        f"<li><header><time>{stamp}</time></header><h3>Update {n}</h3><p>{PARAGRAPHS[n]}</p></li>"
        for n, stamp in enumerate(["15:20", "14:05", "11:30"])
    )
    article = extract_article(page(f"<h1>Budget day live</h1><ol class='feed'>{items}</ol>"))
    assert [(b.kind, b.level) for b in article.blocks] == [
        ("heading", POST_STAMP_LEVEL), ("heading", 3), ("paragraph", 0)
    ] * 3  # fmt: skip


REPLIES = [
    "I run the same board at home and the channel has been a worry since the spring tides, "
    "when two of the small boats grounded on the bar at the harbour mouth.",
    "The north quay is fine for the ferry in summer, but in a westerly it takes the full swell "
    "and the crossing would have to stop on the worst days of the winter.",
    "Two summers is optimistic. The last dredge was meant to take one and ran into the autumn "
    "because the spoil barge was needed for the works at the other end of the firth.",
]


def test_a_thread_of_posts_each_in_an_article_is_read_whole() -> None:
    opening = [*PARAGRAPHS, *(p.replace("board", "council") for p in PARAGRAPHS)]  # a long post
    posts = "".join(
        f"<article><div class='PostUser'><h3>{who}</h3></div><div class='Post-body'>"
        + "".join(f"<p>{text}</p>" for text in texts) + "</div></article>"
        for who, texts in [("moira", opening), *(("calum_f", [r]) for r in REPLIES)]
    )
    html = page(f"<div class='container'><h1>Dredging the old channel</h1><div>{posts}</div></div>")
    article = extract_article(html)
    assert [b.text for b in article.blocks if b.kind == "paragraph"] == [*opening, *REPLIES]
    root = lxml.html.document_fromstring(html)
    assert mark_article_list(root)
    assert [e.tag for e in root.iter("article")] == ["article"] * 5  # the thread, its posts


def test_cards_in_articles_beside_the_text_are_no_list_of_items() -> None:
    cards = "".join(
        f"<article class='card'><a href='/story/{n}'>Ferry timetable for the winter, part {n}"
        f"</a></article>"
        for n in range(1, 4)
    )
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    html = page(f"<aside><div>{cards}</div></aside><div class='entry-content'>{body}</div>")
    root = lxml.html.document_fromstring(html)
    assert not mark_article_list(root)
    assert [e.get("class") for e in root.iter("article")] == ["card"] * 3
    assert [b.text for b in extract_article(html).blocks] == PARAGRAPHS


def test_captions_outside_figcaption_stay_with_their_picture() -> None:
    figure = (
        "<figure><img src='https://n.example/quay.jpg' alt='The quay'>"
        "<div class='image-caption'>The north quay at high water.</div></figure>"
    )
    loose = "<p class='caption'>Not after a picture: a paragraph of its own.</p>"
    paras = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    root = lxml.html.document_fromstring(page(f"<article>{figure}{paras}{loose}</article>"))
    captions_to_figures(root)
    assert root.find(".//figure/figcaption").text == "The north quay at high water."
    assert root.find(".//p[@class='caption']").text.startswith("Not after a picture")
    pair = "".join(  # one WordPress caption box after another
        f"<div class='wp-caption'><img src='https://n.example/{n}.jpg' alt=''>"
        f"<p class='wp-caption-text'>Caption {n}.</p></div>"
        for n in (1, 2)
    )
    article = extract_article(page(f"<article>{figure}{paras}{pair}{paras}</article>"))
    images = [(b.text, b.alt) for b in article.blocks if b.kind == "image"]
    assert images == [
        ("The north quay at high water.", "The quay"), ("Caption 1.", ""), ("Caption 2.", "")
    ]  # fmt: skip


def test_a_caption_outside_figcaption_leaves_out_its_label_for_screen_readers() -> None:
    figure = (  # Drupal's fields: the picture, then the caption under a hidden label
        "<div class='node__content'><div class='field--name-field-photo'>"
        "<img src='https://n.example/q.jpg' alt=''></div><div class='field--name-field-caption'>"
        "<h2 class='field__label visually-hidden'>Caption</h2><div class='field__item'>"
        "<p>The north quay at high water.</p></div></div></div>"
    )
    paras = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    article = extract_article(page(f"<article>{figure}{paras}</article>"))
    assert [b.text for b in article.blocks if b.kind == "image"] == [
        "The north quay at high water."]


def test_a_pages_own_marker_characters_make_no_spans() -> None:
    body = "<p>The \ufdd0 harbour \ufdd1 board met on <em>Tuesday \ufdd3</em> to vote.</p>"
    paras = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    article = extract_article(page(f"<article>{body}{paras}</article>"))
    first = article.blocks[0]
    assert first.text == "The harbour board met on Tuesday to vote."
    assert [(s.kind, first.text[s.start : s.end]) for s in first.spans] == [("em", "Tuesday")]


def test_formatting_reaches_the_article_as_spans_over_unchanged_text() -> None:
    body = (
        "<p>The <em> harbour </em>board met on <b>Tuesday, <i>late</i></b> and voted "
        "H<sub>2</sub>O and x<sup>2</sup>, with <kbd>Ctrl</kbd> held down, as the clerk "
        "read the long motion on dredging the old channel aloud to members.</p>"
        "<ul><li>First <strong>bold</strong> item of the list</li><li>Second item</li></ul>"
        "<table><tr><th>Quay</th><th>Depth</th></tr><tr><td><i>North</i></td><td>4 m</td></tr>"
        "<tr><td>South</td><td><b>6 m</b></td></tr></table>"
    )
    paras = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    article = extract_article(page(f"<article>{body}{paras}</article>"))
    assert "\ufdd0" not in article.text and "\ufdd3" not in article.text
    first = article.blocks[0]
    assert first.text.startswith("The harbour board met on Tuesday, late and voted H2O and x2,")
    found = {(s.kind, first.text[s.start : s.end]) for s in first.spans}
    assert {("em", "harbour"), ("strong", "Tuesday, late"), ("em", "late"), ("sub", "2"),
            ("sup", "2"), ("code", "Ctrl")} <= found  # fmt: skip
    items = next(b for b in article.blocks if b.kind == "list")
    assert items.items == ("First bold item of the list", "Second item")
    assert [items.text[s.start : s.end] for s in items.spans] == ["bold"]
    table = next(b for b in article.blocks if b.kind == "table")
    assert table.rows == (("Quay", "Depth"), ("North", "4 m"), ("South", "6 m"))
    assert {table.text[s.start : s.end] for s in table.spans} == {"North", "6 m"}
    root = lxml.html.document_fromstring(page(body))
    before = lxml.html.tostring(root)
    unmark_formatting(mark_formatting(root))
    assert lxml.html.tostring(root) == before  # the page is left as it was


def test_a_table_that_lays_out_text_gives_its_paragraphs_and_a_data_table_stays() -> None:
    from lxml import etree

    from reader_app.core.html_blocks import walk_html
    from reader_app.core.page_blocks import walk_xml

    layout = etree.fromstring(
        "<body><table><row><cell><p>First paragraph of the post.</p><head>A heading</head>"
        "<p>Second paragraph.</p></cell><cell><list><item>Archive</item></list></cell></row>"
        "</table><table><row><cell>Time</cell><cell>Height</cell></row>"
        "<row><cell>04:12</cell><cell><p>4.8 m</p></cell></row></table></body>"
    )
    drafts = list(walk_xml(layout))
    assert [(d.block.kind, d.block.text) for d in drafts] == [
        ("paragraph", "First paragraph of the post."),
        ("heading", "A heading"),
        ("paragraph", "Second paragraph."),
        ("list", "Archive"),
        ("table", "Time\tHeight\n04:12\t4.8 m"),
    ]
    html = lxml.html.fragment_fromstring(
        "<table><tbody><tr><td><h2>Post</h2><p>One.</p><p>Two.</p></td></tr></tbody></table>"
        "<table><tr><th>Time</th><th>Height</th></tr><tr><td>04:12</td><td>4.8 m</td></tr></table>",
        create_parent="div",
    )
    assert [(d.block.kind, d.block.text) for d in walk_html(html)] == [
        ("heading", "Post"), ("paragraph", "One."), ("paragraph", "Two."),
        ("table", "Time\tHeight\n04:12\t4.8 m"),
    ]


def test_a_result_that_is_one_wall_of_text_is_read_again() -> None:
    from reader_app.core.declutter import Draft
    from reader_app.core.extraction import _wall
    from reader_app.core.model import Block

    wall = "A sentence of the post, glued to the next one." * 70
    assert len(wall) >= 3000
    paragraphs = [Draft(Block("paragraph", "A paragraph of its own, of a good length."))] * 8
    assert _wall([Draft(Block("paragraph", wall)), *paragraphs])
    assert _wall([Draft(Block("table", wall))])
    assert not _wall([Draft(Block("list", wall))])  # a long list keeps its items
    assert not _wall(paragraphs * 100)
    assert not _wall([Draft(Block("paragraph", wall))] + [Draft(Block("paragraph", wall[:-1]))] * 2)


def test_soft_hyphens_leave_no_breaks_in_words_names_or_emphasis() -> None:
    body = ("<p>The City of Mar&shy;ion Build&shy;ing Department gives <em>home&shy;owners</em> "
            "up to $5,000 for repairs, the mayor said on Monday, and more next year.</p>") * 4
    article = extract_article(f"<html><body><article><h1>Home&shy;owners grants</h1>{body}"
                              "</article></body></html>")
    assert article.title == "Homeowners grants"
    first = article.blocks[0]
    assert first.text.startswith("The City of Marion Building Department gives homeowners")
    assert [first.text[s.start:s.end] for s in first.spans] == ["homeowners"]
    assert "\u00ad" not in article.text


def test_a_soft_hyphen_in_an_address_stays() -> None:
    body = ('<figure><img src="https://example.org/Scherm\u00adafbeelding.webp" width="800">'
            "<figcaption>A screenshot of the grant form, filled in by a reader.</figcaption>"
            "</figure>" + "<p>Grants for home repairs reach up to $5,000 a household this year, "
            "the building department said on Monday.</p>" * 4)
    article = extract_article(f"<html><body><article>{body}</article></body></html>")
    sources = [b.src for b in article.blocks if b.kind == "image"]
    assert sources == ["https://example.org/Scherm\u00adafbeelding.webp"]


def test_a_short_first_pass_is_read_again_though_readability_found_more() -> None:
    import gzip
    from pathlib import Path

    from reader_app.core import ExtractOptions

    page = Path(__file__).parent.parent / "data" / "wcxb-cases" / "4184.html.gz"
    article = extract_article(
        gzip.decompress(page.read_bytes()),
        "https://www.consumerreports.org/cars/car-repair-maintenance/car-maintenance-checklist/",
        ExtractOptions(use_router=False),
    )
    assert "Nothing will do more to make your car last longer" in article.text
    assert "give you an idea of when you should perform certain maintenance tasks" in article.text


def test_the_collapsed_panels_of_an_accordion_are_read() -> None:
    intro = ("<p>Installing panels on a roof takes a few months from the first quote to the day "
             "the system is switched on, and most of that time goes on paperwork.</p>") * 3
    steps = "".join(
        f"<div class='step'><h3><button id='step-{n}-head' aria-expanded='false'>Step {n}: "
        f"{name}</button></h3><div id='step-{n}' role='region' aria-labelledby='step-{n}-head' "
        f"style='display:none;'><p>{name} comes after the step before it; the installer "
        f"writes to the owner when step {n} is done and explains what follows.</p></div></div>"
        for n, name in enumerate(("The site visit", "The design", "The permits"), start=1)
    )
    questions = (
        "<div class='faq-accordion'><h3>How long does the inspection take?</h3>"
        "<div class='accordion-panel' hidden><p>The town's inspector needs about an hour on the "
        "roof and another at the meter.</p></div></div>"
    )
    questions += (
        "<details><summary>Who signs the permit?</summary><div aria-hidden='true' "
        "style='height:0;overflow:hidden'><p>The owner signs it, and the installer files it "
        "with the town.</p></div></details>"
    )
    promo = "<div style='display:none'><p>Get a free quote today.</p></div>"
    html = (f"<html><body><article><h1>Going solar, step by step</h1>{intro}{steps}{questions}"
            f"{promo}</article></body></html>")
    text = extract_article(html).text
    for name in ("The site visit comes after", "The design comes after", "The permits comes after",
                 "The town's inspector needs about an hour", "The owner signs it"):
        assert name in text
    assert "free quote" not in text  # hidden, and no accordion's


def test_a_hidden_list_without_sentences_goes_unless_it_is_a_tab() -> None:
    intro = "".join(f"<p>The {n} generation of the guitar keeps the alder body and the maple "
                    f"neck of the first, and adds a pickup switch players asked for.</p>"
                    for n in ("second", "third", "fourth"))
    specs = "".join(f"<li>Model {n}: alder body, maple neck, three single coils, {n} frets, "
                    f"a tremolo</li>" for n in (21, 22, 24, 27))
    flyout = (f"<div class='theme' data-models='4' hidden><h3>Compare "
              f"models</h3><ul>{specs}</ul></div>")
    features = ["Pictures transformed on demand without build steps",
                "The size and format of each picture optimised for the screen",
                "Pictures served from a cache near the reader",
                "A cached picture resized by its address", "The original picture kept as sent"]
    shown = "<div class='tab-panel' data-tab='1'><ul><li>Deploys from a branch</li></ul></div>"
    tab = ("<div class='tab-panel' data-tab='2' hidden><ul>"
           + "".join(f"<li>{line}</li>" for line in features) + "</ul></div>")
    panel = ("<div role='tabpanel' hidden><ul>"
             + "".join(f"<li>Later: {line.lower()}</li>" for line in features) + "</ul></div>")
    html = (f"<html><body><article><h1>The guitar, again</h1>{intro}{flyout}{shown}{tab}"
            f"{panel}</article></body></html>")
    text = extract_article(html, options=ExtractOptions(use_router=False)).text
    assert "Compare models" not in text and "Model 22" not in text
    assert "\nThe size and format of each picture optimised" in text
    assert "Later: the original picture kept as sent" in text


def test_parts_a_server_streamed_late_stand_where_its_script_puts_them() -> None:
    first = ("<p>Cloud spending is set to double by the end of the decade, and three companies "
             "take most of it, the analysts wrote in their yearly survey of the market.</p>")
    later = "".join(
        f"<p>{name} is the next company of the survey: its cloud revenue grew by a third last "
        f"year, and its margin on the service widened for the fourth year running.</p>"
        for name in ("Salesforce", "Adobe", "DigitalOcean")
    )
    html = (
        "<html><body><main><article><h1>Cloud stocks to watch</h1>"
        f"{first}<template id='B:0'></template><p>The survey closes with a word of caution on "
        "prices, which have run ahead of earnings for two years now.</p></article></main>"
        "<footer>Terms of use</footer>"
        f"<div hidden id='S:0'>{later}</div>"
        "<div hidden id='S:1'><p>A part no script asks for stays hidden, as a browser keeps "
        "it, however long its text may be.</p></div>"
        '<script>$RC("B:0","S:0")</script></body></html>'
    )
    text = extract_article(html).text
    assert "A part no script asks for" not in text
    order = [text.index(s) for s in ("Cloud spending", "Salesforce is", "DigitalOcean is",
                                      "The survey closes")]
    assert order == sorted(order)


def test_a_streamed_segment_fills_its_placeholder() -> None:
    from reader_app.core.parsing import parse_page, prepare_page

    html = ("<html><body><article><p>Before the placeholder.</p><template id='P:1'></template>"
            "<p>After the placeholder.</p></article><div hidden id='S:1'><p>The streamed "
            'segment.</p></div><script>$RS("S:1","P:1")</script></body></html>')
    root = parse_page(html)
    prepare_page(root, html)
    texts = [p.text for p in root.iter("p")]
    assert texts == ["Before the placeholder.", "The streamed segment.", "After the placeholder."]
    assert root.find(".//template") is None
    assert all(div.get("hidden") is None for div in root.iter("div"))


def test_drawings_lose_the_labels_no_reader_sees() -> None:
    from reader_app.core.html_blocks import readability_drafts
    from reader_app.core.parsing import parse_page, prepare_page

    sprite = ("<svg style='display: none'><symbol id='shape-add'><title>arrow-down</title>"
              "<polygon points='1,1 2,2'/></symbol></svg>")
    icon = ("<svg viewBox='0 0 16 16'><title>Copy a direct link to this comment</title><path "
            "d='M1 1'/></svg>")
    chart = "<svg viewBox='0 0 90 20'><desc>A chart</desc><text>Rainfall, mm</text></svg>"
    posts = "".join(
        f"<div class='post'><p>Review {n}: this notebook app keeps every note in plain files "
        f"on the disk, syncs them between machines and opens in well under a second.</p>"
        f"{icon}</div>" for n in range(1, 5)
    )
    html = f"<html><body>{sprite}<div class='reviews'>{posts}{chart}</div></body></html>"
    root = parse_page(html)
    prepare_page(root, html)
    text = " ".join(root.itertext())
    assert "arrow-down" not in text and "Copy a direct link" not in text
    assert "A chart" not in text and "Rainfall, mm" in text  # the words a diagram draws stay
    drafts = readability_drafts(root, None)
    assert "Review 4" in " ".join(d.block.text for d in drafts)


def test_text_opening_a_box_before_its_paragraphs_is_a_paragraph() -> None:
    lead = ("<div class='pt'><span>After reading a post from someone who nearly lost all their "
            "data to a joint </span><a href='https://example.org/nas'>NAS and external hard "
            "drive</a> failure I decided to think through my data durability.")
    body = "".join(f"<p>The {n} place my files live is backed up every night by a cronjob that "
                   f"copies each site and the rest of my home directory.</p>"
                   for n in ("first", "second", "third", "fourth", "fifth"))
    html = f"<html><body><div class='content'><h1>Backup strategy</h1>{lead}{body}</div></div>"
    article = extract_article(html, options=ExtractOptions(use_router=False))
    opening = article.blocks[0]
    assert opening.text.startswith("After reading a post from someone") and opening.spans
    assert "joint NAS and external hard drive failure" in opening.text
    assert "The first place my files live" in article.blocks[1].text
    icons = lxml.html.fromstring("<div><i>In-Person</i> <i>Live Online</i><p>Units: 3</p></div>")
    lead_paragraphs(icons)  # an icon's label is no paragraph
    assert [child.tag for child in icons] == ["i", "i", "p"]


def test_boxes_whose_class_names_an_icon_style_or_an_embed_keep_their_prose() -> None:
    intro = "".join(f"<p>Point {n} of what to know about accounting software is what it "
                    f"automates for you: invoices, expenses and the tax return.</p>"
                    for n in range(1, 16))  # long enough that readability's reading loses
    accordion = (
        "<div class='kt-accordion-wrap kt-accodion-icon-style-arrow'><div class='kt-pane'>"
        "<button type='button'>My methodology</button><div class='kt-accordion-panel'>"
        "<p>To identify the best software I applied one rubric across the categories that "
        "every accounting platform should address.</p><p>I weighed invoicing and banking "
        "more, as they matter most to people who work for themselves.</p></div></div></div>")
    table = ("<div class='w-embed'><p>Pros: it has more than a decade of experience with "
             "well-known clients.</p><p>Cons: a few clients wrote that its reports came late "
             "to them.</p></div>")
    icon = "<span class='fa-icon'><svg></svg></span>"
    html = (f"<html><body><article><h1>Accounting software</h1>{intro}{accordion}{table}"
            f"<div class='share-icon'><p>{icon} Share</p></div></article></body></html>")
    root = lxml.html.fromstring(html)
    text = extract_article(html, options=ExtractOptions(use_router=False)).text
    assert "I applied one rubric across the categories" in text
    assert "Cons: a few clients wrote" in text
    renamed = hide_misread_names(root)
    assert [element.get("class") for element, _ in renamed] == ["kt-accordion-wrap", ""]
    restore_names(renamed)
    assert root.find(".//div").get("class") == "kt-accordion-wrap kt-accodion-icon-style-arrow"


def test_a_hidden_list_whose_items_run_together_into_a_sentence_still_goes() -> None:
    intro = "".join(f"<p>Tumbler {n} keeps ice for a day and coffee hot for hours, and "
                    f"its lid goes in the dishwasher's top rack.</p>" for n in range(1, 9))
    meta = ("<ul hidden><li>bvseo_sdk, dw_cartridge, 18.2.0, p_sdk_3.2.0</li>"
            "<li>CLOUD, getReviews, 0ms</li><li>reviews, product, ratings, questions</li>"
            "<li>bvseo-msg: The SEO SDK is disabled. Enable it by setting seo.sdk.enabled to "
            "true in the cartridge's settings.;</li><li>bvseo-timer: 0ms, 0ms, 0ms, 0ms</li>"
            "</ul>")
    html = (f"<html><body><article><h1>The tumbler</h1>{intro}<h2>Ratings and reviews</h2>"
            f"{meta}<p>Every review is read before it is shown, and none is paid for by "
            f"the maker of the tumbler.</p></article></body></html>")
    text = extract_article(html, options=ExtractOptions(use_router=False)).text
    assert "bvseo" not in text and "getReviews" not in text
    assert "Every review is read before it is shown" in text
