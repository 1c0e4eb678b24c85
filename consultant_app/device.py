"""This device's identity: an Ed25519 key pair that seals signed agreements.

The key is made the first time it is asked for (the first start of a profile) and kept in
``profile_meta``: the private key only encrypted with the profile's data key (``FieldCipher``,
like the CPR numbers), so nobody can seal in this device's name without the passphrase. Until
the central service certifies the key at enrollment (``install_certificate``, called by the
sync client), a self-signed X.509 certificate stands for it; a verifier then says so
("selvsigneret / ikke tilmeldt") instead of failing.
"""

from __future__ import annotations

import base64
import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ed25519
from cryptography.x509.oid import NameOID

from . import __version__
from .errors import Problem, ValidationError
from .ids import new_id
from .store import settings

if TYPE_CHECKING:  # the store makes the device identity with a new profile: no import back
    from .store import Store
from .text import QT_TRANSLATE_NOOP as _N

APP_VERSION = __version__

_KEYS = (settings.DEVICE_ID, settings.DEVICE_PRIVATE_KEY, settings.DEVICE_CERTIFICATE,
         settings.DEVICE_CA_CERTIFICATE)

SELF_SIGNED_YEARS = 20


@dataclass(frozen=True)
class DeviceIdentity:
    device_id: str
    private_key: ed25519.Ed25519PrivateKey
    public_key: ed25519.Ed25519PublicKey
    certificate_pem: str
    ca_certificate_pem: str = ""

    @property
    def enrolled(self) -> bool:
        """Whether the central service has certified the key (else it is self-signed)."""
        return bool(self.ca_certificate_pem)

    @property
    def public_key_raw(self) -> bytes:
        return self.public_key.public_bytes(serialization.Encoding.Raw,
                                            serialization.PublicFormat.Raw)

    @property
    def public_key_b64(self) -> str:
        """The public key as ``EnrollRequest.public_key`` wants it: raw 32 bytes, base64."""
        return base64.b64encode(self.public_key_raw).decode("ascii")

    @property
    def certificate(self) -> x509.Certificate:
        return x509.load_pem_x509_certificate(self.certificate_pem.encode("ascii"))

    def sign(self, data: bytes) -> bytes:
        return self.private_key.sign(data)


def _aad(device_id: str) -> bytes:
    # Binds the ciphertext to its device id: a key row copied under another id fails to open.
    return f"device-key:{device_id}".encode("ascii")


def _self_signed(key: ed25519.Ed25519PrivateKey, device_id: str, consultant: str,
                 now: dt.datetime) -> str:
    attributes = [x509.NameAttribute(NameOID.COMMON_NAME, f"Enhed {device_id}"),
                  x509.NameAttribute(NameOID.SERIAL_NUMBER, device_id)]
    if consultant.strip():
        attributes.append(x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME,
                                             consultant.strip()[:64]))
    name = x509.Name(attributes)
    cert = (x509.CertificateBuilder()
            .subject_name(name).issuer_name(name)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=365 * SELF_SIGNED_YEARS))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=True,
                                         key_encipherment=False, data_encipherment=False,
                                         key_agreement=False, key_cert_sign=False,
                                         crl_sign=False, encipher_only=False,
                                         decipher_only=False), critical=True)
            .sign(key, None))
    return cert.public_bytes(serialization.Encoding.PEM).decode("ascii")


def _cipher(store: Store):
    if store.cipher is None:
        raise RuntimeError("the profile is locked: no field cipher")
    return store.cipher


def _identity_from(store: Store, meta: dict[str, str]) -> DeviceIdentity:
    device_id = meta[settings.DEVICE_ID]
    token = base64.b64decode(meta[settings.DEVICE_PRIVATE_KEY])
    raw = base64.b64decode(_cipher(store).decrypt(token, _aad(device_id)))
    key = ed25519.Ed25519PrivateKey.from_private_bytes(raw)
    return DeviceIdentity(device_id, key, key.public_key(), meta[settings.DEVICE_CERTIFICATE],
                          meta.get(settings.DEVICE_CA_CERTIFICATE, ""))


