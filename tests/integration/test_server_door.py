"""Hardening at the door, against a real service process: wrong enrollment codes and unknown
tokens lead to a lockout (429, Retry-After) before the database is asked; no answer under
/api/v1 may be cached; a body that stops arriving is cut off; every refusal has the one
documented shape with a Danish message naming the field."""

from __future__ import annotations

import socket

import httpx
import pytest

from consultant_app.device import device_identity
from sync.server import door
from tests.support.refusals import refusal
from tests.support.server_process import ServerProcess


@pytest.fixture
def door_server(tmp_path, monkeypatch):
    monkeypatch.setenv(door.BODY_TIMEOUT_ENV, "1")
    with ServerProcess.sqlite(tmp_path) as proc:
        yield proc


_refusal = refusal


@pytest.mark.slow
def test_wrong_codes_lock_the_address_out_even_for_the_right_code(door_server, store):
    proc = door_server
    code = proc.add_consultant(proc.new_municipality(), "Test Konsulent")
    key = device_identity(store).public_key_b64
    failures = int(door.ENROLL_FAILURES.split("/")[0])
    for i in range(failures):
        r = httpx.post(f"{proc.api}/enroll", json={"enrollment_code": f"FORKERT-{i:04d}",
                                                   "public_key": key})
        assert r.status_code == 403 and _refusal(r)["code"] == "invalid_code"
        assert r.headers["cache-control"] == "no-store"
    r = httpx.post(f"{proc.api}/enroll", json={"enrollment_code": code, "public_key": key})
    assert r.status_code == 429, r.text
    assert _refusal(r)["code"] == "too_many_attempts"
    assert _refusal(r)["message"].startswith("For mange forkerte tilmeldingskoder fra denne "
                                             "adresse. Prøv igen om ")
    assert 0 < int(r.headers["retry-after"]) <= 15 * 60
    assert r.headers["cache-control"] == "no-store"
    # Other addresses are not locked out: the loopback alias 127.0.0.2 is another client.
    with httpx.Client(transport=httpx.HTTPTransport(local_address="127.0.0.2")) as other:
        r = other.post(f"{proc.api}/enroll", json={"enrollment_code": code, "public_key": key})
    assert r.status_code == 200, r.text


@pytest.mark.slow
def test_unknown_tokens_lock_the_address_out(door_server):
    proc = door_server
    failures = int(door.TOKEN_FAILURES.split("/")[0])
    with httpx.Client(base_url=proc.api) as http:
        for i in range(failures):
            r = http.get("/device", headers={"Authorization": f"Bearer gaet-{i}"})
            assert r.status_code == 401
        r = http.get("/device", headers={"Authorization": "Bearer endnu-et-gaet"})
        assert r.status_code == 429 and _refusal(r)["code"] == "too_many_attempts"
        assert "adgangsnøgler" in _refusal(r)["message"]
        assert http.get("/health").status_code == 200  # no token: not throttled


@pytest.mark.slow
def test_refusals_name_the_field_in_danish_and_have_the_documented_shape(door_server):
    proc = door_server
    with httpx.Client(base_url=proc.api) as http:
        cases = [
            (http.post("/enroll", json={"public_key": "x"}), 422,
             "Feltet 'enrollment_code' mangler."),
            (http.post("/enroll", content=b"{nej", headers={"Content-Type":
                                                            "application/json"}), 422,
             "Feltet 'body' er ikke gyldig JSON."),
            (http.post("/enroll", content=b"\x1e\xff\x00", headers={
                "Content-Type": "application/json"}), 422, "Feltet 'body' er ikke gyldig JSON."),
            (http.post("/enroll", json={"enrollment_code": 5, "public_key": "x"}), 422,
             "Feltet 'enrollment_code' skal være tekst."),
            (http.get("/pull", params={"cursor": -1}, headers={"Authorization": "Bearer x"}),
             422, "Feltet 'cursor' skal være mindst 0."),
            (http.get("/findes-ikke"), 404, "Adressen findes ikke i tjenesten."),
            (http.delete("/health"), 405, "Metoden er ikke tilladt på denne adresse."),
        ]
        for r, status, message in cases:
            assert (r.status_code, _refusal(r)["message"]) == (status, message), r.text
            assert r.headers["cache-control"] == "no-store"
        for path in ("/health", "/ca"):
            assert http.get(path).headers["cache-control"] == "no-store"

    schema = httpx.get(f"{proc.base_url}/openapi.json").json()
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            for status, response in operation["responses"].items():
                if status.startswith(("4", "5")):
                    ref = response["content"]["application/json"]["schema"]["$ref"]
                    assert ref.endswith("/ErrorResponse"), (method, path, status, ref)


@pytest.mark.slow
def test_a_body_that_stops_arriving_is_cut_off_with_408(door_server):
    proc = door_server
    with socket.create_connection(("127.0.0.1", proc.port), timeout=10) as sock:
        sock.sendall(b"POST /api/v1/enroll HTTP/1.1\r\nHost: x\r\n"
                     b"Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"a\"")
        answer = b""  # the socket's own 10 s timeout would fail the test
        while b"\r\n\r\n" not in answer or not answer.endswith(b"}"):
            chunk = sock.recv(4096)  # headers and body may come in two packets
            if not chunk:
                break
            answer += chunk
    assert answer.startswith(b"HTTP/1.1 408"), answer[:200]
    assert b'"code":"timeout"' in answer and b"no-store" in answer
