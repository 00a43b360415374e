"""Which parts of an article are fact sources, numbers a reader means, salience, bad input."""

from __future__ import annotations

import os
import time

from reader_app.core.facts import find_facts
from reader_app.core.facts.model import Facts
from reader_app.core.facts.sources import article_blocks, masked
from reader_app.core.model import Article, Block

REFERENCES = (
    "Smith J, Jones K. Brain plasticity in adults. Brain Plast. 2019;4(2):123-130. "
    "doi:10.3233/BPL-190083 [DOI] [PubMed]\n"
    "Haley Perry, Med Immunol. 2020;12:44-51. [PMC free article] [Google Scholar]"
)


def science_article() -> Article:
    return Article(
        title="Exercise helps memory in older adults",
        byline="Jane Doe",
        blocks=(
            Block("paragraph", "By Jane Doe"),
            Block("paragraph", "A trial at the University of Leeds followed 240 adults for "
                               "two years [12]. Maria Lopez, who led it, said memory improved "
                               "in 70% of them (doi:10.1016/j.cell.2020.01.001)."),
            Block("image", "Volunteers in Leeds. Photograph: Tom Wall/Getty Images"),
            Block("heading", "References", level=2),
            Block("list", REFERENCES, items=tuple(REFERENCES.split("\n"))),
        ),
    )


def test_references_credits_bylines_and_citation_labels_are_no_sources() -> None:
    article = science_article()
    facts = find_facts(article)
    text = article.text
    people = [f.label for f in facts.people]
    assert "Maria Lopez" in people
    assert not {"Jane Doe", "Tom Wall", "Haley Perry", "Smith", "Jones"} & set(people)
    numbers = [text[s:e] for f in facts.numbers for s, e in f.mentions]
    assert "240" in numbers and "70%" in numbers and "two years" in numbers
    assert not {"12", "10.1016", "10.3233", "2019", "123-130", "2020"} & set(numbers)
    organisations = [f.label for f in facts.organisations]
    assert not {"Med", "Brain Plast", "Immunol", "PubMed", "Getty Images"} & set(organisations)


def test_a_reference_list_without_a_heading_or_doi_is_no_source() -> None:
    references = (
        "Belin RJ, Greenland P, Allison M, Martin L, Howard BV. Diet quality and the risk "
        "of heart disease. The American journal of clinical nutrition. 2011 May "
        "25;94(1):49-57.\n"
        "McCullough ML, Feskanich D, Stampfer MJ, Willett WC. Diet quality and chronic "
        "disease risk. Am J Clin Nutr. 2002;76(6):1261-71."
    )
    facts = find_facts(Article(title="Eating well", blocks=(
        Block("paragraph", "Researchers in Boston followed 42,000 adults for 12 years, "
                           "Maria Lopez said."),
        Block("list", references, items=tuple(references.split("\n"))),
    )))
    assert [f.label for f in facts.people] == ["Maria Lopez"]
    assert [f.label for f in facts.places] == ["Boston"]
    assert {f.label for f in facts.numbers} == {"42,000 adults", "12 years"}


def test_picture_credits_in_every_style_are_no_sources() -> None:
    captions = [
        "Protesters in Kyiv. Credit: J. Scott Applewhite/AP Photo",
        "Rescue workers in Kharkiv. Credit...Todd Heisler/The New York Times",
        "Firefighters in Athens. Efrem Lukatsky/AP",
        "Voters queue in Lagos. Mary Altaffer / AP via Getty Images",
        "Chefs in the Lisbon kitchen / Kent Dayton",
        "Marki Williams/NYT Wirecutter",  # a caption that is all credit
        "Wei-An Jin for Quanta Magazine",
    ]
    article = Article(
        title="Storms hit the coast",
        blocks=(
            Block("paragraph", "Officials in Kyiv said the storm would pass by Friday."),
            *(Block("image", caption) for caption in captions),
        ),
    )
    facts = find_facts(article)
    assert not facts.people
    assert {f.label for f in facts.places} == {"Kyiv", "Kharkiv", "Athens", "Lagos", "Lisbon"}
    assert not {"New York Times", "AP", "NYT Wirecutter", "Quanta Magazine"} & {
        f.label for f in facts.organisations}
    # a place before an agency is a dateline, not a photographer: it stays a source
    assert masked("Kyiv/Reuters - Shelling", article_blocks(Article(
        title="", blocks=(Block("paragraph", "Kyiv/Reuters - Shelling"),)))).strip()


