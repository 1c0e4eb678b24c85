"""Signing on the screen: the device key, each party's signature bound to the frozen content
hash, and every refusal (bad strokes, blocking findings, no name, wrong role, twice)."""

from __future__ import annotations

import base64
import json

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ed25519
from sqlalchemy import select

from consultant_app.device import (
    APP_VERSION,
    device_identity,
    install_certificate,
)
from consultant_app.errors import ValidationError
from consultant_app.store import settings
from consultant_app.store import Store
from consultant_app.store.models import AgreementSignature
from forms import agreements as A
from forms import canonical, signing
from tests.support.profiles import PASSPHRASE
from tests.support.signing import (
    PAD_H,
    PAD_W,
    handwriting,
    issue,
    make_ca,
    ready_draft,
    sign_all,
    sign_as,
)


def test_handwriting_is_accepted_as_a_signature():
    assert signing.validate_strokes(handwriting(3), PAD_W, PAD_H)


# -- the device key -------------------------------------------------------------------------
def test_device_key_is_made_once_kept_encrypted_and_survives_reopening(store, profile_dir):
    first = device_identity(store)
    assert device_identity(store).public_key_raw == first.public_key_raw
    raw_private = first.private_key.private_bytes(serialization.Encoding.Raw,
                                                  serialization.PrivateFormat.Raw,
                                                  serialization.NoEncryption())
    stored = store.meta(settings.DEVICE_PRIVATE_KEY)
    assert base64.b64encode(raw_private).decode() not in stored
    assert raw_private not in base64.b64decode(stored)
    assert first.certificate.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw) == first.public_key_raw
    assert not first.enrolled and first.certificate.issuer == first.certificate.subject
    store.close()
    with Store.open(profile_dir, PASSPHRASE) as reopened:
        again = device_identity(reopened)
    assert (again.device_id, again.public_key_raw) == (first.device_id, first.public_key_raw)
    data = b"seal statement"
    first.public_key.verify(again.sign(data), data)


def test_installing_the_central_certificate_checks_it_is_for_this_key(store):
    identity = device_identity(store)
    ca_key, ca_pem = make_ca()
    other = ed25519.Ed25519PrivateKey.generate()
    with pytest.raises(ValidationError) as err:
        install_certificate(store, issue(ca_key, ca_pem, other.public_key(), "x"), ca_pem)
    assert err.value.for_field("certificate_pem")
    _, stranger_ca = make_ca("Anden CA")
    with pytest.raises(ValidationError) as err:
        install_certificate(store, issue(ca_key, ca_pem, identity.public_key, "x"),
                            stranger_ca)
    assert err.value.for_field("ca_certificate_pem")
    assert not device_identity(store).enrolled  # nothing stored by a refusal

    enrolled = install_certificate(store, issue(ca_key, ca_pem, identity.public_key, "srv-1"),
                                   ca_pem, device_id="srv-1")
    assert enrolled.enrolled and enrolled.device_id == "srv-1"
    assert enrolled.public_key_raw == identity.public_key_raw
    kept = device_identity(store)
    assert kept.device_id == "srv-1" and kept.ca_certificate_pem.strip() == ca_pem.strip()
    assert kept.certificate.issuer.rfc4514_string() == "CN=Test Jobcenter CA"


