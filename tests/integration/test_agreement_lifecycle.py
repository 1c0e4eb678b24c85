"""The agreement lifecycle (draft -> signing -> signed -> sealed; a change after the first
signature is a new revision) as one state machine (forms.lifecycle), enforced on the service
whatever order operations arrive in and on the device, against a real ``consultant-server``
process (SQLite and PostgreSQL) with real signatures, seals and PDFs.

The attack: the owning device pushes ``status -> draft``, new ``content``, then
``status -> sealed``. Sent with the device's own token (what a tampered device could send), in
one push and in three, each step is refused with a code and a Danish message, the record and
its sealed PDF on the service keep matching, and the colleague's device sees the sealed text."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import select

from consultant_app.device import DeviceIdentity, device_identity
from consultant_app.errors import UserError
from consultant_app.store import Store
from consultant_app.store.models import PlacementAgreement
from forms import agreements as A
from forms import lifecycle
from sync import protocol
from sync.client import SyncEngine, credentials
from sync.server import admin, db
from tests.support.devices import enroll, one_consultants_devices
from tests.support.profiles import FAST_KDF, PASSPHRASE
from tests.support.server_process import ServerProcess
from tests.support.signing import ready_draft, seal, sign_all, sign_as


@dataclass
class Device:
    store: Store
    engine: SyncEngine
    identity: DeviceIdentity

    def push(self, *operations: protocol.Operation) -> list[protocol.OperationResult]:
        """Operations sent as they are, with this device's token (a tampered client)."""
        return self.push_with_cursor(None, *operations)

    def push_with_cursor(self, cursor: int | None, *operations: protocol.Operation
                         ) -> list[protocol.OperationResult]:
        """The same, claiming the pull ``cursor`` it likes."""
        enrollment = credentials.load(self.store)
        transport = self.engine.transport(enrollment.server_url, enrollment.token)
        return transport.push(protocol.PushRequest(operations=list(operations),
                                                   cursor=cursor)).results


def devices(server: ServerProcess, tmp_path: Path) -> tuple[Device, Device]:
    """Two enrolled devices of one consultant."""
    desktop, laptop = (Device(store, engine, device_identity(store)) for store, engine in
                       one_consultants_devices(server, tmp_path, "Test Konsulent",
                                               "desktop", "laptop"))
    return desktop, laptop


def service_state(server: ServerProcess, agreement_id: str
                  ) -> tuple[dict, int, list[tuple[int, str]]]:
    """(the record's values, its version, [(revision, content_hash)] of its sealed PDFs)."""
    _, engine = db.make_engines(server.database_url)
    r, s = db.record.c, db.sealed_agreement.c
    try:
        with engine.connect() as conn:
            row = conn.execute(select(r.values_json, r.secret, r.version).where(
                r.entity == "placement_agreement", r.id == agreement_id)).one()
            # the content is stored encrypted: read as the service reads it
            values = db.record_values(conn, "placement_agreement", agreement_id,
                                      row.values_json, row.secret)
            pdfs = [tuple(p) for p in conn.execute(select(s.revision, s.content_hash).where(
                s.agreement_id == agreement_id).order_by(s.revision))]
    finally:
        engine.dispose()
    return values, row.version, pdfs


def sealed_and_synced(desktop: Device) -> str:
    agreement_id = ready_draft(desktop.store)
    sign_all(desktop.store, agreement_id, desktop.identity)
    seal(desktop.store, agreement_id, desktop.identity)
    report = desktop.engine.sync()
    assert report.rejected == [] and report.uploaded == 1
    return agreement_id


def attack(agreement_id: str, version: int, content: str) -> list[protocol.Operation]:
    def op(n: int, values: dict) -> protocol.Operation:
        return protocol.Operation(op_id=f"{agreement_id}-attack-{n}", entity="placement_agreement",
                                  entity_id=agreement_id, op="update", base_version=version,
                                  values=values)
    return [op(1, {"status": "draft"}), op(2, {"content": content}),
            op(3, {"status": "sealed"})]


