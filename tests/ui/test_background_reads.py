"""What a page shows is read off the UI thread (``Ops.read_task`` over ``run_task``): a slow
read leaves the window answering, and its answer is applied when it comes; an answer a newer
read overtook is dropped. Each test holds a read at a gate and shows that the event loop runs
meanwhile; were the read on the UI thread, nothing would be processed until the gate opened
(the gate gives up after 30 s, so such a read fails the test rather than hanging it)."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt, QTimer
from sqlalchemy import select

from consultant_app import queries, services
from consultant_app.store import Store
from consultant_app.store.models import Citizen, Employer, Match, Vacancy
from forms import rulebook
from forms.draft_state import create_agreement
from forms.templates import agreement_types
from tests.support.bakery import Parties
from tests.support.desktop import settle, show_page
from tests.support.wizard import open_new_agreement
from ui import search_popup
from ui.main_window import MainWindow
from ui.models.id_table import ID_ROLE
from ui.ops import Latest, Ops
from ui.views import matches, vacancies
from ui.views.agreement_wizard import STEP_CHECK
from ui.views.agreement_wizard import wizard as wizard_module
from ui.views.agreements import AgreementsPage
from ui.views.citizens import CitizensPage
from ui.views.employers import EmployersPage
from ui.views.employers.page import list_employer_ids
from ui.views.matches import MatchesPage
from ui.views.partials import agreement_start
from ui.views.partials.id_list import IdListPanel
from ui.views.rule_book import RuleBookDialog
from ui.views.today import TodayPage
from ui.views.vacancies import VacanciesPage


class Gate:
    """Wraps a query: records the threads it ran on, and holds it until opened."""

    def __init__(self, fn: Any):
        self.fn = fn
        self.threads: list[str] = []
        self.held = threading.Event()
        self.open = threading.Event()

    def __call__(self, *args: Any) -> Any:
        self.threads.append(threading.current_thread().name)
        self.held.set()
        assert self.open.wait(30)
        return self.fn(*args)


def event_loop_runs(qtbot) -> None:  # type: ignore[no-untyped-def]
    ticks: list[int] = []
    QTimer.singleShot(0, lambda: ticks.append(1))
    qtbot.waitUntil(lambda: ticks == [1], timeout=10_000)


def employer(store: Store, name_start: str = "") -> tuple[str, str]:
    with store.read() as s:
        row = s.execute(select(Employer.id, Employer.name).where(
            Employer.name.startswith(name_start)).order_by(Employer.name)).first()
    return row.id, row.name


def test_a_slow_employer_read_leaves_the_window_answering(ops: Ops, qtbot, monkeypatch,
                                                          demo_store: Store) -> None:
    page = show_page(EmployersPage(ops), ops, qtbot)
    employer_id, name = employer(demo_store)
    gate = Gate(queries.employer_record)
    monkeypatch.setattr(queries, "employer_record", gate)
    page.open_item(employer_id)
    qtbot.waitUntil(gate.held.is_set, timeout=10_000)
    event_loop_runs(qtbot)
    assert page.panel.title.text() != name and not page.panel.data.isEnabled()
    gate.open.set()
    qtbot.waitUntil(lambda: page.panel.title.text() == name, timeout=10_000)
    assert page.panel.data.isEnabled()
    assert page.panel.data.form.value("name") == name
    assert threading.main_thread().name not in gate.threads


def test_the_list_after_a_save_is_read_off_the_ui_thread(ops: Ops, qtbot, monkeypatch,
                                                         demo_store: Store) -> None:
    page = show_page(EmployersPage(ops), ops, qtbot)
    employer_id, _name = employer(demo_store)
    gate = Gate(page.list.model._ids_query)
    page.list.model._ids_query = gate
    ops.write(services.update_employer, employer_id, {"name": "Aaaa Først I Listen ApS"})
    qtbot.waitUntil(gate.held.is_set, timeout=10_000)
    event_loop_runs(qtbot)
    assert page.list.model.value(0, "name") != "Aaaa Først I Listen ApS"
    gate.open.set()
    qtbot.waitUntil(lambda: page.list.model.data(page.list.model.index(0, 0))
                    == "Aaaa Først I Listen ApS", timeout=10_000)
    assert threading.main_thread().name not in gate.threads


def test_rows_further_down_are_read_off_the_ui_thread_when_first_asked_for(
        ops: Ops, qtbot, monkeypatch, demo_store: Store) -> None:
    monkeypatch.setattr("ui.models.id_table.PAGE", 5)  # 60 employers: twelve pages
    gate = Gate(queries.list_rows)
    panel = IdListPanel(ops, "employer", list_employer_ids, gate)
    qtbot.addWidget(panel)
    gate.open.set()  # the ids and the first page come together
    panel.reload()
    settle(qtbot, ops)
    model = panel.model
    assert model.rowCount() == 60 and model.data(model.index(0, 0))
    gate.open.clear()
    gate.held.clear()
    # A row no one has asked for yet (the columns were fitted to some).
    row = next(r for r in range(60) if model._ids[r] not in model._rows)
    assert model.data(model.index(row, 0)) == ""  # asked for, not there yet
    qtbot.waitUntil(gate.held.is_set, timeout=10_000)
    event_loop_runs(qtbot)
    with qtbot.waitSignal(model.dataChanged, timeout=10_000):
        gate.open.set()
    assert model.data(model.index(row, 0)) == employer_name_at(demo_store, row)
    assert threading.main_thread().name not in gate.threads


def employer_name_at(store: Store, row: int) -> str:
    with store.read() as s:
        ids = queries.list_ids(s, "employer")
        return queries.list_rows(s, "employer", [ids[row]])[ids[row]][0]


def test_an_answer_overtaken_by_a_newer_read_is_dropped(ops: Ops, qtbot) -> None:
    from PySide6.QtCore import QObject
    owner = QObject()
    latest = Latest(ops, owner)
    first = threading.Event()
    answers: list[str] = []

    def slow(_session: Any) -> str:
        assert first.wait(30)
        return "first"
    latest.read(slow, on_done=answers.append)
    latest.read(lambda _s: "second", on_done=answers.append)
    qtbot.waitUntil(lambda: answers == ["second"], timeout=10_000)
    first.set()
    settle(qtbot, ops)
    assert answers == ["second"]


def two_citizens(store: Store) -> list[tuple[str, str]]:
    with store.read() as s:
        rows = s.execute(select(Citizen.id, Citizen.name).order_by(Citizen.name, Citizen.id)
                         .limit(2)).all()
    return [(r.id, r.name) for r in rows]


def two_vacancies(store: Store) -> list[tuple[str, str]]:
    with store.read() as s:
        rows = s.execute(select(Vacancy.id, Vacancy.title).order_by(Vacancy.title, Vacancy.id)
                         ).all()
    first = rows[0]
    second = next(r for r in rows if r.title != first.title)
    return [(first.id, first.title), (second.id, second.title)]


@dataclass(frozen=True)
class RecordCase:
    """A record page that reads its record off the UI thread: the query it reads with, two
    of its records, the field that shows the record's label, the attribute holding the open
    record's id, and an action that needs a record open."""

    page: type
    query: str
    two: Callable[[Store], list[tuple[str, str]]]
    label_field: str
    ident: str
    action: str


