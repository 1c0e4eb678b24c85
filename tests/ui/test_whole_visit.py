"""The whole company visit at the employer's table, counted: from the employer
page to a sealed agreement, via a visit note, a new vacancy that starts with 8 hours and grows
to 20, proposing a citizen, moving the match to "aftalt", the agreement made from the match,
every party signing and the seal.

Counted as ``test_agreement_wizard``'s 7-interaction test counts: each click, each typed
value, each key chord and each pen stroke is one. Opening the employer (from the list or
search) is where the visit starts and is not counted, as there."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from consultant_app import services
from consultant_app.store.models import Match, PlacementAgreement, Vacancy, Visit
from forms import agreements as fa
from forms.verify import verify_pdf
from tests.support.desktop import settle
from tests.support.pad import handwriting
from tests.support.wizard import Interactions, create_agreement, fill_to_ready
from ui.views.employers import EmployersPage
from ui.views.matches import MatchesPage
from ui.views.partials import sealed_pdf
from ui.views.signing import SigningDialog
from ui.views.vacancies import VacanciesPage


CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
GOAL = 40
START = dt.date.today() + dt.timedelta(days=14)


def seed_visit(store) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    """The employer with its contact, and a citizen of the consultant's who fits a small job
    near it: what the consultant has before they sit down."""
    with store.write() as s:
        employer = services.create_employer(s, {
            "name": "Schmidt Lager ApS", "cvr": "13585628", "p_number": "1000000001",
            "address": "Industrivej 4", "postcode": "8000", "ordinary_employees": 30})
        services.add_contact(s, employer.id, {"name": "Lone Schmidt", "email": "lone@schmidt.dk",
                                              "phone": "12345678", "is_primary": True})
        citizen = services.create_citizen(s, {
            "name": "Ali Hansen", "cpr": "0101901234", "target_group": "kontanthjaelp_jobparat",
            "max_hours_per_week": 20, "postcode": "8000", "skills": "lager",
            "wished_occupations": "lagermedhjælper"})
        return employer.id, citizen.id


def test_whole_visit_to_a_sealed_agreement_in_at_most_40_interactions(
        window, ops, qtbot, demo_store, tmp_path: Path, monkeypatch):
    employer_id, citizen_id = seed_visit(demo_store)
    pdf_path = tmp_path / "aftale.pdf"
    monkeypatch.setattr(sealed_pdf.SavePdfDialog, "ask",
                        classmethod(lambda cls, parent, name: pdf_path))
    ui = Interactions(qtbot)
    employers = window.show_page("employers")
    assert isinstance(employers, EmployersPage)
    employers.open_item(employer_id)
    panel = employers.panel

    # 1. The visit note.
    ui.key(employers.list.table, Qt.Key.Key_N, "Ctrl+N ny besøgsnote", CTRL)
    assert panel.visits.note.hasFocus()
    ui.type(panel.visits.note, "Lone vil gerne prøve en på lageret, 8 timer til at starte",
            "noten")
    ui.key(panel.visits.note, Qt.Key.Key_Return, "Ctrl+Enter gem besøget", CTRL)
    settle(qtbot, ops)
    with demo_store.read() as s:
        assert s.scalars(select(Visit).where(Visit.employer_id == employer_id)).one()

    # 2. The vacancy, at this employer, 8 hours growing to 20.
    ui.key(panel.visits.note, Qt.Key.Key_J, "Ctrl+Shift+J ny stilling her", CTRL | SHIFT)
    vacancies = window.pages["vacancies"]
    assert isinstance(vacancies, VacanciesPage)
    assert window.current_page_key() == "vacancies"
    qtbot.waitUntil(vacancies.title.hasFocus)
    ui.type(vacancies.title, "Lagermedhjælper", "titel")
    ui.choose(vacancies.kind, "smajob", "type småjob")
    ui.click(vacancies.hours_min, "timer fra")
    ui.type(vacancies.hours_min, "8", "8 timer")
    ui.key(vacancies.hours_min, Qt.Key.Key_Tab, "Tab")
    assert vacancies.hours_max.hasFocus()
    ui.type(vacancies.hours_max, "20", "20 timer")
    ui.click(vacancies.grows, "stiger")
    ui.click(vacancies.start_date, "startdato")
    ui.type(vacancies.start_date, START.strftime("%d-%m-%Y"), "startdatoen")
    ui.click(vacancies.description, "beskrivelse")
    ui.type(vacancies.description, "Pakke ordrer og tage imod varer", "opgaverne")

    # 3. Propose the citizen from the ranking (it comes when the vacancy has saved itself).
    suggestions = vacancies.suggestions
    qtbot.waitUntil(lambda: vacancies.vacancy_id != "", timeout=10000)
    qtbot.waitUntil(lambda: any(r.citizen.id == citizen_id for r in suggestions.model.rows),
                    timeout=20000)
    row = next(i for i, r in enumerate(suggestions.model.rows) if r.citizen.id == citizen_id)
    table = suggestions.table
    ui.click(table.viewport(), "borgeren i listen",
             pos=table.visualRect(suggestions.model.index(row, 1)).center())
    ui.chord(table, vacancies.a_propose, "Foreslå borger")
    settle(qtbot, ops)
    with demo_store.read() as s:
        vacancy = s.get(Vacancy, vacancies.vacancy_id)
        assert (vacancy.employer_id, vacancy.kind, vacancy.hours_min, vacancy.hours_max,
                vacancy.starts_with_few_hours) == (employer_id, "smajob", 8, 20, True)
        match = s.scalars(select(Match).where(Match.vacancy_id == vacancy.id)).one()

    # 4. The match to "aftalt", and the agreement from it.
    ui.key(table, Qt.Key.Key_5, "Ctrl+5 Match", CTRL)
    matches = window.pages["matches"]
    assert isinstance(matches, MatchesPage) and window.current_page_key() == "matches"
    settle(qtbot, ops)
    assert matches.match_id == match.id
    assert matches.step_views["proposed"].hasFocus()  # on the card, ready to move it
    ui.chord(matches.step_views["proposed"], matches.a_agreed, "aftalt")
    settle(qtbot, ops)
    with demo_store.read() as s:
        assert s.get(Match, match.id).status == "agreed"
    ui.chord(QApplication.focusWidget(), matches.a_agreement, "Lav aftale")
    assert window.current_page_key() == "agreements"
    settle(qtbot, ops)  # the match's parties are read off the UI thread
    wizard = window.pages["agreements"].wizard
    assert wizard.start.chosen_type() == "ordinaere_timer"
    assert wizard.start.match.currentData() == match.id

    # 5. The wizard: what the records do not know, then ready to sign.
    create_agreement(ui, wizard, qtbot, ops)
    fill_to_ready(ui, wizard, qtbot, ops, "wage_per_hour", "142", "timeløn")
    agreement_id = wizard.state.agreement_id
    ui.click(wizard.sign_button, "Underskriv…")
    dialog = next(w for w in QApplication.topLevelWidgets()
                  if isinstance(w, SigningDialog) and w.isVisible())
    ready_at = ui.count

    # 6. Every party signs, and the agreement is sealed.
    qtbot.waitUntil(lambda: dialog.device is not None and dialog.current is not None,
                    timeout=20000)
    seed = 0
    while dialog.current is not None:
        role = dialog.current.role.role
        if not dialog.identity.currentData():
            ui.choose(dialog.identity, "id_shown" if role == "citizen" else "known",
                      f"identitet {role}")
        ui.stroke(dialog.pad.canvas, handwriting(60, 150, 520, 40, seed), f"underskrift {role}")
        seed += 1
        qtbot.waitUntil(dialog.sign_button.isEnabled)
        ui.click(dialog.sign_button, f"Underskriv {role}")
        qtbot.waitUntil(lambda r=role: dialog.current is None or dialog.current.role.role != r,
                        timeout=20000)
        settle(qtbot, ops)
    ui.click(dialog.seal_button, "Forsegl og lav PDF")
    ui.count += 1  # the save dialog's "Gem" (the dialog itself is replaced here)
    ui.log.append("click Gem i gem-dialogen")
    qtbot.waitUntil(pdf_path.exists, timeout=30000)
    settle(qtbot, ops)

    print(f"\ninteractions for the whole visit: {ui.count} ({ready_at} to ready to sign): "
          + ", ".join(ui.log))
    with demo_store.read() as s:
        assert s.get(PlacementAgreement, agreement_id).status == fa.SEALED
    assert verify_pdf(pdf_path.read_bytes()).intact
    assert ui.count <= GOAL, ui.log
