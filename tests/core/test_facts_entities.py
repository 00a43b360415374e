"""People, places and organisations: merging, possessives, demonyms, headline and page traps."""

# Curly apostrophes and quotes are part of what these tests check.
# ruff: noqa: RUF001

from __future__ import annotations

import gzip
import time
from importlib import resources

from reader_app.core.facts import find_facts
from reader_app.core.facts.entities import find_entities
from reader_app.core.facts.lexicon import lexicon
from reader_app.core.facts.model import Fact


def labels(facts: list[Fact]) -> list[str]:
    return [fact.label for fact in facts]


def surfaces(text: str, fact: Fact) -> list[str]:
    return [text[start:end] for start, end in fact.mentions]


def test_forms_of_one_person_are_merged() -> None:
    text = (
        "Joe Biden arrived in Kyiv on Monday. Mr Biden met soldiers there. "
        "Biden’s visit was not announced, and Biden's aides said little."
    )
    people, places, _ = find_entities(text)
    assert labels(people) == ["Joe Biden"]
    assert surfaces(text, people[0]) == ["Joe Biden", "Biden", "Biden", "Biden"]
    assert labels(places) == ["Kyiv"]


def test_family_name_first_forms_are_merged() -> None:
    text = "North Korea’s leader Kim Jong Un inspected a factory. Kim later left, officials said."
    people, _, _ = find_entities(text)
    assert labels(people) == ["Kim Jong Un"]
    assert surfaces(text, people[0]) == ["Kim Jong Un", "Kim"]


def test_titles_are_cues_not_part_of_the_name() -> None:
    text = (
        "Prime Minister Keir Starmer met President Emmanuel Macron in Paris. "
        "Sir Keir said the talks had gone well."
    )
    people, places, _ = find_entities(text)
    assert labels(people) == ["Keir Starmer", "Emmanuel Macron"]
    assert surfaces(text, people[0]) == ["Keir Starmer", "Keir"]
    assert labels(places) == ["Paris"]


def test_apposition_and_speech_verbs_mark_people() -> None:
    text = (
        "The city’s mayor, Ihor Terekhov, said the strikes hit homes. "
        "“We will rebuild,” said Oleksandr Prokudin. Her sister Maria Lopez was not hurt."
    )
    people, _, _ = find_entities(text)
    assert set(labels(people)) == {"Ihor Terekhov", "Oleksandr Prokudin", "Maria Lopez"}


def test_initials_particles_hyphens_and_prefixes_stay_in_names() -> None:
    text = (
        "The author J. K. Rowling said she was pleased. Ursula von der Leyen said the talks "
        "went well. Syria’s former president Bashar al-Assad fled to Moscow, where Crown "
        "Prince Mohammed bin Salman met Rory McIlroy and Jean-Pierre Dupont. Later, "
        "al-Assad was seen again."
    )
    people, places, _ = find_entities(text)
    assert set(labels(people)) == {
        "J. K. Rowling",
        "Ursula von der Leyen",
        "Bashar al-Assad",
        "Mohammed bin Salman",
        "Rory McIlroy",
        "Jean-Pierre Dupont",
    }
    assad = next(fact for fact in people if fact.label == "Bashar al-Assad")
    assert surfaces(text, assad) == ["Bashar al-Assad", "al-Assad"]
    assert labels(places) == ["Syria", "Moscow"]


def test_possessives_are_not_part_of_places() -> None:
    text = "Kharkiv’s power plants were hit. Officials in Kharkiv said Kharkiv's mayor was safe."
    _, places, _ = find_entities(text)
    assert labels(places) == ["Kharkiv"]
    assert surfaces(text, places[0]) == ["Kharkiv", "Kharkiv", "Kharkiv"]


def test_demonyms_are_never_places() -> None:
    text = "Ukrainian troops and British officials met Russian negotiators and French diplomats."
    people, places, organisations = find_entities(text)
    assert (people, places, organisations) == ([], [], [])


def test_demonym_before_a_title_leaves_the_person() -> None:
    text = "Russian President Vladimir Putin spoke to reporters in Moscow."
    people, places, _ = find_entities(text)
    assert labels(people) == ["Vladimir Putin"]
    assert labels(places) == ["Moscow"]


def test_page_furniture_and_sentence_starts_are_not_entities() -> None:
    text = (
        "Independent Premium\n\n"
        "Subscribe to our newsletter\n\n"
        "Despite the rain, crowds gathered on Monday. The march began in March. "
        "However, Sunday was quieter. Reading the report, officials were worried."
    )
    assert find_entities(text) == ([], [], [])


def test_headline_case_words_are_not_names() -> None:
    text = (
        "Despite Fears, Markets Rally As Investors Shrug Off Weak Data\n\n"
        "Shares rose on Tuesday as investors looked past a weak jobs report."
    )
    assert find_entities(text) == ([], [], [])


