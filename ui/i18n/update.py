"""Regenerate the translation catalogue: ``python -m ui.i18n.update`` (``make translations``).

pyside6-lupdate finds ``QCoreApplication.translate("ctx", "…")`` and
``QT_TRANSLATE_NOOP("ctx", "…")`` with literal arguments only. The desktop translates with
``ui.i18n.tr(CTX, "…")`` and the core marks its templates as ``_N(CTX, "…")``, each with the
context in a module constant, which lupdate cannot read; so this script first collects those
calls with Python's own parser and writes them out as literal ``QT_TRANSLATE_NOOP`` calls (a
plural text, ``tr(CTX, "%n …", "", n)``, as ``self.tr`` with its count in a class named as
the context, the one form in which lupdate sees plurals) into a generated file that lupdate reads with the rest. lupdate mistakes ``tr(ctx,
text)`` for ``QObject.tr(text, comment)`` outside any class and files it under an empty
context, where no runtime lookup would ever find it, so that context is dropped.
Agreement templates are JSON data (forms/data/templates/); their labels, titles and texts are
collected too, under the context "template" in which the UI looks them up.
So are the web console's templates (sync/server/console/templates), whose ``_("…")`` texts go
under the context "console".
Existing translations are kept; new strings arrive unfinished; lrelease then builds the .qm.
"""

from __future__ import annotations

import argparse
import ast
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SOURCE_DIRS = ("consultant_app", "forms", "sync", "ui")
TS_FILE = ROOT / "ui" / "i18n" / "consultant_app_en.ts"
NOOP_NAMES = {"QT_TRANSLATE_NOOP", "_N", "tr", "translate"}
EMPTY_CONTEXT = re.compile(r"<context>\s*<name></name>.*?</context>\s*", re.S)


def tool(name: str) -> str:
    """The PySide6 tool next to this interpreter (the venv's), else from PATH."""
    candidate = Path(sys.executable).with_name(name)
    return str(candidate) if candidate.exists() else name


def source_files() -> list[Path]:
    files: list[Path] = []
    for folder in SOURCE_DIRS:
        files.extend(p for p in sorted((ROOT / folder).rglob("*.py"))
                     if "__pycache__" not in p.parts)
    return files


def _string(node: ast.AST, constants: dict[str, str]) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.Name):
        return constants.get(node.id)
    return None


def _module_constants(tree: ast.Module) -> dict[str, str]:
    return {t.id: n.value.value for n in tree.body if isinstance(n, ast.Assign)
            and isinstance(n.value, ast.Constant) and isinstance(n.value.value, str)
            for t in n.targets if isinstance(t, ast.Name)}


def _imported_constants(tree: ast.Module, path: Path) -> dict[str, str]:
    """String constants a module imports from a sibling module (``from .errors import CTX``)."""
    found: dict[str, str] = {}
    for node in tree.body:
        if not isinstance(node, ast.ImportFrom) or not node.module:
            continue
        if node.level:
            base = path.parent
            for _ in range(node.level - 1):
                base = base.parent
        else:
            base = ROOT
        source = base.joinpath(*node.module.split("."))
        source = source.with_suffix(".py") if source.with_suffix(".py").exists() \
            else source / "__init__.py"
        if not source.exists():
            continue
        theirs = _module_constants(ast.parse(source.read_text("utf-8"), str(source)))
        for alias in node.names:
            if alias.name in theirs:
                found[alias.asname or alias.name] = theirs[alias.name]
    return found


def core_templates(path: Path, plural: bool = False) -> list[tuple[str, str]]:
    """(context, text) of every ``_N``/``QT_TRANSLATE_NOOP``/``tr`` call in one module, with
    the context resolved from the module's string constants (``CTX = "problems"``);
    ``plural``: instead, those of the ``tr(CTX, "%n …", "", n)`` calls, which have plural
    forms."""
    tree = ast.parse(path.read_text("utf-8"), str(path))
    constants = {**_imported_constants(tree, path), **_module_constants(tree)}
    found = []
    for node in ast.walk(tree):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                and node.func.id in NOOP_NAMES and len(node.args) >= 2
                and (len(node.args) == 4) == plural):
            context, text = (_string(a, constants) for a in node.args[:2])
            if context is not None and text is not None:
                found.append((context, text))
    return found


