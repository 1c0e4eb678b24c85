"""Enrollment codes, device tokens, enrollment and revocation.

Codes are random, tokens are an HMAC of the device id under a key of the service
(``keys.Vault.device_token``: the key is in the database only wrapped by the master key), and
both are stored only as SHA-256 hashes: a copy of the database does not let anyone enroll or
act as a device. A code is one-time and expires (the demo's fixed code is reusable and does
not expire). A one-time code asked again with the same device key, within ``REPEAT_WINDOW``
of its use, gives the same answer: the same device, certificate and token. So an enrollment
whose answer was lost on the way does not burn the code, and a request that reaches the
service after its own retry (a stalled link) does not replace the token the device already
holds. Any other key with a used code is refused."""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import secrets
import uuid
from dataclasses import dataclass
from typing import Any

from cryptography.hazmat.primitives import serialization
from sqlalchemy import Engine, insert, select, update

from consultant_app.text import QT_TRANSLATE_NOOP as _N

from . import db, keys
from .ca import CA
from .errors import CTX, ServiceError

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I
CODE_DAYS = 14
# How long after its use a one-time code still gives its answer again to the same device key:
# a lost answer is retried at once; later, the consultant asks for a new code.
REPEAT_WINDOW = dt.timedelta(hours=1)
UNKNOWN_CODE = _N(CTX, "Tilmeldingskoden er ukendt, brugt eller udløbet. Bed om en ny kode.")


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def normalize_code(code: str) -> str:
    return "".join(ch for ch in code.upper() if ch.isalnum())


def new_code() -> str:
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(12))
    return "-".join(raw[i:i + 4] for i in range(0, 12, 4))


def store_code(engine: Engine, consultant_id: str, code: str | None = None,
               reusable: bool = False) -> str:
    """Store a new enrollment code for ``consultant_id`` and return it (shown once)."""
    code = code or new_code()
    now = db.utcnow()
    with db.writing(engine) as conn:
        existing = conn.execute(select(db.enrollment_code.c.code_hash).where(
            db.enrollment_code.c.code_hash == hash_secret(normalize_code(code)))).first()
        if existing is None:
            conn.execute(insert(db.enrollment_code).values(
                code_hash=hash_secret(normalize_code(code)), consultant_id=consultant_id,
                created_at=now, used_at=None, reusable=reusable,
                expires_at=None if reusable else now + dt.timedelta(days=CODE_DAYS)))
    return code


@dataclass(frozen=True)
class DeviceIdentity:
    device_id: str
    status: str
    consultant_id: str
    consultant: str
    municipality_code: str
    certificate_pem: str


def enroll(engine: Engine, ca: CA, code: str, public_key_b64: str, device_name: str,
           app_version: str) -> tuple[str, DeviceIdentity, str, str]:
    """Enroll a device: (token, identity, certificate PEM, municipality name)."""
    try:
        raw_key = base64.b64decode(public_key_b64, validate=True)
    except (binascii.Error, ValueError):
        raw_key = b""
    if len(raw_key) != 32:
        raise ServiceError(422, "invalid", _N(CTX, "Feltet public_key skal være en "
                                                     "Ed25519-nøgle (32 byte, base64)."))
    code_hash = hash_secret(normalize_code(code))
    now = db.utcnow()
    with db.writing(engine) as conn:
        row = conn.execute(
            select(db.enrollment_code, db.consultant.c.name, db.consultant.c.municipality_code,
                   db.municipality.c.name.label("municipality_name"))
            .join(db.consultant, db.consultant.c.id == db.enrollment_code.c.consultant_id)
            .join(db.municipality,
                  db.municipality.c.code == db.consultant.c.municipality_code)
            .where(db.enrollment_code.c.code_hash == code_hash)).first()
        if row is None or (row.expires_at is not None and row.expires_at < now):
            raise ServiceError(403, "invalid_code", UNKNOWN_CODE)
        if row.used_at is not None and not row.reusable:
            again = (_enrolled_with(conn, row.consultant_id, row.used_at, raw_key)
                     if now - row.used_at <= REPEAT_WINDOW else None)
            if again is None:
                raise ServiceError(403, "invalid_code", UNKNOWN_CODE)
            return _answer_again(conn, again, row)
        if not row.reusable:
            done = conn.execute(update(db.enrollment_code)
                                .where(db.enrollment_code.c.code_hash == code_hash,
                                       db.enrollment_code.c.used_at.is_(None))
                                .values(used_at=now))
            if done.rowcount != 1:
                # Another request used it a moment ago; on PostgreSQL this one waited for it
                # to commit. If that was this device asking before (its answer was late),
                # the device it enrolled is now seen, and given again.
                used = conn.execute(select(db.enrollment_code.c.used_at).where(
                    db.enrollment_code.c.code_hash == code_hash)).scalar_one_or_none()
                again = (_enrolled_with(conn, row.consultant_id, used, raw_key)
                         if used is not None else None)
                if again is None:
                    raise ServiceError(403, "invalid_code",
                                       _N(CTX, "Tilmeldingskoden er allerede brugt."))
                return _answer_again(conn, again, row)
        device_id = str(uuid.uuid4())
        token = keys.vault_of(conn).device_token(conn, device_id)
        cert = ca.issue_device_certificate(raw_key, device_id, row.name, row.municipality_name)
        cert_pem = cert.public_bytes(serialization.Encoding.PEM).decode("ascii")
        conn.execute(insert(db.device).values(
            id=device_id, consultant_id=row.consultant_id, name=device_name[:200],
            public_key=base64.b64encode(raw_key).decode("ascii"), token_hash=hash_secret(token),
            certificate_pem=cert_pem, status="active", app_version=app_version[:40],
            enrolled_at=now, revoked_at=None))
    identity = DeviceIdentity(device_id, "active", row.consultant_id, row.name,
                              row.municipality_code, cert_pem)
    return token, identity, cert_pem, row.municipality_name