RECORD_CASES = [
    pytest.param(RecordCase(CitizensPage, "citizen_detail", two_citizens, "name", "citizen_id",
                            "a_reveal"), id="citizen"),
    pytest.param(RecordCase(VacanciesPage, "vacancy_detail", two_vacancies, "title",
                            "vacancy_id", "a_delete"), id="vacancy"),
]


@pytest.mark.parametrize("case", RECORD_CASES)
def test_a_slow_record_read_leaves_the_window_answering(case: RecordCase, ops: Ops, qtbot,
                                                        monkeypatch, demo_store: Store) -> None:
    page = show_page(case.page(ops), ops, qtbot)
    (ident, label), _other = case.two(demo_store)
    gate = Gate(getattr(queries, case.query))
    monkeypatch.setattr(queries, case.query, gate)
    page.open_item(ident)
    qtbot.waitUntil(gate.held.is_set, timeout=10_000)
    event_loop_runs(qtbot)
    assert page.heading.text() != label and not page.form.isEnabled()
    assert not getattr(page, case.action).isEnabled()
    gate.open.set()
    qtbot.waitUntil(lambda: page.heading.text() == label, timeout=10_000)
    assert page.form.isEnabled() and getattr(page, case.label_field).text() == label
    assert getattr(page, case.ident) == ident and getattr(page, case.action).isEnabled()
    assert threading.main_thread().name not in gate.threads


