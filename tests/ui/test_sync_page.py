"""The Sync page and the status bar's sync state, on a real profile: waiting changes,
conflicts with both values side by side and the consultant's choice written as a journalled
edit, the history, and the state shown in plain Danish. Screenshots to var/screenshots/sync."""

from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import select

from consultant_app.ids import utcnow
from consultant_app.queries import outbox_count
from consultant_app.store.models import Employer, OutboxEntry, SyncConflict, SyncRun
from sync.client import SyncEngine, SyncRunner
from sync.client.errors import ServerUnreachable
from sync.client.runner import SyncStatus
from tests.support.desktop import make_employer, settle, shoot
from ui.sync_bridge import SyncBridge
from ui.views.sync import EnrollDialog, SyncPage


def add_conflict(store, employer_id: str) -> None:
    with store.write(journal=False) as s:
        s.add(SyncConflict(entity="employer", entity_id=employer_id, field="notes",
                           server_value=json.dumps("Ring til Birgitte før besøget"),
                           client_value=json.dumps("Aftalt møde 14/12 kl. 10"),
                           winner="client", policy="last_writer_wins"))
        now = utcnow()
        s.add(SyncRun(started_at=now - dt.timedelta(minutes=5), finished_at=now, ok=True,
                      trigger="timer", pushed=3, pulled=120, conflicts=1))
        s.add(SyncRun(started_at=now, finished_at=now, ok=False, trigger="manual",
                      error="Den centrale tjeneste svarer ikke lige nu."))


def test_a_conflict_shows_both_values_and_choosing_writes_a_journalled_edit(
        window, demo_store, qtbot, ops):
    employer_id = make_employer(demo_store, name="Konflikt ApS", notes="Aftalt møde 14/12 kl. 10")
    add_conflict(demo_store, employer_id)
    page: SyncPage = window.show_page("sync")
    page.refresh()
    settle(qtbot, window.ops)
    assert page.tabs.tabText(1) == "Konflikter (1)"
    assert page.conflict_model.rows[0][1:5] == ("Noter", "Ring til Birgitte før besøget",
                                               "Aftalt møde 14/12 kl. 10", "din")
    assert page.server_box.toPlainText() == "Ring til Birgitte før besøget"
    assert page.client_box.toPlainText() == "Aftalt møde 14/12 kl. 10"
    assert page.history_model.rows[0][2] == "fejlede"
    window.resize(1280, 800)
    page.tabs.setCurrentIndex(1)
    shoot(window, "sync-conflicts", "sync")
    page.tabs.setCurrentIndex(2)
    shoot(window, "sync-history", "sync")

    with demo_store.read() as s:
        before = s.scalar(select(OutboxEntry.seq).order_by(OutboxEntry.seq.desc()).limit(1))
    page.tabs.setCurrentIndex(1)
    qtbot.mouseClick(page.keep_server, qtbot_left())
    settle(qtbot, ops)
    with demo_store.read() as s:
        assert s.get(Employer, employer_id).notes == "Ring til Birgitte før besøget"
        entry = s.scalars(select(OutboxEntry).where(OutboxEntry.seq > before)).one()
        assert (entry.entity_id, entry.fields) == (employer_id, ["notes"])
        assert s.scalars(select(SyncConflict.chosen)).one() == "server"
    assert page.tabs.tabText(1) == "Konflikter (0)"
    with demo_store.read() as s:
        assert page.tabs.tabText(0) == f"Venter ({outbox_count(s)})"


def qtbot_left():
    from PySide6.QtCore import Qt
    return Qt.MouseButton.LeftButton


