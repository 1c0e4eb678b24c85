"""The web console in a real browser: Playwright driving Debian's Chromium against a real
``consultant-server`` process on loopback, with the real client enrolling and syncing.

One browser and one service for the module; each test signs in as its own
user in a fresh browser context. Every page is kept as a screenshot in
var/screenshots/console/ for a reviewer."""

from __future__ import annotations

import concurrent.futures
import json
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pyotp
import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from sync.server import db
from tests.support.cli import run_app
from tests.support.server_process import ROOT, ServerProcess


CHROMIUM = Path("/usr/bin/chromium")
SHOTS = ROOT / "var" / "screenshots" / "console"
PASSWORD = "korrekt hest batteri staple"


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    """One Chromium for this module. Not for the session: Playwright's sync API holds an
    asyncio loop on the main thread while it runs, and pyHanko (sealing, verifying) cannot
    start its own there, so a later test on the same worker would fail."""
    from playwright.sync_api import sync_playwright
    assert CHROMIUM.exists(), ("Debian's chromium is missing: apt-get install chromium "
                               "(make setup does it as root)")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=[
            "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"])
        yield browser
        browser.close()


class Town:
    def __init__(self, server: ServerProcess):
        self.server = server
        server.admin("add-municipality", "0751", "Aarhus")
        server.admin("add-municipality", "0101", "København")
        self.secrets: dict[str, str] = {}
        _, self.engine = db.make_engines(server.database_url)

    def add_user(self, username: str, role: str, municipality: str | None, name: str) -> str:
        """A new console user (each sign-in its own user: a TOTP code is good only once,
        so one user cannot sign in twice within 30 seconds)."""
        username = f"{username}{len(self.secrets) + 1}"
        args = ["console-user", "add", username, "--role", role, "--name", name,
                "--password", PASSWORD]
        if municipality:
            args += ["--municipality", municipality]
        out = self.server.admin(*args)
        self.secrets[username] = re.search(r"TOTP-hemmelighed: (\w+)", out).group(1)
        return username

    def citizen_ids(self) -> list[str]:
        r = db.record.c
        with self.engine.connect() as conn:
            return list(conn.execute(select(r.id).where(
                r.entity == "citizen", r.municipality_code == "0751")).scalars())


@pytest.fixture(scope="module")
def town(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Town]:
    with ServerProcess.sqlite(tmp_path_factory.mktemp("console-browser")) as server:
        yield Town(server)


def shot(page, name: str) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


ROLES = {"anna": ("municipality_admin", "0751", "Anna Admin"),
         "dorte": ("dpo", "0751", "Dorte Databeskyttelse"),
         "tim": ("team_leader", "0751", "Tim Teamleder"),
         "sys": ("system_admin", None, "Sys Admin")}


def sign_in(browser, town: Town, who: str, viewport=(1366, 768), shots: bool = False):
    """A new browser context signed in as a new user like ``who`` (ROLES), by keyboard: the
    username field has the focus, Tab to the password, Enter submits; then the code page."""
    username = town.add_user(who, *ROLES[who])
    context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]},
                                  locale="da-DK", accept_downloads=True)
    page = context.new_page()
    page.goto(town.server.base_url + "/console/")
    assert page.url.startswith(town.server.base_url + "/console/login")
    if shots:
        shot(page, "01-log-ind")
    # The field has the focus once the page has settled (autofocus); type only then.
    expect(page.get_by_label("Brugernavn")).to_be_focused(timeout=30_000)
    page.keyboard.type(username)
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r".*/console/login/code.*"))
    if shots:
        shot(page, "02-kode")
    expect(page.get_by_label("Kode", exact=True)).to_be_focused(timeout=30_000)
    page.keyboard.type(pyotp.TOTP(town.secrets[username]).now())
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r".*/console/(overview|access-log).*"))
    context.username = username
    return context, page


