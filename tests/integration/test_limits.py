"""The protocol's limits (sync.protocol, "Limits") against a real ``consultant-server``
process (SQLite and PostgreSQL): oversized bodies (declared and chunked), too many
operations, a too-long note and integers out of range are answered 413/422 with the
protocol's JSON error naming the field, never 500; a request without a token is answered 401
before its body is read; and the real client splits and checks what it sends the same way."""

from __future__ import annotations

import json
import socket
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from sqlalchemy import func, select

from consultant_app import services
from consultant_app.store import Store
from consultant_app.store.models import Employer, OutboxEntry
from sync import protocol
from sync.client import SyncEngine, credentials, list_conflicts
from sync.server import db
from tests.support.profiles import FAST_KDF, PASSPHRASE
from tests.support.refusals import refusal
from tests.support.server_process import ServerProcess

BIG = 2**63  # one past the largest 64-bit integer


@dataclass
class Enrolled:
    server: ServerProcess
    store: Store
    engine: SyncEngine
    token: str

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}


@pytest.fixture
def device(shared_server: ServerProcess, tmp_path: Path):
    code = shared_server.new_municipality()
    store = Store.create(tmp_path / "p", PASSPHRASE, consultant="Karen Holm", kdf_n=FAST_KDF)
    engine = SyncEngine(store, use_keyring=False)
    engine.enroll(shared_server.base_url, shared_server.add_consultant(code, "Karen Holm"))
    yield Enrolled(shared_server, store, engine, credentials.load(store).token)
    engine.close()
    store.close()


def op(n: int, **values) -> dict:
    return {"op_id": f"op-{n:06d}", "entity": "employer", "entity_id": f"e-{n:06d}",
            "op": "create", "base_version": 0,
            "values": {"cvr": "10000009", "name": f"Firma {n}", **values}}


def detail(response: httpx.Response) -> dict:
    return refusal(response)


def raw_request(server: ServerProcess, head: str, body: bytes = b"") -> tuple[int, bytes]:
    """Send request headers (and the first bytes of a body) on a socket and read the answer
    the service gives without waiting for the rest of the body."""
    with socket.create_connection(("127.0.0.1", server.port), timeout=30) as conn:
        conn.sendall(head.replace("\n", "\r\n").encode("latin-1") + b"\r\n" + body)
        data = b""
        while b"\r\n\r\n" not in data or len(data) < data.index(b"\r\n\r\n") + 4 + int(
                _header(data, b"content-length") or 0):
            chunk = conn.recv(65536)
            if not chunk:
                break
            data += chunk
    status = int(data.split(b" ", 2)[1])
    return status, data.split(b"\r\n\r\n", 1)[1]


def _header(data: bytes, name: bytes) -> bytes | None:
    for line in data.split(b"\r\n\r\n", 1)[0].split(b"\r\n")[1:]:
        key, _, value = line.partition(b":")
        if key.strip().lower() == name:
            return value.strip()
    return None


def test_a_request_without_a_token_is_refused_before_its_body_is_read(device):
    """1 GB declared, 1 KB sent: the answer comes at once (the body is never waited for)."""
    for auth_line in ("", "Authorization: Bearer not-a-token\n"):
        status, body = raw_request(device.server, (
            "POST /api/v1/push HTTP/1.1\nHost: 127.0.0.1\nContent-Type: application/json\n"
            f"{auth_line}Content-Length: {10**9}\n"), b"{" + b" " * 1023)
        assert status == 401 and json.loads(body)["detail"]["code"] == "unauthorized"
    status, body = raw_request(device.server, (
        "PUT /api/v1/agreements/a1/1 HTTP/1.1\nHost: 127.0.0.1\n"
        "Transfer-Encoding: chunked\n"), b"400\r\n" + b" " * 1024 + b"\r\n")
    assert status == 401


