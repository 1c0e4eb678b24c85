"""The bar over a signed agreement: why it cannot be changed, and what can be done instead
(a new version while it is being signed; the sealed PDF saved, opened or printed once it is
sealed)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from forms import agreements as fa
from forms.draft_state import WizardState

from ...i18n import tr
from ...ops import Ops
from ..partials.agreement_fields import tr_template
from ..partials.inputs import while_alive
from ..partials.sealed_pdf import open_pdf, pdf_file_name, print_pdf, save_pdf

CTX = "agreement_wizard"


class FrozenBar(QFrame):
    """Shown for an agreement that is no longer editable."""

    new_revision_requested = Signal()
    problem = Signal(str)      # a plain message for the wizard's problem line
    failed = Signal(object)    # OpFailure of reading the PDF
    done = Signal(str)         # what was done, for the wizard's status line

    def __init__(self, ops: Ops, parent: QWidget | None = None):
        super().__init__(parent)
        self.ops = ops
        self.state: WizardState | None = None
        self.saved_pdf: Path | None = None
        self.setStyleSheet("QFrame { background: #fff4e0; }")
        row = QHBoxLayout(self)
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.new_revision_button = QPushButton(tr(CTX, "Lav ny &version…"), self)
        self.new_revision_button.clicked.connect(self.new_revision_requested)
        row.addWidget(self.text, 1)
        row.addWidget(self.new_revision_button)
        self.save_pdf_button = QPushButton(tr(CTX, "Gem &PDF…"), self)
        self.save_pdf_button.clicked.connect(lambda: self._with_pdf(self._save_pdf))
        self.open_pdf_button = QPushButton(tr(CTX, "Å&bn PDF"), self)
        self.open_pdf_button.clicked.connect(lambda: self._with_pdf(self._open_pdf))
        self.print_pdf_button = QPushButton(tr(CTX, "Ud&skriv…"), self)
        self.print_pdf_button.clicked.connect(lambda: self._with_pdf(self._print_pdf))
        self.pdf_buttons = (self.save_pdf_button, self.open_pdf_button, self.print_pdf_button)
        for button in self.pdf_buttons:
            row.addWidget(button)
        self.hide()

    def show_state(self, state: WizardState) -> None:
        if self.state is None or self.state.agreement_id != state.agreement_id:
            self.saved_pdf = None
        self.state = state
        self.setVisible(not state.editable)
        sealed = state.status == fa.SEALED
        self.new_revision_button.setVisible(not sealed)  # a sealed agreement is final
        for button in self.pdf_buttons:
            button.setVisible(sealed)
        if sealed:
            self.text.setText(tr(CTX, 
                "Aftalen er underskrevet og forseglet og kan ikke ændres. Den forseglede PDF "
                "kan gemmes, åbnes og udskrives her."))
        elif not state.editable:
            self.text.setText(tr(CTX, 
                "Aftalen er underskrevet og kan ikke ændres. En ændring laver en ny version "
                "af aftalen, som skal underskrives igen af alle parter."))

    def _with_pdf(self, then: Callable[[bytes], None]) -> None:
        """Read the sealed PDF on the worker (sealing and pyHanko load on first use)."""
        if self.state is None:
            return
        from forms import sealing

        def got(pdf: bytes | None) -> None:
            if pdf is None:
                self.problem.emit(tr(CTX, "Aftalen har ingen forseglet PDF."))
            else:
                then(pdf)
        self.ops.read(sealing.sealed_pdf, self.state.agreement_id,
                      on_done=while_alive(self, got),
                      on_error=while_alive(self, self.failed.emit))

    def _save_pdf(self, pdf: bytes) -> None:
        assert self.state is not None
        name = pdf_file_name(tr_template(self.state.template.title),
                             str(self.state.values.get("citizen_name") or ""), dt.date.today())
        path = save_pdf(self, pdf, name, self.problem.emit)
        if path is not None:
            self.saved_pdf = path
            self.done.emit(tr(CTX, "PDF'en er gemt i {path}.").format(path=path))

    def _open_pdf(self, pdf: bytes) -> None:
        """Opened where it was saved; saved first (asking where) if it was not."""
        if self.saved_pdf is None or not self.saved_pdf.exists():
            self._save_pdf(pdf)
        if self.saved_pdf is not None:
            open_pdf(self.saved_pdf)

    def _print_pdf(self, pdf: bytes) -> None:
        pages = print_pdf(self, pdf, self.problem.emit)
        if pages:
            self.done.emit(tr(CTX, "{pages} sider sendt til printeren.").format(pages=pages))