def test_the_status_bar_says_in_danish_that_the_device_is_not_enrolled_and_what_waits(
        window, demo_store, qtbot):
    bridge = SyncBridge(SyncRunner(SyncEngine(demo_store)))
    bridge.status_changed.connect(window.show_sync_status)
    window.show_sync_status(bridge.status)
    window.pages["sync"].attach(bridge)
    assert window.sync_label.text() == "Offline – ikke tilmeldt en central"
    assert window.outbox_label.text().startswith("Ændringer der venter på at blive sendt: ")
    page = window.show_page("sync")
    assert not page.sync_button.isEnabled() and page.enroll_button.isEnabled()
    window.resize(1280, 800)
    shoot(window, "sync-not-enrolled", "sync")

    offline = SyncStatus(enrolled=True, online=False, waiting=7, error_kind="unreachable",
                         last_success=utcnow() - dt.timedelta(hours=2),
                         last_error=ServerUnreachable("https://central.example").message)
    bridge.status_changed.emit(offline)
    qtbot.waitUntil(lambda: "svarer ikke" in window.sync_label.toolTip())
    text = window.sync_label.toolTip()
    assert text.startswith("Offline – tjenesten svarer ikke · sidst synkroniseret ")
    assert window.outbox_label.text() == "Ændringer der venter på at blive sendt: 7"
    assert page.error.isVisible() and page.sync_button.isEnabled()
    shoot(window, "sync-offline", "sync")


def test_the_enroll_dialog_asks_for_address_and_code(qtbot, monkeypatch):
    dialog = EnrollDialog("http://127.0.0.1:8765")
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.code, "ABC-123")
    assert (dialog.url.text(), dialog.code.text()) == ("http://127.0.0.1:8765", "ABC-123")


def test_models_pass_the_model_tester(window, demo_store, qtmodeltester, qtbot):
    add_conflict(demo_store, make_employer(demo_store))
    page = window.show_page("sync")
    page.refresh()
    settle(qtbot, window.ops)
    for model in (page.waiting_model, page.conflict_model, page.history_model):
        qtmodeltester.check(model)


def test_a_change_to_a_citizen_who_moved_shows_what_to_hand_over_and_leaves_when_done(
        window, demo_store, qtbot, ops):
    from sync.client.wipe import _moved_entry
    server_value, client_value = _moved_entry(
        "Ali Hansen", "citizen", ["notes", "phone"],
        {"notes": "Starter gerne 1/12, ring først", "phone": "20304050"})
    with demo_store.write(journal=False) as s:
        s.add(SyncConflict(entity="citizen", entity_id="gone-citizen-id", field="",
                           server_value=server_value, client_value=client_value,
                           winner="server", policy="rejected"))
    page: SyncPage = window.show_page("sync")
    page.refresh()
    settle(qtbot, window.ops)
    window.resize(1280, 800)
    page.tabs.setCurrentIndex(1)
    row = page.conflict_model.rows[0]
    assert row[0] == "Borger: Ali Hansen"  # not the id of a record that is gone
    assert row[2].startswith("Borgeren er flyttet til en anden konsulent")
    assert row[3].startswith("Ali Hansen: Noter, Telefon")
    # the change as it was made, to hand over to the citizen's new consultant
    assert page.client_box.toPlainText() == ("Ali Hansen: Noter, Telefon\n"
                                             "Noter: Starter gerne 1/12, ring først\n"
                                             "Telefon: 20304050")
    assert "give den videre" in page.conflict_note.text()
    assert page.keep_server.text() == "&Overdraget – fjern fra listen"
    shoot(window, "sync-citizen-moved", "sync")
    qtbot.mouseClick(page.keep_server, qtbot_left())
    settle(qtbot, ops)
    with demo_store.read() as s:
        assert s.scalars(select(SyncConflict)).all() == []
    assert page.tabs.tabText(1) == "Konflikter (0)"


