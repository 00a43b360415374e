"""The built wheel, installed into a fresh virtual environment, finds all its resources.

The wheel is built offline (no build isolation) and installed without its dependencies into a
new venv; the dependencies come from the test run's own environment through a ``.pth`` line,
so nothing is downloaded. Its ``reader-app`` must then run from its own files, not from this
source tree.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from reader_app import APP_ID

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str | Path, cwd: Path, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(
        [str(arg) for arg in args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, f"{args}\n{done.stdout}\n{done.stderr}"
    return done.stdout


def source_files(folder: Path) -> dict[str, bytes]:
    """Every file below ``folder`` (following links, as the wheel build does), by relative path."""
    found = {}
    for base, dirs, files in os.walk(folder, followlinks=True):
        dirs[:] = [d for d in dirs if d != "__pycache__"]
        for name in files:
            path = Path(base, name)
            found[path.relative_to(folder).as_posix()] = path.read_bytes()
    return found


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv holding the wheel of this tree; returns the venv folder."""
    tmp = tmp_path_factory.mktemp("wheel")
    wheels, venv = tmp / "wheels", tmp / "venv"
    run(
        sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
        "--wheel-dir", wheels, ROOT, cwd=tmp,
    )  # fmt: skip
    (wheel,) = wheels.glob("reader_app-*.whl")
    run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=tmp)
    python = venv / "bin" / "python"
    run(
        sys.executable, "-m", "pip", "--python", python, "install", "--quiet", "--no-deps",
        "--no-index", wheel, cwd=tmp,
    )  # fmt: skip
    purelib = run(python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))", cwd=tmp)
    # Dependencies from this environment; its .pth files (the editable install) are not read.
    deps = {sysconfig.get_path("purelib"), sysconfig.get_path("platlib")}
    Path(purelib.strip(), "test-dependencies.pth").write_text("\n".join(sorted(deps)) + "\n")
    return venv


def installed_package(venv: Path) -> Path:
    code = "import reader_app, pathlib; print(pathlib.Path(reader_app.__file__).parent)"
    return Path(run(venv / "bin" / "python", "-c", code, cwd=venv).strip())


def test_installed_package_is_not_this_source_tree(installed: Path) -> None:
    package = installed_package(installed)
    assert package.is_relative_to(installed), package
    assert not package.is_symlink() and not (package / "resources").is_symlink()


def test_wheel_ships_every_resource_and_lexicon(installed: Path) -> None:
    package = installed_package(installed)
    for source, target in (
        (ROOT / "resources", package / "resources"),
        (ROOT / "reader_app" / "core" / "facts" / "data", package / "core" / "facts" / "data"),
        (ROOT / "reader_app" / "core" / "data", package / "core" / "data"),
    ):
        expected = source_files(source)
        assert expected, source
        assert source_files(target) == expected
    shipped = [p.relative_to(package).as_posix() for p in package.rglob("*") if p.is_file()]
    suffixes = {Path(name).suffix for name in shipped}
    assert {".png", ".svg", ".desktop", ".gz"} <= suffixes
    assert any("sample" in name for name in shipped), "no sample article shipped"
    assert f"resources/icons/hicolor/48x48/apps/{APP_ID}.png" in shipped


def test_installed_reader_app_extracts_the_packaged_sample(installed: Path) -> None:
    code = "from reader_app.ui.shell.bundled import sample_path; print(sample_path())"
    sample = run(installed / "bin" / "python", "-c", code, cwd=installed).strip()
    assert sample.startswith(str(installed)) and os.path.isfile(sample)
    app = installed / "bin" / "reader-app"
    out = run(app, "extract", sample, "--format", "json", cwd=installed)
    article = json.loads(out)
    assert article["word_count"] > 100
    facts = article["facts"]
    assert facts["numbers"] and (facts["places"] or facts["people"] or facts["organisations"])


def test_installed_reader_app_installs_its_desktop_files(installed: Path, tmp_path: Path) -> None:
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "d"), "XDG_CONFIG_HOME": str(tmp_path)}
    run(installed / "bin" / "reader-app", "--install-desktop", cwd=tmp_path, env=env)
    entry = (tmp_path / "d" / "applications" / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    assert f"Exec={installed / 'bin' / 'reader-app'} %U" in entry
    icon = tmp_path / "d" / "icons" / "hicolor" / "256x256" / "apps" / f"{APP_ID}.png"
    assert icon.read_bytes() == (
        ROOT / "resources" / "icons" / "hicolor" / "256x256" / "apps" / f"{APP_ID}.png"
    ).read_bytes()
