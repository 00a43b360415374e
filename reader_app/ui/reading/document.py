"""Article → QTextDocument, built with a cursor, and the map from text offsets to positions.

The document is built piece by piece with :class:`QTextCursor`, recording where each piece of
:attr:`Article.text` lands, so fact offsets map to exact document positions. Qt positions
count UTF-16 code units; :class:`OffsetMap` converts.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QGuiApplication,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFrameFormat,
    QTextImageFormat,
    QTextLength,
    QTextListFormat,
    QTextTableCellFormat,
    QTextTableFormat,
)

from reader_app.core.model import POST_STAMP_LEVEL, Article, Block, Span
from reader_app.core.render import meta_line as core_meta_line
from reader_app.core.spans import split_spans

from ..style.theme import SANS_FAMILIES, ReadingStyle, make_font, mix
from .inline_format import inline_format
from .offsets import ImageRef, OffsetMap, RenderedArticle, Segment
from .table_cells import cell_padding, whole

_PROPORTIONAL = int(QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
#: Characters Qt would turn into block or frame boundaries; inserted as line separators
#: (line breaks) or a replacement character instead, one code unit for one.
_BREAKS = str.maketrans({"\n": "\u2028", "\r": "\u2028", "\u2029": "\u2028",
                         "\ufdd0": "\ufffd", "\ufdd1": "\ufffd"})


def em_pixels(style: ReadingStyle) -> float:
    """The body size in logical pixels on the primary screen (96 dpi without one)."""
    screen = QGuiApplication.primaryScreen()
    dpi = screen.logicalDotsPerInchY() if screen is not None else 96.0
    return style.font_size * dpi / 72


def image_url(src: str, base: str | None) -> str:
    """``src`` resolved against the article's URL."""
    url = QUrl(src)
    if base and url.isRelative():
        url = QUrl(base).resolved(url)
    return url.toString()


def _is_post_stamp(text: str) -> bool:
    """``core.post_stamps.is_post_stamp``, loaded only for a heading at a post's level (its
    patterns would cost the window's start-up otherwise)."""
    from reader_app.core.post_stamps import is_post_stamp

    return is_post_stamp(text)


