"""Reader's core: load, decode, extract, declutter and find facts. Pure Python, no Qt."""

from __future__ import annotations

import logging

from .errors import (
    DecodeError,
    ExtractionError,
    LoadCancelledError,
    LoadError,
    ReaderError,
    UnsupportedSourceError,
)
from .extraction import ExtractOptions, extract_article, extract_page, extract_text
from .facts import Fact, Facts, find_facts
from .loading import LoadOptions, load
from .model import Article, Block, RawPage
from .pipeline import read_article

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
    "UnsupportedSourceError",
    "extract_article",
    "extract_page",
    "extract_text",
    "find_facts",
    "load",
    "read_article",
]

logging.getLogger(__name__).addHandler(logging.NullHandler())