@pytest.mark.parametrize("pushes", ["one push", "three pushes"])
def test_a_sealed_agreement_cannot_be_rewritten_through_the_service(server, tmp_path,
                                                                     pushes):
    desktop, laptop = devices(server, tmp_path)
    agreement_id = sealed_and_synced(desktop)
    before, version, pdfs = service_state(server, agreement_id)
    assert before["status"] == "sealed" and pdfs == [(1, before["content_hash"])]

    forged = before["content"].replace("Afklaring af jobmål i bageri", "Gratis arbejdskraft")
    assert forged != before["content"]
    ops = attack(agreement_id, version, forged)
    if pushes == "one push":
        results = desktop.push(*ops)
    else:
        results = [r for o in ops for r in desktop.push(o)]
    codes = [(r.status, r.code) for r in results]
    # Nothing moves a sealed revision: back to draft, its content, "sealed" again (no change).
    assert codes[0] == ("rejected", lifecycle.INVALID_TRANSITION)
    assert codes[1] == ("rejected", lifecycle.IMMUTABLE)
    assert codes[2][0] != "rejected" or codes[2][1] in (lifecycle.INVALID_TRANSITION,
                                                        lifecycle.IMMUTABLE)
    assert "ny version" in results[0].message and "underskrevet" in results[1].message

    after, after_version, after_pdfs = service_state(server, agreement_id)
    assert after == before and after_version == version
    assert after_pdfs == [(1, after["content_hash"])]  # the PDF still matches the record
    assert laptop.engine.sync().rejected == []
    with laptop.store.read() as s:
        record = s.get(PlacementAgreement, agreement_id)
        assert (record.status, record.content_hash) == ("sealed", before["content_hash"])
        assert "Gratis arbejdskraft" not in record.content


def test_a_signed_agreement_cannot_be_deleted_or_moved_back_through_the_service(
        server, tmp_path):
    desktop, _ = devices(server, tmp_path)
    agreement_id = ready_draft(desktop.store)
    sign_as(desktop.store, agreement_id, desktop.identity, "employer", "Lone Bager")
    assert desktop.engine.sync().rejected == []
    values, version, _ = service_state(server, agreement_id)
    assert values["status"] == "signing"
    gone, back, older = desktop.push(
        protocol.Operation(op_id="d1", entity="placement_agreement", entity_id=agreement_id,
                           op="delete", base_version=version),
        protocol.Operation(op_id="d2", entity="placement_agreement", entity_id=agreement_id,
                           op="update", base_version=version, values={"status": "draft"}),
        protocol.Operation(op_id="d3", entity="placement_agreement", entity_id=agreement_id,
                           op="update", base_version=version, values={"revision": 0}))
    assert (gone.status, gone.code) == ("rejected", lifecycle.IMMUTABLE)
    assert (back.status, back.code) == ("rejected", lifecycle.INVALID_TRANSITION)
    assert (older.status, older.code) == ("rejected", lifecycle.INVALID_TRANSITION)
    assert "slettes" in gone.message
    assert service_state(server, agreement_id)[:2] == (values, version)


def test_the_device_refuses_the_same_steps_and_writes_nothing(tmp_path):
    store = Store.create(tmp_path / "p", PASSPHRASE, consultant="Test Konsulent",
                         kdf_n=FAST_KDF)
    identity = device_identity(store)
    agreement_id = ready_draft(store)
    sign_all(store, agreement_id, identity)
    seal(store, agreement_id, identity)
    with store.read() as s:
        sealed = s.get(PlacementAgreement, agreement_id)
        kept = (sealed.status, sealed.content, sealed.revision, sealed.deleted)

    def tamper(change) -> UserError:
        with pytest.raises(UserError) as refused, store.write() as s:
            change(s.get(PlacementAgreement, agreement_id))
            s.flush()
        return refused.value

    assert "ny version" in str(tamper(lambda r: setattr(r, "status", "draft")))
    assert "underskrevet" in str(tamper(lambda r: setattr(r, "content", r.content + " ")))
    assert "forseglet" in str(tamper(lambda r: setattr(r, "revision", r.revision + 1)))
    assert "slettes" in str(tamper(lambda r: setattr(r, "deleted", True)))
    with pytest.raises(UserError), store.write() as s:
        A.new_revision(s, agreement_id)
    with store.read() as s:
        record = s.get(PlacementAgreement, agreement_id)
        assert (record.status, record.content, record.revision, record.deleted) == kept
    store.close()


