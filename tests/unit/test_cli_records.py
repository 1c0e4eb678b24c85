"""``consultant-app employer|contact|visit|vacancy|citizen|match ...``: the desktop's actions
on employers, vacancies, citizens and matches, run in-process through the real entry point
on a real profile file, and read back through the same store."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from consultant_app.cli import main
from consultant_app.store import Store
from consultant_app.store.models import (AccessLog, Citizen, ContactPerson, Employer, Match,
                                         MatchEvent,
                                         OutboxEntry, Vacancy, Visit)
from tests.support.profiles import FAST_KDF, PASSPHRASE


@pytest.fixture
def profile(profile_dir) -> str:
    Store.create(profile_dir, PASSPHRASE, consultant="Test Konsulent", kdf_n=FAST_KDF).close()
    return str(profile_dir)


def run(capsys, profile: str, *args: str) -> tuple[int, str, str]:
    code = main(["--profile", profile, "--passphrase", PASSPHRASE, *args])
    out = capsys.readouterr()
    assert "Traceback" not in out.out + out.err
    return code, out.out, out.err


def ok(capsys, profile: str, *args: str) -> str:
    code, out, err = run(capsys, profile, *args)
    assert code == 0, err
    return out.strip()


def read(profile: str, model, ident: str):
    store = Store.open(profile, PASSPHRASE)
    try:
        with store.read() as s:
            row = s.get(model, ident)
            s.expunge(row)
            return row
    finally:
        store.close()


def employer(capsys, profile: str) -> str:
    return ok(capsys, profile, "employer", "add", "cvr=10000009", "name=Bageriet ApS",
              "postcode=8000", "ordinary_employees=12,5")


def test_employer_add_edit_show_through_the_services(profile, capsys):
    ident = employer(capsys, profile)
    row = read(profile, Employer, ident)
    assert (row.cvr, row.name, row.town, row.ordinary_employees) == (
        "10000009", "Bageriet ApS", "Aarhus C", 12.5)  # town from the postcode
    assert ok(capsys, profile, "employer", "edit", ident, "industry=Bageri",
              "phone=12 34 56 78") == f"Gemt: {ident}"
    shown = json.loads(ok(capsys, profile, "employer", "show", ident, "--json"))
    assert shown["industry"] == "Bageri" and shown["phone"] == "12345678"
    assert "Bageri" in ok(capsys, profile, "employer", "show", ident)


def test_bad_input_is_one_danish_line_naming_the_field_and_exit_1(profile, capsys):
    code, out, err = run(capsys, profile, "employer", "add", "cvr=123", "name=X")
    assert code == 1 and out == ""
    assert err.startswith("Fejl: CVR-nummer: ") and len(err.strip().splitlines()) == 1
    code, _, err = run(capsys, profile, "employer", "add", "name")
    assert code == 1 and err.strip() == "Fejl: Skriv felt=værdi, ikke 'name'."
    code, _, err = run(capsys, profile, "employer", "add", "cvr=10000009", "name=X", "navn=Y")
    assert code == 1 and "Ukendt felt 'navn'. Mente du name?" in err
    code, _, err = run(capsys, profile, "employer", "edit", "no-such-id", "name=Y")
    assert code == 1 and err.strip() == "Fejl: Virksomhed med id no-such-id findes ikke."
    code, _, err = run(capsys, profile, "employer", "edit", "no-such-id")
    assert code == 1 and "felt=værdi" in err


def test_contact_and_visit_are_added_and_edited_under_their_employer(profile, capsys):
    employer_id = employer(capsys, profile)
    contact_id = json.loads(ok(capsys, profile, "contact", "add", employer_id, "name=Lone",
                               "role=Ejer", "is_primary=ja", "--json"))["id"]
    ok(capsys, profile, "contact", "edit", contact_id, "email=lone@bager.dk")
    contact = read(profile, ContactPerson, contact_id)
    assert (contact.employer_id, contact.role, contact.is_primary, contact.email) == (
        employer_id, "Ejer", True, "lone@bager.dk")
    assert json.loads(ok(capsys, profile, "contact", "show", contact_id, "--json"))["name"] == \
        "Lone"

    visit_id = ok(capsys, profile, "visit", "add", employer_id, "visit_date=1-3-2026",
                  "notes=Godt møde", "follow_up_date=2026-03-15", "follow_up_note=Ring")
    ok(capsys, profile, "visit", "edit", visit_id, "notes=Rigtig godt møde")
    ok(capsys, profile, "visit", "follow-up-done", visit_id)
    visit = read(profile, Visit, visit_id)
    assert (str(visit.visit_date), visit.notes, visit.follow_up_done, visit.consultant) == (
        "2026-03-01", "Rigtig godt møde", True, "Test Konsulent")
    code, _, err = run(capsys, profile, "visit", "add", employer_id, "visit_date=2026-03-01",
                       "follow_up_date=2026-02-01")
    assert code == 1 and err.startswith("Fejl: Opfølgning: ")


def test_vacancy_and_citizen_add_edit_show(profile, capsys):
    employer_id = employer(capsys, profile)
    vacancy_id = ok(capsys, profile, "vacancy", "add", employer_id, "title=Bagermedhjælper",
                    "kind=praktik", "hours_min=10", "hours_max=20", "requirements=standing")
    ok(capsys, profile, "vacancy", "edit", vacancy_id, "status=paused")
    vacancy = read(profile, Vacancy, vacancy_id)
    assert (vacancy.kind, vacancy.status, vacancy.requirements) == ("praktik", "paused",
                                                                    ["standing"])
    code, _, err = run(capsys, profile, "vacancy", "edit", vacancy_id, "hours_min=30")
    assert code == 1 and err.startswith("Fejl: Timer pr. uge (fra): ")
    assert json.loads(ok(capsys, profile, "vacancy", "show", vacancy_id, "--json"))[
        "employer_name"] == "Bageriet ApS"
    ok(capsys, profile, "vacancy", "edit", vacancy_id, "start_date=1-3-2026")
    assert json.loads(ok(capsys, profile, "vacancy", "show", vacancy_id, "--json"))[
        "start_date"] == "2026-03-01"  # ISO for scripts, the program's date format for people
    assert "start_date             01.03.2026" in ok(capsys, profile, "vacancy", "show",
                                                     vacancy_id)
    # Numbers and yes/no as a Dane writes them, and as the same field takes them back.
    ok(capsys, profile, "vacancy", "edit", vacancy_id, "hours_max=22,5")
    shown = ok(capsys, profile, "vacancy", "show", vacancy_id).splitlines()
    assert "hours_min              10" in shown and "hours_max              22,5" in shown
    assert "starts_with_few_hours  nej" in shown
    ok(capsys, profile, "vacancy", "edit", vacancy_id, "starts_with_few_hours=ja")
    assert "starts_with_few_hours  ja" in ok(capsys, profile, "vacancy", "show",
                                             vacancy_id).splitlines()

    citizen_id = ok(capsys, profile, "citizen", "add", "name=Ali Hansen", "cpr=0101901234",
                    "target_group=dagpenge", "skills=bageri|lager")
    ok(capsys, profile, "citizen", "edit", citizen_id, "max_hours_per_week=25")
    citizen = read(profile, Citizen, citizen_id)
    assert (citizen.max_hours_per_week, citizen.skills, citizen.assigned_consultant) == (
        25, ["bageri", "lager"], "Test Konsulent")
    shown = ok(capsys, profile, "citizen", "show", citizen_id)
    assert "010190-XXXX" in shown and "0101901234" not in shown
    code, _, err = run(capsys, profile, "citizen", "edit", citizen_id, "target_group=nogen")
    assert code == 1 and err.startswith("Fejl: Målgruppe: ")


def test_a_match_is_proposed_moved_and_declined_with_its_history(profile, capsys):
    employer_id = employer(capsys, profile)
    vacancy_id = ok(capsys, profile, "vacancy", "add", employer_id, "title=Bagermedhjælper",
                    "kind=praktik", "postcode=8000")
    citizen_id = ok(capsys, profile, "citizen", "add", "name=Ali Hansen",
                    "target_group=dagpenge", "postcode=8000")
    proposed = json.loads(ok(capsys, profile, "match", "propose", "--vacancy", vacancy_id,
                             "--citizen", citizen_id, "--note", "Passer godt", "--json"))
    assert proposed["status"] == "proposed" and proposed["score"] > 0
    code, _, err = run(capsys, profile, "match", "propose", "--vacancy", vacancy_id,
                       "--citizen", citizen_id)
    assert code == 1 and "allerede foreslået" in err

    match_id = proposed["id"]
    assert ok(capsys, profile, "match", "move", match_id, "interview") == \
        f"{match_id}: Samtale"
    code, _, err = run(capsys, profile, "match", "move", match_id, "declined")
    assert code == 1 and err.strip() == ("Fejl: Begrundelse for afslag: Skriv hvorfor matchet "
                                         "er afslået.")
    ok(capsys, profile, "match", "move", match_id, "declined", "--note", "Flyttede")
    row = read(profile, Match, match_id)
    assert (row.status, row.decline_reason) == ("declined", "Flyttede")
    history = json.loads(ok(capsys, profile, "match", "history", match_id, "--json"))
    assert [(e["from"], e["to"]) for e in history] == [
        ("", "proposed"), ("proposed", "interview"), ("interview", "declined")]
    assert history[0]["note"] == "Passer godt"
    code, _, err = run(capsys, profile, "match", "move", match_id, "hired")
    assert code == 1 and err.strip() == "Fejl: Status: 'hired' er ikke et trin i forløbet."
    # The ranking is still the group's own command.
    assert "Ali Hansen" in ok(capsys, profile, "match", "--vacancy", vacancy_id,
                              "--include-excluded")


def test_every_change_is_journalled_for_sync(profile, capsys):
    employer_id = employer(capsys, profile)
    ok(capsys, profile, "employer", "edit", employer_id, "industry=Bageri")
    store = Store.open(profile, PASSPHRASE)
    try:
        with store.read() as s:
            entries = s.scalars(select(OutboxEntry).where(OutboxEntry.entity_id == employer_id)
                                ).all()
            events = s.scalars(select(MatchEvent)).all()
    finally:
        store.close()
    assert len(entries) == 2 and events == []


def test_a_revealed_cpr_is_logged_and_a_vacancy_deleted(profile, capsys):
    citizen_id = ok(capsys, profile, "citizen", "add", "name=Ali Hansen", "cpr=0101901234",
                    "target_group=dagpenge")
    shown = json.loads(ok(capsys, profile, "citizen", "show", citizen_id, "--reveal-cpr",
                          "--json"))
    assert shown["cpr"] == "010190-1234"
    store = Store.open(profile, PASSPHRASE)
    try:
        with store.read() as s:
            [entry] = s.scalars(select(AccessLog)).all()
    finally:
        store.close()
    assert (entry.action, entry.entity_id, entry.detail) == (
        "reveal_cpr", citizen_id, "Vist på kommandolinjen")

    vacancy_id = ok(capsys, profile, "vacancy", "add", employer(capsys, profile), "title=Lager")
    assert ok(capsys, profile, "vacancy", "delete", vacancy_id) == f"Slettet: {vacancy_id}"
    code, _, err = run(capsys, profile, "vacancy", "show", vacancy_id)
    assert code == 1 and err.strip() == f"Fejl: Stilling med id {vacancy_id} findes ikke."


def test_today_lists_planned_visits_and_follow_ups_due(profile, capsys):
    employer_id = employer(capsys, profile)
    planned = ok(capsys, profile, "visit", "add", employer_id, "status=planned",
                 "visit_date=2099-01-05", "notes=Rundvisning")
    due = ok(capsys, profile, "visit", "add", employer_id, "visit_date=2026-01-05",
             "follow_up_date=2026-01-10", "follow_up_note=Send kontrakt")
    lists = json.loads(ok(capsys, profile, "today", "--json"))
    assert [v["id"] for v in lists["planned"]] == [planned]
    assert [v["id"] for v in lists["follow_ups"]] == [due]
    text = ok(capsys, profile, "today")
    assert "05.01.2099  Bageriet ApS  Rundvisning" in text and "Send kontrakt" in text
    ok(capsys, profile, "visit", "follow-up-done", due)
    assert json.loads(ok(capsys, profile, "today", "--json"))["follow_ups"] == []
