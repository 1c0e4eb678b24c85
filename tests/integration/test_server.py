"""The central service as a real process on loopback (SQLite and PostgreSQL), spoken to with
httpx: enrollment, push/pull, repeated operations, merge and conflicts, scope, revocation,
restarts."""

from __future__ import annotations

import base64
import json
import uuid
from typing import Any

import httpx
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import create_engine, text

from tests.support.server_process import DEMO_CODE, ServerProcess


class Device:
    """A minimal device: an Ed25519 key, a token, push and pull."""

    def __init__(self, proc: ServerProcess, code: str, name: str = "laptop"):
        self.key = Ed25519PrivateKey.generate()
        raw = self.key.public_key().public_bytes(serialization.Encoding.Raw,
                                                 serialization.PublicFormat.Raw)
        self.http = httpx.Client(base_url=proc.api, timeout=30)
        r = self.http.post("/enroll", json={"enrollment_code": code, "device_name": name,
                                            "public_key": base64.b64encode(raw).decode()})
        assert r.status_code == 200, r.text
        self.enrollment = r.json()
        self.http.headers["Authorization"] = f"Bearer {self.enrollment['token']}"
        self.cursor = 0

    def push(self, *ops: dict[str, Any]) -> list[dict[str, Any]]:
        r = self.http.post("/push", json={"operations": list(ops)})
        assert r.status_code == 200, r.text
        return r.json()["results"]

    def pull_all(self, limit: int = 1000) -> list[dict[str, Any]]:
        changes: list[dict[str, Any]] = []
        while True:
            r = self.http.get("/pull", params={"cursor": self.cursor, "limit": limit})
            assert r.status_code == 200, r.text
            page = r.json()
            changes.extend(page["changes"])
            self.cursor = page["next_cursor"]
            if not page["more"]:
                return changes


def op(entity_: str, entity_id_: str, kind_: str = "create", base_: int = 0,
       **values: Any) -> dict[str, Any]:
    return {"op_id": str(uuid.uuid4()), "entity": entity_, "entity_id": entity_id_,
            "op": kind_, "base_version": base_, "values": values}


def new_id() -> str:
    return str(uuid.uuid4())


def stored(proc: ServerProcess, sql: str, **params: Any) -> list[Any]:
    """Rows straight from the service's database (what it really stored)."""
    engine = create_engine(proc.database_url)
    try:
        with engine.connect() as conn:
            return list(conn.execute(text(sql), params))
    finally:
        engine.dispose()


@pytest.fixture
def server(shared_server: ServerProcess) -> ServerProcess:
    return shared_server


def test_enrollment_issues_a_certificate_for_the_device_key(server):
    town = server.new_municipality("Aarhus")
    code = server.add_consultant(town, "Anna Jensen")
    device = Device(server, code)
    e = device.enrollment
    assert (e["consultant"], e["municipality_code"], e["municipality_name"]) == \
        ("Anna Jensen", town, "Aarhus")
    cert = x509.load_pem_x509_certificate(e["certificate_pem"].encode())
    ca = x509.load_pem_x509_certificate(e["ca_certificate_pem"].encode())
    raw = serialization.Encoding.Raw, serialization.PublicFormat.Raw
    assert cert.public_key().public_bytes(*raw) == device.key.public_key().public_bytes(*raw)
    cert.verify_directly_issued_by(ca)
    status = device.http.get("/device").json()
    assert status == {"device_id": e["device_id"], "status": "active",
                      "consultant": "Anna Jensen", "municipality_code": town}
    key = base64.b64encode(b"k" * 32).decode()
    used = httpx.post(f"{server.api}/enroll", json={"enrollment_code": code, "public_key": key})
    assert used.status_code == 403 and used.json()["detail"]["code"] == "invalid_code"
    fresh = server.add_consultant(town, "Bo Hansen")
    bad_key = httpx.post(f"{server.api}/enroll", json={"enrollment_code": fresh,
                                                       "public_key": "abc"})
    assert bad_key.status_code == 422 and "public_key" in bad_key.json()["detail"]["message"]
    # the code was not used up by the bad request
    assert httpx.post(f"{server.api}/enroll", json={"enrollment_code": fresh,
                                                    "public_key": key}).status_code == 200


def test_requests_without_a_valid_token_are_refused(server):
    for headers in ({}, {"Authorization": "Bearer not-a-token"}):
        r = httpx.get(f"{server.api}/pull", headers=headers)
        assert r.status_code == 401 and r.json()["detail"]["code"] == "unauthorized"


