"""The learned declutter filter's parts: candidate blocks, DOM cues, features, the tree model
and its decision, and the training helpers (labels, host-grouped folds, scores, threshold)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader_app.core import ReaderError
from reader_app.core.block_features import FEATURE_NAMES, page_candidates
from reader_app.core.clutter_cues import find_clutter
from reader_app.core.declutter_model import (
    UNIT_FEATURES,
    WORD_BUCKETS,
    FilterModel,
    Tree,
    WordsModel,
    filter_keep,
    load_model,
    unit_rows,
    word_features,
    words_keep,
)
from reader_app.core.model import Block
from reader_app.core.segment import page_root, segment
from reader_app.core.train_declutter import (
    choose_threshold,
    filtered_text,
    grouped_folds,
    host_of,
    label_blocks,
    score_page,
    summarise,
)

PAGE = """<html><head><title>Tidal power</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article>
<h1>Tidal power comes of age</h1>
<p>The first turbines in the strait have run for a year, and they delivered more power than
their makers promised during the winter storms.</p>
<h2>What the engineers found</h2>
<ul><li>Blades wore slowly</li><li>Output held in storms</li></ul>
<p>Engineers said the blades wore less than expected, which cuts the cost of upkeep.</p>
<div class="newsletter-signup"><p>Sign up for our newsletter today</p>
<form><input type="email"><button>Subscribe</button></form></div>
</article>
<footer><p>Copyright 2025 The Coast Times. All rights reserved.</p></footer>
</body></html>"""


def _texts() -> list[str]:
    return [c.draft.block.text for c in segment(page_root(PAGE).find(".//body"))]


def test_segment_cuts_text_runs_and_keeps_units_whole() -> None:
    candidates = segment(page_root(PAGE).find(".//body"))
    kinds = {c.draft.block.text: c.draft.block.kind for c in candidates}
    assert kinds["Tidal power comes of age"] == "heading"
    assert kinds["Blades wore slowly\nOutput held in storms"] == "list"
    assert kinds["Sign up for our newsletter today"] == "paragraph"
    links = next(c for c in candidates if c.draft.block.text == "Home News")
    assert links.draft.link_ratio > 0.8


def test_page_root_refuses_an_empty_page() -> None:
    with pytest.raises(ReaderError):
        page_root("   ")


def test_find_clutter_marks_a_named_box_but_not_the_article() -> None:
    root = page_root(PAGE)
    found, stats = find_clutter(root)
    names = [e.get("class") for e in found]
    assert names == ["newsletter-signup"]
    assert stats[root.find(".//article")].chars > 200


def test_features_mark_the_box_and_the_title() -> None:
    candidates, rows = page_candidates(page_root(PAGE), title="Tidal power comes of age")
    assert all(len(row) == len(FEATURE_NAMES) for row in rows)
    by_text = {c.draft.block.text: row for c, row in zip(candidates, rows, strict=True)}
    pruned = FEATURE_NAMES.index("pruned")
    assert by_text["Sign up for our newsletter today"][pruned] == 1.0
    assert by_text["Engineers said the blades wore less than expected, which cuts the cost of "
                   "upkeep."][pruned] == 0.0  # fmt: skip
    same_title = FEATURE_NAMES.index("same_as_title")
    assert by_text["Tidal power comes of age"][same_title] == 1.0


def _model(feature: str, cut: float, threshold: float = 0.5) -> FilterModel:
    """A one-split model: content (score +3) when ``feature`` is above ``cut``, else -3."""
    tree = Tree(
        feature=(UNIT_FEATURES.index(feature), -1, -1),
        value=(cut, -3.0, 3.0),
        left=(1, 0, 0),
        right=(2, 0, 0),
    )
    return FilterModel(base=0.0, trees=(tree,), threshold=threshold)


def test_filter_drops_the_blocks_scored_as_boilerplate() -> None:
    root = page_root(PAGE)
    candidates, rows = page_candidates(root)
    blocks = [
        Block("paragraph", _texts()[2]),
        Block("paragraph", "Sign up for our newsletter today"),
        Block("paragraph", "A sentence that is nowhere in the page"),
        Block("image", ""),
    ]
    units = unit_rows(blocks, candidates, rows)
    assert [j for j, _ in units] == [0, 1]  # only blocks found in the page are judged
    assert all(len(row) == len(UNIT_FEATURES) for _, row in units)
    # "pruned" (in a clutter container) is 0 for content: content when pruned <= 0.5.
    model = FilterModel(
        base=0.0,
        trees=(
            Tree((UNIT_FEATURES.index("pruned"), -1, -1), (0.5, 3.0, -3.0), (1, 0, 0), (2, 0, 0)),
        ),
        threshold=0.5,
    )
    assert filter_keep(blocks, units, model) == [True, False, True, True]
    assert model.probabilities([units[0][1]])[0] == pytest.approx(1 / (1 + 2.718281828**-3))


def test_word_features_are_a_unit_vector_of_words_and_pairs() -> None:
    features = word_features("Get started today!")
    assert len(features) == 5  # get, started, today, "get started", "started today"
    assert all(0 <= b < WORD_BUCKETS for b in features)
    assert sum(v * v for v in features.values()) == pytest.approx(1.0)
    assert word_features("GET STARTED today") == features
    assert word_features("") == {}


def test_words_model_drops_promo_lines_and_keeps_pictures(tmp_path: Path) -> None:
    promo = word_features("get started today")
    model = WordsModel(intercept=2.0, weights=dict.fromkeys(promo, -8.0), threshold=0.5)
    blocks = [
        Block("paragraph", "The turbines ran for a year."),
        Block("heading", "Get started today"),
        Block("image", "", src="turbine.png"),
    ]
    assert words_keep(blocks, model) == [True, False, True]
    path = tmp_path / "words.json"
    path.write_text(json.dumps(model.to_json()), encoding="utf-8")
    again = load_model(path)
    assert isinstance(again, WordsModel)
    assert again.probabilities(["get started today"]) == pytest.approx(
        model.probabilities(["get started today"]), abs=1e-4
    )
    data = model.to_json()
    data["buckets"] = WORD_BUCKETS * 2
    with pytest.raises(ReaderError):
        WordsModel.from_json(data)


def test_model_round_trips_through_json_and_refuses_other_features() -> None:
    model = _model("log_words", 2.0, threshold=0.3)
    again = FilterModel.from_json(model.to_json())
    row = [0.0] * len(UNIT_FEATURES)
    assert again.probabilities([row]) == model.probabilities([row])
    assert again.threshold == 0.3
    data = model.to_json()
    data["features"] = data["features"][:-1]
    with pytest.raises(ReaderError):
        FilterModel.from_json(data)


def test_labels_follow_the_truth_and_the_snippets() -> None:
    entry = {
        "articleBody": "The turbines ran for a year without a fault.\nWhat they found",
        "with": ["ran for a year"],
        "without": ["sign up today now"],
    }
    texts = [
        "The turbines ran for a year without a fault.",
        "What they found",
        "Please sign up today now for the newsletter",
        "An unrelated line about something else entirely",
    ]
    assert label_blocks(texts, entry) == [1, 1, 0, 0]


def test_folds_never_split_a_host() -> None:
    hosts = [host_of(u) for u in ("https://www.a.com/1", "https://a.com/2", "http://b.org/x")]
    assert hosts == ["a.com", "a.com", "b.org"]
    hosts += ["c.net", "d.io", "c.net", "e.fr"]
    folds = grouped_folds(hosts, 3)
    for host in set(hosts):
        assert len({f for h, f in zip(hosts, folds, strict=True) if h == host}) == 1
    assert sorted(set(folds)) == [0, 1, 2]


def test_scores_of_a_page() -> None:
    entry = {
        "articleBody": "one two three four five six",
        "with": ["two three four", "nine ten eleven"],
        "without": ["buy our book now"],
    }
    score = score_page("one two three four five six buy our book now", entry)
    assert score.word_f1 == pytest.approx(2 * (6 / 10) * 1 / (6 / 10 + 1))
    assert score.leaking and score.kept == 1 and score.withs == 2
    assert score.recall == 1.0 and score.precision == pytest.approx(3 / 7)
    summary = summarise([score, score_page("", entry)])
    assert summary["leaking"] == 0.5 and summary["kept"] == 0.25


def test_threshold_removes_leaks_only_when_word_f1_holds() -> None:
    truth = {"articleBody": "alpha beta gamma delta epsilon", "with": [], "without": []}
    promo = {**truth, "without": ["get started today"]}
    page = {
        "texts": ["alpha beta gamma delta epsilon", "get started today"],
        "index": [0, 1],
        "truth": promo,
    }
    # The promo scores 0.1 and the content 0.9: dropping the promo is free and stops the leak.
    assert choose_threshold([page], [[0.9, 0.1]]) == 0.15
    assert filtered_text(page, [0.9, 0.1], 0.15) == "alpha beta gamma delta epsilon"
    # When content scores as low as the promo, no threshold keeps word F1: the rules stand.
    assert choose_threshold([page], [[0.1, 0.1]]) == 0.0