# -- signing ----------------------------------------------------------------------------------
def test_all_parties_sign_and_each_signature_is_bound_to_the_frozen_hash(store, device):
    agreement_id = ready_draft(store)
    with store.read() as s:
        expected_hash = A.content_hash(A.load(s, agreement_id))
        assert [r.role for r in signing.pending_signers(s, agreement_id)] == [
            "employer", "employee_representative", "citizen", "consultant"]
    sign_as(store, agreement_id, device, "employer", "  Lone Bager ")
    with store.read() as s:
        record = A.load(s, agreement_id).record
        assert (record.status, record.content_hash) == (A.SIGNING, expected_hash)
        [first] = A.signatures(s, agreement_id)
        assert first.signer_name == "Lone Bager" and first.content_hash == expected_hash
        assert first.device_id == device.device_id and first.app_version == APP_VERSION
        assert first.signed_at.microsecond == 0
        stored = json.loads(first.strokes)
        assert (stored["pad_width"], stored["pad_height"]) == (PAD_W, PAD_H)
        assert stored["strokes"][0][5] == list(handwriting(0)[0][5])
        assert first.strokes == canonical.canonical_json(stored).decode()
    for seed, (role, name) in enumerate([("employee_representative", "Per Tillid"),
                                         ("citizen", "Ali Hansen")], 1):
        sign_as(store, agreement_id, device, role, name, seed)
    with store.read() as s:
        assert A.load(s, agreement_id).record.status == A.SIGNING
        assert [r.role for r in signing.pending_signers(s, agreement_id)] == ["consultant"]
    sign_as(store, agreement_id, device, "consultant", "Test Konsulent", 3,
            identity_check="known")
    with store.read() as s:
        assert A.load(s, agreement_id).record.status == A.SIGNED
        signatures = A.signatures(s, agreement_id)
        assert signing.pending_signers(s, agreement_id) == []
    assert {s.content_hash for s in signatures} == {expected_hash}
    assert [s.identity_check for s in signatures] == ["id_shown"] * 3 + ["known"]


def test_without_a_tillidsrepraesentant_that_role_does_not_sign(store, device):
    agreement_id = ready_draft(store, with_tr=False)
    with pytest.raises(ValidationError) as err:
        sign_as(store, agreement_id, device, "employee_representative", "Per Tillid")
    [problem] = err.value.for_field("role")
    assert "skal ikke underskrive" in str(problem) and "Virksomheden" in str(problem)
    for seed, role in enumerate(("employer", "citizen", "consultant")):
        sign_as(store, agreement_id, device, role, "Navn Navnesen", seed)
    with store.read() as s:
        assert A.load(s, agreement_id).record.status == A.SIGNED


def _status(store, agreement_id):
    with store.read() as s:
        return A.load(s, agreement_id).record.status, len(A.signatures(s, agreement_id))


@pytest.mark.parametrize("strokes", [
    [],
    [[]],
    [[(300, 100, 0.5, 0)]],                                            # a tap
    [[(300 + i, 100, 0.5, i * 10) for i in range(12)]],               # a tiny tick
    [[(100, 100, 0.5, 0), (400, 100, 0.5, 10)]],                      # two points
], ids=["no-strokes", "empty-stroke", "tap", "tick", "two-points"])
def test_an_empty_or_trivially_short_signature_is_refused(store, device, strokes):
    agreement_id = ready_draft(store)
    with pytest.raises(ValidationError) as err:
        sign_as(store, agreement_id, device, "employer", "Lone Bager", strokes=strokes)
    [problem] = err.value.for_field("strokes")
    assert "Underskriften er" in str(problem)
    assert _status(store, agreement_id) == (A.DRAFT, 0)


@pytest.mark.parametrize("strokes,pad,text", [
    ([[(x, 100, 0.5, x) for x in range(0, 700, 10)]], (PAD_W, PAD_H), "uden for feltet"),
    ([[(10, 10, 0.5)] * 20], (PAD_W, PAD_H), "ugyldigt"),
    ([[(10 + i * 20, 50, 2.0, i) for i in range(20)]], (PAD_W, PAD_H), "tryk eller tid"),
    ([[(10 + i * 20, 50, 0.5, 100 - i) for i in range(20)]], (PAD_W, PAD_H),
     "tryk eller tid"),
    (handwriting(), (0, PAD_H), "størrelse"),
], ids=["outside", "three-values", "pressure", "time-backwards", "no-pad"])
def test_malformed_strokes_are_refused_naming_the_field(store, device, strokes, pad, text):
    agreement_id = ready_draft(store)
    with pytest.raises(ValidationError) as err:
        sign_as(store, agreement_id, device, "employer", "Lone Bager", strokes=strokes,
                pad_width=pad[0], pad_height=pad[1])
    assert text in str(err.value.for_field("strokes")[0])


