"""The copy and export commands: the whole article to the clipboard or to a file."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from reader_app.core.model import Article

from ..facts.controller import FactsController
from ..reading.document import render_article
from ..style.theme import ReadingStyle
from . import export
from .message_bar import MessageBar
from .settings import Settings
from .status_line import StatusLine


class Output(QObject):
    """Copies or exports the article on screen (``article()``), its key facts from ``facts``."""

    def __init__(
        self,
        *,
        article: Callable[[], Article | None],
        facts: FactsController,
        settings: Settings,
        reading_style: Callable[[], ReadingStyle],
        message_bar: MessageBar,
        status: StatusLine,
        window: QWidget,
    ) -> None:
        super().__init__(window)
        self.article = article
        self.facts = facts
        self.settings = settings
        self.reading_style = reading_style
        self.message_bar = message_bar
        self.status = status
        self.window = window

    def copy_article(self, markdown: bool = False) -> None:
        """Copy the whole article as plain text or Markdown."""
        article = self.article()
        if article is None:
            return
        export.copy_article(article, QGuiApplication.clipboard(), markdown=markdown)
        self.status.show_message(
            "Article copied as Markdown" if markdown else "Article copied as text", 3000)

    def export(self, fmt: str) -> None:
        """Ask where, then save the article as ``markdown``, ``html`` or ``pdf``."""
        article = self.article()
        if article is None:
            return
        name = export.suggested_name(article, fmt)
        path, _ = QFileDialog.getSaveFileName(
            self.window, "Export article", str(Path(self.settings.last_folder()) / name),
            export.FORMATS[fmt][0])
        if path:
            self.settings.set_last_folder(str(Path(path).parent))
            self.export_to(fmt, Path(path))

    def export_to(self, fmt: str, path: Path) -> None:
        """Write the article to ``path`` as ``markdown``, ``html`` or ``pdf``."""
        article = self.article()
        if article is None:
            return
        try:
            if fmt == "markdown":
                export.export_markdown(article, path, self.facts.key_facts_markdown())
            elif fmt == "html":
                export.export_html(article, path)
            else:
                light = replace(self.reading_style(), theme="light")
                document = render_article(article, light).document
                export.export_pdf(document, path, article.title)
        except (OSError, export.ExportError) as err:
            self.message_bar.show_message(str(err))
            return
        self.status.show_message(f"Saved {path.name}", 4000)
