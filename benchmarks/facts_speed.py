"""Speed and memory of the facts engine, beside an earlier engine measured in the same run.

Each engine runs in a fresh process: the load of its lexicons (and name model), then
``find_facts`` over the annotated news articles of tests/data/news (or the given files) —
the median over articles of milliseconds per 1,000 words, best of ``--repeat`` passes — and
the peak memory of the process after finding the facts of a 10,000-word article. The
earlier engine is the package as of ``--baseline`` (a git revision; default: the last
commit of the rule-based recogniser), taken with ``git archive``. Times are processor
time of the process, so that other jobs sharing the machine count little; the two engines
run in turns ``--rounds`` times and each figure is the median of its runs.

    python benchmarks/facts_speed.py [--repeat N] [--rounds N] [--baseline REV] [FILE ...]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NEWS = ROOT / "tests" / "data" / "news"
RULES = "d3aa553"  # the rule-based recogniser, before the learned name model

MEASURE = r"""
import json, resource, statistics, sys, time
sys.path.insert(0, sys.argv[1])
paths, repeat = json.loads(sys.argv[2]), int(sys.argv[3])
started = time.process_time()
from reader_app.core.facts import find_facts
from reader_app.core.facts.lexicon import lexicon
lexicon()
try:
    from reader_app.core.facts.tagger import name_tagger
    name_tagger()
except ImportError:
    pass
load_ms = (time.process_time() - started) * 1000
texts = [open(p, encoding="utf-8").read() for p in paths]
find_facts(texts[0])
per_article = []
for text in texts:
    best = min(
        (lambda t0: (find_facts(text), time.process_time() - t0)[1])(time.process_time())
        for _ in range(repeat)
    )
    per_article.append(best * 1000 / len(text.split()) * 1000)
long_text, words = [], 0
while words < 10_000:
    text = texts[len(long_text) % len(texts)]
    long_text.append(text)
    words += len(text.split())
started = time.process_time()
find_facts("\n\n".join(long_text))
long_ms = (time.process_time() - started) * 1000
print(json.dumps({
    "load_ms": load_ms,
    "median_ms_per_1000": statistics.median(per_article),
    "words": sum(len(t.split()) for t in texts),
    "long_words": words,
    "long_ms": long_ms,
    "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
}))
"""


def measure(root: Path, paths: list[Path], repeat: int) -> dict[str, float]:
    """Figures of the engine under ``root`` in a fresh interpreter."""
    out = subprocess.run(
        [sys.executable, "-c", MEASURE, str(root), json.dumps([str(p) for p in paths]),
         str(repeat)],
        check=True, capture_output=True, text=True,
    )
    return dict(json.loads(out.stdout))


def checkout(revision: str, folder: Path) -> Path:
    """The ``reader_app`` package as of ``revision``, unpacked into ``folder``."""
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", revision, "reader_app"],
        check=True, capture_output=True,
    ).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(folder, filter="data")
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, help="plain-text files to read")
    parser.add_argument("--repeat", type=int, default=5, help="passes over each text")
    parser.add_argument("--baseline", default=RULES, help="git revision to compare with")
    parser.add_argument("--rounds", type=int, default=3,
                        help="runs of each engine, taken in turns; the median is shown")
    args = parser.parse_args()
    paths = args.files or sorted(NEWS.glob("*.txt"))
    runs: dict[str, list[dict[str, float]]] = {"baseline": [], "current": []}
    with tempfile.TemporaryDirectory() as folder:
        old = checkout(args.baseline, Path(folder))
        for _ in range(args.rounds):
            runs["baseline"].append(measure(old, paths, args.repeat))
            runs["current"].append(measure(ROOT, paths, args.repeat))
    baseline, current = ({key: statistics.median(run[key] for run in engine) for key in engine[0]}
                         for engine in (runs["baseline"], runs["current"]))
    print(f"texts: {len(paths)}, words: {current['words']:.0f}; best of {args.repeat} passes,"
          f" median of {args.rounds} runs taken in turns")
    print(f"{'':34}{'baseline ' + args.baseline:>20}{'this tree':>14}")
    rows = [
        ("lexicons + model load (ms)", "load_ms"),
        ("find_facts, median ms/1,000 words", "median_ms_per_1000"),
        (f"{current['long_words']:.0f}-word article (ms)", "long_ms"),
        ("peak memory of the process (MB)", "peak_mb"),
    ]
    for title, key in rows:
        print(f"{title:34}{baseline[key]:20.1f}{current[key]:14.1f}")


if __name__ == "__main__":
    main()
