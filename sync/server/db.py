"""The central service's store: its own tables (SQLAlchemy Core, its own metadata) and engines.

Records of every synced entity are kept generically, one row per (entity, id): the wire
``values`` as JSON text, a per-field version map, the scope the record belongs to and the
sequence number of its latest change. A pull is one indexed range scan over ``record`` by
(municipality, seq), and the stored JSON text goes to the wire as it is.

Ordering of the change sequence (why a cursor never skips a change): every transaction that
writes records of municipality M holds M's write lock until it commits and takes its sequence
numbers while holding it (PostgreSQL: ``pg_advisory_xact_lock`` on M, numbers from a sequence;
SQLite: the database's single writer lock, ``BEGIN IMMEDIATE``, numbers from a counter row).
So within one municipality, numbers are handed out in commit order: a reader that has seen
seq N of M can never later find a committed change of M below N. A device's scope lies inside
one municipality, so that is all a cursor needs. Writers of different municipalities do not
wait for each other.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    DateTime,
    Engine,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    event,
    text,
)
from sqlalchemy.engine import Connection

metadata = MetaData()

municipality = Table(
    "municipality", metadata,
    Column("code", String(4), primary_key=True),
    Column("name", String(100), nullable=False),
    Column("created_at", DateTime, nullable=False),
)

consultant = Table(
    "consultant", metadata,
    Column("id", String(36), primary_key=True),
    Column("municipality_code", String(4), ForeignKey("municipality.code"), nullable=False,
           index=True),
    Column("name", String(100), nullable=False),
    Column("email", String(200), nullable=False, default=""),
    Column("created_at", DateTime, nullable=False),
)

enrollment_code = Table(
    "enrollment_code", metadata,
    Column("code_hash", String(64), primary_key=True),
    Column("consultant_id", String(36), ForeignKey("consultant.id"), nullable=False),
    Column("created_at", DateTime, nullable=False),
    Column("expires_at", DateTime),
    Column("used_at", DateTime),
    Column("reusable", Boolean, nullable=False, default=False),  # the demo's fixed code
)

device = Table(
    "device", metadata,
    Column("id", String(36), primary_key=True),
    Column("consultant_id", String(36), ForeignKey("consultant.id"), nullable=False,
           index=True),
    Column("name", String(200), nullable=False, default=""),
    Column("public_key", String(64), nullable=False),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("certificate_pem", Text, nullable=False),
    Column("status", String(10), nullable=False, default="active"),
    Column("app_version", String(40), nullable=False, default=""),
    Column("enrolled_at", DateTime, nullable=False),
    Column("revoked_at", DateTime),
)

record = Table(
    "record", metadata,
    Column("entity", String(40), primary_key=True),
    Column("id", String(64), primary_key=True),
    Column("municipality_code", String(4), nullable=False),
    # NULL: the whole municipality sees it (employers, vacancies, ...); a consultant id: only
    # that consultant's devices; "" (an unassigned citizen and what hangs off it): no device.
    Column("owner_consultant_id", String(36)),
    Column("owner_device_id", String(36)),  # access_log: only the device that wrote it
    Column("citizen_id", String(64), index=True),  # the citizen a record hangs off
    Column("seq", BigInteger, nullable=False),
    Column("version", Integer, nullable=False),
    Column("deleted", Boolean, nullable=False, default=False),
    Column("modified_at", DateTime, nullable=False),
    Column("values_json", Text, nullable=False),
    Column("field_versions", Text, nullable=False),
    Index("ix_record_municipality_seq", "municipality_code", "seq"),
)

# A citizen (and what hangs off it) that left a consultant's scope: reassigned or unassigned.
# The consultant's devices pull it as a Change with ``scope_exit`` and forget the citizen.
# ``seq`` comes from the same change sequence as ``record.seq``, under the same municipality
# lock, so a cursor never skips one.
scope_exit = Table(
    "scope_exit", metadata,
    Column("seq", BigInteger, primary_key=True, autoincrement=False),
    Column("municipality_code", String(4), nullable=False),
    Column("consultant_id", String(36), nullable=False),  # the audience: who lost it
    Column("entity", String(40), nullable=False),
    Column("entity_id", String(64), nullable=False),
    Column("at", DateTime, nullable=False),
    Index("ix_scope_exit_audience", "municipality_code", "consultant_id", "seq"),
)

applied_operation = Table(
    "applied_operation", metadata,
    Column("op_id", String(64), primary_key=True),
    Column("device_id", String(36), nullable=False),
    Column("result_json", Text, nullable=False),
    Column("applied_at", DateTime, nullable=False),
)

conflict = Table(
    "conflict", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("entity", String(40), nullable=False),
    Column("entity_id", String(64), nullable=False),
    Column("field", String(64), nullable=False),
    Column("server_value", JSON),
    Column("client_value", JSON),
    Column("winner", String(10), nullable=False),
    Column("policy", String(20), nullable=False),
    Column("version", Integer, nullable=False),
    Column("op_id", String(64), nullable=False),
    Column("device_id", String(36), nullable=False),
    Column("at", DateTime, nullable=False),
    Index("ix_conflict_entity", "entity", "entity_id"),
)

sealed_agreement = Table(
    "sealed_agreement", metadata,
    Column("agreement_id", String(64), primary_key=True),
    Column("revision", Integer, primary_key=True),
    Column("device_id", String(36), nullable=False),
    Column("municipality_code", String(4), nullable=False),
    Column("content_hash", String(64), nullable=False),
    Column("pdf_sha256", String(64), nullable=False),
    Column("upload_json", Text, nullable=False),  # content, seal, signatures
    Column("pdf", Text, nullable=False),  # base64
    Column("received_at", DateTime, nullable=False),
    Column("service_signature", Text, nullable=False),  # base64 Ed25519 over hash|time
)

server_key = Table(
    "server_key", metadata,
    Column("name", String(40), primary_key=True),
    Column("private_key_pem", Text, nullable=False),
    Column("certificate_pem", Text, nullable=False),
    Column("created_at", DateTime, nullable=False),
)

# SQLite only: the change counter (PostgreSQL uses the sequence ``change_seq``).
counter = Table(
    "counter", metadata,
    Column("name", String(20), primary_key=True),
    Column("value", BigInteger, nullable=False),
)


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def is_postgres(engine_or_conn: Engine | Connection) -> bool:
    return engine_or_conn.dialect.name == "postgresql"


def default_url(data_dir: Path) -> str:
    return f"sqlite:///{(Path(data_dir) / 'server.sqlite').resolve()}"


def make_engines(url: str) -> tuple[Engine, Engine]:
    """(read engine, write engine). On SQLite the write engine begins IMMEDIATE, so a write
    transaction holds the single writer lock from its start (no deadlocking lock upgrades);
    on PostgreSQL both are the same engine."""
    if url.startswith("sqlite"):
        if url.startswith("sqlite:///") and url != "sqlite:///:memory:":
            Path(url[len("sqlite:///"):]).parent.mkdir(parents=True, exist_ok=True)
        return _sqlite_engine(url, immediate=False), _sqlite_engine(url, immediate=True)
    engine = create_engine(url, pool_size=20, max_overflow=30, pool_pre_ping=True)
    return engine, engine


def _sqlite_engine(url: str, immediate: bool) -> Engine:
    engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 60},
                           pool_size=20, max_overflow=30)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):  # type: ignore[no-untyped-def]
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=60000")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):  # type: ignore[no-untyped-def]
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


_SQLITE_WRITERS = threading.Lock()


@contextlib.contextmanager
def writing(engine: Engine) -> Iterator[Connection]:
    """A write transaction. On SQLite the threads of this process queue on a lock first:
    SQLite's own busy handler polls with growing sleeps, which under many concurrent pushes
    makes some wait seconds while the database is idle."""
    if engine.dialect.name == "sqlite":
        with _SQLITE_WRITERS, engine.begin() as conn:
            yield conn
    else:
        with engine.begin() as conn:
            yield conn


def lock_municipality(conn: Connection, code: str) -> None:
    """Serialise writers of one municipality until this transaction ends (see module doc)."""
    if is_postgres(conn):
        conn.execute(text("SELECT pg_advisory_xact_lock(7510, hashtext(:m))"), {"m": code})


def next_seqs(conn: Connection, n: int) -> list[int]:
    """``n`` new change sequence numbers, in increasing order. Call with the municipality
    lock held (lock_municipality), inside the writing transaction."""
    if n <= 0:
        return []
    if is_postgres(conn):
        rows = conn.execute(text("SELECT nextval('change_seq') FROM generate_series(1, :n)"),
                            {"n": n}).scalars().all()
        return sorted(rows)
    top = conn.execute(text("UPDATE counter SET value = value + :n WHERE name = 'change' "
                            "RETURNING value"), {"n": n}).scalar_one()
    return list(range(top - n + 1, top + 1))
