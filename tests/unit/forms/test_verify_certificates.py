"""The certificates a PAdES signature carries are part of what is checked: the signature
itself does not cover them (they sit in the CMS's unsigned certificate set), so a byte
changed in the embedded copy of the service's CA certificate, or a certificate added to the
set, left a PDF "intact and trusted". Each such change is caught and named."""

from __future__ import annotations

import io

import pytest
from asn1crypto import cms
from asn1crypto import x509 as asn1_x509
from cryptography.hazmat.primitives import serialization
from pyhanko.pdf_utils.reader import PdfFileReader

from consultant_app.device import device_identity, install_certificate
from forms import verify as V
from tests.support.signing import issue, make_ca, ready_draft, seal, sign_all

CHANGED = "Et certifikat i PAdES-signaturen er ændret eller tilføjet efter forseglingen."


@pytest.fixture
def enrolled(store):
    """A PDF sealed by a device enrolled with a CA, and that CA's certificate (PEM)."""
    ca_key, ca_pem = make_ca("Consultant App central service CA")
    device = device_identity(store)
    install_certificate(store, issue(ca_key, ca_pem, device.public_key, device.device_id),
                        ca_pem)
    device = device_identity(store)
    agreement_id = ready_draft(store)
    sign_all(store, agreement_id, device)
    return seal(store, agreement_id, device), ca_pem


def _gap(pdf: bytes) -> tuple[int, bytes]:
    """(offset of the first hex digit of /Contents, the DER signature it holds)."""
    [embedded] = PdfFileReader(io.BytesIO(pdf)).embedded_signatures
    start, end = embedded.byte_range[1] + 1, embedded.byte_range[2] - 1
    return start, cms.ContentInfo.load(bytes.fromhex(pdf[start:end].decode("ascii"))).dump()


def _certificates(der: bytes) -> list[asn1_x509.Certificate]:
    return [c.chosen for c in cms.ContentInfo.load(der)["content"]["certificates"]]


def _flip_hex(pdf: bytes, start: int, der_offset: int) -> bytes:
    """The PDF with one hex digit of the signature's byte ``der_offset`` changed (still an
    upper-case hex digit, so the field keeps pyHanko's form)."""
    at = start + 2 * der_offset + 1
    digit = "%X" % (int(pdf[at:at + 1], 16) ^ 1)
    return pdf[:at] + digit.encode("ascii") + pdf[at + 1:]


PARTS = ["serial_number", "issuer", "validity", "subject", "subject_public_key_info",
         "extensions"]


@pytest.mark.parametrize("which", ["ca", "device"])
@pytest.mark.parametrize("part", [*PARTS, "signature_algorithm", "signature_value"])
def test_a_byte_changed_in_a_carried_certificate_is_caught(enrolled, which, part):
    pdf, ca_pem = enrolled
    start, der = _gap(pdf)
    ca_subject = V._load_certs([ca_pem])[0].subject.public_bytes()
    [cert] = [c for c in _certificates(der)
              if (c.subject.dump() == ca_subject) == (which == "ca")]
    at = der.index(cert.dump())
    if part in PARTS:  # found in order (a CA's issuer and subject are the same bytes)
        tbs = cert["tbs_certificate"]
        for earlier in PARTS[:PARTS.index(part)]:
            at = der.index(tbs[earlier].dump(), at) + len(tbs[earlier].dump())
        node = tbs[part]
    else:
        node = cert[part]
    offset = der.index(node.dump(), at) + len(node.dump()) - 1  # its last byte
    report = V.verify_pdf(_flip_hex(pdf, start, offset), trusted_certs=[ca_pem])
    assert report.outcome != V.TRUSTED, (which, part)
    assert not report.intact and report.problems, (which, part)


def test_a_certificate_added_to_the_signature_is_caught(enrolled):
    pdf, ca_pem = enrolled
    start, der = _gap(pdf)
    info = cms.ContentInfo.load(der)
    _, stranger_pem = make_ca("Fremmed CA")
    stranger = asn1_x509.Certificate.load(V._load_certs([stranger_pem])[0].public_bytes(
        serialization.Encoding.DER))
    signed = info["content"]
    signed["certificates"] = [*signed["certificates"], cms.CertificateChoices(
        name="certificate", value=stranger)]
    grown = info.dump(force=True).hex().upper().encode("ascii")
    end = pdf.index(b">", start)
    assert len(grown) <= end - start
    tampered = pdf[:start] + grown + b"0" * (end - start - len(grown)) + pdf[end:]
    report = V.verify_pdf(tampered, trusted_certs=[ca_pem])
    assert report.outcome != V.TRUSTED
    assert CHANGED in report.problems


def test_the_untouched_pdf_is_trusted_and_without_a_trust_store_intact(enrolled):
    pdf, ca_pem = enrolled
    assert V.verify_pdf(pdf, trusted_certs=[ca_pem]).outcome == V.TRUSTED
    assert V.verify_pdf(pdf).outcome == V.UNTRUSTED  # no trust store: intact, not trusted


def _unsigned_part(der: bytes, part: str) -> int:
    """The offset of the last byte of a part of the CMS the signature does not cover."""
    signed = cms.ContentInfo.load(der)["content"]
    node = {"signed-data-version": signed["version"],
            "digest-algorithms": signed["digest_algorithms"],
            "signer-info-version": signed["signer_infos"][0]["version"]}[part]
    at = der.index(signed["signer_infos"][0].dump()) if part.startswith("signer") else 0
    return der.index(node.dump(), at) + len(node.dump()) - 1


@pytest.mark.parametrize("part", ["signed-data-version", "digest-algorithms",
                                  "signer-info-version"])
@pytest.mark.parametrize("back", [0, 2])
def test_a_byte_changed_in_the_signatures_unsigned_structure_is_caught(enrolled, part, back):
    """The CMS's version numbers and its list of digest algorithms are outside the signed
    attributes too: a changed byte there is a change of the file like any other."""
    pdf, ca_pem = enrolled
    start, der = _gap(pdf)
    report = V.verify_pdf(_flip_hex(pdf, start, _unsigned_part(der, part) - back),
                          trusted_certs=[ca_pem])
    assert report.outcome != V.TRUSTED, part
    assert not report.intact and report.problems, part


@pytest.mark.parametrize("grow", [2, 6])
def test_a_signature_grown_into_its_zero_padding_is_caught(enrolled, grow):
    """The CMS's outer length made longer, so that zeros of the field's padding fall inside
    it: the same signature, and a different file."""
    pdf, ca_pem = enrolled
    start, der = _gap(pdf)
    assert der[:2] == b"\x30\x82"  # a SEQUENCE with a two-byte length
    length = int.from_bytes(der[2:4], "big") + grow
    tampered = pdf[:start + 4] + b"%04X" % length + pdf[start + 8:]
    report = V.verify_pdf(tampered, trusted_certs=[ca_pem])
    assert report.outcome != V.TRUSTED
    assert "Signaturfeltet i filen er ændret efter forseglingen." in report.problems
