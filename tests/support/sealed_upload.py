"""A sealed agreement's upload to the service, as a device makes it, for tests of the service's
``PUT /api/v1/agreements/{id}/{revision}``."""

from __future__ import annotations

import base64
import json

import httpx

from consultant_app.device import DeviceIdentity, device_identity, install_certificate
from consultant_app.store import Store
from forms import agreements as A
from tests.support.server_process import ServerProcess
from tests.support.signing import ready_draft, seal, sign_all


def enrolled_client(store: Store, server: ServerProcess) -> httpx.Client:
    """Enrolls the profile's device (a consultant in a new municipality) and installs the
    certificate the service issued; a client that sends the device's token."""
    code = server.add_consultant(server.new_municipality("Aarhus"), "Test Konsulent")
    identity = device_identity(store)
    r = httpx.post(f"{server.api}/enroll", json={"enrollment_code": code,
                                                 "public_key": identity.public_key_b64})
    assert r.status_code == 200, r.text
    e = r.json()
    install_certificate(store, e["certificate_pem"], e["ca_certificate_pem"],
                        device_id=e["device_id"])
    return httpx.Client(base_url=server.api, timeout=60,
                        headers={"Authorization": f"Bearer {e['token']}"})


def upload_body(store: Store, agreement_id: str, pdf: bytes) -> dict:
    with store.read() as s:
        doc = A.load(s, agreement_id)
        return {"content": A.signed_payload(doc), "content_hash": doc.record.content_hash,
                "seal": json.loads(doc.record.seal), "signatures": [],
                "pdf_base64": base64.b64encode(pdf).decode()}


def sealed_upload(store: Store, server: ServerProcess
                  ) -> tuple[httpx.Client, DeviceIdentity, str, bytes, dict]:
    """An enrolled device's client and identity, an agreement every party signed and the
    device sealed with the service's certificate, its PDF, and the body that uploads it."""
    http = enrolled_client(store, server)
    device = device_identity(store)
    agreement_id = ready_draft(store)
    sign_all(store, agreement_id, device)
    pdf = seal(store, agreement_id, device)
    return http, device, agreement_id, pdf, upload_body(store, agreement_id, pdf)
