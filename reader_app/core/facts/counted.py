"""What a number counts: the noun phrase right after it ("65 drones", "Russian troops"), and
whether a bare "3m" is metres."""

from __future__ import annotations

import re

from .number_patterns import SPACE, word_set

# Words after a number that end the search for what it counts.
_STOP = word_set(
    """the a an of in on at to for from by with and or but is are was were be been being have
    has had will would could should may might can did do does said says say that which who as
    than per more less about over under after before since during into out up down off times
    this these those it its their they them he she we you i his her our not no so if then
    there here when where while what how also just only still yet again ago each every such
    other another some any all most many much few several own same too very"""
)
# Verbs in -s that look like plural nouns after a number ("since 2.1 contains the flaw"):
# what a number counts is a noun, never a verb.
_VERBS = word_set(
    """contains includes remains means seems appears becomes exists occurs happens requires
    allows affects applies represents involves continues belongs depends consists makes takes
    gives goes comes gets has does is was says tells adds explains insists argues admits
    announces suggests confirms denies replies urges asks knows thinks believes expects
    wants needs lets puts brings leaves sees seeks reaches grows fell rose dropped climbed
    jumped grew said told
    contained included meant remained became"""
)
_IRREGULAR_PLURALS = word_set(
    """people children men women police staff personnel cattle sheep fish deer aircraft
    media feet teeth geese crew livestock"""
)
# Words between a number and what it counts ("two more robots"), unless "than" follows.
_COMPARATIVES = word_set("more fewer less extra additional further new")
# Words after a bare "3m" that make it metres rather than millions.
_METRE_WORDS = word_set(
    """high tall long wide deep freestyle backstroke breaststroke butterfly medley hurdles
    sprint race relay final dash wall drop fall"""
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019\-]*")


#: The word before a number and a space ("Boeing 737"), looked for within this many
#: characters, from its first ASCII letter on.
_LEFT_REACH = 40
_LEFT_WORD = re.compile(r"([A-Za-z][\w'\u2019\-.]*)[ \u00a0]$")
_WORD_CHARS = re.compile(r"[\w'\u2019\-.]*")
_LETTER = re.compile(r"[A-Za-z]")


def word_before(text: str, start: int) -> str | None:
    """The word before ``text[start]`` and a space, if any: what ``_LEFT_WORD`` finds
    within ``_LEFT_REACH`` characters, read from the right (its word characters as a
    prefix of the reversed text) rather than tried at every character."""
    low = max(0, start - _LEFT_REACH)
    last = text[start - 1 : start]
    if last == "\n":  # "$" also matches before a line break that ends what is searched
        left = _LEFT_WORD.search(text, low, start)
        return left.group(1) if left else None
    if last not in (" ", "\u00a0"):
        return None
    window = text[low : start - 1]
    run = _WORD_CHARS.match(window[::-1])
    letter = _LETTER.search(window, len(window) - run.end()) if run else None
    return window[letter.start() :] if letter else None


def _following_words(text: str, end: int) -> list[str]:
    """Up to four words after ``end``, stopping at punctuation or a line break."""
    words: list[str] = []
    position = end
    while len(words) < 4:
        gap = position
        while gap < len(text) and text[gap] in SPACE:
            gap += 1
        word = _WORD.match(text, gap) if gap > position else None
        if word is None:
            break
        words.append(word.group())
        position = word.end()
    return words


def is_metres(text: str, end: int) -> bool:
    """Whether a bare "3m" is metres: no counted noun follows, or a word of size or sport."""
    words = _following_words(text, end)
    if not words or words[0].lower() in _METRE_WORDS:
        return True
    return counts_after(text, end) is None and not words[0][:1].isupper()


def _is_plural(word: str) -> bool:
    lower = word.lower()
    if lower in _IRREGULAR_PLURALS:
        return True
    return (
        len(lower) > 3
        and lower.endswith("s")
        and not lower.endswith(("ss", "us", "is", "'s", "\u2019s"))
        and lower not in _STOP
        and lower not in _VERBS
    )


def _ends_phrase(words: list[str], index: int) -> bool:
    """Whether ``words[index]`` is a plural that ends the noun phrase: not a noun in "-ics"
    before another plural ("15 Data Analytics Tools", "physics lessons")."""
    return _is_plural(words[index]) and not (
        words[index].lower().endswith("ics") and index + 1 < len(words)
        and _is_plural(words[index + 1])
    )


def counts_after(text: str, end: int) -> str | None:
    """What a number counts: the noun phrase right after it ("Russian troops"; after digits
    also "best GPS watches" and, in a title, "Best Mirrorless Cameras"), if any."""
    words = _following_words(text, end)
    # after digits only: capitals after a written number are a name ("Four Seasons")
    digits = end > 0 and text[end - 1].isdigit()
    plural = next((i for i in range(len(words)) if _ends_phrase(words, i)), len(words))
    titled = digits and len(words) > 1 and all(word[:1].isupper() for word in words[: plural + 1])
    for index, word in enumerate(words):
        lower = word.lower()
        if lower in _COMPARATIVES and words[index + 1 : index + 2] != ["than"]:
            continue
        if lower in _STOP or lower in _VERBS:
            return None
        if _ends_phrase(words, index) and (word.islower() or index > 0 or titled):
            return " ".join(words[: index + 1])
        demonym = word[:1].isupper() and word.endswith(("an", "ese", "ish", "i"))
        acronym = digits and 2 <= len(word) <= 5 and word.isupper()
        if not (word.islower() or demonym or acronym or titled):
            return None
    return None
