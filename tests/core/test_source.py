"""One parser for what the reader asks to open: paths, file URLs, web addresses, the rest."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader_app.core.errors import LoadError, UnsupportedSourceError
from reader_app.core.source import Source, display_location, parse_source, scheme_of


def test_paths_and_file_urls_name_the_same_file(tmp_path: Path) -> None:
    page = tmp_path / "Ранкові новини & more.html"
    page.write_text("<p>hi</p>")
    by_path = parse_source(str(page))
    assert by_path == Source("file", str(page))
    assert parse_source(page.as_uri()) == by_path
    assert parse_source("file://localhost" + page.as_uri()[len("file://"):]) == by_path
    assert parse_source(page) == by_path
    assert by_path.path == page and by_path.is_file


def test_web_addresses_are_kept_as_given() -> None:
    source = parse_source("  https://example.org/é?q=1#top ")
    assert source == Source("web", "https://example.org/é?q=1#top")
    assert str(source) == "https://example.org/é?q=1#top"
    assert not source.is_file
    with pytest.raises(ValueError):
        _ = source.path


def test_relative_and_home_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path))
    assert parse_source("page.html").absolute() == Source("file", str(tmp_path / "page.html"))
    assert parse_source("~/saved.mhtml") == Source("file", str(tmp_path / "saved.mhtml"))
    assert parse_source("notes:draft.mhtml").absolute().path == tmp_path / "notes:draft.mhtml"
    web = parse_source("http://example.org/")
    assert web.absolute() is web


@pytest.mark.parametrize(
    ("text", "scheme"),
    [("https://a.example/", "https"), ("FILE:///x.html", "file"), ("mailto:a@b.example", "mailto"),
     ("/tmp/x.html", None), ("notes:draft.html", None), ("ftp://h/page.html", "ftp")],
)
def test_scheme_of(text: str, scheme: str | None) -> None:
    assert scheme_of(text) == scheme


def test_what_names_no_page_is_refused_with_a_reason() -> None:
    with pytest.raises(UnsupportedSourceError, match="No file or web address"):
        parse_source("   ")
    with pytest.raises(UnsupportedSourceError, match="not javascript: addresses"):
        parse_source("javascript:alert(1)")
    with pytest.raises(UnsupportedSourceError, match="on this computer only"):
        parse_source("file://server/share/page.html")
    with pytest.raises(LoadError, match="start a web address with https://"):
        parse_source("www.example.org/news")


def test_display_location(tmp_path: Path) -> None:
    page = tmp_path / "a b.html"
    assert display_location(page.as_uri()) == str(page)
    assert display_location("https://example.org/a") == "https://example.org/a"
