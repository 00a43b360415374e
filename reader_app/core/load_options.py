"""What a load is allowed (time, size, redirects) and the callbacks it reports through.

Shared by :mod:`loading` (files) and :mod:`http` (the web), so neither imports the other for
its types.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .. import __version__
from .errors import LoadCancelledError

#: Called as bytes arrive: ``progress(received, total)``; ``total`` is None when unknown.
Progress = Callable[[int, int | None], None]
#: Polled between chunks; returning True stops the load with :class:`LoadCancelledError`.
Cancelled = Callable[[], bool]

#: A browser's User-Agent with Reader's name: sites that refuse unknown clients still answer.
DEFAULT_USER_AGENT = (
    "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0 "
    f"Reader/{__version__} (+desktop article reader)"
)


@dataclass(frozen=True)
class LoadOptions:
    """Limits for one load. Times in seconds; ``max_bytes`` also caps decompressed bodies."""

    connect_timeout: float = 10.0
    total_timeout: float = 60.0
    max_bytes: int = 20 * 1024 * 1024
    max_redirects: int = 10
    user_agent: str = DEFAULT_USER_AGENT


def check_cancelled(cancelled: Cancelled | None) -> None:
    """Raise :class:`LoadCancelledError` when ``cancelled`` says so."""
    if cancelled is not None and cancelled():
        raise LoadCancelledError("Loading was cancelled.")
