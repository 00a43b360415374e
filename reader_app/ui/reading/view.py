"""The reading view: a read-only QTextBrowser showing one rendered article in a centred column."""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import (
    QEasingCurve,
    QPoint,
    QPointF,
    Qt,
    QUrl,
    QVariantAnimation,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QFontMetricsF,
    QGuiApplication,
    QImage,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPalette,
    QResizeEvent,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QFrame, QMenu, QTextBrowser, QTextEdit, QWidget

from reader_app.core.images import ImageSource, find_image, read_image
from reader_app.core.model import Article

from ..executor.service import Executor, Outcome, Task, Token
from ..style.theme import ReadingStyle
from .document import ImageRef, RenderedArticle, em_pixels, render_article, render_start_page
from .images import decode_image, missing_image, placeholder_image
from .link_focus import LinkFocus

#: Images are at most this many column widths tall (portraits stay within a screen or so).
TALLEST_IMAGE = 1.2

#: Alpha of the black veil over images on a dark page (0..255), so they do not glare.
DARK_IMAGE_DIM = 36

#: Text used to measure the average character width of the body font.
_SAMPLE = "The quick brown fox jumps over the lazy dog, and then, quietly, it reads on."


class ReaderView(QTextBrowser):
    """Shows an article (or the start page) and keeps its text column readable at any width.

    Signals:
        link_clicked(QUrl, bool): a link was activated; ``True`` asks to open it in the system
            browser (Ctrl+click or the context menu), ``False`` to open it in Reader.
        link_hovered(QUrl): the mouse or the keyboard is on a link (an empty URL: no longer).
        link_chosen(bool): a link was chosen with the keyboard (``False``: none is now).
        article_rendered(RenderedArticle): an article was set as a new document (also when
            :meth:`set_style` re-renders it; highlights of the old document are gone).
        image_loaded(str): an image of the current article arrived and is now shown.
        images_finished(): every image load started for the current article has ended.
    """

    link_clicked = Signal(QUrl, bool)
    link_hovered = Signal(QUrl)
    link_chosen = Signal(bool)
    article_rendered = Signal(object)
    image_loaded = Signal(str)
    images_finished = Signal()

    #: Duration of an animated scroll, in milliseconds (0 scrolls at once).
    SCROLL_MS = 110

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
        self._images: dict[str, QImage] = {}
        #: Stand-ins for images that cannot be shown (not allowed, unreadable, undecodable).
        self._missing: dict[str, QImage] = {}
        self._failed: set[str] = set()
        self._requested: set[str] = set()
        self._pending: dict[str, Task[bytes]] = {}
        self._generation = 0
        self._modifiers = Qt.KeyboardModifier.NoModifier
        self.link_focus = LinkFocus(self)
        self._placeholder = placeholder_image()
        #: Extra selections by layer, painted in this order (facts, then find matches).
        self._layers: dict[str, list[QTextEdit.ExtraSelection]] = {"": []}
        self._scroll_animation = QVariantAnimation(self)
        self._scroll_animation.setEasingCurve(QEasingCurve.Type.OutCubic)
        self._connect_signals()
        self._apply_palette()

    def _connect_signals(self) -> None:
        self.anchorClicked.connect(self.on_anchor_clicked)
        self.highlighted.connect(self.on_link_highlighted)
        self._scroll_animation.valueChanged.connect(self.on_scroll_animated)

    # -- showing ---------------------------------------------------------------------------

    def show_article(self, article: Article, style: ReadingStyle) -> RenderedArticle:
        """Render ``article`` in ``style`` and show it from the top."""
        if self.rendered is None or self.rendered.article is not article:
            self._forget_images()
        self.reading_style = style
        self._start_page = False
        rendered = render_article(article, style)
        self.rendered = None
        self._install(rendered.document)
        self.rendered = rendered
        self._provide_images()
        self._jump(0)
        self.article_rendered.emit(rendered)
        return rendered

    def show_document(self, document: QTextDocument) -> None:
        """Show a document that is not an article (such as the start page).

        The view takes ownership: the document is deleted when another one replaces it.
        """
        self._forget_images()
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
            self._provide_images()

    def _install(self, document: QTextDocument) -> None:
        self._scroll_animation.stop()
        for name in [n for n, layer in self._layers.items() if n and layer]:
            # Dropped while the old document is still shown, which costs little.
            self.set_selection_layer(name, [])
        previous = self.document()
        owned = previous is not document and previous.parent() is self
        # A child document routes loadResource() here; Qt deletes only its own first one.
        document.setParent(self)
        self.setDocument(document)
        if owned:
            previous.deleteLater()
        self.link_focus.reset(document)
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
        self._fit_images()

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

    # -- scrolling -------------------------------------------------------------------------

    def line_step(self) -> int:
        """Pixels of one body line."""
        metrics = QFontMetricsF(self.reading_style.body_font())
        return max(1, round(metrics.lineSpacing() * self.reading_style.line_height))

    def scroll_lines(self, lines: int) -> None:
        """Scroll down (positive) or up by ``lines`` body lines."""
        self._scroll_by(lines * self.line_step())

    def scroll_pages(self, pages: int) -> None:
        """Scroll by whole screens, keeping one line of the previous screen in view.

        The new screen starts with a whole line: one that the plain step would cut at the
        top is shown from its top.
        """
        page = max(self.line_step(), self.viewport().height() - self.line_step())
        target = self.scroll_target() + pages * page
        self._animate_to(self._line_top_at(target))

    def _line_top_at(self, y: int) -> int:
        """The top of the text line that document height ``y`` falls in (``y`` between lines)."""
        self._ensure_layout()
        document = self.document()
        layout = document.documentLayout()
        x = document.rootFrame().frameFormat().leftMargin() + 1
        position = layout.hitTest(QPointF(x, y), Qt.HitTestAccuracy.FuzzyHit)
        block = document.findBlock(max(0, position))
        if not block.isValid() or block.layout() is None:
            return y
        line = block.layout().lineForTextPosition(position - block.position())
        if not line.isValid():
            return y
        top = layout.blockBoundingRect(block).top() + line.y()
        # A line cut by less than a pixel is whole on screen.
        return math.floor(top) if top + 1 <= y < top + line.height() else y

    def scroll_to_top(self) -> None:
        """Scroll to the start of the article."""
        self._animate_to(0)

    def scroll_to_bottom(self) -> None:
        """Scroll to the end of the article."""
        self._ensure_layout()
        self._animate_to(self.verticalScrollBar().maximum())

    def scroll_target(self) -> int:
        """Where the scroll bar is heading (its value once any animation ends)."""
        if self._scroll_animation.state() == QVariantAnimation.State.Running:
            return int(self._scroll_animation.endValue())
        return self.verticalScrollBar().value()

    def _scroll_by(self, pixels: int) -> None:
        self._animate_to(self.scroll_target() + pixels)

    def _animate_to(self, value: int) -> None:
        bar = self.verticalScrollBar()
        value = max(bar.minimum(), min(bar.maximum(), value))
        self._scroll_animation.stop()
        if self.SCROLL_MS <= 0 or value == bar.value():
            bar.setValue(value)
            return
        self._scroll_animation.setDuration(self.SCROLL_MS)
        self._scroll_animation.setStartValue(bar.value())
        self._scroll_animation.setEndValue(value)
        self._scroll_animation.start()

    def _jump(self, value: int) -> None:
        self._scroll_animation.stop()
        self.verticalScrollBar().setValue(value)

    @Slot(object)
    def on_scroll_animated(self, value: object) -> None:
        self.verticalScrollBar().setValue(int(value))  # type: ignore[call-overload]

    # -- links -----------------------------------------------------------------------------

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        """Remember the modifiers of the click that may activate a link."""
        self._modifiers = event.modifiers()
        super().mouseReleaseEvent(event)

    @Slot(QUrl)
    def on_anchor_clicked(self, url: QUrl) -> None:
        external = bool(self._modifiers & Qt.KeyboardModifier.ControlModifier)
        self._modifiers = Qt.KeyboardModifier.NoModifier
        self.link_clicked.emit(self._resolve(url), external)

    @Slot(QUrl)
    def on_link_highlighted(self, url: QUrl) -> None:
        self.link_hovered.emit(self._resolve(url) if not url.isEmpty() else QUrl())

    def focus_link(self, step: int) -> bool:
        """Choose the next (``step`` 1) or previous (-1) link on screen (see :class:`LinkFocus`)."""
        return self.link_focus.move(step)

    def activate_link(self, external: bool) -> bool:
        """Follow the chosen link (in the desktop's browser when ``external``); ``False`` when
        no link is chosen."""
        url = self.link_focus.chosen()
        if url is None:
            return False
        self.link_clicked.emit(url, external)
        return True

    def resolve(self, url: QUrl) -> QUrl:
        """``url`` resolved against the shown document's address."""
        return self._resolve(url)

    def _resolve(self, url: QUrl) -> QUrl:
        base = self.document().baseUrl()
        return base.resolved(url) if url.isRelative() and not base.isEmpty() else url

    def context_menu(self, pos: QPoint) -> QMenu:
        """The context menu for viewport position ``pos``: link entries, Copy, Select All."""
        menu = QMenu(self)
        anchor = self.anchorAt(pos)
        if anchor:
            url = self._resolve(QUrl(anchor))
            menu.addAction("Open Link in Browser", lambda: self.link_clicked.emit(url, True))
            menu.addAction("Copy Link", lambda: QGuiApplication.clipboard().setText(
                url.toString()))
            menu.addSeparator()
        copy = menu.addAction("Copy", self.copy)
        copy.setShortcut(QKeySequence.StandardKey.Copy)
        copy.setEnabled(self.textCursor().hasSelection())
        select_all = menu.addAction("Select All", self.selectAll)
        select_all.setShortcut(QKeySequence.StandardKey.SelectAll)
        return menu

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        """Show :meth:`context_menu`."""
        menu = self.context_menu(event.pos())
        menu.exec(event.globalPos())
        menu.deleteLater()

    # -- images ----------------------------------------------------------------------------

    def loadResource(self, type_: int, name: QUrl | str) -> object:
        """Images come from the view's cache only; nothing is read or fetched here."""
        if type_ == QTextDocument.ResourceType.ImageResource.value:
            key = name.toString() if isinstance(name, QUrl) else name
            return self._images.get(key, self._placeholder)
        return None

    def _forget_images(self) -> None:
        self.stop_images()
        self._generation += 1
        self._images.clear()
        self._missing.clear()
        self._failed.clear()
        self._requested.clear()

    def stop_images(self) -> None:
        """Cancel every image load still running (their results are dropped)."""
        for task in self._pending.values():
            task.cancel()
        self._pending.clear()

    def _provide_images(self) -> None:
        """Give the document every image it can have now and start loading the others."""
        rendered = self.rendered
        if rendered is None:
            return
        document = rendered.document
        self._missing.clear()
        kind = QTextDocument.ResourceType.ImageResource.value
        for ref in rendered.images:
            image = self._images.get(ref.name)
            if image is not None:
                document.addResource(kind, QUrl(ref.name), self._shown(image))
                continue
            source = None
            if ref.name not in self._failed and ref.name not in self._requested:
                source = find_image(ref.name, rendered.article, self._remote_images)
            if ref.name in self._failed or (source is None and ref.name not in self._requested):
                document.addResource(kind, QUrl(ref.name), self._stand_in(ref))
                continue
            document.addResource(kind, QUrl(ref.name), self._placeholder)  # still loading
            if source is not None:
                self._requested.add(ref.name)
                self._pending[ref.name] = self._load_image(source)
        self._fit_images()

    def _stand_in(self, ref: ImageRef) -> QImage:
        """The quiet placeholder telling ``ref``'s label in place of its picture."""
        image = self._missing.get(ref.name)
        if image is None:
            style = self.reading_style
            image = missing_image(ref.label, style.body_font(0.86), style.colours.muted,
                                  style.colours.rule, self.column_width())
            self._missing[ref.name] = image
        return image

    def _load_image(self, source: ImageSource) -> Task[bytes]:
        generation = self._generation

        def work(token: Token) -> bytes:
            return read_image(source, cancelled=token.cancelled)

        return self.executor.submit(
            "images", work,
            on_done=lambda outcome: self.on_image_read(generation, source.name, outcome))

    @property
    def loading_images(self) -> bool:
        """Whether images of the current article are still being loaded."""
        return bool(self._pending)

    def on_image_read(self, generation: int, name: str, outcome: Outcome[bytes]) -> None:
        if generation != self._generation or self.rendered is None or outcome.cancelled:
            return
        self._pending.pop(name, None)
        image = decode_image(outcome.value) if outcome.value else QImage()
        if image.isNull():
            self._failed.add(name)
            for ref in self.rendered.images:
                if ref.name == name:
                    self.rendered.document.addResource(
                        QTextDocument.ResourceType.ImageResource.value, QUrl(name),
                        self._stand_in(ref))
                    break
            self._fit_images()
        else:
            self._images[name] = image
            self.rendered.document.addResource(QTextDocument.ResourceType.ImageResource.value,
                                               QUrl(name), self._shown(image))
            self._fit_images()
            self.image_loaded.emit(name)
        if not self._pending:
            self.images_finished.emit()

    def _shown(self, image: QImage) -> QImage:
        """``image`` as shown in the current theme: a little dimmer on a dark page."""
        if not self.reading_style.colours.dark:
            return image
        out = image.convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)
        painter = QPainter(out)
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceAtop)
        painter.fillRect(out.rect(), QColor(0, 0, 0, DARK_IMAGE_DIM))
        painter.end()
        return out

    def _fit_images(self) -> None:
        """Give every loaded image its size, scaled down to fit the column (see TALLEST_IMAGE)."""
        rendered = self.rendered
        if rendered is None or rendered.document is not self.document():
            return
        column = max(16, self.viewport().width() - 2 * self._side_margin())
        cursor = QTextCursor(rendered.document)
        for ref in rendered.images:
            image = self._images.get(ref.name)
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

