"""Reading ahead in helper processes: the window takes the page and facts found before it asked."""

from __future__ import annotations

from pathlib import Path

from reader_app.core import find_facts, read_article
from reader_app.ui.facts_worker import FactsWorker
from reader_app.ui.helper_process import Engine, read_first_ahead
from reader_app.ui.workers import source_job

PAGE = """<!doctype html><html><head><title>Ferry timetable changes</title></head><body>
<article><h1>Ferry timetable changes</h1>
<p>The harbour authority in Portsmouth said on Monday that 14 crossings a day will stop at
Ryde from 3 June, and Maria Jensen, its director, expects 2,400 fewer passengers a week.</p>
<p>Fares rise by 5 per cent. The authority will review the timetable after the summer, when
the second ferry returns from repairs in Southampton.</p>
</article></body></html>"""


def never() -> bool:
    return False


def test_a_page_read_ahead_is_what_the_load_returns(tmp_path: Path) -> None:
    page = tmp_path / "ferry.html"
    page.write_text(PAGE, encoding="utf-8")
    read_first_ahead([str(page)])
    ahead = Engine.take_read(str(page))
    assert ahead is not None
    assert ahead.result(timeout=60) == read_article(page)

    read_first_ahead([str(page)])
    article = source_job(str(page))(lambda *_: None, never)
    assert article == read_article(page)
    assert Engine.take_read(str(page)) is None  # the load took the read-ahead


def test_only_existing_local_files_are_read_ahead(tmp_path: Path) -> None:
    missing = tmp_path / "missing.html"
    read_first_ahead([str(missing)])
    read_first_ahead(["https://example.org/news.html"])
    assert Engine.take_read(str(missing)) is None
    assert Engine.take_read("https://example.org/news.html") is None


def test_facts_asked_for_ahead_are_taken_by_the_worker(qtbot) -> None:
    assert Engine.usable  # a fork server exists here
    text = read_article_text()
    Engine.facts_ahead(text)
    worker = FactsWorker()
    with qtbot.waitSignal(worker.found, timeout=60_000) as found:
        worker.request(text)
    assert found.args[0] == find_facts(text)
    assert Engine.take_facts(text) is None  # the request took the facts found ahead


def read_article_text() -> str:
    from reader_app.core import RawPage, extract_page

    raw = RawPage(data=PAGE.encode(), url=None, charset="utf-8", content_type="text/html")
    return extract_page(raw).text
