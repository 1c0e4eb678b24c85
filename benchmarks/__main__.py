"""Run the benchmarks: ``python -m benchmarks [--only NAME] [--quick] [--save-baseline]``.

A benchmark is a module ``benchmarks/bench_<name>.py`` with a top-level
``run(quick: bool) -> list[Result]`` (``benchmarks.harness.Result``); an optional ``ORDER``
integer (default 100) runs it earlier. Modules without ``run`` (standalone scripts) are listed
as skipped and never imported, so their top-level code does not run here. Results are printed
as a table and written to ``benchmarks/results/latest.json``; ``--save-baseline`` also writes
``baseline-<date>.json`` there, the file meant to be committed.
"""

from __future__ import annotations

import argparse
import ast
import datetime as dt
import importlib
import json
import os
import sys
import time
import traceback
from pathlib import Path
from types import ModuleType
from typing import Any

from .harness import Result, machine_info

# Benchmarks run headless, as ``make bench`` runs them; without this a Qt benchmark aborts the
# whole run where no display is available.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

HERE = Path(__file__).parent
RESULTS = HERE / "results"


def _defines_run(path: Path) -> bool:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    return any(isinstance(node, ast.FunctionDef) and node.name == "run" for node in tree.body)


def discover(only: list[str]) -> tuple[list[ModuleType], list[dict[str, str]]]:
    """The runnable benchmark modules in run order, and notes on those skipped."""
    wanted = {name.removeprefix("bench_").removesuffix(".py") for name in only}
    unknown = set(wanted)
    modules, skipped = [], []
    for path in sorted(HERE.glob("bench_*.py")):
        name = path.stem.removeprefix("bench_")
        if wanted and name not in wanted:
            continue
        unknown.discard(name)
        try:
            if not _defines_run(path):
                skipped.append({"module": path.stem,
                                "note": "no top-level run(quick) function (a standalone script?)"})
                continue
            modules.append(importlib.import_module(f"{__package__}.{path.stem}"))
        except Exception as exc:  # noqa: BLE001 - one broken module must not stop the others
            skipped.append({"module": path.stem, "note": f"cannot load: {exc!r}"})
    if unknown:
        known = ", ".join(p.stem.removeprefix("bench_") for p in sorted(HERE.glob("bench_*.py")))
        raise SystemExit(f"no benchmark named {', '.join(sorted(unknown))} (known: {known})")
    modules.sort(key=lambda m: (getattr(m, "ORDER", 100), m.__name__))
    return modules, skipped


def _figure(value: float, unit: str) -> str:
    return f"{value:.2f} {unit}" if value < 100 else f"{value:.0f} {unit}"


def _rss(result: Result) -> str:
    def mb(v: float | None) -> str:
        return "-" if v is None else f"{v:.0f}"
    return f"{mb(result.peak_rss_mb)} / {mb(result.baseline_peak_rss_mb)}"


def table(results: list[Result]) -> str:
    header = ("measure", "product", "baseline", "ratio", "goal", "met", "peak RSS MiB (p / b)")
    lines = [header] + [(
        r.name, _figure(r.value, r.unit), _figure(r.baseline, r.unit), f"{r.ratio:.2f}x",
        r.goal or "-", {True: "yes", False: "NO", None: "-"}[r.met], _rss(r),
    ) for r in results]
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    out = ["  ".join(cell.ljust(w) for cell, w in zip(line, widths)).rstrip() for line in lines]
    out.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.split("\n")[0])
    parser.add_argument("--only", action="append", default=[], metavar="NAME",
                        help="run only bench_NAME (repeatable)")
    parser.add_argument("--quick", action="store_true", help="small sizes, for a smoke run")
    parser.add_argument("--save-baseline", action="store_true",
                        help="also write results/baseline-<date>.json (full runs only)")
    args = parser.parse_args(argv)
    if args.save_baseline and args.quick:
        parser.error("--save-baseline needs a full run, not --quick")

    modules, skipped = discover(args.only)
    for note in skipped:
        print(f"skipped {note['module']}: {note['note']}", file=sys.stderr)

    started = dt.datetime.now(dt.timezone.utc)
    results: list[Result] = []
    errors: list[dict[str, str]] = []
    for module in modules:
        name = module.__name__.rsplit(".", 1)[1]
        print(f"running {name}{' (quick)' if args.quick else ''} ...", file=sys.stderr, flush=True)
        t0 = time.perf_counter()
        try:
            results.extend(module.run(args.quick))
        except Exception:  # noqa: BLE001 - report it and go on with the others
            errors.append({"module": name, "error": traceback.format_exc()})
            print(traceback.format_exc(), file=sys.stderr)
        print(f"  {name} took {time.perf_counter() - t0:.0f} s", file=sys.stderr, flush=True)

    print(table(results))
    shown: list[dict[str, Any]] = []
    for r in results:
        if r.detail and not any(r.detail is d for d in shown):
            shown.append(r.detail)
            print(f"\n{r.name}: {json.dumps(r.detail, ensure_ascii=False)}")

    report: dict[str, Any] = {
        "date": started.isoformat(timespec="seconds"),
        "quick": args.quick,
        "machine": machine_info(),
        "results": [r.to_json() for r in results],
        "skipped": skipped,
        "errors": errors,
    }
    RESULTS.mkdir(exist_ok=True)
    text = json.dumps(report, indent=2, ensure_ascii=False) + "\n"
    (RESULTS / "latest.json").write_text(text, encoding="utf-8")
    written = [RESULTS / "latest.json"]
    if args.save_baseline:
        baseline = RESULTS / f"baseline-{started:%Y-%m-%d}.json"
        baseline.write_text(text, encoding="utf-8")
        written.append(baseline)
    print("\nwrote " + ", ".join(str(p.relative_to(HERE.parent)) for p in written))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
