"""Renders each step of the agreement wizard in the main window to PNG files, for a person to
look at (layout, clipping, Danish text): var/screenshots/agreement-*.png, or SCREENSHOT_DIR."""

from __future__ import annotations

import datetime as dt

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from forms import agreements as fa
from tests.support.desktop import SHOTS, settle, shoot
from tests.support.pictures import has_colour, load, shows_text, where
from tests.support.wizard import agreements_page, seed_parties
from ui.style import ERROR_COLOUR
from ui.views.agreement_wizard import STEP_CHECK, STEP_FILL, STEP_READY


def test_every_wizard_step_renders_to_png(window, ops, qtbot, demo_store):
    parties = seed_parties(demo_store, dt.date.today() - dt.timedelta(days=3))
    window.resize(1280, 800)
    written = []

    def picture(name: str) -> QImage:
        """The window in agreement-<name>.png, once the background work is done; what the
        file holds, with the wizard's steps bar naming the step shown."""
        settle(qtbot, ops)
        path = shoot(window, f"agreement-{name}")
        written.append(path)
        image = load(path)
        wizard = agreements_page(window).wizard
        if window.current_page_key() == "agreements" and wizard.isVisible():
            bar = wizard.steps
            assert shows_text(image, window, bar, bar.tabRect(bar.currentIndex())), name
        return image

    employers = window.show_page("employers")
    employers.open_item(parties.employer_id)
    employers.panel.tabs.setCurrentIndex(employers.panel.TAB_AGREEMENTS)
    image = picture("0-employer-tab")
    button = employers.panel.new_agreement_button
    assert shows_text(image, window, button), "the employer's Ny aftale button"
    employers.panel.new_agreement_button.click()
    page = agreements_page(window)
    wizard = page.wizard
    image = picture("1-type-and-parties")
    assert shows_text(image, window, wizard.start.employer)  # the employer, chosen
    wizard.next_button.click()
    settle(qtbot, ops)
    assert wizard.current_step() == STEP_CHECK
    image = picture("2-check-prefilled")
    prefilled = wizard.editors["employer_name"]
    assert prefilled.raw() == "Bageriet Aps" and shows_text(image, window, prefilled.input)
    wizard.go_to(STEP_FILL)
    hours = wizard.editors["end_date"]
    hours.input.setText("1-1-2030")
    hours.commit.emit("end_date")
    wizard.editors["working_hours"].input.setText("mandag til")
    wizard.editors["working_hours"].commit.emit("working_hours")
    settle(qtbot, ops)
    wizard.editors["purpose"].focus()
    picture("3-fill-new")
    wizard.editors["hours_per_week"].input.setText("mange")
    wizard.editors["hours_per_week"].commit.emit("hours_per_week")
    wizard.go_to(STEP_CHECK)
    settle(qtbot, ops)
    QApplication.processEvents()
    wizard.focus_field("hours_per_week")
    image = picture("3b-refused-value")
    clipped = [f"{key}.{name}" for key, editor in wizard.editors.items()
               for name in ("note", "problem", "finding", "help")
               if (label := getattr(editor, name)).isVisible()
               and label.height() < label.heightForWidth(label.width())]
    assert clipped == [], "wrapped texts drawn in less height than they need"
    refused = wizard.editors["hours_per_week"].problem
    assert refused.text() == "Skal være et tal, ikke 'mange'."
    assert has_colour(where(image, window, refused), ERROR_COLOUR) >= 20, \
        "the refused value's message is not drawn in the error colour"
    wizard.editors["hours_per_week"].input.setText("15")
    wizard.editors["end_date"].input.clear()
    wizard.go_to(STEP_READY)
    image = picture("4-not-ready")
    assert "Ikke klar" in wizard.ready.banner.text()
    assert shows_text(image, window, wizard.ready.banner)
    wizard.go_to(STEP_FILL)
    wizard.editors["purpose"].input.setPlainText("Afklaring af jobmål")
    wizard.go_to(STEP_READY)
    settle(qtbot, ops)
    for ack in list(wizard.ready.acknowledgements.values()):
        ack.note.setText("Godkendt telefonisk af jobcenteret før start")
        ack.button.click()
        settle(qtbot, ops)
    image = picture("5-ready-to-sign")
    assert "Klar til underskrift" in wizard.ready.banner.text()
    assert shows_text(image, window, wizard.ready.banner)

    agreement_id = wizard.state.agreement_id
    with demo_store.write() as s:
        doc = fa.load(s, agreement_id)
        doc.record.status, doc.record.content_hash = fa.SIGNED, fa.content_hash(doc)
    page.wizard.state = None
    page.refresh()
    page.open_item(agreement_id)
    image = picture("6-signed-read-only")
    assert shows_text(image, window, wizard.frozen.text)  # the read-only notice, on its own
    assert has_colour(where(image, window, wizard.frozen), "#fff4e0", tolerance=4) > 100
    print(f"\nscreenshots in {SHOTS}: " + ", ".join(p.name for p in written))