@pytest.mark.parametrize("case", RECORD_CASES)
def test_a_record_opened_after_another_overtakes_it(case: RecordCase, ops: Ops, qtbot,
                                                    monkeypatch, demo_store: Store) -> None:
    page = show_page(case.page(ops), ops, qtbot)
    (first_id, first_label), (second_id, second_label) = case.two(demo_store)
    gate = Gate(getattr(queries, case.query))
    monkeypatch.setattr(queries, case.query, gate)
    page.open_item(first_id)
    qtbot.waitUntil(gate.held.is_set, timeout=10_000)
    monkeypatch.setattr(queries, case.query, gate.fn)
    page.open_item(second_id)
    qtbot.waitUntil(lambda: page.heading.text() == second_label, timeout=10_000)
    gate.open.set()  # the first answer comes last, and is dropped
    settle(qtbot, ops)
    assert first_label != second_label and gate.threads
    assert getattr(page, case.ident) == second_id
    assert page.heading.text() == second_label
    assert getattr(page, case.label_field).text() == second_label
    assert page.form.isEnabled()


def test_a_new_vacancy_while_one_loads_drops_its_answer(ops: Ops, qtbot, monkeypatch,
                                                        demo_store: Store) -> None:
    page = show_page(VacanciesPage(ops), ops, qtbot)
    (vacancy_id, _title), _other = two_vacancies(demo_store)
    gate = Gate(queries.vacancy_detail)
    monkeypatch.setattr(queries, "vacancy_detail", gate)
    page.open_item(vacancy_id)
    qtbot.waitUntil(gate.held.is_set, timeout=10_000)
    assert page.new_vacancy()
    assert page.form.isEnabled() and not page.a_delete.isEnabled()
    gate.open.set()
    settle(qtbot, ops)
    assert page.vacancy_id == "" and page.title.text() == ""
    assert page.form.isEnabled() and not page.a_delete.isEnabled()


def test_a_slow_today_list_leaves_the_window_answering(ops: Ops, qtbot,
                                                       demo_store: Store) -> None:
    page = show_page(TodayPage(ops), ops, qtbot)
    with demo_store.read() as s:
        due = queries.due_follow_up_ids(s)
    assert due  # the demo data has due follow-ups
    gate = Gate(page.follow_ups._ids_query)
    page.follow_ups._ids_query = gate
    page.follow_ups.set_ids([], {})
    page.refresh()
    qtbot.waitUntil(gate.held.is_set, timeout=10_000)
    event_loop_runs(qtbot)
    assert page.follow_ups.rowCount() == 0
    gate.open.set()
    qtbot.waitUntil(lambda: page.follow_ups.rowCount() == len(due), timeout=10_000)
    assert page.follow_title.text().endswith(f"({len(due)})") and page.done_button.isEnabled()
    assert threading.main_thread().name not in gate.threads


# -- reads that ran on the UI thread until they moved here ---------------------------------


def two_employers(store: Store) -> list[tuple[str, str]]:
    """(id, CVR) of two employers: a full CVR finds its one employer."""
    with store.read() as s:
        rows = s.execute(select(Employer.id, Employer.cvr).order_by(Employer.name).limit(2)
                         ).all()
    return [(r.id, r.cvr) for r in rows]