def test_signing_with_blocking_findings_is_refused_with_the_findings_listed(store, device):
    agreement_id = ready_draft(store, purpose=None)
    with pytest.raises(A.NotReady) as err:
        sign_as(store, agreement_id, device, "employer", "Lone Bager")
    assert any(f.field == "purpose" for f in err.value.findings)
    assert "Formål med praktikken skal udfyldes" in str(err.value.message)
    assert _status(store, agreement_id) == (A.DRAFT, 0)


def test_a_missing_signer_name_wrong_role_and_unknown_identity_check_are_all_reported(
        store, device):
    agreement_id = ready_draft(store)
    with pytest.raises(ValidationError) as err:
        sign_as(store, agreement_id, device, "chef", "   ", identity_check="kørekort")
    assert {p.field for p in err.value.problems} == {"signer_name", "role", "identity_check"}
    assert "Skriv underskriverens navn" in str(err.value)
    assert "ID vist" in str(err.value.for_field("identity_check")[0])
    assert _status(store, agreement_id) == (A.DRAFT, 0)


def test_a_party_cannot_sign_the_same_revision_twice(store, device):
    agreement_id = ready_draft(store)
    sign_as(store, agreement_id, device, "citizen", "Ali Hansen")
    with pytest.raises(ValidationError) as err:
        sign_as(store, agreement_id, device, "citizen", "Ali Hansen", 2)
    assert "Borger har allerede underskrevet" in str(err.value.for_field("role")[0])
    assert _status(store, agreement_id) == (A.SIGNING, 1)


def test_after_the_first_signature_the_content_is_frozen_and_a_new_revision_signs_again(
        store, device):
    agreement_id = ready_draft(store)
    sign_as(store, agreement_id, device, "employer", "Lone Bager")
    sign_as(store, agreement_id, device, "citizen", "Ali Hansen", 1)
    with pytest.raises(A.AgreementFrozen):
        with store.write() as s:
            A.update_fields(s, agreement_id, {"hours_per_week": 20})
    with store.read() as s:
        first_hash = A.load(s, agreement_id).record.content_hash
        assert A.load(s, agreement_id).values["hours_per_week"] == 15

    with store.write() as s:
        A.new_revision(s, agreement_id)
        A.update_fields(s, agreement_id, {"hours_per_week": 20})
    with store.read() as s:
        doc = A.load(s, agreement_id)
        assert (doc.record.revision, doc.record.status) == (2, A.DRAFT)
        assert A.signatures(s, agreement_id) == []
        assert len(signing.pending_signers(s, agreement_id)) == 4
        old = list(s.scalars(select(AgreementSignature).where(
            AgreementSignature.agreement_id == agreement_id)))
        assert len(old) == 2 and all(o.voided and o.revision == 1 for o in old)
    sign_as(store, agreement_id, device, "citizen", "Ali Hansen", 1)  # may sign again
    with store.read() as s:
        record = A.load(s, agreement_id).record
        [again] = A.signatures(s, agreement_id)
    assert record.content_hash == again.content_hash != first_hash
    assert again.revision == 2


def test_a_sealed_agreement_cannot_be_signed_or_reopened(store, device):
    from forms import sealing
    agreement_id = ready_draft(store)
    sign_all(store, agreement_id, device)
    with store.write() as s:
        sealing.seal_agreement(s, agreement_id, device)
    with pytest.raises(signing.AlreadySealed):
        sign_as(store, agreement_id, device, "citizen", "Ali Hansen")
    with pytest.raises(A.AgreementFrozen):
        with store.write() as s:
            A.new_revision(s, agreement_id)
