"""Numbers in news text: quantities, money, percentages, measures, dates, ages and ranges.

A mention covers the number with what qualifies it: an approximation or bound before it
("about 300", "more than half"), its currency and scale ("$120bn"), its unit ("4.2 km per
day", "40%", "-5°C", "18-year-old") and a range it opens ("between 40 and 50"). What it
counts ("troops" in "12,500 troops") is kept apart in ``Fact.counts`` and shown in the label.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .counted import counts_after, is_metres, word_before
from .model import Contexts, Fact, importance
from .number_patterns import (
    AGE_WORDS,
    SPACE,
    YEAR,
    scan,
    word_set,
)
from .number_words import TENS, UNITS, word_value
from .units import CURRENCY_PREFIXES, CURRENCY_WORDS, MEASURES, MONTHS, SCALES, SUBUNITS, TIME_UNITS

__all__ = ["find_numbers"]


# Capitalised words that may stand before a number without making it a name ("Boeing 737").
_FREE_BEFORE = word_set(
    """a an in on at by of for from to since until till after before during about around
    nearly almost some over under more less fewer only just roughly approximately between and
    but the with within up another last than aged age exactly barely those these all every
    each already still its their his her our while when where as if so or nor yet that this
    there here what which who whom whose both also even then now well like unlike among amid
    despite including plus minus via per"""
)
# Words before a written number that point back to a known group ("the two leaders").
_DETERMINERS = word_set(
    "the these those its their his her our my your both all every each first last next past "
    "other another whose which"
)
_ORDINALS = word_set("first second third fourth final last latter former other the a")
# "nine of its 71 stores", "two of nine": a written number before "of" and one of these
# counts a part.
_OF_PARTS = re.compile(
    r"[ \u00a0]+of[ \u00a0]+(?:the|its|their|his|her|our|these|those|them|us|\d"
    rf"|{'|'.join(UNITS)}|{'|'.join(TENS)})\b",
    re.IGNORECASE,
)
#: A name before an age in apposition ("Smith, 42,"), ending in a lowercase letter (not
#: code's "'ABCDEFG', 2,").
_APPOSITION_AGE = re.compile(r"[A-Z][a-z'\u2019\-]*[a-z],[ \u00a0]$")
_YEAR_ONLY = re.compile(YEAR)
_YEAR_END = re.compile(r"\d\d|" + YEAR)  # "2023-24", "2023-2024"
_RATIO = re.compile(r"(.+?) (?:in|out of) (.+)")
_GROUPING = re.compile(r"[,\s]")
_RANGE_GAP = re.compile(r"[ \u00a0]?[-\u2013][ \u00a0]?|[ \u00a0]+to[ \u00a0]+")
_FROM_BEFORE = re.compile(r"\bfrom[ \u00a0]+$", re.IGNORECASE)
_DURATIONS = ("years", "months", "weeks", "days", "hours", "minutes", "seconds")
_DURATION_GAP = re.compile(r"[ \u00a0]+(?:and[ \u00a0]+)?")


@dataclass(frozen=True)
class _Found:
    """One number mention before mentions of the same quantity are merged."""

    start: int
    end: int
    label: str
    value: float | None
    unit: str | None
    counts: str | None = None
    exact: bool = False  # one of a kind by its label: a range, a hyphened "five-year"
    bare: bool = False  # a large number alone, which may stand for a counted quantity


def find_numbers(text: str) -> list[Fact]:
    """The number facts of ``text``, most important first."""
    blocked, dates, numbers = scan(text)
    found: list[_Found] = []
    taken: list[tuple[int, int]] = []
    for match in dates:
        if not _overlaps(match.span(), blocked):
            found.append(_Found(*match.span(), _clean(match.group()), None, "date"))
            taken.append(match.span())
    names: set[str] = set()
    named: tuple[int, str] | None = None  # the last number that is part of a name: end, text
    for match in numbers:
        if _overlaps(match.span(), blocked) or _overlaps(match.span(), taken):
            continue
        mention = _number(text, match, names)
        if (
            mention is not None and named is not None and _in_series(text, named, mention)
        ):  # "Windows 10 and 11", "Qt 6.6 & 6.7": the next of a name's series
            names.add(mention.label)
            mention = None
        if mention is not None:
            found.append(mention)
        number = _clean(match.group("num"))
        named = (match.end(), number) if mention is None and number in names else None
    # a number that is part of a name once ("Ubuntu 24.04", "Boeing 737") names the same
    # thing where it stands alone ("since 24.04", "the 737 landed")
    found = [m for m in found if not (m.unit is None and m.counts is None and m.label in names)]
    return _merge(text, _join_ranges(text, _without_steps(text, found)))


#: A number opening its line before a capitalised word ("1 Look for a deal.").
_STEP = re.compile(r"^[1-9]\d? (?=[A-Z])", re.MULTILINE)


def _without_steps(text: str, found: list[_Found]) -> list[_Found]:
    """``found`` without the bare numbers that open their line before a capitalised word
    where the number before or after them does so too: a numbered list's markers that lost
    their full stops ("1 Look for a deal.", "2 Determine where to pick the car up.")."""
    steps = {m.start: int(m.label) for m in found
             if m.unit is None and m.counts is None and m.label.isdigit()
             and _STEP.match(text, m.start)}
    values = set(steps.values())
    return [m for m in found if not (
        m.start in steps and (steps[m.start] + 1 in values or steps[m.start] - 1 in values)
    )]


#: What stands between the numbers of one name's series: "and", "&", "or", a comma, a slash.
_SERIES_GAP = re.compile(r"\s*(?:,|/|&|and|or)\s*")
_SHAPE = re.compile(r"\d")


def _in_series(text: str, named: tuple[int, str], mention: _Found) -> bool:
    """Whether a bare number right after one that is part of a name, joined to it as the
    next of a series and written in the same shape (digits, point), is one more of it."""
    end, number = named
    return (
        mention.unit is None and mention.counts is None
        and _SHAPE.sub("0", mention.label) == _SHAPE.sub("0", number)
        and _SERIES_GAP.fullmatch(text, end, mention.start) is not None
    )


def _join_ranges(text: str, found: list[_Found]) -> list[_Found]:
    """Join two measures of one unit written as a range ("20C to 22C", "£2m-£3m"), and the
    parts of a duration ("2 hours 1 minute"), into one mention; a change ("from 20C to 22C")
    stays two."""
    joined: list[_Found] = []
    for mention in sorted(found, key=lambda m: m.start):
        last = joined[-1] if joined else None
        if last is not None and (
            _is_range(text, last, mention) or _is_duration(text, last, mention)
        ):
            label = _clean(text[last.start : mention.end])
            joined[-1] = _Found(last.start, mention.end, label, last.value, last.unit, exact=True)
        else:
            joined.append(mention)
    return joined


def _is_range(text: str, first: _Found, second: _Found) -> bool:
    return (
        first.unit == second.unit
        and first.unit not in (None, "date", "year", "score", "votes")
        and _RANGE_GAP.fullmatch(text, first.end, second.start) is not None
        and not _FROM_BEFORE.search(text, max(0, first.start - 6), first.start)
    )


def _is_duration(text: str, first: _Found, second: _Found) -> bool:
    if first.unit not in _DURATIONS or second.unit not in _DURATIONS:
        return False
    return _DURATIONS.index(first.unit) < _DURATIONS.index(second.unit) and bool(
        _DURATION_GAP.fullmatch(text, first.end, second.start)
    )


def _overlaps(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    """Whether ``span`` overlaps one of ``spans`` (sorted, not overlapping each other)."""
    index = bisect.bisect_left(spans, (span[1],))
    return index > 0 and spans[index - 1][1] > span[0]


def _clean(surface: str) -> str:
    return " ".join(surface.split())


def _number(text: str, match: re.Match[str], names: set[str]) -> _Found | None:
    """The mention a candidate match of ``scan`` stands for, or None when it is no fact;
    a number that is part of a name ("Boeing 737") is added to ``names``."""
    group = match.group
    start, end = match.span()
    if group("between") and "and" not in (group("range") or "").lower():
        start = match.end("between")
        while text[start] in SPACE:
            start += 1
    if group("minus") and not group("temp"):
        start = match.end("minus")
    if not group("cur") and not _is_score(match) and _named_before(text, start):
        names.add(_clean(group("num")))
        return None  # "Boeing 737", but "beat Arsenal 4-1" is a score
    if group("approx") and group("approx").lower() == "over" and group("time"):
        start = match.start("num")  # "over three years" is a span of time, not a bound
    value = _value(group("num"), group("scale"))
    if value is None:
        return None
    unit = _unit(match)
    if group("sub"):
        value /= 100
    if group("minus") and group("temp"):
        value = -value
    if group("rate"):
        if unit is None:
            end = match.start("rate")
        else:
            rate = _clean(group("rate")).lstrip("/").lower()
            unit = f"{unit} per {rate.split(' ', 1)[1] if ' ' in rate else rate}"
    if unit is None and (group("scale") or "").strip() == "m" and is_metres(text, end):
        # A bare "m" is metres ("a 3m wall", "100m freestyle") unless millions are counted.
        value, unit = (_value(group("num"), None) or 0.0), "m"
    surface = _clean(text[start:end])
    if unit is not None:
        if group("words") and group("num").lower() == "one" and unit == "days":
            return None  # "one day" is an idiom more often than a duration
        exact = bool(group("range") or group("hyphen"))
        return _Found(start, end, surface, value, unit, exact=exact)
    return _unitless(text, match, start, end, value)


def _unit(match: re.Match[str]) -> str | None:
    """The unit a number's match carries: currency, percent, measure, duration."""
    group = match.group
    if group("cur") or group("cursign"):
        return CURRENCY_PREFIXES[group("cur") or group("cursign")]
    if group("curword"):
        word = _clean(group("curword")).lower()
        if word in ("pound", "pounds") and not group("scale"):
            return "lb"  # see units.CURRENCY_WORDS
        return CURRENCY_WORDS[word]
    if group("sub"):
        return SUBUNITS[group("sub").strip().lower()]
    if group("point") and group("fraction"):
        return "percentage points"
    if group("votes"):
        return "votes"
    if group("percent"):
        return "percentage points" if "point" in group("percent").lower() else "%"
    if group("temp"):
        return "°F" if group("temp").rstrip().lower().endswith(("f", "fahrenheit")) else "°C"
    if group("measure"):
        return MEASURES[_clean(group("measure")).lower()]
    if group("time"):
        return TIME_UNITS[group("time").lower()]
    if group("clock"):
        return "hours"
    if group("hyphen"):
        base = group("hyphen").lower().rstrip("s").removesuffix("-old").rstrip("s")
        return TIME_UNITS.get(base) or MEASURES.get(base, base)
    if group("aged") or (group("approx") and group("approx").lower() in AGE_WORDS):
        return "years"
    return None