def test_push_pull_round_trip_and_repeated_operation_stored_once(server):
    town = server.new_municipality()
    a = Device(server, server.add_consultant(town, "Anna Jensen"))
    employer, vacancy = new_id(), new_id()
    create = op("employer", employer, cvr="12345678", name="Smedien ApS",
                employees_as_of="2026-01-31", ordinary_employees=12.5, notes="Ring før besøg")
    first = a.push(create, op("vacancy", vacancy, employer_id=employer, title="Smed",
                              skills=["svejsning", "TIG"], positions=2))
    assert [(r["status"], r["version"]) for r in first] == [("applied", 1), ("applied", 1)]
    assert a.push(create) == first[:1]  # the first answer again
    changes = a.pull_all()
    assert [(c["entity"], c["entity_id"], c["version"]) for c in changes] == \
        [("employer", employer, 1), ("vacancy", vacancy, 1)]
    assert changes[0]["values"]["employees_as_of"] == "2026-01-31"
    assert changes[1]["values"]["skills"] == ["svejsning", "TIG"]
    assert stored(server, "SELECT count(*) FROM applied_operation WHERE op_id = :o",
                  o=create["op_id"])[0][0] == 1
    assert a.pull_all() == []  # the cursor moved past everything
    b = Device(server, server.add_consultant(town, "Bo Hansen"))
    assert [c["entity_id"] for c in b.pull_all()] == [employer, vacancy]


def test_pull_pages_follow_the_cursor(server):
    town = server.new_municipality()
    a = Device(server, server.add_consultant(town, "Anna Jensen"))
    ids = [new_id() for _ in range(25)]
    # each its own company: the same CVR and P-number twice is one employer (natural_keys)
    a.push(*[op("employer", i, cvr=f"{10000000 + n}", name=f"Firma {n}")
             for n, i in enumerate(ids)])
    r = a.http.get("/pull", params={"cursor": 0, "limit": 10}).json()
    assert len(r["changes"]) == 10 and r["more"] is True
    assert r["next_cursor"] == r["changes"][-1]["seq"]
    assert [c["entity_id"] for c in a.pull_all(limit=10)] == ids
    assert a.http.get("/pull", params={"limit": 6000}).status_code == 422


def test_a_pull_asked_to_count_says_how_many_changes_follow_its_page(server):
    town = server.new_municipality()
    anna = Device(server, server.add_consultant(town, "Anna Jensen"))
    bo = Device(server, server.add_consultant(town, "Bo Hansen"))
    citizen = new_id()
    anna.push(op("citizen", citizen, name="Ib Madsen", assigned_consultant="Anna Jensen"))
    anna.push(*[op("employer", new_id(), cvr=f"{20000000 + n}", name=f"Firma {n}")
                for n in range(24)])
    # Bo sees the 24 employers, not Anna's citizen; Anna sees all 25.
    first = bo.http.get("/pull", params={"cursor": 0, "limit": 10, "count": "true"}).json()
    assert (len(first["changes"]), first["more"], first["remaining"]) == (10, True, 14)
    plain = bo.http.get("/pull", params={"cursor": 0, "limit": 10}).json()
    assert "remaining" not in plain and plain["changes"] == first["changes"]
    last = bo.http.get("/pull", params={"cursor": first["next_cursor"], "limit": 20,
                                        "count": "true"}).json()
    assert (len(last["changes"]), last["more"], last["remaining"]) == (14, False, 0)
    assert anna.http.get("/pull", params={"limit": 10, "count": "true"}).json()[
        "remaining"] == 15
    # A scope exit is a change Anna still has to pull, and is counted as one.
    server.admin("assign-citizen", citizen, "--consultant", "Bo Hansen",
                 "--municipality", town)
    assert anna.http.get("/pull", params={"limit": 10, "count": "true"}).json()[
        "remaining"] == 15
    assert anna.http.get("/pull", params={"limit": 24, "count": "true"}).json()[
        "remaining"] == 1


