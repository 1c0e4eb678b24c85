"""The signer reads what they sign: "Se aftalen" in the signing dialog shows the agreement's
content, the same as the PDF prints, zoomable, and goes back to the pad as it was left.

Before: the citizen confirmed "har læst aftalen" without being shown it; neither the wizard's
last step nor the signing dialog showed the content.
"""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt

from forms import agreements as A
from forms.pdf import display_value, render_agreement
from tests.support.desktop import settle, shoot
from tests.support.pad import open_dialog, sign_name
from tests.support.signing import ready_draft

pytestmark = pytest.mark.empty_profile  # each test makes the agreement it works on


def _words(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def test_se_aftalen_shows_what_the_pdf_holds_and_returns_to_the_pad_as_left(
        store, ops, qtbot) -> None:
    agreement_id = ready_draft(store)
    dialog = open_dialog(ops, agreement_id, qtbot)
    sign_name(dialog.pad.canvas, seed=2)  # drawn, not yet signed
    drawn = dialog.pad.strokes()
    assert drawn

    qtbot.mouseClick(dialog.read_button, Qt.MouseButton.LeftButton)
    assert dialog.right.currentWidget() is dialog.reader and dialog.reader.isVisible()
    shown = _words(dialog.reader.text.toPlainText())
    with store.read() as s:
        doc = A.load(s, agreement_id)
        pdf_text = _words(" ".join(page.extract_text() for page in
                                   PdfReader(io.BytesIO(render_agreement(doc))).pages))
    assert doc.template.legal_basis in shown
    checked = 0
    for spec in doc.template.all_fields():
        value = display_value(spec, doc.values.get(spec.key)) if spec.pdf else ""
        if value and len(value) < 60:  # long texts wrap differently on paper
            assert value in shown, spec.key
            assert value in pdf_text, spec.key  # the screen and the paper agree
            checked += 1
    assert checked >= 8
    assert "Afklaring af jobmål" in shown
    for role in doc.template.required_signers(doc.values):
        assert _words(role.consent) in shown
    shoot(dialog, "signing-reader")

    before = dialog.reader.text.font().pointSizeF()
    qtbot.mouseClick(dialog.reader.larger, Qt.MouseButton.LeftButton)
    assert dialog.reader.text.font().pointSizeF() > before

    qtbot.mouseClick(dialog.reader.back_button, Qt.MouseButton.LeftButton)
    assert dialog.right.currentIndex() == 0 and dialog.right.isEnabled()
    assert dialog.pad.strokes() == drawn  # the signature drawn before reading is kept
    settle(qtbot, ops)
