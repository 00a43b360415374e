"""A byline as a reader wants it: the authors' names, without the labels, dates and job
titles that the page's author box holds around them."""

from __future__ import annotations

import re

#: A label before the names ("By", "Written by", "Authors:", "View all posts by", "Par").
_LABEL = re.compile(
    r"^(?:(?:this\s+(?:post|article|review|story|recipe)\s+(?:was|is)\s+)?"
    r"(?:article|story|words|text|written|posted|reviewed|edited|photos?|recipe)\s+by"
    r"|(?:view\s+)?(?:all\s+|more\s+)?(?:posts|articles|stories)\s+by"
    r"|by|par|por|authors?|writer|posted)\b[\s:]*",  # "par", "por": French, Spanish "by"
    re.I,
)
#: A month's name, whole or short ("September", "Sept", "Sep"); a pattern to build others with.
MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
#: Where the names end: an update or review note, a forum's member line, a number, a date
#: (a month before a day or year, or at the end unless it is also a name: "Tom May").
_END = re.compile(
    r"\b(?:(?:last\s+)?updated|published|posted|reviewed\s+by|fact[\s-]+checked|medically"
    r"|read\s+more|joined|wrote|offline)\b|(?<!\w)\d|[•|©]"
    rf"|\b{MONTH}\b\.?(?=\s*\d)"
    r"|\b(?:jan(?:uary)?|feb(?:ruary)?|mar|apr|aug|sept?(?:ember)?|oct(?:ober)?"
    r"|nov(?:ember)?|dec(?:ember)?)\b\.?\s*$",
    re.I,
)
#: Job titles that follow a name ("Jane Doe Senior Reporter"; not "Metro Desk Staff").
_ROLE = re.compile(
    r"\b(?:senior|junior|chief|managing|executive|staff|contributing|associate|assistant"
    r"|deputy|head|lead|editor|editorial|reporter|writer|correspondent|columnist|director"
    r"|founder|co-founder|ceo|cto|cfo|vp|manager|advisor|adviser|expert|consultant|analyst"
    r"|attorney|moderator|contributor|producer|strategist|specialist|officer|president)\b",
    re.I,
)
_TEAM = re.compile(r"\b(?:team|staff|desk|group)$", re.I)
#: Words of a name before a job title is cut from it: fewer, and the title is the name's.
_NAME_WORDS = 2
#: Punctuation left at the ends of a name once a label or title is cut.
_EDGES = " ,:\u00b7-\u2013\u2014"
#: What an author box says when it names no one.
_NO_NAME = frozenset({
    "author", "authors", "admin", "administrator", "webmaster", "name", "undefined", "null",
    "unknown", "anonymous", "guest", "staff", "sign in", "log in", "get", "the author",
    "about the author", "about the writer", "about author",
})
#: Lowercase words a name or a team's name may hold ("Nick van Mead", "Center for Drug
#: Evaluation and Research", "The Currency editors"); any other makes the text no name ("This
#: review is posted in ...", "View more posts").
_NAME_LOWERCASE = frozenset({
    "and", "of", "for", "the", "van", "von", "der", "den", "de", "del", "della", "di", "da",
    "du", "des", "la", "le", "d", "l", "y", "e", "do", "dos", "das", "bin", "ibn", "al", "el",
    "zu", "ter", "ten", "af", "av", "op", "editors", "staff", "team", "writers", "reporters",
    "desk",
})
#: Words of a site's furniture or address that no name holds: a byline made of them is a
#: footer's links or a share button's text ("Conditions Privacy Policy", "Www Facebook Com").
_FURNITURE_WORDS = frozenset({
    "privacy", "policy", "terms", "conditions", "cookies", "cookie", "subscribe", "newsletter",
    "www", "com", "http", "https",
})
_PARTICLE_END = re.compile(r"[-'\u2019]")
#: An avatar's initials before the name they abbreviate ("CM Craig McCarthy").
_INITIALS = re.compile(r"([A-Z]{2,3})\s+(\S.*)")


#: A name written surname first, as citation tags write it ("Kaufman, Jeff T."), which
#: trafilatura hands on as two pieces ("Kaufman; Jeff T"): a surname, then a given name and
#: an initial or two.
_SURNAME_FIRST = re.compile(r"([A-Z][\w'\u2019-]+); ([A-Z][\w'\u2019-]+(?: [A-Z]\.?){1,2})")


