"""Declutter: remove page furniture that survives article extraction.

Two kinds of cues work together, so that pages with hashed class names are handled too:

* DOM cues (:func:`prune_dom`, before extraction): class/id/role/aria/data-* names of
  promo, paywall, donation, newsletter, share, cookie, comment, related-story and ad
  containers, hidden elements, and small boxes with buttons, forms or links whose text
  reads as a call to action.
* Text cues (:func:`clutter_score`, :func:`declutter_blocks`, after extraction): a scored
  classifier of short blocks — calls to action, subscription/account/donation/cookie
  vocabulary, second-person address, shortness and link density — weighted by the block's
  position around the main text.

Long, third-person, narrative blocks in the middle of the text are content even when they
talk about subscriptions or donations.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from lxml import etree

from .model import Block
from .posts import is_post_heading, is_post_stamp

# --- DOM cues ---------------------------------------------------------------------------

#: Name fragments (found at the start of a word inside the :data:`_NAME_ATTRS` values, so
#: that "shareBar" and "site-newsletter" match but "bloginner" does not).
_CLUTTER_NAME = re.compile(
    r"(?<![a-z])(?:cookie|consent|gdpr|newsletter|subscri(?:be|ption)|paywall|"
    r"donat(?:e|ion)|support-?us|"
    r"share|sharing|social|follow-?us|related|recommend|read-?more|more-?stories|"
    r"most-?(?:read|popular|viewed)|trending|outbrain|taboola|"
    r"comment|disqus|login|log-?in|sign-?in|sign-?up|register|registration|"
    r"notification|push-?prompt|promo|upsell|"
    r"author-?bio|about-?(?:the-?)?author|advert|sponsor|disclos|disclaimer|"
    r"rss|serial-?posts?|series-?(?:nav|list|posts|toc|box)|post-?series|"
    r"modal|popup|pop-?up|toolbar|breadcrumb|skip-?link|"
    r"call-?to-?action|banner-?ad|ad-?(?:slot|unit|container|wrapper|label))",
)

#: Whole tokens (names split on non-letters) that mark ads.
_CLUTTER_TOKENS = frozenset(
    {"ad", "ads", "adv", "advert", "advertisement", "dfp", "gpt", "cta", "ctas"}
)

#: Attributes whose values carry names.
_NAME_ATTRS = ("class", "id", "role", "aria-label", "data-component", "data-testid", "data-module")

#: Elements never removed by name: they are or hold the article, or sit inside a sentence.
_PROTECTED_TAGS = frozenset(
    {"html", "body", "main", "article", "p", "a", "span", "b", "i", "em", "strong", "img",
     "time", "abbr", "sup", "sub", "small", "mark", "cite", "q", "code", "source", "picture",
     "svg", "h1", "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "td", "th"}
)  # fmt: skip

#: A named element holding more than this share of the page's text is the article itself.
_MAX_SHARE = 0.3

#: ... and so is one holding this many long, link-poor paragraphs.
_CONTENT_PARAGRAPHS = 3
_LONG_PARAGRAPH = 150

#: Hidden elements longer than this are kept: tabs, accordions and streamed-in content.
_MAX_HIDDEN_CHARS = 200

_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_TOKEN_SPLIT = re.compile(r"[^a-z0-9]+")

#: Boxes checked by text cues before extraction.
_BOX_TAGS = frozenset({"div", "section", "aside", "form", "footer", "header"})
_INTERACTIVE = frozenset({"button", "input", "select", "textarea", "form"})
_MAX_BOX_CHARS = 500


def _names(element: etree._Element) -> str:
    values = [element.get(attr) for attr in _NAME_ATTRS]
    return " ".join(v for v in values if v).lower()


def _named_clutter(names: str) -> bool:
    if not names:
        return False
    if _CLUTTER_NAME.search(names):
        return True
    return any(token in _CLUTTER_TOKENS for token in _TOKEN_SPLIT.split(names))


@dataclass
class _Stats:
    """Text length of an element's subtree, and whether it holds links or controls."""

    chars: int = 0
    links: bool = False
    interactive: bool = False


