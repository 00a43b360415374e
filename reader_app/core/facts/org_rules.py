"""Organisations the name model often misses or cuts short, found by the rules that do them
well: a capitalised run headed by an organisation word ("Kenya Medical Research Institute",
"Bank of Italy", "Liberal Democratic Party"), a known organisation ("Kremlin", "White
House"), an acronym that names no place ("CGT", "NNPC", "UNRWA", "MoD"), a body named
after the service of its district ("Business Improvement District"), a name after the kind
of organisation it is ("the research firm IDC"), a team named for its city ("Boston
Bruins"), an acronym in brackets after an organisation's name, and an affiliation in
brackets after a person's name or a publisher before a page count ("Alex Foster (Grove)",
"Grove, 320pp")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .cues import (
    DEMONYM_WORDS,
    FUNCTION_WORDS,
    KNOWN_ORG_NAMES,
    KNOWN_ORGS,
    ORG_HEADS,
    PLACE_HEADS,
    TERM_ACRONYMS,
    TITLE_WORDS,
    words,
)
from .lexicon import Lexicon

_CONNECTORS = frozenset({"of", "for", "on", "the", "and", "&", "de"})
#: Connectors after which a body's remit follows, "the" allowed between after a body's
#: head ("Society for the Protection of Birds", "Panel on Climate Change").
_REMIT = frozenset({"of", "for", "on"})
#: Heads of public bodies and institutions, which name one with the remit after them even
#: when words come before ("Royal Institute of British Architects", "Central Bank of
#: Nigeria"), unlike heads that end a club's or paper's name ("Manchester City").
_BODY_HEADS = words(
    """academy agency alliance assembly association authority bank board bureau centre
    center coalition college commission committee confederation council court department
    federation foundation fund institute institution ministry movement museum office
    organisation organization panel party school service society tribunal trust union
    university"""
)
# Capitals that are words of the news, not organisations ("AC" and "DC": currents).
_NOT_ORG_CAPS = words(
    """AI GDP CEO CFO CTO TV PM AM MP MPS MEP OK UK US USA EU UN I II III IV VI VII VIII IX
    XI XII A DNA HIV AIDS COVID LGBT LGBTQ PhD BA MA BSc MSc FAQ PDF URL PR VAT GMT BST UTC
    EST PST OBE MBE CBE KC QC VIP ID IT SUV EV AC DC"""
)
#: Kinds of organisation that name one when written in lowercase right before its name
#: ("the research firm IDC", "the chocolate maker Barry Callebaut", "the agency Ibama").
_KIND_NOUNS = words(
    """company firm agency maker broadcaster network bank lender retailer insurer regulator
    charity manufacturer startup conglomerate automaker carmaker chipmaker drugmaker party
    club band label group organisation organization giant operator airline carrier chain
    supermarket utility union"""
)
#: Ordinals, also as the word splits "3rd".
_ORDINALS = frozenset({"first", "second", "third", "st", "nd", "rd", "th"})
#: A code or a frequency before a kind of organisation ("802.11", "2.4/5GHz band").
_CODED = re.compile(r"[\d/]|[Hh]z$")
_HEADLINE_SHARE = 0.6  # a sentence this capitalised is in headline case
_AFFILIATION_WORDS = 3
# What a district named after a service provides: such a district is a body, not a place.
_SERVICES = words(
    """business improvement school water fire sanitation sewer transit irrigation
    conservation hospital health utility utilities library drainage development"""
)


def _acronym(word: str) -> bool:
    """Capitals, or capitals with one small letter inside ("NNPC", "MoD", "DfE")."""
    lower = sum(c.islower() for c in word)
    return word.isalpha() and word[0].isupper() and word[-1].isupper() and (
        lower == 0 or (lower == 1 and len(word) >= 3)
    )


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def _runs(words: Sequence[str], caps: Sequence[int]) -> list[tuple[int, int]]:
    """Maximal runs of capitalised words (at ``caps``), with connectors inside ("Bank of
    England")."""
    capital = set(caps)
    runs = []
    end = 0
    count = len(words)
    for i in caps:
        if i < end:
            continue
        j = i + 1
        while j < count:
            if j in capital:
                j += 1
            elif (j + 1 in capital and words[j] in _CONNECTORS
                  and words[j + 1].lower() not in FUNCTION_WORDS):
                j += 2
            elif (j + 2 in capital and words[j] in _REMIT and words[j + 1] == "the"
                  and words[j - 1].lower() in _BODY_HEADS
                  and words[j + 2].lower() not in FUNCTION_WORDS):
                j += 3
            else:
                break
        runs.append((i, j))
        end = j
    return runs


def _headed(run: Sequence[str], lex: Lexicon) -> bool:
    """Whether a run of two or more capitalised words names an organisation by its head
    ("Bank of Italy", "Liberal Democratic Party"), by a body's head before its remit
    ("Royal Society for the Protection of Birds"), or by one opening it before the
    country it serves ("Network Rail Scotland", "Police Scotland")."""
    bare = [w.lower().rstrip(".") for w in run]
    if sum(_capitalised(w) for w in run) < 2:
        return False
    if (
        any(bare[k] in _BODY_HEADS and bare[k + 1] in _REMIT
            and not _REMIT.intersection(bare[:k])  # "Students of X University of Y"
            for k in range(1, len(run) - 1))
        and bare[-1] not in PLACE_HEADS  # "Arts Center on Peachtree Street": an address
        and not all(w.isupper() for w in run if w.isalpha())  # "THE CENTER OF THE ROOM"
    ):
        return True  # "Intergovernmental Panel on Climate Change"
    return bare[-1] in ORG_HEADS or (bare[0] in ORG_HEADS and (
        bare[1] in ("of", "for") or (bare[1] == "on" and bare[0] in _BODY_HEADS)
        or (run[-1] in lex.strong_places and bare[0] != "united"  # "United States"
            and not any(w in _CONNECTORS for w in bare))
    ))


def organisation_spans(
    words: Sequence[str],
    caps: Sequence[int],
    people: Sequence[bool],
    tagged: Sequence[bool],
    lex: Lexicon,
) -> list[tuple[int, int]]:
    """Word spans ``[first, end)`` of organisations in one sentence, whose capitalised
    words are at ``caps`` (in order); ``people`` marks the
    words of the people already found there, which no organisation takes, and ``tagged``
    the words the model tagged as an organisation at any confidence: an acronym must be one
    of them ("MRI", "HR", "SIDS" are not)."""
    known = _known_spans(words, caps, lex)
    out = list(known)
    headline = len(words) > 5 and len(caps) > _HEADLINE_SHARE * len(words)
    for i, j in _outside(_runs(words, caps), known, words):
        while i < j and words[i].lower() in FUNCTION_WORDS:
            i += 1
        if i >= j:
            continue
        name = " ".join(words[i:j])
        if (words[i - 1] == "(" and _affiliation(words, i, j, people, lex)) or (
            i == 0 and _publisher(words, i, j)
        ):
            if name not in lex.strong_places and name not in lex.weak_places:
                out.append((i, j))
            continue
        if any(people[i:j]):
            continue
        if _kind_cued(words, i, j, tagged, lex) or (j - i == 1 and name in KNOWN_ORGS):
            out.append((i, j))
        elif j - i == 1:
            word = words[i]
            if (2 <= len(word) <= 6 and _acronym(word) and tagged[i]
                    and word not in _NOT_ORG_CAPS and word.title() not in lex.strong_places
                    and word not in lex.strong_places and word not in lex.weak_places
                    and not headline):
                out.append((i, j))
        elif not headline and any(tagged[i:j]) and _team(words[i:j], lex):
            out.append((i, j))  # "Boston Bruins", "Vancouver Canucks"
        elif (not headline and (_headed(words[i:j], lex) or _public_body(words[i:j]))
              and name not in lex.strong_places and name.title() not in lex.strong_places
              and (any(tagged[i:j]) or not _common_words(words[i:j], lex))):
            out += _bodies(words, i, j, tagged, lex)  # a listed place is no body: "West Bank"
    return out


#: Words that join a longer name to a well-known one after them.
_LINKS = frozenset({"of", "the", "for", "de"})
#: The well-known organisations' names as words, longest first, by their first word.
_KNOWN_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _name in sorted(KNOWN_ORG_NAMES, key=lambda n: (-len(n.split()), n)):
    _KNOWN_BY_FIRST.setdefault(_name.split()[0], []).append(tuple(_name.split()))


def _known_spans(words: Sequence[str], caps: Sequence[int], lex: Lexicon) -> list[tuple[int, int]]:
    """Spans of the well-known organisations a sentence names ("Friends of the Earth", "Le
    Monde", even where read as a person), with the people's adjective or the country before
    them ("American Red Cross"); none that a longer capitalised name holds ("Federal Reserve
    Bank of New York", "Red Cross Hospital")."""
    out: list[tuple[int, int]] = []
    for i in caps:
        if out and i < out[-1][1]:
            continue
        for name in _KNOWN_BY_FIRST.get(words[i], ()):
            end = i + len(name)
            if tuple(words[i:end]) != name:
                continue
            first = i
            while first > 0 and (words[first - 1].lower() in DEMONYM_WORDS
                                 or words[first - 1] in lex.strong_places):
                first -= 1
            k = first - 1
            while k >= 0 and words[k] in _LINKS:  # "International Committee of the Red Cross"
                k -= 1
            before = words[k] if k >= 0 else ""
            after = words[end + 1] if end + 1 < len(words) and words[end] in _LINKS else ""
            if not ((end < len(words) and (words[end][:1].isupper() or after[:1].isupper()))
                    or (before[:1].isupper() and before.lower() not in FUNCTION_WORDS)):
                out.append((first, end))
            break
    return out


def _outside(
    runs: Sequence[tuple[int, int]], known: Sequence[tuple[int, int]], words: Sequence[str]
) -> list[tuple[int, int]]:
    """The parts of ``runs`` that no well-known name takes, without the words that joined
    them to it ("MSNBC" of "MSNBC and Fox News")."""
    out = []
    for i, j in runs:
        parts = [(i, j)]
        for a, b in known:
            parts = [p for s, e in parts for p in ((s, min(e, a)), (max(s, b), e))]
        for s, e in parts:
            while s < e and words[s] in _CONNECTORS:
                s += 1
            while s < e and words[e - 1] in _CONNECTORS:
                e -= 1
            if s < e:
                out.append((s, e))
    return out


def _team(run: Sequence[str], lex: Lexicon) -> bool:
    """Whether a run is a listed place and a plural that open text writes capitalised: a
    team named for its city ("Boston Bruins", "Pittsburgh Pirates"; not "Berlin Olympics"
    on its own, nor "Santa Barbara Counties", whose plural is a common word, nor "San
    Franciscans", "San Marcos")."""
    last = run[-1]
    name = " ".join(run)
    return (len(run) > 1 and " ".join(run[:-1]) in lex.strong_places and len(last) > 3
            and last.endswith("s") and last[:1].isupper() and last[1:].islower()
            and not lex.mostly_lower(last) and last.lower() not in DEMONYM_WORDS
            and name not in lex.strong_places and name not in lex.weak_places)


def _kind_cued(
    words: Sequence[str], first: int, end: int, tagged: Sequence[bool], lex: Lexicon
) -> bool:
    """Whether a run follows a kind of organisation in lowercase ("the research firm IDC"),
    and is a name: not a listed place, a title, or common words the model did not tag. Not
    after a party of an order or a band of a frequency ("third party", "5GHz band Wi-Fi")."""
    name = " ".join(words[first:end])
    qualifier = words[first - 2] if first > 1 else ""
    return (
        first > 0 and words[first - 1] in _KIND_NOUNS
        and qualifier.lower() not in _ORDINALS and not _CODED.search(qualifier)
        and not (len(qualifier) <= 2 and qualifier.islower()  # "802.11ac band Wi-Fi"
                 and qualifier not in FUNCTION_WORDS)
        and words[first].lower().rstrip(".") not in TITLE_WORDS
        and name not in lex.strong_places and name not in _NOT_ORG_CAPS
        and (any(tagged[first:end]) or not all(
            lex.mostly_lower(w) or w.lower() in FUNCTION_WORDS for w in words[first:end]))
    )


#: Heads under which common words still name one body: a public body's, a magazine's.
_NAMING_HEADS = _BODY_HEADS | {"magazine"}


def _common_words(run: Sequence[str], lex: Lexicon) -> bool:
    """Whether a headed run is common words under capitals, headed by no public body's
    head nor "Magazine": a service, a heading or a label ("Social Media", "Web Services",
    "Tool-Free Assembly" is one; "Environmental Protection Agency", "Bank of England" and
    "Time Magazine" are not)."""
    heads = {w.lower() for w in (run[0], run[-1])}
    return _NAMING_HEADS.isdisjoint(heads) and all(
        lex.mostly_lower(w) or w.lower() in FUNCTION_WORDS for w in run
    )


def _bodies(
    words: Sequence[str], first: int, end: int, tagged: Sequence[bool], lex: Lexicon
) -> list[tuple[int, int]]:
    """A headed run as one organisation, or as two where "and" joins two names, each headed
    on its own or the second one opening an organisation the model tagged apart from the
    first ("University of Turku and Åbo Akademi University", "An Bord Pleanála and Dublin
    City Council"); not where a common word follows it ("Securities and Investments
    Commission")."""
    for k in range(first + 1, end - 2):
        if (words[k] == "and" and not lex.mostly_lower(words[k + 1])
                and _headed(words[k + 1 : end], lex)
                and ((k - first > 1 and _headed(words[first:k], lex))
                     or (tagged[k + 1] and not tagged[k]
                         and _names_alone(words[first:k], lex)))):
            return [(first, k), *_bodies(words, k + 1, end, tagged, lex)]
    return [(first, end)]


def _names_alone(run: Sequence[str], lex: Lexicon) -> bool:
    """Whether words before "and" may name an organisation by themselves: not a place, a
    people's adjective, a given name or a word open text writes in lowercase, which more
    often share the name after "and" ("Brighton and Hove Albion", "Foreign and
    Commonwealth Office", "Janet and Simeon Braguin Fund")."""
    name = " ".join(run)
    last = run[-1].lower()
    return not (name in lex.strong_places or name in lex.weak_places or last in DEMONYM_WORDS
                or (len(run) == 1 and (last in lex.given_names or lex.mostly_lower(run[0]))))


def bracketed_acronyms(
    words: Sequence[str], ends: Sequence[int], lex: Lexicon
) -> list[tuple[int, int]]:
    """Word spans of acronyms in brackets right after an organisation's name (its words end
    at one of ``ends``), which name it short, whatever letters they take: "Russian
    Nanotechnology Corporation (RUSNANO)", "Ministry of Defence (MoD)"; not a listed place
    or a common term ("(UK)", "(PDF)")."""
    out = []
    for end in ends:
        if end + 2 < len(words) and words[end] == "(" and words[end + 2] == ")":
            word = words[end + 1]
            if (2 <= len(word) <= 10 and _acronym(word) and word not in _NOT_ORG_CAPS
                    and word not in TERM_ACRONYMS and word not in lex.strong_places
                    and word.title() not in lex.strong_places):
                out.append((end + 1, end + 2))
    return out


def remit_list(rest: Sequence[str]) -> bool:
    """Whether the words after a body's name list more of its remit, as ministries' names
    do: ", Food and Rural Affairs"."""
    return (
        len(rest) > 1 and rest[0] == "," and rest[-1][:1].isupper()
        and all(w in (",", "and", "&") or w[:1].isupper() for w in rest)
    )


def _affiliation(
    words: Sequence[str], first: int, end: int, people: Sequence[bool], lex: Lexicon
) -> bool:
    """Whether ``words[first:end]`` (at most three words) stand alone in brackets right
    after a person's name as an affiliation, such as a publisher, party or employer ("Alex
    Foster (Grove)", "Anna Hyde (Fitzcarraldo)"). Not a code ("R-OK") or a title ("Lord
    Kelvin"), and more than one word only in a book's credit line ("Circular Motion / Kit
    Adeyemi (Jonathan Cape)"): elsewhere they are mostly a person ("Rose Tyler (Billie
    Piper)", the actor)."""
    run = words[first:end]
    if not (
        end - first <= _AFFILIATION_WORDS and first >= 2 and end < len(words)
        and words[first - 1] == "(" and words[end] == ")" and people[first - 2]
        and not people[first - 1]
    ) or any("-" in w or "." in w for w in run) or run[0].lower() in TITLE_WORDS:
        return False
    return (len(run) == 1 and run[0].lower() not in lex.given_names) or "/" in words[: first - 2]


def _publisher(words: Sequence[str], first: int, end: int) -> bool:
    """Whether ``words[first:end]`` open a line with a page count after it, as a book's
    publisher does in a review ("Grove, 320pp")."""
    return (
        first == 0 and end + 2 < len(words) and words[end] == ","
        and words[end + 1].isdigit() and words[end + 2] in ("pp", "pages")
    )


def _public_body(run: Sequence[str]) -> bool:
    """Whether a run names a body by its service and the district it serves ("Kelbridge
    Business Improvement District", "Unified School District"), not a place."""
    bare = [w.lower() for w in run]
    return bare[-1] in ("district", "districts") and any(w in _SERVICES for w in bare[:-1])


__all__ = ["bracketed_acronyms", "organisation_spans", "remit_list"]
