"""The sealed PDF of an agreement, one click away: save it to a chosen folder, open it in the
PDF viewer, print it through Qt's print dialog. Used by the signing dialog after the seal and
by the agreement page for every sealed agreement, so both do it one way.

The PDF is read from the profile (forms.sealing.sealed_pdf, decrypted on the worker); it is
written to disk only where the consultant chooses, as the signing dialog always did.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRectF, QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices, QImage, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

CTX = "signing"
PRINT_DPI = 300  # sharp on paper, and a page is 35 MB of pixels, not 550
tr = QCoreApplication.translate  # tr(CTX, "…"): found by ui.i18n.update


class SavePdfDialog:
    """Asks where to save the sealed PDF, starting in the folder used last. Tests replace
    ``ask``."""

    last_folder: Path | None = None  # for this run of the program

    @classmethod
    def ask(cls, parent: QWidget | None, suggested_name: str) -> Path | None:
        folder = cls.last_folder or Path(QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation))
        path, _filter = QFileDialog.getSaveFileName(
            parent, tr(CTX, "Gem den underskrevne aftale"), str(folder / suggested_name),
            tr(CTX, "PDF-filer (*.pdf)"))
        if not path:
            return None
        chosen = Path(path if path.lower().endswith(".pdf") else path + ".pdf")
        cls.last_folder = chosen.parent
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
        path.write_bytes(pdf)
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
