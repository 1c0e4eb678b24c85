"""Signing, sealing and verifying in tests, through the store (no desktop): a ready
virksomhedspraktik on a real profile, signatures that look like handwriting, a test CA, and a
way to change the evidence inside a sealed PDF the way a forger would (an incremental update).
The ``device`` and ``sealed_pdf`` fixtures built on it are in tests/unit/conftest.py."""

from __future__ import annotations

import datetime as dt
import io
import json
import math
from typing import Any, Callable

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ed25519
from cryptography.x509.oid import NameOID
from pyhanko.pdf_utils import embed, generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader

from consultant_app.device import DeviceIdentity
from consultant_app.store import Store
from forms import agreements as A
from forms import sealing, signing
from tests.support.bakery import seed_bakery

PAD_W, PAD_H = 600, 200
SIGNERS = (("employer", "Lone Bager"), ("employee_representative", "Per Tillid"),
           ("citizen", "Ali Hansen"), ("consultant", "Test Konsulent"))


def handwriting(seed: int = 0) -> list[list[tuple[float, float, float, int]]]:
    """A cursive-looking signature: a loopy line and an underline, with pressure and time."""
    phase = seed * 0.9
    freq = 6 + seed % 3
    main = []
    for i in range(140):
        t = i / 139
        x = 40 + 430 * t + 16 * math.sin(2 * math.pi * freq * t + phase)
        y = 100 - 38 * math.sin(2 * math.pi * (2.5 + seed % 2) * t) * (1 - 0.4 * t) \
            - 18 * math.cos(2 * math.pi * freq * t + phase)
        pressure = 0.35 + 0.5 * abs(math.sin(math.pi * t * 3 + seed))
        main.append((round(x, 2), round(y, 2), round(pressure, 3), i * 9))
    under = [(round(70 + 400 * t, 2), round(172 - 14 * t + 6 * math.sin(5 * t), 2),
              round(0.6 - 0.3 * t, 3), 1400 + int(t * 300))
             for t in (k / 29 for k in range(30))]
    return [main, under]


def ready_draft(store: Store, *, with_tr: bool = True, purpose: str | None = "Afklaring af "
                "jobmål i bageri") -> str:
    """A virksomhedspraktik with every required field filled, starting in two weeks."""
    with store.write() as s:
        bakery = seed_bakery(s, dt.date.today() + dt.timedelta(days=14))
        doc = A.create_draft(s, "virksomhedspraktik", bakery.employer_id,
                             vacancy_id=bakery.vacancy_id, citizen_id=bakery.citizen_id)
        changes: dict[str, Any] = {"purpose": purpose,
                                   "working_hours": "man-tors 8-12"}
        if with_tr:
            changes["tr_name"] = "Per Tillid"
        doc = A.update_fields(s, doc.id, changes)
        if purpose:
            for finding in A.check_doc(s, doc).open_warnings:  # the rules' warnings, if any
                A.acknowledge(s, doc.id, finding.key, "Drøftet med virksomheden.")
        return doc.id


def sign_as(store: Store, agreement_id: str, device: DeviceIdentity, role: str, name: str,
            seed: int = 0, **overrides: Any):
    arguments: dict[str, Any] = dict(role=role, signer_name=name, identity_check="id_shown",
                                     strokes=handwriting(seed), pad_width=PAD_W,
                                     pad_height=PAD_H, device=device)
    arguments.update(overrides)
    with store.write() as s:
        signature = signing.sign(s, agreement_id, **arguments)
        return signature.id


def sign_all(store: Store, agreement_id: str, device: DeviceIdentity) -> None:
    for seed, (role, name) in enumerate(SIGNERS):
        sign_as(store, agreement_id, device, role, name, seed,
                identity_check="known" if role == "consultant" else "id_shown")


def seal(store: Store, agreement_id: str, device: DeviceIdentity) -> bytes:
    with store.write() as s:
        return sealing.seal_agreement(s, agreement_id, device)


# -- a certificate authority like the central service's ---------------------------------------
def make_ca(name: str = "Test Jobcenter CA", *, subject: x509.Name | None = None,
            digital_signature: bool = False) -> tuple[ed25519.Ed25519PrivateKey, str]:
    """A self-signed CA named ``name`` (or with the whole ``subject``): its key and its
    certificate (PEM)."""
    key = ed25519.Ed25519PrivateKey.generate()
    subject = subject or x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = dt.datetime.now(dt.timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(subject).issuer_name(subject)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=3650))
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .add_extension(x509.KeyUsage(digital_signature, False, False, False, False, True,
                                         True, False, False), critical=True)
            .sign(key, None))
    return key, cert.public_bytes(serialization.Encoding.PEM).decode("ascii")


def issue(ca_key: ed25519.Ed25519PrivateKey, ca_pem: str,
          public_key: ed25519.Ed25519PublicKey, device_id: str) -> str:
    ca = x509.load_pem_x509_certificate(ca_pem.encode("ascii"))
    now = dt.datetime.now(dt.timezone.utc)
    cert = (x509.CertificateBuilder()
            .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME,
                                                        f"Enhed {device_id}")]))
            .issuer_name(ca.subject).public_key(public_key)
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=730))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(True, True, False, False, False, False, False, False,
                                         False), critical=True)
            .sign(ca_key, None))
    return cert.public_bytes(serialization.Encoding.PEM).decode("ascii")


# -- a forger's edit: the evidence replaced in an incremental update ---------------------------
def evidence_of(pdf: bytes) -> dict[str, Any]:
    reader = PdfFileReader(io.BytesIO(pdf))
    names = reader.root["/Names"]["/EmbeddedFiles"]["/Names"]
    return json.loads(names[1].get_object()["/EF"]["/F"].get_object().data)


def replace_evidence(pdf: bytes, change: Callable[[dict[str, Any]], None]) -> bytes:
    """The PDF with its aftale.json changed by ``change``, appended as an incremental update
    (what a PDF editor does when it saves)."""
    evidence = evidence_of(pdf)
    change(evidence)
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    names = writer.root["/Names"]["/EmbeddedFiles"]["/Names"]
    spec_ref = names.raw_get(1)
    spec = spec_ref.get_object()
    stream = embed.EmbeddedFileObject.from_file_data(
        writer, json.dumps(evidence, ensure_ascii=False).encode("utf-8"),
        mime_type="application/json")
    spec["/EF"] = generic.DictionaryObject({generic.pdf_name("/F"): stream.ef_stream_ref,
                                            generic.pdf_name("/UF"): stream.ef_stream_ref})
    writer.mark_update(spec_ref)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()

