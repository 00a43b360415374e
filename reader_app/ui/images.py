"""Loading the images of an article off the GUI thread: embedded parts, local files, http(s)."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from PySide6.QtCore import QRunnable, Qt, QUrl, SignalInstance
from PySide6.QtGui import QImage

from reader_app.core.model import Article

from .document import image_url

#: Largest image file read or fetched, in bytes.
MAX_IMAGE_BYTES = 8 * 1024 * 1024
#: Seconds to wait for an image server.
FETCH_TIMEOUT = 10.0
#: Decoded images wider than this are scaled down (keeps memory small; columns are narrower).
MAX_IMAGE_WIDTH = 2000

USER_AGENT = "Reader (desktop article reader)"


def placeholder_image() -> QImage:
    """A transparent 1x1 image shown for images that are missing or still loading."""
    image = QImage(1, 1, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    return image


@dataclass(frozen=True)
class ImageSource:
    """Where one image's bytes come from."""

    name: str
    kind: Literal["data", "inline", "file", "http"]
    data: bytes = b""

    @classmethod
    def find(cls, name: str, article: Article, remote_allowed: bool) -> ImageSource | None:
        """The source of image ``name`` of ``article``, or ``None`` if it must not be loaded.

        Embedded parts, ``data:`` URLs and local files are always allowed; http(s) images only when
        ``remote_allowed`` and the article itself came from the web.
        """
        for key, data in article.resources.items():
            if key == name or image_url(key, article.url) == name:
                return cls(name, "data", bytes(data))
        url = QUrl(name)
        if url.scheme() == "data":
            return cls(name, "inline")
        if url.isLocalFile():
            return cls(name, "file")
        page = QUrl(article.url or "")
        if (remote_allowed and url.scheme() in ("http", "https")
                and page.scheme() in ("http", "https")):
            return cls(name, "http")
        return None

    def read(self) -> bytes:
        """The image's bytes (at most :data:`MAX_IMAGE_BYTES`); raises ``OSError`` otherwise."""
        if self.kind == "data":
            data = self.data
        elif self.kind == "file":
            path = Path(QUrl(self.name).toLocalFile())
            if path.stat().st_size > MAX_IMAGE_BYTES:
                raise OSError(f"image too large: {path}")
            data = path.read_bytes()
        elif self.kind == "inline":
            import urllib.request  # here, not at start-up: only pool threads need it

            with urllib.request.urlopen(self.name) as response:  # data: URL, no network
                data = response.read(MAX_IMAGE_BYTES + 1)
        else:
            import urllib.request

            request = urllib.request.Request(self.name, headers={"User-Agent": USER_AGENT})
            with urllib.request.urlopen(request, timeout=FETCH_TIMEOUT) as response:
                data = response.read(MAX_IMAGE_BYTES + 1)
        if len(data) > MAX_IMAGE_BYTES:
            raise OSError(f"image too large: {self.name}")
        return data


def decode_image(data: bytes) -> QImage:
    """``data`` decoded, scaled down to :data:`MAX_IMAGE_WIDTH` if wider (null if undecodable)."""
    image = QImage.fromData(data)
    if not image.isNull() and image.width() > MAX_IMAGE_WIDTH:
        image = image.scaledToWidth(MAX_IMAGE_WIDTH, Qt.TransformationMode.SmoothTransformation)
    return image


class ImageJob(QRunnable):
    """Reads and decodes one image on a pool thread, then emits ``(generation, name, image)``.

    The image is null when it could not be read or decoded.
    """

    def __init__(self, source: ImageSource, generation: int, done: SignalInstance) -> None:
        super().__init__()
        self.source = source
        self.generation = generation
        self.done = done

    def run(self) -> None:
        """Load, decode and report; a failure reports a null image (the caption remains)."""
        import http.client

        try:
            image = decode_image(self.source.read())
        except (OSError, ValueError, http.client.HTTPException):
            image = QImage()
        with contextlib.suppress(RuntimeError):  # the view was closed meanwhile
            self.done.emit(self.generation, self.source.name, image)
