"""Words of a text block and the features the name tagger reads for each word.

The same functions serve training (over CoNLL tokens) and tagging (over an article's
blocks), so that the model sees at run time exactly what it saw when it learned: the word
and its shape, affixes, the lexicons' verdicts (places, given names, organisations, titles,
demonyms), a multi-word lexicon match, and the same for two words either side.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from .cues import (
    DEMONYM_WORDS,
    FUNCTION_WORDS,
    KNOWN_ORG_NAMES,
    KNOWN_ORGS,
    ORG_HEADS,
    PERSON_NOUNS,
    PLACE_HEADS,
    PLACE_PREPOSITIONS,
    SPEECH_VERBS,
    TITLE_WORDS,
)
from .lexicon import Lexicon
from .model import TITLE_ABBREVIATIONS

_ABBREVIATIONS = "|".join(TITLE_ABBREVIATIONS)
_WORD = re.compile(
    r"[a-z]\w*(?:(?:[-\u2010&]|['\u2019](?!s\b)(?=[^\W\d_]))\w+)*|"  # lowercase first, as most are
    r"(?:[A-Z]\.){2,}"  # U.S., U.K.
    rf"|(?:{_ABBREVIATIONS})\.(?=[\s,;:)\]]|$)"  # Mr. Biden, Apple Inc.
    r"|[A-Z]\.(?=\s+[A-Z])"  # initials: J. K. Rowling
    r"|['\u2019]s\b"  # a possessive is a word of its own, as in the corpora
    r"|[^\W\d_]\w*(?:(?:[-\u2010&]|['\u2019](?!s\b)(?=[^\W\d_]))\w+)*"  # words
    r"|\d+(?:[.,:]\d+)*"  # numbers
    r"|\S"  # any other character
)
_SENTENCE_END = frozenset(".!?")
_MAX_WORDS = 80  # a longer sentence is tagged in pieces: a table or list flattened
_MAX_WORD = 40  # longer "words" (a URL, a hash, noise) are one shape, never a name
_SHAPE = str.maketrans(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
    "X" * 26 + "x" * 26 + "d" * 10,
)
_REPEATS = re.compile(r"(.)\1+")
_KNOWN_ORGS = frozenset(o.lower() for o in KNOWN_ORGS)
_MULTI_MAX = 4
_ORG_OPENERS = frozenset(name.partition(" ")[0] for name in KNOWN_ORG_NAMES if " " in name)
_NO_MARKS: list[bytes] = []  # shared, never changed


class Sentence(NamedTuple):
    """One sentence of a block: its words, where each starts in the article text, and
    which of them hold a capital letter."""

    starts: list[int]
    words: list[str]
    upper: list[int]


class _Own(NamedTuple):
    """A word's features, its shape, and what it gives its neighbours (in UTF-8, as
    crfsuite reads them, so that they are encoded once per word)."""

    features: list[bytes]
    shape: bytes
    left: bytes  # "-1" + shape + "|": opens the shape pair of the word after it
    right: bytes  # "+1" + shape + "|": opens its own shape pair with the word after it
    before1: list[bytes]  # for the word after it
    after1: list[bytes]  # for the word before it
    before2: list[bytes]
    after2: list[bytes]


def _encoded(features: Iterable[str]) -> list[bytes]:
    return [f.encode() for f in features]


def words_of(text: str, offset: int = 0) -> list[Sentence]:
    """The sentences of a block of ``text``; offsets add ``offset``.

    A sentence ends after ".", "!" or "?" before a capital, a quote or a line break, and at
    every line break and tab (between a table's cells: no name spans two); sentences longer
    than ``_MAX_WORDS`` are cut into pieces.
    """
    sentences: list[Sentence] = []
    line_start = offset
    for line in text.replace("\t", "\n").split("\n"):
        starts: list[int] = []
        words: list[str] = []
        upper: list[int] = []
        stop = False
        for match in _WORD.finditer(line):
            word = match.group()
            if words and ((stop and not word[0].islower()) or len(words) >= _MAX_WORDS):
                sentences.append(Sentence(starts, words, upper))
                starts, words, upper = [], [], []
            if not word.islower() and word != word.lower():
                upper.append(len(words))
            starts.append(match.start() + line_start)
            words.append(word)
            stop = word in _SENTENCE_END
        if words:
            sentences.append(Sentence(starts, words, upper))
        line_start += len(line) + 1
    return sentences


def listable(words: Sequence[str], first: int, most: int) -> int:
    """How many words from ``words[first]`` on (at most ``most``) a listed name can span:
    no place or organisation of the lexicons holds a comma, a bracket or a possessive as a
    word of its own (a hyphen it may)."""
    end = first + 1
    while (end - first < most and end < len(words)
           and (words[end][0].isalnum() or words[end] == "-")):
        end += 1
    return end - first


def shape(word: str) -> str:
    """The word's shape with repeats collapsed: "Kyiv" → "Xx", "14-ep2035cl" → "d-xdx"."""
    if len(word) > _MAX_WORD:
        return "long"
    return _REPEATS.sub(r"\1", word.translate(_SHAPE))


class FeatureMaker:
    """Features of sentences, with each word's own features cached by its surface."""

    def __init__(self, lex: Lexicon | None) -> None:
        self.lex = lex
        self._own: dict[str, _Own] = {}

    def lexicon_tags(self, word: str) -> list[str]:
        """What the lexicons and cue lists say about one word."""
        tags = []
        lower = word.lower()
        bare = lower.rstrip(".")
        if self.lex is not None:
            if word in self.lex.model_places:
                tags.append("place")
            elif word in self.lex.weak_places:
                tags.append("weakplace")
            if lower in self.lex.given_names:
                tags.append("given")
            if lower in self.lex.surnames:
                tags.append("surname")
            if word in KNOWN_ORGS or lower in _KNOWN_ORGS:
                tags.append("org")
            if bare in ORG_HEADS:
                tags.append("orghead")
            if bare in PLACE_HEADS:
                tags.append("placehead")
        if bare in TITLE_WORDS:
            tags.append("title")
        if lower in DEMONYM_WORDS:
            tags.append("demonym")
        if lower in FUNCTION_WORDS:
            tags.append("function")
        if lower in SPEECH_VERBS:
            tags.append("speech")
        if lower in PERSON_NOUNS:
            tags.append("kin")
        if lower in PLACE_PREPOSITIONS:
            tags.append("placeprep")
        return tags

    def own(self, word: str) -> _Own:
        """A word's own features, and those it gives its neighbours one and two words away
        (prefixed "-1", "+1", "-2", "+2"), built once per word."""
        cached = self._own.get(word)
        if cached is not None:
            return cached
        lower = word.lower().replace("\u2019", "'") if len(word) <= _MAX_WORD else "<long>"
        word_shape = "s=" + shape(word)
        lexical = self.lexicon_tags(word) if len(word) <= _MAX_WORD else []
        features = ["b", "w=" + lower, word_shape]
        if len(lower) > 3 and lower != "<long>":
            features += ["p3=" + lower[:3], "x3=" + lower[-3:], "x2=" + lower[-2:]]
        features += ["g=" + tag for tag in lexical]
        near = ["w=" + lower, word_shape, *("g=" + tag for tag in lexical)]
        far = ["w=" + lower, word_shape]
        shape_bytes = word_shape.encode()
        result = _Own(
            _encoded(features), shape_bytes, b"-1" + shape_bytes + b"|", b"+1" + shape_bytes + b"|",
            _encoded("-1" + f for f in near), _encoded("+1" + f for f in near),
            _encoded("-2" + f for f in far), _encoded("+2" + f for f in far),
        )
        if len(self._own) < 200_000:
            self._own[word] = result
        return result

    def multiword(
        self, words: Sequence[str], caps: Sequence[int] | None = None
    ) -> list[list[bytes]]:
        """Longest lexicon matches of two to four words: "m=B-place", "m=I-place";
        ``caps`` lists the capitalised words, where a match may start, if known."""
        marks: list[list[bytes]] = [_NO_MARKS] * len(words)
        if self.lex is None:
            return marks
        strong, weak = self.lex.model_places, self.lex.weak_places
        resume = 0
        if caps is None:
            caps = [i for i, word in enumerate(words) if word[:1].isupper()]
        openers = self.lex.place_openers
        for i in caps:
            word = words[i]
            if i < resume or not (
                word in openers or word in _ORG_OPENERS or word in weak.openers(word)
            ):
                continue  # no listed name of two words or more starts with it
            most = listable(words, i, _MULTI_MAX)
            if most < 2:
                continue
            names = [" ".join(words[i : i + n]) for n in range(most, 1, -1)]
            listed = weak.bucket(names[0])  # the weak names of every length share it
            for n, name in zip(range(most, 1, -1), names, strict=True):
                kind = (
                    b"place" if name in strong
                    else b"org" if name in KNOWN_ORG_NAMES
                    else b"weakplace" if name in listed
                    else None
                )
                if kind:
                    marks[i] = [b"m=B-" + kind]
                    for k in range(i + 1, i + n):
                        marks[k] = [b"m=I-" + kind]
                    resume = i + n
                    break
        return marks

    def sentence(self, words: Sequence[str]) -> list[list[bytes]]:
        """The features of each word of one sentence."""
        return self.parts(words, [(0, len(words))])[0]

    def parts(
        self,
        words: Sequence[str],
        parts: Sequence[tuple[int, int]],
        caps: Sequence[int] | None = None,
    ) -> list[list[list[bytes]]]:
        """The features of the words ``first:end`` of one sentence for each part
        ``(first, end)``, each word seeing the whole sentence around it; ``caps`` as for
        ``multiword``."""
        cached = self._own.get
        owns = [cached(w) or self.own(w) for w in words]
        marks = self.multiword(words, caps)
        last = len(words) - 1
        out = []
        for first, end in parts:
            part = []
            for i in range(first, end):
                own = owns[i]
                features = own.features + marks[i]
                if i == 0:
                    features += [b"first", b"first" + own.shape, b"-1=bos"]
                else:
                    before = owns[i - 1]
                    features.append(before.left + own.shape)
                    features += before.before1
                    if marks[i - 1]:
                        features += [b"-1" + f for f in marks[i - 1]]
                    if i > 1:
                        features += owns[i - 2].before2
                if i < last:
                    after = owns[i + 1]
                    features.append(own.right + after.shape)
                    features += after.after1
                    if i + 1 < last:
                        features += owns[i + 2].after2
                else:
                    features.append(b"+1=eos")
                part.append(features)
            out.append(part)
        return out


__all__ = ["FeatureMaker", "Sentence", "listable", "shape", "words_of"]
