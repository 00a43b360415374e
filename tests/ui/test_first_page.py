"""The page Reader is started with is read and extracted by the helpers' fork server while the
window is built; the window's jobs for exactly that page are answered from it, any other page
is extracted as usual, and a page the server should not read (a FIFO, a huge file, a URL)
never holds it up."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest

from reader_app.core import extract_page, find_facts
from reader_app.core.loading import load
from reader_app.ui.executor import jobs
from reader_app.ui.executor.jobs import (
    FIRST_PAGE_MAX,
    extract_job,
    facts_payload,
    find_facts_job,
    portable,
    warm_up,
)

PAGE = (
    "<!doctype html><html><head><title>Ferry timetable changes</title></head><body><article>"
    "<h1>Ferry timetable changes</h1>"
    + "".join(
        f"<p>From May, the ferry from Oban to Craignure sails {n} times a day, said Ewan "
        f"MacLeod of CalMac, who expects {n * 120} passengers on a summer Saturday.</p>"
        for n in range(4, 10)
    )
    + "</article></body></html>"
)


@pytest.fixture
def page(tmp_path: Path) -> Path:
    path = tmp_path / "ferry.html"
    path.write_text(PAGE, encoding="utf-8")
    return path


@pytest.fixture
def warmed(page: Path, monkeypatch: pytest.MonkeyPatch) -> jobs._Warmed:
    """This process warmed up on ``page`` as the fork server does (undone afterwards)."""
    monkeypatch.setattr(jobs, "_warmed", None)
    warm_up(str(page))
    assert jobs._warmed is not None
    return jobs._warmed


def test_the_first_page_is_answered_from_the_warm_up(page: Path, warmed: jobs._Warmed) -> None:
    raw = portable(load(str(page)))
    article = extract_job(raw)
    assert article is warmed.article
    assert article == extract_page(raw)
    facts = find_facts_job(facts_payload(article))
    assert facts is warmed.facts
    assert "Ewan MacLeod" in [entity.label for entity in facts.people]
    assert facts == find_facts(facts_payload(extract_page(raw)))


def test_any_other_page_or_option_is_extracted_anew(page: Path, warmed: jobs._Warmed) -> None:
    raw = portable(load(str(page)))
    other = replace(raw, data=raw.data.replace(b"Oban", b"Mallaig"))
    assert "Mallaig" in extract_job(other).blocks[1].text
    moved = replace(raw, url="file:///elsewhere/ferry.html")
    assert extract_job(moved) is not warmed.article
    text = warmed.article.blocks[1].text
    assert find_facts_job(text) is not warmed.facts


def test_a_page_the_server_should_not_read_falls_back_at_once(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(jobs, "_warmed", None)
    fifo = tmp_path / "pipe.html"
    os.mkfifo(fifo)
    huge = tmp_path / "huge.html"
    with huge.open("wb") as handle:
        handle.truncate(FIRST_PAGE_MAX + 1)
    blank = tmp_path / "blank.html"
    blank.write_text("   ")
    start = time.monotonic()
    for first in (str(fifo), str(huge), str(blank), str(tmp_path), "https://example.com/a.html",
                  str(tmp_path / "missing.html")):
        warm_up(first)
        assert jobs._warmed is None, first
    assert time.monotonic() - start < 5


SCRIPT = """
import json, sys
from reader_app.core.loading import load
from reader_app.ui.executor.helper import Helper
from reader_app.ui.executor.jobs import extract_job, facts_payload, find_facts_job, portable

helper = Helper(first_page=sys.argv[1])
helper.start()
never = lambda: False
article = helper.run(extract_job, (portable(load(sys.argv[1])),), never)
facts = helper.run(find_facts_job, (facts_payload(article),), never)
inspect = "__import__('reader_app.ui.executor.jobs', fromlist=['_'])._warmed.raw.url"
warmed = helper.run(eval, (inspect,), never)
print(json.dumps({"warmed": warmed, "title": article.title,
                  "people": [entity.label for entity in facts.people]}))
helper.kill_all()
"""


def test_a_reader_started_with_a_page_has_its_helpers_warmed_on_it(page: Path) -> None:
    done = subprocess.run([sys.executable, "-c", SCRIPT, str(page)], capture_output=True,
                          text=True, timeout=60, check=True)
    seen = json.loads(done.stdout)
    assert seen["warmed"] == page.resolve().as_uri()
    assert seen["title"] == "Ferry timetable changes"
    assert "Ewan MacLeod" in seen["people"]


def test_the_fork_server_starts_before_the_core_is_loaded() -> None:
    """What Reader imports before it starts the helpers' fork server is the server's head
    start: none of the core's stages, its data model or the network modules."""
    script = (
        "import sys\n"
        "import reader_app.__main__, reader_app.display_check, reader_app.ui.executor.helper\n"
        "print(sorted(m for m in sys.modules if m.startswith(('reader_app.core', 'urllib.request',"
        " 'http.client', 'ssl', 'lxml', 'trafilatura'))))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=60, check=True)
    assert done.stdout.strip() == "['reader_app.core', 'reader_app.core.errors']"


def test_the_window_shows_a_saved_page_without_the_network_extraction_or_library_code(
        page: Path, tmp_path: Path) -> None:
    """The window's own process reads a saved page and shows it with its facts; the network
    modules, lxml, the extractors and the library load only where they are needed (the
    helpers, a page of the web, the library's thread), not while Reader starts."""
    script = (
        "import json, sys\n"
        "from reader_app.__main__ import main\n"
        "code = main([sys.argv[1], '--screenshot', sys.argv[2]])\n"
        "print(json.dumps([code, sorted(m for m in sys.modules if m.startswith(('http.client',"
        " 'ssl', 'urllib.request', 'email.parser', 'lxml', 'trafilatura',"
        " 'reader_app.core.library', 'reader_app.core.http', 'reader_app.core.mhtml')))]))\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path))
    done = subprocess.run([sys.executable, "-c", script, str(page), str(tmp_path / "shot.png")],
                          capture_output=True, text=True, timeout=120, check=True, env=env)
    code, modules = json.loads(done.stdout.strip().splitlines()[-1])
    assert code == 0
    assert (tmp_path / "shot.png").stat().st_size > 0
    assert modules == []
    # the fork server kept the core's long patterns for the next start
    assert list((Path(os.environ["XDG_CACHE_HOME"]) / "Reader" / "Reader").glob("regex-*.json"))
