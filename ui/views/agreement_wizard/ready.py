"""Step 4 of the wizard: whether the agreement can be signed, and why not.

The banner says ready or not; under it each error and each warning still to acknowledge, one
note field per warning, and the parties who are to sign. What blocks signing is decided by
``forms.agreements.Check``; this widget only shows it.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGroupBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from forms import agreements as fa
from forms import rules
from forms.draft_state import WizardState

from ...i18n import tr
from ...ops import translate_message
from ...style import ERROR_COLOUR, OK_COLOUR
from ..partials.agreement_fields import tr_template
from ..partials.agreement_findings import WarningAcknowledgement

CTX = "agreement_wizard"


class ReadyStep(QWidget):
    """Ready or not, the open warnings with their notes, and the signers."""

    acknowledge = Signal(str, str)  # finding key, note

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.banner = QLabel(self)
        self.banner.setWordWrap(True)
        self.banner.setAccessibleName(tr(CTX, "Klar til underskrift"))
        self.reasons = QLabel(self)
        self.reasons.setWordWrap(True)
        self.warnings_box = QGroupBox(tr(CTX, "Advarsler (kvitteres med en note)"), self)
        self.warnings_layout = QVBoxLayout(self.warnings_box)
        self.acknowledgements: dict[str, WarningAcknowledgement] = {}
        self.signers_box = QGroupBox(tr(CTX, "Skal underskrives af"), self)
        self.signers = QLabel(self.signers_box)
        self.signers.setWordWrap(True)
        QVBoxLayout(self.signers_box).addWidget(self.signers)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.reasons)
        layout.addWidget(self.warnings_box)
        layout.addWidget(self.signers_box)
        layout.addStretch(1)

    def first_open_note(self) -> QLineEdit | None:
        """The note of the first warning still to acknowledge (where the cursor goes)."""
        ack = next((a for a in self.acknowledgements.values() if not a.note.isHidden()), None)
        return ack.note if ack is not None else None

    def show_state(self, state: WizardState) -> None:
        """Rebuild from ``state``; notes typed but not yet acknowledged stay, as does the
        cursor in them."""
        typed = {k: a.note.text() for k, a in self.acknowledgements.items()
                 if a.note.text() and not a.note.isHidden()}
        focused = next((k for k, a in self.acknowledgements.items() if a.note.hasFocus()), "")
        for widget in self.acknowledgements.values():
            widget.deleteLater()
        self.acknowledgements.clear()
        warnings = [f for f in state.findings if f.severity == rules.WARNING]
        for finding in warnings:
            widget = WarningAcknowledgement(finding, state.acknowledgements.get(finding.key, ""),
                                            self.warnings_box)
            widget.note.setText(typed.get(finding.key, ""))
            widget.acknowledge.connect(self.acknowledge)
            if not state.editable:
                widget.button.setEnabled(False)
                widget.note.setReadOnly(True)
            self.warnings_layout.addWidget(widget)
            self.acknowledgements[finding.key] = widget
            if finding.key == focused:
                widget.note.setFocus()
        self.warnings_box.setVisible(bool(warnings))
        names = []
        for signer in state.template.required_signers(state.values):
            name = state.values.get(signer.name_field, "") if signer.name_field else ""
            names.append(f"• {tr_template(signer.label)}" + (f": {name}" if name else ""))
        self.signers.setText("\n".join(names))
        colour, text, reasons = self._verdict(state)
        self.banner.setText(text)
        self.banner.setStyleSheet(
            f"font-size: 14pt; font-weight: bold; color: white; background: {colour}; "
            "padding: 8px;")
        self.reasons.setText("\n".join(reasons))
        self.reasons.setVisible(bool(reasons))

    @staticmethod
    def _verdict(state: WizardState) -> tuple[str, str, list[str]]:
        """The banner's colour and text, and the lines under it."""
        check = state.check
        if state.status == fa.SIGNING:
            return OK_COLOUR, tr(CTX, "Underskrift i gang"), (
                [tr(CTX, "Mangler at underskrive:")]
                + [f"• {tr_template(label)}" for label in state.waiting_for]
                + [tr(CTX, "Tryk \"Fortsæt underskrift…\" for at lade de næste parter "
                           "underskrive.")])
        if state.status == fa.SIGNED:
            return OK_COLOUR, tr(CTX, "Alle parter har underskrevet"), [
                tr(CTX, "Tryk \"Fortsæt underskrift…\" for at forsegle aftalen og "
                        "gemme den som PDF.")]
        if not state.editable:
            return OK_COLOUR, tr(CTX, "Aftalen er underskrevet og forseglet."), []
        if check.ready:
            return OK_COLOUR, tr(CTX, "✔ Klar til underskrift"), [
                tr(CTX, "Der er ingen fejl, og alle advarsler er kvitteret. Tryk "
                        "\"Underskriv…\" for at lade parterne underskrive på skærmen.")]
        reasons = [f"• {translate_message(f.message)}" for f in check.errors]
        reasons += [f"• {tr(CTX, 'Advarslen skal kvitteres med en note:')} "
                    f"{translate_message(f.message)}" for f in check.open_warnings]
        return ERROR_COLOUR, tr(CTX, "✖ Ikke klar til underskrift"), reasons