def test_a_change_that_could_not_be_applied_is_shown_as_set_aside(window, demo_store, qtbot):
    """A pulled change the store refuses (an agreement without its type) is set aside by the
    real apply path; the page lists it in plain Danish and the rest of the page applied."""
    from consultant_app.store.models import PlacementAgreement
    from sync.client.apply import apply_page

    employer_id = make_employer(demo_store, name="Hel ApS")
    bad = {"seq": 9001, "entity": "placement_agreement", "entity_id": "bad-agreement-1",
           "version": 1, "values": {"status": "draft", "employer_id": employer_id},
           "modified_at": "2026-11-25T10:00:00"}
    good = {"seq": 9002, "entity": "employer", "entity_id": "new-employer-1", "version": 1,
            "values": {"cvr": "10000009", "name": "Modtaget ApS"},
            "modified_at": "2026-11-25T10:00:01"}
    with demo_store.write(journal=False) as s:
        result = apply_page(s, [bad, good])
    assert (result.quarantined, result.inserted) == (1, 1)
    with demo_store.read() as s:
        assert s.get(Employer, "new-employer-1").name == "Modtaget ApS"
        assert s.get(PlacementAgreement, "bad-agreement-1") is None
    page: SyncPage = window.show_page("sync")
    page.refresh()
    settle(qtbot, window.ops)
    window.resize(1280, 800)
    page.tabs.setCurrentIndex(3)
    assert page.tabs.tabText(3) == "Lagt til side (1)"
    what, ident, _first, attempts, why = page.quarantine_model.rows[0]
    assert (what, ident, attempts) == ("Aftale", "bad-agreement-1", "1")
    assert why.startswith("En ændring fra den centrale tjeneste kunne ikke gemmes på denne "
                          "computer")
    shoot(window, "sync-set-aside", "sync")


def test_an_edit_lost_to_a_delete_offers_making_the_record_anew_not_keep_mine(
        window, demo_store, qtbot, ops):
    employer_id = make_employer(demo_store, name="Slettet ApS", notes="Aftalt møde 14/12")
    with demo_store.write(journal=False) as s:
        s.get(Employer, employer_id).deleted = True  # deleted on another device, pulled
        s.add(SyncConflict(entity="employer", entity_id=employer_id, field="deleted",
                           server_value=json.dumps(True),
                           client_value=json.dumps({"notes": "Ring før besøget"}),
                           winner="server", policy="delete_wins"))
    page: SyncPage = window.show_page("sync")
    page.refresh()
    settle(qtbot, window.ops)
    window.resize(1280, 800)
    page.tabs.setCurrentIndex(1)
    assert "En sletning kan ikke gøres om" in page.conflict_note.text()
    assert page.conflict_model.rows[0][1:4] == ("(sletning)", "Slettet",
                                               "Noter: Ring før besøget")
    assert page.keep_client.text() == "&Opret igen som ny post"  # not "keep mine"
    assert page.keep_server.text() == "F&orstået – lad den være slettet"
    shoot(window, "sync-delete-won", "sync")

    qtbot.mouseClick(page.keep_client, qtbot_left())
    settle(qtbot, ops)
    with demo_store.read() as s:
        [fresh] = s.scalars(select(Employer).where(Employer.name == "Slettet ApS",
                                                   Employer.deleted.is_(False))).all()
        assert fresh.id != employer_id and fresh.notes == "Ring før besøget"
        assert s.get(Employer, employer_id).deleted
        assert s.scalars(select(OutboxEntry).where(OutboxEntry.entity_id == fresh.id)).one().op \
            == "create"
    assert page.tabs.tabText(1) == "Konflikter (0)"


def test_a_change_the_service_refused_shows_its_reason_in_the_windows_language(
        window, demo_store, qtbot):
    """The service's refusal is kept as the engine keeps it (its Danish words and its
    template, protocol "Errors") and shown in English in an English window: before, the
    Danish words were all a device had."""
    from sync.client.errors import refusal_value
    from sync.protocol import OperationResult
    from sync.server.service import _out_of_scope
    from ui.i18n import install_translator

    refused = _out_of_scope("employer")
    result = OperationResult(op_id="op-1", status="rejected", entity="employer",
                             entity_id="e-1", code=refused.code, message=refused.text.render(),
                             text=refused.text.to_wire())
    employer_id = make_employer(demo_store)
    with demo_store.write(journal=False) as s:
        s.add(SyncConflict(entity="employer", entity_id=employer_id, field="",
                           server_value=json.dumps(refusal_value(result)),
                           client_value=json.dumps({"notes": "Ring før besøget"}),
                           winner="server", policy="rejected"))
    assert install_translator("en")
    try:
        page: SyncPage = window.show_page("sync")
        page.refresh()
        settle(qtbot, window.ops)
        page.tabs.setCurrentIndex(1)
        page.conflict_view.selectRow(0)
        english = "The device has no access to this record (employer)."
        assert page.conflict_model.rows[0][2] == english
        assert page.server_box.toPlainText() == english
    finally:
        install_translator("da")
