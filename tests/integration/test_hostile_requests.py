"""Requests an outsider or an enrolled but malicious device could send, against a real
``consultant-server`` process (SQLite and PostgreSQL): text no database can keep (a NUL
character, a lone UTF-16 surrogate) anywhere in a body or a path, numbers past the 64-bit
range in a query, and rewrites of what a signed agreement's signatures and documents say.
Each is a 4xx (or a rejected operation) in the protocol's error shape with a Danish message
naming the field: never a 500, and a sealed agreement's records never change."""

from __future__ import annotations

import base64
import json
import uuid

import httpx
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from tests.support.devices import http_device
from tests.support.refusals import refusal
from tests.support.server_process import ServerProcess


def _public_key() -> str:
    raw = Ed25519PrivateKey.generate().public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return base64.b64encode(raw).decode("ascii")


@pytest.fixture
def device(shared_server: ServerProcess) -> dict[str, str]:
    municipality = shared_server.new_municipality()
    return http_device(shared_server, shared_server.add_consultant(municipality, "Karen Holm"))


def _id(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:12]}"


def _op(entity: str, entity_id: str, values: dict, op: str = "create", base: int = 0) -> dict:
    return {"op_id": _id("op"), "entity": entity, "entity_id": entity_id, "op": op,
            "base_version": base, "values": values}


def _refusal(response: httpx.Response) -> dict[str, str]:
    assert 400 <= response.status_code < 500, (response.status_code, response.text)
    return refusal(response)


def _push(server: ServerProcess, headers: dict[str, str], *ops: dict) -> httpx.Response:
    return httpx.post(f"{server.api}/push", headers=headers, json={"operations": list(ops)})


def _results(response: httpx.Response) -> list[tuple[str, str]]:
    assert response.status_code == 200, response.text
    return [(r["status"], r["code"]) for r in response.json()["results"]]


NUL, SURROGATE = "<NUL>", "<SURROGATE>"


def _raw_push(server: ServerProcess, headers: dict[str, str], *ops: dict) -> httpx.Response:
    """A push whose JSON has ``\\u0000`` for NUL and a lone ``\\ud800`` for SURROGATE: what a
    hand-written body can hold (a JSON encoder of Python text would not write the second)."""
    text = json.dumps({"operations": list(ops)}).replace(NUL, "\\u0000")
    return httpx.post(f"{server.api}/push",
                      content=text.replace(SURROGATE, "\\ud800").encode("ascii"),
                      headers={**headers, "Content-Type": "application/json"})


def _employer(**fields: object) -> dict:
    op = _op("employer", _id("emp"), {"cvr": "10000009", "name": "Firma"})
    values = fields.pop("values", {})
    op["values"].update(values)
    return {**op, **fields}


@pytest.mark.parametrize(("op", "field"), [
    (_employer(op_id=f"a{NUL}b"), "op_id"),
    (_employer(entity_id=f"e{NUL}"), "entity_id"),
    (_op("vacancy", "v-1", {"employer_id": f"e{NUL}x", "title": "Lager"}), "employer_id"),
    (_employer(values={"name": f"Nul{NUL}Firma"}), "name"),
    (_employer(values={"name": SURROGATE}), "name"),
    (_employer(values={SURROGATE: "x"}), "values"),
    (_op("citizen", "c-6", {"name": "A", "skills": [["lager", SURROGATE]]}), "skills"),
])
def test_text_no_database_can_keep_is_refused_naming_the_field(shared_server, device, op,
                                                               field):
    refusal = _refusal(_raw_push(shared_server, device, op))
    assert refusal["code"] == "invalid"
    assert f"'{field}'" in refusal["message"], refusal
    assert "NUL" in refusal["message"] or "surrogat" in refusal["message"], refusal


