"""Dropping files, links and HTML fragments: what each mime type means, and real drop events."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDragLeaveEvent, QDropEvent
from PySide6.QtWidgets import QApplication
from window_support import (  # noqa: F401 (fixtures)
    article_html,
    paragraph,
    settings_file_fixture,
    window_fixture,
    write_page,
)

from reader_app.core.source import Source
from reader_app.ui.shell.drop import DropAction, DropRefusal, parse_drop


def uri_list(*urls: str) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl(u) for u in urls])
    return mime


def moz_url(url: str, title: str = "A story") -> QMimeData:
    mime = QMimeData()
    mime.setData("text/x-moz-url", f"{url}\n{title}".encode("utf-16-le"))
    return mime


def plain(text: str) -> QMimeData:
    mime = QMimeData()
    mime.setText(text)
    return mime


def test_uri_list_of_a_local_page(qapp, tmp_path: Path) -> None:
    page = write_page(tmp_path, "story.html", "Story")
    result = parse_drop(uri_list(QUrl.fromLocalFile(str(page)).toString()))
    assert result == DropAction(source=Source.file(page))


def test_uri_list_of_a_web_link() -> None:
    assert parse_drop(uri_list("https://example.org/news/1")) == DropAction(
        source=Source("web", "https://example.org/news/1"))


def test_uri_list_counts_the_other_usable_items(tmp_path: Path) -> None:
    a = write_page(tmp_path, "a.html", "A")
    b = write_page(tmp_path, "b.htm", "B")
    result = parse_drop(uri_list(QUrl.fromLocalFile(str(a)).toString(),
                                 QUrl.fromLocalFile(str(tmp_path / "x.png")).toString(),
                                 QUrl.fromLocalFile(str(b)).toString()))
    assert result == DropAction(source=Source.file(a), others=1)


def test_moz_url_is_read_as_utf16() -> None:
    assert parse_drop(moz_url("https://example.org/é?q=1")) == DropAction(
        source=Source("web", "https://example.org/é?q=1"))


def test_plain_text_url() -> None:
    assert parse_drop(plain("  https://example.org/a  ")) == DropAction(
        source=Source("web", "https://example.org/a"))


def test_html_fragment_is_extracted_directly() -> None:
    mime = QMimeData()
    mime.setHtml("<p>Some text</p>")
    mime.setText("Some text")
    assert parse_drop(mime) == DropAction(html="<p>Some text</p>")


@pytest.mark.parametrize(
    ("mime", "reason"),
    [
        (uri_list("file:///tmp/holiday.png"), "holiday.png"),
        (uri_list("mailto:someone@example.org"), "mailto:"),
        (plain("just some words\nover two lines"), "not a link"),
        (QMimeData(), "Nothing Reader can open"),
    ],
)
def test_unusable_drops_are_refused_with_a_reason(mime: QMimeData, reason: str) -> None:
    result = parse_drop(mime)
    assert isinstance(result, DropRefusal)
    assert reason in result.reason


def test_a_dropped_folder_is_refused(tmp_path: Path) -> None:
    result = parse_drop(uri_list(QUrl.fromLocalFile(str(tmp_path)).toString()))
    assert isinstance(result, DropRefusal)
    assert "folder" in result.reason


# Real drop events delivered to the window ---------------------------------------------------


def drop_on(window, mime: QMimeData) -> bool:
    """Drag ``mime`` over the window and drop it; returns whether the drop was accepted."""
    centre = window.rect().center()
    enter = QDragEnterEvent(centre, Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    assert window.drop_overlay.isVisible()
    drop = QDropEvent(QPointF(centre), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, drop)
    assert not window.drop_overlay.isVisible()
    return drop.isAccepted()


def test_drop_a_file_opens_it(qtbot, window, tmp_path: Path) -> None:
    page = write_page(tmp_path, "dropped.html", "Harbour bridge reopens")
    with qtbot.waitSignal(window.article_shown, timeout=20000):
        assert drop_on(window, uri_list(QUrl.fromLocalFile(str(page)).toString()))
    assert window.windowTitle() == "Harbour bridge reopens — Reader"


def test_drop_a_moz_url_link_opens_it(qtbot, window, httpserver) -> None:
    httpserver.expect_request("/moz").respond_with_data(
        article_html("Winter storm closes the tunnel"), content_type="text/html")
    with qtbot.waitSignal(window.article_shown, timeout=20000):
        assert drop_on(window, moz_url(httpserver.url_for("/moz")))
    assert window.windowTitle() == "Winter storm closes the tunnel — Reader"


def test_drop_a_plain_text_link_opens_it(qtbot, window, httpserver) -> None:
    httpserver.expect_request("/plain").respond_with_data(
        article_html("Library archive goes online"), content_type="text/html")
    with qtbot.waitSignal(window.article_shown, timeout=20000):
        assert drop_on(window, plain(httpserver.url_for("/plain")))
    assert window.windowTitle() == "Library archive goes online — Reader"


def test_drop_a_uri_list_link_opens_it(qtbot, window, httpserver) -> None:
    httpserver.expect_request("/uri").respond_with_data(
        article_html("Station garden wins a prize"), content_type="text/html")
    with qtbot.waitSignal(window.article_shown, timeout=20000):
        assert drop_on(window, uri_list(httpserver.url_for("/uri")))
    assert window.windowTitle() == "Station garden wins a prize — Reader"


def test_drop_an_html_fragment_shows_its_text(qtbot, window) -> None:
    mime = QMimeData()
    fragment = "".join(f"<p>{paragraph(i)}</p>" for i in range(8))
    mime.setHtml(f"<h1>Village market returns</h1>{fragment}")
    with qtbot.waitSignal(window.article_shown, timeout=20000) as shown:
        assert drop_on(window, mime)
    assert paragraph(3)[:60] in shown.args[0].text


def test_refused_drop_says_why_and_keeps_the_article(qtbot, window, tmp_path: Path) -> None:
    page = write_page(tmp_path, "kept.html", "Museum opens late")
    with qtbot.waitSignal(window.article_shown, timeout=20000):
        window.navigation.open_source(str(page))
    assert not drop_on(window, uri_list("file:///tmp/holiday.png"))
    assert "holiday.png" in window.message_bar.text
    assert window.windowTitle() == "Museum opens late — Reader"


def test_drag_leave_hides_the_drop_target(window) -> None:
    mime = plain("hello\nthere")  # the event does not own its mime data
    enter = QDragEnterEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    assert window.drop_overlay.isVisible()
    assert not window.drop_overlay.usable
    QApplication.sendEvent(window, QDragLeaveEvent())
    assert not window.drop_overlay.isVisible()


def test_the_drop_target_covers_the_article_as_the_window_is_resized(window, qtbot) -> None:
    mime = plain("https://example.org/a")
    enter = QDragEnterEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    area = window.drop_overlay.area
    assert window.drop_overlay.geometry() == area.rect()
    before = area.rect()
    window.resize(window.width() + 120, window.height() + 80)
    qtbot.waitUntil(lambda: area.rect() != before)
    assert window.drop_overlay.geometry() == area.rect()
    QApplication.sendEvent(window, QDragLeaveEvent())