def hit_ids(picker_results: Any) -> list[str]:
    return [picker_results.item(i).data(Qt.ItemDataRole.UserRole)[0]
            for i in range(picker_results.count())]


def test_a_new_vacancys_employer_search_is_read_off_the_ui_thread(
        ops: Ops, qtbot, monkeypatch, demo_store: Store) -> None:
    page = show_page(VacanciesPage(ops), ops, qtbot)
    (employer_id, cvr), _other = two_employers(demo_store)
    picker = page.employer_picker
    gate = Gate(vacancies.search)
    monkeypatch.setattr(vacancies, "search", gate)
    qtbot.keyClicks(picker.query, cvr)
    qtbot.keyClick(picker.query, Qt.Key.Key_Return)  # before the search has answered
    qtbot.waitUntil(gate.held.is_set, timeout=10_000)
    event_loop_runs(qtbot)
    assert picker.results.count() == 0 and picker.employer_id == ""
    gate.open.set()
    # Enter chose the first hit of what was typed, once it came.
    qtbot.waitUntil(lambda: picker.employer_id == employer_id, timeout=10_000)
    assert threading.main_thread().name not in gate.threads
    settle(qtbot, ops)  # nothing left on its way when the page goes


def test_an_employer_search_typed_on_drops_the_older_answer(
        ops: Ops, qtbot, monkeypatch, demo_store: Store) -> None:
    page = show_page(VacanciesPage(ops), ops, qtbot)
    (_first_id, first_cvr), (second_id, second_cvr) = two_employers(demo_store)
    picker = page.employer_picker
    gate = Gate(vacancies.search)
    monkeypatch.setattr(vacancies, "search", gate)
    qtbot.keyClicks(picker.query, first_cvr)
    qtbot.waitUntil(gate.held.is_set, timeout=10_000)
    monkeypatch.setattr(vacancies, "search", gate.fn)
    picker.query.setText(second_cvr)  # typed on
    qtbot.waitUntil(lambda: hit_ids(picker.results) == [second_id], timeout=10_000)
    gate.open.set()  # the first answer comes last, and is dropped
    settle(qtbot, ops)
    assert hit_ids(picker.results) == [second_id]


def a_presented_match(store: Store) -> tuple[str, str, str]:
    """(match id, vacancy id, vacancy title) of a match in the middle of its pipeline."""
    with store.read() as s:
        row = s.execute(select(Match.id, Vacancy.id.label("vacancy_id"), Vacancy.title)
                        .join(Vacancy, Vacancy.id == Match.vacancy_id)
                        .where(Match.status == "presented").order_by(Match.id)).first()
    return row.id, row.vacancy_id, row.title


def test_a_match_is_opened_with_reads_off_the_ui_thread(
        ops: Ops, qtbot, monkeypatch, demo_store: Store) -> None:
    """The vacancy, its pipeline and the match's history are each read in the background; the
    board and the moves wait for the pipeline of the vacancy asked for."""
    page = show_page(MatchesPage(ops), ops, qtbot)
    match_id, vacancy_id, title = a_presented_match(demo_store)
    record = Gate(queries.vacancy_detail)
    pipeline = Gate(queries.vacancy_pipeline)
    history = Gate(matches.read_history)
    monkeypatch.setattr(queries, "vacancy_detail", record)
    monkeypatch.setattr(queries, "vacancy_pipeline", pipeline)
    monkeypatch.setattr(matches, "read_history", history)
    page.open_item(match_id)
    qtbot.waitUntil(record.held.is_set, timeout=10_000)
    event_loop_runs(qtbot)
    assert page.heading.text() != title and not page.board.isEnabled()
    assert not page.a_vacancy.isEnabled()
    record.open.set()
    qtbot.waitUntil(pipeline.held.is_set, timeout=10_000)
    event_loop_runs(qtbot)
    assert page.heading.text() == title and page.vacancy_id == vacancy_id
    assert not page.board.isEnabled() and not page.a_next.isEnabled()
    pipeline.open.set()
    qtbot.waitUntil(history.held.is_set, timeout=10_000)
    event_loop_runs(qtbot)
    assert page.board.isEnabled() and page.match_id == match_id
    assert page.step_views["presented"].currentIndex().data(ID_ROLE) == match_id
    assert page.a_next.isEnabled() and page.a_previous.isEnabled()
    assert page.history.rowCount() == 0
    history.open.set()
    qtbot.waitUntil(lambda: page.history.rowCount() > 0, timeout=10_000)
    assert page.history.index(page.history.rowCount() - 1, 2).data() == "Præsenteret"
    for gate in (record, pipeline, history):
        assert gate.threads and threading.main_thread().name not in gate.threads
    settle(qtbot, ops)  # nothing left on its way when the page goes


