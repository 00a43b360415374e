"""Copying the article and exporting it as Markdown, HTML and PDF."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QGuiApplication
from window_support import (  # noqa: F401 (fixtures)
    open_and_wait,
    settings_file_fixture,
    window_fixture,
    write_page,
)

from reader_app.ui.shell.export import suggested_name

TITLE = "Council budget: what the new rail tunnel costs"


def opened(qtbot, window, folder: Path):
    return open_and_wait(qtbot, window, str(write_page(folder, "budget.html", TITLE, 12)))


def test_copy_as_text_and_markdown(qtbot, window, tmp_path: Path) -> None:
    article = opened(qtbot, window, tmp_path)
    clipboard = QGuiApplication.clipboard()
    window.actions_by_name["copy_text"].trigger()
    assert clipboard.text() == article.text
    window.actions_by_name["copy_markdown"].trigger()
    assert clipboard.text().startswith(f"# {TITLE}")
    assert bytes(clipboard.mimeData().data("text/markdown")).decode().startswith("# ")


def test_export_markdown_html_and_pdf(qtbot, window, tmp_path: Path) -> None:
    article = opened(qtbot, window, tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    window.output.export_to("markdown", out / "a.md")
    window.output.export_to("html", out / "a.html")
    window.output.export_to("pdf", out / "a.pdf")
    markdown = (out / "a.md").read_text(encoding="utf-8")
    assert markdown.startswith(f"# {TITLE}")
    assert article.blocks[-1].text[:40] in markdown
    html = (out / "a.html").read_text(encoding="utf-8")
    assert "<h1>" in html and "rail tunnel costs" in html
    pdf = (out / "a.pdf").read_bytes()
    assert pdf.startswith(b"%PDF") and len(pdf) > 2000
    assert not window.message_bar.isVisible()


def test_export_to_an_unwritable_place_shows_a_message(qtbot, window, tmp_path: Path) -> None:
    opened(qtbot, window, tmp_path)
    window.output.export_to("markdown", tmp_path / "missing-folder" / "a.md")
    assert "a.md" in window.message_bar.text


def test_suggested_names(qtbot, window, tmp_path: Path) -> None:
    article = opened(qtbot, window, tmp_path)
    assert suggested_name(article, "pdf") == "Council-budget-what-the-new-rail-tunnel-costs.pdf"
