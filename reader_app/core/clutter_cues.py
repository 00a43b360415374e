"""Cues of page furniture, features of the learned declutter
(:mod:`~reader_app.core.block_features`): text cues (calls to action, clutter vocabulary,
furniture lines, bylines, biographies and small print, scored by :func:`clutter_score`) and
DOM cues (:func:`find_clutter`: containers named or shaped as clutter)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from .model import Block

#: Share of link text from which a block at the edges is a list of links.
_LINK_LIST_RATIO = 0.8

#: Blocks with more words than this are content, whatever they say.
_LONGEST_CLUTTER = 80

#: Longest all-link line that opens with an imperative and is read as a button.
_BUTTON_WORDS = 6

#: Score from which a block reads as clutter.
THRESHOLD = 5.0

#: Calls to action: what clutter asks the reader to do. Each match weighs heavily.
CALLS = re.compile(
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
VOCABULARY = re.compile(
    "|".join(f"(?P<g{n}>{pattern})" for n, pattern in enumerate(_VOCABULARY_GROUPS))
)

IMPERATIVE = re.compile(
    r"^\W*(?:subscribe|sign|log|register|donate|support|join|follow|share|download|get|"
    r"start|try|click|tap|read|continue|allow|accept|enable|turn on|bookmark|unlock|become|"
    r"give|contribute|upgrade|create|refresh|reload|discover|explore|find out|learn more|"
    r"don'?t miss|never miss|stay|want|already|help|choose|save|claim|enjoy|receive|"
    r"see|view|go to|visit|manage|please|never|be the first|buy|shop)\b",
)
YOU = re.compile(r"\b(?:you|your|yours|you're|you've|you'll)\b")
WE = re.compile(r"\b(?:we|our|us|we're)\b")
NARRATIVE = re.compile(r"\b(?:said|says|told|according to|announced|reported|explained)\b|[\"“”]")

#: Whole lines that are page furniture whatever their surroundings.
FURNITURE = re.compile(
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
    r"(?:posted|published|updated|last updated)(?: on| at|:)? (?=.*\d)(?:[\w,:.]+ ?){1,6}"
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
    r"\(opens in new (?:tab|window)\)|(?:facebook|twitter|x|whatsapp|linkedin|"
    r"reddit|pinterest|email|messenger)(?:\s+(?:facebook|twitter|x|whatsapp|linkedin|reddit|"
    r"pinterest|email|messenger))*)\W*$",
)

#: Lines that are furniture by how they start or end: labelled links, copyright notices.
FURNITURE_LINE = re.compile(
    r"^\W*(?:advertisement|sponsored|read more|related(?: \w+)?|see also|also read|read next|"
    r"recommended|more on this(?: story)?|check out next|posted in|filed under|"
    r"tags|categories)\s*[:|-]|"
    r"^\W*(?:©|\(c\)|copyright\b)|^.*\ball rights reserved\W*$|"
    r"^\W*(?:(?:feature[d]?|header|cover|lead|main|top|hero) )?(?:image|photo|picture)s? "
    r"(?:by|via|courtesy)\b|^\W*page \d+ of \d+\W*$",
)

#: Cheap first test: text without any of these stems cannot score as a call to action.
HINT = re.compile(
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
BIO = re.compile(
    r"^(?:[A-Z][\w.'\u2019-]+(?: [A-Z][\w.'\u2019-]+){0,3} (?:is|was|has been) (?:a|an|the) "
    r"(?:[\w-]+ ){0,5}(?:writer|editor|journalist|reporter|author|contributor|correspondent|"
    r"columnist|producer|blogger|critic)|(?:Hi|Hello),? I['\u2019]m |About the authors?\b)"
)

#: The publisher describing itself ("Example.com is a production of Example Media Inc.").
PUBLISHER = re.compile(
    r"^[A-Z][\w.&'\u2019-]*(?: [A-Z][\w.&'\u2019-]*){0,4} (?:is|are) (?:a |an |the )?"
    r"(?:(?:production|publication|product|division|subsidiary|brand|property) of|"
    r"(?:published|owned|operated|produced) by)\b"
)

#: The picture credits that open the closing note ("Feature image by ..., all other images
#: via ...").
CREDITS = re.compile(
    r"^\W*(?:(?:feature[d]?|header|cover|lead|main|top|hero) )?(?:image|photo|picture)s? "
    r"(?:by|via|courtesy)\b",
    re.I,
)

#: A line that only names authors ("By Jane Doe and John Roe"): metadata, kept apart.
BYLINE = re.compile(
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
    if len(low) <= 120 and FURNITURE.match(low):
        return 10.0
    if len(low) <= 250 and FURNITURE_LINE.match(low):
        return 10.0
    if len(low) <= 160 and is_meta_line(low):
        return 10.0
    words = len(low.split())
    if link_ratio >= _LINK_LIST_RATIO and words <= _BUTTON_WORDS and IMPERATIVE.match(low):
        return 10.0  # a link styled as a button: "Shop the range", "See the rating"
    if words > _LONGEST_CLUTTER or not HINT.search(low):
        return 0.0
    calls = len(CALLS.findall(low)) + (1 if _SALES_LINE.match(low) else 0)
    groups = len({match.lastgroup for match in VOCABULARY.finditer(low)})
    if not calls and not groups:
        return 0.0
    score = 3.0 * min(calls, 3) + 1.5 * groups
    if IMPERATIVE.match(low):
        score += 1.5
    score += min(1.5, 0.75 * len(YOU.findall(low)))
    score += min(1.0, 0.5 * len(WE.findall(low)))
    if words <= 12:
        score += 1.0
    elif words > 35:
        score -= (words - 35) / 10
    if NARRATIVE.search(low):
        score -= 3.0
    if link_ratio > 0.6:
        score += 1.5
    elif link_ratio > 0.3:
        score += 0.5
    return score


#: Separators of the pieces of a metadata line ("Jane Doe · 18 March 2025 · 9 min read").
_META_SEPARATOR = re.compile(r"\s*[\t\n]\s*|\s+[·•|]\s+")


def is_meta_line(low: str) -> bool:
    """Whether a line is a row of short metadata pieces, one of them furniture (a date,
    a reading time, "Share")."""
    pieces = _META_SEPARATOR.split(low)
    return (
        len(pieces) >= 2
        and all(len(piece.split()) <= 6 for piece in pieces)
        and any(FURNITURE.match(piece) for piece in pieces)
    )


@dataclass(frozen=True)
class Draft:
    """A block with the cues declutter needs: the share of its text inside links."""

    block: Block
    link_ratio: float = 0.0


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


def is_fine_print(text: str) -> bool:
    """Whether a block reads as legal small print: it holds two different notices."""
    return len({m.group(0).lower() for m in _FINE_PRINT.finditer(text)}) >= 2


#: An entry of a reference list: "[2] "Title," Source (2016). https://...".
REFERENCE = re.compile(r"^\s*\[\d{1,3}\]\s*\S")


BARE_URL = re.compile(r"^https?://\S+$")


def is_link_list(draft: Draft) -> bool:
    """Whether a block is a list of links or of page furniture (dates, reading times)."""
    block = draft.block
    if block.kind not in ("list", "paragraph") or BARE_URL.match(block.text):
        return False
    if draft.link_ratio >= _LINK_LIST_RATIO:
        return True
    items = block.items if block.kind == "list" else ()
    return (
        bool(items)
        and all(len(item.split()) <= 4 for item in items)
        and any(FURNITURE.match(item.lower()) for item in items)
    )


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
_MAX_BOX_CHARS = 800


def element_names(element: etree._Element) -> str:
    values = [element.get(attr) for attr in _NAME_ATTRS]
    return " ".join(v for v in values if v).lower()


def _named_clutter(names: str) -> bool:
    if not names:
        return False
    if _CLUTTER_NAME.search(names):
        return True
    return any(token in _CLUTTER_TOKENS for token in _TOKEN_SPLIT.split(names))


@dataclass
class Stats:
    """Text length of an element's subtree, and whether it holds links or controls."""

    chars: int = 0
    links: bool = False
    interactive: bool = False


