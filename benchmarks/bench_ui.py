"""Desktop benchmarks: cold start, filtering the citizens list, peak memory.

Run standalone (``python benchmarks/bench_ui.py [--quick]``) or from the runner
(``python -m benchmarks --only ui``). The full size is 100k citizens, 20k employers and 20k
vacancies, seeded with ``consultant_app.demo.seed_demo`` into var/bench-profile once and
reused. Goals: from a cold start, the first window (ui.app's start window,
"Åbner profilen …") painted at most 2x a bare PySide6 QMainWindow start, and the profile
usable (opened, the main window shown with its pages) at most 1 s, each beside the bare
QMainWindow measured in the same run, the runs interleaved; the same start without a
passphrase given: the passphrase prompt painted at most 2x the bare window, and the wait from
the passphrase entered (``TYPING_S`` after the prompt appeared, a quick typist) to the profile
usable, which the imports done behind the prompt shorten; the citizens list updated after
a typed word in at most 50 ms; peak RSS with the profile open and the window shown at most
300 MB.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.harness import Result

PASSPHRASE = "bench"
FULL = (20_000, 20_000, 100_000)
QUICK = (500, 500, 2_000)
WORDS = ("hansen", "lager", "kok", "8000", "rengøring", "anna", "truck", "pedel")
VISIBLE_ROWS = 30
TYPING_S = 1.5  # from the prompt shown to the passphrase entered


def profile_for(quick: bool) -> Path:
    """The seeded profile for this size, made on first use and reused after."""
    from consultant_app.demo import DemoCounts, seed_demo
    from consultant_app.store import Store

    path = ROOT / "var" / ("bench-profile-quick" if quick else "bench-profile")
    if Store.exists(path):
        return path
    employers, vacancies, citizens = QUICK if quick else FULL
    tmp = path.with_name(path.name + ".tmp")
    if tmp.exists():
        import shutil
        shutil.rmtree(tmp)
    with Store.create(tmp, PASSPHRASE, consultant="Bench Konsulent",
                      municipality_code="751") as store, store.write() as s:
        seed_demo(s, DemoCounts(employers, vacancies, citizens), seed=7)
    tmp.rename(path)
    return path


# -- child processes ------------------------------------------------------------------------
def _child_env() -> dict[str, str]:
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}


def child_bare() -> None:
    """Baseline: the smallest PySide6 program with a main window, shown, then quit."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv)
    window = QMainWindow()
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    _report_shown()
    QTimer.singleShot(0, app.quit)
    app.exec()
    _report_rss()


def _report_shown(what: str = "SHOWN_AT") -> None:
    """The wall-clock moment the window was shown and painted, read by the parent."""
    print(f"{what} {time.time():.6f}", flush=True)


def child_app(profile: str, filter_word: str = "") -> None:
    """The program's own start path (ui.app's: settings, translator, the start window
    shown, the profile opened off the UI thread, the main window in its place), then quit;
    with ``filter_word``, also the citizens list filtered, for peak memory."""
    from PySide6.QtCore import QSettings, QTimer

    from ui.app import open_program, start_program
    from ui.settings import Settings

    with tempfile.TemporaryDirectory() as tmp:
        app, collector, settings, start = start_program(
            Settings(QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat)))
        _report_shown()
        opened = open_program(Path(profile), PASSPHRASE, settings, start)
        assert opened is not None
        store, ops, window = opened
        app.processEvents()
        _report_shown("USABLE_AT")
        if filter_word:
            for key in window.page_keys():  # every page built and shown once
                window.show_page(key)
                app.processEvents()
            model = _citizen_model(ops)
            model.refresh()
            _visible_rows(model)
            model.set_filter(filter_word)
            _visible_rows(model)
        QTimer.singleShot(0, app.quit)
        app.exec()
        ops.shutdown()
        store.close()
    collector.stop()
    _report_rss()


