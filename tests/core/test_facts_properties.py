"""Properties of people, places and organisations on arbitrary text."""

# Curly apostrophes and quotes are part of what these tests feed the engine.
# ruff: noqa: RUF001

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from reader_app.core.facts import find_facts
from reader_app.core.facts.tagger import spans

# Words that exercise the recogniser: names, titles, places, organisation heads, demonyms,
# page furniture, possessives, particles, initials and punctuation.
WORDS = [
    "Joe", "Biden", "Mr", "Mr.", "President", "Kim", "Jong", "Un", "Kharkiv", "Kharkiv’s",
    "Biden's", "Kyiv", "Bath", "Reading", "in", "from", "near", "said", "told", "the", "The",
    "Ministry", "of", "Defence", "(MoD)", "MoD", "Bank", "England", "and", "&", "Marks",
    "Spencer", "Ukrainian", "British", "Independent", "Premium", "Despite", "Monday",
    "March", "van", "der", "al-Assad", "J.", "O’Brien", "McDonald", "U.S.", "UK", "NATO",
    "Nato", "who", ",", ".", "“", "”", "'", "’", "-", "—", "\n", "\n\n", "Sir", "Keir",
    "Starmer", "Party", "Labour", "River", "Severn", "West", "Antarctica", "Fed", "Federal",
    "Reserve", "according", "to", "Maria", "Lopez", "sister", "mayor", "Inc.", "New", "York",
]

texts = st.one_of(
    st.lists(st.sampled_from(WORDS), max_size=60).map(" ".join),
    st.lists(st.sampled_from(WORDS), max_size=12).map(lambda words: " ".join(words) + "."),
    st.lists(st.sampled_from(WORDS), max_size=60).map("".join),
    st.text(max_size=200),
)


@settings(max_examples=150, deadline=None)
@given(texts)
def test_entity_mentions_are_in_range_ordered_and_disjoint(text: str) -> None:
    facts = find_facts(text)
    for kind, group in (
        ("person", facts.people),
        ("place", facts.places),
        ("organisation", facts.organisations),
    ):
        spans = []
        for fact in group:
            assert fact.kind == kind
            assert fact.mentions, fact
            assert list(fact.mentions) == sorted(fact.mentions)
            assert fact.label.strip() == fact.label and fact.label
            assert fact.context and fact.context in text
            for start, end in fact.mentions:
                assert 0 <= start < end <= len(text)
                surface = text[start:end]
                assert surface == surface.strip()
                assert surface[0].isalnum() and surface[-1] not in "’'"
            spans += fact.mentions
        spans.sort()
        for (_, end), (start, _) in itertools.pairwise(spans):
            assert end <= start, (kind, spans)
        # the label is the fullest surface form of the fact
        for fact in group:
            assert fact.label in {text[s:e] for s, e in fact.mentions}


@settings(max_examples=50, deadline=None)
@given(texts)
def test_finding_is_deterministic(text: str) -> None:
    assert find_facts(text) == find_facts(text)


def _spans_read_tag_by_tag(tags: tuple[str, ...]) -> list[tuple[int, int, str]]:
    out, start, label = [], -1, ""
    for index, tag in enumerate([*tags, "O"]):
        if tag.startswith("I-") and tag[2:] == label:
            continue
        if label:
            out.append((start, index, label))
        start, label = (index, tag[2:]) if tag != "O" else (-1, "")
    return out


def test_entity_spans_of_every_short_tag_sequence() -> None:
    assert spans(["B-PER", "I-PER", "O", "I-LOC", "B-LOC", "I-ORG"]) == [
        (0, 2, "PER"), (3, 4, "LOC"), (4, 5, "LOC"), (5, 6, "ORG")]
    labels = ["O", "B-PER", "I-PER", "B-LOC", "I-LOC", "I-ORG"]
    for length in range(7):
        for tags in itertools.product(labels, repeat=length):
            assert spans(tags) == _spans_read_tag_by_tag(tags)
