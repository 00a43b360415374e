"""What the helper processes cost and buy: extracting a page in a helper process against
extracting it on the calling thread, and how long a cancelled extraction keeps its helper.

    python benchmarks/executor_overhead.py [--rounds 15] [--size-mb 8]

Prints the median time of each way and their ratio (both measured in this run), then the
time from cancelling a large extraction to its helper being gone. Helpers import this script
again as they start, as they do Reader's own entry point: so it imports only what Reader's does.
"""

from __future__ import annotations

import argparse
import statistics
import threading
import time


def main() -> None:
    from ui_support import article_html, large_page

    from reader_app.core import RawPage, extract_page
    from reader_app.core.errors import LoadCancelledError
    from reader_app.ui.executor.helper import Helper
    from reader_app.ui.executor.jobs import extract_job, portable

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--size-mb", type=float, default=8.0)
    args = parser.parse_args()
    helper = Helper()
    helper.start()
    raw = RawPage(data=article_html("Harbour survey", 40).encode(), origin="file")
    never = lambda: False  # noqa: E731 (a flag that stays down)
    helper.run(extract_job, (portable(raw), None), never)  # the fork server is ready
    extract_page(raw)  # and this process has the stages imported
    local, forked = [], []
    for _ in range(args.rounds):
        start = time.perf_counter()
        extract_page(raw)
        local.append(time.perf_counter() - start)
        start = time.perf_counter()
        helper.run(extract_job, (portable(raw), None), never)
        forked.append(time.perf_counter() - start)
    here, there = statistics.median(local), statistics.median(forked)
    print(f"extract a {len(raw.data) // 1024} KB page: thread {here * 1000:.1f} ms, "
          f"helper process {there * 1000:.1f} ms, ratio {there / here:.2f}x")

    big = RawPage(data=large_page("Large", int(args.size_mb * 2**20)).encode(), origin="file")
    cancel = threading.Event()
    outcome: list[BaseException] = []

    def extract() -> None:
        try:
            helper.run(extract_job, (portable(big), None), cancel.is_set)
        except LoadCancelledError as err:
            outcome.append(err)

    worker = threading.Thread(target=extract)
    worker.start()
    while helper.live == 0:
        time.sleep(0.005)
    time.sleep(0.5)  # well into the extraction
    start = time.perf_counter()
    cancel.set()
    worker.join()
    print(f"cancel a {args.size_mb:g} MB extraction: helper gone after "
          f"{(time.perf_counter() - start) * 1000:.0f} ms ({type(outcome[0]).__name__})")


if __name__ == "__main__":
    main()
