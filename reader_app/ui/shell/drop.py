"""What a drop onto the window means: a file or link to open, an HTML fragment, or a refusal.

:func:`parse_drop` reads the mime types browsers and file managers use — ``text/uri-list``,
``text/x-moz-url`` (UTF-16), ``text/html`` and plain text — and returns either a
:class:`DropAction` or a :class:`DropRefusal` with a reason fit to show the reader.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QMimeData, QObject, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QWidget

from reader_app.core.errors import ReaderError
from reader_app.core.source import PAGE_SUFFIXES, Source, parse_source, scheme_of

MOZ_URL = "text/x-moz-url"
URI_LIST = "text/uri-list"
HTML = "text/html"


@dataclass(frozen=True)
class DropAction:
    """Open ``source`` (a file or web page), or extract the article of ``html``."""

    source: Source | None = None
    html: str | None = None
    base_url: str | None = None
    others: int = 0  # further sources dropped together with this one

    @property
    def label(self) -> str:
        """A short name for what is opened."""
        return str(self.source) if self.source is not None else "dropped text"


@dataclass(frozen=True)
class DropRefusal:
    """A drop Reader cannot use, and why."""

    reason: str


DropResult = DropAction | DropRefusal


def parse_drop(mime: QMimeData) -> DropResult:
    """The meaning of dropped ``mime`` data."""
    urls = _urls(mime)
    if urls:
        return _from_urls(urls)
    if mime.hasHtml():
        html = mime.html()
        if html.strip():
            return DropAction(html=html)
    if mime.hasText():
        text = mime.text().strip()
        if "\n" not in text and (scheme_of(text) in ("http", "https", "file")
                                 or _exists(text)):
            return _from_urls([text])
        if text:
            return DropRefusal("Dropped text is not a link or a page. Drop a link, a saved page "
                               "or a selection from a web page.")
    return DropRefusal("Nothing Reader can open was dropped. Drop a link, a saved page "
                       "or a selection from a web page.")


def _exists(text: str) -> bool:
    try:
        source = parse_source(text)
        return source.is_file and source.path.exists()
    except (ReaderError, OSError, ValueError):
        return False


def _urls(mime: QMimeData) -> list[str]:
    if mime.hasFormat(MOZ_URL):
        raw = bytes(mime.data(MOZ_URL).data())
        text = raw.decode("utf-16-le" if not raw.startswith(b"\xfe\xff") else "utf-16",
                          errors="replace").lstrip("\ufeff")
        first = text.split("\n", 1)[0].strip().strip("\x00")
        if first:
            return [first]
    if mime.hasUrls():
        return [u.toString() for u in mime.urls() if not u.isEmpty()]
    return []


def _from_urls(urls: list[str]) -> DropResult:
    reasons: list[str] = []
    usable: list[Source] = []
    for url in urls:
        result = _check(url)
        if isinstance(result, DropRefusal):
            reasons.append(result.reason)
        else:
            usable.append(result)
    if not usable:
        return DropRefusal(reasons[0])
    return DropAction(source=usable[0], others=len(usable) - 1)


def _check(text: str) -> Source | DropRefusal:
    scheme = scheme_of(text)
    if scheme not in (None, "http", "https", "file"):
        return DropRefusal(f"Reader opens web pages (http and https links) and saved pages, "
                           f"not “{scheme}:” links.")
    try:
        source = parse_source(text)
    except ReaderError as err:
        return DropRefusal(str(err))
    if not source.is_file:
        return source
    path = source.path
    if path.is_dir():
        return DropRefusal(f"“{path.name}” is a folder. Drop a saved page instead.")
    if path.suffix and path.suffix.lower() not in PAGE_SUFFIXES:
        return DropRefusal(
            f"Reader opens saved web pages ({', '.join(PAGE_SUFFIXES[:3])}, .mhtml), "
            f"not “{path.name}”."
        )
    return source


class DropOverlay(QWidget):
    """Shown over the article while something is dragged onto the window.

    It tells the reader what will happen: "Drop to open …", or why the drop cannot be used.
    Mouse events pass through it.
    """

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.area = parent
        self.setObjectName("dropOverlay")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.text = ""
        self.usable = True
        self.hide()

    def show_hint(self, result: DropResult) -> None:
        """Cover the parent and describe ``result``."""
        if isinstance(result, DropAction):
            self.usable = True
            self.text = f"Drop to open\n{_short(result.label)}"
        else:
            self.usable = False
            self.text = result.reason
        self.setGeometry(self.area.rect())
        self.raise_()
        self.show()
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        base = QColor(palette.color(QPalette.ColorRole.Base))
        base.setAlphaF(0.88)
        painter.fillRect(self.rect(), base)
        accent = QColor(palette.color(QPalette.ColorRole.Link) if self.usable
                        else QColor("#b3261e"))
        pen = QPen(accent, 3, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(18, 18, -18, -18), 14, 14)
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.35)
        painter.setFont(font)
        painter.setPen(palette.color(QPalette.ColorRole.Text) if self.usable else accent)
        painter.drawText(self.rect().adjusted(60, 60, -60, -60),
                         int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap), self.text)


class DropHandler(QObject):
    """Takes what is dragged onto ``window``: the overlay says what a drop would do, a drop
    opens it with ``open_drop``, and a drop Reader cannot use is refused with ``refuse``."""

    def __init__(self, window: QWidget, overlay: DropOverlay,
                 open_drop: Callable[[DropAction], None],
                 refuse: Callable[[str], None]) -> None:
        super().__init__(window)
        self.overlay = overlay
        self.open_drop = open_drop
        self.refuse = refuse
        window.setAcceptDrops(True)
        window.installEventFilter(self)
        overlay.area.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.overlay.area:
            if event.type() == QEvent.Type.Resize and self.overlay.isVisible():
                self.overlay.setGeometry(self.overlay.area.rect())
            return False
        if isinstance(event, QDragEnterEvent):
            self.overlay.show_hint(parse_drop(event.mimeData()))
            event.acceptProposedAction()
        elif isinstance(event, QDragMoveEvent):
            event.acceptProposedAction()
        elif isinstance(event, QDragLeaveEvent):
            self.overlay.hide()
            event.accept()
        elif isinstance(event, QDropEvent):
            self.on_dropped(event)
        else:
            return False
        return True

    def on_dropped(self, event: QDropEvent) -> None:
        self.overlay.hide()
        result = parse_drop(event.mimeData())
        if isinstance(result, DropRefusal):
            self.refuse(result.reason)
            event.ignore()
            return
        event.acceptProposedAction()
        self.open_drop(result)


def _short(text: str, limit: int = 90) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