def _subtree_stats(
    scope: etree._Element,
) -> tuple[list[etree._Element], dict[etree._Element, Stats]]:
    """Elements of ``scope`` in document order with their subtree statistics, in one pass."""
    elements = [e for e in scope.iter() if isinstance(e.tag, str)]
    stats = {e: Stats() for e in elements}
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


def find_clutter(
    root: etree._Element,
) -> tuple[list[etree._Element], dict[etree._Element, Stats]]:
    """The clutter containers of the parsed page ``root``, outermost only, in order, and
    every element's subtree statistics.

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
        named = _named_clutter(element_names(element))
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
    return doomed, stats


def _is_call_to_action(element: etree._Element, stats: Stats) -> bool:
    """Whether a small box with a button, form or links reads as a call to action."""
    if not (stats.interactive or stats.links):
        return False
    text = " ".join(t.strip() for t in element.itertext() if t.strip())
    if not HINT.search(text):
        return False
    link_chars = sum(len(a.text_content().strip()) for a in element.iter("a"))
    score = clutter_score(text, link_ratio=link_chars / max(1, len(text)))
    # An appeal of several paragraphs reads as one in any of them.
    for paragraph in element.iter("p"):
        score = max(score, clutter_score(paragraph.text_content()))
    return score >= THRESHOLD + (0.0 if stats.interactive else 1.0)


def _is_hidden(element: etree._Element) -> bool:
    if element.get("hidden") is not None or element.get("aria-hidden") == "true":
        return True
    style = element.get("style")
    return bool(style and _HIDDEN_STYLE.search(style))
