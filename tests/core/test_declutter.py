"""Declutter: DOM cues, the text classifier of short blocks, and position rules."""

from __future__ import annotations

import re

import lxml.html
import pytest

from reader_app.core import clutter_text, extract_article
from reader_app.core.clutter_text import clutter_score
from reader_app.core.declutter import Draft, declutter_blocks
from reader_app.core.dom_clutter import prune_dom
from reader_app.core.model import Block
from reader_app.core.post_stamps import is_date_line

CLUTTER = [
    "Want to bookmark your favourite articles and stories to read or reference later? "
    "Start your Premium subscription today.",
    "Your donation allows us to keep our journalism free for everyone. Donate from £1.",
    "Already a subscriber? Log in to continue reading.",
    "Please refresh the page to see the latest updates.",
    "Turn on notifications to get breaking news alerts as they happen.",
    "Join thought-provoking conversations, follow other readers and see their comments.",
    "Sign up to our free newsletter and get the best stories delivered to your inbox.",
    "We use cookies to improve your experience. Accept all cookies or manage preferences.",
    "Share this article",
    "Advertisement",
    "Story continues below advertisement",
    "Photo: Getty Images",
    "Enjoyed this article? Become a member from £4 a month.",
    "Create a free account to save articles and follow topics.",
    "Read more: How the council spent its flood budget",
    "Posted on July 1, 2024 by Sam Lee",
    "3 January, 2025",
    "On this page",
    "Related stories",
    "Jo Park · 2 May 2024 · 6 min read",
    "News | 14 February 2025 | Share",
    "Book a demo and see how teams plan their week. No credit card required.",
    "Related articles that may interest you",
    "Get in touch with our team",
    "Posted in Travel, Food & Drink",
    "Tags: budgets, councils",
    "4 MIN. READ",
    "Last updated 3 May 2024 by\nJo Park",
    "Posted by Harbour News on Tuesday, May 2, 2024",
    "Carys Morgan ·",
    "Last update: 3 March 2025",
    "Was this page helpful?",
    "Leave a Reply Cancel reply",
    "Add A Comment",
    "Jump to Recipe",
    "Connect With Us",
    "Add to cart",
    "Out of stock",
    "Free Shipping on Orders over $75",
    "Returns & exchanges accepted",
    "People who viewed this item also viewed",
    "You are not logged in.",
    "Well-known member",
    "Senior Member",
    "Sent from my SM-S908U using Tapatalk",
    "Similar threads",
    "Recommended Posts",
    "(edited)",
    "12 comments",
    "Regular price",
    "Sold out",
    "20 replies to this topic",
    "This topic was automatically closed 30 days after the last reply. New replies are no "
    "longer allowed.",
    "Was this helpful?",
    "Last modified November 18, 2025",
    "Sort and Filter",
    "Your browser does not support the video tag.",
    "Save this event",
    "Help me spread the word about this podcast!",
    "Did you make this loaf? Follow The Harbour Kitchen on Facebook, Pinterest and YouTube for "
    "every new recipe!",
]

CONTENT = [
    "The Red Cross said donations to its storm appeal had reached £40,000 by midday, and "
    "urged people who wanted to help to give only through official channels.",
    "The ferry operator said season-ticket subscribers would be refunded for every cancelled "
    "crossing, a spokesperson told reporters on Tuesday afternoon.",
    "Newspapers have lost half their print subscribers in a decade, and many now depend on "
    "digital memberships and reader donations to pay for local reporting, the study found.",
    "If you run a small business, you can claim the relief by filling in the online form on "
    "the council's website before the end of April.",
    "Engineers said the new pumping station could move 4,000 litres a second.",
    "Cookies were first used by web browsers in 1994 to remember what visitors had put in "
    "their shopping baskets, according to a history of the web published last year.",
    "The company's app has been downloaded more than two million times since its launch.",
    "Published works",
    "January 2025 was the wettest month on record in the valley.",
    "Price · Quality · Service",
    "For $33 per month, the service offers sixty channels in a tidy interface, and its cloud "
    "recorder marks the commercial breaks so that they can be skipped.",
    "The simplest design is a web service where you log in with an email address and "
    "upload a key.",
    "Each of these services has its own app, which you can install on a television or a "
    "phone. You can subscribe to these services through their own websites.",
    "In stock and ready to ship from the warehouse in Leeds on the day of the order.",
    "Save",
    "Member",
    "2 Answers",
    "The sale price of the harbour cottage rose by a tenth in a year.",
    "Sent from my desk in Leeds, the letter asked the council for help with the flooding.",
    "The campaign helped spread the word about the vaccine among parents, officials said.",
    "The band's fans follow them on Instagram, where the singer posts daily.",
]


@pytest.mark.parametrize("text", CLUTTER)
def test_clutter_scores_as_clutter(text: str) -> None:
    assert clutter_score(text) >= 5.0


@pytest.mark.parametrize("text", CONTENT)
def test_content_scores_as_content(text: str) -> None:
    assert clutter_score(text) < 4.0


