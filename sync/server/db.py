"""The central service's store: its own tables (SQLAlchemy Core, its own metadata) and engines.

Records of every synced entity are kept generically, one row per (entity, id): the wire
``values`` as JSON text, a per-field version map, the scope the record belongs to and the
sequence number of its latest change. A pull is one indexed range scan over ``record`` by
(municipality, seq), and the stored JSON text goes to the wire as it is.

Personal fields (``SENSITIVE``: CPR, notes about citizens, agreement content, signature
strokes, sealed PDFs) never reach ``values_json``: ``record_columns`` moves them into
``secret``, one AES-GCM ciphertext per record (keys.py), and ``record_values`` /
``wire_values`` put them back. A record without personal fields has ``secret`` NULL and is
pulled exactly as before; only rows with one pay for a decryption. A citizen's CPR also gets
a keyed blind index, ``cpr_index``, so the service can find a CPR's records.

Ordering of the change sequence (why a cursor never skips a change): within one municipality,
sequence numbers are handed out in commit order. A transaction that writes records of
municipality M takes M's change lock just before it writes them, takes its numbers while
holding it and holds it until it commits (PostgreSQL: ``pg_advisory_xact_lock`` on M, numbers
from a sequence; SQLite: the database's single writer lock, ``BEGIN IMMEDIATE``, numbers from a
counter row). So a reader that has seen seq N of M can never later find a committed change of
M below N. A device's scope lies inside one municipality, so that is all a cursor needs.

A push holds the change lock only for its writes and commit (``lock_changes``): the work
before them (reading, merging, checking) runs beside other pushes of M, kept apart by row
locks on the records it merges and reads (``FOR UPDATE`` / ``FOR SHARE``) and by a lock per
natural key it creates (``lock_natural_keys``), and a conflict the database reports (a unique
key, a deadlock) makes the push start again. Writers that change many records at once
(imports, reassignments, erasure) take M whole (``lock_municipality``): they wait for the
pushes under way and pushes wait for them (``share_municipality``). Writers of different
municipalities never wait for each other.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import threading
from collections.abc import Iterable, Iterator
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
from sqlalchemy.exc import DBAPIError

from consultant_app.store.models import MODEL_BY_ENTITY

from ..protocol import ENTITIES
from . import keys

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
    Column("deactivated_at", DateTime),  # set: no device of theirs works, no code enrolls
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
    Column("last_seen_at", DateTime),  # last authenticated request (at most a minute old)
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
    Column("values_json", Text, nullable=False),  # the fields that are not personal
    Column("field_versions", Text, nullable=False),
    Column("secret", Text),  # the personal fields as encrypted JSON (keys.Vault), or NULL
    Column("cpr_index", String(32), index=True),  # citizen: blind index of the CPR
    # The consultant whose device pushed the create (NULL: made by the service, an import).
    Column("created_by", String(36)),
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
    Column("upload_json", Text, nullable=False),  # encrypted JSON: content, seal, signatures
    Column("pdf", Text, nullable=False),  # encrypted PDF bytes
    Column("received_at", DateTime, nullable=False),
    Column("service_signature", Text, nullable=False),  # base64 Ed25519 over hash|time
)

server_key = Table(
    "server_key", metadata,
    Column("name", String(40), primary_key=True),
    Column("private_key_pem", Text, nullable=False),  # encrypted PEM
    Column("certificate_pem", Text, nullable=False),
    Column("created_at", DateTime, nullable=False),
)

# Data keys, each wrapped by a master key that is never in the database (keys.py).
data_key = Table(
    "data_key", metadata,
    Column("name", String(40), primary_key=True),
    Column("master_key_id", String(16), nullable=False),
    Column("wrapped", Text, nullable=False),  # base64(nonce | AES-GCM(data key))
    Column("created_at", DateTime, nullable=False),
)

# The service's access log (GDPR art. 30; access_log.py): every delivery of a citizen's data to
# a device, every administrator's read or erasure, and the devices' own log entries (pushed as
# records of entity "access_log", copied here when they arrive).
access_event = Table(
    "access_event", metadata,
    Column("id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True,
           autoincrement=True),
    Column("at", DateTime, nullable=False),
    Column("municipality_code", String(4), nullable=False),
    Column("consultant_id", String(36)),  # who: a device's consultant (NULL: an administrator)
    Column("device_id", String(36)),
    Column("actor", String(100), nullable=False),  # the consultant's or administrator's name
    Column("action", String(40), nullable=False),  # pull, export, erase, or the device's own
    Column("purpose", String(20), nullable=False),  # why: sync, export, erasure, retention, ...
    Column("source", String(10), nullable=False),  # "service" or "device"
    Column("citizen_id", String(64)),
    Column("entity", String(40), nullable=False),
    Column("entity_id", String(64), nullable=False),
    Column("detail", Text, nullable=False, default=""),
    Index("ix_access_event_citizen", "citizen_id", "at"),
    Index("ix_access_event_consultant", "consultant_id", "at"),
    Index("ix_access_event_at", "at"),
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


def make_engines(url: str, master_key_file: Path | None = None,
                 provider: keys.MasterKeyProvider | None = None) -> tuple[Engine, Engine]:
    """(read engine, write engine). On SQLite the write engine begins IMMEDIATE, so a write
    transaction holds the single writer lock from its start (no deadlocking lock upgrades);
    on PostgreSQL both are the same engine. Both carry the database's key vault
    (``keys.vault_of``); its master key is looked up on first use (keys.provider_for)."""
    vault = keys.Vault(url, provider, master_key_file)
    if url.startswith("sqlite"):
        if url.startswith("sqlite:///") and url != "sqlite:///:memory:":
            Path(url[len("sqlite:///"):]).parent.mkdir(parents=True, exist_ok=True)
        engines = _sqlite_engine(url, immediate=False), _sqlite_engine(url, immediate=True)
    else:
        engine = create_engine(url, pool_size=20, max_overflow=30, pool_pre_ping=True)
        engines = engine, engine
    for engine in engines:
        engine.consultant_vault = vault  # type: ignore[attr-defined]
        engine.consultant_writer = engines[1]  # type: ignore[attr-defined]
    return engines


def writer_of(engine: Engine) -> Engine:
    """The write engine of the pair ``make_engines`` made (a pull writes its access log)."""
    return getattr(engine, "consultant_writer", engine)


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
    """A write transaction: the one way the service writes (tests/unit/test_server_writes.py
    holds every other module to it). It runs on the write engine of ``engine``'s pair
    (``writer_of``: on SQLite that begins IMMEDIATE, so the transaction holds the single
    writer lock from its start and never deadlocks upgrading a read lock), whichever engine
    the caller was given. On SQLite the threads of this process queue on a lock first:
    SQLite's own busy handler polls with growing sleeps, which under many concurrent pushes
    makes some wait seconds while the database is idle. Not reentrant: never open one
    inside another."""
    engine = writer_of(engine)
    if engine.dialect.name == "sqlite":
        with _SQLITE_WRITERS, engine.begin() as conn:
            yield conn
    else:
        with engine.begin() as conn:
            yield conn


# Advisory lock classes (PostgreSQL): the first key of pg_advisory_xact_lock's two. The
# migrations' lock has a class of its own, so no municipality's hash can meet it.
_CHANGE_LOCK, _MUNICIPALITY_LOCK, _NATURAL_KEY_LOCK = 7510, 7511, 7512
MIGRATION_LOCK = 7509


def lock_municipality(conn: Connection, code: str) -> None:
    """Have municipality ``code`` to this transaction alone until it ends: no push of it runs
    beside it (they hold ``share_municipality``) and it holds the change lock (module doc)."""
    if is_postgres(conn):
        conn.execute(text("SELECT pg_advisory_xact_lock(:k, hashtext(:m))"),
                     {"k": _MUNICIPALITY_LOCK, "m": code})
        lock_changes(conn, code)


def share_municipality(conn: Connection, code: str) -> None:
    """A push's first lock: pushes of ``code`` run side by side, never beside a
    ``lock_municipality`` writer."""
    if is_postgres(conn):
        conn.execute(text("SELECT pg_advisory_xact_lock_shared(:k, hashtext(:m))"),
                     {"k": _MUNICIPALITY_LOCK, "m": code})


def lock_changes(conn: Connection, code: str) -> None:
    """Municipality ``code``'s change lock, until this transaction ends: take it just before
    ``next_seqs`` and the writes, as the last lock the transaction waits for (module doc)."""
    if is_postgres(conn):
        conn.execute(text("SELECT pg_advisory_xact_lock(:k, hashtext(:m))"),
                     {"k": _CHANGE_LOCK, "m": code})


def lock_natural_keys(conn: Connection, code: str, entity: str, keys: Iterable[str]) -> None:
    """One lock per natural key (natural_keys.key_of) a push creates, until it ends: two pushes
    creating the same employer or citizen take turns, so the second finds the first's record.
    Taken in one order (hash order) so two pushes never wait for each other's keys."""
    names = sorted({f"{code}|{entity}|{key}" for key in keys})
    if names and is_postgres(conn):
        conn.execute(text(
            "SELECT pg_advisory_xact_lock(:k, h) FROM (SELECT DISTINCT hashtext(n) AS h "
            "FROM unnest(CAST(:names AS text[])) AS n ORDER BY h) AS ordered"),
            {"k": _NATURAL_KEY_LOCK, "names": names})


