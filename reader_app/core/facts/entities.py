"""People, places and organisations of an article: the tagger's mentions, made consistent.

The learned tagger (``tagger.py``) marks names sentence by sentence in each source block.
What one sentence cannot see is settled here, over the whole article: a name gets the type
most of its mentions have; a name found confidently once is found at its other mentions
(headlines, sentence starts, a surname alone); and the forms of one name merge into one fact
("Donald Trump", "Mr Trump", "Trump"; "US", "United States"; "MoD", "Ministry of Defence").
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence

from .common_words import opens_sentence, uncommon, written_lowercase
from .cues import (
    COMMON_WORDS,
    DEMONYM_WORDS,
    KNOWN_ORGS,
    LEGAL_FORMS,
    ORG_ALIASES,
    ORG_HEADS,
    TITLE_WORDS,
)
from .full_names import full_names
from .lexicon import lexicon
from .lists import as_named_apart, like_its_list, with_list_members
from .lone_names import (
    SURNAME_PARTICLES,
    common_last_word,
    determined,
    modelled,
    owned,
    possessed_name,
    the_thing,
    unintroduced,
)
from .model import FactKind
from .sources import SourceBlock
from .tagger import LISTED, Mention, NameTagger, name_tagger
from .terms import defined_terms
from .trim import trim, without_degrees, without_generation

KINDS: dict[str, FactKind] = {"PER": "person", "LOC": "place", "ORG": "organisation"}

# Places that news names in several ways; each maps to one key.
PLACE_ALIASES = {
    "us": "united states",
    "usa": "united states",
    "united states of america": "united states",
    "uk": "united kingdom",
    "britain": "united kingdom",
    "great britain": "united kingdom",
    "uae": "united arab emirates",
    "drc": "democratic republic of the congo",
    "dr congo": "democratic republic of the congo",
}
_PLACE_SUFFIX = re.compile(
    r"\s+(?:oblast|region|province|governorate|krai|prefecture|county|state)$", re.IGNORECASE
)
_RIVER = re.compile(r"river (.+)|(.+) river", re.IGNORECASE)
#: A firm's legal form after its name, in a name's key ("Hudson Moving & Storage Co., Inc.").
_LEGAL_FORM = re.compile(rf"(?:,?\s+(?:&\s+)?(?:{'|'.join(LEGAL_FORMS)}))+$")
_MINISTRY = re.compile(r"^(?:the\s+)?(?:\w+\s+)?(?P<area>[\w ]+?)\s+(?:ministry|department)$",
                       re.IGNORECASE)
#: How a key in ASCII must end for ``_LEGAL_FORM``, ``_MINISTRY`` to match it, and how a
#: name must start or end for ``_RIVER``: looked at before the patterns are tried.
_LEGAL_ENDS = (*LEGAL_FORMS, "\n")
_MINISTRY_ENDS = ("ministry", "department", "\n")
_PLACE_CUE = re.compile(
    r"\b(?:in|from|near|to|between|outside|across|around|towards) $", re.IGNORECASE
)
_MINISTRY_NAME = re.compile(
    r"\b(?!The\b|A\b)([A-Z][a-z]+) (?:Ministry|Department)\b(?! of)"
    r"|\b(?:Ministry|Department) (?:of|for) (?:the )?[A-Z][a-z]+(?:,? (?:and )?[A-Z][a-z]+)*"
)
_CAPITALISED = re.compile(r"[A-Z](?<![\w\u2019'-][A-Z])[\w-]*")  # capital first: found faster
_WORD_CHARS = re.compile(r"[\w\u2019'.-]")
_INITIALS = re.compile(r"(?<=\b\w) (?=\w\b)")  # the space between two initials


def _norm(surface: str) -> str:
    """A name's key, without case, full stops or accents ("MARTINEZ" is "Martínez")."""
    key = surface.replace("\u2019", "'").replace(".", "").casefold()
    return key if key.isascii() else "".join(
        c for c in unicodedata.normalize("NFKD", key) if not unicodedata.combining(c))


def _ministries(text: str, blocks: Sequence[SourceBlock]) -> list[Mention]:
    """Ministries and departments named short or long ("Defence Ministry", "Ministry of
    Defence"), which the model often leaves untagged in their short form."""
    out = []
    for block in blocks:
        if "Ministry" not in block.text and "Department" not in block.text:
            continue
        for match in _MINISTRY_NAME.finditer(block.text):
            if match.group(1) is None or match.group(1).lower() not in DEMONYM_WORDS:
                start = block.start + match.start()
                out.append(Mention(start, block.start + match.end(), "ORG", 0.5))
    return out