def _unitless(text: str, match: re.Match[str], start: int, end: int, value: float) -> _Found | None:
    """A number without unit: a year, score, age, ratio, or a count of something."""
    group = match.group
    surface = _clean(text[start:end])
    digits = group("digits")
    counts = counts_after(text, end)
    if digits and _YEAR_ONLY.fullmatch(digits) and not group("scale"):
        second = group("num2")
        if second and not _YEAR_END.fullmatch(second):
            return None
        if not (group("approx") or group("plus")) or counts is None:  # "2000+ courses"
            return _Found(start, end, surface, value, "year")
    if group("range") and counts is None and _is_score(match):
        return _Found(start, end, surface, None, "score")
    if (
        digits
        and len(digits) <= 2
        and not group("approx")
        and not group("range")
        and _APPOSITION_AGE.search(text, max(0, start - 40), start)
        and text.startswith(",", end)
    ):
        return _Found(start, end, f"aged {digits}", value, "years")
    if group("ratio") is None and not _counts_as_fact(text, match, start, counts):
        return None
    label = f"{surface} {counts}" if counts else surface
    exact = bool(group("range"))
    bare = bool(not counts and not exact and digits and value >= 100)
    return _Found(start, end, label, value, None, counts, exact=exact, bare=bare)


def _named_before(text: str, start: int) -> bool:
    """Whether a name stands right before the number, as in "Boeing 737" or "iPhone 15"."""
    word = word_before(text, start)
    if word is None:
        return False
    if word.lower() in _FREE_BEFORE or word.rstrip(".").lower() in MONTHS:
        return False
    if word.endswith(".") and "." not in word[:-1]:
        return False  # the end of a sentence, not an abbreviation such as "H.R."
    return not word.islower() and not word.endswith(("'", "\u2019", "'s", "\u2019s"))