def test_different_fields_merge_and_the_same_field_keeps_the_overwritten_value(server):
    town = server.new_municipality()
    a = Device(server, server.add_consultant(town, "Anna Jensen"))
    b = Device(server, server.add_consultant(town, "Bo Hansen"))
    employer = new_id()
    a.push(op("employer", employer, cvr="12345678", name="Smedien", phone="", notes=""))
    b.pull_all()
    # both edit offline from version 1: different fields
    assert a.push(op("employer", employer, "update", 1, phone="86 12 34 56"))[0]["status"] \
        == "applied"
    merged = b.push(op("employer", employer, "update", 1, notes="Ønsker lærling"))[0]
    assert merged["status"] == "merged" and merged["version"] == 3 and not merged["conflicts"]
    # the same field: the latest push wins, the overwritten value comes back and is kept
    a.push(op("employer", employer, "update", 3, name="Smedien ApS"))
    lost = b.push(op("employer", employer, "update", 3, name="Smedien I/S"))[0]
    assert lost["status"] == "conflict"
    assert lost["conflicts"] == [{"field": "name", "server_value": "Smedien ApS",
                                  "client_value": "Smedien I/S", "winner": "client",
                                  "policy": "last_writer_wins"}]
    for device in (a, b):
        values = {c["entity_id"]: c for c in device.pull_all()}[employer]["values"]
        assert (values["name"], values["phone"], values["notes"]) == \
            ("Smedien I/S", "86 12 34 56", "Ønsker lærling")
    kept = stored(server, "SELECT field, server_value, client_value, winner FROM conflict "
                          "WHERE entity_id = :e", e=employer)
    decode = (lambda v: v) if server.is_postgres else json.loads
    assert [(k[0], decode(k[1]), decode(k[2]), k[3]) for k in kept] == \
        [("name", "Smedien ApS", "Smedien I/S", "client")]


def test_server_wins_fields_keep_the_stored_value(server):
    town = server.new_municipality()
    a = Device(server, server.add_consultant(town, "Anna Jensen"))
    b = Device(server, server.add_consultant(town, "Bo Hansen"))
    employer = new_id()
    a.push(op("employer", employer, cvr="12345678", name="Smedien"))
    a.push(op("employer", employer, "update", 1, cvr="87654321"))
    result = b.push(op("employer", employer, "update", 1, cvr="11111111", name="Smedien A/S"))[0]
    assert result["status"] == "conflict"
    assert [(c["field"], c["winner"], c["policy"], c["client_value"])
            for c in result["conflicts"]] == [("cvr", "server", "server_wins", "11111111")]
    values = b.pull_all()[-1]["values"]
    assert (values["cvr"], values["name"]) == ("87654321", "Smedien A/S")


def test_a_create_for_an_existing_id_is_an_update_from_version_zero(server):
    town = server.new_municipality()
    a = Device(server, server.add_consultant(town, "Anna Jensen"))
    employer = new_id()
    a.push(op("employer", employer, cvr="12345678", name="Smedien"))
    again = a.push(op("employer", employer, cvr="12345678", name="Smedien", town="Aarhus"))[0]
    assert again["status"] == "merged" and again["version"] == 2 and not again["conflicts"]


def test_delete_is_a_tombstone_and_wins_over_a_concurrent_edit(server):
    town = server.new_municipality()
    a = Device(server, server.add_consultant(town, "Anna Jensen"))
    employer = new_id()
    a.push(op("employer", employer, cvr="12345678", name="Smedien"))
    assert a.push(op("employer", employer, "delete", 1))[0]["version"] == 2
    late = a.push(op("employer", employer, "update", 1, name="Ny"))[0]
    assert late["status"] == "conflict" and late["conflicts"][0]["field"] == "deleted"
    change = a.pull_all()[-1]
    assert change["deleted"] is True and change["values"] == {} and change["version"] == 2


def test_bad_operations_are_rejected_in_danish_and_change_nothing(server):
    town = server.new_municipality()
    a = Device(server, server.add_consultant(town, "Anna Jensen"))
    results = a.push(op("unicorn", new_id()),
                     op("employer", new_id(), cvr=12345678, name="X"),
                     op("employer", new_id(), name="X", shoe_size=44),
                     op("employer", "bad id!", name="X"))
    assert [(r["status"], r["code"]) for r in results] == [
        ("rejected", "unknown_entity"), ("rejected", "invalid"), ("rejected", "invalid"),
        ("rejected", "invalid")]
    assert "cvr" in results[1]["message"] and "shoe_size" in results[2]["message"]
    assert a.pull_all() == []


