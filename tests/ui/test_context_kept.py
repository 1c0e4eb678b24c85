"""Context kept from page to page: a new vacancy made from an employer's
page knows the employer, and the Match page opens on the vacancy just proposed on."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from consultant_app.store.models import Match, Vacancy
from tests.support.desktop import make_employer, settle
from ui.views.employers import EmployerPanel, EmployersPage
from ui.views.matches import MatchesPage
from ui.views.vacancies import VacanciesPage

CTRL = Qt.KeyboardModifier.ControlModifier


def test_new_vacancy_from_the_employer_page_has_the_employer_and_the_focus_in_the_title(
        window, ops, qtbot, demo_store):
    employer_id = make_employer(demo_store, "Schmidt Lager ApS", "13585628")
    employers = window.show_page("employers")
    assert isinstance(employers, EmployersPage)
    employers.open_item(employer_id)
    panel = employers.panel
    bar = panel.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton,
                     pos=bar.tabRect(EmployerPanel.TAB_VACANCIES).center())
    qtbot.mouseClick(panel.new_vacancy_button, Qt.MouseButton.LeftButton)

    page = window.pages["vacancies"]
    assert isinstance(page, VacanciesPage)
    assert window.current_page_key() == "vacancies"
    settle(qtbot, ops)  # the employer's name is read off the UI thread
    assert page.employer_label.isVisible() and page.employer_label.text() == "Schmidt Lager ApS"
    assert not page.employer_picker.isVisible()  # nothing to search for again
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.title)
    qtbot.keyClicks(page.title, "Lagermedhjælper")
    qtbot.keyClick(page.title, Qt.Key.Key_S, CTRL)
    settle(qtbot, ops)
    with demo_store.read() as s:
        saved = s.scalars(select(Vacancy).where(Vacancy.title == "Lagermedhjælper")).one()
    assert saved.employer_id == employer_id
    assert page.vacancy_id == saved.id


def test_match_page_opens_on_the_vacancy_just_proposed_on(window, ops, qtbot, demo_store):
    page = window.show_page("vacancies")
    assert isinstance(page, VacanciesPage)
    qtbot.waitUntil(lambda: page.list.model.rowCount() > 5)
    for row in range(page.list.model.rowCount()):  # the first vacancy with a suggestion
        page.open_item(page.list.model.id_at(row))
        qtbot.waitUntil(lambda: page.suggestions._ranking is not None, timeout=10000)
        if page.suggestions.model.rowCount():
            break
    vacancy_id = page.vacancy_id
    page.suggestions.table.setFocus()
    page.suggestions.table.selectRow(0)
    qtbot.waitUntil(page.suggestions.table.hasFocus)
    citizen_id = page.suggestions.current().citizen.id
    qtbot.keyClick(page.suggestions.table, Qt.Key.Key_P, CTRL)  # Foreslå borger
    settle(qtbot, ops)
    with demo_store.read() as s:
        match = s.scalars(select(Match).where(Match.vacancy_id == vacancy_id,
                                              Match.citizen_id == citizen_id)).one()

    qtbot.keyClick(page.suggestions.table, Qt.Key.Key_5, CTRL)  # Ctrl+5: Match
    matches = window.pages["matches"]
    assert isinstance(matches, MatchesPage)
    assert window.current_page_key() == "matches"
    settle(qtbot, ops)
    assert matches.vacancy_id == vacancy_id
    assert matches.list.current_id() == vacancy_id
    assert matches.match_id == match.id
    proposed_view = matches.step_views["proposed"]
    qtbot.waitUntil(proposed_view.hasFocus)
    qtbot.keyClick(proposed_view, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)  # on at once
    settle(qtbot, ops)
    with demo_store.read() as s:
        assert s.get(Match, match.id).status == "presented"
