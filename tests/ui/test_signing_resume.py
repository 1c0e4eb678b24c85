"""Signing can pause and go on: a party signs, the dialog is closed (a citizen who signs later,
a misclick on "Luk"), and the agreement shows who is still to sign and opens the signing
again, now and after a restart.

Before: the page said "Aftalen er underskrevet" while the status was "Under underskrift",
"Underskriv…" stayed disabled (also after a restart), and the only way on was a new version
that threw the signature away.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from forms import agreements as A
from tests.support.desktop import settle
from tests.support.pad import open_dialog, sign_name
from tests.support.signing import ready_draft
from tests.support.wizard import open_agreement
from ui.views import signing as S

pytestmark = pytest.mark.empty_profile  # each test makes the agreement it works on


def _sign_first_party(qtbot, ops, agreement_id: str) -> None:
    """The employer signs on the pad; then the dialog is closed."""
    dialog = open_dialog(ops, agreement_id, qtbot)
    assert dialog.current is not None and dialog.current.role.role == "employer"
    dialog.identity.setCurrentIndex(dialog.identity.findData("id_shown"))
    sign_name(dialog.pad.canvas, seed=3)
    qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
    settle(qtbot, ops)
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)


def test_after_one_party_signed_the_agreement_says_who_is_missing_and_signing_goes_on(
        store, ops, qtbot) -> None:
    agreement_id = ready_draft(store)
    _sign_first_party(qtbot, ops, agreement_id)
    with store.read() as s:
        assert A.load(s, agreement_id).record.status == A.SIGNING

    page = open_agreement(ops, qtbot, agreement_id)  # as after a restart: read from the store
    wizard = page.wizard
    banner = wizard.ready.banner.text()
    assert "Aftalen er underskrevet" not in banner, banner
    assert "Underskrift i gang" in banner, banner
    waiting = wizard.ready.reasons.text()
    assert "Borger" in waiting and "Arbejdsgiver" not in waiting, waiting
    assert wizard.sign_button.isEnabled()
    assert "Fortsæt" in wizard.sign_button.text()

    qtbot.mouseClick(wizard.sign_button, Qt.MouseButton.LeftButton)
    dialogs = [w for w in QApplication.topLevelWidgets()
               if isinstance(w, S.SigningDialog) and w.isVisible()]
    assert len(dialogs) == 1 and dialogs[0].agreement_id == agreement_id
    dialog = dialogs[0]
    settle(qtbot, ops)
    # the employer has signed: the dialog goes on with the next party, not the first
    assert dialog.current is not None and dialog.current.role.role != "employer"
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)


def test_a_draft_that_is_not_ready_still_cannot_be_signed(store, ops, qtbot) -> None:
    agreement_id = ready_draft(store, purpose=None)  # a required field left empty
    page = open_agreement(ops, qtbot, agreement_id)
    assert not page.wizard.sign_button.isEnabled()
    assert "Fortsæt" not in page.wizard.sign_button.text()


def test_closing_the_dialog_after_one_signature_leaves_the_page_ready_to_go_on(
        store, ops, qtbot) -> None:
    agreement_id = ready_draft(store)
    page = open_agreement(ops, qtbot, agreement_id)
    wizard = page.wizard
    assert wizard.sign_button.isEnabled() and "Underskriv" in wizard.sign_button.text()
    qtbot.mouseClick(wizard.sign_button, Qt.MouseButton.LeftButton)
    dialog = next(w for w in QApplication.topLevelWidgets()
                  if isinstance(w, S.SigningDialog) and w.isVisible())
    settle(qtbot, ops)
    dialog.identity.setCurrentIndex(dialog.identity.findData("id_shown"))
    sign_name(dialog.pad.canvas, seed=5)
    qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
    settle(qtbot, ops)
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    settle(qtbot, ops)
    qtbot.waitUntil(lambda: "Underskrift i gang" in wizard.ready.banner.text(), timeout=5000)
    assert wizard.sign_button.isEnabled() and "Fortsæt" in wizard.sign_button.text()