def test_a_device_sees_and_changes_only_its_own_scope(server):
    aarhus, odense = server.new_municipality("Aarhus"), server.new_municipality("Odense")
    anna = Device(server, server.add_consultant(aarhus, "Anna Jensen"))
    bo = Device(server, server.add_consultant(aarhus, "Bo Hansen"))
    olga = Device(server, server.add_consultant(odense, "Olga Olsen"))
    employer, citizen, match = new_id(), new_id(), new_id()
    anna.push(op("employer", employer, cvr="12345678", name="Smedien"),
              op("citizen", citizen, name="Ib Madsen", cpr="0101901234", notes="Fortroligt"),
              op("match", match, citizen_id=citizen, status="proposed"),
              op("access_log", new_id(), actor="Anna Jensen", action="reveal_cpr",
                 entity="citizen", entity_id=citizen))
    # another municipality: sees nothing, changes nothing
    assert olga.pull_all() == []
    refused = olga.push(op("employer", employer, "update", 1, name="Overtaget"),
                        op("citizen", citizen, "update", 1, notes="læst"),
                        op("match_event", new_id(), match_id=match, to_status="hired"),
                        op("vacancy", new_id(), employer_id=employer, title="Smed"))
    assert [r["code"] for r in refused] == ["out_of_scope"] * 4
    assert all(r["message"] for r in refused)
    # the same municipality, another consultant: the employer, not Anna's citizens or log
    assert [c["entity"] for c in bo.pull_all()] == ["employer"]
    assert bo.push(op("citizen", citizen, "update", 1, notes="x"))[0]["code"] == "out_of_scope"
    assert {c["entity"] for c in anna.pull_all()} == {"employer", "citizen", "match",
                                                      "access_log"}
    values = stored(server, "SELECT values_json, version FROM record WHERE id = :i",
                    i=employer)[0]
    assert json.loads(values[0])["name"] == "Smedien" and values[1] == 1


def test_a_revoked_device_gets_410_on_every_call(server):
    town = server.new_municipality()
    a = Device(server, server.add_consultant(town, "Anna Jensen"))
    a.push(op("employer", new_id(), cvr="12345678", name="Smedien"))
    server.admin("revoke-device", a.enrollment["device_id"])
    for response in (a.http.get("/pull"), a.http.get("/device"),
                     a.http.post("/push", json={"operations": []})):
        assert response.status_code == 410
        assert response.json()["detail"]["code"] == "device_revoked"


def test_signed_agreements_cannot_change_under_the_same_revision(server):
    town = server.new_municipality()
    a = Device(server, server.add_consultant(town, "Anna Jensen"))
    agreement = new_id()
    a.push(op("placement_agreement", agreement, agreement_type="virksomhedspraktik",
              status="signed", revision=1, content='{"fields": {"a": 1}}', content_hash="h1"))
    same = a.push(op("placement_agreement", agreement, "update", 1, status="sealed",
                     content='{"fields": {"a": 1}}', content_hash="h1"))[0]
    assert same["status"] == "applied"
    changed = a.push(op("placement_agreement", agreement, "update", 2,
                        content='{"fields": {"a": 2}}', content_hash="h2"))[0]
    assert (changed["status"], changed["code"]) == ("rejected", "immutable")
    deleted = a.push(op("placement_agreement", agreement, "delete", 2))[0]
    assert deleted["code"] == "immutable"
    # Sealed is final (forms.lifecycle): a change is a new agreement, not a new revision.
    revised = a.push(op("placement_agreement", agreement, "update", 2, revision=2,
                        status="draft", content='{"fields": {"a": 2}}', content_hash=""))[0]
    assert (revised["status"], revised["code"]) == ("rejected", "immutable")
    # A signed (not sealed) agreement changes as a new revision.
    other = new_id()
    a.push(op("placement_agreement", other, agreement_type="virksomhedspraktik",
              status="signed", revision=1, content='{"fields": {"a": 1}}', content_hash="h1"))
    revised = a.push(op("placement_agreement", other, "update", 1, revision=2,
                        status="draft", content='{"fields": {"a": 2}}', content_hash=""))[0]
    assert revised["status"] == "applied" and revised["version"] == 2


@pytest.mark.slow
def test_everything_survives_a_server_restart_between_push_and_pull(server):
    town = server.new_municipality()
    a = Device(server, server.add_consultant(town, "Anna Jensen"))
    ids = [new_id() for _ in range(30)]
    create = op("employer", ids[0], cvr="10000000", name="Firma 0")
    a.push(create, *[op("employer", i, cvr=f"{10000000 + n}", name=f"Firma {n}")
                     for n, i in enumerate(ids[1:], 1)])
    server.restart(kill=True)
    assert a.push(create)[0]["version"] == 1  # the applied operation survived too
    assert [c["entity_id"] for c in a.pull_all()] == ids


