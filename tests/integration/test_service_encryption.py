"""Encryption at rest on the central service (sync/server/keys.py), proved on the bytes: real
devices push a citizen with CPR and notes, a signed and sealed agreement (content, signature
strokes, the PDF) and a conflict over the notes to a real ``consultant-server``; then the
SQLite file and its WAL, or a ``pg_dump`` of the PostgreSQL database, are searched for every
one of those values and for the CA's private key, and none is found. A second device of the
same consultant pulls everything back intact, so the encryption is not a loss."""

from __future__ import annotations

import base64
import json
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import select

from consultant_app.device import device_identity
from consultant_app.services.citizens import update_citizen
from consultant_app.store import Store
from consultant_app.store.models import AgreementSignature, Citizen, PlacementAgreement
from sync.client import SyncEngine
from sync.server import admin, auth, db
from sync.server import ca as ca_module
from tests.support.devices import enroll
from tests.support.profiles import FAST_KDF, PASSPHRASE
from tests.support.server_process import ServerProcess, fresh_postgres_database
from tests.support.signing import ready_draft, seal, sign_all


CPR = "0101901234"  # ready_draft's citizen
CPR_SHOWN = "010190-1234"  # as the device keeps it
NOTE = "Helbredsnote: rygskade efter arbejdsulykke"
NOTE_ONE = "Notat A: har angst for store arbejdspladser"
NOTE_TWO = "Notat B: i behandling for depression"


def service_bytes(service: ServerProcess) -> bytes:
    """Everything the service's database holds, as bytes: the SQLite file and its WAL, or a
    plain-text pg_dump of the PostgreSQL database."""
    if service.is_postgres:
        name = service.database_url.rsplit("/", 1)[1]
        return subprocess.run(["pg_dump", "-h", "127.0.0.1", "-U", "postgres", "-d", name],
                              check=True, capture_output=True, timeout=60).stdout
    path = Path(service.database_url[len("sqlite:///"):])
    wal = path.with_name(path.name + "-wal")
    assert wal.exists() and wal.stat().st_size > 0  # the server is running: pages in the WAL
    return path.read_bytes() + wal.read_bytes()


def needles(*texts: str) -> list[bytes]:
    """Each text as it could be stored: UTF-8, and JSON-escaped (ensure_ascii)."""
    out = []
    for text in texts:
        out.append(text.encode("utf-8"))
        out.append(json.dumps(text)[1:-1].encode("ascii"))
    return out


def device(engine, service: ServerProcess, folder: Path, consultant_id: str,
           name: str) -> tuple[Store, SyncEngine]:
    return enroll(service, folder, name, auth.store_code(engine, consultant_id))


def test_no_cpr_note_agreement_content_stroke_pdf_or_ca_key_in_clear_in_the_service_store(
        server, tmp_path):
    _, engine = db.make_engines(server.database_url)
    admin.add_municipality(engine, "0751", "Aarhus")
    consultant_id = admin.add_consultant(engine, "0751", "Test Konsulent")
    one, sync_one = device(engine, server, tmp_path / "one", consultant_id, "Test Konsulent")
    identity = device_identity(one)
    agreement_id = ready_draft(one)
    sign_all(one, agreement_id, identity)
    seal(one, agreement_id, identity)
    with one.write() as s:
        citizen_id = s.scalar(select(Citizen.id))
        update_citizen(s, citizen_id, {"notes": NOTE})
    report = sync_one.sync()
    assert report.uploaded == 1 and report.rejected == []

    # A second device of the consultant gets it all back, decrypted by the service.
    two, sync_two = device(engine, server, tmp_path / "two", consultant_id, "Test Konsulent")
    sync_two.sync()
    with two.read() as s:
        citizen = s.get(Citizen, citizen_id)
        assert (citizen.cpr, citizen.notes) == (CPR_SHOWN, NOTE)
        content = s.get(PlacementAgreement, agreement_id).content
        strokes = s.scalar(select(AgreementSignature.strokes).limit(1))
    assert CPR_SHOWN in content and strokes

    # Both edit the notes offline: the overwritten note is kept as a conflict on the service.
    with one.write() as s:
        update_citizen(s, citizen_id, {"notes": NOTE_ONE})
    with two.write() as s:
        update_citizen(s, citizen_id, {"notes": NOTE_TWO})
    sync_one.sync()
    sync_two.sync()
    with engine.connect() as conn:
        assert conn.execute(select(db.conflict.c.id).where(
            db.conflict.c.entity_id == citizen_id)).first() is not None

    ca_pem = ca_module.load_or_create(engine).key.private_bytes(
        *_pkcs8()).decode("ascii")
    ca_body = ca_pem.splitlines()[1]  # the key's base64, as any clear PEM would hold it
    stored = service_bytes(server)
    assert b"Bageriet ApS" in stored  # what is not personal is there to be found
    middle = len(strokes) // 2
    found = [needle for needle in needles(
        CPR, CPR_SHOWN, NOTE, NOTE_ONE, NOTE_TWO, "Afklaring af jobm",
        strokes[middle:middle + 40], "BEGIN PRIVATE KEY", ca_body,
        "%PDF-", base64.b64encode(b"%PDF-").decode()) if needle in stored]
    assert found == []
    engine.dispose()


