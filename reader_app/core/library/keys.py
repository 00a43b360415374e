"""Which stored article an opened article is: its canonical web address, else its text hash."""

from __future__ import annotations

import hashlib
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from ..model import Article

#: Query parameters that only say where a reader came from; dropped from canonical URLs.
TRACKING_PARAMS = frozenset({
    "fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "igshid", "yclid", "_ga",
    "ref", "ref_src", "cmpid", "ocid", "smid", "sr_share", "at_medium", "at_campaign",
})


def canonical_url(url: str) -> str:
    """``url`` without fragment, tracking parameters (``utm_*`` and the like) or default port.

    Scheme and host are lower-cased; the remaining parameters keep their order.
    """
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    port = parts.port if parts.port not in (None, 80 if scheme == "http" else 443) else None
    netloc = host if port is None else f"{host}:{port}"
    if parts.username:
        netloc = f"{parts.username}@{netloc}"
    query = [
        (name, value)
        for name, value in parse_qsl(parts.query, keep_blank_values=True)
        if not name.lower().startswith("utm_") and name.lower() not in TRACKING_PARAMS
    ]
    return urlunsplit((scheme, netloc, parts.path or "/", urlencode(query), ""))


def article_key(article: Article) -> str:
    """The key an article is stored under: ``url:`` + canonical URL for web pages, else
    ``sha256:`` + the hash of its text (saved files, dropped HTML)."""
    url = article.url or ""
    if url.startswith(("http://", "https://")):
        return "url:" + canonical_url(url)
    return "sha256:" + hashlib.sha256(article.text.encode("utf-8")).hexdigest()
