"""Decoding image bytes into a QImage, on the GUI thread, in a format chosen by their bytes.

The bytes are read off the GUI thread (``core.images`` on the executor's ``images`` lane);
decoding happens here so that no worker thread ever holds Python's lock inside Qt. The format
is set before reading, so Qt never sniffs the data through its plugins.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QImage, QImageReader

#: Decoded images wider than this are scaled down (keeps memory small; columns are narrower).
MAX_IMAGE_WIDTH = 2000
#: Images with more pixels than this are not decoded at all.
MAX_PIXELS = 40_000_000

_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", b"png"),
    (b"\xff\xd8\xff", b"jpeg"),
    (b"GIF87a", b"gif"),
    (b"GIF89a", b"gif"),
    (b"BM", b"bmp"),
)


def placeholder_image() -> QImage:
    """A transparent 1x1 image shown for images that are missing or still loading."""
    image = QImage(1, 1, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    return image


def image_format(data: bytes) -> bytes | None:
    """The Qt image format name of ``data`` by its first bytes; None if not one we read."""
    for signature, name in _SIGNATURES:
        if data.startswith(signature):
            return name
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return b"webp"
    head = data[:1024].lstrip().lower()
    if head.startswith((b"<svg", b"<?xml", b"<!--", b"<!doctype svg")) and b"<svg" in data[:4096]:
        return b"svg"
    return None


def decode_image(data: bytes) -> QImage:
    """``data`` decoded, scaled down to :data:`MAX_IMAGE_WIDTH` if wider (null if it cannot be)."""
    fmt = image_format(data)
    if fmt is None or fmt not in QImageReader.supportedImageFormats():
        return QImage()
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer, QByteArray(fmt))
    reader.setAutoDetectImageFormat(False)
    reader.setDecideFormatFromContent(False)
    size = reader.size()
    if size.isValid():
        if size.width() * size.height() > MAX_PIXELS:
            return QImage()
        if size.width() > MAX_IMAGE_WIDTH:
            height = max(1, round(size.height() * MAX_IMAGE_WIDTH / size.width()))
            reader.setScaledSize(QSize(MAX_IMAGE_WIDTH, height))
    image = reader.read()
    buffer.close()
    return image
