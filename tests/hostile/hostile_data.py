"""Hostile and ordinary input made on the fly: pages, deeply nested archives, PNG and SVG."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtGui import QColor, QImage

PAGE = ("<!doctype html><html><head><title>Tide tables</title></head><body><article>"
        "<h1>Tide tables</h1><p>The harbour master published the new tide tables on Monday, "
        "and the ferry company said crossings would follow them from June.</p>"
        "<p>Fishermen welcomed the change after a winter of delays.</p></article></body></html>")


def nested_mhtml(depth: int) -> bytes:
    """An MHTML archive whose page sits ``depth`` multipart levels down."""
    body = ("Content-Type: text/html\r\nContent-Location: http://127.0.0.1:9/\r\n\r\n"
            f"{PAGE}\r\n")
    for level in range(depth, 0, -1):
        mark = f"b{level}"
        body = (f'Content-Type: multipart/related; boundary="{mark}"\r\n\r\n'
                f"--{mark}\r\n{body}\r\n--{mark}--\r\n")
    return ("MIME-Version: 1.0\r\n" + body).encode()


def png(width: int, height: int, colour: str) -> bytes:
    """A PNG of one colour."""
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data())


def svg(width: int, height: int, colour: str) -> bytes:
    """An SVG drawing: a coloured rectangle with a circle."""
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}">'
            f'<rect width="{width}" height="{height}" fill="{colour}"/>'
            f'<circle cx="{width // 2}" cy="{height // 2}" r="{min(width, height) // 3}"/>'
            "</svg>").encode()
