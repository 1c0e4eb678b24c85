"""The sealed PDF of an agreement, one click away: save it to a chosen folder, open it in the
PDF viewer, print it through Qt's print dialog. Used by the signing dialog after the seal, by
the agreement page for every sealed agreement, and (``SealedPdfActions``) by the employer's and
the citizen's pages for the agreement chosen in their lists, so all do it one way.

The PDF is read from the profile (forms.sealing.sealed_pdf, decrypted on the worker); it is
written to disk only where the consultant chooses, as the signing dialog always did.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QRectF, QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices, QImage, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from consultant_app.files import write_atomically
from forms.lifecycle import SEALED

from ...i18n import tr
from ...style import PROBLEM_STYLE

CTX = "signing"
PRINT_DPI = 300  # sharp on paper, and a page is 35 MB of pixels, not 550


class SavePdfDialog:
    """Asks where to save the sealed PDF, starting in the folder used last, which the
    settings keep across restarts (``pdf/folder``). Tests replace ``ask``."""

    last_folder: Path | None = None  # this run's choice, when no settings are attached
    settings: Any = None  # the window's ui.settings.Settings (MainWindow attaches them)

    @classmethod
    def folder(cls) -> Path:
        """The folder used last (this run, else the settings), else the user's documents."""
        saved = cls.settings.get("pdf/folder") if cls.settings is not None else ""
        for candidate in (cls.last_folder, Path(saved) if saved else None):
            if candidate is not None and candidate.is_dir():
                return candidate
        documents = Path(QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation))
        # A Documents folder that does not exist made the dialog open in the process's
        # working folder; the home folder is the next best.
        return documents if documents.is_dir() else Path.home()

    @classmethod
    def remember(cls, folder: Path) -> None:
        cls.last_folder = folder
        if cls.settings is not None:
            cls.settings.set("pdf/folder", str(folder))
            cls.settings.sync()

    @classmethod
    def dialog(cls, parent: QWidget | None, suggested_name: str) -> QFileDialog:
        """The save dialog with its labels in the program's language: Qt's own dialog
        showed English labels at the employer's table (a native dialog follows the
        system's language and ignores them)."""
        dialog = QFileDialog(parent, tr(CTX, "Gem den underskrevne aftale"),
                             str(cls.folder() / suggested_name), tr(CTX, "PDF-filer (*.pdf)"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        dialog.setDefaultSuffix("pdf")
        for label, text in ((QFileDialog.DialogLabel.LookIn, tr(CTX, "Gem i:")),
                            (QFileDialog.DialogLabel.FileName, tr(CTX, "Filnavn:")),
                            (QFileDialog.DialogLabel.FileType, tr(CTX, "Filtype:")),
                            (QFileDialog.DialogLabel.Accept, tr(CTX, "&Gem")),
                            (QFileDialog.DialogLabel.Reject, tr(CTX, "Annullér"))):
            dialog.setLabelText(label, text)
        return dialog

    @classmethod
    def ask(cls, parent: QWidget | None, suggested_name: str) -> Path | None:
        dialog = cls.dialog(parent, suggested_name)
        if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.selectedFiles():
            return None
        path = dialog.selectedFiles()[0]
        chosen = Path(path if path.lower().endswith(".pdf") else path + ".pdf")
        cls.remember(chosen.parent)
        return chosen


class PrintPdfDialog:
    """Qt's print dialog; the printer chosen, or None. Tests replace ``ask``."""

    @classmethod
    def ask(cls, parent: QWidget | None) -> QPrinter | None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, parent)
        dialog.setWindowTitle(tr(CTX, "Udskriv aftalen"))
        return printer if dialog.exec() == QDialog.DialogCode.Accepted else None


def pdf_file_name(title: str, citizen: str, day: dt.date) -> str:
    """A file name a consultant recognises: "Aftale om virksomhedspraktik - Ali Hansen -
    2026-03-02.pdf", without characters a file system refuses."""
    parts = [p for p in (title, citizen, day.isoformat()) if p]
    cleaned = re.sub(r'[\\/:*?"<>|]+', " ", " - ".join(parts))
    return re.sub(r"\s+", " ", cleaned).strip() + ".pdf"


def save_pdf(parent: QWidget, pdf: bytes, suggested_name: str,
             problem: Callable[[str], None]) -> Path | None:
    """Ask where, write ``pdf`` there; the path, or None (cancelled, or a problem shown)."""
    path = SavePdfDialog.ask(parent, suggested_name)
    if path is None:
        return None
    try:
        write_atomically(path, pdf)
    except OSError as exc:
        problem(tr(CTX, "PDF'en kunne ikke gemmes i {path}: {reason}").format(
            path=path, reason=exc.strerror or exc))
        return None
    problem("")
    return path


def open_pdf(path: Path) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def print_pdf(parent: QWidget, pdf: bytes, problem: Callable[[str], None]) -> int:
    """Print every page on the printer the consultant chooses; the pages printed (0 when
    cancelled). Pages are rendered at the printer's resolution (pypdfium2)."""
    printer = PrintPdfDialog.ask(parent)
    if printer is None:
        return 0
    import pypdfium2
    try:
        document = pypdfium2.PdfDocument(pdf)
    except pypdfium2.PdfiumError as exc:
        problem(tr(CTX, "PDF'en kunne ikke læses: {reason}").format(reason=exc))
        return 0
    painter = QPainter()
    if not painter.begin(printer):
        problem(tr(CTX, "Printeren kunne ikke startes."))
        return 0
    try:
        for index in range(len(document)):
            if index:
                printer.newPage()
            area = printer.pageLayout().paintRectPixels(printer.resolution())
            page = document[index]
            # At most PRINT_DPI: a 1200 dpi A4 page would be half a gigabyte of pixels.
            dpi = min(printer.resolution(), PRINT_DPI)
            bitmap = page.render(scale=dpi / 72, rev_byteorder=True)
            image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride,
                           QImage.Format.Format_RGB888 if bitmap.n_channels == 3
                           else QImage.Format.Format_RGBA8888)
            fit = min(area.width() / bitmap.width, area.height() / bitmap.height)
            painter.drawImage(QRectF(0, 0, bitmap.width * fit, bitmap.height * fit),
                              image.copy())
        return len(document)
    finally:
        painter.end()
        document.close()