def _subtree_stats(
    scope: etree._Element,
) -> tuple[list[etree._Element], dict[etree._Element, _Stats]]:
    """Elements of ``scope`` in document order with their subtree statistics, in one pass."""
    elements = [e for e in scope.iter() if isinstance(e.tag, str)]
    stats = {e: _Stats() for e in elements}
    for element in reversed(elements):
        own = stats[element]
        own.chars += len(element.text.strip()) if element.text else 0
        tag = element.tag
        if tag == "a":
            own.links = True
        elif tag in _INTERACTIVE or element.get("role") == "button":
            own.interactive = True
        if element is scope:
            break
        parent = stats.get(element.getparent())
        if parent is not None:
            parent.chars += own.chars + (len(element.tail.strip()) if element.tail else 0)
            parent.links |= own.links
            parent.interactive |= own.interactive
    return elements, stats


def _holds_content(element: etree._Element) -> bool:
    """Whether ``element`` holds several long paragraphs that are not mostly links."""
    found = 0
    for p in element.iter("p"):
        text = p.text_content()
        if len(text) < _LONG_PARAGRAPH:
            continue
        links = sum(len(a.text_content()) for a in p.iter("a"))
        if links < 0.3 * len(text):
            found += 1
            if found >= _CONTENT_PARAGRAPHS:
                return True
    return False


def remove_keep_tail(element: etree._Element) -> None:
    """Remove ``element`` from its tree, keeping the text that follows it (its tail)."""
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail
    if tail:
        prev = element.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(element)


def prune_dom(root: etree._Element) -> int:
    """Remove clutter containers from the parsed page ``root`` in place; return how many.

    An element goes when its names mark it as clutter or it is hidden and short — unless it
    holds a large share of the page's text or several long paragraphs (then it wraps the
    article) — or when it is a small box with a button, form or links whose text reads as a
    call to action.
    """
    body = root.find(".//body")
    scope = body if body is not None else root
    elements, stats = _subtree_stats(scope)
    total = max(1, stats[scope].chars)
    doomed: list[etree._Element] = []
    gone: set[etree._Element] = set()
    boxed: set[etree._Element] = set()
    for element in elements:
        tag = element.tag
        parent = element.getparent()
        if parent in gone:
            gone.add(element)
            continue
        if parent in boxed:
            boxed.add(element)
        if tag in _PROTECTED_TAGS:
            continue
        chars = stats[element].chars
        named = _named_clutter(_names(element))
        if _is_control(element, chars):
            doomed.append(element)
            gone.add(element)
            continue
        if named or (_is_hidden(element) and chars <= _MAX_HIDDEN_CHARS):
            if chars <= _MAX_SHARE * total and not _holds_content(element):
                doomed.append(element)
                gone.add(element)
            continue
        if tag in _BOX_TAGS and 0 < chars <= _MAX_BOX_CHARS and element not in boxed:
            boxed.add(element)
            if _is_call_to_action(element, stats[element]):
                doomed.append(element)
                gone.add(element)
    for element in doomed:
        remove_keep_tail(element)
    return len(doomed)


#: Longest text of a button taken for a control ("Support us", "Remind me later").
_MAX_CONTROL_CHARS = 30


def _is_control(element: etree._Element, chars: int) -> bool:
    """Whether ``element`` is a short button: a control, never article text (an accordion's
    button around a heading is the heading of its section)."""
    return (
        (element.tag == "button" or element.get("role") == "button")
        and chars <= _MAX_CONTROL_CHARS
        and next(element.iter("p", "h1", "h2", "h3", "h4", "h5", "h6"), None) is None
    )


def _is_call_to_action(element: etree._Element, stats: _Stats) -> bool:
    """Whether a small box with a button, form or links reads as a call to action."""
    if not (stats.interactive or stats.links):
        return False
    text = " ".join(t.strip() for t in element.itertext() if t.strip())
    if not _HINT.search(text):
        return False
    link_chars = sum(len(a.text_content().strip()) for a in element.iter("a"))
    score = clutter_score(text, link_ratio=link_chars / max(1, len(text)))
    return score >= _THRESHOLD + (0.0 if stats.interactive else 1.0)


