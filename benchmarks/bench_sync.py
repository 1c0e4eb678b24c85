"""Sync from a local central service: the initial sync of a municipality's records, the
client's apply step against raw sqlite3, and an incremental sync of 100 changes.

Setup (not timed): a ``consultant-server serve`` process on loopback over a SQLite file
seeded directly (the service's ``record`` table, one transaction) with the demo data set's
employers, vacancies and citizens (the citizens assigned to the benchmark's consultant); a new
profile enrolled with it.

Measures, each in a fresh child process:

- *initial sync*: ``SyncEngine.sync()`` from enrollment to the last page committed: HTTP,
  JSON parsing, decryption-free apply with CPR and notes encrypted, blind index, the search
  index (FTS5) filled, one transaction per page with its cursor. Goal >= 30k records/s, given
  as its time: records / 30k s. Baseline: the bare HTTP pages (the same GETs with httpx,
  bodies read and parsed, nothing applied), so the ratio shows what the client adds.
- *apply step*: the time the engine spent in ``apply.apply_page`` during that sync, against
  raw sqlite3 ``executemany`` of the very same stored rows (read back from the synced
  profile) into the same tables and indexes, without the search triggers; its ``detail``
  splits the product's time into rows and search index.
- *incremental sync*: 100 records changed on the service (version + 1, a new change number),
  then ``sync()`` on the synced profile; the median of 5 rounds. Goal <= 300 ms. Baseline:
  the bare HTTP pull of the same 100 changes.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx

from . import fixtures
from .harness import Result, in_child, workdir

GOAL_RECORDS_PER_S = 30_000
GOAL_INCREMENTAL_MS = 300.0
INCREMENTAL_CHANGES = 100
INCREMENTAL_ROUNDS = 5
MUNICIPALITY = "0751"
ENTITIES = (("employer", "employers"), ("vacancy", "vacancies"), ("citizen", "citizens"))


# -- the service ---------------------------------------------------------------------------
def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Service:
    def __init__(self, data_dir: Path):
        self.data_dir = data_dir
        self.url_db = f"sqlite:///{data_dir / 'server.sqlite'}"
        self.port = _free_port()
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        log = open(self.data_dir / "server.log", "ab")
        self.proc = subprocess.Popen(
            [sys.executable, "-c", "import sys; from sync.server_cli import main; "
                                   "sys.exit(main())",
             "serve", "--host", "127.0.0.1", "--port", str(self.port),
             "--database-url", self.url_db], stdout=log, stderr=subprocess.STDOUT,
            start_new_session=True)
        log.close()
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{self.url}/api/v1/health", timeout=1).status_code == 200:
                    return
            except httpx.TransportError:
                time.sleep(0.1)
        raise RuntimeError("the service did not start")

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            self.proc.wait(timeout=15)


def _wire(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def seed_service(rows_path: Path, url_db: str) -> dict[str, Any]:
    """The service's database with the municipality, a consultant and every record; the
    consultant's enrollment code and the record count."""
    from sync.client.codec import codec
    from sync.server import admin, auth, db, migrate
    _, engine = db.make_engines(url_db)
    migrate.upgrade(engine)
    admin.add_municipality(engine, MUNICIPALITY, "Aarhus")
    consultant_id = admin.add_consultant(engine, MUNICIPALITY, fixtures.CONSULTANT)
    code = auth.store_code(engine, consultant_id)
    data = fixtures.load_rows(rows_path)
    now = dt.datetime(2026, 11, 23, 10, 0)
    records = []
    with engine.begin() as conn:
        for entity, attr in ENTITIES:
            fields = codec(entity).fields
            for row in getattr(data, attr):
                values = {f: _wire(row.get(f)) for f in fields}
                records.append({
                    "entity": entity, "id": row["id"], "municipality_code": MUNICIPALITY,
                    "owner_consultant_id": consultant_id if entity == "citizen" else None,
                    "owner_device_id": None,
                    "citizen_id": row["id"] if entity == "citizen" else None,
                    "version": 1, "deleted": False, "modified_at": now,
                    # as the service stores them: personal fields encrypted (db.SENSITIVE)
                    **db.record_columns(conn, entity, row["id"], values),
                    "field_versions": db.dumps({f: 1 for f in values})})
        seqs = db.next_seqs(conn, len(records))
        for record, seq in zip(records, seqs):
            record["seq"] = seq
        for i in range(0, len(records), 10_000):
            conn.execute(db.record.insert(), records[i:i + 10_000])
    engine.dispose()
    return {"code": code, "records": len(records)}


