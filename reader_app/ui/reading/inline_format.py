"""Character formats of inline spans in the reading view: emphasis, strong, code, sub/sup, links."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QColor, QFont, QTextCharFormat

from reader_app.core.model import Span

from ..style.theme import ReadingStyle, mix


def inline_format(
    base: QTextCharFormat, spans: Sequence[Span], style: ReadingStyle
) -> QTextCharFormat:
    """``base`` with the emphasis, code, sub/sup and link of ``spans`` applied.

    Emphasis inside italic text (a quote, a caption) is set upright, as in print; a link
    keeps its address as the anchor's href (relative ones resolve against the document).
    """
    theme = style.colours
    fmt = QTextCharFormat(base)
    for span in spans:
        if span.kind == "em":
            fmt.setFontItalic(not base.fontItalic())
        elif span.kind == "strong":
            fmt.setFontWeight(QFont.Weight.Bold)
        elif span.kind == "code":
            size = base.font().pointSizeF() if base.font().pointSizeF() > 0 else style.font_size
            mono = style.mono_font(0.87 * size / style.font_size)
            fmt.setFontFamilies(mono.families())
            fmt.setFontStyleHint(QFont.StyleHint.Monospace)
            fmt.setFontPointSize(mono.pointSizeF())
            fmt.setBackground(QColor(theme.code_background))
        elif span.kind == "sub":
            fmt.setVerticalAlignment(QTextCharFormat.VerticalAlignment.AlignSubScript)
        elif span.kind == "sup":
            fmt.setVerticalAlignment(QTextCharFormat.VerticalAlignment.AlignSuperScript)
        elif span.kind == "link" and span.href:
            fmt.setAnchor(True)
            fmt.setAnchorHref(span.href)
            fmt.setForeground(QColor(theme.link))
            fmt.setFontUnderline(True)
            fmt.setUnderlineColor(QColor(mix(theme.link, theme.background, 0.45)))
    return fmt
