"""How open text writes words where case is free (the case table) and what the engine makes
of it, and names made consistent across an article."""

from __future__ import annotations

from collections import Counter
from importlib import resources

from reader_app.core.facts import find_facts
from reader_app.core.facts.build_case import bins, count
from reader_app.core.facts.common_words import headline
from reader_app.core.facts.lexicon import lexicon
from reader_app.core.facts.model import Fact, Facts
from reader_app.core.model import Article, Block


def labels(facts: tuple[Fact, ...]) -> list[str]:
    return [fact.label for fact in facts]


def test_the_case_table_tells_common_words_from_names() -> None:
    lex = lexicon()
    assert {"scientists", "normal", "government", "surprise"} <= lex.lowercase
    assert not {"london", "smith", "kyiv", "kyivskyi-xq"} & lex.lowercase
    assert lex.mostly_lower("Scientists") and not lex.mostly_lower("London")
    assert not lex.mostly_lower("US")  # an acronym is no lowercase word
    notice = (resources.files("reader_app.core.facts") / "data" / "NAMES-MODEL-LICENCE.txt")
    assert "WCXB" in notice.read_text(encoding="utf-8")


def test_case_is_counted_where_it_is_free_only() -> None:
    capitalised: Counter[str] = Counter()
    lower: Counter[str] = Counter()
    count([
        ["Scientists", "said", "the", "scientists", "of", "Leeds", "met", "."],
        ["The", "scientists", "and", "Leeds", "officials", "agreed", "."],
        ["Leeds", "Scientists", "Warn", "Of", "Floods"],  # a headline: no count
        ["He", "said", ":", "Scientists", "lie", "in", "Leeds", "."],  # after a colon: no count
    ], capitalised, lower)
    assert lower["scientists"] == 2 and capitalised["scientists"] == 0
    assert capitalised["leeds"] == 3 and lower["leeds"] == 0
    table = bins(capitalised, lower)
    assert "leeds" in table[-1] and "scientists" not in table[0]  # seen twice: too few


def test_headline_case_is_told_from_a_sentence_full_of_names() -> None:
    assert headline(["Storms", "Batter", "Coast", "as", "Lagos", "Braces"])
    assert not headline(["Acme", "Holdings", "said", "on", "Monday", "that", "Dr", "Okafor",
                         "would", "lead", "it", "."])


def test_a_body_named_by_its_head_word_alone_is_the_one_body_of_the_article() -> None:
    text = ("Floods in Shrewsbury\n\nMore than 200 homes were evacuated in Shrewsbury, "
            "Shropshire Council has said.\n\nA spokesperson for the Council said a rest "
            "centre had opened.")
    organisations = find_facts(text).organisations
    assert [f.label for f in organisations] == ["Shropshire Council"]
    assert [text[s:e] for s, e in organisations[0].mentions] == ["Shropshire Council", "Council"]


def test_a_place_named_in_a_dateline_only_is_labelled_as_the_lexicon_writes_it() -> None:
    text = ("Dam talks resume\n\nADDIS ABABA \u2014 Ethiopia said on Monday that talks over "
            "the dam would resume.")
    places = [f.label for f in find_facts(text).places]
    assert "Addis Ababa" in places and "ADDIS ABABA" not in places


def test_sentence_initial_common_words_are_no_names() -> None:
    text = ("Fires in the Amazon\n\nDeforestation fell by a third in Brazil last year. "
            "Scientists warned that drought and fires remained a threat. Normal rainfall "
            "would not return before March, officials said.")
    facts = find_facts(text)
    names = {f.label for f in facts.people + facts.places + facts.organisations}
    assert not {"Scientists", "Normal"} & names
    assert "Brazil" in names


def test_a_listed_place_that_is_mostly_a_common_word_is_no_place_opening_a_sentence() -> None:
    text = ("Town news\n\nBarking dogs woke the street. Surprise was the mood. She moved to "
            "Barking, then to Surprise.")
    places = {f.label: [text[s:e] for s, e in f.mentions] for f in find_facts(text).places}
    assert places == {"Barking": ["Barking"], "Surprise": ["Surprise"]}
    assert text.index("to Barking") + 3 == find_facts(text).places[0].mentions[0][0]


def test_a_heading_made_of_common_words_names_nothing() -> None:
    headings = ["Hourly Cleaning Services", "Types of Restaurant Services", "Travel Insurance",
                "Emergency Fund", "Corporate Relocation Company", "Rosé Wine",
                "Moving to Little Rock", "The White House"]
    blocks = []
    for heading in headings:
        blocks += [Block("heading", heading, level=2),
                   Block("paragraph", "Prices vary widely, and most crews charge by the hour.")]
    facts = find_facts(Article(title="How We Rank Cleaners", blocks=tuple(blocks)))
    assert labels(facts.people) == []
    assert labels(facts.places) == ["Little Rock"]  # listed places and organisations stay
    assert labels(facts.organisations) == ["White House"]


