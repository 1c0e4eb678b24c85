"""Verify trusts only what it should: a PDF re-sealed by anyone with a self-made key, even
under a self-made CA carrying the real service's name, is never reported as trusted (exit 0).
The trust store holds the enrolled service's CA by default; ``trust add/list/remove`` and
``ca export`` manage and share it. Everything through the real ``consultant-app`` command."""

from __future__ import annotations

from pathlib import Path

import pytest
from cryptography import x509

from consultant_app.cli import cli, main
from consultant_app.device import device_identity, install_certificate
from consultant_app.store import Store
from forms import trust as T
from forms import verify as V
from tests.support import forgery
from tests.support.profiles import FAST_KDF, PASSPHRASE
from tests.support.signing import evidence_of, issue, make_ca, ready_draft, seal, sign_all


REAL_CA_NAME = "Consultant App central service CA"

for _name, _command in (("verify", V.verify), ("trust", T.trust), ("ca", T.ca)):
    if _name not in cli.commands:  # the entry points, as an installed package declares them
        cli.add_command(_command, _name)


def _enrolled_seal(store: Store, ca_key, ca_pem: str) -> bytes:
    device = device_identity(store)
    install_certificate(store, issue(ca_key, ca_pem, device.public_key, device.device_id),
                        ca_pem)
    enrolled = device_identity(store)
    agreement_id = ready_draft(store)
    sign_all(store, agreement_id, enrolled)
    return seal(store, agreement_id, enrolled)


@pytest.fixture
def real_ca():
    return make_ca(REAL_CA_NAME)


@pytest.fixture
def genuine(store, real_ca) -> bytes:
    """A PDF sealed by a device the real service enrolled (the store's profile)."""
    return _enrolled_seal(store, *real_ca)


@pytest.fixture
def forged(tmp_path, real_ca) -> bytes:
    """A forger's profile: its own key, certified by a self-made CA with the real CA's exact
    name, sealing an agreement of the same content (names, CPR, signatures)."""
    fake_key, fake_pem = forgery.impostor_ca(real_ca[1])
    assert x509.load_pem_x509_certificate(fake_pem.encode()).subject == \
        x509.load_pem_x509_certificate(real_ca[1].encode()).subject
    with Store.create(tmp_path / "forger", "forger-pw", consultant="Test Konsulent",
                      kdf_n=FAST_KDF) as forger:
        return _enrolled_seal(forger, fake_key, fake_pem)


def _cli(capsys, profile: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--profile", str(profile), "--passphrase", PASSPHRASE, *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_a_forgery_under_an_impostor_ca_with_the_real_name_is_never_trusted(genuine, forged,
                                                                             real_ca):
    report = V.verify_pdf(genuine, trusted_certs=[real_ca[1]])
    assert report.outcome == V.TRUSTED, (report.problems, report.cannot_check)
    assert report.trust == f"Betroet: forseglet af en enhed, som {REAL_CA_NAME} har " \
                           "udstedt certifikat til."

    for trusted in ([real_ca[1]], []):
        report = V.verify_pdf(forged, trusted_certs=trusted)
        assert report.intact and not report.trusted  # intact as a file, but who sealed it?
        assert report.outcome == V.UNTRUSTED and report.exit_code == V.EXIT_UNTRUSTED
        assert f"udstedt af '{REAL_CA_NAME}', men det kan ikke føres tilbage" in report.trust
    # The same names and content as the genuine one: only the chain tells them apart.
    assert evidence_of(forged)["payload"]["fields"] == evidence_of(genuine)["payload"]["fields"]


def test_a_self_signed_seal_is_intact_but_not_trusted(sealed_pdf_self_signed):
    report = V.verify_pdf(sealed_pdf_self_signed, trusted_certs=[make_ca()[1]])
    assert report.outcome == V.UNTRUSTED
    assert report.trust.startswith("Ikke betroet: enhedens certifikat er selvsigneret")


@pytest.fixture
def sealed_pdf_self_signed(store) -> bytes:
    device = device_identity(store)
    agreement_id = ready_draft(store)
    sign_all(store, agreement_id, device)
    return seal(store, agreement_id, device)