def _pkcs8():  # type: ignore[no-untyped-def]
    from cryptography.hazmat.primitives import serialization
    return (serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption())


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_database(request, tmp_path):  # type: ignore[no-untyped-def]
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'server.sqlite'}"
        return
    with fresh_postgres_database() as url:
        yield url


def test_a_database_written_in_clear_is_encrypted_by_the_migration(empty_database, tmp_path):
    """A service database from before encryption at rest: the upgrade encrypts the CPR, the
    notes, the sealed upload, the CA key and a conflict's notes, and they still read back."""
    import datetime as dt

    from sqlalchemy import insert, text

    from sync.server import migrate, sealed, service
    from sync.server.auth import DeviceIdentity

    _, engine = db.make_engines(empty_database)
    migrate.upgrade(engine, "s0003")  # the last revision before encryption
    now = dt.datetime(2026, 1, 5, 10, 0)
    key_pem = _new_key_pem()
    pdf = b"%PDF-1.4 stand-in with the CPR " + CPR.encode()
    with engine.begin() as conn:
        conn.execute(insert(db.municipality).values(code="0751", name="Aarhus", created_at=now))
        conn.execute(insert(db.consultant).values(id="k1", municipality_code="0751",
                                                  name="Anna", email="", created_at=now))
        conn.execute(text(
            "INSERT INTO record (entity, id, municipality_code, owner_consultant_id, "
            "owner_device_id, citizen_id, seq, version, deleted, modified_at, values_json, "
            "field_versions) VALUES ('citizen', 'c1', '0751', 'k1', NULL, 'c1', 1, 1, "
            ":f, :now, :values, '{}')"),
            {"f": False, "now": now,
             "values": json.dumps({"name": "Ali", "cpr": CPR, "notes": NOTE})})
        conn.execute(text(
            "INSERT INTO server_key (name, private_key_pem, certificate_pem, created_at) "
            "VALUES ('old', :pem, 'cert', :now)"), {"pem": key_pem, "now": now})
        conn.execute(text(
            "INSERT INTO sealed_agreement (agreement_id, revision, device_id, "
            "municipality_code, content_hash, pdf_sha256, upload_json, pdf, received_at, "
            "service_signature) VALUES ('a1', 1, 'd1', '0751', 'h', 'p', :upload, :pdf, "
            ":now, 's')"),
            {"upload": json.dumps({"content": {"cpr": CPR}, "seal": "", "signatures": []}),
             "pdf": base64.b64encode(pdf).decode(), "now": now})
        conn.execute(insert(db.conflict).values(
            entity="citizen", entity_id="c1", field="notes", server_value=NOTE_ONE,
            client_value=NOTE_TWO, winner="client", policy="last_writer", version=2,
            op_id="o1", device_id="d1", at=now))
    assert CPR.encode() in _stored(empty_database, tmp_path)  # the control: it was in clear

    migrate.upgrade(engine)
    stored = _stored(empty_database, tmp_path)
    found = [n for n in needles(CPR, NOTE, NOTE_ONE, NOTE_TWO, "BEGIN PRIVATE KEY",
                                key_pem.splitlines()[1]) if n in stored]
    assert found == []
    # ... and all of it reads back.
    who = DeviceIdentity("d1", "active", "k1", "Anna", "0751", "")
    [change] = json.loads(service.pull_json(engine, who, 0, 100))["changes"]
    assert change["values"] == {"name": "Ali", "cpr": CPR, "notes": NOTE}
    with engine.connect() as conn:
        row = conn.execute(select(db.sealed_agreement)).one()
        assert sealed.stored_upload(conn, "a1", 1, row.upload_json)["content"]["cpr"] == CPR
        assert sealed.stored_pdf(conn, "a1", 1, row.pdf) == pdf
        assert conn.execute(select(db.record.c.cpr_index)).scalar() == db.cpr_index(
            conn, CPR_SHOWN)
    engine.dispose()


def _new_key_pem() -> str:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    return Ed25519PrivateKey.generate().private_bytes(*_pkcs8()).decode("ascii")


