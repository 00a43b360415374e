"""The learned filter of promotional lines: its features, its model and where it acts."""

from __future__ import annotations

import zlib

from reader_app.core.line_filter import (
    MAX_WORDS,
    LineModel,
    drop_promo_lines,
    feature_names,
    features,
    is_candidate,
    promo_lines,
    shipped_model,
    using,
)
from reader_app.core.model import Block, Span
from reader_app.core.train_declutter import fold_of, host_of, label

LONG = (
    "The council met on Tuesday to discuss the flood budget, which had run over by a third "
    "after the spring storms damaged two bridges and the river wall near the old mill."
)


def _model(words: dict[str, float], threshold: float = 0.5, buckets: int = 4096) -> LineModel:
    weights = [0.0] * buckets
    for name, weight in words.items():
        weights[zlib.crc32(name.encode()) % buckets] += weight
    return LineModel(tuple(weights), -2.0, threshold)


def test_candidates_are_short_text_blocks() -> None:
    assert is_candidate(Block("paragraph", "Get started today"))
    assert is_candidate(Block("heading", "Request a free consultation", level=2))
    assert not is_candidate(Block("paragraph", LONG))
    assert not is_candidate(Block("list", "Get started today", items=("Get started today",)))
    assert not is_candidate(Block("image", "A bridge", src="a.png"))
    assert not is_candidate(Block("paragraph", "  "))
    assert is_candidate(Block("paragraph", " ".join(["word"] * MAX_WORDS)))
    assert not is_candidate(Block("paragraph", " ".join(["word"] * (MAX_WORDS + 1))))


def test_features_read_words_place_and_links() -> None:
    blocks = [
        Block("paragraph", LONG),
        Block("heading", "Get Started Today!", level=2, spans=(Span(0, 18, "link", "/go"),)),
    ]
    names = feature_names(blocks, 1)
    for name in ("k:h2", "f:get", "z:today", "w:started", "b:get_started", "e:!", "l:2",
                 "prev:paragraph-long", "next:none", "p:first", "j:0", "c:4"):
        assert name in names
    assert all(0 <= f < 100 for f in features(blocks, 1, 100))


def test_the_model_drops_what_scores_as_promotion() -> None:
    model = _model({"w:consultation": 5.0, "w:free": 1.0})
    blocks = [
        Block("paragraph", LONG),
        Block("heading", "What the council decided", level=2),
        Block("paragraph", LONG),
        Block("paragraph", "Request a free consultation"),
    ]
    assert promo_lines(blocks, model) == [False, False, False, True]
    assert drop_promo_lines(blocks, model) == blocks[:3]


def test_a_model_round_trips_through_json_and_can_be_chosen() -> None:
    model = _model({"w:today": 4.0}, threshold=0.7)
    again = LineModel.from_json(model.to_json())
    assert again.threshold == 0.7 and again.buckets == 4096
    assert abs(again.bias - model.bias) < 1e-9
    blocks = [Block("paragraph", LONG), Block("paragraph", "Call us today")]
    with using(again):
        assert drop_promo_lines(blocks) == blocks[:1]
    never = LineModel((0.0,), 0.0, 1.01)
    with using(never):
        assert drop_promo_lines(blocks) == blocks


def test_the_shipped_model_keeps_the_article() -> None:
    model = shipped_model()
    assert model.buckets > 1000 and 0.0 < model.threshold <= 1.01
    blocks = [
        Block("paragraph", LONG),
        Block("heading", "Why the bridges failed", level=2),
        Block("paragraph", LONG),
    ]
    assert drop_promo_lines(blocks) == blocks


def test_labels_and_folds_of_the_training() -> None:
    truth = {
        "articleBody": "Why the bridges failed\n\nThe council met on Tuesday.",
        "with": ["the council met"],
        "without": ["Request a free consultation today"],
    }
    assert label("Why the bridges failed", truth) == (0, 0.1)
    assert label("Request a free consultation", truth) == (1, 1.0)
    assert label("Share on Facebook", truth) == (1, 0.1)
    assert label("The council met on Tuesday and more", truth) == (0, 1.0)
    assert label("—", truth) is None
    assert host_of("https://www.Example.com/a") == "example.com"
    assert fold_of("example.com") == fold_of("example.com") < 5
