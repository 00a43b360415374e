"""The whole core pipeline in one call: source → bytes → article."""

from __future__ import annotations

import os

from .extraction import ExtractOptions, extract_page
from .loading import Cancelled, LoadOptions, Progress, load
from .model import Article


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
    raw = load(source, load_options, progress=progress, cancelled=cancelled)
    return extract_page(raw, extract_options)
