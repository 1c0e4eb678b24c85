"""The local store: one SQLite file per consultant profile.

``Store.create`` makes a profile, ``Store.open`` opens one: it takes the profile's lock (one
instance at a time), checks the file is a database, unwraps the data key with the passphrase
(or the OS keyring), and migrates the schema to head. Reads use ``store.read()``; writes use
``store.write()``, which serialises writers in this process and starts ``BEGIN IMMEDIATE`` so a
write never fails half-way on a lock upgrade. SQLite errors that a user can meet (disk full,
busy, corrupt) become ``StoreError`` with a Danish message.
"""

from __future__ import annotations

import contextlib
import json
import os
import threading
from pathlib import Path
from typing import Iterator

import filelock
from sqlalchemy import Engine, create_engine, event, select
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from .. import crypto
from ..errors import (
    CorruptDatabase,
    DatabaseBusy,
    DiskFull,
    ProfileExists,
    ProfileLocked,
    ProfileMissing,
    StoreError,
)
from ..ids import new_id
from ..search import fold
from . import journal
from .models import ProfileMeta

DB_FILENAME = "profile.sqlite3"
LOCK_FILENAME = "profile.lock"
SQLITE_HEADER = b"SQLite format 3\x00"


class StoreSession(Session):
    """Session class of the store; the outbox hook is installed on it once."""


journal.install(StoreSession)

ALL_TABLES = "*"


@event.listens_for(StoreSession, "after_flush")
def _note_flushed_tables(session: Session, _context: object) -> None:
    touched = session.info.setdefault("touched", set())
    for obj in (*session.new, *session.dirty, *session.deleted):
        table = getattr(obj, "__tablename__", None)
        touched.add(table or ALL_TABLES)


@event.listens_for(StoreSession, "do_orm_execute")
def _note_executed_tables(state) -> None:  # type: ignore[no-untyped-def]
    """Statements outside the unit of work (bulk inserts, raw SQL) count too; one whose
    table cannot be told (text SQL) counts as touching every table."""
    if state.is_select:
        return
    table = getattr(getattr(state.statement, "table", None), "name", None)
    state.session.info.setdefault("touched", set()).add(table or ALL_TABLES)


def translate_sqlite_error(exc: BaseException, path: str) -> StoreError | None:
    text = str(getattr(exc, "orig", exc)).lower()
    if "disk is full" in text or "disk i/o error" in text:
        return DiskFull()
    if "database is locked" in text or "database is busy" in text:
        return DatabaseBusy()
    if "not a database" in text or "malformed" in text or "encrypted" in text:
        return CorruptDatabase(path, str(getattr(exc, "orig", exc)))
    return None


def _json_dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


def _make_engine(path: Path, immediate: bool) -> Engine:
    engine = create_engine(
        f"sqlite:///{path}", connect_args={"timeout": 10, "check_same_thread": False},
        # Lists are stored as UTF-8 JSON: the search index must see "køkken", not "k\u00f8kken".
        json_serializer=_json_dumps)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):  # type: ignore[no-untyped-def]
        # We issue BEGIN ourselves (below); pysqlite's implicit transactions would defeat it.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.close()
        # The search index's triggers call dk_fold (see search.fold).
        dbapi_conn.create_function("dk_fold", 1, fold, deterministic=True)

    @event.listens_for(engine, "begin")
    def _on_begin(conn):  # type: ignore[no-untyped-def]
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def check_sqlite_file(path: Path) -> None:
    """A file that is not SQLite is refused untouched, before SQLite can write to it."""
    if path.exists() and path.stat().st_size > 0:
        with open(path, "rb") as fh:
            header = fh.read(16)
        if header != SQLITE_HEADER:
            raise CorruptDatabase(str(path), "ukendt filformat")


