"""The reading view: column, reading position, scrolling, links and images (real event loop)."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QIODevice, QPoint, Qt, QUrl
from PySide6.QtGui import QColor, QGuiApplication, QImage, QTextCursor, QTextDocument
from pytest_httpserver import HTTPServer

from reader_app.core.model import Article, Block
from reader_app.ui.reading.images import LABEL_KEY, UNNAMED_PICTURE
from reader_app.ui.reading.offsets import document_text
from reader_app.ui.reading.start_page import render_start_page
from reader_app.ui.reading.view import ReaderView
from reader_app.ui.style.theme import THEMES, ReadingStyle

PARAGRAPH = (
    "The river had been rising for six days before the council met, and by then the low "
    "streets near the old mill were already under a foot of brown water. Residents said the "
    "warnings came late; officials said they came as soon as the gauges allowed. "
)


def long_article(url: str | None = "https://example.org/story") -> Article:
    blocks = []
    for n in range(30):
        if n % 6 == 0:
            blocks.append(Block("heading", f"Part {n // 6 + 1}", level=2))
        blocks.append(Block("paragraph", f"Paragraph {n}. " + PARAGRAPH * 2))
    return Article(title="After the flood", blocks=tuple(blocks), byline="Maria Okafor",
                   site="The Valley Courier", url=url)


def png_bytes(width: int, height: int, colour: str = "#3a6ea5") -> bytes:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data())


@pytest.fixture
def view(qtbot, executor) -> ReaderView:
    widget = ReaderView(executor)
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def line_lengths(view: ReaderView, block_text_start: str) -> list[int]:
    """Characters on each laid-out line of the first block starting with the given text."""
    view.document().documentLayout().documentSize()
    block = view.document().begin()
    while block.isValid() and not block.text().startswith(block_text_start):
        block = block.next()
    layout = block.layout()
    return [layout.lineAt(i).textLength() for i in range(layout.lineCount())]


def image_size(view: ReaderView, position: int) -> tuple[float, float]:
    cursor = QTextCursor(view.document())
    cursor.setPosition(position + 1)
    fmt = cursor.charFormat().toImageFormat()
    return fmt.width(), fmt.height()


def test_shows_an_article_read_only(view: ReaderView) -> None:
    article = long_article()
    rendered = view.show_article(article, ReadingStyle())
    assert view.rendered is rendered
    assert view.document() is rendered.document
    assert view.isReadOnly() and not view.openLinks()
    assert view.toPlainText().startswith("After the flood\nMaria Okafor · The Valley Courier")
    assert view.palette().color(view.palette().ColorRole.Base).name() == THEMES["light"].background


def test_column_holds_about_the_chosen_characters_and_is_centred(view: ReaderView) -> None:
    view.show_article(long_article(), ReadingStyle(column_chars=68))
    root = view.document().rootFrame().frameFormat()
    assert root.leftMargin() == root.rightMargin() > 100
    lines = line_lengths(view, "Paragraph 3.")[:-1]
    assert 55 <= sum(lines) / len(lines) <= 75
    view.set_style(ReadingStyle(column_chars=95))
    wide = line_lengths(view, "Paragraph 3.")[:-1]
    assert sum(wide) / len(wide) > sum(lines) / len(lines) + 15


def test_narrow_window_keeps_some_padding(view: ReaderView, qtbot) -> None:
    view.show_article(long_article(), ReadingStyle())
    view.resize(420, 700)
    qtbot.waitUntil(lambda: view.viewport().width() < 420)
    root = view.document().rootFrame().frameFormat()
    assert 8 <= root.leftMargin() <= 40
    assert root.leftMargin() == root.rightMargin()
    assert max(line_lengths(view, "Paragraph 3.")) < 45


def test_style_change_keeps_the_reading_position(view: ReaderView) -> None:
    article = long_article()
    view.show_article(article, ReadingStyle())
    target = article.text.index("Paragraph 17.") + 40
    view.scroll_to_text_offset(target)
    before = view.top_text_offset()
    assert 0 < before <= target
    assert view.scroll_fraction() > 0.3
    for style in (ReadingStyle(font_size=20), ReadingStyle(font="sans", column_chars=50),
                  ReadingStyle(theme="dark", font_size=10)):
        view.set_style(style)
        after = view.top_text_offset()
        # The same paragraph is still the first thing on screen.
        assert article.text.rfind("Paragraph", 0, after + 1) == article.text.rfind(
            "Paragraph", 0, before + 1)
        cursor = QTextCursor(view.document())
        cursor.setPosition(view.rendered.offsets.to_document(before))
        assert 0 <= view.cursorRect(cursor).top() < view.viewport().height()


def test_style_change_at_the_top_stays_at_the_top(view: ReaderView) -> None:
    view.show_article(long_article(), ReadingStyle())
    assert view.verticalScrollBar().value() == 0
    for style in (ReadingStyle(theme="sepia"), ReadingStyle(theme="dark", font_size=20)):
        view.set_style(style)
        assert view.verticalScrollBar().value() == 0  # the title is not clipped


def first_line_top(view: ReaderView) -> int:
    """Where the first line on screen starts, relative to the viewport's top."""
    x = round(view.document().rootFrame().frameFormat().leftMargin()) + 1
    return view.cursorRect(view.cursorForPosition(QPoint(x, 1))).top()


