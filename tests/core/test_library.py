"""The library on real SQLite files: save, search by words and facts, delete, migrate, refuse."""

from __future__ import annotations

import hashlib
import importlib
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from library_support import ENERGY, ENERGY_FACTS, KURSK, KURSK_FACTS, TIDES, TIDES_FACTS

from reader_app.core import read_article
from reader_app.core.library import (
    SCHEMA_VERSION,
    CorruptLibraryError,
    Library,
    LibraryError,
    NewerLibraryError,
    article_key,
    canonical_url,
    data_dir,
    default_path,
    parse_query,
    search,
)
from reader_app.core.library.schema import migrate


@pytest.fixture
def library(tmp_path: Path) -> Library:
    lib = Library(tmp_path / "library.sqlite3")
    lib.save(KURSK, KURSK_FACTS, source=KURSK.url, opened_at=1000.0)
    lib.save(TIDES, TIDES_FACTS, source=TIDES.url, opened_at=2000.0)
    lib.save(ENERGY, ENERGY_FACTS, source="/home/reader/grid.html", opened_at=3000.0)
    return lib


def titles(results: list) -> list[str]:
    return [r.title for r in results]


def test_default_location_follows_xdg_data_home(isolated_data_home: Path) -> None:
    assert data_dir() == isolated_data_home / "Reader" / "Reader"
    assert default_path().parent == data_dir()
    assert data_dir({"HOME": "/x"}) == Path.home() / ".local" / "share" / "Reader" / "Reader"
    with Library() as lib:
        assert lib.path == default_path()
        assert lib.count() == 0
    assert default_path().is_file()


def test_database_is_wal_with_fts5_and_current_schema(library: Library) -> None:
    conn = sqlite3.connect(library.path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'articles_fts'").fetchone()[0]
    assert "fts5" in sql


def test_canonical_url_drops_fragment_and_tracking() -> None:
    assert canonical_url("HTTPS://News.Example.com:443/a?utm_source=x&id=7&fbclid=1#top") == (
        "https://news.example.com/a?id=7")
    assert article_key(KURSK) == "url:https://news.example.com/world/kursk?id=7"
    assert article_key(ENERGY).startswith("sha256:")


def test_each_article_is_stored_once(library: Library) -> None:
    again = replace(KURSK, url="https://news.example.com/world/kursk?id=7&utm_medium=x")
    article_id = library.save(again, source=again.url)
    assert library.count() == 3
    stored = library.get(article_id)
    assert stored.facts == KURSK_FACTS  # facts are kept when a save brings none
    assert library.save(ENERGY) == library.find_key(article_key(ENERGY))
    assert library.count() == 3


def test_saved_article_comes_back_whole(library: Library) -> None:
    article_id = library.find_key(article_key(KURSK))
    assert article_id is not None
    assert library.set_position(article_key(KURSK), 120, 0.4)
    library.set_saved(article_id, True)
    library.set_tags(article_id, ["War ", "europe", ""])
    stored = library.get(article_id)
    assert stored.article == KURSK
    assert stored.article.text == KURSK.text
    assert stored.facts == KURSK_FACTS
    assert (stored.position, stored.progress, stored.saved) == (120, 0.4, True)
    assert stored.tags == ("europe", "war")
    assert stored.source == KURSK.url


def test_word_search_ranks_and_highlights(library: Library) -> None:
    results = search(library, "drones")
    assert set(titles(results)) == {KURSK.title, ENERGY.title}
    assert all(any(hit for _, hit in r.snippet) for r in results)
    assert any("[drones]" in r.snippet_text() for r in results)
    # A word in the title weighs more than in the text.
    assert titles(results)[0] == ENERGY.title
    assert results[0].score <= results[1].score
    # Words are stemmed: "strike" finds "strikes".
    assert titles(search(library, "strike")) == [ENERGY.title]
    assert search(library, "nothing-like-this") == []


def test_phrase_and_prefix(library: Library) -> None:
    assert titles(search(library, '"just peace"')) == [KURSK.title]
    assert search(library, '"peace just"') == []
    assert search(library, "substa") == []
    assert titles(search(library, "substa", prefix=True)) == [ENERGY.title]


def test_fact_filters(library: Library) -> None:
    assert set(titles(search(library, "person:Sybiha"))) == {KURSK.title, ENERGY.title}
    assert titles(search(library, "place:Kursk")) == [KURSK.title]
    assert set(titles(search(library, 'org:"Energy Ministry"'))) == {KURSK.title, ENERGY.title}
    assert titles(search(library, "number:homes")) == [TIDES.title]
    # The region is in the text of one more article, but only one lists it as a place.
    assert search(library, "place:Sybiha") == []
    result = search(library, "person:Sybiha")[0]
    assert "[Andrii Sybiha]" in result.snippet_text()


def test_fact_filters_combine_with_words(library: Library) -> None:
    assert titles(search(library, 'person:Sybiha org:"Energy Ministry" grid')) == [ENERGY.title]
    assert titles(search(library, "person:Sybiha peace")) == [KURSK.title]
    assert search(library, "place:Orkney drones") == []


def test_tags_and_saved_filters(library: Library) -> None:
    tides = library.find_key(article_key(TIDES))
    assert tides is not None
    library.set_tags(tides, ["energy"])
    library.set_saved(tides, True)
    assert titles(search(library, "tag:energy")) == [TIDES.title]
    assert titles(search(library, "is:saved")) == [TIDES.title]
    assert search(library, "is:saved drones") == []


def test_empty_query_lists_recent_first(library: Library) -> None:
    assert titles(search(library, "")) == [ENERGY.title, TIDES.title, KURSK.title]
    assert titles(search(library, "   ", limit=1)) == [ENERGY.title]


def test_query_parser() -> None:
    query = parse_query('person:Sybiha org:"Energy Ministry" 12:30 "a phrase" http://x.org/a')
    assert [(f.kind, f.text) for f in query.facts] == [
        ("person", "Sybiha"), ("organisation", "Energy Ministry")]
    assert query.terms == ("12:30", "a phrase", "http://x.org/a")
    assert parse_query('"unclosed phrase').terms == ("unclosed phrase",)
    assert parse_query("*** ^ person:").empty


@pytest.fixture(scope="module")
def fuzz_library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    lib = Library(tmp_path_factory.mktemp("fuzz") / "library.sqlite3")
    lib.save(KURSK, KURSK_FACTS)
    return lib


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)),
                    max_size=40))