def _is_hidden(element: etree._Element) -> bool:
    if element.get("hidden") is not None or element.get("aria-hidden") == "true":
        return True
    style = element.get("style")
    return bool(style and _HIDDEN_STYLE.search(style))


# --- Text cues --------------------------------------------------------------------------

#: Score from which a block next to dropped clutter at the edges goes too.
_NEIGHBOUR_THRESHOLD = 2.5

#: Share of link text from which a block at the edges is a list of links.
_LINK_LIST_RATIO = 0.8

#: Blocks with more words than this are content, whatever they say.
_LONGEST_CLUTTER = 80

#: Longest all-link line that opens with an imperative and is read as a button.
_BUTTON_WORDS = 6

#: Score from which a block in the middle of the text is clutter.
_THRESHOLD = 5.0
#: ... and one before the first or after the last long paragraph.
_EDGE_THRESHOLD = 4.0

#: Calls to action: what clutter asks the reader to do. Each match weighs heavily.
_CALLS = re.compile(
    r"\b(?:subscribe|sign up|sign in|log ?in|register|donate|upgrade|join)\s+"
    r"(?:now|today|here|for free|for|to (?:our|the|my|us|get|continue|read))\b|"
    r"\b(?:start|begin|try|get|unlock|claim)\s+(?:your|a|our|\d+)?\s*(?:free\s+)?"
    r"(?:trial|subscription|membership|access|account|offer|digital)\b|"
    r"\balready (?:a )?(?:subscriber|member|registered|have an account)\b|"
    r"\b(?:create|make|open) (?:a |an |your )?(?:free )?account\b|"
    r"\b(?:log|sign) ?(?:in|up) to\b|"
    r"\bsupport (?:us|our (?:work|journalism|reporting|newsroom))\b|"
    r"\bsupport independent (?:\w+ )?journalism\b|"
    r"\bbecome a (?:member|subscriber|supporter|patron)\b|"
    r"\b(?:from|just|only) [£$€]\d+(?:[.,]\d+)? (?:a|per|/) ?(?:day|week|month|year)\b|"
    r"\b(?:enjoyed|enjoying|like|liked|love) (?:this|reading this|our) "
    r"(?:article|story|post|piece)\b|"
    r"\bwe need your (?:help|support)\b|"
    r"\b(?:make|give) a (?:donation|contribution|gift)\b|\bdonate (?:now|today|from)\b|"
    r"\b(?:accept|allow|reject|manage) (?:all |the )?(?:cookies|preferences|consent)\b|"
    r"\bwe use cookies\b|\bcookie (?:policy|settings|preferences)\b|"
    r"\bturn on (?:push )?notifications\b|\b(?:enable|allow) (?:push )?notifications\b|"
    r"\bjoin (?:the |our )?(?:[\w-]+ )?(?:conversations?|discussions?|debate|community)\b|"
    r"\b(?:view|read|see|show) (?:all )?"
    r"(?:\d+ )?comments\b|\bcomments? \(\d+\)|"
    r"\bshare (?:this|on|via) (?:article|story|page|facebook|twitter|x|whatsapp|email)?\b|"
    r"\b(?:sign up|subscribe) (?:to|for) (?:our|the) (?:\w+ )?newsletters?\b|"
    r"\bdelivered (?:straight |directly )?to your inbox\b|"
    r"\b(?:refresh|reload) (?:the|this) page\b|\bplease enable javascript\b|"
    r"\bad ?blocker\b|\bad-free\b|\bunlimited (?:digital )?access\b|\bfree trial\b|"
    r"\bfollow us on\b|\bdownload (?:the|our) app\b|"
    r"\byou (?:may|might|will) (?:also )?(?:like|love|enjoy|be interested)\b|"
    r"\b(?:explore|discover|browse) (?:other|more|our|the latest)\b|"
    r"\bread next\b|\bmore from\b|"
    r"\b(?:earn|receive)s? (?:a )?(?:small )?commissions?\b|\baffiliate links?\b|"
    r"\bsupported by (?:commissions|readers|our readers)\b|"
    r"\bbuy (?:it )?now\b|"
    r"\bbook (?:a|your) (?:free )?(?:demo|consultation|call)\b|\bno credit card required\b|"
    r"\bget in touch\b|"
    r"\b(?:may|might) (?:also )?interest you\b|"
    r"\b(?:related|popular|more|similar) (?:topics|resources|posts|"
    r"guides|reads|links)\b",
)