def test_paging_never_leaves_a_cut_line_at_the_top(view: ReaderView, qtbot) -> None:
    view.SCROLL_MS = 0
    view.show_article(long_article(), ReadingStyle())
    bar = view.verticalScrollBar()
    for _ in range(8):
        before = bar.value()
        view.scroll_pages(1)
        assert bar.value() > before
        assert first_line_top(view) >= 0


def test_rendering_is_announced_and_replaces_the_document(view: ReaderView, qtbot) -> None:
    article = long_article()
    with qtbot.waitSignal(view.article_rendered) as first:
        view.show_article(article, ReadingStyle())
    with qtbot.waitSignal(view.article_rendered) as second:
        view.set_style(ReadingStyle(theme="sepia"))
    assert first.args[0].article is second.args[0].article is article
    assert second.args[0] is view.rendered and view.document() is view.rendered.document
    assert second.args[0].style.theme == "sepia"


def test_replaced_documents_are_freed(view: ReaderView, qtbot) -> None:
    first = view.show_article(long_article(), ReadingStyle())
    with qtbot.waitSignal(first.document.destroyed):
        second = view.show_article(long_article(), ReadingStyle())
    with qtbot.waitSignal(second.document.destroyed):
        view.show_start_page(ReadingStyle())
    start = view.document()
    with qtbot.waitSignal(start.destroyed):
        view.show_article(long_article(), ReadingStyle())
    assert len(view.findChildren(QTextDocument)) == 1


def test_resize_keeps_the_reading_position(view: ReaderView, qtbot) -> None:
    article = long_article()
    view.show_article(article, ReadingStyle())
    view.scroll_to_text_offset(article.text.index("Paragraph 20."))
    paragraph = article.text.rfind("Paragraph", 0, view.top_text_offset() + 1)
    view.resize(600, 700)
    qtbot.waitUntil(lambda: view.viewport().width() < 600)
    assert article.text.rfind("Paragraph", 0, view.top_text_offset() + 1) == paragraph


def test_scroll_fraction_round_trip(view: ReaderView) -> None:
    view.show_article(long_article(), ReadingStyle())
    assert view.scroll_fraction() == 0.0
    view.set_scroll_fraction(0.5)
    assert view.scroll_fraction() == pytest.approx(0.5, abs=0.01)
    view.set_scroll_fraction(2.0)
    assert view.scroll_fraction() == 1.0


