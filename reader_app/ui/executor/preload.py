"""Imported by the helpers' fork server before it forks any helper: ties the server's life to
Reader's (see ``helper.die_with_parent``) and warms the core, so each helper starts ready.

Warming runs one extraction and one fact search (on the page Reader was started with, when
there is one; see ``jobs.warm_up``): the stages fill their caches on first use, and a helper
forked afterwards inherits them instead of filling them again. Everything
loaded is then frozen out of the garbage collector's reach, so that a helper's collections do
not touch (and copy) the memory it shares with the server.

Helpers run only Reader's own jobs, never code of the program that started Reader, so they
skip importing that program's main module again (multiprocessing's default, which would cost
each helper the main module's imports).
"""

import gc
import os
from multiprocessing import spawn

from reader_app.ui.executor.fork_server import FIRST_PAGE_ENV
from reader_app.ui.executor.helper import die_with_parent

die_with_parent()


def _keep_main(_main: str) -> None:
    """Leave the helper's ``__main__`` as the fork server's."""


spawn._fixup_main_from_path = _keep_main  # type: ignore[attr-defined]
spawn._fixup_main_from_name = _keep_main  # type: ignore[attr-defined]

from reader_app.core import regex_cache  # noqa: E402 (after the parent-death signal)
from reader_app.ui.executor.jobs import warm_up  # noqa: E402

warm_up(os.environ.pop(FIRST_PAGE_ENV, None))
regex_cache.save()  # the next start reads the core's long patterns instead of compiling them
gc.freeze()
