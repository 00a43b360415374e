"""A one-word "person" the article never introduces as one is a brand or a business."""

from __future__ import annotations

import re

from reader_app.core.facts import find_facts
from reader_app.core.facts.lexicon import lexicon
from reader_app.core.facts.lone_names import (
    MIN_MENTIONS,
    common_last_word,
    determined,
    owned,
    possessed_name,
    the_thing,
    unintroduced,
)

REVIEW = (
    "The best running watches of 2026\n\n"
    "Best overall GPS running watch: Garmin Forerunner 970 ($750)\n\n"
    "We tested 20 watches over six months. Garmin has led this market for years, and Coros, "
    "Suunto and Polar follow.\n\n"
    "Garmin offers the brightest screen of the lot. Coros wins on battery life, while Polar "
    "reads heart rate best.\n\n"
    "Why trust us? Our tester Megan Lynch ran 400 miles in them. Lynch said the Forerunner "
    "felt lightest. Evans, a coach in Leeds, agreed: Evans and his team switched to Coros last "
    "spring. Evans now runs with Garmin too."
)


def spans(text: str, word: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(rf"\b{word}\b", text)]


def test_a_brand_named_often_without_a_person_s_cue_is_no_person() -> None:
    people = [fact.label for fact in find_facts(REVIEW).people]
    assert "Garmin" not in people
    assert "Megan Lynch" in people
    assert "Evans" in people  # "Evans and his team": a pronoun only a person takes


def test_each_cue_of_a_person_keeps_a_surname_named_alone() -> None:
    lex = lexicon()
    for name, text in (
        ("Parr", "Parr runs the clinic. Parr opened it in 2004. Fat is fine, Dr. Parr says."),
        ("Shulman", "Shulman built it. Shulman sold it. “It was time,” Shulman said."),
        ("Kaldi", "Kaldi saw it. Kaldi ate it. Kaldi shared them with his abbot."),
        ("Odell", "Odell owns it. Odell sold it. Odell's wife runs it now."),
        ("Starmer", "Starmer won. Starmer's cabinet met. Starmer flew to Kyiv on Monday."),
        ("JoeCFD", "Thanks @JoeCFD. JoeCFD is right. JoeCFD knows the build."),
        ("McLamore", 'James Whitman "Jim" McLamore founded it. McLamore ran it. McLamore sold it.'),
    ):
        assert not unintroduced(text, spans(text, name), lex), text


def test_without_any_cue_the_same_surname_is_taken_for_no_person() -> None:
    text = "Parr runs the clinic. Parr opened it in 2004. Saturated fat is fine at Parr."
    assert unintroduced(text, spans(text, "Parr"), lexicon())
    text = "Wix is cheap. That said, Wix is slow.\n\nMy testing notes\n\nWix has templates."
    assert unintroduced(text, spans(text, "Wix"), lexicon())  # a cue stands right before
    text = ("The 2025 Michelin winners are out. Chef Sung Shim, who won a Michelin star for "
            "his menu, cooks here. It is rare that a noodle chain gets a Michelin nod.")
    assert unintroduced(text, spans(text, "Michelin"), lexicon())  # "his" is the chef's


def test_a_name_met_less_often_a_full_name_or_a_given_name_stays_a_person() -> None:
    lex = lexicon()
    text = "Hertz rents cars. Hertz has desks at airports."
    assert len(spans(text, "Hertz")) < MIN_MENTIONS
    assert not unintroduced(text, spans(text, "Hertz"), lex)
    text = "Jonathan runs. Jonathan swims. Jonathan rides."
    assert not unintroduced(text, spans(text, "Jonathan"), lex)
    text = "Ana Ruiz wrote it. Ana Ruiz signed it. Ana Ruiz sent it."
    assert not unintroduced(text, spans(text, "Ana Ruiz"), lex)


def test_one_longer_form_of_common_words_introduces_no_one() -> None:
    lex = lexicon()
    text = ("Hostinger Cost\n\nHostinger is cheap. Hostinger is fast. Hostinger hosts "
            "WordPress.")
    name = [(m.start(), m.end()) for m in re.finditer(r"Hostinger(?: Cost)?", text)]
    assert unintroduced(text, name, lex)
    text = ("Horst Eidenmüller teaches law. Eidenmüller studied in Munich. Eidenmüller "
            "moved to Oxford. Eidenmüller writes on contracts.")
    name = [(m.start(), m.end()) for m in re.finditer(r"(?:Horst )?Eidenmüller", text)]
    assert not unintroduced(text, name, lex)  # a full name: no common word beside


def test_a_name_in_common_words_that_follows_a_or_our_is_a_thing() -> None:
    lex = lexicon()
    text = (
        "A Year in a Tiny House\n\nSo, what is life really like in a Tiny House? Heat is hard "
        "in a Tiny House. Overall, we love our Tiny House, and Tiny House living suits us."
    )
    assert determined(text, spans(text, "Tiny House"), lex)
    assert not find_facts(text).people
    brando = "He is not a Marlon Brando. A Marlon Brando would. Marlon Brando did, once."
    assert not determined(brando, spans(brando, "Marlon Brando"), lex)  # a person all the same
    twice = "We love our Tiny House. A Tiny House it is."
    assert not determined(twice, spans(twice, "Tiny House"), lex)  # too few to tell


