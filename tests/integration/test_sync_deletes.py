"""Deletes end to end, through the real client engine and a real ``consultant-server``
process (SQLite and PostgreSQL): what one device of a consultant deletes (through the same
services the UI and the CLI call) becomes a tombstone on the service and disappears from
every list, search, ranking and the Today page of the consultant's other device; a delete
racing an edit on the other device resolves by the rule in ``sync.protocol`` (the delete
wins) and the edit is kept as a conflict on the device that made it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import select

from consultant_app import matching, queries, services
from consultant_app.search import search
from consultant_app.store import Store
from consultant_app.store.models import SyncConflict
from forms import agreements as A
from sync import protocol
from sync.client import SyncEngine, list_conflicts
from sync.server import db
from tests.support.devices import one_consultants_devices
from tests.support.profiles import FAST_KDF, PASSPHRASE
from tests.support.server_process import ServerProcess


TODAY = dt.date.today()


@dataclass
class Device:
    store: Store
    engine: SyncEngine

    def sync(self) -> list[str]:
        """One sync; the messages of the changes the service refused."""
        return self.engine.sync().rejected


def two_devices(server: ServerProcess, tmp_path: Path) -> tuple[Device, Device]:
    """Two enrolled devices (a desktop and a laptop) of one consultant."""
    desktop, laptop = (Device(store, engine) for store, engine in
                       one_consultants_devices(server, tmp_path, "Karen Holm",
                                               "desktop", "laptop"))
    return desktop, laptop


def service_records(server: ServerProcess, ids: list[str]) -> dict[str, tuple[bool, int]]:
    """(deleted, version) of each record id on the service."""
    _, engine = db.make_engines(server.database_url)
    r = db.record.c
    try:
        with engine.connect() as conn:
            return {row.id: (row.deleted, row.version) for row in conn.execute(
                select(r.id, r.deleted, r.version).where(r.id.in_(ids)))}
    finally:
        engine.dispose()


def seen(store: Store) -> dict[str, set[str]]:
    """Every id the read side shows, by where it shows it (lists, search, rankings, Today)."""
    out: dict[str, set[str]] = {}
    with store.read() as s:
        for kind in ("employer", "vacancy", "citizen", "match", "placement_agreement"):
            out[f"list:{kind}"] = set(queries.list_ids(s, kind))
        out["search"] = {hit.id for word in ("Bageri", "Lager", "Bager", "Lagerarbejder",
                                              "Ib", "Eva") for hit in search(s, word)}
        out["today"] = set(queries.planned_visit_ids(s, TODAY)) | \
            set(queries.due_follow_up_ids(s, TODAY + dt.timedelta(days=30)))
        citizens = out["list:citizen"]
        vacancies = out["list:vacancy"]
        out["ranked"] = {a.citizen.id for v in vacancies
                         for a in matching.rank_citizens(s, v, include_excluded=True,
                                                         use_cache=False).assessments}
        out["ranked"] |= {a.vacancy.id for c in citizens
                          for a in matching.rank_vacancies(s, c, include_excluded=True,
                                                           use_cache=False).assessments}
        for employer in out["list:employer"]:
            for kind in ("contact_person", "visit", "vacancy", "match", "placement_agreement"):
                out.setdefault(f"employer:{kind}", set()).update(
                    queries.employer_item_ids(s, kind, employer))
    return out


def everything(view: dict[str, set[str]]) -> set[str]:
    return set().union(*view.values())


def test_what_one_device_deletes_is_gone_on_the_service_and_the_other_device(server,
                                                                              tmp_path):
    desktop, laptop = two_devices(server, tmp_path)
    with desktop.store.write() as s:
        bakery = services.create_employer(s, {"cvr": "10000009", "name": "Bageriet ApS",
                                              "postcode": "8000"})
        contact = services.add_contact(s, bakery.id, {"name": "Lone Bager"})
        visit = services.log_visit(s, bakery.id, {
            "visit_date": TODAY + dt.timedelta(days=3), "status": "planned",
            "follow_up_date": TODAY + dt.timedelta(days=5), "notes": "Bageri-besøg"})
        baker = services.create_vacancy(s, bakery.id, {"title": "Bagermedhjælper",
                                                       "postcode": "8000"})
        stock = services.create_employer(s, {"cvr": "25313763", "name": "Lager A/S",
                                             "postcode": "8000"})
        picker = services.create_vacancy(s, stock.id, {"title": "Lagerarbejder",
                                                       "postcode": "8000"})
        spare = services.create_vacancy(s, stock.id, {"title": "Lagerchauffør",
                                                      "postcode": "8000"})
        ib = services.create_citizen(s, {"name": "Ib Skov", "cpr": "0101901234",
                                          "target_group": "dagpenge", "postcode": "8000"})
        eva = services.create_citizen(s, {"name": "Eva Lund", "cpr": "0202902345",
                                           "target_group": "dagpenge", "postcode": "8000"})
        ib_match = services.propose_match(s, picker.id, ib.id)
        eva_match = services.propose_match(s, picker.id, eva.id)
        draft = A.create_draft(s, "virksomhedspraktik", stock.id, vacancy_id=picker.id,
                               citizen_id=eva.id, match_id=eva_match.id).id
        ids = {"bakery": bakery.id, "contact": contact.id, "visit": visit.id,
               "baker": baker.id, "stock": stock.id, "picker": picker.id, "spare": spare.id,
               "ib": ib.id, "eva": eva.id, "ib_match": ib_match.id, "eva_match": eva_match.id,
               "draft": draft}
    assert desktop.sync() == []
    assert laptop.sync() == []
    before = everything(seen(laptop.store))
    assert set(ids.values()) - {ids["contact"]} <= before  # the probe sees what is there

    with desktop.store.write() as s:
        services.delete_employer(s, ids["bakery"])  # with its contact, visit and vacancy
        services.delete_vacancy(s, ids["spare"])
        services.delete_citizen(s, ids["ib"])       # with Ib's match
        A.delete_draft(s, ids["draft"])
    assert desktop.sync() == []
    with desktop.store.read() as s:
        assert s.scalars(select(SyncConflict)).all() == []

    deleted = [ids[k] for k in ("bakery", "spare", "ib", "draft")]
    on_service = service_records(server, deleted)
    assert all(on_service[i][0] for i in deleted), on_service

    assert laptop.sync() == []
    gone = {ids[k] for k in ("bakery", "contact", "visit", "baker", "spare", "ib", "ib_match",
                             "draft")}
    for device in (desktop, laptop):
        view = seen(device.store)
        shown = {where: sorted(view[where] & gone) for where in view if view[where] & gone}
        assert shown == {}, shown
        assert {ids["stock"], ids["picker"], ids["eva"], ids["eva_match"]} <= everything(view)
    assert seen(desktop.store) == seen(laptop.store)


def test_a_delete_racing_an_edit_wins_and_the_edit_is_kept_as_a_conflict(server,
                                                                          tmp_path):
    desktop, laptop = two_devices(server, tmp_path)
    with desktop.store.write() as s:
        employer = services.create_employer(s, {"cvr": "10000009", "name": "Bageriet ApS"})
        vacancy = services.create_vacancy(s, employer.id, {"title": "Bagermedhjælper"})
        other = services.create_vacancy(s, employer.id, {"title": "Ekspedient"})
    assert desktop.sync() == [] and laptop.sync() == []

    # Both offline: the desktop deletes, the laptop edits; the delete reaches the service first.
    with desktop.store.write() as s:
        services.delete_vacancy(s, vacancy.id)
    with laptop.store.write() as s:
        services.update_vacancy(s, vacancy.id, {"description": "Ring efter kl. 10"})
    assert desktop.sync() == []
    assert laptop.sync() == []
    with laptop.store.read() as s:
        [kept] = list_conflicts(s)
        assert queries.vacancy_detail(s, vacancy.id) is None
    assert (kept.entity_id, kept.field, kept.winner, kept.policy) == \
        (vacancy.id, protocol.DELETED_FIELD, "server", protocol.DELETE_WINS)
    assert kept.client_value["description"] == "Ring efter kl. 10"

    # The other order: the edit reaches the service first, the delete comes after it.
    with laptop.store.write() as s:
        services.update_vacancy(s, other.id, {"description": "Kun formiddage"})
    with desktop.store.write() as s:
        services.delete_vacancy(s, other.id)
    assert laptop.sync() == []
    assert desktop.sync() == []
    assert laptop.sync() == []
    with desktop.store.read() as s:
        [overwritten] = [c for c in list_conflicts(s) if c.entity_id == other.id]
    assert (overwritten.field, overwritten.server_value, overwritten.winner,
            overwritten.policy) == ("description", "Kun formiddage", "client", protocol.DELETE_WINS)
    assert service_records(server, [vacancy.id, other.id]) == {
        vacancy.id: (True, 2), other.id: (True, 3)}
    for device in (desktop, laptop):
        with device.store.read() as s:
            assert set(queries.list_ids(s, "vacancy")) == set()


@pytest.mark.parametrize("wire", [
    {"op": "update", "values": {"deleted": True}},
    {"op": "create", "values": {"name": "X", "cvr": "10000009", "deleted": True}},
])
def test_the_tombstone_as_a_field_value_is_refused_naming_the_one_delete_shape(wire):
    """A delete has one shape on the wire (``op: "delete"``, no values); ``deleted`` is never
    a field, so an old client that sends it learns so in words instead of half-applying."""
    from sync.server.entities import check_values
    message = check_values("employer", wire["values"])
    message = message and message.render()
    assert message is not None and "deleted" in message and "slet" in message.lower()


def test_the_client_sends_a_delete_in_the_one_shape(tmp_path):
    """What the engine builds from the outbox for a delete, and for a record created and
    deleted before it was ever pushed."""
    from consultant_app.store.models import OutboxEntry
    from sync.client.engine import _operations
    store = Store.create(tmp_path / "p", PASSPHRASE, consultant="Karen Holm", kdf_n=FAST_KDF)
    with store.write() as s:
        kept = services.create_employer(s, {"cvr": "10000009", "name": "Bageriet ApS"})
        brief = services.create_employer(s, {"cvr": "25313763", "name": "Lager A/S"})
    with store.write() as s:
        services.delete_employer(s, kept.id)
        services.delete_employer(s, brief.id)
    with store.read() as s:
        entries = s.scalars(select(OutboxEntry).order_by(OutboxEntry.seq)).all()
        operations, _ = _operations(s, entries)
    shapes = [(o.entity_id == kept.id, o.op, "deleted" in o.values) for o in operations]
    assert shapes == [(True, "create", False), (False, "create", False),
                      (True, "delete", False), (False, "delete", False)]
    assert all(o.values == {} for o in operations if o.op == "delete")
    store.close()