def test_a_courtesy_credit_is_no_source_but_prose_thanks_are() -> None:
    text = ("Portraits\n\nDawoud Bey, A Couple in Prospect Park, 1990. Archival pigment print. "
            "Courtesy Sean Kelly Gallery.\n\nMartin Parr, Benidorm, 1997. Courtesy of Matthew "
            "Marks Gallery.\n\nI own such a machine, courtesy of Mark Zyngier of Linux fame.")
    facts = find_facts(text)
    every = {f.label for f in facts.people + facts.organisations}
    assert not [name for name in every if "Gallery" in name or "Courtesy" in name]
    assert {"Dawoud Bey", "Martin Parr", "Mark Zyngier"} <= every


def test_an_agencys_name_credits_only_as_a_word_of_its_own() -> None:
    text = ("Wings reunited on Flaming Pie (Paul McCartney, 1997) and toured with a cover of "
            "Summer of '69 (Bryan Adams, 1984). The band thanked its label (AP Records).")
    assert [f.label for f in find_facts(text).people] == ["Paul McCartney", "Bryan Adams"]
    assert "(AP Records)" not in masked(text, article_blocks(Article(
        title="", blocks=(Block("paragraph", text),))))


def test_a_name_ends_where_a_credit_or_citation_label_was_left_out() -> None:
    facts = find_facts(Article(title="Sales rise in spring", blocks=(
        Block("paragraph", "Founder Tom Hardy (AFP) Sales rose sharply in the spring."),
        Block("paragraph", "Its chair Maria Rossi (Getty Images) Further Reading lists more."),
    )))
    assert [f.label for f in facts.people] == ["Tom Hardy", "Maria Rossi"]


def test_a_transcripts_stage_directions_and_unnamed_speakers_are_no_sources() -> None:
    article = Article(
        title="Plumbers train as substitute teachers",
        blocks=(
            Block("paragraph", "SACHA PFEIFFER, HOST:"),
            Block("paragraph", "Teachers in Austin plan to protest, said Travis Cantwell."),
            Block("paragraph", "(SOUNDBITE OF ARCHIVED RECORDING)"),
            Block("paragraph", "UNIDENTIFIED GROUP #1: (Chanting) Boot."),
            Block("paragraph", "UNIDENTIFIED PERSON #2: Yeah."),
            Block("paragraph", '(SOUNDBITE OF ROBIN THICKE AND LIL WAYNE SONG, "SHOOTER")'),
            Block("paragraph", "The North Atlantic Treaty Organization (NATO) was not asked."),
        ),
    )
    facts = find_facts(article)
    names = {f.label.casefold() for f in (*facts.people, *facts.organisations, *facts.places)}
    assert {"travis cantwell", "austin", "sacha pfeiffer"} <= names
    assert not {n for n in names if "unidentified" in n or "wayne" in n or "thicke" in n}
    assert "nato" in names or "north atlantic treaty organization" in names


def test_masked_text_keeps_offsets_and_lines() -> None:
    article = science_article()
    blocks = article_blocks(article)
    text = article.text
    readable = masked(text, blocks)
    assert len(readable) == len(text)
    assert readable.count("\n") == text.count("\n")
    assert "Maria Lopez" in readable and "Haley Perry" not in readable
    assert [b.kind for b in blocks] == ["title", "paragraph", "image"]


def test_identifiers_codes_and_a_headline_year_are_no_numbers() -> None:
    text = (
        "Best laptops 2024\n\n"
        "The HP Pavilion 14-ep2035cl has a 1920x1080 screen and costs $899. Its maker sold "
        "40,000 units last month. ISBN 978-0-14-044913-6 is a book. Call 020 7946 0958 or "
        "visit 221 Baker Street."
    )
    numbers = [text[s:e] for f in find_facts(text).numbers for s, e in f.mentions]
    assert "$899" in numbers and "40,000" in numbers
    for junk in ("2024", "14", "2035", "1920", "1080", "978", "020", "221"):
        assert not any(junk in n for n in numbers), (junk, numbers)