def test_an_affiliate_disclosure_is_clutter_at_the_edges() -> None:
    assert clutter_score("Products are chosen independently by our editors. Purchases made "
                         "through our links may earn us a commission.") >= 4.0


def test_short_links_that_open_with_an_imperative_are_buttons() -> None:
    assert clutter_score("Shop the Harbour range.", link_ratio=1.0) >= 5.0
    assert clutter_score("See the rating.", link_ratio=0.9) >= 5.0
    assert clutter_score("See the rating.", link_ratio=0.0) < 4.0
    assert clutter_score("Harbour Watch 3", link_ratio=1.0) < 4.0


def test_links_raise_the_score() -> None:
    text = "More stories from our newsroom"
    assert clutter_score(text, link_ratio=1.0) > clutter_score(text, link_ratio=0.0)


def _para(text: str, link_ratio: float = 0.0) -> Draft:
    return Draft(Block("paragraph", text), link_ratio)


LONG = (
    "The council's cabinet voted on Thursday to close the gap in the budget of the flood "
    "scheme from its capital reserves, which officials said would not delay other projects "
    "already planned for the coming financial year in the market towns of the county."
)
#: Another paragraph: a block the same as the one before it is read once.
LONG_TOO = LONG + " It was the third such vote."


def test_declutter_blocks_drops_clutter_and_its_heading() -> None:
    drafts = [
        _para(LONG),
        Draft(Block("heading", "Support our newsroom", level=3)),
        _para(CLUTTER[1]),
        _para(LONG + " It was the third such vote."),
        Draft(Block("heading", "Comments", level=3)),
        _para(CLUTTER[5]),
    ]
    kept = declutter_blocks(drafts)
    assert [b.text for b in kept] == [LONG, LONG + " It was the third such vote."]


def test_a_block_written_twice_in_a_row_is_read_once() -> None:
    heading = Draft(Block("heading", "Hunting for elusive ghost elephants", level=2))
    drafts = [heading, heading, _para(LONG), _para("Yes."), _para("Yes."),
              Draft(Block("heading", LONG[:40], level=3)), _para(LONG[:40]), _para(LONG)]
    assert [b.text for b in declutter_blocks(drafts)] == [
        heading.block.text, LONG, "Yes.", "Yes.", LONG[:40], LONG[:40], LONG,
    ]  # a word alone may repeat, and so may a heading's words as a paragraph


def test_a_passage_written_twice_is_read_once_and_a_paragraph_repeated_alone_stays() -> None:
    slide = [Draft(Block("heading", "Universal Appeal", level=3)), _para(LONG), _para(LONG_TOO)]
    credit = _para("This webcam image is provided courtesy of the Yosemite Conservancy.")
    drafts = [*slide, credit, _para("The valley floor at dawn."), credit,
              _para("The falls at noon."), *slide, _para("The end of the tour.")]
    assert [b.text for b in declutter_blocks(drafts)] == [
        "Universal Appeal", LONG, LONG_TOO, credit.block.text, "The valley floor at dawn.",
        credit.block.text, "The falls at noon.", "The end of the tour.",
    ]


def test_a_mark_alone_is_no_paragraph() -> None:
    marks = [_para(mark) for mark in ("|", "\u2013", "(", ")", "+")]
    kept = declutter_blocks([_para(LONG), *marks, _para("72"), _para("\u2605\u2605\u2605\u2605"),
                             _para("?!"), _para(LONG)])
    assert [b.text for b in kept] == [LONG, "72", "\u2605\u2605\u2605\u2605", LONG]


def test_a_paragraph_of_machine_identifiers_is_no_text() -> None:
    ids = ["19aea247-2e76-4905-9b83-15a5a5664cfa", "661bd3c3-576f-4713-baee-9dc0dd7c3568",
           "2e2c3720-cfa9-41e9-9571-b179b489e15f"]
    sponsored = "S" + "G".join(ids)  # the letters of "Sponsored" among hidden ids
    order = f"Order {ids[0]} shipped on Monday and {ids[1]} on Tuesday, both by courier."
    kept = declutter_blocks([_para(LONG), _para(sponsored), _para(order), _para(LONG_TOO)])
    assert [b.text for b in kept] == [LONG, order, LONG_TOO]


def test_declutter_blocks_keeps_content_about_subscriptions_mid_text() -> None:
    drafts = [_para(LONG), _para(CONTENT[1]), _para(CONTENT[2]), _para(LONG)]
    assert len(declutter_blocks(drafts)) == 4


def test_pointers_to_the_sites_own_guides_stay_mid_text() -> None:
    pointer = _para("Check out our full review of the Harbour 3 watch", 0.6)
    assert len(declutter_blocks([_para(LONG), pointer, _para(LONG)])) == 3


def test_edges_need_less_evidence_than_the_middle() -> None:
    borderline = "Premium subscribers get the newsletter first."
    score = clutter_score(borderline)
    assert 4.0 <= score < 5.0
    middle = declutter_blocks([_para(LONG), _para(borderline), _para(LONG)])
    edge = declutter_blocks([_para(LONG), _para(LONG_TOO), _para(borderline)])
    assert len(middle) == 3
    assert len(edge) == 2