def test_signing_a_new_revision_offline_reaches_the_service_whole(server, tmp_path):
    """The legitimate path through the machine, all offline and pushed at once: the first
    signature, a new revision, an edit, every signature, the seal. Every operation carries the
    record as it is now, so the service must judge states, not the order of operations."""
    desktop, laptop = devices(server, tmp_path)
    agreement_id = ready_draft(desktop.store)
    assert desktop.engine.sync().rejected == []
    sign_as(desktop.store, agreement_id, desktop.identity, "employer", "Lone Bager")
    with desktop.store.write() as s:
        A.new_revision(s, agreement_id)
        A.update_fields(s, agreement_id, {"working_hours": "man-fre 8-12"})
    sign_all(desktop.store, agreement_id, desktop.identity)
    seal(desktop.store, agreement_id, desktop.identity)
    report = desktop.engine.sync()
    assert report.rejected == [] and report.uploaded == 1
    values, _, pdfs = service_state(server, agreement_id)
    assert (values["status"], values["revision"]) == ("sealed", 2)
    assert pdfs == [(2, values["content_hash"])]
    assert laptop.engine.sync().rejected == []
    with laptop.store.read() as s:
        doc = A.doc_of(s.get(PlacementAgreement, agreement_id))
        assert doc.values["working_hours"] == "man-fre 8-12"
        assert A.content_hash(doc) == values["content_hash"]


def test_a_consultant_cannot_take_over_anothers_agreement_through_a_copy_of_the_citizen(
        server, tmp_path):
    """Consultant B registers a citizen with the CPR of consultant A's citizen: the service
    refuses the copy and writes B a scope exit of A's citizen (the hand-over of what B may
    have signed on the copy). B then pushes with cursor 0, as a device that has not heard of
    that exit: the hand-over must not reach A's agreement, which B never had."""
    desktop, _ = devices(server, tmp_path)
    agreement_id = ready_draft(desktop.store)
    assert desktop.engine.sync().rejected == []
    before, version, _ = service_state(server, agreement_id)
    with desktop.store.read() as s:
        record = s.get(PlacementAgreement, agreement_id)
        citizen_id = record.citizen_id
    _, engine = db.make_engines(server.database_url)
    try:
        municipality, _ = admin.consultant_municipality(
            engine, desktop.store.meta(credentials.CONSULTANT_ID))
    finally:
        engine.dispose()
    code = server.add_consultant(municipality, "Anden Konsulent")
    other_store, other_engine = enroll(server, tmp_path / "other", "Anden Konsulent", code)
    other = Device(other_store, other_engine, device_identity(other_store))
    [copy] = other.push(protocol.Operation(
        op_id="copy-1", entity="citizen", entity_id="01a216c0-0000-7000-8000-000000000001",
        op="create", values={"name": "Ali Hansen", "cpr": "0101901234",
                             "target_group": "dagpenge"}))
    assert (copy.status, copy.code) == ("rejected", "duplicate")

    def take(n: int, values: dict) -> protocol.Operation:
        return protocol.Operation(op_id=f"take-{n}", entity="placement_agreement",
                                  entity_id=agreement_id, op="update", base_version=version,
                                  values=values)
    forged = before["content"].replace("Afklaring af jobmål i bageri", "Gratis arbejdskraft")
    results = other.push_with_cursor(0, take(1, {"content": forged}),
                                     take(2, {"status": "signing"}),
                                     take(3, {"status": "signed"}))
    assert [r.status for r in results] == ["rejected"] * 3, results
    assert {r.code for r in results} == {"out_of_scope"}
    after, after_version, _ = service_state(server, agreement_id)
    assert after == before and after_version == version
    assert citizen_id  # the agreement was for A's citizen all along
