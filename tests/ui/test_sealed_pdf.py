"""The sealed PDF one click away on the agreement page: save it where the consultant
chooses (the folder is offered again next time), open it, print it through Qt's print
dialog.

Before: a sealed agreement's PDF could not be reached again from the desktop once the
signing dialog was closed, and "Lav ny version…" was offered for it though the core refuses
a new version of a sealed agreement.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter

from consultant_app.device import device_identity
from tests.support.desktop import shoot
from tests.support.signing import ready_draft, seal, sign_all
from tests.support.wizard import open_agreement
from ui.views.agreements import AgreementsPage
from ui.views.partials import sealed_pdf as P

pytestmark = pytest.mark.empty_profile  # each test makes the agreement it works on

SHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"


def _sealed_page(store, ops, qtbot) -> tuple[AgreementsPage, str, bytes]:
    agreement_id = ready_draft(store)
    me = device_identity(store)
    sign_all(store, agreement_id, me)
    pdf = seal(store, agreement_id, me)
    return open_agreement(ops, qtbot, agreement_id), agreement_id, pdf


def test_a_sealed_agreement_offers_its_pdf_to_save_open_and_print(
        store, ops, qtbot, tmp_path, monkeypatch) -> None:
    page, _agreement_id, pdf = _sealed_page(store, ops, qtbot)
    wizard = page.wizard
    assert not wizard.frozen.new_revision_button.isVisible()
    for button in wizard.frozen.pdf_buttons:
        assert button.isVisible() and button.isEnabled(), button.text()
    page.resize(1366 - 180, 768 - 60)
    shoot(page, "agreement-sealed")

    target = tmp_path / "aftaler" / "aftale.pdf"
    target.parent.mkdir()
    asked: list[str] = []
    monkeypatch.setattr(P.SavePdfDialog, "ask", classmethod(
        lambda cls, parent, name: asked.append(name) or target))
    opened: list[Path] = []
    monkeypatch.setattr(P, "open_pdf", opened.append)
    import ui.views.agreement_wizard.frozen as W
    monkeypatch.setattr(W, "open_pdf", opened.append)

    qtbot.mouseClick(wizard.frozen.save_pdf_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(target.exists, timeout=10000)
    assert target.read_bytes() == pdf  # the sealed bytes, not a new rendering
    assert asked and "Ali Hansen" in asked[0] and asked[0].endswith(".pdf")

    qtbot.mouseClick(wizard.frozen.open_pdf_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: opened == [target], timeout=10000)
    assert len(asked) == 1  # saved already: opened where it is, not asked again

    printed = tmp_path / "printed.pdf"

    def to_file(cls, parent):
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        return printer
    monkeypatch.setattr(P.PrintPdfDialog, "ask", classmethod(to_file))
    qtbot.mouseClick(wizard.frozen.print_pdf_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "sider sendt til printeren" in wizard.save_state.text(),
                    timeout=20000)
    assert len(PdfReader(str(printed)).pages) == len(PdfReader(str(target)).pages)


def test_the_save_dialog_starts_in_the_folder_used_last_even_after_a_restart(
        tmp_path, monkeypatch, qtbot) -> None:
    """The folder is kept in the settings (it was kept for one run only), and the dialog's
    labels are in Danish (they were English)."""
    from PySide6.QtCore import QSettings
    from ui.settings import Settings
    ini = tmp_path / "settings.ini"
    chosen = tmp_path / "mine aftaler"
    chosen.mkdir()
    monkeypatch.setattr(P.SavePdfDialog, "last_folder", None)
    monkeypatch.setattr(P.SavePdfDialog, "settings",
                        Settings(QSettings(str(ini), QSettings.Format.IniFormat)))
    first = P.SavePdfDialog.dialog(None, "a.pdf")
    qtbot.addWidget(first)
    assert Path(first.directory().absolutePath()) != Path.cwd()  # not the working folder
    assert first.labelText(P.QFileDialog.DialogLabel.Accept) == "&Gem"
    assert first.labelText(P.QFileDialog.DialogLabel.Reject) == "Annullér"
    assert first.labelText(P.QFileDialog.DialogLabel.FileName) == "Filnavn:"
    assert first.windowTitle() == "Gem den underskrevne aftale"
    first.resize(900, 560)
    first.show()
    qtbot.waitExposed(first)
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert first.grab().save(str(SHOTS / "sealed-pdf-save-dialog.png"))
    first.close()
    P.SavePdfDialog.remember(chosen)

    # A restart: a new run of the program knows nothing but its settings file.
    monkeypatch.setattr(P.SavePdfDialog, "last_folder", None)
    monkeypatch.setattr(P.SavePdfDialog, "settings",
                        Settings(QSettings(str(ini), QSettings.Format.IniFormat)))
    again = P.SavePdfDialog.dialog(None, "b.pdf")
    qtbot.addWidget(again)
    assert Path(again.directory().absolutePath()) == chosen
    assert P.SavePdfDialog.folder() == chosen
    # A folder that is gone falls back to the documents folder, not to an error.
    chosen.rmdir()
    assert P.SavePdfDialog.folder() != chosen and P.SavePdfDialog.folder().is_dir()

def test_a_failed_pdf_save_leaves_no_half_file_and_keeps_the_old_one(
        qtbot, tmp_path, monkeypatch) -> None:
    """A write that fails halfway (here: the file size limit, as a full disk would) leaves
    the file that was there as it was and no partial file beside it."""
    import resource
    import signal

    from PySide6.QtWidgets import QWidget
    parent = QWidget()
    qtbot.addWidget(parent)
    target = tmp_path / "aftale.pdf"
    target.write_bytes(b"%PDF-1.7 the earlier copy")
    monkeypatch.setattr(P.SavePdfDialog, "ask", classmethod(lambda cls, parent, name: target))
    problems: list[str] = []
    pdf = b"%PDF-1.7 " + b"x" * 200_000
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    old_handler = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, hard))
    try:
        saved = P.save_pdf(parent, pdf, "aftale.pdf", problems.append)
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, old_handler)
    assert saved is None
    assert problems and problems[-1].startswith("PDF'en kunne ikke gemmes i ")
    assert target.read_bytes() == b"%PDF-1.7 the earlier copy"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["aftale.pdf"]

    assert P.save_pdf(parent, pdf, "aftale.pdf", problems.append) == target
    assert target.read_bytes() == pdf and problems[-1] == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["aftale.pdf"]
