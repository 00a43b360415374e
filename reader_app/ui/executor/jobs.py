"""What the helper processes run: the one place the window calls extraction and fact finding.

Functions here run in a helper process; their arguments and results travel by pickle.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from reader_app.core.model import Article, RawPage


def portable(raw: RawPage) -> RawPage:
    """``raw`` in a form that pickles (its resources as a plain dict)."""
    return replace(raw, resources=dict(raw.resources))


def extract_job(raw: RawPage, options: Any = None) -> Article:
    """The article of ``raw``, in a form that pickles."""
    from reader_app.core import extract_page

    article = extract_page(raw, options)
    return replace(article, resources=dict(article.resources))


def find_facts_job(payload: Any) -> Any:
    """The facts of ``payload`` (an article or its text), passed on to the engine as it is."""
    from reader_app.core import find_facts

    return find_facts(payload)
