"""Word clusters as features of the name tagger: the file format and the features they give."""

from __future__ import annotations

import gzip

from reader_app.core.facts.lexicon import read_clusters
from reader_app.core.facts.ner_features import FeatureMaker


def clusters_file(fine: list[list[str]], mid: list[int], coarse: list[int]) -> bytes:
    lines = [" ".join(map(str, mid)), " ".join(map(str, coarse)), *(" ".join(w) for w in fine)]
    return gzip.compress(("\n".join(lines) + "\n").encode("utf-8"))


def test_each_word_gets_its_nested_coarse_middle_and_fine_cluster() -> None:
    raw = clusters_file([["London", "Paris"], ["Smith"], ["O'Brien"]], [0, 1, 1], [0, 0])
    clusters = read_clusters(raw)
    assert clusters["Paris"] == ("0", "0", "0")
    assert clusters["Smith"] == ("0", "1", "1")
    assert clusters["O'Brien"] == ("0", "1", "2")
    assert "london" not in clusters  # case is kept


def test_features_hold_the_word_s_clusters_and_its_neighbours_coarse_ones() -> None:
    clusters = read_clusters(clusters_file([["London", "Paris"], ["in"], ["O'Brien"]],
                                           [0, 1, 1], [0, 1]))
    words = ["Lives", "in", "O\u2019Brien", "London"]
    plain = FeatureMaker(None).sentence(words)
    assert not any(f.startswith((b"k", b"-1k", b"+1k")) for word in plain for f in word)
    clustered = FeatureMaker(None, clusters).sentence(words)
    assert {b"k=0", b"km=0", b"kf=0"} <= set(clustered[3])
    assert {b"k=1", b"km=1", b"kf=2", b"-1k=1", b"+1k=0"} <= set(clustered[2])  # a curly apostrophe
    assert not any(f.startswith(b"k") for f in clustered[0])  # a word no cluster lists
    assert not any(f.startswith((b"-2k", b"+2k")) for word in clustered for f in word)
