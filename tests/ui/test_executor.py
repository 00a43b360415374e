"""The executor: outcomes on the GUI thread, lanes that cannot starve each other, helper
processes that are reused warm, killed on cancel, and whose failures are one-line errors."""

from __future__ import annotations

import os
import threading
import time

from reader_app.core.errors import ExtractionError, ReaderError
from reader_app.ui.executor.service import Executor, Outcome, Token


def run(qtbot, executor: Executor, lane, work, timeout: int = 10000) -> Outcome:
    """Submit ``work`` and wait for its outcome."""
    outcomes: list[Outcome] = []
    executor.submit(lane, work, on_done=outcomes.append)
    qtbot.waitUntil(lambda: bool(outcomes), timeout=timeout)
    return outcomes[0]


def test_outcomes_and_progress_arrive_on_the_gui_thread(qtbot, executor) -> None:
    seen: list[tuple[str, object]] = []

    def work(token: Token) -> str:
        token.progress(5, 10)
        return threading.current_thread().name

    executor.submit("io", work, on_progress=lambda r, t: seen.append(
        (threading.current_thread().name, (r, t))), on_done=lambda o: seen.append(
        (threading.current_thread().name, o)))
    qtbot.waitUntil(lambda: len(seen) == 2)
    main = threading.main_thread().name
    assert seen[0] == (main, (5, 10))
    assert seen[1][0] == main
    assert seen[1][1].value.startswith("reader-io-")
    assert executor.pending == 0


def test_a_full_lane_does_not_hold_another(qtbot, executor) -> None:
    release = threading.Event()
    held: list[Outcome] = []
    for _ in range(6):
        executor.submit("images", lambda token: release.wait(10), on_done=held.append)
    assert run(qtbot, executor, "io", lambda token: "page").value == "page"
    assert held == []
    release.set()
    qtbot.waitUntil(lambda: len(held) == 6)


def test_a_cancelled_helper_job_is_killed_at_once(qtbot, executor) -> None:
    outcomes: list[Outcome] = []
    task = executor.submit("helper", lambda token: token.in_helper(time.sleep, 30),
                           on_done=outcomes.append)
    qtbot.waitUntil(lambda: executor.helper.live == 1, timeout=10000)
    start = time.monotonic()
    task.cancel()
    qtbot.waitUntil(lambda: bool(outcomes), timeout=1000)
    assert time.monotonic() - start < 0.5
    assert outcomes[0].cancelled
    assert executor.helper.live == 0


def test_helpers_are_reused_until_one_is_cancelled(qtbot, executor) -> None:
    first = run(qtbot, executor, "helper", lambda token: token.in_helper(os.getpid)).value
    again = run(qtbot, executor, "helper", lambda token: token.in_helper(os.getpid)).value
    assert first == again != os.getpid()
    task = executor.submit("helper", lambda token: token.in_helper(time.sleep, 30))
    qtbot.waitUntil(lambda: executor.helper.live == 1, timeout=10000)
    task.cancel()
    qtbot.waitUntil(lambda: executor.helper.live == 0, timeout=1000)
    fresh = run(qtbot, executor, "helper", lambda token: token.in_helper(os.getpid)).value
    assert fresh not in (first, os.getpid())


def test_what_goes_wrong_in_a_helper_comes_back_as_one_line(qtbot, executor) -> None:
    crashed = run(qtbot, executor, "helper", lambda token: token.in_helper(os._exit, 3))
    broken = run(qtbot, executor, "helper", lambda token: token.in_helper(int, "seven"))
    greedy = run(qtbot, executor, "helper",
                 lambda token: token.in_helper(bytearray, 16 * 1024**3))
    for outcome in (crashed, broken, greedy):
        assert isinstance(outcome.error, ReaderError)
        assert "\n" not in str(outcome.error)
    assert str(crashed.error) == "Reading this page stopped unexpectedly."
    assert isinstance(broken.error, ExtractionError)
    assert "ValueError" in str(broken.error)
    assert "memory" in str(greedy.error)


def test_after_shutdown_nothing_runs_and_helpers_are_gone(qtbot) -> None:
    executor = Executor()
    pid = run(qtbot, executor, "helper", lambda token: token.in_helper(os.getpid)).value
    executor.shutdown()
    qtbot.waitUntil(lambda: not os.path.exists(f"/proc/{pid}") or _zombie(pid), timeout=2000)
    assert executor.submit("io", lambda token: "late").token.cancelled()


def _zombie(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] in ("Z", "X")
    except OSError:
        return True
