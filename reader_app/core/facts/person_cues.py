"""People the model leaves untagged, found by what stands around them: a title or role
before the name ("Mr Comey", "bassist Tim Commerford"), a verb of speech beside a quote
("“...,” Leive said"), "who", kin, an age or a birth after it ("Seagal, whose", "Jutting,
now 31, is"), or a listed given name the model gives some chance ("Saul Bass")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .cues import (
    COMMON_WORDS,
    DEMONYM_WORDS,
    HONORIFICS,
    KNOWN_ORGS,
    ORG_HEADS,
    PLACE_HEADS,
    ROLE_NOUNS,
    RULERS,
    TITLE_WORDS,
)
from .lexicon import Lexicon

# Chosen on the development documents (the even-numbered held-out documents of the threshold
# corpora; docs/facts.md, "Training").
GIVEN_PAIR = 0.2
_NOT_NAME_WORDS = COMMON_WORDS | ORG_HEADS | PLACE_HEADS | TITLE_WORDS | DEMONYM_WORDS
#: Titles of kin, which a name follows as it follows a courtesy title ("Aunt Toni", "Uncle
#: Bob"); the corpora annotate the name without them.
_KIN_TITLES = frozenset({"aunt", "auntie", "uncle", "grandma", "grandpa", "granny"})
#: Offices that, capitalised, make the one name word after them a person whatever the name
#: lists hold ("King Gongmin", "President Yudhoyono"): in the corpora's training part a word
#: of no name list after one of them is a person 57 times in 66 ("General", "Prince",
#: "Justice", "Father" name works, bands and bodies as often as people, and stay out).
_OFFICES = frozenset({
    "president", "vice-president", "president-elect", "emperor", "king", "queen", "pope",
    "senator", "governor", "mayor", "ambassador", "marshal", "chancellor", "premier",
    "sheikh", "ayatollah", "imam", "rabbi", "cardinal", "bishop", "archbishop",
    "commissioner", "congressman", "congresswoman", "admiral", "colonel", "lieutenant",
    "sergeant",
}) | RULERS
_ONE_NAME_TITLES = TITLE_WORDS | RULERS
#: Lowercase nouns of a person's art, science or cause ending in "-ist" ("saxophonist",
#: "geneticists", "folklorist"), which cue a name as the role nouns do:
#: in the corpora's training part two or three name words after one are a person 40 times
#: in 45, the five others a party after a creed ("socialist Poale Zion"), which stay out.
_PRACTITIONER = re.compile(r"[a-z]{3,}ists?")
_NOT_PRACTITIONERS = re.compile(
    r"(?:\w*(?:check|play|wish|short|black|white|wait|book|track|set|hit)list"
    r"|(?:as|in|re|per|con|co-?ex|ex|sub|de)sist|enlist|twist|wrist|mist"
    r"|(?:commun|social|region|sovereignt|popul|centr|nation|separat|left|right|marx|islam"
    r"|union|loyal|feder|royal|real|modern|reviv|fasc|capital|imperial|zion)ist)s?"
)
#: Verbs of what only people do before "by" ("directed by", "founded by", "played by"): in the
#: corpora's training part two name words or more after them are a person 119 times in 120
#: (not "produced by", "performed by", "composed by": film companies and bands as often).
_CREDITING = frozenset({
    "directed", "written", "founded", "voiced", "hosted", "designed", "edited", "sung",
    "illustrated", "narrated", "painted", "photographed", "coached", "portrayed", "played",
    "succeeded", "invented", "discovered",
})
# Every written form of a cue ("researcher", "Minister", "Mr."), looked up before any lowering.
_CUE_FORMS = frozenset(
    form
    for cue in TITLE_WORDS | ROLE_NOUNS | _KIN_TITLES | RULERS
    for cased in (cue, cue.capitalize(), "-".join(p.capitalize() for p in cue.split("-")))
    for form in (cased, cased + ".")
) | {"YouTuber"}  # a role written with a capital inside
_NAME_WORD = re.compile(r"[^\W\d_][^\W\d_]+(?:[-\u2019'][^\W\d_]+)?")
# Verbs a speaker's name stands before ("Leive said"), and those it may follow ("said Dündar").
_SPEAKING = frozenset({
    "said", "says", "told", "tells", "explained", "explains", "wrote", "writes", "recalled",
    "recalls", "insisted", "insists", "argued", "argues", "warned", "admitted", "replied",
    "asked",
})
_SAID = frozenset({"said", "says"})
_QUOTES = frozenset('"\u201c\u201d\u00ab\u00bb\u201e')
# A speaker's word: capitalised, no capital inside but after a family prefix ("McDonald",
# "DeSantis"; not "ClassPass"), hyphenated parts capitalised ("Bourget-Vennin"), no
# contraction ("We've").
_SPEAKER_WORD = re.compile(
    r"(?:Mc|Mac|O['\u2019]|De|Di|Le|La|Du)?[^\W\d_][^\W\d_A-Z]+(?:-[^\W\d_a-z][^\W\d_A-Z]+)*"
)
#: What only a person has: "Okonjo's lawyer", "Duffy's wife".
_KIN = frozenset({
    "wife", "husband", "son", "daughter", "mother", "father", "brother", "sister", "widow",
    "spokesman", "spokeswoman", "lawyer", "attorney",
})
_AGE = re.compile(r"[1-9]\d")
#: What a person is, set beside a name between commas ("Thandi Mokoena, a voter in Soweto,";
#: "the charity's chief executive, Beccy Speight,"): roles only a person has.
_ROLES = ROLE_NOUNS | frozenset({
    "negotiator", "voter", "director", "executive", "spokesperson", "minister", "secretary",
    "president", "chairman", "chairwoman", "founder", "resident", "analyst",
    "economist", "professor", "researcher", "scientist", "official", "farmer", "worker",
    "owner", "manager", "coach", "captain", "striker", "midfielder", "defender",
    "goalkeeper", "author", "novelist", "actor", "actress", "singer", "doctor", "nurse",
    "officer", "commander", "ambassador", "prosecutor", "judge", "volunteer", "survivor",
    "witness", "protester", "grandmother", "grandfather", "mayor", "governor", "senator",
    "lawmaker", "councillor", "candidate", "fisherman", "driver",
}) | _KIN
#: The words between a name and its role ("Ethiopia's chief negotiator").
_ROLE_WORDS = 5
#: Words of which a sentence holds one at least where _person_follows may find a person.
_TRIGGERS = (frozenset({"who", "whose", "born"}) | _KIN | _ROLES
             | {str(age) for age in range(10, 100)})


def name_word(word: str, lex: Lexicon) -> bool:
    """Whether ``word`` can be part of a person's name: a capitalised word of letters
    that is no place, organisation, title or common word."""
    return bool(
        _NAME_WORD.fullmatch(word) and word[0].isupper() and not word[1:].isupper()
        and word.lower() not in _NOT_NAME_WORDS and word.lower() not in ROLE_NOUNS
        and word not in KNOWN_ORGS and word not in lex.strong_places
    )


def cued_people(
    words: Sequence[str], caps: Sequence[int], claimed: Sequence[bool], lex: Lexicon | None
) -> list[tuple[int, int]]:
    """People the model left untagged after a title or role word: two or three
    capitalised words of a name's shape after a role written in lowercase ("security
    researcher Anneli Virtanen", "bassist Tim Commerford"), one to three after a courtesy
    title or a capitalised office ("Mr Comey", "Defense Minister Nelson Jobim"), none of
    them a place, an organisation word, a title or a common word, and no capitalised word
    running on after them."""
    if lex is None:
        return []
    out = []
    for after in caps:
        i = after - 1
        if i < 0:
            continue
        by_work = (  # "the anatomist Torbern Bergman", "played by Ève Ringuette"
            (_PRACTITIONER.fullmatch(words[i]) and not _NOT_PRACTITIONERS.fullmatch(words[i]))
            or (words[i] == "by" and i > 0 and words[i - 1].lower() in _CREDITING)
        )
        if words[i] not in _CUE_FORMS and not by_work:
            continue  # also "MS Windows": a cue in capitals is an acronym
        cue = words[i].lower().rstrip(".")
        courtesy = cue in HONORIFICS or (cue in _KIN_TITLES and not words[i].islower())
        if courtesy or (cue in _ONE_NAME_TITLES and not words[i].islower()):
            shortest = 1
        elif (words[i].islower() and cue in TITLE_WORDS) or cue in ROLE_NOUNS or by_work:
            shortest = 2
        else:
            continue
        end = i + 1
        while end < len(words) and end - i <= 3 and name_word(words[end], lex):
            end += 1
        if (
            shortest <= end - i - 1 <= 3
            and not (end < len(words) and words[end][:1].isupper())
            and not any(claimed[i + 1 : end])
            and (end - i > 2 or courtesy or cue + "." in HONORIFICS
                 or (cue in _OFFICES and not words[i].islower())
                 or words[i + 1].lower() in lex.surnames
                 or words[i + 1].lower() in lex.given_names)
        ):
            out.append((i + 1, end))
    return out


def _speaker_word(word: str, lex: Lexicon) -> bool:
    return bool(
        name_word(word, lex) and _SPEAKER_WORD.fullmatch(word)
        and not any(part.lower() in _NOT_NAME_WORDS for part in word.split("-"))
    )


def _person_follows(words: Sequence[str], end: int) -> bool:
    """Whether what follows the name ending before ``end`` tells a person: "who" or
    "whose", kin or counsel ("'s wife", "'s lawyer"), an age (", 31, is", ", aged 45,
    was"), a role between commas (", a voter in Soweto,") or a birth ("was born")."""
    rest = words[end : end + 5]
    if rest[:2] in ([",", "who"], [",", "whose"]):
        return True
    if rest[:1] in (["'s"], ["\u2019s"]) and len(rest) > 1 and rest[1] in _KIN:
        return True
    if rest[:1] == [","]:
        k = 2 if rest[1:2] in (["aged"], ["now"]) else 1
        return (
            k + 2 < len(rest) and bool(_AGE.fullmatch(rest[k])) and rest[k + 1] == ","
            and rest[k + 2].islower()  # not an address: "Gubbi Cross, 81, Bangalore"
        ) or _role_between_commas(words, end)
    return rest[:2] in (["was", "born"], ["is", "born"])


def _role_between_commas(words: Sequence[str], end: int) -> bool:
    """Whether a role only a person has follows the name ending before ``end`` (and a
    comma) before the next comma: ", Ethiopia's chief negotiator,", ", a voter in Soweto,"."""
    if words[end + 1 : end + 2] in (["and"], ["or"]):
        return False  # "email, Slack, and a host of other tools": a list goes on
    for word in words[end + 1 : end + 2 + _ROLE_WORDS]:
        if word == ",":
            return False
        if word in _ROLES:
            return True
    return False


def speakers(
    words: Sequence[str], caps: Sequence[int], claimed: Sequence[bool],
    organisations: Sequence[bool], lex: Lexicon | None,
) -> list[tuple[int, int]]:
    """People the model left untagged that a quote or what follows them marks: one to three
    capitalised words of a name's shape before a verb of speech in a sentence that quotes
    ("“...,” Leive said"; "Nate Wheatley said, “...”") or after "said" at its end ("...,”
    said Dündar."), or before what tells a person (``_person_follows``); not after a word
    ("Analysts at Peel Hunt said": a body), not a word open text mostly writes in lowercase
    ("Officials said") or a listed place, and nothing the model tagged as an organisation
    (``organisations``)."""
    quoted = not _QUOTES.isdisjoint(words)
    if lex is None or (
        _TRIGGERS.isdisjoint(words) and (not quoted or _SPEAKING.isdisjoint(words))
    ):
        return []  # most sentences: nothing that could mark a person
    out = []
    resume = 0
    for i in caps:
        if i < resume or claimed[i] or (i and words[i - 1][:1].isupper()):
            continue
        end = i
        while end < len(words) and end - i < 3 and _speaker_word(words[end], lex):
            end += 1
        if end == i or any(claimed[i:end]) or any(organisations[i:end]):
            continue
        role_before = (  # "the charity's chief executive, Beccy Speight, said"
            i > 1 and words[i - 1] == "," and words[i - 2] in _ROLES
            and end < len(words) and words[end] == ","
        )
        said_before = (
            quoted and i > 0 and words[i - 1] in _SAID
            and (end == len(words) or words[end] in ".,;")
        )
        if not (said_before or role_before or (
            (i == 0 or not words[i - 1][:1].isalnum())
            and ((quoted and end < len(words) and words[end] in _SPEAKING)
                 or _person_follows(words, end))
        )):
            continue
        if end - i == 1 and (lex.mostly_lower(words[i]) or words[i] in lex.weak_places):
            continue
        out.append((i, end))
        resume = end
    return out


def given_name_words(
    words: Sequence[str], caps: Sequence[int], lex: Lexicon | None
) -> dict[int, str]:
    """The words whose chance of being a person ``given_name_pairs`` reads, with the
    tag it reads: "B-PER" where a pair may start (a capitalised given name after no
    capitalised word), "I-PER" on the two words after it."""
    wanted: dict[int, str] = {}
    if lex is None:
        return wanted
    for i in caps:
        if (words[i].lower() in lex.world_given_names
                and not (i and words[i - 1][:1].isupper())):
            wanted[i] = "B-PER"
            for k in range(i + 1, min(i + 3, len(words))):
                wanted.setdefault(k, "I-PER")
    return wanted


def given_name_pairs(
    words: Sequence[str],
    caps: Sequence[int],
    claimed: Sequence[bool],
    chance: dict[int, float],
    lex: Lexicon | None,
) -> list[tuple[int, int]]:
    """Two or three capitalised words of a name's shape standing alone, the first a
    given name of many countries ("Saul Bass", "Harald Thune"), that the model left untagged but
    gives some chance of being a person: the mean marginal probability of B-PER, I-PER
    over the words (``chance``) reaches ``GIVEN_PAIR``. The last may not be a word open
    text mostly writes in lowercase that is no surname ("Liberty Moving" is a firm)."""
    if lex is None:
        return []
    out = []
    resume = 0
    for i in caps:
        if (
            i < resume
            or i == len(words) - 1
            or claimed[i]
            or words[i].lower() not in lex.world_given_names
            or (i > 0 and words[i - 1][:1].isupper())
        ):
            continue
        end = i
        while end < len(words) and end - i < 4 and name_word(words[end], lex):
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


__all__ = ["GIVEN_PAIR", "cued_people", "given_name_pairs", "given_name_words", "speakers"]
