"""The order operations travel in cannot decide what the service does with them: a device
that signed and sealed an agreement offline sends it in pushes of any size (the engine cuts
its outbox into batches), and every signature and the sealed PDF arrive whole, also for a
citizen who moved to another consultant meanwhile (protocol, "Signed agreements and scope
exits"). Real client engine, real ``consultant-server`` (SQLite and PostgreSQL).

Before: a flush that gave a signature journalled the new signature before the agreement's
status change, so a push cut between the two sent the signature first; for a moved citizen
the service judged it on the agreement as it stood (a draft) and refused it ("out_of_scope"):
the sealed agreement reached the new consultant without that signature."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from consultant_app import services
from consultant_app.device import device_identity
from consultant_app.store import Store
from consultant_app.store.journal import ENTITY_ORDER
from consultant_app.store.models import (
    AgreementDocument,
    AgreementSignature,
    OutboxEntry,
    PlacementAgreement,
)
from sync import protocol
from sync.client import SyncEngine, credentials, list_conflicts
from sync.client.engine import _operations
from tests.support.devices import enroll
from tests.support.profiles import FAST_KDF, PASSPHRASE
from tests.support.server_process import ServerProcess
from tests.support.signing import ready_draft, seal, sign_all


def sealed_after_the_citizen_moved(server: ServerProcess, folder: Path, push_batch: int = 500
                                   ) -> tuple[Store, SyncEngine, Store, SyncEngine, str]:
    """Karen's agreement, synced; then its citizen is assigned to Mads, and Karen, who has
    not heard, has it signed by every party and sealed at the employer, offline. (Karen's
    profile and engine, Mads's, and the agreement's id.)"""
    code = server.new_municipality()
    karen, karen_engine = enroll(server, folder / "karen", "Karen Holm",
                                 server.add_consultant(code, "Karen Holm"), push_batch=push_batch)
    mads, mads_engine = enroll(server, folder / "mads", "Mads Berg",
                               server.add_consultant(code, "Mads Berg"))
    agreement_id = ready_draft(karen)
    with karen.read() as s:
        citizen_id = s.get(PlacementAgreement, agreement_id).citizen_id
    assert karen_engine.sync().rejected == []
    server.admin("assign-citizen", citizen_id, "--consultant", "Mads Berg",
                 "--municipality", code)
    identity = device_identity(karen)
    sign_all(karen, agreement_id, identity)
    seal(karen, agreement_id, identity)
    return karen, karen_engine, mads, mads_engine, agreement_id


def family(store: Store, agreement_id: str) -> tuple[str, int, int]:
    """(status, signatures, documents) of the agreement on a device."""
    with store.read() as s:
        status = s.get(PlacementAgreement, agreement_id).status
        count = [s.scalar(select(func.count()).select_from(model)
                          .where(model.agreement_id == agreement_id))
                 for model in (AgreementSignature, AgreementDocument)]
    return status, count[0], count[1]


def test_a_flush_journals_the_agreement_before_the_signature_it_gives(tmp_path):
    store = Store.create(tmp_path / "p", PASSPHRASE, consultant="Karen Holm", kdf_n=FAST_KDF)
    agreement_id = ready_draft(store)
    with store.write(journal=False) as s:  # as after a sync: nothing waiting
        s.query(OutboxEntry).delete()
    sign_all(store, agreement_id, device_identity(store))
    with store.read() as s:
        order = [e.entity for e in s.scalars(select(OutboxEntry).order_by(OutboxEntry.seq))]
    # the first and the last signature move the agreement's status: that step is journalled
    # before the signature given in the same flush (the others leave it "signing")
    assert order == ["placement_agreement", "agreement_signature", "agreement_signature",
                     "agreement_signature", "placement_agreement", "agreement_signature"]
    assert tuple(ENTITY_ORDER) == protocol.ENTITIES


@pytest.mark.parametrize("push_batch", [1, 2, 3])
def test_an_agreement_sealed_for_a_moved_citizen_arrives_whole_in_pushes_of_any_size(
        shared_server, tmp_path, push_batch):
    karen, karen_engine, mads, mads_engine, agreement_id = sealed_after_the_citizen_moved(
        shared_server, tmp_path, push_batch)
    report = karen_engine.sync()
    assert report.rejected == [] and report.uploaded == 1
    with karen.read() as s:
        assert [c for c in list_conflicts(s) if c.entity in (
            "placement_agreement", "agreement_signature", "agreement_document")] == []
    assert mads_engine.sync().rejected == []
    assert family(mads, agreement_id) == ("sealed", 4, 1)


def test_one_push_in_any_order_is_judged_as_in_the_order_it_was_made(shared_server,
                                                                      tmp_path):
    """The service applies a push parents first: the same outbox sent backwards (every
    signature and the PDF before the agreement's status change, children before their
    parents' creates) gives the same answers."""
    karen, karen_engine, mads, mads_engine, agreement_id = sealed_after_the_citizen_moved(
        shared_server, tmp_path)
    with karen.write() as s:  # and a new workplace with its vacancy, made after
        employer = services.create_employer(s, {"cvr": "25313763", "name": "Lager A/S"})
        services.create_vacancy(s, employer.id, {"title": "Lagerarbejder"})

    with karen.read() as s:
        entries = s.scalars(select(OutboxEntry).order_by(OutboxEntry.seq)).all()
        operations, _ = _operations(s, entries)
    backwards = operations[::-1]
    assert [o.entity for o in backwards][:2] == ["vacancy", "employer"]
    enrollment = credentials.load(karen)
    transport = karen_engine.transport(enrollment.server_url, enrollment.token)
    results = transport.push(protocol.PushRequest(
        operations=backwards, cursor=int(karen.meta(credentials.CURSOR, "0")))).results
    assert [r.op_id for r in results] == [o.op_id for o in backwards]  # answered in order
    assert [(r.entity, r.code) for r in results if r.status == "rejected"] == []

    report = karen_engine.sync()  # the same operations again: the first answers, the PDF
    assert report.rejected == [] and report.uploaded == 1
    assert mads_engine.sync().rejected == []
    assert family(mads, agreement_id) == ("sealed", 4, 1)
