"""Shared by the window benchmarks: generated pages, a local HTTP server, waiting on signals."""

from __future__ import annotations

import http.server
import os
import threading
from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer, SignalInstance

WORDS = (
    "river", "council", "budget", "harbour", "engineers", "winter", "bridge", "survey",
    "families", "schools", "rail", "tunnel", "museum", "archive", "weather", "storm",
    "village", "market", "library", "summer", "station", "garden",
)


def paragraph(seed: int, words: int = 80) -> str:
    """A deterministic paragraph."""
    out = [WORDS[(seed * 7 + i * 3 + i * i) % len(WORDS)] for i in range(words)]
    return " ".join(" ".join(out[i:i + 16]).capitalize() + "." for i in range(0, words, 16))


def article_html(title: str, paragraphs: int = 30, clutter: str = "", seed: int = 0) -> str:
    """A news-like page: menus, an article, a footer."""
    body = "\n".join(f"<p>{paragraph(seed + i)}</p>" for i in range(paragraphs))
    return (
        f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{title}</title>"
        f"</head><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>{clutter}"
        f"<main><article><h1>{title}</h1><p>By Ada Example</p>{body}</article></main>"
        f"<footer><p>Example News</p></footer></body></html>"
    )


def large_page(title: str, size: int = 5 * 1024 * 1024) -> str:
    """About ``size`` bytes: a normal article buried in scripts and menus."""
    blob = "var tracking = " + repr([f"item-{i}" for i in range(200)]) + ";"
    menu = "".join(f"<li><a href='/s/{i}'>Section {i}</a></li>" for i in range(60))
    chunk = f"<script>{blob}</script><ul>{menu}</ul>\n"
    return article_html(title, 40, clutter=chunk * (size // len(chunk) + 1))


class PageServer:
    """Serves a folder on 127.0.0.1 from a background thread."""

    def __init__(self, folder: Path) -> None:
        handler = partial(_QuietHandler, directory=str(folder))
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> PageServer:
        self.thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    def url(self, name: str) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/{name}"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *_args: object) -> None:
        pass


def wait_for(signal: SignalInstance, start: Callable[[], None], timeout_s: float = 120) -> list:
    """Call ``start`` and run the event loop until ``signal`` fires; returns its arguments."""
    loop = QEventLoop()
    got: list[tuple[object, ...]] = []

    def fired(*args: object) -> None:
        got.append(args)
        loop.quit()

    signal.connect(fired)
    QTimer.singleShot(int(timeout_s * 1000), loop.quit)
    start()
    loop.exec()
    signal.disconnect(fired)
    if not got:
        raise TimeoutError(f"no {signal} in {timeout_s} s")
    return list(got[0])


def rss_mb() -> float:
    """Resident set size of this process in MiB (Linux)."""
    with open("/proc/self/statm", encoding="ascii") as handle:
        pages = int(handle.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / (1024 * 1024)
