"""Title, byline and date: the headline the page shows, the authors' names alone."""

from __future__ import annotations

import json

import lxml.html
import pytest

from reader_app.core import extract_article
from reader_app.core.byline import clean_byline, user_name
from reader_app.core.metadata import drop_title_heading, headline, site_names
from reader_app.core.model import Block

BODY = "".join(
    f"<p>Paragraph {n} of the story tells how the harbour bridge was mended by the crews who "
    "worked through the winter, and what the town thinks of it now that it is open.</p>"
    for n in range(6)
)


def _page(head: str, body: str) -> str:
    return f"<html><head>{head}</head><body><article>{body}{BODY}</article></body></html>"


@pytest.mark.parametrize(
    ("found", "expected"),
    [
        ("Jane Roe", "Jane Roe"),
        ("Author Ida Lindqvist", "Ida Lindqvist"),
        ("Written by Amara Okafor", "Amara Okafor"),
        ("Jane Roe Last Updated August 1", "Jane Roe"),
        ("Jane Roe • March", "Jane Roe"),
        ("Luke Kim December", "Luke Kim"),
        ("Keith Doe Senior Autos Reporter", "Keith Doe"),
        ("Rachel Moore Founder; Lead Reviewer Updated Feb", "Rachel Moore"),  # a title alone
        ("Matt Check; Head Winemaker, Co-Founder", "Matt Check"),
        ("Kaufman; Jeff T", "Jeff T. Kaufman"),  # a citation tag's "Kaufman, Jeff T."
        ("Linny; Peter", "Linny and Peter"),
        ("Editorial Staff", "Editorial Staff"),
        ("Ann Lee; Bo Chen; Cy Diaz", "Ann Lee, Bo Chen and Cy Diaz"),
        ("Tom May", "Tom May"),
        ("April Fulton", "April Fulton"),
        ("Community Editor", "Community Editor"),
        ("Metro Desk Staff", "Metro Desk Staff"),
        ("Vader 6", "Vader"),
        ("Luizjr4", "Luizjr4"),
        ("Jane Roe; Jane Roe", "Jane Roe"),
        ("View all posts by Ray Ansari", "Ray Ansari"),
        ("More articles by Jo Park", "Jo Park"),
        ("CM Craig McCarthy", "Craig McCarthy"),  # an avatar's initials
        ("AB Jane Roe", "AB Jane Roe"),
        ("Recipe by PJ Hamel", "PJ Hamel"),
        ("par Marie Dupont", "Marie Dupont"),
        ("Por Juan Pérez", "Juan Pérez"),
        ("This post was written by Dana Pak", "Dana Pak"),
        ("Nick van Mead; Bashar al-Assad", "Nick van Mead and Bashar al-Assad"),
        ("The Currency editors", "The Currency editors"),
        ("Jo Park; Extension horticulture educators", "Jo Park"),
        ("Dana Ruiz; MS; RD; FAND", "Dana Ruiz, MS, RD, FAND"),  # credentials are the name's
        ("Ivo Tan; Ph D", "Ivo Tan, PhD"),
        ("Lea Moss Writer; Hardware", "Lea Moss"),  # a job title's field names no one
        ("Omar Diaz; Privacy; Digital Security Expert", "Omar Diaz"),
        ("Ann Lee; Bo Chen; The Commercial Appeal", "Ann Lee and Bo Chen"),
        ("Will Sato; Rich Young", "Will Sato and Rich Young"),  # given names of common words
        ("This review is posted in Mobile App Reviews", None),  # a card's category line
        ("View more posts", None),
        ("About the Author", None),
        ("Written By", None),
        ("Sign In", None),
        ("Conditions Privacy Policy", None),  # a footer's links
        ("Www Facebook Com; Tinyhousegiantjourney", "Tinyhousegiantjourney"),  # a share link
        ("Name", None),
        ("Updated January", None),
        ("", None),
        (None, None),
    ],
)
def test_a_byline_keeps_the_names_alone(found: str | None, expected: str | None) -> None:
    assert clean_byline(found) == expected


def test_a_first_block_that_repeats_the_title_goes() -> None:
    title = "Retirement calculator: Estimate how much you need to save"
    body = Block("paragraph", "Do you know how much you will need?")
    for first in (Block("heading", title, level=1), Block("paragraph", f" {title} ")):
        assert drop_title_heading([first, body], title) == [body]
    near = Block("paragraph", "Retirement calculator")  # a paragraph only when it is the title
    assert drop_title_heading([near, body], title) == [near, body]


def _headline(h1s: list[str], title: str | None) -> str | None:
    body = "".join(f"<h1>{h}</h1>" for h in h1s)
    return headline(lxml.html.document_fromstring(_page("", body)), title)


