"""Imported by the helpers' fork server before it forks any helper: ties the server's life to
Reader's (see ``helper.die_with_parent``) and loads the core, so each helper starts ready."""

from reader_app.ui.executor.helper import die_with_parent

die_with_parent()

import reader_app.core.extraction  # noqa: E402 (loaded for the helpers)
import reader_app.core.facts  # noqa: E402, F401 (loaded for the helpers)
