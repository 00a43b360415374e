"""The helpers' fork server starts as a fork of Reader's process while that runs one thread
(no new interpreter to start), and as a new interpreter once threads run; either way its
helpers answer, and it ends with Reader."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

SCRIPT = """
import json, os, sys, threading
from reader_app.ui.executor.helper import Helper

if sys.argv[1] == "threaded":
    threading.Thread(target=threading.Event().wait, daemon=True).start()
helper = Helper()
helper.start()
server = helper.run(os.getppid, (), lambda: False)  # a helper's parent is the fork server
with open(f"/proc/{server}/stat") as stat:
    parent = int(stat.read().rsplit(")", 1)[1].split()[1])
with open(f"/proc/{server}/cmdline", "rb") as cmdline:
    command = cmdline.read()
with open("/proc/self/cmdline", "rb") as own:
    forked = command == own.read()
print(json.dumps({"me": os.getpid(), "server": server, "parent": parent, "forked": forked,
                  "command": command.decode(errors="replace")}))
sys.stdout.flush()
if sys.argv[2] == "die":
    os._exit(0)  # no clean-up: the server must end by itself
helper.kill_all()
"""


def _run(mode: str, end: str = "quit") -> dict[str, object]:
    done = subprocess.run([sys.executable, "-c", SCRIPT, mode, end], capture_output=True,
                          text=True, timeout=60, check=True)
    seen: dict[str, object] = json.loads(done.stdout)
    return seen


def _gone(pid: int, within: float = 10.0) -> bool:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            with open(f"/proc/{pid}/stat") as stat:
                if stat.read().rsplit(")", 1)[1].split()[0] == "Z":
                    return True
        except FileNotFoundError:
            return True
        time.sleep(0.05)
    return False


def test_a_single_threaded_reader_forks_its_fork_server() -> None:
    seen = _run("single")
    assert seen["parent"] == seen["me"]
    assert seen["forked"] is True


def test_a_reader_running_threads_starts_the_server_as_a_new_interpreter() -> None:
    seen = _run("threaded")
    assert seen["parent"] == seen["me"]
    assert seen["forked"] is False
    assert "multiprocessing.forkserver" in str(seen["command"])


def test_the_forked_server_ends_when_reader_dies() -> None:
    seen = _run("single", "die")
    server = seen["server"]
    assert isinstance(server, int)
    assert server != os.getpid()
    assert _gone(server)
