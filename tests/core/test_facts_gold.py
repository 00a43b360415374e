"""The annotated news articles and the scoring that measures the facts engine on them."""

# Curly apostrophes and quotes are part of what these tests check.
# ruff: noqa: RUF001

from __future__ import annotations

from pathlib import Path

import pytest

from reader_app.core.facts import find_facts
from reader_app.core.facts.evaluation import (
    conll_spans,
    detokenise,
    load_gold_folder,
    locate,
    read_conll,
    score_conll,
    score_entities,
    score_numbers,
)
from reader_app.core.facts.heldout import document
from reader_app.core.facts.model import Fact


def test_gold_numbers_are_all_in_their_texts(data_dir: Path) -> None:
    for article in load_gold_folder(data_dir / "news"):
        spans = locate(article.text, article.numbers)
        assert [article.text[s:e] for s, e in spans] == list(article.numbers)


def fact(kind: str, label: str, *mentions: tuple[int, int]) -> Fact:
    return Fact(kind=kind, label=label, mentions=mentions, context="")  # type: ignore[arg-type]


def test_entity_score_matches_label_or_mention_ignoring_case_and_possessive() -> None:
    text = "Mr Biden met Joe Biden’s aides in KYIV."
    predicted = [
        fact("person", "Joe Biden", (3, 8), (13, 22)),
        fact("place", "KYIV", (34, 38)),
        fact("person", "Aides", (25, 30)),
    ]
    score = score_entities(predicted, ["Biden", "Kyiv’s", "Kim Jong Un"], text)
    assert (score.correct_predicted, score.predicted) == (2, 3)
    assert (score.correct_gold, score.gold) == (2, 3)
    assert score.precision == pytest.approx(2 / 3)
    assert score.f1 == pytest.approx(2 / 3)


def test_number_score_matches_each_gold_span_once() -> None:
    text = "About 40 drones and 40 missiles hit, killing four people."
    predicted = [
        fact("number", "40 drones", (6, 15)),
        fact("number", "40", (6, 8), (20, 22)),  # the first overlaps an already used span
        fact("number", "four people", (45, 56)),
    ]
    score = score_numbers(predicted, ["40 drones", "40 missiles", "four people"], text)
    assert (score.correct_predicted, score.predicted, score.correct_gold, score.gold) == (
        3,
        4,
        3,
        3,
    )


def test_locate_searches_in_order_and_rejects_missing() -> None:
    assert locate("5 of 5 and 5", ["5", "5", "5"]) == [(0, 1), (5, 6), (11, 12)]
    with pytest.raises(ValueError):
        locate("no numbers", ["12"])


def test_conll_reading_detokenising_and_scoring(tmp_path: Path) -> None:
    conll = tmp_path / "tiny.conll"
    conll.write_text(
        "-DOCSTART-\tO\n\n"
        "Angela\tB-PER\nMerkel\tI-PER\nvisited\tO\nBerlin\tB-LOC\n,\tO\n"
        "said\tO\nthe\tO\nEuropean\tB-ORG\nCommission\tI-ORG\n.\tO\n\n"
        "Merkel\tB-PER\n's\tO\nspeech\tO\nwas\tO\nlong\tO\n.\tO\n",
        encoding="utf-8",
    )
    documents = read_conll(conll)
    assert len(documents) == 1 and len(documents[0].sentences) == 2
    text, offsets = detokenise(["Merkel", "'s", "speech", "(", "long", ")", "."])
    assert text == "Merkel's speech (long)."
    assert text[offsets[3][0] : offsets[3][1]] == "("
    assert conll_spans(["B-PER", "I-PER", "O", "B-LOC", "B-MISC", "I-ORG"]) == {
        ("people", 0, 2),
        ("places", 3, 4),
        ("organisations", 5, 6),
    }
    scores = score_conll(conll, lambda text: (find_facts(text).people, [], []))  # type: ignore[arg-type, return-value]
    assert scores["people"].gold == 2
    assert scores["people"].correct_gold == 2
    assert scores["places"].gold == 1 and scores["places"].predicted == 0


def test_held_out_document_counts_no_nationality_word_as_a_name() -> None:
    text, gold = document([
        (["Italian", "troops", "left", "Rome", "."], ["B-LOC", "O", "O", "B-LOC", "O"]),
        (["The", "Germans", "met", "Italian", "Somaliland", "officials", "."],
         ["O", "B-PER", "O", "B-LOC", "I-LOC", "O", "O"]),
    ])
    assert text.startswith("Italian troops left Rome.")
    assert gold["places"] == {"Rome", "Italian Somaliland"}
    assert gold["people"] == set()
