"""The regular expressions that find number mentions, dates and look-alikes in news text."""

from __future__ import annotations

import re

from ..regex_cache import regex
from .number_words import FRACTION, FRACTIONS, TENS, UNITS, WORD_NUMBER
from .units import (
    CURRENCY_PREFIXES,
    CURRENCY_WORDS,
    MEASURES,
    PERCENT_WORDS,
    RATE_BASES,
    SINGLE_LETTER_UNITS,
    TIME_UNITS,
    alternation,
    literal_tree,
)

__all__ = [
    "AGE_WORDS",
    "SPACE",
    "YEAR",
    "scan",
    "word_set",
]

SPACE = " \u00a0\u2009\u202f"


def word_set(words: str) -> frozenset[str]:
    """The set of the whitespace-separated words of ``words``."""
    return frozenset(words.split())


_S = r"[ \u00a0\u2009\u202f]"  # one space inside a number expression (never a line break)
_DASH = r"[-\u2013]"  # an em dash sets off a clause, not a range
_DIGITS = (
    r"\d{1,3}(?:,\d{3})+(?:\.\d+)?"
    r"|\d{1,3}(?:[\u00a0\u2009\u202f]\d{3})+(?:\.\d+)?"
    r"|\d+(?:\.\d+)?"
)
_APPROX_WORDS = [
    "about",
    "around",
    "roughly",
    "approximately",
    "nearly",
    "almost",
    "some",
    "more than",
    "over",
    "under",
    "fewer than",
    "less than",
    "at least",
    "at most",
    "up to",
    "as many as",
    "as much as",
    "as few as",
    "just over",
    "just under",
    "well over",
    "well under",
    "close to",
    "an estimated",
    "upwards of",
    "in excess of",
    "no more than",
    "no fewer than",
    "no less than",
    "below",
    "above",
    "an average of",
    "as low as",
    "as high as",
    "longer than",
    "as long as",
    "as little as",
    "aged",
    "age",
]
_APPROX = alternation(_APPROX_WORDS)
AGE_WORDS = ("aged", "age")
_CUR_PREFIX = alternation(CURRENCY_PREFIXES)
_SCALE = (
    rf"(?:{_S}?(?:bn|mn|m|k|tn|trn)(?![\w])"
    rf"|(?:{_S}|-)(?i:hundred|thousand|lakh|million|crore|billion|trillion)(?![\w]))"
)
_PERCENT = alternation(k for k in PERCENT_WORDS if not k.startswith("%"))
_MEASURE = alternation(k for k in MEASURES if len(k) > 1 or not k.isalpha())  # not "c", "g"
_HYPHEN_UNITS = (
    "year|month|week|day|hour|minute|second|mile|metre|meter|kilometre|kilometer|km"
    "|foot|inch|storey|acre|tonne|point|game|match|seat|member|page|strong|man|person"
)
#: Words after a hyphen that make no compound with the number before them ("2-in-1",
#: "9-to-5", "40-ish"); any other word does ("5-pin", "3-stage", "256-bit", "4.8-star").
_NOT_COMPOUND = "in|to|per|on|a|an|and|or|for|by|of|the|at|up|ish|plus|odd"