def _value(number: str, scale: str | None) -> float | None:
    """The value of a number's text with its scale ("2.5", "m" -> 2.5e6)."""
    normal = _clean(number).lower()
    ratio = _RATIO.fullmatch(normal)
    if ratio:  # "one in five", "nine out of 10"
        part, whole = (_value(side, None) for side in ratio.groups())
        return part / whole if part is not None and whole else None
    digits = normal[:1].isdigit()
    value = float(_GROUPING.sub("", normal)) if digits else word_value(normal)
    if value is not None and scale:
        value *= SCALES[scale.strip().lstrip("-").lower()]
    return value


def _is_score(match: re.Match[str]) -> bool:
    """Whether a range of two small whole numbers joined by a dash is a score ("3-1")."""
    first, second = match.group("digits"), match.group("num2")
    return bool(
        first
        and second
        and first.isdigit()
        and second.isdigit()
        and len(first) <= 2
        and len(second) <= 2
        and match.group("range").strip(SPACE) in ("-", "\u2013", "\u2014")
        and not match.group("approx")
    )


def _counts_as_fact(text: str, match: re.Match[str], start: int, counts: str | None) -> bool:
    """Whether a number without unit is a fact: digits are; words need what they count."""
    group = match.group
    if group("digits"):
        return True
    if group("fraction"):
        left = (word_before(text, start) or "").lower()
        if left in _ORDINALS:
            return False  # "the second half"
        if left == "by":
            return True  # "rose by a quarter"
        return bool(group("approx")) or text.startswith((" of ", " the "), match.end())
    number = group("num").lower()
    if group("scale") or any(w in number for w in ("hundred", "thousand", "million", "billion")):
        return True
    if number.split()[0] in ("one", "a", "an") and "dozen" not in number:
        return False
    if counts is None and not _OF_PARTS.match(text, match.end()):
        return False
    return (word_before(text, start) or "").lower() not in _DETERMINERS