def change_on_service(url_db: str, n: int, round_no: int) -> int:
    """``n`` employers changed on the service as another device's push would leave them;
    returns the cursor just before the changes."""
    from sqlalchemy import select, update

    from sync.server import db
    _, engine = db.make_engines(url_db)
    r = db.record.c
    with engine.begin() as conn:
        rows = conn.execute(select(r.id, r.version, r.values_json, r.field_versions)
                            .where(r.entity == "employer").order_by(r.id).limit(n)).all()
        seqs = db.next_seqs(conn, len(rows))
        before = seqs[0] - 1
        for (ident, version, values_json, versions_json), seq in zip(rows, seqs):
            values = json.loads(values_json)
            versions = json.loads(versions_json)
            values["notes"] = f"Ændret i runde {round_no}"
            versions["notes"] = version + 1
            conn.execute(update(db.record).where(r.entity == "employer", r.id == ident).values(
                version=version + 1, seq=seq, values_json=db.dumps(values),
                field_versions=db.dumps(versions), modified_at=dt.datetime.utcnow()))
    engine.dispose()
    return before


# -- the client side -----------------------------------------------------------------------
def enrolled_profile(folder: Path, url: str, code: str) -> None:
    from consultant_app.store import Store
    from sync.client import SyncEngine
    with Store.create(folder, fixtures.PASSPHRASE, consultant=fixtures.CONSULTANT,
                      kdf_n=fixtures.KDF_N) as store:
        SyncEngine(store, use_keyring=False).enroll(url, code, "bench")


def initial_sync(folder: Path) -> dict[str, Any]:
    from consultant_app.store import Store
    from sync.client import apply as apply_module
    from sync.client import engine as engine_module

    spent = {"apply": 0.0, "index": 0.0}
    original = engine_module.apply_page
    original_indexing = apply_module.deferred_indexing

    def timed_apply(session, changes, **options):  # type: ignore[no-untyped-def]
        started = time.perf_counter()
        try:
            return original(session, changes, **options)
        finally:
            spent["apply"] += time.perf_counter() - started

    import contextlib

    @contextlib.contextmanager
    def timed_indexing(session):  # type: ignore[no-untyped-def]
        with original_indexing(session):
            yield
            started = time.perf_counter()
        spent["index"] += time.perf_counter() - started

    engine_module.apply_page = timed_apply
    apply_module.deferred_indexing = timed_indexing
    with Store.open(folder, fixtures.PASSPHRASE) as store:
        engine = engine_module.SyncEngine(store)
        started = time.perf_counter()
        report = engine.sync("bench")
        seconds = time.perf_counter() - started
    return {"seconds": seconds, "apply": spent["apply"], "index": spent["index"],
            "pulled": report.pulled}


def bare_pull(url: str, token: str, cursor: int, limit: int) -> dict[str, Any]:
    """The baseline: the same pages fetched and parsed, nothing applied."""
    n = 0
    with httpx.Client(base_url=url + "/api/v1",
                      headers={"Authorization": f"Bearer {token}"}, timeout=120) as client:
        started = time.perf_counter()
        while True:
            page = json.loads(client.get("/pull", params={"cursor": cursor,
                                                          "limit": limit}).content)
            n += len(page["changes"])
            if not page["more"]:
                break
            cursor = page["next_cursor"]
        seconds = time.perf_counter() - started
    return {"seconds": seconds, "changes": n}


def token_of(folder: Path) -> str:
    from consultant_app.store import Store
    from sync.client import credentials
    with Store.open(folder, fixtures.PASSPHRASE) as store:
        enrollment = credentials.load(store)
    assert enrollment is not None
    return enrollment.token


