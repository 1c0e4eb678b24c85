"""The arrows between the packages point down only, and no module imports itself round.

DESIGN.md's layers: ``ui`` on top; ``forms`` and ``sync`` below it (``sync`` carries agreements,
so it may use ``forms``; ``forms`` never uses ``sync``); ``consultant_app`` at the bottom. The
test reads every import statement with ``ast``, including imports inside functions (a lazy
import is still an arrow) and leaving out ``if TYPE_CHECKING:`` blocks (annotations only), and
fails on any import up the layers or any cycle between modules. Upper layers join lower ones
through entry points (``consultant_app.commands``), not imports.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LAYER = {"consultant_app": 0, "forms": 1, "sync": 1, "ui": 2}
# Same layer, one direction only: (importer, imported) that is not allowed.
SIDEWAYS_FORBIDDEN = {("forms", "sync")}


def _modules() -> dict[str, Path]:
    found = {}
    for package in LAYER:
        for path in sorted((ROOT / package).rglob("*.py")):
            parts = path.relative_to(ROOT).with_suffix("").parts
            if parts[-1] == "__init__":
                parts = parts[:-1]
            found[".".join(parts)] = path
    return found


def _statements(tree: ast.AST) -> Iterator[ast.Import | ast.ImportFrom]:
    """Every import statement, skipping the bodies of ``if TYPE_CHECKING:``."""
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            yield from (s for n in node.orelse for s in _statements_of(n))
            continue
        yield from _statements_of(node)


def _statements_of(node: ast.AST) -> Iterator[ast.Import | ast.ImportFrom]:
    if isinstance(node, (ast.Import, ast.ImportFrom)):
        yield node
    else:
        yield from _statements(node)


def _targets(module: str, is_package: bool, node: ast.Import | ast.ImportFrom) -> list[str]:
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if node.level:
        base = module.split(".") + (["__init__"] if is_package else [])
        base = base[:len(base) - node.level]
        target = ".".join(base + ([node.module] if node.module else []))
    else:
        target = node.module or ""
    return [f"{target}.{alias.name}" for alias in node.names]


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    edges: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in _statements(tree):
            for target in _targets(name, path.name == "__init__.py", node):
                while target and target not in modules:  # a name in a module: the module
                    target = target.rpartition(".")[0]
                if target and target != name:
                    edges[name].add(target)
    return edges


def test_every_import_points_down_the_layers():
    wrong = []
    for module, targets in _graph().items():
        top = module.split(".")[0]
        for target in targets:
            other = target.split(".")[0]
            if LAYER[other] > LAYER[top] or (top, other) in SIDEWAYS_FORBIDDEN:
                wrong.append(f"{module} -> {target}")
    assert wrong == []


def test_no_module_imports_itself_round():
    edges = _graph()
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []

    def visit(node: str) -> None:  # Tarjan's strongly connected components
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(edges[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    assert cycles == []


def test_the_reader_sees_imports_inside_functions_and_skips_type_checking():
    """The test above can fail: a lazy import is seen, an annotation-only one is not."""
    source = ("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from ui import app\n"
              "def f():\n    from sync.client import engine\n")
    found = [_targets("consultant_app.x", False, n) for n in _statements(ast.parse(source))]
    assert found == [["typing.TYPE_CHECKING"], ["sync.client.engine"]]