_NUMBER = regex(
    rf"""
    (?<![\w.,\-\u2010\u2011/£$€¥₹'\u2018\u2019])
    (?<![^nN\s]=)  # a setting's value, "max_length=50", "?t=112323"; a sample's "n=121" counts
    (?:(?<=[Ff]rom[ ])(?P<from>))?
    (?:(?P<aged>(?i:aged|age)){_S}+(?=(?i:between)))?
    (?:(?P<between>(?i:between)){_S}+)?
    (?:(?P<approx>(?i:{_APPROX})){_S}+)?
    (?P<minus>[-\u2212](?=\d)|(?i:minus){_S}+(?=\d))?
    (?:(?P<cur>{_CUR_PREFIX}){_S}?)?
    (?P<num>
        (?P<ratio>(?i:one|1){_S}+in{_S}+(?:\d+|(?i:{WORD_NUMBER}))
            |(?:\d+|(?i:{WORD_NUMBER})){_S}+(?i:out{_S}+of){_S}+(?:\d+|(?i:{WORD_NUMBER})))
        |(?P<half>(?i:half{_S}+an?{_S}+(?:million|billion|dozen)))
        |(?P<fraction>(?i:{FRACTION}))
        |(?P<digits>{_DIGITS})
        |(?P<words>(?i:{WORD_NUMBER}))
    )
    (?P<scale>{_SCALE})?
    (?P<plus>\+)?  # at least so many: "75+ years", "10 million+ candidates"
    (?P<dims>(?(digits)(?:{_S}?[x\u00d7]{_S}?(?:{_DIGITS})){{1,2}}(?={_S}*(?i:{_MEASURE}))|(?!)))?
    (?:
        (?P<percent1>{_S}?%(?=(?:{_S}?{_DASH}{_S}?|{_S}+to{_S}+)[\d.,]+{_S}?%))?
        (?P<range>{_S}?{_DASH}{_S}?
            |(?(from)(?!)|{_S}+(?i:to){_S}+)
            |(?(between){_S}+(?i:and){_S}+|(?!))
            |{_S}+(?P<votes>(?i:votes)){_S}+to{_S}+)
        (?:{_CUR_PREFIX})?
        (?P<num2>{_DIGITS}|(?i:{WORD_NUMBER}))
        {_SCALE}?
    )?
    (?:
        (?P<point>{_S}+(?:of{_S}+)?a{_S}+(?:percentage{_S}+)?point(?![\w]))
        |(?P<percent>{_S}?%(?:{_S}points)?|{_S}+(?i:{_PERCENT}))
        |(?P<temp>{_S}?°{_S}?[CF]|{_S}?º[CF]|[CF](?![\w])
            |{_S}+(?i:degrees{_S}+(?:celsius|centigrade|fahrenheit)))
        |{_S}+(?P<curword>(?i:{alternation(CURRENCY_WORDS)}))
        |{_S}?(?P<cursign>[€£¥₹])  # a sign after the amount, as French and German write it
        |(?P<sub>p(?![\w])|{_S}+(?i:pence|cents?))
        |-(?P<hyphen>(?i:{literal_tree(_HYPHEN_UNITS.split("|"))})s?(?:-olds?)?
            |(?(digits)(?!(?i:{_NOT_COMPOUND})(?![a-z]))[A-Za-z][a-z]{{1,15}}(?![\w-])|(?!)))
        |{_S}*(?P<measure>(?i:{_MEASURE})|[{"".join(SINGLE_LETTER_UNITS)}](?![\w'\u2019]))
        |{_S}+(?P<time>(?i:{alternation(TIME_UNITS)}))
        |(?P<clock>h{_S}?[0-5]?\dm)  # a running time: "2h 15m", "1h 6m"
    )?
    (?P<rate>{_S}+(?i:per|a|an){_S}+(?i:{RATE_BASES})(?!{_S}+(?i:earlier|later|ago|before|after))
        |/(?i:day|h|hr|year|yr|month|week))?
    (?![\w]|[.,]\d|/\d|-\w)  # no part of a compound read no further ("2-in-1", "F-150")
    """,
    re.VERBOSE,
)

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?:1[6-9]\d\d|20\d\d)"
_DATE = regex(
    rf"""
    (?<![\w.,\-/])
    (?:
        {_DAY}{_S}+(?:of{_S}+)?{_MONTH}(?:,?{_S}+{YEAR})?
        |{_MONTH}{_S}+{_DAY}(?:,{_S}*{YEAR})?
        |{_MONTH}{_S}+{YEAR}
        |(?P<decade>(?:1[6-9]|20)\d0['\u2019]?s|['\u2019][1-9]0s|[1-9]0['\u2019]s)
        |{YEAR}-[01]\d-[0-3]\d
        |[0-3]?\d/[01]?\d/{YEAR}
    )
    (?![\w]|[.,]\d|:\d)
    """,
    re.VERBOSE,
)

