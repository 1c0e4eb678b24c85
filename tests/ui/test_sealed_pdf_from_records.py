"""A sealed agreement's PDF from the employer's and the citizen's pages:
choose the agreement in their Aftaler lists, then save, open or print it as on the agreement
page (one ``SealedPdfActions`` for both). A draft offers no PDF and says when it will."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter

from consultant_app.device import device_identity
from consultant_app.store.models import PlacementAgreement
from forms.agreements import create_draft
from tests.support.desktop import settle, shoot
from tests.support.signing import ready_draft, seal, sign_all
from ui.views.citizens import CitizensPage
from ui.views.employers import EmployerPanel, EmployersPage
from ui.views.partials import sealed_pdf as P

pytestmark = pytest.mark.empty_profile  # each test makes the agreement it works on


def sealed_agreement(store) -> tuple[PlacementAgreement, bytes]:  # type: ignore[no-untyped-def]
    agreement_id = ready_draft(store)
    me = device_identity(store)
    sign_all(store, agreement_id, me)
    pdf = seal(store, agreement_id, me)
    with store.read() as s:
        return s.get(PlacementAgreement, agreement_id), pdf


def choose_row(qtbot, view, row: int) -> None:  # type: ignore[no-untyped-def]
    index = view.model().index(row, 0)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.visualRect(index).center())


def fake_dialogs(monkeypatch, tmp_path: Path) -> tuple[Path, list[str], list[Path], Path]:  # type: ignore[no-untyped-def]
    target = tmp_path / "aftale.pdf"
    asked: list[str] = []
    opened: list[Path] = []
    printed = tmp_path / "printed.pdf"
    monkeypatch.setattr(P.SavePdfDialog, "ask", classmethod(
        lambda cls, parent, name: asked.append(name) or target))
    monkeypatch.setattr(P, "open_pdf", opened.append)

    def to_file(cls, parent):  # type: ignore[no-untyped-def]
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        return printer
    monkeypatch.setattr(P.PrintPdfDialog, "ask", classmethod(to_file))
    return target, asked, opened, printed


def use_actions(qtbot, actions: P.SealedPdfActions, pdf: bytes, target: Path,  # type: ignore[no-untyped-def]
                asked: list[str], opened: list[Path], printed: Path) -> None:
    for button in actions.buttons():
        assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(actions.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(target.exists, timeout=10000)
    assert target.read_bytes() == pdf  # the sealed bytes
    assert asked and "Ali Hansen" in asked[0] and asked[0].endswith(".pdf")
    qtbot.mouseClick(actions.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: opened == [target], timeout=10000)
    assert len(asked) == 1  # opened where it was saved
    qtbot.mouseClick(actions.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "sider sendt til printeren" in actions.message.text(),
                    timeout=20000)
    assert len(PdfReader(str(printed)).pages) == len(PdfReader(str(target)).pages)


def test_the_employer_page_reaches_a_sealed_agreements_pdf(store, ops, qtbot, tmp_path,
                                                           monkeypatch) -> None:
    agreement, pdf = sealed_agreement(store)
    target, asked, opened, printed = fake_dialogs(monkeypatch, tmp_path)
    page = EmployersPage(ops)
    qtbot.addWidget(page)
    page.resize(1366 - 180, 768 - 60)
    page.show()
    settle(qtbot, ops)
    page.open_item(agreement.employer_id)
    settle(qtbot, ops)  # the employer and its lists are read off the UI thread
    panel = page.panel
    bar = panel.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton,
                     pos=bar.tabRect(EmployerPanel.TAB_AGREEMENTS).center())
    actions = panel.agreement_pdf
    assert not actions.save_button.isEnabled()  # nothing chosen yet
    choose_row(qtbot, panel.related_views["placement_agreement"], 0)
    shoot(page, "employer-agreements-pdf")
    use_actions(qtbot, actions, pdf, target, asked, opened, printed)


def test_the_citizen_page_reaches_a_sealed_agreements_pdf_and_a_draft_says_why_not(
        store, ops, qtbot, tmp_path, monkeypatch) -> None:
    agreement, pdf = sealed_agreement(store)
    with store.write() as s:  # a second agreement of the same citizen, still a draft
        draft = create_draft(s, "virksomhedspraktik", employer_id=agreement.employer_id,
                             citizen_id=agreement.citizen_id).id
    target, asked, opened, printed = fake_dialogs(monkeypatch, tmp_path)
    page = CitizensPage(ops)
    qtbot.addWidget(page)
    page.resize(1366 - 180, 768 - 60)
    page.show()
    settle(qtbot, ops)
    page.open_item(agreement.citizen_id)
    tabs = page.lower.tabBar()
    qtbot.waitUntil(lambda: tabs.tabText(1) == "Aftaler (2)")  # read off the UI thread
    qtbot.mouseClick(tabs, Qt.MouseButton.LeftButton, pos=tabs.tabRect(1).center())
    view = page.agreements_view
    assert view.isVisible()
    assert page.agreements.rowCount() == 2
    draft_row = page.agreements.row_of(draft)
    choose_row(qtbot, view, draft_row)
    assert not page.agreement_pdf.save_button.isEnabled()
    assert "forseglet" in page.agreement_pdf.message.text()
    choose_row(qtbot, view, page.agreements.row_of(agreement.id))
    shoot(page, "citizen-agreements-pdf")
    use_actions(qtbot, page.agreement_pdf, pdf, target, asked, opened, printed)
