"""Names listed after the kind they are: "writers such as H. G. Wells and Poul Anderson",
"firms such as Dreiturm, DOVO and Wüsthof", "cities including Kraków and Wrocław", "Major
clients include Sub-Zero, Herman Miller and SHURE". In the corpora's training part a
capitalised name listed after one of these plural kinds is of that kind nine times in ten
or more often; kinds that as often list another ("artists": bands as often as painters;
"states", "institutions"; "leaders" and "players" of an industry, firms) are left out."""

from __future__ import annotations

from collections.abc import Sequence

from .cues import DEMONYM_WORDS, FUNCTION_WORDS, legal_form, words
from .lexicon import Lexicon
from .ner_features import Sentence

_PEOPLE = words(
    """writers authors poets novelists musicians singers performers actors actresses
    directors scientists physicists biologists chemists celebrities politicians composers
    painters philosophers economists rappers comedians athletes thinkers journalists
    historians"""
)
_PLACES = words(
    """cities towns countries nations venues regions provinces villages islands
    destinations neighbourhoods neighborhoods suburbs counties capitals"""
)
_ORGANISATIONS = words(
    """companies firms brands manufacturers retailers banks bands organisations
    organizations charities clubs labels publishers broadcasters airlines insurers lenders
    startups clients sponsors corporations carmakers automakers universities"""
)
KINDS = {
    **dict.fromkeys(_PEOPLE, "PER"), **dict.fromkeys(_PLACES, "LOC"),
    **dict.fromkeys(_ORGANISATIONS, "ORG"),
}
#: What opens the list after the kind: "such as", "including", "like", "include(d)".
_OPENERS = frozenset({"such", "including", "like", "include", "included"})
#: Words a name may hold between its capitalised words ("Bank of America").
_INNER = frozenset({"of", "the", "de", "&"})
_LONGEST = 5
#: What may follow a listed name: the list goes on or ends.
_AFTER = frozenset({",", "and", "or", ".", ";", ":", ")", "!", "?"})


def listed_of_a_kind(
    sentence: Sentence, caps: Sequence[int], claimed: Sequence[bool], lex: Lexicon
) -> list[tuple[int, int, str]]:
    """Spans ``(first, end, kind)`` of the names listed after a plural kind of person,
    place or organisation that no one claimed."""
    starts, words, _ = sentence
    out: list[tuple[int, int, str]] = []
    if not caps or _OPENERS.isdisjoint(words):
        return out
    for i, word in enumerate(words):
        if word not in _OPENERS or i < 1:
            continue
        start = i + 2 if word == "such" else i + 1
        if word == "such" and (start > len(words) or words[i + 1] != "as"):
            continue
        noun = words[i - 2] if words[i - 1] == "," and i > 1 else words[i - 1]
        kind = KINDS.get(noun.lower())
        if kind is not None:
            out += [(first, end, kind) for first, end in _items(starts, words, start)
                    if not any(claimed[first:end]) and _name(words[first:end], kind, lex)]
    return out


def _items(starts: Sequence[int], words: Sequence[str], k: int) -> list[tuple[int, int]]:
    """The capitalised runs listed from ``words[k]`` on, joined by commas, "and", "or",
    up to one that runs on glued to what follows it ("D.C", "J.Crew", "Nike's")."""
    out = []
    while k < len(words):
        if words[k] == "The":
            k += 1
        first = k
        while k < len(words) and k - first < _LONGEST and (
            words[k][:1].isupper()
            or (k > first and words[k] in _INNER and k + 1 < len(words)
                and words[k + 1][:1].isupper())
        ):
            k += 1
        if k == first or (k < len(words) and not _ends(starts, words, k)) or (
            len(words[k - 1]) == 1 and k + 1 == len(words) and words[k] == "."
        ):
            break  # "Washington D." of "Washington D.C", cut as a sentence there
        if not legal_form(words[first]):
            out.append((first, k))
        if k < len(words) and words[k] == ",":
            k += 1
        if k < len(words) and words[k] in ("and", "or"):
            k += 1
    return out


def _ends(starts: Sequence[int], words: Sequence[str], k: int) -> bool:
    """Whether a listed name ends before ``words[k]``: a separator or a closing mark not
    glued to a word after it, or a word in lowercase."""
    word = words[k]
    if word in _AFTER:
        return k + 1 == len(words) or starts[k + 1] > starts[k] + len(word)
    return word[:1].islower()


def _name(run: Sequence[str], kind: str, lex: Lexicon) -> bool:
    """Whether a listed run may be a name of ``kind``: not a people's adjective, a word
    open text writes in lowercase, or a listed place in a list of people or bodies."""
    name = " ".join(run)
    if len(run) == 1 and (run[0].lower() in DEMONYM_WORDS or run[0].lower() in FUNCTION_WORDS
                          or lex.mostly_lower(run[0])):
        return False
    return kind == "LOC" or (name not in lex.strong_places and name not in lex.weak_places)


__all__ = ["KINDS", "listed_of_a_kind"]
