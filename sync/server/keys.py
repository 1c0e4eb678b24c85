"""Encryption at rest on the service: envelope encryption with a master key kept outside the
database.

Personal data (the personal fields of records, sealed uploads, the CA's private key) is
encrypted with AES-256-GCM under a *data key*. Data keys live in the database only wrapped
(AES-GCM) by a *master key*, which never enters the database: it comes from a
``MasterKeyProvider``. So a copy of the database (a backup, a dump, a stolen disk) holds no
readable CPR number, note or key without the master key.

Master key providers (``provider_for``, first that applies):

1. ``--master-key-file PATH`` on the command line, or ``CONSULTANT_SERVER_MASTER_KEY_FILE``;
2. ``CONSULTANT_SERVER_MASTER_KEY``: base64 keys, comma-separated, the first the current one;
3. ``CONSULTANT_SERVER_KEY_PROVIDER=package.module:factory``: a factory returning any object
   with ``current_id``/``wrap``/``unwrap`` (``MasterKeyProvider``) - where a KMS or HSM stands
   in: the master key then never leaves it, the service only asks it to wrap and unwrap;
4. SQLite only: the file ``master.key`` beside the database file, created (mode 0600) on
   first start. That is what makes the demo and a one-machine service run with nothing to set
   up. Keep that file out of the database's backups. PostgreSQL (production) refuses to
   start without one of 1-3.

A key file holds base64 keys, one a line (``#`` comments); the first is the current key that
wraps, the others are older keys still accepted for unwrapping. ``rotate`` (``consultant-server
rotate-key``) puts a new key first, re-wraps every data key under it row by row (each row is
readable under the old or the new key at every moment, so instances keep serving) and then
drops the old keys from the file. A running instance that meets a data key wrapped by a key it
has not loaded re-reads the file, so it follows a rotation made by another process.

Ciphertext (text, so it fits a Text column on both backends): ``<data key id>:<base64(nonce |
AES-GCM(plaintext, aad))>``. The associated data binds a ciphertext to its place (for example
``record/citizen/<id>``), so one row's secret cannot be pasted into another's.

Blind index: ``Vault.blind_index`` is HMAC-SHA256 under a key of its own (the "index" data key),
so the service can find a CPR's records (``record.cpr_index``) without storing the number.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import hmac
import importlib
import os
import threading
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy import column, table

# The table the wrapped data keys are kept in, as a lightweight clause: its full definition
# (types, key) is the schema's, in db.py and the migrations; the vault only reads and writes
# rows, so it needs no import of the store that itself needs the vault.
DATA_KEY_TABLE = table("data_key", column("name"), column("master_key_id"), column("wrapped"),
                       column("created_at"))

MASTER_KEY_ENV = "CONSULTANT_SERVER_MASTER_KEY"
MASTER_KEY_FILE_ENV = "CONSULTANT_SERVER_MASTER_KEY_FILE"
KEY_PROVIDER_ENV = "CONSULTANT_SERVER_KEY_PROVIDER"
DEFAULT_KEY_FILE = "master.key"
DATA_KEY = "data"  # encrypts personal data
INDEX_KEY = "index"  # keys the blind index
_WRAP_AAD = b"consultant-server data key v1|"


class KeyProblem(Exception):
    """A key problem the operator must solve (no master key, a key that does not fit)."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class MasterKeyProvider(Protocol):
    """What the service needs of a master key: wrap a data key under the current master key,
    and unwrap one wrapped earlier (by the current or an older key). A KMS/HSM implements
    this without ever handing out the master key."""

    def current_id(self) -> str: ...

    def wrap(self, data_key: bytes, name: str) -> tuple[str, bytes]: ...

    def unwrap(self, key_id: str, wrapped: bytes, name: str) -> bytes: ...


def key_id(master_key: bytes) -> str:
    """A public fingerprint of a master key (stored beside each wrapped data key)."""
    return hashlib.sha256(b"consultant-server master key id|" + master_key).hexdigest()[:16]


def new_master_key() -> bytes:
    return AESGCM.generate_key(bit_length=256)


def _decode_key(text: str, where: str) -> bytes:
    try:
        raw = base64.b64decode(text.strip(), validate=True)
    except (binascii.Error, ValueError):
        raw = b""
    if len(raw) != 32:
        raise KeyProblem(f"{where}: a master key must be 32 bytes in base64 "
                        "(make one with `consultant-server rotate-key` or "
                        "`python -c \"import os,base64;print(base64.b64encode(os.urandom(32)).decode())\"`).")
    return raw


