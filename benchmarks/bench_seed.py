"""Seeding a profile: the demo's bulk path against raw sqlite3 doing the same inserts.

Product: ``demo.insert_demo`` in one ``store.write()`` transaction: SQLAlchemy bulk inserts,
the FTS5 triggers of migration 0002 (``dk_fold`` in Python, ``search_doc``, ``search_fts``),
an outbox row per record, CPR encrypted (AES-GCM) and blind-indexed (HMAC).

Baseline: one ``sqlite3`` connection with the same pragmas, ``executemany`` of the same
pre-generated rows into tables created from the product's own DDL (same columns, same
indexes), CPR encrypted and blind-indexed the same way, and the same folded text ``executemany``
-inserted into an FTS5 table with the product's definition. No ORM, no triggers, no journal.

Both sides get the rows from the same pickle and are timed from BEGIN to COMMIT, row
conversion included; generating the rows is excluded from both. Each side runs twice,
alternating, in a fresh process each time; the faster run of each counts. After the run the search
documents of the two databases are compared, so the baseline provably wrote the same text.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import sqlite3
import time
from pathlib import Path
from typing import Any, Callable

from sqlalchemy import JSON, Boolean, Date, DateTime

from consultant_app import postcodes
from consultant_app.crypto import FieldCipher
from consultant_app.search import fold
from consultant_app.store import DB_FILENAME, Store
from consultant_app.store.models import (Citizen, ContactPerson, Employer, Match, MatchEvent,
                                         Vacancy, Visit)
from consultant_app.store.types import EncryptedText

from . import fixtures
from .harness import Result, in_child, workdir

ORDER = 10  # first: the search measure reuses the profile seeded here
GOAL_RATIO = 3.0
REPEATS = 2  # each side's best run counts
BATCH = 5000  # rows per executemany, as demo.insert_demo
MODELS = (Employer, ContactPerson, Visit, Vacancy, Citizen, Match, MatchEvent)


def run(quick: bool) -> list[Result]:
    counts = fixtures.counts_for(quick)
    tag = fixtures.size_tag(counts)
    rows_path = fixtures.rows_file(counts)
    schema = product_schema()
    raw_db = workdir() / f"raw-seed-{tag}.sqlite3"
    product_dir = workdir() / f"seed-product-{tag}"

    raw_times, product_times, raw_rss, product_rss = [], [], 0.0, 0.0
    for _ in range(REPEATS):  # alternated, so a disturbance on the machine hits both sides
        for leftover in (raw_db, Path(f"{raw_db}-wal"), Path(f"{raw_db}-shm")):
            leftover.unlink(missing_ok=True)
        shutil.rmtree(product_dir, ignore_errors=True)
        (seconds, rows), rss = in_child(raw_seed, rows_path, raw_db, schema)
        raw_times.append(seconds)
        raw_rss = max(raw_rss, rss)
        seconds, rss = in_child(fixtures.seed_profile, rows_path, product_dir)
        product_times.append(seconds)
        product_rss = max(product_rss, rss)

    same_text, _ = in_child(same_search_documents, product_dir / DB_FILENAME, raw_db)
    fixtures.keep_profile(product_dir, counts)
    raw_db.unlink(missing_ok=True)
    product_s, raw_s = min(product_times), min(raw_times)
    return [Result(
        bench="seed", name=f"seed {fixtures.describe(counts)}", unit="s",
        value=product_s, baseline=raw_s, goal_ratio=GOAL_RATIO,
        peak_rss_mb=product_rss, baseline_peak_rss_mb=raw_rss,
        detail={"rows": rows, "best_of": REPEATS,
                "product_s": [round(t, 2) for t in product_times],
                "baseline_s": [round(t, 2) for t in raw_times],
                "product_rows_per_s": round(rows / product_s),
                "baseline_rows_per_s": round(rows / raw_s),
                "same_search_documents": same_text},
    )]


def product_schema() -> str:
    """The DDL of the data tables and their indexes as the migrations create them, and of
    the FTS5 table, read from a fresh profile."""
    scratch = workdir() / "schema-profile"
    shutil.rmtree(scratch, ignore_errors=True)
    Store.create(scratch, fixtures.PASSPHRASE, kdf_n=fixtures.KDF_N).close()
    names = [m.__tablename__ for m in MODELS]
    con = sqlite3.connect(scratch / DB_FILENAME)
    try:
        marks = ",".join("?" * len(names))
        ddl = [sql for (sql,) in con.execute(
            f"SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND type IN ('table', 'index') "
            f"AND tbl_name IN ({marks}) ORDER BY type DESC, rowid", names)]
        ddl += [sql for (sql,) in con.execute(
            "SELECT sql FROM sqlite_master WHERE name = 'search_fts'")]
    finally:
        con.close()
    shutil.rmtree(scratch, ignore_errors=True)
    return ";\n".join(ddl) + ";"


def _datetime(value: dt.datetime) -> str:
    return value.isoformat(" ", "microseconds")  # SQLAlchemy's SQLite DATETIME format


def _converters(model: type[Any]) -> dict[str, Callable[[Any], Any]]:
    """Per column, what turns a Python value into what SQLAlchemy stores for it."""
    by_type: list[tuple[type[Any], Callable[[Any], Any]]] = [
        (Boolean, int), (DateTime, _datetime), (Date, dt.date.isoformat), (JSON, json.dumps)]
    converters = {}
    for column in model.__table__.columns:
        for sql_type, convert in by_type:
            if isinstance(column.type, sql_type) and not isinstance(column.type, EncryptedText):
                converters[column.name] = convert
    return converters


def _tuples(model: type[Any], rows: list[dict[str, Any]], columns: list[str]) -> list[tuple]:
    converters = _converters(model)
    plan = [(c, converters.get(c)) for c in columns]
    return [tuple(row[c] if f is None or row[c] is None else f(row[c]) for c, f in plan)
            for row in rows]


def raw_seed(rows_path: Path, db_path: Path, schema: str) -> tuple[float, int]:
    """The baseline. Returns the seconds from BEGIN to COMMIT and the rows written."""
    rows = fixtures.load_rows(rows_path)
    cipher = FieldCipher(os.urandom(32))
    town = {code: p.town for code, p in postcodes.all_postcodes().items()}
    con = sqlite3.connect(db_path, isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=NORMAL")
    con.execute("PRAGMA foreign_keys=ON")
    con.executescript(schema)

    start = time.perf_counter()
    con.execute("BEGIN IMMEDIATE")

    def put(model: type[Any], part: list[dict[str, Any]], extra: tuple[str, ...] = ()) -> None:
        if not part:
            return
        columns = list(part[0])
        for name in extra:
            columns.append(name)
        sql = (f"INSERT INTO {model.__tablename__} ({', '.join(columns)}) "
               f"VALUES ({', '.join('?' * len(columns))})")
        for i in range(0, len(part), BATCH):  # batched as the product does, for a like RSS
            con.executemany(sql, _tuples(model, part[i:i + BATCH], columns))

    put(Employer, rows.employers)
    put(ContactPerson, rows.contacts)
    put(Visit, rows.visits)
    put(Vacancy, rows.vacancies)
    for i in range(0, len(rows.citizens), BATCH):
        put(Citizen, [{**r, "cpr": cipher.encrypt(r["cpr"]),
                       "cpr_index": cipher.blind_index(r["cpr"])}
                      for r in rows.citizens[i:i + BATCH]])
    put(Match, rows.matches)
    put(MatchEvent, rows.match_events)

    # The documents the views of migration 0002 make, in Python.
    employers = {e["id"]: e for e in rows.employers}
    docs: list[tuple[str, str, str, str, str]] = []

    def flush_docs(at_least: int = BATCH) -> None:
        if len(docs) >= at_least:
            con.executemany("INSERT INTO search_fts(doc, kind, ref, title, subtitle) "
                            "VALUES (?, ?, ?, ?, ?)", docs)
            docs.clear()

    for e in rows.employers:
        flush_docs()
        docs.append((fold(f"{e['name']} {e['cvr']} {e['p_number'] or ''} {e['address']} "
                          f"{e['postcode']} {e['town']} {e['industry']}"), "employer", e["id"],
                     e["name"], f"CVR {e['cvr']} · {e['address']}, {e['postcode']} {e['town']}"))
    for v in rows.vacancies:
        flush_docs()
        e = employers[v["employer_id"]]
        place = town.get(v["postcode"]) or e["town"]
        docs.append((fold(f"{v['title']} {v['occupation']} {json.dumps(v['skills'])} "
                          f"{e['name']} {v['postcode'] or e['postcode']} {place}"),
                     "vacancy", v["id"], v["title"], f"{e['name']} · {place}"))
    for c in rows.citizens:
        flush_docs()
        place = town.get(c["postcode"], "")
        docs.append((fold(f"{c['name']} {json.dumps(c['skills'])} "
                          f"{json.dumps(c['wished_occupations'])} {c['postcode']} {place}"),
                     "citizen", c["id"], c["name"], f"{c['postcode']} {place}"))
    flush_docs(at_least=1)
    con.execute("COMMIT")
    elapsed = time.perf_counter() - start
    con.close()
    return elapsed, fixtures.row_count(rows)


def same_search_documents(product_db: Path, raw_db: Path) -> bool:
    """Do both databases hold the same search documents (text, title, subtitle per record)?"""
    def documents(path: Path) -> dict[str, tuple[str, str, str, str]]:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return {ref: (kind, doc, title, subtitle) for ref, kind, doc, title, subtitle in
                    con.execute("SELECT ref, kind, doc, title, subtitle FROM search_fts")}
        finally:
            con.close()
    return documents(product_db) == documents(raw_db)