#: A sales line: an imperative offer to the reader that ends in "today" or "now" ("Get the
#: cash you need with a low-interest loan today").
_SALES_LINE = re.compile(
    r"^(?:get|start|try|claim|unlock|apply|book|find) .{0,40}\byour?\b.{0,60}\b(?:today|now)\W*$"
)

#: Vocabulary of what clutter sells or asks for, in groups that each count once.
_VOCABULARY_GROUPS = (
    r"\bsubscri(?:be|bed|ber|bers|bing|ption|ptions)\b|\bpremium\b|\bpaywall\b|"
    r"\bper (?:month|week)\b|\bfirst month\b",
    r"\bnewsletters?\b|\binbox\b|\bemail (?:address|updates|alerts)\b",
    r"\bdonat(?:e|ion|ions|ing)\b|\bour journalism\b|\bindependent journalism\b",
    r"\b(?:log|sign)(?:ged)? ?(?:in|up|out)\b|\baccount\b|\bregister(?:ed)?\b|"
    r"\bmembers?(?:hip)?\b",
    r"\bcookies?\b|\bconsent\b|\bprivacy (?:policy|settings|notice)\b",
    r"\bnotifications?\b|\bbreaking news alerts?\b|\brefresh\b",
    r"\bcomments?\b|\bconversations?\b|\bcommunity guidelines\b",
    r"\bshare\b|\bfacebook\b|\btwitter\b|\bwhatsapp\b|\blinkedin\b|\bcopy link\b",
    r"\bread more\b|\brelated (?:stories|articles|content|reading)\b|\bmore stories\b|"
    r"\brecommended\b|\bmost (?:read|popular|viewed)\b|\bdon'?t miss\b|\bbookmark|"
    r"\bcheck out (?:our|my)\b",
    r"\badvert(?:isement|ising)?\b|\bsponsored\b|\bpartner content\b",
)
_VOCABULARY = re.compile(
    "|".join(f"(?P<g{n}>{pattern})" for n, pattern in enumerate(_VOCABULARY_GROUPS))
)

_IMPERATIVE = re.compile(
    r"^\W*(?:subscribe|sign|log|register|donate|support|join|follow|share|download|get|"
    r"start|try|click|tap|read|continue|allow|accept|enable|turn on|bookmark|unlock|become|"
    r"give|contribute|upgrade|create|refresh|reload|discover|explore|find out|learn more|"
    r"don'?t miss|never miss|stay|want|already|help|choose|save|claim|enjoy|receive|"
    r"see|view|go to|visit|manage|please|never|be the first|buy|shop)\b",
)
_YOU = re.compile(r"\b(?:you|your|yours|you're|you've|you'll)\b")
_WE = re.compile(r"\b(?:we|our|us|we're)\b")
_NARRATIVE = re.compile(r"\b(?:said|says|told|according to|announced|reported|explained)\b|[\"“”]")