class LocalMasterKeys:
    """Master keys held in this process (from a key file or the environment)."""

    def __init__(self, keys: list[bytes], path: Path | None = None, source: str = ""):
        if not keys:
            raise KeyProblem(f"{source or path}: holds no master key.")
        self._keys = keys
        self.path = path
        self.source = source or str(path)
        self._lock = threading.Lock()

    @classmethod
    def from_file(cls, path: Path, create: bool = False) -> LocalMasterKeys:
        path = Path(path)
        if create and not path.exists():
            write_key_file(path, [new_master_key()])
        return cls(read_key_file(path), path)

    @classmethod
    def from_env(cls, value: str) -> LocalMasterKeys:
        keys = [_decode_key(part, MASTER_KEY_ENV) for part in value.split(",") if part.strip()]
        return cls(keys, source=MASTER_KEY_ENV)

    @property
    def keys(self) -> list[bytes]:
        return list(self._keys)

    def current_id(self) -> str:
        return key_id(self._keys[0])

    def wrap(self, data_key: bytes, name: str) -> tuple[str, bytes]:
        master = self._keys[0]
        nonce = os.urandom(12)
        return key_id(master), nonce + AESGCM(master).encrypt(
            nonce, data_key, _WRAP_AAD + name.encode())

    def _find(self, wanted: str) -> bytes | None:
        for key in self._keys:
            if key_id(key) == wanted:
                return key
        return None

    def unwrap(self, wanted: str, wrapped: bytes, name: str) -> bytes:
        master = self._find(wanted)
        if master is None and self.path is not None:
            with self._lock:  # another process may have rotated: read the file again
                self._keys = read_key_file(self.path)
            master = self._find(wanted)
        if master is None:
            raise KeyProblem(f"The data key '{name}' is wrapped by master key {wanted}, which "
                            f"{self.source} does not hold. Start the service with the key "
                            "file it was created with (--master-key-file).")
        try:
            return AESGCM(master).decrypt(wrapped[:12], wrapped[12:], _WRAP_AAD + name.encode())
        except InvalidTag:
            raise KeyProblem(f"The data key '{name}' does not open with master key "
                            f"{wanted}: the wrapped key is damaged.") from None


def read_key_file(path: Path) -> list[bytes]:
    try:
        text = Path(path).read_text(encoding="ascii")
    except FileNotFoundError:
        raise KeyProblem(f"The master key file {path} does not exist.") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise KeyProblem(f"The master key file {path} cannot be read: {exc}") from None
    return [_decode_key(line, str(path)) for line in text.splitlines()
            if line.strip() and not line.lstrip().startswith("#")]


