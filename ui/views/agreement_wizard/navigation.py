"""Moving between the wizard's four steps, and the buttons that do it.

A step left is saved first; the step is remembered in the draft (``set_wizard_step``), so a
reopened draft returns to where the consultant was. Arriving on a step puts the cursor where
the work is: the first empty required field, the first warning's note, or "Underskriv…".
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QScrollArea, QStackedWidget, QTabBar, QWidget

from forms import agreements as fa
from forms import fields as ffields
from forms.draft_state import STEP_CHECK, STEP_FILL, STEP_READY, STEP_START, WizardState

from ...i18n import tr
from ...ops import Ops
from ...style import OK_COLOUR
from ..partials.agreement_fields import FieldEditor
from ..partials.agreement_start import StartStep
from ..partials.inputs import while_alive
from .ready import ReadyStep

CTX = "agreement_wizard"


class WizardNavigation:
    """The wizard's step bar, stack and Back/Next/Sign buttons. The wizard provides
    ``flush``, ``create``, ``saving`` and ``_general_failure``."""

    ops: Ops
    state: WizardState | None
    editors: dict[str, FieldEditor]
    step_of_field: dict[str, int]
    steps: QTabBar
    stack: QStackedWidget
    start: StartStep
    ready: ReadyStep
    back_button: QPushButton
    next_button: QPushButton
    sign_button: QPushButton
    _creating: bool

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

    def current_step(self) -> int:
        return self.stack.currentIndex()

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
            target = self.ready.first_open_note() or self.sign_button
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

    def _update_buttons(self) -> None:
        step = self.stack.currentIndex()
        state = self.state
        self.back_button.setEnabled(step > STEP_START)
        if step == STEP_START and state is None:
            self.next_button.setText(tr(CTX, "&Opret aftale →"))
            choice = self.start.choice()
            self.next_button.setEnabled(bool(choice["agreement_type"] and choice["employer_id"])
                                        and not self._creating and not self.start.loading)
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
                and not self.saving())