#: A dash between the ends of a range, whichever the page writes.
_DASHES = re.compile(r"\s*[-\u2010-\u2015\u2212]\s*")


def _key(mention: _Found) -> tuple[object, ...]:
    """Mentions with the same key are the same quantity."""
    if mention.unit == "date" or mention.value is None or mention.exact:
        return (mention.unit, _DASHES.sub("-", mention.label.lower()))  # "3-5" is "3 - 5"
    return (mention.unit, round(mention.value, 6), mention.counts and mention.counts.lower())


def _merge(text: str, found: list[_Found]) -> list[Fact]:
    """One fact per quantity; a bare large number joins the one counted quantity of its
    value ("12,500" after "12,500 troops")."""
    groups: dict[tuple[object, ...], list[_Found]] = {}
    for mention in sorted(found, key=lambda m: m.start):
        groups.setdefault(_key(mention), []).append(mention)
    counted: dict[float | None, list[tuple[object, ...]]] = {}
    for key, mentions in groups.items():
        if mentions[0].unit is None and mentions[0].counts and not mentions[0].exact:
            counted.setdefault(mentions[0].value, []).append(key)
    for key, mentions in list(groups.items()):
        targets = counted.get(mentions[0].value, [])
        if all(m.bare for m in mentions) and len(targets) == 1:
            groups[targets[0]].extend(groups.pop(key))
    facts = []
    contexts = Contexts(text)
    for mentions in groups.values():
        mentions.sort(key=lambda m: m.start)
        # the label as prose writes it: "10 books" rather than a headline's "10 Books"
        telling = [m for m in mentions if m.counts] or mentions
        best = next((m for m in telling if (m.counts or "").islower()), telling[0])
        facts.append(
            Fact(
                kind="number",
                label=best.label,
                mentions=tuple((m.start, m.end) for m in mentions),
                context=contexts.at(mentions[0].start),
                value=best.value,
                unit=best.unit,
                counts=best.counts,
            )
        )
    facts.sort(key=importance)
    return facts