def test_the_headline_is_the_h1_that_shares_the_titles_words() -> None:
    title = "Bridge reopens after repairs | Kelbridge Post"
    assert _headline(["Kelbridge Post", "Harbour bridge reopens after two years of repairs"],
                     title) == "Harbour bridge reopens after two years of repairs"


def test_without_such_an_h1_the_title_loses_the_sites_name() -> None:
    assert _headline(["Latest news"], "Harbour bridge reopens - Kelbridge Post") == (
        "Harbour bridge reopens"
    )
    assert _headline([], "Harbour bridge reopens | Kelbridge Post") == "Harbour bridge reopens"
    # two words before the separator are more likely the title's own than a site's
    assert _headline([], "Bridge reopens | Kelbridge Post") == "Bridge reopens | Kelbridge Post"
    assert _headline([], None) is None


def test_a_short_h1_naming_a_section_yields_to_the_pages_title() -> None:
    head = "<title>The five best noise-canceling headphones, according to me</title>"
    article = extract_article(_page(head, "<h1>Pulse!</h1><h2>The five best</h2>"))
    assert article.title == "The five best noise-canceling headphones, according to me"
    # an h1 that says more than the title stays the headline
    head = "<title>Reddit - The heart of the internet</title>"
    article = extract_article(_page(head, "<h1>Best laptop for college in 2026?</h1>"))
    assert article.title == "Best laptop for college in 2026?"


def test_the_h1_sharing_most_of_the_titles_words_is_the_headline() -> None:
    title = "How to write a (good) newsletter with AI"
    assert _headline(["MarTech AI", title], title) == title  # the newsletter's name first
    # one word in common is no evidence; a title of one word may be its h1's
    assert _headline(["InfoQ Homepage"], "InfoQ: Software Development News") == (
        "InfoQ: Software Development News"
    )
    assert _headline(["Auth"], "Auth") == "Auth"
    # an h1 of one word names the title's subject when it opens it, not a word of its middle
    assert _headline(["Kayaks"], "Kayaks | REI Co-op") == "Kayaks"
    title = "How we found flaws in Vercel, Cursor, Discord and hundreds of companies"
    assert _headline(["Discord", "Mintlify"], title) == title
    assert _headline(["Erik Demaine's Folding and Unfolding:", "The Fold-and-Cut Problem"],
                     "The Fold-and-Cut Problem (Erik Demaine)") == "The Fold-and-Cut Problem"


@pytest.mark.parametrize(
    ("title", "site", "url", "expected"),
    [
        ("Bridge reopens | Kelbridge Post", "Kelbridge Post", None, "Bridge reopens"),
        ("Critics' Choice: Best UK Exhibitions 2025 \u2013 Artlyst - Artlyst", None,
         "https://artlyst.com/reviews/x", "Critics' Choice: Best UK Exhibitions 2025"),
        ("Klatch Coffee | Shopify App Store", None, "https://apps.shopify.com/stories/x",
         "Klatch Coffee"),
        ("Workouts for Beginners - Gold's Gym", None, "https://www.goldsgym.com/blog/x",
         "Workouts for Beginners"),
        ("Auth | Supabase Docs", "Supabase", "https://supabase.com/docs/auth", "Auth"),
        # what opens the title stays; so does a home page's site name
        ("Kelbridge Post | Bridge reopens", "Kelbridge Post", None,
         "Kelbridge Post | Bridge reopens"),
        ("Home - Ohio Artisan Collective", "Ohio Artisan Collective", None,
         "Home - Ohio Artisan Collective"),
        ("Bridge reopens | Harbour news", "Kelbridge Post", "https://kelbridgepost.com/x",
         "Bridge reopens | Harbour news"),
    ],
)
def test_the_sites_name_closing_the_title_goes(
    title: str, site: str | None, url: str | None, expected: str
) -> None:
    root = lxml.html.document_fromstring(_page("", "<p>Text</p>"))
    assert headline(root, title, site_names(site, url)) == expected


def test_an_h1_reads_on_one_line_without_its_date_hidden_parts_and_pictures() -> None:
    h1 = ('<a href="/post"><time datetime="2025-12-18">Dec <span>18</span> 2025</time>\n'
          "  Preparing a transition\n  in Debusine</a>"
          '<devsite-actions hidden><span>Stay organized with collections</span>'
          "</devsite-actions><svg><title>Artboard</title></svg>")
    assert _headline([h1], "Preparing a transition in Debusine | Colin's blog") == (
        "Preparing a transition in Debusine"
    )


def test_an_article_shows_its_headline_and_the_author_its_json_ld_names() -> None:
    data = {"@context": "https://schema.org", "@type": "NewsArticle",
            "author": {"@type": "Person", "name": "Amara Okafor"}}
    head = (
        '<meta property="og:title" content="Bridge reopens | Kelbridge Post">'
        f'<script type="application/ld+json">{json.dumps(data)}</script>'
    )
    article = extract_article(_page(head, "<h1>Harbour bridge reopens after repairs</h1>"))
    assert article.title == "Harbour bridge reopens after repairs"
    assert article.byline == "Amara Okafor"
    assert "Kelbridge" not in article.text


