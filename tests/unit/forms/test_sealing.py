"""Sealing: refused until everyone has signed; then the seal, the PDF with the drawn
signatures, the audit trail and the embedded evidence, and a PAdES signature that pyHanko's
own validator reports intact and covering the whole file."""

from __future__ import annotations

import base64
import hashlib
import io
import json

import pytest
from cryptography.hazmat.primitives.serialization import Encoding
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext
from pypdf import PdfReader
from sqlalchemy import select

from consultant_app.store.models import AgreementDocument
from forms import agreements as A
from forms import canonical, sealing
from tests.support.signing import evidence_of, ready_draft, seal, sign_all, sign_as


def test_sealing_is_refused_until_every_party_has_signed(store, device):
    agreement_id = ready_draft(store)
    sign_as(store, agreement_id, device, "employer", "Lone Bager")
    with pytest.raises(sealing.NotFullySigned) as err:
        seal(store, agreement_id, device)
    assert "Mangler: Tillidsrepræsentant, Borger, Jobcenter" in str(err.value.message)
    with store.read() as s:
        record = A.load(s, agreement_id).record
        assert (record.status, record.seal, record.pdf_sha256) == (A.SIGNING, "", "")
        assert s.scalars(select(AgreementDocument)).first() is None


def test_sealing_stores_the_pdf_the_seal_and_the_status_together(store, device, sealed_pdf):
    agreement_id, pdf = sealed_pdf
    with store.read() as s:
        record = A.load(s, agreement_id).record
        [document] = s.scalars(select(AgreementDocument)).all()
        assert record.status == A.SEALED and record.sealed_at is not None
        assert record.pdf_sha256 == document.sha256 == hashlib.sha256(pdf).hexdigest()
        assert base64.b64decode(document.pdf) == pdf == sealing.sealed_pdf(s, agreement_id)
        assert document.revision == record.revision == 1
        stored_seal = json.loads(record.seal)
    statement = stored_seal["statement"]
    assert statement["content_hash"] == record.content_hash
    assert [e["role"] for e in statement["signatures"]] == [
        "employer", "employee_representative", "citizen", "consultant"]
    device.public_key.verify(base64.b64decode(stored_seal["signature"]),
                             canonical.canonical_json(statement))
    with pytest.raises(sealing.AlreadySealed):
        seal(store, agreement_id, device)


def test_pyhankos_validator_reports_the_pades_signature_intact_over_the_whole_file(
        sealed_pdf, device):
    _, pdf = sealed_pdf
    [embedded] = PdfFileReader(io.BytesIO(pdf)).embedded_signatures
    status = validate_pdf_signature(embedded, ValidationContext(
        trust_roots=[embedded.signer_cert], allow_fetching=False))
    assert status.intact and status.valid and status.bottom_line
    assert status.coverage == SignatureCoverageLevel.ENTIRE_FILE
    assert status.pkcs7_signature_mechanism == "ed25519"
    assert embedded.sig_object["/SubFilter"] == "/ETSI.CAdES.detached"  # PAdES
    assert embedded.signer_cert.dump() == device.certificate.public_bytes(Encoding.DER)


def test_the_pdf_shows_the_signatures_and_the_audit_trail_and_carries_the_evidence(
        sealed_pdf, device):
    agreement_id, pdf = sealed_pdf
    reader = PdfReader(io.BytesIO(pdf))
    text = "\n".join(page.extract_text() for page in reader.pages)
    for expected in ("Aftale om virksomhedspraktik", "Lone Bager", "Per Tillid", "Ali Hansen",
                     "Revisionsspor", "Underskrevet", "Forseglet", "Identitet: ID vist",
                     "Kendt af konsulenten", device.device_id, agreement_id):
        assert expected in text, expected
    assert set(reader.attachments) == {"aftale.json"}
    evidence = json.loads(reader.attachments["aftale.json"][0])
    assert evidence == evidence_of(pdf)
    assert canonical.content_hash(evidence["payload"]) == \
        evidence["seal"]["statement"]["content_hash"]
    assert evidence["payload"]["fields"]["citizen_cpr"] == "010190-1234"
    assert [e["event"] for e in evidence["audit"]][-1] == "Forseglet"
    assert len(evidence["signatures"][2]["strokes"]["strokes"][0]) == 140


def test_an_acknowledged_warning_is_signed_with_and_listed_in_the_audit_trail(store, device):
    import datetime as dt
    agreement_id = ready_draft(store)
    with store.write() as s:
        A.update_fields(s, agreement_id,
                        {"start_date": dt.date.today() - dt.timedelta(days=3)})
    with pytest.raises(A.NotReady) as err:
        sign_as(store, agreement_id, device, "employer", "Lone Bager")
    assert [f.rule for f in err.value.findings] == ["approval_before_start"]
    with store.write() as s:
        A.acknowledge(s, agreement_id, "approval_before_start:start_date",
                      "Godkendt mundtligt af teamleder før start.")
    sign_all(store, agreement_id, device)
    pdf = seal(store, agreement_id, device)
    evidence = evidence_of(pdf)
    assert evidence["payload"]["acknowledgements"] == {
        "approval_before_start:start_date": "Godkendt mundtligt af teamleder før start."}
    [acknowledged] = [e for e in evidence["audit"] if e["event"] == "Advarsel kvitteret"]
    assert acknowledged["detail"] == "Startdato: Godkendt mundtligt af teamleder før start."
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "Advarsel kvitteret" in text
