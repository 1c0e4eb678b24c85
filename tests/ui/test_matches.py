"""The matches page: a vacancy's pipeline moved by keyboard, by mouse and by drag and drop,
declined with a reason, and the match's history."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolButton
from sqlalchemy import select

from consultant_app import services
from consultant_app.store.models import Citizen, Match, Vacancy
from tests.support.desktop import settle, show_page
from ui.views.matches import DeclineDialog, MatchesPage


@pytest.fixture
def proposed(demo_store) -> tuple[str, str]:
    """A fresh match at the first step: (vacancy id, match id)."""
    with demo_store.write() as s:
        vacancy = s.scalars(select(Vacancy).order_by(Vacancy.id)).first()
        taken = select(Match.citizen_id).where(Match.vacancy_id == vacancy.id)
        citizen = s.scalars(select(Citizen).where(Citizen.id.not_in(taken))
                            .order_by(Citizen.name)).first()
        match = services.propose_match(s, vacancy.id, citizen.id)
        return vacancy.id, match.id


def make_page(ops, qtbot) -> MatchesPage:
    return show_page(MatchesPage(ops), ops, qtbot, size=(1280, 800))


def status_of(store, match_id: str) -> Match:
    with store.read() as s:
        return s.get(Match, match_id)


def history_steps(page: MatchesPage) -> list[tuple[str, str]]:
    model = page.history
    return [(model.index(r, 1).data(), model.index(r, 2).data()) for r in range(model.rowCount())]


def test_alt_right_moves_the_match_to_the_next_step_and_focus_follows(
        ops, qtbot, demo_store, proposed):
    vacancy_id, match_id = proposed
    page = make_page(ops, qtbot)
    page.open_item(match_id)
    settle(qtbot, ops)  # the vacancy and its pipeline are read off the UI thread
    view = page.step_views["proposed"]
    assert view.currentIndex().data() and page.match_id == match_id
    page.activateWindow()
    qtbot.waitUntil(view.hasFocus)

    qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    settle(qtbot, ops)
    assert status_of(demo_store, match_id).status == "presented"
    assert page.step_models["presented"].row_of(match_id) >= 0
    assert page.step_views["presented"].hasFocus()

    qtbot.keyClick(page.step_views["presented"], Qt.Key.Key_Right,
                   Qt.KeyboardModifier.AltModifier)
    settle(qtbot, ops)
    qtbot.keyClick(page.step_views["interview"], Qt.Key.Key_Left,
                   Qt.KeyboardModifier.AltModifier)
    settle(qtbot, ops)
    assert status_of(demo_store, match_id).status == "presented"
    assert history_steps(page) == [("–", "Foreslået"), ("Foreslået", "Præsenteret"),
                                   ("Præsenteret", "Samtale"), ("Samtale", "Præsenteret")]
    assert page.step_titles["presented"].text().startswith("Præsenteret (")


def test_next_step_button_moves_the_match_by_mouse(ops, qtbot, demo_store, proposed):
    _vacancy_id, match_id = proposed
    page = make_page(ops, qtbot)
    page.open_item(match_id)
    settle(qtbot, ops)
    button = next(b for b in page.findChildren(QToolButton) if b.defaultAction() is page.a_next)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    settle(qtbot, ops)
    assert status_of(demo_store, match_id).status == "presented"
    assert page.match_id == match_id and history_steps(page)[-1] == ("Foreslået", "Præsenteret")


def test_dropping_a_match_on_another_column_moves_it(ops, qtbot, demo_store, proposed):
    _vacancy_id, match_id = proposed
    page = make_page(ops, qtbot)
    page.open_item(match_id)
    settle(qtbot, ops)
    source = page.step_models["proposed"]
    data = source.mimeData([source.index(source.row_of(match_id), 0)])
    target = page.step_models["agreed"]
    assert target.canDropMimeData(data, Qt.DropAction.MoveAction, -1, -1, target.index(-1, -1))
    assert target.dropMimeData(data, Qt.DropAction.MoveAction, -1, -1, target.index(-1, -1))
    settle(qtbot, ops)
    assert status_of(demo_store, match_id).status == "agreed"
    assert target.row_of(match_id) >= 0 and source.row_of(match_id) == -1


def test_ctrl_d_declines_with_the_reason_asked_for(
        ops, qtbot, demo_store, proposed, monkeypatch):
    _vacancy_id, match_id = proposed
    asked = []
    monkeypatch.setattr(DeclineDialog, "ask", classmethod(
        lambda cls, parent, name: asked.append(name) or "Har ikke kørekort"))
    page = make_page(ops, qtbot)
    page.open_item(match_id)
    settle(qtbot, ops)
    page.activateWindow()
    view = page.step_views["proposed"]
    qtbot.waitUntil(view.hasFocus)
    qtbot.keyClick(view, Qt.Key.Key_Delete,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    settle(qtbot, ops)
    match = status_of(demo_store, match_id)
    assert (match.status, match.decline_reason) == ("declined", "Har ikke kørekort")
    assert asked and page.step_models["declined"].row_of(match_id) >= 0
    assert page.history.index(page.history.rowCount() - 1, 4).data() == "Har ikke kørekort"
    assert not page.a_next.isEnabled() and not page.a_decline.isEnabled()


def test_cancelled_decline_changes_nothing(ops, qtbot, demo_store, proposed, monkeypatch):
    _vacancy_id, match_id = proposed
    monkeypatch.setattr(DeclineDialog, "ask", classmethod(lambda cls, parent, name: None))
    page = make_page(ops, qtbot)
    page.open_item(match_id)
    settle(qtbot, ops)
    page.a_decline.trigger()
    settle(qtbot, ops)
    assert status_of(demo_store, match_id).status == "proposed"


def test_an_empty_reason_shows_the_core_message(ops, qtbot, demo_store, proposed, monkeypatch):
    _vacancy_id, match_id = proposed
    monkeypatch.setattr(DeclineDialog, "ask", classmethod(lambda cls, parent, name: "  "))
    page = make_page(ops, qtbot)
    page.open_item(match_id)
    settle(qtbot, ops)
    page.a_decline.trigger()
    settle(qtbot, ops)
    assert page.problem.text() == "Skriv hvorfor matchet er afslået."
    assert status_of(demo_store, match_id).status == "proposed"


def test_show_vacancy_and_navigation_requests(ops, qtbot, demo_store, proposed):
    vacancy_id, match_id = proposed
    page = make_page(ops, qtbot)
    page.show_vacancy(vacancy_id)
    settle(qtbot, ops)
    assert page.list.current_id() == vacancy_id
    assert sum(m.rowCount() for m in page.step_models.values()) >= 1
    page.select_match(match_id)
    with qtbot.waitSignal(page.open_requested) as signal:
        page.a_citizen.trigger()
    assert signal.args[0] == "citizen"
    with qtbot.waitSignal(page.open_requested) as signal:
        page.a_vacancy.trigger()
    assert signal.args == ["vacancy", vacancy_id]


def test_match_models_pass_the_model_tester(ops, qtbot, qtmodeltester, proposed):
    _vacancy_id, match_id = proposed
    page = make_page(ops, qtbot)
    page.open_item(match_id)
    settle(qtbot, ops)
    qtmodeltester.check(page.list.model)
    qtmodeltester.check(page.history)
    for model in page.step_models.values():
        qtmodeltester.check(model)
