"""The last line of the core's promise that only a ``ReaderError`` leaves it."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

from .errors import ReaderError

log = logging.getLogger(__name__)


@contextmanager
def guard(error: type[ReaderError], what: str) -> Iterator[None]:
    """Turn anything but a ReaderError raised inside into ``error`` about ``what``.

    Input nested too deeply (RecursionError) or too large for memory (MemoryError) gets its own
    message; anything else is logged with its traceback, as it is a bug.
    """
    try:
        yield
    except ReaderError:
        raise
    except RecursionError:
        raise error(f"{what} is nested too deeply for Reader.") from None
    except MemoryError:
        raise error(f"{what} needs more memory than Reader may use.") from None
    except Exception as err:
        log.exception("unexpected failure reading %s", what)
        raise error(f"Reader could not read {what} ({type(err).__name__}).") from None
