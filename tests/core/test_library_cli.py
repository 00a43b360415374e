"""``reader-app save``, ``search`` and ``library export|import`` as a user runs them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

DATA = Path(__file__).parent.parent / "data"
ARTICLE = DATA / "pages" / "news_article.html"
TITLE = "Maintainers patch serious flaw in widely used compression library"
TIDES = DATA / "saved" / "tidal-power.html"


def run(*args: str, data_home: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    if data_home is not None:
        env["XDG_DATA_HOME"] = str(data_home)
    return subprocess.run([sys.executable, "-m", "reader_app", *args], capture_output=True,
                          text=True, encoding="utf-8", timeout=120, check=False, env=env)


def test_save_then_search_by_word_and_by_person(isolated_data_home: Path) -> None:
    saved = run("save", str(ARTICLE))
    assert saved.returncode == 0, saved.stderr
    assert saved.stdout.startswith(f"Saved {TITLE} (id ")
    assert (isolated_data_home / "Reader" / "Reader" / "library.sqlite3").is_file()
    assert run("save", str(TIDES)).returncode == 0

    found = run("search", "compression")
    assert found.returncode == 0, found.stderr
    lines = found.stdout.splitlines()
    assert len(lines) == 1
    title, _site, _date, article_id = lines[0].split("\t")
    assert title == TITLE and article_id.isdigit()

    by_person = run("search", "person:Virtanen")
    assert by_person.stdout.splitlines() == lines
    assert run("search", "person:Virtanen", "tidal").stdout == ""
    assert len(run("search", "").stdout.splitlines()) == 2  # everything, newest first


@pytest.mark.network
def test_save_a_url_once_whatever_its_tracking(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/story").respond_with_data(
        ARTICLE.read_bytes(), content_type="text/html; charset=utf-8")
    first = run("save", httpserver.url_for("/story") + "?utm_source=feed#top")
    second = run("save", httpserver.url_for("/story"))
    assert first.returncode == 0 and second.returncode == 0, first.stderr + second.stderr
    assert first.stdout.split("(id ")[1] == second.stdout.split("(id ")[1]
    result = json.loads(run("search", "compression", "--format", "json").stdout)
    assert result["url"].startswith("http://") and result["title"] == TITLE


def test_json_lines_with_highlighted_snippets() -> None:
    run("save", str(ARTICLE))
    run("save", str(TIDES))
    out = run("search", "--format", "json", "flaw OR tidal")  # OR is a word, not an operator
    assert out.returncode == 0
    assert out.stdout == ""
    out = run("search", "--format", "json", "library")
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert rows and {"id", "title", "site", "date", "url", "snippet"} <= set(rows[0])
    assert all("**" in row["snippet"] for row in rows)


def test_export_and_import_round_trip(tmp_path: Path) -> None:
    run("save", str(ARTICLE))
    run("save", str(TIDES))
    before = run("search", "").stdout
    exported = run("library", "export", "--format", "json", str(tmp_path / "json"))
    assert exported.returncode == 0, exported.stderr
    assert exported.stdout.startswith("Exported 2 articles")
    markdown = run("library", "export", "--format", "markdown", str(tmp_path / "md"))
    assert markdown.returncode == 0
    texts = [p.read_text(encoding="utf-8") for p in sorted((tmp_path / "md").glob("*.md"))]
    assert any(t.startswith(f"# {TITLE}\n") and "## Key facts" in t for t in texts)

    other = tmp_path / "other-home"
    imported = run("library", "import", str(tmp_path / "json"), data_home=other)
    assert imported.returncode == 0, imported.stderr
    assert imported.stdout.startswith("Imported 2 articles")
    assert run("search", "", data_home=other).stdout == before
    assert (run("search", "person:Virtanen", data_home=other).stdout
            == run("search", "person:Virtanen").stdout != "")
    # Importing again updates the same articles.
    run("library", "import", str(tmp_path / "json"), data_home=other)
    assert run("search", "", data_home=other).stdout == before


@pytest.mark.parametrize("args", [
    ("save", "missing-file.html"),
    ("save", "ftp://example.com/x"),
    ("library", "import", "no-such-folder"),
    ("search", "x", "--limit", "0"),
])
def test_bad_input_exits_2_with_one_line(args: tuple[str, ...]) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stderr.startswith("reader-app: ")


def test_a_damaged_library_is_reported_and_kept(isolated_data_home: Path) -> None:
    path = isolated_data_home / "Reader" / "Reader" / "library.sqlite3"
    path.parent.mkdir(parents=True)
    path.write_bytes(b"\x00garbage" * 512)
    for args in (("search", "x"), ("save", str(ARTICLE))):
        result = run(*args)
        assert result.returncode == 2
        assert "damaged" in result.stderr and len(result.stderr.splitlines()) == 1
    assert path.read_bytes() == b"\x00garbage" * 512


def test_an_import_folder_without_export_is_refused(tmp_path: Path) -> None:
    (tmp_path / "notes.json").write_text('{"hello": 1}', encoding="utf-8")
    result = run("library", "import", str(tmp_path))
    assert result.returncode == 2
    assert "not an article exported" in result.stderr
