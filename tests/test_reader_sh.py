"""``./reader.sh`` on a fresh copy: it sets up its environment quietly, then runs Reader."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
# What a fresh clone does not have: the environment, build output and caches.
_NOT_CLONED = shutil.ignore_patterns(".venv", ".git", "build", "dist", "*.egg-info",
                                     "__pycache__", ".*_cache", ".hypothesis")


def test_first_run_installs_quietly_and_keeps_the_log(tmp_path: Path) -> None:
    copy = tmp_path / "reader"
    shutil.copytree(REPO, copy, ignore=_NOT_CLONED, symlinks=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("VIRTUAL_ENV", "PYTHON"))}
    done = subprocess.run([str(copy / "reader.sh"), "--version"], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=900, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("reader-app ")
    assert done.stderr.splitlines() == [
        "reader.sh: installing Reader and its test tools into .venv/ "
        "(the log is .venv/install.log)"
    ]
    assert "Successfully installed" in (copy / ".venv" / "install.log").read_text()

    again = subprocess.run([str(copy / "reader.sh"), "--version"], env=env,
                           capture_output=True, text=True, timeout=60, check=False)
    assert again.returncode == 0
    assert again.stderr == ""  # set up once: later runs say nothing