def test_a_vacancy_chosen_on_the_matches_page_overtakes_a_match_being_opened(
        ops: Ops, qtbot, monkeypatch, demo_store: Store) -> None:
    page = show_page(MatchesPage(ops), ops, qtbot)
    match_id, first_vacancy, _title = a_presented_match(demo_store)
    (second_vacancy, second_title), = [v for v in two_vacancies(demo_store)
                                       if v[0] != first_vacancy][:1]
    gate = Gate(queries.vacancy_detail)
    monkeypatch.setattr(queries, "vacancy_detail", gate)
    page.open_item(match_id)
    qtbot.waitUntil(gate.held.is_set, timeout=10_000)
    monkeypatch.setattr(queries, "vacancy_detail", gate.fn)
    page.show_vacancy(second_vacancy)
    qtbot.waitUntil(lambda: page.heading.text() == second_title, timeout=10_000)
    gate.open.set()  # the match's answer comes last, and is dropped
    settle(qtbot, ops)
    assert page.vacancy_id == second_vacancy and page.match_id == ""
    assert page.heading.text() == second_title and page.board.isEnabled()
    assert page.list.current_id() == second_vacancy


def test_a_move_waits_for_the_pipeline_read_after_it(
        ops: Ops, qtbot, monkeypatch, demo_store: Store) -> None:
    """After a move the pipeline is re-read in the background; meanwhile the moves are off
    (the card they would move is the one before the move), and the moved match is chosen in
    its new column when the pipeline comes."""
    page = show_page(MatchesPage(ops), ops, qtbot)
    match_id, _vacancy_id, _title = a_presented_match(demo_store)
    page.open_item(match_id)
    settle(qtbot, ops)
    assert page.a_next.isEnabled()
    gate = Gate(queries.vacancy_pipeline)
    monkeypatch.setattr(queries, "vacancy_pipeline", gate)
    page.a_next.trigger()
    qtbot.waitUntil(gate.held.is_set, timeout=10_000)
    event_loop_runs(qtbot)
    assert not page.a_next.isEnabled() and not page.a_previous.isEnabled()
    assert not page.a_decline.isEnabled() and not page.a_agreed.isEnabled()
    gate.open.set()
    qtbot.waitUntil(lambda: page.step_views["interview"].currentIndex().data(ID_ROLE)
                    == match_id, timeout=10_000)
    settle(qtbot, ops)
    assert page.match_id == match_id and page.a_next.isEnabled()
    assert page.step_models["presented"].row_of(match_id) < 0
    assert threading.main_thread().name not in gate.threads


