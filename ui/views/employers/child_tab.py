"""What the employer's tabs of its own records (contact persons, visits) share: the list of
them, read off the UI thread, and a small form in a box that writes a new one or corrects
one, saved as the consultant goes (``AutoSave``), Ctrl+Enter saving now and Ctrl+Z undoing;
a refused value is shown by its field and on the message line under the form."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QGroupBox, QPushButton, QTableView, QWidget

from ...models.id_table import BackgroundIdTableModel
from ...models.labels import formatter_for
from ...ops import OpFailure, Ops
from ..partials.inputs import while_alive
from ..partials.record_form import AutoSave, RecordForm
from .form_parts import (
    employer_items,
    form_box,
    list_view,
    not_saved_text,
    show_message,
    undo_key,
)

Write = Callable[..., Any]  # a service: (session, employer or record id, data) -> the record


class ChildRecordTab(QWidget):
    """One kind (``kind``) of the open employer's records. A subclass adds its inputs to
    ``form`` (between ``make_form`` and ``finish_form``), lays the parts out, and says
    which record the form writes (``editing_id``: None for a new one)."""

    kind = ""
    fields: tuple[str, ...] = ()  # the form's fields, in the order the form reads
    create: Write                 # services function making a new record of the employer
    update: Write                 # services function correcting one

    def __init__(self, ops: Ops, parent: QWidget | None = None):
        super().__init__(parent)
        self.ops = ops
        self.employer_id: str | None = None
        self.model: BackgroundIdTableModel = employer_items(
            ops, self.kind, lambda: self.employer_id, formatter_for(self.kind), self)

    def make_view(self, name: str, empty: str) -> QTableView:
        self.view = list_view(self.model, name, self, empty)
        return self.view

    def make_form(self, title: str) -> RecordForm:
        self.box = QGroupBox(title, self)
        self.form = RecordForm(self.box)
        return self.form

    def finish_form(self, buttons: list[QPushButton]) -> None:
        """The buttons and the message line under the form; saving as typed and undoing
        over its ``fields``."""
        self.message = form_box(self.box, self.form, buttons, self.save)
        self.autosave = AutoSave(self, [self.form.inputs[k] for k in self.fields],
                                 self._write, self.form.show_failure)
        self.autosave.failed.connect(self._failed)
        undo_key(self.box, self.autosave.undo)

    def save(self) -> None:
        raise NotImplementedError

    def editing_id(self) -> str | None:
        raise NotImplementedError

    def no_employer_text(self) -> str:
        raise NotImplementedError

    def _write(self, on_done: Callable[[Any], None],
               on_error: Callable[[OpFailure], None]) -> None:
        """The form as typed: a new record the first time, the same record after that."""
        if self.employer_id is None:
            on_error(OpFailure(self.no_employer_text()))
            return
        data = self.form.values(self.fields)
        self.form.clear_problems()
        existing = self.editing_id()
        write, target = (type(self).update, existing) if existing is not None \
            else (type(self).create, self.employer_id)
        self.ops.write(_id_of, write, target, data, on_done=while_alive(self, on_done),
                       on_error=while_alive(self, on_error))

    def _failed(self, failure: OpFailure) -> None:
        """A refused save: the message line says so; the fields' own messages are shown
        already when the failure is the form's save's (``AutoSave``)."""
        if failure is not self.autosave.last_failure:
            self.form.show_failure(failure)
        show_message(self.message, not_saved_text(), ok=False)


def _id_of(session: Any, write: Write, target: str, data: dict[str, Any]) -> str:
    return write(session, target, data).id