#: Whole lines that are page furniture whatever their surroundings.
_FURNITURE = re.compile(
    r"^\W*(?:advertisement|advert|ad|sponsored(?: content)?|"
    r"story continues below(?: advertisement)?|"
    r"(?:advertisement\W+)?continue reading(?: below)?|skip to (?:main )?content|"
    r"share(?: this)?(?: article| story| page| post)?|copy link|link copied|print|"
    r"listen to (?:this )?article|show more|load more|"
    r"related(?: \w+){0,2}|more (?:stories|from [\w .&'-]{1,30}|on this(?: story)?|to read)|"
    r"you (?:may|might) also (?:like|enjoy)|most (?:read|popular|viewed|shared)|"
    r"recommended(?: for you| reading| stories)?|trending(?: now| stories)?|top stories|"
    r"comments?(?: \(\d+\))?|editor'?s picks|don'?t miss|"
    r"(?:table of )?contents?|on this page|footnotes|"
    r"(?:call(?: us)?(?: now| today)?:?\s*)?(?:\+?\d{1,3}[-. ])?\(?\d{3}\)?[-. ]?"
    r"(?:\d{3}[-. ]?\d{4}|[a-z]{7})|in this (?:article|post|guide)|jump to(?: section)?|"
    r"(?:posted|published|updated|last updated?)(?: on| at|:)? (?=.*\d)(?:[\w,:.]+ ?){1,6}"
    r"(?:by [\w .'-]{1,40})?|"
    r"(?:posted|published|written|updated) by [\w .'-]{1,40}? (?:on|at) (?=.*\d)"
    r"(?:[\w,:.]+ ?){1,5}|"
    r"\d{1,2}(?:st|nd|rd|th)? [a-z]+,? \d{4}|[a-z]+ \d{1,2}(?:st|nd|rd|th)?,? \d{4}|"
    r"back to [\w ]{1,25}|\d+ min(?:ute)?s?\.? read|scroll (?:down )?(?:for|to see) more|"
    r"posted in [\w ,&'-]{1,80}|"
    r"(?:pin|save) (?:it|this|for later)(?: on pinterest)?|"
    r"(?:view|buy|shop|check (?:the )?price|see price)s? (?:on|at) [\w.]+(?: [\w.]+)?|"
    r"(?:written|reviewed|edited|fact[- ]checked) by [\w .'-]{1,40}|"
    r"follow [\w.&'-]+(?: [\w.&'-]+){0,2}(?: on \w+)?|"
    r"(?:image|photo|picture|video)(?: credit)?s?\s*[:\-].{0,60}|"
    r"(?:getty images|reuters|ap|afp|pa(?: media)?|shutterstock|alamy)(?:\s*/\s*\w+)?|"
    r"[\w .'\u2019-]{1,40}?\s[·•|]|"
    r"(?:was|is) this (?:page|article|answer|post|guide) (?:helpful|useful)|"
    r"\(opens in new (?:tab|window)\)|(?:facebook|twitter|x|whatsapp|linkedin|"
    r"reddit|pinterest|email|messenger)(?:\s+(?:facebook|twitter|x|whatsapp|linkedin|reddit|"
    r"pinterest|email|messenger))*)\W*$",
)

#: Lines that are furniture by how they start or end: labelled links, copyright notices.
_FURNITURE_LINE = re.compile(
    r"^\W*(?:advertisement|sponsored|read more|related(?: \w+)?|see also|also read|read next|"
    r"recommended|more on this(?: story)?|check out next|posted in|filed under|"
    r"tags|categories)\s*[:|-]|"
    r"^\W*(?:©|\(c\)|copyright\b)|^.*\ball rights reserved\W*$|"
    r"^\W*(?:(?:feature[d]?|header|cover|lead|main|top|hero) )?(?:image|photo|picture)s? "
    r"(?:by|via|courtesy)\b|^\W*page \d+ of \d+\W*$",
)
_WORD = re.compile(r"\w+", re.UNICODE)

#: A picture credit: "Photo: Jo Park", "Jo Park / Getty Images", "Image credit: Nikon".
_CREDIT = re.compile(
    r"^\W*(?:(?:image|photo|picture|video)s?(?: credit)?s?|credits?|source)\s*[:\-].{0,60}$|"
    r"^[^.!?]{0,50}?(?:/|\bvia|\bfor|\bcourtesy(?: of)?)\s*/?\s*(?:getty(?: images)?|shutterstock|"
    r"alamy|reuters|ap|afp|pa(?: media)?|istock(?:photo)?|unsplash|pexels|adobe stock|"
    r"wikimedia commons|flickr|[\w .'-]{1,30} images)\b.{0,30}$",
)