class Store:
    def __init__(self, profile_dir: Path, lock: filelock.BaseFileLock):
        self.profile_dir = profile_dir
        self.path = profile_dir / DB_FILENAME
        self._lock = lock
        self._write_lock = threading.Lock()
        self.read_engine = _make_engine(self.path, immediate=False)
        self.write_engine = _make_engine(self.path, immediate=True)
        # Committed store.write() calls so far: caches of what is read (matching) compare it.
        # Exact, because only this process writes the profile (the lock).
        self.generation = 0
        self._read_sessions = sessionmaker(self.read_engine, class_=StoreSession,
                                           expire_on_commit=False, info={"store": self})
        self._write_sessions = sessionmaker(self.write_engine, class_=StoreSession,
                                            expire_on_commit=False)
        self.cipher: crypto.FieldCipher | None = None
        # Write generations, for in-memory caches of this profile (matching): the counter
        # goes up after every committed write, and each table remembers the last write that
        # touched it. Exact, because only this process writes the profile (file lock).
        self._table_generations: dict[str, int] = {}
        self.profile_id = ""

    # -- opening ------------------------------------------------------------------------
    @staticmethod
    def exists(profile_dir: os.PathLike[str] | str) -> bool:
        return (Path(profile_dir) / DB_FILENAME).exists()

    @classmethod
    def _locked(cls, profile_dir: Path) -> "Store":
        profile_dir.mkdir(parents=True, exist_ok=True)
        lock = filelock.FileLock(str(profile_dir / LOCK_FILENAME), timeout=0)
        try:
            lock.acquire()
        except filelock.Timeout:
            raise ProfileLocked(str(profile_dir)) from None
        try:
            check_sqlite_file(profile_dir / DB_FILENAME)
            return cls(profile_dir, lock)
        except BaseException:
            lock.release()
            raise

    @classmethod
    def create(cls, profile_dir: os.PathLike[str] | str, passphrase: str, consultant: str = "",
               municipality_code: str = "", kdf_n: int = crypto.DEFAULT_SCRYPT_N) -> "Store":
        profile_dir = Path(profile_dir)
        if cls.exists(profile_dir):
            raise ProfileExists(str(profile_dir))
        store = cls._locked(profile_dir)
        try:
            store._migrate()
            data_key = crypto.new_data_key()
            envelope = crypto.wrap_key(data_key, passphrase, n=kdf_n)
            with store._write_sessions() as s, s.begin():
                s.add_all([
                    ProfileMeta(key="profile_id", value=new_id()),
                    ProfileMeta(key="key_envelope", value=envelope.to_json()),
                    ProfileMeta(key="consultant", value=consultant),
                    ProfileMeta(key="municipality_code", value=municipality_code),
                ])
            store._unlock_with_key(data_key)
            # The device's signing key is made with the profile (DESIGN.md, signing).
            from ..device import device_identity
            device_identity(store)
            return store
        except BaseException:
            store.close()
            raise

    @classmethod
    def open(cls, profile_dir: os.PathLike[str] | str, passphrase: str | None = None,
             data_key: bytes | None = None) -> "Store":
        """Open an existing profile with its passphrase (or a data key from the keyring)."""
        profile_dir = Path(profile_dir)
        if not cls.exists(profile_dir):
            raise ProfileMissing(str(profile_dir))
        store = cls._locked(profile_dir)
        try:
            store._check_readable()
            envelope = crypto.KeyEnvelope.from_json(store.meta("key_envelope"))
            if data_key is None:
                data_key = crypto.unwrap_key(envelope, passphrase or "")
            store._unlock_with_key(data_key)
            store._migrate()
            return store
        except BaseException:
            store.close()
            raise

    def _check_readable(self) -> None:
        try:
            with self.read_engine.connect() as conn:
                conn.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar()
        except (DatabaseError, OperationalError) as exc:
            raise translate_sqlite_error(exc, str(self.path)) or CorruptDatabase(
                str(self.path), str(exc.orig)) from None

    def _unlock_with_key(self, data_key: bytes) -> None:
        self.cipher = crypto.FieldCipher(data_key)
        for engine in (self.read_engine, self.write_engine):
            engine.dialect.field_cipher = self.cipher  # type: ignore[attr-defined]
        self.profile_id = self.meta("profile_id")
        self._data_key = data_key

    def _migrate(self) -> None:
        from .migrate import upgrade_to_head
        with self._write_lock:
            upgrade_to_head(self.write_engine)

    def remember_key_in_keyring(self) -> bool:
        return crypto.keyring_store(self.profile_id, self._data_key)

    # -- sessions -----------------------------------------------------------------------
    @contextlib.contextmanager
    def read(self) -> Iterator[Session]:
        session = self._read_sessions()
        try:
            with session.begin():
                yield session
        except (DatabaseError, OperationalError) as exc:
            raise translate_sqlite_error(exc, str(self.path)) or exc
        finally:
            session.close()

    @contextlib.contextmanager
    def write(self, journal: bool = True) -> Iterator[Session]:
        """One write transaction; commits on success, rolls back everything on any error."""
        with self._write_lock:
            session = self._write_sessions()
            session.info["journal"] = journal
            try:
                with session.begin():
                    yield session
                self.generation += 1
                for table in session.info.get("touched", ()):
                    self._table_generations[table] = self.generation
            except (DatabaseError, OperationalError) as exc:
                raise translate_sqlite_error(exc, str(self.path)) or exc
            finally:
                session.close()

    def generation_of(self, *tables: str) -> int:
        """The last committed write that touched any of ``tables`` (0 if none has)."""
        return max([self._table_generations.get(t, 0) for t in (*tables, ALL_TABLES)])

    # -- profile facts ------------------------------------------------------------------
    def meta(self, key: str, default: str = "") -> str:
        with self.read() as s:
            value = s.scalar(select(ProfileMeta.value).where(ProfileMeta.key == key))
        return default if value is None else value

    def set_meta(self, key: str, value: str) -> None:
        with self.write() as s:
            s.merge(ProfileMeta(key=key, value=value))

    @property
    def consultant(self) -> str:
        return self.meta("consultant")

    def close(self) -> None:
        self.read_engine.dispose()
        self.write_engine.dispose()
        if self._lock.is_locked:
            self._lock.release()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
