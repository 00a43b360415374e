"""Where pages to open come from: the file dialog, the location bar, the links of the
article, the recent pages and the bundled sample."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from PySide6.QtCore import QObject, QUrl, Slot
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMenu, QWidget

from reader_app.core.model import Article
from reader_app.core.source import Source

from ..reading import links
from ..reading.view import ReaderView
from .bundled import sample_path
from .location_bar import LocationBar
from .settings import Settings
from .status_line import StatusLine

#: File dialog filters for File ▸ Open.
OPEN_FILTERS = (
    "Saved web pages (*.html *.htm *.xhtml *.shtml *.mhtml *.mht)",
    "All files (*)",
)


class OpenCommands(QObject):
    """Carries out the commands that pick a page to open, and opens it with ``open_source``.

    ``current_source`` and ``article`` tell what is on screen: the file dialog starts in its
    folder, and its links are judged by its address.
    """

    def __init__(
        self,
        *,
        open_source: Callable[[str | Source], None],
        current_source: Callable[[], Source | None],
        article: Callable[[], Article | None],
        settings: Settings,
        view: ReaderView,
        location_bar: LocationBar,
        status: StatusLine,
        actions: Mapping[str, QAction],
        window: QWidget,
    ) -> None:
        super().__init__(window)
        self.open_source = open_source
        self.current_source = current_source
        self.article = article
        self.settings = settings
        self.view = view
        self.location_bar = location_bar
        self.status = status
        self.actions = actions
        self.window = window

    # Commands -----------------------------------------------------------------------------

    def open_file(self) -> None:
        """Ask for a saved page and open it."""
        path, _ = QFileDialog.getOpenFileName(
            self.window, "Open a saved page", self._open_folder(), ";;".join(OPEN_FILTERS))
        if path:
            self.settings.set_last_folder(str(Path(path).parent))
            self.open_source(Source.file(path))

    def open_location(self) -> None:
        """Move to the location bar, its address selected, to type another."""
        self.location_bar.activate()

    def open_sample(self) -> None:
        """Open the bundled sample article."""
        self.open_source(Source.file(sample_path()))

    def follow_chosen_link(self, external: bool) -> None:
        """Open the link chosen with Tab, in Reader or (``external``) in the desktop's browser."""
        if not self.view.activate_link(external):
            self.status.show_message(
                "No link chosen: Tab moves between the links on screen", 4000)

    def fill_recent_menu(self, menu: QMenu) -> None:
        """List the recent pages in ``menu``, then Clear Recent."""
        menu.clear()
        recent = self.settings.recent()
        for source, title in recent:
            action = QAction(title or source, menu)
            action.setToolTip(source)
            action.setStatusTip(source)
            action.triggered.connect(lambda _checked=False, s=source: self.open_source(s))
            menu.addAction(action)
        if recent:
            menu.addSeparator()
        clear = menu.addAction("Clear Recent")
        clear.setEnabled(bool(recent))
        clear.triggered.connect(self.settings.clear_recent)

    def _open_folder(self) -> str:
        """Where the open dialog starts: the folder of the saved page on screen, else the last."""
        source = self.current_source()
        if source is not None and source.is_file:
            folder = source.path.parent
            if folder.is_dir() and source.path != sample_path():
                return str(folder)
        return self.settings.last_folder()

    # Slots --------------------------------------------------------------------------------

    @Slot(str)
    def on_location_submitted(self, text: str) -> None:
        self.open_source(text)
        self.view.setFocus()

    @Slot(QUrl, bool)
    def on_link_clicked(self, url: QUrl, external: bool) -> None:
        article = self.article()
        article_url = article.url if article is not None else None
        decision = links.decide(url, article_url, external)
        if decision.action == "refuse":
            self.status.show_message(decision.message, 6000)
        elif decision.action == "desktop":
            self.status.show_message(f"Opening {url.toString()} in your browser", 4000)
            QDesktopServices.openUrl(url)
        else:
            self.open_source(url.toString())

    @Slot(bool)
    def on_link_chosen(self, chosen: bool) -> None:
        # Enabled only while a link is chosen, so Enter reaches other widgets otherwise.
        for name in ("open_link", "open_link_in_browser"):
            self.actions[name].setEnabled(chosen)
