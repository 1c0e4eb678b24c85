"""Sync keeps going and keeps its promises under real use (issue 12), against a real
``consultant-server`` process on SQLite and PostgreSQL with the real client engine:

- a sealed agreement signed on a device before it heard that its citizen moved reaches the
  citizen's new consultant, verified, and never becomes a half record on the service;
- a pulled change the client cannot apply is quarantined: the rest of the page applies, the
  cursor moves on, the consultant sees it in plain Danish, and the next sync retries it;
- the same employer or citizen registered twice offline, orphans of refused parents, lost
  answers to server-owned fields, and an enrollment whose answer was lost.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import func, select

from consultant_app import services
from consultant_app.device import device_identity
from consultant_app.store import Store
from consultant_app.store.models import (
    AgreementDocument,
    AgreementSignature,
    Citizen,
    OutboxEntry,
    PlacementAgreement,
)
from sync.client import SyncEngine, credentials, list_conflicts
from sync.client.engine import SyncReport
from sync.client.quarantine import list_quarantine
from sync.server import db

from ..conftest import FAST_KDF, PASSPHRASE
from ..unit.forms.test_signing_support import ready_draft, seal, sign_all
from .server_process import ServerProcess, shared_server  # noqa: F401


@dataclass
class Device:
    store: Store
    engine: SyncEngine

    def sync(self) -> SyncReport:
        return self.engine.sync()

    def count(self, model, **where) -> int:
        with self.store.read() as s:
            query = select(func.count()).select_from(model)
            for name, value in where.items():
                query = query.where(getattr(model, name) == value)
            return s.scalar(query) or 0


@dataclass
class Town:
    server: ServerProcess
    code: str
    karen: Device
    mads: Device

    def records(self, entity: str, ident: str | None = None) -> list[dict]:
        """The service's rows of ``entity`` (straight from its store)."""
        _, engine = db.make_engines(self.server.database_url)
        r = db.record.c
        try:
            with engine.connect() as conn:
                query = select(r.id, r.owner_consultant_id, r.deleted, r.version,
                               r.values_json).where(r.entity == entity,
                                                    r.municipality_code == self.code)
                if ident is not None:
                    query = query.where(r.id == ident)
                rows = conn.execute(query).all()
        finally:
            engine.dispose()
        return [{**json.loads(row.values_json), "_id": row.id, "_deleted": row.deleted,
                 "_owner": row.owner_consultant_id, "_version": row.version} for row in rows]


def _device(server: ServerProcess, folder: Path, code: str, name: str) -> Device:
    store = Store.create(folder, PASSPHRASE, consultant=name, kdf_n=FAST_KDF)
    engine = SyncEngine(store, use_keyring=False)
    engine.enroll(server.base_url, server.add_consultant(code, name))
    return Device(store, engine)


@pytest.fixture
def town(shared_server: ServerProcess, tmp_path: Path):  # noqa: F811
    code = shared_server.new_municipality()
    karen = _device(shared_server, tmp_path / "karen", code, "Karen Holm")
    mads = _device(shared_server, tmp_path / "mads", code, "Mads Berg")
    yield Town(shared_server, code, karen, mads)
    for device in (karen, mads):
        device.engine.close()
        device.store.close()


# -- A: a signed agreement is never stranded by a change of scope -----------------------------

def test_an_agreement_sealed_before_the_citizen_moved_reaches_the_new_consultant(town):
    karen, mads = town.karen, town.mads
    agreement_id = ready_draft(karen.store)
    with karen.store.read() as s:
        citizen_id = s.get(PlacementAgreement, agreement_id).citizen_id
    assert karen.sync().rejected == []
    mads.sync()

    town.server.admin("assign-citizen", citizen_id, "--consultant", "Mads Berg",
                      "--municipality", town.code)
    # Karen has not heard: she signs and seals with the citizen at the employer, offline.
    device = device_identity(karen.store)
    sign_all(karen.store, agreement_id, device)
    seal(karen.store, agreement_id, device)

    report = karen.sync()  # no traceback, no error: the sync completes
    assert report.uploaded == 1
    assert karen.count(Citizen) == 0 and karen.count(PlacementAgreement) == 0
    assert karen.count(OutboxEntry) == 0
    # Nothing of the signed agreement is reported as lost.
    with karen.store.read() as s:
        refused = [c for c in list_conflicts(s) if c.entity in (
            "placement_agreement", "agreement_signature", "agreement_document")]
    assert refused == []
    again = karen.sync()
    assert again.rejected == [] and karen.count(Citizen) == 0

    # The service holds the one agreement, whole and sealed, in Mads's scope; no half records.
    [on_server] = town.records("placement_agreement")
    assert on_server["_id"] == agreement_id
    assert on_server["status"] == "sealed"
    assert on_server["agreement_type"] == "virksomhedspraktik"
    assert on_server["citizen_id"] == citizen_id
    mads_id = town.records("citizen", citizen_id)[0]["_owner"]
    assert on_server["_owner"] == mads_id
    assert {r["_owner"] for r in town.records("agreement_signature")} == {mads_id}
    assert len(town.records("agreement_signature")) == 4

    mads.sync()
    with mads.store.read() as s:
        agreement = s.get(PlacementAgreement, agreement_id)
        assert agreement.status == "sealed" and agreement.content_hash
        assert s.scalar(select(func.count()).select_from(AgreementSignature).where(
            AgreementSignature.agreement_id == agreement_id)) == 4
        [document] = s.scalars(select(AgreementDocument).where(
            AgreementDocument.agreement_id == agreement_id)).all()
        assert document.pdf