def client(profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The real ``consultant-app`` command, as a user runs it."""
    done = run_app(profile, *args, passphrase="browser-test")
    assert done.returncode == 0, done.stderr
    return done


@pytest.mark.slow
def test_an_administrator_sets_up_a_consultant_and_a_laptop_without_a_shell(
        browser, town, tmp_path):
    context, page = sign_in(browser, town, "anna", shots=True)
    assert page.get_by_role("heading", level=1).inner_text().startswith("Oversigt")
    shot(page, "03-oversigt-tom")

    page.get_by_role("link", name="Konsulenter og enheder").click()
    page.get_by_label("Navn").fill("Karen Jensen")
    page.get_by_label("E-mail (valgfri)").fill("karen@aarhus.dk")
    shot(page, "04-konsulenter")
    page.get_by_role("button", name="Opret konsulent").click()
    page.wait_for_url(re.compile(r".*/console/consultants/[0-9a-f-]+$"))
    assert page.get_by_role("heading", level=1).inner_text() == "Karen Jensen"
    page.get_by_role("button", name="Ny tilmeldingskode").click()
    code = page.locator("#enrollment-code").inner_text().strip()
    assert re.fullmatch(r"[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}", code)
    assert page.locator("figure svg").count() == 1  # the QR code, inline
    shot(page, "05-tilmeldingskode")

    # A citizen for Karen, so her laptop's first pull is in the access log.
    citizens = tmp_path / "borgere.csv"
    citizens.write_text("name;cpr;target_group\nIb Madsen;010190-1234;dagpenge\n",
                        encoding="utf-8")
    town.server.admin("import", "citizens", str(citizens), "--municipality", "0751",
                      "--consultant", "Karen Jensen")

    # The laptop: the real client enrolls with the code read from the page, then syncs.
    profile = tmp_path / "laptop"
    client(profile, "init", "--consultant", "Karen Jensen")
    client(profile, "enroll", "--server", town.server.base_url, "--code", code,
           "--no-keyring")
    client(profile, "seed-demo", "--employers", "2", "--vacancies", "1", "--candidates", "1")
    client(profile, "sync")

    page.reload()
    devices = page.locator("#devices tbody tr")
    assert devices.count() == 1
    cells = devices.first.locator("td").all_inner_texts()
    assert cells[1] == "aktiv"
    assert cells[4].endswith("UTC") and cells[5].endswith("UTC")  # last contact, last push
    shot(page, "06-konsulent-med-enhed")

    page.get_by_role("link", name="Oversigt").click()
    row = page.locator("#devices tbody tr").first.locator("td").all_inner_texts()
    assert row[0] == "Karen Jensen" and row[2] == "aktiv" and row[4].endswith("UTC")
    assert "Karen Jensen" not in page.locator("#quiet").inner_text()
    assert page.get_by_text("Ventende ændringer og enhedens seneste fejl indberettes ikke")\
        .count() == 1
    shot(page, "07-oversigt")

    # The access log: who received Ib Madsen's data (the laptop's pull).
    citizen_id = town.citizen_ids()[0]
    page.get_by_role("link", name="Databeskyttelse").click()
    page.get_by_label("Borgerens id eller CPR-nummer").first.fill(citizen_id)
    page.get_by_role("button", name="Søg").click()
    log = page.locator("#log tbody tr")
    assert log.count() >= 1
    assert "Karen Jensen" in log.first.inner_text() and "pull" in log.first.inner_text()
    shot(page, "08-adgangslog")

    # A CSV with a bad line: nothing is imported, and the line, column and reason are shown.
    bad = tmp_path / "nye-borgere.csv"
    bad.write_text("name;cpr;target_group\nGod Borger;050505-1234;dagpenge\n"
                   "Dårlig Borger;050505-5678;ingen-gruppe\n", encoding="utf-8")
    held = len(town.citizen_ids())
    page.get_by_role("link", name="Import").click()
    page.get_by_label("Filen indeholder").select_option("citizens")
    page.get_by_label("CSV-fil").set_input_files(str(bad))
    page.get_by_role("button", name="Importér").click()
    problems = page.locator("#problems li").all_inner_texts()
    assert len(problems) == 1 and problems[0].startswith("Linje 3, kolonne ")
    assert "Intet importeret" in page.locator("#result").inner_text()
    assert len(town.citizen_ids()) == held
    shot(page, "09-import-med-fejl")

    # Move Ib Madsen to Bo Hansen: Karen's laptop forgets him at its next sync.
    town.server.admin("add-consultant", "--municipality", "0751", "--name", "Bo Hansen")
    before = json.loads(client(profile, "info", "--json").stdout)["citizens"]
    page.get_by_role("link", name="Borgere").click()
    page.get_by_role("checkbox", name="Ib Madsen").check()
    page.get_by_label("Flyt de valgte til").select_option(label="Bo Hansen")
    page.get_by_role("button", name="Flyt", exact=True).click()
    assert "1 borger(e) flyttet til Bo Hansen" in page.locator("#message").inner_text()
    shot(page, "10-borger-flyttet")
    client(profile, "sync")
    after = json.loads(client(profile, "info", "--json").stdout)["citizens"]
    assert after == before - 1

    # Revoke the laptop: its next contact wipes it.
    page.goto(town.server.base_url + "/console/consultants")
    page.get_by_role("link", name="Karen Jensen").click()
    page.get_by_role("button", name=re.compile("Spær enheden")).click()
    assert page.locator("#devices tbody tr td").nth(1).inner_text().startswith("spærret")
    shot(page, "11-enhed-spaerret")

    # The console's log names who did each of these.
    page.get_by_role("link", name="Konsollens log").click()
    text = page.locator("#actions").inner_text()
    for action in ("add_consultant", "enrollment_code", "revoke_device", "sign_in"):
        assert action in text
    assert context.username in text
    shot(page, "12-konsollens-log")

    # English, one click away; and the overview on a phone.
    page.get_by_role("link", name="English").click()
    page.goto(town.server.base_url + "/console/overview")
    assert page.get_by_role("heading", level=1).inner_text().startswith("Overview")
    shot(page, "13-overview-english")
    context.close()
    context, page = sign_in(browser, town, "sys", viewport=(390, 844))
    page.goto(town.server.base_url + "/console/overview?m=0751")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390 + 1
    shot(page, "14-oversigt-telefon")
    context.close()


@pytest.mark.slow
def test_the_data_protection_officer_exports_a_citizen_and_is_refused_the_rest(
        browser, town, tmp_path):
    citizens = tmp_path / "borgere.csv"
    citizens.write_text("name;cpr;target_group\nLis Holm;020285-2468;dagpenge\n",
                        encoding="utf-8")
    before = set(town.citizen_ids())
    town.server.admin("import", "citizens", str(citizens), "--municipality", "0751")
    (citizen_id,) = set(town.citizen_ids()) - before
    context, page = sign_in(browser, town, "dorte")
    assert "/console/access-log" in page.url  # the DPO's start page
    nav = page.get_by_role("navigation").inner_text()
    assert "Oversigt" not in nav and "Konsulenter" not in nav
    assert page.get_by_role("button", name="Slet borgeren").count() == 0
    page.get_by_label("Borgerens id eller CPR-nummer").nth(1).fill("020285-2468")
    with page.expect_download() as download:
        page.get_by_role("button", name="Hent alt om borgeren (JSON)").click()
    saved = tmp_path / "export.json"
    download.value.save_as(saved)
    assert citizen_id in saved.read_text("utf-8")
    page.get_by_label("Borgerens id eller CPR-nummer").first.fill("0202852468")
    page.get_by_role("button", name="Søg").click()
    entry = page.locator("#log tbody tr").first.inner_text()
    assert f"console:{context.username}" in entry and "export" in entry
    shot(page, "15-dpo-adgangslog-efter-udtraek")

    refused = page.goto(town.server.base_url + "/console/overview")
    assert refused.status == 403
    assert page.get_by_role("alert").inner_text() == "Din rolle giver ikke adgang til dette."
    shot(page, "16-dpo-afvist")
    context.close()


@pytest.mark.slow
def test_a_team_leader_and_a_municipality_administrator_meet_their_limits(browser, town):
    context, page = sign_in(browser, town, "tim")
    assert page.get_by_role("link", name="Databeskyttelse").count() == 0
    assert page.goto(town.server.base_url + "/console/access-log").status == 403
    shot(page, "17-teamleder-afvist")
    # A team leader adds a consultant to their own team, and may enroll but not deactivate.
    page.goto(town.server.base_url + "/console/consultants")
    page.get_by_label("Navn").fill("Tims Konsulent")
    page.get_by_role("button", name="Opret konsulent").click()
    assert page.get_by_role("button", name="Ny tilmeldingskode").count() == 1
    assert page.get_by_role("button", name="Deaktivér konsulent").count() == 0
    context.close()

    context, page = sign_in(browser, town, "anna")
    assert page.goto(town.server.base_url + "/console/overview?m=0101").status == 403
    assert page.get_by_role("alert").inner_text() == "Du har kun adgang til din egen kommune."
    shot(page, "18-kommuneadmin-anden-kommune")
    # Deactivating needs the confirmation box: the browser will not send the form without it.
    page.goto(town.server.base_url + "/console/consultants")
    page.get_by_role("link", name="Tims Konsulent").click()
    page.get_by_role("button", name="Deaktivér konsulent").click()
    assert page.get_by_role("button", name="Deaktivér konsulent").count() == 1
    page.get_by_label(re.compile("Konsulenten er stoppet")).check()
    page.get_by_role("button", name="Deaktivér konsulent").click()
    assert "deaktiveret" in page.locator("main p").first.inner_text()
    shot(page, "19-konsulent-deaktiveret")
    context.close()


@pytest.mark.slow
def test_the_skip_link_comes_first_and_leads_to_the_content(browser, town):
    context, page = sign_in(browser, town, "sys")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused == "Spring til indholdet"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    context.close()


@pytest.mark.slow
def test_a_received_agreement_is_listed_with_its_receipt_and_its_pdf_opens(
        browser, town, store):
    import base64

    import httpx

    from consultant_app.device import device_identity, install_certificate
    from forms import agreements as A
    from tests.support.signing import ready_draft, seal, sign_all
    code = town.server.add_consultant("0751", "Aftale Konsulent")
    enrolled = httpx.post(f"{town.server.api}/enroll", json={
        "enrollment_code": code, "public_key": device_identity(store).public_key_b64}).json()
    install_certificate(store, enrolled["certificate_pem"], enrolled["ca_certificate_pem"],
                        device_id=enrolled["device_id"])
    identity = device_identity(store)
    agreement_id = ready_draft(store)
    sign_all(store, agreement_id, identity)
    # pyHanko runs its own asyncio loop, which cannot start on this thread while Playwright's
    # sync API holds one.
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        pdf = pool.submit(seal, store, agreement_id, identity).result()
    with store.read() as s:
        doc = A.load(s, agreement_id)
        upload = {"content": A.signed_payload(doc), "content_hash": doc.record.content_hash,
                  "seal": json.loads(doc.record.seal), "signatures": [],
                  "pdf_base64": base64.b64encode(pdf).decode()}
    assert httpx.put(f"{town.server.api}/agreements/{agreement_id}/1", json=upload,
                     headers={"Authorization": f"Bearer {enrolled['token']}"},
                     timeout=60).status_code == 200

    context, page = sign_in(browser, town, "anna")
    page.get_by_role("link", name="Modtagne aftaler").click()
    row = page.locator("#agreements tbody tr").first
    assert "Aftale Konsulent" in row.inner_text()
    assert "Tjenestens kvittering er gyldig" in row.inner_text()
    shot(page, "20-modtagne-aftaler")
    href = row.get_by_role("link", name=re.compile("Åbn PDF")).get_attribute("href")
    opened = page.request.get(town.server.base_url + href)
    assert opened.status == 200 and opened.body() == pdf
    page.get_by_label("Virksomhed").fill("findes ikke")
    page.get_by_role("button", name="Søg").click()
    assert "Ingen modtagne aftaler." in page.locator("#agreements").inner_text()
    context.close()


@pytest.mark.slow
def test_the_rule_sets_page_says_what_is_published_and_what_is_not_recorded(browser, town):
    context, page = sign_in(browser, town, "tim")
    page.get_by_role("link", name="Regelsæt").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Offentliggjorte regelsæt"
    assert page.locator("#rulesets tbody").inner_text().startswith(
        "Ingen regelsæt er offentliggjort")
    assert page.get_by_text("Hvilken version hver enhed har hentet, registrerer tjenesten "
                            "ikke").count() == 1
    shot(page, "21-regelsaet")
    context.close()
    context, page = sign_in(browser, town, "dorte")
    assert page.goto(town.server.base_url + "/console/rulesets").status == 403
    context.close()
