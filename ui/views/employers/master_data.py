"""The employer's master data (stamdata): name, CVR and P-number, address, contact details and
the headcount the rimelighedskrav is judged by.

Validated by ``services.create_employer`` / ``update_employer``: a refused value is shown next
to its field and the form keeps what was typed. Saved as the consultant goes (``AutoSave``);
Ctrl+S saves now and Ctrl+Z takes the last save back.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from consultant_app import postcodes, queries, services
from consultant_app.text import format_date

from ...i18n import tr
from ...models.id_table import default_format
from ...ops import OpFailure, Ops
from ..partials.inputs import while_alive
from ..partials.record_form import AutoSave, RecordForm
from .form_parts import chain, line, not_saved_text, show_message, tr_field, undo_key

CTX = "MasterData"

EMPLOYER_FORM = ("name", "cvr", "p_number", "address", "postcode", "town", "industry", "phone",
                 "email", "ordinary_employees", "employees_as_of", "subsidised_persons", "notes")


def _create_employer(session: Any, data: dict[str, Any]) -> str:
    return services.create_employer(session, data).id


def _update_employer(session: Any, employer_id: str, data: dict[str, Any]) -> str:
    return services.update_employer(session, employer_id, data).id


class MasterData(QWidget):
    """The Stamdata tab: one employer's form, or an empty one for a new employer."""

    saved = Signal(str)  # employer id, after a create or an edit

    def __init__(self, ops: Ops, parent: QWidget | None = None):
        super().__init__(parent)
        self.ops = ops
        self.employer_id: str | None = None
        self._auto_town = ""
        form = self.form = RecordForm(self)
        form.add("name", tr_field("name"), line())
        form.add("cvr", tr_field("cvr"), line(tr(CTX, "8 cifre")))
        form.add("p_number", tr_field("p_number"), line(tr(CTX, "10 cifre (valgfrit)")))
        form.add("address", tr_field("address"), line())
        form.add("postcode", tr_field("postcode"), line(tr(CTX, "4 cifre")))
        form.add("town", tr(CTX, "By"), line(tr(CTX, "udfyldes ud fra postnummeret")))
        form.add("industry", tr_field("industry"), line())
        form.add("phone", tr_field("phone"), line(tr(CTX, "8 cifre")))
        form.add("email", tr_field("email"), line())
        form.add("ordinary_employees", tr_field("ordinary_employees"),
                 line(tr(CTX, "årsværk, fx 12,5")))
        form.add("employees_as_of", tr_field("employees_as_of"),
                 line(tr(CTX, "dato, fx 1.3.2026")))
        form.add("subsidised_persons", tr_field("subsidised_persons"), line("0"))
        notes = QPlainTextEdit()
        notes.setTabChangesFocus(True)
        notes.setFixedHeight(notes.fontMetrics().lineSpacing() * 4 + 12)
        form.add("notes", tr_field("notes"), notes)
        postcode = form.inputs["postcode"]
        assert isinstance(postcode, QLineEdit)
        postcode.textEdited.connect(self._postcode_edited)

        self.save_button = QPushButton(tr(CTX, "G&em (Ctrl+S)"), self)
        self.save_button.clicked.connect(self.save)
        self.revert_button = QPushButton(tr(CTX, "Fo&rtryd (Ctrl+Z)"), self)
        self.revert_button.clicked.connect(self.undo)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.message, 1)

        holder = QWidget(self)  # keeps the rows at their natural height, top-aligned
        stack = QVBoxLayout(holder)
        stack.setContentsMargins(0, 0, 0, 0)
        stack.addWidget(form)
        stack.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(holder)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)
        self.autosave = AutoSave(self, [form.inputs[k] for k in EMPLOYER_FORM],
                                 self._write, form.show_failure)
        self.autosave.saved.connect(self._saved)
        self.autosave.failed.connect(
            lambda _f: show_message(self.message, not_saved_text(), ok=False))
        self.autosave.state_text.connect(self._state_text)
        undo_key(self, self.undo)
        chain(self, [form.inputs[k] for k in EMPLOYER_FORM]
              + [self.save_button, self.revert_button])

    def show_record(self, record: queries.EmployerRecord | None) -> None:
        """Fill the form with ``record``, or empty it for a new employer."""
        self.employer_id = record.id if record is not None else None
        self.form.clear_problems()
        for key in EMPLOYER_FORM:
            value = getattr(record, key) if record is not None else None
            if key == "employees_as_of":
                text = format_date(value)
            elif key == "ordinary_employees":
                text = default_format(key, value)
            else:
                text = "" if value is None else str(value)
            self.form.set_value(key, text)
        self._auto_town = ""
        self.autosave.loaded()
        self.message.clear()

    def focus_first(self) -> None:
        self.form.inputs["name"].setFocus()

    def save(self) -> None:
        """Ctrl+S: save now what would be saved after the pause anyway."""
        self.autosave.flush(focus=True)

    def undo(self) -> None:
        self.form.clear_problems()
        if self.autosave.undo():
            self.message.clear()

    def _postcode_edited(self, text: str) -> None:
        """Fill the town from the official postcode list unless the user wrote their own."""
        town = self.form.inputs["town"]
        assert isinstance(town, QLineEdit)
        found = postcodes.lookup(text.strip())
        if found is not None and town.text() in ("", self._auto_town):
            town.setText(found.town)
            self._auto_town = found.town

    def _state_text(self, text: str) -> None:
        if self.autosave.last_failure is None:
            show_message(self.message, text, ok=True)

    def _write(self, on_done: Callable[[Any], None],
               on_error: Callable[[OpFailure], None]) -> None:
        data = self.form.values(EMPLOYER_FORM)
        self.form.clear_problems()
        if self.employer_id is None:
            self.ops.write(_create_employer, data, on_done=while_alive(self, on_done),
                           on_error=while_alive(self, on_error))
        else:
            if not data["town"].strip():
                del data["town"]  # the service fills it from the postcode
            self.ops.write(_update_employer, self.employer_id, data,
                           on_done=while_alive(self, on_done),
                           on_error=while_alive(self, on_error))

    def _saved(self, employer_id: str) -> None:
        self.employer_id = employer_id
        self.saved.emit(employer_id)
