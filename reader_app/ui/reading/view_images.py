"""The pictures of the article a reading view shows: read off the GUI thread, decoded on it,
scaled to the column, dimmed on a dark page, and drawn as a quiet stand-in when they cannot
be shown."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl
from PySide6.QtGui import QColor, QImage, QPainter, QTextCursor, QTextDocument

from reader_app.core.images import ImageSource, find_image, read_image

from ..executor.service import Executor, Outcome, Task, Token
from .images import decode_image, missing_image, placeholder_image
from .offsets import ImageRef

if TYPE_CHECKING:
    from .column_view import ColumnView

#: Images are at most this many column widths tall (portraits stay within a screen or so).
TALLEST_IMAGE = 1.2

#: Alpha of the black veil over images on a dark page (0..255), so they do not glare.
DARK_IMAGE_DIM = 36


class ArticleImages:
    """The images of ``view``'s article, loaded through ``executor``'s ``images`` lane.

    The view's ``image_loaded`` and ``images_finished`` signals report them; an image of an
    article no longer shown is dropped.
    """

    def __init__(self, view: ColumnView, executor: Executor) -> None:
        self.view = view
        self.executor = executor
        #: Images read and decoded, by name.
        self.loaded: dict[str, QImage] = {}
        #: Stand-ins for images that cannot be shown (not allowed, unreadable, undecodable).
        self._missing: dict[str, QImage] = {}
        self._failed: set[str] = set()
        self._requested: set[str] = set()
        self._pending: dict[str, Task[bytes]] = {}
        self._generation = 0
        self._placeholder = placeholder_image()

    def image(self, name: str) -> QImage:
        """The image called ``name``, or a blank placeholder while it is not loaded."""
        return self.loaded.get(name, self._placeholder)

    def forget(self) -> None:
        """Drop the images of the article shown so far (loads still running included)."""
        self.stop()
        self._generation += 1
        self.loaded.clear()
        self._missing.clear()
        self._failed.clear()
        self._requested.clear()

    def stop(self) -> None:
        """Cancel every image load still running (their results are dropped)."""
        for task in self._pending.values():
            task.cancel()
        self._pending.clear()

    @property
    def loading(self) -> bool:
        """Whether images of the current article are still being loaded."""
        return bool(self._pending)

    def provide(self) -> None:
        """Give the article's document every image it can have now; start loading the others."""
        rendered = self.view.rendered
        if rendered is None:
            return
        document = rendered.document
        self._missing.clear()
        kind = QTextDocument.ResourceType.ImageResource.value
        for ref in rendered.images:
            image = self.loaded.get(ref.name)
            if image is not None:
                document.addResource(kind, QUrl(ref.name), self._shown(image))
                continue
            source = None
            if ref.name not in self._failed and ref.name not in self._requested:
                source = find_image(ref.name, rendered.article, self.view.remote_images)
            if ref.name in self._failed or (source is None and ref.name not in self._requested):
                document.addResource(kind, QUrl(ref.name), self._stand_in(ref))
                continue
            document.addResource(kind, QUrl(ref.name), self._placeholder)  # still loading
            if source is not None:
                self._requested.add(ref.name)
                self._pending[ref.name] = self._load_image(source)
        self.fit()

    def _stand_in(self, ref: ImageRef) -> QImage:
        """The quiet placeholder telling ``ref``'s label in place of its picture."""
        image = self._missing.get(ref.name)
        if image is None:
            style = self.view.reading_style
            image = missing_image(ref.label, style.body_font(0.86), style.colours.muted,
                                  style.colours.rule, self.view.column_width())
            self._missing[ref.name] = image
        return image

    def _load_image(self, source: ImageSource) -> Task[bytes]:
        generation = self._generation

        def work(token: Token) -> bytes:
            return read_image(source, cancelled=token.cancelled)

        return self.executor.submit(
            "images", work,
            on_done=lambda outcome: self.on_image_read(generation, source.name, outcome))

    def on_image_read(self, generation: int, name: str, outcome: Outcome[bytes]) -> None:
        """Show the image ``name`` that was read (or its stand-in when it cannot be shown)."""
        rendered = self.view.rendered
        if generation != self._generation or rendered is None or outcome.cancelled:
            return
        self._pending.pop(name, None)
        image = decode_image(outcome.value) if outcome.value else QImage()
        if image.isNull():
            self._failed.add(name)
            for ref in rendered.images:
                if ref.name == name:
                    rendered.document.addResource(
                        QTextDocument.ResourceType.ImageResource.value, QUrl(name),
                        self._stand_in(ref))
                    break
            self.fit()
        else:
            self.loaded[name] = image
            rendered.document.addResource(QTextDocument.ResourceType.ImageResource.value,
                                               QUrl(name), self._shown(image))
            self.fit()
            self.view.image_loaded.emit(name)
        if not self._pending:
            self.view.images_finished.emit()

    def _shown(self, image: QImage) -> QImage:
        """``image`` as shown in the current theme: a little dimmer on a dark page."""
        if not self.view.reading_style.colours.dark:
            return image
        out = image.convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)
        painter = QPainter(out)
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceAtop)
        painter.fillRect(out.rect(), QColor(0, 0, 0, DARK_IMAGE_DIM))
        painter.end()
        return out

    def fit(self) -> None:
        """Give every loaded image its size, scaled down to fit the column (see TALLEST_IMAGE)."""
        rendered = self.view.rendered
        if rendered is None or rendered.document is not self.view.document():
            return
        column = self.view.text_width()
        cursor = QTextCursor(rendered.document)
        for ref in rendered.images:
            image = self.loaded.get(ref.name)
            if image is None:
                image = self._missing.get(ref.name)
            cursor.setPosition(ref.position)
            cursor.setPosition(ref.position + 1, QTextCursor.MoveMode.KeepAnchor)
            fmt = cursor.charFormat().toImageFormat()
            if not fmt.isValid():
                continue
            if image is None:
                width, height = 0.0, 0.0
            else:
                ratio = image.devicePixelRatio() or 1.0
                width, height = image.width() / ratio, image.height() / ratio
                scale = min(1.0, column / width, column * TALLEST_IMAGE / height)
                width, height = width * scale, height * scale
            if abs(fmt.width() - width) > 0.5 or abs(fmt.height() - height) > 0.5:
                fmt.setWidth(width)
                fmt.setHeight(height)
                cursor.setCharFormat(fmt)

