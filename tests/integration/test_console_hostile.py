"""The web console against input no database can keep: a NUL character in a form field, a
query parameter or a path segment. On PostgreSQL each was a 500 (text fields cannot hold NUL);
now, on both backends, a 400 page in Danish naming the field, and nothing is written."""

from __future__ import annotations

import html
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from sync.server import admin
from sync.server.app import create_app
from sync.server.console import overview, store
from tests.support.console import PASSWORD, csrf_of, sign_in
from tests.support.server_process import fresh_database

BAD_INPUT = "indeholder tegnet NUL"


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def app(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
        ) -> Iterator[object]:
    with fresh_database(request.param, tmp_path_factory.mktemp("console-hostile")) as url:
        app = create_app(url)
        admin.add_municipality(app.state.write_engine, "0751", "Aarhus")
        yield app
        app.state.write_engine.dispose()
        app.state.read_engine.dispose()


@pytest.fixture(scope="module")
def admin_client(app) -> TestClient:
    engine = app.state.write_engine
    return sign_in(app, store.add_user(engine, "hostile-admin", "Anna Admin",
                                       store.SYSTEM_ADMIN, PASSWORD, None))


def names_field(answer, field: str) -> tuple[int, bool, str]:
    """(status, whether the page is the Danish bad-input page naming ``field``, its text)."""
    text = html.unescape(answer.text)
    return answer.status_code, BAD_INPUT in text and f"'{field}'" in text, text[:300]


def test_a_nul_in_the_sign_in_form_is_refused_naming_the_field(app):
    client = TestClient(app, base_url="http://testserver", follow_redirects=False)
    page = client.get("/console/login")
    status, named, text = names_field(client.post("/console/login", data={
        "username": "anna\x00", "password": PASSWORD, "csrf": csrf_of(page.text)}),
        "username")
    assert (status, named) == (400, True), text


def test_a_nul_in_a_signed_in_form_changes_nothing(app, admin_client):
    page = admin_client.get("/console/consultants?m=0751")
    before = overview.consultants(app.state.read_engine, "0751")
    status, named, text = names_field(admin_client.post("/console/consultants", data={
        "csrf": csrf_of(page.text), "municipality": "0751", "name": "Snig\x00"}), "name")
    assert (status, named) == (400, True), text
    assert overview.consultants(app.state.read_engine, "0751") == before


@pytest.mark.parametrize(("url", "field"), [
    ("/console/access-log?cpr=0101%0090", "cpr"),
    ("/console/citizens?m=0751&consultant=%00", "consultant"),
    ("/console/agreements?m=0751&employer=%00x", "employer"),
    ("/console/consultants/ab%00cd", "consultant_id"),
    ("/console/agreements/a%00b/1/pdf", "agreement_id"),
])
def test_a_nul_in_a_query_or_path_is_refused_naming_it(admin_client, url, field):
    status, named, text = names_field(admin_client.get(url), field)
    assert (status, named) == (400, True), text
