"""The agreements page hands a ready agreement to the signing flow, loaded on first use."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from tests.support.desktop import settle
from tests.support.signing import ready_draft
from ui.views.agreements import AgreementsPage
from ui.views.signing import SigningDialog

pytestmark = pytest.mark.empty_profile  # each test makes the agreement it works on


def test_ready_to_sign_opens_the_signing_dialog_for_that_agreement(store, ops, qtbot):
    agreement_id = ready_draft(store)
    page = AgreementsPage(ops)
    qtbot.addWidget(page)
    settle(qtbot, ops)
    page.open_item(agreement_id)
    settle(qtbot, ops)
    dialog = page.open_signing(agreement_id)
    settle(qtbot, ops)
    assert dialog.agreement_id == agreement_id
    assert dialog.isVisible()
    dialog.close()
    page.ready_to_sign.emit(agreement_id)  # later requests go straight to the flow
    settle(qtbot, ops)
    opened = [w for w in QApplication.topLevelWidgets()
              if isinstance(w, SigningDialog) and w.isVisible()]
    assert [w.agreement_id for w in opened] == [agreement_id]
