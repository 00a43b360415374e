"""Names listed together are names of one kind: "WordPress, Wix, Squarespace and Shopify",
"Arlington, Fort Worth, and Austin". A single word the tagger read as a person in a list of
organisations or places, beside no person named in full, is one of them; a name listed
between names of one kind that no one found is one of them too; and a name that joins two
names the article names apart ("IBM and Palo Alto Networks") is the two."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from .cues import FUNCTION_WORDS, legal_form
from .lexicon import lexicon, mostly_lower
from .tagger import Mention
from .trim import trim

#: Letters after a name, which a tagger may read as organisations: "Jo Park, MD, FAAFP".
_CREDENTIAL = re.compile(r"[A-Z]{2,6}")
#: What stands between two names of one list: a comma, a slash, "and", "or", "&".
_JOIN = re.compile(r"\s*(?:[,/;]\s*(?:(?:and|or|&)\s+)?|(?:and|or|&)\s+)")
_AND = re.compile(r" (?:and|&) ")


def as_named_apart(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """``mentions`` with each one that joins two names by "and" or "&" split in two where
    the article names both apart, each taking the kind of its own mention ("IBM and Palo
    Alto Networks" after "IBM" and "Palo Alto Networks"; "Victoria and Albert Museum"
    stays, as the article names no "Albert Museum")."""
    kinds = {text[m.start : m.end]: m.kind for m in mentions}
    out: list[Mention] = []
    for m in mentions:
        surface = text[m.start : m.end]
        for join in _AND.finditer(surface):
            first, second = surface[: join.start()], surface[join.end() :]
            if first in kinds and second in kinds:
                out += [Mention(m.start, m.start + join.start(), kinds[first], m.confidence),
                        Mention(m.start + join.end(), m.end, kinds[second], m.confidence)]
                break
        else:
            out.append(m)
    return out


def like_its_list(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """``mentions`` (in order) with each single-word person that stands in a list of other
    kinds given the list's most common other kind, at all its mentions; a person named in
    full in the list keeps the list's people, and the surname of a person the article names
    in full stays one."""
    keep = frozenset(
        words[-1] for m in mentions
        if m.kind == "PER" and len(words := text[m.start : m.end].split()) > 1
    )
    retyped: dict[str, str] = {}
    for run in _lists(text, mentions):
        kinds = Counter(mentions[i].kind for i in run)
        lone = [i for i in run if _lone_person(text, mentions[i], keep)]
        others = Counter(
            mentions[i].kind for i in run
            if mentions[i].kind != "PER" and not _CREDENTIAL.fullmatch(
                text[mentions[i].start : mentions[i].end])
        )
        if lone and others and kinds["PER"] == len(lone):
            kind = others.most_common(1)[0][0]
            for i in lone:
                retyped.setdefault(text[mentions[i].start : mentions[i].end], kind)
    if not retyped:
        return list(mentions)
    return [
        Mention(m.start, m.end, retyped[surface], m.confidence)
        if m.kind == "PER" and (surface := text[m.start : m.end]) in retyped else m
        for m in mentions
    ]


def _lone_person(text: str, mention: Mention, keep: frozenset[str]) -> bool:
    surface = text[mention.start : mention.end]
    return mention.kind == "PER" and " " not in surface and surface not in keep


def _lists(text: str, mentions: Sequence[Mention]) -> list[list[int]]:
    """Runs of three or more mentions joined only by list separators, as indexes."""
    runs: list[list[int]] = []
    run: list[int] = []
    for i, mention in enumerate(mentions):
        if run:
            between = text[mentions[run[-1]].end : mention.start]
            if between and "\n" not in between and _JOIN.fullmatch(between):
                run.append(i)
                continue
            if len(run) >= 3:
                runs.append(run)
        run = [i]
    if len(run) >= 3:
        runs.append(run)
    return runs


#: A name listed between others: capitalised words, with the small words names hold
#: ("Friends of the Earth", "Bank of England"), after an optional "the".
_WORD = r"[A-Z][\w'\u2019.&-]*"
_ITEM = re.compile(
    rf"(?:the\s+)?(?P<name>{_WORD}(?:\s+(?:(?:of|for|the|and|&|de)\s+)*{_WORD}){{0,4}})"
)
#: A separator between two listed names, split on.
_SEPARATOR = re.compile(r"\s*(?:[,;]\s*(?:(?:and|or)\s+)?|\s(?:and|or)\s+)")
#: The longest text between two listed names that may hold more names.
_LONGEST_GAP = 300
_ARTICLE_END = re.compile(r"(?<=\s)the\s+$")
#: The last name of a list, after its last found name ("..., Marseille and Lyon on ..."), and
#: what closes a list before its last found name.
_TRAILING = re.compile(
    r",?\s(?:and|or)\s+(?:the\s+)?(?P<name>[A-Z][\w'\u2019&-]*(?:[ ]+(?:(?:of|the|de)[ ]+)*"
    r"[A-Z][\w'\u2019&-]*){0,3})(?=[\s.,;:!?)]|$)(?![ ]+[A-Z])"
)
_CLOSED = re.compile(r"\s(?:and|or)\s")
#: The typed names a list needs, of one kind, before the names between them take it.
_TYPED = 2


def with_list_members(
    text: str, mentions: Sequence[Mention], confidence: float
) -> list[Mention]:
    """``mentions`` (in order) with the names listed between them that no one found, given
    the kind of the list's others where at least two share it and none differs ("the NAACP,
    GLAAD, AmfAR, and the Maybach Foundation"), and the name "and" brings after the last one
    ("Paris, Marseille and Lyon"); trimmed as the tagger's are, and not words open text
    writes in lowercase ("Digital Marketing")."""
    found: list[Mention] = []
    for run, items in _lists_with_gaps(text, mentions):
        kinds = {mentions[i].kind for i in run}
        if len(run) == 1 and kinds == {"LOC"}:
            pair = _place_pair(text, mentions[run[0]], confidence)
            found += [pair] if pair else []
        if len(kinds) != 1 or len(run) < _TYPED:
            continue
        last = _TRAILING.match(text, mentions[run[-1]].end)
        if last and not _CLOSED.search(text, mentions[run[-2]].end, mentions[run[-1]].start):
            items.append(last.span("name"))  # "Paris, Marseille and Lyon"
        if items:
            kind = kinds.pop()
            found += [t for start, end in items if not _common(text[start:end])
                      and not legal_form(text[start:end])
                      and not (kind == "PER" and _lone_word(text[start:end]))
                      and (t := trim(text, Mention(start, end, kind, confidence)))]
    return sorted([*mentions, *found], key=lambda m: m.start) if found else list(mentions)


#: A place preposition before a pair of places ("in Naples and Palermo").
_PAIR_BEFORE = re.compile(r"\b(?:in|on|at|from|to|near|across|between|around)\s+(?:the\s+)?$")


def _place_pair(text: str, place: Mention, confidence: float) -> Mention | None:
    """The listed place that "and" pairs with a place after a place preposition ("in Naples
    and Palermo", "on Khan Younis and Rafah"), which no one found."""
    last = _TRAILING.match(text, place.end)
    if not last or " and " not in text[place.end : last.start("name")] or not _PAIR_BEFORE.search(
        text, max(0, place.start - 12), place.start
    ):
        return None  # "built in Kotlin or Java": "or" pairs other things too
    name = last["name"]
    lex = lexicon()
    if name not in lex.strong_places and name not in lex.weak_places:
        return None
    return Mention(last.start("name"), last.end("name"), "LOC", confidence)


def _common(name: str) -> bool:
    """Whether a listed name is only words open text writes in lowercase: a heading or a
    service ("Digital Marketing", "Boys"), no name."""
    return all(mostly_lower(w) or w.lower() in FUNCTION_WORDS for w in name.split())


def _lone_word(name: str) -> bool:
    """Whether a listed name is one word that names no one by itself: a given name
    ("Jack"), letters ("MD") or an address ("Copy.ai")."""
    return " " not in name and (
        name.isupper() or not name.replace("-", "").replace("'", "").isalpha()
        or name.lower() in lexicon().given_names)


def _lists_with_gaps(
    text: str, mentions: Sequence[Mention]
) -> list[tuple[list[int], list[tuple[int, int]]]]:
    """Runs of mentions (as indexes) with the spans of the unfound names listed between
    them: each gap on one line, separators and names only."""
    runs: list[tuple[list[int], list[tuple[int, int]]]] = []
    run: list[int] = []
    items: list[tuple[int, int]] = []
    for i, mention in enumerate(mentions):
        if run:
            gap = _gap_names(text, mentions[run[-1]].end, mention.start)
            if gap is not None:
                run.append(i)
                items += gap
                continue
            runs.append((run, items))
        run, items = [i], []
    if run:
        runs.append((run, items))
    return runs


def _gap_names(text: str, start: int, end: int) -> list[tuple[int, int]] | None:
    """The names listed in ``text[start:end]`` between two listed names, or None when it is
    not a list's separators and names alone."""
    gap = text[start:end]
    if len(gap) > _LONGEST_GAP or not _SEPARATOR.match(gap) or "\n" in gap:
        return None
    gap = _ARTICLE_END.sub("", gap)  # "..., and the Maybach Foundation"
    names = []
    position = 0
    for separator in _SEPARATOR.finditer(gap):
        piece = gap[position : separator.start()]
        if position == 0:
            if piece or separator.start() != 0:
                return None  # a list's gap opens with a separator
        else:
            item = _ITEM.fullmatch(piece)
            if item is None:
                return None
            names.append((start + position + item.start("name"), start + separator.start()))
        position = separator.end()
    return names if position == len(gap) else None
