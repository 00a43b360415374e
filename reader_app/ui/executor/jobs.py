"""What the helper processes run: the one place the window calls extraction and fact finding.

Functions here run in a helper process; their arguments and results travel by pickle.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, replace
from typing import Any

from reader_app.core.model import Article, RawPage

#: Largest first page the fork server reads ahead (bytes): a bigger one would keep it busy.
FIRST_PAGE_MAX = 4 * 1024**2


@dataclass(frozen=True)
class _Warmed:
    """What the fork server found for the first page; its helpers inherit it."""

    raw: RawPage
    article: Article
    facts: Any


_warmed: _Warmed | None = None


def portable(raw: RawPage) -> RawPage:
    """``raw`` in a form that pickles (its resources as a plain dict)."""
    return replace(raw, resources=dict(raw.resources))


def facts_payload(article: Article) -> Article:
    """What the facts job needs of ``article``, in a form that pickles (no resources)."""
    return replace(article, resources={})


def extract_job(raw: RawPage, options: Any = None) -> Article:
    """The article of ``raw``, in a form that pickles."""
    warmed = _warmed
    if (warmed is not None and options is None and raw == warmed.raw
            and dict(raw.resources) == dict(warmed.raw.resources)):
        return warmed.article
    from reader_app.core import extract_page

    article = extract_page(raw, options)
    return replace(article, resources=dict(article.resources))


def find_facts_job(payload: Any) -> Any:
    """The facts of ``payload`` (an article or its text), passed on to the engine as it is."""
    warmed = _warmed
    if warmed is not None and isinstance(payload, Article) and payload == warmed.article:
        return warmed.facts
    from reader_app.core import find_facts

    return find_facts(payload)


_WARM_PAGE = (
    "<!doctype html><html><head><title>Harbour works</title></head><body><article>"
    "<h1>Harbour works</h1><p>The council in Leeds said on Monday that 40 workers will "
    "repair the harbour wall by June, at a cost of £2.5m.</p>"
    "<p>Maria Jensen, its engineer, expects the work to take six weeks.</p></article>"
    "</body></html>"
)


def warm_up(first_page: str | None = None) -> None:
    """Run each stage once, so that its first-use costs are paid before helpers are forked.

    Given ``first_page`` (the saved page Reader was started with), the stages warm up on it
    and keep its article and facts: a helper forked afterwards answers the window's jobs for
    that page at once. Otherwise, or when the page cannot be read, a small page is used.
    """
    global _warmed
    log = logging.getLogger(__name__)
    raw = _first_raw(first_page) if first_page else None
    if raw is not None:
        try:
            article = extract_job(raw)
            _warmed = _Warmed(raw, article, find_facts_job(facts_payload(article)))
            return
        except Exception:  # the window reports what is wrong with the page itself
            log.debug("the first page was not read ahead", exc_info=True)
    raw = RawPage(data=_WARM_PAGE.encode(), charset="utf-8", content_type="text/html")
    try:
        article = extract_job(portable(raw))
        find_facts_job(facts_payload(article))
    except Exception:  # a helper then warms up on its own first job
        log.exception("warming up the helpers failed")


def _first_raw(path: str) -> RawPage | None:
    """``path`` read as the window reads it, if it is a regular file of a modest size."""
    from reader_app.core.errors import ReaderError
    from reader_app.core.loading import load

    try:
        if not os.path.isfile(path) or os.path.getsize(path) > FIRST_PAGE_MAX:
            return None
        return portable(load(path))
    except (OSError, ReaderError):
        return None
