"""The agreement wizard: choose the type → check the prefilled data → fill what is new →
ready to sign. Built entirely from the agreement's template, so a new type or template
version needs no change here.

Every edit is saved as the consultant goes: a field is written through
``forms.agreements.update_fields`` when its input loses the focus, on Enter, or after a short
pause in typing; the step is written with ``set_wizard_step``. Each save comes back with the
rules' findings, so they follow the fields live. A value the service refuses shows the Danish
message at the field and is not saved; nothing else is touched. Closing the window (or
leaving the page) saves what is still being typed, and reopening the draft returns to the
same step with the same values.

When the agreement is ready (no errors, every warning acknowledged with a note) the
"Underskriv…" button emits ``ready_to_sign(agreement_id)``; the signing flow connects there.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QHideEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

from forms import agreements as fa
from forms import fields as ffields
from forms import prefill as fprefill
from forms import rules
from forms.rules import Finding
from forms.templates import Template, get_template

from ..ops import OpFailure, Ops, translate_message
from ..style import ERROR_COLOUR, OK_COLOUR, PROBLEM_STYLE
from .partials.agreement_fields import (
    FieldEditor,
    add_editor_row,
    prefill_source_text,
    tr_template,
)
from .partials.agreement_findings import FindingsPanel, WarningAcknowledgement
from .partials.agreement_start import StartStep
from .partials.inputs import page_action, while_alive
from .partials.sealed_pdf import open_pdf, pdf_file_name, print_pdf, save_pdf

CTX = "agreement_wizard"
tr = QCoreApplication.translate  # tr(CTX, "…"): found by ui.i18n.update

STEP_START, STEP_CHECK, STEP_FILL, STEP_READY = range(4)
SAVE_PAUSE_MS = 700
NEW_PREFIX = "new:"



# -- how other pages ask for a new agreement ------------------------------------------------
def new_agreement_ref(employer_id: str = "", match_id: str = "", vacancy_id: str = "",
                      citizen_id: str = "") -> str:
    """The id to pass in ``open_requested("placement_agreement", ...)`` to start a new
    agreement from an employer, a match, a vacancy or a citizen (the agreements page opens it
    in the wizard). Page-to-page navigation only carries (kind, id)."""
    parts = {"employer": employer_id, "match": match_id, "vacancy": vacancy_id,
             "citizen": citizen_id}
    return NEW_PREFIX + ";".join(f"{k}={v}" for k, v in parts.items() if v)


def parse_agreement_ref(ref: str) -> dict[str, str] | None:
    """The parties of a ``new_agreement_ref``, or None for an ordinary agreement id."""
    if not ref.startswith(NEW_PREFIX):
        return None
    found = dict(part.split("=", 1) for part in ref[len(NEW_PREFIX):].split(";") if "=" in part)
    return {f"{k}_id": found.get(k, "") for k in ("employer", "match", "vacancy", "citizen")}


# -- what the wizard reads and writes (run on the ops worker) --------------------------------
@dataclass
class WizardState:
    """One agreement as the wizard shows it: plain values, no session attached."""

    agreement_id: str
    agreement_type: str
    template_version: int
    status: str
    revision: int
    wizard_step: int
    values: dict[str, Any]
    acknowledgements: dict[str, str]
    end_date_proposed: dt.date | None
    prefilled: dict[str, Any]   # what the records would fill in now, by field
    findings: list[Finding] = field(default_factory=list)
    # the parties still to sign the current revision (template labels), while signing is open
    waiting_for: list[str] = field(default_factory=list)

    @property
    def template(self) -> Template:
        return get_template(self.agreement_type, self.template_version)

    @property
    def editable(self) -> bool:
        return self.status in fa.EDITABLE

    @property
    def check(self) -> fa.Check:
        return fa.Check(self.findings, self.acknowledgements)

    @property
    def signing_open(self) -> bool:
        """Signed by some or all parties and not yet sealed: the signing goes on where it
        stopped (a citizen who signs later, a dialog closed by mistake)."""
        return self.status in (fa.SIGNING, fa.SIGNED)


def state_of(session: Any, doc: fa.AgreementDoc) -> WizardState:
    record = doc.record
    sources = fprefill.load_sources(session, record.employer_id, record.vacancy_id,
                                    record.citizen_id, record.match_id)
    check = fa.check_doc(session, doc)
    waiting_for: list[str] = []
    if record.status in (fa.SIGNING, fa.SIGNED):
        signed = {s.role for s in fa.signatures(session, record.id)}
        waiting_for = [r.label for r in doc.template.required_signers(doc.values)
                       if r.role not in signed]
    return WizardState(record.id, record.agreement_type, doc.template.version, record.status,
                       record.revision, doc.wizard_step, dict(doc.values),
                       dict(check.acknowledged), doc.end_date_proposed,
                       fprefill.prefill(doc.template, sources), list(check.findings),
                       waiting_for)


def read_state(session: Any, agreement_id: str) -> WizardState:
    return state_of(session, fa.load(session, agreement_id))


def create_agreement(session: Any, choice: dict[str, str]) -> WizardState:
    doc = fa.create_draft(session, choice["agreement_type"], choice["employer_id"] or None,
                          vacancy_id=choice["vacancy_id"] or None,
                          citizen_id=choice["citizen_id"] or None,
                          match_id=choice["match_id"] or None)
    if not doc.reopened:  # the match's draft reopens where it was left
        fa.set_wizard_step(session, doc.id, STEP_CHECK)
    return read_state(session, doc.id)


def save_fields(session: Any, agreement_id: str, changes: dict[str, Any]) -> WizardState:
    return state_of(session, fa.update_fields(session, agreement_id, changes))


def save_acknowledgement(session: Any, agreement_id: str, key: str, note: str) -> WizardState:
    return state_of(session, fa.acknowledge(session, agreement_id, key, note))


def make_new_revision(session: Any, agreement_id: str) -> WizardState:
    return state_of(session, fa.new_revision(session, agreement_id))


# The record's status codes as the forms package sets them; unknown codes show as stored.
AGREEMENT_STATUSES = {
    "draft": QT_TRANSLATE_NOOP("agreements", "Kladde"),
    "signing": QT_TRANSLATE_NOOP("agreements", "Under underskrift"),
    "signed": QT_TRANSLATE_NOOP("agreements", "Underskrevet"),
    "sealed": QT_TRANSLATE_NOOP("agreements", "Forseglet"),
    "delivered": QT_TRANSLATE_NOOP("agreements", "Afleveret"),
}


def status_text(status: str) -> str:
    """The Danish name of an agreement's status."""
    if status in AGREEMENT_STATUSES:
        return QCoreApplication.translate("agreements", AGREEMENT_STATUSES[status])
    return status