def test_a_full_name_after_the_that_qualifies_nothing_is_a_thing() -> None:
    text = (
        "Do you need 14 USB ports on your Raspberry Pi 5?\n\n"
        "The Raspberry Pi is small. We tried the Raspberry Pi with a hub, and the Raspberry Pi "
        "was fine. Ron Bell, who sells them, said the Fellow Opus, a grinder, is quieter."
    )
    assert the_thing(text, spans(text, "Raspberry Pi"))
    assert the_thing(text, spans(text, "Fellow Opus"))
    people = [fact.label for fact in find_facts(text).people]
    assert "Raspberry Pi" not in people and "Fellow Opus" not in people
    assert "Ron Bell" in people
    for name, text in (
        ("John Wick", "It looks like the John Wick video game we wanted."),  # qualifies a noun
        ("Jane Austen", "Who is the Jane Austen of automotive design?"),
        ("Tsar Aleksei", "Tsar Aleksei ruled. The Tsar, who knew, sent the Tsar's men."),
        ("Robert MacDonald", "Read the Robert MacDonald and Jeremy Sams translation."),
        ("Ron Bell", "The Ron Bell we met was kind. Ron Bell said so. Ron Bell left."),  # once in 3
        ("Bell", "We met the Bell family."),  # one word
    ):
        assert not the_thing(text, spans(text, name)), text


def test_a_name_of_three_words_ending_in_a_common_word_is_a_firm_or_a_thing() -> None:
    lex = lexicon()
    text = (
        "Rooms that feel calm\n\nThis bedroom is by Pamela Hope Design, Houston. For the "
        "drive we booked Avis Car Rental, and Avis Car Rental upgraded us. The tote is the "
        "Emily Ruth Bag. Nancy Lee Bass, a painter, chose the colours."
    )
    for name in ("Pamela Hope Design", "Avis Car Rental", "Emily Ruth Bag"):
        assert common_last_word(text, spans(text, name), lex), name
    people = [fact.label for fact in find_facts(text).people]
    assert not {"Pamela Hope Design", "Avis Car Rental", "Emily Ruth Bag"} & set(people)
    assert "Nancy Lee Bass" in people  # a surname, though open text writes "bass" so
    for name, text in (
        ("Chuck Close", "Chuck Close painted faces."),  # two words once: many surnames are so
        ("Chris De Sa", "Work by Chris De Sa and others."),  # a last word too short to tell
        ("Marguerita M. Cheng of Annuity", "Marguerita M. Cheng of Annuity says so."),
    ):
        assert not common_last_word(text, spans(text, name), lex), name
    game = "We played Candy Crush on the train."  # both words common ones
    assert common_last_word(game, spans(game, "Candy Crush"), lex)
    often = "Claude Code wrote it. I asked Claude Code why. Claude Code did not say."
    assert common_last_word(often, spans(often, "Claude Code"), lex)
    named_so = "Ana Luz Design spoke. Design, she said, is hers."  # named by that word alone
    assert not common_last_word(named_so, [(0, 14), (22, 28)], lex)


def test_a_given_name_only_opening_a_capitalised_name_is_a_business() -> None:
    lex = lexicon()
    text = ("Moving in Queens\n\nWe called Al's Moving and Storage, then Joe's Moving Co. "
            "Both came on time. Bob's Red Mill sells the flour; Obama's Cabinet met twice.")
    people = [fact.label for fact in find_facts(text).people]
    assert "Al" not in people and "Joe" not in people and "Bob" not in people
    assert possessed_name(text, spans(text, "Al"), lex)
    assert not possessed_name(text, spans(text, "Obama"), lex)  # no given name: the man
    met = "Al's Moving came. Al said the van was late."
    assert not possessed_name(met, spans(met, "Al"), lex)  # named otherwise too


def test_a_place_someone_has_is_a_product_of_that_name() -> None:
    text = ("I use a Hamilton Beach (model 29882). Before my older Hamilton Beach, I had another "
            "maker. The Hamilton Beach bread pan is wide. Hamilton Beach stopped making it.")
    assert owned(text, spans(text, "Hamilton Beach"))
    assert "Hamilton Beach" not in [f.label for f in find_facts(text).places]
    for name, text in (
        ("Midlands", "My Midlands garden is wet. My Midlands garden is cold. I love the Midlands."),
        ("Chicago", "I love Chicago. In Chicago, it rains. How to Compost in a Chicago Apartment."),
        ("Alaska", "Bringing this to Alaska was hard. Alaska is cold. I flew to Alaska twice."),
        ("Austin", "Iron Roots is an Austin-based agency. It moved to Austin. Austin suits it."),
    ):
        assert not owned(text, spans(text, name)), text
