"""Sealing a signed agreement: the seal, the PDF with its evidence, and the PAdES signature.

When every required party has signed the current revision, the device seals it, in the
caller's one write transaction:

1. A *seal statement* (canonical JSON, RFC 8785) names the agreement, the revision, the
   content hash, every signature (role, name, identity check, UTC time, device, app version
   and the SHA-256 of its canonical strokes), the sealing device and the time. The device's
   Ed25519 key signs its canonical bytes: that is the seal.
2. The PDF (``forms.pdf``) is rendered with each signature drawn in its box and the audit
   trail ("Revisionsspor") as its last page.
3. The machine-readable evidence is embedded in the PDF as the file ``aftale.json``: the
   signed payload, the signatures with their strokes, the audit trail, the seal statement,
   the seal and the device certificate. A verifier needs nothing but the PDF
   (``forms.verify``).
4. pyHanko signs the whole file (PAdES baseline B-B, no network) with the same device key and
   its certificate: self-signed until the central service has certified the key.

The record then holds the seal (JSON), ``sealed_at``, the PDF's SHA-256 and status "sealed",
and an ``AgreementDocument`` keeps the PDF itself (base64, encrypted at rest).
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import io
import json
import uuid
from dataclasses import dataclass
from typing import Any

from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from pyhanko.pdf_utils import embed
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import fields as sig_fields
from pyhanko.sign import signers
from pyhanko_certvalidator.registry import SimpleCertificateStore
from sqlalchemy import select
from sqlalchemy.orm import Session

from consultant_app.device import APP_VERSION, DeviceIdentity
from consultant_app.errors import UserError
from consultant_app.store import require_durable_commit
from consultant_app.store.models import AgreementDocument, AgreementSignature
from consultant_app.text import QT_TRANSLATE_NOOP as _N
from consultant_app.text import Message

from . import agreements as A
from . import canonical
from .fields import IDENTITY_CHECKS
from .pdf import AuditEvent, SignatureMark, render_agreement
from .signing import (
    AlreadySealed,
    ContentChanged,
    as_utc,
    pending_signers,
    role_label,
    strokes_sha256,
)

CTX = "forms"

EVIDENCE_FILE = "aftale.json"
EVIDENCE_FORMAT = "consultant-app.sealed-agreement.v1"
STATEMENT_FORMAT = "consultant-app.seal-statement.v1"
SEAL_ALGORITHM = "Ed25519"
SIGNATURE_FIELD = "Forsegling"


class NotFullySigned(UserError):
    def __init__(self, missing: list[str]):
        self.missing = missing
        super().__init__(Message(CTX, _N(
            CTX, "Aftalen kan ikke forsegles, før alle har underskrevet. Mangler: {missing}."),
            {"missing": ", ".join(missing)}))


def iso_utc(moment: dt.datetime) -> str:
    """A stored (naive UTC) time as the evidence writes it: 2026-03-02T09:15:00Z."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(dt.timezone.utc).replace(tzinfo=None)
    return moment.isoformat(timespec="seconds") + "Z"


def parse_iso_utc(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))


def signature_entry(signature: AgreementSignature) -> dict[str, Any]:
    """One signature as the seal statement lists it."""
    return {"role": signature.role, "signer_name": signature.signer_name,
            "identity_check": signature.identity_check,
            "signed_at": iso_utc(signature.signed_at), "device_id": signature.device_id,
            "app_version": signature.app_version,
            "content_hash": signature.content_hash,
            "strokes_sha256": strokes_sha256(signature.strokes or "{}")}


def seal_statement(doc: A.AgreementDoc, signatures: list[AgreementSignature],
                   device: DeviceIdentity, sealed_at: dt.datetime) -> dict[str, Any]:
    return {"format": STATEMENT_FORMAT, "agreement_id": doc.id,
            "agreement_type": doc.record.agreement_type,
            "template_version": doc.template.version, "revision": doc.record.revision,
            "content_hash": doc.record.content_hash,
            "signatures": [signature_entry(s) for s in signatures],
            "device_id": device.device_id, "app_version": APP_VERSION,
            "sealed_at": iso_utc(sealed_at)}


def _created_at(agreement_id: str) -> dt.datetime | None:
    """When the agreement was created: its UUIDv7 id carries the millisecond."""
    try:
        value = uuid.UUID(agreement_id)
    except ValueError:
        return None
    if value.version != 7:
        return None
    return dt.datetime.fromtimestamp((value.int >> 80) / 1000, dt.timezone.utc) \
        .replace(tzinfo=None, microsecond=0)