def test_scroll_helpers_animate_to_their_targets(view: ReaderView, qtbot) -> None:
    view.show_article(long_article(), ReadingStyle())
    bar = view.verticalScrollBar()
    step = view.line_step()
    view.scroll_lines(3)
    qtbot.waitUntil(lambda: bar.value() == 3 * step)
    view.scroll_pages(1)
    page = view.viewport().height() - step  # one line stays in view
    # ...or a little more, so that the screen starts with a whole line
    paged = view.scroll_target()
    assert 3 * step + page - step < paged <= 3 * step + page
    qtbot.waitUntil(lambda: bar.value() == paged)
    view.scroll_lines(-1)  # queued onto the running animation's target
    qtbot.waitUntil(lambda: bar.value() == paged - step)
    view.scroll_to_bottom()
    qtbot.waitUntil(lambda: bar.value() == bar.maximum())
    view.scroll_to_top()
    qtbot.waitUntil(lambda: bar.value() == 0)


def link_document() -> QTextDocument:
    doc = QTextDocument()
    doc.setHtml('<p>See <a href="/next">the next story</a> for more.</p>')
    doc.setBaseUrl(QUrl("https://example.org/news/story"))
    return doc


def link_point(view: ReaderView) -> QPoint:
    cursor = QTextCursor(view.document())
    cursor.setPosition(len("See ") + 3)
    return view.cursorRect(cursor).center()


@pytest.mark.parametrize("modifier, external", [
    (Qt.KeyboardModifier.NoModifier, False),
    (Qt.KeyboardModifier.ControlModifier, True),
])
def test_clicking_a_link_reports_it(view: ReaderView, qtbot, modifier, external) -> None:
    view.show_document(link_document())
    with qtbot.waitSignal(view.link_clicked) as blocker:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, modifier, link_point(view))
    assert blocker.args == [QUrl("https://example.org/next"), external]


def test_context_menu_over_a_link(view: ReaderView, qtbot) -> None:
    view.show_document(link_document())
    menu = view.context_menu(link_point(view))
    actions = {action.text(): action for action in menu.actions() if action.text()}
    assert list(actions) == ["Open Link in Browser", "Copy Link", "Copy", "Select All"]
    assert not actions["Copy"].isEnabled()
    with qtbot.waitSignal(view.link_clicked) as blocker:
        actions["Open Link in Browser"].trigger()
    assert blocker.args == [QUrl("https://example.org/next"), True]
    actions["Copy Link"].trigger()
    assert QGuiApplication.clipboard().text() == "https://example.org/next"
    actions["Select All"].trigger()
    assert view.textCursor().selectedText().startswith("See the next story")
    plain = view.context_menu(QPoint(5, view.viewport().height() - 5))
    assert [a.text() for a in plain.actions()] == ["Copy", "Select All"]
    assert plain.actions()[0].isEnabled()


def test_start_page_follows_the_style(view: ReaderView) -> None:
    view.show_start_page(ReadingStyle())
    assert "Ctrl+O" in view.toPlainText() and view.rendered is None
    view.set_style(ReadingStyle(theme="dark"))
    background = view.document().rootFrame().frameFormat().background().color().name()
    assert background == THEMES["dark"].background
    assert view.top_text_offset() == 0
    view.show_document(render_start_page(ReadingStyle()))


def image_article(url: str, src: str, caption: str = "The mill race at dawn.",
                  resources: dict[str, bytes] | None = None) -> Article:
    return Article(
        title="Pictures",
        url=url,
        blocks=(Block("paragraph", PARAGRAPH), Block("image", caption, src=src),
                Block("paragraph", "After the picture.")),
        resources=resources or {},
        origin="file" if url.startswith("file:") else "web",
    )


def test_local_image_is_shown_scaled_to_the_column(view: ReaderView, qtbot,
                                                   tmp_path: Path) -> None:
    (tmp_path / "page_files").mkdir()
    (tmp_path / "page_files" / "wide.png").write_bytes(png_bytes(3000, 1000))
    article = image_article((tmp_path / "page.html").as_uri(), "page_files/wide.png")
    with qtbot.waitSignal(view.image_loaded) as blocker:
        rendered = view.show_article(article, ReadingStyle())
    assert blocker.args == [(tmp_path / "page_files" / "wide.png").as_uri()]
    root = view.document().rootFrame().frameFormat()
    column = view.viewport().width() - root.leftMargin() - root.rightMargin()
    width, height = image_size(view, rendered.images[0].position)
    assert width == pytest.approx(column, abs=1)
    assert height == pytest.approx(column / 3, abs=1)
    assert "The mill race at dawn." in view.toPlainText()


