"""The helpers' fork server, started before the rest of Reader loads.

The server is the standard library's (``multiprocessing.forkserver``: helpers are forked from
it on request), but it is started as a fork of Reader's own process rather than a new Python
interpreter: a new interpreter spends its first 30 to 40 ms starting up and importing
``multiprocessing`` before it can even begin to import and warm the core (``preload``), and
that start-up lies on the path to the first article. A fork is only safe while the process
runs a single thread, so the server is started that way only then, and only where this
Python's fork server has the shape this module knows; otherwise it starts as usual.

This module imports nothing beyond the standard library: Reader starts the server first.
"""

from __future__ import annotations

import multiprocessing
import os
import socket
import sys

#: Modules the fork server imports before it forks helpers (the first ties it to Reader).
PRELOAD = ("reader_app.ui.executor.preload",)
#: The page Reader was started with, handed to the fork server (see ``jobs.warm_up``).
FIRST_PAGE_ENV = "READER_FIRST_PAGE"
#: What ``multiprocessing.forkserver.ForkServer`` keeps of a running server, and what its
#: server loop takes (as in Python 3.11).
_STATE = ("_lock", "_preload_modules", "_forkserver_address", "_forkserver_alive_fd",
          "_forkserver_pid")
_MAIN_ARGS = ("listener_fd", "alive_r", "preload", "main_path", "sys_path")


def can_run() -> bool:
    """Whether helpers can run here: not in a frozen bundle, on a system with fork servers."""
    return not getattr(sys, "frozen", False) and (
        "forkserver" in multiprocessing.get_all_start_methods()
    )


def start(first_page: str | None = None) -> None:
    """Start the fork server (once; its life is tied to the calling thread's), telling it
    the page Reader opens first. Raises OSError or ValueError when it cannot start."""
    from multiprocessing import forkserver

    multiprocessing.get_context("forkserver").set_forkserver_preload(list(PRELOAD))
    if first_page:  # the server inherits the environment it is started with
        os.environ[FIRST_PAGE_ENV] = os.path.abspath(first_page)
    try:
        server = getattr(forkserver, "_forkserver", None)
        if server is not None and _may_fork(server) and server._forkserver_pid is None:
            _fork_server(server)
        else:  # started already (this checks it still runs), or the usual way
            forkserver.ensure_running()
    finally:
        os.environ.pop(FIRST_PAGE_ENV, None)


def _may_fork(server: object) -> bool:
    """One thread (counted by the kernel, so Qt's threads count too) and a known server."""
    from multiprocessing import forkserver

    try:
        threads = len(os.listdir("/proc/self/task"))
    except OSError:
        return False
    code = forkserver.main.__code__
    known = (code.co_varnames[: code.co_argcount] == _MAIN_ARGS
             and not code.co_kwonlyargcount)  # a later protocol is started the usual way
    return threads == 1 and known and all(hasattr(server, name) for name in _STATE)


def _fork_server(server: object) -> None:
    """What ``ForkServer.ensure_running`` does, with ``os.fork`` in place of a new
    interpreter: the child runs the server loop (``forkserver.main``) and never returns."""
    from multiprocessing import connection, forkserver, resource_tracker, util

    state = vars(server)
    with state["_lock"]:
        resource_tracker.ensure_running()
        if state["_forkserver_pid"] is not None:  # another thread started it meanwhile
            return
        with socket.socket(socket.AF_UNIX) as listener:
            address = connection.arbitrary_address("AF_UNIX")  # type: ignore[attr-defined]
            listener.bind(address)
            if not util.is_abstract_socket_namespace(address):
                os.chmod(address, 0o600)
            listener.listen()
            alive_r, alive_w = os.pipe()
            try:
                pid = os.fork()
            except OSError:
                os.close(alive_w)
                os.close(alive_r)
                raise
            if pid == 0:
                try:
                    os.close(alive_w)  # the server ends when every client's copy is closed
                    forkserver.main(listener.fileno(), alive_r, state["_preload_modules"])
                finally:
                    os._exit(0)
            os.close(alive_r)
        state["_forkserver_address"] = address
        state["_forkserver_alive_fd"] = alive_w
        state["_forkserver_pid"] = pid