TEMPLATE_DIR = ROOT / "forms" / "data" / "templates"
TEMPLATE_CONTEXT = "template"
# The keys of a template file whose values a consultant reads.
TEMPLATE_TEXT_KEYS = {"title", "label", "help", "intro", "closing", "consent", "description",
                      "legal_basis", "notes"}


def template_strings() -> list[tuple[str, str]]:
    """(context, text) of every user-visible text in the agreement templates' JSON files."""
    found: list[tuple[str, str]] = []

    def walk(node: object, key: str = "") -> None:
        if isinstance(node, dict):
            for k, v in node.items():
                if k == "choices" and isinstance(v, dict):
                    found.extend((TEMPLATE_CONTEXT, label) for label in v.values())
                else:
                    walk(v, k)
        elif isinstance(node, list):
            for item in node:
                walk(item, key)
        elif isinstance(node, str) and key in TEMPLATE_TEXT_KEYS and node.strip():
            found.append((TEMPLATE_CONTEXT, node))

    for path in sorted(TEMPLATE_DIR.glob("*.json")):
        walk(json.loads(path.read_text("utf-8")))
    return found


CONSOLE_TEMPLATES = ROOT / "sync" / "server" / "console" / "templates"
CONSOLE_CONTEXT = "console"
CONSOLE_CALL = re.compile(r"""\b_\(\s*(?:"([^"]*)"|'([^']*)')\s*\)""")


def console_strings() -> list[tuple[str, str]]:
    """(context, text) of every ``_("…")`` in the web console's Jinja2 templates."""
    return [(CONSOLE_CONTEXT, m.group(1) if m.group(1) is not None else m.group(2))
            for path in sorted(CONSOLE_TEMPLATES.glob("*.html"))
            for m in CONSOLE_CALL.finditer(path.read_text("utf-8"))]


def write_core_strings(target: Path) -> int:
    pairs = sorted({pair for path in source_files() for pair in core_templates(path)}
                   | set(template_strings()) | set(console_strings()))
    plurals = sorted({pair for path in source_files() for pair in core_templates(path, True)})
    lines = ['"""Generated by ui.i18n.update for lupdate; not imported."""', "",
             "def QT_TRANSLATE_NOOP(c, t):", "    return t", ""]
    lines += [f"QT_TRANSLATE_NOOP({c!r}, {t!r})" for c, t in pairs]
    # lupdate sees plural forms only in a class's self.tr(text, comment, n), and takes the
    # context from the class's name.
    for context in sorted({c for c, _ in plurals}):
        if not context.isidentifier():
            raise SystemExit(f"plural texts need a context that is a name: {context!r}")
        lines += ["", f"class {context}:", "    def plurals(self, n):"]
        lines += [f"        self.tr({t!r}, '', n)" for c, t in plurals if c == context]
    target.write_text("\n".join(lines) + "\n", "utf-8")
    return len(pairs)


def run_lupdate(ts_file: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        generated = Path(tmp) / "core_strings.py"
        write_core_strings(generated)
        files = [str(p) for p in source_files()] + [str(generated)]
        subprocess.run([tool("pyside6-lupdate"), "-silent", "-locations", "none",
                        "-no-obsolete", "-source-language", "da_DK", "-target-language",
                        "en_GB", *files, "-ts", str(ts_file)], check=True, cwd=ROOT)
    ts_file.write_text(EMPTY_CONTEXT.sub("", ts_file.read_text("utf-8")), "utf-8")


def run_lrelease(ts_file: Path) -> Path:
    qm_file = ts_file.with_suffix(".qm")
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts_file), "-qm", str(qm_file)],
                   check=True, cwd=ROOT)
    return qm_file


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ts", type=Path, default=TS_FILE,
                        help="catalogue to update (default: the shipped one)")
    parser.add_argument("--no-release", action="store_true", help="do not build the .qm")
    args = parser.parse_args(argv)
    run_lupdate(args.ts)
    if not args.no_release:
        run_lrelease(args.ts)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
