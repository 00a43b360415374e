"""2,000 images (SVG and PNG mixed, 10 for each of 200 articles), each article replaced while
its images load (once the first is shown): run 20 times in a row, the images of the last
article arrive every time and nothing deadlocks."""

from __future__ import annotations

import pytest
from hostile_data import png, svg

from reader_app.core import Article, Block
from reader_app.ui.reading.view import ReaderView
from reader_app.ui.style.theme import ReadingStyle

ARTICLES = 200
IMAGES = 10
RUNS = 20


@pytest.fixture(scope="module")
def articles(tmp_path_factory: pytest.TempPathFactory, qapp) -> list[Article]:
    folder = tmp_path_factory.mktemp("stress")
    out = []
    for number in range(ARTICLES):
        blocks = [Block("paragraph", f"Article {number}: the harbour at dawn, and later.")]
        for index in range(IMAGES):
            colour = f"#{(number * 37 + index * 11) % 256:02x}6ea5"
            size = (40 + index * 7, 30 + number % 17)
            name, data = ((f"{number}-{index}.svg", svg(*size, colour)) if index % 2 else
                          (f"{number}-{index}.png", png(*size, colour)))
            (folder / name).write_bytes(data)
            blocks.append(Block("image", f"Picture {index}", src=(folder / name).as_uri()))
        out.append(Article(title=f"Pictures {number}", blocks=tuple(blocks),
                           url=(folder / f"{number}.html").as_uri(), origin="file"))
    return out


@pytest.mark.parametrize("run", range(RUNS))
def test_replaced_articles_drop_their_images_and_the_last_gets_all(
        qtbot, executor, articles: list[Article], run: int) -> None:
    view = ReaderView(executor)
    qtbot.addWidget(view)
    view.resize(900, 700)
    view.show()
    style = ReadingStyle()
    for article in articles[:-1]:
        # Replaced once its first image is in, while the others are being read and decoded.
        with qtbot.waitSignal(view.image_loaded, timeout=5000):
            view.show_article(article, style)
    with qtbot.waitSignal(view.images_finished, timeout=20000):
        rendered = view.show_article(articles[-1], style)
    assert sorted(view.images.loaded) == sorted(ref.name for ref in rendered.images)
    assert len(view.images.loaded) == IMAGES
    assert all(not image.isNull() for image in view.images.loaded.values())
    qtbot.waitUntil(lambda: executor.pending == 0, timeout=5000)
