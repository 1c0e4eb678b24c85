"""The service's certificate authority.

One Ed25519 key and a self-signed CA certificate, created on first use and kept in the
service's database (table ``server_key``; the private key encrypted under the data key, so
only with the master key, keys.py), so every instance behind a load balancer signs with
the same CA. It issues each enrolled device an X.509 certificate for the device's Ed25519 key
(the key the device seals agreements and signs PDFs with), issues the service's TLS
certificate (``consultant-server tls-cert``; devices pin this CA for TLS at enrollment), and
signs the service's receipts of sealed agreements (``sign_receipt``).
"""

from __future__ import annotations

import base64
import datetime as dt
import uuid
from dataclasses import dataclass

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.x509.oid import NameOID
from sqlalchemy import Engine, insert, select
from sqlalchemy.exc import IntegrityError

from . import db, keys

CA_NAME = "ca"
DEVICE_CERT_DAYS = 3 * 365


@dataclass(frozen=True)
class CA:
    key: Ed25519PrivateKey
    certificate: x509.Certificate

    @property
    def certificate_pem(self) -> str:
        return self.certificate.public_bytes(serialization.Encoding.PEM).decode("ascii")

    def issue_device_certificate(self, public_key_raw: bytes, device_id: str, consultant: str,
                                 municipality: str) -> x509.Certificate:
        device_key = Ed25519PublicKey.from_public_bytes(public_key_raw)
        now = dt.datetime.now(dt.UTC)
        subject = x509.Name([
            x509.NameAttribute(NameOID.COMMON_NAME, consultant or device_id),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, municipality),
            x509.NameAttribute(NameOID.SERIAL_NUMBER, device_id),
        ])
        return (
            x509.CertificateBuilder()
            .subject_name(subject)
            .issuer_name(self.certificate.subject)
            .public_key(device_key)
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(minutes=5))
            .not_valid_after(now + dt.timedelta(days=DEVICE_CERT_DAYS))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(
                digital_signature=True, content_commitment=True, key_encipherment=False,
                data_encipherment=False, key_agreement=False, key_cert_sign=False,
                crl_sign=False, encipher_only=False, decipher_only=False), critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(device_key), critical=False)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(
                self.key.public_key()), critical=False)
            .sign(self.key, None)
        )

    def issue_tls_certificate(self, hostnames: list[str], days: int = 397
                              ) -> tuple[bytes, bytes]:
        """A TLS server certificate for ``hostnames`` (DNS names or IP addresses) and its new
        private key, both PEM. Issued by this CA, which devices pin for TLS at enrollment.
        The key is ECDSA P-256, which every TLS stack accepts; the certificate allows server
        authentication only (no digital signature of documents: verify refuses any
        non-Ed25519 key as a sealing key anyway)."""
        import ipaddress

        from cryptography.hazmat.primitives.asymmetric import ec
        from cryptography.x509.oid import ExtendedKeyUsageOID

        names: list[x509.GeneralName] = []
        for host in hostnames:
            host = host.strip()
            try:
                names.append(x509.IPAddress(ipaddress.ip_address(host)))
            except ValueError:
                if not host or any(c in host for c in "/: ") or len(host) > 253:
                    raise ValueError(f"not a host name or IP address: {host!r}") from None
                names.append(x509.DNSName(host.lower()))
        key = ec.generate_private_key(ec.SECP256R1())
        now = dt.datetime.now(dt.UTC)
        cert = (
            x509.CertificateBuilder()
            .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME,
                                                        hostnames[0][:64])]))
            .issuer_name(self.certificate.subject)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(minutes=5))
            .not_valid_after(now + dt.timedelta(days=days))
            .add_extension(x509.SubjectAlternativeName(names), critical=False)
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(
                digital_signature=True, content_commitment=False, key_encipherment=False,
                data_encipherment=False, key_agreement=False, key_cert_sign=False,
                crl_sign=False, encipher_only=False, decipher_only=False), critical=True)
            .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]),
                           critical=False)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(
                self.key.public_key()), critical=False)
            .sign(self.key, None)
        )
        key_pem = key.private_bytes(serialization.Encoding.PEM,
                                    serialization.PrivateFormat.PKCS8,
                                    serialization.NoEncryption())
        return cert.public_bytes(serialization.Encoding.PEM), key_pem

    def sign(self, data: bytes) -> str:
        return base64.b64encode(self.key.sign(data)).decode("ascii")

    def verify(self, data: bytes, signature_b64: str) -> bool:
        from cryptography.exceptions import InvalidSignature
        try:
            self.key.public_key().verify(base64.b64decode(signature_b64), data)
        except (InvalidSignature, ValueError):
            return False
        return True


def _new_ca() -> tuple[Ed25519PrivateKey, x509.Certificate]:
    key = Ed25519PrivateKey.generate()
    now = dt.datetime.now(dt.UTC)
    name = x509.Name([
        x509.NameAttribute(NameOID.COMMON_NAME, "Consultant App central service CA"),
        x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, str(uuid.uuid4())),
    ])
    cert = (
        x509.CertificateBuilder()
        .subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=20 * 365))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(x509.KeyUsage(
            digital_signature=True, content_commitment=False, key_encipherment=False,
            data_encipherment=False, key_agreement=False, key_cert_sign=True, crl_sign=True,
            encipher_only=False, decipher_only=False), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()),
                       critical=False)
        .sign(key, None)
    )
    return key, cert


def key_aad(name: str) -> str:
    return f"server_key/{name}"


def load_or_create(engine: Engine) -> CA:
    """The service's CA, created on first use. Two instances starting at once both try to
    insert; the primary key lets one win and the other reads the winner's."""
    with engine.connect() as conn:
        row = conn.execute(select(db.server_key).where(db.server_key.c.name == CA_NAME)).first()
    if row is None:
        key, cert = _new_ca()
        try:
            with db.writing(engine) as conn:
                conn.execute(insert(db.server_key).values(
                    name=CA_NAME,
                    private_key_pem=keys.vault_of(conn).encrypt_text(
                        conn, key.private_bytes(
                            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                            serialization.NoEncryption()).decode("ascii"), key_aad(CA_NAME)),
                    certificate_pem=cert.public_bytes(serialization.Encoding.PEM).decode(),
                    created_at=db.utcnow()))
        except IntegrityError:
            pass
        with engine.connect() as conn:
            row = conn.execute(select(db.server_key)
                               .where(db.server_key.c.name == CA_NAME)).one()
    pem = keys.vault_of(engine).decrypt_text(engine, row.private_key_pem, key_aad(CA_NAME))
    key = serialization.load_pem_private_key(pem.encode("ascii"), None)
    assert isinstance(key, Ed25519PrivateKey)
    return CA(key, x509.load_pem_x509_certificate(row.certificate_pem.encode("ascii")))
