"""Command line: `reader-app [PATH|URL ...]` opens the window; `extract`, `facts` and the
library's `save`, `search` and `library` run headless."""

from __future__ import annotations

import argparse
import json
import multiprocessing
import sys
from collections.abc import Sequence

from . import __version__
from .ui.style.theme_names import THEME_NAMES

FORMATS = ("text", "markdown", "html", "json")
LIBRARY_COMMANDS = ("save", "search", "library")


def _extract_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reader-app extract",
        description="Print the decluttered article of a saved page or URL.",
    )
    parser.add_argument("source", help="a .html/.htm/.xhtml/.mhtml file or an http(s) URL")
    parser.add_argument("--format", choices=FORMATS, default="text", help="output format")
    return parser


def _facts_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reader-app facts",
        description="Print the numbers, people, places and organisations of a plain-text file.",
    )
    parser.add_argument("source", help="a UTF-8 text file, or - for standard input")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    return parser


def _gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reader-app",
        description=(
            "Reader: clean article text from cluttered web pages, with its key facts beside it.\n"
            "Subcommands: 'reader-app extract SOURCE', 'reader-app facts FILE', and the "
            "library's 'save SOURCE', 'search QUERY' and 'library export|import DIR' run "
            "without a window (see their --help)."
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("sources", nargs="*", metavar="PATH|URL", help="pages to open")
    parser.add_argument("--version", action="version", version=f"reader-app {__version__}")
    parser.add_argument(
        "--screenshot", metavar="OUT.png", help="render the window, save a PNG and exit"
    )
    parser.add_argument("--theme", choices=THEME_NAMES, help="colour theme")
    parser.add_argument(
        "--font", metavar="FONT", help="article font: serif, sans, mono or a font family name"
    )
    parser.add_argument("--align", choices=("left", "justify"), help="paragraph alignment")
    parser.add_argument("--size", metavar="WxH", help="window size, e.g. 1280x800")
    parser.add_argument(
        "--new-window", action="store_true", help="do not hand sources to a running Reader"
    )
    parser.add_argument(
        "--private", action="store_true", help="keep nothing of what is opened (no library)"
    )
    parser.add_argument(
        "--install-desktop",
        action="store_true",
        help="install the launcher entry, icons and file associations for this user",
    )
    parser.add_argument(
        "--uninstall-desktop", action="store_true", help="remove what --install-desktop installed"
    )
    return parser


def _fail(message: str) -> int:
    print(f"reader-app: {message}", file=sys.stderr)
    return 2


def run_extract(argv: Sequence[str]) -> int:
    """``reader-app extract``: print the article of one source to stdout."""
    args = _extract_parser().parse_args(argv)
    from .core import ExtractionError, ReaderError, find_facts, read_article, regex_cache, render
    from .core.limits import guard

    try:
        article = read_article(args.source)
        if args.format == "json":
            with guard(ExtractionError, "this article"):
                facts = find_facts(article)
    except ReaderError as err:
        return _fail(str(err))
    if args.format == "json":
        payload = render.to_json_dict(article, facts)
        out = json.dumps(payload, ensure_ascii=False, indent=2)
    else:
        out = {"text": render.to_text, "markdown": render.to_markdown, "html": render.to_html}[
            args.format
        ](article)
    _write(out)
    regex_cache.save()  # the next run reads the core's long patterns instead of compiling them
    return 0


def run_facts(argv: Sequence[str]) -> int:
    """``reader-app facts``: print the facts of a plain-text file or stdin."""
    args = _facts_parser().parse_args(argv)
    from .core import ExtractionError, LoadError, ReaderError, find_facts, regex_cache, render
    from .core.describe import too_large
    from .core.limits import guard
    from .core.loading import LoadOptions, decode_text, load_text

    try:
        if args.source == "-":
            cap = LoadOptions().max_bytes
            data = sys.stdin.buffer.read(cap + 1)
            if len(data) > cap:
                raise LoadError(too_large("The text on standard input", None, cap))
            text = decode_text(data, "standard input") if data else ""
        else:
            text = load_text(args.source)
        with guard(ExtractionError, "this text"):
            facts = find_facts(text)
    except ReaderError as err:
        return _fail(str(err))
    if args.format == "json":
        _write(json.dumps(render.facts_to_json(facts), ensure_ascii=False, indent=2))
    else:
        _write(render.facts_to_text(facts))
    regex_cache.save()
    return 0


def _write(out: str) -> None:
    sys.stdout.write(out if out.endswith("\n") else out + "\n")


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``reader-app``."""
    # In a frozen bundle, a helper process starts here: run it and exit.
    multiprocessing.freeze_support()
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "extract":
        return run_extract(argv[1:])
    if argv and argv[0] == "facts":
        return run_facts(argv[1:])
    if argv and argv[0] in LIBRARY_COMMANDS:
        from .library_cli import run

        return run(argv)
    args = _gui_parser().parse_args(argv)
    if args.install_desktop or args.uninstall_desktop:
        from . import desktop

        try:
            message = desktop.install() if args.install_desktop else desktop.uninstall()
        except OSError as err:
            return _fail(str(err))
        print(message)
        return 0
    from .display_check import display_problem

    if problem := display_problem():
        return _fail(problem)
    # The helper processes load and warm the core (on the first page named, if it is a file)
    # while Qt and the window load.
    from .ui.executor.helper import Helper

    helper = Helper(first_page=args.sources[0] if args.sources else None)
    helper.start()
    from .ui.shell.app import run_gui

    return run_gui(args, helper)


if __name__ == "__main__":
    sys.exit(main())
