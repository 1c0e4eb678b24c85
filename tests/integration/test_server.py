"""The central service as a real process on loopback (SQLite and PostgreSQL), spoken to with
httpx: enrollment, push/pull, repeated operations, merge and conflicts, scope, revocation,
restarts."""

from __future__ import annotations

import base64
import uuid
from typing import Any

import httpx
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from tests.integration.server_process import DEMO_CODE, ServerProcess, server  # noqa: F401


class Device:
    """A minimal device: an Ed25519 key, a token, push and pull."""

    def __init__(self, proc: ServerProcess, code: str, name: str = "laptop"):
        self.key = Ed25519PrivateKey.generate()
        raw = self.key.public_key().public_bytes(serialization.Encoding.Raw,
                                                 serialization.PublicFormat.Raw)
        self.http = httpx.Client(base_url=proc.api, timeout=30)
        r = self.http.post("/enroll", json={"enrollment_code": code, "device_name": name,
                                            "public_key": base64.b64encode(raw).decode()})
        assert r.status_code == 200, r.text
        self.enrollment = r.json()
        self.http.headers["Authorization"] = f"Bearer {self.enrollment['token']}"
        self.cursor = 0

    def push(self, *ops: dict[str, Any]) -> list[dict[str, Any]]:
        r = self.http.post("/push", json={"operations": list(ops)})
        assert r.status_code == 200, r.text
        return r.json()["results"]

    def pull_all(self, limit: int = 1000) -> list[dict[str, Any]]:
        changes: list[dict[str, Any]] = []
        while True:
            r = self.http.get("/pull", params={"cursor": self.cursor, "limit": limit})
            assert r.status_code == 200, r.text
            page = r.json()
            changes.extend(page["changes"])
            self.cursor = page["next_cursor"]
            if not page["more"]:
                return changes


def op(entity: str, entity_id: str, kind: str = "create", base: int = 0,
       **values: Any) -> dict[str, Any]:
    return {"op_id": str(uuid.uuid4()), "entity": entity, "entity_id": entity_id, "op": kind,
            "base_version": base, "values": values}


def new_id() -> str:
    return str(uuid.uuid4())


@pytest.fixture
def two_municipalities(server: ServerProcess) -> ServerProcess:  # noqa: F811
    server.admin("add-municipality", "0751", "Aarhus")
    server.admin("add-municipality", "101", "København")
    return server


def test_enrollment_issues_a_certificate_for_the_device_key(two_municipalities):
    proc = two_municipalities
    code = proc.add_consultant("0751", "Anna Jensen")
    device = Device(proc, code)
    e = device.enrollment
    assert (e["consultant"], e["municipality_code"], e["municipality_name"]) == \
        ("Anna Jensen", "0751", "Aarhus")
    cert = x509.load_pem_x509_certificate(e["certificate_pem"].encode())
    ca = x509.load_pem_x509_certificate(e["ca_certificate_pem"].encode())
    assert cert.public_key().public_bytes(serialization.Encoding.Raw,
                                          serialization.PublicFormat.Raw) == \
        device.key.public_key().public_bytes(serialization.Encoding.Raw,
                                             serialization.PublicFormat.Raw)
    cert.verify_directly_issued_by(ca)
    # the code is one-time
    r = httpx.post(f"{proc.api}/enroll", json={"enrollment_code": code, "public_key": base64.b64encode(b"k" * 32).decode()})
    assert r.status_code == 403 and r.json()["detail"]["code"] == "invalid_code"
    status = device.http.get("/device").json()
    assert status["status"] == "active" and status["device_id"] == e["device_id"]


def test_push_pull_round_trip_and_repeated_operation_stored_once(two_municipalities):
    proc = two_municipalities
    a = Device(proc, proc.add_consultant("0751", "Anna Jensen"))
    employer = new_id()
    create = op("employer", employer, cvr="12345678", name="Smedien ApS",
                employees_as_of="2026-01-31", notes="Ring før besøg")
    first = a.push(create)
    assert first[0]["status"] == "applied" and first[0]["version"] == 1
    again = a.push(create)
    assert again == first
    changes = a.pull_all()
    assert [(c["entity"], c["entity_id"], c["version"]) for c in changes] == \
        [("employer", employer, 1)]
    assert changes[0]["values"]["employees_as_of"] == "2026-01-31"
    # a second device of the same municipality sees it too
    b = Device(proc, proc.add_consultant("0751", "Bo Hansen"))
    assert [c["entity_id"] for c in b.pull_all()] == [employer]