def _read_meta(session) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return settings.get_many(session, _KEYS)


def device_identity(store: Store) -> DeviceIdentity:
    """This device's identity, made (and stored, in one transaction) on the first call."""
    with store.read() as s:
        meta = _read_meta(s)
    if settings.DEVICE_PRIVATE_KEY in meta:
        return _identity_from(store, meta)
    with store.write() as s:
        meta = _read_meta(s)  # again, under the write lock: made only once
        if settings.DEVICE_PRIVATE_KEY not in meta:
            device_id = new_id()
            key = ed25519.Ed25519PrivateKey.generate()
            raw = key.private_bytes(serialization.Encoding.Raw,
                                    serialization.PrivateFormat.Raw,
                                    serialization.NoEncryption())
            token = _cipher(store).encrypt(base64.b64encode(raw).decode("ascii"),
                                           _aad(device_id))
            consultant = settings.get(s, settings.CONSULTANT)
            now = dt.datetime.now(dt.timezone.utc)
            meta = {settings.DEVICE_ID: device_id,
                    settings.DEVICE_PRIVATE_KEY: base64.b64encode(token).decode("ascii"),
                    settings.DEVICE_CERTIFICATE: _self_signed(key, device_id, consultant, now),
                    settings.DEVICE_CA_CERTIFICATE: ""}
            settings.put_many(s, meta)
    return _identity_from(store, meta)


def install_certificate(store: Store, certificate_pem: str, ca_pem: str, *,
                        device_id: str | None = None) -> DeviceIdentity:
    """Keep the certificate the central service issued for this device's key at enrollment
    (``EnrollResponse.certificate_pem`` / ``ca_certificate_pem``), and the device id it gave,
    if any. Refused, with nothing stored, unless the certificate is for this device's public
    key and issued by ``ca_pem``."""
    identity = device_identity(store)
    problems: list[Problem] = []
    try:
        cert = x509.load_pem_x509_certificate(certificate_pem.encode("ascii"))
    except (ValueError, UnicodeEncodeError):
        raise ValidationError([Problem.of("certificate_pem", _N(
            "problems", "Certifikatet fra den centrale tjeneste kan ikke læses."))]) from None
    try:
        ca = x509.load_pem_x509_certificate(ca_pem.encode("ascii"))
    except (ValueError, UnicodeEncodeError):
        raise ValidationError([Problem.of("ca_certificate_pem", _N(
            "problems", "Rodcertifikatet fra den centrale tjeneste kan ikke læses."))]) from None
    key = cert.public_key()
    if not isinstance(key, ed25519.Ed25519PublicKey) or key.public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw) \
            != identity.public_key_raw:
        problems.append(Problem.of("certificate_pem", _N(
            "problems", "Certifikatet er ikke udstedt til denne enheds nøgle.")))
    else:
        try:
            cert.verify_directly_issued_by(ca)
        except (ValueError, TypeError, InvalidSignature):
            problems.append(Problem.of("ca_certificate_pem", _N(
                "problems", "Certifikatet er ikke udstedt af den centrale tjenestes "
                            "rodcertifikat.")))
    if problems:
        raise ValidationError(problems)
    new_device_id = device_id or identity.device_id
    with store.write() as s:
        if new_device_id != identity.device_id:
            # The key's ciphertext is bound to its device id: re-encrypt under the new one.
            raw = identity.private_key.private_bytes(serialization.Encoding.Raw,
                                                     serialization.PrivateFormat.Raw,
                                                     serialization.NoEncryption())
            token = _cipher(store).encrypt(base64.b64encode(raw).decode("ascii"),
                                           _aad(new_device_id))
            settings.put(s, settings.DEVICE_ID, new_device_id)
            settings.put(s, settings.DEVICE_PRIVATE_KEY, base64.b64encode(token).decode("ascii"))
        settings.put(s, settings.DEVICE_CERTIFICATE,
                     cert.public_bytes(serialization.Encoding.PEM).decode("ascii"))
        settings.put(s, settings.DEVICE_CA_CERTIFICATE,
                     ca.public_bytes(serialization.Encoding.PEM).decode("ascii"))
    return device_identity(store)
