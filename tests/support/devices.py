"""Consultants' devices against a real service in tests: a profile on a real SQLite file, its
sync engine enrolled with an enrollment code the service made."""

from __future__ import annotations

import base64
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import func, select

from consultant_app.store import Store
from consultant_app.store.models import Employer
from sync.client import SyncEngine
from sync.client.engine import SyncReport
from sync.server import admin, auth, db
from tests.support.profiles import FAST_KDF, PASSPHRASE
from tests.support.server_process import ServerProcess


def enroll(server: ServerProcess, folder: Path, consultant: str, code: str,
           **engine_options: Any) -> tuple[Store, SyncEngine]:
    """A new profile of ``consultant`` in ``folder``, enrolled with the enrollment ``code``
    (``engine_options`` go to its ``SyncEngine``)."""
    store = Store.create(folder, PASSPHRASE, consultant=consultant, kdf_n=FAST_KDF)
    engine = SyncEngine(store, use_keyring=False, **engine_options)
    engine.enroll(server.base_url, code)
    return store, engine


def http_device(server: ServerProcess, code: str) -> dict[str, str]:
    """A device enrolled by hand over HTTP with ``code`` (a fresh Ed25519 key), as its
    request headers: for sending the service what a real client would not."""
    raw = Ed25519PrivateKey.generate().public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    answer = httpx.post(f"{server.api}/enroll", json={
        "enrollment_code": code, "public_key": base64.b64encode(raw).decode("ascii"),
        "device_name": "Bærbar", "app_version": "1"})
    answer.raise_for_status()
    return {"Authorization": f"Bearer {answer.json()['token']}"}


def one_consultants_devices(server: ServerProcess, folder: Path, consultant: str,
                            *names: str) -> list[tuple[Store, SyncEngine]]:
    """Devices of one consultant in a new municipality (a profile in ``folder / name`` for
    each name), each enrolled with an enrollment code of its own."""
    municipality = server.new_municipality()
    codes = [server.add_consultant(municipality, consultant)]
    _, engine = db.make_engines(server.database_url)
    try:
        found = admin.find_consultant(engine, municipality, consultant)
        codes += [auth.store_code(engine, found) for _ in names[1:]]
    finally:
        engine.dispose()
    return [enroll(server, folder / name, consultant, code) for name, code in zip(names, codes)]


@dataclass
class Device:
    """An enrolled device: its profile and its engine."""

    store: Store
    engine: SyncEngine

    def sync(self) -> SyncReport:
        return self.engine.sync()

    def count(self, model, **where) -> int:  # type: ignore[no-untyped-def]
        """Rows of ``model`` on this device (with the columns in ``where`` equal to those
        values)."""
        with self.store.read() as s:
            query = select(func.count()).select_from(model)
            for name, value in where.items():
                query = query.where(getattr(model, name) == value)
            return s.scalar(query) or 0


class Central:
    """The running service plus its database, for setting up municipalities and consultants
    the way its admin commands do (in process: a subprocess per command costs seconds)."""

    def __init__(self, server: ServerProcess):
        self.server = server
        _, self.engine = db.make_engines(server.database_url)
        self._n = 0

    @property
    def url(self) -> str:
        return self.server.base_url

    def consultant(self, municipality: str = "0101", name: str | None = None) -> tuple[str, str]:
        """(consultant name, enrollment code) of a new consultant."""
        admin.add_municipality(self.engine, municipality, f"Kommune {municipality}")
        self._n += 1
        name = name or f"Konsulent {self._n}"
        consultant_id = admin.add_consultant(self.engine, municipality, name)
        return name, auth.store_code(self.engine, consultant_id)

    def device(self, folder: Path, municipality: str = "0101", url: str | None = None,
               code: str | None = None, name: str | None = None, **engine_args):
        """A new consultant's device, enrolled at ``url`` (the service's own by default) with
        ``code`` (the consultant's by default)."""
        consultant, new_code = self.consultant(municipality, name)
        store = Store.create(folder, PASSPHRASE, consultant=consultant, kdf_n=FAST_KDF)
        engine = SyncEngine(store, use_keyring=False, **engine_args)
        engine.enroll(url or self.url, code or new_code)
        return store, engine


def employers(store: Store) -> dict[str, Employer]:
    with store.read() as s:
        return {e.id: e for e in s.scalars(select(Employer).where(Employer.deleted.is_(False)))}