# Spans that look numeric but are no facts: times of day and of posts, phone numbers,
# footnote marks, list markers, page furniture, version, model, build and ticket numbers,
# postcodes. Each alternative comes with the kinds of character it may begin with: a digit
# ("d"), a letter ("l") or any other ("o"); the pattern tries at a start only those of its
# character's kind, in this order (see ``_by_first``).
_NOT_FACT_PARTS = [
    ("d", r"""\b\d{1,2}:\d{2}(?::\d{2})?(?:[ \u00a0]?(?i:am|pm|a\.m\.|p\.m\.))?
        (?:[ \u00a0](?:GMT|BST|UTC|CET|CEST|EST|EDT|CST|PST|PDT|ET|PT))?"""),
    ("d", r"\b\d{1,2}(?:\.\d{2})?[ \u00a0]?(?i:am|pm|a\.m\.|p\.m\.)(?![\w])"),
    ("d", r"\b\d{1,2}\.\d{2}[ \u00a0](?:GMT|BST|UTC|CET|CEST|EST|EDT|CST|PST|PDT|ET|PT)\b"),
    ("lo", r"(?:©|\(c\)|(?i:\bcopyright))[ \u00a0]*\d{4}(?:[-\u2013]\d{2,4})?"),
    ("dl", r"""(?i:\b(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|few|several)
        [ \u00a0]+(?:sec|secs|seconds?|mins?|minutes?|hrs?|hours?|days?|weeks?|months?|years?)
        [ \u00a0]+ago\b)"""),
    ("l", r"""(?i:\b(?:updated|published|posted|first[ ]published|last[ ]updated|last[ ]modified)\b)
        (?:[ap]\.m\.|""" + _MONTH + r"""|[^\n.]|\.(?!\s)){0,60}"""),
    ("do", r"(?:\+\d{1,3}[ -]?)?(?:\(\d{2,5}\)[ -]?|\b0\d{2,4}[ -])\d{3,4}[ -]?\d{3,4}\b"),
    ("d", r"\b\d{3}-\d{3}-\d{4}\b"),
    ("l", r"""(?i:\b(?:call|dial|phone|ring|text|tel\.?|telephone))[ \u00a0]+(?:on[ \u00a0]+)?
        \+?\d[\d -]*\d"""),
    ("o", r"\[\d{1,3}\]"),
    ("d", r"\b\d{1,4}(?:\([a-z\d]{1,3}\))+"),  # a section that names a thing: "401(k)"
    ("o", r"\(\d{1,2}\)"),
    ("o", r"\((?:[A-Z][A-Za-z.'\u2019&\ -]{0,60}?,[ ](?:1[89]|20)\d\d[a-z]?(?:;[ ])?)+\)"),
    ("d", r"\b\d+[ \u00a0-]?(?i:min|mins|minute|minutes)[ \u00a0](?:to[ \u00a0])?read\b"),
    ("l", r"""(?i:\b(?:reading|read)[ \u00a0]time:?[ \u00a0]*(?:about[ \u00a0])?\d+[ \u00a0]*
        (?:min|mins|minutes?)\b)"""),
    ("do", r"^[ \t*\#>_]*\(?\d{1,2}(?:\.\d{1,2})*(?:[.):]|\.\)|\)\.)(?=[ \t]|$)"),
    ("do", r"^[ \t*\#>_]*[1-9]\d?(?:\.\d{1,2})+(?=[ \t]+[A-Z][^\n:]{0,60}$)"),
    ("lo", r"""^[ \t]*(?i:read[ ]more|related|see[ ]also|more[ ]on[ ]this[ ]story|watch|listen)
        [ \t]*:[^\n]*"""),
    ("l", r"""(?i:\b(?:page|image|photo|picture|slide|step|part|video)[ \u00a0]+\d+[ \u00a0]*
        (?:of|/)[ \u00a0]*\d+)"""),
    ("d", r"""\b\d+[ \u00a0]*(?:of|/)[ \u00a0]*\d+[ \u00a0]+
        (?i:photos|images|pictures|slides|videos)\b"""),
    ("d", r"\b\d+[ \u00a0]?[-\u2013][ \u00a0]?\d+[ \u00a0]+of[ \u00a0]+\d[\d,]*\b"),  # "1-30 of 37"
    ("l", r"(?i:\b(?:version|v)[ \u00a0]?\d+(?:\.\d+)+)"),
    ("l", r"""(?i:\b(?:versions?|releases?|release[ ]series|branch(?:es)?|builds?|patch(?:es)?)
        [ \u00a0]+(?:(?:since|from|before|after|until|to|up[ ]to|prior[ ]to|than|of|is|was|are|were)
        [ \u00a0]+)?\d+(?:\.\d+)+(?:\.[xX*])?\b)"""),
    ("l", r"(?i:\b(?:builds?|tickets?|bugs?)[ \u00a0]+\d+\b)"),
    ("d", r"\b\d+\.\d+\.\d+(?:\.\d+)*\b"),
    ("d", r"\b\d+(?:\.\d+)*\.[xX*](?![\w])"),
    ("l", r"\b(?:No\.?|[Nn]umber|Nos\.?)[ \u00a0]\d+"),
    ("o", r"\#[ \u00a0]?\d+"),
    ("d", r"""\b\d{1,5}[ \u00a0](?:[NSEW]\.?[ \u00a0])?
        (?:(?:[A-Z][a-z]+|\d+(?:st|nd|rd|th))[ \u00a0]){1,3}
        (?:Street|St|Road|Rd|Avenue|Ave|Lane|Place|Drive|Boulevard|Blvd|Way|Square|Terrace|Court
        |Crescent)\b"""),
    ("l", r"""(?i:\b(?:pages?|pp?\.|chapter|ch\.|section|sec\.|paragraph|clause|fig\.|figure
        |table|line|vol(?:ume|\.))
        [ \u00a0]+\d+(?:[-\u2013]\d+)?)"""),
    ("l", r"(?i:\b(?:type|stage|phase|level|grade|tier|category|class)[ \u00a0-]\d{1,2}\b)"),
    ("l", r"(?i:\b(?:weeks|days|months|years)[ \u00a0]\d{1,2}[-\u2013]\d{1,2}\b)"),  # "Weeks 1-2"
    ("l", r"\b[A-Z]{1,2}\d[A-Z\d]?[ \u00a0]\d[A-Z]{2}\b"),
    ("l", r"\b[A-Z]{2}[ \u00a0]\d{5}(?:-\d{4})?\b"),
    ("d", r"\b(?:144|240|360|480|540|576|720|1080|1440|2160|4320)[pi]\b"),  # a video's lines
]
#: A look at the next character for each kind of ``_NOT_FACT_PARTS``.
_KINDS_AHEAD = {"d": r"(?=\d)", "l": r"(?=[^\W\d_])", "o": r"(?=[\W_])"}