def is_credit(caption: str) -> bool:
    """Whether an image caption only credits the picture."""
    low = caption.strip().lower()
    return bool(low) and len(low) <= 120 and bool(_CREDIT.match(low))

#: Cheap first test: text without any of these stems cannot score as a call to action.
_HINT = re.compile(
    r"\b(?:subscri|newsletter|inbox|donat|contribut|support|member|premium|trial|access|"
    r"sign|log ?in|regist|account|cookie|consent|privacy|notification|alert|refresh|reload|"
    r"comment|conversation|discussion|debate|share|facebook|twitter|whatsapp|linkedin|"
    r"follow|read|related|recommend|popular|miss|bookmark|advert|sponsor|partner|affiliate|"
    r"commission|app\b|download|javascript|blocker|enjoy|like|love|explore|discover|browse|"
    r"more from|more stor|guidelines|unlimited|offer|join|start|upgrade|interested|buy|"
    r"partner|check out|topics|resources|guides|posts|book|credit card|touch|interest you)|"
    r"[£$€]\d|\b(?:today|now)\W*$",
)

#: The start of an author's biography ("Jane Doe is a freelance writer ...", "Hi, I'm ...").
_BIO = re.compile(
    r"^(?:[A-Z][\w.'\u2019-]+(?: [A-Z][\w.'\u2019-]+){0,3} (?:is|was|has been) (?:a|an|the) "
    r"(?:[\w-]+ ){0,5}(?:writer|editor|journalist|reporter|author|contributor|correspondent|"
    r"columnist|producer|blogger|critic)|(?:Hi|Hello),? I['\u2019]m |About the authors?\b)"
)

#: The publisher describing itself ("Example.com is a production of Example Media Inc.").
_PUBLISHER = re.compile(
    r"^[A-Z][\w.&'\u2019-]*(?: [A-Z][\w.&'\u2019-]*){0,4} (?:is|are) (?:a |an |the )?"
    r"(?:(?:production|publication|product|division|subsidiary|brand|property) of|"
    r"(?:published|owned|operated|produced) by)\b"
)

#: The picture credits that open the closing note ("Feature image by ..., all other images
#: via ...").
_CREDITS = re.compile(
    r"^\W*(?:(?:feature[d]?|header|cover|lead|main|top|hero) )?(?:image|photo|picture)s? "
    r"(?:by|via|courtesy)\b",
    re.I,
)

#: A line that only names authors ("By Jane Doe and John Roe"): metadata, kept apart.
_BYLINE = re.compile(
    r"^(?:By|BY|Von|Par|Por)\s+[A-Z][\w.'\u2019-]*(?:(?:\s+|,\s*|\s+and\s+)[A-Z][\w.'\u2019-]*){0,7}\s*$"
)


def clutter_score(text: str, *, link_ratio: float = 0.0) -> float:
    """How much ``text`` reads like page furniture (≥ 5 is clutter anywhere, ≥ 4 at the edges).

    Short blocks that ask the reader to subscribe, donate, sign in, allow notifications,
    comment, share or accept cookies score high; long third-person narrative scores low,
    and text without any clutter vocabulary scores nothing (however much it says "you").
    """
    stripped = text.strip()
    if not stripped:
        return 0.0
    low = stripped.lower()  # the patterns are lower case: matching ignores case this way
    if len(low) <= 120 and _FURNITURE.match(low):
        return 10.0
    if len(low) <= 250 and _FURNITURE_LINE.match(low):
        return 10.0
    if len(low) <= 160 and _is_meta_line(low):
        return 10.0
    words = len(low.split())
    if link_ratio >= _LINK_LIST_RATIO and words <= _BUTTON_WORDS and _IMPERATIVE.match(low):
        return 10.0  # a link styled as a button: "Shop the range", "See the rating"
    if words > _LONGEST_CLUTTER or not _HINT.search(low):
        return 0.0
    calls = len(_CALLS.findall(low)) + (1 if _SALES_LINE.match(low) else 0)
    groups = len({match.lastgroup for match in _VOCABULARY.finditer(low)})
    if not calls and not groups:
        return 0.0
    score = 3.0 * min(calls, 3) + 1.5 * groups
    if _IMPERATIVE.match(low):
        score += 1.5
    score += min(1.5, 0.75 * len(_YOU.findall(low)))
    score += min(1.0, 0.5 * len(_WE.findall(low)))
    if words <= 12:
        score += 1.0
    elif words > 35:
        score -= (words - 35) / 10
    if _NARRATIVE.search(low):
        score -= 3.0
    if link_ratio > 0.6:
        score += 1.5
    elif link_ratio > 0.3:
        score += 0.5
    return score