def test_no_input_is_a_query_error(fuzz_library: Library, text: str) -> None:
    for prefix in (False, True):
        for query in (text, "person:" + text, f'org:"{text}" {text}'):
            assert isinstance(search(fuzz_library, query, prefix=prefix), list)
    # Whatever is typed before a word can only narrow what the word finds.
    found = {r.id for r in search(fuzz_library, "Kursk")}
    assert {r.id for r in search(fuzz_library, text + " Kursk")} <= found


@pytest.mark.parametrize("text", ['"', 'AND', 'NOT drones', 'a OR', '(kursk', 'kursk)', '^x',
                                  'NEAR(a b)', 'title:kursk', '-drones', '*', 'col:"x"*'])
def test_fts_operators_are_words(library: Library, text: str) -> None:
    assert isinstance(search(library, text, prefix=True), list)


def test_delete_removes_article_facts_and_images(tmp_path: Path, data_dir: Path) -> None:
    lib = Library(tmp_path / "library.sqlite3")
    article = read_article(data_dir / "saved" / "tidal-power.html")
    article_id = lib.save(article)
    stored = lib.get(article_id)
    assert stored.article.resources, "the page's local images are kept with it"
    lib.save(KURSK, KURSK_FACTS)
    kursk = lib.find_key(article_key(KURSK))
    assert kursk is not None
    assert lib.delete(kursk)
    assert not lib.delete(kursk)
    assert search(lib, "person:Sybiha") == []
    assert search(lib, "Kursk") == []
    assert lib.execute("SELECT count(*) FROM facts")[0][0] == 0
    assert lib.delete(article_id)
    assert lib.execute("SELECT count(*) FROM images")[0][0] == 0
    with pytest.raises(LibraryError, match="no article"):
        lib.get(article_id)


