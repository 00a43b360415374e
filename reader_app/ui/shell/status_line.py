"""The status bar's parts: the article's length, the load's progress and the reading position."""

from __future__ import annotations

import math

from PySide6.QtCore import QObject, QUrl, Slot
from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar

from reader_app.core.model import Article

from .loader import LoadRequest


def format_size(size: int) -> str:
    """A byte count as KB or MB, as the progress bar shows it."""
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / (1024 * 1024):.1f} MB"


class StatusLine(QObject):
    """Fills ``bar``: passing messages, the article's word count, a load's progress, and how
    much of the article is read."""

    def __init__(self, bar: QStatusBar) -> None:
        super().__init__(bar)
        self.bar = bar
        bar.setSizeGripEnabled(False)
        bar.setContentsMargins(10, 0, 10, 0)
        self.article_label = QLabel(bar)
        self.progress_bar = QProgressBar(bar)
        self.progress_bar.setMaximumWidth(220)
        self.progress_bar.setTextVisible(True)
        self.progress_bar.hide()
        self.position_label = QLabel(bar)
        bar.addWidget(self.article_label, 1)
        bar.addPermanentWidget(self.progress_bar)
        bar.addPermanentWidget(self.position_label)

    def show_message(self, text: str, timeout_ms: int = 0) -> None:
        """Show ``text`` for ``timeout_ms`` (until replaced when 0)."""
        self.bar.showMessage(text, timeout_ms)

    def show_article(self, article: Article) -> None:
        """Show the length of ``article``."""
        self.article_label.setText(f"{article.word_count:,} words")

    def clear_article(self) -> None:
        """No article: no length, no position."""
        self.article_label.clear()
        self.position_label.clear()

    def show_position(self, article: Article | None, fraction: float) -> None:
        """How much of ``article`` is read (``fraction`` scrolled) and the minutes left."""
        if article is None:
            self.position_label.clear()
            return
        left = math.ceil(article.reading_minutes * (1 - fraction))
        text = f"{round(fraction * 100)}% read"
        if left > 0:
            text += f" · {left} min left"
        self.position_label.setText(text)

    def load_settled(self) -> None:
        """A load ended: hide its progress and its message."""
        self.progress_bar.hide()
        if self.bar.currentMessage().startswith("Opening "):
            self.bar.clearMessage()

    @Slot(object)
    def on_load_started(self, request: LoadRequest) -> None:
        self.progress_bar.setRange(0, 0)
        self.progress_bar.setFormat("Loading…")
        self.progress_bar.show()
        self.bar.showMessage(f"Opening {request.label} — Esc cancels")

    @Slot(int, int)
    def on_load_progressed(self, received: int, total: int) -> None:
        if total > 0:
            self.progress_bar.setRange(0, 1000)
            self.progress_bar.setValue(min(1000, int(1000 * received / total)))
            self.progress_bar.setFormat(f"{format_size(received)} of {format_size(total)}")
        else:
            self.progress_bar.setRange(0, 0)
            self.progress_bar.setFormat(format_size(received))

    @Slot(QUrl)
    def on_link_hovered(self, url: QUrl) -> None:
        if url.isEmpty():
            self.bar.clearMessage()
        else:
            self.bar.showMessage(url.toDisplayString())