def test_headline_mentions_of_known_names_are_found() -> None:
    text = (
        "Zelensky Visits Kharkiv After Strikes\n\n"
        "Volodymyr Zelensky travelled to Kharkiv on Friday, a day after Russian strikes "
        "on the city."
    )
    people, places, _ = find_entities(text)
    assert labels(people) == ["Volodymyr Zelensky"]
    assert surfaces(text, people[0]) == ["Zelensky", "Volodymyr Zelensky"]
    assert surfaces(text, places[0]) == ["Kharkiv", "Kharkiv"]


def test_place_names_that_are_words_need_a_place_cue() -> None:
    cued = "She moved from Reading to Bath last year."
    _, places, _ = find_entities(cued)
    assert labels(places) == ["Reading", "Bath"]
    uncued = "Best of all, the Mobile team won."
    assert find_entities(uncued)[1] == []


def test_names_do_not_run_into_days_and_months() -> None:
    text = "Shares rose in New York on Monday, and the Bank of England met in March."
    _, places, organisations = find_entities(text)
    assert labels(places) == ["New York"]
    assert labels(organisations) == ["Bank of England"]


def test_organisations_by_head_acronym_and_ampersand() -> None:
    text = (
        "The Ministry of Defence (MoD) said Marks & Spencer had supplied uniforms. "
        "The MoD added that the Bank of England and Nato were briefed."
    )
    _, places, organisations = find_entities(text)
    assert places == []
    by_label = {fact.label: surfaces(text, fact) for fact in organisations}
    assert by_label["Ministry of Defence"] == ["Ministry of Defence", "MoD", "MoD"]
    assert set(by_label) == {"Ministry of Defence", "Marks & Spencer", "Bank of England", "Nato"}


def test_teams_and_datelines() -> None:
    text = (
        "Lakers Beat Celtics In Overtime\n\n"
        "LOS ANGELES — The Los Angeles Lakers beat the Boston Celtics 118-114 on Tuesday. "
        "The Celtics have lost three straight games, and Mary Jones said fans left early.\n\n"
        "Traffic in Los Angeles was heavy after the game."
    )
    people, places, organisations = find_entities(text)
    by_label = {fact.label: surfaces(text, fact) for fact in organisations}
    assert by_label == {
        "Los Angeles Lakers": ["Lakers", "Los Angeles Lakers"],
        "Boston Celtics": ["Celtics", "Boston Celtics", "Celtics"],
    }
    assert labels(people) == ["Mary Jones"]
    assert labels(places) == ["Los Angeles"]
    assert surfaces(text, places[0]) == ["LOS ANGELES", "Los Angeles"]


def test_two_names_joined_by_and_are_split() -> None:
    text = "The Labour Party and the Kyiv Independent both reported the claim."
    _, _, organisations = find_entities(text)
    assert labels(organisations) == ["Labour Party", "Kyiv Independent"]


def test_kind_context_and_importance_order() -> None:
    text = (
        "Rain fell in Leeds. Later, Mary Jones said the river rose in York. "
        "Jones added that York had flooded before, and York council agreed."
    )
    people, places, _ = find_entities(text)
    assert [fact.kind for fact in people] == ["person"]
    assert people[0].context == "Later, Mary Jones said the river rose in York."
    assert labels(places) == ["York", "Leeds"]  # three mentions before one
    assert places[1].context == "Rain fell in Leeds."


def test_find_facts_carries_the_entities() -> None:
    text = "Angela Merkel visited Berlin with officials from the European Commission."
    facts = find_facts(text)
    assert labels(list(facts.people)) == ["Angela Merkel"]
    assert labels(list(facts.places)) == ["Berlin"]
    assert labels(list(facts.organisations)) == ["European Commission"]


def test_empty_and_lowercase_text() -> None:
    assert find_entities("") == ([], [], [])
    assert find_entities("nothing here is named at all.") == ([], [], [])


def test_texts_ending_in_words_that_are_no_names() -> None:
    for text in ("Thanks.", "Premium.", "It is hosted in English.", "They met the British"):
        assert find_entities(text) == ([], [], []), text


def test_lexicon_loads_once_and_quickly() -> None:
    lexicon.cache_clear()
    started = time.perf_counter()
    first = lexicon()
    assert time.perf_counter() - started < 1.0
    assert lexicon() is first
    assert "Kyiv" in first.strong_places
    assert "Bath" in first.weak_places
    assert "keir" in first.given_names
    assert "Despite" not in first.strong_places | first.weak_places


def test_long_capitalised_text_takes_linear_time() -> None:
    text = " ".join(["Alpha Beta of Gamma"] * 8000)  # 32,000 words of headline case
    find_entities("warm up")
    started = time.perf_counter()
    find_entities(text)
    find_entities(text + ".")
    assert time.perf_counter() - started < 5.0


def test_shipped_lexicon_files_are_sorted_and_well_formed() -> None:
    data = resources.files("reader_app.core.facts") / "data"
    strong, weak = gzip.decompress((data / "places.txt.gz").read_bytes()).decode().split("\n\n")
    for places in (strong.splitlines(), weak.splitlines()):
        assert places == sorted(places) and all(name and "\t" not in name for name in places)
    assert len(strong.splitlines()) + len(weak.splitlines()) > 50_000
    given = gzip.decompress((data / "given_names.txt.gz").read_bytes()).decode().splitlines()
    assert given == sorted(given) and all(name == name.lower() for name in given)


