"""Open-to-painted: ``reader-app PAGE --screenshot`` against a minimal PySide6 program.

The baseline does the same job with nothing else: extract with trafilatura, show the result in
a QTextBrowser, grab the window to a PNG. Both run as fresh processes, alternated, and the
ratio of the medians is printed (goal: at most 1.3x).

    python benchmarks/ui_open_to_painted.py [PAGE.html] [--rounds 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from ui_support import article_html

BASELINE = r"""
import sys
from PySide6.QtWidgets import QApplication, QTextBrowser
import trafilatura

page, out = sys.argv[1], sys.argv[2]
app = QApplication([])
with open(page, "rb") as handle:
    html = handle.read().decode("utf-8", "replace")
text = trafilatura.extract(html, output_format="html", include_images=True) or ""
view = QTextBrowser()
view.resize(1280, 800)
view.setHtml(text)
view.show()
app.processEvents()
view.grab().save(out, "PNG")
"""


def run(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{command[2:4]} failed: {done.stderr.strip()[-400:]}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("page", nargs="?", help="a saved page (default: a generated article)")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        page = Path(args.page) if args.page else folder / "page.html"
        if not args.page:
            page.write_text(article_html("Harbour bridge reopens", 40), encoding="utf-8")
        env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
                   HOME=str(folder), XDG_CONFIG_HOME=str(folder / "config"))
        # As installed, both programs start from compiled bytecode: the warm-up runs write it.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        ours_cmd = [sys.executable, "-m", "reader_app", str(page), "--screenshot",
                    str(folder / "ours.png"), "--size", "1280x800"]
        base_cmd = [sys.executable, "-c", BASELINE, str(page), str(folder / "base.png")]
        run(ours_cmd, env)  # warm the file and bytecode caches for both
        run(base_cmd, env)
        ours: list[float] = []
        base: list[float] = []
        for _ in range(args.rounds):
            ours.append(run(ours_cmd, env))
            base.append(run(base_cmd, env))
    ratio = statistics.median(ours) / statistics.median(base)
    print(f"page: {page.name}  rounds: {args.rounds}")
    print(f"reader-app --screenshot  median {statistics.median(ours) * 1000:.0f} ms  "
          f"(min {min(ours) * 1000:.0f})")
    print(f"baseline (trafilatura + QTextBrowser)  median {statistics.median(base) * 1000:.0f} ms"
          f"  (min {min(base) * 1000:.0f})")
    print(f"ratio {ratio:.2f}x  (goal <= 1.3x)")


if __name__ == "__main__":
    main()