def test_an_employer_with_a_nul_in_its_name_does_not_stop_other_employers(shared_server,
                                                                           device):
    """On PostgreSQL, one stored NUL (JSON ``\\u0000``) made the duplicate check of every
    later employer create in the municipality fail with a 500."""
    nul = _raw_push(shared_server, device, _employer(values={
        "p_number": "1111111111", "name": f"A{NUL}S"}))
    assert _refusal(nul)["code"] == "invalid"
    later = _push(shared_server, device, _op("employer", _id("emp"), {
        "cvr": "10000009", "p_number": "2222222222", "name": "Bageriet"}))
    assert _results(later) == [("applied", "")]


def test_enrollment_with_a_nul_in_its_texts_is_refused(shared_server):
    code = shared_server.add_consultant(shared_server.new_municipality(), "Bo Berg")
    answer = httpx.post(f"{shared_server.api}/enroll", json={
        "enrollment_code": code, "public_key": _public_key(), "device_name": "pc\x00",
        "app_version": "1"})
    refusal = _refusal(answer)
    assert "'device_name'" in refusal["message"], refusal
    http_device(shared_server, code)  # the code was not used up by the refusal


@pytest.mark.parametrize("path", ["/agreements/a%00b/1", "/agreements/..%5C..%5Cetc/1",
                                  "/agreements/%C3%B8/1"])
def test_an_agreement_id_that_is_not_an_id_is_refused_naming_it(shared_server, device, path):
    answer = httpx.put(f"{shared_server.api}{path}", headers=device, json={
        "content": {}, "content_hash": "x", "seal": {}, "signatures": [], "pdf_base64": ""})
    refusal = _refusal(answer)
    assert "'agreement_id'" in refusal["message"], refusal


@pytest.mark.parametrize("since", [str(2**63), "99999999999999999999"])
def test_a_rule_set_cursor_past_the_64_bit_range_is_refused_naming_it(shared_server, device,
                                                                      since):
    answer = httpx.get(f"{shared_server.api}/rulesets", params={"since": since},
                       headers=device)
    assert "'since'" in _refusal(answer)["message"]


def _sealed_agreement(server: ServerProcess, headers: dict[str, str], status: str
                      ) -> tuple[str, dict, dict, dict]:
    """An agreement of one citizen in ``status`` (revision 1) with one signature and, when
    sealed, its document, pushed: (agreement id, agreement, signature, document values)."""
    citizen, agreement = _id("cit"), _id("ag")
    values = {"agreement_type": "virksomhedspraktik", "template_version": "1",
              "citizen_id": citizen, "status": status, "content": "{}", "content_hash": "h1",
              "revision": 1, "seal": "s" if status == "sealed" else "",
              "pdf_sha256": "p" if status == "sealed" else "",
              "sealed_at": "2026-01-01T00:00:00" if status == "sealed" else None}
    signature = {"agreement_id": agreement, "revision": 1, "content_hash": "h1",
                 "role": "citizen", "signer_name": "Ali Hansen", "identity_check": "ID vist",
                 "signed_at": "2026-01-01T00:00:00", "device_id": "d", "app_version": "1",
                 "strokes": "[]", "voided": False}
    document = {"agreement_id": agreement, "revision": 1, "pdf": "QUJD", "sha256": "p",
                "created_at": "2026-01-01T00:00:00"}
    assert _results(_push(server, headers,
                          _op("citizen", citizen, {"name": "Ali Hansen",
                                                   "target_group": "dagpenge"}),
                          _op("placement_agreement", agreement, values))) == [
        ("applied", ""), ("applied", "")]
    return agreement, values, signature, document


def _pulled(server: ServerProcess, headers: dict[str, str], entity_id: str) -> dict:
    changes = httpx.get(f"{server.api}/pull", params={"limit": 5000},
                        headers=headers).json()["changes"]
    [last] = [c for c in changes if c["entity_id"] == entity_id][-1:]
    return last


@pytest.mark.parametrize("change", [
    {"signer_name": "Nogen Andre"}, {"voided": True}, {"strokes": "[[1, 2]]"}, "delete"])
