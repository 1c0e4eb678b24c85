"""Sync keeps going and keeps its promises under real use, against a real
``consultant-server`` process on SQLite and PostgreSQL with the real client engine:

- a sealed agreement signed on a device before it heard that its citizen moved reaches the
  citizen's new consultant, verified, and never becomes a half record on the service;
- a pulled change the client cannot apply is quarantined: the rest of the page applies, the
  cursor moves on, the consultant sees it in plain Danish, and the next sync retries it;
- the same employer or citizen registered twice offline, orphans of refused parents, lost
  answers to server-owned fields, and an enrollment whose answer was lost.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import func, select

from consultant_app import services
from consultant_app.search import search
from consultant_app.device import device_identity
from consultant_app.store import Store
from consultant_app.store.models import (
    AgreementDocument,
    AgreementSignature,
    Citizen,
    Employer,
    OutboxEntry,
    PlacementAgreement,
    SyncParked,
    Vacancy,
)
from sync.client import SyncEngine, credentials, list_conflicts
from sync.client.engine import SyncReport
from sync.client.errors import ServerUnreachable
from sync.client.quarantine import list_quarantine
from sync.client.transport import Transport
from sync.server import db
from tests.support.cli import run_app
from tests.support.devices import Device, enroll
from tests.support.profiles import FAST_KDF, PASSPHRASE
from tests.support.server_process import ServerProcess
from tests.support.signing import ready_draft, seal, sign_all


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
                               r.values_json, r.secret).where(r.entity == entity,
                                                              r.municipality_code == self.code)
                if ident is not None:
                    query = query.where(r.id == ident)
                return [{**db.record_values(conn, entity, row.id, row.values_json, row.secret),
                         "_id": row.id, "_deleted": row.deleted,
                         "_owner": row.owner_consultant_id, "_version": row.version}
                        for row in conn.execute(query)]
        finally:
            engine.dispose()


def _device(server: ServerProcess, folder: Path, code: str, name: str) -> Device:
    return Device(*enroll(server, folder, name, server.add_consultant(code, name)))


@pytest.fixture
def town(shared_server: ServerProcess, tmp_path: Path):
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
    out = run_app(tmp_path / "karen", "sync")
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


# -- C: item 6 of the issue ----------------------------------------------------------------------

def _second_device(town: Town, of: Device, folder: Path) -> Device:
    consultant_id = of.store.meta(credentials.CONSULTANT_ID)
    code = town.server.admin("new-code", consultant_id).strip().splitlines()[-1]
    return Device(*enroll(town.server, folder, of.store.consultant, code))


class _Hooked(Transport):
    """The real transport with a hook before one pull (what the consultant does while the
    sync is on its way) and a push answer that can be lost."""

    before_pull: Callable[[], None] | None = None
    lose_answer = False

    def pull(self, cursor, limit, count=False):  # type: ignore[no-untyped-def]
        hook, type(self).before_pull = type(self).before_pull, None
        if hook is not None:
            hook()
        return super().pull(cursor, limit, count)

    def push(self, request):  # type: ignore[no-untyped-def]
        answer = super().push(request)
        if type(self).lose_answer:
            type(self).lose_answer = False
            raise ServerUnreachable(self.base_url)  # the service applied it; the answer is lost
        return answer


def _target_group(device: Device, citizen_id: str) -> str:
    with device.store.read() as s:
        return s.get(Citizen, citizen_id).target_group


@pytest.mark.parametrize("fault", ["edited_in_flight", "answer_lost"])
def test_a_field_the_service_owns_converges_to_the_service_value(town, tmp_path, fault):
    karen = town.karen
    hooked = SyncEngine(karen.store, use_keyring=False,
                        transport_factory=lambda url, token: _Hooked(url, token))
    karen.engine.close()
    karen.engine = hooked
    with karen.store.write() as s:
        citizen = services.create_citizen(s, {"name": "Ali Hansen", "cpr": "0101901234",
                                              "target_group": "dagpenge"})
    karen.sync()
    laptop = _second_device(town, karen, tmp_path / "laptop")
    laptop.sync()
    # The caseworker's value arrives through the other device first (server wins the field).
    with laptop.store.write() as s:
        services.update_citizen(s, citizen.id, {"target_group": "sygedagpenge"})
    laptop.sync()

    with karen.store.write() as s:
        services.update_citizen(s, citizen.id, {"target_group": "jobafklaring"})
    if fault == "edited_in_flight":
        def edit_again() -> None:
            with karen.store.write() as s:
                services.update_citizen(s, citizen.id, {"target_group": "revalidering"})
        _Hooked.before_pull = edit_again
        karen.sync()
    else:
        _Hooked.lose_answer = True
        with pytest.raises(ServerUnreachable):
            karen.sync()
        # The pull (here: of a later sync that got no further) brings the service's version
        # while the change still waits.
        enrollment = credentials.load(karen.store)
        karen.engine.pull(karen.engine.transport(enrollment.server_url, enrollment.token),
                          SyncReport())
    for _ in range(3):
        karen.sync()
        laptop.sync()

    on_server = town.records("citizen", citizen.id)[0]["target_group"]
    assert on_server == "sygedagpenge"
    assert _target_group(karen, citizen.id) == on_server
    assert _target_group(laptop, citizen.id) == on_server
    assert karen.count(OutboxEntry) == 0
    with karen.store.read() as s:
        lost = {c.client_value for c in list_conflicts(s) if c.field == "target_group"}
    assert "jobafklaring" in lost or "revalidering" in lost  # the device's value is kept
    laptop.engine.close()
    laptop.store.close()


def test_a_child_of_a_parent_the_service_does_not_hold_is_refused_not_kept(town):
    karen, mads = town.karen, town.mads
    with karen.store.write() as s:
        employer = services.create_employer(s, {"cvr": "10000009", "name": "Bageriet ApS"})
    with karen.store.write(journal=False) as s:
        s.query(OutboxEntry).delete()  # the employer never reached the service
    with karen.store.write() as s:
        vacancy = services.create_vacancy(s, employer.id, {"title": "Bagermedhjælper"})
        services.add_contact(s, employer.id, {"name": "Lone Bager"})
    report = karen.sync()
    assert len(report.rejected) == 2
    with karen.store.read() as s:
        refused = [c for c in list_conflicts(s) if c.rejected]
    assert {c.entity for c in refused} == {"vacancy", "contact_person"}
    assert all(c.server_value["code"] == "missing_parent" for c in refused)
    assert town.records("vacancy") == [] and town.records("contact_person") == []
    assert mads.sync().quarantined == 0
    assert mads.count(Vacancy) == 0
    with karen.store.read() as s:
        assert s.get(Vacancy, vacancy.id).title == "Bagermedhjælper"  # kept on the device


def test_an_orphan_on_the_service_is_set_aside_not_parked_for_ever(town):
    """An orphan the service holds from before (a match event whose match it refused):
    devices show it as set aside, and still take in everything else."""
    mads = town.mads
    _server_write(town, "vacancy", "orphan-vacancy-1",
                  {"employer_id": "no-such-employer", "title": "Forældreløs"}, None)
    with town.karen.store.write() as s:
        services.create_employer(s, {"cvr": "10000009", "name": "Bageriet ApS"})
    town.karen.sync()
    report = mads.sync()
    assert report.quarantined == 1
    assert mads.count(SyncParked) == 0 and mads.count(Employer) == 1
    with mads.store.read() as s:
        [held] = list_quarantine(s)
    assert (held.entity_id, held.code) == ("orphan-vacancy-1", "missing_parent")
    assert mads.sync().quarantined == 1  # tried again, still set aside and shown
    with mads.store.read() as s:
        assert [q.attempts for q in list_quarantine(s)] == [2]


class _LostEnrollment(Transport):
    """The service enrolls the device, and the answer is lost on the way back."""

    def enroll(self, request):  # type: ignore[no-untyped-def]
        super().enroll(request)
        raise ServerUnreachable(self.base_url)


def test_an_enrollment_whose_answer_was_lost_can_be_asked_again(town, tmp_path):
    import httpx

    code = town.server.add_consultant(town.code, "Lise Lund")
    store = Store.create(tmp_path / "lise", PASSPHRASE, consultant="Lise Lund", kdf_n=FAST_KDF)
    lost = SyncEngine(store, use_keyring=False,
                      transport_factory=lambda url, token: _LostEnrollment(url, token))
    with pytest.raises(ServerUnreachable):
        lost.enroll(town.server.base_url, code)
    engine = SyncEngine(store, use_keyring=False)
    first = engine.enroll(town.server.base_url, code)  # the same code, the same key
    assert engine.sync().rejected == []
    again = engine.enroll(town.server.base_url, code)
    assert again.device_id == first.device_id  # one device, not two
    assert engine.sync().rejected == []  # the newest token works
    _, db_engine = db.make_engines(town.server.database_url)
    try:
        with db_engine.connect() as conn:
            devices = conn.execute(select(func.count()).select_from(db.device).where(
                db.device.c.consultant_id == store.meta(credentials.CONSULTANT_ID))).scalar()
    finally:
        db_engine.dispose()
    assert devices == 1

    # Another key with the used code stays refused.
    other = Store.create(tmp_path / "other", PASSPHRASE, consultant="Lise Lund",
                         kdf_n=FAST_KDF)
    answer = httpx.post(f"{town.server.api}/enroll", json={
        "enrollment_code": code, "public_key": device_identity(other).public_key_b64})
    assert answer.status_code == 403 and answer.json()["detail"]["code"] == "invalid_code"
    for s in (store, other):
        s.close()
    engine.close()


class _HeldEnrollment(Transport):
    """The enrollment request is held up on the way (a stalled link): the device gives up
    waiting, and the request itself reaches the service later (``late``)."""

    held: list = []

    def enroll(self, request):  # type: ignore[no-untyped-def]
        self.held.append(request)
        raise ServerUnreachable(self.base_url)


def test_an_enrollment_request_arriving_after_its_retry_leaves_the_device_token_working(
        town, tmp_path):
    import httpx

    code = town.server.add_consultant(town.code, "Lise Lund")
    store = Store.create(tmp_path / "lise", PASSPHRASE, consultant="Lise Lund", kdf_n=FAST_KDF)
    _HeldEnrollment.held = []
    stalled = SyncEngine(store, use_keyring=False,
                         transport_factory=lambda url, token: _HeldEnrollment(url, token))
    with pytest.raises(ServerUnreachable):
        stalled.enroll(town.server.base_url, code)
    engine = SyncEngine(store, use_keyring=False)
    first = engine.enroll(town.server.base_url, code)  # the consultant tries again: enrolled
    assert engine.sync().rejected == []

    # The first request comes through at last: the same code and key, answered to nobody.
    [late] = _HeldEnrollment.held
    answer = httpx.post(f"{town.server.api}/enroll", json=late.model_dump(mode="json"))
    assert answer.status_code == 200 and answer.json()["device_id"] == first.device_id

    assert engine.sync().rejected == []  # the token the device holds still works
    assert engine.enroll(town.server.base_url, code).device_id == first.device_id
    assert engine.sync().rejected == []
    store.close()
    engine.close()


def test_the_same_employer_or_citizen_registered_twice_offline_is_one_record(town, tmp_path):
    karen = town.karen
    laptop = _second_device(town, karen, tmp_path / "laptop")
    with karen.store.write() as s:
        services.create_employer(s, {"cvr": "10000009", "p_number": "1000000001",
                                     "name": "Bageriet (Vestergade)", "phone": "11223344"})
        services.create_citizen(s, {"name": "Ali Hansen", "cpr": "0101901234",
                                    "target_group": "dagpenge"})
        # another production unit of the same company is not the same employer
        services.create_employer(s, {"cvr": "10000009", "p_number": "1000000002",
                                     "name": "Bageriet (Lager)"})
    assert karen.sync().rejected == []
    # The laptop, offline, registers both again, and prepares, signs and seals a
    # virksomhedspraktik on them (a contact, a vacancy, the agreement hang off its copies).
    agreement_id = ready_draft(laptop.store)
    device = device_identity(laptop.store)
    sign_all(laptop.store, agreement_id, device)
    seal(laptop.store, agreement_id, device)
    with laptop.store.read() as s:
        agreement = s.get(PlacementAgreement, agreement_id)
        copies = {agreement.employer_id, agreement.citizen_id}

    report = laptop.sync()
    assert report.rejected == [] and report.uploaded == 1

    # One employer and one citizen on the service: the first ones; everything the laptop
    # made on its copies hangs off them, the sealed agreement too.
    [employer] = [e for e in town.records("employer") if e["p_number"] == "1000000001"]
    [citizen] = town.records("citizen")
    assert employer["name"] == "Bageriet (Vestergade)" and employer["_id"] not in copies
    assert citizen["_id"] not in copies
    [on_server] = town.records("placement_agreement")
    assert (on_server["_id"], on_server["status"]) == (agreement_id, "sealed")
    assert (on_server["employer_id"], on_server["citizen_id"]) == (employer["_id"],
                                                                     citizen["_id"])
    [vacancy] = town.records("vacancy")
    [contact] = town.records("contact_person")
    assert vacancy["employer_id"] == contact["employer_id"] == employer["_id"]

    # The laptop holds the service's records, one of each, and nothing the service lacks.
    with laptop.store.read() as s:
        assert sorted(s.scalars(select(Employer.id)).all()) == sorted(
            e["_id"] for e in town.records("employer"))
        assert s.scalars(select(Citizen.id)).all() == [citizen["_id"]]
        kept = s.get(PlacementAgreement, agreement_id)
        assert (kept.status, kept.employer_id, kept.citizen_id) == (
            "sealed", employer["_id"], citizen["_id"])
        assert s.get(Employer, employer["_id"]).name == "Bageriet (Vestergade)"
        hits = [h.id for h in search(s, "Bageriet", kinds=("employer",))]
        assert sorted(hits) == sorted(e["_id"] for e in town.records("employer"))
        assert s.scalar(select(func.count()).select_from(OutboxEntry)) == 0
        # What the consultant typed on the copy and the service holds otherwise is kept
        # beside the service's record, to choose.
        differing = {c.field: c for c in list_conflicts(s) if c.policy == "duplicate"}
    assert differing["name"].entity_id == employer["_id"]
    assert (differing["name"].server_value, differing["name"].client_value) == (
        "Bageriet (Vestergade)", "Bageriet ApS")
    assert differing["address"].client_value == "Hovedgaden 1"
    assert "" in differing  # the summary: what was merged into what

    # Later edits go to the service's record: nothing comes back unknown.
    with laptop.store.write() as s:
        services.update_employer(s, employer["_id"], {"industry": "Bageri"})
    assert laptop.sync().rejected == []
    assert town.records("employer", employer["_id"])[0]["industry"] == "Bageri"
    karen.sync()
    with karen.store.read() as s:
        assert s.get(PlacementAgreement, agreement_id).status == "sealed"
        assert s.scalar(select(func.count()).select_from(Citizen)) == 1
    laptop.engine.close()
    laptop.store.close()


def test_a_citizen_another_consultant_holds_leaves_the_device_with_its_values_kept(town):
    karen, mads = town.karen, town.mads
    with mads.store.write() as s:
        services.create_citizen(s, {"name": "Ali Hansen", "cpr": "0101901234",
                                    "target_group": "dagpenge"})
    assert mads.sync().rejected == []
    with karen.store.write() as s:
        employer = services.create_employer(s, {"cvr": "10000009", "p_number": "1000000001",
                                                "name": "Bageriet ApS"})
        vacancy = services.create_vacancy(s, employer.id, {"title": "Bagermedhjælper"})
        mine = services.create_citizen(s, {"name": "Ali Hansen", "cpr": "010190-1234",
                                           "target_group": "dagpenge",
                                           "notes": "Vil gerne bage"})
        services.propose_match(s, vacancy.id, mine.id, note="forslag")

    report = karen.sync()
    assert len(report.rejected) == 1  # the citizen; its match is listed as not sent
    with karen.store.read() as s:
        assert s.scalar(select(func.count()).select_from(Citizen)) == 0
        assert s.scalar(select(func.count()).select_from(OutboxEntry)) == 0
        assert search(s, "Hansen", kinds=("citizen",)) == []
        [refused] = [c for c in list_conflicts(s) if c.entity == "citizen"]
    assert refused.rejected and refused.server_value["code"] == "duplicate"
    assert refused.client_value["notes"] == "Vil gerne bage"  # kept for the hand-over
    assert "existing_id" not in refused.server_value or not refused.server_value["existing_id"]
    assert len(town.records("citizen")) == 1
    assert karen.sync().rejected == []


def test_an_agreement_sealed_on_a_copy_of_another_consultants_citizen_is_handed_over(town):
    karen, mads = town.karen, town.mads
    with mads.store.write() as s:
        theirs = services.create_citizen(s, {"name": "Ali Hansen", "cpr": "0101901234",
                                             "target_group": "dagpenge"}).id
    assert mads.sync().rejected == []
    # Karen, offline, registers the same citizen and signs and seals an agreement for him.
    agreement_id = ready_draft(karen.store)
    device = device_identity(karen.store)
    sign_all(karen.store, agreement_id, device)
    seal(karen.store, agreement_id, device)

    report = karen.sync()
    assert report.uploaded == 1
    assert len(report.rejected) == 1  # the citizen: another consultant has him
    # The signed agreement is not lost: the service holds it, sealed, on Mads's citizen.
    [on_server] = town.records("placement_agreement")
    assert (on_server["_id"], on_server["status"]) == (agreement_id, "sealed")
    assert on_server["citizen_id"] == theirs and on_server["_owner"] == \
        mads.store.meta(credentials.CONSULTANT_ID)
    assert len(town.records("agreement_signature")) == 4
    # Karen's device keeps neither the copy nor the agreement; her values are in the refusal.
    assert karen.count(Citizen) == 0 and karen.count(PlacementAgreement) == 0
    assert karen.count(OutboxEntry) == 0
    with karen.store.read() as s:
        [refused] = [c for c in list_conflicts(s) if c.entity == "citizen"]
    assert refused.server_value["code"] == "duplicate"
    assert refused.client_value["name"] == "Ali Hansen"
    assert karen.sync().rejected == []
    mads.sync()
    with mads.store.read() as s:
        assert s.get(PlacementAgreement, agreement_id).status == "sealed"
