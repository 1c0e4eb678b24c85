"""The agreements page hands a ready agreement to the signing flow, loaded on first use."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from ui.views.agreements import AgreementsPage
from ui.views.signing import SigningDialog

from .page_fixtures import settle
from .test_signing import make_agreement, ops  # noqa: F401


def test_ready_to_sign_opens_the_signing_dialog_for_that_agreement(store, ops, qtbot):  # noqa: F811
    agreement_id = make_agreement(store)
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