def test_byline_lines_at_the_top_go() -> None:
    drafts = [_para("By Priya Raman and Tom Hollis"), _para(LONG)]
    assert [b.text for b in declutter_blocks(drafts)] == [LONG]


def test_a_byline_with_its_day_of_publication_at_the_top_goes() -> None:
    stand = "A standfirst that says what the piece is about."
    drafts = [_para(stand), _para("By Priya Raman Published: Dec 20, 2023"), _para(LONG),
              _para("By Tom Hollis Updated: March 3, 2024, and more words here")]
    assert [b.text for b in declutter_blocks(drafts)] == [
        stand, LONG, "By Tom Hollis Updated: March 3, 2024, and more words here"]


def test_section_headings_that_start_with_by_are_not_bylines() -> None:
    drafts = [
        _para(LONG),
        Draft(Block("heading", "By Region", level=3)),
        Draft(Block("list", "North\nSouth", items=("North", "South"))),
    ]
    assert [b.text for b in declutter_blocks(drafts)] == [LONG, "By Region", "North\nSouth"]


def test_legal_small_print_that_ends_the_text_goes() -> None:
    notice = (
        "Harbour Savings is a registered investment adviser. Past performance is no "
        "guarantee of future results, and this page does not constitute tax advice."
    )
    marks = "Harbour® is a registered trademark of Harbour Savings Ltd."
    ending = "Readers should weigh the fees before they switch, the adviser said."
    drafts = [_para(LONG), _para(ending), _para(notice), _para(marks)]
    assert [b.text for b in declutter_blocks(drafts)] == [LONG, ending]
    # One notice alone, or small print in the middle of the text, is content.
    single = "Past performance, the adviser said, is a poor guide to the next decade."
    drafts = [_para(LONG), _para(notice), _para(LONG), _para(single)]
    assert len(declutter_blocks(drafts)) == 4


def test_a_title_bar_laid_out_as_a_table_is_judged_by_its_text() -> None:
    bar = Draft(Block("table", "Notes\t2 May 2024", rows=(("Notes", "2 May 2024"),)))
    data = Draft(
        Block("table", "Year\tRain\n2023\t812 mm", rows=(("Year", "Rain"), ("2023", "812 mm")))
    )
    kept = declutter_blocks([bar, _para(LONG), data])
    assert [b.kind for b in kept] == ["paragraph", "table"]


def test_images_tables_and_code_are_never_judged_by_text() -> None:
    drafts = [
        Draft(Block("image", "Share this article", src="https://x.example/a.png")),
        _para(LONG),
        Draft(Block("code", "subscribe()  # sign up to the newsletter")),
    ]
    assert len(declutter_blocks(drafts)) == 3


def _tree(body: str) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(f"<html><body>{body}</body></html>")


def _texts(root: lxml.html.HtmlElement) -> str:
    return " ".join(root.text_content().split())


ARTICLE = "".join(f"<p>{LONG} Paragraph {n}.</p>" for n in range(4))


def test_prune_dom_removes_named_clutter_boxes() -> None:
    root = _tree(
        f"<div class='share-bar'><a href='#'>Facebook</a></div><article>{ARTICLE}</article>"
        "<div id='newsletter-signup'><p>Weekly digest</p></div>"
        "<section class='relatedStories'><a href='/x'>Another story</a></section>"
        "<div class='ad-slot'>Advertisement</div><div style='display:none'>Hidden text</div>"
    )
    assert prune_dom(root) == 5
    text = _texts(root)
    for gone in ("Facebook", "Weekly digest", "Another story", "Advertisement", "Hidden text"):
        assert gone not in text
    assert "Paragraph 3." in text


def test_prune_dom_removes_disclosures_and_action_buttons() -> None:
    root = _tree(
        "<div class='disclosure'><p>We may be paid when you buy through these pages.</p></div>"
        f"<article>{ARTICLE}"
        "<div class='product-cta'><a class='btn' href='/go'>Check availability</a></div>"
        "</article><div class='site-disclaimer'><p>Rates may change.</p></div>"
        "<div class='rssBox'><a href='/feed'>Feed</a></div>"
    )
    assert prune_dom(root) == 4
    text = _texts(root)
    for gone in ("paid when you buy", "Check availability", "Rates may change", "Feed"):
        assert gone not in text
    assert "Paragraph 3." in text


def test_a_forms_title_and_the_messages_it_shows_once_sent_go() -> None:
    html = _page(
        "<h3 class='hs_cos_wrapper form-title'>Request A Free Consultation</h3>"
        "<div id='hs_form_target_module_1'></div>"
        "<div class='w-form'><form><input name='email'></form>"
        "<div class='w-form-done'><div>Thank you! Your submission has been received!</div></div>"
        "<div class='w-form-fail'><div>Oops! Something went wrong while submitting the form."
        "</div></div></div>"
        "<p>The scheme's second summer begins in May, when the stones go back.</p>"
    )
    body = _body(html)
    for gone in ("Request A Free Consultation", "Thank you!", "Oops!"):
        assert gone not in body
    assert "second summer begins in May" in body


