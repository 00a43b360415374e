"""The files Reader ships with: the sample article."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def sample_path() -> Path:
    """The bundled sample article."""
    return Path(str(resources.files("reader_app.resources").joinpath("sample/article.html")))
