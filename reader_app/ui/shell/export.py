"""Copy the article to the clipboard and export it as Markdown, HTML or PDF."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF, QMimeData, QSaveFile
from PySide6.QtGui import (
    QClipboard,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)

from reader_app.core.model import Article

from ..reading.link_focus import link_fragments

#: File dialog filters and suffixes of each export format.
FORMATS: dict[str, tuple[str, str]] = {
    "markdown": ("Markdown (*.md)", ".md"),
    "html": ("HTML page (*.html)", ".html"),
    "pdf": ("PDF document (*.pdf)", ".pdf"),
}


class ExportError(Exception):
    """The file could not be written; the message is fit to show the reader."""


def article_text(article: Article) -> str:
    """The article as plain text."""
    from reader_app.core import render

    return render.to_text(article)


def article_markdown(article: Article) -> str:
    """The article as Markdown."""
    from reader_app.core import render

    return render.to_markdown(article)


def copy_article(article: Article, clipboard: QClipboard, markdown: bool = False) -> None:
    """Put the whole article on the clipboard as plain text or Markdown."""
    mime = QMimeData()
    if markdown:
        text = article_markdown(article)
        mime.setData("text/markdown", text.encode("utf-8"))
    else:
        text = article_text(article)
    mime.setText(text)
    clipboard.setMimeData(mime)


def suggested_name(article: Article, fmt: str) -> str:
    """A file name for ``article`` in format ``fmt``, made from its title."""
    title = "".join(c if c.isalnum() or c in " -_" else " " for c in article.title or "")
    stem = "-".join(title.split())[:80].strip("-") or "article"
    return stem + FORMATS[fmt][1]


def export_markdown(article: Article, path: Path, key_facts: str = "") -> None:
    """Write ``article`` as Markdown to ``path``, then its ``key_facts`` section if any."""
    text = article_markdown(article)
    if key_facts:
        text = text.rstrip("\n") + "\n\n" + key_facts
    _write_text(path, text)


def export_html(article: Article, path: Path) -> None:
    """Write ``article`` as a standalone HTML page to ``path``."""
    from reader_app.core import render

    _write_text(path, render.to_html(article))


def export_pdf(document: QTextDocument, path: Path, title: str = "") -> None:
    """Print ``document`` to a PDF file at ``path`` (A4, comfortable margins)."""
    writer = QPdfWriter(str(path))
    writer.setTitle(title)
    writer.setCreator("Reader")
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(20, 20, 20, 20), QPageLayout.Unit.Millimeter)
    base = document.baseUrl()
    document = document.clone()
    document.setBaseUrl(base)
    _absolute_safe_links(document)
    document.print_(writer)
    del writer  # ends the PDF
    if not path.exists() or path.stat().st_size == 0:
        raise ExportError(f"Could not write “{path.name}”.")


def _write_text(path: Path, text: str) -> None:
    out = QSaveFile(str(path))
    if not out.open(QSaveFile.OpenModeFlag.WriteOnly):
        raise ExportError(f"Could not write “{path.name}”: {out.errorString()}")
    out.write(text.encode("utf-8"))
    if not out.commit():
        raise ExportError(f"Could not write “{path.name}”: {out.errorString()}")


def _absolute_safe_links(document: QTextDocument) -> None:
    """Make links absolute, and plain text where an export may not hold them (only http(s),
    mailto and ftp addresses are kept)."""
    from reader_app.core.render import link_target

    base = document.baseUrl().toString() or None
    found: list[tuple[int, int, QTextCharFormat, str | None]] = []
    for fragment in link_fragments(document):
        fmt = fragment.charFormat()
        end = fragment.position() + fragment.length()
        found.append((fragment.position(), end, fmt, link_target(fmt.anchorHref(), base)))
    cursor = QTextCursor(document)
    for start, end, fmt, target in found:
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        if target is None:
            fmt.clearProperty(QTextFormat.Property.AnchorHref)
            fmt.clearProperty(QTextFormat.Property.IsAnchor)
        else:
            fmt.setAnchorHref(target)
        cursor.setCharFormat(fmt)