def write_key_file(path: Path, keys: list[bytes]) -> None:
    """Write ``keys`` (the first current) atomically, readable by the owner only."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as f:
        f.write("# consultant-server master keys: the first wraps, the others only unwrap.\n"
                "# Keep this file out of the database's backups.\n")
        for key in keys:
            f.write(base64.b64encode(key).decode("ascii") + "\n")
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


def sqlite_path(url: str) -> Path | None:
    if url.startswith("sqlite:///") and url != "sqlite:///:memory:":
        return Path(url[len("sqlite:///"):])
    return None


def provider_for(url: str, key_file: Path | None = None) -> MasterKeyProvider:
    """The master key provider for the service at ``url`` (module doc for the order)."""
    key_file = key_file or (Path(os.environ[MASTER_KEY_FILE_ENV])
                            if os.environ.get(MASTER_KEY_FILE_ENV) else None)
    if key_file is not None:
        return LocalMasterKeys.from_file(key_file)
    if os.environ.get(MASTER_KEY_ENV):
        return LocalMasterKeys.from_env(os.environ[MASTER_KEY_ENV])
    if os.environ.get(KEY_PROVIDER_ENV):
        module, _, factory = os.environ[KEY_PROVIDER_ENV].partition(":")
        try:
            return getattr(importlib.import_module(module), factory or "provider")()
        except (ImportError, AttributeError) as exc:
            raise KeyProblem(f"{KEY_PROVIDER_ENV}={os.environ[KEY_PROVIDER_ENV]}: {exc}") from None
    path = sqlite_path(url)
    if path is not None:
        return LocalMasterKeys.from_file(path.resolve().parent / DEFAULT_KEY_FILE, create=True)
    raise KeyProblem("No master key: the service encrypts personal data at rest and needs one. "
                    f"Give --master-key-file, or set {MASTER_KEY_FILE_ENV} or {MASTER_KEY_ENV} "
                    f"(or {KEY_PROVIDER_ENV} for a KMS).")


@dataclass(frozen=True)
class DataKey:
    name: str
    key: bytes


class Vault:
    """The data keys of one service database, unwrapped on first use and kept in memory.

    Data keys are created by ``ensure`` (at every start, after the migrations, in a
    transaction of their own), so a request never creates one inside its own transaction."""

    def __init__(self, url: str, provider: MasterKeyProvider | None = None,
                 key_file: Path | None = None):
        self._url = url
        self._key_file = key_file
        self._provider = provider
        self._keys: dict[str, DataKey] = {}
        self._aead: dict[str, AESGCM] = {}
        self._index_key: bytes | None = None
        self._token_key: bytes | None = None
        self._lock = threading.Lock()

    @property
    def provider(self) -> MasterKeyProvider:
        if self._provider is None:
            self._provider = provider_for(self._url, self._key_file)
        return self._provider

    def use(self, provider: MasterKeyProvider) -> None:
        """Wrap and unwrap with ``provider`` from now on (a rotation's new key set)."""
        self._provider = provider

    # -- data keys ---------------------------------------------------------------------------
    def ensure(self, conn: Any) -> None:
        """Create the data keys this database lacks (inside ``conn``'s transaction), and
        load them: a missing or wrong master key fails here, at start, not mid-request."""
        from sqlalchemy import select
        from sqlalchemy.dialects.postgresql import insert as pg_insert
        from sqlalchemy.dialects.sqlite import insert as sqlite_insert

        d = DATA_KEY_TABLE.c
        have = {row.name for row in conn.execute(select(d.name))}
        for name in (DATA_KEY, INDEX_KEY):
            if name not in have:
                master_id, wrapped = self.provider.wrap(AESGCM.generate_key(bit_length=256),
                                                        name)
                postgres = conn.dialect.name == "postgresql"
                stmt = (pg_insert if postgres else sqlite_insert)(
                    DATA_KEY_TABLE).values(name=name, master_key_id=master_id,
                                           wrapped=base64.b64encode(wrapped).decode("ascii"),
                                           created_at=dt.datetime.now(dt.UTC).replace(tzinfo=None))
                conn.execute(stmt.on_conflict_do_nothing())  # another instance was first
        for name in (DATA_KEY, INDEX_KEY):
            self._load(conn, name)

    def _load(self, conn: Any, name: str) -> DataKey:
        found = self._keys.get(name)
        if found is not None:
            return found
        if hasattr(conn, "connect") and not hasattr(conn, "execute"):  # an Engine
            with conn.connect() as c:
                return self._load(c, name)
        from sqlalchemy import select

        d = DATA_KEY_TABLE.c
        row = conn.execute(select(d.master_key_id, d.wrapped).where(d.name == name)).first()
        if row is None:
            raise KeyProblem(f"The data key '{name}' is missing: run `consultant-server "
                            "migrate` (it creates the keys) before serving.")
        key = self.provider.unwrap(row.master_key_id, base64.b64decode(row.wrapped), name)
        with self._lock:
            self._keys[name] = DataKey(name, key)
            self._aead[name] = AESGCM(key)
        return self._keys[name]

    def _aead_for(self, conn: Any, name: str) -> AESGCM:
        aead = self._aead.get(name)
        if aead is None:
            self._load(conn, name)
            aead = self._aead[name]
        return aead

    # -- values ------------------------------------------------------------------------------
    def encrypt(self, conn: Any, plaintext: bytes, aad: str) -> str:
        nonce = os.urandom(12)
        sealed = self._aead_for(conn, DATA_KEY).encrypt(nonce, plaintext, aad.encode())
        return f"{DATA_KEY}:" + base64.b64encode(nonce + sealed).decode("ascii")

    def decrypt(self, conn: Any, token: str, aad: str) -> bytes:
        name, sep, body = token.partition(":")
        if not sep:
            raise KeyProblem(f"Not a ciphertext ({aad}).")
        blob = base64.b64decode(body)
        try:
            return self._aead_for(conn, name).decrypt(blob[:12], blob[12:], aad.encode())
        except InvalidTag:
            raise KeyProblem(f"The encrypted value of {aad} does not open: it is damaged or "
                            "belongs elsewhere.") from None

    def encrypt_text(self, conn: Any, text: str, aad: str) -> str:
        return self.encrypt(conn, text.encode("utf-8"), aad)

    def decrypt_text(self, conn: Any, token: str, aad: str) -> str:
        return self.decrypt(conn, token, aad).decode("utf-8")

    def blind_index(self, conn: Any, value: str) -> str:
        """A keyed hash of ``value``: equal values give equal indexes, and without the key
        (in the database only wrapped) an index says nothing about the value."""
        if self._index_key is None:
            self._index_key = hmac.new(self._load(conn, INDEX_KEY).key, b"blind-index-v1",
                                       hashlib.sha256).digest()
        return hmac.digest(self._index_key, value.encode("utf-8"), "sha256").hex()[:32]

    def device_token(self, conn: Any, device_id: str) -> str:
        """The bearer token of device ``device_id``: an HMAC of its id under a key derived
        from the index data key (never stored; only its SHA-256 is). The same device always
        gets the same token, so an enrollment answered twice (a request that arrived after
        its own retry) cannot replace the token the device already holds."""
        if self._token_key is None:
            self._token_key = hmac.new(self._load(conn, INDEX_KEY).key, b"device-token-v1",
                                       hashlib.sha256).digest()
        digest = hmac.digest(self._token_key, device_id.encode("utf-8"), "sha256")
        return base64.urlsafe_b64encode(digest).decode("ascii").rstrip("=")

    # -- rotation ----------------------------------------------------------------------------
    def rewrap(self, engine: Any, writing: Callable[[Any], AbstractContextManager[Any]]
               ) -> int:
        """Re-wrap every data key not under the provider's current master key; one row per
        transaction (each opened by ``writing``, the service's ``db.writing``: this module
        sits below db.py), so a concurrent reader always finds a key it can unwrap. Returns
        how many were re-wrapped."""
        from sqlalchemy import select, update

        d = DATA_KEY_TABLE.c
        current = self.provider.current_id()
        with engine.connect() as conn:
            rows = conn.execute(select(d.name, d.master_key_id, d.wrapped)
                                .where(d.master_key_id != current)).all()
        for row in rows:
            key = self.provider.unwrap(row.master_key_id, base64.b64decode(row.wrapped),
                                       row.name)
            master_id, wrapped = self.provider.wrap(key, row.name)
            with writing(engine) as conn:
                conn.execute(update(DATA_KEY_TABLE).where(
                    d.name == row.name, d.master_key_id == row.master_key_id).values(
                    master_key_id=master_id, wrapped=base64.b64encode(wrapped).decode("ascii")))
        return len(rows)


def rotate(engine: Any, vault: Vault, writing: Callable[[Any], AbstractContextManager[Any]]
           ) -> tuple[str, int, list[str]]:
    """``consultant-server rotate-key``: with a key file, a new master key goes first in it,
    every data key is re-wrapped under it, then the old keys leave the file. With keys from
    the environment or a KMS, re-wraps under the provider's current key (the operator put
    the new key first) and names the key ids no longer used. Returns (current id, data keys
    re-wrapped, ids that may now be removed). ``writing`` opens a write transaction
    (``db.writing``)."""
    provider = vault.provider
    if isinstance(provider, LocalMasterKeys) and provider.path is not None:
        old = read_key_file(provider.path)
        new = new_master_key()
        write_key_file(provider.path, [new, *old])
        rotated = LocalMasterKeys([new, *old], provider.path)
        vault.use(rotated)  # the vault follows the file it was given
        count = vault.rewrap(engine, writing)
        write_key_file(provider.path, [new])
        vault.use(LocalMasterKeys([new], provider.path))
        return key_id(new), count, [key_id(k) for k in old]
    count = vault.rewrap(engine, writing)
    unused = ([key_id(k) for k in provider.keys[1:]]
              if isinstance(provider, LocalMasterKeys) else [])
    return provider.current_id(), count, unused


def vault_of(engine_or_conn: Any) -> Vault:
    """The vault attached to an engine by ``db.make_engines`` (a connection: its engine's)."""
    engine = getattr(engine_or_conn, "engine", engine_or_conn)
    vault = getattr(engine, "consultant_vault", None)
    if vault is None:
        raise KeyProblem("This database engine has no key vault (make it with db.make_engines).")
    return vault
