"""The learned name tagger: a CRF over word features that marks people, places and
organisations, each mention with the model's confidence in it.

The model (``data/names.crfsuite``) and its per-type confidence thresholds
(``data/names.json``) are rebuilt by ``python -m reader_app.core.facts.train``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from functools import cache
from importlib import resources
from itertools import compress, count
from typing import Any, NamedTuple

import pycrfsuite

from .cues import (
    COMMON_WORDS,
    DEMONYM_WORDS,
    FUNCTION_WORDS,
    HONORIFICS,
    KNOWN_ORG_NAMES,
    KNOWN_ORGS,
    ORG_HEADS,
    PLACE_HEADS,
    ROLE_NOUNS,
    TITLE_WORDS,
)
from .lexicon import lexicon
from .ner_features import FeatureMaker, Sentence, listable, words_of
from .org_rules import organisation_spans, remit_list

TYPES = ("PER", "LOC", "ORG")
SUPPORTED = "+lexicon"  # the threshold key of a mention the lexicons agree with
LISTED = 0.5  # the confidence given to a listed place the model left untagged
_DATELINE_ENDS = frozenset({"\u2014", "\u2013", "-", ","})
# Chosen on the development documents (the even-numbered held-out documents of the threshold
# corpora; docs/facts.md, "Training").
GIVEN_PAIR = 0.2
#: Words before and after a capitalised word tagged with it: a sentence is tagged in parts.
#: On the held-out corpora two after cost recall; three before gained nothing over two.
CONTEXT_BEFORE = 2
CONTEXT_AFTER = 3
CUED = 0.6  # the confidence given to a name cued by a title the model left untagged
_NOT_NAME_WORDS = (
    COMMON_WORDS | ORG_HEADS | PLACE_HEADS | TITLE_WORDS | DEMONYM_WORDS
)
# Every written form of a cue ("researcher", "Minister", "Mr."), looked up before any lowering.
_CUE_FORMS = frozenset(
    form
    for cue in TITLE_WORDS | ROLE_NOUNS
    for cased in (cue, cue.capitalize(), "-".join(p.capitalize() for p in cue.split("-")))
    for form in (cased, cased + ".")
)
_NAME_WORD = re.compile(r"[^\W\d_][^\W\d_]+(?:[-\u2019'][^\W\d_]+)?")


def _runs_on(words: Sequence[str], first: int, end: int) -> bool:
    """Whether a capitalised word joins the run ``words[first:end]`` on either side (the
    first word of a sentence aside): then it is part of a longer name."""
    return (first > 1 and words[first - 1][:1].isupper()) or (
        end < len(words) and words[end][:1].isupper()
    )


def _unclaimed(
    claimed: Sequence[bool], places: Sequence[tuple[int, int]], first: int, end: int
) -> bool:
    """Whether no name was found among ``words[first:end]``, or only parts of it that are
    places (the span then names the place whole)."""
    taken = sum(claimed[first:end])
    return not taken or (
        taken < end - first
        and taken == sum(b - a for a, b in places if first <= a and b <= end)
    )


#: Words that open the name of a natural feature ("River Avon", "Lake Geneva", "Mount Kenya").
FEATURE_HEADS = frozenset({"river", "lake", "loch", "mount", "isle", "gulf"})
MODEL = "names.crfsuite"
SETTINGS = "names.json"


class Mention(NamedTuple):
    """A tagged name: offsets into the text, its type (PER, LOC, ORG) and the model's
    confidence (the mean marginal probability of its words' tags). A named tuple: an
    article makes thousands of them."""

    start: int
    end: int
    kind: str
    confidence: float


def spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """Entity spans ``(first, end, type)`` of BIO tags; a stray I- opens an entity."""
    out = []
    start, label, last = -1, "", -1
    for index in compress(count(), map("O".__ne__, tags)):  # most words are "O"
        tag = tags[index]
        if index == last + 1 and tag.startswith("I-") and tag[2:] == label:
            last = index
            continue
        if label:
            out.append((start, last + 1, label))
        start, label, last = index, tag[2:], index
    if label:
        out.append((start, last + 1, label))
    return out


def tag_sentence(
    tagger: Any, features: list[list[bytes]]
) -> list[tuple[int, int, str, float]]:
    """Entities of one sentence ``(first, end, type, confidence)``, best path first."""
    tags = tagger.tag(features)
    out: list[tuple[int, int, str, float]] = []
    if tags.count("O") == len(tags):
        return out
    marginal = tagger.marginal
    for first, end, label in spans(tags):
        total = 0.0
        for k in range(first, end):
            total += marginal(tags[k], k)
        out.append((first, end, label, total / (end - first)))
    return out


class NameTagger:
    """The shipped model with its features and thresholds; one per process."""

    def __init__(
        self, model_path: str, thresholds: dict[str, float], lexicons: bool = True
    ) -> None:
        self.tagger = pycrfsuite.Tagger()
        self.tagger.open(model_path)
        self.thresholds = thresholds
        self.features = FeatureMaker(lexicon() if lexicons else None)

    def supported(self, words: Sequence[str], label: str) -> bool:
        """Whether the lexicons agree with the tag: a listed place for LOC, a given name or
        surname for PER, a known organisation or an organisation's head word for ORG."""
        lex = self.features.lex
        if lex is None:
            return False
        if label == "LOC":
            name = " ".join(words)
            return (name in lex.strong_places or name in lex.weak_places
                    or (len(words) > 1 and words[0].lower() in FEATURE_HEADS))
        if label == "PER":
            return words[0].lower() in lex.given_names or words[-1].lower() in lex.surnames
        name = " ".join(words)
        return (
            name in KNOWN_ORGS or name in KNOWN_ORG_NAMES
            or words[-1].lower().rstrip(".") in ORG_HEADS
        )

    def sentence_mentions(self, sentence: Sentence) -> list[Mention]:
        """Names of one sentence above their type's threshold (a lower one where the
        lexicons agree)."""
        starts, words, upper = sentence
        parts = windows(words, upper)
        if not parts:
            return []
        caps = [i for i in upper if words[i][:1].isupper()]

        def mention(first: int, end: int, kind: str, confidence: float) -> Mention:
            return Mention(starts[first], starts[end - 1] + len(words[end - 1]), kind, confidence)

        out = []
        claimed = [False] * len(words)
        tagged = [False] * len(words)
        model_orgs: dict[int, int] = {}  # the end of each organisation the model tagged
        places: list[tuple[int, int]] = []  # the places the model tagged, as word spans
        chance: dict[int, float] = {}  # the marginal probability of B-PER, else I-PER ...
        wanted = self.given_name_words(words, caps)  # ... where given_name_pairs reads it
        features_of = self.features.parts(words, parts, caps)
        for (low, _), features in zip(parts, features_of, strict=True):
            for first, end, label, confidence in tag_sentence(self.tagger, features):
                first, end = first + low, end + low
                if label == "ORG":
                    tagged[first:end] = [True] * (end - first)
                    model_orgs[first] = end
                key = label + SUPPORTED if self.supported(words[first:end], label) else label
                if confidence >= self.thresholds.get(key, self.thresholds.get(label, 1.0)):
                    claimed[first:end] = [True] * (end - first)
                    out.append(mention(first, end, label, confidence))
                    if label == "LOC":
                        places.append((first, end))
            for k, label in wanted.items():
                if low <= k < low + len(features):
                    chance[k] = self.tagger.marginal(label, k - low)
        for first, end in self.cued_people(words, caps, claimed):
            claimed[first:end] = [True] * (end - first)
            out.append(mention(first, end, "PER", CUED))
        for first, end in self.given_name_pairs(words, caps, claimed, chance):
            claimed[first:end] = [True] * (end - first)
            out.append(mention(first, end, "PER", CUED))
        for first, end in self.listed_places(words, caps, claimed, places):
            place = mention(first, end, "LOC", LISTED)
            out = [m for m in out if m.end <= place.start or m.start >= place.end]
            out.append(place)
        if self.features.lex is not None:
            people = [False] * len(words)
            for m in out:
                if m.kind == "PER":
                    k = starts.index(m.start)
                    while k < len(words) and starts[k] < m.end:
                        people[k] = True
                        k += 1
            for first, end in organisation_spans(words, caps, people, tagged, self.features.lex):
                longer = model_orgs.get(first, end)
                if longer > end and remit_list(words[end:longer]):
                    end = longer  # the model's name goes on: "Department for Environment, Food ..."
                organisation = mention(first, end, "ORG", LISTED)
                out = [m for m in out
                       if m.end <= organisation.start or m.start >= organisation.end]
                out.append(organisation)
        return sorted(out, key=lambda m: m.start)

    def given_name_pairs(
        self,
        words: Sequence[str],
        caps: Sequence[int],
        claimed: Sequence[bool],
        chance: dict[int, float],
    ) -> list[tuple[int, int]]:
        """Two or three capitalised words of a name's shape standing alone, the first a
        listed given name ("Saul Bass", "Gary LeGare"), that the model left untagged but
        gives some chance of being a person: the mean marginal probability of B-PER, I-PER
        over the words (``chance``) reaches ``GIVEN_PAIR``. The last may not be a word open
        text mostly writes in lowercase that is no surname ("Liberty Moving" is a firm)."""
        lex = self.features.lex
        if lex is None:
            return []
        out = []
        resume = 0
        for i in caps:
            if (
                i < resume
                or i == len(words) - 1
                or claimed[i]
                or words[i].lower() not in lex.given_names
                or (i > 0 and words[i - 1][:1].isupper())
            ):
                continue
            end = i
            while end < len(words) and end - i < 4 and self.name_word(words[end]):
                end += 1
            if (
                2 <= end - i <= 3
                and not any(claimed[i:end])
                and not (end < len(words) and words[end][:1].isupper())
                and not (lex.mostly_lower(words[end - 1])  # "Liberty Moving": a firm
                         and words[end - 1].lower() not in lex.surnames)
                and sum(chance.get(k, 0.0) for k in range(i, end)) / (end - i) >= GIVEN_PAIR
            ):
                out.append((i, end))
                resume = end
        return out

    def given_name_words(self, words: Sequence[str], caps: Sequence[int]) -> dict[int, str]:
        """The words whose chance of being a person ``given_name_pairs`` reads, with the
        tag it reads: "B-PER" where a pair may start (a capitalised given name after no
        capitalised word), "I-PER" on the two words after it."""
        lex = self.features.lex
        wanted: dict[int, str] = {}
        if lex is None:
            return wanted
        for i in caps:
            if (words[i].lower() in lex.given_names
                    and not (i and words[i - 1][:1].isupper())):
                wanted[i] = "B-PER"
                for k in range(i + 1, min(i + 3, len(words))):
                    wanted.setdefault(k, "I-PER")
        return wanted

    def name_word(self, word: str) -> bool:
        """Whether ``word`` can be part of a person's name: a capitalised word of letters
        that is no place, organisation, title or common word."""
        lex = self.features.lex
        return bool(
            _NAME_WORD.fullmatch(word) and word[0].isupper() and not word[1:].isupper()
            and word.lower() not in _NOT_NAME_WORDS and word.lower() not in ROLE_NOUNS
            and word not in KNOWN_ORGS
            and (lex is None or word not in lex.strong_places)
        )

    def cued_people(
        self, words: Sequence[str], caps: Sequence[int], claimed: Sequence[bool]
    ) -> list[tuple[int, int]]:
        """People the model left untagged after a title or role word: two or three
        capitalised words of a name's shape after a role written in lowercase ("security
        researcher Anneli Virtanen", "bassist Tim Commerford"), one to three after a courtesy
        title or a capitalised office ("Mr Comey", "Defense Minister Nelson Jobim"), none of
        them a place, an organisation word, a title or a common word, and no capitalised word
        running on after them."""
        lex = self.features.lex
        if lex is None:
            return []
        out = []
        for after in caps:
            i = after - 1
            if i < 0 or words[i] not in _CUE_FORMS:
                continue  # also "MS Windows": a cue in capitals is an acronym
            cue = words[i].lower().rstrip(".")
            if cue in HONORIFICS or (cue in TITLE_WORDS and not words[i].islower()):
                shortest = 1
            elif (words[i].islower() and cue in TITLE_WORDS) or cue in ROLE_NOUNS:
                shortest = 2
            else:
                continue
            end = i + 1
            while end < len(words) and end - i <= 3 and self.name_word(words[end]):
                end += 1
            if (
                shortest <= end - i - 1 <= 3
                and not (end < len(words) and words[end][:1].isupper())
                and not any(claimed[i + 1 : end])
                and (end - i > 2 or cue in HONORIFICS or cue + "." in HONORIFICS
                     or words[i + 1].lower() in lex.surnames
                     or words[i + 1].lower() in lex.given_names)
            ):
                out.append((i + 1, end))
        return out

    def listed_places(
        self, words: Sequence[str], caps: Sequence[int], claimed: Sequence[bool],
        places: Sequence[tuple[int, int]] = (),
    ) -> list[tuple[int, int]]:
        """Places the model left untagged (or tagged below its threshold) that the lexicon
        lists as places wherever they stand ("US", "Kyiv"), as whole capitalised runs, or of
        which it tagged only a part (``places``: "York City" of "New York City"); and a
        dateline in capitals opening a paragraph ("ROME —", "PORT SUDAN —") that names a
        listed place."""
        lex = self.features.lex
        if lex is None:
            return []
        out = []
        upper = 0  # words in capitals opening the sentence
        while upper < len(words) and words[upper].isupper() and words[upper].isalpha():
            upper += 1
        if 0 < upper < len(words) and words[upper] in _DATELINE_ENDS:
            name = " ".join(words[:upper]).title()
            if name in lex.strong_places or name in lex.weak_places:
                out.append((0, upper))
        resume = upper if out else 0
        for i in caps:
            if i < resume or (words[i] not in lex.strong_places
                              and words[i] not in lex.place_openers):
                continue
            for n in range(listable(words, i, 4), 0, -1):
                if " ".join(words[i : i + n]) in lex.strong_places and _unclaimed(
                    claimed, places, i, i + n
                ) and not (n == 1 and i == 0 and lex.mostly_lower(words[0])):
                    if not _runs_on(words, i, i + n):
                        out.append((i, i + n))
                    resume = i + n
                    break
        return out

    def mentions(self, text: str, offset: int = 0) -> list[Mention]:
        """Names in one block of text; offsets add ``offset``."""
        out: list[Mention] = []
        for sentence in words_of(text, offset):
            out += self.sentence_mentions(sentence)
        return out


def windows(words: Sequence[str], upper: Sequence[int]) -> list[tuple[int, int]]:
    """The parts ``(first, end)`` of a sentence worth tagging: each word with a capital
    letter (``upper``; but a function word opening the sentence: "The", "But") with
    ``CONTEXT_BEFORE`` words before and ``CONTEXT_AFTER`` after it. The rest, lowercase
    words far from any capital, names no one."""
    parts: list[tuple[int, int]] = []
    for i in upper:
        if i == 0 and words[0].lower() in FUNCTION_WORDS:
            continue
        first, end = max(0, i - CONTEXT_BEFORE), min(len(words), i + CONTEXT_AFTER + 1)
        if parts and first <= parts[-1][1]:
            parts[-1] = (parts[-1][0], end)
        else:
            parts.append((first, end))
    return parts


@cache
def name_tagger() -> NameTagger:
    """The shipped tagger, loaded on first use."""
    folder = resources.files(__package__) / "data"
    settings = json.loads((folder / SETTINGS).read_text(encoding="utf-8"))
    with resources.as_file(folder / MODEL) as path:
        thresholds = {k: float(v) for k, v in settings["thresholds"].items()}
        return NameTagger(str(path), thresholds, bool(settings.get("lexicons", True)))


__all__ = ["SUPPORTED", "TYPES", "Mention", "NameTagger", "name_tagger", "spans", "tag_sentence"]