def test_prune_dom_keeps_wrappers_that_hold_the_article() -> None:
    root = _tree(f"<div class='paywall subscriber-content'>{ARTICLE}</div>")
    prune_dom(root)
    assert "Paragraph 3." in _texts(root)


def test_prune_dom_removes_a_consent_manager_however_long_its_notices() -> None:
    notices = "".join(f"<p>{LONG} Cookie category {n}.</p>" for n in range(8))
    root = _tree(f"<article><p>{LONG} The thread.</p></article><div id='onetrust-consent-sdk'>"
                 f"<h2>Privacy Preference Center</h2>{notices}</div>")
    assert prune_dom(root) == 1
    assert "The thread." in _texts(root) and "Cookie category" not in _texts(root)


def test_prune_dom_removes_a_popover_however_long() -> None:
    steps = "".join(
        f"<h5>Browser {n}</h5><ol><li>Tap the lock icon beside the address.</li>"
        "<li>Open the site's settings and allow alerts.</li></ol>"
        for n in range(4)
    )  # longer than a hidden element the page might still show
    root = _tree(f"<i-card popover id='card7'><h4>Configure push alerts</h4>{steps}</i-card>"
                 f"<article>{ARTICLE}</article>")
    assert prune_dom(root) == 1
    assert "Configure push alerts" not in _texts(root) and "Paragraph 3." in _texts(root)


def test_prune_dom_removes_a_hidden_dialog_however_long() -> None:
    terms = "".join(f"<p>{LONG} Republishing rule {n}.</p>" for n in range(8))
    root = _tree(f"<article>{ARTICLE}</article><div id='republish-modal' style='display:none' "
                 f"role='dialog' aria-modal='true'><h2>Republish this article</h2>{terms}</div>"
                 f"<div style='display:none'><p>{LONG} A collapsed answer.</p></div>"
                 "<dialog><p>Join the Tech Talk: your email address.</p></dialog>")
    assert prune_dom(root) == 2
    assert "Tech Talk" not in _texts(root)  # a dialog is shown only once opened
    assert "Republishing rule" not in _texts(root) and "Paragraph 3." in _texts(root)
    assert "A collapsed answer." in _texts(root)  # hidden, but the page may show it


def test_prune_dom_removes_the_landmarks_of_page_furniture() -> None:
    root = _tree(f"<div role='banner'><a href='/'>Shop</a> Free shipping on orders over $50"
                 f"</div><div role='navigation'>Europe Albania Austria Croatia</div>"
                 f"<article>{ARTICLE}</article><div role='contentinfo'>Secure payment. "
                 "Returns within 30 days.</div><div role='marquee'>Message 1 of 3. Earn $130 "
                 "in value when you are approved.</div>")
    assert prune_dom(root) == 4
    assert _texts(root).strip().endswith("Paragraph 3.")


def test_prune_dom_removes_a_tooltip() -> None:
    root = _tree(f"<article>{ARTICLE}<p>Reviewed by <span>Keri Lane<span role='tooltip'>Keri "
                 "Lane, Editor-in-Chief, 108 published articles</span></span>.</p></article>")
    assert prune_dom(root) == 1
    assert "Editor-in-Chief" not in _texts(root) and "Reviewed by Keri Lane" in _texts(root)


def test_prune_dom_removes_links_that_only_move_the_reader_on_the_page() -> None:
    root = _tree(
        "<a class='sr-only' href='#main'>Skip to main content</a>"
        f"<article><p><a href='#list'>JUMP TO THE LIST \u2935</a> {LONG}</p>{ARTICLE}"
        "<h3>Kettle one <a href='#review-1'>Jump to Review</a></h3>"
        "<p><a href='#venue-0'><span>View in list</span></a></p>"
        "<p>See <a href='#methods'>how we tested</a> and <a href='/list'>jump to our list</a>."
        "</p></article>"
    )
    assert prune_dom(root) == 4
    text = _texts(root)
    for gone in ("Skip to main content", "JUMP TO THE LIST", "Jump to Review", "View in list"):
        assert gone not in text
    assert "how we tested" in text and "jump to our list" in text and LONG in text


def test_prune_dom_keeps_a_recipe_box_named_for_cookies() -> None:
    root = _tree(f"<div class='cookie-recipes'>{ARTICLE}</div>")
    assert prune_dom(root) == 0


def test_prune_dom_matches_names_at_word_starts_only() -> None:
    root = _tree(f"<div class='bloginner'>{ARTICLE}<p>Short note.</p></div>")
    assert prune_dom(root) == 0


def test_prune_dom_finds_calls_to_action_under_hashed_names() -> None:
    root = _tree(
        f"<div class='sc-1x2y3z'>{ARTICLE}</div>"
        "<div class='sc-9q8w7e'><p>Sign up to our newsletter for the top stories in your "
        "inbox.</p><input type='email'><div role='button'>Sign up</div></div>"
        "<div class='sc-4r5t6y'><p>Your donation allows us to keep our journalism free. "
        "Please support us today.</p><a href='/donate'>Donate now</a></div>"
    )
    assert prune_dom(root) == 2
    text = _texts(root)
    assert "newsletter" not in text and "donation" not in text
    assert "Paragraph 0." in text