# What PostgreSQL reports when a transaction met another writer: a unique key both wrote (the
# same record or operation id created twice at once), a deadlock of row locks. The transaction
# was rolled back; run again, it finds what the other committed.
_MET_ANOTHER_WRITER = frozenset({"23505", "40P01", "40001"})


def met_another_writer(exc: DBAPIError) -> bool:
    return getattr(exc.orig, "sqlstate", None) in _MET_ANOTHER_WRITER


def next_seqs(conn: Connection, n: int) -> list[int]:
    """``n`` new change sequence numbers, in increasing order. Call with the change lock held
    (lock_changes or lock_municipality), inside the writing transaction."""
    if n <= 0:
        return []
    if is_postgres(conn):
        rows = conn.execute(text("SELECT nextval('change_seq') FROM generate_series(1, :n)"),
                            {"n": n}).scalars().all()
        return sorted(rows)
    top = conn.execute(text("UPDATE counter SET value = value + :n WHERE name = 'change' "
                            "RETURNING value"), {"n": n}).scalar_one()
    return list(range(top - n + 1, top + 1))


# -- personal fields -----------------------------------------------------------------------------

# The fields kept encrypted, per entity: those the device encrypts (its models' __sensitive__)
# and the free-text notes about a citizen's match.
SENSITIVE: dict[str, frozenset[str]] = {
    entity: frozenset(MODEL_BY_ENTITY[entity].__sensitive__) for entity in ENTITIES
}
SENSITIVE["match"] = SENSITIVE["match"] | {"decline_reason"}
SENSITIVE["match_event"] = SENSITIVE["match_event"] | {"note"}