def test_tall_image_is_kept_within_about_a_column_width(view: ReaderView, qtbot,
                                                       tmp_path: Path) -> None:
    (tmp_path / "tall.png").write_bytes(png_bytes(1000, 4000))
    article = image_article((tmp_path / "page.html").as_uri(), "tall.png")
    with qtbot.waitSignal(view.images_finished):
        rendered = view.show_article(article, ReadingStyle())
    root = view.document().rootFrame().frameFormat()
    column = view.viewport().width() - root.leftMargin() - root.rightMargin()
    width, height = image_size(view, rendered.images[0].position)
    assert height == pytest.approx(column * 1.2, abs=1)
    assert width == pytest.approx(height / 4, abs=1)


def test_images_are_dimmed_a_little_on_a_dark_page(view: ReaderView, qtbot,
                                                   tmp_path: Path) -> None:
    (tmp_path / "grey.png").write_bytes(png_bytes(40, 40, "#c0c0c0"))
    article = image_article((tmp_path / "page.html").as_uri(), "grey.png")
    with qtbot.waitSignal(view.images_finished):
        rendered = view.show_article(article, ReadingStyle())
    name = QUrl(rendered.images[0].name)
    kind = QTextDocument.ResourceType.ImageResource.value

    def shown_lightness() -> float:
        image = view.document().resource(kind, name)
        return QColor(image.pixel(20, 20)).lightnessF()

    assert shown_lightness() == pytest.approx(QColor("#c0c0c0").lightnessF(), abs=0.01)
    view.set_style(ReadingStyle(theme="dark"))
    assert shown_lightness() < QColor("#c0c0c0").lightnessF() - 0.05
    assert image_size(view, view.rendered.images[0].position) == (40, 40)


def test_small_image_keeps_its_size(view: ReaderView, qtbot, tmp_path: Path) -> None:
    (tmp_path / "dot.png").write_bytes(png_bytes(120, 80))
    article = image_article((tmp_path / "page.html").as_uri(), "dot.png")
    with qtbot.waitSignal(view.image_loaded):
        rendered = view.show_article(article, ReadingStyle())
    assert image_size(view, rendered.images[0].position) == (120, 80)


def test_embedded_image_comes_from_the_archive(view: ReaderView, qtbot,
                                               httpserver: HTTPServer) -> None:
    src = httpserver.url_for("/embedded.png")
    article = image_article(httpserver.url_for("/page"), src,
                            resources={src: png_bytes(200, 100)})
    with qtbot.waitSignal(view.image_loaded):
        rendered = view.show_article(article, ReadingStyle())
    assert image_size(view, rendered.images[0].position) == (200, 100)
    assert httpserver.log == []


def test_data_url_image_is_shown(view: ReaderView, qtbot) -> None:
    src = "data:image/png;base64," + base64.b64encode(png_bytes(60, 30)).decode("ascii")
    article = image_article("https://example.org/story", src)
    with qtbot.waitSignal(view.images_finished):
        rendered = view.show_article(article, ReadingStyle())
    assert image_size(view, rendered.images[0].position) == (60, 30)


def test_remote_image_is_fetched_off_the_gui_thread_when_allowed(
    view: ReaderView, qtbot, httpserver: HTTPServer
) -> None:
    httpserver.expect_request("/pic.png").respond_with_data(
        png_bytes(300, 150), content_type="image/png")
    view.remote_images = True
    article = image_article(httpserver.url_for("/story"), "/pic.png")
    with qtbot.waitSignal(view.image_loaded) as blocker:
        rendered = view.show_article(article, ReadingStyle())
    assert blocker.args == [httpserver.url_for("/pic.png")]
    assert image_size(view, rendered.images[0].position) == (300, 150)
    assert [entry[0].path for entry in httpserver.log] == ["/pic.png"]


