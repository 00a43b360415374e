"""A tagged mention cut to the name it holds, or dropped when it holds none.

The tagger's span may carry a title or an article before the name, a clause after it, or
be no name at all: a common word, an acronym of a thing, a product, a disease named for
its discoverer.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .common_words import has_word
from .cues import (
    COMMON_WORDS,
    DEMONYM_WORDS,
    NOT_PERSON_ENDS,
    NOT_PERSON_OPENS,
    PRODUCT_ENDS,
    ROLE_NOUNS,
    RULERS,
    TERM_ACRONYMS,
    TITLE_WORDS,
)
from .lexicon import lexicon
from .tagger import Mention

_AMPERSAND_AFTER = re.compile(r" ?& ?[A-Z]")
_AMPERSAND_BEFORE = re.compile(r"[A-Z][\w.]* ?& ?$")
_PLURAL_ACRONYM = re.compile(r"[A-Z]{2,}s")
_ALNUM = re.compile(r"[^\W_]")  # a letter or digit
_DIGIT = re.compile(r"\d")
_ROMAN = re.compile(r"[IVXL]+")
_NUMBER_AFTER = re.compile(r"[ \u00a0]?\d")
#: A word joined to a name's last word by a hyphen to make a compound the name qualifies
#: ("Swift-themed", "Trump-era", "Google-owned"), no part of the name; the lowercase halves of
#: names ("Lee Byung-hun", "Moon Jae-in") are none of these.
_COMPOUND_END = re.compile(
    r"-(?:themed|inspired|style|styled|era|owned|led|backed|based|born|bred|made|branded"
    r"|funded|linked|area|related|friendly|approved|certified|esque|like|featuring|centric"
    r"|focused|affiliated|run|listed|designed|sponsored|founded|bound|headquartered)$"
)
#: A word of letters and digits (not an ordinal, "10th"): a model's code.
_MODEL_CODE = re.compile(r"(?=[\w-]*\d)(?=[\w-]*[A-Za-z])(?!\d+(?:st|nd|rd|th)$)[\w-]+")
#: A capital inside a word after two lowercase letters, and the part it opens (see
#: :func:`_run_together`).
_INNER_PART = re.compile(r"[a-z]{2}([A-Z](?:[A-Z]+|[a-z]*))")
#: A handle's or hashtag's mark right before a name ("@WilmaJohnson", "# EarthaKitt"): such a
#: name runs its words together as a person's own account does.
_HANDLE = re.compile(r"[@#] ?$")
#: Kinds of firm, which name none ("an S Corporation", "forming a Limited Liability Company").
_LEGAL_FORMS = frozenset({
    "limited liability company", "limited liability partnership", "limited partnership",
    "general partnership", "limited company", "public limited company",
    "private limited company", "s corporation", "c corporation", "b corporation",
    "benefit corporation", "professional corporation", "sole proprietorship",
})
#: A link's call to act before a name ("Visit IES Holdings", "Contact the Division of
#: Corporations", "Browse Ashley"): no part of it.
_CALLS = frozenset({"Visit", "Browse", "Contact", "Shop", "Explore", "Discover"})
#: The model's confidence above which a given name and a surname ending in a place's head
#: word are a person's ("Adrian Hill" at 0.98; "Rocky Hill", a town, at 0.88).
_SURE = 0.9
_EPONYM = re.compile(r"['\u2019]s? (?:disease|syndrome|palsy|lymphoma|sarcoma|ataxia)\b", re.I)


#: A generation after a person's name, part of it ("Martin Luther King, Jr.").
_GENERATION_AFTER = re.compile(r",? (?:Jr|Sr)\.?(?!\w)")
_GENERATIONS = frozenset({"jr", "sr", "ii", "iii", "iv"})
#: A man or woman of a nation before a name ("Scotsman James Watt").
_COUNTRYMEN = frozenset(
    f"{nation}{sex}" for nation in ("english", "scots", "irish", "welsh", "dutch", "french")
    for sex in ("man", "woman")
)
#: Latin abbreviations that open a sentence capitalised ("E.g. in vim, ..."): no names.
_LATIN_ABBREVIATIONS = frozenset({"e.g.", "i.e.", "cf.", "viz.", "etc.", "n.b."})
#: Words that open the next sentence where a name runs on into it across a lost full stop
#: ("... by Julia Cameron The subheading is ...").
_SENTENCE_OPENERS = frozenset(
    {"the", "a", "this", "that", "these", "those", "another", "it", "he", "she", "they", "we",
     "his", "her", "its", "their", "our", "my", "your", "but", "and", "or", "if", "then",
     "there", "here", "however"}  # not "So", "An": surnames (Wesley So)
)


def trim(text: str, mention: Mention) -> Mention | None:
    """The mention without a leading title or article, or None when nothing of a name is
    left (a common word or demonym alone) or the model ran on into a clause."""
    start, end = mention.start, mention.end
    before = max(0, start - 40)
    if "&" in text[before : end + 2] and (
        _AMPERSAND_AFTER.match(text, end) or _AMPERSAND_BEFORE.search(text, before, start)
    ):
        return None  # part of a name such as "Marks & Spencer"
    if _dotted_on(text, start):
        return None  # ".NET", "ASP.NET", "Vue.js": part of a product's or a file's name
    if start and text[start - 1].isdigit():
        return None  # "16GB GDDR6 PCI Express", "5G Network": a measure's unit, a spec
    words = text[start:end].split(" ")
    while words and not words[0][:1].isalnum():  # "&", a quote
        start += len(words[0]) + 1
        words = words[1:]
    based = next((i for i, w in enumerate(words[:-1]) if w.lower().endswith("-based")), None)
    if based is not None:  # "Los Angeles-based Big Bud Press": where it is based goes
        start += len(" ".join(words[: based + 1])) + 1
        words = words[based + 1 :]
    compound = _COMPOUND_END.search(words[-1]) if words else None
    if compound and len(words[-1]) > len(compound[0]):  # "Taylor Swift-themed", "Trump-era"
        end -= len(compound[0])
        words[-1] = words[-1][: -len(compound[0])]
    lowercase = 0
    while words and (not _ALNUM.search(words[-1]) or (
        len(words) > 1 and (words[-1].islower()  # "Kyivskyi district"
                            or words[-1].lower() in _SENTENCE_OPENERS)
    )):
        lowercase += words[-1].islower()
        end -= len(words[-1]) + 1
        words = words[:-1]
    if not words or start >= end or (lowercase > 1 and len(words) == 1):
        return None  # "Grey seals haul out": the model ran on into a clause
    if len(words) > 2 and words[0] in ("Best", "Top"):
        return None  # "Best VPN Service", "Top Resume Writing Services": a list's heading
    if mention.kind == "PER" and (
        (words[-1].lower() in NOT_PERSON_ENDS
         and not (mention.confidence >= _SURE and _full_name(words)))
        or words[0].lower() in NOT_PERSON_OPENS
        or (any(_run_together(w) for w in words)
            and not _HANDLE.search(text, max(0, start - 2), start))
        or (len(words) > 1 and (
            words[-1] in PRODUCT_ENDS or any(_DIGIT.search(w) for w in words)
            or (words[-1].endswith("s") and _PLURAL_ACRONYM.fullmatch(words[-1]))
        ))
    ):
        return None  # "Storm Ciarán"; "Emma Hybrid", "Pixel 9", "Trusted VPNs": products
    if mention.kind == "PER" and len(words) > 1 and _job_title(words[-1]):
        # "Paul Carter Robinson Artlyst Editor": the title and the employer naming it go
        while len(words) > 1 and _job_title(words[-1]):
            end -= len(words[-1]) + 1
            words = words[:-1]
        if len(words) > 2 and (words[-1].isupper() or words[-1].lower() not in lexicon().surnames):
            end -= len(words[-1]) + 1
            words = words[:-1]
    if mention.kind == "PER" and len(words) > 1 and _initialism(words[-1]):
        # "Daniel Bernoulli FRS": honours after a name go; "Gemini CLI" is a product, but
        # "Emmanuel MACRON" a surname set in capitals after a given name
        name, cut = list(words), end
        while len(name) > 1 and (_initialism(name[-1]) or name[-1].islower()):  # "X of VSI"
            cut -= len(name[-1]) + 1
            name = name[:-1]
        if len(name) > 1:
            words, end = name, cut
        elif name[0].lower() not in lexicon().given_names or words[1] in TERM_ACRONYMS:
            return None  # "Claude API": a product
    if mention.kind == "PER" and _common_noun_end(words):
        return None  # "Fastener Information", "Nasdaq Composite"
    last = words[-1].lower()
    if mention.kind == "LOC" and last in DEMONYM_WORDS and last.endswith("an"):
        return None  # "South Korean", "North American": a people's adjective, no place
    if mention.kind == "LOC" and len(words) > 1 and (
        words[-1] in PRODUCT_ENDS or any(_MODEL_CODE.fullmatch(w) for w in words)
    ):
        return None  # "Lemokey X4", "RAV4 Prime", "Aurora Luxe": a model; "the M62" a road
    while len(words) > 1 and (
        words[0].lower() in ("the", "a", "an") or words[0] in _CALLS
        or (mention.kind == "PER" and (
            words[0].lower().rstrip(".") in TITLE_WORDS or words[0].lower() in ROLE_NOUNS
            or words[0].lower() in RULERS or words[0].lower() in _COUNTRYMEN
            or (len(words) > 2 and words[1].lower().rstrip(".") in TITLE_WORDS
                and words[0] in lexicon().strong_places)  # "U.S. President Donald Trump"
        ))
    ):
        start += len(words[0]) + 1
        words = words[1:]
    surface = text[start:end]
    bare = surface.lower()
    if (surface.endswith("s") and _PLURAL_ACRONYM.fullmatch(surface)) or (
        mention.kind == "PER" and _EPONYM.match(text, end)
    ):
        return None  # "KPIs", "LLMs"; "Alzheimer's disease"
    if mention.kind != "LOC" and (surface in TERM_ACRONYMS or _counted(text, surface)):
        return None  # "UX", "CEO": things and roles ("AR" may be a place); "NVR" of "NVRs"
    if mention.kind == "ORG" and _service(words):
        return None  # "SEO Services", "AI Consulting Services", "USB Port": what is sold
    if mention.kind == "ORG" and surface.isupper() and _NUMBER_AFTER.match(text, end):
        return None  # "ISO 9001", "ISO 100-51200", "SOC 2": a standard, a setting
    if surface.isupper() and len(surface) > 1:  # "US", "WHO": acronyms, not the words
        return Mention(start, end, mention.kind, mention.confidence)
    if bare in COMMON_WORDS or bare in DEMONYM_WORDS or bare.rstrip(".") in TITLE_WORDS \
            or bare in _LEGAL_FORMS or bare in _LATIN_ABBREVIATIONS:
        return None
    if mention.kind == "LOC" and _unlisted_common(surface):
        return None  # "with Embrace" (an insurer), "in Handheld mode"
    if mention.kind == "PER" and _unnamed_common(surface):
        return None  # "Royalty-Free or Risky?": a common word, no one's name
    if not any(c.isupper() for c in text[start:end]):
        return None
    generation = _GENERATION_AFTER.match(text, end) if mention.kind == "PER" else None
    return Mention(start, generation.end() if generation else end, mention.kind,
                   mention.confidence)


def without_generation(words: Sequence[str]) -> Sequence[str]:
    """A person's name's words without the generation after them ("Sammy Davis Jr.",
    "Martin Luther King, Jr." end in "Davis", "King")."""
    while len(words) > 1 and words[-1].rstrip(".").lower() in _GENERATIONS:
        words = words[:-1]
    return [*words[:-1], words[-1].rstrip(",")]


#: Words that join the words of a name ("VP of Engineering", "SEO and Paid Media").
_JOINING = frozenset({"of", "and", "&", "for", "the", "on", "in"})


def _service(words: Sequence[str]) -> bool:
    """Whether a name is an acronym of a thing or a role followed by words open text writes
    in lowercase: a service or a thing ("SEO Services", "VPN Services", "USB Port", "VP of
    Engineering"), not a body ("UI Bakery", "KPI Institute", "AI Ethics Council" keep) nor
    a magazine ("TV Guide Magazine")."""
    rest = [w for w in words[1:] if w.lower() not in _JOINING]
    return (words[0] in TERM_ACRONYMS and bool(rest) and rest[-1].lower() != "magazine"
            and all(lexicon().mostly_lower(w) for w in rest))


def _dotted_on(text: str, start: int) -> bool:
    """Whether a name starts right after a full stop that opens a word, follows a capital
    letter or comes before capitals (".NET", "ASP.NET", "for.NET"); a stop after a lowercase
    word before a capitalised one ends a sentence whose space was lost."""
    if start == 0 or text[start - 1] != ".":
        return False
    before = text[start - 2] if start > 1 else " "
    return not before.isalnum() or before.isupper() or text[start : start + 2].isupper()


def _counted(text: str, surface: str) -> bool:
    """Whether ``surface`` is an acronym that ``text`` also writes in the plural ("NVRs",
    "RFCs"): a thing counted, no body nor person."""
    return (1 < len(surface) <= 6 and surface.isupper() and surface.isalpha()
            and has_word(text, surface + "s"))


def _unlisted_common(surface: str) -> bool:
    """Whether a single word is one open text mostly writes in lowercase and no list of
    places holds: a place named by a common word is a known one ("Reading", "Surprise")."""
    lex = lexicon()
    return (" " not in surface and lex.mostly_lower(surface)
            and surface not in lex.strong_places and surface not in lex.weak_places)


def _unnamed_common(surface: str) -> bool:
    """Whether a single word is one open text mostly writes in lowercase and that is no
    given name nor surname: no person is named by it alone."""
    lex = lexicon()
    bare = surface.lower()
    return (" " not in surface and lex.mostly_lower(surface)
            and bare not in lex.given_names and bare not in lex.surnames)


def _full_name(words: Sequence[str]) -> bool:
    """Whether two words are a listed given name and a listed surname, and no listed place:
    a person whose surname is a place's head word ("Adrian Hill", "Elijah Wood"; not
    "Notting Hill", "Forest Hill")."""
    lex = lexicon()
    name = " ".join(words)
    return (len(words) == 2 and words[0].lower() in lex.given_names
            and words[-1].lower() in lex.surnames
            and name not in lex.strong_places and name not in lex.weak_places)


def _common_noun_end(words: Sequence[str]) -> bool:
    """Whether a name of two words or more ends in a word open text writes in lowercase
    that is no surname, and opens with no given name: a thing ("Lean Development"), not a
    person ("Stevie Wonder", "Karen Baker")."""
    lex = lexicon()
    return (
        len(words) > 1 and lex.mostly_lower(words[-1])
        and words[-1].lower() not in lex.surnames and words[0].lower() not in lex.given_names
    )


def _initialism(word: str) -> bool:
    """Whether a word after a person's name is letters in capitals that are no listed
    surname nor a Roman numeral ("Henry VIII"): honours ("CBE"), a product's kind ("CLI"),
    or a surname set in capitals."""
    return (
        len(word) > 1 and word.isupper() and word.isalpha() and not _ROMAN.fullmatch(word)
        and word.lower() not in lexicon().surnames
    )


def _job_title(word: str) -> bool:
    """A title that is no surname ("Editor", "Director"; not "King", "Bishop")."""
    bare = word.lower().rstrip(".")
    return bare in TITLE_WORDS and bare not in lexicon().surnames


#: Degrees written as places' abbreviations are ("MD" Maryland, "MS" Mississippi, "DC", "PA"):
#: after a person's name and a comma, the person's degree.
_DEGREES = frozenset({"MD", "DO", "DC", "MA", "MS", "ND", "PA"})


def without_degrees(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """``mentions`` but the places that are a degree written after a person's name ("Angela
    Holliday-Bell, MD, is a provider": no Maryland)."""
    ends = {m.end for m in mentions if m.kind == "PER"}
    return [
        m for m in mentions
        if not (m.kind == "LOC" and m.start - 2 in ends and text[m.start - 2 : m.start] == ", "
                and text[m.start : m.end] in _DEGREES)
    ]


def _run_together(word: str) -> bool:
    """Whether ``word`` runs a product's name together ("ManageEngine", "BrewSense",
    "DuckDNS", "OpenAI"): a part inside it, after two lowercase letters, is an acronym or a
    word open text mostly writes in lowercase. Names that run their parts together keep
    ("SangKeun", "SubbaRao"), and so do surnames' prefixes ("McCartney", "DiCaprio")."""
    return any(
        len(part) > 1 and (part.isupper() or lexicon().mostly_lower(part))
        for part in _INNER_PART.findall(word)
    )
