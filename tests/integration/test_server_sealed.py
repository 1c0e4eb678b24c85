"""Sealed agreements reach the central service: a real profile signs and seals an agreement
with the certificate the service issued at enrollment; the service verifies the PDF, keeps it
with its own signed receipt, answers "duplicate" to the same upload and 409 to other content."""

from __future__ import annotations

import base64
import datetime as dt

import pytest
from sqlalchemy import create_engine, text

from sync.server.sealed import receipt_message
from tests.support.sealed_upload import sealed_upload


@pytest.mark.slow
def test_a_sealed_agreement_is_verified_kept_once_and_never_replaced(store, sqlite_server):
    http, _, agreement_id, pdf, upload = sealed_upload(store, sqlite_server)
    url = f"/agreements/{agreement_id}/1"

    first = http.put(url, json=upload)
    assert first.status_code == 200, first.text
    receipt = first.json()
    assert receipt["status"] == "stored" and receipt["content_hash"] == upload["content_hash"]
    again = http.put(url, json=upload).json()
    assert again["status"] == "duplicate" and again["received_at"] == receipt["received_at"]

    other = dict(upload, content=dict(upload["content"], revision=1, extra="x"))
    from forms import canonical
    other["content_hash"] = canonical.content_hash(other["content"])
    refused = http.put(url, json=other)
    assert refused.status_code == 409 and refused.json()["detail"]["code"] == "immutable"

    engine = create_engine(sqlite_server.database_url)
    with engine.connect() as conn:
        row = conn.execute(text("SELECT pdf, received_at, service_signature, pdf_sha256 "
                                "FROM sealed_agreement WHERE agreement_id = :a"),
                           {"a": agreement_id}).one()
    engine.dispose()
    assert "JVBER" not in row.pdf and b"%PDF" not in row.pdf.encode()  # kept encrypted
    from sync.server import ca as ca_module
    from sync.server import db, sealed
    _, write = db.make_engines(sqlite_server.database_url)
    with write.connect() as conn:
        assert sealed.stored_pdf(conn, agreement_id, 1, row.pdf) == pdf
    service_ca = ca_module.load_or_create(write)
    received = dt.datetime.fromisoformat(str(row.received_at))
    assert service_ca.verify(receipt_message(agreement_id, 1, upload["content_hash"],
                                             row.pdf_sha256, received), row.service_signature)


@pytest.mark.slow
def test_a_damaged_or_mismatched_upload_is_refused_and_not_kept(store, sqlite_server):
    http, _, agreement_id, pdf, upload = sealed_upload(store, sqlite_server)
    wrong_hash = http.put(f"/agreements/{agreement_id}/1", json=dict(upload, content_hash="0" * 64))
    assert wrong_hash.status_code == 422 and wrong_hash.json()["detail"]["code"] == "invalid_seal"
    damaged = bytearray(pdf)
    damaged[len(damaged) // 3] ^= 0x01
    broken = http.put(f"/agreements/{agreement_id}/1",
                      json=dict(upload, pdf_base64=base64.b64encode(bytes(damaged)).decode()))
    assert broken.status_code == 422
    wrong_revision = http.put(f"/agreements/{agreement_id}/2", json=upload)
    assert wrong_revision.status_code == 422
    assert http.put(f"/agreements/{agreement_id}/1", json=upload).json()["status"] == "stored"


@pytest.mark.slow
def test_a_sealed_pdf_of_other_content_than_the_signed_record_is_refused(store, sqlite_server):
    """The service holds the agreement's revision as signed with one content hash: a sealed
    PDF of another content (genuine, sealed by the same device) is not kept beside it."""
    http, _, agreement_id, _, upload = sealed_upload(store, sqlite_server)
    other_hash = "f" * 64
    record = {"agreement_type": "virksomhedspraktik", "template_version": "1",
              "status": "sealed", "content": "{}", "content_hash": other_hash, "revision": 1,
              "seal": "s", "pdf_sha256": "p", "sealed_at": "2026-01-01T00:00:00"}
    pushed = http.post("/push", json={"operations": [{
        "op_id": f"op-{agreement_id}", "entity": "placement_agreement",
        "entity_id": agreement_id, "op": "create", "values": record}]})
    assert pushed.json()["results"][0]["status"] == "applied", pushed.text
    refused = http.put(f"/agreements/{agreement_id}/1", json=upload)
    assert refused.status_code == 409, refused.text
    assert refused.json()["detail"]["code"] == "immutable"