def test_no_request_reaches_the_server_when_remote_images_are_off(
    view: ReaderView, qtbot, httpserver: HTTPServer, tmp_path: Path
) -> None:
    httpserver.expect_request("/pic.png").respond_with_data(
        png_bytes(300, 150), content_type="image/png")
    inline = "data:image/png;base64," + base64.b64encode(png_bytes(50, 50)).decode("ascii")
    assert view.remote_images is False
    article = Article(
        title="Pictures",
        url=httpserver.url_for("/story"),
        blocks=(Block("image", "Remote caption", src="/pic.png"),
                Block("image", "", src=inline)),
        origin="web",
    )
    with qtbot.waitSignal(view.images_finished):
        rendered = view.show_article(article, ReadingStyle())
    assert not view.loading_images
    remote = rendered.images[0]
    assert image_size(view, rendered.images[1].position) == (50, 50)
    # in its place a quiet stand-in telling its caption, not a broken picture
    kind = QTextDocument.ResourceType.ImageResource.value
    stand_in = view.document().resource(kind, QUrl(remote.name))
    assert stand_in.text(LABEL_KEY) == "Remote caption"
    assert image_size(view, remote.position) == (stand_in.width(), stand_in.height())
    assert "Remote caption" in view.toPlainText()
    resource = view.loadResource(QTextDocument.ResourceType.ImageResource.value,
                                 QUrl(remote.name))
    assert isinstance(resource, QImage) and resource.size().width() == 1
    assert httpserver.log == []
    # Allowing remote images later fetches the current page's images.
    with qtbot.waitSignal(view.image_loaded) as blocker:
        view.remote_images = True
    assert blocker.args == [remote.name]
    assert len(httpserver.log) == 1


def test_remote_images_of_a_saved_page_are_never_fetched(
    view: ReaderView, qtbot, httpserver: HTTPServer, tmp_path: Path
) -> None:
    httpserver.expect_request("/pic.png").respond_with_data(
        png_bytes(30, 30), content_type="image/png")
    (tmp_path / "local.png").write_bytes(png_bytes(40, 40))
    view.remote_images = True
    article = Article(
        title="Saved",
        url=(tmp_path / "page.html").as_uri(),
        blocks=(Block("image", "", src=httpserver.url_for("/pic.png")),
                Block("image", "", src="local.png")),
        origin="file",
    )
    with qtbot.waitSignal(view.images_finished):
        rendered = view.show_article(article, ReadingStyle())
    assert image_size(view, rendered.images[1].position) == (40, 40)
    assert httpserver.log == []


def test_images_of_a_replaced_article_are_dropped(view: ReaderView, qtbot,
                                                  tmp_path: Path) -> None:
    (tmp_path / "a.png").write_bytes(png_bytes(64, 64))
    (tmp_path / "b.png").write_bytes(png_bytes(32, 32))
    first = image_article((tmp_path / "a.html").as_uri(), "a.png")
    second = image_article((tmp_path / "b.html").as_uri(), "b.png")
    view.show_article(first, ReadingStyle())
    with qtbot.waitSignal(view.image_loaded) as blocker:
        rendered = view.show_article(second, ReadingStyle())
    assert blocker.args == [(tmp_path / "b.png").as_uri()]
    assert image_size(view, rendered.images[0].position) == (32, 32)


