"""Reader as a real process with work in flight: SIGTERM quits it within 2 s, and neither
quitting nor SIGKILL leaves a helper process behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

import pytest
from window_support import large_page

pytestmark = pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs Linux /proc")


def wait_for(predicate: Callable[[], bool], timeout: float) -> bool:
    """Poll another process's state until ``predicate()`` holds or ``timeout`` passes."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.02)
    return predicate()


def tree(pid: int) -> dict[int, int]:
    """Every living descendant of ``pid``, mapped to its depth (1 for children)."""
    children: dict[int, list[int]] = defaultdict(list)
    for entry in os.listdir("/proc"):
        if entry.isdigit() and alive(int(entry)):
            try:
                fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            children[int(fields[1])].append(int(entry))
    out: dict[int, int] = {}
    stack = [(pid, 0)]
    while stack:
        parent, depth = stack.pop()
        for child in children[parent]:
            out[child] = depth + 1
            stack.append((child, depth + 1))
    return out


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")


def start_reader(tmp_path: Path, *sources: str) -> subprocess.Popen[bytes]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "cfg"),
               XDG_DATA_HOME=str(tmp_path / "data"), XDG_CACHE_HOME=str(tmp_path / "cache"))
    return subprocess.Popen([sys.executable, "-m", "reader_app", "--new-window", *sources],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


@pytest.fixture
def big_page(tmp_path: Path) -> Path:
    """A page whose extraction keeps a helper busy for a long while."""
    page = tmp_path / "big.html"
    page.write_text(large_page("A very large page", 18 * 1024 * 1024), encoding="utf-8")
    return page


def cpu_seconds(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def helper_running(app: subprocess.Popen[bytes]) -> dict[int, int]:
    """Reader's processes once a helper (a child of the fork server) is busy with a job."""
    found: dict[int, int] = {}

    def running() -> bool:
        found.clear()
        found.update(tree(app.pid))
        return any(depth >= 2 and cpu_seconds(pid) > 0.3 for pid, depth in found.items())

    assert wait_for(running, 60), "no helper process started"
    return dict(found)


def test_sigterm_quits_within_two_seconds_with_work_in_flight(tmp_path: Path,
                                                             big_page: Path) -> None:
    app = start_reader(tmp_path, str(big_page))
    try:
        processes = helper_running(app)
        start = time.monotonic()
        app.send_signal(signal.SIGTERM)
        app.wait(timeout=10)
        assert time.monotonic() - start < 2.0
        assert wait_for(lambda: not any(alive(pid) for pid in processes), 2.0), \
            [pid for pid in processes if alive(pid)]
    finally:
        app.kill()
        app.wait()
    assert b"Traceback" not in (app.stderr.read() if app.stderr else b"")


def test_sigkill_leaves_no_helper_behind(tmp_path: Path, big_page: Path) -> None:
    app = start_reader(tmp_path, str(big_page))
    try:
        processes = helper_running(app)
    finally:
        app.kill()
        app.wait()
    assert wait_for(lambda: not any(alive(pid) for pid in processes), 3.0), \
        [pid for pid in processes if alive(pid)]
