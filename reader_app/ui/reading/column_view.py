"""A read-only text browser showing one rendered article (or the start page) in a centred
column, its images loaded beside it, its reading position kept across re-renders."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEasingCurve, QPoint, QUrl, QVariantAnimation, Signal
from PySide6.QtGui import (
    QColor,
    QFontMetricsF,
    QPalette,
    QResizeEvent,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QFrame, QTextBrowser, QTextEdit, QWidget

from reader_app.core.model import Article

from ..executor.service import Executor
from ..style.theme import ReadingStyle
from .document import em_pixels, render_article
from .offsets import RenderedArticle
from .start_page import render_start_page
from .view_images import ArticleImages

#: Text used to measure the average character width of the body font.
_SAMPLE = "The quick brown fox jumps over the lazy dog, and then, quietly, it reads on."


class ColumnView(QTextBrowser):
    """Shows an article (or the start page) and keeps its text column readable at any width.

    Signals:
        article_rendered(RenderedArticle): an article was set as a new document (also when
            :meth:`set_style` re-renders it; highlights of the old document are gone).
        image_loaded(str): an image of the current article arrived and is now shown.
        images_finished(): every image load started for the current article has ended.
    """

    article_rendered = Signal(object)
    image_loaded = Signal(str)
    images_finished = Signal()

    def __init__(self, executor: Executor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.executor = executor
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setReadOnly(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setUndoRedoEnabled(False)
        self.setAccessibleName("Article")
        self.rendered: RenderedArticle | None = None
        self.reading_style: ReadingStyle = ReadingStyle()
        self._start_page = False
        self._remote_images = False
        self._own_document: QTextDocument | None = None
        self.images = ArticleImages(self, executor)
        #: Extra selections by layer, painted in this order (facts, then find matches).
        self._layers: dict[str, list[QTextEdit.ExtraSelection]] = {"": []}
        self._scroll_animation = QVariantAnimation(self)
        self._scroll_animation.setEasingCurve(QEasingCurve.Type.OutCubic)
        self._apply_palette()

    # -- showing ---------------------------------------------------------------------------

    def show_article(self, article: Article, style: ReadingStyle) -> RenderedArticle:
        """Render ``article`` in ``style`` and show it from the top."""
        if self.rendered is None or self.rendered.article is not article:
            self.images.forget()
        self.reading_style = style
        self._start_page = False
        rendered = render_article(article, style)
        self.rendered = None
        self._install(rendered.document)
        self.rendered = rendered
        self.images.provide()
        self._jump(0)
        self.article_rendered.emit(rendered)
        return rendered

    def show_document(self, document: QTextDocument) -> None:
        """Show a document that is not an article (such as the start page).

        The view takes ownership: the document is deleted when another one replaces it.
        """
        self.images.forget()
        self.rendered = None
        self._start_page = False
        self._install(document)

    def show_start_page(self, style: ReadingStyle) -> None:
        """Show the start page in ``style``; :meth:`set_style` keeps it in step."""
        self.reading_style = style
        self.show_document(render_start_page(style))
        self._start_page = True

    def set_style(self, style: ReadingStyle) -> None:
        """Re-render what is shown in ``style``, keeping the reading position."""
        if self.rendered is not None:
            at_top = self.verticalScrollBar().value() == 0
            anchor = self.top_text_offset()
            article = self.rendered.article
            self.show_article(article, style)  # shown from the top
            if not at_top:
                self.scroll_to_text_offset(anchor)
        elif self._start_page:
            self.show_start_page(style)
        else:
            self.reading_style = style
            self._apply_palette()
            self._update_column()

    @property
    def remote_images(self) -> bool:
        """Whether the current page's own http(s) images may be fetched."""
        return self._remote_images

    @remote_images.setter
    def remote_images(self, allowed: bool) -> None:
        self._remote_images = allowed
        if allowed and self.rendered is not None:
            self.images.provide()

    def _install(self, document: QTextDocument) -> None:
        self._scroll_animation.stop()
        for name in [n for n, layer in self._layers.items() if n and layer]:
            # Dropped while the old document is still shown, which costs little.
            self.set_selection_layer(name, [])
        # A child document routes loadResource() here; Qt deletes only its own first one.
        # (Which document is this view's own is remembered: asking the first one for its
        # parent, Qt's internal text control, costs 20 ms of type set-up in the bindings.)
        previous, self._own_document = self._own_document, document
        document.setParent(self)
        self.setDocument(document)
        if previous is not None and previous is not document:
            previous.deleteLater()
        self._apply_palette()
        self._update_column()

    def set_selection_layer(self, name: str,
                            selections: Sequence[QTextEdit.ExtraSelection]) -> None:
        """Show ``selections`` as layer ``name``, over the layers set before it.

        Fact highlights (set with :meth:`setExtraSelections`) are the bottom layer; find
        matches form another, so neither replaces the other. A new document drops every layer.
        """
        self._layers[name] = list(selections)
        super().setExtraSelections([s for layer in self._layers.values() for s in layer])

    def selection_layer(self, name: str) -> list[QTextEdit.ExtraSelection]:
        """The extra selections of layer ``name`` (none when it was never set)."""
        return list(self._layers.get(name, ()))

    def setExtraSelections(self, selections: Sequence[QTextEdit.ExtraSelection]) -> None:
        """Set the bottom layer of extra selections (see :meth:`set_selection_layer`)."""
        self.set_selection_layer("", selections)

    def _apply_palette(self) -> None:
        theme = self.reading_style.colours
        palette = self.palette()
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            palette.setColor(group, QPalette.ColorRole.Base, QColor(theme.background))
            palette.setColor(group, QPalette.ColorRole.Text, QColor(theme.text))
            palette.setColor(group, QPalette.ColorRole.Highlight,
                             QColor(theme.selection_background))
            palette.setColor(group, QPalette.ColorRole.HighlightedText,
                             QColor(theme.selection_text))
            palette.setColor(group, QPalette.ColorRole.Link, QColor(theme.link))
        self.setPalette(palette)

    # -- column ----------------------------------------------------------------------------

    def column_width(self) -> int:
        """Width in pixels of ``style.column_chars`` average characters of the body font."""
        metrics = QFontMetricsF(self.reading_style.body_font())
        average = metrics.horizontalAdvance(_SAMPLE) / len(_SAMPLE)
        return round(average * self.reading_style.column_chars)

    def text_width(self) -> int:
        """Width in pixels of the text column as laid out (at least 16)."""
        return max(16, self.viewport().width() - 2 * self._side_margin())

    def _side_margin(self) -> int:
        width = self.viewport().width()
        em = em_pixels(self.reading_style)
        padding = round(1.4 * em) if width > 40 * em else round(0.8 * em)
        return max(padding, (width - self.column_width()) // 2)

    def _update_column(self) -> None:
        """Centre the text column by setting the document's side margins."""
        document = self.document()
        side = self._side_margin()
        frame = document.rootFrame()
        fmt = frame.frameFormat()
        if fmt.leftMargin() != side or fmt.rightMargin() != side:
            fmt.setLeftMargin(side)
            fmt.setRightMargin(side)
            frame.setFrameFormat(fmt)
        self.images.fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Keep the column centred and the reading position when the width changes."""
        width_changed = event.size().width() != event.oldSize().width()
        anchor = self.top_text_offset() if width_changed and self.rendered else None
        super().resizeEvent(event)
        if width_changed:
            self._update_column()
            if anchor is not None and self.verticalScrollBar().value() > 0:
                self.scroll_to_text_offset(anchor)

    # -- reading position -----------------------------------------------------------------

    def _ensure_layout(self) -> None:
        self.document().documentLayout().documentSize()

    def scroll_fraction(self) -> float:
        """How far down the article the view is, from 0 (top) to 1 (bottom)."""
        bar = self.verticalScrollBar()
        return bar.value() / bar.maximum() if bar.maximum() > 0 else 0.0

    def set_scroll_fraction(self, fraction: float) -> None:
        """Scroll to ``fraction`` (0..1) of the article at once."""
        self._ensure_layout()
        bar = self.verticalScrollBar()
        self._jump(round(max(0.0, min(1.0, fraction)) * bar.maximum()))

    def top_text_offset(self) -> int:
        """Article-text offset at the start of the first visible line (0 without an article)."""
        if self.rendered is None:
            return 0
        self._ensure_layout()
        x = self.document().rootFrame().frameFormat().leftMargin() + 1
        position = self.cursorForPosition(QPoint(round(x), 1)).position()
        return self.rendered.offsets.to_text(position)

    def scroll_to_text_offset(self, offset: int) -> None:
        """Scroll so that the line holding article-text ``offset`` is the first visible one."""
        if self.rendered is None:
            return
        self._ensure_layout()
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.rendered.offsets.to_document(offset))
        bar = self.verticalScrollBar()
        self._jump(bar.value() + self.cursorRect(cursor).top())

    def _jump(self, value: int) -> None:
        self._scroll_animation.stop()
        self.verticalScrollBar().setValue(value)


    # -- images ----------------------------------------------------------------------------

    def loadResource(self, type_: int, name: QUrl | str) -> object:
        """Images come from the view's cache only; nothing is read or fetched here."""
        if type_ == QTextDocument.ResourceType.ImageResource.value:
            return self.images.image(name.toString() if isinstance(name, QUrl) else name)
        return None

    def stop_images(self) -> None:
        """Cancel every image load still running (their results are dropped)."""
        self.images.stop()

    @property
    def loading_images(self) -> bool:
        """Whether images of the current article are still being loaded."""
        return self.images.loading

