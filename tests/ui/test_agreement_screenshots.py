"""Renders each step of the agreement wizard in the main window to PNG files, for a person to
look at (layout, clipping, Danish text): var/screenshots/agreement-*.png, or SCREENSHOT_DIR."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from PySide6.QtWidgets import QApplication

from forms import agreements as fa
from tests.support.desktop import settle
from tests.support.wizard import agreements_page, seed_parties
from ui.views.agreement_wizard import STEP_CHECK, STEP_FILL, STEP_READY


SHOTS = Path(os.environ.get("SCREENSHOT_DIR", Path(__file__).resolve().parents[2]
                            / "var" / "screenshots"))


def test_every_wizard_step_renders_to_png(window, ops, qtbot, demo_store):
    parties = seed_parties(demo_store, dt.date.today() - dt.timedelta(days=3))
    window.resize(1280, 800)
    SHOTS.mkdir(parents=True, exist_ok=True)
    written = []

    def shoot(name: str) -> None:
        settle(qtbot, ops)
        QApplication.processEvents()
        path = SHOTS / f"agreement-{name}.png"
        assert window.grab().save(str(path))
        written.append(path)

    employers = window.show_page("employers")
    employers.open_item(parties.employer_id)
    employers.panel.tabs.setCurrentIndex(employers.panel.TAB_AGREEMENTS)
    shoot("0-employer-tab")
    employers.panel.new_agreement_button.click()
    page = agreements_page(window)
    wizard = page.wizard
    shoot("1-type-and-parties")
    wizard.next_button.click()
    settle(qtbot, ops)
    assert wizard.current_step() == STEP_CHECK
    shoot("2-check-prefilled")
    wizard.go_to(STEP_FILL)
    hours = wizard.editors["end_date"]
    hours.input.setText("1-1-2030")
    hours.commit.emit("end_date")
    wizard.editors["working_hours"].input.setText("mandag til")
    wizard.editors["working_hours"].commit.emit("working_hours")
    settle(qtbot, ops)
    wizard.editors["purpose"].focus()
    shoot("3-fill-new")
    wizard.editors["hours_per_week"].input.setText("mange")
    wizard.editors["hours_per_week"].commit.emit("hours_per_week")
    wizard.go_to(STEP_CHECK)
    settle(qtbot, ops)
    QApplication.processEvents()
    wizard.focus_field("hours_per_week")
    shoot("3b-refused-value")
    wizard.editors["hours_per_week"].input.setText("15")
    wizard.editors["end_date"].input.clear()
    wizard.go_to(STEP_READY)
    shoot("4-not-ready")
    wizard.go_to(STEP_FILL)
    wizard.editors["purpose"].input.setPlainText("Afklaring af jobmål")
    wizard.go_to(STEP_READY)
    settle(qtbot, ops)
    for ack in list(wizard.ready.acknowledgements.values()):
        ack.note.setText("Godkendt telefonisk af jobcenteret før start")
        ack.button.click()
        settle(qtbot, ops)
    shoot("5-ready-to-sign")

    agreement_id = wizard.state.agreement_id
    with demo_store.write() as s:
        doc = fa.load(s, agreement_id)
        doc.record.status, doc.record.content_hash = fa.SIGNED, fa.content_hash(doc)
    page.wizard.state = None
    page.refresh()
    page.open_item(agreement_id)
    shoot("6-signed-read-only")
    print(f"\nscreenshots in {SHOTS}: " + ", ".join(p.name for p in written))
    assert all(p.stat().st_size > 10_000 for p in written)
