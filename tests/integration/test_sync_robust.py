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
from sync.client import SyncEngine, list_conflicts
from sync.client.engine import SyncReport
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