def child_prompt(profile: str) -> None:
    """The start as a user meets it: no passphrase given, so the prompt opens over the
    start window; the passphrase is entered ``TYPING_S`` later, then the profile opens."""
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from ui.app import PassphraseDialog, open_program, start_program
    from ui.settings import Settings

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, PassphraseDialog):
            QTimer.singleShot(1, answer)
            return
        app.processEvents()  # painted
        _report_shown("PROMPT_AT")

        def enter() -> None:
            dialog.field.setText(PASSPHRASE)
            _report_shown("ENTERED_AT")
            dialog.accept()
        QTimer.singleShot(int(TYPING_S * 1000), enter)

    with tempfile.TemporaryDirectory() as tmp:
        app, collector, settings, start = start_program(
            Settings(QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat)))
        _report_shown()
        QTimer.singleShot(0, answer)
        opened = open_program(Path(profile), None, settings, start)
        assert opened is not None
        store, ops, _window = opened
        app.processEvents()
        _report_shown("USABLE_AT")
        QTimer.singleShot(0, app.quit)
        app.exec()
        ops.shutdown()
        store.close()
    collector.stop()
    _report_rss()


def _run_prompt_child(profile: Path) -> tuple[float, float]:
    """Seconds from a fresh interpreter to the passphrase prompt painted, and from the
    passphrase entered to the profile usable."""
    started = time.time()
    out = subprocess.run([sys.executable, __file__, "--child-prompt", str(profile)],
                         env=_child_env(), cwd=ROOT, capture_output=True, text=True,
                         check=True).stdout
    marks = {line.split()[0]: float(line.split()[1]) for line in out.splitlines()
             if line.startswith(("PROMPT_AT", "ENTERED_AT", "USABLE_AT"))}
    return marks["PROMPT_AT"] - started, marks["USABLE_AT"] - marks["ENTERED_AT"]


def _report_rss() -> None:
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmHWM:"):
                print(f"RSS_MB {int(line.split()[1]) / 1024:.1f}", flush=True)


def _run_child(*args: str) -> tuple[float, float, float]:
    """Seconds from starting a fresh interpreter doing ``args`` to its first window shown
    and to its profile usable (the same for the bare window), and its peak RSS in MiB."""
    started = time.time()
    out = subprocess.run([sys.executable, __file__, *args], env=_child_env(), cwd=ROOT,
                         capture_output=True, text=True, check=True).stdout
    marks = {line.split()[0]: float(line.split()[1]) for line in out.splitlines()
             if line.startswith(("SHOWN_AT", "USABLE_AT", "RSS_MB"))}
    shown = marks["SHOWN_AT"] - started
    usable = marks.get("USABLE_AT", marks["SHOWN_AT"]) - started
    return shown, usable, marks["RSS_MB"]


# -- in-process measures ----------------------------------------------------------------------
def _citizen_model(ops: Any) -> Any:
    """The citizens list as the page builds it: ids sorted and filtered in SQL."""
    from consultant_app import queries
    from ui.models.id_table import IdTableModel

    return IdTableModel(
        "citizen",
        lambda text, sort, desc: ops.run_sync_read(queries.list_ids, "citizen", text, sort, desc),
        lambda ids: ops.run_sync_read(queries.list_rows, "citizen", ids))


def _visible_rows(model: Any) -> None:
    for row in range(min(VISIBLE_ROWS, model.rowCount())):
        for column in range(model.columnCount()):
            model.data(model.index(row, column))


