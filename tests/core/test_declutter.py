"""Declutter: DOM cues, text cues, and what the model makes of clutter on whole pages."""

from __future__ import annotations

import lxml.html
import pytest

from reader_app.core import extract_article
from reader_app.core.clutter_cues import clutter_score
from reader_app.core.declutter import find_clutter, remove_keep_tail

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
]


@pytest.mark.parametrize("text", CLUTTER)
def test_clutter_scores_as_clutter(text: str) -> None:
    assert clutter_score(text) >= 5.0


@pytest.mark.parametrize("text", CONTENT)
def test_content_scores_as_content(text: str) -> None:
    assert clutter_score(text) < 4.0


def test_short_links_that_open_with_an_imperative_are_buttons() -> None:
    assert clutter_score("Shop the Harbour range.", link_ratio=1.0) >= 5.0
    assert clutter_score("See the rating.", link_ratio=0.9) >= 5.0
    assert clutter_score("See the rating.", link_ratio=0.0) < 4.0
    assert clutter_score("Harbour Watch 3", link_ratio=1.0) < 4.0


def test_links_raise_the_score() -> None:
    text = "More stories from our newsroom"
    assert clutter_score(text, link_ratio=1.0) > clutter_score(text, link_ratio=0.0)


LONG = (
    "The council's cabinet voted on Thursday to close the gap in the budget of the flood "
    "scheme from its capital reserves, which officials said would not delay other projects "
    "already planned for the coming financial year in the market towns of the county."
)


def _tree(body: str) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(f"<html><body>{body}</body></html>")


def prune_dom(root: lxml.html.HtmlElement) -> int:
    """Remove what :func:`find_clutter` finds; return how many containers went."""
    doomed, _ = find_clutter(root)
    for element in doomed:
        remove_keep_tail(element)
    return len(doomed)


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


def test_prune_dom_keeps_wrappers_that_hold_the_article() -> None:
    root = _tree(f"<div class='paywall subscriber-content'>{ARTICLE}</div>")
    prune_dom(root)
    assert "Paragraph 3." in _texts(root)


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


def test_a_line_that_is_only_a_phone_number_goes() -> None:
    for line in ("Call us today: 1-800-555-0100", "1-800-FLOODCO"):
        text = _body(_page(f"<p>{line}</p>"))
        assert "1-800" not in text and "part 3" in text
    kept = _body(_page("<p>Residents can call the council on 1-800-555-0100 about the works.</p>"))
    assert "1-800-555-0100" in kept


def test_a_heading_inviting_the_reader_to_explore_the_latest_goes_with_its_cards() -> None:
    html = _page(
        "<h2>Explore the Latest Insights, Trends and Research</h2>",
        "<p>Our experts share the latest thinking on rivers.</p>",
        "<p>See how flood maps can change your plans.</p>",
    )
    text = _body(html)
    assert "Explore" not in text and "experts" not in text and "part 3" in text


def test_a_series_index_box_goes() -> None:
    html = _page(
        '<div class="serial-posts-wrapper"><h3>River Towns</h3><ul>'
        '<li><a href="/walls">River walls explained</a></li>'
        '<li><a href="/bridges">Old bridges and new loads</a></li>'
        "<li>Flood scheme</li></ul></div>"
    )
    text = _body(html)
    assert "River walls explained" not in text and "part 3" in text


def test_an_appeal_boxed_with_buttons_goes_and_reporting_on_donations_stays() -> None:
    html = _page(
        "<div class='x1a'><p>Your donation keeps our reporting free for everyone. We choose "
        "not to put our journalism behind a paywall, so please support us today.</p>"
        "<div role='button'>Support us</div><div role='button'>Remind me later</div></div>",
        "<p>The Red Cross said donations to its flood appeal had reached £40,000 by midday, "
        "and a spokesperson urged people to give only through official channels.</p>",
    )
    text = _body(html)
    assert "paywall" not in text and "Remind me later" not in text
    assert "donations to its flood appeal" in text and "part 3" in text


def test_the_same_few_words_under_every_post_go() -> None:
    posts = "".join(
        f"<div><p>Post {n}: the river rose by {n} centimetres overnight at the town gauge, "
        "the water board said in its morning update to residents.</p>"
        "<div>Report this post</div></div>"
        for n in range(1, 5)
    )
    text = _body(_page(posts))
    assert "Report this post" not in text and "Post 4:" in text


def test_the_model_survives_its_json_and_refuses_other_features() -> None:
    from reader_app.core.declutter_model import DeclutterModel, shipped_model
    from reader_app.core.errors import ReaderError

    model = shipped_model()
    again = DeclutterModel.from_json(model.to_json())
    rows = [[0.5] * len(model.features), [1.0] * len(model.features)]
    assert again.probabilities(rows) == model.probabilities(rows)
    assert all(0.0 < p < 1.0 for p in model.probabilities(rows))
    data = model.to_json()
    data["features"] = data["features"][:-1]
    with pytest.raises(ReaderError, match="other features"):
        DeclutterModel.from_json(data)