def test_a_given_name_before_a_place_word_is_no_person_without_a_cue() -> None:
    text = (
        "Raised footpaths will link the town centre to Abbey Meadows. "
        "The actor Eva Green said she had walked there as a child."
    )
    people, places, _ = find_entities(text)
    assert labels(people) == ["Eva Green"]
    assert labels(places) == ["Abbey Meadows"]


def test_district_and_partnership_heads_make_organisations() -> None:
    text = (
        "Shops pledged money through the Dunmore Business Improvement District, and the "
        "Dunmore Growth Partnership added more."
    )
    _, places, organisations = find_entities(text)
    assert labels(places) == []
    assert sorted(labels(organisations)) == [
        "Dunmore Business Improvement District",
        "Dunmore Growth Partnership",
    ]


def test_a_place_name_opening_a_site_name_is_not_a_place() -> None:
    text = "Riverside car park will close for the first year. Work starts in Leeds in May."
    _, places, _ = find_entities(text)
    assert "Riverside" in lexicon().strong_places
    assert labels(places) == ["Leeds"]


def test_department_names_holding_a_list_are_whole() -> None:
    text = (
        "The council wrote to the Department for Digital, Culture, Media and Sport on "
        "Monday. It also asked the Ministry of Defence, Downing Street and the Treasury. "
        "The Department of the Environment, Climate and Communications said no."
    )
    _, _, organisations = find_entities(text)
    found = labels(organisations)
    assert "Department for Digital, Culture, Media and Sport" in found
    assert "Department of the Environment, Climate and Communications" in found
    assert "Ministry of Defence" in found
    assert not any("Downing Street" in name and "," in name for name in found)


def test_an_unknown_town_named_again_and_again_after_place_prepositions_is_a_place() -> None:
    text = (
        "Tarnwick flood plan approved\n\n"
        "Homes in Tarnwick flooded again. People in Tarnwick are tired of waiting, and "
        "businesses near Tarnwick have closed. The Tarnwick gauge peaked at noon."
    )
    _, places, _ = find_entities(text)
    assert "Tarnwick" not in lexicon().weak_places | lexicon().strong_places
    assert labels(places) == ["Tarnwick"]
    assert surfaces(text, places[0]) == ["Tarnwick"] * 5


def test_a_word_used_as_a_name_or_seldom_after_places_stays_no_place() -> None:
    twice = "Homes in Tarnwick flooded again. People in Tarnwick are tired of waiting."
    named = twice + " Houses near Tarnwick closed. Mr Tarnwick said nothing."
    assert labels(find_entities(twice)[1]) == []
    assert "Tarnwick" not in labels(find_entities(named)[1])


def test_uk_counties_and_hyphenated_towns_are_places() -> None:
    text = (
        "Schemes at Pershore and Upton-upon-Severn are due next year, the first in "
        "Worcestershire. Trains to Stoke-on-Trent were cancelled."
    )
    _, places, _ = find_entities(text)
    assert sorted(labels(places)) == [
        "Pershore",
        "Stoke-on-Trent",
        "Upton-upon-Severn",
        "Worcestershire",
    ]


def test_the_river_named_alone_is_the_same_place() -> None:
    text = "The River Avon rose overnight. By morning the Avon had burst its banks in Evesham."
    _, places, _ = find_entities(text)
    river = places[0]
    assert river.label == "River Avon"
    assert surfaces(text, river) == ["River Avon", "Avon"]


def test_ambiguous_dateline_and_residents_of_towns_are_places() -> None:
    text = (
        "COLUMBUS, Ohio — The board voted on Tuesday.\n\n"
        "Residents of Wiveliscombe and Milverton say the cuts will hurt."
    )
    _, places, _ = find_entities(text)
    assert "Columbus" in lexicon().weak_places
    assert sorted(labels(places)) == ["COLUMBUS", "Milverton", "Ohio", "Wiveliscombe"]


def test_for_places_a_listed_town_but_not_a_given_name() -> None:
    text = "A study of options for Evesham will report in 2026. Flowers were bought for Victoria."
    _, places, _ = find_entities(text)
    assert {"Evesham", "Victoria"} <= lexicon().weak_places
    assert labels(places) == ["Evesham"]


def test_list_items_ending_in_semicolons_are_prose_and_contractors_organisations() -> None:
    text = (
        "The plans include:\n\n"
        "six flood gates that can be closed within two hours;\n"
        "a new pumping station at Mill Lane, able to move 4,000 litres a second;\n\n"
        "Contractor Marlow Civil Engineering expects the work to take 28 months."
    )
    _, places, organisations = find_entities(text)
    assert labels(places) == ["Mill Lane"]
    assert labels(organisations) == ["Marlow Civil Engineering"]
