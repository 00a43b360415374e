"""What following a link does: open it in Reader, hand it to the desktop, or refuse and say why."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from PySide6.QtCore import QUrl

from reader_app.core.source import PAGE_SUFFIXES

LinkAction = Literal["reader", "desktop", "refuse"]

#: Why a link is not followed, by scheme.
REFUSALS = {
    "javascript": "This link runs a script of the page; Reader never runs page scripts.",
    "data": "This link holds its content in its address (data:); Reader does not open it.",
    "file": "This web page links to a file on this computer (file:); Reader does not open it.",
}


@dataclass(frozen=True)
class LinkDecision:
    """What to do with a followed link, and the message to show when it is refused."""

    action: LinkAction
    url: QUrl
    message: str = ""


def decide(url: QUrl, article_url: str | None, external: bool) -> LinkDecision:
    """How to follow ``url``, a link of the article at ``article_url``.

    http(s) links open in Reader, or in the desktop's browser when ``external``; links of a
    saved page to other saved pages open in Reader too. ``javascript:`` and ``data:`` links
    are refused, and so are ``file:`` links of pages that came from the web. Other schemes
    (``mailto:``) go to the desktop. A link to a place in the same article is not followed.
    """
    scheme = url.scheme().lower()
    page = QUrl(article_url) if article_url else QUrl()
    from_web = page.scheme().lower() in ("http", "https")
    if scheme in ("javascript", "data") or (scheme == "file" and from_web):
        return LinkDecision("refuse", url, REFUSALS[scheme])
    if url.hasFragment() and not page.isEmpty() and _base(url) == _base(page):
        return LinkDecision("refuse", url, "This link points to a place in this article.")
    if scheme in ("http", "https"):
        return LinkDecision("desktop" if external else "reader", url)
    if url.isLocalFile():
        is_page = url.fileName().lower().endswith(PAGE_SUFFIXES)
        return LinkDecision("reader" if is_page and not external else "desktop", url)
    if not scheme:
        return LinkDecision("refuse", url, "This link has no address Reader can open.")
    return LinkDecision("desktop", url)


def _base(url: QUrl) -> str:
    return url.toString().split("#", 1)[0]
