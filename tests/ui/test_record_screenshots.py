"""Renders the vacancies, citizens, matches and agreements pages with a record open to PNG
files, for a person to look at (layout, clipping, Danish text). Prints the folder."""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import select

from consultant_app import services
from consultant_app.store.models import Citizen, Match, PlacementAgreement, Vacancy
from forms.agreements import create_draft
from tests.support.desktop import settle
from ui.views.agreements import AgreementsPage
from ui.views.citizens import CitizensPage
from ui.views.matches import MatchesPage
from ui.views.vacancies import VacanciesPage


SHOTS = Path(os.environ.get("SCREENSHOT_DIR", Path(__file__).resolve().parents[2]
                            / "var" / "screenshots"))


def shoot(page, name: str, qtbot) -> Path:  # type: ignore[no-untyped-def]
    page.resize(1280, 800)
    page.show()
    qtbot.waitExposed(page)
    qtbot.wait(50)
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    assert page.grab().save(str(path))
    return path


def test_record_pages_render_to_png(ops, qtbot, demo_store, monkeypatch):
    with demo_store.write() as s:
        vacancy = s.scalars(select(Vacancy).where(Vacancy.starts_with_few_hours.is_(True))
                            .order_by(Vacancy.id)).first()
        citizen = s.scalars(select(Citizen).where(Citizen.restrictions != "[]")
                            .order_by(Citizen.id)).first()
        matched = s.scalars(select(Match).order_by(Match.vacancy_id)).first()
        services.move_match(s, matched.id, "declined", "Ønsker ikke weekendarbejde")
        services.propose_match(s, matched.vacancy_id, citizen.id)
        create_draft(s, "virksomhedspraktik", vacancy.employer_id, vacancy_id=vacancy.id,
                     citizen_id=citizen.id)
    with demo_store.read() as s:
        agreement_id = s.scalars(select(PlacementAgreement.id)).one()

    paths = []
    vacancies = VacanciesPage(ops)
    qtbot.addWidget(vacancies)
    settle(qtbot, ops)
    vacancies.open_item(vacancy.id)
    paths.append(shoot(vacancies, "vacancy", qtbot))
    vacancies.hours_max.setText("tyve")
    vacancies.a_save.trigger()
    settle(qtbot, ops)
    paths.append(shoot(vacancies, "vacancy-problem", qtbot))

    citizens = CitizensPage(ops)
    qtbot.addWidget(citizens)
    settle(qtbot, ops)
    citizens.open_item(citizen.id)
    paths.append(shoot(citizens, "citizen", qtbot))

    matches = MatchesPage(ops)
    qtbot.addWidget(matches)
    settle(qtbot, ops)
    matches.open_item(matched.id)
    paths.append(shoot(matches, "matches", qtbot))

    agreements = AgreementsPage(ops)
    qtbot.addWidget(agreements)
    settle(qtbot, ops)
    agreements.open_item(agreement_id)
    settle(qtbot, ops)
    assert agreements.wizard.editors["citizen_name"].raw() == citizen.name
    paths.append(shoot(agreements, "agreement", qtbot))

    print(f"\nscreenshots in {SHOTS}: " + ", ".join(p.name for p in paths))
    assert all(p.stat().st_size > 10_000 for p in paths)
