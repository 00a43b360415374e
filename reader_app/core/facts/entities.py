"""People, places and organisations: capitalised spans classified by cues and lexicons.

Two passes over the capitalised runs of the text. The first classifies each run of running
prose by what surrounds it (titles, speech verbs, appositions, place prepositions,
organisation heads) and by the lexicons; anything without enough evidence is left out.
The second finds the names the first pass established wherever else they occur (headlines,
sentence starts, a bare surname) and merges each name's forms into one fact.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable

from .cues import (
    COMMON_WORDS,
    COMPASS,
    DEMONYMS,
    DISTRICT_ORG_LEADS,
    FUNCTION_WORDS,
    HONORIFICS,
    KNOWN_ORG_NAMES,
    KNOWN_ORGS,
    LIST_ORG_LEADS,
    NAME_CONNECTORS,
    NAME_PARTICLES,
    NEWSPAPER_HEADS,
    NOT_PERSON_HEADS,
    ORG_ALIASES,
    ORG_HEADS,
    ORG_LEADS,
    ORG_ROLES,
    PERSON_NOUNS,
    PLACE_HEADS,
    PLACE_LEADS,
    PLACE_NOUNS,
    PLACE_PREPOSITIONS,
    PLACE_TAILS,
    SITE_NOUNS,
    SPEECH_VERBS,
    TITLE_MODIFIERS,
    TITLE_PHRASES,
    TITLES,
)
from .lexicon import Lexicon, lexicon
from .model import Fact, FactKind, importance, sentence_at
from .tokens import Token, ampersand, capitalised_runs, joined, tokenize

PERSON: FactKind = "person"
PLACE: FactKind = "place"
ORGANISATION: FactKind = "organisation"

Span = tuple[int, int, FactKind]  # token indices [i, j) and kind

_DEMONYMS_LOWER = frozenset(d.lower() for d in DEMONYMS)
_TITLE_WORDS = TITLES | HONORIFICS
_NOT_NAME = COMMON_WORDS | ORG_HEADS | NOT_PERSON_HEADS | _DEMONYMS_LOWER | _TITLE_WORDS
_APPOSITION = re.compile(
    r",\s+(?:who\b|aged\s+\d|\d{1,3},|(?:[\w\u2019'-]+\s+){0,4}?(?P<noun>[\w-]+)\s*[,.;])"
)
_DATELINE_END = re.compile(r"\s*[\u2014\u2013-]\s|,\s|\s\(")
_PREPOSITIONS = PLACE_PREPOSITIONS | {"of", "for", "by", "with", "on", "about", "against"}
_SPEECH_BEFORE = frozenset({"said", "says", "added", "wrote", "asked"})
_MAX_NAME = 5
# "Upton-upon-Severn", "Southend-on-Sea", "Newcastle-under-Lyme": shaped as places only are
_PLACE_SHAPE = re.compile(
    r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?-(?:upon|on|under|in|by|le|la|sur|en|am|an|super|next)"
    r"-(?:the-)?[A-Z][a-z]+"
)
# A name used this often after a place preposition, and never as a person's, is a place
# ("in Kelbridge", "near Kelbridge"), even when no lexicon knows it.
_PLACE_CUE_REPEATS = 3
_REPEAT_PREPOSITIONS = frozenset({"in", "near", "outside", "across", "around", "throughout"})
_MAX_RUN = 12  # longer capitalised runs are headline-case text, not one name


def _bare(token: Token) -> str:
    """The token lowercased without a final full stop; acronyms ("US", "IT") kept as they are,
    so that they are not taken for the words they spell."""
    if len(token.text) > 1 and token.text.isupper():
        return token.text
    return token.lower.rstrip(".")


def _key(surface: str) -> str:
    return surface.replace("\u2019", "'").replace(".", "")


class _Recogniser:
    """The state of one run of the recogniser over one text."""

    def __init__(self, text: str, tokens: list[Token], lex: Lexicon) -> None:
        self.text = text
        self.tokens = tokens
        self.lex = lex
        self.lowercase = frozenset(t.lower for t in tokens if not t.capitalised)
        self.standalone: dict[str, int] = {}

    def count_standalone(self, runs: list[tuple[int, int]]) -> None:
        """Count the capitalised words of the prose used alone as surnames are: after a
        title ("Mr Starmer"), before a speech verb ("Starmer said") or a possessive
        ("Starmer's spokesman")."""
        tokens = self.tokens
        for i, j in runs:
            if tokens[i].restricted:
                continue
            if j - i == 2 and _bare(tokens[i]) in _TITLE_WORDS:
                word = tokens[i + 1].text
            elif j - i == 1 and (
                self.speech_cue(j)
                or self.text[tokens[i].end : tokens[i].end + 2] in ("'s", "\u2019s")
            ):
                word = tokens[i].text
            else:
                continue
            self.standalone[word] = self.standalone.get(word, 0) + 1

    # --- helpers -------------------------------------------------------------------------
    def name(self, i: int, j: int) -> str:
        return self.text[self.tokens[i].start : self.tokens[j - 1].end]

    def is_strong_place(self, i: int, j: int) -> bool:
        return self.name(i, j) in self.lex.strong_places

    def is_known_org(self, i: int, j: int) -> bool:
        name = self.name(i, j)
        return name in KNOWN_ORGS or name in KNOWN_ORG_NAMES

    def is_org(self, i: int, j: int) -> bool:
        if self.is_known_org(i, j):
            return True
        if j - i < 2:
            return False
        words = self.tokens[i:j]
        if any(ampersand(self.text, a, b) for a, b in itertools.pairwise(words)):
            return True
        if self.is_strong_place(j - 1, j) and self.is_org(i, j - 1):
            return True
        if _bare(words[-1]) == "district" and _bare(words[-2]) in DISTRICT_ORG_LEADS:
            return True  # "Business Improvement District", "Unified School District"
        joins = [k for k in range(1, len(words)) if words[k].lower in ("of", "for", "on")]
        if joins and _bare(words[joins[0] - 1]) not in ORG_LEADS:
            return False
        if _bare(words[-1]) in ORG_HEADS or self.is_team(i, j):
            return True
        return any(
            _bare(words[k]) in ORG_LEADS and words[k + 1].lower in ("of", "for", "on")
            for k in range(len(words) - 2)
        )

    def is_team(self, i: int, j: int) -> bool:
        """A place and a plural: "Boston Celtics", "Memphis Grizzlies"."""
        last = self.tokens[j - 1]
        place = self.name(i, j - 1)
        return (
            j - i >= 2
            and (place in self.lex.strong_places or place in self.lex.weak_places)
            and not self.given_name(self.tokens[i])
            and len(last.text) > 3
            and last.text.endswith("s")
            and not last.text.endswith("ss")
            and not last.text.isupper()
            and _bare(last) not in _NOT_NAME
        )

    def is_dateline(self, i: int, j: int) -> bool:
        """"LOS ANGELES —": a place in capitals opening a paragraph."""
        tokens = self.tokens
        start, end = tokens[i].start, tokens[j - 1].end
        if not all(t.text.isupper() for t in tokens[i:j]):
            return False
        if start > 0 and self.text[start - 1] != "\n":
            return False
        if not _DATELINE_END.match(self.text, end):
            return False
        name = self.name(i, j).title()
        if name in self.lex.weak_places and self.text[end : end + 2] == ", ":
            # "COLUMBUS, Ohio —": an ambiguous name, placed by the region after it
            return self.place_cue(i, j)
        return name in self.lex.strong_places

    def is_feature(self, i: int, j: int) -> bool:
        """A named geographic feature or site: "Hyde Park", "Kursk Oblast"."""
        words = self.tokens[i:j]
        if len(words) < 2 or not all(t.capitalised for t in words):
            return False
        if words[0].lower in PLACE_LEADS:
            return True
        if words[0].lower in COMPASS and self.is_strong_place(i + 1, j):
            return True
        return (
            _bare(words[-1]) in PLACE_HEADS
            and words[0].lower not in COMMON_WORDS
            and words[0].lower not in self.lex.given_names
            and not any(_bare(t) in ORG_HEADS for t in words)
        )

    def site_name(self, i: int, j: int) -> bool:
        """A one-word place name opening a site's name without a place cue ("Riverside car
        park will close"): the name of the site, not the place."""
        after = self.next_word(j)
        return (
            j - i == 1
            and after is not None
            and after.lower in SITE_NOUNS
            and not self.place_cue(i, j)
        )

    def name_like(self, i: int, j: int) -> bool:
        """Whether tokens [i, j) can be a personal name."""
        words = self.tokens[i:j]
        core = [t for t in words if t.capitalised]
        if not core or len(core) > 4 or not words[0].capitalised or not words[-1].capitalised:
            return False
        for t in words:
            if not t.capitalised and t.lower not in NAME_PARTICLES:
                return False
            acronym = t.text.isupper() and not t.text.endswith(".")
            if t.capitalised and (_bare(t) in _NOT_NAME or acronym or t.text in KNOWN_ORGS):
                return False
            if len(t.text) == 1:  # "Gen Z", "Plan B": initials carry a full stop
                return False
        return True

    def plain_words(self, i: int, j: int) -> bool:
        """Whether a word of [i, j) (bar a leading given name) is used lowercase in the text,
        as ordinary words are and surnames seldom are ("Retail Consortium", "Cal Fire")."""
        start = i + 1 if self.given_name(self.tokens[i]) else i
        return any(t.capitalised and t.lower in self.lowercase for t in self.tokens[start:j])

    def given_name(self, token: Token) -> bool:
        """A given name of the lexicon, or a hyphenated pair starting with one ("Jean-Pierre")."""
        names = self.lex.given_names
        return token.lower in names or token.lower.partition("-")[0] in names

    def initial_word(self, i: int, j: int) -> bool:
        """A sentence-initial word that is an ordinary word of the text, not a name."""
        t = self.tokens[i]
        if not t.sentence_start or t.lower not in self.lowercase:
            return False
        if j - i < 2:
            return True
        if t.lower in self.lex.given_names or self.is_strong_place(i, i + 1):
            return False
        return not any(
            self.is_strong_place(i, k) or self.name(i, k) in KNOWN_ORG_NAMES
            for k in range(i + 2, min(j, i + _MAX_NAME) + 1)
        )

    def previous_word(self, i: int, back: int = 1) -> Token | None:
        k = i - back
        if k < 0:
            return None
        for m in range(k, i):
            if not joined(self.text, self.tokens[m], self.tokens[m + 1]):
                return None
        return self.tokens[k]

    def next_word(self, j: int) -> Token | None:
        if j >= len(self.tokens) or not joined(self.text, self.tokens[j - 1], self.tokens[j]):
            return None
        return self.tokens[j]

    # --- cues ----------------------------------------------------------------------------
    def person_cue(self, i: int, j: int) -> bool:
        gap = self.text[self.tokens[i - 1].end : self.tokens[i].start] if i > 0 else ""
        if j - i >= 2 and gap == ", ":
            noun = self.tokens[i - 1].lower
            if noun in TITLES or noun in PERSON_NOUNS:
                return True
        before = self.previous_word(i)
        if before is not None and not before.capitalised:
            if before.lower in TITLES or before.lower in PERSON_NOUNS:
                return True
            if before.lower in _SPEECH_BEFORE and j - i >= 2:
                return True
            two = self.previous_word(i, 2)
            if two is not None and f"{two.lower} {before.lower}" in TITLE_PHRASES:
                return True
            if before.lower == "to" and two is not None and two.lower == "according":
                return j - i >= 2
        match = _APPOSITION.match(self.text, self.tokens[j - 1].end) if j - i >= 2 else None
        if match:
            noun = match.group("noun")
            return noun is None or noun.lower() in TITLES or noun.lower() in PERSON_NOUNS
        return False

    def surname_used(self, i: int, j: int) -> bool:
        """A full name whose last word stands alone elsewhere in the prose, as surnames do."""
        first, last = self.tokens[i], self.tokens[j - 1]
        if first.sentence_start or j - i > 3:
            return False
        if self.name(i, i + 1) in self.lex.weak_places or self.is_strong_place(j - 1, j):
            return False
        return self.standalone.get(last.text, 0) > 0

    def speech_cue(self, j: int) -> bool:
        after = self.next_word(j)
        return after is not None and after.lower in SPEECH_VERBS

    def place_noun_cue(self, i: int) -> bool:
        """A place noun before "of": "the village of X", "the town of X"."""
        of, noun = self.previous_word(i), self.previous_word(i, 2)
        return of is not None and of.lower == "of" and noun is not None and (
            noun.lower in PLACE_NOUNS
        )

    def for_place(self, i: int, j: int, before: Token | None) -> bool:
        """Whether "for" stands before a town that is no given name nor a word of the text
        ("options for Evesham"): a cue for the lexicon's weak places only."""
        return (
            before is not None
            and before.lower == "for"
            and not self.given_name(self.tokens[i])
            and not any(t.lower in self.lowercase for t in self.tokens[i:j])
        )

    def place_cue(self, i: int, j: int) -> bool:
        before = self.previous_word(i)
        if before is not None and before.lower in ("and", "or"):
            k = i - 2
            while k > 0 and self.tokens[k].capitalised and self.tokens[k - 1].capitalised:
                k -= 1
            if k >= 0 and self.tokens[k].capitalised:
                if self.place_noun_cue(k):  # "the villages of Wiveliscombe and Milverton"
                    return True
                before = self.previous_word(k)
        if before is not None and before.lower == "the":
            before = self.previous_word(i, 2)
        if before is not None and before.lower in PLACE_PREPOSITIONS:
            return True
        rest = self.text[self.tokens[j - 1].end : self.tokens[j - 1].end + 2]
        if rest == ", " and j < len(self.tokens):
            tokens = self.tokens
            k = j
            while k + 1 < len(tokens) and joined(self.text, tokens[k], tokens[k + 1]):
                if self.is_strong_place(j, k + 2):
                    return True
                k += 1
            return self.is_strong_place(j, j + 1)
        return False

    # --- first pass ----------------------------------------------------------------------
    def classify(self, i: int, j: int) -> list[Span]:
        """The entities in the capitalised run [i, j) of running prose."""
        tokens = self.tokens
        if i >= j:
            return []
        if j - i > _MAX_RUN:
            found: list[Span] = []
            begin = i
            for k in [*(k for k in range(i, j) if not tokens[k].capitalised), j]:
                if 0 < k - begin <= _MAX_RUN:
                    found += self.classify(begin, k)
                begin = k + 1
            return found
        if "," in self.name(i, j):  # a name holding a list, made one run by _merge_listed_orgs
            return [(i, j, ORGANISATION)]
        if j - i == 2 and tokens[i].text == "The" and tokens[i + 1].lower in NEWSPAPER_HEADS:
            return [(i, j, ORGANISATION)]
        if self.is_dateline(i, j):
            return [(i, j, PLACE)]
        if tokens[i].text == "The" and self.previous_word(i) is not None:
            # "Warner's The Batman": a title of a work, unless known whole ("The Hague")
            if self.is_strong_place(i, j):
                return [(i, j, PLACE)]
            return [(i, j, ORGANISATION)] if self.is_known_org(i, j) else []
        while i < j and (
            _bare(tokens[i]) in FUNCTION_WORDS
            or not tokens[i].capitalised
            or self.initial_word(i, j)
        ):
            i += 1
        while j > i and not tokens[j - 1].capitalised:
            j -= 1
        if i >= j:
            return []
        if self.is_known_org(i, j):
            return [(i, j, ORGANISATION)]
        if self.is_strong_place(i, j):
            return [] if self.site_name(i, j) else [(i, j, PLACE)]
        split = self.split_and(i, j)
        if split is not None:
            return split
        if self.is_org(i, j):
            if j - i >= 3 and tokens[i].sentence_start and _bare(tokens[i]) in ORG_ROLES:
                i += 1  # "Contractor Marlow Civil Engineering expects ..."
            return [(i, j, ORGANISATION)]
        if self.is_feature(i, j):
            return [(i, j, PLACE)]
        titled = self.split_title(i, j)
        if titled is not None:
            return titled
        start = i
        while i < j and (_bare(tokens[i]) in COMMON_WORDS or tokens[i].lower in _DEMONYMS_LOWER):
            if not (tokens[i].sentence_start or tokens[i].lower in _DEMONYMS_LOWER):
                return []  # "Old Goa", "Premium Bonds": a name longer than what is known
            i += 1
        if i != start:
            return self.classify(i, j)
        return self.classify_bare(i, j)

    def split_and(self, i: int, j: int) -> list[Span] | None:
        """Two names joined by "and": "Labour Party and the Kyiv Independent"."""
        tokens = self.tokens
        for k in range(i + 1, j - 1):
            if tokens[k].lower != "and":
                continue
            right = k + 1
            while right < j and not tokens[right].capitalised:
                right += 1
            left_part, right_part = self.classify(i, k), self.classify(right, j)
            both_named = (
                len(left_part) == 1
                and len(right_part) == 1
                and left_part[0][2] != PERSON
                and right_part[0][2] != PERSON
            )
            if _bare(tokens[k - 1]) in ORG_HEADS or self.is_strong_place(i, k) or both_named:
                return left_part + right_part
        return None

    def split_title(self, i: int, j: int) -> list[Span] | None:
        """A title, then a person: "President Joe Biden", "Kyiv Mayor Vitali Klitschko"."""
        tokens = self.tokens
        for k in range(j - 1, i - 1, -1):
            if _bare(tokens[k]) in _TITLE_WORDS and tokens[k].capitalised:
                if k + 1 < j and not self.name_like(k + 1, j):
                    return None
                begin = k
                while begin > i and (
                    _bare(tokens[begin - 1]) in _TITLE_WORDS
                    or tokens[begin - 1].lower in TITLE_MODIFIERS
                    or tokens[begin - 1].lower in NAME_CONNECTORS
                ):
                    begin -= 1
                if k + 1 == j and (
                    begin == i or any(_bare(t) in _TITLE_WORDS for t in tokens[i:begin])
                ):
                    return []  # a job title: "Chief Product Officer", "Deputy Mayor"
                left = self.classify(i, begin) if begin > i else []
                # "US Treasury Secretary", "Kyiv Mayor": the title ends the run
                return left if k + 1 == j else [*left, (k + 1, j, PERSON)]
        return None

    def classify_bare(self, i: int, j: int) -> list[Span]:
        """A run without leading function words, titles or demonyms."""
        tokens = self.tokens
        if all(t.lower in _DEMONYMS_LOWER or not t.capitalised for t in tokens[i:j]):
            return []
        name = self.name(i, j)
        if self.person_cue(i, j) and self.name_like(i, j):
            return [(i, j, PERSON)]
        before_word = self.previous_word(i)
        if name in self.lex.weak_places and (
            self.place_cue(i, j) or self.for_place(i, j, before_word)
        ):
            return [(i, j, PLACE)]
        if self.place_noun_cue(i) and all(_bare(t) not in _NOT_NAME for t in tokens[i:j]):
            return [(i, j, PLACE)]
        if j - i == 1 and _PLACE_SHAPE.fullmatch(tokens[i].text):
            return [(i, j, PLACE)]
        tail = _bare(tokens[j - 1])
        if (
            j - i >= 2
            and self.given_name(tokens[i])
            and self.name_like(i, j)
            and not self.plain_words(i, j)
            and name not in self.lex.weak_places
            and tail not in PLACE_TAILS
        ):
            return [(i, j, PERSON)]
        if (
            j - i == 2
            and tail in PLACE_TAILS
            and tail.endswith("s")
            and self.place_cue(i, j)
            and all(t.capitalised and _bare(t) not in _NOT_NAME for t in tokens[i : j - 1])
        ):
            return [(i, j, PLACE)]  # "to Abbey Meadows", "near Oak Fields"
        before = self.previous_word(i)
        if (
            j - i >= 2
            and self.name_like(i, j)
            and not self.plain_words(i, j)
            and not (before is not None and before.lower in _PREPOSITIONS)
            and (self.speech_cue(j) or self.surname_used(i, j))
        ):
            return [(i, j, PERSON)]
        connectors = [k for k in range(i, j) if not tokens[k].capitalised]
        if connectors and any(tokens[k].lower in NAME_CONNECTORS for k in connectors):
            found: list[Span] = []
            begin = i
            for k in [*connectors, j]:
                if k > begin:
                    found += self.classify(begin, k)
                begin = k + 1
            return found
        return []


