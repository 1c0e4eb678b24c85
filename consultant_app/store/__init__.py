"""The local store: one SQLite file per consultant profile.

``Store.create`` makes a profile, ``Store.open`` opens one: it takes the profile's lock (one
instance at a time), checks the file is a database, unwraps the data key with the passphrase
(or the OS keyring), and migrates the schema to head. Reads use ``store.read()``; writes use
``store.write()``, which serialises writers in this process and starts ``BEGIN IMMEDIATE`` so a
write never fails half-way on a lock upgrade. SQLite errors that a user can meet (disk full,
busy, corrupt) become ``StoreError`` with a Danish message.

A profile comes into being whole or not at all: ``create`` builds it (schema, wrapped key,
device key, and whatever ``populate`` adds, such as the demo data) under a temporary name and
renames it into place only when it is complete and on disk, so a laptop that dies half-way
leaves either no profile or a whole one. A file an older version left unfinished (no key) is
recognised, reported plainly, and made again by ``create``. Before anything opens the file
for writing it is looked at read-only, so another program's SQLite file is refused untouched.

The profile runs WAL with ``synchronous=NORMAL``: a commit survives the program being killed,
but the last commits may be lost in a power cut. A transaction that must survive one too (a
signature, a seal) is marked with ``require_durable_commit(session)`` (or opened with
``store.write(durable=True)``); the store then flushes the WAL and the file to the disk before
``write()`` returns, so nothing is reported done before it is on the disk.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import filelock
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from .. import crypto
from ..errors import (
    CorruptDatabase,
    NotAProfile,
    ProfileExists,
    ProfileLocked,
    ProfileMissing,
    ProfileUnfinished,
    StoreError,
)
from ..ids import new_id
from ..profile_file import (  # noqa: F401 - DB_FILENAME and SQLITE_HEADER re-exported
    DB_FILENAME,
    FOREIGN,
    MISSING,
    SQLITE_HEADER,
    UNFINISHED,
    WHOLE,
    inspect_profile_file,
    translate_sqlite_error,
)
from ..search import fold
from . import journal, settings

# A profile being made lives under this name until it is whole (see Store.create).
BUILD_FILENAME = "profile.sqlite3.unfinished"
LOCK_FILENAME = "profile.lock"
_DURABLE = "durable_commit"


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


def _remove_database(path: Path) -> None:
    """Delete a database file and SQLite's companions of it (WAL, shared memory, journal)."""
    for name in (path.name, path.name + "-wal", path.name + "-shm", path.name + "-journal"):
        with contextlib.suppress(FileNotFoundError):
            (path.parent / name).unlink()


def _fsync_file(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDWR)
    except FileNotFoundError:
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(folder: Path) -> None:
    """Make a new or renamed name in ``folder`` durable (POSIX; Windows has no such call)."""
    if os.name == "nt":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _finish_build(path: Path) -> None:
    """Fold the WAL of a newly built profile into its file and flush it to the disk, so the
    one file is the whole profile before it is renamed into place. (Opening it later
    switches it back to WAL.)"""
    conn = sqlite3.connect(str(path))
    try:
        mode = conn.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
    finally:
        conn.close()
    wal = path.with_name(path.name + "-wal")
    if mode != "delete" or (wal.exists() and wal.stat().st_size > 0):
        raise CorruptDatabase(str(path), "oprettelsen kunne ikke afsluttes")
    with contextlib.suppress(FileNotFoundError):
        path.with_name(path.name + "-shm").unlink()
    _fsync_file(path)


def require_durable_commit(session: Session) -> None:
    """Mark the running ``store.write()`` transaction as one that must survive a power cut
    (a signature, a seal): its commit is flushed to the disk before ``write()`` returns."""
    session.info[_DURABLE] = True


