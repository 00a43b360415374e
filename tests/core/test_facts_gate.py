"""Accuracy gate: the shipped name model and the rules beside it on the annotated news pages.

Fails when precision or recall of a kind falls below its pinned floor (what the engine
measures on tests/data/news, less a small margin; see docs/facts.md), so that a retrained
model or a changed rule cannot quietly make the panel worse.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reader_app.core.facts import find_facts
from reader_app.core.facts.evaluation import Score, load_gold_folder, score_article, total

NEWS = Path(__file__).resolve().parent.parent / "data" / "news"

# kind: (precision, recall) floors on the 40 annotated pages
FLOORS = {
    "people": (0.94, 0.97),
    "places": (0.92, 0.92),
    "organisations": (0.92, 0.72),
    "numbers": (0.97, 0.97),
}


@pytest.fixture(scope="module")
def news_scores() -> dict[str, Score]:
    articles = load_gold_folder(NEWS)
    assert len(articles) >= 40
    return total(score_article(article, find_facts(article.text)) for article in articles)


@pytest.mark.parametrize("kind", sorted(FLOORS))
def test_kind_stays_above_its_floors(news_scores: dict[str, Score], kind: str) -> None:
    precision, recall = FLOORS[kind]
    score = news_scores[kind]
    assert score.precision >= precision, score
    assert score.recall >= recall, score
