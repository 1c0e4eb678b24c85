"""Scope exits against a real ``consultant-server`` process (SQLite and PostgreSQL): a citizen
the service takes from consultant A (reassigned to B by the admin command or a CSV import, or
unassigned) leaves A's devices entirely (the citizen, its CPR and notes, matches, history,
agreements, search documents), reaches B with everything hanging off it, and A's unsent edit
of it is reported in plain Danish instead of being lost silently or pushed."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from sqlalchemy import func, select

from consultant_app import services
from consultant_app.search import search
from consultant_app.store import DB_FILENAME, Store
from consultant_app.store.models import (
    Citizen,
    Match,
    MatchEvent,
    OutboxEntry,
    PlacementAgreement,
    SyncConflict,
)
from forms import agreements as A
from sync.client import credentials, list_conflicts, resolve_conflict
from sync.client.engine import SyncReport
from sync.server import db
from tests.support.devices import Device, enroll
from tests.support.server_process import ServerProcess


CPR = "0101901234"
NOTE = "Ondt i ryggen efter arbejdsskade"
NAME = "Ib Skovgaard-Madsen"
MOVED = ("Borgeren er flyttet til en anden konsulent; din ændring blev ikke sendt. Den står "
         "her, så du kan give den videre; fjern den, når den er overdraget.")
# The unsent edit as the consultant made it (edit_offline), kept to hand over.
HANDED_OVER = f"{NAME}: Noter, Telefon\nNoter: Ny aftale om opstart 1/12\nTelefon: 20304050"


@dataclass
class Town:
    server: ServerProcess
    code: str
    anna: Device
    bo: Device
    citizen_id: str


@pytest.fixture
def town(shared_server: ServerProcess, tmp_path: Path):
    """Anna's device with a citizen, a match (with its history) and a draft agreement, all
    synced; Bo, a colleague in the same municipality, has synced too."""
    code = shared_server.new_municipality()
    devices = [Device(*enroll(shared_server, tmp_path / name.split()[0], name,
                              shared_server.add_consultant(code, name)))
               for name in ("Anna Jensen", "Bo Hansen")]
    anna, bo = devices
    with anna.store.write() as s:
        employer = services.create_employer(s, {"cvr": "10000009", "name": "Bageriet ApS",
                                                "postcode": "8000"})
        vacancy = services.create_vacancy(s, employer.id, {"title": "Bagermedhjælper"})
        citizen = services.create_citizen(s, {"name": NAME, "cpr": CPR, "notes": NOTE,
                                              "target_group": "dagpenge"})
        match = services.propose_match(s, vacancy.id, citizen.id)
        services.move_match(s, match.id, "presented")
        A.create_draft(s, "virksomhedspraktik", employer.id, vacancy_id=vacancy.id,
                       citizen_id=citizen.id, match_id=match.id)
        citizen_id = citizen.id
    assert anna.sync().rejected == []
    bo.sync()
    yield Town(shared_server, code, anna, bo, citizen_id)
    for device in devices:
        device.engine.close()
        device.store.close()


def family_counts(device: Device) -> dict[str, int]:
    return {model.__name__: device.count(model)
            for model in (Citizen, Match, MatchEvent, PlacementAgreement)}


def profile_bytes(store: Store) -> bytes:
    """The profile file and its WAL after a checkpoint (tests/unit/test_store.py's probe)."""
    with sqlite3.connect(store.profile_dir / DB_FILENAME) as conn:
        assert conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0] == 0
    return b"".join(p.read_bytes() for p in store.profile_dir.iterdir()
                    if p.name.startswith(DB_FILENAME))


def edit_offline(device: Device, citizen_id: str) -> None:
    with device.store.write() as s:
        services.update_citizen(s, citizen_id, {"notes": "Ny aftale om opstart 1/12",
                                                "phone": "20304050"})