def test_assigning_a_citizen_moves_it_and_its_records_to_the_new_consultant(server):
    town = server.new_municipality()
    anna = Device(server, server.add_consultant(town, "Anna Jensen"))
    bo = Device(server, server.add_consultant(town, "Bo Hansen"))
    citizen, match = new_id(), new_id()
    anna.push(op("citizen", citizen, name="Ib Madsen", assigned_consultant="Anna Jensen"),
              op("match", match, citizen_id=citizen))
    assert bo.pull_all() == []
    server.admin("assign-citizen", citizen, "--consultant", "Bo Hansen",
                 "--municipality", town)
    moved = {c["entity"]: c for c in bo.pull_all()}
    assert set(moved) == {"citizen", "match"}
    assert moved["citizen"]["values"]["assigned_consultant"] == "Bo Hansen"
    assert anna.push(op("citizen", citizen, "update", 1, notes="x"))[0]["code"] == \
        "out_of_scope"


def test_demo_server_enrolls_with_the_fixed_code(tmp_path):
    with ServerProcess.demo(tmp_path) as demo:
        first, second = Device(demo, DEMO_CODE), Device(demo, DEMO_CODE.lower())
        assert first.enrollment["consultant"] == "Demo Konsulent"
        assert first.enrollment["municipality_code"] == "0751"
        assert first.enrollment["municipality_name"] == "Aarhus"
        assert first.enrollment["device_id"] != second.enrollment["device_id"]
        assert demo.base_url and httpx.get(f"{demo.base_url}/docs").status_code == 200


def test_csv_imports_reach_the_devices_in_scope_and_reimports_update(server, tmp_path):
    town = server.new_municipality()
    anna = Device(server, server.add_consultant(town, "Anna Jensen"))
    employers = tmp_path / "virksomheder.csv"
    employers.write_bytes("cvr;p_number;name;postcode;ordinary_employees\n"
                          "12345674;;Smedien ApS;8000;12,5\n"
                          "87654303;;Bageriet;8200;3\n".encode("utf-8-sig"))
    vacancies = tmp_path / "stillinger.csv"
    vacancies.write_text("employer_cvr;title;skills;start_date\n"
                         "12345674;Smed;svejsning|TIG;1-3-2027\n", encoding="cp1252")
    citizens = tmp_path / "borgere.csv"
    citizens.write_text("name;cpr;target_group;skills\n"
                        "Ib Madsen;010190-1234;dagpenge;lager\n", encoding="utf-8")
    out = server.admin("import", "employers", str(employers), "--municipality", town)
    assert "2 virksomheder oprettet" in out
    server.admin("import", "vacancies", str(vacancies), "--municipality", town)
    server.admin("import", "citizens", str(citizens), "--municipality", town,
                 "--consultant", "Anna Jensen")
    changes = anna.pull_all()
    by_entity: dict[str, list[dict[str, Any]]] = {}
    for change in changes:
        by_entity.setdefault(change["entity"], []).append(change["values"])
    assert sorted(v["name"] for v in by_entity["employer"]) == ["Bageriet", "Smedien ApS"]
    smedien = next(v for v in by_entity["employer"] if v["cvr"] == "12345674")
    assert smedien["ordinary_employees"] == 12.5 and smedien["town"] == "Aarhus C"
    assert by_entity["vacancy"][0]["start_date"] == "2027-03-01"
    assert by_entity["vacancy"][0]["skills"] == ["svejsning", "TIG"]
    ib = by_entity["citizen"][0]
    assert (ib["cpr"], ib["assigned_consultant"]) == ("010190-1234", "Anna Jensen")
    # another consultant does not get the citizen
    bo = Device(server, server.add_consultant(town, "Bo Hansen"))
    assert "citizen" not in {c["entity"] for c in bo.pull_all()}
    # re-import: an update, not a duplicate
    employers.write_text("cvr;name;ordinary_employees\n12345674;Smedien ApS;14\n")
    assert "0 virksomheder oprettet, 1 opdateret" in server.admin(
        "import", "employers", str(employers), "--municipality", town)
    again = anna.pull_all()
    assert [(c["entity"], c["version"], c["values"]["ordinary_employees"]) for c in again] == \
        [("employer", 2, 14)]


def test_a_bad_csv_line_is_named_and_nothing_is_imported(server, tmp_path):
    town = server.new_municipality()
    anna = Device(server, server.add_consultant(town, "Anna Jensen"))
    path = tmp_path / "virksomheder.csv"
    path.write_text("cvr;name\n12345674;Smedien\n1234;Bageriet\n", encoding="utf-8")
    with pytest.raises(RuntimeError) as failure:
        server.admin("import", "employers", str(path), "--municipality", town)
    assert "Linje 3, kolonne cvr" in str(failure.value)
    assert anna.pull_all() == []
    assert "1 virksomheder oprettet" in server.admin(
        "import", "employers", str(path), "--municipality", town, "--keep-good")