def test_character_references_a_page_escaped_twice_read_as_their_characters() -> None:
    head = '<title>Data Tools | Python, SQL &#x26; AI | Splunk</title>'
    article = extract_article(_page(head, "<h1>Data Tools | Python, SQL &amp;#x26; AI</h1>"))
    assert article.title == "Data Tools | Python, SQL & AI"


@pytest.mark.parametrize(
    ("kind", "published", "time", "expected"),
    [
        ("NewsArticle", "2025-11-28T09:30:00+00:00", "", "2025-11-28"),
        (["BlogPosting"], "2024-01-23", "", "2024-01-23"),
        ("NewsArticle", "2019-04-03", '<time datetime="2025-12-19">19 December 2025</time>',
         "2025-12-19"),  # the date the page shows comes first
        ("Product", "2025-11-28", "", None),  # a product's date is not the page's
        ("NewsArticle", "Nov 28, 2025", "", None),  # only days written in ISO form
    ],
)
def test_an_article_without_a_date_in_its_markup_takes_its_json_ld_date(
    kind: str | list[str], published: str, time: str, expected: str | None
) -> None:
    data = {"@context": "https://schema.org",
            "@graph": [{"@type": kind, "datePublished": published}]}
    head = f'<script type="application/ld+json">{json.dumps(data)}</script>'
    article = extract_article(_page(head, f"<h1>Harbour bridge reopens</h1>{time}"))
    assert article.date == expected


def test_a_thread_shows_its_author_as_the_forum_writes_the_name() -> None:
    data = {"@context": "https://schema.org", "@type": "DiscussionForumPosting",
            "headline": "Early symptoms?", "author": {"@type": "Person", "name": "lulug30"},
            "comment": [{"@type": "Comment", "author": {"@type": "Person", "name": "Dr_Kay"}}]}
    head = f'<script type="application/ld+json">{json.dumps(data)}</script>'
    body = ('<h1>Early symptoms?</h1><div class="post"><p>' + "My hands shake in the morning "
            "and I cannot tell whether it is the cold or something else. " * 4 + "</p></div>"
            '<div class="reply"><span class="author">Dr_Kay</span><p>'
            + "See a neurologist soon; early tests help whatever the cause turns out to be. " * 3
            + "</p></div>")
    assert extract_article(_page(head, body)).byline == "lulug30"


@pytest.mark.parametrize("author", ["Anonymous", "  ", "Deleted member"])
def test_a_thread_whose_author_is_no_one_falls_back_to_the_page(author: str) -> None:
    data = {"@type": "DiscussionForumPosting", "author": {"name": author}}
    head = (f'<script type="application/ld+json">{json.dumps(data)}</script>'
            '<meta name="author" content="Amara Okafor">')
    body = "<h1>A thread</h1><p>" + "Words of the opening post, long enough to keep. " * 8 + "</p>"
    assert extract_article(_page(head, body)).byline == "Amara Okafor"


@pytest.mark.parametrize(
    ("credit", "expected"),
    [
        ('<p class="x1">Written by</p><p class="x2">Edzel Tabing</p>', "Edzel Tabing"),
        ('<span>By <a href="/producers/sofia-gonzalez">Sofia Gonzalez</a></span>',
         "Sofia Gonzalez"),
        ('<div class="meta">By: <b>Marna van der Merwe</b> · 9 min read</div>',
         "Marna van der Merwe"),
        ("<p>Written by Ben Applebaum-Bauch</p>", "Ben Applebaum-Bauch"),
        ("<p>By The Meetingnotes Team</p>", "The Meetingnotes Team"),
    ],
)
def test_a_credit_line_under_the_headline_names_the_author(credit: str, expected: str) -> None:
    page = _page("", f"<h1>Harbour bridge reopens after repairs</h1>{credit}")
    assert extract_article(page).byline == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ('<div class="meta"><span>Updated Sep 17, 2025</span></div>', "2025-09-17"),
        ("<p><em>October 11, 2023</em> by <strong>Autumn Huerter</strong></p>", "2023-10-11"),
        ("<p>Posted on the 5th of December 2025</p>", "2025-12-05"),
        # a day in a sentence, far below the headline, or still to come, dates nothing
        ("<p>The bridge first opened on October 11, 1923, and was closed for repairs last "
         "spring.</p>", None),
        ("<p>Kelbridge</p><p>Harbour</p><p>Bridges</p><p>Repairs</p><p>Roads</p><p>Ports</p>"
         "<p>October 11, 2023</p>", None),
        ("<p>Reopening party: December 20, 2099</p>", None),
    ],
)
def test_a_day_shown_under_the_headline_dates_a_page_its_markup_does_not(
    line: str, expected: str | None
) -> None:
    page = _page("", f"<h1>Harbour bridge reopens after repairs</h1>{line}")
    assert extract_article(page).date == expected