def clean_byline(byline: str | None) -> str | None:
    """The names in ``byline`` (pieces separated by "; ", as trafilatura gives them) as a
    reader writes them ("A, B and C"), or None when it names no one."""
    if not byline:
        return None
    inverted = _SURNAME_FIRST.fullmatch(byline.strip())
    if inverted:
        initials = " ".join(w.rstrip(".") + "." for w in inverted[2].split()[1:])
        return f"{inverted[2].split()[0]} {initials} {inverted[1]}"
    names = list(dict.fromkeys(name for name in map(_name, byline.split(";")) if name))
    names = _with_credentials(_without_fields(names))
    if len(names) > 1:
        return ", ".join(names[:-1]) + " and " + names[-1]
    return names[0] if names else None


def _name(piece: str) -> str | None:
    text = _LABEL.sub("", piece.strip())
    end = _END.search(text)
    if end:
        text = text[: end.start()]
    text = text.strip(_EDGES)
    role = _ROLE.search(text)
    if role and not _TEAM.search(text):
        if role.start() == 0:
            return None  # a job title alone ("Head Winemaker, Co-Founder"), the name's piece apart
        if len(text[: role.start()].split()) >= _NAME_WORDS:
            text = text[: role.start()].strip(_EDGES)
    if not text or text.lower() in _NO_NAME or not any(c.isupper() for c in text) or not (
        _FURNITURE_WORDS.isdisjoint(w.lower() for w in _LETTERS.findall(text))
    ) or any(
        word[:1].islower() and _PARTICLE_END.split(word, 1)[0] not in _NAME_LOWERCASE
        for word in text.split()  # "al-Assad", "d'Alembert" open with a particle
    ):
        return None
    initials = _INITIALS.fullmatch(text)
    if initials and initials[1] == "".join(word[0] for word in initials[2].split()):
        return initials[2]
    return text


_LETTERS = re.compile(r"[^\W\d_]+")


def _without_fields(names: list[str]) -> list[str]:
    """``names`` without the pieces of a job title that name a field or a department, when
    another piece names someone: every word one open text mostly writes in lowercase, the
    first no given name ("Privacy", "Digital Security" of "Brett Cruz, Privacy & Digital
    Security Expert"; not "Rich Young")."""
    if len(names) < 2:
        return names
    from .facts.lexicon import given_names, mostly_lower

    def field(name: str) -> bool:
        words = _LETTERS.findall(name)
        return bool(words) and words[0].lower() not in given_names() and all(
            mostly_lower(w) for w in words)

    fields = [field(name) for name in names]
    if all(fields):
        return names
    return [name for name, is_field in zip(names, fields, strict=True) if not is_field]


#: Degrees and licences written after a name, each a piece of its own ("Jo Park; MS; RD").
_CREDENTIAL = re.compile(r"[A-Z]{2,5}|Ph\.? ?D\.?")


def _with_credentials(names: list[str]) -> list[str]:
    """``names`` with each degree or licence joined to the name before it ("Jo Park, MS,
    RD"), not read as another author."""
    joined: list[str] = []
    for name in names:
        if joined and _CREDENTIAL.fullmatch(name):
            joined[-1] += ", " + ("PhD" if name.startswith("Ph") else name)
        else:
            joined.append(name)
    return joined


#: A forum member's user name: letters first, then a digit or an underscore somewhere
#: ("Ejp55230", "Noah_B", "user3080392"), or a lowercase start with a capital inside
#: ("xJewishNinjax").
_USER_NAME = re.compile(r"[^\W\d_][\w.-]*[\d_][\w.-]*|[a-z][\w.-]*[A-Z][\w.-]*")
_SHORTEST_USER_NAME = 3


def user_name(box: str | None) -> str | None:
    """The user name an author box opens with, as the forum writes it ("Ejp55230 E Member"
    → "Ejp55230"), which a journalist's name tidying would cut ("Ejp"); None when the box
    opens with a name."""
    first = box.split(maxsplit=1)[0] if box and box.strip() else ""
    if len(first) >= _SHORTEST_USER_NAME and _USER_NAME.fullmatch(first):
        return first
    return None

