"""Driving the agreement wizard in tests: the parties a consultant has at the employer's table,
a counter of what the consultant does, and the wizard's steps from the employer page to an
agreement ready to sign."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QWidget

from consultant_app.store import Store
from tests.support.bakery import Parties, seed_bakery
from tests.support.desktop import settle, show_page
from tests.support.pad import draw
from ui.main_window import MainWindow
from ui.ops import Ops
from ui.views.agreement_wizard import (
    STEP_CHECK,
    STEP_FILL,
    STEP_READY,
    AgreementWizard,
    new_agreement_ref,
)
from ui.views.agreements import AgreementsPage
from ui.views.employers import EmployerPanel, EmployersPage


def seed_parties(store: Store, start: dt.date) -> Parties:
    """The bakery with its match agreed: what a consultant has when they sit down at the
    employer's table."""
    with store.write() as s:
        return seed_bakery(s, start, name="Bageriet Aps", ordinary_employees=20,
                           description="Pakke brød og gøre butikken klar", agreed=True)


@dataclass
class Interactions:
    """Counts what a consultant does: each click, each typed field, each key press and each
    pen stroke is one interaction; choosing from a list is two."""

    qtbot: object
    count: int = 0
    log: list[str] = field(default_factory=list)

    def click(self, widget: QWidget, what: str, pos=None) -> None:  # type: ignore[no-untyped-def]
        assert widget.isVisible() and widget.isEnabled(), what
        self.count += 1
        self.log.append(f"click {what}")
        if pos is None:
            self.qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
        else:
            self.qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=pos)

    def type(self, widget: QWidget, text: str, what: str) -> None:
        assert widget.isVisible() and widget.isEnabled(), what
        self.count += 1
        self.log.append(f"type {what}")
        self.qtbot.keyClicks(widget, text)

    def key(self, widget: QWidget, key: Qt.Key, what: str,
            modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        self.count += 1
        self.log.append(f"key {what}")
        self.qtbot.keyClick(widget, key, modifier)

    def chord(self, widget: QWidget, action: QAction, what: str) -> None:
        """An action's own shortcut, pressed where the focus is."""
        combo = action.shortcut()[0]
        self.key(widget, combo.key(), what, combo.keyboardModifiers())

    def choose(self, combo: QComboBox, data: str, what: str) -> None:
        """Open a list and pick an item: two clicks."""
        assert combo.isVisible() and combo.isEnabled(), what
        self.count += 2
        self.log.append(f"choose {what}")
        combo.setFocus()
        combo.setCurrentIndex(combo.findData(data))

    def stroke(self, canvas: QWidget, points: list[tuple[int, int]], what: str) -> None:
        self.count += 1
        self.log.append(f"stroke {what}")
        draw(canvas, points)


def agreements_page(window: MainWindow) -> AgreementsPage:
    page = window.pages["agreements"]
    assert isinstance(page, AgreementsPage)
    return page


def start_from_employer(window: MainWindow, parties: Parties, ui: Interactions
                        ) -> AgreementWizard:
    """The employer's Aftaler tab, then Ny aftale: the wizard at its first step."""
    employers = window.show_page("employers")
    assert isinstance(employers, EmployersPage)
    employers.open_item(parties.employer_id)
    panel = employers.panel
    bar = panel.tabs.tabBar()
    ui.click(bar, "fanen Aftaler", pos=bar.tabRect(EmployerPanel.TAB_AGREEMENTS).center())
    ui.click(panel.new_agreement_button, "Ny aftale")
    assert window.current_page_key() == "agreements"
    settle(ui.qtbot, window.ops)  # the employer's matches are read off the UI thread
    return agreements_page(window).wizard


def create_agreement(ui: Interactions, wizard: AgreementWizard, qtbot, ops: Ops) -> None:  # type: ignore[no-untyped-def]
    """Opret aftale: the draft is made and the wizard shows what it took from the records."""
    ui.click(wizard.next_button, "Opret aftale")
    settle(qtbot, ops)
    assert wizard.state is not None and wizard.current_step() == STEP_CHECK


def fill_to_ready(ui: Interactions, wizard: AgreementWizard, qtbot, ops: Ops,  # type: ignore[no-untyped-def]
                  key: str, value: str, what: str) -> None:
    """From the check step: type ``value`` into the one empty required field ``key`` (focused
    for the consultant), then acknowledge whatever warnings the rules give, with a note."""
    ui.click(wizard.next_button, "Næste")
    assert wizard.current_step() == STEP_FILL
    editor = wizard.editors[key].input
    qtbot.waitUntil(editor.hasFocus)
    ui.type(editor, value, what)
    ui.click(wizard.next_button, "Næste")
    settle(qtbot, ops)
    assert wizard.current_step() == STEP_READY
    for warning, ack in list(wizard.ready.acknowledgements.items()):
        if ack.note.isVisible():
            ui.type(ack.note, "Aftalt med virksomheden", f"note til {warning}")
            ui.click(ack.button, f"kvittér {warning}")
            settle(qtbot, ops)
    assert wizard.state.check.ready, [str(f.message) for f in wizard.state.check.blocking()]


def open_agreement(ops: Ops, qtbot, agreement_id: str) -> AgreementsPage:  # type: ignore[no-untyped-def]
    """The agreements page on its own, showing the agreement."""
    page = AgreementsPage(ops)
    show_page(page, ops, qtbot)
    page.open_item(agreement_id)
    settle(qtbot, ops)
    return page


def open_new_agreement(ops: Ops, qtbot, parties: Parties) -> AgreementsPage:  # type: ignore[no-untyped-def]
    """The agreements page on its own, its wizard started for the parties' employer and
    match (what they offer still on its way: ``choose_type`` waits for it)."""
    page = AgreementsPage(ops)
    show_page(page, ops, qtbot)
    page.open_item(new_agreement_ref(employer_id=parties.employer_id,
                                     match_id=parties.match_id))
    return page


def choose_type(wizard: AgreementWizard, agreement_type: str, qtbot, ops: Ops) -> None:  # type: ignore[no-untyped-def]
    """Pick ``agreement_type`` at the first step and make the draft."""
    settle(qtbot, ops)  # the first step is complete
    wizard.start.set_type(agreement_type)
    wizard.start._type_clicked()
    wizard.next_button.click()
    settle(qtbot, ops)
    assert wizard.state is not None and wizard.state.agreement_type == agreement_type
