"""Imported by the helpers' fork server before it forks any helper: ties the server's life to
Reader's (see ``helper.die_with_parent``) and warms the core, so each helper starts ready.

Warming runs one small extraction and one fact search: the stages fill their caches on first
use, and a helper forked afterwards inherits them instead of filling them again. Everything
loaded is then frozen out of the garbage collector's reach, so that a helper's collections do
not touch (and copy) the memory it shares with the server.
"""

import gc

from reader_app.ui.executor.helper import die_with_parent

die_with_parent()

from reader_app.ui.executor.jobs import warm_up  # noqa: E402 (after the parent-death signal)

warm_up()
gc.freeze()