def test_a_sealed_agreements_signature_cannot_be_rewritten_or_deleted(shared_server, device,
                                                                       change):
    _, _, signature, _ = _sealed_agreement(shared_server, device, "sealed")
    signature_id = _id("sig")
    assert _results(_push(shared_server, device,
                          _op("agreement_signature", signature_id, signature))) == [
        ("applied", "")]
    attack = (_op("agreement_signature", signature_id, {}, "delete", 1) if change == "delete"
              else _op("agreement_signature", signature_id, change, "update", 1))
    assert _results(_push(shared_server, device, attack)) == [("rejected", "immutable")]
    kept = _pulled(shared_server, device, signature_id)
    assert not kept["deleted"] and kept["values"] == signature


def test_a_sealed_agreements_document_cannot_be_replaced(shared_server, device):
    _, _, _, document = _sealed_agreement(shared_server, device, "sealed")
    document_id = _id("doc")
    assert _results(_push(shared_server, device,
                          _op("agreement_document", document_id, document))) == [
        ("applied", "")]
    replaced = _op("agreement_document", document_id, {"pdf": "WFla", "sha256": "q"},
                   "update", 1)
    deleted = _op("agreement_document", document_id, {}, "delete", 1)
    assert _results(_push(shared_server, device, replaced)) == [("rejected", "immutable")]
    assert _results(_push(shared_server, device, deleted)) == [("rejected", "immutable")]
    assert _pulled(shared_server, device, document_id)["values"] == document


def test_a_signature_sent_again_unchanged_and_voided_by_a_new_revision_is_applied(
        shared_server, device):
    """What a device does itself: an operation restating the signature as it is, and the
    void of a signed revision's signatures when the agreement gets a new revision."""
    agreement, values, signature, _ = _sealed_agreement(shared_server, device, "signed")
    signature_id = _id("sig")
    assert _results(_push(shared_server, device,
                          _op("agreement_signature", signature_id, signature))) == [
        ("applied", "")]
    again = _op("agreement_signature", signature_id, dict(signature), "update", 1)
    assert _results(_push(shared_server, device, again)) == [("applied", "")]
    reopened = {**values, "revision": 2, "status": "draft", "content_hash": ""}
    assert _results(_push(
        shared_server, device,
        _op("placement_agreement", agreement, reopened, "update", 1),
        _op("agreement_signature", signature_id, {"voided": True}, "update", 2))) == [
        ("applied", ""), ("applied", "")]
    assert _pulled(shared_server, device, signature_id)["values"]["voided"] is True


def _log(server: ServerProcess, citizen_id: str) -> list[dict]:
    return [json.loads(line) for line in server.admin(
        "access-log", "--json", "--citizen", citizen_id).splitlines()]


def test_a_push_answer_that_shows_a_citizens_stored_values_is_in_the_access_log(
        shared_server, device):
    """A create of a citizen whose CPR the service already holds is answered with the
    stored CPR, name and notes (for the device to adopt); a conflict with the stored values:
    both are reads of the citizen's data, like a pull."""
    citizen = _id("cit")
    values = {"name": "Ali Hansen", "cpr": "0101901234", "target_group": "dagpenge",
              "notes": "Helbred: ryg"}
    assert _results(_push(shared_server, device, _op("citizen", citizen, values))) == [
        ("applied", "")]
    copy = _op("citizen", _id("cit"), {**values, "cpr": "010190-1234", "notes": "Anden"})
    answer = _push(shared_server, device, copy)
    assert _results(answer) == [("rejected", "duplicate")]
    assert {"cpr", "notes"} <= {c["field"] for c in answer.json()["results"][0]["conflicts"]}
    pushed = [e for e in _log(shared_server, citizen) if e["action"] == "push"]
    assert [(e["entity"], e["entity_id"], e["purpose"], e["consultant"]) for e in pushed] == [
        ("citizen", citizen, "sync", "Karen Holm")]

    stale = _op("citizen", citizen, {"notes": "Gammel note"}, "update", 0)
    conflict = _push(shared_server, device, stale)
    assert conflict.json()["results"][0]["conflicts"], conflict.text
    pushed = [e for e in _log(shared_server, citizen) if e["action"] == "push"]
    assert len(pushed) == 2
