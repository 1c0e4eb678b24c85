"""The profile's data key unwrapped before the store is imported (``profile_file``)."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from consultant_app import services as sv
from consultant_app.errors import WrongPassphrase
from consultant_app.profile_file import (
    DB_FILENAME,
    FOREIGN,
    WHOLE,
    inspect_profile_file,
    unlock_data_key,
)
from consultant_app.store import Store
from consultant_app.store.models import Citizen
from tests.support.profiles import PASSPHRASE

ROOT = Path(__file__).resolve().parents[2]


def test_the_key_unwrapped_first_opens_the_store_and_reads_sensitive_fields(store, profile_dir):
    with store.write() as s:
        citizen = sv.create_citizen(s, {"name": "Kendt Borger", "cpr": "010203-1234",
                                        "target_group": "dagpenge"})
    store.close()
    key = unlock_data_key(profile_dir, PASSPHRASE)
    assert key is not None
    with Store.open(profile_dir, data_key=key) as again, again.read() as s:
        assert s.get(Citizen, citizen.id).cpr == "010203-1234"


def test_a_wrong_passphrase_is_refused_in_danish_before_the_store_opens(store, profile_dir):
    store.close()
    with pytest.raises(WrongPassphrase, match="Forkert adgangskode"):
        unlock_data_key(profile_dir, "ikke adgangskoden")


def test_a_folder_without_a_whole_profile_gives_no_key_and_is_left_untouched(tmp_path):
    assert unlock_data_key(tmp_path / "nowhere", PASSPHRASE) is None
    foreign = tmp_path / "foreign"
    foreign.mkdir()
    with sqlite3.connect(foreign / DB_FILENAME) as conn:
        conn.execute("CREATE TABLE notes (text TEXT)")
    conn.close()
    before = hashlib.sha256((foreign / DB_FILENAME).read_bytes()).hexdigest()
    assert unlock_data_key(foreign, PASSPHRASE) is None
    assert hashlib.sha256((foreign / DB_FILENAME).read_bytes()).hexdigest() == before
    assert sorted(p.name for p in foreign.iterdir()) == [DB_FILENAME]


def test_unwrapping_the_key_imports_neither_sqlalchemy_nor_the_store(store, profile_dir):
    """What lets the desktop derive the key while the store's modules are imported beside
    it: the unwrapping itself needs neither."""
    store.close()
    code = ("import sys; from consultant_app.profile_file import unlock_data_key; "
            f"assert unlock_data_key({str(profile_dir)!r}, {PASSPHRASE!r}); "
            "print(sorted(m for m in ('sqlalchemy', 'consultant_app.store') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=ROOT, check=True)
    assert done.stdout.strip() == "[]"


def _cut_off_in_rollback_mode(path: Path) -> None:
    """What a program killed inside a write to ``path`` in rollback-journal mode leaves: a
    hot ``-journal`` beside a file that already holds some of the uncommitted pages. (A new
    profile is in that mode for one moment: when it is first opened, it is switched to WAL;
    a kill there left it so, and ``init`` said the file was damaged.)"""
    code = (
        "import os, sqlite3, sys\n"
        "conn = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
        "conn.execute('PRAGMA journal_mode=DELETE')\n"
        "conn.execute('PRAGMA cache_size=1')\n"  # uncommitted pages spill into the file
        "conn.execute('BEGIN')\n"
        "conn.execute('CREATE TABLE spill (x BLOB)')\n"
        "conn.executemany('INSERT INTO spill VALUES (randomblob(500))', [()] * 2000)\n"
        "os._exit(0)\n")
    subprocess.run([sys.executable, "-c", code, str(path)], check=True)
    assert path.with_name(path.name + "-journal").stat().st_size > 0


def test_a_profile_cut_off_while_its_journal_was_hot_opens_with_its_last_commit(
        store, profile_dir):
    with store.write() as s:
        citizen = sv.create_citizen(s, {"name": "Kendt Borger", "cpr": "010203-1234",
                                        "target_group": "dagpenge"})
    store.close()
    path = profile_dir / DB_FILENAME
    _cut_off_in_rollback_mode(path)
    assert inspect_profile_file(path) == WHOLE
    key = unlock_data_key(profile_dir, PASSPHRASE)
    assert key is not None
    with Store.open(profile_dir, data_key=key) as again, again.read() as s:
        assert s.get(Citizen, citizen.id).cpr == "010203-1234"
        tables = {row[0] for row in s.connection().exec_driver_sql(
            "SELECT name FROM sqlite_master")}
    assert "spill" not in tables  # the cut-off transaction was rolled back
    assert not path.with_name(DB_FILENAME + "-journal").exists()


def test_another_programs_file_with_a_hot_journal_is_still_named_foreign(tmp_path):
    foreign = tmp_path / "foreign"
    foreign.mkdir()
    with sqlite3.connect(foreign / DB_FILENAME) as conn:
        conn.execute("CREATE TABLE notes (text TEXT)")
        conn.execute("INSERT INTO notes VALUES ('behold mig')")
    conn.close()
    _cut_off_in_rollback_mode(foreign / DB_FILENAME)
    assert inspect_profile_file(foreign / DB_FILENAME) == FOREIGN
    assert unlock_data_key(foreign, PASSPHRASE) is None
    conn = sqlite3.connect(foreign / DB_FILENAME)
    assert conn.execute("SELECT text FROM notes").fetchall() == [("behold mig",)]
    conn.close()