def measure_filter(profile: Path) -> dict[str, Any]:
    """Typing a word into the citizens filter: ids re-queried (FTS + SQL sort) and the
    visible rows' values fetched, which is what has to happen before the rows repaint."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from consultant_app.store import Store
    from ui.ops import Ops

    app = QApplication.instance() or QApplication([])  # noqa: F841 - the models need one
    with Store.open(profile, PASSPHRASE) as store:
        ops = Ops(store)
        model = _citizen_model(ops)
        t0 = time.perf_counter()
        model.refresh()
        _visible_rows(model)
        unfiltered = time.perf_counter() - t0
        total = model.rowCount()
        times, hits = [], {}
        for _round in range(3):
            for word in WORDS:
                model.set_filter("")
                t0 = time.perf_counter()
                model.set_filter(word)
                _visible_rows(model)
                times.append(time.perf_counter() - t0)
                hits[word] = model.rowCount()
        t0 = time.perf_counter()
        model.sort(0)
        model.sort(0, Qt.SortOrder.DescendingOrder)
        _visible_rows(model)
        resort = (time.perf_counter() - t0) / 2
        ops.shutdown()
    return {"median_s": statistics.median(times), "max_s": max(times),
            "unfiltered_s": unfiltered, "resort_s": resort, "rows": total, "hits": hits}


def run(quick: bool) -> list[Result]:
    profile = profile_for(quick)
    size = "quick" if quick else "100k citizens / 20k employers / 20k vacancies"
    repeats = 3 if quick else 5
    _run_child("--child-bare")  # warm the OS file cache for both sides alike
    _run_child("--child-app", str(profile))
    bare, app, prompt = [], [], []
    for _ in range(repeats):  # interleaved, so a load spike on the machine hits both sides
        bare.append(_run_child("--child-bare"))
        app.append(_run_child("--child-app", str(profile)))
        prompt.append(_run_prompt_child(profile))
    bare_s = statistics.median(t for t, _u, _r in bare)
    shown_s = statistics.median(t for t, _u, _r in app)
    usable_s = statistics.median(u for _t, u, _r in app)
    prompt_s = statistics.median(p for p, _w in prompt)
    after_entry_s = statistics.median(w for _p, w in prompt)
    filtering = measure_filter(profile)
    _t, _u, rss = _run_child("--child-app", str(profile), "hansen")
    bare_rss = statistics.median(r for _t, _u, r in bare)
    app_rss = statistics.median(r for _t, _u, r in app)
    runs = {"size": size, "runs": repeats, "bare_s": [round(t, 3) for t, _u, _r in bare]}
    return [
        Result("ui", "cold start to the first window shown", "s", shown_s, bare_s,
               baseline_name="bare PySide6 QMainWindow", goal_ratio=2,
               peak_rss_mb=app_rss, baseline_peak_rss_mb=bare_rss,
               detail={**runs, "app_s": [round(t, 3) for t, _u, _r in app]}),
        Result("ui", "cold start to the profile usable (main window shown)", "s", usable_s,
               bare_s, baseline_name="bare PySide6 QMainWindow", goal_value=1,
               peak_rss_mb=app_rss, baseline_peak_rss_mb=bare_rss,
               detail={**runs, "app_s": [round(u, 3) for _t, u, _r in app]}),
        Result("ui", "cold start to the passphrase prompt painted", "s", prompt_s, bare_s,
               baseline_name="bare PySide6 QMainWindow", goal_ratio=2,
               detail={**runs, "app_s": [round(p, 3) for p, _w in prompt]}),
        Result("ui", f"passphrase entered ({TYPING_S:g} s after the prompt) to the profile "
                     "usable", "s", after_entry_s, bare_s,
               baseline_name="bare PySide6 QMainWindow",
               detail={**runs, "app_s": [round(w, 3) for _p, w in prompt]}),
        Result("ui", "citizens list filtered by a typed word", "ms",
               filtering["median_s"] * 1000, filtering["unfiltered_s"] * 1000,
               baseline_name="the unfiltered list's first load", goal_value=50,
               detail={"size": size, "max_ms": round(filtering["max_s"] * 1000, 1),
                       "resort_ms": round(filtering["resort_s"] * 1000, 1),
                       "rows": filtering["rows"], "hits": filtering["hits"]}),
        Result("ui", "peak RSS, profile open, every page shown, list filtered", "MB", rss,
               bare_rss, baseline_name="bare PySide6 QMainWindow", goal_value=300,
               peak_rss_mb=rss, baseline_peak_rss_mb=bare_rss, detail={"size": size}),
    ]


def main(argv: list[str]) -> int:
    if argv[:1] == ["--child-bare"]:
        child_bare()
        return 0
    if argv[:1] == ["--child-app"]:
        child_app(*argv[1:])
        return 0
    if argv[:1] == ["--child-prompt"]:
        child_prompt(*argv[1:])
        return 0
    quick = "--quick" in argv
    for r in run(quick):
        data = r.to_json()
        print(f"{r.name}: {r.value:.3g} {r.unit} (baseline {r.baseline:.3g} {r.unit}, "
              f"{r.ratio:.2f}x; goal {r.goal}; met {data['met']}) {data['detail']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
