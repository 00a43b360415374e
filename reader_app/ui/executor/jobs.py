"""What the helper processes run: the one place the window calls extraction and fact finding.

Functions here run in a helper process; their arguments and results travel by pickle.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import Any

from reader_app.core.model import Article, RawPage


def portable(raw: RawPage) -> RawPage:
    """``raw`` in a form that pickles (its resources as a plain dict)."""
    return replace(raw, resources=dict(raw.resources))


def facts_payload(article: Article) -> Article:
    """What the facts job needs of ``article``, in a form that pickles (no resources)."""
    return replace(article, resources={})


def extract_job(raw: RawPage, options: Any = None) -> Article:
    """The article of ``raw``, in a form that pickles."""
    from reader_app.core import extract_page

    article = extract_page(raw, options)
    return replace(article, resources=dict(article.resources))


def find_facts_job(payload: Any) -> Any:
    """The facts of ``payload`` (an article or its text), passed on to the engine as it is."""
    from reader_app.core import find_facts

    return find_facts(payload)


_WARM_PAGE = (
    "<!doctype html><html><head><title>Harbour works</title></head><body><article>"
    "<h1>Harbour works</h1><p>The council in Leeds said on Monday that 40 workers will "
    "repair the harbour wall by June, at a cost of £2.5m.</p>"
    "<p>Maria Jensen, its engineer, expects the work to take six weeks.</p></article>"
    "</body></html>"
)


def warm_up() -> None:
    """Run each stage once on a small page, so that its first-use costs are paid."""
    raw = RawPage(data=_WARM_PAGE.encode(), charset="utf-8", content_type="text/html")
    try:
        article = extract_job(portable(raw))
        find_facts_job(facts_payload(article))
    except Exception:  # a helper then warms up on its own first job
        logging.getLogger(__name__).exception("warming up the helpers failed")
