"""Things the tagger reads as people, told by how the article names them. A "person" an
article names often and only ever by one word, with nothing around any of its mentions that
only a person has, is a brand, a product or a place of business ("Garmin Forerunner 970",
"Skyscanner", "Hertz", "Tucker's Onion Burgers"): well-edited prose introduces a person by
their full name, a title or their words. So is a name met as a thing's ("the Raspberry Pi",
"Al's Moving"), before a model's number ("Gregory Maven 65 Pack") or ending in a common word
it never goes by ("Avis Car Rental"); and a "place" someone has is a product."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from .common_words import written_lowercase
from .cues import FUNCTION_WORDS, PERSON_NOUNS, SPEECH_VERBS, TITLE_WORDS
from .lexicon import Lexicon

#: Mentions from which a one-word name with no person's cue is taken for no person; a name
#: met once or twice may be a surname whose full name the article left out.
MIN_MENTIONS = 3
_WORD_BEFORE = re.compile(r"([^\W\d_][\w.\u2019'-]*) +$")  # spaces only between: not "That said,"
_WORD_AFTER = re.compile(r"\W*?([^\W\d_]\w*)")
_POSSESSED = re.compile(r"[\u2019']s\s+([^\W\d_]+)")
#: What only a person has, after a possessive: kin and these ("Sunak's government").
_OWN = PERSON_NOUNS | {
    "government", "administration", "cabinet", "campaign", "presidency", "aides", "allies",
    "family", "career", "death", "lawyer", "lawyers", "spokesman", "spokeswoman",
}
#: A pronoun only a person takes, in the rest of the mention's sentence.
_PRONOUN = re.compile(r"\b(?:he|she|his|her|him|himself|herself)\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?\n]")
_CONTEXT = 80  # characters read either side of a mention
#: A capitalised word and the word after it on its line (overlapping pairs).
_PAIR = re.compile(r"\b([^\W\d_]+)(?=[ \"\u201d'\u00a0]{1,3}([^\W\d_][\w-]*))")


def unintroduced(text: str, spans: Sequence[tuple[int, int]], lex: Lexicon) -> bool:
    """Whether the person of ``spans`` is named only by one word that is no given name, at
    ``MIN_MENTIONS`` places or more, none with a person's cue around it: a title before it
    (but before a common word the text also writes in lowercase: "Mr. Coffee", a brand),
    a verb of speech beside it, kin or a government after it ("'s wife", "'s cabinet"), a
    personal pronoun after it in its sentence or an "@" before it (a user's handle); nor
    where a line of the text writes a given name before the word. One longer form met once
    whose other words are common words ("Hostinger Cost" of a table's heading, "Visit
    Budlong") introduces no one."""
    surfaces = [text[start:end] for start, end in spans]
    longer = [form for form in surfaces if " " in form]
    words = set(surfaces) - set(longer)
    if (
        len(surfaces) - len(longer) < MIN_MENTIONS or len(longer) > 1
        or any(word.lower() in lex.given_names for word in words)
        or any(not _common_beside(form, words, lex) for form in longer)
    ):
        return False
    titled = not any(written_lowercase(text, word) for word in words)  # not "Mr. Coffee"
    return not any(
        _person_cue(text, start, end, titled) for start, end in spans
    ) and words.isdisjoint(_after_given_names(text, lex))


#: A model's designation right after a maker's name: a word with a digit, no decimal and no
#: long number ("Genesis GV60", "Bosch 800 Series", "Ninja CE250", "Belkin 2-Port"; not an
#: author's "3.83 avg rating", nor a phone number after a user's handle), or a capitalised
#: word and a number ("Brooks Caldera 8", "Hoka Clifton 10").
_MODEL = re.compile(
    r"[ \u00a0](?:(?=[A-Za-z-]*\d)(?!\d+[.,]\d|\d{6})[A-Z0-9][A-Za-z0-9-]*\b"
    r"|[A-Z][a-z]+[ \u00a0]\d{1,3}(?![\w%]|[.,]\d))"
)


#: A model's number right after a full name: "Gregory Maven 65 Pack", "Claude Opus 4.5",
#: "Osprey Renn 65"; not a time, a rating or a score ("Malcolm Owen 1 year ago", "Iggy
#: Gonzalez 5.0 out of 5 stars", "Rory McIlroy 65 strokes").
_NUMBER_AFTER = re.compile(
    r"[ \u00a0]\d{1,3}(?:\.\d)?(?![\w%:/.,\u2032\u2033'\"-])(?![ \u00a0]+(?:years?|months?|weeks?"
    r"|days?|hours?|hrs?|minutes?|mins?|seconds?|out|of|points?|pts|strokes?|votes?|stars?"
    r"|reviews?|ratings?|likes?|comments?|replies)\b)"
)


def modelled(text: str, spans: Sequence[tuple[int, int]]) -> bool:
    """Whether the person of ``spans`` is named only by one word, which the text writes
    right before a model's designation once at least: a maker ("Genesis GV60"), a product
    line ("Scarlett 2i2"); or is named in full right before a model's number once at least
    ("Gregory Maven 65 Pack", "Claude Opus 4.5")."""
    words = {text[start:end] for start, end in spans}
    if any(" " in word for word in words):
        return any(" " in text[start:end] and _NUMBER_AFTER.match(text, end)
                   for start, end in spans)
    return any(re.search(rf"\b{re.escape(word)}{_MODEL.pattern}", text) for word in words)


#: Words that make what follows them a thing, not a person: "a Tiny House", "our Tiny House".
#: Not "the": "the Trump administration".
_DETERMINERS = frozenset(
    {"a", "an", "our", "my", "your", "their", "this", "that", "these", "those", "every", "each"}
)
_DETERMINER_BEFORE = re.compile(r"(?<![\w'\u2019-])([^\W\d_]+) +$")


def determined(text: str, spans: Sequence[tuple[int, int]], lex: Lexicon) -> bool:
    """Whether a "person" named ``MIN_MENTIONS`` times or more, in words that open text
    mostly writes in lowercase, follows at least half of those times a word that makes a
    thing of what follows it ("life in a Tiny House", "we love our Tiny House"): no one is
    named so that often. "A Marlon Brando" is still someone."""
    if len(spans) < MIN_MENTIONS:
        return False
    start, end = spans[0]
    if not all(lex.mostly_lower(word) for word in text[start:end].split()):
        return False
    found = 0
    for start, _end in spans:
        before = _DETERMINER_BEFORE.search(text, max(0, start - 12), start)
        if before and before.group(1).lower() in _DETERMINERS:
            found += 1
    return 2 * found >= len(spans)


_THING_DETERMINERS = _DETERMINERS | {"his", "her"}
#: The word right after a name, or joined to it by a hyphen ("an Austin-based agency").
_NEXT_WORD = re.compile(r"(?: +|-)(\w+)")


def owned(text: str, spans: Sequence[tuple[int, int]]) -> bool:
    """Whether a "place" named ``MIN_MENTIONS`` times or more is, at a third of those times
    at least, a thing someone has: right after "a", "my" or the like, or after one of them
    and a word in lowercase, and before no word it qualifies ("I use a Hamilton Beach (model
    29882)", "before my older Hamilton Beach,"): a product of that name. "My Midlands
    garden", "a Chicago Apartment", "an Austin-based agency", "bringing this to Alaska" and
    "the Hamilton Beach boardwalk" name the place."""
    if len(spans) < MIN_MENTIONS:
        return False
    found = 0
    for start, end in spans:
        window = max(0, start - 24)
        before = _WORD_BEFORE.search(text, window, start)
        if before and before.group(1).islower() and before.group(1) not in FUNCTION_WORDS:
            before = _WORD_BEFORE.search(text, window, before.start())  # "my older"
        after = _NEXT_WORD.match(text, end)
        qualifies = after is not None and after.group(1).lower() not in FUNCTION_WORDS
        if before and before.group(1).lower() in _THING_DETERMINERS and not qualifies:
            found += 1
    return 3 * found >= len(spans)


#: Words after "the NAME" that leave it a thing's name ("the Mona Lisa was", "the Fellow
#: Opus in"): function words and the verbs that help others. Another word in lowercase is
#: one the name qualifies ("the Ken Burns effect"), as is what "of" or "and" joins to it
#: ("the Jane Austen of design", "the Robert MacDonald and Jeremy Sams translation").
_AFTER_THING = (FUNCTION_WORDS | {
    "is", "are", "was", "were", "be", "been", "has", "have", "had", "does", "did", "do",
    "can", "could", "will", "would", "shall", "should", "may", "might", "must",
}) - {"of", "and", "or"}
_THE_BEFORE = re.compile(r"(?<![\w'\u2019-])[Tt][Hh][Ee] +$")


def the_thing(text: str, spans: Sequence[tuple[int, int]]) -> bool:
    """Whether a "person" is named in full (two words or more) right after "the" at half of
    its mentions at least, each of those times qualifying no word after it: a thing named
    like someone ("the Raspberry Pi", "the Glen Canyon Dam", "the Fellow Opus, but"). "The
    John Wick video game", "the Jane Austen of design" and "the Tsar" (a title, one word)
    name someone."""
    found = 0
    for start, end in spans:
        if " " not in text[start:end] or not _THE_BEFORE.search(text, max(0, start - 5), start):
            continue
        after = _NEXT_WORD.match(text, end)
        word = after.group(1) if after else ""
        if not text.startswith(" &", end) and (not word.islower() or word in _AFTER_THING):
            found += 1
    return found > 0 and 2 * found >= len(spans)


#: Words that open a surname of two ("Le Pen", "De Niro", "van Gogh", "bin Salman").
SURNAME_PARTICLES = frozenset({
    "de", "da", "di", "do", "dos", "du", "del", "della", "der", "den", "van", "von", "le",
    "la", "al", "bin", "ter", "ten",
})


def common_last_word(text: str, spans: Sequence[tuple[int, int]], lex: Lexicon) -> bool:
    """Whether a "person" named in three capitalised words or more (or in two, at
    ``MIN_MENTIONS`` places or more or opening with a common word too) ends in a word that
    open text mostly writes in lowercase, of three letters or more, that is no surname, and
    the article never names it by that word alone: a firm named for its founder, a product
    or a place named like someone ("Pamela Hope Design", "Avis Car Rental", "Emily Ruth
    Bag", "Claude Code" named ten times, "Candy Crush"). "Nancy Lee Bass" ends in a surname;
    "Chris De Sa", "Marguerita M. Cheng of Annuity" and "Chuck Close" named once stay
    people, and so does a surname after a particle ("Marine Le Pen", "Le Pen")."""
    forms = [text[start:end] for start, end in spans]
    words = max(forms, key=lambda form: len(form.split())).split()
    last = words[-1]
    return (
        (len(words) > 2 or len(spans) >= MIN_MENTIONS or lex.mostly_lower(words[0]))
        and len(last) > 2
        and not (len(words) > 1 and words[-2].lower() in SURNAME_PARTICLES)
        and all(word[0].isupper() for word in words)
        and lex.mostly_lower(last) and last.lower() not in lex.surnames and last not in forms
    )


#: A possessive before a capitalised word: "Harry's Berries", "Al's Moving and Storage".
_NAMES_A_THING = re.compile(r"[\u2019']s[ \u00a0]+[A-Z]")


def possessed_name(text: str, spans: Sequence[tuple[int, int]], lex: Lexicon) -> bool:
    """Whether a "person" is named only by a given name, each time as the possessive that
    opens a capitalised name: a business, a product, a place or a work named for someone
    ("Al's Moving and Storage", "Bob's Red Mill", "Martha's Vineyard", "Angela's Ashes").
    "Obama's Cabinet" and "Nabokov's Lolita" name their man."""
    return all(
        (word := text[start:end]).lower() in lex.given_names and " " not in word
        and _NAMES_A_THING.match(text, end) for start, end in spans
    )


def _common_beside(form: str, words: set[str], lex: Lexicon) -> bool:
    """Whether the words of ``form`` but the name's own are words open text mostly writes in
    lowercase ("Hostinger Cost", "Visit Budlong"; not "Horst Eidenmüller")."""
    return all(w in words or lex.mostly_lower(w) for w in form.split())


@lru_cache(maxsize=1)
def _after_given_names(text: str, lex: Lexicon) -> frozenset[str]:
    """The words that a line of ``text`` writes after a capitalised given name, which the
    tagger did not take for one name with it ("James Whitman \"Jim\" McLamore"): read in
    one pass, for every name of the text at once."""
    return frozenset(
        match.group(2) for match in _PAIR.finditer(text)
        if (given := match.group(1))[0].isupper() and given.lower() in lex.given_names
        and not lex.mostly_lower(given)
    )


def _person_cue(text: str, start: int, end: int, titled: bool) -> bool:
    if text[max(0, start - 2) : start].strip().endswith("@"):
        return True  # a user's handle: "@JoeCFD", "(@ SimoLove)"
    before = _WORD_BEFORE.search(text, max(0, start - _CONTEXT), start)
    if before:
        word = before.group(1).lower()
        if word in ("a", "an"):
            return False  # "won a Michelin star for his menu": a thing's name, whoever "his" is
        if (titled and word.rstrip(".") in TITLE_WORDS) or word in SPEECH_VERBS:
            return True
    after = text[end : end + _CONTEXT]
    possessed = _POSSESSED.match(after)
    if possessed and possessed.group(1).lower() in _OWN:
        return True
    following = _WORD_AFTER.match(after)
    if following and following.group(1).lower() in SPEECH_VERBS:
        return True
    stop = _SENTENCE_END.search(after)
    return bool(_PRONOUN.search(after, 0, stop.start() if stop else len(after)))


__all__ = [
    "MIN_MENTIONS", "common_last_word", "determined", "owned", "possessed_name", "the_thing",
    "unintroduced",
]
