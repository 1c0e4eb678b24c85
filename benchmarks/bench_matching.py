"""Matching at field size: rank all citizens for one vacancy, all vacancies for one citizen.

Standalone: ``.venv/bin/python benchmarks/bench_matching.py [--quick] [--profile DIR]``.
The profile (100k citizens, 20k employers, 20k vacancies; ``--quick``: 2k / 500 / 500) is
seeded once with ``consultant_app.demo.seed_demo`` and kept under /tmp, so later runs only
measure. Each ranking is timed beside the plain SQL prefilter it starts from (the same
statement, rows fetched and dropped) on the same rows in the same run, so the ratio shows what
the Python scoring costs on top of reading, whatever the machine.

Rankings come from the profile's in-memory facts (``matching.columnar._facts``), rebuilt after every
committed write. Three figures per direction: ``cold`` (the facts dropped before each sample,
so it includes reading and building them), ``warm`` (facts held: the usual case) and ``sql``
(the uncached path, ``use_cache=False``), each beside the SQL prefilter. Peak RSS is the
process's high-water mark after all of it.

Goals (issue "Matching citizens and vacancies"): all citizens for one vacancy <= 100 ms, all
vacancies for one citizen <= 50 ms.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import random
import resource
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from consultant_app import matching
from consultant_app.demo import DemoCounts, seed_demo
from consultant_app.store import Store

FULL = DemoCounts(employers=20_000, vacancies=20_000, candidates=100_000)
QUICK = DemoCounts(employers=500, vacancies=500, candidates=2_000)
SEED = 7
TODAY = dt.date(2026, 3, 2)  # fixed: the same seed and day give the same rows
PASSPHRASE = "bench"
SAMPLES = 20
SHOWN = 20  # reasons are built for what a screen shows
COLD_SAMPLES = 5  # each rebuilds the in-memory facts
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
        raw = matching.sql._cursor(s)
        vacancy_ids = [r[0] for r in raw.execute(
            "SELECT id FROM vacancy WHERE deleted = 0 AND status = 'open' ORDER BY id")]
        citizen_ids = [r[0] for r in raw.execute(
            "SELECT id FROM citizen WHERE deleted = 0 ORDER BY id")]
    rng = random.Random(SEED)
    vacancies = rng.sample(vacancy_ids, min(SAMPLES, len(vacancy_ids)))
    citizens = rng.sample(citizen_ids, min(SAMPLES, len(citizen_ids)))

    def rank_citizens(s, vid, use_cache=True):  # type: ignore[no-untyped-def]
        ranking = matching.rank_citizens(s, vid, today=TODAY, use_cache=use_cache)
        for a in ranking.view(limit=SHOWN):
            a.reasons
        return len(ranking)

    def rank_vacancies(s, cid, use_cache=True):  # type: ignore[no-untyped-def]
        ranking = matching.rank_vacancies(s, cid, today=TODAY, use_cache=use_cache)
        for a in ranking.view(limit=SHOWN):
            a.reasons
        return len(ranking)

    def sql_citizens(s, vid):  # type: ignore[no-untyped-def]
        sql, params = matching.citizen_prefilter(matching.load_vacancy(s, vid),
                                                 matching.profile_geo(s))
        return len(matching.sql._cursor(s).execute(sql, params).fetchall())

    def sql_vacancies(s, cid):  # type: ignore[no-untyped-def]
        sql, params = matching.vacancy_prefilter(matching.load_citizen(s, cid),
                                                 matching.profile_geo(s))
        return len(matching.sql._cursor(s).execute(sql, params).fetchall())

    rss_before = _rss_mb()
    out: dict[str, object] = {}
    for name, ids, ranker, baseline in (
            ("citizens_for_vacancy", vacancies, rank_citizens, sql_citizens),
            ("vacancies_for_citizen", citizens, rank_vacancies, sql_vacancies)):
        with store.read() as s:
            ranker(s, ids[0], use_cache=False)  # warm: postcode table, page cache
            times: dict[str, list[float]] = {"cold": [], "warm": [], "sql": [], "prefilter": []}
            results, rows = [], []
            for k, ident in enumerate(ids):  # alternate, so drift hits every side alike
                t, n = timed(lambda: baseline(s, ident))
                times["prefilter"].append(t)
                rows.append(n)
                t, n_sql = timed(lambda: ranker(s, ident, use_cache=False))
                times["sql"].append(t)
                if k < COLD_SAMPLES:
                    matching.drop_cached_facts(store)
                    t, _ = timed(lambda: ranker(s, ident))
                    times["cold"].append(t)
                t, n = timed(lambda: ranker(s, ident))
                times["warm"].append(t)
                assert n == n_sql, (ident, n, n_sql)
                results.append(n)
        figures = {key: summary(value) for key, value in times.items()}
        base = figures["prefilter"]
        out[name] = {
            "samples": len(ids),
            "cold_samples": len(times["cold"]),
            **figures,
            "ratio_to_prefilter_median": {
                key: round(figures[key]["median_ms"] / max(base["median_ms"], 0.01), 2)
                for key in ("cold", "warm", "sql")},
            "ratio_to_prefilter_p95": {
                key: round(figures[key]["p95_ms"] / max(base["p95_ms"], 0.01), 2)
                for key in ("cold", "warm", "sql")},
            "speedup_warm_vs_sql_median": round(
                figures["sql"]["median_ms"] / max(figures["warm"]["median_ms"], 0.01), 1),
            "prefilter_rows_median": statistics.median(rows),
            "prefilter_rows_max": max(rows),
            "results_median": statistics.median(results),
            "goal_ms": GOAL_MS[name],
            "goal_met_median": figures["warm"]["median_ms"] <= GOAL_MS[name],
            "goal_met_p95": figures["warm"]["p95_ms"] <= GOAL_MS[name],
        }
    out["rss_mb"] = {"before_ranking": round(rss_before, 1), "after": round(_rss_mb(), 1),
                     "peak": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                                   1)}
    return out


def _rss_mb() -> float:
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[1]) * resource.getpagesize() / 2 ** 20
    except OSError:
        return float("nan")


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
        if name == "rss_mb":
            continue
        assert isinstance(f, dict)
        print(f"  {name} ({f['samples']} samples, {f['cold_samples']} cold; prefilter rows "
              f"median {f['prefilter_rows_median']:.0f}, max {f['prefilter_rows_max']}):")
        for key, label in (("cold", "cold (build)"), ("warm", "warm"), ("sql", "SQL path"),
                           ("prefilter", "SQL prefilter")):
            r = f[key]
            ratio = "" if key == "prefilter" else (
                f"   x{f['ratio_to_prefilter_median'][key]} / x{f['ratio_to_prefilter_p95'][key]}"
                " of prefilter")
            print(f"    {label:14} median {r['median_ms']:7.1f} ms   p95 {r['p95_ms']:7.1f} ms"
                  f"{ratio}")
        print(f"    goal {f['goal_ms']:.0f} ms (warm): "
              f"{'met' if f['goal_met_median'] else 'MISSED'} (median), "
              f"{'met' if f['goal_met_p95'] else 'MISSED'} (p95); warm is "
              f"{f['speedup_warm_vs_sql_median']}x faster than the SQL path")
    rss = figures["rss_mb"]
    assert isinstance(rss, dict)
    print(f"  RSS: {rss['before_ranking']} MB before ranking, {rss['after']} MB after, "
          f"peak {rss['peak']} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
