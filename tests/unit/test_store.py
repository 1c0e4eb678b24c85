"""The local store: opening, locking, encryption at rest, the outbox, and bad files."""

from __future__ import annotations

import base64
import hashlib
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from sqlalchemy import func, select, text

from consultant_app import services as sv
from consultant_app.errors import (
    CorruptDatabase,
    DiskFull,
    NewerSchema,
    ProfileLocked,
    ProfileMissing,
    ValidationError,
    WrongPassphrase,
)
from consultant_app.store import DB_FILENAME, Store
from consultant_app.store.models import (
    AccessLog,
    Citizen,
    Employer,
    OutboxEntry,
    ProfileMeta,
)
from tests.support.profiles import FAST_KDF, PASSPHRASE

KNOWN_CPR = "241088-3917"
KNOWN_NOTE = "Har ondt i ryggen efter arbejdsskade og går til psykolog hver tirsdag"


def outbox(store: Store) -> list[OutboxEntry]:
    with store.read() as s:
        return list(s.scalars(select(OutboxEntry).order_by(OutboxEntry.seq)))


def employer(store: Store, **extra) -> Employer:
    with store.write() as s:
        return sv.create_employer(s, {"cvr": "25313763", "name": "Lager A/S", "postcode": "8000",
                                      **extra})


def test_reopening_with_the_passphrase_finds_what_was_saved(store, profile_dir):
    e = employer(store)
    store.close()
    with Store.open(profile_dir, PASSPHRASE) as again, again.read() as s:
        assert s.get(Employer, e.id).town == "Aarhus C"


def test_a_wrong_passphrase_opens_nothing_and_says_so(store, profile_dir):
    store.close()
    with pytest.raises(WrongPassphrase, match="Forkert adgangskode"):
        Store.open(profile_dir, "not the passphrase")
    # and the lock was released: the right passphrase still opens it
    Store.open(profile_dir, PASSPHRASE).close()


def test_opening_a_missing_profile_says_where_it_looked(tmp_path):
    with pytest.raises(ProfileMissing, match=str(tmp_path / "nowhere")):
        Store.open(tmp_path / "nowhere", PASSPHRASE)