def test_an_oversized_body_is_413_declared_or_chunked(device):
    declared = protocol.MAX_BODY_BYTES + 1
    status, body = raw_request(device.server, (
        "POST /api/v1/push HTTP/1.1\nHost: 127.0.0.1\nContent-Type: application/json\n"
        f"Authorization: Bearer {device.token}\nContent-Length: {declared}\n"), b"{")
    assert status == 413 and json.loads(body)["detail"]["code"] == "too_large"

    def chunks():  # no Content-Length: httpx sends it chunked
        yield b'{"operations": ['
        piece = json.dumps(op(1, notes="x" * 1_000_000)).encode() + b","
        for _ in range(protocol.MAX_BODY_BYTES // len(piece) + 2):
            yield piece
        yield b"]}"
    answer = httpx.post(f"{device.server.api}/push", content=chunks(), headers=device.headers,
                        timeout=60)
    assert answer.status_code == 413 and detail(answer)["code"] == "too_large"
    assert "byte" in detail(answer)["message"]


def test_too_many_operations_a_too_long_note_and_huge_integers_are_422_naming_the_field(device):
    push = f"{device.server.api}/push"
    many = httpx.post(push, headers=device.headers, timeout=60, json={
        "operations": [op(n) for n in range(protocol.MAX_OPERATIONS_PER_PUSH + 1)]})
    assert many.status_code == 422 and "operations" in detail(many)["message"]

    long_note = httpx.post(push, headers=device.headers, timeout=60, json={
        "operations": [op(1), op(2, notes="x" * (protocol.MAX_TEXT_CHARS + 1))]})
    assert long_note.status_code == 422 and "'notes'" in detail(long_note)["message"]

    cases = {
        "cursor": httpx.get(f"{device.server.api}/pull", params={"cursor": BIG},
                            headers=device.headers),
        "limit": httpx.get(f"{device.server.api}/pull", params={"limit": BIG},
                           headers=device.headers),
        "revision": httpx.put(f"{device.server.api}/agreements/a1/{BIG}", headers=device.headers,
                              json={"content": {}, "content_hash": "", "seal": {},
                                    "signatures": [], "pdf_base64": ""}),
        "base_version": httpx.post(push, headers=device.headers, json={"operations": [
            {**op(3), "op": "update", "base_version": BIG}]}),
        "positions": httpx.post(push, headers=device.headers, json={"operations": [
            {"op_id": "v1", "entity": "vacancy", "entity_id": "v1", "op": "create",
             "values": {"title": "Lager", "positions": BIG}}]}),
        "cursor ": httpx.post(push, headers=device.headers, json={"operations": [],
                                                                   "cursor": BIG}),
    }
    for name, answer in cases.items():
        assert answer.status_code == 422, (name, answer.status_code, answer.text)
        assert name.strip() in detail(answer)["message"], (name, answer.text)

    # Nothing of the refused pushes was stored.
    _, engine = db.make_engines(device.server.database_url)
    try:
        with engine.connect() as conn:
            assert conn.execute(select(func.count()).select_from(db.record).where(
                db.record.c.id.in_(["e-000001", "e-000002", "v1"]))).scalar() == 0
    finally:
        engine.dispose()


def test_the_client_splits_its_pushes_and_keeps_a_too_long_value_back(device):
    """More changes than one push may carry go in several; a value over its limit (written
    past the app's own checks) is reported as rejected, naming the field, and not sent."""
    n = protocol.MAX_OPERATIONS_PER_PUSH + 5
    device.engine.push_batch = n
    with device.store.write() as s:
        ids = [services.create_employer(s, {"cvr": "10000009", "p_number": f"{1000000000 + i}",
                                            "name": f"Firma {i}"}).id for i in range(n)]
        s.get(Employer, ids[0]).notes = "x" * (protocol.MAX_TEXT_CHARS + 1)
    report = device.engine.sync()
    # ids[0]'s create and its edit both carry the note as it is now: both are kept back.
    assert report.pushed == n + 1 and len(report.rejected) == 2
    assert all("'notes'" in str(message) for message in report.rejected)
    with device.store.read() as s:
        kept = list_conflicts(s)
        assert {(c.entity_id, c.rejected) for c in kept} == {(ids[0], True)}
        assert s.scalar(select(func.count()).select_from(OutboxEntry)) == 0
    _, engine = db.make_engines(device.server.database_url)
    try:
        with engine.connect() as conn:
            stored = set(conn.execute(select(db.record.c.id).where(
                db.record.c.entity == "employer", db.record.c.id.in_(ids))).scalars())
    finally:
        engine.dispose()
    assert stored == set(ids[1:])
