"""Renders the vacancies, citizens, matches and agreements pages with a record open to PNG
files, for a person to look at (layout, clipping, Danish text). Prints the folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QLabel
from sqlalchemy import select

from consultant_app import services
from consultant_app.store.models import Citizen, Match, PlacementAgreement, Vacancy
from forms.agreements import create_draft
from tests.support.desktop import SHOTS, settle, shoot, show_page
from tests.support.pictures import has_colour, load, shows_text, where
from ui.style import ERROR_COLOUR
from ui.views.agreements import AgreementsPage
from ui.views.citizens import CitizensPage
from ui.views.matches import MatchesPage
from ui.views.vacancies import VacanciesPage


def picture_of(page, name: str, ops, qtbot) -> tuple[Path, QImage]:  # type: ignore[no-untyped-def]
    """The page written to <name>.png once its reads are done; the file and what it holds."""
    settle(qtbot, ops)
    path = shoot(page, name)
    return path, load(path)


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
    vacancies = show_page(VacanciesPage(ops), ops, qtbot, size=(1280, 800))
    vacancies.open_item(vacancy.id)
    path, picture = picture_of(vacancies, "vacancy", ops, qtbot)
    paths.append(path)
    assert vacancies.title.text() == vacancy.title
    assert shows_text(picture, vacancies, vacancies.title)
    vacancies.hours_max.setText("tyve")
    vacancies.a_save.trigger()
    settle(qtbot, ops)
    path, picture = picture_of(vacancies, "vacancy-problem", ops, qtbot)
    paths.append(path)
    problem = vacancies.form.problem_text("hours_max")
    [label] = [w for w in vacancies.form.findChildren(QLabel)
               if w.isVisible() and w.text() == problem]
    assert has_colour(where(picture, vacancies, label), ERROR_COLOUR) >= 20, \
        "the refused value's message is not drawn in the error colour"

    citizens = show_page(CitizensPage(ops), ops, qtbot, size=(1280, 800))
    citizens.open_item(citizen.id)
    path, picture = picture_of(citizens, "citizen", ops, qtbot)
    paths.append(path)
    assert citizens.name.text() == citizen.name
    assert shows_text(picture, citizens, citizens.name)
    assert shows_text(picture, citizens, citizens.cpr)  # masked, but shown

    matches = show_page(MatchesPage(ops), ops, qtbot, size=(1280, 800))
    matches.open_item(matched.id)
    path, picture = picture_of(matches, "matches", ops, qtbot)
    paths.append(path)
    history = matches.history_view
    assert matches.history.rowCount() >= 2  # proposed, then declined with a reason
    assert shows_text(picture, matches, history.viewport(),
                      history.visualRect(matches.history.index(0, 0)))

    agreements = show_page(AgreementsPage(ops), ops, qtbot, size=(1280, 800))
    agreements.open_item(agreement_id)
    path, picture = picture_of(agreements, "agreement", ops, qtbot)
    paths.append(path)
    editor = agreements.wizard.editors["citizen_name"]
    assert editor.raw() == citizen.name
    assert shows_text(picture, agreements, agreements.wizard)

    print(f"\nscreenshots in {SHOTS}: " + ", ".join(p.name for p in paths))
