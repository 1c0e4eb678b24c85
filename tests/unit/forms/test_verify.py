"""Offline verification of a sealed PDF, and tampering of every kind: a field value or a
stroke point in the embedded evidence, any byte of the file. Each is caught and named."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from pyhanko.pdf_utils.reader import PdfFileReader

from consultant_app.cli.common import Context
from consultant_app.device import device_identity, install_certificate
from forms import verify as V
from tests.support.signing import (
    evidence_of,
    issue,
    make_ca,
    ready_draft,
    replace_evidence,
    seal,
    sign_all,
)


def test_an_untouched_sealed_pdf_verifies_intact_and_says_who_signed(sealed_pdf, device):
    agreement_id, pdf = sealed_pdf
    report = V.verify_pdf(pdf)
    assert report.intact, report.problems
    assert report.problems == []
    assert (report.agreement_id, report.revision) == (agreement_id, 1)
    assert report.title == "Aftale om virksomhedspraktik"
    assert len(report.content_hash) == 64
    assert [(s.name, s.role_label, s.identity_check_label) for s in report.signers] == [
        ("Lone Bager", "Virksomheden", "ID vist"),
        ("Per Tillid", "Tillidsrepræsentant", "ID vist"),
        ("Ali Hansen", "Borger", "ID vist"),
        ("Test Konsulent", "Jobcenter", "Kendt af konsulenten")]
    assert {s.device_id for s in report.signers} == {device.device_id}
    assert all(s.signed_at.endswith("Z") for s in report.signers)
    assert report.outcome == V.UNTRUSTED  # a self-signed device: nothing says who it is
    assert report.trust.startswith("Ikke betroet: enhedens certifikat er selvsigneret")


def test_a_changed_field_value_in_the_evidence_is_caught(sealed_pdf):
    _, pdf = sealed_pdf

    def change(evidence):
        evidence["payload"]["fields"]["hours_per_week"] = 37
    report = V.verify_pdf(replace_evidence(pdf, change))
    assert not report.intact
    assert any("Aftalens indhold er ændret" in p for p in report.problems)
    assert any("dækker ikke hele filen" in p for p in report.problems)


def test_a_changed_stroke_point_is_caught_and_the_signer_named(sealed_pdf):
    _, pdf = sealed_pdf

    def change(evidence):
        evidence["signatures"][2]["strokes"]["strokes"][0][40][1] += 3
    report = V.verify_pdf(replace_evidence(pdf, change))
    assert not report.intact
    assert any("Underskriften fra Ali Hansen (Borger) er ændret" in p
               for p in report.problems)


def test_the_evidence_checks_alone_catch_changes_even_under_a_valid_seal_key(sealed_pdf,
                                                                          device):
    """Without the PAdES layer: the seal, the content hash and the strokes hashes each catch
    their kind of change."""
    _, pdf = sealed_pdf
    genuine = evidence_of(pdf)
    report = V.VerifyReport()
    V.check_evidence(genuine, device.public_key, report)
    assert report.problems == []

    changed = evidence_of(pdf)
    changed["payload"]["fields"]["citizen_name"] = "Anden Person"
    report = V.VerifyReport()
    V.check_evidence(changed, device.public_key, report)
    assert report.problems == [("Aftalens indhold er ændret: indholdet i beviset giver ikke "
                                "den forseglede hash.")]

    changed = evidence_of(pdf)
    changed["seal"]["statement"]["signatures"][0]["signer_name"] = "Anden Person"
    report = V.VerifyReport()
    V.check_evidence(changed, device.public_key, report)
    assert any("Ed25519-segl" in p for p in report.problems)
    assert any("Oplysningerne om underskriften fra Anden Person" in p
               for p in report.problems)

    changed = evidence_of(pdf)
    changed["signatures"][0]["strokes"]["strokes"][1][3][0] += 0.5
    report = V.VerifyReport()
    V.check_evidence(changed, device.public_key, report)
    assert report.problems == [("Underskriften fra Lone Bager (Virksomheden) er ændret: "
                                "stregerne passer ikke med forseglingen.")]


def _offsets(pdf: bytes) -> dict[str, int]:
    [embedded] = PdfFileReader(io.BytesIO(pdf)).embedded_signatures
    _, gap_start, gap_end, _ = embedded.byte_range
    evidence = pdf.index(b"stream", pdf.index(b"/Type /EmbeddedFile")) + 40
    return {"header": 11, "page-content": 2000, "middle": len(pdf) // 2,
            "evidence-stream": evidence, "byte-range": pdf.index(b"/ByteRange") + 14,
            "signature-der": gap_start + 41, "signature-padding": gap_end - 12,
            "after-signature": gap_end + 5, "last-byte": len(pdf) - 2}


@pytest.mark.parametrize("where", ["header", "page-content", "middle", "evidence-stream",
                                   "byte-range", "signature-der", "signature-padding",
                                   "after-signature", "last-byte"])
def test_flipping_any_byte_makes_verification_fail(sealed_pdf, where):
    _, pdf = sealed_pdf
    offset = _offsets(pdf)[where]
    for flip in (0x01, 0x20):
        tampered = bytearray(pdf)
        tampered[offset] ^= flip
        report = V.verify_pdf(bytes(tampered))
        assert not report.intact, (where, flip)
        assert report.problems, (where, flip)


def test_a_lower_case_hex_digit_in_the_signature_field_is_caught(sealed_pdf):
    _, pdf = sealed_pdf
    [embedded] = PdfFileReader(io.BytesIO(pdf)).embedded_signatures
    start = embedded.byte_range[1]
    gap = pdf[start:embedded.byte_range[2]]
    at = start + next(i for i, c in enumerate(gap) if chr(c) in "ABCDEF")
    tampered = pdf[:at] + pdf[at:at + 1].lower() + pdf[at + 1:]
    report = V.verify_pdf(tampered)
    assert not report.intact
    assert "Signaturfeltet i filen er ændret efter forseglingen." in report.problems


def test_a_pdf_without_the_seal_or_not_a_pdf_at_all(sealed_pdf):
    with pytest.raises(V.NotAPdf):
        V.verify_pdf(b"PK\x03\x04 not a pdf")
    _, pdf = sealed_pdf
    unsigned = pdf[:pdf.index(b"%%EOF") + 6]  # the first revision: before evidence and seal
    report = V.verify_pdf(unsigned)
    assert not report.intact
    assert any("ingen digital signatur" in p for p in report.problems)


def test_an_enrolled_device_is_checked_against_the_central_ca(store, device):
    ca_key, ca_pem = make_ca()
    install_certificate(store, issue(ca_key, ca_pem, device.public_key, device.device_id),
                        ca_pem)
    enrolled = device_identity(store)
    agreement_id = ready_draft(store)
    sign_all(store, agreement_id, enrolled)
    pdf = seal(store, agreement_id, enrolled)

    report = V.verify_pdf(pdf, trusted_certs=[ca_pem])
    assert report.outcome == V.TRUSTED, report.problems
    assert report.trust == "Betroet: forseglet af en enhed, som Test Jobcenter CA har " \
                           "udstedt certifikat til."
    without = V.verify_pdf(pdf)
    assert without.intact and without.outcome == V.UNTRUSTED
    assert "kan ikke føres tilbage til et betroet rodcertifikat" in without.trust
    _, other_ca = make_ca("Fremmed CA")
    report = V.verify_pdf(pdf, trusted_certs=[other_ca])
    assert report.intact and report.outcome == V.UNTRUSTED
    assert "'Test Jobcenter CA', men det kan ikke føres tilbage" in report.trust


def test_a_self_signed_seal_is_not_trusted_when_a_ca_is_given(sealed_pdf):
    _, ca_pem = make_ca()
    report = V.verify_pdf(sealed_pdf[1], trusted_certs=[ca_pem])
    assert report.outcome == V.UNTRUSTED and not report.trusted


# -- the command ------------------------------------------------------------------------------
def _invoke(args: list[str], profile: Path):
    """The command as ``consultant-app --profile PROFILE verify ...`` runs it."""
    return CliRunner().invoke(V.verify, args, obj=Context(profile, None))


def test_verify_command_says_intact_but_not_trusted_in_plain_danish_and_exits_2(
        sealed_pdf, tmp_path):
    path = tmp_path / "aftale.pdf"
    path.write_bytes(sealed_pdf[1])
    result = _invoke([str(path)], tmp_path / "ingen-profil")
    assert result.exit_code == V.EXIT_UNTRUSTED, result.output
    assert result.output.startswith("INTAKT, MEN IKKE BETROET: aftale.pdf er uændret siden "
                                    "forseglingen, men det kan ikke bekræftes, hvem der har "
                                    "forseglet den.")
    assert "Ali Hansen som Borger" in result.output and "identitet: ID vist" in result.output
    assert "dansk tid" in result.output and "selvsigneret" in result.output

    as_json = _invoke([str(path), "--json"], tmp_path / "ingen-profil")
    assert as_json.exit_code == V.EXIT_UNTRUSTED
    data = json.loads(as_json.output)
    assert data["outcome"] == "untrusted" and data["intact"] is True
    assert data["trusted"] is False and data["signers"][0]["name"] == "Lone Bager"


def test_verify_command_exits_1_and_says_what_failed_when_tampered(sealed_pdf, tmp_path):
    path = tmp_path / "aftale.pdf"
    path.write_bytes(replace_evidence(sealed_pdf[1], lambda e: e["payload"]["fields"].update(
        tasks="Alt muligt")))
    result = _invoke([str(path)], tmp_path / "ingen-profil")
    assert result.exit_code == 1
    assert result.output.startswith("IKKE INTAKT")
    assert "Aftalens indhold er ændret" in result.output


def test_verify_command_on_a_missing_or_non_pdf_file_gives_a_message_not_a_traceback(
        tmp_path):
    text_file = tmp_path / "noter.txt"
    text_file.write_text("ikke en pdf")
    bad_ca = tmp_path / "ca.pem"
    bad_ca.write_text("nonsens")
    pdf = tmp_path / "x.pdf"
    pdf.write_bytes(b"%PDF-1.4\n")
    for args, expected in (([str(tmp_path / "findes-ikke.pdf")], "findes ikke"),
                           ([str(text_file)], "ikke en PDF-fil"),
                           ([str(pdf), "--ca", str(bad_ca)], "Rodcertifikatet")):
        done = subprocess.run([sys.executable, "-m", "forms.verify", *args],
                              capture_output=True, text=True, timeout=60, check=False)
        assert done.returncode == V.EXIT_CANNOT_CHECK, done.stderr
        assert expected in done.stderr and "Traceback" not in done.stderr


def test_verify_command_on_a_damaged_pdf_says_so(tmp_path):
    pdf = tmp_path / "x.pdf"
    pdf.write_bytes(b"%PDF-1.4\n1 0 obj garbage")
    result = _invoke([str(pdf)], tmp_path / "ingen-profil")
    assert result.exit_code == 1
    assert "beskadiget" in result.output


def test_consultant_app_verify_returns_the_exit_codes(sealed_pdf, tmp_path, capsys):
    from consultant_app.cli import cli, main
    if "verify" not in cli.commands:  # the entry point, as an installed package declares it
        cli.add_command(V.verify, "verify")
    good, bad = tmp_path / "god.pdf", tmp_path / "rettet.pdf"
    good.write_bytes(sealed_pdf[1])
    flipped = bytearray(sealed_pdf[1])
    flipped[3000] ^= 0x04
    bad.write_bytes(bytes(flipped))
    profile = ["--profile", str(tmp_path / "ingen-profil")]
    assert main([*profile, "verify", str(good)]) == 2  # self-signed: intact, not trusted
    assert main([*profile, "verify", str(bad)]) == 1
    assert main([*profile, "verify", str(tmp_path / "ingen.pdf")]) == 3
    out = capsys.readouterr()
    assert "INTAKT, MEN IKKE BETROET: god.pdf" in out.out
    assert "IKKE INTAKT: rettet.pdf" in out.out
    assert "findes ikke" in out.err and "Traceback" not in out.err