def server_citizen(town: Town) -> dict:
    _, engine = db.make_engines(town.server.database_url)
    try:
        with engine.connect() as conn:
            row = conn.execute(select(db.record.c.values_json, db.record.c.secret,
                                      db.record.c.owner_consultant_id)
                               .where(db.record.c.entity == "citizen",
                                      db.record.c.id == town.citizen_id)).one()
            # the personal fields are stored encrypted: read as the service reads them
            values = db.record_values(conn, "citizen", town.citizen_id, row.values_json,
                                      row.secret)
    finally:
        engine.dispose()
    return {**values, "_owner": row.owner_consultant_id}


def assert_forgotten(device: Device) -> None:
    assert family_counts(device) == {"Citizen": 0, "Match": 0, "MatchEvent": 0,
                                     "PlacementAgreement": 0}
    with device.store.read() as s:
        assert search(s, "Skovgaard") == [] and search(s, "Madsen") == []
        assert s.scalar(select(func.count()).select_from(OutboxEntry)) == 0
    raw = profile_bytes(device.store)
    # the search index keeps words folded to lower case
    for needle in (NAME, "Skovgaard", "skovgaard", CPR, "010190-1234", NOTE):
        for encoding in ("utf-8", "utf-16-le"):
            assert needle.encode(encoding) not in raw, needle


def test_a_reassigned_citizen_leaves_the_old_device_and_reaches_the_new_one(town):
    anna, bo = town.anna, town.bo
    assert family_counts(anna) == {"Citizen": 1, "Match": 1, "MatchEvent": 2,
                                   "PlacementAgreement": 1}
    assert family_counts(bo)["Citizen"] == 0
    assert NAME.encode() in profile_bytes(anna.store)  # the probe finds what is there
    with anna.store.read() as s:
        assert [h.title for h in search(s, "Skovgaard")] == [NAME]

    town.server.admin("assign-citizen", town.citizen_id, "--consultant", "Bo Hansen",
                      "--municipality", town.code)
    edit_offline(anna, town.citizen_id)  # Anna has not heard yet
    report = anna.sync()

    assert_forgotten(anna)
    assert family_counts(anna)["Citizen"] == 0
    # The edit was refused by the service and is shown with the values it carried, to hand
    # over (encrypted like every conflict: assert_forgotten finds none of it in the file).
    assert len(report.rejected) == 1
    with anna.store.read() as s:
        [refused] = list_conflicts(s)
    assert refused.rejected and refused.entity_id == town.citizen_id
    assert refused.server_value == {"code": "scope_exit", "message": MOVED, "text": {
        "context": "sync", "template": MOVED, "params": {}}}
    assert refused.client_value == HANDED_OVER
    on_server = server_citizen(town)
    assert (on_server["notes"], on_server["phone"]) == (NOTE, "")
    # Employers and vacancies are the municipality's and stay.
    with anna.store.read() as s:
        assert sorted(h.title for h in search(s, "Bageriet")) == ["Bageriet ApS",
                                                                   "Bagermedhjælper"]

    bo.sync()
    assert family_counts(bo) == {"Citizen": 1, "Match": 1, "MatchEvent": 2,
                                 "PlacementAgreement": 1}
    with bo.store.read() as s:
        citizen = s.get(Citizen, town.citizen_id)
        assert (citizen.cpr, citizen.notes, citizen.assigned_consultant) == (
            "010190-1234", NOTE, "Bo Hansen")
        assert [h.title for h in search(s, "Skovgaard")] == [NAME]

    # Later syncs of Anna's device change nothing and push nothing.
    again = anna.sync()
    assert (again.pushed, again.pulled, again.rejected) == (0, 0, [])
    assert family_counts(anna)["Citizen"] == 0