def _vote(text: str, mentions: list[Mention]) -> list[Mention]:
    """Give every mention of one surface the type its mentions carry most confidently;
    a single word that ends a person's full name is that person, and a listed place named
    after a place preposition is a place (unless it is also a surname or a known
    organisation: "work from Google")."""
    weight: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    surfaces = [text[m.start : m.end] for m in mentions]
    norms = {surface: _norm(surface) for surface in set(surfaces)}
    keys = [norms[surface] for surface in surfaces]
    for m, key in zip(mentions, keys, strict=True):
        weight[key][m.kind] += m.confidence
    most = {key: max(kinds, key=kinds.__getitem__) for key, kinds in weight.items()}
    surnames = {key.split()[-1] for key, kind in most.items() if " " in key and kind == "PER"}
    places = lexicon()
    cued = {  # a listed place after "in", "from", "near" ...: "trains from Oban"
        key for m, surface, key in zip(mentions, surfaces, keys, strict=True)
        if m.kind != "LOC"
        and (surface in places.strong_places or surface in places.weak_places)
        and surface.lower() not in places.surnames
        and surface not in KNOWN_ORGS  # "work from Google"
        and _PLACE_CUE.search(text, max(0, m.start - 12), m.start)
    }
    for key, kinds in weight.items():
        if key in surnames and kinds.get("PER", 0) >= kinds.get("LOC", 0) / 2:
            most[key] = "PER"
        elif key in cued and key not in surnames:
            most[key] = "LOC"
    return [m if m.kind == most[key] else Mention(m.start, m.end, most[key], m.confidence)
            for m, key in zip(mentions, keys, strict=True)]


def _other_forms(text: str, mentions: list[Mention]) -> dict[str, str]:
    """Surfaces to look for again, with their type: every name found, the surname (and,
    for three-word names, the family name said first) of every person, and the name of a
    river ("Avon" of "River Avon") that names no other place."""
    forms: dict[str, str] = {}
    for m in mentions:
        surface = text[m.start : m.end]
        forms.setdefault(surface, m.kind)
        words = without_generation(surface.split()) if m.kind == "PER" else surface.split()
        if m.kind == "PER" and len(words) >= 2:
            for word in {words[-1], words[0]} if len(words) == 3 else {words[-1]}:
                if len(word) > 2 and word.lower() not in COMMON_WORDS and word[0].isupper() \
                        and not written_lowercase(text, word):
                    forms.setdefault(word, "PER")
        river = _river(surface) if m.kind == "LOC" else None
        if river:
            name = river.group(1) or river.group(2)
            if name[:1].isupper() and name not in lexicon().strong_places:
                forms.setdefault(name, "LOC")
    return forms


def _propagate(text: str, blocks: Sequence[SourceBlock], mentions: list[Mention]) -> list[Mention]:
    """Find the article's names again wherever else they stand, as whole words that do not
    run on into another capitalised word (except in titles and headings)."""
    forms = _other_forms(text, mentions)
    lex = lexicon()
    by_first: dict[str, list[str]] = defaultdict(list)
    for form in sorted(forms, key=len, reverse=True):
        first = _CAPITALISED.match(form)
        if first:
            by_first[first.group()].append(form)
    covered: set[int] = set()
    for m in mentions:
        covered.update(range(m.start, m.end))
    found = list(mentions)
    for block in blocks:
        headline = block.kind in ("title", "heading")
        for word in _CAPITALISED.finditer(block.text):
            candidates = by_first.get(word.group())
            if not candidates:
                continue
            start = block.start + word.start()
            if start in covered:
                continue
            match = next((f for f in candidates if _whole(text, start, f)), None)
            if match is None:
                continue
            form, end = match, start + len(match)
            if end - 1 in covered or (not headline and _runs_on(text, start, end)):
                continue
            if " " not in form and lex.mostly_lower(form) \
                    and opens_sentence(text, start, block.start):
                continue  # "Surprise", "Barking" opening a sentence: a common word
            found.append(Mention(start, end, forms[form], 0.0))
            covered.update(range(start, end))
    return sorted(found, key=lambda m: m.start)


def _whole(text: str, start: int, form: str) -> bool:
    """Whether ``form`` stands at ``start`` as whole words (a possessive may follow)."""
    end = start + len(form)
    if not text.startswith(form, start):
        return False
    after = text[end : end + 2]
    return not after[:1] or not (
        after[0].isalnum() or after[0] in "-_" or (after[0] in "'\u2019" and after[1:] != "s")
    )