class DocumentBuilder:
    """Appends formatted pieces to a document and records where article text lands."""

    def __init__(self, style: ReadingStyle) -> None:
        self.style = style
        self.theme = style.colours
        self.em = em_pixels(style)
        self.document = QTextDocument()
        self.document.setUndoRedoEnabled(False)
        self.document.setDocumentMargin(0)
        self.document.setDefaultFont(style.body_font())
        self.document.setIndentWidth(round(1.7 * self.em))
        root = self.document.rootFrame().frameFormat()
        root.setTopMargin(round(2.2 * self.em))
        root.setBottomMargin(round(3.5 * self.em))
        root.setLeftMargin(round(1.5 * self.em))
        root.setRightMargin(round(1.5 * self.em))
        root.setBackground(QColor(self.theme.background))
        self.document.rootFrame().setFrameFormat(root)
        self.cursor = QTextCursor(self.document)
        self.segments: list[Segment] = []
        self.images: list[ImageRef] = []
        self._fresh = True  # the cursor's block is empty and still unused

    # -- formats -------------------------------------------------------------------------

    def char_format(self, *, scale: float = 1.0, colour: str | None = None, bold: bool = False,
                    italic: bool = False, mono: bool = False) -> QTextCharFormat:
        fmt = QTextCharFormat()
        fmt.setFont(self.style.mono_font(0.87 * scale) if mono else self.style.body_font(scale))
        fmt.setForeground(QColor(colour or self.theme.text))
        if bold:
            fmt.setFontWeight(QFont.Weight.Bold)
        fmt.setFontItalic(italic)
        return fmt

    def block_format(self, *, top: float = 0.0, bottom: float = 0.85, leading: float | None = None,
                     align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft) -> QTextBlockFormat:
        fmt = QTextBlockFormat()
        fmt.setTopMargin(round(top * self.em))
        fmt.setBottomMargin(round(bottom * self.em))
        fmt.setLineHeight(100 * (leading or self.style.line_height), _PROPORTIONAL)
        fmt.setAlignment(align)
        return fmt

    # -- low-level insertion ---------------------------------------------------------------

    def start_block(self, block: QTextBlockFormat, char: QTextCharFormat) -> None:
        """Start a new block (reusing the current one if it is still empty)."""
        if self._fresh:
            self.cursor.setBlockFormat(block)
            self.cursor.setBlockCharFormat(char)
        else:
            self.cursor.insertBlock(block, char)
        self._fresh = False

    def put(self, text: str, fmt: QTextCharFormat, offset: int | None,
            cursor: QTextCursor | None = None, spans: Sequence[Span] = ()) -> None:
        """Insert ``text`` (article text at ``offset``, or unmapped if ``None``) with its
        inline ``spans``; the text goes in unchanged, so the offsets stay exact."""
        cursor = cursor or self.cursor
        if offset is not None:  # empty pieces too: they anchor ranges ending at a blank line
            self.segments.append(Segment(offset, cursor.position(), text))
        if not spans:
            if text:
                cursor.insertText(text.translate(_BREAKS), fmt)
            return
        cuts = sorted({0, len(text), *(p for s in spans for p in (s.start, s.end)
                                      if 0 < p < len(text))})
        for start, end in pairwise(cuts):
            active = [s for s in spans if s.start <= start and end <= s.end]
            piece = text[start:end].translate(_BREAKS)
            cursor.insertText(piece, inline_format(fmt, active, self.style) if active else fmt)

    def lines(self, text: str, offset: int | None) -> list[tuple[str, int | None]]:
        """``text`` split at newlines, each line with its own offset."""
        out: list[tuple[str, int | None]] = []
        pos = offset
        for line in text.split("\n"):
            out.append((line, pos))
            if pos is not None:
                pos += len(line) + 1
        return out

    def to_end(self) -> None:
        """Move past a table or frame into the (empty) block that follows it."""
        self.cursor.movePosition(QTextCursor.MoveOperation.End)
        self._fresh = True

    # -- parts -----------------------------------------------------------------------------

    def title(self, text: str, offset: int | None) -> None:
        fmt = self.char_format(scale=1.75, colour=self.theme.heading, bold=True)
        block = self.block_format(bottom=0.45, leading=1.18)
        block.setHeadingLevel(1)
        self.start_block(block, fmt)
        self.put(text, fmt, offset)

    def meta(self, text: str) -> None:
        fmt = self.char_format(scale=0.84, colour=self.theme.muted)
        fmt.setFont(make_font(SANS_FAMILIES, self.style.font_size * 0.84))
        self.start_block(self.block_format(bottom=1.0, leading=1.4), fmt)
        self.put(text, fmt, None)

    def rule(self) -> None:
        """A thin horizontal rule across the column."""
        block = self.block_format(bottom=1.6, leading=1.0)
        block.setProperty(QTextBlockFormat.Property.BlockTrailingHorizontalRulerWidth,
                          QTextLength(QTextLength.Type.PercentageLength, 100))
        block.setBackground(QBrush(QColor(self.theme.rule)))
        fmt = self.char_format(scale=0.3)
        self.start_block(block, fmt)

    def heading(self, text: str, level: int, offset: int | None,
                spans: Sequence[Span] = ()) -> None:
        level = min(max(level, 1), 6)
        if level == POST_STAMP_LEVEL and _is_post_stamp(text):
            self.post_stamp(text, offset, spans)
            return
        scale = {1: 1.55, 2: 1.34, 3: 1.17}.get(level, 1.05)
        fmt = self.char_format(scale=scale, colour=self.theme.heading, bold=True)
        block = self.block_format(top=1.25 if level <= 2 else 0.9, bottom=0.45, leading=1.25)
        block.setHeadingLevel(level)
        self.start_block(block, fmt)
        self.put(text, fmt, offset, spans=spans)

    def post_stamp(self, text: str, offset: int | None, spans: Sequence[Span] = ()) -> None:
        """A post's time line: a quiet heading in the muted sans, with room above it."""
        fmt = self.char_format(colour=self.theme.muted)
        fmt.setFont(make_font(SANS_FAMILIES, self.style.font_size))
        fmt.setFontWeight(QFont.Weight.DemiBold)
        block = self.block_format(top=1.6, bottom=0.2, leading=1.25)
        block.setHeadingLevel(POST_STAMP_LEVEL)
        self.start_block(block, fmt)
        self.put(text, fmt, offset, spans=spans)

    def paragraph(self, text: str, offset: int | None, spans: Sequence[Span] = ()) -> None:
        fmt = self.char_format()
        self.start_block(self.block_format(align=self.style.alignment()), fmt)
        self.put(text, fmt, offset, spans=spans)

    def list(self, text: str, ordered: bool, offset: int | None,
             spans: Sequence[Span] = (), start: int = 1) -> None:
        fmt = self.char_format()
        items = self.lines(text, offset)
        item_spans = [s for _t, s in split_spans(text, spans, "\n")]
        list_format = QTextListFormat()
        list_format.setStyle(QTextListFormat.Style.ListDecimal if ordered
                             else QTextListFormat.Style.ListDisc)
        list_format.setIndent(1)
        list_format.setStart(start)
        text_list = None
        for index, (item, item_offset) in enumerate(items):
            last = index == len(items) - 1
            block = self.block_format(bottom=0.85 if last else 0.45, align=self.style.alignment())
            self.start_block(block, fmt)
            if text_list is None:
                text_list = self.cursor.createList(list_format)
            else:
                text_list.add(self.cursor.block())
            self.put(item, fmt, item_offset, spans=item_spans[index])

    def quote(self, text: str, offset: int | None, spans: Sequence[Span] = ()) -> None:
        """A block quote: a coloured bar beside the indented text."""
        table_format = QTextTableFormat()
        table_format.setBorder(0)
        table_format.setCellSpacing(0)
        table_format.setCellPadding(0)
        table_format.setTopMargin(round(0.3 * self.em))
        table_format.setBottomMargin(round(1.1 * self.em))
        table_format.setLeftMargin(round(0.1 * self.em))
        table_format.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
        table_format.setColumnWidthConstraints([
            QTextLength(QTextLength.Type.FixedLength, max(3, round(0.2 * self.em))),
            QTextLength(QTextLength.Type.VariableLength, 0),
        ])
        table = self.cursor.insertTable(1, 2, table_format)
        bar_format = QTextTableCellFormat()
        bar_format.setBackground(QColor(self.theme.quote_bar))
        table.cellAt(0, 0).setFormat(bar_format)
        body = table.cellAt(0, 1)
        fmt = self.char_format(colour=mix(self.theme.text, self.theme.muted, 0.3), italic=True)
        cursor = body.firstCursorPosition()
        lines = self.lines(text, offset)
        line_spans = [s for _t, s in split_spans(text, spans, "\n")]
        for index, (line, line_offset) in enumerate(lines):
            block = self.block_format(bottom=0.0 if index == len(lines) - 1 else 0.6,
                                      align=self.style.alignment())
            if index:
                cursor.insertBlock(block, fmt)
            else:
                cursor.setBlockFormat(block)
                cursor.setBlockCharFormat(fmt)
            self.put(line, fmt, line_offset, cursor, spans=line_spans[index])
        # A cell's format lives on its first character: set it after the blocks' formats.
        body_format = QTextTableCellFormat()
        body_format.setLeftPadding(round(1.1 * self.em))
        body.setFormat(body_format)
        self.to_end()

    def code(self, text: str, offset: int | None) -> None:
        frame_format = QTextFrameFormat()
        frame_format.setBackground(QColor(self.theme.code_background))
        frame_format.setBorder(0)
        frame_format.setPadding(round(0.8 * self.em))
        frame_format.setTopMargin(round(0.2 * self.em))
        frame_format.setBottomMargin(round(1.0 * self.em))
        self.cursor.insertFrame(frame_format)
        self._fresh = True
        fmt = self.char_format(mono=True)
        for line, line_offset in self.lines(text, offset):
            self.start_block(self.block_format(bottom=0.0, leading=1.4), fmt)
            self.put(line, fmt, line_offset)
        self.to_end()

    def table(self, text: str, offset: int | None, keys: bool = False,
              spans: Sequence[Span] = ()) -> None:
        """A table with horizontal rules; a first row of several is set as the header.

        With ``keys``, the first column below the header is set in monospace (key names).
        """
        rows = [(line.split("\t"), line_offset) for line, line_offset in self.lines(text, offset)]
        cell_spans = [[s for _c, s in split_spans(row, row_spans, "\t")]
                      for row, row_spans in split_spans(text, spans, "\n")]
        columns = max(len(cells) for cells, _ in rows)
        header = len(rows) > 1
        table_format = QTextTableFormat()
        table_format.setBorder(0)
        table_format.setBorderCollapse(True)
        table_format.setCellSpacing(0)
        table_format.setCellPadding(padding := cell_padding(columns, self.em))
        table_format.setTopMargin(round(0.3 * self.em))
        table_format.setBottomMargin(round(1.2 * self.em))
        table_format.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
        table_format.setHeaderRowCount(1 if header else 0)
        table = self.cursor.insertTable(len(rows), columns, table_format)
        for row, (cells, _) in enumerate(rows):
            if len(cells) < columns:
                table.mergeCells(row, len(cells) - 1, 1, columns - len(cells) + 1)
        rule = QBrush(QColor(self.theme.rule))
        strong_rule = QBrush(QColor(mix(self.theme.rule, self.theme.text, 0.45)))
        for row, (cells, row_offset) in enumerate(rows):
            bold = header and row == 0
            fmt = self.char_format(scale=0.92, bold=bold,
                                   colour=self.theme.heading if bold else None)
            key_fmt = self.char_format(scale=0.92 / 0.87, mono=True) if keys and not bold else fmt
            cell_format = QTextTableCellFormat()
            cell_format.setVerticalAlignment(QTextCharFormat.VerticalAlignment.AlignBaseline)
            cell_format.setBottomBorder(1.5 if bold else 1)
            cell_format.setBottomBorderBrush(strong_rule if bold else rule)
            cell_format.setBottomBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
            cell_offset = row_offset
            for column, cell_text in enumerate(cells):
                cell = table.cellAt(row, column)
                cursor = cell.firstCursorPosition()
                cursor.setBlockFormat(whole(self.block_format(bottom=0.0, leading=1.35), cell_text))
                self.put(cell_text, key_fmt if column == 0 else fmt, cell_offset, cursor,
                         spans=cell_spans[row][column])
                # A cell's format lives on its first character: set it after the text's.
                cell_format.setLeftPadding(0 if column == 0 else padding)
                cell.setFormat(cell_format)
                if cell_offset is not None:
                    cell_offset += len(cell_text) + 1
        self.to_end()

    def image(self, block: Block, base: str | None, offset: int | None) -> None:
        centred = self.block_format(top=0.3, bottom=0.45 if block.text else 1.1, leading=1.0,
                                    align=Qt.AlignmentFlag.AlignHCenter)
        if block.src:
            self.start_block(centred, self.char_format())
            name = image_url(block.src, base)
            image_format = QTextImageFormat()
            image_format.setName(name)
            label = " ".join((block.alt or block.text).split())
            if label:
                image_format.setToolTip(label)
            self.images.append(ImageRef(self.cursor.position(), name, label))
            self.cursor.insertImage(image_format)
        if block.text:
            fmt = self.char_format(scale=0.86, colour=self.theme.muted, italic=True)
            self.start_block(self.block_format(bottom=1.2, leading=1.4,
                                               align=Qt.AlignmentFlag.AlignHCenter), fmt)
            self.put(block.text, fmt, offset)

    def block(self, block: Block, base: str | None, offset: int | None) -> None:
        spans = [s for s in block.spans if s.kind != "br"]  # the text holds its line breaks
        if block.kind == "heading":
            self.heading(block.text, block.level or 2, offset, spans)
        elif block.kind == "list":
            self.list(block.text, block.ordered, offset, spans, block.start)
        elif block.kind == "quote":
            self.quote(block.text, offset, spans)
        elif block.kind == "code":
            self.code(block.text, offset)
        elif block.kind == "table":
            self.table(block.text, offset, spans=spans)
        elif block.kind == "image":
            self.image(block, base, offset)
        else:
            self.paragraph(block.text, offset, spans)


def meta_line(article: Article) -> str:
    """Byline · site · date · N min read."""
    credits = core_meta_line(article)
    return " · ".join(p for p in (credits, f"{article.reading_minutes} min read") if p)


def render_article(article: Article, style: ReadingStyle) -> RenderedArticle:
    """Set ``article`` as a document in ``style``; see :class:`OffsetMap` for the positions."""
    builder = DocumentBuilder(style)
    builder.document.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle,
                                        article.title)
    if article.url:
        builder.document.setBaseUrl(QUrl(article.url))
    starts = iter([start for start, _end, _block in article.spans()])
    if article.title:
        builder.title(article.title, next(starts))
    builder.meta(meta_line(article))
    builder.rule()
    for block in article.blocks:
        offset = next(starts) if block.text else None
        if block.text or (block.kind == "image" and block.src):
            builder.block(block, article.url, offset)
    return RenderedArticle(article, style, builder.document, OffsetMap(builder.segments),
                           tuple(builder.images))