def test_the_agreement_start_step_is_read_off_the_ui_thread(
        ops: Ops, qtbot, monkeypatch, parties: Parties) -> None:
    gate = Gate(agreement_start.read_start_options)
    monkeypatch.setattr(agreement_start, "read_start_options", gate)
    wizard = open_new_agreement(ops, qtbot, parties).wizard
    qtbot.waitUntil(gate.held.is_set, timeout=10_000)
    event_loop_runs(qtbot)
    start = wizard.start
    assert start.options.employer_id == "" and not wizard.next_button.isEnabled()
    assert not start.employer.isEnabled() and not start.match.isEnabled()
    gate.open.set()
    qtbot.waitUntil(lambda: start.options.employer_id == parties.employer_id, timeout=10_000)
    assert start.match.currentData() == parties.match_id and start.match.isEnabled()
    assert start.citizen.currentData() == parties.citizen_id
    assert wizard.next_button.isEnabled()
    assert threading.main_thread().name not in gate.threads
    settle(qtbot, ops)  # nothing left on its way when the page goes


def test_an_employer_chosen_on_the_start_step_overtakes_the_one_before(
        ops: Ops, qtbot, monkeypatch, demo_store: Store, parties: Parties) -> None:
    wizard = open_new_agreement(ops, qtbot, parties).wizard
    settle(qtbot, ops)
    start = wizard.start
    with demo_store.read() as s:
        other = s.scalars(select(Employer.id).where(Employer.id != parties.employer_id)
                          .order_by(Employer.name)).first()
    gate = Gate(agreement_start.read_start_options)
    monkeypatch.setattr(agreement_start, "read_start_options", gate)
    start.employer.setCurrentIndex(start.employer.findData(other))
    qtbot.waitUntil(gate.held.is_set, timeout=10_000)
    event_loop_runs(qtbot)
    # The matches shown are still the bakery's: they cannot be chosen meanwhile.
    assert not start.match.isEnabled() and not wizard.next_button.isEnabled()
    monkeypatch.setattr(agreement_start, "read_start_options", gate.fn)
    start.employer.setCurrentIndex(start.employer.findData(parties.employer_id))
    qtbot.waitUntil(lambda: start.match.isEnabled(), timeout=10_000)
    gate.open.set()  # the other employer's answer comes last, and is dropped
    settle(qtbot, ops)
    assert start.options.employer_id == parties.employer_id
    assert start.match.currentData() == parties.match_id and wizard.next_button.isEnabled()


def two_agreements(store: Store, parties: Parties) -> list[str]:
    kinds = agreement_types()[:2]
    with store.write() as s:
        return [create_agreement(s, {
            "agreement_type": kind, "employer_id": parties.employer_id,
            "vacancy_id": parties.vacancy_id, "citizen_id": parties.citizen_id,
            "match_id": ""}).agreement_id for kind in kinds]


def test_an_agreement_is_opened_off_the_ui_thread(
        ops: Ops, qtbot, monkeypatch, demo_store: Store, parties: Parties) -> None:
    first, second = two_agreements(demo_store, parties)
    page = show_page(AgreementsPage(ops), ops, qtbot)
    # One on show and chosen in the list first: the list, the first thing to take the focus
    # on this page, would otherwise open its first row whenever the window gives it focus.
    page.open_item(second)
    settle(qtbot, ops)
    assert page.agreement_id == second and page.list.current_id() == second
    gate = Gate(wizard_module.read_state)
    monkeypatch.setattr(wizard_module, "read_state", gate)
    page.open_item(first)
    qtbot.waitUntil(gate.held.is_set, timeout=10_000)
    event_loop_runs(qtbot)
    assert page.agreement_id == second and not page.wizard.isEnabled()
    gate.open.set()
    qtbot.waitUntil(lambda: page.agreement_id == first, timeout=10_000)
    assert page.wizard.isEnabled() and page.wizard.current_step() == STEP_CHECK
    assert page.list.current_id() == first
    assert threading.main_thread().name not in gate.threads

    # Another agreement asked for while one is on its way overtakes it.
    gate.open.clear()
    gate.held.clear()
    page.open_item(second)
    qtbot.waitUntil(gate.held.is_set, timeout=10_000)
    monkeypatch.setattr(wizard_module, "read_state", gate.fn)
    page.open_item(first)  # back to the one on show: nothing to read
    assert page.wizard.isEnabled() and page.agreement_id == first
    gate.open.set()  # the second's answer comes last, and is dropped
    settle(qtbot, ops)
    assert page.agreement_id == first and page.wizard.isEnabled()