def _by_first(parts: list[tuple[str, str]]) -> str:
    """One alternation of ``parts`` that looks at the next character first and then tries
    only the alternatives that may begin with it, in their order: what matches is what the
    alternation of them all would match."""
    return "|".join(
        ahead + "(?:" + "\n|".join(part for kinds, part in parts if kind in kinds) + "\n)"
        for kind, ahead in _KINDS_AHEAD.items()
    )


_NOT_FACTS = regex(_by_first(_NOT_FACT_PARTS), re.VERBOSE | re.MULTILINE)


# Where a match can start: a line start, a digit run, a sign or symbol, a short capitalised
# word (postcodes), a month's name, an apostrophe before a decade, or a word that can begin
# one of the patterns. The patterns are tried only there, which is far faster than trying
# them at every character (or than one regex of all the words).
_NUMBER_WORDS = frozenset(
    ["between", "minus", "one", "a", "an", *FRACTIONS, *UNITS, *TENS]
    + [phrase.split()[0] for phrase in _APPROX_WORDS]
    + [code.lower().rstrip("$") for code in CURRENCY_PREFIXES if code[:1].isalpha()]
)
_NOT_FACT_WORDS = word_set(
    """updated published posted first last call dial phone ring text tel telephone page image
    read reading related see more watch listen
    pages p pp chapter ch section sec paragraph clause fig figure table line vol volume
    type stage phase level grade tier category class weeks days months years
    photo picture slide step part video version v no number nos a an one two three four five
    versions release releases branch branches build builds patch patches ticket tickets bug bugs
    six seven eight nine ten few several"""
)