def _listed_org(
    rec: _Recogniser, runs: list[tuple[int, int]], index: int
) -> tuple[int, int] | None:
    """The (start, end) of an organisation name holding a list that ends ``runs[index]`` and
    goes on after it: "Department for Environment, Food and Rural Affairs", "Department of
    the Environment, Climate and Communications". Each item before "and" is one capitalised
    word; None when no such name is there."""
    tokens, text = rec.tokens, rec.text
    i, j = runs[index]
    words = [t.lower for t in tokens[i:j]]
    cut = len(words) - (4 if words[-2:-1] == ["the"] else 3)
    if cut < 0 or _bare(tokens[i + cut]) not in LIST_ORG_LEADS:
        return None
    if words[cut + 1] not in ("of", "for") or not tokens[j - 1].capitalised:
        return None
    start = i + cut
    for a, b in runs[index + 1 :]:
        gap = text[tokens[a - 1].end : tokens[a].start]
        items = tokens[a:b]
        if any(
            _bare(tokens[k]) in FUNCTION_WORDS
            or tokens[k].text in KNOWN_ORGS
            or rec.is_strong_place(k, k + 1)
            for k in range(a, b)
            if tokens[k].capitalised
        ):
            return None
        if gap == ", and " and b - a <= 2 and all(t.capitalised for t in items):
            return start, b
        if gap != ", ":
            return None
        if b - a == 1:
            continue
        lowered = [k for k in range(a, b) if not tokens[k].capitalised]
        if [tokens[k].lower for k in lowered] == ["and"] and lowered[0] == a + 1 and b - a <= 4:
            return start, b
        return None
    return None


