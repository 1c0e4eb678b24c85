"""The agreement wizard on the desktop: from the employer page to an agreement ready to sign,
saving as the consultant goes, refused values, warnings acknowledged with a note, and every
shipped template building its wizard."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from consultant_app.store import Store
from forms import agreements as fa
from forms.templates import agreement_types, get_template
from tests.support.desktop import settle
from tests.support.profiles import PASSPHRASE
from tests.support.wizard import (
    Interactions,
    agreements_page,
    choose_type,
    create_agreement,
    fill_to_ready,
    open_agreement,
    open_new_agreement,
    seed_parties,
    start_from_employer,
)
from ui.main_window import MainWindow
from ui.ops import Ops
from ui.settings import Settings
from ui.views.agreement_wizard import (
    STEP_CHECK,
    STEP_FILL,
    STEP_READY,
    STEP_START,
    ConfirmNewRevision,
)

TODAY = dt.date.today()


def test_employer_page_to_ready_to_sign_praktik_in_fewer_than_20_interactions(
        window, ops, qtbot, demo_store, parties):
    ui = Interactions(qtbot)
    wizard = start_from_employer(window, parties, ui)
    assert wizard.current_step() == STEP_START
    assert wizard.start.chosen_type() == "virksomhedspraktik"  # from the vacancy's kind
    assert wizard.start.match.currentData() == parties.match_id  # the agreed match first
    assert wizard.start.citizen.currentData() == parties.citizen_id

    create_agreement(ui, wizard, qtbot, ops)
    assert wizard.editors["employer_name"].prefilled
    assert wizard.editors["employer_name"].note.text() == "Fra virksomheden"
    assert wizard.editors["citizen_cpr"].raw() == "010190-1234"

    fill_to_ready(ui, wizard, qtbot, ops, "purpose",
                  "Afklaring af jobmål og vej til ordinære timer", "formålet")
    assert "Klar til underskrift" in wizard.ready.banner.text()
    page = agreements_page(window)
    with qtbot.waitSignal(page.ready_to_sign) as signal:
        ui.click(wizard.sign_button, "Underskriv…")
    assert signal.args == [wizard.state.agreement_id]

    print(f"\ninteractions from the employer page to ready to sign: {ui.count} "
          f"({', '.join(ui.log)})")
    assert ui.count < 20
    with demo_store.read() as s:
        doc = fa.load(s, wizard.state.agreement_id)
        assert doc.values["purpose"] == "Afklaring af jobmål og vej til ordinære timer"
        assert doc.wizard_step == STEP_READY
        assert fa.check_doc(s, doc).ready
    assert page.list.current_id() == wizard.state.agreement_id


def test_closing_mid_way_and_reopening_returns_to_the_step_with_the_values(
        window, ops, qtbot, demo_store, parties, profile_dir, settings_file):
    ui = Interactions(qtbot)
    wizard = start_from_employer(window, parties, ui)
    create_agreement(ui, wizard, qtbot, ops)
    ui.click(wizard.next_button, "Næste")
    agreement_id = wizard.state.agreement_id
    qtbot.keyClicks(wizard.editors["working_hours"].input, "man-tors 9-13")
    qtbot.keyClicks(wizard.editors["purpose"].input, "Opkvalificering")  # focus stays here
    window.close()  # the app quits mid-way: no focus change, no pause in typing
    ops.shutdown()
    settle(qtbot, ops)
    demo_store.close()

    store = Store.open(profile_dir, PASSPHRASE)
    try:
        ops2 = Ops(store)
        settings2 = Settings(QSettings(str(settings_file), QSettings.Format.IniFormat))
        reopened = MainWindow(ops2, settings2)
        qtbot.addWidget(reopened)
        reopened.show()
        page = agreements_page(reopened)
        reopened.show_page("agreements")
        settle(qtbot, ops2)
        assert page.list.select(agreement_id)
        page.open_item(agreement_id)
        settle(qtbot, ops2)  # the agreement is read off the UI thread
        again = page.wizard
        assert again.current_step() == STEP_FILL
        assert again.editors["purpose"].raw() == "Opkvalificering"
        assert again.editors["working_hours"].raw() == "man-tors 9-13"
        assert again.editors["employer_name"].raw() == "Bageriet Aps"
        # ... and from the employer's agreements tab too.
        employers = reopened.show_page("employers")
        employers.open_item(parties.employer_id)
        tab = employers.panel.related_views["placement_agreement"]
        qtbot.waitUntil(lambda: employers.panel.related["placement_agreement"].rowCount() == 1)
        tab.activated.emit(employers.panel.related["placement_agreement"].index(0, 0))
        assert reopened.current_page_key() == "agreements"
        assert page.wizard.state.agreement_id == agreement_id
        assert page.wizard.current_step() == STEP_FILL
        reopened.close()
        ops2.shutdown()
        settle(qtbot, ops2)
    finally:
        store.close()


def test_a_refused_value_shows_the_field_message_and_nothing_is_saved(
        window, ops, qtbot, demo_store, parties):
    ui = Interactions(qtbot)
    wizard = start_from_employer(window, parties, ui)
    create_agreement(ui, wizard, qtbot, ops)
    agreement_id = wizard.state.agreement_id
    hours = wizard.editors["hours_per_week"]
    hours.input.clear()
    qtbot.keyClicks(hours.input, "mange")
    qtbot.keyClick(hours.input, Qt.Key.Key_Return)
    working = wizard.editors["working_hours"]
    working.input.setFocus()
    qtbot.keyClicks(working.input, "man-fre 8-12")
    qtbot.keyClick(working.input, Qt.Key.Key_Return)
    settle(qtbot, ops)
    assert hours.problem_text() == "Skal være et tal, ikke 'mange'."
    assert hours.raw() == "mange"  # the input is kept to be corrected
    with demo_store.read() as s:
        doc = fa.load(s, agreement_id)
        assert doc.values["hours_per_week"] == 15  # not saved
        assert doc.values["working_hours"] == "man-fre 8-12"  # the other edit is
    assert not wizard.sign_button.isEnabled()

    hours.input.clear()
    qtbot.keyClicks(hours.input, "20")
    qtbot.keyClick(hours.input, Qt.Key.Key_Return)
    settle(qtbot, ops)
    assert hours.problem_text() == ""
    with demo_store.read() as s:
        assert fa.load(s, agreement_id).values["hours_per_week"] == 20


def test_findings_follow_the_fields_live_and_a_click_focuses_the_field(
        window, ops, qtbot, demo_store, parties):
    ui = Interactions(qtbot)
    wizard = start_from_employer(window, parties, ui)
    create_agreement(ui, wizard, qtbot, ops)
    assert any("Formål" in t for t in wizard.findings.texts())
    end = wizard.editors["end_date"]
    end.input.setFocus()
    end.input.clear()
    qtbot.keyClicks(end.input, (TODAY + dt.timedelta(days=200)).strftime("%d-%m-%Y"))
    qtbot.waitUntil(lambda: not wizard.saving() and ops.pending == 0
                    and any(f.field == "end_date" for f in wizard.state.findings),
                    timeout=5000)  # saved after the pause in typing, no focus change
    assert not end.finding.isHidden() and "uger" in end.finding.text()  # the duration rule
    row = next(i for i in range(wizard.findings.list.count())
               if wizard.findings.list.item(i).data(Qt.ItemDataRole.UserRole) == "end_date")
    wizard.go_to(STEP_CHECK)
    item = wizard.findings.list.item(row)
    wizard.findings.list.itemClicked.emit(item)
    assert wizard.current_step() == STEP_FILL
    qtbot.waitUntil(end.input.hasFocus)


def test_a_warning_must_be_acknowledged_with_a_note_before_ready(
        window, ops, qtbot, demo_store):
    parties = seed_parties(demo_store, TODAY - dt.timedelta(days=7))  # starts before approval
    ui = Interactions(qtbot)
    wizard = start_from_employer(window, parties, ui)
    create_agreement(ui, wizard, qtbot, ops)
    wizard.go_to(STEP_FILL)
    qtbot.keyClicks(wizard.editors["purpose"].input, "Afklaring")
    wizard.go_to(STEP_READY)
    settle(qtbot, ops)
    state = wizard.state
    assert not state.check.errors
    warnings = state.check.open_warnings
    assert warnings, "a start date before today must give a warning"
    assert not wizard.sign_button.isEnabled() and "Ikke klar" in wizard.ready.banner.text()

    first = wizard.ready.acknowledgements[warnings[0].key]
    first.button.click()  # no note: refused here, nothing written
    settle(qtbot, ops)
    assert first.problem.isVisible() and "note" in first.problem.text()
    assert wizard.state.check.open_warnings

    for warning in warnings:
        ack = wizard.ready.acknowledgements[warning.key]
        qtbot.keyClicks(ack.note, "Jobcenteret godkendte praktikken telefonisk før start")
        ack.button.click()
        settle(qtbot, ops)
    assert wizard.state.check.ready and wizard.sign_button.isEnabled()
    with demo_store.read() as s:
        acks = fa.load(s, state.agreement_id).acknowledgements
    assert acks == {w.key: "Jobcenteret godkendte praktikken telefonisk før start"
                    for w in warnings}


def test_a_signed_agreement_is_read_only_and_a_new_version_is_confirmed(
        ops, qtbot, demo_store, parties, monkeypatch):
    with demo_store.write() as s:
        doc = fa.create_draft(s, "virksomhedspraktik", parties.employer_id,
                              match_id=parties.match_id)
        doc.record.status, doc.record.content_hash = fa.SIGNED, fa.content_hash(doc)
        agreement_id = doc.id
    wizard = open_agreement(ops, qtbot, agreement_id).wizard
    assert wizard.frozen.isVisible() and wizard.editors["purpose"].input.isReadOnly()
    # signed by all, not sealed: the signing goes on to the seal (test_signing_resume.py)
    assert wizard.sign_button.isEnabled() and "Fortsæt" in wizard.sign_button.text()
    monkeypatch.setattr(ConfirmNewRevision, "ask", classmethod(lambda cls, parent: False))
    wizard.frozen.new_revision_button.click()
    settle(qtbot, ops)
    with demo_store.read() as s:
        assert fa.load(s, agreement_id).record.revision == 1
    monkeypatch.setattr(ConfirmNewRevision, "ask", classmethod(lambda cls, parent: True))
    wizard.frozen.new_revision_button.click()
    settle(qtbot, ops)
    assert wizard.state.revision == 2 and wizard.state.editable
    assert not wizard.frozen.isVisible()
    assert not wizard.editors["purpose"].input.isReadOnly()


def test_ctrl_n_on_the_agreements_page_and_lav_aftale_on_a_match(
        window, ops, qtbot, demo_store, parties):
    page = agreements_page(window)
    window.show_page("agreements")
    page.a_new.trigger()
    assert page.wizard.current_step() == STEP_START and page.wizard.state is None
    assert not page.wizard.next_button.isEnabled()  # no employer chosen yet
    settle(qtbot, ops)  # the employers are read in the background
    employer = page.wizard.start.employer
    qtbot.keyClicks(employer.lineEdit(), "Bageriet Aps (CVR 10000009)")
    qtbot.keyClick(employer.lineEdit(), Qt.Key.Key_Return)
    settle(qtbot, ops)  # the employer's matches are read off the UI thread
    assert page.wizard.start.options.employer_id == parties.employer_id
    assert page.wizard.start.match.currentData() == parties.match_id
    assert page.wizard.next_button.isEnabled()
    matches = window.show_page("matches")
    matches.open_item(parties.match_id)
    settle(qtbot, ops)  # the vacancy and its pipeline are read off the UI thread
    matches.a_agreement.trigger()
    assert window.current_page_key() == "agreements"
    settle(qtbot, ops)
    start = page.wizard.start
    assert start.options.employer_id == parties.employer_id
    assert start.match.currentData() == parties.match_id
    assert page.wizard.next_button.isEnabled()


@pytest.mark.parametrize("agreement_type", agreement_types())
def test_every_shipped_type_builds_its_wizard_from_the_template(
        ops, qtbot, demo_store, parties, agreement_type):
    wizard = open_new_agreement(ops, qtbot, parties).wizard
    choose_type(wizard, agreement_type, qtbot, ops)
    template = get_template(agreement_type)
    assert set(wizard.editors) == set(template.fields_by_key)
    for step in (STEP_CHECK, STEP_FILL, STEP_READY):
        wizard.go_to(step)
        assert wizard.current_step() == step
    settle(qtbot, ops)
    assert wizard.ready.signers.text()


def test_field_editors_follow_the_kind_of_every_field(ops, qtbot):
    from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit

    from forms.templates import FIELD_KINDS, FieldSpec
    from ui.views.partials.agreement_fields import FieldEditor
    expected = {"multiline": QPlainTextEdit, "bool": QCheckBox, "choice": QComboBox}
    for kind in FIELD_KINDS:
        spec = FieldSpec(key=f"k_{kind}", label="Felt", kind=kind,
                         choices={"a": "A", "b": "B"} if kind == "choice" else "")
        editor = FieldEditor(spec)
        qtbot.addWidget(editor)
        assert isinstance(editor.input, expected.get(kind, QLineEdit)), kind
    assert QApplication.instance() is not None
