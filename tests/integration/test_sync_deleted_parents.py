"""Deletes and what hangs off the deleted record, through the real client engine and a real
``consultant-server`` process (SQLite and PostgreSQL), by the rules in ``sync.protocol``
("Deletes"):

- what a signed agreement names (employer, vacancy, citizen) cannot be deleted: the device
  refuses before it tries, and the service refuses a delete made offline before the signed
  agreement came; the device then has the record back;
- a device that never held a deleted record (deleted before its first pull) still takes in
  what hangs off it: a match under a deleted vacancy (hidden as the lists say) and a sealed
  agreement whose vacancy was deleted while it was signed offline (shown), never
  quarantined as ``missing_parent``."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import select

from consultant_app import domain, queries, services
from consultant_app.device import DeviceIdentity, device_identity
from consultant_app.errors import UserError
from consultant_app.store import Store
from consultant_app.store.models import (
    Citizen,
    Employer,
    Match,
    PlacementAgreement,
    SyncParked,
    Vacancy,
)
from consultant_app.text import Message
from forms import agreements as A
from sync.client import SyncEngine, quarantine
from sync.server import db
from tests.support.devices import one_consultants_devices
from tests.support.profiles import FAST_KDF, PASSPHRASE
from tests.support.server_process import ServerProcess
from tests.support.signing import ready_draft, seal, sign_all


@dataclass
class Device:
    store: Store
    engine: SyncEngine
    identity: DeviceIdentity

    def sync(self) -> list[str]:
        """One sync; the messages of the changes the service refused."""
        return self.engine.sync().rejected

    def set_aside(self) -> list[tuple[str, str]]:
        """(entity, code) of every pulled change parked or quarantined on this device."""
        with self.store.read() as s:
            parked = [(p.entity, "parked") for p in s.scalars(select(SyncParked))]
            return parked + [(q.entity, q.code) for q in quarantine.list_quarantine(s)]

    def deleted(self, model: type, ident: str) -> bool | None:
        """The row's tombstone flag, None if the device has no row."""
        with self.store.read() as s:
            row = s.get(model, ident)
            return None if row is None else row.deleted


def enrolled(server: ServerProcess, tmp_path: Path, *names: str) -> list[Device]:
    """Devices of one consultant, each enrolled with a code of its own."""
    return [Device(store, engine, device_identity(store)) for store, engine in
            one_consultants_devices(server, tmp_path, "Karen Holm", *names)]


def service_deleted(server: ServerProcess, entity: str, ident: str) -> bool:
    _, engine = db.make_engines(server.database_url)
    r = db.record.c
    try:
        with engine.connect() as conn:
            return conn.execute(select(r.deleted).where(r.entity == entity,
                                                         r.id == ident)).scalar_one()
    finally:
        engine.dispose()


def parties(store: Store, agreement_id: str) -> dict[str, str]:
    with store.read() as s:
        doc = s.get(PlacementAgreement, agreement_id)
        return {"employer": doc.employer_id, "vacancy": doc.vacancy_id,
                "citizen": doc.citizen_id}


DELETE = {"employer": services.delete_employer, "vacancy": services.delete_vacancy,
          "citizen": services.delete_citizen}
MODEL = {"employer": Employer, "vacancy": Vacancy, "citizen": Citizen}


def test_the_device_refuses_deleting_what_a_signed_agreement_names(tmp_path):
    store = Store.create(tmp_path / "p", PASSPHRASE, consultant="Karen Holm", kdf_n=FAST_KDF)
    identity = device_identity(store)
    agreement_id = ready_draft(store)
    named = parties(store, agreement_id)
    sign_all(store, agreement_id, identity)
    for entity, ident in named.items():
        with pytest.raises(UserError) as refused, store.write() as s:
            DELETE[entity](s, ident)
        assert str(refused.value) == str(Message(domain.CTX,
                                                 domain.SIGNED_PARTY_MESSAGES[entity]))
        with store.read() as s:
            assert s.get(MODEL[entity], ident).deleted is False
    # A draft names its records too, but holds nothing signed: they can go.
    with store.write() as s:
        employer = services.create_employer(s, {"cvr": "25313763", "name": "Lager A/S"})
        vacancy = services.create_vacancy(s, employer.id, {"title": "Lagerarbejder"})
        A.create_draft(s, "virksomhedspraktik", employer.id, vacancy_id=vacancy.id,
                       citizen_id=named["citizen"])
        services.delete_vacancy(s, vacancy.id)
        services.delete_employer(s, employer.id)