def _stored(url: str, tmp_path: Path) -> bytes:
    if url.startswith("postgresql"):
        return subprocess.run(["pg_dump", "-h", "127.0.0.1", "-U", "postgres", "-d",
                               url.rsplit("/", 1)[1]], check=True, capture_output=True,
                              timeout=60).stdout
    path = tmp_path / "server.sqlite"
    wal = path.with_name(path.name + "-wal")
    return path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


def _cli(*args: str) -> tuple[int, str]:
    import contextlib
    import io

    from sync.server_cli import main
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        code = main(list(args))
    return code, out.getvalue()


def test_the_demo_makes_its_own_key_file_and_a_rotation_keeps_every_value_readable(
        tmp_path, monkeypatch):
    from sync.client import SyncEngine as Engine
    from sync.server import keys

    from tests.support.server_process import DEMO_CODE
    monkeypatch.delenv(keys.MASTER_KEY_ENV, raising=False)
    monkeypatch.delenv(keys.MASTER_KEY_FILE_ENV, raising=False)
    with ServerProcess.demo(tmp_path) as demo:
        key_file = demo.data_dir / keys.DEFAULT_KEY_FILE
        assert key_file.stat().st_mode & 0o777 == 0o600  # made on first start, owner only
        one = Store.create(tmp_path / "one", PASSPHRASE, consultant="Demo Konsulent",
                           kdf_n=FAST_KDF)
        sync_one = Engine(one, use_keyring=False)
        sync_one.enroll(demo.base_url, DEMO_CODE)
        from consultant_app.services.citizens import create_citizen
        with one.write() as s:
            citizen_id = create_citizen(s, {"name": "Ali", "cpr": CPR, "notes": NOTE,
                                                 "target_group": "dagpenge"}).id
        sync_one.sync()
        old_keys = keys.read_key_file(key_file)

        code, out = _cli("--database-url", demo.database_url, "rotate-key")
        assert code == 0 and "2 data keys re-wrapped" in out
        new_keys = keys.read_key_file(key_file)
        assert len(new_keys) == 1 and new_keys[0] not in old_keys

        def pulled_by_a_new_device(folder: str) -> tuple[str, str]:
            store = Store.create(tmp_path / folder, PASSPHRASE, consultant="Demo Konsulent",
                                 kdf_n=FAST_KDF)
            sync = Engine(store, use_keyring=False)
            sync.enroll(demo.base_url, DEMO_CODE)
            sync.sync()
            with store.read() as s:
                citizen = s.get(Citizen, citizen_id)
                return citizen.cpr, citizen.notes

        assert pulled_by_a_new_device("two") == (CPR_SHOWN, NOTE)  # the running server
        demo.restart()  # and a new one, which has only the new master key
        assert pulled_by_a_new_device("three") == (CPR_SHOWN, NOTE)

    # The old key no longer opens the database: a plain refusal, not a traceback.
    stale = tmp_path / "stale.key"
    keys.write_key_file(stale, old_keys)
    code, out = _cli("--database-url", demo.database_url, "--master-key-file", str(stale),
                     "migrate")
    assert code == 1 and "master key" in out and "Traceback" not in out


def test_postgresql_refuses_to_start_without_a_master_key(monkeypatch):
    from sync.server import keys
    monkeypatch.delenv(keys.MASTER_KEY_ENV, raising=False)
    monkeypatch.delenv(keys.MASTER_KEY_FILE_ENV, raising=False)
    with fresh_postgres_database() as url:
        code, out = _cli("--database-url", url, "migrate")
    assert code == 1 and "No master key" in out and "--master-key-file" in out


def test_records_from_before_their_makers_were_kept_take_their_owner_as_maker(
        empty_database):
    """The upgrade that keeps who made each record (s0007): what a consultant owns counts as
    theirs, what the whole municipality sees (no owner) or the service made has no maker."""
    import datetime as dt

    from sqlalchemy import select, text

    from sync.server import migrate

    _, engine = db.make_engines(empty_database)
    migrate.upgrade(engine, "s0006")
    now = dt.datetime(2026, 1, 5, 10, 0)
    with engine.begin() as conn:
        for entity, ident, owner in (("placement_agreement", "a1", "k1"),
                                     ("employer", "e1", None), ("citizen", "c1", "")):
            conn.execute(text(
                "INSERT INTO record (entity, id, municipality_code, owner_consultant_id, "
                "seq, version, deleted, modified_at, values_json, field_versions) VALUES "
                "(:entity, :id, '0751', :owner, 1, 1, :no, :now, '{}', '{}')"),
                {"entity": entity, "id": ident, "owner": owner, "no": False, "now": now})
    migrate.upgrade(engine)
    with engine.connect() as conn:
        makers = dict(conn.execute(select(db.record.c.id, db.record.c.created_by)).all())
    engine.dispose()
    assert makers == {"a1": "k1", "e1": None, "c1": None}