def test_a_short_line_standing_as_a_heading_is_read_as_one() -> None:
    facts = find_facts(Article(title="Our services", blocks=(
        Block("paragraph", "Professional Resume Writing Services"),
        Block("paragraph", "We write resumes for engineers and nurses across Ohio."),
        Block("paragraph", "Coolant Fluid Exchange"),
        Block("paragraph", "Your radiator keeps the engine cool, the Automobile Association says."),
    )))
    assert labels(facts.organisations) == ["Automobile Association"]


def test_a_heading_s_common_words_named_where_case_is_free_are_a_name() -> None:
    facts = find_facts(Article(title="Garden pests", blocks=(
        Block("heading", "Advice From the Native Plant Trust", level=2),
        Block("paragraph", "Volunteers at the Native Plant Trust in Massachusetts sow clover "
                           "between rows, Jessica Lautz said."),
        Block("heading", "Pet Insurance and Garden Chemicals", level=2),
        Block("paragraph", "Keep dogs and cats indoors after spraying."),
    )))
    assert labels(facts.organisations) == ["Native Plant Trust"]
    assert [len(f.mentions) for f in facts.organisations] == [2]
    assert labels(facts.people) == ["Jessica Lautz"]


def _list_then_paragraph(items: tuple[str, ...], paragraph: str) -> Facts:
    return find_facts(Article(title="A guide", blocks=(
        Block("list", "\n".join(items), items=items), Block("paragraph", paragraph))))


def test_a_list_item_or_line_in_headline_case_names_nothing_but_names() -> None:
    items = ("Week 1: Fitness Testing & Zone Development. (2:30-3:20hrs)",
             "Week 2: Adapt to New Training Zones.", "Coached by C. K. Young",
             "Rest Day\tEasy Run")
    facts = _list_then_paragraph(items, "The plan was written for the Boston Athletic "
                                 "Association's beginners, Jessica Lautz said.")
    assert labels(facts.organisations) == ["Boston Athletic Association"]
    assert labels(facts.places) == []
    assert sorted(labels(facts.people)) == ["C. K. Young", "Jessica Lautz"]


def test_a_line_s_label_in_headline_case_before_a_colon_dash_or_bar_names_nothing() -> None:
    items = ("Licensing and Insurance: Verify that the company is licensed.",
             "Specialized Moving Services: If you have fragile items, ask.",
             "Regulatory Compliance \u2013 Ensure policies follow the law.",
             "Excellent Customer Service: Known for its quick replies.",
             "Customer Review | Really good sizing and the seams are good.")
    facts = _list_then_paragraph(items, "The Better Business Bureau lists complaints against "
                                 "movers in Ohio, Jessica Lautz said.")
    assert labels(facts.organisations) == ["Better Business Bureau"]
    assert labels(facts.places) == ["Ohio"]
    assert labels(facts.people) == ["Jessica Lautz"]


def test_a_value_in_inline_code_is_no_number_of_the_article() -> None:
    from reader_app.core.model import Span

    line = "Set flex-grow: 1 on the first item and the 500 pixels left go to it (default 1)."
    code = line.index("flex-grow: 1")
    article = Article(title="Flexbox", blocks=(
        Block("paragraph", line, spans=(Span(code, code + len("flex-grow: 1"), "code"),)),
        Block("paragraph", "Port 8080 serves the 3 sites.", spans=(Span(5, 9, "code"),)),
    ))
    facts = find_facts(article)
    numbers = {f.label: len(f.mentions) for f in facts.numbers}
    assert numbers == {"500 pixels": 1, "1": 1, "3 sites": 1}
    (one,) = [f for f in facts.numbers if f.label == "1"]
    assert article.text[one.mentions[0][0] - 8 : one.mentions[0][1]] == "default 1"
    plain = {f.label: len(f.mentions) for f in find_facts(article.text).numbers}
    assert plain["1"] == 2  # plain text knows no code


def test_a_keyword_in_capitals_that_code_holds_is_no_organisation() -> None:
    from reader_app.core.model import Span

    line = "Send the form with POST; the server answers with HEAD first, as HP's guide says."
    article = Article(title="Requests", blocks=(
        Block("paragraph", line),
        Block("code", 'fetch(url, {method: "POST"})\ncurl -I --head URL  # HEAD request'),
        Block("paragraph", "A column may be NULL unless the table says otherwise.",
              spans=(Span(15, 19, "code"),)),
        Block("paragraph", "Reuters and HP wrote the first drafts in NULL-free SQL."),
    ))
    organisations = labels(find_facts(article).organisations)
    assert "HP" in organisations and "Reuters" in organisations
    assert not {"POST", "HEAD", "NULL"} & set(organisations)
    assert "HEAD" in labels(find_facts(article.text).organisations)  # plain text knows no code