def _merge_listed_orgs(rec: _Recogniser, runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The runs with each organisation name holding a list made one run ("The" before it
    left a run of its own)."""
    merged: list[tuple[int, int]] = []
    index = 0
    while index < len(runs):
        found = _listed_org(rec, runs, index)
        if found is None:
            merged.append(runs[index])
            index += 1
            continue
        start, end = found
        if start > runs[index][0]:
            merged.append((runs[index][0], start))
        merged.append((start, end))
        while index < len(runs) and runs[index][1] <= end:
            index += 1
    return merged


def _repeated_places(
    rec: _Recogniser, runs: list[tuple[int, int]], found: list[Span]
) -> list[Span]:
    """Single words no lexicon knows, used again and again after a place preposition and
    never as a person's name: the town an article is about ("in Kelbridge"). Captions count:
    a place preposition is a cue there too."""
    tokens = rec.tokens
    taken = {k for i, j, _ in found for k in range(i, j)}
    names = {t.text for i, j, kind in found if kind == PERSON for t in rec.tokens[i:j]}
    cued: dict[str, list[int]] = {}
    rejected: set[str] = set()
    for i, j in runs:
        token = tokens[i]
        if j - i != 1 or i in taken:
            continue
        word = token.text
        before = rec.previous_word(i)
        if (before is not None and _bare(before) in _TITLE_WORDS) or rec.speech_cue(j):
            rejected.add(word)
        elif (
            before is not None
            and before.lower in _REPEAT_PREPOSITIONS
            and not token.sentence_start
            and token.lower not in rec.lowercase
        ):
            cued.setdefault(word, []).append(i)
    return [
        (i, i + 1, PLACE)
        for word, places in cued.items()
        if len(places) >= _PLACE_CUE_REPEATS
        and word not in rejected
        and word not in names
        and word not in rec.standalone
        and word not in KNOWN_ORGS
        and word not in rec.lex.weak_places  # known, and known to be ambiguous ("Mars")
        and not word.isupper()
        and not rec.given_name(tokens[places[0]])
        and _bare(tokens[places[0]]) not in _NOT_NAME
        for i in places
    ]


def _runs_pass_one(rec: _Recogniser, runs: list[tuple[int, int]]) -> list[Span]:
    found: list[Span] = []
    for i, j in runs:
        if rec.tokens[i].restricted:
            continue
        found += rec.classify(i, j)
    found += _repeated_places(rec, runs, found)
    surnames = {
        rec.tokens[j - 1].text for i, j, kind in found if kind == PERSON and j - i >= 2
    }
    # "Belgrano" alone is the general Manuel Belgrano of the text, not the town.
    return [
        (i, j, PERSON) if kind == PLACE and j - i == 1 and rec.tokens[i].text in surnames else
        (i, j, kind)
        for i, j, kind in found
    ]


class _Known:
    """The forms established by the first pass, for finding them again."""

    def __init__(self, rec: _Recogniser, found: list[Span]) -> None:
        self.forms: dict[tuple[str, ...], FactKind] = {}
        self.surnames: dict[str, FactKind] = {}
        self.acronyms: set[str] = set()
        self.rivers: set[str] = set()
        given = rec.lex.given_names
        for i, j, kind in found:
            words = tuple(_key(t.text) for t in rec.tokens[i:j] if t.capitalised)
            self.forms.setdefault(words, kind)
            if kind == PERSON and len(words) >= 2:
                self.surnames.setdefault(words[-1], PERSON)
                if len(words) >= 3 or words[0].lower() not in given:
                    self.surnames.setdefault(words[0], PERSON)
            if kind == PLACE and len(words) == 2 and words[0] == "River":
                self.rivers.add(words[1])
            if kind == ORGANISATION and len(words) >= 2:
                self.acronyms.update(_initials(rec.tokens[i:j]))
                if rec.is_team(i, j):
                    self.forms.setdefault(words[-1:], ORGANISATION)  # "the Celtics"

    def match(
        self, rec: _Recogniser, i: int, j: int, in_org: bool
    ) -> tuple[int, FactKind] | None:
        """The longest known form starting at token ``i`` within [i, j): (end, kind).
        ``in_org``: the run holds an organisation head, so towns in it are not looked up."""
        tokens = rec.tokens
        for end in range(min(j, i + _MAX_NAME), i, -1):
            words = tuple(_key(t.text) for t in tokens[i:end])
            kind = self.forms.get(words)
            if kind is not None and tokens[end - 1].capitalised:
                return end, kind
        token = tokens[i]
        word = _key(token.text)
        if word in self.surnames and _bare(token) not in _NOT_NAME:
            return i + 1, PERSON
        if _acronym(token.text) and word.upper() in self.acronyms:
            return i + 1, ORGANISATION
        the = rec.previous_word(i)
        if word in self.rivers and the is not None and the.lower == "the":
            return i + 1, PLACE  # "the Avon" after "River Avon"

        # In headlines and lists, lexicon names too, unless the run names an organisation
        # ("Southern New Hampshire University").
        if token.restricted and not in_org and not rec.initial_word(i, i + 1):
            for end in range(min(j, i + 4), i, -1):
                if _bare(tokens[end - 1]) in COMMON_WORDS:
                    continue
                name = rec.name(i, end)
                if name in KNOWN_ORGS or name in KNOWN_ORG_NAMES:
                    return end, ORGANISATION
                single_word = end - i == 1 and _bare(token) in COMMON_WORDS
                if name in rec.lex.strong_places and not single_word:
                    return end, PLACE
        return None


def _acronym(word: str) -> bool:
    """Two to six letters, at least two of them capitals: "NATO", "MoD"."""
    return 2 <= len(word) <= 6 and word.isalpha() and sum(c.isupper() for c in word) >= 2


def _initials(tokens: Iterable[Token]) -> set[str]:
    words = [t for t in tokens if t.capitalised or t.lower in NAME_CONNECTORS]
    with_connectors = "".join(t.text[0] for t in words).upper()
    without = "".join(t.text[0] for t in words if t.capitalised).upper()
    return {with_connectors, without}


def _pass_two(rec: _Recogniser, runs: list[tuple[int, int]], found: list[Span]) -> list[Span]:
    known = _Known(rec, found)
    covered = [False] * len(rec.tokens)
    for i, j, _ in found:
        for k in range(i, j):
            covered[k] = True
    more: list[Span] = []
    for i, j in runs:
        begin = i
        while begin < j and (
            _bare(rec.tokens[begin]) in FUNCTION_WORDS
            or rec.initial_word(begin, j)
            or (rec.tokens[begin].sentence_start and _bare(rec.tokens[begin]) in COMMON_WORDS)
        ):
            begin += 1
        k = i
        limit = i
        in_org = rec.tokens[i].restricted and any(_bare(t) in ORG_HEADS for t in rec.tokens[i:j])
        while k < j:
            prose = not rec.tokens[k].restricted
            if covered[k] or not rec.tokens[k].capitalised or (prose and k != begin):
                k += 1
                continue
            if limit <= k:
                limit = k
                while limit < j and not covered[limit]:
                    limit += 1
            hit = known.match(rec, k, limit, in_org)
            if hit is None or (prose and (hit[0] != limit or limit != j)):
                k += 1
                continue
            end, kind = hit
            more.append((k, end, kind))
            k = end
    return more


def _person_facts(rec: _Recogniser, spans: list[Span]) -> list[Fact]:
    """People merged across forms: "Joe Biden", "Mr Biden", "Biden" are one person."""
    tokens = rec.tokens
    full: dict[tuple[str, ...], list[tuple[int, int]]] = {}
    singles: list[tuple[int, int]] = []
    for i, j, _ in spans:
        words = tuple(_key(t.text) for t in tokens[i:j] if t.capitalised)
        if len(words) >= 2:
            full.setdefault(words, []).append((i, j))
        else:
            singles.append((i, j))
    for i, j in singles:
        word = _key(tokens[i].text)
        owners = [w for w in full if w[-1] == word] or [w for w in full if w[0] == word]
        if not owners:
            full.setdefault((word,), []).append((i, j))
            continue
        before = [w for w in owners if full[w][0][0] < i]
        owner = (
            max(before, key=lambda w: max(s for s, _ in full[w] if s < i))
            if before
            else min(owners, key=lambda w: full[w][0][0])
        )
        full[owner].append((i, j))
    return _facts(rec, PERSON, full.values())


def _group_facts(rec: _Recogniser, kind: FactKind, spans: list[Span]) -> list[Fact]:
    """Places or organisations merged by surface form (and acronym, for organisations)."""
    groups: dict[str, list[tuple[int, int]]] = {}
    for i, j, _ in spans:
        key = _key(rec.name(i, j))
        groups.setdefault(key.casefold() if kind == PLACE else key, []).append((i, j))
    if kind == PLACE:
        for key in [k for k in groups if f"river {k}" in groups]:
            groups[f"river {key}"] += groups.pop(key)  # "the Avon" is the River Avon
    if kind == ORGANISATION:
        for key in [k for k in groups if " " not in k]:
            owners = [k for k in groups if k.endswith(" " + key)]
            if len(owners) == 1:
                groups[owners[0]] += groups.pop(key)
        for short, full in ORG_ALIASES.items():
            target = next((key for key in groups if _key(full) == key), None)
            if short in groups and target is not None:
                groups[target] += groups.pop(short)
        long_forms = {
            key: _initials(rec.tokens[i:j])
            for key, places in groups.items()
            for i, j in places[:1]
            if j - i >= 2
        }
        for key in list(groups):
            if not _acronym(key):
                continue
            owners = [k for k, initials in long_forms.items() if key.upper() in initials]
            if len(owners) == 1 and owners[0] != key:
                groups[owners[0]] += groups.pop(key)
    return _facts(rec, kind, groups.values())


def _facts(rec: _Recogniser, kind: FactKind, groups: Iterable[list[tuple[int, int]]]) -> list[Fact]:
    facts = []
    for group in groups:
        spans = sorted(set(group))
        mentions = tuple((rec.tokens[i].start, rec.tokens[j - 1].end) for i, j in spans)
        label = max(
            (rec.text[s:e] for s, e in mentions),
            key=lambda form: (len(form.split()), not form.isupper(), len(form)),
        )
        facts.append(
            Fact(
                kind=kind,
                label=label,
                mentions=mentions,
                context=sentence_at(rec.text, mentions[0][0]),
            )
        )
    return sorted(facts, key=importance)


def find_entities(text: str) -> tuple[list[Fact], list[Fact], list[Fact]]:
    """The people, places and organisations named in ``text``, each list by importance."""
    tokens = tokenize(text)
    if not tokens:
        return [], [], []
    rec = _Recogniser(text, tokens, lexicon())
    runs = _merge_listed_orgs(rec, capitalised_runs(text, tokens))
    rec.count_standalone(runs)
    found = _runs_pass_one(rec, runs)
    found += _pass_two(rec, runs, found)
    by_kind: dict[FactKind, list[Span]] = {PERSON: [], PLACE: [], ORGANISATION: []}
    for span in found:
        by_kind[span[2]].append(span)
    return (
        _person_facts(rec, by_kind[PERSON]),
        _group_facts(rec, PLACE, by_kind[PLACE]),
        _group_facts(rec, ORGANISATION, by_kind[ORGANISATION]),
    )


__all__ = ["find_entities"]
