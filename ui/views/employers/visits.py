"""The employer's visit log, with the note of a new visit two keystrokes away: Ctrl+N focuses
the note, Ctrl+Enter saves it and readies the next. A planned visit being held now gets its
note on the planned visit itself. The note is saved as it is typed too (``AutoSave``), so an
interruption loses nothing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from consultant_app import services
from consultant_app.domain import VISIT_STATUSES
from consultant_app.text import format_date

from ...models.labels import domain_label, formatter_for
from ...ops import OpFailure, Ops
from ..partials.inputs import ChoiceBox, while_alive
from ..partials.record_form import AutoSave, RecordForm
from .form_parts import (
    chain,
    employer_items,
    form_box,
    line,
    list_view,
    not_saved_text,
    show_message,
    tr_field,
    undo_key,
)

VISIT_FORM = ("visit_date", "status", "notes", "follow_up_date", "follow_up_note")


def _log_visit(session: Any, employer_id: str, data: dict[str, Any]) -> str:
    return services.log_visit(session, employer_id, data).id


def _update_visit(session: Any, visit_id: str, data: dict[str, Any]) -> str:
    return services.update_visit(session, visit_id, data).id


class Visits(QWidget):
    """The Besøg tab of one employer: the note form above the log."""


    def __init__(self, ops: Ops, parent: QWidget | None = None):
        super().__init__(parent)
        self.ops = ops
        self.employer_id: str | None = None
        self.visit_id: str | None = None  # the note being written, once it is first saved
        self.planned_visit_id: str | None = None
        box = self.box = QGroupBox(self.tr("Ny besøgsnote"), self)
        form = self.form = RecordForm(box)
        note = self.note = QPlainTextEdit()
        note.setTabChangesFocus(True)
        note.setPlaceholderText(self.tr("Skriv noten her. Ctrl+Enter gemmer."))
        note.setFixedHeight(note.fontMetrics().lineSpacing() * 5 + 12)
        form.add("notes", self.tr("Note"), note)
        form.add("visit_date", tr_field("visit_date"), line(self.tr("fx 1.3.2026")))
        status = ChoiceBox()
        for code in ("done", "planned", "cancelled"):
            status.addItem(domain_label(VISIT_STATUSES, code), code)
        form.add("status", tr_field("status"), status)
        form.add("follow_up_date", self.tr("Opfølgningsdato"),
                 line(self.tr("valgfrit, fx 15.3.2026")))
        form.add("follow_up_note", self.tr("Opfølgningsnote"), line())
        self.save_button = QPushButton(self.tr("Gem besøg (Ctrl+Enter)"), box)
        self.save_button.clicked.connect(self.save)
        self.message = form_box(box, form, [self.save_button], self.save)
        self.autosave = AutoSave(self, [form.inputs[k] for k in VISIT_FORM],
                                 self._write, form.show_failure)
        self.autosave.saved.connect(self._autosaved)
        self.autosave.failed.connect(self._failed)
        undo_key(box, self.autosave.undo)

        self.model = employer_items(ops, "visit", lambda: self.employer_id,
                                    formatter_for("visit"), self)
        self.view = list_view(self.model, self.tr("Besøgslog"), self, self.tr(
            "Ingen besøg endnu. Skriv en besøgsnote ovenfor, og gem med Ctrl+Enter."))
        keys = [c.key for c in self.model.columns]
        self.view.setColumnHidden(keys.index("employer"), True)
        header = self.view.horizontalHeader()
        for key, width in (("visit_date", 100), ("status", 100), ("notes", 320),
                           ("follow_up_date", 100)):
            header.resizeSection(keys.index(key), width)
        self.follow_done = QPushButton(self.tr("Markér &opfølgning udført (Ctrl+D)"), self)
        self.follow_done.clicked.connect(self.complete_follow_up)

        layout = QVBoxLayout(self)
        layout.addWidget(box)
        layout.addWidget(QLabel(self.tr("Besøgslog"), self))
        layout.addWidget(self.view, 1)
        row = QHBoxLayout()
        row.addWidget(self.follow_done)
        row.addStretch(1)
        layout.addLayout(row)
        chain(self, [form.inputs[k] for k in ("notes", "visit_date", "status",
                                              "follow_up_date", "follow_up_note")]
              + [self.save_button, self.view, self.follow_done])

    def reset(self) -> None:
        """An empty note dated today (what was typed is saved first)."""
        if not self.autosave.leave():
            return
        self.planned_visit_id = None
        self.visit_id = None
        self.box.setTitle(self.tr("Ny besøgsnote"))
        self.form.clear_problems()
        for key, value in (("notes", ""), ("visit_date", format_date(dt.date.today())),
                           ("status", "done"), ("follow_up_date", ""), ("follow_up_note", "")):
            self.form.set_value(key, value)
        self.autosave.loaded()

    def hold_planned(self, planned_visit_id: str) -> None:
        """The note of a planned visit being held now."""
        self.reset()
        self.planned_visit_id = planned_visit_id
        self.box.setTitle(self.tr("Besøg i gang – noten gemmes på det planlagte besøg"))

    def save(self) -> None:
        """Ctrl+Enter: the note saved now, and the form ready for the next one."""
        if self.employer_id is None:
            return
        self.message.clear()
        if not self.autosave.flush(wait=True, focus=True):
            return
        if self.visit_id is None and self.planned_visit_id is None:
            return  # nothing written: nothing to log
        self.reset()
        show_message(self.message, self.tr("Besøget er gemt."), ok=True)
        self.note.setFocus()

    def _write(self, on_done: Callable[[Any], None],
               on_error: Callable[[OpFailure], None]) -> None:
        """The note as typed: a new visit the first time, the same visit after that."""
        if self.employer_id is None:
            on_error(OpFailure(self.tr("Vælg en virksomhed først.")))
            return
        data = self.form.values(VISIT_FORM)
        self.form.clear_problems()
        existing = self.visit_id or self.planned_visit_id
        if existing is not None:
            self.ops.write(_update_visit, existing, data, on_done=while_alive(self, on_done),
                           on_error=while_alive(self, on_error))
        else:
            self.ops.write(_log_visit, self.employer_id, data,
                           on_done=while_alive(self, on_done),
                           on_error=while_alive(self, on_error))

    def _autosaved(self, visit_id: str) -> None:
        if self.planned_visit_id is None:
            self.visit_id = visit_id

    def _failed(self, failure: OpFailure) -> None:
        if failure is not self.autosave.last_failure:
            self.form.show_failure(failure)
        show_message(self.message, not_saved_text(), ok=False)

    def complete_follow_up(self) -> None:
        index = self.view.currentIndex()
        if not index.isValid():
            show_message(self.message, self.tr("Vælg et besøg i loggen først."), ok=False)
            return
        self.ops.write(services.complete_follow_up, self.model.id_at(index.row()),
                       on_done=while_alive(self, lambda _v: show_message(self.message, self.tr(
                           "Opfølgningen er markeret som udført."), ok=True)),
                       on_error=while_alive(self, self._failed))
