"""Text cues of page furniture: a scored classifier of short blocks (calls to action,
subscription, account, donation and cookie vocabulary, second-person address, shortness and
link density) and the patterns of credits, bylines, biographies and publisher notes."""

from __future__ import annotations

import re

from .byline import MONTH
from .regex_cache import prefix_tree, regex

#: Share of link text from which a block at the edges is a list of links.
LINK_LIST_RATIO = 0.8

#: Blocks with more words than this are content, whatever they say.
_LONGEST_CLUTTER = 80

#: Longest all-link line that opens with an imperative and is read as a button.
_BUTTON_WORDS = 6

#: Score from which a block in the middle of the text is clutter.
THRESHOLD = 5.0

#: Calls to action: what clutter asks the reader to do. Each match weighs heavily.
_CALL_PATTERN = (
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
    r"\bhelp (?:me |us )?spread the word\b|"
    r"\b(?:sign up|subscribe) (?:to|for) (?:our|the) (?:\w+ )?newsletters?\b|"
    r"\bdelivered (?:straight |directly )?to your inbox\b|"
    r"\b(?:refresh|reload) (?:the|this) page\b|\bplease enable javascript\b|"
    r"\bad ?blocker\b|\bad-free\b|\bunlimited (?:digital )?access\b|\bfree trial\b|"
    r"\bfollow us on\b|"
    r"\bfollow(?<!\w follow)(?<!, follow) (?:me|[\w.&'\u2019-]+(?: [\w.&'\u2019-]+){0,3}) on "
    r"(?:facebook|instagram|pinterest|youtube|tiktok|twitter|x|linkedin|threads|bluesky)\b|"
    r"\bdownload (?:the|our) app\b|"
    r"\byou (?:may|might|will) (?:also )?(?:like|love|enjoy|be interested)\b|"
    r"\b(?:explore|discover|browse) (?:other|more|our|the latest)\b|"
    r"\bread next\b|\bmore from\b|"
    r"\b(?:earn|receive)s? (?:us |me )?(?:a )?(?:small )?commissions?\b|\baffiliate links?\b|"
    r"\bsupported by (?:commissions|readers|our readers)\b|"
    r"\bbuy (?:it )?now\b|"
    r"\bbook (?:a|your) (?:free )?(?:demo|consultation|call)\b|\bno credit card required\b|"
    r"\bget in touch\b|"
    r"\b(?:may|might) (?:also )?interest you\b|"
    r"\b(?:related|popular|more|similar) (?:topics|resources|posts|"
    r"guides|reads|links)\b"
)
#: The words every call starts with: the pattern is tried only where one of them stands
#: (one look at each word rather than the fifty calls tried in turn).
_CALL_OPENERS = (
    "subscribe", "sign", "log", "register", "donate", "upgrade", "join", "start", "begin",
    "try", "get", "unlock", "claim", "already", "create", "make", "open", "support",
    "become", "from", "just", "only", "enjoy", "like", "love", "we ", "give", "accept",
    "allow", "reject", "manage", "cookie", "turn on", "enable", "view", "read", "see",
    "show", "comment", "share", "help", "delivered", "refresh", "reload", "please", "ad",
    "unlimited", "free trial", "follow", "download", "you", "explore", "discover",
    "browse", "more", "earn", "receive", "affiliate", "buy", "book", "no credit", "may",
    "might", "related", "popular", "similar",
)
_CALLS = regex(rf"\b(?={prefix_tree(_CALL_OPENERS)})(?:{_CALL_PATTERN})")

#: Offers that close an article: a quote, a consultation, a free download, a discount code,
#: a rating asked for ("Get a free quote today.", "Get the FREE eBook!"). Service pages
#: open their sections with the same words, so they count only after the text.
_OFFERS = regex(
    r"\b(?:request|get|schedule|book) (?:a |an |your |my )?(?:free )?"
    r"(?:quote|consultation|estimate|demo)\b|\bget started (?:today|now|for free)\b|"
    r"\b(?:get|download|grab|claim) (?:the|your|our|my|a) free (?:[\w-]+ )?"
    r"(?:e-?book|guide|checklist|template|printable|download|course)\b|"
    r"\boff your first (?:order|purchase|box|month)\b|"
    r"\b(?:use|with) (?:the )?(?:promo |discount |coupon )?code\b|"
    r"\bleave a (?:star )?rating\b|\brate this recipe\b",
)
#: Longest line read for :data:`_OFFERS`: a call, not a paragraph that mentions one.
_OFFER_WORDS = 12

