"""The package's layers, read from its imports: the core knows no Qt and no window; the reading
view knows nothing of the shell around it; controllers are reached through the command table
only; no collaborator is typed ``Any``."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "reader_app"
QT = ("PySide6", "shiboken6", "PyQt5", "PyQt6")
#: The classes that carry out commands, by module. Only the window composes them; everything
#: else reaches them through the command table (``Command.owner`` and ``Command.method``).
CONTROLLERS = {
    "reader_app.ui.shell.navigation": "Navigation",
    "reader_app.ui.shell.opening": "OpenCommands",
    "reader_app.ui.shell.output": "Output",
    "reader_app.ui.shell.reading_style": "ReadingStyleCommands",
    "reader_app.ui.shell.window_commands": "WindowCommands",
    "reader_app.ui.facts.commands": "FactsCommands",
    "reader_app.ui.library.controller": "LibraryController",
    "reader_app.ui.keyboard.window_keys": "Keyboard",
}
COMPOSITION = "reader_app.ui.shell.window"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> Iterator[tuple[str, Path, ast.Module]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        yield module_name(path), path, ast.parse(path.read_text(encoding="utf-8"))


def imports(name: str, path: Path, tree: ast.Module) -> Iterator[tuple[str, tuple[str, ...]]]:
    """``(module, names)`` of every import in ``tree``, relative ones made absolute."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, ()
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                parts = parts[: len(parts) - (node.level - 1)]
                base = ".".join(parts + ([base] if base else []))
            names = tuple(alias.name for alias in node.names)
            yield base, names
            for alias in names:  # ``from . import x`` may import the module x
                yield f"{base}.{alias}", ()


def under(module: str, package: str) -> bool:
    return module == package or module.startswith(package + ".")


def test_the_import_reader_sees_every_module() -> None:
    names = [name for name, _, _ in modules()]
    assert "reader_app.core.source" in names and COMPOSITION in names
    found = {m for name, path, tree in modules() if name == COMPOSITION
             for m, _ in imports(name, path, tree)}
    assert "reader_app.ui.shell.navigation" in found  # relative imports are resolved


def test_core_imports_no_qt_and_nothing_of_the_window() -> None:
    wrong = [(name, module) for name, path, tree in modules() if under(name, "reader_app.core")
             for module, _ in imports(name, path, tree)
             if module.split(".")[0] in QT or under(module, "reader_app.ui")]
    assert wrong == []


def test_the_reading_view_does_not_import_the_shell() -> None:
    wrong = [(name, module) for name, path, tree in modules()
             if under(name, "reader_app.ui.reading")
             for module, _ in imports(name, path, tree) if under(module, "reader_app.ui.shell")]
    assert wrong == []


def test_controllers_are_composed_by_the_window_alone() -> None:
    wrong = []
    for name, path, tree in modules():
        if name == COMPOSITION:
            continue
        for module, names in imports(name, path, tree):
            if CONTROLLERS.get(module) in names:
                wrong.append((name, CONTROLLERS[module]))
    assert wrong == []


@pytest.mark.parametrize(("module", "cls"), sorted(CONTROLLERS.items()))
def test_controllers_exist_where_the_layering_looks(module: str, cls: str) -> None:
    tree = next(tree for name, _, tree in modules() if name == module)
    assert any(isinstance(n, ast.ClassDef) and n.name == cls for n in tree.body)


def _is_any(annotation: ast.expr) -> bool:
    """``Any`` or ``Any | None`` (a generic's ``Any`` parameter, as in ``Task[Any]``, is not)."""
    return ast.unparse(annotation).replace(" ", "") in ("Any", "Any|None", "None|Any",
                                                       "Optional[Any]")


def test_no_collaborator_is_typed_any() -> None:
    wrong = []
    for name, _, tree in modules():
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef) and node.name == "__init__":
                for arg in node.args.args + node.args.kwonlyargs:
                    if arg.annotation is not None and _is_any(arg.annotation):
                        wrong.append((name, node.lineno, arg.arg))
    assert wrong == []
