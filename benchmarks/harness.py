"""What every measure shares: the result record, child processes with their peak RSS,
percentiles, the run's scratch folder and the machine's description.

Each side of a measure (the product and its baseline) runs in a fresh spawned process, so its
peak RSS belongs to that side alone and neither side inherits the other's caches or garbage.
Linux carries the parent's resident size at fork over into the child's ``getrusage``
``ru_maxrss``, even across exec, so on Linux the peak is read from ``VmHWM`` in
/proc/self/status (the high-water mark of this process image only); elsewhere from
``getrusage``. The runner's process keeps no bulk data either way: rows and documents are only
ever loaded in children.
"""

from __future__ import annotations

import atexit
import math
import multiprocessing
import os
import platform
import resource
import shutil
import sqlite3
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Callable, TypeVar

T = TypeVar("T")


@dataclass
class Result:
    """One measure: the product's figure beside its baseline's, from the same run."""

    bench: str                       # the module, without "bench_"
    name: str                        # what was measured, e.g. "search p95"
    unit: str                        # "s", "ms"
    value: float                     # the product
    baseline: float                  # the same work done the baseline's way
    baseline_name: str = "raw sqlite3"
    goal_ratio: float | None = None  # value / baseline must be at most this
    goal_value: float | None = None  # value must be at most this (in ``unit``)
    peak_rss_mb: float | None = None           # of the process that ran the product side
    baseline_peak_rss_mb: float | None = None  # of the process that ran the baseline side
    detail: dict[str, Any] = field(default_factory=dict)

    @property
    def ratio(self) -> float:
        return self.value / self.baseline if self.baseline else math.inf

    @property
    def goal(self) -> str:
        parts = []
        if self.goal_value is not None:
            parts.append(f"<= {self.goal_value:g} {self.unit}")
        if self.goal_ratio is not None:
            parts.append(f"<= {self.goal_ratio:g}x")
        return ", ".join(parts)

    @property
    def met(self) -> bool | None:
        if self.goal_ratio is None and self.goal_value is None:
            return None
        return ((self.goal_ratio is None or self.ratio <= self.goal_ratio)
                and (self.goal_value is None or self.value <= self.goal_value))

    def to_json(self) -> dict[str, Any]:
        return {**asdict(self), "ratio": round(self.ratio, 3), "goal": self.goal,
                "met": self.met}


def _peak_rss_mb() -> float:
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # Linux reports kilobytes, macOS bytes.
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def _call_and_measure(func: Callable[..., T], args: tuple[Any, ...]) -> tuple[T, float]:
    return func(*args), _peak_rss_mb()


def in_child(func: Callable[..., T], *args: Any) -> tuple[T, float]:
    """``func(*args)`` in a fresh interpreter; its return value and that process's peak RSS
    in MiB. ``func`` must be a module-level function and its arguments picklable."""
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        return pool.submit(_call_and_measure, func, args).result()


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile (p in 0..100): a latency that was actually observed."""
    ordered = sorted(values)
    rank = max(1, math.ceil(p / 100 * len(ordered)))
    return ordered[rank - 1]


_workdir: Path | None = None


def workdir() -> Path:
    """This run's scratch folder (profiles, generated rows), removed when the run ends.
    Set BENCH_WORKDIR to keep it somewhere else, e.g. on a particular disk; it is then kept."""
    global _workdir
    if _workdir is None:
        chosen = os.environ.get("BENCH_WORKDIR")
        if chosen:
            _workdir = Path(chosen)
            _workdir.mkdir(parents=True, exist_ok=True)
        else:
            _workdir = Path(tempfile.mkdtemp(prefix="consultant-bench-"))
            atexit.register(shutil.rmtree, _workdir, ignore_errors=True)
    return _workdir


def machine_info() -> dict[str, Any]:
    import sqlalchemy

    info: dict[str, Any] = {
        "cpu_count": os.cpu_count(),
        "python": platform.python_version(),
        "python_implementation": platform.python_implementation(),
        "sqlite": sqlite3.sqlite_version,
        "sqlalchemy": sqlalchemy.__version__,
        "platform": platform.platform(),
        "machine": platform.machine(),
    }
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            model = next((line.split(":", 1)[1].strip() for line in fh
                          if line.startswith("model name")), None)
        if model:
            info["cpu_model"] = model
        with open("/proc/meminfo", encoding="utf-8") as fh:
            total_kb = int(next(line for line in fh if line.startswith("MemTotal")).split()[1])
        info["memory_gib"] = round(total_kb / 1024 / 1024, 1)
    except (OSError, StopIteration, ValueError):
        pass
    return info