def test_images_come_back_offline(tmp_path: Path, data_dir: Path) -> None:
    page = tmp_path / "page"
    import shutil

    shutil.copytree(data_dir / "saved", page)
    article = read_article(page / "tidal-power.html")
    with Library(tmp_path / "library.sqlite3") as lib:
        article_id = lib.save(article)
        shutil.rmtree(page)  # the saved page is gone; the library still has its images
        stored = lib.get(article_id)
    images = [b.src for b in stored.article.blocks if b.kind == "image"]
    assert images and all(src in stored.article.resources for src in images)
    assert stored.article.resources[images[0]][:4] == b"\x89PNG"


def _older_library(path: Path) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, target=1)
    conn.execute(
        "INSERT INTO articles (key, title, body, text, word_count, opened_at) VALUES "
        "('sha256:x', 'Old article', ?, 'Old article\n\nAbout Orkney tides.', 3, 5.0)",
        ('{"title": "Old article", "blocks": [{"kind": "paragraph", '
         '"text": "About Orkney tides."}]}',))
    conn.close()


def test_migrates_an_older_schema(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    _older_library(path)
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == 1
    with Library(path) as lib:
        assert titles(search(lib, "orkney")) == ["Old article"]
        article_id = lib.ids()[0]
        lib.set_tags(article_id, ["kept"])  # a version 2 table
        assert lib.get(article_id).tags == ("kept",)
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_file_that_is_no_database_is_refused_and_kept(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    path.write_bytes(b"these are my notes, not a database\n" * 100)
    before = _digest(path)
    with pytest.raises(CorruptLibraryError, match="left as it is"):
        Library(path)
    assert _digest(path) == before


def test_a_damaged_database_is_refused_and_kept(library: Library) -> None:
    path = library.path
    library.close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    data = bytearray(path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    data[page_size:] = b"\xa5" * (len(data) - page_size)  # every page after the first
    path.write_bytes(bytes(data))
    before = _digest(path)
    with pytest.raises(CorruptLibraryError, match="damaged"):
        lib = Library(path)
        search(lib, "drones")
    assert _digest(path) == before


def test_a_newer_database_is_refused_and_kept(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    Library(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    before = _digest(path)
    with pytest.raises(NewerLibraryError, match="newer Reader"):
        Library(path)
    assert _digest(path) == before


def test_a_folder_in_the_way_gives_a_message(tmp_path: Path) -> None:
    (tmp_path / "library.sqlite3").mkdir()
    with pytest.raises(LibraryError):
        Library(tmp_path / "library.sqlite3")


def test_very_broad_queries_rank_the_most_recent_matches(library: Library,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    search_module = importlib.import_module("reader_app.core.library.search")
    assert len(search(library, "said")) == 3
    monkeypatch.setattr(search_module, "RANK_WINDOW", 2)
    assert set(titles(search(library, "said"))) == {TIDES.title, ENERGY.title}
    monkeypatch.setattr(search_module, "RANK_WINDOW", 1)
    assert titles(search(library, "person:Sybiha")) == [ENERGY.title]


def test_only_regular_image_files_are_kept(tmp_path: Path, data_dir: Path) -> None:
    """A page whose pictures are a device, a FIFO and a real file: storing reads the file only."""
    import os

    png = next((data_dir / "saved").rglob("*.png")).read_bytes()
    (tmp_path / "real.png").write_bytes(png)
    (tmp_path / "zero.png").symlink_to("/dev/zero")
    os.mkfifo(tmp_path / "pipe.png")
    page = tmp_path / "pictures.html"
    figures = "".join(f'<figure><img src="{name}" alt="Picture {name}"><figcaption>Picture '
                      f"{name} of the harbour at dawn</figcaption></figure>"
                      for name in ("zero.png", "pipe.png", "real.png"))
    body = "".join(f"<p>{'The harbour wall was rebuilt after the storm. ' * 6}</p>"
                   for _ in range(6))
    page.write_text(f"<html><head><title>Pictures at home</title></head><body><article>"
                    f"<h1>Pictures at home</h1>{body}{figures}{body}</article></body></html>")
    article = read_article(page)
    with Library(tmp_path / "library.sqlite3") as lib:
        stored = lib.get(lib.save(article))
    assert list(stored.article.resources) == [(tmp_path / "real.png").as_uri()]
