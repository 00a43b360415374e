"""One window per user, tested with real ``reader-app`` processes running offscreen.

Each test gives the processes a private runtime folder (where the socket lives), config folder
(where the window records opened pages in its recent list) and an event log written by
``reader_app.ui.shell.single_instance`` (``READER_APP_INSTANCE_LOG``).
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from reader_app import APP_ID

PARAGRAPH = (
    "The harbour master walked the length of the quay before dawn, counting the boats that had "
    "come in overnight and noting which moorings still stood empty after the storm. "
)


def write_page(path: Path, title: str) -> Path:
    body = "".join(f"<p>{PARAGRAPH * 3}Note {i} of {title}.</p>" for i in range(6))
    path.write_text(
        f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>{body}"
        "</article></body></html>",
        encoding="utf-8",
    )
    return path


class Desk:
    """The private folders and environment of one test's Reader processes."""

    def __init__(self, root: Path, runtime: Path) -> None:
        self.root = root
        self.runtime = runtime
        self.log = root / "events.jsonl"
        self.config = root / "config"
        self.env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "XDG_RUNTIME_DIR": str(runtime),
            "XDG_CONFIG_HOME": str(self.config),
            "XDG_DATA_HOME": str(root / "data"),
            "XDG_CACHE_HOME": str(root / "cache"),
            "READER_APP_INSTANCE_LOG": str(self.log),
        }
        self.processes: list[subprocess.Popen[bytes]] = []

    @property
    def socket_path(self) -> Path:
        return self.runtime / f"{APP_ID}.{os.getuid()}"

    def start(self, *args: str) -> subprocess.Popen[bytes]:
        process = subprocess.Popen(
            [sys.executable, "-m", "reader_app", *args],
            cwd=self.root,
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self.processes.append(process)
        return process

    def events(self, event: str, pid: int | None = None) -> list[dict[str, object]]:
        if not self.log.exists():
            return []
        lines = [json.loads(line) for line in self.log.read_text(encoding="utf-8").splitlines()]
        return [e for e in lines if e["event"] == event and pid in (None, e["pid"])]

    def recent_list(self) -> str:
        """The settings file's text, where the window keeps its recent pages."""
        files = list(self.config.rglob("*.ini"))
        return "".join(f.read_text(encoding="utf-8", errors="replace") for f in files)


def wait_for(condition: Callable[[], object], what: str, timeout: float = 60) -> None:
    """Poll ``condition`` (it watches another process) until it holds or ``timeout`` passes."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for {what}")
        time.sleep(0.05)


@pytest.fixture
def desk(tmp_path: Path) -> Iterator[Desk]:
    # A short runtime folder: socket paths must stay under about 100 bytes.
    runtime = Path(tempfile.mkdtemp(prefix="reader-rt-"))
    desk = Desk(tmp_path, runtime)
    yield desk
    for process in desk.processes:
        if process.poll() is None:
            process.terminate()
        process.wait(timeout=30)
    shutil.rmtree(runtime)


def start_serving(desk: Desk) -> subprocess.Popen[bytes]:
    first = desk.start(str(write_page(desk.root / "first.html", "First page")))
    wait_for(lambda: desk.events("serving", first.pid), "the first Reader to serve")
    wait_for(lambda: "first.html" in desk.recent_list(), "the first Reader to show its page")
    return first


def test_second_launch_hands_its_file_to_the_running_window(desk: Desk) -> None:
    first = start_serving(desk)
    write_page(desk.root / "handed.html", "Handed page")
    second = desk.start("handed.html")  # relative to the second process's folder
    assert second.wait(timeout=60) == 0
    handed = str(desk.root / "handed.html")
    assert desk.events("handed over", second.pid)[0]["sources"] == [handed]
    assert desk.events("received", first.pid)[0]["sources"] == [handed]
    wait_for(lambda: "handed.html" in desk.recent_list(), "the running window to open it")
    assert first.poll() is None


def test_stale_socket_of_a_crashed_reader_is_replaced(desk: Desk) -> None:
    stale = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    stale.bind(str(desk.socket_path))  # bound, never listening: connections are refused
    stale.close()
    assert desk.socket_path.exists()
    first = start_serving(desk)
    second = desk.start(str(write_page(desk.root / "later.html", "Later page")))
    assert second.wait(timeout=60) == 0
    assert desk.events("received", first.pid)[0]["sources"] == [str(desk.root / "later.html")]


def test_new_window_opens_its_own_window(desk: Desk) -> None:
    first = start_serving(desk)
    page = write_page(desk.root / "own.html", "Own page")
    second = desk.start("--new-window", str(page))
    wait_for(lambda: desk.events("standalone", second.pid), "the second Reader to stand alone")
    wait_for(lambda: "own.html" in desk.recent_list(), "the second window to open its page")
    assert second.poll() is None and first.poll() is None
    assert desk.events("received") == [] and desk.events("handed over") == []


def test_sources_are_handed_over_as_absolute_paths_or_urls(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader_app.ui.shell.single_instance import absolute_sources

    monkeypatch.chdir(tmp_path)
    sources = ["page.html", "notes:draft.mhtml", "https://example.org/a", "file:///x.html", "/y"]
    assert absolute_sources(sources) == [
        str(tmp_path / "page.html"),
        str(tmp_path / "notes:draft.mhtml"),
        "https://example.org/a",
        "file:///x.html",
        "/y",
    ]


def descendants(pid: int) -> set[int]:
    """Every living process below ``pid``, read from /proc."""
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(stat.parent.name)] = int(fields[1])
    found: set[int] = set()
    frontier = {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier}
        found |= frontier
    return found


def alive(pid: int) -> bool:
    stat = Path(f"/proc/{pid}/stat")
    try:
        return stat.read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def test_sigterm_closes_the_window_cleanly_with_its_helpers(desk: Desk) -> None:
    first = start_serving(desk)
    wait_for(lambda: descendants(first.pid), "the facts helper process to start")
    helpers = descendants(first.pid)
    first.terminate()
    assert first.wait(timeout=30) == 0  # quit through the event loop, not killed by the signal
    wait_for(lambda: not any(alive(pid) for pid in helpers), "the helper processes to stop", 30)
    assert "geometry" in desk.recent_list().lower()  # the window saved its state on the way out
