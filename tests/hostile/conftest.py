"""Fixtures of the hostile-input suite: a scripted server on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hostile_server import ScriptedServer


@pytest.fixture
def scripted() -> Iterator[ScriptedServer]:
    """A scripted server, stopped after the test."""
    server = ScriptedServer()
    yield server
    server.close()