def _aad(entity: str, ident: str) -> str:
    return f"record/{entity}/{ident}"


def normalize_cpr(cpr: str) -> str:
    """The ten digits of a CPR number, whatever way it was written (``DDMMYY-SSSS``)."""
    return "".join(ch for ch in cpr if ch.isdigit())


def cpr_index(conn: Connection | Engine, cpr: str) -> str:
    """The blind index of a CPR number: what ``record.cpr_index`` holds for a citizen with
    that CPR (any spelling). Find a CPR's records with ``record.c.cpr_index == cpr_index(..)``."""
    return keys.vault_of(conn).blind_index(conn, "cpr:" + normalize_cpr(cpr))


def record_columns(conn: Connection, entity: str, ident: str, values: dict[str, Any]
                   ) -> dict[str, Any]:
    """The stored columns for a record's ``values``: ``values_json`` (not personal),
    ``secret`` (the personal fields, encrypted; None without any) and ``cpr_index``."""
    sensitive = SENSITIVE.get(entity)
    secret_values = ({k: v for k, v in values.items() if k in sensitive and v is not None}
                     if sensitive else None)
    if not secret_values:
        return {"values_json": dumps(values), "secret": None, "cpr_index": None}
    vault = keys.vault_of(conn)
    public = {k: v for k, v in values.items() if k not in secret_values}
    cpr = secret_values.get("cpr") if entity == "citizen" else None
    return {"values_json": dumps(public),
            "secret": vault.encrypt_text(conn, dumps(secret_values), _aad(entity, ident)),
            "cpr_index": cpr_index(conn, cpr) if isinstance(cpr, str) and cpr else None}


