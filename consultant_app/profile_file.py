"""The profile's database file looked at with the standard library alone.

What a profile folder's file is (missing, unfinished, another program's, whole) and its
wrapped data key can be read without SQLAlchemy or the models, which take most of a cold
start to import. The desktop uses that to unwrap the data key (scrypt, deliberately slow) on
one thread while the store's modules are imported on another, then opens the store with the
key (``Store.open(profile, data_key=...)``); ``Store`` uses the same inspection before it
opens a file for writing. SQLite errors a user can meet become ``StoreError`` here too.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from . import crypto
from .errors import CorruptDatabase, DatabaseBusy, DiskFull, StoreError

DB_FILENAME = "profile.sqlite3"
SQLITE_HEADER = b"SQLite format 3\x00"
# The profile_meta row holding the wrapped data key (``store.settings`` names the rest).
KEY_ENVELOPE = "key_envelope"

# What a profile folder's database file is (``inspect_profile_file``).
MISSING, UNFINISHED, FOREIGN, WHOLE = "missing", "unfinished", "foreign", "whole"


def translate_sqlite_error(exc: BaseException, path: str) -> StoreError | None:
    """The StoreError a user should see for ``exc``, or None. The errors it was raised in
    the handling of count too: when a full disk makes SQLite roll back the whole
    transaction, the ROLLBACK TO of a savepoint then fails with "no such savepoint", and it
    is the full disk that the user must hear about."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        translated = _translate_one(current, path)
        if translated is not None:
            return translated
        current = current.__cause__ or current.__context__
    return None


def _translate_one(exc: BaseException, path: str) -> StoreError | None:
    text = str(getattr(exc, "orig", exc)).lower()
    if "disk is full" in text or "disk i/o error" in text:
        return DiskFull()
    if "database is locked" in text or "database is busy" in text:
        return DatabaseBusy()
    if "not a database" in text or "malformed" in text or "encrypted" in text:
        return CorruptDatabase(path, str(getattr(exc, "orig", exc)))
    return None


def check_sqlite_file(path: Path) -> None:
    """A file that is not SQLite is refused untouched, before SQLite can write to it."""
    if path.exists() and path.stat().st_size > 0:
        with open(path, "rb") as fh:
            header = fh.read(16)
        if header != SQLITE_HEADER:
            raise CorruptDatabase(str(path), "ukendt filformat")


def _look(path: Path) -> tuple[str, str | None]:
    """The file's state and, for a whole profile, its wrapped data key (JSON)."""
    if not path.exists():
        return MISSING, None
    check_sqlite_file(path)
    # Without a WAL or journal beside it the file is the whole database, and it is read as
    # immutable: SQLite then makes no -wal or -shm file beside another program's database.
    companions = (path.with_name(path.name + suffix) for suffix in ("-wal", "-journal"))
    immutable = "&immutable=1" if not any(p.exists() for p in companions) else ""
    try:
        try:
            return _read_state(path, f"mode=ro{immutable}")
        except sqlite3.DatabaseError as exc:
            if getattr(exc, "sqlite_errorcode", 0) & 0xFF != sqlite3.SQLITE_READONLY:
                raise
        # A program killed inside a write left a hot journal (or a WAL without its index)
        # that only a writer may roll back: a read-only connection is refused. The header
        # said SQLite, so it is opened for writing (never created) for SQLite's own recovery,
        # which puts the file back as it was at its last commit, as the file's owner would
        # on its next open; nothing else is written.
        return _read_state(path, "mode=rw")
    except sqlite3.DatabaseError as exc:
        raise translate_sqlite_error(exc, str(path)) or CorruptDatabase(
            str(path), str(exc)) from None


def _read_state(path: Path, mode: str) -> tuple[str, str | None]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?{mode}", uri=True, timeout=10)
    try:
        tables = {row[0] for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not tables:
            return UNFINISHED, None
        if not {"profile_meta", "alembic_version"} <= tables:
            return FOREIGN, None
        key = conn.execute("SELECT value FROM profile_meta WHERE key = ?",
                           (KEY_ENVELOPE,)).fetchone()
        return (WHOLE, key[0]) if key else (UNFINISHED, None)
    finally:
        conn.close()


def inspect_profile_file(path: Path) -> str:
    """Whether ``path`` is missing, a profile whose creation never finished (no tables, or no
    wrapped key: nothing in it can ever be read), another program's SQLite file, or a whole
    profile. Read through a read-only connection (which also sees a WAL left by a killed
    program), so nothing is written to a file that may not be ours; only a hot journal a
    killed writer left is rolled back first, as SQLite requires. Damage is CorruptDatabase."""
    return _look(path)[0]


def unlock_data_key(profile_dir: os.PathLike[str] | str, passphrase: str) -> bytes | None:
    """The profile's data key unwrapped with ``passphrase`` (``WrongPassphrase`` for any
    other), or None when the folder holds no whole profile: ``Store.open`` then says what is
    wrong with it."""
    state, envelope = _look(Path(profile_dir) / DB_FILENAME)
    if state != WHOLE or envelope is None:
        return None
    return crypto.unwrap_key(crypto.KeyEnvelope.from_json(envelope), passphrase)