def test_the_rule_book_is_read_off_the_ui_thread(ops: Ops, qtbot, monkeypatch) -> None:
    gate = Gate(rulebook.book_on)
    monkeypatch.setattr(rulebook, "book_on", gate)
    dialog = RuleBookDialog(ops, dt.date(2026, 3, 1))
    qtbot.addWidget(dialog)
    qtbot.waitUntil(gate.held.is_set, timeout=10_000)
    event_loop_runs(qtbot)
    assert dialog.browser.toPlainText() == ""
    gate.open.set()
    qtbot.waitUntil(lambda: "LAB § 61, stk. 1" in dialog.browser.toPlainText(),
                    timeout=10_000)
    assert dialog.book.ruleset.effective_from == dt.date(2026, 2, 1)
    assert threading.main_thread().name not in gate.threads

    # A date and then a type chosen: the answer for the date alone comes last and is dropped.
    gate.open.clear()
    gate.held.clear()
    dialog.date_edit.setDate(QDate(2027, 2, 1))
    qtbot.waitUntil(gate.held.is_set, timeout=10_000)
    monkeypatch.setattr(rulebook, "book_on", gate.fn)
    dialog.type_box.setCurrentIndex(dialog.type_box.findData("virksomhedspraktik"))
    qtbot.waitUntil(lambda: "Foreløbigt regelsæt" in dialog.browser.toPlainText(),
                    timeout=10_000)
    gate.open.set()
    settle(qtbot, ops)
    assert {e.agreement_type for e in dialog.book.entries} == {"virksomhedspraktik"}
    assert dialog.browser.isEnabled()


def test_ctrl_k_searches_off_the_ui_thread_and_enter_waits_for_the_answer(
        window: MainWindow, ops: Ops, qtbot, monkeypatch, demo_store: Store) -> None:
    popup = window.search_popup  # the window's own, as Ctrl+K shows it
    (employer_id, cvr), _other = two_employers(demo_store)
    gate = Gate(search_popup.search)
    monkeypatch.setattr(search_popup, "search", gate)
    popup.query.setText(cvr)
    qtbot.waitUntil(gate.held.is_set, timeout=10_000)
    event_loop_runs(qtbot)
    assert popup.model.rowCount() == 0
    chosen: list[tuple[str, str]] = []
    popup.chosen.connect(lambda kind, ident: chosen.append((kind, ident)))
    qtbot.keyClick(popup.query, Qt.Key.Key_Return)  # opens the hit when it comes
    assert chosen == []
    gate.open.set()
    qtbot.waitUntil(lambda: chosen == [("employer", employer_id)], timeout=10_000)
    assert threading.main_thread().name not in gate.threads
    settle(qtbot, ops)  # nothing left on its way when the popup goes


def test_ctrl_k_typed_on_drops_the_older_answer(window: MainWindow, ops: Ops, qtbot,
                                                monkeypatch, demo_store: Store) -> None:
    popup = window.search_popup
    (first_id, first_cvr), (second_id, second_cvr) = two_employers(demo_store)
    gate = Gate(search_popup.search)
    monkeypatch.setattr(search_popup, "search", gate)
    popup.query.setText(first_cvr)
    qtbot.waitUntil(gate.held.is_set, timeout=10_000)
    monkeypatch.setattr(search_popup, "search", gate.fn)
    popup.query.setText(second_cvr)  # typed on
    qtbot.waitUntil(lambda: [h.id for h in popup.model.rows][:1] == [second_id],
                    timeout=10_000)
    gate.open.set()  # the first answer comes last, and is dropped
    settle(qtbot, ops)
    assert popup.model.rows[0].id == second_id
    assert all(h.id != first_id for h in popup.model.rows)