def test_links_lists_at_the_end_go() -> None:
    links = Draft(
        Block("list", "One story\nAnother story", items=("One story", "Another story")), 1.0
    )
    kept = declutter_blocks([_para(LONG), _para(LONG_TOO), links])
    assert [b.kind for b in kept] == ["paragraph", "paragraph"]
    middle = declutter_blocks([_para(LONG), links, _para(LONG)])
    assert len(middle) == 3
    # An address written out as the last paragraph is the article citing its source.
    source = _para("https://example.org/reports/flood-scheme-2024", 1.0)
    assert len(declutter_blocks([_para(LONG), _para(LONG_TOO), source])) == 3


def test_trailing_headings_and_author_biographies_go() -> None:
    bio = "Jane Doe is a freelance writer who covers transport and the environment."
    drafts = [
        _para(LONG),
        _para(LONG_TOO),
        _para(bio),
        Draft(Block("heading", "Topics", level=2)),
    ]
    assert [b.text for b in declutter_blocks(drafts)] == [LONG, LONG_TOO]


def test_a_clutter_heading_near_the_end_takes_its_section() -> None:
    teaser = "A long teaser of another story " * 8
    drafts = [
        *[_para(f"{LONG} Part {n}.") for n in range(6)],
        Draft(Block("heading", "Related stories", level=2)),
        _para(teaser),
        _para(teaser + "again"),
    ]
    kept = declutter_blocks(drafts)
    assert len(kept) == 6
    assert all(b.text.startswith(LONG) for b in kept)


def _page(*parts: str) -> str:
    """A small article page: three long paragraphs on a flood scheme, then ``parts``."""
    story = "".join(
        f"<p>The council's flood scheme, part {n}, will raise the river wall by a metre "
        "along the high street, and engineers expect the work to take two summers to finish "
        "because the old stones have to be numbered and rebuilt one by one.</p>"
        for n in range(1, 4)
    )
    return (
        "<html><head><title>Flood scheme</title></head><body><article>"
        f"<h1>Flood scheme</h1>{story}{''.join(parts)}</article></body></html>"
    )


def _body(html: str) -> str:
    return extract_article(html, "https://news.example/flood").text


def test_a_line_that_is_only_a_phone_number_or_an_email_address_goes() -> None:
    for line in ("Call us today: 1-800-555-0100", "1-800-FLOODCO", "Phone number: 1-800-555-0100"):
        text = _body(_page(f"<p>{line}</p>"))
        assert "1-800" not in text and "part 3" in text
    text = _body(_page("<p>Email: works@floodco.example</p>"))
    assert "works@" not in text and "part 3" in text
    kept = _body(_page("<p>Residents can call the council on 1-800-555-0100 about the works.</p>"))
    assert "1-800-555-0100" in kept


def test_footnotes_at_the_end_of_the_text_go_with_their_heading() -> None:
    html = _page(
        "<h2>Footnotes</h2>",
        "<p>The stones were first numbered in 1962, when the wall was last rebuilt.</p>",
    )
    text = _body(html)
    assert "Footnotes" not in text and "1962" not in text and "part 3" in text


def test_a_heading_inviting_the_reader_to_explore_the_latest_goes_with_its_cards() -> None:
    html = _page(
        "<h2>Explore the Latest Insights, Trends and Research</h2>",
        "<p>Our experts share the latest thinking on rivers.</p>",
        "<p>See how flood maps can change your plans.</p>",
    )
    text = _body(html)
    assert "Explore" not in text and "experts" not in text and "part 3" in text


def test_the_publisher_describing_itself_at_the_end_goes() -> None:
    blurb = (
        "<p>Harbour.example is a production of Harbour Media Inc. We offer local news, "
        "weather and a friendly community for everyone who lives by the river.</p>"
    )
    text = _body(_page(blurb))
    assert "Harbour Media" not in text and "part 3" in text
    # A part of a series described mid-text is the article's own sentence.
    series = "<p>The Flood Planner is part of our Planning Tools Series for homeowners.</p>"
    assert "Planning Tools" in _body(_page(series, blurb))


def test_reference_entries_that_end_the_text_go() -> None:
    html = _page(
        '<p>[1] "River Walls," Water Board (2016). https://water.example/walls</p>',
        '<p>[2] "Stone Repairs," Heritage Trust (2019). https://heritage.example/stone</p>',
    )
    text = _body(html)
    assert "Water Board" not in text and "Heritage Trust" not in text and "part 3" in text


def test_a_closing_note_that_opens_with_picture_credits_goes() -> None:
    note = (
        "<p>Feature image by Harbour Photos, all other images via the council. Harbour News "
        "publishes the most thorough guides to river towns, their walls and their bridges, "
        "and updates them every spring, so that readers planning a visit or a move can "
        "see at a glance which towns are safe from the next flood.</p>"
    )
    text = _body(_page(note))
    assert "Harbour Photos" not in text and "part 3" in text


