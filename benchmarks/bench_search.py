"""Search latency on a seeded profile: ``consultant_app.search.search`` against the raw FTS5
query it issues, run with sqlite3 on the same file.

Both sides run the same fixed queries (what a consultant types: trades, towns with æøå,
names, CVR prefixes, two-word combinations), the same MATCH strings, ``ORDER BY rank`` and
``LIMIT 20``, inside one read transaction per round, after one untimed warm-up round. Each
call is timed on its own; p50 and p95 are over every timed call. The product side includes
what ``search`` does around the SQL (folding the query, SQLAlchemy, building hits).
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path
from typing import Any

from consultant_app.search import SEARCH_SQL, fts_query, search
from consultant_app.store import DB_FILENAME, Store

from . import fixtures
from .harness import Result, in_child, percentile

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
    profile = fixtures.ensure_profile(counts)
    rounds = 2 if quick else 5
    product, product_rss = in_child(product_side, profile, QUERIES, rounds)
    raw, raw_rss = in_child(raw_side, profile / DB_FILENAME,
                            [fts_query(q) for q in QUERIES], rounds)

    same_hits = product["hits"] == raw["hits"]
    slowest = sorted(zip(QUERIES, product["per_query_ms"], raw["per_query_ms"]),
                     key=lambda t: -t[1])[:5]
    detail: dict[str, Any] = {
        "queries": len(QUERIES), "rounds": rounds, "calls": len(product["ms"]),
        "same_hits": same_hits,
        "slowest_median_ms": {q: {"product": round(p, 2), "raw": round(r, 2)}
                              for q, p, r in slowest},
    }
    common = dict(bench="search", unit="ms", peak_rss_mb=product_rss,
                  baseline_peak_rss_mb=raw_rss, detail=detail)
    where = f"({fixtures.describe(counts)})"
    return [
        Result(name=f"search p50 {where}", value=percentile(product["ms"], 50),
               baseline=percentile(raw["ms"], 50), **common),  # type: ignore[arg-type]
        Result(name=f"search p95 {where}", value=percentile(product["ms"], 95),
               baseline=percentile(raw["ms"], 95), goal_value=GOAL_MS, goal_ratio=GOAL_RATIO,
               **common),  # type: ignore[arg-type]
    ]


def _median(values: list[float]) -> float:
    return percentile(values, 50)


def product_side(profile: Path, queries: list[str], rounds: int) -> dict[str, Any]:
    store = Store.open(profile, fixtures.PASSPHRASE)
    try:
        per_query: list[list[float]] = [[] for _ in queries]
        hits: list[list[str]] = []
        for round_no in range(rounds + 1):
            with store.read() as session:
                for i, q in enumerate(queries):
                    start = time.perf_counter()
                    found = search(session, q, limit=LIMIT)
                    elapsed = (time.perf_counter() - start) * 1000
                    if round_no == 0:
                        hits.append([h.id for h in found])
                    else:
                        per_query[i].append(elapsed)
    finally:
        store.close()
    return {"ms": [t for times in per_query for t in times],
            "per_query_ms": [_median(times) for times in per_query], "hits": hits}


def raw_side(db_path: Path, match_strings: list[str], rounds: int) -> dict[str, Any]:
    sql = SEARCH_SQL.text.format(kind_filter="")
    con = sqlite3.connect(db_path, isolation_level=None)
    try:
        per_query: list[list[float]] = [[] for _ in match_strings]
        hits: list[list[str]] = []
        for round_no in range(rounds + 1):
            con.execute("BEGIN")
            for i, q in enumerate(match_strings):
                start = time.perf_counter()
                found = con.execute(sql, {"q": q, "limit": LIMIT}).fetchall()
                elapsed = (time.perf_counter() - start) * 1000
                if round_no == 0:
                    hits.append([row[1] for row in found])
                else:
                    per_query[i].append(elapsed)
            con.execute("COMMIT")
    finally:
        con.close()
    return {"ms": [t for times in per_query for t in times],
            "per_query_ms": [_median(times) for times in per_query], "hits": hits}
