"""The service's sealed upload (PUT /api/v1/agreements/{id}/{revision}) answers 422 with an
ErrorBody, never 500, for malformed paths, bodies and PDFs: what the verifier cannot check,
a forgery under an impostor CA with the service CA's name, active content. Nothing is kept."""

from __future__ import annotations

import base64
import json

import pytest
from sqlalchemy import create_engine, text

from consultant_app.device import DeviceIdentity
from tests.support import forgery
from tests.support.refusals import refusal
from tests.support.sealed_upload import sealed_upload
from tests.support.signing import evidence_of, issue


def _raw(upload: dict, old: str, new: str) -> bytes:
    body = json.dumps(upload)
    assert old in body
    return body.replace(old, new, 1).encode("ascii")


@pytest.mark.slow
def test_malformed_uploads_are_refused_with_422_and_nothing_is_kept(store, tmp_path,
                                                                    sqlite_server):
    http, device, agreement_id, pdf, upload = sealed_upload(store, sqlite_server)
    url = f"/agreements/{agreement_id}/1"
    rendered = forgery.unsigned_part(pdf)
    genuine = evidence_of(pdf)

    def with_pdf(other: bytes) -> bytes:
        return json.dumps(dict(upload, pdf_base64=base64.b64encode(other).decode())).encode()

    bad_revision = json.loads(json.dumps(genuine))
    bad_revision["seal"]["statement"]["revision"] = "abc"
    deep = '{"x": ' + "[" * 100_000 + "]" * 100_000 + ", "

    # A forger enrolled nowhere: a self-made CA with this service's CA's exact name.
    ca_pem = device.ca_certificate_pem
    fake_key, fake_pem = forgery.impostor_ca(ca_pem)
    forged_device = DeviceIdentity(device.device_id, device.private_key, device.public_key,
                                   issue(fake_key, fake_pem, device.public_key,
                                         device.device_id), fake_pem)
    forged = json.loads(json.dumps(genuine))
    forged["seal"]["certificate_pem"] = forged_device.certificate_pem

    cases: dict[str, tuple[str, bytes, str]] = {
        "revision-abc-in-path": (f"/agreements/{agreement_id}/abc", json.dumps(upload).encode(),
                                 "revision"),
        "revision-1e400-in-path": (f"/agreements/{agreement_id}/1e400",
                                   json.dumps(upload).encode(), "revision"),
        "content-1e400": (url, _raw(upload, '"revision": 1', '"revision": 1e400'), ""),
        "content-nested-100000": (url, _raw(upload, '"content": {', '"content": {' + deep),
                                  ""),
        "content-lone-surrogate": (url, _raw(upload, '"content": {',
                                             '"content": {"x": "\\ud800", '), "content"),
        "content-int-2^60": (url, _raw(upload, '"content": {',
                                       f'"content": {{"x": {2 ** 60}, '), "content"),
        "pdf-missing": (url, json.dumps({k: v for k, v in upload.items()
                                         if k != "pdf_base64"}).encode(), "pdf_base64"),
        "seal-as-string": (url, json.dumps(dict(upload, seal="forseglet")).encode(), "seal"),
        "signatures-null": (url, json.dumps(dict(upload, signatures=None)).encode(),
                            "signatures"),
        "body-a-list": (url, b"[1, 2]", ""),
        "body-not-json": (url, b"{nej", ""),
        "pdf-not-base64": (url, json.dumps(dict(upload, pdf_base64="***")).encode(),
                           "pdf_base64"),
        "pdf-not-a-pdf": (url, with_pdf(b"PK\x03\x04"), "pdf_base64"),
        "evidence-revision-abc": (url, with_pdf(forgery.reseal(rendered, bad_revision,
                                                               device)),
                                  "seal.statement.revision"),
        "evidence-nested-100000": (url, with_pdf(forgery.reseal(
            rendered, json.dumps(genuine).replace('"payload": {', '"payload": {' + deep, 1)
            .encode(), device)), "kan ikke læses"),
        "javascript": (url, with_pdf(forgery.reseal(
            forgery.with_objects(rendered, forgery.open_action("app.alert(1)")), genuine,
            device)), "aktivt indhold"),
        "launch": (url, with_pdf(forgery.reseal(
            forgery.with_objects(rendered, forgery.launch_action), genuine, device)),
            "/Launch"),
        "impostor-ca": (url, with_pdf(forgery.reseal(rendered, forged, forged_device)),
                        "ikke forseglet med et certifikat, som denne tjeneste har udstedt"),
    }
    failures = []
    for name, (path, body, named) in cases.items():
        r = http.put(path, content=body, headers={"Content-Type": "application/json"})
        detail = refusal(r) if r.headers.get("content-type", "").startswith(
            "application/json") else None
        if r.status_code != 422 or not isinstance(detail, dict) \
                or named not in detail["message"]:
            failures.append((name, r.status_code, r.text[:300]))
    assert not failures, failures

    engine = create_engine(sqlite_server.database_url)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM sealed_agreement")).scalar() == 0
    engine.dispose()
    assert http.put(url, json=upload).status_code == 200  # the genuine one still goes in