def test_an_author_biography_under_its_own_heading_goes_mid_page() -> None:
    html = _page(
        "<h2>Who wrote this guide?</h2>",
        "<p>Jo Park is a freelance writer who has covered rivers and flood defences for "
        "the Harbour News for ten years.</p>",
        "<h2>What happens next</h2>",
        "<p>Work on the river wall starts in May, when the water is low enough for the crews "
        "to reach the old stones, and the high street stays open to traffic throughout the "
        "first summer while the eastern half of the wall is rebuilt.</p>",
    )
    text = _body(html)
    assert "Jo Park" not in text and "Who wrote" not in text
    assert "What happens next" in text and "Work on the river wall" in text


def test_a_sales_line_telling_the_reader_to_act_today_goes_mid_text() -> None:
    html = _page(
        "<p>Get the loan you need for your new roof today</p>",
        "<p>Apply the sealant now, before the first frost.</p>",
        "<p>The council's flood scheme, part 4, will also rebuild the footbridge, which "
        "engineers say has carried twice its design load every market day for a decade "
        "and now needs new steel beams under both of its spans.</p>",
    )
    text = _body(html)
    assert "loan" not in text and "Apply the sealant now" in text and "part 4" in text


def test_a_sales_line_that_ends_a_short_promotion_takes_it_mid_text() -> None:
    html = _page(
        "<p>Begin learning a new language with Babbel! Unlock up to 55% off your "
        "subscription today!</p>",
        "<p>The council's flood scheme, part 4, will also rebuild the footbridge, which "
        "engineers say has carried twice its design load every market day for a decade "
        "and now needs new steel beams under both of its spans.</p>",
    )
    text = _body(html)
    assert "Babbel" not in text and "part 4" in text


def test_a_series_index_box_goes() -> None:
    html = _page(
        '<div class="serial-posts-wrapper"><h3>River Towns</h3><ul>'
        '<li><a href="/walls">River walls explained</a></li>'
        '<li><a href="/bridges">Old bridges and new loads</a></li>'
        "<li>Flood scheme</li></ul></div>"
    )
    text = _body(html)
    assert "River walls explained" not in text and "part 3" in text


def test_short_buttons_are_controls_not_text() -> None:
    root = _tree(
        f"<article>{ARTICLE}<div><div role='button'>Support the Ledger</div>"
        "<button>Remind me later</button></div>"
        "<div role='button'><p>Expand to read the council's full statement.</p></div></article>"
    )
    prune_dom(root)
    text = _texts(root)
    assert "Support the Ledger" not in text and "Remind me later" not in text
    assert "full statement" in text and "Paragraph 3." in text


def test_post_time_lines_are_never_judged_as_date_lines() -> None:
    stamp = Block("heading", "Updated 3 March 2025", level=5)
    body = _para(LONG)
    kept = declutter_blocks([Draft(stamp), body, Draft(Block("heading", "14:05", level=5)), body])
    assert [b.text for b in kept][:3] == ["Updated 3 March 2025", LONG, "14:05"]
    # as a paragraph at the top it is the page's date line: metadata
    kept = declutter_blocks([_para("Fri 14 Mar 2025 06.10 GMT"), body])
    assert [b.text for b in kept] == [LONG]


def test_a_placeholder_a_script_fills_is_no_text() -> None:
    for line in ("Loading...", "LOADING\u2026", "Loading", "Please wait"):
        kept = declutter_blocks([_para(LONG), _para(line), _para(LONG_TOO)])
        assert [b.text for b in kept] == [LONG, LONG_TOO], line
    kept = declutter_blocks([_para(LONG), _para("Loading the van took an hour."), _para(LONG_TOO)])
    assert len(kept) == 3


def test_the_vocabulary_groups_are_counted_as_one_pattern_over_them_would() -> None:
    """Each group's pattern runs only on text holding one of its stems: the count is that of
    one alternation of every group's pattern, whatever the text."""
    whole = re.compile("|".join(f"(?P<g{n}>{pattern})"
                                for n, pattern in enumerate(clutter_text._VOCABULARY_GROUPS)))
    texts = [
        "sign up for our newsletter and never miss a story",
        "log in to your account to read more stories",
        "read more stories from our independent journalism: donate today",
        "we use cookies; see our privacy policy and privacy settings",
        "turn on breaking news alerts or refresh the page",
        "share on facebook, twitter, whatsapp or linkedin, or copy link",
        "don't miss our most popular recommended posts; bookmark this",
        "advertisement · sponsored · partner content",
        "first month free, then $5 per month for premium without the paywall",
        "join the conversation: comments follow our community guidelines",
        "check out our related articles and email alerts",
        "the prime minister said the talks would resume on monday",
        "logged out, signup, signing in, registered members and membership",
        "",
    ]
    for text in texts:
        expected = len({match.lastgroup for match in whole.finditer(text)})
        assert clutter_text._vocabulary_groups(text) == expected, text
    assert clutter_text._vocabulary_groups(texts[0]) == 2  # "sign up", "newsletter"


