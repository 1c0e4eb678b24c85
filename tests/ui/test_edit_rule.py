"""One rule for edits on every record page: what is typed is saved by itself (after a pause,
and before the record, the page or the window is left), a refused value holds the consultant
on the record with its message, and Ctrl+Z takes the record back.

Before this rule the employer and vacancy pages dropped an unsaved edit without a word when
another row was clicked."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView
from sqlalchemy import select

from consultant_app.store.models import Citizen, Employer, Vacancy, Visit
from tests.support.desktop import settle
from ui.views.citizens import CitizensPage
from ui.views.employers import EmployersPage
from ui.views.vacancies import VacanciesPage

CTRL = Qt.KeyboardModifier.ControlModifier


def click_row(qtbot, view: QAbstractItemView, row: int) -> None:  # type: ignore[no-untyped-def]
    """A real mouse click on a list row, as the consultant does it."""
    index: QModelIndex = view.model().index(row, 0)
    view.scrollTo(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.visualRect(index).center())


def open_row(qtbot, ops, view: QAbstractItemView, row: int, ident_of) -> str:  # type: ignore[no-untyped-def]
    """Click a row and wait for the record it opens (read off the UI thread): its form takes
    typing once the record is in it."""
    click_row(qtbot, view, row)
    settle(qtbot, ops)
    return ident_of(row)


def stored(store, model, ident):  # type: ignore[no-untyped-def]
    with store.read() as s:
        return s.get(model, ident)


# -- another row ---------------------------------------------------------------------------
def test_vacancy_edit_is_kept_when_another_row_is_clicked(window, ops, qtbot, demo_store):
    page = window.show_page("vacancies")
    assert isinstance(page, VacanciesPage)
    table = page.list.table
    qtbot.waitUntil(lambda: page.list.model.rowCount() > 2)
    first = open_row(qtbot, ops, table, 0, page.list.model.id_at)
    assert page.vacancy_id == first
    page.title.selectAll()
    qtbot.keyClicks(page.title, "Lagermedhjælper, rettet ved bordet")
    second = page.list.model.id_at(1)
    click_row(qtbot, table, 1)  # at once: no pause for the timer
    settle(qtbot, ops)
    assert stored(demo_store, Vacancy, first).title == "Lagermedhjælper, rettet ved bordet"
    assert page.vacancy_id == second


def test_employer_edit_and_half_written_visit_note_are_kept_on_their_employer(
        window, ops, qtbot, demo_store):
    page = window.show_page("employers")
    assert isinstance(page, EmployersPage)
    qtbot.waitUntil(lambda: page.list.model.rowCount() > 2)
    first = open_row(qtbot, ops, page.list.table, 0, page.list.model.id_at)
    assert page.panel.employer_id == first
    notes = page.panel.data.form.inputs["notes"]
    qtbot.keyClicks(notes, "Vil gerne have to i praktik")
    page.panel.focus_new_visit()
    qtbot.keyClicks(page.panel.visits.note, "Talte med Lone om lageret")
    click_row(qtbot, page.list.table, 1)
    settle(qtbot, ops)
    second = page.list.model.id_at(1)
    assert page.panel.employer_id == second
    assert "Vil gerne have to i praktik" in stored(demo_store, Employer, first).notes
    with demo_store.read() as s:
        visits = s.scalars(select(Visit).where(Visit.notes == "Talte med Lone om lageret")).all()
        assert [v.employer_id for v in visits] == [first]  # once, and on the right employer
    assert page.panel.visits.note.toPlainText() == ""


def test_citizen_edit_is_kept_when_another_row_is_clicked(window, ops, qtbot, demo_store):
    page = window.show_page("citizens")
    assert isinstance(page, CitizensPage)
    qtbot.waitUntil(lambda: page.list.model.rowCount() > 2)
    first = open_row(qtbot, ops, page.list.table, 0, page.list.model.id_at)
    page.skills.selectAll()
    qtbot.keyClicks(page.skills, "truckcertifikat, lager")
    click_row(qtbot, page.list.table, 1)
    settle(qtbot, ops)
    assert stored(demo_store, Citizen, first).skills == ["truckcertifikat", "lager"]


def test_a_refused_value_holds_the_row_until_it_is_fixed_or_undone(window, ops, qtbot,
                                                                     demo_store):
    page = window.show_page("vacancies")
    assert isinstance(page, VacanciesPage)
    qtbot.waitUntil(lambda: page.list.model.rowCount() > 2)
    first = open_row(qtbot, ops, page.list.table, 0, page.list.model.id_at)
    before = stored(demo_store, Vacancy, first).hours_max
    page.hours_max.selectAll()
    qtbot.keyClicks(page.hours_max, "tyve")
    second = page.list.model.id_at(1)
    click_row(qtbot, page.list.table, 1)
    settle(qtbot, ops)
    assert page.vacancy_id == first and page.list.current_id() == first  # stayed
    assert page.hours_max.text() == "tyve"  # as typed
    assert page.form.problem_text("hours_max") == "Skal være et tal, ikke 'tyve'."
    assert "Ctrl+Z" in page.saved_note.text()

    qtbot.keyClick(page.hours_max, Qt.Key.Key_Z, CTRL)  # the record's undo, not the field's
    assert page.hours_max.text() == ("" if before is None else f"{before:g}".replace(".", ","))
    click_row(qtbot, page.list.table, 1)
    settle(qtbot, ops)
    assert page.vacancy_id == second
    assert stored(demo_store, Vacancy, first).hours_max == before


def test_ctrl_z_takes_a_saved_edit_back_in_the_store(window, ops, qtbot, demo_store):
    page = window.show_page("employers")
    assert isinstance(page, EmployersPage)
    qtbot.waitUntil(lambda: page.list.model.rowCount() > 0)
    first = open_row(qtbot, ops, page.list.table, 0, page.list.model.id_at)
    name = stored(demo_store, Employer, first).name
    field = page.panel.data.form.inputs["name"]
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, "Omdøbt ved en fejl")
    qtbot.waitUntil(lambda: stored(demo_store, Employer, first).name == "Omdøbt ved en fejl",
                    timeout=10000)  # saved by itself after the pause
    settle(qtbot, ops)
    assert page.panel.title.text() == "Omdøbt ved en fejl"
    qtbot.keyClick(field, Qt.Key.Key_Z, CTRL)
    settle(qtbot, ops)
    assert field.text() == name
    assert stored(demo_store, Employer, first).name == name


# -- another page, closing the window ---------------------------------------------------------
def test_switching_page_saves_the_edit(window, ops, qtbot, demo_store):
    page = window.show_page("vacancies")
    assert isinstance(page, VacanciesPage)
    qtbot.waitUntil(lambda: page.list.model.rowCount() > 0)
    first = open_row(qtbot, ops, page.list.table, 0, page.list.model.id_at)
    page.description.setFocus()
    qtbot.keyClick(page.description, Qt.Key.Key_End, CTRL)
    qtbot.keyClicks(page.description, " Ring før kl. 9.")
    qtbot.keyClick(page.description, Qt.Key.Key_4, CTRL)  # Ctrl+4: Borgere
    settle(qtbot, ops)
    assert window.current_page_key() == "citizens"
    assert stored(demo_store, Vacancy, first).description.endswith(" Ring før kl. 9.")


def test_a_refused_value_keeps_the_page_and_the_window_open(window, ops, qtbot, demo_store):
    page = window.show_page("citizens")
    assert isinstance(page, CitizensPage)
    qtbot.waitUntil(lambda: page.list.model.rowCount() > 0)
    open_row(qtbot, ops, page.list.table, 0, page.list.model.id_at)
    page.max_hours.selectAll()
    qtbot.keyClicks(page.max_hours, "mange")
    nav = window.nav
    row = window.page_keys().index("employers")
    qtbot.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton,
                     pos=nav.visualItemRect(nav.item(row)).center())
    settle(qtbot, ops)
    assert window.current_page_key() == "citizens"
    assert nav.currentRow() == window.page_keys().index("citizens")
    assert page.form.problem_text("max_hours_per_week")

    assert not window.close()
    assert window.isVisible()
    assert page.max_hours.text() == "mange"


def test_closing_the_window_saves_the_edit(window, ops, qtbot, demo_store):
    page = window.show_page("employers")
    assert isinstance(page, EmployersPage)
    qtbot.waitUntil(lambda: page.list.model.rowCount() > 0)
    first = open_row(qtbot, ops, page.list.table, 0, page.list.model.id_at)
    phone = page.panel.data.form.inputs["phone"]
    phone.selectAll()
    qtbot.keyClicks(phone, "87654321")
    assert window.close()
    settle(qtbot, ops)
    assert stored(demo_store, Employer, first).phone == "87654321"