def test_an_unsent_edit_is_reported_and_never_pushed(town):
    anna = town.anna
    town.server.admin("assign-citizen", town.citizen_id, "--consultant", "Bo Hansen",
                      "--municipality", town.code)
    edit_offline(anna, town.citizen_id)
    # Only the pull runs: the edit is still in the outbox when the scope exit arrives.
    enrollment = credentials.load(anna.store)
    anna.engine.pull(anna.engine.transport(enrollment.server_url, enrollment.token),
                     SyncReport())
    assert_forgotten(anna)
    with anna.store.read() as s:
        [refused] = list_conflicts(s)
        conflict = s.get(SyncConflict, refused.id)
    assert refused.rejected and refused.server_value["message"] == MOVED
    assert refused.client_value == HANDED_OVER
    assert refused.record_label == NAME  # the record is gone; the entry names the citizen
    assert "Ny aftale om opstart".encode() not in profile_bytes(anna.store)  # encrypted
    assert conflict.op_id  # the operation it was, for the record
    assert anna.sync().pushed == 0
    assert server_citizen(town)["notes"] == NOTE
    # Once the consultant has seen it, the entry and the name in it leave the device.
    with anna.store.write() as s:
        resolve_conflict(s, refused.id, "server")
    with anna.store.read() as s:
        assert list_conflicts(s, include_resolved=True) == []


def test_an_unassigned_citizen_leaves_the_device(town):
    out = town.server.admin("unassign-citizen", town.citizen_id, "--municipality", town.code)
    assert "ikke længere tildelt" in out
    town.anna.sync()
    assert_forgotten(town.anna)
    town.bo.sync()
    assert family_counts(town.bo)["Citizen"] == 0
    assert server_citizen(town)["_owner"] == ""


def test_a_citizen_import_that_names_another_consultant_moves_the_citizen(town, tmp_path):
    path = tmp_path / "borgere.csv"
    path.write_text(f"name;cpr;target_group\n{NAME};{CPR};dagpenge\n", encoding="utf-8")
    out = town.server.admin("import", "citizens", str(path), "--municipality", town.code,
                            "--consultant", "Bo Hansen")
    assert "1 opdateret" in out
    town.anna.sync()
    assert_forgotten(town.anna)
    town.bo.sync()
    assert family_counts(town.bo) == {"Citizen": 1, "Match": 1, "MatchEvent": 2,
                                      "PlacementAgreement": 1}


def test_a_citizen_moved_away_and_back_before_a_sync_stays_whole(town):
    """The exit and the records given back arrive in one page: the exit comes first."""
    for name in ("Bo Hansen", "Anna Jensen"):
        town.server.admin("assign-citizen", town.citizen_id, "--consultant", name,
                          "--municipality", town.code)
    town.anna.sync()
    assert family_counts(town.anna) == {"Citizen": 1, "Match": 1, "MatchEvent": 2,
                                        "PlacementAgreement": 1}
    with town.anna.store.read() as s:
        assert s.get(Citizen, town.citizen_id).notes == NOTE
        assert [h.title for h in search(s, "Skovgaard")] == [NAME]
    town.bo.sync()  # Bo had it for a moment, never synced it, and does not have it now
    assert family_counts(town.bo)["Citizen"] == 0


def test_the_exit_is_on_the_wire_only_for_the_consultant_who_lost_the_citizen(town):
    def raw_pull(device: Device, cursor: int) -> list[dict]:
        enrollment = credentials.load(device.store)
        page = httpx.get(f"{town.server.api}/pull", params={"cursor": cursor, "limit": 5000},
                         headers={"Authorization": f"Bearer {enrollment.token}"}).json()
        return page["changes"]

    anna_at, bo_at = (int(d.store.meta(credentials.CURSOR)) for d in (town.anna, town.bo))
    town.server.admin("assign-citizen", town.citizen_id, "--consultant", "Bo Hansen",
                      "--municipality", town.code)
    [exit_] = raw_pull(town.anna, anna_at)
    assert exit_["scope_exit"] is True and exit_["deleted"] is True
    assert (exit_["entity"], exit_["entity_id"], exit_["version"], exit_["values"]) == (
        "citizen", town.citizen_id, 0, {})
    for_bo = raw_pull(town.bo, bo_at)
    assert not any(c.get("scope_exit") for c in for_bo)
    assert sorted(c["entity"] for c in for_bo) == [
        "citizen", "match", "match_event", "match_event", "placement_agreement"]
    assert max(c["seq"] for c in for_bo) > exit_["seq"] > anna_at
