"""The site's own name is an organisation: a company's pages about its products name it
alone, where the tagger reads a person or a place ("Twilio", "Stripe", "Bose"); and so is a
name the article also writes as a web address ("Shop at Puma.com")."""

from __future__ import annotations

import re
from dataclasses import replace
from urllib.parse import urlsplit

from .lexicon import lexicon
from .model import Fact, FactKind

_NOT_ALNUM = re.compile(r"[\W_]+")
_DOMAIN = re.compile(r"^[\w.-]+\.[a-z]{2,}$", re.I)
#: Second-level labels under a country code ("example.co.uk"): the name is the one before.
_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "ac", "gov", "edu"})


def site_keys(site: str | None, url: str | None) -> frozenset[str]:
    """The page's own names, compared without case, spaces or punctuation: the site's name
    (a domain written as the name gives its main label) and the main label of the page's
    host ("twilio" of www.twilio.com, "glossier" of uk.glossier.com)."""
    keys = set()
    for value in (site if site and _DOMAIN.match(site) else None, urlsplit(url or "").hostname):
        if value:
            keys.add(_main_label(value))
    if site and not _DOMAIN.match(site):
        keys.add(key(site))
    keys.discard("")
    return frozenset(keys)


#: A shop's or a firm's web address written in the text ("Puma.com", "shop.hoka.co.uk"): a
#: commercial top-level domain (not ".org", ".net" or a country's alone: "Korea.net").
_TOP_LEVEL = ("com", "co", "io", "ai", "app", "dev", "shop", "store", "biz")
_ADDRESS = re.compile(
    rf"(?<![\w.@/-])((?:[A-Za-z0-9-]+\.)+(?:{'|'.join(_TOP_LEVEL)})(?:\.[a-z]{{2}})?)"
    r"(?![\w-]|\.\w)"
)
_DOMAINS = tuple("." + name for name in _TOP_LEVEL)  # cheap tests before the pattern


def address_keys(text: str) -> frozenset[str]:
    """The names of the web addresses ``text`` writes ("puma" of "Puma.com"), compared as
    :func:`site_keys` compares them; not a listed place's (a town named Puma keeps
    "Puma.com" a place's name)."""
    if not any(domain in text for domain in _DOMAINS):
        return frozenset()
    lex = lexicon()
    keys = {_main_label(m) for m in _ADDRESS.findall(text)}
    return frozenset(
        k for k in keys
        if k and k.title() not in lex.strong_places and k.title() not in lex.weak_places
    )


def as_organisations(
    entities: dict[FactKind, list[Fact]], keys: frozenset[str]
) -> dict[FactKind, list[Fact]]:
    """``entities`` with each person or place named by one of ``keys`` (the site's names,
    :func:`site_keys`, and the shops' addresses the text writes, :func:`address_keys`)
    moved to the organisations (joined with an organisation of the same name), unless it is
    a person named with a given name first ("Hal Higdon" of halhigdon.com) or a listed place
    ("Illinois" of illinois.edu)."""
    if not keys:
        return entities
    lex = lexicon()
    moved: list[Fact] = []
    out = dict(entities)
    for kind in ("person", "place"):
        kept = []
        for fact in entities[kind]:
            if key(fact.label) in keys and not _named_so(fact, lex.given_names, lex.strong_places):
                moved.append(fact)
            else:
                kept.append(fact)
        out[kind] = kept
    out["organisation"] = joined(entities["organisation"], moved, "organisation")
    return out


def joined(facts: list[Fact], moved: list[Fact], kind: FactKind) -> list[Fact]:
    """``facts`` (of ``kind``) with the ``moved`` facts made of that kind, each joined with
    the fact of the same name if there is one."""
    out = list(facts)
    for fact in moved:
        at = next((i for i, f in enumerate(out) if key(f.label) == key(fact.label)), None)
        if at is None:
            out.append(replace(fact, kind=kind))
        else:
            mentions = tuple(sorted(set(fact.mentions) | set(out[at].mentions)))
            out[at] = replace(out[at], mentions=mentions)
    return out


def _named_so(fact: Fact, given_names: frozenset[str], places: frozenset[str]) -> bool:
    """Whether the fact is rightly what it is though the site bears its name: a person named
    with a given name first, a listed place."""
    if fact.kind == "person":
        words = fact.label.split()
        return len(words) > 1 and words[0].lower() in given_names
    return fact.label in places


def _main_label(host: str) -> str:
    labels = host.lower().split(".")[:-1]  # without the top-level domain
    if len(labels) > 1 and labels[-1] in _SECOND_LEVEL:
        labels = labels[:-1]
    return key(labels[-1]) if labels else ""


def key(name: str) -> str:
    """``name`` compared without case, spaces or punctuation."""
    return _NOT_ALNUM.sub("", name.lower())
