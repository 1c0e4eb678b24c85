"""Encryption at rest of sensitive fields (CPR numbers, notes about citizens).

A random 256-bit data key encrypts the fields with AES-GCM. The data key is stored only
wrapped: by a key derived from the consultant's passphrase with scrypt, and optionally in the
OS keyring. Nothing in the profile lets the data key be recovered without one of the two.
CPR numbers also get a keyed blind index (HMAC-SHA256) so a citizen can be found by CPR
without the number being stored in the clear.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
from dataclasses import asdict, dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from .errors import WrongPassphrase

_FORMAT = b"\x01"  # first byte of every ciphertext: lets a later format coexist
KEYRING_SERVICE = "consultant-app"


class FieldCipher:
    """AES-GCM for single field values; each value gets a fresh 96-bit nonce."""

    def __init__(self, data_key: bytes):
        if len(data_key) != 32:
            raise ValueError("data key must be 32 bytes")
        self._aead = AESGCM(data_key)
        self._index_key = hmac.new(data_key, b"blind-index-v1", hashlib.sha256).digest()
        # HMAC-SHA256 under the index key with its key schedule done once: each value
        # continues a copy (a first sync indexes 100k+ CPR numbers).
        self._index_mac = hmac.new(self._index_key, digestmod=hashlib.sha256)

    def encrypt(self, plaintext: str, aad: bytes = b"") -> bytes:
        nonce = os.urandom(12)
        return _FORMAT + nonce + self._aead.encrypt(nonce, plaintext.encode("utf-8"), aad)

    def decrypt(self, token: bytes, aad: bytes = b"") -> str:
        if not token or token[:1] != _FORMAT:
            raise ValueError("unknown ciphertext format")
        return self._aead.decrypt(token[1:13], token[13:], aad).decode("utf-8")

    def blind_index(self, value: str) -> str:
        mac = self._index_mac.copy()
        mac.update(value.encode("utf-8"))
        return mac.hexdigest()[:32]


@dataclass(frozen=True)
class KeyEnvelope:
    """The data key wrapped by a passphrase-derived key (what the profile stores)."""

    salt: str
    n: int
    r: int
    p: int
    wrapped: str
    kdf: str = "scrypt"

    def to_json(self) -> str:
        return json.dumps(asdict(self))

    @classmethod
    def from_json(cls, text: str) -> KeyEnvelope:
        return cls(**json.loads(text))


DEFAULT_SCRYPT_N = 2 ** 15


def _kek(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(passphrase.encode("utf-8"))


def wrap_key(data_key: bytes, passphrase: str, n: int = DEFAULT_SCRYPT_N) -> KeyEnvelope:
    salt = os.urandom(16)
    kek = _kek(passphrase, salt, n, 8, 1)
    nonce = os.urandom(12)
    wrapped = nonce + AESGCM(kek).encrypt(nonce, data_key, b"data-key-v1")
    return KeyEnvelope(base64.b64encode(salt).decode(), n, 8, 1,
                       base64.b64encode(wrapped).decode())


def unwrap_key(envelope: KeyEnvelope, passphrase: str) -> bytes:
    """The data key, or ``WrongPassphrase``: AES-GCM's tag fails for any other passphrase."""
    kek = _kek(passphrase, base64.b64decode(envelope.salt), envelope.n, envelope.r, envelope.p)
    blob = base64.b64decode(envelope.wrapped)
    try:
        return AESGCM(kek).decrypt(blob[:12], blob[12:], b"data-key-v1")
    except InvalidTag:
        raise WrongPassphrase() from None


def new_data_key() -> bytes:
    return AESGCM.generate_key(bit_length=256)


def keyring_store(profile_id: str, data_key: bytes) -> bool:
    """Keep the data key in the OS keyring; False where no keyring backend exists."""
    try:
        import keyring
        keyring.set_password(KEYRING_SERVICE, profile_id, base64.b64encode(data_key).decode())
        return True
    except Exception:  # noqa: BLE001 - any keyring failure means "not available here"
        return False


def keyring_load(profile_id: str) -> bytes | None:
    try:
        import keyring
        value = keyring.get_password(KEYRING_SERVICE, profile_id)
    except Exception:  # noqa: BLE001
        return None
    return base64.b64decode(value) if value else None


def keyring_forget(profile_id: str) -> None:
    try:
        import keyring
        keyring.delete_password(KEYRING_SERVICE, profile_id)
    except Exception:  # noqa: BLE001, S110 - no keyring, or nothing in it: nothing to forget
        pass
