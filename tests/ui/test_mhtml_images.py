"""An MHTML archive in the window: its pictures are shown from the archive's own parts, by
Content-Location and by cid: reference, at their size and with their captions."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextCursor, QTextDocument
from window_support import (  # noqa: F401 (fixtures)
    open_and_wait,
    settings_file_fixture,
    window_fixture,
)

from reader_app.ui.reading.images import LABEL_KEY

ARCHIVE = Path(__file__).parent.parent / "data" / "mhtml" / "puffins.mhtml"


def test_archive_pictures_come_from_its_parts(qtbot, window) -> None:
    view = window.view
    loaded: list[str] = []
    view.image_loaded.connect(loaded.append)
    with qtbot.waitSignal(view.images_finished, timeout=20000):
        article = open_and_wait(qtbot, window, str(ARCHIVE))
    assert article.origin == "archive"
    rendered = view.rendered
    names = [ref.name for ref in rendered.images]
    assert names == [
        "https://www.northsea-naturalist.example/media/2025/06/may-cliffs.png",
        "cid:puffin-ringed-7c1f@northsea-naturalist.example",
        "https://www.northsea-naturalist.example/media/2025/06/burrow-count.png",
    ]
    assert sorted(loaded) == sorted(names)
    kind = QTextDocument.ResourceType.ImageResource.value
    sizes = []
    for ref in rendered.images:
        image = view.document().resource(kind, QUrl(ref.name))
        assert image.text(LABEL_KEY) == ""  # the picture itself, not a stand-in
        cursor = QTextCursor(view.document())
        cursor.setPosition(ref.position + 1)
        fmt = cursor.charFormat().toImageFormat()
        assert (fmt.width(), fmt.height()) == (image.width(), image.height())
        sizes.append((image.width(), image.height()))
    assert sizes == [(360, 220), (200, 200), (320, 180)]  # the parts' pictures
    shown = view.toPlainText()
    for caption in ("The west cliffs of the Isle of May, where most of the colony nests.",
                    "A ringed adult on the north slope; some of the island's birds are more "
                    "than 30 years old.",
                    "Occupied burrows on the Isle of May, in thousands, from the annual count."):
        assert shown.count(caption) == 1