def test_a_second_instance_is_refused_while_the_profile_is_open(store, profile_dir):
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import sys, time
        from consultant_app.store import Store
        s = Store.open({str(profile_dir)!r}, {PASSPHRASE!r})
        print("open", flush=True)
        sys.stdin.readline()
    """)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    store.close()  # this process lets go; the other process takes it
    try:
        assert holder.stdout.readline().strip() == "open"
        with pytest.raises(ProfileLocked, match="allerede åben"):
            Store.open(profile_dir, PASSPHRASE)
    finally:
        holder.communicate("\n", timeout=30)


def test_a_file_that_is_not_a_database_is_refused_untouched(tmp_path):
    profile = tmp_path / "p"
    profile.mkdir()
    (profile / DB_FILENAME).write_bytes(b"PK\x03\x04 this is a zip file, not a database" * 100)
    before = hashlib.sha256((profile / DB_FILENAME).read_bytes()).hexdigest()
    with pytest.raises(CorruptDatabase, match="beskadiget"):
        Store.open(profile, PASSPHRASE)
    assert hashlib.sha256((profile / DB_FILENAME).read_bytes()).hexdigest() == before


def test_a_database_with_damaged_pages_is_reported_as_corrupt(store, profile_dir):
    employer(store)
    store.close()
    path = profile_dir / DB_FILENAME
    data = bytearray(path.read_bytes())
    data[100:4096 * 3] = b"\xff" * (4096 * 3 - 100)  # wipe the schema pages, keep the header
    path.write_bytes(bytes(data))
    with pytest.raises(CorruptDatabase):
        Store.open(profile_dir, PASSPHRASE)


def test_a_profile_from_a_newer_program_is_refused(store, profile_dir):
    with store.write() as s:
        s.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    store.close()
    with pytest.raises(NewerSchema, match="nyere version"):
        Store.open(profile_dir, PASSPHRASE)


def test_a_full_disk_saves_nothing_of_the_change_and_keeps_what_was_saved(store):
    first = employer(store)
    queued_before = len(outbox(store))
    with store.write_engine.connect() as conn:
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar()
    # Limit every write connection to the pages the file has now: the next growth fails
    # with SQLITE_FULL, exactly as a full disk does.
    from sqlalchemy import event

    @event.listens_for(store.write_engine, "connect")
    def _limit(dbapi_conn, _record):  # type: ignore[no-untyped-def]
        dbapi_conn.execute(f"PRAGMA max_page_count = {pages}")
    store.write_engine.dispose()
    with pytest.raises(DiskFull, match="Disken er fuld"), store.write() as s:
        for i in range(300):
            sv.create_citizen(s, {"name": f"Borger {i}" * 5, "target_group": "dagpenge",
                                  "skills": ["lager"] * 3})
    with store.read() as s:
        assert s.scalar(select(func.count()).select_from(Citizen)) == 0
        assert s.get(Employer, first.id) is not None
    assert len(outbox(store)) == queued_before


def _file_bytes(profile_dir: Path) -> bytes:
    return b"".join(p.read_bytes() for p in profile_dir.iterdir()
                    if p.name.startswith(DB_FILENAME))


def test_cpr_and_notes_appear_nowhere_in_the_file_or_its_wal_in_the_clear(store, profile_dir):
    with store.write() as s:
        c = sv.create_citizen(s, {"name": "Kendt Borger", "cpr": KNOWN_CPR,
                                  "target_group": "dagpenge", "notes": KNOWN_NOTE})
        sv.reveal_cpr(s, c.id, purpose="test")
    # Written to the WAL only (not checkpointed): look at both files as they are now.
    assert (profile_dir / (DB_FILENAME + "-wal")).exists()
    raw = _file_bytes(profile_dir)
    for needle in (KNOWN_CPR, KNOWN_CPR.replace("-", ""), "ondt i ryggen"):
        for encoding in ("utf-8", "utf-16-le"):
            assert needle.encode(encoding) not in raw
    # After a checkpoint the main file holds the data: still nothing in the clear.
    import sqlite3
    with sqlite3.connect(profile_dir / DB_FILENAME) as conn:
        assert conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0] == 0
    raw = _file_bytes(profile_dir)
    assert KNOWN_CPR.replace("-", "").encode() not in raw and KNOWN_CPR.encode() not in raw
    assert b"Kendt Borger" in raw  # the probe itself works: unencrypted text is found
    with store.read() as s:
        assert s.get(Citizen, c.id).cpr == KNOWN_CPR


def test_a_citizen_is_found_by_cpr_through_the_blind_index(store):
    with store.write() as s:
        c = sv.create_citizen(s, {"name": "A", "cpr": KNOWN_CPR, "target_group": "dagpenge"})
    with store.read() as s:
        assert sv.find_by_cpr(s, KNOWN_CPR.replace("-", "")).id == c.id
        assert sv.find_by_cpr(s, "010190-1234") is None


def test_every_change_is_journalled_in_the_same_transaction(store):
    e = employer(store)
    with store.write() as s:
        sv.update_employer(s, e.id, {"name": "Nyt Navn", "industry": "Lager"})
    with store.write() as s:
        sv.delete_employer(s, e.id)
    ops = [(o.entity, o.op, o.fields) for o in outbox(store)]
    assert ops == [("employer", "create", ["*"]),
                   ("employer", "update", ["industry", "name"]),
                   ("employer", "delete", ["deleted"])]
    assert len({o.op_id for o in outbox(store)}) == 3


def test_a_failed_transaction_leaves_neither_the_change_nor_its_journal_entry(store):
    with pytest.raises(ValidationError), store.write() as s:
        sv.create_employer(s, {"cvr": "25313763", "name": "Gemt først"})
        sv.create_employer(s, {"cvr": "25313763", "name": "Dublet"})  # duplicate CVR
    with store.read() as s:
        assert s.scalar(select(func.count()).select_from(Employer)) == 0
    assert outbox(store) == []


def test_changes_applied_from_the_server_are_not_journalled(store):
    with store.write(journal=False) as s:
        s.add(Employer(cvr="25313763", name="Fra centralen", version=3))
    assert outbox(store) == []


def test_synced_rows_cannot_be_deleted_only_tombstoned(store):
    e = employer(store)
    with pytest.raises(RuntimeError, match="tombstoned"), store.write() as s:
        s.delete(s.get(Employer, e.id))
    with store.read() as s:
        assert s.get(Employer, e.id) is not None


def test_every_synced_row_gets_a_uuid7_a_stamp_and_version_zero(store):
    e = employer(store)
    import uuid
    assert uuid.UUID(e.id).version == 7
    assert e.version == 0 and e.deleted is False and e.modified_at is not None


def test_revealing_a_cpr_writes_the_access_log(store):
    with store.write() as s:
        c = sv.create_citizen(s, {"name": "A", "cpr": KNOWN_CPR, "target_group": "dagpenge"})
    with store.write() as s:
        assert sv.reveal_cpr(s, c.id, purpose="aftale") == KNOWN_CPR
    with store.read() as s:
        log = s.scalars(select(AccessLog)).one()
    assert (log.action, log.entity_id, log.actor, log.detail) == (
        "reveal_cpr", c.id, "Test Konsulent", "aftale")


def test_the_passphrase_is_not_stored_and_the_data_key_only_wrapped(store, profile_dir):
    store.close()
    raw = _file_bytes(profile_dir)
    assert PASSPHRASE.encode() not in raw
    with Store.open(profile_dir, PASSPHRASE) as s:
        assert s._data_key not in raw


def test_profile_creation_is_refused_where_one_exists(store, profile_dir):
    from consultant_app.errors import ProfileExists
    with pytest.raises(ProfileExists):
        Store.create(profile_dir, "x", kdf_n=FAST_KDF)


def test_reads_run_while_a_write_is_open(store):
    employer(store)
    import threading
    started, release = threading.Event(), threading.Event()

    def writer() -> None:
        with store.write() as s:
            sv.create_employer(s, {"cvr": "10000009", "name": "Langsom"})
            started.set()
            release.wait(10)
    t = threading.Thread(target=writer)
    t.start()
    started.wait(10)
    with store.read() as s:  # WAL: a reader sees the last commit without waiting
        assert s.scalar(select(func.count()).select_from(Employer)) == 1
    assert t.is_alive() and not release.is_set()  # the write is still open: nobody waited
    release.set()
    t.join()


def test_write_generations_name_the_tables_each_write_touched(store):
    from consultant_app.demo import DemoCounts, seed_demo
    start = store.generation_of("citizen")
    e = employer(store)
    assert store.generation_of("citizen") == start
    assert store.generation_of("employer") == store.generation
    with store.write() as s:
        sv.create_citizen(s, {"name": "A", "target_group": "dagpenge"})
    assert store.generation_of("citizen") == store.generation
    with store.write() as s:
        sv.log_visit(s, e.id, {"notes": "x"})
    assert store.generation_of("citizen") == store.generation - 1
    with store.write() as s:  # bulk inserts and raw SQL count too
        seed_demo(s, DemoCounts(2, 2, 2), seed=1)
    assert store.generation_of("citizen") == store.generation
    with pytest.raises(ValidationError), store.write() as s:  # a rolled-back write counts not
        sv.create_citizen(s, {"name": "", "target_group": "dagpenge"})
    assert store.generation_of("citizen") == store.generation


def test_a_new_profile_has_its_device_key_encrypted_at_rest(store):
    from consultant_app.device import device_identity
    with store.read() as s:
        keys = {m.key: m.value for m in s.scalars(select(ProfileMeta))}
    assert keys["device_id"] and "BEGIN CERTIFICATE" in keys["device_certificate"]
    identity = device_identity(store)
    assert identity.device_id == keys["device_id"]
    raw = identity.private_key.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
        serialization.NoEncryption())
    assert base64.b64encode(raw).decode() not in keys["device_private_key"]
    assert raw not in (store.path.read_bytes() + store.path.with_name(
        store.path.name + "-wal").read_bytes())


def test_the_blind_index_is_the_keyed_hash_it_always_was():
    """Every profile's stored ``cpr_index`` is HMAC-SHA256 under the index key, cut to 32 hex
    digits: a way of computing it that gave anything else would lose every stored citizen
    to a CPR search."""
    import hashlib
    import hmac

    from consultant_app.crypto import FieldCipher
    data_key = bytes(range(32))
    cipher = FieldCipher(data_key)
    index_key = hmac.new(data_key, b"blind-index-v1", hashlib.sha256).digest()
    for cpr in ("010190-1234", "0101901234", "", "Æ" * 40, "010190-1234"):
        assert cipher.blind_index(cpr) == hmac.new(
            index_key, cpr.encode("utf-8"), hashlib.sha256).hexdigest()[:32]