def _alternatives(pattern: str) -> list[str]:
    """The alternatives of ``pattern`` at its top level (split at "|" outside brackets)."""
    parts, depth, start, escaped = [], 0, 0, False
    for at, char in enumerate(pattern):
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(pattern[start:at])
            start = at + 1
    return [*parts, pattern[start:]]


def test_every_call_to_action_starts_with_one_of_the_words_it_is_looked_for_at() -> None:
    """The calls are tried only where one of their openers stands: each alternative of the
    pattern (or of the group it opens with) starts with an opener, not cut by a quantifier."""
    openers = clutter_text._CALL_OPENERS

    def opens(alternative: str) -> bool:
        return any(alternative.startswith(word) and alternative[len(word):][:1] not in set("?*+{")
                   for word in openers)

    calls = _alternatives(clutter_text._CALL_PATTERN)
    assert len(calls) > 40
    for call in calls:
        assert call.startswith(r"\b"), call
        call = call[2:]
        if call.startswith("(?:"):
            group = call[3 : call.index(")")]
            assert all(opens(first) for first in _alternatives(group)), call
        else:
            assert opens(call), call
    ungated = re.compile(clutter_text._CALL_PATTERN)
    for text in [*CLUTTER, "Get started with a free trial", "Read next: more from us"]:
        assert clutter_text._CALLS.findall(text.lower()) == ungated.findall(text.lower())


def test_comments_are_posts_on_a_discussion_page_and_clutter_elsewhere() -> None:
    html = (
        f"<article>{ARTICLE}</article>"
        "<div class='comment'><p>Pour the hooch off and feed it twice a day.</p></div>"
        "<div id='disqus_thread'><p>Mine smelt the same and came back.</p></div>"
        "<div class='share-bar'><a href='#'>Share</a></div>"
    )
    article = _tree(html)
    assert prune_dom(article) == 3
    assert "hooch" not in _texts(article)
    thread = _tree(html)
    assert prune_dom(thread, discussion=True) == 1
    assert "hooch" in _texts(thread) and "came back" in _texts(thread)
    assert "Share" not in _texts(thread)


def test_prune_dom_keeps_an_article_on_consent_in_a_box_of_that_name() -> None:
    root = _tree(f"<div class='consent-guide'>{ARTICLE}</div>")
    assert prune_dom(root) == 0


OFFERS = ["Get a free quote today.", "Get the FREE eBook!", "Get started today",
          "Request a demo", "Use code HARBOUR10 for 10% off your first order"]


@pytest.mark.parametrize("offer", OFFERS)
def test_an_offer_that_closes_the_page_goes(offer: str) -> None:
    drafts = [_para(LONG), _para(LONG + " It was the third such vote."),
              Draft(Block("heading", offer, level=2)),
              _para("A member of the team calls back within a day.")]
    assert offer not in [b.text for b in declutter_blocks(drafts)]
    assert clutter_score(offer) < 4.0  # in the text, or read by the DOM cues, no clutter


def test_an_offer_closes_the_page_when_the_furniture_after_it_goes() -> None:
    offer = "Get a free quote today."
    drafts = [_para(LONG), _para(LONG + " It was the third such vote."),
              Draft(Block("heading", offer, level=2)),
              _para("A member of the team calls back within a day."),
              Draft(Block("heading", "Everything works together", level=2)),
              Draft(Block("heading", "Related content", level=2)),
              Draft(Block("list", "Ten thermostats\nFive cameras",
                          items=("Ten thermostats", "Five cameras")), 1.0)]
    kept = [b.text for b in declutter_blocks(drafts)]
    assert kept == [LONG, LONG + " It was the third such vote.",
                    "A member of the team calls back within a day."]


def test_a_section_that_opens_with_an_offer_stays() -> None:
    steps = [Draft(Block("heading", "Get started today", level=2))] + [
        _para(f"Step {n}: we call you, listen to what the project needs and send a plan.")
        for n in range(1, 5)
    ]
    kept = declutter_blocks([_para(LONG), *steps])
    assert [b.text for b in kept] == [LONG] + [d.block.text for d in steps]


def test_an_author_biography_that_opens_the_text_goes() -> None:
    bio = "Jane Doe is a freelance writer who covers transport and the environment."
    assert [b.text for b in declutter_blocks([_para(bio), _para(LONG), _para(LONG_TOO)])] == [
        LONG, LONG_TOO]


def test_a_sentence_on_authorization_is_no_biography() -> None:
    opening = "IAM is a tool to manage fine-grained authorization for the cloud."
    assert len(declutter_blocks([_para(opening), _para(LONG), _para(LONG_TOO)])) == 3


def test_a_lede_that_addresses_the_reader_stays() -> None:
    lede = ("With January around the corner, you may already be focused on your health goals "
            "for next year. Maybe a watch is on your list, or you have made a resolution to "
            "sign up for monthly group workout classes with a friend.")
    kept = declutter_blocks([_para(lede), _para(LONG), _para(LONG_TOO)])
    assert [b.text for b in kept] == [lede, LONG, LONG_TOO]


