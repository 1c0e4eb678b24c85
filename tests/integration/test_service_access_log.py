"""The service's access log and the administration of consultants, against a real
``consultant-server`` and real devices: a pull that delivers a citizen's records is logged with
who (consultant, device), what and why; employers are not; the device's own log entries
(a CPR revealed on the laptop) arrive in the same log; ``access-log`` answers by citizen, by
consultant and by date. ``devices`` lists a consultant's devices with last contact and app
version, and ``deactivate-consultant`` revokes them (each wipes itself at its next contact)
and voids the consultant's enrollment codes."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select

from consultant_app.services.citizens import create_citizen, reveal_cpr
from consultant_app.services.employers import create_employer
from consultant_app.store import Store
from consultant_app.store.models import Citizen
from sync.client import SyncEngine, credentials
from sync.client.errors import DeviceRevoked, SyncError
from sync.server import admin, auth, db
from tests.support.devices import enroll
from tests.support.server_process import ServerProcess


@pytest.fixture
def engine(server: ServerProcess) -> Iterator[Engine]:
    """The service's database, with the municipality of Aarhus (0751) in it."""
    _, engine = db.make_engines(server.database_url)
    admin.add_municipality(engine, "0751", "Aarhus")
    yield engine
    engine.dispose()


def enrolled(service: ServerProcess, folder: Path, engine: Engine, consultant_id: str,
             name: str) -> tuple[Store, SyncEngine]:
    """A new device of the consultant, enrolled with a code of its own."""
    return enroll(service, folder, name, auth.store_code(engine, consultant_id))


def log_lines(service: ServerProcess, *args: str) -> list[dict]:
    return [json.loads(line) for line in service.admin("access-log", "--json", *args)
            .splitlines()]


def test_who_received_a_citizen_is_logged_with_the_devices_own_entries(
        server, tmp_path, engine):
    anna_id = admin.add_consultant(engine, "0751", "Anna Jensen")
    one, sync_one = enrolled(server, tmp_path / "one", engine, anna_id, "Anna Jensen")
    with one.write() as s:
        citizen_id = create_citizen(s, {"name": "Ali", "cpr": "0101901234",
                                        "target_group": "dagpenge"}).id
        create_employer(s, {"cvr": "10000009", "name": "Bageriet ApS"})
    with one.write() as s:
        reveal_cpr(s, citizen_id, purpose="Aftale om praktik")
    sync_one.sync()
    two, sync_two = enrolled(server, tmp_path / "two", engine, anna_id, "Anna Jensen")
    sync_two.sync()
    device_two = two.meta(credentials.DEVICE_ID)

    entries = log_lines(server, "--citizen", citizen_id)
    pulls = [e for e in entries if e["action"] == "pull"]
    assert {(e["device_id"], e["consultant"], e["purpose"], e["entity"]) for e in pulls} >= {
        (device_two, "Anna Jensen", "sync", "citizen")}
    [revealed] = [e for e in entries if e["action"] == "reveal_cpr"]
    assert (revealed["source"], revealed["detail"], revealed["device_id"]) == (
        "device", "Aftale om praktik", one.meta(credentials.DEVICE_ID))
    # Employers are the municipality's business data, not a citizen's: not logged.
    by_anna = log_lines(server, "--consultant", "Anna Jensen")
    assert by_anna and all(e["entity"] != "employer" for e in by_anna)
    assert all(e["citizen_id"] == citizen_id for e in by_anna if e["source"] == "service")
    tomorrow = (dt.date.today() + dt.timedelta(days=1)).isoformat()
    assert log_lines(server, "--since", tomorrow) == []
    assert len(log_lines(server, "--since", dt.date.today().isoformat())) == len(by_anna)
    with pytest.raises(RuntimeError, match="--since"):
        server.admin("access-log", "--since", "i går")


