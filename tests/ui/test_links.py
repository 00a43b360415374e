"""Links in the article: hover shows the address, click and keys follow it, unsafe ones refused."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QObject, QPoint, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QTextCursor
from window_support import (  # noqa: F401 (fixtures)
    article_html,
    open_and_wait,
    paragraph,
    settings_file_fixture,
    window_fixture,
)

from reader_app.core.model import Article, Block, Span
from reader_app.ui.reading.links import decide

WEB = "https://news.example/story"


def linked_page(links: list[tuple[str, str]]) -> str:
    """An article page whose second paragraph holds ``links`` (address, text)."""
    anchors = ", ".join(f'<a href="{href}">{text}</a>' for href, text in links)
    html = article_html("Harbour wall repairs begin", 6)
    return html.replace("</article>", f"<p>{paragraph(40)} Read more: {anchors}.</p></article>")


def link_point(window, text: str) -> QPoint:
    """The middle of the first character of ``text`` in the article on screen."""
    rendered = window.view.rendered
    offset = rendered.article.text.index(text)
    cursor = QTextCursor(rendered.document)
    cursor.setPosition(rendered.offsets.to_document(offset) + 1)
    return window.view.cursorRect(cursor).center()


class _UrlCatcher(QObject):
    """Stands in for the desktop's browser: QDesktopServices hands it the URLs to open."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open_url(self, url: QUrl) -> None:
        self.urls.append(url)


@pytest.fixture(name="catcher")
def catcher_fixture():
    catcher = _UrlCatcher()
    for scheme in ("http", "https", "mailto"):
        QDesktopServices.setUrlHandler(scheme, catcher, "open_url")
    yield catcher
    for scheme in ("http", "https", "mailto"):
        QDesktopServices.unsetUrlHandler(scheme)


def test_decisions() -> None:
    page = "https://news.example/story"
    assert decide(QUrl("https://a.example/x"), page, False).action == "reader"
    assert decide(QUrl("https://a.example/x"), page, True).action == "desktop"
    assert decide(QUrl("mailto:desk@news.example"), page, False).action == "desktop"
    for url, word in (("javascript:alert(1)", "script"), ("data:text/html,hi", "data:"),
                      ("file:///etc/passwd", "file:")):
        decision = decide(QUrl(url), page, False)
        assert decision.action == "refuse" and word in decision.message, url
        assert decide(QUrl(url), page, True).action == "refuse"
    assert decide(QUrl(page + "#notes"), page, False).action == "refuse"
    saved = "file:///home/reader/story.html"
    assert decide(QUrl("file:///home/reader/next.html"), saved, False).action == "reader"
    assert decide(QUrl("javascript:void(0)"), saved, False).action == "refuse"


def test_hover_shows_the_address_and_click_opens_it_in_reader(qtbot, window, httpserver) -> None:
    httpserver.expect_request("/story").respond_with_data(
        linked_page([("/tide-tables", "the tide tables")]), content_type="text/html")
    httpserver.expect_request("/tide-tables").respond_with_data(
        article_html("Tide tables for the winter"), content_type="text/html")
    open_and_wait(qtbot, window, httpserver.url_for("/story"))
    window.view.scroll_to_text_offset(window.navigation.article.text.index("Read more"))
    point = link_point(window, "the tide tables")
    qtbot.mouseMove(window.view.viewport(), point)
    qtbot.waitUntil(lambda: window.statusBar().currentMessage()
                    == httpserver.url_for("/tide-tables"))
    with qtbot.waitSignal(window.article_shown, timeout=20000):
        qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert window.navigation.article.title == "Tide tables for the winter"


def test_tab_chooses_links_on_screen_and_enter_follows(qtbot, window, httpserver,
                                                        catcher) -> None:
    httpserver.expect_request("/story").respond_with_data(
        linked_page([("/first", "the first link"), ("/second", "the second link")]),
        content_type="text/html")
    httpserver.expect_request("/second").respond_with_data(
        article_html("The second story"), content_type="text/html")
    open_and_wait(qtbot, window, httpserver.url_for("/story"))
    view = window.view
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    # The links are below the screen: Tab moves on to the facts panel.
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: window.keyboard.regions.current().name == "facts")
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    view.scroll_to_text_offset(window.navigation.article.text.index("Read more"))
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert view.textCursor().selectedText() == "the first link"
    assert window.statusBar().currentMessage() == httpserver.url_for("/first")
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert view.textCursor().selectedText() == "the second link"
    qtbot.keyClick(view, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert view.textCursor().selectedText() == "the first link"
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    qtbot.keyClick(view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert catcher.urls == [QUrl(httpserver.url_for("/second"))]
    assert view.hasFocus()
    with qtbot.waitSignal(window.article_shown, timeout=20000):
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert window.navigation.article.title == "The second story"
    assert not window.actions_by_name["open_link"].isEnabled()


def test_ctrl_click_opens_the_desktop_browser(qtbot, window, httpserver, catcher) -> None:
    httpserver.expect_request("/story").respond_with_data(
        linked_page([("https://elsewhere.example/report", "the full report")]),
        content_type="text/html")
    open_and_wait(qtbot, window, httpserver.url_for("/story"))
    window.view.scroll_to_text_offset(window.navigation.article.text.index("Read more"))
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.ControlModifier, link_point(window, "the full report"))
    assert catcher.urls == [QUrl("https://elsewhere.example/report")]
    assert window.navigation.article.title == "Harbour wall repairs begin"


@pytest.mark.parametrize("href, reason", [
    ("javascript:alert(1)", "never runs page scripts"),
    ("data:text/html,<b>hi</b>", "data:"),
    ("file:///etc/hosts", "file on this computer"),
])
def test_unsafe_links_do_nothing_and_say_why(qtbot, window, catcher, href, reason) -> None:
    text = "The council has published the minutes of the meeting in full."
    article = Article(title="Council minutes published", url=WEB, blocks=(
        Block("paragraph", text, spans=(Span(text.index("the minutes"), text.index(" of the"),
                                             "link", href),)),))
    with qtbot.waitSignal(window.view.article_rendered):
        window.view.show_article(article, window.styling.reading_style())
    window.navigation.article = article
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton,
                     pos=link_point(window, "the minutes"))
    assert reason in window.statusBar().currentMessage()
    assert catcher.urls == []
    assert not window.navigation.loader.busy
