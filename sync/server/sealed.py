"""Receiving sealed agreements (``PUT /api/v1/agreements/{id}/{revision}``).

The service checks, before it keeps anything: the content hash recomputed from the uploaded
payload (RFC 8785, forms.canonical) equals the stated one; the PDF verifies offline
(forms.verify.verify_pdf: PAdES signature over the whole file, the Ed25519 seal, the embedded
evidence) with the service's CA as the only trusted root; the PDF is the one for this agreement
id, revision and content hash; and it was sealed with the uploading device's own certificate.
Then it stores the PDF (encrypted, with the upload's content, seal and signatures:
``stored_columns``) with its receipt: ``received_at`` and the service's Ed25519 signature
(the CA key) over ``agreement_id|revision|content_hash|pdf_sha256|received_at``. The same
content again is a no-op ("duplicate", the first receipt); other content under a stored id and
revision is refused with 409 "immutable".
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import json
from typing import Any

from cryptography import x509
from sqlalchemy import Engine, insert, select
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from consultant_app.text import QT_TRANSLATE_NOOP as _N

from ..protocol import SealedAgreementReceipt, SealedAgreementUpload
from . import db, keys
from .auth import DeviceIdentity
from .ca import CA
from .errors import CTX, ServiceError

OUT_OF_SCOPE = _N(CTX, "Enheden har ikke adgang til denne aftale.")

def receipt_message(agreement_id: str, revision: int, content_hash: str, pdf_sha256: str,
                    received_at: dt.datetime) -> bytes:
    """The bytes the service signs for a receipt (verify with the CA certificate's key)."""
    return "|".join((agreement_id, str(revision), content_hash, pdf_sha256,
                     received_at.isoformat())).encode("utf-8")


def _aad(agreement_id: str, revision: int, part: str) -> str:
    return f"sealed/{agreement_id}/{revision}/{part}"


def stored_columns(conn: Connection, agreement_id: str, revision: int, upload_json: str,
                   pdf: bytes) -> dict[str, str]:
    """``upload_json`` (content, seal, signatures: the citizen's CPR and signature strokes)
    and the PDF, encrypted as ``sealed_agreement`` stores them."""
    vault = keys.vault_of(conn)
    return {"upload_json": vault.encrypt_text(conn, upload_json,
                                              _aad(agreement_id, revision, "upload")),
            "pdf": vault.encrypt(conn, pdf, _aad(agreement_id, revision, "pdf"))}


def stored_upload(conn: Connection, agreement_id: str, revision: int, upload_json: str
                  ) -> dict:  # type: ignore[type-arg]
    """The stored upload (content, seal, signatures) of ``stored_columns``, decrypted."""
    return json.loads(keys.vault_of(conn).decrypt_text(
        conn, upload_json, _aad(agreement_id, revision, "upload")))


def stored_pdf(conn: Connection, agreement_id: str, revision: int, pdf: str) -> bytes:
    return keys.vault_of(conn).decrypt(conn, pdf, _aad(agreement_id, revision, "pdf"))


def _existing(engine: Engine, agreement_id: str, revision: int):  # type: ignore[no-untyped-def]
    s = db.sealed_agreement.c
    with engine.connect() as conn:
        return conn.execute(select(s.municipality_code, s.content_hash, s.pdf_sha256,
                                   s.received_at).where(
            s.agreement_id == agreement_id, s.revision == revision)).first()


def _answer(row, identity: DeviceIdentity, agreement_id: str, revision: int,  # type: ignore[no-untyped-def]
            content_hash: str, pdf_sha256: str) -> SealedAgreementReceipt:
    if row.municipality_code != identity.municipality_code:
        raise ServiceError(403, "out_of_scope", OUT_OF_SCOPE)
    if (row.content_hash, row.pdf_sha256) != (content_hash, pdf_sha256):
        raise ServiceError(409, "immutable", _N(
            CTX, "Der er allerede modtaget en anden forseglet aftale med samme id og version. "
                 "Den modtagne aftale kan ikke erstattes."))
    return SealedAgreementReceipt(agreement_id=agreement_id, revision=revision,
                                  status="duplicate", content_hash=row.content_hash,
                                  pdf_sha256=row.pdf_sha256, received_at=row.received_at)


def _check_scope(engine: Engine, identity: DeviceIdentity, agreement_id: str,
                 revision: int, content_hash: str) -> None:
    """The agreement is in the device's scope, or it is one the device sealed for a citizen
    that has since left its consultant (protocol, "Signed agreements and scope exits"): the
    push handed the sealed record over, and this is the PDF of that very content. A revision
    the service holds as signed takes only the PDF of the content signed (409 otherwise)."""
    r = db.record.c
    x = db.scope_exit.c
    with engine.connect() as conn:
        row = conn.execute(select(r.municipality_code, r.owner_consultant_id, r.citizen_id,
                                  r.values_json).where(
            r.entity == "placement_agreement", r.id == agreement_id)).first()
        if row is None or row.municipality_code != identity.municipality_code:
            if row is not None:
                raise ServiceError(403, "out_of_scope", OUT_OF_SCOPE)
            return
        if row.owner_consultant_id in (None, identity.consultant_id):
            _check_signed_content(json.loads(row.values_json), revision, content_hash)
            return
        exited = conn.execute(select(x.seq).where(
            x.municipality_code == identity.municipality_code,
            x.consultant_id == identity.consultant_id, x.entity == "citizen",
            x.entity_id == row.citizen_id).limit(1)).first()
    values = json.loads(row.values_json)
    if exited is None or values.get("status") != "sealed" or \
            values.get("content_hash") != content_hash:
        raise ServiceError(403, "out_of_scope", OUT_OF_SCOPE)


def _check_signed_content(values: dict[str, Any], revision: int, content_hash: str) -> None:
    from forms import lifecycle
    if values.get("revision") == revision and \
            values.get("status") in lifecycle.FROZEN_STATUSES and \
            values.get("content_hash") not in (None, "", content_hash):
        raise ServiceError(409, "immutable", _N(
            CTX, "Aftalen er underskrevet med et andet indhold end den forseglede PDF. Den "
                 "underskrevne aftale kan ikke erstattes."))


def _invalid(template: str, **params: Any) -> ServiceError:
    return ServiceError(422, "invalid_seal", template, **params)


def _verify(ca: CA, identity: DeviceIdentity, agreement_id: str, revision: int,
            upload: SealedAgreementUpload, pdf: bytes) -> None:
    """Refuse (422) anything but a PDF that is intact, checkable and sealed with a
    certificate this service issued, for this agreement and this device. Malformed content
    (values canonical JSON cannot hold, evidence of another shape, active content in the PDF)
    is a refusal with its reason, never an error of the service."""
    from forms import canonical
    from forms.verify import (
        NOT_INTACT,
        TRUSTED,
        UNTRUSTED,
        NotAPdf,
        TooLarge,
        verify_pdf,
    )

    try:
        same = canonical.content_hash(upload.content) == upload.content_hash
    except (ValueError, TypeError, UnicodeError, RecursionError, OverflowError):
        raise _invalid(_N(CTX, "Feltet content indeholder værdier, som en forseglet aftale "
                                "aldrig har (fx tal uden for det gyldige område).")) from None
    if not same:
        raise _invalid(_N(CTX, "Aftalens indhold passer ikke med dens kontrolsum (content_hash)."))
    try:
        report = verify_pdf(pdf, trusted_certs=[ca.certificate_pem.encode("ascii")])
    except (NotAPdf, TooLarge) as exc:
        raise _invalid(_N(CTX, "Feltet pdf_base64: {problem}"), problem=exc.message) from None
    if report.outcome == NOT_INTACT:
        raise _invalid(_N(CTX, "Den forseglede PDF kunne ikke godkendes: {problems}"),
                       problems=" ".join(report.problems))
    if report.outcome == UNTRUSTED:
        raise _invalid(_N(CTX, "Den forseglede PDF er ikke forseglet med et certifikat, som "
                                "denne tjeneste har udstedt."))
    if report.outcome != TRUSTED:
        raise _invalid(_N(CTX, "Den forseglede PDF kan ikke kontrolleres: {reasons}"),
                       reasons=" ".join(report.cannot_check))
    if (report.agreement_id, report.revision, report.content_hash) != \
            (agreement_id, revision, upload.content_hash):
        raise _invalid(_N(CTX, "PDF-filen hører ikke til denne aftale, version eller kontrolsum."))
    device_cert = x509.load_pem_x509_certificate(identity.certificate_pem.encode("ascii"))
    if report.certificate_subject != device_cert.subject.rfc4514_string():
        raise _invalid(_N(CTX, "Aftalen er ikke forseglet med denne enheds certifikat."))


def receive(engine: Engine, ca: CA, identity: DeviceIdentity, agreement_id: str,
            revision: int, upload: SealedAgreementUpload) -> SealedAgreementReceipt:
    try:
        pdf = base64.b64decode(upload.pdf_base64, validate=True)
    except (binascii.Error, ValueError):
        raise _invalid(_N(CTX, "Feltet pdf_base64 er ikke gyldig base64.")) from None
    pdf_sha256 = hashlib.sha256(pdf).hexdigest()
    _check_scope(engine, identity, agreement_id, revision, upload.content_hash)
    row = _existing(engine, agreement_id, revision)
    if row is not None:
        return _answer(row, identity, agreement_id, revision, upload.content_hash, pdf_sha256)
    _verify(ca, identity, agreement_id, revision, upload, pdf)
    received_at = db.utcnow()
    signature = ca.sign(receipt_message(agreement_id, revision, upload.content_hash,
                                        pdf_sha256, received_at))
    try:
        with db.writing(engine) as conn:
            conn.execute(insert(db.sealed_agreement).values(
                agreement_id=agreement_id, revision=revision, device_id=identity.device_id,
                municipality_code=identity.municipality_code,
                content_hash=upload.content_hash, pdf_sha256=pdf_sha256,
                **stored_columns(conn, agreement_id, revision,
                                 db.dumps({"content": upload.content, "seal": upload.seal,
                                           "signatures": upload.signatures}), pdf),
                received_at=received_at, service_signature=signature))
    except IntegrityError:  # the same upload raced in from another request
        row = _existing(engine, agreement_id, revision)
        return _answer(row, identity, agreement_id, revision, upload.content_hash, pdf_sha256)
    return SealedAgreementReceipt(agreement_id=agreement_id, revision=revision,
                                  status="stored", content_hash=upload.content_hash,
                                  pdf_sha256=pdf_sha256, received_at=received_at)


__all__ = ["receipt_message", "receive", "stored_columns", "stored_pdf", "stored_upload"]
