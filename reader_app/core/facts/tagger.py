"""The learned name tagger: a CRF over word features that marks people, places and
organisations, each mention with the model's confidence in it.

The model (``data/names.crfsuite``) and its per-type confidence thresholds
(``data/names.json``) are rebuilt by ``python -m reader_app.core.facts.train``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from functools import cache
from importlib import resources
from itertools import compress, count
from typing import Any, NamedTuple

import pycrfsuite

from .cues import (
    FUNCTION_WORDS,
    KNOWN_ORG_NAMES,
    KNOWN_ORGS,
    ORG_HEADS,
)
from .kind_lists import listed_of_a_kind
from .lexicon import Lexicon, lexicon
from .ner_features import FeatureMaker, Sentence, listable, words_of
from .org_rules import bracketed_acronyms, organisation_spans, remit_list
from .person_cues import cued_people, given_name_pairs, given_name_words, speakers
from .place_kinds import places_of_a_kind

TYPES = ("PER", "LOC", "ORG")
SUPPORTED = "+lexicon"  # the threshold key of a mention the lexicons agree with
LISTED = 0.5  # the confidence given to a listed place the model left untagged
_DATELINE_ENDS = frozenset({"\u2014", "\u2013", "-", ","})
#: Words before and after a capitalised word tagged with it: a sentence is tagged in parts.
#: On the held-out corpora two after cost recall; three before gained nothing over two.
CONTEXT_BEFORE = 2
CONTEXT_AFTER = 3
CUED = 0.6  # the confidence given to a name cued by a title the model left untagged
#: Spaces between two words that no name spans: where a credit or a citation label was
#: blanked out (:mod:`.sources`), or a layout's gap.
_GAP = 3
_BRACKETS = frozenset("()[]{}")
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


def _bracketed(
    found: Sequence[Mention], sentence: Sentence, lex: Lexicon,
    mention: Callable[[int, int, str, float], Mention],
) -> list[Mention]:
    """Acronyms in brackets after the organisations ``found`` in a sentence."""
    starts, words, _ = sentence
    after = {start + len(word): k + 1 for k, (start, word) in enumerate(zip(
        starts, words, strict=True))}  # a word's end offset: the index after it
    ends = [after[m.end] for m in found if m.kind == "ORG" and m.end in after]
    taken = {m.start for m in found}
    return [mention(first, end, "ORG", LISTED)
            for first, end in bracketed_acronyms(words, ends, lex)
            if starts[first] not in taken]


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

    def confident(
        self, words: Sequence[str], first: int, end: int, label: str, confidence: float
    ) -> bool:
        """Whether a tag of ``words[first:end]`` reaches its type's threshold, that of a
        mention the lexicons agree with where they do (asked only when the two thresholds
        tell the confidence apart)."""
        plain = self.thresholds.get(label, 1.0)
        backed = self.thresholds.get(label + SUPPORTED, plain)
        if (confidence >= plain) == (confidence >= backed):
            return confidence >= plain
        return confidence >= (backed if self.supported(words[first:end], label) else plain)

    def sentence_mentions(self, sentence: Sentence) -> list[Mention]:
        """Names of one sentence above their type's threshold (a lower one where the
        lexicons agree)."""
        starts, words, upper = sentence
        parts = windows(words, upper)
        if not parts:
            return []
        caps = [i for i in upper if words[i][:1].isupper()]

        def mention(first: int, end: int, kind: str, confidence: float) -> Mention:
            for k in range(first, end - 1):  # a name ends at a gap or a bracket
                if words[k + 1] in _BRACKETS or starts[k + 1] - starts[k] - len(words[k]) >= _GAP:
                    end = k + 1
                    break
            return Mention(starts[first], starts[end - 1] + len(words[end - 1]), kind, confidence)

        lex = self.features.lex
        out = []
        claimed = [False] * len(words)
        tagged = [False] * len(words)
        model_orgs: dict[int, int] = {}  # the end of each organisation the model tagged
        places: list[tuple[int, int]] = []  # the places the model tagged, as word spans
        chance: dict[int, float] = {}  # the marginal probability of B-PER, else I-PER ...
        wanted = given_name_words(words, caps, lex)  # ... where given_name_pairs reads it
        features_of = self.features.parts(words, parts, caps)
        for (low, _), features in zip(parts, features_of, strict=True):
            for first, end, label, confidence in tag_sentence(self.tagger, features):
                first, end = first + low, end + low
                if label == "PER" and end - first > 1 and lex is not None and (
                    " ".join(words[first:end]) in lex.strong_places
                ):
                    label = "LOC"  # "Mato Grosso": a listed place of two words is no one
                if label == "ORG":
                    tagged[first:end] = [True] * (end - first)
                    model_orgs[first] = end
                if self.confident(words, first, end, label, confidence):
                    claimed[first:end] = [True] * (end - first)
                    out.append(mention(first, end, label, confidence))
                    if label == "LOC":
                        places.append((first, end))
            for k, label in wanted.items():
                if low <= k < low + len(features):
                    chance[k] = self.tagger.marginal(label, k - low)
        def add_people(found: list[tuple[int, int]]) -> None:
            for first, end in found:
                claimed[first:end] = [True] * (end - first)
                out.append(mention(first, end, "PER", CUED))

        add_people(cued_people(words, caps, claimed, lex))  # each sees the people found before
        add_people(speakers(words, caps, claimed, tagged, lex))
        add_people(given_name_pairs(words, caps, claimed, chance, lex))
        for first, end in [*self.listed_places(words, caps, claimed, places),
                           *places_of_a_kind(words, caps, claimed)]:
            place = mention(first, end, "LOC", LISTED)
            out = [m for m in out if m.end <= place.start or m.start >= place.end]
            out.append(place)
        if lex is not None:
            for first, end, kind in listed_of_a_kind(sentence, caps, claimed, lex):
                claimed[first:end] = [True] * (end - first)
                out.append(mention(first, end, kind, CUED if kind == "PER" else LISTED))
            people = [False] * len(words)
            for m in out:
                if m.kind == "PER":
                    k = starts.index(m.start)
                    while k < len(words) and starts[k] < m.end:
                        people[k] = True
                        k += 1
            for first, end in organisation_spans(words, caps, people, tagged, lex):
                longer = model_orgs.get(first, end)
                if longer > end and remit_list(words[end:longer]):
                    end = longer  # the model's name goes on: "Department for Environment, Food ..."
                organisation = mention(first, end, "ORG", LISTED)
                out = [m for m in out
                       if m.end <= organisation.start or m.start >= organisation.end]
                out.append(organisation)
            if "(" in words:  # "Russian Nanotechnology Corporation (RUSNANO)"
                out += _bracketed(out, sentence, lex, mention)
        return sorted(out, key=lambda m: m.start)

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
