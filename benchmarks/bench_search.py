"""Search latency and quality on a seeded profile: ``consultant_app.search.search`` against
the plan it replaced, raw FTS5 ``MATCH`` with ``ORDER BY rank`` (bm25 over every match) run
with sqlite3 on the same file, in the same process, interleaved.

Latency: fixed queries (what a consultant types: trades, towns with æøå, names, CVR
prefixes, two-word combinations), each timed on its own, product and baseline call by call
in alternating order, inside one read transaction per side and round, after one untimed
warm-up round; p50 and p95 are over every timed call. The product side includes what
``search`` does around the SQL (folding the query, SQLAlchemy, building hits).

Quality: the labelled set of ``search_labels`` (records added to a copy of the profile,
queries with the record that should come first), as the mean reciprocal rank of each side's
first ``search_labels.LIMIT`` hits. Its ratio is product over baseline: above 1 is better.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import time
from dataclasses import asdict
from pathlib import Path
from typing import Any

from consultant_app.demo import DemoCounts
from consultant_app.search import SEARCH_SQL, fts_query, search
from consultant_app.store import DB_FILENAME, Store

from . import fixtures, search_labels
from .harness import Result, in_child, percentile, workdir

BASELINE = "raw FTS5 ORDER BY rank"
LABELS_FILE = "search-labels.json"
ORDER = 20
GOAL_MS = 10.0
GOAL_RATIO = 2.0
LIMIT = 20

QUERIES = [
    # trades and skills
    "lager aarhus", "rengøring", "kok", "lagermedarbejder", "truckfører",
    "rengøringsassistent", "køkkenmedhjælper", "tjener", "chauffør", "pædagogmedhjælper",
    "social- og sundhedshjælper", "svejser", "tømrer", "gartner", "pedel", "butiksassistent",
    "produktionsmedarbejder", "kontorassistent", "opvask", "truckcertifikat",
    # towns, with and without æøå
    "århus", "aarhus c", "viby j", "højbjerg", "brabrand", "åbyhøj", "risskov", "egå",
    "skanderborg", "randers", "silkeborg", "hørning", "8200",
    # people
    "jensen", "nielsen", "søren", "mette hansen", "lars pedersen", "kirsten møller", "bjørn",
    # employers and CVR prefixes
    "logistik", "plejecenter", "vognmand", "restaurant", "31", "254", "4471",
    # short prefixes and combinations, as typed
    "ren", "ko", "kok hotel", "rengøring viby", "lager 8200", "pleje århus",
]


def run(quick: bool) -> list[Result]:
    counts = fixtures.counts_for(quick)
    profile = labelled_profile(counts)
    rounds = 2 if quick else 5
    out, rss = in_child(measure, profile, QUERIES, rounds)
    product, raw = out["product"], out["raw"]
    typed = len(QUERIES)
    slowest = sorted(zip(QUERIES, product["per_query_ms"], raw["per_query_ms"]),
                     key=lambda t: -t[1])[:5]
    missed = {q: {"product": p, "baseline": r}
              for (q, _key), p, r in zip(search_labels.QUERIES, out["ranks"]["product"],
                                         out["ranks"]["raw"]) if p != 1}
    detail: dict[str, Any] = {
        "queries": typed, "labelled_queries": len(search_labels.QUERIES), "rounds": rounds,
        "calls_per_side": len(product["ms"]),
        "labelled_p95_ms": {"product": round(percentile(product["labelled_ms"], 95), 2),
                            "baseline": round(percentile(raw["labelled_ms"], 95), 2)},
        "slowest_median_ms": {q: {"product": round(p, 2), "baseline": round(r, 2)}
                              for q, p, r in slowest},
        "labelled_not_first": missed,
        "same_process": "both sides ran in one process, interleaved; its peak RSS is shown "
                        "for both",
    }
    common = dict(bench="search", peak_rss_mb=rss, baseline_peak_rss_mb=rss,
                  baseline_name=BASELINE, detail=detail)
    where = f"({fixtures.describe(counts)})"
    mrr_product = search_labels.mean_reciprocal_rank(out["ranks"]["product"])
    mrr_raw = search_labels.mean_reciprocal_rank(out["ranks"]["raw"])
    return [
        Result(name=f"search p50 {where}", unit="ms", value=percentile(product["ms"], 50),
               baseline=percentile(raw["ms"], 50), **common),  # type: ignore[arg-type]
        Result(name=f"search p95 {where}", unit="ms", value=percentile(product["ms"], 95),
               baseline=percentile(raw["ms"], 95), goal_value=GOAL_MS, goal_ratio=GOAL_RATIO,
               **common),  # type: ignore[arg-type]
        Result(name=f"search MRR, {len(search_labels.QUERIES)} labelled queries",
               unit="MRR", value=mrr_product, baseline=mrr_raw,
               **common),  # type: ignore[arg-type]
    ]


def labelled_profile(counts: DemoCounts) -> Path:
    """A copy of this run's seeded profile with the labelled records added (the seeded
    profile itself stays as the other measures expect it)."""
    target = workdir() / f"profile-search-{fixtures.size_tag(counts)}"
    if not target.exists():
        seeded = fixtures.ensure_profile(counts)
        scratch = target.with_name(target.name + ".tmp")
        shutil.rmtree(scratch, ignore_errors=True)
        shutil.copytree(seeded, scratch, ignore=shutil.ignore_patterns("*.lock"))
        in_child(_add_labelled, scratch)
        scratch.replace(target)
    return target


def _add_labelled(profile: Path) -> None:
    store = Store.open(profile, fixtures.PASSPHRASE)
    try:
        with store.write() as session:
            labelled = search_labels.add_labelled_records(session)
    finally:
        store.close()
    (profile / LABELS_FILE).write_text(json.dumps(asdict(labelled)), "utf-8")


def _labelled(profile: Path) -> search_labels.Labelled:
    data = json.loads((profile / LABELS_FILE).read_text("utf-8"))
    return search_labels.Labelled(data["ids"], {k: tuple(v) for k, v in data["shown"].items()})


def _median(values: list[float]) -> float:
    return percentile(values, 50)


def measure(profile: Path, queries: list[str], rounds: int) -> dict[str, Any]:
    """Both sides, call by call: the product through the store, the baseline through its
    own sqlite3 connection to the same file."""
    labelled_queries = [q for q, _key in search_labels.QUERIES]
    every = queries + labelled_queries
    sql = SEARCH_SQL.text.format(kind_filter="")
    matches = [fts_query(q) for q in every]
    labelled = _labelled(profile)
    store = Store.open(profile, fixtures.PASSPHRASE)
    con = sqlite3.connect(profile / DB_FILENAME, isolation_level=None)
    times: dict[str, list[list[float]]] = {side: [[] for _ in every] for side in ("product", "raw")}
    hits: dict[str, list[list[tuple[str, str, str, str]]]] = {"product": [], "raw": []}
    try:
        for round_no in range(rounds + 1):
            with store.read() as session:
                con.execute("BEGIN")
                for i, q in enumerate(every):
                    for side in (("product", "raw") if (i + round_no) % 2 else ("raw", "product")):
                        start = time.perf_counter()
                        if side == "product":
                            found = [(h.kind, h.id, h.title, h.subtitle)
                                     for h in search(session, q, limit=LIMIT)]
                        else:
                            found = [tuple(r) for r in con.execute(
                                sql, {"q": matches[i], "limit": LIMIT}).fetchall()]
                        elapsed = (time.perf_counter() - start) * 1000
                        if round_no == 0:
                            hits[side].append(found)  # type: ignore[arg-type]
                        else:
                            times[side][i].append(elapsed)
                con.execute("COMMIT")
    finally:
        con.close()
        store.close()
    typed = len(queries)
    out: dict[str, Any] = {"ranks": {}}
    for side in ("product", "raw"):
        by_query = dict(zip(every[typed:], hits[side][typed:]))
        out["ranks"][side] = search_labels.ranks(lambda q: by_query[q], labelled)
        out[side] = {"ms": [t for ts in times[side][:typed] for t in ts],
                     "labelled_ms": [t for ts in times[side][typed:] for t in ts],
                     "per_query_ms": [_median(ts) for ts in times[side][:typed]]}
    return out