#: A sales line: an imperative offer to the reader that ends in "today" or "now" ("Get the
#: cash you need with a low-interest loan today").
_SALES_LINE = re.compile(
    r"(?:^|[.!?]\W*\s)(?:get|start|try|claim|unlock|apply|book|find) [^.!?]{0,40}\byour?\b"
    r"[^.!?]{0,60}\b(?:today|now)\W*$"
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
#: Words each group's every match holds: a group's pattern runs only on text holding one.
_VOCABULARY_STEMS = (
    ("subscri", "premium", "paywall", "per ", "first month"),
    ("newsletter", "inbox", "email "),
    ("donat", "journalism"),
    ("log", "sign", "account", "register", "member"),
    ("cookie", "consent", "privacy "),
    ("notification", "breaking news alert", "refresh"),
    ("comment", "conversation", "community guidelines"),
    ("share", "facebook", "twitter", "whatsapp", "linkedin", "copy link"),
    ("read more", "related ", "more stories", "recommended", "most ", "don", "bookmark",
     "check out "),
    ("advert", "sponsored", "partner content"),
)
_VOCABULARY = tuple(
    (stems, re.compile(pattern))
    for stems, pattern in zip(_VOCABULARY_STEMS, _VOCABULARY_GROUPS, strict=True)
)


def _vocabulary_groups(low: str) -> int:
    """How many of the vocabulary's groups the lower-cased text ``low`` uses."""
    return sum(
        1 for stems, pattern in _VOCABULARY
        if any(stem in low for stem in stems) and pattern.search(low)
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
FURNITURE = regex(
    r"^\W*(?:advertisement|advert|ad|sponsored(?: content)?|"
    r"story continues below(?: advertisement)?|"
    r"(?:advertisement\W+)?continue reading(?: below)?|skip to (?:main )?content|"
    r"(?:share(?: this)?|save this)(?: article| story| page| post| event| recipe)?|copy link|"
    r"link copied|print|sort (?:and |& )?filter|"
    r"your browser does not support the (?:video|audio)(?: tag| element)?|"
    r"listen to (?:this )?article|show more|load more|loading|please wait|"
    r"related(?: \w+){0,2}|more (?:stories|from [\w .&'-]{1,30}|on this(?: story)?|to read)|"
    r"you (?:may|might) also (?:like|enjoy)|most (?:read|popular|viewed|shared)|"
    r"recommended(?: for you| reading| stories)?|trending(?: now| stories)?|top stories|"
    r"comments?(?: \(\d+\))?|editor'?s picks|don'?t miss|"
    r"(?:table of )?contents?|on this page|footnotes|"
    r"(?:(?:call(?: us)?(?: now| today)?|phone(?: number)?|tel(?:ephone)?):?\s*)?"
    r"(?:\+?\d{1,3}[-. ])?\(?\d{3}\)?[-. ]?(?:\d{3}[-. ]?\d{4}|[a-z]{7})|"
    r"e-?mail(?: us)?:\s*[\w.+-]+@[\w-]+(?:\.[\w-]+)+|"
    r"in this (?:article|post|guide)|jump to(?: section)?|"
    r"(?:posted|published|updated|last updated?|last modified)(?: on| at|:)? (?=.*\d)"
    r"(?:[\w,:.]+ ?){1,6}"
    r"(?:by [\w .'-]{1,40})?|"
    r"(?:posted|published|written|updated) by [\w .'-]{1,40}? (?:on|at) (?=.*\d)"
    r"(?:[\w,:.]+ ?){1,5}|"
    r"\d{1,2}(?:st|nd|rd|th)? [a-z]+,? \d{4}|[a-z]+ \d{1,2}(?:st|nd|rd|th)?,? \d{4}|"
    r"back to [\w ]{1,25}|\d+ min(?:ute)?s?\.? read|scroll (?:down )?(?:for|to see) more|"
    r"(?:add|leave|post|write) a (?:comment|reply)(?: cancel reply)?|"
    r"jump to (?:the )?(?:recipe|list|section|content|comments|video|top|faq)s?|"
    r"(?:connect|stay connected) with (?:us|me)|"
    r"add(?:ed)? to (?:your )?(?:cart|bag|basket|wish ?list)\b.{0,40}|(?:in|out of) stock|"
    r"(?:regular|sale|unit|original|current|compare at) price|sold out|per|"  # a price's labels
    r"free (?:fast |standard |express )?(?:shipping|delivery)"
    r"(?: on (?:[\w-]+ ){0,2}orders?(?: over| of| above)?(?: \S{1,8})?)?|"
    r"returns? (?:&|and) exchanges? accepted|"
    r"(?:people|customers) who (?:viewed|bought) this (?:item|product) also (?:viewed|bought)|"
    r"you are not logged in|top posters in this (?:topic|thread)|"
    r"(?:new|active|well-known|senior|junior|registered|established|distinguished|valued)"
    r" (?:member|user)|"  # a forum engine's title under a poster's name
    r"sent from my [\w .'-]{1,40}?(?: using [\w .'-]{1,40})?|"  # a mobile app's signature
    r"recommended posts|similar (?:threads|topics|questions|posts|discussions)|edited|"
    r"\d+ comments?|"  # a thread's headings and counts
    r"\d+ (?:replies|posts) (?:to|in) this (?:topic|thread)|"
    r"this (?:topic|thread) was automatically closed .{0,80}|"
    r"posted in [\w ,&'-]{1,80}|"
    r"(?:pin|save) (?:it|this|for later)(?: on pinterest)?|"
    r"(?:view|buy|shop|check (?:the )?price|see price)s? (?:on|at) [\w.]+(?: [\w.]+)?|"
    r"(?:written|reviewed|edited|fact[- ]checked) by [\w .'-]{1,40}|"
    r"follow [\w.&'-]+(?: [\w.&'-]+){0,2}(?: on \w+)?|"
    r"(?:image|photo|picture|video)(?: credit)?s?\s*[:\-].{0,60}|"
    r"(?:getty images|reuters|ap|afp|pa(?: media)?|shutterstock|alamy)(?:\s*/\s*\w+)?|"
    r"[\w .'\u2019-]{1,40}?\s[·•|]|"
    r"(?:was|is) this(?: page| article| answer| post| guide)? (?:helpful|useful)|"
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
WORD = re.compile(r"\w+", re.UNICODE)

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

#: Starts of the words of clutter vocabulary (see :data:`HINT`).
_HINT_WORDS = (
    "subscri", "newsletter", "inbox", "donat", "contribut", "support", "member", "premium",
    "trial", "access", "sign", "regist", "account", "cookie", "consent", "privacy",
    "notification", "alert", "refresh", "reload", "comment", "conversation", "discussion",
    "debate", "share", "facebook", "twitter", "whatsapp", "linkedin", "follow", "read",
    "related", "recommend", "popular", "miss", "bookmark", "advert", "sponsor", "partner",
    "affiliate", "commission", "download", "javascript", "blocker", "enjoy", "like", "love",
    "explore", "discover", "browse", "more from", "more stor", "guidelines", "unlimited",
    "offer", "join", "start", "upgrade", "interested", "buy", "check out", "topics",
    "resources", "guides", "posts", "book", "credit card", "touch", "interest you",
    "spread the word",
)
#: Cheap first test: text without any of these stems cannot score as a call to action.
HINT = regex(
    rf"\b(?:{prefix_tree(_HINT_WORDS)}|log ?in|app\b)|[£$€]\d|\b(?:today|now)\W*$",
)

#: The start of an author's biography ("Jane Doe is a freelance writer ...", "Hi, I'm ...").
BIO = re.compile(
    r"^(?:[A-Z][\w.'\u2019-]+(?: [A-Z][\w.'\u2019-]+){0,3} (?:is|was|has been) (?:a|an|the) "
    r"(?:[\w-]+ ){0,5}(?:writer|editor|journalist|reporter|author|contributor|correspondent|"
    r"columnist|producer|blogger|critic)\b|(?:Hi|Hello),? I['\u2019]m |About the authors?\b)"
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

#: A day as a byline's publication note writes it ("Dec 20, 2023", "3 March 2024").
_DAY = (rf"(?:(?i:{MONTH})\.?\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+(?i:{MONTH})\.?,?\s+\d{{4}}"
        r"|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4})")
#: A line that only names authors ("By Jane Doe and John Roe"), with the day it was
#: published or updated after them ("By Jane Doe Published: Dec 20, 2023"): metadata, kept
#: apart.
BYLINE = re.compile(
    r"^(?:By|BY|Von|Par|Por)\s+[A-Z][\w.'\u2019-]*(?:(?:\s+|,\s*|\s+and\s+)[A-Z][\w.'\u2019-]*){0,7}"
    rf"(?:\s*[|\u00b7\u2022,]?\s*(?:(?:Last\s+)?[Uu]pdated|Published|Posted)(?:\s+on)?:?\s+{_DAY})?"
    r"\s*$"
)


def clutter_score(text: str, *, link_ratio: float = 0.0, closing: bool = False) -> float:
    """How much ``text`` reads like page furniture (≥ 5 is clutter anywhere, ≥ 4 at the edges).

    Short blocks that ask the reader to subscribe, donate, sign in, allow notifications,
    comment, share or accept cookies score high, and so do offers (a quote, a free
    download, a discount code) in a ``closing`` block, one after the text; long third-person
    narrative scores low, and text without any clutter vocabulary scores nothing (however
    much it says "you").
    """
    stripped = text.strip()
    if not stripped:
        return 0.0
    low = stripped.lower()  # the patterns are lower case: matching ignores case this way
    if len(low) <= 120 and FURNITURE.match(low):
        return 10.0
    if len(low) <= 250 and _FURNITURE_LINE.match(low):
        return 10.0
    if len(low) <= 160 and _is_meta_line(low):
        return 10.0
    words = len(low.split())
    if link_ratio >= LINK_LIST_RATIO and words <= _BUTTON_WORDS and _IMPERATIVE.match(low):
        return 10.0  # a link styled as a button: "Shop the range", "See the rating"
    if words > _LONGEST_CLUTTER:
        return 0.0
    offers = len(_OFFERS.findall(low)) if closing and words <= _OFFER_WORDS else 0
    if not offers and not HINT.search(low):
        return 0.0
    calls = len(_CALLS.findall(low)) + (1 if _SALES_LINE.search(low) else 0) + offers
    groups = _vocabulary_groups(low)
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
        and any(FURNITURE.match(piece) for piece in pieces)
    )
