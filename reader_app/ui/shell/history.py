"""Back/forward between opened articles, and the key under which an article's position is kept.

Pure Python: the window stores what it needs (source, title, article, reading position) in
:class:`Entry` objects; the most recent articles stay in memory so going back is instant, older
ones are read again from their source.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from reader_app.core.model import Article
from reader_app.core.source import Source

#: Articles kept in memory for instant back/forward; older entries keep only their source.
KEEP_ARTICLES = 8


def article_key(article: Article) -> str:
    """Where the reading position of ``article`` is remembered: its web URL, else its text hash."""
    url = article.url or ""
    if url.startswith(("http://", "https://")):
        return "url:" + url
    return "sha1:" + hashlib.sha1(article.text.encode("utf-8")).hexdigest()


@dataclass
class Entry:
    """One opened article: how to open it again and where the reader was in it."""

    source: Source | None
    title: str
    key: str
    article: Article | None = field(default=None, repr=False)
    offset: int = 0


class History:
    """A browser-like back/forward list; opening a new article drops the forward entries."""

    def __init__(self, keep_articles: int = KEEP_ARTICLES) -> None:
        self.entries: list[Entry] = []
        self.index = -1
        self.keep_articles = keep_articles

    @property
    def current(self) -> Entry | None:
        """The entry on screen, if any."""
        return self.entries[self.index] if self.index >= 0 else None

    def can_go_back(self) -> bool:
        """True when there is an earlier article."""
        return self.index > 0

    def can_go_forward(self) -> bool:
        """True when there is a later article."""
        return 0 <= self.index < len(self.entries) - 1

    def push(self, entry: Entry) -> None:
        """Make ``entry`` the current one, after the current one; later entries are dropped."""
        del self.entries[self.index + 1:]
        self.entries.append(entry)
        self.index = len(self.entries) - 1
        self._trim()

    def replace_current(self, entry: Entry) -> None:
        """Put ``entry`` in place of the current one (e.g. after a reload)."""
        if self.index < 0:
            self.push(entry)
        else:
            self.entries[self.index] = entry
            self._trim()

    def step(self, delta: int) -> Entry | None:
        """The entry ``delta`` steps away (-1 back, +1 forward), without moving; None if none."""
        target = self.index + delta
        if self.index < 0 or not 0 <= target < len(self.entries):
            return None
        return self.entries[target]

    def move(self, delta: int) -> None:
        """Move the current position ``delta`` steps once the article there is shown."""
        target = self.index + delta
        if 0 <= target < len(self.entries):
            self.index = target
            self._trim()

    def _trim(self) -> None:
        # Keep the articles nearest the current entry; the others are opened again if needed.
        by_distance = sorted(range(len(self.entries)), key=lambda i: abs(i - self.index))
        for rank, i in enumerate(by_distance):
            entry = self.entries[i]
            if rank >= self.keep_articles and entry.source is not None:
                entry.article = None
