"""Customer reviews on a shop's product page: the shoppers' own posts under the product's
description, with their stars, "Write a review" forms and "Was this helpful?" votes. A
reading view of the product shows what the shop says about it, as it leaves out an
article's comments; a page of posts that is a discussion keeps its replies.

A review section is found by its names: the plural "reviews" ("product-reviews",
"reviews-list"), "customer-review", or the review services shops embed (Yotpo, Okendo,
Judge.me, Stamped, Bazaarvoice, PowerReviews, Trustpilot, Loox, Junip). A single
"review" names an editor's review as often as a shopper's ("bosch-dishwasher-review").
"""

from __future__ import annotations

import re

from lxml import etree

from .dom_clutter import PROTECTED_TAGS, remove_keep_tail

_REVIEWS_NAME = re.compile(
    r"(?<![a-z])(?:reviews(?![a-z])|customer-?reviews?|yotpo|okendo|jdgm|judgeme|stamped"
    r"|bv-|bazaarvoice|pr-review|trustpilot|loox|junip)"
)


def _named_reviews(element: etree._Element) -> bool:
    names = f"{element.get('class') or ''} {element.get('id') or ''}".lower()
    return bool(_REVIEWS_NAME.search(names))


def drop_reviews(root: etree._Element) -> int:
    """Remove the customer reviews from a shop's product page ``root``; return how many
    sections went. A section holding the page's ``<h1>`` is the product itself."""
    found: list[etree._Element] = []
    for element in root.iter(etree.Element):
        if (
            element.tag not in PROTECTED_TAGS
            and _named_reviews(element)
            and not any(a in found for a in element.iterancestors())
            and next(element.iter("h1"), None) is None
        ):
            found.append(element)
    for element in found:
        remove_keep_tail(element)
    return len(found)