def test_a_bare_number_only_in_headings_names_a_thing_and_is_no_fact() -> None:
    facts = find_facts(Article(
        title="Hosting trends",
        blocks=(Block("heading", "Rose Marble Napkin, Set of 4", level=3),
                Block("paragraph", "Planners expect 40 guests at most, and 12 of them stay late."),
                Block("heading", "12 late guests", level=3)),
    ))
    labels = [fact.label for fact in facts.numbers]
    assert "4" not in labels
    assert "40 guests" in labels and "12" in labels  # the body's bare number stays


def test_a_date_alone_on_its_line_dates_the_text_and_is_no_fact() -> None:
    text = (
        "Five best headphones\n\nNovember 2015\n\nThe court ruled on March 3, 2021 that "
        "the 40 cases stand.\n\nJul 5, 2024\n\nA reply: the ruling came on 3 March 2021."
    )
    labels = [fact.label for fact in find_facts(text).numbers]
    assert "March 3, 2021" in labels and "40 cases" in labels
    assert "November 2015" not in labels and "Jul 5, 2024" not in labels


def test_citations_chapters_volumes_and_issue_numbers_are_no_numbers() -> None:
    text = ("Temperatures rose close to 2°F (NCA5, Ch. 2, page 2-10). It appears in Science "
            "News, volume 162, number 22, and in Vol. 9; see Sec. 4 for the 300 farms surveyed.")
    labels = [fact.label for fact in find_facts(text).numbers]
    assert "close to 2°F" in labels and "300 farms" in labels
    for junk in ("2", "162", "22", "9", "4"):
        assert junk not in labels, (junk, labels)


def test_an_author_year_citation_holds_no_number() -> None:
    from reader_app.core.facts.number_patterns import scan

    text = ("Music helps (Frontiers in Psychology, 2022), and so does practice (Smith et al., "
            "2019; Jones, 2021a). Lessons began (Jan 5, 2024) for 300 pupils.")
    blocked = [text[start:end] for start, end in scan(text)[0]]
    assert "(Frontiers in Psychology, 2022)" in blocked
    assert "(Smith et al., 2019; Jones, 2021a)" in blocked
    assert not any("2024" in span for span in blocked)  # a day in brackets is no citation


def test_a_range_is_one_fact_whichever_dash_it_is_written_with() -> None:
    text = "It took 3-5 hours. A miss costs 3\u20135 hours, or 3 - 5 hours at worst."
    ranges = [(f.label, len(f.mentions)) for f in find_facts(text).numbers]
    assert ranges == [("3-5 hours", 3)]


def test_a_facts_context_is_its_whole_sentence_across_abbreviations() -> None:
    text = ("The Healthy Eating Plate was made at the Harvard T.H. Chan School in the U.S. "
            "with Dr. Amara Okafor on Nov. 11, 2022, e.g. for schools. It cost $40,000.")
    facts = find_facts(text)
    plate = next(f for f in facts.numbers if f.label == "$40,000")
    assert plate.context == "It cost $40,000."
    person = next(f for f in facts.people if "Okafor" in f.label)
    assert person.context == text[: text.index(" It cost")]


def test_a_tables_bare_cells_are_no_numbers_but_its_measures_are() -> None:
    rows = (("Desk", "Price", "Stability", "Speed", "Home"),
            ("Eureka 36", "$199", "7.0", "9.2", "23-8"),
            ("TaskMate Go", "$249", "8.5", "6.4", "21-10"))
    table = "\n".join("\t".join(row) for row in rows)
    facts = find_facts(Article(
        title="Standing desks tested",
        blocks=(Block("paragraph", "We tested 12 standing desks over 9.2 weeks; the team won "
                                   "the office league 3-1."),
                Block("table", table, rows=rows)),
    ))
    labels = [fact.label for fact in facts.numbers]
    assert "$199" in labels and "$249" in labels  # a measure says what it is anywhere
    assert "12 standing desks" in labels and "9.2 weeks" in labels and "3-1" in labels
    # a cell means its column's heading: a number or a record ("23-8" at home)
    assert not {"7.0", "8.5", "6.4", "9.2", "23-8", "21-10"} & set(labels)


