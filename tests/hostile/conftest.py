"""Fixtures of the hostile-input suite: a scripted server on 127.0.0.1, and the window helpers
shared with the UI tests (``tests/ui/window_support.py``)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hostile_server import ScriptedServer

sys.path.insert(0, str(Path(__file__).parent.parent / "ui"))


@pytest.fixture
def scripted() -> Iterator[ScriptedServer]:
    """A scripted server, stopped after the test."""
    server = ScriptedServer()
    yield server
    server.close()


@pytest.fixture
def executor(qapp) -> Iterator[object]:
    """An executor for the test, shut down after it (its helper processes killed)."""
    from PySide6.QtCore import QStandardPaths

    from reader_app.ui.executor.service import Executor

    QStandardPaths.setTestModeEnabled(True)
    service = Executor()
    yield service
    service.shutdown()
