"""The page shown when no article is open: how to open one, and the main keys."""

from __future__ import annotations

from PySide6.QtGui import QTextDocument

from ..style.theme import ReadingStyle
from ..style.theme_names import THEME_NAMES
from .document import DocumentBuilder


def render_start_page(style: ReadingStyle) -> QTextDocument:
    """The page shown when no article is open: how to open one, and the main keys."""
    builder = DocumentBuilder(style)
    builder.document.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, "Reader")
    builder.title("Reader", None)
    builder.meta("Clean article text from cluttered web pages, with its key facts beside it.")
    builder.rule()
    builder.heading("Open an article", 2, None)
    builder.list(
        "Drag a saved page (.html, .htm, .xhtml, .mhtml) or a link from your browser "
        "onto this window\n"
        "Press Ctrl+O to choose a saved page\n"
        "Press Ctrl+L (or o) and type a web address or a file path\n"
        "Start Reader with pages to open from a terminal:",
        False, None,
    )
    builder.code("reader-app PAGE.html https://example.org/story", None)
    builder.heading("Keys", 2, None)
    builder.table(
        "Keys\tAction\n"
        "j / k, Space / Shift+Space\tScroll a line / a page\n"
        "Home / End\tTop / bottom of the article\n"
        "/ or Ctrl+F\tFind in the article\n"
        "f, F9\tFocus / show the facts panel\n"
        "h\tHighlight facts in the text\n"
        "+ / - / 0\tText larger / smaller / reset\n"
        f"t\tCycle theme: {', '.join(THEME_NAMES)}\n"
        "Tab, Enter / Ctrl+Enter\tChoose a link on screen, open it / in your browser\n"
        "Alt+Left / Alt+Right\tBack / forward\n"
        "? or F1\tAll keys",
        None,
        keys=True,
    )
    builder.paragraph(
        "Reader never runs a page's scripts. It fetches only the page you ask for, and that "
        "page's images if you allow them in the settings.",
        None,
    )
    return builder.document
