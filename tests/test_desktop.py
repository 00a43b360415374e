"""The desktop identity: icons, desktop entry, AppStream metainfo and the per-user install."""

from __future__ import annotations

import configparser
import os
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from reader_app import APP_ID, __version__, desktop

ROOT = Path(__file__).resolve().parent.parent
LINUX = ROOT / "packaging" / "linux"
HICOLOR = ROOT / "resources" / "icons" / "hicolor"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def tool(name: str) -> str:
    """Path of a validator; CI installs them, so there a missing one fails the test."""
    path = shutil.which(name)
    if path is None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{name} is not installed, but CI must run it")
        pytest.skip(f"{name} is not installed here (Debian: desktop-file-utils / appstream)")
    return path


def validate_desktop_file(path: Path) -> None:
    done = subprocess.run(
        [tool("desktop-file-validate"), str(path)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0 and not done.stdout.strip(), done.stdout + done.stderr


def read_entry(path: Path) -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return dict(parser["Desktop Entry"])


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR", path
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_desktop_file_passes_desktop_file_validate() -> None:
    validate_desktop_file(LINUX / f"{APP_ID}.desktop")


def test_metainfo_passes_appstreamcli_validate() -> None:
    done = subprocess.run(
        [tool("appstreamcli"), "validate", "--no-net", str(LINUX / f"{APP_ID}.metainfo.xml")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_desktop_entry_names_the_app_its_icon_and_file_types() -> None:
    entry = read_entry(LINUX / f"{APP_ID}.desktop")
    assert entry["Exec"] == "reader-app %U"
    assert entry["Icon"] == APP_ID
    assert entry["Terminal"] == "false"
    assert entry["MimeType"].rstrip(";").split(";") == list(desktop.MIME_TYPES)
    assert entry["Categories"] and entry["Keywords"]


def test_only_web_page_types_are_claimed() -> None:
    """HTML, XHTML and MHTML (by both its names), as the README says; never e-mail files."""
    assert set(desktop.MIME_TYPES) == {
        "text/html",
        "application/xhtml+xml",
        "multipart/related",
        "application/x-mimearchive",
    }


def test_desktop_entry_matches_the_running_application(qapp) -> None:
    """X11 matches windows to the entry by WM_CLASS, which Qt takes from applicationName."""
    from reader_app.ui.shell.app import create_application

    app = create_application()
    entry = read_entry(LINUX / f"{APP_ID}.desktop")
    assert app.desktopFileName() == APP_ID
    assert entry["StartupWMClass"] == app.applicationName()
    assert not app.windowIcon().isNull()
    assert 512 in {size.width() for size in app.windowIcon().availableSizes()}


def test_metainfo_matches_the_program() -> None:
    root = ET.parse(LINUX / f"{APP_ID}.metainfo.xml").getroot()
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == f"{APP_ID}.desktop"
    assert root.findtext("provides/binary") == "reader-app"
    assert root.find("content_rating") is not None
    images = [el.text or "" for el in root.iterfind("screenshots/screenshot/image")]
    assert images
    for url in images:  # each screenshot is one the repository holds
        assert (ROOT / url.split("/main/", 1)[1]).is_file(), url
    assert root.find("releases/release").get("version") == __version__  # type: ignore[union-attr]


def test_icon_renditions_exist_at_every_size_and_match_the_svg(qapp, tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "packaging"))
    try:
        from render_icons import render
    finally:
        sys.path.pop(0)
    from PySide6.QtGui import QImage

    svg = HICOLOR / "scalable" / "apps" / f"{APP_ID}.svg"
    for size in SIZES:
        committed = HICOLOR / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        assert png_size(committed) == (size, size)
        if size > 128:
            continue
        fresh = tmp_path / f"{size}.png"
        render(svg, size, fresh)
        a = QImage(str(committed)).convertToFormat(QImage.Format.Format_RGBA8888)
        b = QImage(str(fresh)).convertToFormat(QImage.Format.Format_RGBA8888)
        pairs = zip(bytes(a.constBits()), bytes(b.constBits()), strict=True)
        diff = sum(abs(x - y) for x, y in pairs) / (size * size * 4)
        assert diff < 2.0, f"{committed} is stale: run packaging/render_icons.py"


def test_symbolic_icon_is_a_single_colour_svg() -> None:
    from PySide6.QtSvg import QSvgRenderer

    path = HICOLOR / "symbolic" / "apps" / f"{APP_ID}-symbolic.svg"
    assert QSvgRenderer(str(path)).isValid()
    fills = {el.get("fill") for el in ET.parse(path).getroot().iter() if el.get("fill")}
    assert fills == {"#2e3436"}


@pytest.mark.parametrize(
    "program",
    ["/opt/My Apps/reader-app", '/home/a$b/100% "odd"/reader-app', "/usr/bin/reader-app"],
)
def test_exec_line_quotes_unusual_paths(tmp_path: Path, program: str) -> None:
    path = tmp_path / f"{APP_ID}.desktop"
    path.write_text(desktop.desktop_entry([program, "-m", "reader_app"]), encoding="utf-8")
    validate_desktop_file(path)
    exec_line = read_entry(path)["Exec"]
    # Undo the desktop file's string escape, then the Exec quoting, as a launcher does.
    value = exec_line.replace("\\\\", "\\")
    first = value[1 : value.index('" ', 1)] if value.startswith('"') else value.split(" ")[0]
    for char in ("\\", '"', "`", "$"):
        first = first.replace("\\" + char, char)
    assert first.replace("%%", "%") == program
    assert exec_line.endswith(" -m reader_app %U")


def run_cli(*args: str, env: dict[str, str]) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "reader_app", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_install_and_uninstall_for_the_user(tmp_path: Path) -> None:
    data, config = tmp_path / "data", tmp_path / "config"
    config.mkdir()
    mimeapps = config / "mimeapps.list"
    before = (
        "[Default Applications]\ntext/html=firefox.desktop\n\n"
        "[Added Associations]\ntext/html=firefox.desktop;\nimage/png=eog.desktop;\n"
    )
    mimeapps.write_text(before, encoding="utf-8")
    env = {**os.environ, "XDG_DATA_HOME": str(data), "XDG_CONFIG_HOME": str(config)}

    message = run_cli("--install-desktop", env=env)
    entry_path = data / "applications" / f"{APP_ID}.desktop"
    assert str(entry_path) in message
    entry = read_entry(entry_path)
    program = entry["Exec"].split(" ")[0]
    assert os.path.isabs(program) and os.access(program, os.X_OK)
    assert entry["TryExec"] == program
    if shutil.which("desktop-file-validate") or os.environ.get("CI") == "true":
        validate_desktop_file(entry_path)
    for size in SIZES:
        icon = data / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        assert png_size(icon) == (size, size)
    assert (data / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").is_file()
    assert (data / "icons" / "hicolor" / "symbolic" / "apps" / f"{APP_ID}-symbolic.svg").is_file()
    assert (data / "metainfo" / f"{APP_ID}.metainfo.xml").is_file()
    lists = mimeapps.read_text(encoding="utf-8")
    assert "text/html=firefox.desktop\n" in lists  # the default application is untouched
    assert f"text/html=firefox.desktop;{APP_ID}.desktop;" in lists
    for mime in desktop.MIME_TYPES:
        assert f"{mime}=" in lists

    run_cli("--install-desktop", env=env)  # installing twice changes nothing
    assert mimeapps.read_text(encoding="utf-8") == lists

    message = run_cli("--uninstall-desktop", env=env)
    assert "Removed" in message
    assert mimeapps.read_text(encoding="utf-8") == before
    left = [p for p in tmp_path.rglob("*") if APP_ID in p.name]
    assert left == []
    assert "nothing to remove" in run_cli("--uninstall-desktop", env=env)