def test_an_update_of_a_record_the_service_does_not_hold_is_refused(town):
    """The service never makes a record out of an update: no half records."""
    karen = town.karen
    with karen.store.write() as s:
        employer = services.create_employer(s, {"cvr": "10000009", "name": "Bageriet ApS"})
    with karen.store.write(journal=False) as s:
        s.query(OutboxEntry).delete()  # the create never left the device
    with karen.store.write() as s:
        services.update_employer(s, employer.id, {"phone": "11223344"})
    report = karen.sync()
    assert len(report.rejected) == 1
    assert town.records("employer") == []


# -- B: no record can block sync -----------------------------------------------------------------

def _server_write(town: Town, entity: str, ident: str, values: dict, owner: str | None,
                  version: int = 1, citizen_id: str | None = None) -> int:
    """Write a record straight into the service's store (as a faulty import or an older
    service version might), with a new change number; returns the number."""
    _, engine = db.make_engines(town.server.database_url)
    r = db.record.c
    try:
        with db.writing(engine) as conn:
            db.lock_municipality(conn, town.code)
            [seq] = db.next_seqs(conn, 1)
            row = {"municipality_code": town.code, "owner_consultant_id": owner,
                   "owner_device_id": None, "citizen_id": citizen_id, "seq": seq,
                   "version": version, "deleted": False, "modified_at": db.utcnow(),
                   "values_json": db.dumps(values),
                   "field_versions": db.dumps({k: version for k in values})}
            done = conn.execute(db.record.update().where(r.entity == entity, r.id == ident)
                                .values(**row))
            if done.rowcount == 0:
                conn.execute(db.record.insert().values(entity=entity, id=ident, **row))
    finally:
        engine.dispose()
    return seq


def _consultant_id(town: Town, device: Device) -> str:
    return device.store.meta(credentials.CONSULTANT_ID)


def test_a_change_the_device_cannot_apply_is_set_aside_and_the_sync_goes_on(town, tmp_path):
    karen, mads = town.karen, town.mads
    with karen.store.write() as s:
        employer = services.create_employer(s, {"cvr": "10000009", "name": "Bageriet ApS"})
        citizen = services.create_citizen(s, {"name": "Ali Hansen", "cpr": "0101901234",
                                              "target_group": "dagpenge"})
    assert karen.sync().rejected == []
    # On the service: an agreement row without its type (NOT NULL on the device), between
    # two good changes of the municipality's employer made on Mads's device.
    mads.sync()
    with mads.store.write() as s:
        services.update_employer(s, employer.id, {"phone": "11111111"})
    mads.sync()
    bad_id = "01a0bad0-0000-7000-8000-000000000001"
    bad_values = {"status": "draft", "citizen_id": citizen.id, "employer_id": employer.id}
    _server_write(town, "placement_agreement", bad_id, bad_values,
                  _consultant_id(town, karen), citizen_id=citizen.id)
    with mads.store.write() as s:
        services.update_employer(s, employer.id, {"email": "info@bageriet.dk"})
    mads.sync()

    report = karen.sync()  # no exception
    assert report.quarantined == 1
    from consultant_app.store.models import Employer
    with karen.store.read() as s:
        row = s.get(Employer, employer.id)
        assert (row.phone, row.email) == ("11111111", "info@bageriet.dk")
        assert s.get(PlacementAgreement, bad_id) is None
        [held] = list_quarantine(s)
    assert (held.entity, held.entity_id, held.code) == ("placement_agreement", bad_id,
                                                        "cannot_apply")
    assert held.message.startswith("En ændring fra den centrale tjeneste kunne ikke gemmes")
    cursor = int(karen.store.meta(credentials.CURSOR))

    # The terminal says it in Danish, with no traceback, and exits 0: the sync completed.
    karen.engine.close()
    karen.store.close()
    out = _cli(tmp_path / "karen", "sync")
    assert out.returncode == 0, out.stderr
    assert "Lagt til side: 1 ændringer" in out.stderr
    assert "kunne ikke gemmes på denne computer" in out.stderr
    assert "Traceback" not in out.stderr + out.stdout
    karen.store = Store.open(tmp_path / "karen", PASSPHRASE)
    karen.engine = SyncEngine(karen.store, use_keyring=False)
    with karen.store.read() as s:
        [held] = list_quarantine(s)
    assert held.attempts == 2  # the CLI's sync tried it again
    assert int(karen.store.meta(credentials.CURSOR)) == cursor

    # The service repairs the record: the next sync applies it and the quarantine empties.
    _server_write(town, "placement_agreement", bad_id,
                  {**bad_values, "agreement_type": "virksomhedspraktik"},
                  _consultant_id(town, karen), version=2, citizen_id=citizen.id)
    report = karen.sync()
    assert report.quarantined == 0
    with karen.store.read() as s:
        assert s.get(PlacementAgreement, bad_id).agreement_type == "virksomhedspraktik"
        assert list_quarantine(s) == []


def _cli(profile: Path, *args: str):
    import os
    import subprocess
    import sys

    from .server_process import ROOT
    env = {**os.environ, "CONSULTANT_APP_PASSPHRASE": PASSPHRASE, "PYTHONPATH": str(ROOT)}
    code = "import sys; from consultant_app.cli import main; sys.exit(main())"
    return subprocess.run([sys.executable, "-c", code, "--profile", str(profile), *args],
                          capture_output=True, text=True, env=env, cwd=ROOT, timeout=120,
                          check=False)