@pytest.mark.parametrize(
    "body",
    [
        # a menu before the headline, and a footer's credit after the text
        '<ul><li><a href="/c">By Category</a></li></ul><h1>Harbour bridge reopens</h1>'
        "<footer>By Harbour Media</footer>",
        # a label without a name, a picture's credit, code
        "<h1>Harbour bridge reopens</h1><p>By</p><p>the crews of the port, 12 of them</p>"
        "<figure><img src='a.jpg'><figcaption>By Jo Park</figcaption></figure>"
        "<pre>By Default</pre>",
        # no headline to stand under
        "<p>By Jo Park</p>",
    ],
)
def test_no_credit_line_no_byline(body: str) -> None:
    assert extract_article(_page("", body)).byline is None


@pytest.mark.parametrize(
    ("box", "expected"),
    [
        ("Ejp55230 E", "Ejp55230"),
        ("user3080392 193 1 1 silver badge", "user3080392"),
        ("Noah_B", "Noah_B"),
        ("xJewishNinjax X", "xJewishNinjax"),
        ("McNamara", None),
        ("Jane Doe", None),
        ("By Jane Doe", None),
        ("Vader 6", None),
        ("", None),
        (None, None),
    ],
)
def test_an_author_box_that_opens_with_a_user_name_gives_it(
    box: str | None, expected: str | None
) -> None:
    assert user_name(box) == expected


def test_a_thread_shows_its_posters_user_name_as_written() -> None:
    body = ('<h1>Grub will not boot after update</h1><div class="post">'
            '<div class="message-author">InsaneSnow45</div><p>'
            + "After the kernel update the machine stops at the grub prompt and I cannot "
            "find which partition it wants. " * 3 + "</p></div>")
    assert extract_article(_page("", body)).byline == "InsaneSnow45"


@pytest.mark.parametrize(
    ("h1", "expected"),
    [
        ("News Product<br>Management Certification", "News Product Management Certification"),
        ("Data Analytics<span><br>Agency</span>", "Data Analytics Agency"),
        ('Middleware<a class="headerlink" href="#m">¶</a>', "Middleware"),
        ('Crate <span>tokio</span> <button id="copy-path">Copy item path</button>',
         "Crate tokio"),
        ('<span aria-hidden="true"><span>The product</span><span>development</span></span>'
         '<span class="visually-hidden">The product development</span>',
         "The product development"),
    ],
)
def test_the_headline_reads_as_the_page_shows_it(h1: str, expected: str) -> None:
    page = _page("", f"<h1>{h1}</h1>")
    assert extract_article(page).title == expected


def test_the_h1_that_words_the_title_differently_reads_as_shown() -> None:
    head = "<title>Cosmetic packaging design studio | Packwell</title>"
    page = _page(head, "<h1>Cosmetic Packaging<br>Design</h1>")
    assert extract_article(page).title == "Cosmetic Packaging Design"


def test_a_section_s_name_above_the_headline_goes_with_it() -> None:
    head = "<title>Bridge reopens after repairs</title>"
    body = "<h2>The Kelbridge Blog</h2><h1>Bridge reopens after repairs</h1>"
    article = extract_article(_page(head, body))
    assert article.blocks[0].text.startswith("Paragraph 0 of the story")
    assert "Kelbridge Blog" not in article.text


def test_a_product_s_brand_above_its_name_stays() -> None:
    data = {"@context": "https://schema.org", "@type": "Product", "name": "Harbour Lamp"}
    head = (
        "<title>Harbour Lamp</title>"
        f'<script type="application/ld+json">{json.dumps(data)}</script>'
    )
    article = extract_article(_page(head, "<h2>Kelbridge Lighting</h2><h1>Harbour Lamp</h1>"))
    assert [b.text for b in article.blocks[:2]] == ["Kelbridge Lighting", "Harbour Lamp"]


def test_a_lone_h1_of_the_sites_name_is_no_headline_and_a_version_no_site() -> None:
    head = "<title>Discuss the VirtualBox 7.1.0 release here - virtualbox.org</title>"
    body = ('<h1><a href="/">virtualbox.org</a></h1><h2>Discuss the VirtualBox 7.1.0 release '
            "here</h2><p>" + "Having upgraded to the new build, my guests lost their network. " * 4
            + "</p>")
    article = extract_article(_page(head, body), "https://forums.virtualbox.org/viewtopic.php?t=1")
    assert (article.title, article.site) == (
        "Discuss the VirtualBox 7.1.0 release here", "virtualbox.org"
    )