def test_broken_and_missing_images_leave_their_captions(view: ReaderView, qtbot,
                                                        httpserver: HTTPServer,
                                                        tmp_path: Path) -> None:
    httpserver.expect_request("/broken.png").respond_with_data(b"not an image")
    httpserver.expect_request("/gone.png").respond_with_data(b"", status=404)
    (tmp_path / "empty.png").write_bytes(b"")
    view.remote_images = True
    article = Article(
        title="Broken",
        url=httpserver.url_for("/story"),
        blocks=(Block("image", "Broken caption", src="/broken.png"),
                Block("image", "Gone caption", src="/gone.png"),
                Block("image", "Empty caption", src=(tmp_path / "empty.png").as_uri()),
                Block("image", "Missing caption", src=(tmp_path / "nothing.png").as_uri())),
        origin="web",
    )
    with qtbot.waitSignal(view.images_finished):
        rendered = view.show_article(article, ReadingStyle())
    kind = QTextDocument.ResourceType.ImageResource.value
    for ref, caption in zip(rendered.images, ("Broken", "Gone", "Empty", "Missing"), strict=True):
        stand_in = view.document().resource(kind, QUrl(ref.name))
        assert stand_in.text(LABEL_KEY) == f"{caption} caption"
        assert image_size(view, ref.position) == (stand_in.width(), stand_in.height())
    for caption in ("Broken", "Gone", "Empty", "Missing"):
        assert f"{caption} caption" in view.toPlainText()
    assert sorted(entry[0].path for entry in httpserver.log) == ["/broken.png", "/gone.png"]


def test_missing_image_file_shows_its_alt_text_in_a_quiet_placeholder(
    view: ReaderView, qtbot, tmp_path: Path
) -> None:
    (tmp_path / "Mill_files").mkdir()
    (tmp_path / "Mill_files" / "shown.png").write_bytes(png_bytes(80, 40))
    (tmp_path / "Mill_files" / "broken.png").write_bytes(b"\x89PNG\r\n\x1a\nnot a picture")
    article = Article(
        title="Pictures",
        url=(tmp_path / "Mill.html").as_uri(),
        blocks=(
            Block("paragraph", PARAGRAPH),
            Block("image", "", src="Mill_files/gone.jpg", alt="The mill wheel in the snow"),
            Block("image", "The race in spate.", src="Mill_files/broken.png"),
            Block("image", "", src="Mill_files/shown.png", alt="The miller"),
            Block("image", "", src="Mill_files/also-gone.jpg"),
            Block("paragraph", "After the pictures."),
        ),
        origin="file",
    )
    with qtbot.waitSignal(view.images_finished):
        rendered = view.show_article(article, ReadingStyle())
    kind = QTextDocument.ResourceType.ImageResource.value
    labels = []
    for ref in rendered.images:
        image = view.document().resource(kind, QUrl(ref.name))
        labels.append(image.text(LABEL_KEY))
        width, height = image_size(view, ref.position)
        assert (width, height) == (image.width(), image.height())
        assert 0 < height < 120  # a line of text, never a large empty hole
    assert labels == ["The mill wheel in the snow", "The race in spate.", "", UNNAMED_PICTURE]
    stand_in = view.document().resource(kind, QUrl(rendered.images[0].name))
    painted = {stand_in.pixel(x, y) for x in range(stand_in.width())
               for y in range(stand_in.height())}
    assert len(painted) > 2  # border and text drawn, not a blank box
    assert stand_in.width() <= view.column_width()
    # the document's text is the article's: fact offsets still land on their words
    start = article.text.index("After the pictures.")
    end = start + len("After the pictures.")
    doc_start, doc_end = rendered.offsets.range_to_document(start, end)
    assert document_text(view.document(), doc_start, doc_end) == "After the pictures."


def test_saved_recipe_shows_its_pictures_from_the_files_folder(
    view: ReaderView, qtbot, data_dir: Path
) -> None:
    from reader_app.core import read_article

    article = read_article(data_dir / "saved" / "lemon-drizzle-cake.html")
    loaded: list[str] = []
    view.image_loaded.connect(loaded.append)
    with qtbot.waitSignal(view.images_finished):
        rendered = view.show_article(article, ReadingStyle())
    kind = QTextDocument.ResourceType.ImageResource.value
    sizes = [image_size(view, ref.position) for ref in rendered.images]
    assert sizes[:3] == [(96, 64), (72, 48), (80, 60)]  # the saved files, at their size
    assert len(loaded) == 3
    lemons = view.document().resource(kind, QUrl(rendered.images[3].name))
    assert lemons.text(LABEL_KEY) == "Three unwaxed lemons and a zester"
    assert sizes[3] == (lemons.width(), lemons.height())