def record_values(conn: Connection, entity: str, ident: str, values_json: str,
                  secret: str | None) -> dict[str, Any]:
    """A stored record's values, personal fields decrypted."""
    values = json.loads(values_json)
    if secret is not None:
        values.update(json.loads(keys.vault_of(conn).decrypt_text(conn, secret,
                                                                  _aad(entity, ident))))
    return values


def wire_values(conn: Connection, entity: str, ident: str, values_json: str,
                secret: str) -> str:
    """The JSON text of a record's values with its personal fields, for a pull page: the two
    stored objects spliced (their keys are disjoint), no parsing of the public part."""
    private = keys.vault_of(conn).decrypt_text(conn, secret, _aad(entity, ident))
    if values_json == "{}":
        return private
    return values_json[:-1] + "," + private[1:]


def seal_json(conn: Connection, value: Any, aad: str) -> str:
    """Any JSON value encrypted (conflict values, operation results, sealed uploads)."""
    return keys.vault_of(conn).encrypt_text(conn, dumps(value), aad)


def open_json(conn: Connection, token: str, aad: str) -> Any:
    return json.loads(keys.vault_of(conn).decrypt_text(conn, token, aad))


def stored_result(conn: Connection, result: Any) -> str:
    """An operation's result as ``applied_operation.result_json``: encrypted when it
    carries conflicts (their values may be personal), plain JSON otherwise."""
    text = result.model_dump_json()
    if not result.conflicts:
        return text
    return keys.vault_of(conn).encrypt_text(conn, text, f"result/{result.op_id}")


def result_text(conn: Connection, op_id: str, stored: str) -> str:
    """The JSON of a stored operation result (``stored_result``)."""
    if stored.startswith("{"):
        return stored
    return keys.vault_of(conn).decrypt_text(conn, stored, f"result/{op_id}")


def conflict_columns(conn: Connection, row: dict[str, Any]) -> dict[str, Any]:
    """A conflict row as stored: the two sides encrypted, each as ``{"sealed": ...}``, when
    the field is personal (or the whole record, for a delete conflict)."""
    personal = row["field"] == "deleted" or row["field"] in SENSITIVE.get(row["entity"], ())
    if not personal:
        return row
    where = f"conflict/{row['entity']}/{row['entity_id']}/{row['field']}/{row['op_id']}"
    return {**row,
            "server_value": {"sealed": seal_json(conn, row["server_value"], where + "/server")},
            "client_value": {"sealed": seal_json(conn, row["client_value"], where + "/client")}}


def conflict_values(conn: Connection, row: Any) -> tuple[Any, Any]:
    """(server value, client value) of a stored conflict row (entity, entity_id, field,
    op_id, server_value, client_value), decrypted where ``conflict_columns`` sealed them."""
    where = f"conflict/{row.entity}/{row.entity_id}/{row.field}/{row.op_id}"
    out = []
    for side, value in (("server", row.server_value), ("client", row.client_value)):
        if isinstance(value, dict) and set(value) == {"sealed"}:
            value = open_json(conn, value["sealed"], f"{where}/{side}")
        out.append(value)
    return out[0], out[1]