def test_an_appeal_that_opens_the_page_still_goes() -> None:
    appeal = ("Your donation allows us to keep our journalism free for everyone. Support our "
              "journalism and become a member today: donate from £1, sign up to our "
              "newsletter and join the conversation with thousands of readers like you.")
    kept = declutter_blocks([_para(appeal), _para(LONG), _para(LONG_TOO)])
    assert [b.text for b in kept] == [LONG, LONG_TOO]


def test_a_box_the_reader_can_put_off_goes_whatever_it_says() -> None:
    appeal = (
        "<div class='k1'><div class='n4'>"
        "<p>From housing to healthcare, the stories that shape your life deserve reporting "
        "that nobody owns.</p><p>It takes less than a minute.</p>"
        "<div role='button'>Support the Ledger</div><div role='button'>Remind me later</div>"
        "</div></div>"
    )
    root = _tree(f"{appeal}<div class='q7'>{ARTICLE}</div>")
    prune_dom(root)
    text = _texts(root)
    assert "From housing" not in text and "less than a minute" not in text
    assert "Paragraph 3." in text


def test_an_article_with_a_put_off_button_stays() -> None:
    root = _tree(f"<div class='q7'>{ARTICLE}<button>No thanks</button></div>")
    prune_dom(root)
    assert "Paragraph 0." in _texts(root)


def test_prune_dom_removes_a_paragraph_named_as_a_disclaimer() -> None:
    root = _tree(
        f"<article>{ARTICLE}<ul><li><h4>A Far Better Thing</h4><p>A fantasy of revenge.</p>"
        "<p class='small affiliate-disclaimer-small'><em>As an Amazon Associate we earn "
        "from qualifying purchases.</em></p></li></ul>"
        "<p class='lead'>The disclosure rules changed this year.</p></article>"
    )
    assert prune_dom(root) == 1
    text = _texts(root)
    assert "Amazon Associate" not in text
    assert "A fantasy of revenge." in text and "disclosure rules changed" in text


def test_prune_dom_keeps_a_disclosure_widget_and_drops_a_sponsor_s_disclosure() -> None:
    description = ("The extra thick mat takes the pressure off your knees and wrists, and its "
                   "dense foam keeps you stable through every pose of a long practice.")
    root = _tree(
        f"<div class='product'>{ARTICLE}<details class='disclosure disclosure--row' open><summary>"
        f"<h2 class='disclosure__title'>Description</h2></summary>"
        f"<div class='disclosure__panel'><div class='disclosure__content'><p>{description}</p>"
        "</div></div></details><div class='disclosure-container'><p>This site is supported by "
        "commissions from the providers it lists.</p></div></div>"
    )
    prune_dom(root)
    text = _texts(root)
    assert "takes the pressure off" in text and "Description" in text
    assert "supported by commissions" not in text


def test_cards_of_other_posts_that_end_the_text_go() -> None:
    cards = [
        f"<p>{title}</p><p>{day}/12/2025 by Meaghan Weeden</p>"
        for title, day in (("Earth Day Activities", 5), ("Quotes About Trees", 16),
                           ("The Oldest Trees in the World", 11))
    ]  # fmt: skip
    text = _body(_page(*cards))
    assert "Weeden" not in text and "Trees" not in text and "part 3" in text
    two = _body(_page(*cards[:2]))
    assert "Earth Day Activities" in two  # two dated lines are no list


def test_a_card_date_line_is_a_date_alone_or_with_its_author() -> None:
    for line in ("11/12/2025 by One Tree Planted", "by Jo Kerr \u00b7 March 3, 2025",
                 "March 3, 2025"):
        assert is_date_line(line), line
    for line in ("Posted on 3 May 2025 we went", "In 3 March 2025 we went", "Trees"):
        assert not is_date_line(line), line


def test_prune_dom_removes_paragraphs_that_are_an_advertisers_link() -> None:
    root = _tree(
        f"<article>{ARTICLE}<p><a href='https://deals.example/kia?utm_medium=referral'>"
        "Compare new car deals</a></p>"
        "<p><a href='https://used.example/stock?make=28'>Compare used car deals</a></p>"
        "<p><a href='/reviews/kia'>Read the full Kia review</a></p>"
        "<p><a href='https://shop.example/b0?tag=reader-21'>See it at the shop</a></p>"
        "<p><a href='/reviews/kia'>Read the full Kia review again</a></p>"
        "<p><a href='https://other.example/kia'>The maker's own page</a></p>"
        "<p>Prices from <a href='https://deals.example/?utm_source=x'>the dealer</a>.</p>"
        "</article>"
    )
    assert prune_dom(root) == 3
    text = _texts(root)
    for gone in ("Compare new car deals", "Compare used car deals", "See it at the shop"):
        assert gone not in text
    assert "Read the full Kia review" in text and "the dealer" in text
    assert "The maker's own page" in text  # not next to an advertiser's line
