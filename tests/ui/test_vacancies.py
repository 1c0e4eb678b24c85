"""The vacancies page: list, filters and the vacancy editor on the seeded demo profile."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import select

from consultant_app import queries
from consultant_app.store.models import Employer, Match, Vacancy
from tests.support.desktop import settle, show_page
from ui.views.vacancies import DeleteVacancyDialog, VacanciesPage


def make_page(ops, qtbot) -> VacanciesPage:
    return show_page(VacanciesPage(ops), ops, qtbot)


def first_vacancy(store) -> Vacancy:
    with store.read() as s:
        return s.scalars(select(Vacancy).where(Vacancy.deleted.is_(False))
                         .order_by(Vacancy.title, Vacancy.id)).first()


def test_new_vacancy_that_starts_at_8_hours_and_grows_to_20_is_saved(ops, qtbot, demo_store):
    page = make_page(ops, qtbot)
    with demo_store.read() as s:
        employer = s.scalars(select(Employer).order_by(Employer.name)).first()
    page.a_new.trigger()
    qtbot.keyClicks(page.employer_picker.query, employer.cvr)
    qtbot.waitUntil(lambda: page.employer_picker.results.count() > 0)
    qtbot.keyClick(page.employer_picker.query, Qt.Key.Key_Return)
    assert page.employer_picker.employer_id == employer.id
    qtbot.keyClicks(page.title, "Lagermedhjælper på småjob")
    page.kind.setCurrentIndex(page.kind.findData("smajob"))
    qtbot.keyClicks(page.hours_min, "8")
    qtbot.keyClicks(page.hours_max, "20")
    page.grows.setChecked(True)
    assert page.hours_text.text() == "Starter med 8 timer om ugen og stiger til 20 timer."
    page.requirements.item(0).setCheckState(Qt.CheckState.Checked)
    qtbot.keyClicks(page.skills, "lager, pakning")
    qtbot.keyClicks(page.start_date, "1-3-2030")

    page.a_save.trigger()
    settle(qtbot, ops)

    with demo_store.read() as s:
        saved = s.scalars(select(Vacancy).where(Vacancy.title == "Lagermedhjælper på småjob")).one()
    assert (saved.employer_id, saved.kind, saved.hours_min, saved.hours_max,
            saved.starts_with_few_hours) == (employer.id, "smajob", 8.0, 20.0, True)
    assert saved.requirements == ["heavy_lifting"] and saved.skills == ["lager", "pakning"]
    assert page.vacancy_id == saved.id and page.saved_note.text() == "Gemt."
    assert page.list.current_id() == saved.id or page.list.model.row_of(saved.id) >= 0


def test_bad_hours_show_the_message_by_the_field_and_keep_the_text(ops, qtbot, demo_store):
    page = make_page(ops, qtbot)
    vacancy = first_vacancy(demo_store)
    page.open_item(vacancy.id)
    settle(qtbot, ops)  # the record is read off the UI thread
    page.hours_max.setText("tyve")
    page.title.setText("Ny titel, ikke gemt")

    page.a_save.trigger()
    settle(qtbot, ops)

    assert page.form.problem_text("hours_max") == "Skal være et tal, ikke 'tyve'."
    assert page.hours_max.text() == "tyve" and page.title.text() == "Ny titel, ikke gemt"
    assert page.hours_max.hasFocus() or page.hours_min.hasFocus() or not page.isActiveWindow()
    assert first_vacancy(demo_store).title == vacancy.title  # nothing half-written


def test_starting_hours_above_final_hours_is_refused_by_the_hours_row(ops, qtbot, demo_store):
    page = make_page(ops, qtbot)
    page.open_item(first_vacancy(demo_store).id)
    settle(qtbot, ops)  # the record is read off the UI thread
    page.hours_min.setText("20")
    page.hours_max.setText("8")
    page.a_save.trigger()
    settle(qtbot, ops)
    assert "større end" in page.form.problem_text("hours_min")


def test_saving_a_new_vacancy_without_employer_asks_for_one(ops, qtbot, demo_store):
    page = make_page(ops, qtbot)
    page.a_new.trigger()
    page.title.setText("Uden virksomhed")
    page.a_save.trigger()
    settle(qtbot, ops)
    assert "Vælg den virksomhed" in page.form.problem_text("employer_id")


def test_filter_as_you_type_and_status_filter_narrow_the_list(ops, qtbot, demo_store):
    page = make_page(ops, qtbot)
    total = page.list.model.rowCount()
    assert total == 50
    qtbot.keyClicks(page.list.filter_edit, "lager")
    qtbot.waitUntil(lambda: page.list.model.rowCount() < total)
    expected = ops.run_sync_read(queries.list_ids, "vacancy", "lager")
    assert [page.list.model.id_at(r) for r in range(page.list.model.rowCount())] == expected
    page.list.filter_edit.clear()
    qtbot.waitUntil(lambda: page.list.model.rowCount() == total)
    page.status_filter.setCurrentIndex(page.status_filter.findData("open"))
    qtbot.waitUntil(lambda: {page.list.model.index(r, 4).data()
                             for r in range(page.list.model.rowCount())} == {"Åben"})


def test_selecting_a_row_opens_the_vacancy_and_employer_navigation_is_requested(
        ops, qtbot, demo_store):
    page = make_page(ops, qtbot)
    page.list.table.setFocus()
    page.list.table.selectRow(2)
    ident = page.list.model.id_at(2)
    qtbot.waitUntil(lambda: page.vacancy_id == ident, timeout=10_000)
    with qtbot.waitSignal(page.open_requested) as signal:
        page.a_employer.trigger()
    assert signal.args[0] == "employer" and signal.args[1] == page.employer_id


def test_delete_asks_first_and_removes_the_vacancy_from_the_list(
        ops, qtbot, demo_store, monkeypatch):
    page = make_page(ops, qtbot)
    vacancy = first_vacancy(demo_store)
    page.open_item(vacancy.id)
    settle(qtbot, ops)  # the record is read off the UI thread
    monkeypatch.setattr(DeleteVacancyDialog, "ask", classmethod(lambda cls, parent, title: True))
    page.a_delete.trigger()
    settle(qtbot, ops)
    assert page.list.model.row_of(vacancy.id) == -1 and page.vacancy_id == ""


def test_vacancy_list_model_passes_the_model_tester(ops, qtbot, qtmodeltester):
    page = make_page(ops, qtbot)
    qtmodeltester.check(page.list.model)
    qtmodeltester.check(page.requirements.model())


def test_suitable_citizens_are_ranked_filtered_at_once_and_proposed_with_ctrl_p(
        ops, qtbot, demo_store, qtmodeltester):
    page = make_page(ops, qtbot)
    with demo_store.read() as s:
        vacancies = s.scalars(select(Vacancy).where(Vacancy.status == "open")
                              .order_by(Vacancy.id)).all()
    panel = page.suggestions
    for vacancy in vacancies:  # the first vacancy with suggestions
        with qtbot.waitSignal(panel.ranked):
            page.open_item(vacancy.id)
        if panel.model.rowCount():
            break
    everyone = panel.model.rowCount()
    assert everyone and panel.model.index(0, 3).data()  # reasons shown
    scores = [float(panel.model.index(r, 0).data()) for r in range(everyone)]
    assert scores == sorted(scores, reverse=True)
    qtmodeltester.check(panel.model)

    panel.nearby.setChecked(True)  # no new read: the ranking is filtered where it is
    assert ops.pending == 0
    assert all(a.distance_km is not None and a.distance_km <= 10 for a in panel.model.rows)
    panel.nearby.setChecked(False)
    assert panel.model.rowCount() == everyone

    panel.table.setFocus()
    panel.table.selectRow(0)
    chosen = panel.current().citizen.id
    qtbot.keyClick(panel.table, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, ops)
    with demo_store.read() as s:
        match = s.scalars(select(Match).where(Match.vacancy_id == page.vacancy_id,
                                              Match.citizen_id == chosen)).one()
    assert match.status == "proposed" and "foreslået" in panel.status.text()
    page.a_propose.trigger()  # twice: the core refuses, the message shows by the list
    settle(qtbot, ops)
    assert panel.problem.text() == "Borgeren er allerede foreslået til denne stilling."
