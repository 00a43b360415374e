"""Names listed together are names of one kind: "WordPress, Wix, Squarespace and Shopify",
"Arlington, Fort Worth, and Austin". A single word the tagger read as a person in a list of
organisations or places, beside no person named in full, is one of them."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from .tagger import Mention

#: Letters after a name, which a tagger may read as organisations: "Jo Park, MD, FAAFP".
_CREDENTIAL = re.compile(r"[A-Z]{2,6}")
#: What stands between two names of one list: a comma, a slash, "and", "or", "&".
_JOIN = re.compile(r"\s*(?:[,/;]\s*(?:(?:and|or|&)\s+)?|(?:and|or|&)\s+)")


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
