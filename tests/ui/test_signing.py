"""The signing dialog: every party of a virksomhedspraktik signs on the pad with mouse strokes,
the agreement is sealed and the PDF saved; what is missing or refused is said next to its
cause; blocking findings keep the pad closed; ``attach`` opens the dialog from a page."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pypdf
import pypdfium2
import pytest
from PIL import Image
from PySide6.QtCore import Qt, Signal
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from forms import agreements as A
from forms.verify import verify_pdf
from tests.support.desktop import settle, shoot
from tests.support.pad import draw, open_dialog, sign_name
from tests.support.signing import ready_draft
from ui.views import signing as S

ROOT = Path(__file__).resolve().parents[2]
PREVIEWS = Path(os.environ.get("PDF_PREVIEW_DIR", ROOT / "var" / "pdf-previews"))


pytestmark = pytest.mark.empty_profile  # each test makes the agreement it signs


def test_every_party_signs_on_the_pad_and_the_sealed_pdf_opens(store, ops, qtbot, tmp_path,
                                                               monkeypatch) -> None:
    agreement_id = ready_draft(store)
    dialog = open_dialog(ops, agreement_id, qtbot)
    roles = [dialog.parties.item(i).data(S.ROLE) for i in range(dialog.parties.count())]
    assert roles == ["employer", "employee_representative", "citizen", "consultant"]
    expected = {"employer": ("Lone Bager", "id_shown"),
                "employee_representative": ("Per Tillid", "known"),
                "citizen": ("Ali Hansen", "id_shown"),
                "consultant": ("Test Konsulent", "known")}
    drawn: dict[str, list] = {}
    for n, role in enumerate(roles):
        assert dialog.current is not None and dialog.current.role.role == role
        name, identity = expected[role]
        assert dialog.name_edit.text() == name  # prefilled from the agreement
        # The consultant is the signed-in user: not asked how their own identity was checked.
        consultant = role == "consultant"
        assert dialog.identity.isVisible() is not consultant
        assert dialog.identity_known.isVisible() is consultant
        if consultant:
            assert dialog.identity.currentData() == "known"
            shoot(dialog, "signing-consultant")
        assert dialog.pad.is_empty() and not dialog.sign_button.isEnabled()
        assert "Jeg bekræfter" in dialog.pad.consent_label.text()
        dialog.identity.setCurrentIndex(dialog.identity.findData(identity))
        sign_name(dialog.pad.canvas, seed=n)
        assert dialog.sign_button.isEnabled(), dialog.missing.text()
        drawn[role] = dialog.pad.strokes()
        if n == 0:
            shoot(dialog, "signing-dialog")
        qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
        settle(qtbot, ops)
        assert name in dialog.notice.text()
    assert dialog.right.currentIndex() == 1 and dialog.seal_button.isVisible()
    shoot(dialog, "signing-all-signed")

    target = tmp_path / "aftale.pdf"
    asked: list[str] = []
    monkeypatch.setattr(S.SavePdfDialog, "ask",
                        classmethod(lambda cls, parent, name: asked.append(name) or target))
    qtbot.mouseClick(dialog.seal_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.saved_path is not None, timeout=30000)
    settle(qtbot, ops)
    assert asked and asked[0].endswith(".pdf") and "Ali Hansen" in asked[0]
    assert dialog.open_button.isVisible() and str(target) in dialog.done_text.text()
    shoot(dialog, "signing-sealed")

    with store.read() as s:
        doc = A.load(s, agreement_id)
        assert doc.record.status == A.SEALED and doc.record.pdf_sha256
        signatures = {sig.role: sig for sig in A.signatures(s, agreement_id)}
        for role, (name, identity) in expected.items():
            sig = signatures[role]
            assert (sig.signer_name, sig.identity_check) == (name, identity)
            assert sig.content_hash == doc.record.content_hash
            stored = json.loads(sig.strokes)
            assert (stored["pad_width"], stored["pad_height"]) == dialog.pad.pad_size()
            assert [[tuple(p) for p in st] for st in stored["strokes"]] == drawn[role]

    data = target.read_bytes()
    again = open_dialog(ops, agreement_id, qtbot)  # a sealed agreement opened later
    assert again.right.currentIndex() == 1 and again.save_button.isVisible()
    assert not again.seal_button.isVisible()
    copy = tmp_path / "kopi.pdf"
    monkeypatch.setattr(S.SavePdfDialog, "ask", classmethod(lambda cls, parent, name: copy))
    qtbot.mouseClick(again.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot, ops)
    assert copy.read_bytes() == data
    reader = pypdf.PdfReader(target)
    text = "\n".join(page.extract_text() for page in reader.pages)
    for name, _identity in expected.values():
        assert name in text
    report = verify_pdf(data)
    assert report.intact, report.problems
    assert {s.role for s in report.signers} == set(expected)

    PREVIEWS.mkdir(parents=True, exist_ok=True)
    pdf = pypdfium2.PdfDocument(data)
    pngs = []
    for index in range(len(pdf)):
        path = PREVIEWS / f"signed-virksomhedspraktik-{index + 1}.png"
        pdf[index].render(scale=1.6).to_pil().save(path)
        pngs.append(path)
    pdf.close()
    print(f"\nsigned PDF pages: {', '.join(str(p) for p in pngs)}")
    # Every page has text; the four signatures are drawn in the signature ink (forms/pdf.py
    # STROKE, a dark blue the text never has).
    assert all(near(p, "#1F2933") > 1000 for p in pngs)
    assert sum(near(p, "#0B1F66") for p in pngs) > 4 * 150


def near(png: Path, colour: str, tolerance: int = 30) -> int:
    """How many pixels of the picture are within ``tolerance`` of ``colour`` in each of red,
    green and blue."""
    image = Image.open(png).convert("RGB")
    want = tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return sum(count for count, rgb in image.getcolors(image.width * image.height)
               if all(abs(a - b) <= tolerance for a, b in zip(rgb, want)))


def test_underskriv_waits_for_a_name_an_identity_check_and_a_real_signature(
        store, ops, qtbot) -> None:
    agreement_id = ready_draft(store, with_tr=False)
    dialog = open_dialog(ops, agreement_id, qtbot)
    assert dialog.parties.count() == 3  # no employee representative named: not a signer
    assert "underskrift" in dialog.missing.text()

    dialog.name_edit.clear()
    assert dialog.name_problem.isVisible() and "navn" in dialog.name_problem.text()
    assert dialog.pad.name_label.text() == "(navn mangler)"
    dialog.identity.setCurrentIndex(1)
    sign_name(dialog.pad.canvas, seed=3)
    assert not dialog.sign_button.isEnabled() and "navn" in dialog.missing.text()
    QTest.keyClicks(dialog.name_edit, "Lone Bager")
    assert dialog.sign_button.isEnabled() and not dialog.name_problem.isVisible()
    assert dialog.pad.name_label.text() == "Lone Bager"

    dialog.pad.clear()
    draw(dialog.pad.canvas, [(100, 150), (104, 152), (108, 149), (112, 151)])  # a tick
    assert not dialog.sign_button.isEnabled()
    assert dialog.pad_problem.isVisible() and "for kort" in dialog.pad_problem.text()
    shoot(dialog, "signing-too-short")
    dialog.pad.undo()
    assert not dialog.pad_problem.isVisible() and "underskrift" in dialog.missing.text()


def test_any_party_still_to_sign_can_go_first(store, ops, qtbot) -> None:
    agreement_id = ready_draft(store)
    dialog = open_dialog(ops, agreement_id, qtbot)
    sign_name(dialog.pad.canvas, seed=1)
    dialog.parties.setCurrentRow(2)  # Borger
    assert dialog.current.role.role == "citizen"
    assert dialog.name_edit.text() == "Ali Hansen" and dialog.pad.is_empty()
    assert "deltager i praktikken" in dialog.pad.consent_label.text()
    assert dialog.pad.role_label.text() == "Borger"
    dialog.identity.setCurrentIndex(1)
    sign_name(dialog.pad.canvas, seed=2)
    qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
    settle(qtbot, ops)
    signed = dialog.parties.item(2)
    assert signed.text().startswith("✓") and not signed.flags() & Qt.ItemFlag.ItemIsSelectable
    assert dialog.current.role.role == "employer"  # back to the first still to sign


def test_what_the_core_refuses_is_shown_next_to_its_cause_and_nothing_is_saved(
        store, ops, qtbot) -> None:
    agreement_id = ready_draft(store)
    dialog = open_dialog(ops, agreement_id, qtbot)
    dialog.name_edit.setText("   ")
    draw(dialog.pad.canvas, [(100, 150), (130, 150)])
    dialog.sign_current()  # as if the button had been pressed anyway
    settle(qtbot, ops)
    assert "Skriv underskriverens navn" in dialog.name_problem.text()
    assert "identitet" in dialog.identity_problem.text()
    assert "for kort" in dialog.pad_problem.text()
    with store.read() as s:
        assert A.signatures(s, agreement_id) == []
        assert A.load(s, agreement_id).record.status == A.DRAFT


def test_blocking_findings_are_listed_and_the_pad_stays_closed(store, ops, qtbot) -> None:
    agreement_id = ready_draft(store, purpose=None)
    dialog = open_dialog(ops, agreement_id, qtbot)
    assert dialog.findings.isVisible()
    assert "Formål med praktikken" in dialog.findings.text()
    assert "kan ikke underskrives" in dialog.findings.text()
    assert not dialog.right.isEnabled() and not dialog.sign_button.isEnabled()
    shoot(dialog, "signing-blocked")


def test_signing_refused_by_findings_lists_them_after_the_attempt(store, ops, qtbot) -> None:
    """Findings that appear after the dialog opened (a change elsewhere) are refused by the
    core and then listed."""
    agreement_id = ready_draft(store)
    dialog = open_dialog(ops, agreement_id, qtbot)
    with store.write() as s:
        A.update_fields(s, agreement_id, {"purpose": ""})
    dialog.identity.setCurrentIndex(1)
    sign_name(dialog.pad.canvas, seed=5)
    qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
    settle(qtbot, ops)
    assert "kan ikke underskrives" in dialog.general_problem.text()
    assert dialog.findings.isVisible() and "Formål med praktikken" in dialog.findings.text()
    with store.read() as s:
        assert A.signatures(s, agreement_id) == []


class FakePage(QWidget):
    """Stands in for the agreements page: it only has what ``attach`` uses."""

    ready_to_sign = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.refreshed = 0

    def refresh(self) -> None:
        self.refreshed += 1


def test_attach_opens_the_dialog_when_the_page_is_ready_to_sign(store, ops, qtbot) -> None:
    agreement_id = ready_draft(store)
    page = FakePage()
    qtbot.addWidget(page)
    page.show()
    S.attach(page, ops)
    page.ready_to_sign.emit(agreement_id)
    dialogs = [w for w in QApplication.topLevelWidgets()
               if isinstance(w, S.SigningDialog) and w.isVisible()]
    assert len(dialogs) == 1 and dialogs[0].agreement_id == agreement_id
    dialog = dialogs[0]
    assert dialog.parent() is page and dialog.isModal()
    settle(qtbot, ops)
    assert dialog.name_edit.text() == "Lone Bager"
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert page.refreshed == 1


def test_file_names_keep_to_what_a_file_system_accepts() -> None:
    name = S.pdf_file_name("Aftale om virksomhedspraktik", 'A/B: "C"', dt.date(2026, 3, 2))
    assert name == "Aftale om virksomhedspraktik - A B C - 2026-03-02.pdf"