def audit_trail(doc: A.AgreementDoc, signatures: list[AgreementSignature],
                device: DeviceIdentity, sealed_at: dt.datetime) -> list[AuditEvent]:
    """The events the PDF's last page lists: created, frozen with the rule check and each
    acknowledged warning, each signature, the seal."""
    consultant = str(doc.values.get("consultant_name") or "")
    events: list[AuditEvent] = []
    created = _created_at(doc.id)
    if created is not None:
        events.append(AuditEvent(created, _N(CTX, "Aftale oprettet"), consultant, "consultant",
                                 _N(CTX, "Kladde, version 1")))
    if signatures:
        first = signatures[0].signed_at
        events.append(AuditEvent(
            first, _N(CTX, "Indhold fastfrosset"), consultant, "consultant",
            _N(CTX, "Version {revision}; regelkontrol uden blokerende fund; "
                    "dokument-hash {hash}").format(revision=doc.record.revision,
                                                   hash=_short(doc.record.content_hash))))
        for key, note in sorted(doc.acknowledgements.items()):
            spec = doc.template.fields_by_key.get(key.partition(":")[2])
            about = spec.label if spec else key.partition(":")[0]
            events.append(AuditEvent(first, _N(CTX, "Advarsel kvitteret"), consultant,
                                     "consultant", f"{about}: {note}"))
    for s in signatures:
        events.append(AuditEvent(
            s.signed_at, _N(CTX, "Underskrevet"), s.signer_name, role_label(doc, s.role),
            _N(CTX, "Identitet: {check}; dokument-hash {hash}; enhed {device}; "
                    "program {version}").format(
                check=IDENTITY_CHECKS.get(s.identity_check, s.identity_check),
                hash=_short(s.content_hash), device=s.device_id, version=s.app_version)))
    events.append(AuditEvent(
        sealed_at, _N(CTX, "Forseglet"), _N(CTX, "Enhed {device}").format(
            device=device.device_id), "",
        _N(CTX, "Ed25519-segl og PAdES-signatur med enhedens nøgle ({cert}); dokument-hash "
                "{hash}").format(cert=_certificate_kind(device),
                                 hash=_short(doc.record.content_hash))))
    return events


def _short(digest: str) -> str:
    """The first 16 hex digits: enough to tell documents apart in a table row; the audit
    page states the full hash below the table."""
    return digest[:16] + "…"


def _certificate_kind(device: DeviceIdentity) -> str:
    return (_N(CTX, "certifikat udstedt af den centrale tjeneste") if device.enrolled
            else _N(CTX, "selvsigneret certifikat, enheden er ikke tilmeldt"))


def _marks(doc: A.AgreementDoc, signatures: list[AgreementSignature]) -> list[SignatureMark]:
    marks = []
    for s in signatures:
        drawn = json.loads(s.strokes or "{}")
        marks.append(SignatureMark(
            role=s.role, signer_name=s.signer_name,
            identity_check_label=IDENTITY_CHECKS.get(s.identity_check, s.identity_check),
            signed_at=s.signed_at,
            strokes=[[tuple(p) for p in stroke] for stroke in drawn.get("strokes", [])],
            pad_width=drawn.get("pad_width", 0), pad_height=drawn.get("pad_height", 0)))
    return marks


def evidence_document(doc: A.AgreementDoc, signatures: list[AgreementSignature],
                      audit: list[AuditEvent], seal: dict[str, Any]) -> dict[str, Any]:
    """What ``aftale.json`` holds (see the module docstring)."""
    return {
        "format": EVIDENCE_FORMAT,
        "payload": A.signed_payload(doc),
        "signatures": [{**signature_entry(s), "strokes": json.loads(s.strokes or "{}")}
                       for s in signatures],
        "audit": [{"at": iso_utc(e.at), "event": e.event, "actor": e.actor, "role": e.role,
                   "detail": e.detail} for e in audit],
        "seal": seal,
    }


