"""Decoding image bytes into a QImage, on the GUI thread, in a format chosen by their bytes.

The bytes are read off the GUI thread (``core.images`` on the executor's ``images`` lane);
decoding happens here so that no worker thread ever holds Python's lock inside Qt. The format
is set before reading, so Qt never sniffs the data through its plugins.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QImageReader, QPainter, QPen

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


#: What a picture without alt text or caption is called in its place.
UNNAMED_PICTURE = "Picture not shown"
#: The key under which a missing picture's placeholder keeps its label (``QImage.text``).
LABEL_KEY = "label"


def missing_image(label: str, font: QFont, colour: str, border: str, width: float) -> QImage:
    """A quiet stand-in for a picture that cannot be shown: ``label`` (its alt text or
    caption, elided to one line) in ``colour`` within a thin rounded ``border``, ``width``
    logical pixels wide at most; the label is also kept as the image's text ``label``."""
    shown = label or UNNAMED_PICTURE
    font = QFont(font)
    font.setItalic(True)
    metrics = QFontMetricsF(font)
    pad = metrics.height() * 0.6
    inner = min(max(0.0, width - 2 * pad), metrics.horizontalAdvance(shown) + 1)
    text = metrics.elidedText(shown, Qt.TextElideMode.ElideRight, inner)
    size = QSize(max(1, round(inner + 2 * pad)), max(1, round(metrics.height() + 2 * pad)))
    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor(border), 1.0, Qt.PenStyle.DashLine))
    painter.drawRoundedRect(QRectF(0.5, 0.5, size.width() - 1, size.height() - 1), 4, 4)
    painter.setFont(font)
    painter.setPen(QColor(colour))
    painter.drawText(QRectF(0, 0, size.width(), size.height()),
                     int(Qt.AlignmentFlag.AlignCenter), text)
    painter.end()
    image.setText(LABEL_KEY, shown)
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