class Store:
    def __init__(self, profile_dir: Path, lock: filelock.BaseFileLock,
                 path: Path | None = None):
        self.profile_dir = profile_dir
        self.path = path or profile_dir / DB_FILENAME
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

    @staticmethod
    def unfinished(profile_dir: os.PathLike[str] | str) -> bool:
        """Whether the folder holds a profile whose creation was cut off (see ``create``)."""
        try:
            return inspect_profile_file(Path(profile_dir) / DB_FILENAME) == UNFINISHED
        except StoreError:
            return False

    @staticmethod
    def _take_lock(profile_dir: Path) -> filelock.BaseFileLock:
        profile_dir.mkdir(parents=True, exist_ok=True)
        lock = filelock.FileLock(str(profile_dir / LOCK_FILENAME), timeout=0)
        try:
            lock.acquire()
        except filelock.Timeout:
            raise ProfileLocked(str(profile_dir)) from None
        return lock

    @classmethod
    def create(cls, profile_dir: os.PathLike[str] | str, passphrase: str, consultant: str = "",
               municipality_code: str = "", kdf_n: int | None = None,
               populate: Callable[[Store], None] | None = None) -> Store:
        """Make a new profile and return it open. It is built under ``BUILD_FILENAME`` (the
        schema, the wrapped data key, the device key, then ``populate(store)``, e.g. demo
        data) and renamed to ``DB_FILENAME`` once whole and flushed: killed at any moment,
        it leaves no profile (the next ``create`` starts again) or a whole one. A profile an
        older version left unfinished is replaced; a whole one is refused. ``kdf_n``: the
        scrypt cost (``crypto.DEFAULT_SCRYPT_N``, read when called)."""
        profile_dir = Path(profile_dir)
        final = profile_dir / DB_FILENAME
        if inspect_profile_file(final) == WHOLE:
            raise ProfileExists(str(profile_dir))
        lock = cls._take_lock(profile_dir)
        try:
            state = inspect_profile_file(final)  # again, under the lock
            if state == WHOLE:
                raise ProfileExists(str(profile_dir))
            if state == FOREIGN:
                raise NotAProfile(str(final))
            # Missing, or unfinished: no key was ever stored in it, so nothing in it can be
            # read; it is made again from the start, as is a build that was cut off.
            _remove_database(final)
            building = profile_dir / BUILD_FILENAME
            _remove_database(building)
            data_key = crypto.new_data_key()
            envelope = crypto.wrap_key(data_key, passphrase,
                                       n=kdf_n or crypto.DEFAULT_SCRYPT_N)
            builder = cls(profile_dir, lock, path=building)
            try:
                builder._migrate()
                with builder._write_sessions() as s, s.begin():
                    settings.put_many(s, {
                        settings.PROFILE_ID: new_id(),
                        settings.KEY_ENVELOPE: envelope.to_json(),
                        settings.CONSULTANT: consultant,
                        settings.MUNICIPALITY_CODE: municipality_code,
                    })
                builder._unlock_with_key(data_key)
                # The device's signing key is made with the profile (DESIGN.md, signing).
                from ..device import device_identity
                device_identity(builder)
                if populate is not None:
                    populate(builder)
            finally:
                builder._dispose()
            _finish_build(building)
            os.replace(building, final)
            _fsync_dir(profile_dir)
            store = cls(profile_dir, lock)
        except BaseException:
            lock.release()
            raise
        try:
            store._unlock_with_key(data_key)
            return store
        except BaseException:
            store.close()
            raise

    @classmethod
    def open(cls, profile_dir: os.PathLike[str] | str, passphrase: str | None = None,
             data_key: bytes | None = None) -> Store:
        """Open an existing profile with its passphrase (or a data key from the keyring)."""
        profile_dir = Path(profile_dir)
        if not cls.exists(profile_dir):
            raise ProfileMissing(str(profile_dir))
        lock = cls._take_lock(profile_dir)
        try:
            state = inspect_profile_file(profile_dir / DB_FILENAME)
            if state == MISSING:
                raise ProfileMissing(str(profile_dir))
            if state == UNFINISHED:
                raise ProfileUnfinished(str(profile_dir))
            if state == FOREIGN:
                raise NotAProfile(str(profile_dir / DB_FILENAME))
            store = cls(profile_dir, lock)
        except BaseException:
            lock.release()
            raise
        try:
            store._check_readable()
            envelope = crypto.KeyEnvelope.from_json(store.meta(settings.KEY_ENVELOPE))
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
        self.profile_id = self.meta(settings.PROFILE_ID)
        self._data_key = data_key

    def _migrate(self) -> None:
        from .migrate import upgrade_to_head
        with self._write_lock:
            try:
                upgrade_to_head(self.write_engine)
            except (DatabaseError, OperationalError) as exc:
                raise translate_sqlite_error(exc, str(self.path)) or exc

    def integrity_problems(self, quick: bool = False) -> list[str]:
        """What SQLite's integrity check (``quick``: the quick check, which skips comparing
        indexes with their tables) finds wrong with the file; [] when it is sound. A page so
        damaged that the check itself stops is reported as a problem too."""
        pragma = "quick_check" if quick else "integrity_check"
        try:
            with self.read_engine.connect() as conn:
                rows = [row[0] for row in conn.exec_driver_sql(f"PRAGMA {pragma}")]
        except (DatabaseError, OperationalError) as exc:
            translated = translate_sqlite_error(exc, str(self.path))
            if translated is not None and not isinstance(translated, CorruptDatabase):
                raise translated from None
            return [str(getattr(exc, "orig", exc))]
        return [] if rows == ["ok"] else rows

    def refuse_if_damaged(self, quick: bool = False) -> None:
        """Raise CorruptDatabase, naming the first problems, if the integrity check finds
        any."""
        problems = self.integrity_problems(quick)
        if problems:
            more = f" (og {len(problems) - 3} fejl mere)" if len(problems) > 3 else ""
            raise CorruptDatabase(str(self.path), "; ".join(problems[:3]) + more)

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
    def write(self, journal: bool = True, durable: bool = False) -> Iterator[Session]:
        """One write transaction; commits on success, rolls back everything on any error.
        ``durable`` (or ``require_durable_commit`` inside it): the commit is on the disk, not
        only in the operating system's cache, when this returns."""
        with self._write_lock:
            session = self._write_sessions()
            session.info["journal"] = journal
            session.info[_DURABLE] = durable
            try:
                with session.begin():
                    yield session
                if session.info.get(_DURABLE):
                    self._flush_to_disk()
                self.generation += 1
                for table in session.info.get("touched", ()):
                    self._table_generations[table] = self.generation
            except (DatabaseError, OperationalError) as exc:
                raise translate_sqlite_error(exc, str(self.path)) or exc
            finally:
                session.close()

    def _flush_to_disk(self) -> None:
        """What ``PRAGMA synchronous=FULL`` would have done for the last commit: the WAL
        (which holds it) and the file (which holds it after a checkpoint) are flushed, and
        the folder, in case the WAL was just created."""
        _fsync_file(self.path.with_name(self.path.name + "-wal"))
        _fsync_file(self.path)
        _fsync_dir(self.path.parent)

    def generation_of(self, *tables: str) -> int:
        """The last committed write that touched any of ``tables`` (0 if none has)."""
        return max([self._table_generations.get(t, 0) for t in (*tables, ALL_TABLES)])

    def tables_written_since(self, generation: int) -> tuple[frozenset[str], int]:
        """The tables written by the committed writes after ``generation`` (``ALL_TABLES``
        among them when a write's tables could not be told), and the generation this answer
        is up to: what a reader that last looked at ``generation`` has not seen. Safe from
        any thread (it reads a copy of the table generations)."""
        written = self._table_generations.copy()
        newer = {t: g for t, g in written.items() if g > generation}
        return frozenset(newer), max(newer.values(), default=generation)

    # -- profile facts ------------------------------------------------------------------
    def meta(self, key: str, default: str = "") -> str:
        """One setting (``settings``' keys), read in its own transaction."""
        with self.read() as s:
            return settings.get(s, key, default)

    def set_meta(self, key: str, value: str) -> None:
        """One setting written in its own transaction."""
        with self.write() as s:
            settings.put(s, key, value)

    @property
    def consultant(self) -> str:
        return self.meta(settings.CONSULTANT)

    def _dispose(self) -> None:
        self.read_engine.dispose()
        self.write_engine.dispose()

    def close(self) -> None:
        self._dispose()
        if self._lock.is_locked:
            self._lock.release()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