def _pades_sign(pdf: bytes, evidence: bytes, device: DeviceIdentity,
                sealed_at: dt.datetime) -> bytes:
    """Embed the evidence and sign the whole file with the device key (PAdES B-B)."""
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    stream = embed.EmbeddedFileObject.from_file_data(
        writer, evidence, mime_type="application/json",
        params=embed.EmbeddedFileParams(creation_date=sealed_at.replace(
            tzinfo=dt.timezone.utc)))
    embed.embed_file(writer, embed.FileSpec(
        file_spec_string=EVIDENCE_FILE, file_name=EVIDENCE_FILE, embedded_data=stream,
        description=_N(CTX, "Bevis for underskrifter og forsegling (maskinlæsbart)")))
    key_der = device.private_key.private_bytes(serialization.Encoding.DER,
                                               serialization.PrivateFormat.PKCS8,
                                               serialization.NoEncryption())
    cert = asn1_x509.Certificate.load(device.certificate.public_bytes(
        serialization.Encoding.DER))
    others = []
    if device.ca_certificate_pem:
        ca = x509.load_pem_x509_certificate(device.ca_certificate_pem.encode("ascii"))
        others.append(asn1_x509.Certificate.load(ca.public_bytes(serialization.Encoding.DER)))
    signer = signers.SimpleSigner(signing_cert=cert,
                                  signing_key=asn1_keys.PrivateKeyInfo.load(key_der),
                                  cert_registry=SimpleCertificateStore.from_certs(others))
    meta = signers.PdfSignatureMetadata(
        field_name=SIGNATURE_FIELD, subfilter=sig_fields.SigSeedSubFilter.PADES,
        reason=_N(CTX, "Forsegling af underskrevet aftale"),
        name=f"Enhed {device.device_id}")
    return signers.PdfSigner(meta, signer).sign_pdf(writer).getvalue()


def seal_agreement(session: Session, agreement_id: str, device: DeviceIdentity, *,
                   now: dt.datetime | None = None) -> bytes:
    """Seal a fully signed agreement and return the sealed PDF (see the module docstring).
    Runs in the caller's write transaction (``with store.write() as s``): either all of it is
    stored or nothing is. Refused while a party has not signed, and when already sealed."""
    doc = A.load(session, agreement_id)
    record = doc.record
    if record.status == A.SEALED:
        raise AlreadySealed(AlreadySealed.SEAL)
    if record.status != A.SIGNED:
        missing = [r.label for r in pending_signers(session, agreement_id)]
        raise NotFullySigned(missing)
    signatures = A.signatures(session, agreement_id)
    if A.content_hash(doc) != record.content_hash \
            or any(s.content_hash != record.content_hash for s in signatures):
        raise ContentChanged()
    sealed_at = as_utc(now)

    statement = seal_statement(doc, signatures, device, sealed_at)
    seal = {"statement": statement, "algorithm": SEAL_ALGORITHM,
            "signature": base64.b64encode(
                device.sign(canonical.canonical_json(statement))).decode("ascii"),
            "certificate_pem": device.certificate_pem}
    audit = audit_trail(doc, signatures, device, sealed_at)
    evidence = evidence_document(doc, signatures, audit, seal)
    rendered = render_agreement(doc, signatures=_marks(doc, signatures), audit=audit,
                                content_hash=record.content_hash,
                                device=f"{device.device_id} ({_certificate_kind(device)})")
    pdf = _pades_sign(rendered, json.dumps(evidence, ensure_ascii=False, indent=1)
                      .encode("utf-8"), device, sealed_at)

    digest = hashlib.sha256(pdf).hexdigest()
    session.add(AgreementDocument(agreement_id=record.id, revision=record.revision,
                                  pdf=base64.b64encode(pdf).decode("ascii"), sha256=digest))
    record.seal = json.dumps(seal, ensure_ascii=False, sort_keys=True)
    record.sealed_at = sealed_at
    record.pdf_sha256 = digest
    record.status = A.SEALED
    # A seal reported done must survive a power cut: its commit goes to the disk.
    require_durable_commit(session)
    session.flush()
    return pdf


@dataclass(frozen=True)
class SealedCopy:
    """A sealed agreement's PDF with what its file is named after."""

    pdf: bytes
    title: str          # the template's title (Danish; the UI translates it)
    citizen_name: str


def sealed_copy(session: Session, agreement_id: str) -> SealedCopy | None:
    """The sealed PDF of an agreement with its title and citizen, or None if not sealed."""
    pdf = sealed_pdf(session, agreement_id)
    if pdf is None:
        return None
    doc = A.load(session, agreement_id)
    return SealedCopy(pdf, doc.template.title, str(doc.values.get("citizen_name") or ""))


def sealed_pdf(session: Session, agreement_id: str) -> bytes | None:
    """The sealed PDF of the agreement's current revision, if it has been sealed."""
    record = A.load(session, agreement_id).record
    document = session.scalars(select(AgreementDocument).where(
        AgreementDocument.agreement_id == agreement_id,
        AgreementDocument.revision == record.revision,
        AgreementDocument.deleted.is_(False)).order_by(AgreementDocument.created_at.desc())
    ).first()
    return base64.b64decode(document.pdf) if document and document.pdf else None
