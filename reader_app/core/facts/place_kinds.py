"""Places named with their kind, which the name model often leaves untagged: a river, lake,
sea, mountain, valley, delta or desert ("Blue Nile River", "Lake Turkana", "the River
Severn", "Mount Lewotobi", "Rwenzori Mountains", "Danube Delta"), a county, airport, fort or
harbour ("Orange County", "Fort Greene", "Pearl Harbor"), a place after "the village
of", "the city of", "the province of" ("the village of Hokeng"), and one said to be such a
place ("Brensbach is a municipality in Hesse"). In the corpora's training
part a capitalised name with one of these heads is a place 9 times in 10 or more often;
heads that as often end a band's, a club's or a book's name ("Bay", "Island", "Creek",
"Forest", "River" opening a name without "the": "River Plate"; "Range": "Price Range") are
left out, and so is a name whose word beside the head open text mostly writes in lowercase
("Data Lake", "Lunar Lake")."""

from __future__ import annotations

from collections.abc import Sequence

from .cues import DEMONYM_WORDS, FUNCTION_WORDS, TITLE_WORDS
from .lexicon import mostly_lower

#: Heads after the name ("Severn River"), and before it ("Lake Turkana").
_AFTER = frozenset({
    "River", "Lake", "Sea", "Ocean", "Mountains", "Valley", "Hills", "Glacier", "Peninsula",
    "Islands", "Isles", "Delta", "Basin", "Plateau", "Gorge", "Desert", "Archipelago",
    "Falls", "County", "Province", "Airport", "Highway", "Boulevard", "Stadium", "Dam",
    "Canal", "Harbour", "Harbor",
})
_BEFORE = frozenset({"Lake", "Mount", "Cape", "Fort"})
#: Name words before a head after, and after a head before.
_LONGEST = 3
#: Kinds of place that name one after "of" ("the village of Hokeng"): in the corpora's
#: training part the capitalised word after one is a place 208 times in 227, and most of the
#: others are places the annotation missed ("the island of Busuanga"). Not "state" or "port",
#: which software and states of mind share ("a port of MkLinux", "the state of Zalgo").
_KINDS = frozenset({
    "village", "town", "city", "island", "province", "region", "district", "county",
    "capital", "municipality", "suburb", "neighbourhood", "neighborhood", "parish", "hamlet",
    "commune",
})


def places_of_a_kind(
    words: Sequence[str], caps: Sequence[int], claimed: Sequence[bool]
) -> list[tuple[int, int]]:
    """Spans ``(first, end)`` of the places named with their kind that no one claimed: name
    words and their head, with no capitalised word running on before or after."""
    out: list[tuple[int, int]] = []
    for i in caps:
        span = (_named_before(words, i) or _named_after(words, i) or _of_its_kind(words, i)
                or _said_of_its_kind(words, i))
        if span is None or any(claimed[span[0] : span[1]]):
            continue
        first, end = span
        if (first > 0 and words[first - 1][:1].isupper()) or (
            end < len(words) and words[end][:1].isupper()
        ):
            continue  # part of a longer name: "Lake Forest College", "Mount Sinai Hospital"
        if not out or out[-1][1] <= first:
            out.append(span)
    return out


def _named_before(words: Sequence[str], i: int) -> tuple[int, int] | None:
    """The name words before a head after them ("Rwenzori Mountains"), without a people's
    adjective opening them ("German Baltic Sea" is the "Baltic Sea")."""
    if words[i] not in _AFTER or not i or not _name_word(words[i - 1]) or mostly_lower(
        words[i - 1]
    ):
        return None
    first = i - 1
    while first > 0 and i - first < _LONGEST and _name_word(words[first - 1]):
        first -= 1
    while first < i - 1 and words[first].lower() in DEMONYM_WORDS:
        first += 1
    return first, i + 1


def _named_after(words: Sequence[str], i: int) -> tuple[int, int] | None:
    """A head and the name words after it ("Lake Turkana", "the River Severn")."""
    if words[i] not in _BEFORE and not (words[i] == "River" and i and words[i - 1] == "the"):
        return None
    if i + 1 >= len(words) or not _name_word(words[i + 1]) or mostly_lower(words[i + 1]):
        return None
    end = i + 2
    while end < len(words) and end - i < _LONGEST and _name_word(words[end]):
        end += 1
    return i, end


def _of_its_kind(words: Sequence[str], i: int) -> tuple[int, int] | None:
    """The name words after a kind of place and "of" ("the province of Palawan")."""
    if i < 2 or words[i - 1] != "of" or words[i - 2] not in _KINDS or not _name_word(
        words[i]
    ) or mostly_lower(words[i]):
        return None  # "a state of Peace": a word open text writes in lowercase
    end = i + 1
    while end < len(words) and end - i < _LONGEST and _name_word(words[end]):
        end += 1
    return i, end


#: What follows a kind of place that a name is said to be ("Bilje is a village in ...").
_AFTER_KIND = frozenset({"in", "of", "and", "near", "on", "within", ",", ".", "(", "that"})
#: Lowercase words between "a" and the kind ("a small rural village").
_DESCRIBING = 3


def _said_of_its_kind(words: Sequence[str], i: int) -> tuple[int, int] | None:
    """The name words before "is a" or "was a" and a kind of place ("Brensbach is a
    municipality in", "Durgada is a rural village"; not "It was an important town")."""
    if not _name_word(words[i]) or mostly_lower(words[i]) or (i and _name_word(words[i - 1])):
        return None
    end = i + 1
    while end < len(words) and end - i < _LONGEST and _name_word(words[end]):
        end += 1
    if end + 2 >= len(words) or words[end] not in ("is", "was") or words[end + 1] not in (
        "a", "an"
    ):
        return None
    k = end + 2
    while k < len(words) and k - end - 2 < _DESCRIBING and words[k] not in _KINDS and (
        words[k].islower()
    ):
        k += 1
    if k < len(words) and words[k] in _KINDS and (
        k + 1 == len(words) or words[k + 1] in _AFTER_KIND
    ):
        return i, end
    return None


def _name_word(word: str) -> bool:
    lower = word.lower()
    return (word[:1].isupper() and word[1:2].islower() and lower not in FUNCTION_WORDS
            and lower.rstrip(".") not in TITLE_WORDS)