#: Separators of the pieces of a metadata line ("Jane Doe · 18 March 2025 · 9 min read").
_META_SEPARATOR = re.compile(r"\s*[\t\n]\s*|\s+[·•|]\s+")


def _is_meta_line(low: str) -> bool:
    """Whether a line is a row of short metadata pieces, one of them furniture (a date,
    a reading time, "Share")."""
    pieces = _META_SEPARATOR.split(low)
    return (
        len(pieces) >= 2
        and all(len(piece.split()) <= 6 for piece in pieces)
        and any(_FURNITURE.match(piece) for piece in pieces)
    )


@dataclass(frozen=True)
class Draft:
    """A block with the cues declutter needs: the share of its text inside links."""

    block: Block
    link_ratio: float = 0.0


_SKIP_KINDS = frozenset({"image", "table", "code"})


def declutter_blocks(drafts: Sequence[Draft]) -> list[Block]:
    """Keep the content blocks of ``drafts``, dropping those that score as clutter.

    Blocks at the edges (before the first or after the last long paragraph) need a lower
    score to go; a short heading that introduces a dropped block goes with it.
    """
    n = len(drafts)
    long_idx = [
        i
        for i, d in enumerate(drafts)
        if d.block.kind == "paragraph" and len(_WORD.findall(d.block.text)) >= 30
    ]
    first_long = long_idx[0] if long_idx else n
    last_long = long_idx[-1] if long_idx else -1
    drop = [False] * n
    scores = [0.0] * n
    for i, draft in enumerate(drafts):
        block = draft.block
        if (block.kind in _SKIP_KINDS and not _is_layout_row(block)) or (
            block.kind == "heading" and is_post_heading(block.level, block.text)
        ):
            continue  # a post's time line is judged with its post
        scores[i] = clutter_score(block.text, link_ratio=draft.link_ratio)
        at_edge = i < first_long or i > last_long
        at_tail = i > first_long and (at_edge or i >= n - 2)
        byline = block.kind == "paragraph" and _BYLINE.match(block.text)
        closing = at_tail or (i > first_long and i == last_long)
        # An author's biography under its own heading ("About the writer") can sit mid-page.
        headed = i > first_long and drafts[i - 1].block.kind == "heading"
        if (
            (at_edge and (byline or (block.kind == "paragraph" and is_post_stamp(block.text))))
            or ((at_tail or headed) and _BIO.match(block.text))
            or (closing and (_PUBLISHER.match(block.text) or _CREDITS.match(block.text)))
        ):
            scores[i] = 10.0
            if headed and _BIO.match(block.text):
                drop[i - 1] = True
        elif at_edge and _is_link_list(draft):
            scores[i] = max(scores[i], _EDGE_THRESHOLD)
        edge_like = at_edge or block.kind == "heading"
        drop[i] = scores[i] >= (_EDGE_THRESHOLD if edge_like else _THRESHOLD)
    _drop_clutter_sections(drafts, drop)
    for i in range(n - 2, -1, -1):
        block = drafts[i].block
        if (
            not drop[i]
            and drop[i + 1]
            and block.kind == "heading"
            and len(block.text.split()) <= 10
            and scores[i] > 0
        ):
            drop[i] = True
    # Clutter comes in clusters around the text: a weaker neighbour of dropped clutter at
    # the edges goes with it.
    for order in (range(n), range(n - 1, -1, -1)):
        previous = None
        for i in order:
            at_edge = i < first_long or i > last_long
            if (
                previous is not None
                and drop[previous]
                and not drop[i]
                and at_edge
                and scores[i] >= _NEIGHBOUR_THRESHOLD
            ):
                drop[i] = True
            previous = i
    _drop_fine_print(drafts, drop)
    # A heading that nothing follows introduces nothing.
    for i in range(n - 1, -1, -1):
        if drop[i]:
            continue
        if drafts[i].block.kind != "heading":
            break
        drop[i] = True
    return [d.block for d, gone in zip(drafts, drop, strict=True) if not gone]


