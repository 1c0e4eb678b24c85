"""The sync engine's local parts on real profiles: applying pulled pages, building push
operations from the outbox, conflicts and their resolution, the token's keeping, the wipe.
The parts that talk to a service are tested against a real one in tests/integration."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import func, select, text

from consultant_app.search import search
from consultant_app.services.employers import create_employer, update_employer
from consultant_app.store import Store
from consultant_app.store.models import (
    Citizen,
    Employer,
    Match,
    OutboxEntry,
    ProfileMeta,
    SyncConflict,
    SyncParked,
    SyncQuarantine,
    SyncRun,
    Vacancy,
)
from sync import protocol
from sync.client import credentials, runner
from sync.client.apply import apply_page
from sync.client.conflicts import list_conflicts, resolve_conflict, waiting_items
from sync.client.engine import _operations, _record_result
from sync.client.errors import error_of_run
from sync.client.wipe import wipe_personal_data
from tests.support.profiles import FAST_KDF, PASSPHRASE
from ui.cli import translator

NOW = dt.datetime(2026, 11, 20, 10, 0, tzinfo=dt.timezone.utc)


def employer_change(seq: int, ident: str, version: int, **values) -> protocol.Change:
    base = {"cvr": "25313763", "p_number": None, "name": "Århus Lager ApS", "address": "",
            "postcode": "8000", "town": "Aarhus C", "industry": "", "phone": "", "email": "",
            "ordinary_employees": 12.0, "employees_as_of": "2026-04-01",
            "subsidised_persons": 0, "notes": ""}
    base.update(values)
    return protocol.Change(seq=seq, entity="employer", entity_id=ident, version=version,
                           values=base, modified_at=NOW)


def citizen_change(seq: int, ident: str, version: int = 1, **values) -> protocol.Change:
    base = {"name": "Søren Æbelø", "cpr": "010190-1234", "target_group": "dagpenge",
            "skills": ["lager", "køkken"], "wished_occupations": [], "restrictions": [],
            "languages": ["dansk"], "postcode": "8200", "assigned_consultant": "Test Konsulent",
            "notes": "fortrolig note", "unemployed_since": "2025-01-02"}
    base.update(values)
    return protocol.Change(seq=seq, entity="citizen", entity_id=ident, version=version,
                           values=base, modified_at=NOW)


def test_a_pulled_page_is_applied_without_being_journalled_and_is_searchable(store):
    with store.write(journal=False) as s:
        result = apply_page(s, [employer_change(1, "e1", 1), citizen_change(2, "c1")])
    assert result.inserted == 2
    with store.read() as s:
        assert s.scalar(select(func.count()).select_from(OutboxEntry)) == 0
        employer = s.get(Employer, "e1")
        citizen = s.get(Citizen, "c1")
        assert employer.employees_as_of == dt.date(2026, 4, 1)
        assert employer.modified_at == NOW.replace(tzinfo=None)
        assert citizen.cpr == "010190-1234" and citizen.skills == ["lager", "køkken"]
        assert citizen.cpr_index == store.cipher.blind_index("010190-1234")
        assert [h.id for h in search(s, "æbelø")] == ["c1"]
    # CPR and notes are ciphertext on disk.
    with store.read_engine.connect() as conn:
        raw = conn.exec_driver_sql("SELECT cpr, notes FROM citizen").one()
    assert b"010190" not in raw[0] and b"fortrolig" not in raw[1]


def test_a_large_page_is_indexed_for_search_in_one_pass(store):
    changes = [employer_change(i, f"e{i}", 1, name=f"Firma {i} Køkken") for i in range(1, 301)]
    with store.write(journal=False) as s:
        assert apply_page(s, changes).inserted == 300
    with store.read() as s:
        assert len(search(s, "koekken", limit=1000)) == 300


def test_the_same_page_twice_changes_nothing_the_second_time(store):
    page = [employer_change(1, "e1", 2, name="Ny")]
    for expected in (1, 0):
        with store.write(journal=False) as s:
            assert apply_page(s, page).applied == expected


def test_a_field_with_a_waiting_local_change_keeps_the_local_value(store):
    with store.write(journal=False) as s:
        apply_page(s, [employer_change(1, "e1", 1)])
    with store.write() as s:
        update_employer(s, "e1", {"phone": "86123456"})
    with store.write(journal=False) as s:
        result = apply_page(s, [employer_change(2, "e1", 2, phone="70101010", name="Nyt navn")])
    assert result.kept_local == {("employer", "e1"): ["phone"]}
    with store.read() as s:
        e = s.get(Employer, "e1")
        assert (e.phone, e.name, e.version) == ("86123456", "Nyt navn", 2)


def test_a_tombstone_deletes_softly_and_an_unknown_one_is_kept_to_hold_its_children(store):
    with store.write(journal=False) as s:
        apply_page(s, [employer_change(1, "e1", 1)])
    tombstone = {"deleted": True, "modified_at": NOW.isoformat()}
    with store.write(journal=False) as s:
        dead = employer_change(2, "e1", 2)
        dead.deleted = True
        result = apply_page(s, [
            dead,
            # never held here: kept as a deleted row, with the parent it names ...
            {**tombstone, "seq": 3, "entity": "employer", "entity_id": "e9", "version": 2,
             "values": {}},
            {**tombstone, "seq": 4, "entity": "vacancy", "entity_id": "v9", "version": 3,
             "values": {"employer_id": "e9"}},
            # ... so what still hangs off it comes in (a match of the deleted vacancy)
            citizen_change(5, "c1"),
            {"seq": 6, "entity": "match", "entity_id": "m1", "version": 1, "deleted": False,
             "modified_at": NOW.isoformat(),
             "values": {"vacancy_id": "v9", "citizen_id": "c1", "status": "proposed"}},
            # an older service's tombstone without the parent a row needs: skipped
            {**tombstone, "seq": 7, "entity": "vacancy", "entity_id": "v8", "version": 2,
             "values": {}},
        ])
    assert (result.updated, result.inserted, result.skipped, result.parked) == (1, 4, 1, 0)
    with store.read() as s:
        assert s.get(Employer, "e1").deleted is True
        assert s.get(Employer, "e9").deleted is True
        vacancy = s.get(Vacancy, "v9")
        assert (vacancy.deleted, vacancy.employer_id, vacancy.version) == (True, "e9", 3)
        assert s.get(Match, "m1").deleted is False
        assert s.get(Vacancy, "v8") is None
        assert s.scalar(select(func.count()).select_from(SyncQuarantine)) == 0


def test_push_operations_carry_current_values_and_one_op_per_outbox_entry(store):
    with store.write() as s:
        e = create_employer(s, {"cvr": "25313763", "name": "Lager A/S"})
    with store.write() as s:
        update_employer(s, e.id, {"notes": "første"})
    with store.write() as s:
        update_employer(s, e.id, {"notes": "anden"})
    with store.read() as s:
        entries = s.scalars(select(OutboxEntry).order_by(OutboxEntry.seq)).all()
        ops, orphans = _operations(s, entries)
    assert orphans == []
    assert [o.op for o in ops] == ["create", "update", "update"]
    assert len({o.op_id for o in ops}) == 3
    assert ops[0].values["name"] == "Lager A/S" and "cpr_index" not in ops[0].values
    assert ops[1].values == {"notes": "anden"} == ops[2].values  # read at push time


def test_a_reported_conflict_is_kept_with_both_values_and_can_be_chosen(store):
    with store.write(journal=False) as s:
        apply_page(s, [employer_change(1, "e1", 1, notes="server-note")])
    with store.write() as s:
        update_employer(s, "e1", {"notes": "min note"})
    with store.write(journal=False) as s:
        entry = s.scalars(select(OutboxEntry)).one()
        result = protocol.OperationResult(
            op_id=entry.op_id, status="conflict", entity="employer", entity_id="e1", version=3,
            conflicts=[protocol.FieldConflict(field="notes", server_value="server-note",
                                              client_value="min note", winner="client",
                                              policy=protocol.LAST_WRITER_WINS)])
        assert _record_result(s, entry, result, {}) == 1
        s.delete(entry)
    with store.read() as s:
        [c] = list_conflicts(s)
    assert (c.field, c.server_value, c.client_value, c.winner, c.record_label) == (
        "notes", "server-note", "min note", "client", "Århus Lager ApS")
    with store.read_engine.connect() as conn:
        assert b"server-note" not in conn.exec_driver_sql(
            "SELECT server_value FROM sync_conflict").scalar()

    with store.write() as s:  # the consultant takes the other value back
        resolve_conflict(s, c.id, "server")
    with store.read() as s:
        assert s.get(Employer, "e1").notes == "server-note"
        assert list_conflicts(s) == []
        assert list_conflicts(s, include_resolved=True)[0].chosen == "server"
        [entry] = s.scalars(select(OutboxEntry)).all()  # journalled like any edit
        assert entry.fields == ["notes"] and entry.entity_id == "e1"
        assert waiting_items(s)[0].record_label == "Århus Lager ApS"


def test_waiting_items_name_each_record_by_its_name_or_title(store):
    from consultant_app import services
    with store.write() as s:
        bakery = services.create_employer(s, {"cvr": "10000009", "name": "Bageriet ApS"})
        services.create_employer(s, {"cvr": "25313763", "name": "Lageret A/S"})
        services.create_vacancy(s, bakery.id, {"title": "Bagermedhjælper"})
        visit = services.log_visit(s, bakery.id, {"visit_date": "2026-11-23"})
    with store.read() as s:
        labels = [(w.entity, w.record_label) for w in waiting_items(s)]
    assert labels == [("employer", "Bageriet ApS"), ("employer", "Lageret A/S"),
                      ("vacancy", "Bagermedhjælper"), ("visit", visit.id)]


def test_the_token_is_kept_encrypted_in_the_profile_without_a_keyring(store):
    with store.write(journal=False) as s:
        where = credentials.save_token(store, s, "secret-token-123", use_keyring=False)
        s.merge(ProfileMeta(key=credentials.SERVER_URL, value="http://127.0.0.1:1"))
    assert where == credentials.PROFILE
    assert credentials.load(store).token == "secret-token-123"
    assert "secret-token-123" not in store.meta(credentials.TOKEN)
    with store.write(journal=False) as s:
        credentials.forget(store, s)
    assert credentials.load(store) is None


def test_wiping_a_revoked_device_leaves_nothing_that_identifies_a_citizen(demo_store):
    store = demo_store
    with store.write(journal=False) as s:
        s.add(SyncConflict(entity="citizen", entity_id="x", field="name",
                           server_value=json.dumps("A"), client_value=json.dumps("B"),
                           winner="server"))
        credentials.save_token(store, s, "tok", use_keyring=False)
        s.merge(ProfileMeta(key=credentials.SERVER_URL, value="http://127.0.0.1:1"))
    with store.read() as s:
        name = s.scalars(select(Citizen.name)).first()
        employers = s.scalar(select(func.count()).select_from(Employer))
    wipe_personal_data(store, reason="spærret")
    with store.read() as s:
        for table in ("citizen", "match", "match_event", "placement_agreement",
                      "agreement_signature", "agreement_document", "sync_conflict",
                      "access_log"):
            assert s.execute(text(f"SELECT count(*) FROM {table}")).scalar() == 0, table
        assert s.execute(text("SELECT count(*) FROM outbox WHERE entity = 'citizen'")).scalar() == 0
        assert search(s, name.split()[0], kinds=("citizen",)) == []
        assert s.scalar(select(func.count()).select_from(Employer)) == employers
    assert credentials.load(store) is None
    assert runner.read_status(store).error_kind == "revoked"
    assert name.encode() not in store.path.read_bytes()


@pytest.mark.parametrize("failures,cap", [(1, 2.0), (3, 8.0), (20, runner.BACKOFF_MAX)])
def test_backoff_grows_exponentially_with_jitter_up_to_a_cap(failures, cap):
    delays = {runner.backoff_delay(failures) for _ in range(50)}
    assert all(cap / 2 <= d <= cap for d in delays)
    assert len(delays) > 1


def test_the_runner_reports_an_unreachable_service_in_danish_and_stops_cleanly(store,
                                                                               monkeypatch):
    import socket
    import threading

    from sync.client import SyncEngine, SyncRunner

    with socket.create_server(("127.0.0.1", 0)) as s:  # a port with nobody listening
        port = s.getsockname()[1]
    with store.write(journal=False) as s:
        credentials.save_token(store, s, "tok", use_keyring=False)
        s.merge(ProfileMeta(key=credentials.SERVER_URL, value=f"http://127.0.0.1:{port}"))
    seen = []
    failed = threading.Event()
    # After the failure the loop waits an hour to retry: only a stop that wakes it ends it
    # (stop gives the loop 15 s, then leaves it running).
    monkeypatch.setattr(runner, "backoff_delay", lambda failures: 3600.0)
    r = SyncRunner(SyncEngine(store), interval=60, probe_interval=3600)

    def listen(status):
        seen.append(status)
        if status.error_kind == "unreachable":
            failed.set()
    r.subscribe(listen)
    r.start()
    assert failed.wait(10)
    status = r.status
    assert status.online is False and status.enrolled and not status.running
    assert str(status.last_error).startswith("Den centrale tjeneste svarer ikke lige nu.")
    assert status.server_url == f"http://127.0.0.1:{port}"  # for the tooltip, not the text
    r.stop()
    assert not r.running
    with store.read() as s:
        runs = s.scalars(select(SyncRun)).all()
    assert runs and not runs[0].ok
    # The history keeps the message itself, shown in the reader's language, not its words.
    kept = error_of_run(runs[0].error)
    assert kept is not None and str(kept).startswith("Den centrale tjeneste svarer ikke")
    english = translator("en")
    assert english is not None
    assert kept.render(english).startswith("The central service is not answering right now.")
    assert any(st.running for st in seen)


def vacancy_change(seq: int, ident: str, employer_id: str) -> protocol.Change:
    return protocol.Change(seq=seq, entity="vacancy", entity_id=ident, version=1,
                           values={"employer_id": employer_id, "title": "Lagermedarbejder",
                                   "skills": ["lager"]}, modified_at=NOW)


def test_a_record_whose_parent_comes_in_a_later_page_waits_for_it(store):
    with store.write(journal=False) as s:
        result = apply_page(s, [vacancy_change(5, "v1", "e1")])
    assert (result.inserted, result.parked) == (0, 1)
    with store.write(journal=False) as s:
        result = apply_page(s, [employer_change(6, "e1", 2)])
    assert result.inserted == 2 and result.parked == 0
    with store.read() as s:
        assert s.get(Vacancy, "v1").employer_id == "e1"
        assert s.scalar(select(func.count()).select_from(SyncParked)) == 0


def _lost_edit(store, entity: str, ident: str, values: dict) -> str:
    """The answer to an edit that came after the record's delete (protocol, DELETE_WINS)."""
    with store.write(journal=False) as s:
        conflict = SyncConflict(entity=entity, entity_id=ident, field=protocol.DELETED_FIELD,
                                server_value=json.dumps(True), client_value=json.dumps(values),
                                winner="server", policy=protocol.DELETE_WINS)
        s.add(conflict)
        s.flush()
        return conflict.id


