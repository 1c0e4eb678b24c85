"""The web console over plain HTTP (FastAPI's TestClient on the real app and a real SQLite
file): sign-in with password and TOTP, sessions that expire, CSRF on every form, each role's
limits, and the console's log of who did what."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pyotp
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select, update

from sync.server import admin, auth, db
from sync.server.app import create_app
from sync.server.console import store
from sync.server.console import (
    store as store_module,  # where a test also uses the profile fixture `store`
)
from tests.support.console import PASSWORD, csrf_of, sign_in


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("console")
    app = create_app(f"sqlite:///{folder / 'server.sqlite'}")
    engine = app.state.write_engine
    admin.add_municipality(engine, "0751", "Aarhus")
    admin.add_municipality(engine, "0101", "København")
    return app


@pytest.fixture(scope="module")
def engine(app):
    return app.state.write_engine


_n = iter(range(10_000))


def new_user(engine, role: str, municipality: str | None = "0751",
             consultants: tuple[str, ...] = ()) -> store.NewUser:
    return store.add_user(engine, f"{role}-{next(_n)}", f"Test {role}", role, PASSWORD,
                          municipality, consultants)


def test_sign_in_needs_password_then_code_and_opens_the_overview(app, engine):
    new = new_user(engine, store.MUNICIPALITY_ADMIN)
    client = TestClient(app, follow_redirects=False)
    assert client.get("/console/overview").headers["location"].startswith("/console/login")
    page = client.get("/console/login")
    wrong = client.post("/console/login", data={"username": new.user.username,
                                                "password": "forkert forkert", "csrf":
                                                csrf_of(page.text)})
    assert wrong.status_code == 401
    assert "Forkert brugernavn eller adgangskode." in wrong.text
    answer = client.post("/console/login", data={"username": new.user.username,
                                                 "password": PASSWORD,
                                                 "csrf": csrf_of(page.text)})
    assert answer.status_code == 303
    # After the password alone, no page opens.
    assert client.get("/console/overview").headers["location"].startswith("/console/login")
    code_page = client.get("/console/login/code")
    bad = client.post("/console/login/code", data={"code": "000000",
                                                   "csrf": csrf_of(code_page.text)})
    assert bad.status_code == 401 and "Koden er forkert" in bad.text
    good = client.post("/console/login/code", data={
        "code": pyotp.TOTP(new.totp_secret).now(), "csrf": csrf_of(code_page.text)})
    assert good.status_code == 303
    overview = client.get("/console/overview")
    assert overview.status_code == 200 and "Oversigt" in overview.text
    assert overview.headers["cache-control"] == "no-store"
    assert "frame-ancestors 'none'" in overview.headers["content-security-policy"]


def test_a_code_is_used_only_once(app, engine):
    new = new_user(engine, store.DPO)
    code = pyotp.TOTP(new.totp_secret).now()
    sign_in(app, new, code)
    with pytest.raises(AssertionError):
        sign_in(app, new, code)


def test_the_session_cookie_is_httponly_and_strict(app, engine):
    new = new_user(engine, store.DPO)
    client = TestClient(app, follow_redirects=False)
    page = client.get("/console/login")
    answer = client.post("/console/login", data={"username": new.user.username,
                                                 "password": PASSWORD,
                                                 "csrf": csrf_of(page.text)})
    cookie = answer.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie and "Path=/console" in cookie


def test_sign_in_form_without_its_csrf_value_is_refused(app, engine):
    new = new_user(engine, store.DPO)
    client = TestClient(app, follow_redirects=False)
    client.get("/console/login")
    answer = client.post("/console/login", data={"username": new.user.username,
                                                 "password": PASSWORD, "csrf": "x"})
    assert answer.status_code == 403
    assert "set-cookie" not in answer.headers or "console_session" not in \
        answer.headers["set-cookie"]


def test_every_form_refuses_a_missing_or_wrong_csrf_token(app, engine):
    consultant = admin.add_consultant(engine, "0751", "Csrf Konsulent")
    client = sign_in(app, new_user(engine, store.MUNICIPALITY_ADMIN))
    posts = [("/console/consultants", {"name": "Ny", "m": "0751"}),
             (f"/console/consultants/{consultant}/code", {}),
             (f"/console/consultants/{consultant}/deactivate", {"confirm": "yes"}),
             ("/console/devices/nothing/revoke", {}),
             ("/console/citizens/export", {"citizen": "x"}),
             ("/console/citizens/erase", {"citizen": "x", "confirm": "yes"})]
    for path, data in posts:
        for token in (None, "0" * 64):
            body = dict(data, **({"csrf": token} if token else {}))
            answer = client.post(path, data=body)
            assert answer.status_code == 403, path
            assert "Formularen var forældet" in answer.text
    assert not admin.is_deactivated(engine, consultant)
    with engine.connect() as conn:
        codes = conn.execute(select(db.enrollment_code).where(
            db.enrollment_code.c.consultant_id == consultant)).all()
    assert codes == []


def test_an_idle_session_expires_and_sign_out_ends_it(app, engine):
    new = new_user(engine, store.MUNICIPALITY_ADMIN)
    client = sign_in(app, new)
    assert client.get("/console/overview").status_code == 200
    idle = dt.timedelta(minutes=store.idle_minutes() + 1)
    with engine.begin() as conn:
        conn.execute(update(store.console_session)
                     .where(store.console_session.c.user_id == new.user.id)
                     .values(last_seen_at=db.utcnow() - idle))
    answer = client.get("/console/overview")
    assert answer.status_code == 303 and "expired=1" in answer.headers["location"]
    login = client.get(answer.headers["location"])
    assert "Din session er udløbet" in login.text

    client = sign_in(app, new_user(engine, store.MUNICIPALITY_ADMIN))
    page = client.get("/console/overview")
    client.post("/console/logout", data={"csrf": csrf_of(page.text)})
    # The old cookie is worth nothing afterwards, even sent again by hand.
    assert client.get("/console/overview").status_code == 303


def test_a_session_ends_at_the_absolute_limit_even_when_busy(app, engine):
    new = new_user(engine, store.MUNICIPALITY_ADMIN)
    client = sign_in(app, new)
    with engine.begin() as conn:
        conn.execute(update(store.console_session)
                     .where(store.console_session.c.user_id == new.user.id)
                     .values(created_at=db.utcnow() - dt.timedelta(
                         hours=store.ABSOLUTE_HOURS, minutes=1)))
    assert client.get("/console/overview").status_code == 303


def test_ten_wrong_codes_lock_the_account(app, engine):
    new = new_user(engine, store.DPO)
    client = TestClient(app, follow_redirects=False)
    for _ in range(store.MAX_FAILED):
        page = client.get("/console/login")
        client.post("/console/login", data={"username": new.user.username,
                                            "password": PASSWORD, "csrf": csrf_of(page.text)})
        code_page = client.get("/console/login/code")
        client.post("/console/login/code", data={"code": "000000",
                                                 "csrf": csrf_of(code_page.text)})
    page = client.get("/console/login")
    answer = client.post("/console/login", data={"username": new.user.username,
                                                 "password": PASSWORD,
                                                 "csrf": csrf_of(page.text)})
    assert answer.status_code == 401 and "låst" in answer.text


def test_each_role_is_refused_what_it_may_not_do_and_the_refusal_is_logged(app, engine):
    mine = admin.add_consultant(engine, "0751", "Teamets Konsulent")
    other = admin.add_consultant(engine, "0751", "Andens Konsulent")
    elsewhere = admin.add_consultant(engine, "0101", "Københavns Konsulent")
    leader = new_user(engine, store.TEAM_LEADER, consultants=(mine,))
    dpo = new_user(engine, store.DPO)
    municipal = new_user(engine, store.MUNICIPALITY_ADMIN)

    client = sign_in(app, leader)
    assert client.get(f"/console/consultants/{mine}").status_code == 200
    assert client.get(f"/console/consultants/{other}").status_code == 403
    assert client.get("/console/access-log").status_code == 403
    page = client.get(f"/console/consultants/{mine}")
    refused = client.post(f"/console/consultants/{mine}/deactivate",
                          data={"csrf": csrf_of(page.text), "confirm": "yes"})
    assert refused.status_code == 403 and "Din rolle giver ikke adgang" in refused.text
    assert not admin.is_deactivated(engine, mine)
    assert client.post(f"/console/consultants/{other}/code",
                       data={"csrf": csrf_of(page.text)}).status_code == 403

    client = sign_in(app, dpo)
    assert client.get("/console/access-log").status_code == 200
    assert client.get("/console/overview").status_code == 403
    assert client.get("/console/consultants").status_code == 403
    page = client.get("/console/access-log")
    assert client.post("/console/citizens/erase", data={
        "csrf": csrf_of(page.text), "citizen": "x", "confirm": "yes"}).status_code == 403
    assert client.post("/console/consultants", data={
        "csrf": csrf_of(page.text), "name": "Snig"}).status_code == 403

    client = sign_in(app, municipal)
    assert client.get("/console/overview?m=0101").status_code == 403
    assert client.get(f"/console/consultants/{elsewhere}").status_code == 403
    page = client.get("/console/consultants")
    assert client.post(f"/console/consultants/{elsewhere}/deactivate", data={
        "csrf": csrf_of(page.text), "confirm": "yes"}).status_code == 403
    assert not admin.is_deactivated(engine, elsewhere)

    refusals = [(a["username"], a["action"]) for a in store.actions(engine)
                if a["outcome"] == "refused"]
    assert (leader.user.username, "deactivate_consultant") in refusals
    assert (dpo.user.username, "erase") in refusals
    assert (municipal.user.username, "deactivate_consultant") in refusals


def test_actions_are_logged_with_who_did_them(app, engine):
    municipal = new_user(engine, store.MUNICIPALITY_ADMIN)
    client = sign_in(app, municipal)
    page = client.get("/console/consultants")
    answer = client.post("/console/consultants", data={"csrf": csrf_of(page.text),
                                                       "name": "Logget Konsulent",
                                                       "m": "0751"})
    assert answer.status_code == 303
    consultant_id = answer.headers["location"].rsplit("/", 1)[-1]
    page = client.get(answer.headers["location"])
    shown = client.post(f"/console/consultants/{consultant_id}/code",
                        data={"csrf": csrf_of(page.text)})
    code = re.search(r'id="enrollment-code">([A-Z0-9-]+)<', shown.text).group(1)
    assert "<svg" in shown.text
    assert auth.normalize_code(code)  # a real code, usable at /api/v1/enroll
    done = [(a["action"], a["target"]) for a in store.actions(engine)
            if a["username"] == municipal.user.username and a["outcome"] == "done"]
    assert ("add_consultant", consultant_id) in done
    assert ("enrollment_code", consultant_id) in done
    assert ("sign_in", municipal.user.username) in done
    log = client.get("/console/actions")
    assert "Logget Konsulent" in log.text


def test_english_is_one_click_away_and_stays(app, engine):
    client = sign_in(app, new_user(engine, store.MUNICIPALITY_ADMIN))
    answer = client.get("/console/lang/en?next=/console/overview")
    assert answer.headers["location"] == "/console/overview"
    page = client.get("/console/overview")
    assert '<html lang="en">' in page.text
    assert "Overview" in page.text and "Oversigt" not in page.text
    # No open redirect through the language switch.
    assert client.get("/console/lang/da?next=https://evil.example/").headers[
        "location"] == "/console/"


def test_an_administrator_erases_a_citizen_found_by_cpr_and_the_log_says_who(
        app, engine, tmp_path: Path):
    from sync.server import access_log, imports
    path = tmp_path / "borgere.csv"
    path.write_text("name;cpr;target_group\nEva Slet;030370-1357;dagpenge\n", "utf-8")
    imports.import_file(engine, "citizens", path, "0751", None, False)
    municipal = new_user(engine, store.MUNICIPALITY_ADMIN)
    client = sign_in(app, municipal)
    page = client.get("/console/access-log")
    unconfirmed = client.post("/console/citizens/erase", data={
        "csrf": csrf_of(page.text), "citizen": "030370-1357"})
    assert unconfirmed.status_code == 422 and "Sæt kryds" in unconfirmed.text
    done = client.post("/console/citizens/erase", data={
        "csrf": csrf_of(page.text), "citizen": "030370-1357", "confirm": "yes"})
    assert done.status_code == 200 and "Borgeren er slettet" in done.text
    r = db.record.c
    with engine.connect() as conn:
        erased = conn.execute(select(r.id, r.deleted, r.values_json).where(
            r.entity == "citizen", r.deleted.is_(True))).all()
    assert [(row.deleted, row.values_json) for row in erased] == [(True, "{}")]
    entries = access_log.query(engine, citizen=erased[0].id).entries
    assert entries[0]["action"] == "erase"
    assert entries[0]["actor"] == f"console:{municipal.user.username}"


@pytest.mark.slow
def test_received_agreements_list_their_receipt_and_open_the_stored_pdf(app, engine, store):
    import base64
    import json

    from consultant_app.device import device_identity, install_certificate
    from forms import agreements as A
    from tests.support.signing import ready_draft, seal, sign_all
    consultant = admin.add_consultant(engine, "0751", "Aftale Konsulent")
    code = auth.store_code(engine, consultant)
    api = TestClient(app)
    identity = device_identity(store)
    enrolled = api.post("/api/v1/enroll", json={"enrollment_code": code,
                                                 "public_key": identity.public_key_b64}).json()
    install_certificate(store, enrolled["certificate_pem"], enrolled["ca_certificate_pem"],
                        device_id=enrolled["device_id"])
    identity = device_identity(store)  # now with the service's certificate
    agreement_id = ready_draft(store)
    sign_all(store, agreement_id, identity)
    pdf = seal(store, agreement_id, identity)
    with store.read() as s:
        doc = A.load(s, agreement_id)
        upload = {"content": A.signed_payload(doc), "content_hash": doc.record.content_hash,
                  "seal": json.loads(doc.record.seal), "signatures": [],
                  "pdf_base64": base64.b64encode(pdf).decode()}
    stored = api.put(f"/api/v1/agreements/{agreement_id}/1", json=upload,
                     headers={"Authorization": f"Bearer {enrolled['token']}"})
    assert stored.status_code == 200, stored.text

    municipal = new_user(engine, store_module.MUNICIPALITY_ADMIN)
    client = sign_in(app, municipal)
    page = client.get("/console/agreements")
    assert page.status_code == 200
    assert "Tjenestens kvittering er gyldig" in page.text and "Aftale Konsulent" in page.text
    opened = client.get(f"/console/agreements/{agreement_id}/1/pdf")
    assert opened.status_code == 200 and opened.content == pdf
    assert opened.headers["content-type"] == "application/pdf"
    from sync.server import access_log
    read = access_log.query(engine, consultant_id=None, limit=5).entries
    assert any(e["action"] == "read" and e["entity_id"] == agreement_id and
               e["actor"] == f"console:{municipal.user.username}" for e in read)
    filtered = client.get("/console/agreements?employer=findes-ikke-aps")
    assert "Ingen modtagne aftaler." in filtered.text

    leader = new_user(engine, store_module.TEAM_LEADER)  # a team without this consultant
    client = sign_in(app, leader)
    assert "Aftale Konsulent" not in client.get("/console/agreements").text
    assert client.get(f"/console/agreements/{agreement_id}/1/pdf").status_code == 403
    client = sign_in(app, new_user(engine, store_module.DPO))
    assert client.get("/console/agreements").status_code == 403


def test_the_rule_sets_page_lists_a_published_rule_set(app, engine):
    from sync.server.rulesets import ruleset
    with engine.begin() as conn:
        conn.execute(ruleset.insert().values(
            effective_from="2027-01-01", version=3, published_at=db.utcnow(),
            document='{"ruleset": {"name": "Reformens 2. fase"}}', signature="x",
            sha256="ab" * 32))
    client = sign_in(app, new_user(engine, store.TEAM_LEADER))
    page = client.get("/console/rulesets")
    assert page.status_code == 200
    assert "Reformens 2. fase" in page.text and "2027-01-01" in page.text