#: Legal small print: trademark notices, regulatory disclosures, advice disclaimers.
_FINE_PRINT = re.compile(
    r"\b(?:registered )?trademarks?\b|[®™]|\bcertification marks?\b|"
    r"\bregistered investment advis[eo]rs?\b|\bmember\W+(?:fdic|finra|sipc)\b|\bfinra\b|"
    r"\bsipc\b|\bfdic\b|\bnot bank guaranteed\b|\bloss of principal\b|"
    r"\bpast performance\b|\binformational (?:and educational )?purposes only\b|"
    r"\b(?:does|do|should) not (?:constitute|provide)\b|"
    r"\b(?:tax|legal|financial|investment|accounting|medical) advice\b|"
    r"\bnot intended (?:to|as)\b|\bsubject to (?:change|investment risk|credit approval)\b|"
    r"\b(?:referral|affiliate) (?:compensation|commissions?|links?)\b|"
    r"\bequal housing (?:lender|opportunity)\b|\bnmls\b|\ball rights reserved\b|"
    r"\bexclusively licensed\b|\bterms (?:and|&) conditions apply\b",
    re.I,
)


def _is_fine_print(text: str) -> bool:
    """Whether a block reads as legal small print: it holds two different notices."""
    return len({m.group(0).lower() for m in _FINE_PRINT.finditer(text)}) >= 2


#: An entry of a reference list: "[2] "Title," Source (2016). https://...".
_REFERENCE = re.compile(r"^\s*\[\d{1,3}\]\s*\S")


def _drop_fine_print(drafts: Sequence[Draft], drop: list[bool]) -> None:
    """The run of legal small print and reference entries that ends the text goes
    (disclosures, disclaimers, trademark notices, "[1] ..." sources), up to the first
    block that is neither."""
    for i in range(len(drafts) - 1, -1, -1):
        if drop[i]:
            continue
        block = drafts[i].block
        if block.kind in _SKIP_KINDS or not (
            _is_fine_print(block.text) or _REFERENCE.match(block.text)
        ):
            return
        drop[i] = True


def _is_layout_row(block: Block) -> bool:
    """Whether a table is a few words in a row or two: page layout (a title bar), not data."""
    return block.kind == "table" and len(block.rows) <= 2 and len(block.text.split()) <= 12


def _drop_clutter_sections(drafts: Sequence[Draft], drop: list[bool]) -> None:
    """In the last third of the text, a dropped clutter heading ("Related stories", "More
    from us") takes its section with it, up to the next heading of the same or higher rank."""
    n = len(drafts)
    i = (2 * n) // 3
    while i < n:
        block = drafts[i].block
        i += 1
        if not (drop[i - 1] and block.kind == "heading"):
            continue
        while i < n:
            follower = drafts[i].block
            if follower.kind == "heading" and follower.level <= block.level:
                break
            drop[i] = True
            i += 1


#: A paragraph that is one address written out: the article pointing at its source.
_BARE_URL = re.compile(r"^https?://\S+$")


def _is_link_list(draft: Draft) -> bool:
    """Whether a block is a list of links or of page furniture (dates, reading times)."""
    block = draft.block
    if block.kind not in ("list", "paragraph") or _BARE_URL.match(block.text):
        return False
    if draft.link_ratio >= _LINK_LIST_RATIO:
        return True
    items = block.items if block.kind == "list" else ()
    return (
        bool(items)
        and all(len(item.split()) <= 4 for item in items)
        and any(_FURNITURE.match(item.lower()) for item in items)
    )