def _runs_on(text: str, start: int, end: int) -> bool:
    """Whether a capitalised word stands right before or after ``text[start:end]``."""
    after = text[end : end + 2]
    before = text[max(0, start - 2) : start]
    return (len(after) == 2 and after[0] == " " and after[1].isupper()) or (
        len(before) == 2 and before[1] == " " and before[0].isalpha()
        and _word_before(text, start)[:1].isupper()
        and _word_before(text, start).lower() not in TITLE_WORDS)


def _word_before(text: str, start: int) -> str:
    begin = end = start - 1
    while begin > 0 and _WORD_CHARS.match(text[begin - 1]):
        begin -= 1
    return text[begin:end]


def _without_legal_form(key: str) -> str:
    """A name's key without the legal form that ends it, if any."""
    return _LEGAL_FORM.sub("", key) if key.endswith(_LEGAL_ENDS) else key


def _river(name: str) -> re.Match[str] | None:
    """``_RIVER.fullmatch(name)``, not tried on a name in ASCII without "river" at either end."""
    if name.isascii():
        lower = name.lower()
        if not (lower.startswith("river ") or lower.endswith(" river")):
            return None
    return _RIVER.fullmatch(name)


def _place_key(surface: str) -> str:
    key = _norm(surface)
    key = PLACE_ALIASES.get(key, key)
    return _PLACE_SUFFIX.sub("", key)


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[0].isupper())


def _org_key(surface: str) -> str:
    key = _norm(surface)
    alias = ORG_ALIASES.get(surface)
    if alias:
        return _norm(alias)
    firm = _without_legal_form(key)
    if firm != key and len(firm) > 3 and firm != "the":
        return firm  # "Hudson Moving & Storage Co." is "Hudson Moving & Storage"
    ministry = _MINISTRY.match(key) if key.endswith(_MINISTRY_ENDS) or not key.isascii() else None
    if ministry and " of " not in key:  # "Defence Ministry" is the "Ministry of Defence"
        return f"ministry of {ministry.group('area').split()[-1]}"
    return key


def _particle_surname(key: str) -> bool:
    """Whether a name's key is a surname of two words, a particle and a name ("le pen")."""
    words = key.split()
    return len(words) == 2 and words[0] in SURNAME_PARTICLES


def _group(text: str, mentions: Iterable[Mention], kind: str) -> list[list[tuple[int, int]]]:
    """Mentions of one type grouped into facts."""
    spans = [(m.start, m.end) for m in mentions if m.kind == kind]
    groups: dict[str, list[tuple[int, int]]] = {}
    if kind == "PER":
        singles: list[tuple[int, int]] = []
        for span in spans:
            surface = _INITIALS.sub("", _norm(text[span[0] : span[1]]))  # "J. B." is "J.B."
            alone = " " not in surface or _particle_surname(surface)  # "Le Pen"
            (singles if alone else groups.setdefault(surface, [])).append(span)
        names = {k: " ".join(without_generation(k.split())) for k in groups}  # full names
        for span in singles:
            word = _norm(text[span[0] : span[1]])
            owners = [k for k, name in names.items() if name.endswith(" " + word)] or [
                k for k in names if k.split()[0] == word
            ]
            before = [k for k in owners if groups[k][0][0] < span[0]]
            owner = (
                max(before, key=lambda k: max(s for s, _ in groups[k] if s < span[0]))
                if before else min(owners, key=lambda k: groups[k][0][0]) if owners else word
            )
            groups.setdefault(owner, []).append(span)
            if " " in owner:  # a particle's surname ("le pen") owns the "Pen" after it
                names.setdefault(owner, owner)
        return list(groups.values())
    keyed = _place_key if kind == "LOC" else _org_key
    for span in spans:
        groups.setdefault(keyed(text[span[0] : span[1]]), []).append(span)
    if kind == "LOC":  # "the Avon" is the "River Avon" named before or after it
        for key in list(groups):
            river = _river(key)
            bare = river and (river.group(1) or river.group(2))
            if bare and bare in groups and bare != key:
                first, end = groups[bare][0]
                if text[first:end] not in lexicon().strong_places:  # "River Jordan", "Jordan"
                    groups[key] += groups.pop(bare)
    if kind == "ORG":  # an acronym joins the one organisation whose initials it spells
        spelt = {k: _initials(text[s:e]).upper() for k, ((s, e), *_) in groups.items()
                 if " " in k}
        for key in [k for k in groups if " " not in k]:
            named = text[groups[key][0][0] : groups[key][0][1]]
            if " " in named:
                continue  # a firm's name with its legal form ("Apple Inc."), no acronym
            surface = "".join(c for c in named if c.isupper()).upper()  # "MoD" spells "MD"
            owners = [k for k, initials in spelt.items() if initials == surface]
            if len(owners) != 1:  # else the name it stands in brackets after
                owners = _bracketed_after(text, groups, key)
            if len(surface) > 1 and len(owners) == 1:
                groups[owners[0]] += groups.pop(key)
        # "Council" alone is the one "Shropshire Council" of the article
        for key in [k for k in groups if k in ORG_HEADS]:
            owners = [k for k in groups if k.endswith(" " + key)]
            if len(owners) == 1:
                groups[owners[0]] += groups.pop(key)
    return list(groups.values())


