"""Starting without a display, or without a library Qt's X11 plugin needs: one clear line."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader_app.display_check import (
    NO_DISPLAY,
    PACKAGES,
    display_problem,
    missing_message,
    packages_for,
    xcb_plugin,
)

REPO = Path(__file__).resolve().parents[1]
README = (REPO / "README.md").read_text(encoding="utf-8")


def gui_env(**extra: str) -> dict[str, str]:
    """This environment without any display or platform choice, plus ``extra``."""
    env = {k: v for k, v in os.environ.items()
           if k not in {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "XDG_SESSION_TYPE"}}
    env.update(extra)
    return env


def reader_command() -> list[str]:
    """``./reader.sh`` when the tests run in its virtual environment, else this Python's Reader."""
    if Path(sys.prefix).resolve() == (REPO / ".venv").resolve():
        return [str(REPO / "reader.sh")]
    return [sys.executable, "-m", "reader_app"]


def run_reader(*args: str, env: dict[str, str], prefix: list[str] | None = None,
               ) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*(prefix or []), *reader_command(), *args], env=env, cwd=REPO,
                          capture_output=True, text=True, timeout=60, check=False)


def readme_line(command: str) -> set[str]:
    """The packages of the README's ``sudo apt install`` / ``sudo dnf install`` line."""
    match = re.search(rf"^ +sudo {command} install (.+)$", README, re.MULTILINE)
    assert match, f"the README gives no '{command} install' line"
    return set(match[1].split())


def test_no_display_is_said_in_one_line_and_exits_2() -> None:
    done = run_reader(env=gui_env())
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [f"reader-app: {NO_DISPLAY}"]


def test_platform_choice_decides_what_is_checked() -> None:
    assert display_problem({}) == NO_DISPLAY
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}) is None
    assert display_problem({"QT_QPA_PLATFORM": "xcb"}) == NO_DISPLAY
    wayland = {"WAYLAND_DISPLAY": "wayland-0", "XDG_SESSION_TYPE": "wayland", "DISPLAY": ":0"}
    assert display_problem(wayland) is None


def test_message_names_the_packages_of_both_distributions() -> None:
    message = missing_message(["libxcb-icccm.so.4", "libxcb-keysyms.so.1", "libxcb-randr.so.0"])
    assert "\n" not in message
    assert "sudo apt install libxcb-icccm4 libxcb-keysyms1 libxcb-randr0" in message
    assert "sudo dnf install libxcb xcb-util-keysyms xcb-util-wm" in message
    assert packages_for("libfoo2.so.3") == ("libfoo2-3", "libfoo2")


@pytest.fixture
def hidden_icccm() -> Iterator[list[str]]:
    """A command prefix that runs a program without libxcb-icccm.so.4 (hidden, or not there)."""
    plugin = xcb_plugin()
    assert plugin is not None
    listing = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True,
                             check=True).stdout
    match = re.search(r"libxcb-icccm\.so\.4 => (\S+)", listing)
    assert match, listing
    if match[1] == "not":  # not installed here: nothing to hide
        yield []
        return
    # A mount namespace of its own, where an empty file stands over the library.
    unshare = shutil.which("unshare")
    assert unshare, "unshare (util-linux) is needed to hide a library"
    yield [unshare, "--mount", "--map-root-user", "sh", "-c",
           f'mount --bind /dev/null "{match[1]}" && exec "$@"', "sh"]


def test_a_missing_x11_library_is_named_with_its_packages(hidden_icccm: list[str]) -> None:
    done = run_reader(env=gui_env(DISPLAY=":99"), prefix=hidden_icccm)
    assert done.returncode == 2, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert "libxcb-icccm.so.4" in lines[0]
    assert "sudo apt install libxcb-icccm4" in lines[0]
    assert "xcb-util-wm" in lines[0]


def test_readme_names_every_library_the_x11_plugin_links() -> None:
    plugin = xcb_plugin()
    assert plugin is not None
    listing = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True,
                             check=True).stdout
    linked = {name for name in PACKAGES if re.search(rf"^\s*{re.escape(name)} ", listing, re.M)}
    assert "libxcb-icccm.so.4" in linked
    debian, fedora = readme_line("apt"), readme_line("dnf")
    for name in linked:
        assert packages_for(name)[0] in debian, name
        assert packages_for(name)[1] in fedora, name


@pytest.fixture
def x_server(tmp_path: Path) -> Iterator[str]:
    """A virtual X server (Xvfb) on a free display number."""
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        if os.environ.get("CI"):
            pytest.fail("Xvfb is not installed (Debian: xvfb)")
        pytest.skip("Xvfb is not installed here (Debian: xvfb)")
    read_fd, write_fd = os.pipe()
    # -displayfd: the server picks a free display and writes its number when ready.
    server = subprocess.Popen([xvfb, "-displayfd", str(write_fd), "-nolisten", "tcp",
                               "-screen", "0", "1280x1024x24"], pass_fds=(write_fd,),
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write_fd)
    with os.fdopen(read_fd) as ready:
        number = ready.readline().strip()
    try:
        assert number.isdigit(), "Xvfb did not start"
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_reader_shows_its_window_on_an_x_server(x_server: str, tmp_path: Path) -> None:
    shot = tmp_path / "window.png"
    env = gui_env(DISPLAY=x_server, XDG_CONFIG_HOME=str(tmp_path / "config"),
                  XDG_DATA_HOME=str(tmp_path / "data"), XDG_RUNTIME_DIR=str(tmp_path))
    done = run_reader("--screenshot", str(shot), "--size", "900x700", env=env)
    assert done.returncode == 0, done.stderr
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_a_screenshot_without_a_display_says_nothing(tmp_path: Path) -> None:
    shot = tmp_path / "window.png"
    env = gui_env(QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "config"),
                  XDG_DATA_HOME=str(tmp_path / "data"))
    done = run_reader("--screenshot", str(shot), "--size", "900x700", env=env)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
