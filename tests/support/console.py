"""Signing in to the web console in tests, as a browser does: the password form, then the
code form, each with the CSRF token of the page it came from."""

from __future__ import annotations

import re

import pyotp
from fastapi.testclient import TestClient

from sync.server.console import store

PASSWORD = "korrekt hest batteri"


def csrf_of(html: str) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', html)
    assert found, html
    return found.group(1)


def sign_in(app, new: store.NewUser, code: str | None = None) -> TestClient:  # type: ignore[no-untyped-def]
    """A client of ``app`` signed in as ``new`` (its password is ``PASSWORD``), with ``code``
    or the current one of its TOTP secret."""
    client = TestClient(app, base_url="http://testserver", follow_redirects=False)
    page = client.get("/console/login")
    answer = client.post("/console/login", data={
        "username": new.user.username, "password": PASSWORD, "csrf": csrf_of(page.text)})
    assert answer.status_code == 303, answer.text
    page = client.get(answer.headers["location"])
    answer = client.post("/console/login/code", data={
        "code": code or pyotp.TOTP(new.totp_secret).now(), "csrf": csrf_of(page.text)})
    assert answer.status_code == 303, answer.text
    return client
