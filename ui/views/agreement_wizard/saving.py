"""Saving the wizard's fields as the consultant goes.

A field is written through ``forms.agreements.update_fields`` when its input loses the focus,
on Enter, or after a short pause in typing. Each save comes back with the rules' findings, so
they follow the fields live. A value the service refuses shows the Danish message at the field
and is not saved; nothing else is touched. Leaving a step, the page or the window saves what
is still being typed.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from forms.draft_state import WizardState, save_fields

from ...i18n import tr
from ...ops import OpFailure, Ops
from ..partials.agreement_fields import FieldEditor
from ..partials.inputs import while_alive
from ..partials.record_form import SAVE_PAUSE_MS

CTX = "agreement_wizard"


class FieldSaving:
    """The wizard's part that writes edited fields: what is waiting (``_pending``), what is
    on its way (``_in_flight``) and the pause timer. The wizard provides ``_show_state``,
    ``_general_failure`` and ``_update_buttons``."""

    ops: Ops
    state: WizardState | None
    editors: dict[str, FieldEditor]
    save_state: QLabel
    sign_button: QPushButton

    def _init_saving(self, owner: QWidget) -> None:
        self._pending: set[str] = set()
        self._in_flight: dict[str, Any] = {}   # field -> the input being saved
        self._debounce = QTimer(owner)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SAVE_PAUSE_MS)
        self._debounce.timeout.connect(self.flush)

    def saving(self) -> bool:
        """Something typed is not saved yet, or a save is on its way."""
        return bool(self._pending or self._in_flight
                    or any(e.dirty() for e in self.editors.values()))

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
            self.save_state.setText(tr(CTX, "Alt er gemt {time}.").format(
                time=dt.datetime.now().strftime("%H:%M:%S")))

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
            self.save_state.setText(tr(CTX, "{field} er ikke gemt – ret det markerede.")
                                    .format(field=editor.label_text))
        else:
            self._general_failure(failure)
        self._update_buttons()