class ConfirmNewRevision:
    """Asks before a signed agreement is reopened as a new version; tests replace ``ask``."""

    @classmethod
    def ask(cls, parent: QWidget) -> bool:
        answer = QMessageBox.question(
            parent, tr(CTX, "Ny version af aftalen"),
            tr(CTX, "Aftalen er underskrevet. Vil du lave en ny version, som kan ændres? "
                "Underskrifterne på den nuværende version bliver ugyldige, og aftalen skal "
                "underskrives igen."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes


def _scrolling(widget: QWidget, parent: QWidget) -> QScrollArea:
    scroll = QScrollArea(parent)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.setWidget(widget)
    return scroll


def _intro(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setStyleSheet("background: palette(alternate-base); padding: 6px;")
    return label


class AgreementWizard(QWidget):
    """The four steps over one agreement (or, before it exists, over the choice of type)."""

    ready_to_sign = Signal(str)      # agreement id: the signing flow takes over
    created = Signal(str)            # a new draft's id
    changed = Signal(str)            # an agreement's listed facts (dates, status) changed
    STEPS = (QT_TRANSLATE_NOOP("agreement_wizard", "1 Type og parter"),
             QT_TRANSLATE_NOOP("agreement_wizard", "2 Kontrollér"),
             QT_TRANSLATE_NOOP("agreement_wizard", "3 Udfyld det nye"),
             QT_TRANSLATE_NOOP("agreement_wizard", "4 Klar til underskrift"))

    def __init__(self, ops: Ops, parent: QWidget | None = None):
        super().__init__(parent)
        self.ops = ops
        self.state: WizardState | None = None
        self.editors: dict[str, FieldEditor] = {}
        self.step_of_field: dict[str, int] = {}
        self._template_key = ""
        self._pending: set[str] = set()
        self._in_flight: dict[str, Any] = {}   # field -> the input being saved
        self._creating = False

        self.title = QLabel(tr(CTX, "Ny aftale"), self)
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.subtitle = QLabel(self)
        self.subtitle.setWordWrap(True)
        self.steps = QTabBar(self)
        self.steps.setAccessibleName(tr(CTX, "Trin"))
        self.steps.setExpanding(False)
        self.steps.setDrawBase(False)
        for text in self.STEPS:
            self.steps.addTab(tr(CTX, text))
        self.steps.currentChanged.connect(self._step_clicked)

        self.frozen = QFrame(self)  # shown for a signed agreement
        self.frozen.setStyleSheet("QFrame { background: #fff4e0; }")
        frozen_row = QHBoxLayout(self.frozen)
        self.frozen_text = QLabel(self.frozen)
        self.frozen_text.setWordWrap(True)
        self.new_revision_button = QPushButton(tr(CTX, "Lav ny &version…"), self.frozen)
        self.new_revision_button.clicked.connect(self.new_revision)
        frozen_row.addWidget(self.frozen_text, 1)
        frozen_row.addWidget(self.new_revision_button)
        # a sealed agreement: its PDF one click away (partials.sealed_pdf)
        self.save_pdf_button = QPushButton(tr(CTX, "Gem &PDF…"), self.frozen)
        self.save_pdf_button.clicked.connect(lambda: self._with_pdf(self._save_pdf))
        self.open_pdf_button = QPushButton(tr(CTX, "Å&bn PDF"), self.frozen)
        self.open_pdf_button.clicked.connect(lambda: self._with_pdf(self._open_pdf))
        self.print_pdf_button = QPushButton(tr(CTX, "Ud&skriv…"), self.frozen)
        self.print_pdf_button.clicked.connect(lambda: self._with_pdf(self._print_pdf))
        self.pdf_buttons = (self.save_pdf_button, self.open_pdf_button, self.print_pdf_button)
        for button in self.pdf_buttons:
            frozen_row.addWidget(button)
        self.saved_pdf: Path | None = None
        self.frozen.hide()
        self.general_problem = QLabel(self)
        self.general_problem.setStyleSheet(PROBLEM_STYLE)
        self.general_problem.setWordWrap(True)
        self.general_problem.hide()

        self.start = StartStep(ops, self)
        self.start.changed.connect(self._update_buttons)
        self.start_summary = QLabel(self)
        self.start_summary.setWordWrap(True)
        self.start_summary.setTextFormat(Qt.TextFormat.RichText)
        self.start_summary.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        start_page = QWidget(self)
        start_box = QVBoxLayout(start_page)
        start_box.setContentsMargins(0, 0, 0, 0)
        start_box.addWidget(self.start_summary)
        start_box.addWidget(self.start, 1)
        self.check_body = QWidget(self)
        self.fill_body = QWidget(self)
        self.ready_body = QWidget(self)
        self._build_ready_body()
        self.stack = QStackedWidget(self)
        for body in (start_page, self.check_body, self.fill_body, self.ready_body):
            self.stack.addWidget(_scrolling(body, self.stack))

        self.findings = FindingsPanel(self)
        self.findings.field_requested.connect(self.focus_field)
        self.findings.setMinimumWidth(220)
        self.split = QSplitter(Qt.Orientation.Horizontal, self)
        self.split.setObjectName("splitter_agreement_wizard")
        self.split.addWidget(self.stack)
        self.split.addWidget(self.findings)
        self.split.setStretchFactor(0, 3)
        self.split.setStretchFactor(1, 1)
        self.split.setSizes([560, 260])
        self.split.setChildrenCollapsible(False)

        self.back_button = QPushButton(tr(CTX, "← &Tilbage"), self)
        self.back_button.clicked.connect(lambda: self.go_to(self.steps.currentIndex() - 1))
        self.next_button = QPushButton(tr(CTX, "&Næste →"), self)
        self.next_button.clicked.connect(self.next_step)
        self.save_state = QLabel(self)
        self.save_state.setAccessibleName(tr(CTX, "Gemt"))
        self.save_state.setStyleSheet("color: palette(placeholder-text);")
        self.sign_button = QPushButton(tr(CTX, "&Underskriv…"), self)
        self.sign_button.setObjectName("sign")
        self.sign_button.clicked.connect(self._sign)
        bottom = QHBoxLayout()
        bottom.addWidget(self.back_button)
        bottom.addWidget(self.next_button)
        bottom.addWidget(self.save_state, 1)
        bottom.addWidget(self.sign_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.steps)
        layout.addWidget(self.frozen)
        layout.addWidget(self.general_problem)
        layout.addWidget(self.split, 1)
        layout.addLayout(bottom)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SAVE_PAUSE_MS)
        self._debounce.timeout.connect(self.flush)
        page_action(self, tr(CTX, "Næste trin"), "Alt+Right", self.next_step)
        page_action(self, tr(CTX, "Forrige trin"), "Alt+Left",
                    lambda: self.go_to(self.steps.currentIndex() - 1))
        self.clear()

    def _build_ready_body(self) -> None:
        body = self.ready_body
        self.ready_banner = QLabel(body)
        self.ready_banner.setWordWrap(True)
        self.ready_banner.setAccessibleName(tr(CTX, "Klar til underskrift"))
        self.ready_reasons = QLabel(body)
        self.ready_reasons.setWordWrap(True)
        self.warnings_box = QGroupBox(tr(CTX, "Advarsler (kvitteres med en note)"), body)
        self.warnings_layout = QVBoxLayout(self.warnings_box)
        self.acknowledgements: dict[str, WarningAcknowledgement] = {}
        self.signers_box = QGroupBox(tr(CTX, "Skal underskrives af"), body)
        self.signers = QLabel(self.signers_box)
        self.signers.setWordWrap(True)
        QVBoxLayout(self.signers_box).addWidget(self.signers)
        layout = QVBoxLayout(body)
        layout.addWidget(self.ready_banner)
        layout.addWidget(self.ready_reasons)
        layout.addWidget(self.warnings_box)
        layout.addWidget(self.signers_box)
        layout.addStretch(1)

    # -- opening -------------------------------------------------------------------------
    def clear(self) -> None:
        """Nothing open: the wizard waits for an agreement or a new start."""
        self.flush()
        self.state = None
        self.title.setText(tr(CTX, "Ingen aftale valgt"))
        self.subtitle.setText(tr(CTX, "Vælg en aftale i listen, eller start en ny med Ctrl+N."))
        self.setEnabled(True)
        self.steps.setVisible(False)
        self.split.setVisible(False)
        for button in (self.back_button, self.next_button, self.sign_button):
            button.setVisible(False)
        self.frozen.hide()
        self.save_state.clear()

    def start_new(self, employer_id: str = "", match_id: str = "", vacancy_id: str = "",
                  citizen_id: str = "") -> None:
        """Step 1 for a new agreement, pre-chosen from what the consultant came from."""
        self.flush()
        self.state = None
        self._template_key = ""
        self.title.setText(tr(CTX, "Ny aftale"))
        self.subtitle.setText(tr(CTX, "Vælg parterne og typen; alt, hvad registreringerne ved, "
                                  "udfyldes derefter for dig."))
        self.frozen.hide()
        self.general_problem.hide()
        self.start_summary.hide()
        self.start.show()
        self.start.begin(employer_id, match_id, vacancy_id, citizen_id)
        self.findings.hide()
        self._show_chrome()
        self._set_step(STEP_START, save=False)
        self.start.first_input().setFocus(Qt.FocusReason.OtherFocusReason)

    def open_agreement(self, agreement_id: str) -> bool:
        """Show an agreement at the step it was left at (synchronous read: the consultant
        asked for it and looks at it now)."""
        if self.state is not None and self.state.agreement_id == agreement_id:
            return True
        self.flush()
        try:
            state = self.ops.run_sync_read(read_state, agreement_id)
        except (KeyError, ValueError):  # made with a template this build does not have
            self.clear()
            self.title.setText(tr(CTX, "Aftalen kan ikke vises"))
            self.subtitle.setText(tr(CTX, 
                "Aftalen er lavet med en skabelon, som denne version af programmet ikke "
                "kender. Opdatér programmet for at åbne den."))
            return False
        except Exception as exc:  # noqa: BLE001 - gone meanwhile, or the disk failed
            self.clear()
            self.subtitle.setText(OpFailure.from_exception(exc).summary)
            return False
        self.general_problem.hide()
        self.save_state.clear()
        self._show_state(state, rebuild=True)
        for index in range(self.stack.count()):
            scroll = self.stack.widget(index)
            if isinstance(scroll, QScrollArea):
                scroll.verticalScrollBar().setValue(0)
        step = state.wizard_step if state.editable else STEP_CHECK
        self._set_step(min(max(step, STEP_CHECK), STEP_READY), save=False)
        return True

    def reload(self) -> None:
        """Re-read the open agreement (after a sync or another page's write)."""
        if self.state is not None and not self._pending and not self._in_flight \
                and not any(e.dirty() for e in self.editors.values()):
            agreement_id, self.state = self.state.agreement_id, None
            step = self.steps.currentIndex()
            if self.open_agreement(agreement_id):
                self._set_step(step, save=False)

    def _show_chrome(self) -> None:
        self.steps.setVisible(True)
        self.split.setVisible(True)
        for button in (self.back_button, self.next_button, self.sign_button):
            button.setVisible(True)

    # -- building the steps from the template --------------------------------------------
    def _show_state(self, state: WizardState, rebuild: bool = False,
                    just_saved: str = "", sent: Any = None) -> None:
        previous = self.state
        self.state = state
        template = state.template
        if rebuild or template.key != self._template_key or previous is None \
                or previous.agreement_id != state.agreement_id:
            self._build_fields(state)
        self._show_chrome()
        self.start.hide()
        self.start_summary.show()
        self.start_summary.setText(self._summary_html(state))
        self.findings.show()
        self.title.setText(tr_template(template.title))
        parties = [state.values.get(k) for k in ("employer_name", "citizen_name")]
        self.subtitle.setText(" · ".join(str(p) for p in parties if p)
                              + (" · " if any(parties) else "")
                              + tr(CTX, "version %1").replace("%1", str(state.revision))
                              + " · " + status_text(state.status))
        for key, editor in self.editors.items():
            value = state.values.get(key)
            if key == just_saved:
                if editor.raw() == sent:  # else typed on meanwhile: that is saved next
                    editor.set_value(value)
            elif key not in self._in_flight and editor.raw() == editor.saved:
                editor.set_value(value)
            editor.set_note(self._note_for(state, editor) if editor.raw() == editor.saved
                            else "")
            editor.set_read_only(not state.editable)
        self.frozen.setVisible(not state.editable)
        sealed = state.status == fa.SEALED
        self.new_revision_button.setVisible(not sealed)  # a sealed agreement is final
        for button in self.pdf_buttons:
            button.setVisible(sealed)
        if previous is None or previous.agreement_id != state.agreement_id:
            self.saved_pdf = None
        if sealed:
            self.frozen_text.setText(tr(CTX, 
                "Aftalen er underskrevet og forseglet og kan ikke ændres. Den forseglede PDF "
                "kan gemmes, åbnes og udskrives her."))
        elif not state.editable:
            self.frozen_text.setText(tr(CTX, 
                "Aftalen er underskrevet og kan ikke ændres. En ændring laver en ny version "
                "af aftalen, som skal underskrives igen af alle parter."))
        self._show_findings(state)
        self._update_buttons()
        if previous is not None and previous.agreement_id == state.agreement_id and (
                previous.values.get("start_date"), previous.values.get("end_date"),
                previous.status) != (state.values.get("start_date"),
                                     state.values.get("end_date"), state.status):
            self.changed.emit(state.agreement_id)

    def _summary_html(self, state: WizardState) -> str:
        template = state.template
        rows = [(tr(CTX, "Type"), tr_template(template.title)),
                (tr(CTX, "Lovgrundlag"), tr_template(template.legal_basis)),
                (tr(CTX, "Virksomhed"), state.values.get("employer_name", "")),
                (tr(CTX, "Borger"), state.values.get("citizen_name", "")),
                (tr(CTX, "Stilling"), state.values.get("job_title", "")),
                (tr(CTX, "Skabelon"), f"{template.type} v{template.version}")]
        cells = "".join(f"<tr><td><b>{k}:</b>&nbsp;</td><td>{v or '–'}</td></tr>"
                        for k, v in rows)
        note = tr(CTX, "Typen og parterne er valgt, da kladden blev oprettet. Skal typen være en "
                   "anden, så start en ny aftale.")
        return f"<table>{cells}</table><p>{tr_template(template.description)}</p><p>{note}</p>"

    def _note_for(self, state: WizardState, editor: FieldEditor) -> str:
        key, value = editor.key, state.values.get(editor.key)
        if ffields.is_blank(value):
            return ""
        if key in state.prefilled and state.prefilled[key] == value:
            return prefill_source_text(editor.spec)
        if key == "end_date" and value == state.end_date_proposed:
            return tr(CTX, "Foreslået ud fra målgruppen")
        return ""

    def _build_fields(self, state: WizardState) -> None:
        """Editors for the template's fields: those the records fill on the check step (by
        section), the rest on the fill step with the empty required ones first."""
        template = state.template
        self._template_key = template.key
        self.editors.clear()
        self.step_of_field.clear()
        for body in (self.check_body, self.fill_body):
            for child in body.findChildren(
                    QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
                child.deleteLater()
            old = body.layout()
            if old is not None:  # a widget takes a new layout only once the old one is gone
                shiboken6.delete(old)

        check = QVBoxLayout(self.check_body)
        check.addWidget(_intro(tr(CTX, 
            "Disse oplysninger er hentet fra virksomheden, kontaktpersonen, stillingen, "
            "borgeren og matchet (grøn baggrund). Ret dem her, hvis noget er forkert; det "
            "gemmes med det samme."), self.check_body))
        fill = QVBoxLayout(self.fill_body)
        fill.addWidget(_intro(tr(CTX, 
            "Udfyld det, der er nyt for denne aftale. Felter med * skal udfyldes. Alt gemmes, "
            "mens du skriver."), self.fill_body))
        prefilled = set(state.prefilled)
        new_fields = []
        for section in template.sections:
            keys = [f for f in section.fields if f.key in prefilled]
            if keys:
                box = QGroupBox(tr_template(section.title), self.check_body)
                form = self._form(box)
                for spec in keys:
                    self._add_editor(spec, form, box, STEP_CHECK)
                check.addWidget(box)
            new_fields.extend(f for f in section.fields if f.key not in prefilled)
        missing = [f for f in new_fields
                   if f.required and ffields.is_blank(state.values.get(f.key))]
        others = [f for f in new_fields if f not in missing]
        for title, specs in ((tr(CTX, "Skal udfyldes"), missing),
                             (tr(CTX, "Tjek og udfyld efter behov"), others)):
            if specs:
                box = QGroupBox(title, self.fill_body)
                form = self._form(box)
                for spec in specs:
                    self._add_editor(spec, form, box, STEP_FILL)
                fill.addWidget(box)
        check.addStretch(1)
        fill.addStretch(1)
        self._chain_tab_order()

    @staticmethod
    def _form(box: QGroupBox) -> QFormLayout:
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        return form

    def _add_editor(self, spec: Any, form: QFormLayout, parent: QWidget, step: int) -> None:
        editor = FieldEditor(spec, parent)
        editor.edited.connect(self._edited)
        editor.commit.connect(self._commit)
        add_editor_row(form, editor)
        self.editors[spec.key] = editor
        self.step_of_field[spec.key] = step

    def _chain_tab_order(self) -> None:
        for step in (STEP_CHECK, STEP_FILL):
            inputs = [e.input for k, e in self.editors.items() if self.step_of_field[k] == step]
            for first, second in zip(inputs, inputs[1:]):
                QWidget.setTabOrder(first, second)

    # -- steps ---------------------------------------------------------------------------
    def _step_clicked(self, step: int) -> None:
        if step != self.stack.currentIndex():
            self.go_to(step)

    def go_to(self, step: int) -> None:
        if not STEP_START <= step <= STEP_READY:
            return
        if self.state is None and step != STEP_START:
            return  # nothing to check before the draft exists
        self.flush()
        self._set_step(step, save=True)
        self._focus_step(step)

    def next_step(self) -> None:
        step = self.stack.currentIndex()
        if step == STEP_START and self.state is None:
            self.create()
        elif step < STEP_READY:
            self.go_to(step + 1)

    def _set_step(self, step: int, save: bool) -> None:
        blocked = self.steps.blockSignals(True)
        self.steps.setCurrentIndex(step)
        self.steps.blockSignals(blocked)
        self.stack.setCurrentIndex(step)
        if save and self.state is not None and self.state.editable \
                and self.state.wizard_step != step:
            self.state.wizard_step = step
            self.ops.write(fa.set_wizard_step, self.state.agreement_id, step,
                           on_error=while_alive(self, self._general_failure))
        self._update_buttons()

    def _focus_step(self, step: int) -> None:
        if step == STEP_START:
            target: QWidget | None = self.next_button
        elif step == STEP_READY:
            ack = next((a for a in self.acknowledgements.values() if not a.note.isHidden()), None)
            target = ack.note if ack is not None else self.sign_button
        else:
            editors = [e for k, e in self.editors.items() if self.step_of_field[k] == step]
            empty = [e for e in editors if e.spec.required and ffields.is_blank(e.raw())]
            chosen = (empty or editors or [None])[0]
            target = chosen.input if chosen is not None else self.next_button
        if target is not None and target.isEnabled():
            target.setFocus(Qt.FocusReason.OtherFocusReason)
            if step in (STEP_CHECK, STEP_FILL):
                self._scroll_to(target)

    def _scroll_to(self, widget: QWidget) -> None:
        scroll = self.stack.currentWidget()
        if isinstance(scroll, QScrollArea):
            scroll.ensureWidgetVisible(widget, 20, 40)

    def focus_field(self, key: str) -> None:
        """Go to the step holding ``key`` and put the cursor in it (a finding was clicked)."""
        editor = self.editors.get(key)
        if editor is None:
            return
        step = self.step_of_field[key]
        if self.stack.currentIndex() != step:
            self.flush()
            self._set_step(step, save=True)
        editor.focus()
        self._scroll_to(editor)

    def current_step(self) -> int:
        return self.stack.currentIndex()

    def _update_buttons(self) -> None:
        step = self.stack.currentIndex()
        state = self.state
        self.back_button.setEnabled(step > STEP_START)
        if step == STEP_START and state is None:
            self.next_button.setText(tr(CTX, "&Opret aftale →"))
            choice = self.start.choice()
            self.next_button.setEnabled(bool(choice["agreement_type"] and choice["employer_id"])
                                        and not self._creating)
        else:
            self.next_button.setText(tr(CTX, "&Næste →"))
            self.next_button.setEnabled(step < STEP_READY)
        for index in range(1, self.steps.count()):
            self.steps.setTabEnabled(index, state is not None)
        resume = state is not None and state.signing_open
        ready = self.is_ready() or resume
        self.sign_button.setText(tr(CTX, "&Fortsæt underskrift…") if resume
                                 else tr(CTX, "&Underskriv…"))
        self.sign_button.setEnabled(ready)
        self.sign_button.setToolTip("" if ready else tr(CTX, 
            "Aftalen kan underskrives, når der ikke er fejl, og alle advarsler er kvitteret."))
        self.sign_button.setStyleSheet(
            f"QPushButton:enabled {{ background: {OK_COLOUR}; color: white; "
            "font-weight: bold; padding: 4px 14px; }" if ready else "")

    def is_ready(self) -> bool:
        """Ready to sign: saved (nothing waiting), no errors, every warning acknowledged."""
        state = self.state
        return (state is not None and state.editable and state.check.ready
                and not self._pending and not self._in_flight
                and not any(e.dirty() for e in self.editors.values()))

    # -- creating ------------------------------------------------------------------------
    def create(self) -> None:
        choice = self.start.choice()
        if not choice["agreement_type"] or not choice["employer_id"] or self._creating:
            return
        self._creating = True
        self._update_buttons()
        self.save_state.setText(tr(CTX, "Opretter kladden …"))
        self.ops.write(create_agreement, choice, on_done=while_alive(self, self._created),
                       on_error=while_alive(self, self._create_failed))

    def _created(self, state: WizardState) -> None:
        self._creating = False
        self._show_state(state, rebuild=True)
        self._set_step(STEP_CHECK, save=False)
        self._focus_step(STEP_CHECK)
        self.save_state.setText(tr(CTX, "Kladden er oprettet og gemmes, mens du arbejder."))
        self.created.emit(state.agreement_id)

    def _create_failed(self, failure: OpFailure) -> None:
        self._creating = False
        self._general_failure(failure)
        self._update_buttons()

    # -- saving as the consultant goes ----------------------------------------------------
    def _edited(self, key: str) -> None:
        if self.state is None or not self.state.editable:
            return
        self._pending.add(key)
        self._debounce.start()
        self.editors[key].set_note("")  # no longer what the records said
        self.save_state.setText(tr(CTX, "Ikke gemt endnu …"))
        self.sign_button.setEnabled(False)

    def _commit(self, key: str) -> None:
        self._pending.discard(key)
        self._save(key)

    def flush(self) -> None:
        """Save every field that changed and is not saved yet (leaving a step, closing)."""
        self._debounce.stop()
        pending = set(self._pending) | {k for k, e in self.editors.items() if e.dirty()}
        self._pending.clear()
        for key in sorted(pending, key=list(self.editors).index):
            self._save(key)

    def _save(self, key: str) -> None:
        editor = self.editors.get(key)
        state = self.state
        if editor is None or state is None or not state.editable or not editor.dirty():
            return
        raw = editor.raw()
        if self._in_flight.get(key, object()) == raw:
            return  # this very input is on its way
        self._in_flight[key] = raw
        self.save_state.setText(tr(CTX, "Gemmer …"))
        agreement_id = state.agreement_id
        self.ops.write(save_fields, agreement_id, {key: raw},
                       on_done=while_alive(self, lambda st: self._saved(key, raw, st)),
                       on_error=while_alive(self, lambda f: self._save_failed(
                           agreement_id, key, raw, f)))

    def _saved(self, key: str, raw: Any, state: WizardState) -> None:
        if self._in_flight.get(key) == raw:
            del self._in_flight[key]
        if self.state is None or state.agreement_id != self.state.agreement_id:
            return
        editor = self.editors.get(key)
        if editor is not None:
            editor.clear_problem()
        state.wizard_step = self.state.wizard_step
        self._show_state(state, just_saved=key, sent=raw)
        if not self._in_flight:
            self.save_state.setText(tr(CTX, "Alt er gemt %1.").replace(
                "%1", dt.datetime.now().strftime("%H:%M:%S")))

    def _save_failed(self, agreement_id: str, key: str, raw: Any,
                     failure: OpFailure) -> None:
        if self._in_flight.get(key) == raw:
            del self._in_flight[key]
        if self.state is None or self.state.agreement_id != agreement_id:
            return
        editor = self.editors.get(key)
        messages = failure.field_problems.get(key)
        if editor is not None and messages:
            editor.show_problem(messages)
            editor.refused = raw
            self.save_state.setText(tr(CTX, "%1 er ikke gemt – ret det markerede.")
                                    .replace("%1", editor.label_text))
        else:
            self._general_failure(failure)
        self._update_buttons()

    # -- the sealed PDF ------------------------------------------------------------------
    def _with_pdf(self, then: Callable[[bytes], None]) -> None:
        """Read the sealed PDF on the worker (sealing and pyHanko load on first use)."""
        if self.state is None:
            return
        from forms import sealing

        def got(pdf: bytes | None) -> None:
            if pdf is None:
                self._problem(tr(CTX, "Aftalen har ingen forseglet PDF."))
            else:
                then(pdf)
        self.ops.read(sealing.sealed_pdf, self.state.agreement_id,
                      on_done=while_alive(self, got),
                      on_error=while_alive(self, self._general_failure))

    def _problem(self, text: str) -> None:
        self.general_problem.setText(text)
        self.general_problem.setVisible(bool(text))

    def _save_pdf(self, pdf: bytes) -> None:
        assert self.state is not None
        name = pdf_file_name(tr_template(self.state.template.title),
                             str(self.state.values.get("citizen_name") or ""), dt.date.today())
        path = save_pdf(self, pdf, name, self._problem)
        if path is not None:
            self.saved_pdf = path
            self.save_state.setText(tr(CTX, "PDF'en er gemt i %1.").replace("%1", str(path)))

    def _open_pdf(self, pdf: bytes) -> None:
        """Opened where it was saved; saved first (asking where) if it was not."""
        if self.saved_pdf is None or not self.saved_pdf.exists():
            self._save_pdf(pdf)
        if self.saved_pdf is not None:
            open_pdf(self.saved_pdf)

    def _print_pdf(self, pdf: bytes) -> None:
        pages = print_pdf(self, pdf, self._problem)
        if pages:
            self.save_state.setText(tr(CTX, "%1 sider sendt til printeren.")
                                    .replace("%1", str(pages)))

    def _general_failure(self, failure: OpFailure) -> None:
        self.general_problem.setText(failure.summary)
        self.general_problem.show()
        self.save_state.setText(tr(CTX, "Ikke gemt."))

    def hideEvent(self, event: QHideEvent) -> None:
        """Leaving the page or closing the window: what is being typed is saved."""
        self.flush()
        super().hideEvent(event)

    # -- findings and acknowledgements ----------------------------------------------------
    def label_of(self, key: str) -> str:
        editor = self.editors.get(key)
        return editor.label_text if editor is not None else key

    def _show_findings(self, state: WizardState) -> None:
        self.findings.show_findings(state.findings, state.acknowledgements, self.label_of)
        by_field: dict[str, list[tuple[str, str]]] = {}
        for finding in state.findings:
            by_field.setdefault(finding.field, []).append(
                (finding.severity, translate_message(finding.message)))
        for key, editor in self.editors.items():
            editor.show_findings(by_field.get(key, []))
        self._show_ready(state)

    def _show_ready(self, state: WizardState) -> None:
        check = state.check
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
        template = state.template
        names = []
        for signer in template.required_signers(state.values):
            name = state.values.get(signer.name_field, "") if signer.name_field else ""
            names.append(f"• {tr_template(signer.label)}" + (f": {name}" if name else ""))
        self.signers.setText("\n".join(names))
        if state.status == fa.SIGNING:
            colour, text = OK_COLOUR, tr(CTX, "Underskrift i gang")
            reasons: list[str] = [tr(CTX, "Mangler at underskrive:")] + [
                f"• {tr_template(label)}" for label in state.waiting_for] + [tr(CTX, 
                "Tryk \"Fortsæt underskrift…\" for at lade de næste parter underskrive.")]
        elif state.status == fa.SIGNED:
            colour, text = OK_COLOUR, tr(CTX, "Alle parter har underskrevet")
            reasons = [tr(CTX, "Tryk \"Fortsæt underskrift…\" for at forsegle aftalen og "
                               "gemme den som PDF.")]
        elif not state.editable:
            colour, text = OK_COLOUR, tr(CTX, "Aftalen er underskrevet og forseglet.")
            reasons = []
        elif check.ready:
            colour, text = OK_COLOUR, tr(CTX, "✔ Klar til underskrift")
            reasons = [tr(CTX, "Der er ingen fejl, og alle advarsler er kvitteret. Tryk "
                           "\"Underskriv…\" for at lade parterne underskrive på skærmen.")]
        else:
            colour, text = ERROR_COLOUR, tr(CTX, "✖ Ikke klar til underskrift")
            reasons = [f"• {translate_message(f.message)}" for f in check.errors]
            reasons += [f"• {tr(CTX, 'Advarslen skal kvitteres med en note:')} "
                        f"{translate_message(f.message)}" for f in check.open_warnings]
        self.ready_banner.setText(text)
        self.ready_banner.setStyleSheet(
            f"font-size: 14pt; font-weight: bold; color: white; background: {colour}; "
            "padding: 8px;")
        self.ready_reasons.setText("\n".join(reasons))
        self.ready_reasons.setVisible(bool(reasons))
        self.steps.setTabText(STEP_READY, tr(CTX, self.STEPS[STEP_READY])
                              + (" ✔" if state.editable and check.ready else ""))

    def acknowledge(self, finding_key: str, note: str) -> None:
        if self.state is None or not self.state.editable:
            return
        self.flush()
        self.ops.write(save_acknowledgement, self.state.agreement_id, finding_key, note,
                       on_done=while_alive(self, self._acknowledged),
                       on_error=while_alive(self, self._general_failure))

    def _acknowledged(self, state: WizardState) -> None:
        if self.state is None or state.agreement_id != self.state.agreement_id:
            return
        state.wizard_step = self.state.wizard_step
        self._show_state(state)
        if self.stack.currentIndex() == STEP_READY:
            self._focus_step(STEP_READY)

    # -- signing and new versions ----------------------------------------------------------
    def _sign(self) -> None:
        if self.state is not None and self.state.signing_open:
            self.ready_to_sign.emit(self.state.agreement_id)
            return
        self.flush()
        if self.is_ready() and self.state is not None:
            self.ready_to_sign.emit(self.state.agreement_id)

    def new_revision(self) -> None:
        if self.state is None or self.state.editable or not ConfirmNewRevision.ask(self):
            return
        self.ops.write(make_new_revision, self.state.agreement_id,
                       on_done=while_alive(self, self._revised),
                       on_error=while_alive(self, self._general_failure))

    def _revised(self, state: WizardState) -> None:
        self._show_state(state, rebuild=True)
        self._set_step(STEP_CHECK, save=True)
        self.changed.emit(state.agreement_id)
