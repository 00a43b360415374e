"""The weak place names, looked up a bucket at a time, answer as a set of every name would."""

from __future__ import annotations

from importlib import resources

from reader_app.core.facts.lexicon import SortedNames, lexicon


def _weak_names() -> list[str]:
    raw = (resources.files("reader_app.core.facts") / "data" / "places.txt").read_bytes()
    return raw.decode("utf-8").split("\n\n")[1].splitlines()


def test_every_weak_place_and_its_near_misses_answer_as_a_set_would() -> None:
    names = _weak_names()
    every = frozenset(names)
    lazy = SortedNames("\n".join(names))
    probes = [*names, "", "A", "I", "Z", "zz", "paris", "\uffff", "Ä", "O'", "St."]
    for name in names[::13]:
        probes += [name[:1], name[:2], name[:-1], name + "a", name + " ", name.lower()]
    assert [p in lazy for p in probes] == [p in every for p in probes]


def test_a_short_list_and_its_edges() -> None:
    lazy = SortedNames("\n".join(["A", "A Coruña", "Aa", "Ab", "B", "Ba Be", "Bz", "Ca"]))
    for name in ["A", "A Coruña", "Aa", "Ab", "B", "Ba Be", "Bz", "Ca"]:
        assert name in lazy
    for name in ["", "A ", "AC", "Ac", "Ba", "Bb", "C", "Cb", "c", 3, "B\U0010ffff", "\U0010ffff"]:
        assert name not in lazy


def test_words_of_any_letters_are_answered_and_remembered_within_bounds() -> None:
    lazy = SortedNames("\n".join(["Aa", "Zz"]))
    words = [chr(0x4E00 + i // 300) + chr(0x4E00 + i % 300) for i in range(60_000)]
    assert not any(word in lazy for word in words)
    assert "Zz" in lazy and "Aa" in lazy
    assert len(lazy._buckets) <= 50_002


def test_the_shipped_lexicon_knows_its_places() -> None:
    lex = lexicon()
    assert "A Coruna" in lex.weak_places
    assert "Paris" in lex.strong_places
    assert "Thereabouts nowhere" not in lex.weak_places


def test_regions_are_strong_places_that_the_model_s_features_do_not_read() -> None:
    lex = lexicon()
    assert {"Lombardy", "Tamil Nadu"} <= lex.strong_places
    assert not {"Lombardy", "Tamil Nadu"} & lex.model_places
    assert lex.model_places < lex.strong_places
    assert "Northeast" not in lex.strong_places


def test_openers_name_the_first_word_of_every_longer_name_and_no_other() -> None:
    names = _weak_names()
    lazy = SortedNames("\n".join(names))
    firsts = {name.partition(" ")[0] for name in names if " " in name}
    probes = [name.partition(" ")[0] for name in names[::7]] + ["A", "Zz", "paris", "Ä"]
    assert [p in lazy.openers(p) for p in probes] == [p in firsts for p in probes]
    strong = lexicon().strong_places
    assert lexicon().place_openers == {n.partition(" ")[0] for n in strong if " " in n}
    assert "Rio" in lexicon().place_openers and "Kyiv" not in lexicon().place_openers


def test_given_names_of_many_countries_hold_the_census_ones_and_no_common_surname() -> None:
    lex = lexicon()
    assert lex.given_names < lex.world_given_names
    assert {"harald", "anatoly", "ferenc", "józef", "oleksiy"} <= lex.world_given_names
    assert not {"harald", "anatoly", "ferenc"} & lex.given_names  # what the model learned
    assert not {"brown", "norton", "apple"} & lex.world_given_names
