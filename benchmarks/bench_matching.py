"""Matching at field size: rank all citizens for one vacancy, all vacancies for one citizen.

Standalone: ``.venv/bin/python benchmarks/bench_matching.py [--quick] [--profile DIR]``.
The profile (100k citizens, 20k employers, 20k vacancies; ``--quick``: 2k / 500 / 500) is
seeded once with ``consultant_app.demo.seed_demo`` and kept under /tmp, so later runs only
measure. Each ranking is timed beside the plain SQL prefilter it starts from (the same
statement, rows fetched and dropped) on the same rows in the same run, so the ratio shows what
the Python scoring costs on top of reading, whatever the machine.

Goals (issue "Matching citizens and vacancies"): all citizens for one vacancy <= 100 ms, all
vacancies for one citizen <= 50 ms.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from consultant_app import matching  # noqa: E402
from consultant_app.demo import DemoCounts, seed_demo  # noqa: E402
from consultant_app.store import Store  # noqa: E402

FULL = DemoCounts(employers=20_000, vacancies=20_000, candidates=100_000)
QUICK = DemoCounts(employers=500, vacancies=500, candidates=2_000)
SEED = 7
TODAY = dt.date(2026, 3, 2)  # fixed: the same seed and day give the same rows
PASSPHRASE = "bench"
SAMPLES = 20
SHOWN = 20  # reasons are built for what a screen shows
GOAL_MS = {"citizens_for_vacancy": 100.0, "vacancies_for_citizen": 50.0}


def profile_path(counts: DemoCounts) -> Path:
    tag = f"{counts.employers}e-{counts.vacancies}v-{counts.candidates}c-s{SEED}"
    return Path(tempfile.gettempdir()) / "consultant-app-bench" / f"matching-{tag}"


def ensure_profile(path: Path, counts: DemoCounts) -> None:
    """Seed into a sibling folder and rename it into place, so an interrupted build never
    leaves a half-seeded profile that later runs would measure."""
    if Store.exists(path):
        return
    building = path.with_name(path.name + ".building")
    shutil.rmtree(building, ignore_errors=True)
    started = time.perf_counter()
    print(f"Seeding {path} …", file=sys.stderr)
    with Store.create(building, PASSPHRASE, consultant="Bench Konsulent",
                      municipality_code="751", kdf_n=2 ** 10) as store, store.write() as s:
        seed_demo(s, counts, seed=SEED, today=TODAY)
    building.rename(path)
    print(f"Seeded in {time.perf_counter() - started:.0f} s", file=sys.stderr)


def nearest_rank(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[max(math.ceil(q * len(ordered)) - 1, 0)]


def summary(times: list[float]) -> dict[str, float]:
    return {"median_ms": round(statistics.median(times), 1),
            "p95_ms": round(nearest_rank(times, 0.95), 1),
            "max_ms": round(max(times), 1)}


def timed(fn) -> tuple[float, object]:  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    result = fn()
    return (time.perf_counter() - started) * 1000, result


def measure(store: Store) -> dict[str, object]:
    with store.read() as s:
        raw = matching._cursor(s)
        vacancy_ids = [r[0] for r in raw.execute(
            "SELECT id FROM vacancy WHERE deleted = 0 AND status = 'open' ORDER BY id")]
        citizen_ids = [r[0] for r in raw.execute(
            "SELECT id FROM citizen WHERE deleted = 0 ORDER BY id")]
    rng = random.Random(SEED)
    vacancies = rng.sample(vacancy_ids, min(SAMPLES, len(vacancy_ids)))
    citizens = rng.sample(citizen_ids, min(SAMPLES, len(citizen_ids)))

    def rank_citizens(s, vid):  # type: ignore[no-untyped-def]
        ranking = matching.rank_citizens(s, vid, today=TODAY)
        for a in ranking.view(limit=SHOWN):
            a.reasons
        return len(ranking.assessments)

    def rank_vacancies(s, cid):  # type: ignore[no-untyped-def]
        ranking = matching.rank_vacancies(s, cid, today=TODAY)
        for a in ranking.view(limit=SHOWN):
            a.reasons
        return len(ranking.assessments)

    def sql_citizens(s, vid):  # type: ignore[no-untyped-def]
        sql, params = matching.citizen_prefilter(matching.load_vacancy(s, vid),
                                                 matching.profile_geo(s))
        return len(matching._cursor(s).execute(sql, params).fetchall())

    def sql_vacancies(s, cid):  # type: ignore[no-untyped-def]
        sql, params = matching.vacancy_prefilter(matching.load_citizen(s, cid),
                                                 matching.profile_geo(s))
        return len(matching._cursor(s).execute(sql, params).fetchall())

    out: dict[str, object] = {}
    for name, ids, ranker, baseline in (
            ("citizens_for_vacancy", vacancies, rank_citizens, sql_citizens),
            ("vacancies_for_citizen", citizens, rank_vacancies, sql_vacancies)):
        with store.read() as s:
            ranker(s, ids[0])  # warm: postcode table, page cache
            rank_ms, sql_ms, results, rows = [], [], [], []
            for ident in ids:  # alternate, so drift in the machine hits both sides alike
                t, n = timed(lambda: baseline(s, ident))
                sql_ms.append(t)
                rows.append(n)
                t, n = timed(lambda: ranker(s, ident))
                rank_ms.append(t)
                results.append(n)
        ranking, sql = summary(rank_ms), summary(sql_ms)
        out[name] = {
            "samples": len(ids),
            "ranking": ranking,
            "sql_prefilter": sql,
            "ratio_median": round(ranking["median_ms"] / max(sql["median_ms"], 0.01), 2),
            "ratio_p95": round(ranking["p95_ms"] / max(sql["p95_ms"], 0.01), 2),
            "prefilter_rows_median": statistics.median(rows),
            "prefilter_rows_max": max(rows),
            "results_median": statistics.median(results),
            "goal_ms": GOAL_MS[name],
            "goal_met_median": ranking["median_ms"] <= GOAL_MS[name],
            "goal_met_p95": ranking["p95_ms"] <= GOAL_MS[name],
        }
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a small profile, for a smoke run")
    parser.add_argument("--profile", type=Path, default=None, help="profile folder to use")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    counts = QUICK if args.quick else FULL
    path = args.profile or profile_path(counts)
    ensure_profile(path, counts)
    with Store.open(path, PASSPHRASE) as store:
        figures = measure(store)
    report = {"profile": str(path), "size": counts.__dict__, **figures}
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    print(f"Matching on {counts.candidates} citizens, {counts.employers} employers, "
          f"{counts.vacancies} vacancies ({path})")
    for name, f in figures.items():
        assert isinstance(f, dict)
        r, b = f["ranking"], f["sql_prefilter"]
        print(f"  {name} ({f['samples']} samples; prefilter rows median "
              f"{f['prefilter_rows_median']:.0f}, max {f['prefilter_rows_max']}):")
        print(f"    ranking        median {r['median_ms']:7.1f} ms   p95 {r['p95_ms']:7.1f} ms"
              f"   goal {f['goal_ms']:.0f} ms: "
              f"{'met' if f['goal_met_median'] else 'MISSED'} (median), "
              f"{'met' if f['goal_met_p95'] else 'MISSED'} (p95)")
        print(f"    SQL prefilter  median {b['median_ms']:7.1f} ms   p95 {b['p95_ms']:7.1f} ms")
        print(f"    ratio ranking / SQL: median {f['ratio_median']}x, p95 {f['ratio_p95']}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
