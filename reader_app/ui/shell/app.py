"""Start the window: the application object, what to open first, and ``--screenshot`` runs."""

from __future__ import annotations

import argparse
import logging
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QMessageLogContext, QTimer, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

from reader_app import APP_ID, APP_NAME
from reader_app.core.source import Source

from ..executor.helper import Helper
from ..executor.service import Executor
from .app_icon import app_icon
from .bundled import sample_path
from .quit_signals import QuitOnSignals
from .settings import Settings
from .window import MainWindow

#: A ``--screenshot`` run gives up when the article is not shown within this many seconds.
SCREENSHOT_TIMEOUT_S = 90
#: How long a ``--screenshot`` run waits for the article's images.
IMAGE_WAIT_MS = 3000


def parse_size(text: str) -> tuple[int, int]:
    """``"1280x800"`` → ``(1280, 800)``; raises ValueError on anything else."""
    width, _, height = text.lower().partition("x")
    size = (int(width), int(height))
    if min(size) < 200 or max(size) > 10000:
        raise ValueError(f"window size {text} is out of range")
    return size


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication, with Reader's names set (created once)."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv or [sys.argv[0] if sys.argv else "reader-app"])
    app.setOrganizationName(APP_NAME)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(app_icon())
    return app


#: What Qt's offscreen platform says on every window it cannot size natively (nothing wrong).
_OFFSCREEN_NOTICE = "This plugin does not support propagateSizeHints()"


def _quiet_offscreen_notice(app: QApplication) -> None:
    """Keep the offscreen platform's harmless notice off standard error (--screenshot runs)."""
    if app.platformName() != "offscreen":
        return
    previous = None

    def on_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        if message == _OFFSCREEN_NOTICE:
            return
        if previous is not None:
            previous(kind, context, message)
        else:
            print(message, file=sys.stderr)

    previous = qInstallMessageHandler(on_message)


def run_gui(args: argparse.Namespace, helper: Helper | None = None) -> int:
    """Open the reader window for ``args`` (see ``reader-app --help``); returns the exit code.

    ``helper``: the helper processes, when they were started before Qt was loaded.
    """
    logging.basicConfig(level=logging.WARNING, format="reader-app: %(message)s")
    size = None
    if args.size:
        try:
            size = parse_size(args.size)
        except ValueError:
            print(f"reader-app: --size wants WIDTHxHEIGHT, e.g. 1280x800, not {args.size}",
                  file=sys.stderr)
            return 2
    app = create_application()
    _quiet_offscreen_notice(app)
    if args.screenshot:
        return _screenshot(app, args, size, helper)

    # A running Reader takes the sources instead (its window opens them); --new-window opts out.
    from . import single_instance  # not needed by --screenshot runs

    # A private window is a window of its own: a running Reader would keep what it opens.
    private = bool(getattr(args, "private", False))
    instance = single_instance.start(args.sources, bypass=args.new_window or private)
    if instance is None:
        return 0
    executor = Executor(helper=helper)
    QuitOnSignals(app)
    window = open_window(args, Settings(), executor, size)
    instance.attach(window, window.navigation.open_sources)
    window.settings.mark_started()
    code = app.exec()
    executor.shutdown()
    return code


def open_window(args: argparse.Namespace, settings: Settings, executor: Executor,
                size: tuple[int, int] | None = None, keys_file: Path | None = None) -> MainWindow:
    """Show a window for ``args``: its sources, else the sample (first run) or the start page.

    The reader's keys file (``keys_file``, default beside the settings file) overrides the default
    keys; what is wrong with it is reported on standard error and in the window.
    """
    if args.theme:
        settings.set("theme", args.theme)
    _apply_typography(settings, args)
    from ..keyboard.user_keymap import (  # not needed by screenshots
        KEYS_FILE,
        announce,
        load_user_keymap,
    )

    user_keys = load_user_keymap(keys_file or settings.path.parent / KEYS_FILE)
    window = MainWindow(settings, executor=executor, keymap=user_keys.keymap,
                        private=bool(getattr(args, "private", False)))
    announce(window.message_bar, window.article_shown, user_keys)
    if size:
        window.resize(*size)
    window.show()
    if args.sources:
        window.navigation.open_sources(list(args.sources))
    elif settings.first_run():
        window.navigation.open_source(Source.file(sample_path()))
    else:
        window.navigation.show_start_page()
    return window


def _apply_typography(settings: Settings, args: argparse.Namespace) -> None:
    """``--font`` and ``--align`` kept as preferences (a family name sets a custom font)."""
    font = getattr(args, "font", None)
    if font in ("serif", "sans", "mono"):
        settings.set("font_family", font)
    elif font:
        settings.set("custom_font", font)
        settings.set("font_family", "custom")
    if getattr(args, "align", None):
        settings.set("text_align", args.align)


def _screenshot(app: QApplication, args: argparse.Namespace,
                size: tuple[int, int] | None, helper: Helper | None) -> int:
    """Show the first source (or the sample) with default preferences, save a PNG, exit."""
    out = Path(args.screenshot)
    with tempfile.TemporaryDirectory(prefix="reader-screenshot-") as tmp:
        settings = Settings(Path(tmp) / "settings.ini")
        if args.theme:
            settings.set("theme", args.theme)
        _apply_typography(settings, args)
        executor = Executor(helper=helper)
        window = MainWindow(settings, executor=executor, persist=False)
        window.resize(*(size or (1280, 800)))
        status = {"code": 1, "saved": False}

        def save() -> None:
            if status["saved"]:
                return
            status["saved"] = True
            image = window.grab()
            if image.save(str(out), "PNG"):
                status["code"] = 0
            else:
                print(f"reader-app: cannot write {out}", file=sys.stderr)
            app.quit()

        def shown(_article: object) -> None:
            # Wait for the article's images (briefly), then for one paint cycle.
            if window.view.loading_images:
                window.view.images_finished.connect(lambda: QTimer.singleShot(0, save))
                QTimer.singleShot(IMAGE_WAIT_MS, save)
            else:
                QTimer.singleShot(0, save)

        def failed(message: str) -> None:
            print(f"reader-app: {message}", file=sys.stderr)
            app.quit()

        def timed_out() -> None:
            print("reader-app: the page took too long to open", file=sys.stderr)
            app.quit()

        window.facts.facts_shown.connect(shown)
        window.load_failed.connect(failed)
        window.show()
        source = args.sources[0] if args.sources else Source.file(sample_path())
        window.navigation.open_source(source)
        QTimer.singleShot(SCREENSHOT_TIMEOUT_S * 1000, timed_out)
        app.exec()
        window.close()
        executor.shutdown()
        settings.sync()
        return status["code"]