def _bracketed_after(text: str, groups: dict[str, list[tuple[int, int]]], key: str) -> list[str]:
    """The names whose mention an acronym's first mention follows in brackets ("Russian
    Nanotechnology Corporation (RUSNANO)")."""
    first, end = groups[key][0]
    if text[first - 2 : first] != " (" or text[end : end + 1] != ")":
        return []
    return [k for k, spans in groups.items() if k != key and any(e == first - 2 for _, e in spans)]


def _label(text: str, spans: list[tuple[int, int]], kind: str) -> str:
    """The fullest form: most words, then not all capitals, then longest, then first; a
    firm by its name without its legal form where the article names it so too ("Apple",
    not "Apple Inc."); a place named only in capitals (a dateline, "ADDIS ABABA —") as the
    lexicon writes it."""
    forms = [text[s:e] for s, e in spans]
    keys = {_norm(f) for f in forms} if kind == "ORG" else set()

    def plain_too(form: str) -> bool:
        """Whether the article also names the firm without this form's legal form."""
        if not keys:
            return False
        key = _norm(form)
        return _without_legal_form(key) in keys - {key}

    label = max(forms, key=lambda f: (
        not plain_too(f), len(f.split()), not f.isupper(), len(f), -forms.index(f),
    ))
    if kind == "LOC" and label.isupper() and len(label) > 3:
        places, titled = lexicon(), label.title()
        if titled in places.strong_places or titled in places.weak_places:
            return titled
    return label


def find_names(
    text: str, blocks: Sequence[SourceBlock], tagger: NameTagger | None = None
) -> dict[FactKind, list[tuple[str, tuple[tuple[int, int], ...]]]]:
    """Each kind's names in ``text`` as (label, mentions), from ``blocks`` only."""
    tagger = tagger or name_tagger()
    raw: list[Mention] = []
    for block in blocks:
        raw += tagger.mentions(block.text, block.start)
    trimmed = [t for m in raw if (t := trim(text, m)) is not None]
    # "machine learning (ML)", "Anti-Money Laundering (AML)": ML and AML name no one
    terms = defined_terms(text, [(m.start, m.end) for m in trimmed if m.kind == "ORG"])
    mentions = uncommon([m for m in trimmed if text[m.start : m.end] not in terms], text, blocks)
    taken = [(m.start, m.end) for m in mentions]
    mentions += [
        m for m in _ministries(text, blocks)
        if not any(s < m.end and m.start < e for s, e in taken)
    ]
    lex = lexicon()
    voted = full_names(text, blocks, _vote(text, mentions), lex)
    mentions = as_named_apart(text, with_list_members(text, without_degrees(
        text, like_its_list(text, _vote(text, _propagate(text, blocks, voted)))), LISTED))
    out: dict[FactKind, list[tuple[str, tuple[tuple[int, int], ...]]]] = {}
    for label, kind in KINDS.items():
        groups = _group(text, mentions, label)
        if label == "PER":
            groups = [g for g in groups
                      if not unintroduced(text, g, lex) and not determined(text, g, lex)
                      and not modelled(text, g) and not the_thing(text, g)
                      and not common_last_word(text, g, lex) and not possessed_name(text, g, lex)]
        elif label == "LOC":
            groups = [g for g in groups if not owned(text, g)]
        out[kind] = [(_label(text, sorted(g), label), tuple(sorted(set(g)))) for g in groups]
    return out


__all__ = ["KINDS", "PLACE_ALIASES", "find_names"]
