"""Extraction of very large pages: time and peak memory, Reader beside plain trafilatura.

Usage: python benchmarks/extraction_large.py DATASET_DIR [--paragraphs N] [--mb M]

Two pages, each extracted in a fresh process (its peak resident memory is the page's):
N sibling ``<p>`` of distinct text (1,000,000 by default, 14 MB) and a page of about M MB
(19 by default) made of a dataset article's body repeated. Plain ``trafilatura.extract`` is
measured beside Reader on the same shapes at a tenth of N (its time grows faster than the
page there) and on the M MB page; the ratios are printed.
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import tempfile
from pathlib import Path

_CHILD = r"""
import contextlib, json, logging, resource, sys, time, warnings
warnings.simplefilter("ignore")
logging.disable(logging.CRITICAL)
system, path = sys.argv[1], sys.argv[2]
html = open(path, encoding="utf-8").read()
start = time.perf_counter()
if system == "reader":
    from reader_app.core import ReaderError, extract_article
    with contextlib.suppress(ReaderError):  # a page without an article is timed all the same
        extract_article(html)
else:
    import trafilatura
    trafilatura.extract(html)
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": seconds, "peak_mb": peak}))
"""


def _siblings(count: int) -> str:
    paragraphs = "".join(f"<p>p{n}</p>" for n in range(count))
    return f"<html><head><title>Siblings</title></head><body>{paragraphs}</body></html>"


def _repeated(dataset: Path, megabytes: float) -> str:
    from reader_app.core.decoding import decode_html

    page = decode_html(gzip.decompress((dataset / "html" / "0161.html.gz").read_bytes()))
    opened = page.find(">", page.find("<body")) + 1
    body = page[opened:page.rfind("</body>")]
    times = max(1, int(megabytes * 1e6 // len(body.encode())))
    return page[:opened] + body * times + "</body></html>"


def _run(system: str, html: str, scratch: Path) -> dict[str, float]:
    path = scratch / "page.html"
    path.write_text(html, encoding="utf-8")
    out = subprocess.run([sys.executable, "-c", _CHILD, system, str(path)], check=True,
                         capture_output=True, text=True)
    return json.loads(out.stdout)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dataset", type=Path)
    parser.add_argument("--paragraphs", type=int, default=1_000_000)
    parser.add_argument("--mb", type=float, default=19.0)
    args = parser.parse_args()
    cases = [
        ("siblings", _siblings(args.paragraphs), ("reader",)),
        ("siblings/10", _siblings(args.paragraphs // 10), ("reader", "trafilatura")),
        ("repeated", _repeated(args.dataset, args.mb), ("reader", "trafilatura")),
    ]
    print(f"{'page':<12} {'MB':>6} {'system':<12} {'seconds':>8} {'peak MB':>8}")
    with tempfile.TemporaryDirectory() as scratch:
        for name, html, systems in cases:
            size = len(html.encode()) / 1e6
            found = {s: _run(s, html, Path(scratch)) for s in systems}
            for system, r in found.items():
                print(f"{name:<12} {size:>6.1f} {system:<12} {r['seconds']:>8.1f} "
                      f"{r['peak_mb']:>8.0f}")
            if len(found) == 2:
                ratio = found["reader"]["seconds"] / found["trafilatura"]["seconds"]
                print(f"{'':<12} {'':>6} ratio reader/trafilatura: {ratio:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
