"""Small modules and classes: none over about 400 lines (modules) or 300 lines (classes)."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "reader_app"
MODULE_LINES = 400
CLASS_LINES = 300


def sources() -> list[tuple[str, str]]:
    return [(path.relative_to(PACKAGE).as_posix(), path.read_text(encoding="utf-8"))
            for path in sorted(PACKAGE.rglob("*.py"))]


def test_modules_are_small() -> None:
    too_long = {}
    for name, text in sources():
        lines = len(text.splitlines())
        if lines > MODULE_LINES:
            too_long[name] = lines
    assert too_long == {}


def test_classes_are_small() -> None:
    too_long = []
    for name, text in sources():
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.ClassDef):
                lines = (node.end_lineno or node.lineno) - node.lineno + 1
                if lines > CLASS_LINES:
                    too_long.append((name, node.name, lines))
    assert too_long == []
