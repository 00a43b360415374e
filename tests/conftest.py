"""Test-wide settings: Qt (where a test uses it) runs offscreen; nothing touches the network."""

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

DATA = Path(__file__).parent / "data"


@pytest.fixture
def data_dir() -> Path:
    """The folder of golden pages and expected results."""
    return DATA
