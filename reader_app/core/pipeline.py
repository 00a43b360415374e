"""The whole core pipeline in one call: source → bytes → article, and the guarded stages."""

from __future__ import annotations

import os
from dataclasses import replace

from . import extraction
from .errors import ExtractionError, LoadError
from .extraction import ExtractOptions
from .limits import guard
from .loading import Cancelled, LoadOptions, Progress, load
from .model import Article, RawPage


def extract_page(raw: RawPage, options: ExtractOptions | None = None) -> Article:
    """The article of a loaded page (see :func:`reader_app.core.extraction.extract_page`).

    The article keeps the page's origin. Raises :class:`~reader_app.core.errors.ReaderError`
    subclasses only, also for pages nested too deeply or too large for memory.
    """
    with guard(ExtractionError, "this page"):
        article = extraction.extract_page(raw, options)
    return replace(article, origin=raw.origin)


def read_article(
    source: str | os.PathLike[str],
    *,
    load_options: LoadOptions | None = None,
    extract_options: ExtractOptions | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> Article:
    """Load ``source`` (path or http(s) URL) and extract its decluttered article.

    Raises :class:`~reader_app.core.errors.ReaderError` subclasses only.
    """
    with guard(LoadError, "this page"):
        raw = load(source, load_options, progress=progress, cancelled=cancelled)
    return extract_page(raw, extract_options)
