"""Before Qt starts: is there a display, and can Qt's X11 platform plugin load?

Qt aborts the process (SIGABRT) when its platform plugin cannot load, naming at best one of the
missing system libraries. This check runs first and says, in one line, which packages to install
on Debian/Ubuntu and Fedora, or that there is no display at all.
"""

from __future__ import annotations

import ctypes
import importlib.util
import os
import re
import shutil
import subprocess
from collections.abc import Mapping
from pathlib import Path

#: System libraries that Qt's xcb plugin (and PySide6's Qt) need, with the Debian/Ubuntu and
#: Fedora packages that bring them.
PACKAGES: dict[str, tuple[str, str]] = {
    "libEGL.so.1": ("libegl1", "libglvnd-egl"),
    "libGL.so.1": ("libgl1", "libglvnd-glx"),
    "libGLX.so.0": ("libglx0", "libglvnd-glx"),
    "libOpenGL.so.0": ("libopengl0", "libglvnd-opengl"),
    "libfontconfig.so.1": ("libfontconfig1", "fontconfig"),
    "libfreetype.so.6": ("libfreetype6", "freetype"),
    "libglib-2.0.so.0": ("libglib2.0-0", "glib2"),
    "libdbus-1.so.3": ("libdbus-1-3", "dbus-libs"),
    "libX11.so.6": ("libx11-6", "libX11"),
    "libX11-xcb.so.1": ("libx11-xcb1", "libX11-xcb"),
    "libxkbcommon.so.0": ("libxkbcommon0", "libxkbcommon"),
    "libxkbcommon-x11.so.0": ("libxkbcommon-x11-0", "libxkbcommon-x11"),
    "libxcb.so.1": ("libxcb1", "libxcb"),
    "libxcb-cursor.so.0": ("libxcb-cursor0", "xcb-util-cursor"),
    "libxcb-icccm.so.4": ("libxcb-icccm4", "xcb-util-wm"),
    "libxcb-image.so.0": ("libxcb-image0", "xcb-util-image"),
    "libxcb-keysyms.so.1": ("libxcb-keysyms1", "xcb-util-keysyms"),
    "libxcb-render-util.so.0": ("libxcb-render-util0", "xcb-util-renderutil"),
    "libxcb-util.so.1": ("libxcb-util1", "xcb-util"),
}
# The other libxcb-* extension libraries are one Debian package each and all of libxcb in Fedora.
_XCB_EXTENSION = re.compile(r"libxcb-([a-z0-9]+)\.so\.(\d+)$")
_GENERIC = re.compile(r"lib(.+)\.so\.(\d+)$")
_NOT_FOUND = re.compile(r"^\s*(\S+)\s+=>\s+not found", re.MULTILINE)
_LINKED = re.compile(r"^\s*(\S+\.so[.\d]*)\s+=>\s+(/\S+)", re.MULTILINE)

NO_DISPLAY = (
    "Reader needs a graphical desktop, and neither DISPLAY nor WAYLAND_DISPLAY is set: start it "
    "from a desktop session (for --screenshot without one, set QT_QPA_PLATFORM=offscreen)"
)


def display_problem(env: Mapping[str, str] | None = None) -> str | None:
    """Why the window cannot open under ``env`` (default: this process's), or None."""
    env = os.environ if env is None else env
    wanted = [name.strip() for name in env.get("QT_QPA_PLATFORM", "").split(";") if name.strip()]
    if wanted and not {name.split(":")[0] for name in wanted} <= {"xcb", "wayland"}:
        return None  # offscreen, vnc, eglfs...: no desktop needed, nothing to check here
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        return NO_DISPLAY
    uses_x11 = wanted[0].startswith("xcb") if wanted else not _wayland_session(env)
    if not uses_x11 or not env.get("DISPLAY"):
        return None
    plugin = xcb_plugin()
    if plugin is None:
        return None
    missing = missing_libraries(plugin)
    return missing_message(missing) if missing else None


def _wayland_session(env: Mapping[str, str]) -> bool:
    """Qt picks its Wayland plugin in a Wayland session (falling back to X11 itself)."""
    return bool(env.get("WAYLAND_DISPLAY")) and env.get("XDG_SESSION_TYPE") == "wayland"


def xcb_plugin() -> Path | None:
    """The X11 platform plugin of the PySide6 that Reader runs with, if it can be found."""
    spec = importlib.util.find_spec("PySide6")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        plugin = Path(folder) / "Qt" / "plugins" / "platforms" / "libqxcb.so"
        if plugin.is_file():
            return plugin
    return None


def missing_libraries(plugin: Path) -> list[str]:
    """System libraries (sonames) that keep ``plugin`` from loading; empty when it loads."""
    try:
        ctypes.CDLL(str(plugin))
    except OSError as err:
        first = _soname_of_failure(str(err))
    else:
        return []
    missing = {first} if first else set()
    ldd = shutil.which("ldd")
    if ldd:
        try:
            listing = subprocess.run(
                [ldd, str(plugin)], capture_output=True, text=True, timeout=10, check=False
            ).stdout
        except (OSError, subprocess.SubprocessError):
            listing = ""
        missing.update(_NOT_FOUND.findall(listing))
        # A system library that is there but cannot be loaded (damaged, wrong architecture).
        qt_folder = plugin.parents[3]
        for name, path in _LINKED.findall(listing):
            if name in missing or Path(path).is_relative_to(qt_folder):
                continue
            try:
                ctypes.CDLL(path)
            except OSError as err:
                if _soname_of_failure(str(err)) == Path(path).name:
                    missing.add(name)
    return sorted(missing - {str(plugin)})


def _soname_of_failure(message: str) -> str | None:
    """The library that a dlopen error message names first ("libfoo.so.1: cannot open ...")."""
    head = message.split(":", 1)[0].strip()
    return Path(head).name if ".so" in head else None


def packages_for(soname: str) -> tuple[str, str]:
    """The (Debian/Ubuntu, Fedora) packages that bring ``soname``."""
    if soname in PACKAGES:
        return PACKAGES[soname]
    if match := _XCB_EXTENSION.match(soname):
        return f"libxcb-{match[1]}{match[2]}", "libxcb"
    if match := _GENERIC.match(soname):
        stem = match[1].lower()
        return f"lib{stem}{'-' if stem[-1].isdigit() else ''}{match[2]}", f"lib{match[1]}"
    return soname, soname


def missing_message(missing: list[str]) -> str:
    """One line naming the missing libraries and the commands that install them."""
    debian = sorted({packages_for(name)[0] for name in missing})
    fedora = sorted({packages_for(name)[1] for name in missing})
    return (
        f"Qt cannot open a window: {', '.join(missing)} missing on this system. "
        f"Debian/Ubuntu: sudo apt install {' '.join(debian)}; "
        f"Fedora: sudo dnf install {' '.join(fedora)}"
    )