def test_the_service_refuses_deleting_what_a_signed_agreement_names_and_the_device_gets_it_back(
        server, tmp_path):
    desktop, laptop = enrolled(server, tmp_path, "desktop", "laptop")
    agreement_id = ready_draft(desktop.store)
    named = parties(desktop.store, agreement_id)
    assert desktop.sync() == [] and laptop.sync() == []
    # Offline, the laptop deletes what the (still draft) agreement names ...
    with laptop.store.write() as s:
        for entity in ("vacancy", "citizen", "employer"):
            DELETE[entity](s, named[entity])
    # ... while the desktop has it signed and sealed, and syncs first.
    sign_all(desktop.store, agreement_id, desktop.identity)
    seal(desktop.store, agreement_id, desktop.identity)
    assert desktop.sync() == []

    rejected = [str(reason) for reason in laptop.sync()]
    assert sorted(rejected) == sorted(str(Message(domain.CTX, domain.SIGNED_PARTY_MESSAGES[e]))
                                      for e in ("vacancy", "citizen", "employer"))
    for entity, ident in named.items():
        assert service_deleted(server, entity, ident) is False
        assert laptop.deleted(MODEL[entity], ident) is False  # back, as on the service
    assert laptop.sync() == []
    with laptop.store.read() as s:
        assert s.get(PlacementAgreement, agreement_id).status == "sealed"
        assert agreement_id in queries.list_ids(s, "placement_agreement")
        assert named["vacancy"] in queries.list_ids(s, "vacancy")
    assert laptop.set_aside() == [] and desktop.set_aside() == []


def test_a_device_that_never_held_a_deleted_vacancy_takes_in_its_match_hidden(
        server, tmp_path):
    desktop, laptop = enrolled(server, tmp_path, "desktop", "laptop")
    with desktop.store.write() as s:
        employer = services.create_employer(s, {"cvr": "10000009", "name": "Lager A/S",
                                                "postcode": "8000"})
        vacancy = services.create_vacancy(s, employer.id, {"title": "Lagerarbejder",
                                                           "postcode": "8000"})
        citizen = services.create_citizen(s, {"name": "Eva Lund", "cpr": "0202902345",
                                               "target_group": "dagpenge"})
        match = services.propose_match(s, vacancy.id, citizen.id)
        ids = (employer.id, vacancy.id, citizen.id, match.id)
    assert desktop.sync() == []
    with desktop.store.write() as s:
        services.delete_vacancy(s, ids[1])
    assert desktop.sync() == []
    assert service_deleted(server, "vacancy", ids[1]) is True
    assert service_deleted(server, "match", ids[3]) is False  # a delete leaves children be

    assert laptop.sync() == []  # its first pull: the vacancy was deleted before it
    assert laptop.set_aside() == []
    assert laptop.deleted(Vacancy, ids[1]) is True  # its tombstone, kept
    assert laptop.deleted(Match, ids[3]) is False
    with laptop.store.read() as s:
        assert ids[3] not in queries.list_ids(s, "match")  # under a deleted vacancy: hidden
        assert ids[1] not in queries.list_ids(s, "vacancy")
        assert ids[0] in queries.list_ids(s, "employer")
    assert laptop.sync() == [] and laptop.set_aside() == []


def test_a_sealed_agreement_whose_vacancy_was_deleted_meanwhile_reaches_a_new_device(
        server, tmp_path):
    desktop, laptop, tablet = enrolled(server, tmp_path, "desktop", "laptop", "tablet")
    agreement_id = ready_draft(desktop.store)
    named = parties(desktop.store, agreement_id)
    assert desktop.sync() == [] and laptop.sync() == []
    with laptop.store.write() as s:  # the agreement is a draft here: the delete may be made
        services.delete_vacancy(s, named["vacancy"])
    assert laptop.sync() == []
    # The desktop signed and sealed offline, before it heard of the delete.
    sign_all(desktop.store, agreement_id, desktop.identity)
    seal(desktop.store, agreement_id, desktop.identity)
    report = desktop.engine.sync()
    assert report.rejected == [] and report.uploaded == 1
    assert service_deleted(server, "vacancy", named["vacancy"]) is True

    assert tablet.sync() == []  # never held the vacancy
    assert tablet.set_aside() == []
    for device in (tablet, laptop, desktop):
        assert device.sync() == [] and device.set_aside() == []
        with device.store.read() as s:
            doc = s.get(PlacementAgreement, agreement_id)
            assert doc is not None and doc.status == "sealed" and not doc.deleted
            assert agreement_id in queries.list_ids(s, "placement_agreement")
            assert named["vacancy"] not in queries.list_ids(s, "vacancy")
        assert device.deleted(Vacancy, named["vacancy"]) is True
