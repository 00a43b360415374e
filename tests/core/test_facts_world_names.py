"""The transliteration that turns Russian and Ukrainian names into the lexicons' Latin
spellings (``world_names``, run when the lexicons are rebuilt)."""

from __future__ import annotations

import pytest

from reader_app.core.facts.world_names import _RUSSIAN, _UKRAINIAN, transliterate


@pytest.mark.parametrize(
    ("name", "table", "latin"),
    [
        ("Кузнецов", _RUSSIAN, "Kuznetsov"),
        ("Достоевский", _RUSSIAN, "Dostoevsky"),
        ("Хрущёв", _RUSSIAN, "Khrushchyov"),
        ("Зеленський", _UKRAINIAN, "Zelensky"),
        ("Олексій", _UKRAINIAN, "Oleksiy"),
        ("Григорій", _UKRAINIAN, "Hryhoriy"),
        ("Ігор", _UKRAINIAN, "Ihor"),  # noqa: RUF001
        ("Толстой", _RUSSIAN, "Tolstoy"),
    ],
)
def test_names_are_spelled_as_english_language_news_spells_them(
    name: str, table: dict[str, str], latin: str
) -> None:
    assert transliterate(name, table) == latin


def test_a_letter_outside_the_table_makes_no_name() -> None:
    assert transliterate("Ґанна", _RUSSIAN) is None
    assert transliterate("Σωκράτης", _UKRAINIAN) is None


def test_soft_and_hard_signs_are_dropped() -> None:
    assert transliterate("Ильич", _RUSSIAN) == "Ilich"
    assert transliterate("Подъячев", _RUSSIAN) == "Podyachev"