def test_the_enrolled_services_ca_is_trusted_by_default_and_the_forgery_exits_2(
        store, profile_dir, genuine, forged, tmp_path, capsys):
    good, fake = tmp_path / "aftale.pdf", tmp_path / "forfalsket.pdf"
    good.write_bytes(genuine)
    fake.write_bytes(forged)
    # Read while the profile is open and locked, as while the desktop program runs.
    assert [a.label for a in T.read_trust_store(profile_dir)] == [REAL_CA_NAME]
    store.close()

    code, out, err = _cli(capsys, profile_dir, "verify", str(good))
    assert code == V.EXIT_TRUSTED, out + err
    assert out.startswith("INTAKT OG BETROET: aftale.pdf")

    code, out, err = _cli(capsys, profile_dir, "verify", str(fake))
    assert code == V.EXIT_UNTRUSTED, out + err
    assert out.startswith("INTAKT, MEN IKKE BETROET: forfalsket.pdf")
    assert "kan ikke føres tilbage til et betroet rodcertifikat" in out

    # Without any profile nothing is trusted: at best "intact, not trusted".
    code, out, _ = _cli(capsys, tmp_path / "ingen-profil", "verify", str(good))
    assert code == V.EXIT_UNTRUSTED and "Der er ingen betroede rodcertifikater" in out


def test_trust_add_list_remove_and_ca_export(store, profile_dir, tmp_path, capsys):
    other_key, other_pem = make_ca("Jobcenter Odense CA")
    with Store.create(tmp_path / "odense", "pw-odense", consultant="Anne Odense",
                      kdf_n=FAST_KDF) as odense:
        from_odense = _enrolled_seal(odense, other_key, other_pem)
    pdf = tmp_path / "odense.pdf"
    pdf.write_bytes(from_odense)
    own_key, own_pem = make_ca(REAL_CA_NAME)
    _enrolled_seal(store, own_key, own_pem)
    store.close()

    assert _cli(capsys, profile_dir, "verify", str(pdf))[0] == V.EXIT_UNTRUSTED
    ca_file = tmp_path / "odense-ca.pem"
    ca_file.write_text(other_pem)
    code, out, err = _cli(capsys, profile_dir, "trust", "add", str(ca_file))
    assert code == 0, err
    assert out.startswith("Tilføjet: Jobcenter Odense CA, fingeraftryk ")
    assert _cli(capsys, profile_dir, "trust", "add", str(ca_file))[1].startswith(
        "Certifikatet er allerede betroet")
    code, out, _ = _cli(capsys, profile_dir, "trust", "list")
    lines = out.splitlines()
    assert len(lines) == 2 and REAL_CA_NAME in lines[0] and "tilmeldt" in lines[0]
    assert "Jobcenter Odense CA" in lines[1] and "tilføjet" in lines[1]
    assert _cli(capsys, profile_dir, "verify", str(pdf))[0] == V.EXIT_TRUSTED

    fingerprint = lines[1].split()[0]
    code, _, err = _cli(capsys, profile_dir, "trust", "remove", lines[0].split()[0][:12])
    assert code == 1 and "følger tilmeldingen" in err  # the enrolled CA stays
    code, out, _ = _cli(capsys, profile_dir, "trust", "remove", fingerprint[:12])
    assert code == 0 and out.strip() == "Fjernet: Jobcenter Odense CA"
    assert _cli(capsys, profile_dir, "verify", str(pdf))[0] == V.EXIT_UNTRUSTED

    # --ca replaces the trust store: only the CA given is trusted.
    exported = tmp_path / "tjeneste-ca.pem"
    code, out, _ = _cli(capsys, profile_dir, "ca", "export", "-o", str(exported))
    assert code == 0 and exported.read_text() == own_pem
    assert _cli(capsys, profile_dir, "verify", str(pdf), "--ca", str(exported))[0] \
        == V.EXIT_UNTRUSTED
    assert _cli(capsys, profile_dir, "verify", str(pdf), "--ca", str(ca_file))[0] \
        == V.EXIT_TRUSTED


def test_trust_add_refuses_what_is_not_a_ca_certificate(store, profile_dir, tmp_path, capsys):
    store.close()
    device_cert = tmp_path / "enhed.pem"
    with Store.open(profile_dir, PASSPHRASE) as reopened:
        device_cert.write_text(device_identity(reopened).certificate_pem)
    junk = tmp_path / "junk.pem"
    junk.write_text("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n")
    for path in (device_cert, junk, tmp_path / "findes-ikke.pem"):
        code, _, err = _cli(capsys, profile_dir, "trust", "add", str(path))
        assert code == 1 and "Traceback" not in err and err.startswith("Fejl: ")
    assert T.read_trust_store(profile_dir) == []
    code, _, err = _cli(capsys, profile_dir, "ca", "export")
    assert code == 1 and "ikke tilmeldt" in err