# A token begins with a letter, digit or sign, which the scan finds quickly: the pattern
# opens with their class, so the engine skips every other character at once, and then tells
# which it took (a digit's digit before is looked for once it is found); line starts are
# found apart.
_TOKENS = re.compile(
    r"[A-Za-z\d\-+#(\[\u2212$£€¥₹₩₽₴'\u2019]"
    r"(?:(?<=[A-Za-z])[A-Za-z]*|(?<=\d)(?<!\d\d)|(?<=[-+#(\[\u2212$£€¥₹₩₽₴])|(?<=['\u2019])(?=[1-9]0s))"
)
_MONTH_WORDS = frozenset(re.findall(r"[A-Z][a-z]+", _MONTH))


_LINE_BREAK = re.compile("\n")
_NUMBER_START, _NOT_FACT_START, _DATE_START = 1, 2, 4
#: What may begin at each token seen so far (most tokens are words that begin nothing).
_TOKEN_KINDS: dict[str, int] = {}


def _kinds(token: str) -> int:
    """What may begin at a token of ``_TOKENS``: a number, a look-alike, a date (bits)."""
    if token[:1].isalpha():
        lower = token.lower()
        return (
            (_NUMBER_START if lower in _NUMBER_WORDS else 0)
            | (_NOT_FACT_START if lower in _NOT_FACT_WORDS or (len(token) <= 2 and token.isupper())
               else 0)
            | (_DATE_START if token in _MONTH_WORDS else 0)
        )
    if token in "'\u2019":  # a decade such as '90s
        return _DATE_START
    return _NUMBER_START | _NOT_FACT_START | (_DATE_START if token.isdigit() else 0)


def _starts(text: str) -> tuple[list[int], list[int], list[int]]:
    """Offsets where a number, a look-alike that is no fact, and a date may begin."""
    numbers: list[int] = []
    not_facts: list[int] = []
    dates: list[int] = []
    known = _TOKEN_KINDS.get
    for token in _TOKENS.finditer(text):
        word = token.group()
        kinds = known(word)
        if kinds is None:
            kinds = _kinds(word)
            if len(_TOKEN_KINDS) < 100_000:
                _TOKEN_KINDS[word] = kinds
        if kinds:
            start = token.start()
            if kinds & _NUMBER_START:
                numbers.append(start)
            if kinds & _NOT_FACT_START:
                not_facts.append(start)
            if kinds & _DATE_START:
                dates.append(start)
    # line starts (list markers, "Updated ..." lines), before any token starting there
    lines = [0, *(match.end() for match in _LINE_BREAK.finditer(text))]
    return numbers, sorted(lines + not_facts), dates


def _scan(pattern: re.Pattern[str], text: str, starts: list[int]) -> list[re.Match[str]]:
    """The non-overlapping matches of ``pattern`` that begin at ``starts``, in text order."""
    matches = []
    end = 0
    for start in starts:
        if start >= end and (match := pattern.match(text, start)) and match.end() > start:
            matches.append(match)
            end = match.end()
    return matches


def scan(text: str) -> tuple[list[tuple[int, int]], list[re.Match[str]], list[re.Match[str]]]:
    """The spans of ``text`` that look numeric but are no facts (times, phone numbers, ...),
    its dates ("14 March 2023", "1990s") and its candidate number mentions, in text order."""
    number_starts, not_fact_starts, date_starts = _starts(text)
    blocked = [m.span() for m in _scan(_NOT_FACTS, text, not_fact_starts)]
    return blocked, _scan(_DATE, text, date_starts), _scan(_NUMBER, text, number_starts)
