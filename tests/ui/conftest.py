"""Shared fixtures of the UI tests: one QApplication in Qt's test mode with its own names."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QApplication

from reader_app.ui.executor.service import Executor


@pytest.fixture(scope="session", autouse=True)
def qt_test_mode(qapp: QApplication) -> Iterator[QApplication]:
    """Keep settings and caches of UI tests apart from the user's (``QStandardPaths`` test mode)."""
    QStandardPaths.setTestModeEnabled(True)
    qapp.setOrganizationName("reader-app-tests")
    qapp.setApplicationName("reader-app-tests")
    yield qapp


@pytest.fixture
def executor() -> Iterator[Executor]:
    """An executor for the test, shut down after it (its helper processes killed)."""
    service = Executor()
    yield service
    service.shutdown()
