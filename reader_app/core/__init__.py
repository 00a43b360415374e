"""Reader's core: load, decode, extract, declutter and find facts. Pure Python, no Qt."""

from __future__ import annotations

import importlib
import logging
from typing import TYPE_CHECKING, Any

from .errors import (
    DecodeError,
    ExtractionError,
    LoadCancelledError,
    LoadError,
    ReaderError,
    UnsupportedSourceError,
)

if TYPE_CHECKING:
    from .extraction import ExtractOptions, extract_article, extract_text
    from .facts import Fact, Facts, find_facts
    from .loading import LoadOptions, load
    from .model import Article, Block, RawPage
    from .pipeline import extract_page, read_article
    from .source import Source, parse_source

# The heavy stages (trafilatura, lxml, the lexicons) are imported on first use, so that a
# window can paint before they are needed and a worker thread pays for them; the data model
# and sources too, so that the helpers' fork server starts before any of them is imported.
_LAZY = {
    "Article": "model",
    "Block": "model",
    "RawPage": "model",
    "Source": "source",
    "parse_source": "source",
    "ExtractOptions": "extraction",
    "extract_article": "extraction",
    "extract_page": "pipeline",
    "extract_text": "extraction",
    "Fact": "facts",
    "Facts": "facts",
    "find_facts": "facts",
    "LoadOptions": "loading",
    "load": "loading",
    "read_article": "pipeline",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


__all__ = [
    "Article",
    "Block",
    "DecodeError",
    "ExtractOptions",
    "ExtractionError",
    "Fact",
    "Facts",
    "LoadCancelledError",
    "LoadError",
    "LoadOptions",
    "RawPage",
    "ReaderError",
    "Source",
    "UnsupportedSourceError",
    "extract_article",
    "extract_page",
    "extract_text",
    "find_facts",
    "load",
    "parse_source",
    "read_article",
]

logging.getLogger(__name__).addHandler(logging.NullHandler())
