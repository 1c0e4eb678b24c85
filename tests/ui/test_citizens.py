"""The citizens page: the list, the citizen's page and the logged reveal of a CPR number."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import select

from consultant_app import queries
from consultant_app.store.models import AccessLog, Citizen
from tests.support.desktop import settle, show_page
from ui.views.citizens import CitizensPage


def make_page(ops, qtbot) -> CitizensPage:
    return show_page(CitizensPage(ops), ops, qtbot)


def two_citizens(store) -> list[Citizen]:
    with store.read() as s:
        return list(s.scalars(select(Citizen).order_by(Citizen.name, Citizen.id).limit(2)))


def test_cpr_is_masked_until_revealed_and_the_reveal_is_logged(ops, qtbot, demo_store):
    first, second = two_citizens(demo_store)
    page = make_page(ops, qtbot)
    page.open_item(first.id)
    settle(qtbot, ops)  # the record is read off the UI thread
    assert page.cpr.text() == first.cpr[:6] + "-XXXX" and page.cpr.isReadOnly()

    page.activateWindow()
    page.name.setFocus()
    qtbot.waitUntil(page.name.hasFocus)
    qtbot.keyClick(page.name, Qt.Key.Key_C,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    settle(qtbot, ops)

    assert page.cpr.text() == first.cpr and page.cpr_revealed
    with demo_store.read() as s:
        log = s.scalars(select(AccessLog).where(AccessLog.entity_id == first.id)).all()
    assert [(e.action, e.entity, e.actor) for e in log] == [
        ("reveal_cpr", "citizen", "Test Konsulent")]

    page.open_item(second.id)  # leaving the record hides the number again
    settle(qtbot, ops)  # the record is read off the UI thread
    assert page.cpr.text() == second.cpr[:6] + "-XXXX"
    page.open_item(first.id)
    settle(qtbot, ops)  # the record is read off the UI thread
    assert page.cpr.text() == first.cpr[:6] + "-XXXX" and not page.cpr_revealed


def test_leaving_the_page_masks_the_cpr(ops, qtbot, demo_store):
    citizen = two_citizens(demo_store)[0]
    page = make_page(ops, qtbot)
    page.open_item(citizen.id)
    settle(qtbot, ops)  # the record is read off the UI thread
    page.a_reveal.trigger()
    settle(qtbot, ops)
    assert page.cpr.text() == citizen.cpr
    page.hide()
    assert page.cpr.text() == citizen.cpr[:6] + "-XXXX"


def test_bad_hours_show_the_message_by_the_field_and_keep_the_text(ops, qtbot, demo_store):
    citizen = two_citizens(demo_store)[0]
    page = make_page(ops, qtbot)
    page.open_item(citizen.id)
    settle(qtbot, ops)  # the record is read off the UI thread
    page.max_hours.setText("70")
    page.postcode.setText("12")
    page.a_save.trigger()
    settle(qtbot, ops)
    assert page.form.problem_text("max_hours_per_week") == "Må højst være 60 (er 70)."
    assert page.form.problem_text("postcode")
    assert page.max_hours.text() == "70" and page.postcode.text() == "12"
    with demo_store.read() as s:
        assert s.get(Citizen, citizen.id).max_hours_per_week == citizen.max_hours_per_week


def test_edit_and_create_a_citizen(ops, qtbot, demo_store):
    citizen = two_citizens(demo_store)[0]
    page = make_page(ops, qtbot)
    page.open_item(citizen.id)
    settle(qtbot, ops)  # the record is read off the UI thread
    page.restrictions.set_codes(["no_night_work"])
    page.notes.setPlainText("Vil gerne starte med formiddage.")
    page.a_save.trigger()
    settle(qtbot, ops)
    with demo_store.read() as s:
        saved = s.get(Citizen, citizen.id)
        assert saved.restrictions == ["no_night_work"]
        assert saved.notes == "Vil gerne starte med formiddage."
        assert saved.cpr == citizen.cpr  # a masked number is never written back

    page.a_new.trigger()
    page.name.setText("Ny Borgersen")
    page.cpr.setText("010190-1234")
    page.target_group.setCurrentIndex(page.target_group.findData("dagpenge"))
    page.postcode.setText("8000")
    assert page.town.text() == "Aarhus C"
    page.a_save.trigger()
    settle(qtbot, ops)
    assert page.heading.text() == "Ny Borgersen" and page.cpr.text() == "010190-XXXX"
    assert page.cpr.isReadOnly() and page.a_reveal.isEnabled()


def test_filter_as_you_type(ops, qtbot, demo_store):
    citizen = two_citizens(demo_store)[0]
    page = make_page(ops, qtbot)
    assert page.list.model.rowCount() == 150
    qtbot.keyClicks(page.list.filter_edit, citizen.name)
    expected = ops.run_sync_read(queries.list_ids, "citizen", citizen.name)
    qtbot.waitUntil(lambda: page.list.model.rowCount() == len(expected))
    assert citizen.id in expected and page.list.count_label.text()


def test_citizen_models_pass_the_model_tester(ops, qtbot, qtmodeltester):
    page = make_page(ops, qtbot)
    qtmodeltester.check(page.list.model)
    qtmodeltester.check(page.restrictions.model())


def test_suitable_vacancies_are_listed_and_open_the_vacancy(ops, qtbot, demo_store):
    page = make_page(ops, qtbot)
    panel = page.suggestions
    with demo_store.read() as s:
        citizens = s.scalars(select(Citizen).order_by(Citizen.id)).all()
    for citizen in citizens:
        with qtbot.waitSignal(panel.ranked):
            page.open_item(citizen.id)
        if panel.model.rowCount():
            break
    assert panel.model.rowCount() and panel.model.index(0, 1).data()
    assert panel.without_restrictions.isHidden()
    panel.table.setFocus()
    panel.table.selectRow(0)
    with qtbot.waitSignal(page.open_requested) as signal:
        qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    assert signal.args == ["vacancy", panel.model.other_id(0)]