def test_a_lost_delete_race_is_not_undone_by_keep_mine_but_made_anew(store):
    from consultant_app.errors import UserError
    from sync.client.conflicts import DeleteIsFinal, recreate_record

    with store.write(journal=False) as s:
        apply_page(s, [employer_change(1, "e1", 1, notes="gammel note")])
    with store.write() as s:
        update_employer(s, "e1", {"name": "Lager Nord ApS"})
    with store.write(journal=False) as s:
        s.query(OutboxEntry).delete()  # pushed: the service answered that a delete won
        apply_page(s, [protocol.Change(seq=2, entity="employer", entity_id="e1", version=2,
                                       deleted=True, modified_at=NOW)])
    conflict_id = _lost_edit(store, "employer", "e1", {"name": "Lager Nord ApS"})
    with store.read() as s:
        [view] = list_conflicts(s)
    assert view.lost_to_delete

    with pytest.raises(DeleteIsFinal), store.write() as s:  # "keep mine" is not offered
        resolve_conflict(s, conflict_id, "client")
    with store.write() as s:
        new_id = recreate_record(s, conflict_id)
    with store.read() as s:
        fresh = s.get(Employer, new_id)
        assert new_id != "e1" and not fresh.deleted
        assert (fresh.name, fresh.cvr, fresh.notes) == ("Lager Nord ApS", "25313763",
                                                        "gammel note")
        assert s.get(Employer, "e1").deleted  # the tombstone stays
        [entry] = s.scalars(select(OutboxEntry)).all()
        assert (entry.entity, entry.entity_id, entry.op) == ("employer", new_id, "create")
        assert list_conflicts(s) == []  # closed, the delete kept

    # A record whose parent is deleted too cannot come back alone.
    with store.write() as s:
        from consultant_app.services import create_vacancy
        vacancy = create_vacancy(s, new_id, {"title": "Lagerarbejder"})
        vacancy.deleted = True
        s.get(Employer, new_id).deleted = True
    conflict_id = _lost_edit(store, "vacancy", vacancy.id, {"title": "Truckfører"})
    with pytest.raises(UserError, match="hørte til en post, der også er slettet"), \
            store.write() as s:
        recreate_record(s, conflict_id)


