"""The agreement wizard: choose the type → check the prefilled data → fill what is new →
ready to sign. Built entirely from the agreement's template, so a new type or template
version needs no change here.

Every edit is saved as the consultant goes (saving.py), and the step with
``set_wizard_step`` (navigation.py), so reopening the draft returns to the same step with the
same values. When the agreement is ready (no errors, every warning acknowledged with a note)
the "Underskriv…" button emits ``ready_to_sign(agreement_id)``; the signing flow connects
there.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QFont, QHideEvent
from PySide6.QtWidgets import (
    QFrame,
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

from forms.draft_state import (
    STEP_CHECK,
    STEP_READY,
    STEP_START,
    WizardState,
    create_agreement,
    make_new_revision,
    read_state,
    save_acknowledgement,
)

from ...i18n import tr
from ...models.labels import status_text
from ...ops import Latest, OpFailure, Ops, translate_message
from ...style import PROBLEM_STYLE
from ..partials.agreement_fields import FieldEditor, tr_template
from ..partials.agreement_findings import FindingsPanel
from ..partials.agreement_start import StartStep
from ..partials.inputs import page_action, while_alive
from .field_steps import FieldSteps, note_for, summary_html
from .frozen import FrozenBar
from .navigation import WizardNavigation
from .ready import ReadyStep
from .saving import FieldSaving

CTX = "agreement_wizard"


def read_known_state(session: Any, agreement_id: str) -> WizardState | None:
    """The agreement's state, or None when it was made with a template this build does not
    have (``read_state`` then fails with KeyError or ValueError): said in plain words, not
    reported as a fault."""
    try:
        return read_state(session, agreement_id)
    except (KeyError, ValueError):
        return None


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


class AgreementWizard(FieldSaving, FieldSteps, WizardNavigation, QWidget):
    """The four steps over one agreement (or, before it exists, over the choice of type)."""

    ready_to_sign = Signal(str)      # agreement id: the signing flow takes over
    created = Signal(str)            # a new draft's id
    opened = Signal(str)             # an agreement asked for by ``open_agreement`` is shown
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
        self._creating = False
        self._opening = Latest(ops, self)  # the agreement asked for, read off the UI thread
        self._asked_id = ""  # the agreement being opened (the wizard is disabled meanwhile)
        self._init_saving(self)

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

        self.frozen = FrozenBar(ops, self)
        self.frozen.new_revision_requested.connect(self.new_revision)
        self.frozen.problem.connect(self._problem)
        self.frozen.failed.connect(self._general_failure)
        self.general_problem = QLabel(self)
        self.general_problem.setStyleSheet(PROBLEM_STYLE)
        self.general_problem.setWordWrap(True)
        self.general_problem.hide()

        self.start = StartStep(ops, self)
        self.start.changed.connect(self._update_buttons)
        self.start.shown.connect(self._start_shown)
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
        self.ready = ReadyStep(self)
        self.ready.acknowledge.connect(self.acknowledge)
        self.stack = QStackedWidget(self)
        for body in (start_page, self.check_body, self.fill_body, self.ready):
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
        self.frozen.done.connect(self.save_state.setText)
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

        page_action(self, tr(CTX, "Næste trin"), "Alt+Right", self.next_step)
        page_action(self, tr(CTX, "Forrige trin"), "Alt+Left",
                    lambda: self.go_to(self.steps.currentIndex() - 1))
        self.clear()

    # -- opening -------------------------------------------------------------------------
    def clear(self) -> None:
        """Nothing open: the wizard waits for an agreement or a new start."""
        self.flush()
        self._stop_opening()
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
        """Step 1 for a new agreement, pre-chosen from what the consultant came from (read
        in the background: the cursor goes to the step when it is complete)."""
        self.flush()
        self._stop_opening()
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

    def _start_shown(self) -> None:
        if self.state is None and self.current_step() == STEP_START:
            self.start.first_input().setFocus(Qt.FocusReason.OtherFocusReason)

    def open_agreement(self, agreement_id: str) -> None:
        """Show an agreement at the step it was left at, read off the UI thread; ``opened``
        says when it shows. Meanwhile the wizard is disabled (what it shows is not the
        agreement asked for), and an agreement asked for later overtakes this one."""
        if self.state is not None and self.state.agreement_id == agreement_id:
            if self._asked_id:  # back to the one on show while another was on its way
                self._stop_opening()
            self.opened.emit(agreement_id)
            return
        self.flush()
        self.setEnabled(False)
        self._asked_id = agreement_id
        self._opening.read(read_known_state, agreement_id,
                           on_done=lambda state: self._opened(agreement_id, state),
                           on_error=self._open_failed)

    def _stop_opening(self) -> None:
        """The agreement on its way is no longer wanted."""
        self._opening.drop()
        self._asked_id = ""
        self.setEnabled(True)

    def _opened(self, agreement_id: str, state: WizardState | None,
                step: int | None = None) -> None:
        """The agreement read: shown at ``step`` (a reload), else where it was left."""
        self._asked_id = ""
        self.setEnabled(True)
        if state is None:
            self.clear()
            self.title.setText(tr(CTX, "Aftalen kan ikke vises"))
            self.subtitle.setText(tr(CTX, 
                "Aftalen er lavet med en skabelon, som denne version af programmet ikke "
                "kender. Opdatér programmet for at åbne den."))
            return
        self.general_problem.hide()
        self.save_state.clear()
        # A reload keeps the editors, so what is typed while it is read stays.
        self._show_state(state, rebuild=step is None)
        if step is None:
            for index in range(self.stack.count()):
                scroll = self.stack.widget(index)
                if isinstance(scroll, QScrollArea):
                    scroll.verticalScrollBar().setValue(0)
            step = state.wizard_step if state.editable else STEP_CHECK
            step = min(max(step, STEP_CHECK), STEP_READY)
        self._set_step(step, save=False)
        self.opened.emit(agreement_id)

    def _open_failed(self, failure: OpFailure) -> None:
        """Gone meanwhile, or the disk failed."""
        self.clear()
        self.subtitle.setText(failure.summary)

    def reload(self) -> None:
        """Re-read the open agreement (after a sync or another page's write), at the step
        on show. The wizard stays as it is meanwhile: it is the same agreement, and what is
        being typed is kept (``_show_state``)."""
        if self.state is not None and not self.saving() and not self._opening.waiting:
            agreement_id, step = self.state.agreement_id, self.steps.currentIndex()
            self._opening.read(read_known_state, agreement_id,
                               on_done=lambda state: self._opened(agreement_id, state, step),
                               on_error=self._open_failed)

    def _show_chrome(self) -> None:
        self.steps.setVisible(True)
        self.split.setVisible(True)
        for button in (self.back_button, self.next_button, self.sign_button):
            button.setVisible(True)

    # -- showing an agreement -------------------------------------------------------------
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
        self.start_summary.setText(summary_html(state))
        self.findings.show()
        self.title.setText(tr_template(template.title))
        parties = [state.values.get(k) for k in ("employer_name", "citizen_name")]
        self.subtitle.setText(" · ".join(str(p) for p in parties if p)
                              + (" · " if any(parties) else "")
                              + tr(CTX, "version {n}").format(n=state.revision)
                              + " · " + status_text(state.status))
        for key, editor in self.editors.items():
            value = state.values.get(key)
            if key == just_saved:
                if editor.raw() == sent:  # else typed on meanwhile: that is saved next
                    editor.set_value(value)
            elif key not in self._in_flight and editor.raw() == editor.saved:
                editor.set_value(value)
            editor.set_note(note_for(state, editor) if editor.raw() == editor.saved
                            else "")
            editor.set_read_only(not state.editable)
        self.frozen.show_state(state)
        self._show_findings(state)
        self._update_buttons()

    # -- creating ------------------------------------------------------------------------
    def create(self) -> None:
        choice = self.start.choice()
        if not choice["agreement_type"] or not choice["employer_id"] or self._creating \
                or self.start.loading:  # the parties shown are not yet the ones asked for
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

    # -- problems ------------------------------------------------------------------------
    def _problem(self, text: str) -> None:
        self.general_problem.setText(text)
        self.general_problem.setVisible(bool(text))

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
        self.ready.show_state(state)
        self.steps.setTabText(STEP_READY, tr(CTX, self.STEPS[STEP_READY])
                              + (" ✔" if state.editable and state.check.ready else ""))

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