def raw_insert(product_db: Path, target_db: Path) -> dict[str, Any]:
    """The apply step's baseline: the stored rows of the synced profile, inserted again with
    sqlite3 ``executemany`` into the same tables (search triggers dropped)."""
    source = sqlite3.connect(product_db)
    tables = {t: source.execute(f"SELECT * FROM {t}").fetchall() for t, _ in ENTITIES}
    source.close()
    conn = sqlite3.connect(target_db, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    for name, in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
        conn.execute(f'DROP TRIGGER "{name}"')
    started = time.perf_counter()
    conn.execute("BEGIN")
    for table, rows in tables.items():
        if rows:
            marks = ",".join("?" * len(rows[0]))
            conn.executemany(f"INSERT INTO {table} VALUES ({marks})", rows)
    conn.execute("COMMIT")
    seconds = time.perf_counter() - started
    conn.close()
    return {"seconds": seconds, "rows": sum(len(r) for r in tables.values())}


def empty_profile_copy(folder: Path, target: Path) -> None:
    """A profile with the product's schema and nothing in the synced tables."""
    from consultant_app.store import Store
    with Store.create(folder, fixtures.PASSPHRASE, kdf_n=fixtures.KDF_N) as store:
        path = store.path
    shutil.copy(path, target)


def incremental_sync(folder: Path) -> dict[str, Any]:
    from consultant_app.store import Store
    from sync.client import SyncEngine
    with Store.open(folder, fixtures.PASSPHRASE) as store:
        engine = SyncEngine(store)
        started = time.perf_counter()
        report = engine.sync("bench")
        return {"ms": (time.perf_counter() - started) * 1000, "pulled": report.pulled}


# -- the run -------------------------------------------------------------------------------
def run(quick: bool) -> list[Result]:
    counts = fixtures.counts_for(quick)
    rows_path = fixtures.rows_file(counts)
    base = workdir() / f"sync-{fixtures.size_tag(counts)}"
    shutil.rmtree(base, ignore_errors=True)
    (base / "service").mkdir(parents=True)
    service = Service(base / "service")
    seeded, _ = in_child(seed_service, rows_path, service.url_db)
    records = seeded["records"]
    service.start()
    try:
        profile = base / "profile"
        in_child(enrolled_profile, profile, service.url, seeded["code"])
        token, _ = in_child(token_of, profile)
        product, product_rss = in_child(initial_sync, profile)
        bare, bare_rss = in_child(bare_pull, service.url, token, 0, 5000)
        assert product["pulled"] == records == bare["changes"], (product, records, bare)

        raw_db = base / "raw.sqlite3"
        in_child(empty_profile_copy, base / "empty", raw_db)
        raw, raw_rss = in_child(raw_insert, profile / "profile.sqlite3", raw_db)

        rounds = []
        baseline_rounds = []
        for n in range(INCREMENTAL_ROUNDS):
            cursor, _ = in_child(change_on_service, service.url_db, INCREMENTAL_CHANGES, n)
            bare_inc, _ = in_child(bare_pull, service.url, token, cursor, 5000)
            baseline_rounds.append(bare_inc["seconds"] * 1000)
            inc, _ = in_child(incremental_sync, profile)
            assert inc["pulled"] == INCREMENTAL_CHANGES, inc
            rounds.append(inc["ms"])
    finally:
        service.stop()

    rate = records / product["seconds"]
    described = fixtures.describe(counts)
    return [
        Result(bench="sync", name=f"initial sync {described}", unit="s",
               value=product["seconds"], baseline=bare["seconds"],
               baseline_name="bare HTTP pull (httpx + json)",
               goal_value=records / GOAL_RECORDS_PER_S, peak_rss_mb=product_rss,
               baseline_peak_rss_mb=bare_rss,
               detail={"records": records, "records_per_s": round(rate),
                       "goal_records_per_s": GOAL_RECORDS_PER_S,
                       "apply_s": round(product["apply"], 3),
                       "search_index_s": round(product["index"], 3)}),
        Result(bench="sync", name=f"apply step {described}", unit="s",
               value=product["apply"], baseline=raw["seconds"],
               baseline_name="raw sqlite3 executemany, same stored rows, no triggers",
               peak_rss_mb=product_rss, baseline_peak_rss_mb=raw_rss,
               detail={"rows": raw["rows"], "search_index_s": round(product["index"], 3),
                       "rows_without_index_s": round(product["apply"] - product["index"], 3)}),
        Result(bench="sync", name=f"incremental sync of {INCREMENTAL_CHANGES} changes", unit="ms",
               value=statistics.median(rounds), baseline=statistics.median(baseline_rounds),
               baseline_name="bare HTTP pull of the same changes",
               goal_value=GOAL_INCREMENTAL_MS,
               detail={"rounds_ms": [round(r, 1) for r in rounds]}),
    ]
