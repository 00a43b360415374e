"""Given names of many countries, for the lexicon ``build_lexicons`` writes.

Read from the person-name lists of Faker (MIT licence), one list per locale: the names
written in Latin script, the romanised Japanese and Chinese ones, and the Russian and
Ukrainian ones transliterated as English-language news writes them ("Зеленський" →
"Zelensky", "Кузнецов" → "Kuznetsov"). Used only when the lexicons are rebuilt.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Iterable

_NAME = re.compile(r"^[A-Z][a-z\u00C0-\u024F'\u2019-]+$")

# Cyrillic letters as English-language news spells them (BGN/PCGN with the press's
# simplifications); a letter not listed makes the name unusable.
_RUSSIAN = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
        "a b v g d e yo zh z i y k l m n o p r s t u f kh ts ch sh shch - y - e yu ya".split(),  # noqa: SIM905
        strict=True,
    )
)
_UKRAINIAN = _RUSSIAN | {
    "г": "h", "ґ": "g", "є": "ye", "и": "y", "і": "i", "ї": "yi", "ʼ": "-", "'": "-",  # noqa: RUF001
}
_CYRILLIC = {"ru_RU": _RUSSIAN, "uk_UA": _UKRAINIAN}
# Adjectival endings the press shortens: "-ский" → "-sky", "-ий" → "-y".
_ENDINGS = (("ий", "y"), ("ый", "y"), ("ой", "oy"))


def transliterate(name: str, table: dict[str, str]) -> str | None:
    """``name`` in Latin letters by ``table``, or None when a letter is not in it."""
    lower = name.lower()
    tail = ""
    for ending, latin in _ENDINGS:
        if lower.endswith(ending) and len(lower) > 4:
            lower, tail = lower[: -len(ending)], latin
            break
    out = []
    for char in lower:
        letters = table.get(char)
        if letters is None:
            return None
        out.append("" if letters == "-" else letters)
    return ("".join(out) + tail).capitalize()


def _names(provider: type) -> Iterable[str]:
    """Every name of the provider's lists of given names."""
    for attribute in dir(provider):
        if not attribute.startswith("first_"):
            continue
        value = getattr(provider, attribute)
        if isinstance(value, dict):
            value = list(value)
        if isinstance(value, (list, tuple)):
            yield from (name for name in value if isinstance(name, str))


def world_given_names() -> set[str]:
    """Faker's given names of every locale (as written, not lowercased)."""
    import faker.providers.person as person

    given: set[str] = set()
    for module in pkgutil.iter_modules(person.__path__):
        provider = getattr(
            importlib.import_module(f"{person.__name__}.{module.name}"), "Provider", None
        )
        if provider is None:
            continue
        table = _CYRILLIC.get(module.name)
        for name in _names(provider):
            latin = transliterate(name, table) if table else name
            if latin and _NAME.match(latin):
                given.add(latin)
    return given
