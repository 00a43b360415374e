"""``reader-app extract`` as a user runs it: a real subprocess on golden pages."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import lxml.html
import pytest

PAGES = Path(__file__).parent.parent / "data" / "pages"
ARTICLE = PAGES / "news_article.html"
TITLE = "Maintainers patch serious flaw in widely used compression library"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader_app", "extract", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )


def test_text_format_is_the_default() -> None:
    result = run(str(ARTICLE))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(TITLE + "\n\n")
    assert "Security researcher Anneli Virtanen" in result.stdout
    assert "Sign up for our newsletter" not in result.stdout
    assert result.stderr == ""
    assert run(str(ARTICLE), "--format", "text").stdout == result.stdout


def test_markdown_format() -> None:
    result = run(str(ARTICLE), "--format", "markdown")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"# {TITLE}\n")
    assert "\n## Which versions are affected\n" in result.stdout
    assert "1. Upgrade to the fixed release for their branch." in result.stdout
    assert "```\nimport zstream\n" in result.stdout


def test_html_format() -> None:
    result = run(str(ARTICLE), "--format", "html")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("<!DOCTYPE html>")
    root = lxml.html.document_fromstring(result.stdout)
    assert root.findtext(".//h1") == TITLE
    assert root.find(".//script") is None
    assert root.find(".//table") is not None


def test_json_format_follows_the_contract() -> None:
    result = run(str(PAGES / "live_blog.html"), "--format", "json")
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    types = {
        "title": str, "byline": str, "site": str, "date": str, "url": str,
        "language": str, "text": str, "word_count": int, "reading_minutes": int,
        "extractor": str, "spans": list, "facts": dict,
    }  # fmt: skip
    assert set(payload) == set(types)
    for key, kind in types.items():
        assert isinstance(payload[key], kind), key
    assert payload["extractor"] in ("trafilatura", "readability")
    assert payload["date"] == "2025-02-11"
    assert payload["url"].startswith("file://")
    assert payload["word_count"] > 100
    text = payload["text"]
    assert "Start your Herald Premium subscription" not in text
    assert set(payload["facts"]) == {"numbers", "people", "places", "organisations"}
    for span in payload["spans"]:
        assert 0 <= span["start"] < span["end"] <= len(text)
        assert text[span["start"] : span["end"]].strip() or span["kind"] == "br"
    for facts in payload["facts"].values():
        for fact in facts:
            assert {"label", "mentions", "context", "value", "unit", "counts"} <= set(fact)
            for start, end in fact["mentions"]:
                assert 0 <= start < end <= len(text)


def _assert_clean_failure(result: subprocess.CompletedProcess[str]) -> None:
    assert result.returncode != 0
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("reader-app: ")
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    "name",
    ["missing.html", "login_wall.html", "empty.html", "binary.html", "deep.html", "folder"],
)
def test_bad_input_fails_with_one_line(tmp_path: Path, name: str) -> None:
    target = tmp_path / name
    if name == "login_wall.html":
        target.write_bytes((PAGES / name).read_bytes())
    elif name == "empty.html":
        target.write_bytes(b"")
    elif name == "binary.html":
        target.write_bytes(bytes(range(256)) * 100)
    elif name == "deep.html":
        target.write_text("<div>" * 100_000 + "text" + "</div>" * 100_000, encoding="utf-8")
    elif name == "folder":
        target.mkdir()
    _assert_clean_failure(run(str(target)))


def test_unsupported_scheme_fails_with_one_line() -> None:
    _assert_clean_failure(run("ftp://example.org/page.html"))


def test_the_core_s_long_patterns_are_kept_for_the_next_run(tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert run(str(ARTICLE), "--format", "json").returncode == 0
    kept = list((tmp_path / "Reader" / "Reader").glob("regex-*.json"))
    assert len(kept) == 1
    written = kept[0].stat().st_mtime_ns
    assert run(str(ARTICLE), "--format", "json").returncode == 0
    assert kept[0].stat().st_mtime_ns == written  # read, nothing new to write

