"""The service's access log (sync/server/access_log.py) after a year of a large municipality's
traffic: how fast ``consultant-server access-log`` answers a data-protection officer.

Setup (not timed): a service database (SQLite, migrated) whose ``access_event`` holds a year of
pulls: 100 consultants with two devices each, 80 records of their citizens delivered per device
and working day, 250 working days (4M entries; --quick: 200k), over 20,000 citizens, each
citizen with one consultant. Written with raw sqlite3 ``executemany``.

Measured, in a fresh process each: ``access_log.query`` (what the CLI calls: the newest 1000
entries with the consultant's name, and the total count) by citizen, by consultant and since a
date a week back; the median of several picks. Baseline: the same filter with raw sqlite3,
newest 1000 rows without the count or the name. Goal: an answer in at most 2 s (2000 ms).
"""

from __future__ import annotations

import datetime as dt
import random
import sqlite3
import statistics
import time
import uuid
from pathlib import Path
from typing import Any

from .harness import Result, in_child, workdir

CONSULTANTS = 100
DEVICES_PER_CONSULTANT = 2
PER_DEVICE_DAY = 80
DAYS = 250
CITIZENS = 20_000
PICKS = 7
GOAL_MS = 2000.0
START = dt.datetime(2026, 1, 5, 8, 0)


def seed(path: Path, quick: bool) -> dict[str, Any]:
    from sync.server import db, migrate
    url = f"sqlite:///{path}"
    _, engine = db.make_engines(url)
    migrate.upgrade(engine)
    engine.dispose()
    rng = random.Random(7)
    consultants = [str(uuid.UUID(int=rng.getrandbits(128))) for _ in range(CONSULTANTS)]
    devices = {c: [str(uuid.UUID(int=rng.getrandbits(128)))
                   for _ in range(DEVICES_PER_CONSULTANT)] for c in consultants}
    citizens = [str(uuid.UUID(int=rng.getrandbits(128))) for _ in range(CITIZENS)]
    mine = {c: citizens[i::CONSULTANTS] for i, c in enumerate(consultants)}
    days = 13 if quick else DAYS
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.executemany("INSERT INTO consultant (id, municipality_code, name, email, created_at) "
                     "VALUES (?, '0751', ?, '', ?)",
                     [(c, f"Konsulent {i}", START) for i, c in enumerate(consultants)])
    conn.execute("INSERT INTO municipality (code, name, created_at) VALUES ('0751', 'Aarhus', ?)",
                 (START,))
    # The indexes are built once after the rows (setup time only; the same indexes result).
    indexes = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'index' AND "
                           "tbl_name = 'access_event' AND sql IS NOT NULL").fetchall()
    for (sql,) in indexes:
        conn.execute("DROP INDEX " + sql.split()[2])
    total = 0
    for day in range(days):
        rows = []
        base = START + dt.timedelta(days=day * 365 // days)
        for c in consultants:
            for device in devices[c]:
                for _ in range(PER_DEVICE_DAY):
                    citizen = rng.choice(mine[c])
                    at = base + dt.timedelta(seconds=rng.randrange(9 * 3600))
                    rows.append((at.isoformat(sep=" "), "0751", c, device, "Konsulent",
                                 "pull", "sync", "service", citizen, "citizen", citizen, ""))
        conn.executemany(
            "INSERT INTO access_event (at, municipality_code, consultant_id, device_id, actor, "
            "action, purpose, source, citizen_id, entity, entity_id, detail) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
        conn.commit()
        total += len(rows)
    for (sql,) in indexes:
        conn.execute(sql)
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("ANALYZE")
    conn.close()
    last = START + dt.timedelta(days=(days - 1) * 365 // days)
    return {"entries": total, "citizens": rng.sample(citizens, PICKS),
            "consultants": rng.sample(consultants, PICKS),
            "since": (last - dt.timedelta(days=7)).isoformat(sep=" ")}


def _time(run, picks: list[Any]) -> tuple[float, int]:  # type: ignore[no-untyped-def]
    times, found = [], 0
    for pick in picks:
        t = time.perf_counter()
        found = run(pick)
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times), found


def product(path: Path, kind: str, picks: list[Any]) -> tuple[float, int]:
    from sync.server import access_log, db
    _, engine = db.make_engines(f"sqlite:///{path}")
    arg = {"citizen": "citizen", "consultant": "consultant_id", "since": "since"}[kind]

    def run(pick: Any) -> int:
        value = dt.datetime.fromisoformat(pick) if kind == "since" else pick
        return access_log.query(engine, **{arg: value}).total

    return _time(run, picks)


def baseline(path: Path, kind: str, picks: list[Any]) -> tuple[float, int]:
    conn = sqlite3.connect(path)
    column = {"citizen": "citizen_id = ?", "consultant": "consultant_id = ?",
              "since": "at >= ?"}[kind]

    def run(pick: Any) -> int:
        return len(conn.execute(f"SELECT * FROM access_event WHERE {column} "
                                "ORDER BY at DESC LIMIT 1000", (pick,)).fetchall())

    return _time(run, picks)


def run(quick: bool) -> list[Result]:
    folder = Path(workdir()) / f"access-log-{uuid.uuid4().hex[:8]}"
    folder.mkdir(parents=True)
    path = folder / "server.sqlite"
    t = time.perf_counter()
    setup, _ = in_child(seed, path, quick)
    seeded_s = time.perf_counter() - t
    results = []
    for kind, label in (("citizen", "--citizen ID"), ("consultant", "--consultant NAME"),
                        ("since", "--since a week back")):
        picks = [setup["since"]] * 3 if kind == "since" else setup[kind + "s"]
        (value, total), p_rss = in_child(product, path, kind, picks)
        (base, _), b_rss = in_child(baseline, path, kind, picks)
        results.append(Result(
            bench="access_log", name=f"access-log {label}, {setup['entries']:,} entries",
            unit="ms", value=value, baseline=base, baseline_name="raw sqlite3, newest 1000",
            goal_value=GOAL_MS, peak_rss_mb=p_rss, baseline_peak_rss_mb=b_rss,
            detail={"entries": setup["entries"], "matching": total,
                    "seed_s": round(seeded_s, 1)}))
    return results