def test_the_command_line_offers_making_a_deleted_record_anew_not_keep_mine(tmp_path, capsys):
    from consultant_app.cli import main

    store = Store.create(tmp_path / "p", PASSPHRASE, consultant="Test Konsulent",
                         kdf_n=FAST_KDF)
    with store.write(journal=False) as s:
        apply_page(s, [employer_change(1, "e1", 1),
                       protocol.Change(seq=2, entity="employer", entity_id="e1", version=2,
                                       deleted=True, modified_at=NOW)])
    conflict_id = _lost_edit(store, "employer", "e1", {"name": "Lager Nord ApS"})
    store.close()

    def cli(*args: str) -> tuple[int, str]:
        code = main(["--profile", str(tmp_path / "p"), "--passphrase", PASSPHRASE, *args])
        out = capsys.readouterr()
        assert "Traceback" not in out.out + out.err
        return code, out.out + out.err

    code, out = cli("conflicts", "list")
    assert f"consultant-app conflicts recreate {conflict_id}" in out
    assert "– (sletning)" in out and "Din ændring:      Navn: Lager Nord ApS" in out
    code, out = cli("conflicts", "resolve", conflict_id, "client")
    assert code != 0 and "en sletning kan ikke gøres om" in out
    code, out = cli("conflicts", "recreate", conflict_id)
    assert code == 0 and "Posten er oprettet igen som en ny post" in out
    new_id = out.split(": ")[1].split(".")[0]
    assert "Lager Nord ApS" in cli("employer", "show", new_id)[1]