def _enrolled_with(conn: Any, consultant_id: str, used_at: dt.datetime, raw_key: bytes) -> Any:
    """The device a used one-time code enrolled, if it has this public key: the same device
    asking again because the answer never reached it (a cut connection). The code's use and
    the device's enrollment are written in one transaction with the same time, which links
    them without keeping the code on the device row."""
    d = db.device.c
    return conn.execute(select(d.id, d.certificate_pem, d.token_hash).where(
        d.consultant_id == consultant_id, d.enrolled_at == used_at,
        d.public_key == base64.b64encode(raw_key).decode("ascii"),
        d.status == "active")).first()


def _answer_again(conn: Any, device_row: Any, code_row: Any
                  ) -> tuple[str, DeviceIdentity, str, str]:
    """The first answer again: the same device id, certificate and token. A device enrolled
    before tokens were derived holds a random one, never seen by this answer's receiver:
    its hash is set to the derived token's."""
    token = keys.vault_of(conn).device_token(conn, device_row.id)
    if device_row.token_hash != hash_secret(token):
        conn.execute(update(db.device).where(db.device.c.id == device_row.id)
                     .values(token_hash=hash_secret(token)))
    identity = DeviceIdentity(device_row.id, "active", code_row.consultant_id, code_row.name,
                              code_row.municipality_code, device_row.certificate_pem)
    return token, identity, device_row.certificate_pem, code_row.municipality_name


def authenticate(engine: Engine, authorization: str | None) -> DeviceIdentity:
    """The device a request comes from; 401 without a valid token, 410 when revoked."""
    if not authorization or not authorization.lower().startswith("bearer "):
        raise ServiceError(401, "unauthorized",
                           _N(CTX, "Enheden er ikke tilmeldt (mangler adgangsnøgle)."))
    token = authorization[7:].strip()
    with engine.connect() as conn:
        row = conn.execute(
            select(db.device.c.id, db.device.c.status, db.device.c.consultant_id,
                   db.device.c.certificate_pem, db.device.c.last_seen_at, db.consultant.c.name,
                   db.consultant.c.municipality_code)
            .join(db.consultant, db.consultant.c.id == db.device.c.consultant_id)
            .where(db.device.c.token_hash == hash_secret(token))).first()
    if row is None:
        raise ServiceError(401, "unauthorized",
                           _N(CTX, "Adgangsnøglen er ukendt. Tilmeld enheden igen."))
    _touch(engine, row.id, row.last_seen_at)
    if row.status != "active":
        raise ServiceError(410, "device_revoked", _N(
            CTX, "Enheden er spærret af kommunen. Personoplysningerne på den bliver slettet. "
                 "Kontakt din leder."))
    return DeviceIdentity(row.id, row.status, row.consultant_id, row.name,
                          row.municipality_code, row.certificate_pem)


LAST_SEEN_EVERY = dt.timedelta(minutes=1)


def _touch(engine: Engine, device_id: str, last_seen: dt.datetime | None) -> None:
    """Record the device's last contact, at most once a minute (one small write then, none
    on the other requests of that minute)."""
    now = db.utcnow()
    if last_seen is not None and now - last_seen < LAST_SEEN_EVERY:
        return
    with db.writing(engine) as conn:
        conn.execute(update(db.device).where(db.device.c.id == device_id)
                     .values(last_seen_at=now))


def revoke(engine: Engine, device_id: str) -> bool:
    with db.writing(engine) as conn:
        done = conn.execute(update(db.device).where(db.device.c.id == device_id)
                            .values(status="revoked", revoked_at=db.utcnow()))
    return done.rowcount == 1