def test_a_number_alone_on_its_line_is_no_number() -> None:
    facts = find_facts(Article(
        title="Best board games",
        blocks=(Block("heading", "Our Score", level=3), Block("paragraph", "9.1"),
                Block("paragraph", "(172)\n4.5"),
                Block("paragraph", "We played 40 games over nine weekends; 12 were great.")),
    ))
    assert [fact.label for fact in facts.numbers] == ["40 games", "over nine weekends", "12"]


def test_a_post_s_time_line_only_dates_its_post() -> None:
    thread = Article(
        title="Multiple agents crashing",
        blocks=(
            Block("heading", "Brian · September 26, 2025, 1:38pm", level=5),
            Block("paragraph", "The agent on 2 servers will not stay started since May 3."),
            Block("heading", "Thiago_Marques_0 · 1:55pm, September 27, 2025", level=5),
            Block("paragraph", "Dear Brian, a patch for 12 crashes ships on 14 October."),
        ),
    )
    facts = find_facts(thread)
    assert {f.label for f in facts.numbers} == {"2 servers", "May 3", "12 crashes", "14 October"}
    assert [len(f.mentions) for f in facts.people] == [1]


def test_each_section_is_ordered_by_salience() -> None:
    text = (
        "Kharkiv hit by 47 drones\n\n"
        "Russia launched 47 drones at Kharkiv overnight, killing four people, officials said "
        "in a statement issued in 2024.\n\n"
        "The mayor, Ihor Terekhov, said Kharkiv would rebuild. Officials in Kyiv agreed.\n\n"
        "Kharkiv has been hit many times since 2022."
    )
    facts = find_facts(text)
    assert facts.places[0].label == "Kharkiv"  # title, lede, spread, count
    assert facts.numbers[0].label.startswith("47")  # counted and in the title: above years
    years = [i for i, f in enumerate(facts.numbers) if f.unit == "year"]
    counted = [i for i, f in enumerate(facts.numbers) if f.counts]
    assert max(counted) < min(years)


def test_a_year_in_the_title_and_lede_comes_after_the_quantities() -> None:
    text = (
        "The best dishwashers of 2025\n\n"
        "These are our picks for 2025, tested over two months. The winner runs eight cycles "
        "and holds up to 32 washes of detergent."
    )
    numbers = find_facts(text).numbers
    assert numbers[-1].label == "2025" and numbers[-1].unit == "year"
    assert {f.label for f in numbers[:-1]} >= {"eight cycles", "two months"}


def test_a_bare_number_comes_after_the_quantities_however_often_named() -> None:
    text = (
        "Blender review\n\nThe dial goes up to 11. At 11 it crushes ice, at 11 it is loud, and "
        "11 is where most owners leave it. The jar holds 72 ounces and it costs $179."
    )
    assert [f.label for f in find_facts(text).numbers] == ["72 ounces", "$179", "up to 11"]


def linear(make: object, sizes: tuple[int, int] = (10_000, 40_000)) -> None:
    """Finding facts on texts four times longer takes at most about ten times longer (best
    of two runs each, so that a busy machine does not decide)."""
    timings = []
    for size in sizes:
        text = make(size)  # type: ignore[operator]
        best = float("inf")
        for _ in range(2):
            started = time.perf_counter()
            result = find_facts(text)
            best = min(best, time.perf_counter() - started)
            assert isinstance(result, Facts)
        timings.append(best)
    assert timings[1] < max(10 * timings[0], 1.0), timings


def test_bad_input_returns_facts_in_linear_time() -> None:
    assert find_facts("") == Facts()
    assert isinstance(find_facts("word" * 1_250_000), Facts)  # 5 MB of one word
    noise = os.urandom(100_000).decode("latin-1")
    assert isinstance(find_facts(noise), Facts)
    lines = "\n".join(f"Line {i}" for i in range(100_000))
    assert isinstance(find_facts(lines), Facts)
    linear(lambda n: "word " * n)
    linear(lambda n: "\n".join(f"Line {i} Kharkiv" for i in range(n // 3)))
    linear(lambda n: os.urandom(n * 4).decode("latin-1"))
