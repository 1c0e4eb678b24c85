"""The Today page: planned visits to start and follow-ups that are due."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from consultant_app.store import Store
from consultant_app.store.models import Visit
from tests.support.desktop import TODAY, log_visit, make_employer, settle
from ui.views.today import TodayPage


def visit_ids(model) -> list[str]:  # type: ignore[no-untyped-def]
    return [model.id_at(r) for r in range(model.rowCount())]


def test_today_shows_a_due_follow_up_and_marks_it_done(window, ops, qtbot,
                                                       demo_store: Store) -> None:
    employer_id = make_employer(demo_store, name="Opfølgning ApS")
    due = log_visit(demo_store, employer_id, visit_date=TODAY - dt.timedelta(days=10),
                    follow_up_date=TODAY - dt.timedelta(days=1), follow_up_note="Ring til Jens")
    later = log_visit(demo_store, employer_id, visit_date=TODAY - dt.timedelta(days=10),
                      follow_up_date=TODAY + dt.timedelta(days=5))
    page = window.show_page("today")
    page.refresh()
    settle(qtbot, ops)  # the lists are read off the UI thread
    ids = visit_ids(page.follow_ups)
    assert due in ids and later not in ids
    row = ids.index(due)
    keys = [c.key for c in page.follow_ups.columns]
    assert page.follow_ups.data(page.follow_ups.index(row, keys.index("follow_up_note"))) == \
        "Ring til Jens"
    assert page.follow_ups.data(page.follow_ups.index(row, keys.index("employer"))) == \
        "Opfølgning ApS"

    page.follow_view.selectRow(row)
    page.follow_view.setFocus()
    qtbot.keyClick(page.follow_view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, ops)
    assert due not in visit_ids(page.follow_ups)
    with demo_store.read() as s:
        assert s.get(Visit, due).follow_up_done


def test_planned_visits_from_today_on_are_listed(ops, qtbot, demo_store: Store) -> None:
    employer_id = make_employer(demo_store)
    today = log_visit(demo_store, employer_id, visit_date=TODAY, status="planned")
    past = log_visit(demo_store, employer_id, visit_date=TODAY - dt.timedelta(days=1),
                     status="planned")
    held = log_visit(demo_store, employer_id, visit_date=TODAY + dt.timedelta(days=2))
    page = TodayPage(ops)
    qtbot.addWidget(page)
    settle(qtbot, ops)
    ids = visit_ids(page.planned)
    assert today in ids and past not in ids and held not in ids


def test_starting_a_planned_visit_opens_the_employer_with_the_note_focused(
        window, ops, qtbot, demo_store: Store) -> None:
    employer_id = make_employer(demo_store, name="Planlagt Besøg A/S")
    planned = log_visit(demo_store, employer_id, visit_date=TODAY, status="planned")
    today = window.show_page("today")
    today.refresh()
    settle(qtbot, ops)
    today.planned_view.selectRow(visit_ids(today.planned).index(planned))
    today.planned_view.setFocus()
    qtbot.keyClick(today.planned_view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.current_page_key() == "employers", timeout=10_000)
    panel = window.pages["employers"].panel
    assert panel.employer_id == employer_id
    assert QApplication.focusWidget() is panel.visits.note
    qtbot.keyClicks(panel.visits.note, "Mødet gik godt.")
    qtbot.keyClick(panel.visits.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, ops)
    with demo_store.read() as s:
        visit = s.get(Visit, planned)
        assert (visit.status, visit.notes) == ("done", "Mødet gik godt.")
    window.show_page("today")
    settle(qtbot, ops)
    assert planned not in visit_ids(today.planned)


def test_today_models_pass_the_model_tester(ops, qtbot, qtmodeltester, demo_store: Store) -> None:
    page = TodayPage(ops)
    qtbot.addWidget(page)
    settle(qtbot, ops)
    assert page.follow_ups.rowCount() > 0  # the demo data has due follow-ups
    qtmodeltester.check(page.planned)
    qtmodeltester.check(page.follow_ups)
