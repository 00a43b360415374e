"""Install Reader into the current user's desktop (XDG): launcher entry, icons, "Open with".

``reader-app --install-desktop`` writes, under ``$XDG_DATA_HOME`` (default ``~/.local/share``),
the desktop entry with an ``Exec`` line that runs this very installation, the hicolor icons and
the AppStream metainfo, and adds Reader to the "Open with" list of its file types in
``$XDG_CONFIG_HOME/mimeapps.list`` (never replacing the user's default application). It then
refreshes the desktop and icon caches when their tools are installed. ``--uninstall-desktop``
removes exactly those files and entries again. No new MIME types are defined (the shared MIME
database already knows HTML, XHTML and MHTML), so the MIME database needs no update.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path

from . import APP_ID, APP_NAME

#: File types Reader opens; the desktop entry's ``MimeType`` lists the same.
MIME_TYPES = (
    "text/html",
    "application/xhtml+xml",
    "multipart/related",
    "application/x-mimearchive",
)
DESKTOP_FILE = f"{APP_ID}.desktop"
METAINFO_FILE = f"{APP_ID}.metainfo.xml"
_ADDED = "[Added Associations]"
# Characters that make the desktop-entry spec require quoting an Exec argument.
_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


def data_home() -> Path:
    """``$XDG_DATA_HOME``, or ``~/.local/share`` when unset or not absolute."""
    return _xdg_dir("XDG_DATA_HOME", ".local/share")


def config_home() -> Path:
    """``$XDG_CONFIG_HOME``, or ``~/.config`` when unset or not absolute."""
    return _xdg_dir("XDG_CONFIG_HOME", ".config")


def _xdg_dir(variable: str, default: str) -> Path:
    value = os.environ.get(variable, "")
    return Path(value) if os.path.isabs(value) else Path.home() / default


def launch_command() -> list[str]:
    """The command that starts this installation of Reader, as absolute program + arguments."""
    if getattr(sys, "frozen", False):  # a PyInstaller bundle: the executable is Reader itself
        return [sys.executable]
    argv0 = sys.argv[0] if sys.argv else ""
    if os.path.basename(argv0) == "reader-app" and os.path.isfile(argv0):
        return [os.path.abspath(argv0)]
    script = Path(sys.executable).parent / "reader-app"
    if script.is_file():
        return [str(script)]
    return [sys.executable, "-m", "reader_app"]


def _exec_arg(arg: str) -> str:
    """One argument of a desktop-entry ``Exec`` value, quoted and escaped as the spec asks."""
    arg = arg.replace("%", "%%")
    if _RESERVED.isdisjoint(arg):
        return arg
    for char in ('\\', '"', "`", "$"):
        arg = arg.replace(char, "\\" + char)
    # The desktop file's own string escaping doubles every backslash once more.
    return '"' + arg.replace("\\", "\\\\") + '"'


def desktop_entry(command: list[str]) -> str:
    """The packaged desktop entry with ``Exec``/``TryExec`` pointing at ``command``."""
    template = _resource("linux", DESKTOP_FILE).read_text(encoding="utf-8")
    lines = []
    for line in template.splitlines():
        if line.startswith("Exec="):
            line = "Exec=" + " ".join(_exec_arg(arg) for arg in command) + " %U"
        elif line.startswith("TryExec="):
            line = "TryExec=" + _exec_arg(command[0])
        lines.append(line)
    return "\n".join(lines) + "\n"


def _resource(*parts: str) -> Traversable:
    node = resources.files("reader_app") / "resources"
    for part in parts:
        node = node / part
    return node


def _icon_files() -> dict[str, bytes]:
    """Every packaged hicolor icon, keyed by its path below ``icons/hicolor``."""
    found: dict[str, bytes] = {}

    def walk(node: Traversable, prefix: str) -> None:
        for child in node.iterdir():
            name = f"{prefix}/{child.name}" if prefix else child.name
            if child.is_dir():
                walk(child, name)
            elif APP_ID in child.name:
                found[name] = child.read_bytes()

    walk(_resource("icons", "hicolor"), "")
    return found


def _planned_files(command: list[str]) -> dict[Path, bytes]:
    """Every file install() writes, with its content."""
    home = data_home()
    files = {
        home / "applications" / DESKTOP_FILE: desktop_entry(command).encode("utf-8"),
        home / "metainfo" / METAINFO_FILE: _resource("linux", METAINFO_FILE).read_bytes(),
    }
    for name, content in _icon_files().items():
        files[home / "icons" / "hicolor" / name] = content
    return files


def _write_atomic(path: Path, content: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


def _edit_associations(text: str, add: bool) -> str:
    """``mimeapps.list`` text with Reader added to (or removed from) its "Added Associations"."""
    lines = text.splitlines()
    start = next((i for i, line in enumerate(lines) if line.strip() == _ADDED), None)
    if start is None:
        if not add:
            return text
        if lines and lines[-1].strip():
            lines.append("")
        lines.append(_ADDED)
        start = len(lines) - 1
    end = next(
        (i for i in range(start + 1, len(lines)) if lines[i].lstrip().startswith("[")), len(lines)
    )
    pending = list(MIME_TYPES) if add else []
    body = []
    for line in lines[start + 1 : end]:
        key, sep, value = line.partition("=")
        mime = key.strip()
        if sep and mime in MIME_TYPES:
            apps = [app for app in value.strip().split(";") if app and app != DESKTOP_FILE]
            if add and mime in pending:
                apps.append(DESKTOP_FILE)
                pending.remove(mime)
            if not apps:
                continue
            line = f"{mime}={';'.join(apps)};"
        body.append(line)
    trailing = []
    while body and not body[-1].strip():
        trailing.append(body.pop())
    body += [f"{mime}={DESKTOP_FILE};" for mime in pending] + trailing
    lines[start + 1 : end] = body
    return "\n".join(lines) + "\n"


def _refresh_caches(home: Path) -> list[str]:
    """Run the desktop and icon cache tools that are installed; name those that ran."""
    ran = []
    jobs = (
        ("update-desktop-database", ["-q", str(home / "applications")]),
        ("gtk-update-icon-cache", ["-q", "-f", "-t", str(home / "icons" / "hicolor")]),
    )
    for tool, args in jobs:
        program = shutil.which(tool)
        if program is None:
            continue
        done = subprocess.run(
            [program, *args], capture_output=True, text=True, timeout=60, check=False
        )
        ran.append(tool if done.returncode == 0 else f"{tool} (failed: {done.stderr.strip()})")
    return ran


def install() -> str:
    """Install the desktop entry, icons, metainfo and "Open with" entries; say what was done."""
    command = launch_command()
    files = _planned_files(command)
    for path, content in files.items():
        _write_atomic(path, content)
    mimeapps = config_home() / "mimeapps.list"
    old = mimeapps.read_text(encoding="utf-8") if mimeapps.exists() else ""
    _write_atomic(mimeapps, _edit_associations(old, add=True).encode("utf-8"))
    ran = _refresh_caches(data_home())
    icons = sum(1 for path in files if path.suffix in (".png", ".svg"))
    summary = [
        f"Installed {APP_NAME} for this user:",
        f"  launcher  {data_home() / 'applications' / DESKTOP_FILE}",
        f"  runs      {' '.join(command)}",
        f"  icons     {icons} in {data_home() / 'icons' / 'hicolor'}",
        f"  open with {len(MIME_TYPES)} file types in {mimeapps}",
    ]
    if ran:
        summary.append(f"  refreshed {', '.join(ran)}")
    return "\n".join(summary)


def uninstall() -> str:
    """Remove what :func:`install` wrote; say what was removed."""
    home = data_home()
    removed = 0
    for path in _planned_files(launch_command()):
        if path.exists():
            path.unlink()
            removed += 1
            _prune_empty_parents(path.parent, stop=home)
    mimeapps = config_home() / "mimeapps.list"
    old = mimeapps.read_text(encoding="utf-8") if mimeapps.exists() else ""
    if DESKTOP_FILE in old:
        new = _edit_associations(old, add=False)
        if new.strip() == _ADDED:  # nothing but the group install() created
            mimeapps.unlink()
        else:
            _write_atomic(mimeapps, new.encode("utf-8"))
        removed += 1
    if not removed:
        return f"{APP_NAME} was not installed for this user; nothing to remove."
    ran = _refresh_caches(home) if (home / "applications").is_dir() else []
    message = f"Removed {APP_NAME}'s launcher entry, icons and file associations ({removed} files)."
    return message + (f"\n  refreshed {', '.join(ran)}" if ran else "")


def _prune_empty_parents(folder: Path, stop: Path) -> None:
    """Remove ``folder`` and its parents up to (not including) ``stop`` while they are empty."""
    while folder != stop and stop in folder.parents:
        try:
            folder.rmdir()
        except OSError:
            return
        folder = folder.parent