def test_a_deactivated_consultants_devices_are_listed_revoked_and_wiped(
        server, tmp_path, engine):
    bo_id = admin.add_consultant(engine, "0751", "Bo Madsen")
    laptop, sync_laptop = enrolled(server, tmp_path / "laptop", engine, bo_id, "Bo Madsen")
    with laptop.write() as s:
        create_citizen(s, {"name": "Ali", "cpr": "0101901234", "target_group": "dagpenge"})
    sync_laptop.sync()
    spare_code = auth.store_code(engine, bo_id)

    listing = server.admin("devices", "Bo Madsen")
    laptop_id = laptop.meta(credentials.DEVICE_ID)
    [line] = [line for line in listing.splitlines() if laptop_id in line]
    assert "active" in line and "sidste kontakt -" not in line and dt.date.today().isoformat() in line

    out = server.admin("deactivate-consultant", "Bo Madsen", "--municipality", "0751")
    assert "1 enheder spærret" in out
    with pytest.raises(DeviceRevoked):
        sync_laptop.sync()
    with laptop.read() as s:
        assert s.scalar(select(func.count()).select_from(Citizen)) == 0  # wiped
    assert "revoked" in server.admin("devices", "Bo Madsen")
    # The unused code no longer enrolls a new device.
    with pytest.raises(SyncError):
        enroll(server, tmp_path / "new", "Bo Madsen", spare_code)
    with pytest.raises(RuntimeError, match="deaktiveret"):
        server.admin("new-code", bo_id)


def test_a_citizens_data_is_exported_then_erased_everywhere_and_both_are_logged(
        server, tmp_path, engine):
    from consultant_app.device import device_identity
    from tests.support.signing import ready_draft, seal, sign_all

    cid = admin.add_consultant(engine, "0751", "Test Konsulent")
    laptop, sync = enrolled(server, tmp_path / "laptop", engine, cid, "Test Konsulent")
    agreement_id = ready_draft(laptop)
    identity = device_identity(laptop)
    sign_all(laptop, agreement_id, identity)
    seal(laptop, agreement_id, identity)
    with laptop.read() as s:
        citizen_id = s.scalar(select(Citizen.id))
    sync.sync()

    export_file = tmp_path / "borger.json"
    server.admin("citizen", "export", citizen_id, "--output", str(export_file))
    exported = json.loads(export_file.read_text(encoding="utf-8"))
    [citizen] = [r for r in exported["records"] if r["entity"] == "citizen"]
    assert citizen["values"]["cpr"] == "010190-1234" and citizen["consultant"] == "Test Konsulent"
    assert {r["entity"] for r in exported["records"]} >= {"placement_agreement",
                                                          "agreement_signature"}
    [sealed_one] = exported["sealed_agreements"]
    assert sealed_one["agreement_id"] == agreement_id and sealed_one["signatures"]
    assert sealed_one["pdf_base64"].startswith("JVBER")  # the PDF itself
    assert any(e["action"] == "pull" for e in exported["access_log"])
    assert log_lines(server, "--citizen", citizen_id)[0]["action"] == "export"

    # A sealed agreement must normally be kept: erasing it is a deliberate choice.
    with pytest.raises(RuntimeError, match="underskrevne aftaler"):
        server.admin("citizen", "erase", citizen_id)
    server.admin("citizen", "erase", citizen_id, "--including-signed")
    sync.sync()
    with laptop.read() as s:
        assert s.get(Citizen, citizen_id) is None  # the device forgot the citizen
    after = json.loads(server.admin("citizen", "export", citizen_id))
    assert all(r["deleted"] and r["values"] == {} for r in after["records"])
    assert after["sealed_agreements"] == [] and after["conflicts"] == []
    actions = [e["action"] for e in log_lines(server, "--citizen", citizen_id)]
    assert actions[:2] == ["export", "erase"]


def test_retention_erases_closed_cases_only(server, tmp_path, engine):
    from sqlalchemy import update

    cid = admin.add_consultant(engine, "0751", "Test Konsulent")
    laptop, sync = enrolled(server, tmp_path / "laptop", engine, cid, "Test Konsulent")
    with laptop.write() as s:
        old = create_citizen(s, {"name": "Gammel Sag", "cpr": "0101501234",
                                 "target_group": "dagpenge"}).id
        recent = create_citizen(s, {"name": "Ny Sag", "cpr": "0202801234",
                                    "target_group": "dagpenge"}).id
    sync.sync()
    r = db.record.c
    with engine.begin() as conn:  # the old case: nothing has happened for six years
        conn.execute(update(db.record).where(r.citizen_id == old).values(
            modified_at=dt.datetime(2020, 1, 1)))
    assert server.admin("retention", "run", "--dry-run").split() == [old]
    assert server.admin("retention", "run", "--days", "1826").split() == [old]
    sync.sync()
    with laptop.read() as s:
        assert s.get(Citizen, old) is None and s.get(Citizen, recent) is not None
    assert log_lines(server, "--citizen", old)[0]["purpose"] == "retention"