class SealedPdfActions(QWidget):
    """"Gem PDF…", "Åbn PDF" and "Udskriv…" for the agreement chosen in a list: the
    employer's and the citizen's pages reach a sealed agreement's PDF the way the agreement
    page does. The buttons wait until a sealed agreement is chosen (``set_agreement``)."""

    def __init__(self, ops: Any, parent: QWidget | None = None):
        # No mnemonics: the employer's and citizen's pages use every letter of these already.
        super().__init__(parent)
        self.ops = ops
        self.agreement_id = ""
        self.saved: dict[str, Path] = {}  # where each agreement's PDF was saved this run
        self.save_button = QPushButton(tr(CTX, "Gem PDF…"), self)
        self.open_button = QPushButton(tr(CTX, "Åbn PDF"), self)
        self.print_button = QPushButton(tr(CTX, "Udskriv…"), self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setAccessibleName(tr(CTX, "Besked om PDF'en"))
        self.save_button.clicked.connect(lambda: self._with_pdf(self._save))
        self.open_button.clicked.connect(lambda: self._with_pdf(self._open))
        self.print_button.clicked.connect(lambda: self._with_pdf(self._print))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for button in self.buttons():
            row.addWidget(button)
        row.addWidget(self.message, 1)
        self.set_agreement("", False)

    def buttons(self) -> tuple[QPushButton, ...]:
        return (self.save_button, self.open_button, self.print_button)

    def set_agreement(self, agreement_id: str, sealed: bool) -> None:
        self.agreement_id = agreement_id if sealed else ""
        for button in self.buttons():
            button.setEnabled(bool(self.agreement_id))
        self.message.setText("" if sealed or not agreement_id else tr(
            CTX, "Aftalens PDF kan hentes, når aftalen er forseglet."))
        self.message.setStyleSheet("")

    def _problem(self, text: str) -> None:
        self.message.setStyleSheet(PROBLEM_STYLE if text else "")
        self.message.setText(text)

    def _with_pdf(self, then: Callable[[Any], None]) -> None:
        """Read the sealed PDF on the worker (sealing and pyHanko load on first use)."""
        if not self.agreement_id:
            return
        from forms import sealing

        def got(copy: Any) -> None:
            if copy is None:
                self._problem(tr(CTX, "Aftalen har ingen forseglet PDF."))
            else:
                then(copy)
        agreement_id = self.agreement_id
        self.ops.read(sealing.sealed_copy, agreement_id,
                      on_done=lambda copy: got(copy) if shiboken6.isValid(self)
                      and agreement_id == self.agreement_id else None,
                      on_error=lambda failure: self._problem(failure.summary)
                      if shiboken6.isValid(self) else None)

    def _save(self, copy: Any) -> None:
        name = pdf_file_name(tr("template", copy.title),
                             copy.citizen_name, dt.date.today())
        path = save_pdf(self, copy.pdf, name, self._problem)
        if path is not None:
            self.saved[self.agreement_id] = path
            self.message.setText(tr(CTX, "PDF'en er gemt i {path}.").format(path=path))

    def _open(self, copy: Any) -> None:
        """Opened where it was saved; saved first (asking where) if it was not."""
        path = self.saved.get(self.agreement_id)
        if path is None or not path.exists():
            self._save(copy)
            path = self.saved.get(self.agreement_id)
        if path is not None:
            open_pdf(path)

    def _print(self, copy: Any) -> None:
        pages = print_pdf(self, copy.pdf, self._problem)
        if pages:
            self.message.setText(tr(CTX, "{pages} sider sendt til printeren.")
                                 .format(pages=pages))


def agreement_pdf_actions(ops: Any, view: Any, model: Any, parent: QWidget) -> SealedPdfActions:
    """``SealedPdfActions`` following the agreement chosen in ``view`` (over an agreements
    ``IdTableModel``): enabled for a sealed one."""
    actions = SealedPdfActions(ops, parent)

    def chosen(*_args: Any) -> None:
        index = view.currentIndex()
        if not index.isValid() or index.row() >= model.rowCount():
            actions.set_agreement("", False)
            return
        actions.set_agreement(model.id_at(index.row()),
                              model.value(index.row(), "status") == SEALED)
    view.selectionModel().currentRowChanged.connect(chosen)
    model.modelReset.connect(chosen)
    return actions
