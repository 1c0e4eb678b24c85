"""The employer's visit log, with the note of a new visit two keystrokes away: Ctrl+N focuses
the note, Ctrl+Enter saves it and readies the next. A planned visit being held now gets its
note on the planned visit itself. The note is saved as it is typed too (``AutoSave``), so an
interruption loses nothing."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
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

from ...i18n import tr
from ...models.labels import domain_label
from ...ops import Ops
from ..partials.inputs import ChoiceBox, while_alive
from .child_tab import ChildRecordTab
from .form_parts import chain, line, show_message, tr_field

CTX = "Visits"

VISIT_FORM = ("visit_date", "status", "notes", "follow_up_date", "follow_up_note")


class Visits(ChildRecordTab):
    """The Besøg tab of one employer: the note form above the log."""

    kind = "visit"
    fields = VISIT_FORM
    create = services.log_visit
    update = services.update_visit

    def __init__(self, ops: Ops, parent: QWidget | None = None):
        super().__init__(ops, parent)
        self.visit_id: str | None = None  # the note being written, once it is first saved
        self.planned_visit_id: str | None = None
        form = self.make_form(tr(CTX, "Ny besøgsnote"))
        box = self.box
        note = self.note = QPlainTextEdit()
        note.setTabChangesFocus(True)
        note.setPlaceholderText(tr(CTX, "Skriv noten her. Ctrl+Enter gemmer."))
        note.setFixedHeight(note.fontMetrics().lineSpacing() * 5 + 12)
        form.add("notes", tr(CTX, "Note"), note)
        form.add("visit_date", tr_field("visit_date"), line(tr(CTX, "fx 1.3.2026")))
        status = ChoiceBox()
        for code in ("done", "planned", "cancelled"):
            status.addItem(domain_label(VISIT_STATUSES, code), code)
        form.add("status", tr_field("status"), status)
        form.add("follow_up_date", tr(CTX, "Opfølgningsdato"),
                 line(tr(CTX, "valgfrit, fx 15.3.2026")))
        form.add("follow_up_note", tr(CTX, "Opfølgningsnote"), line())
        self.save_button = QPushButton(tr(CTX, "Gem besøg (Ctrl+Enter)"), box)
        self.save_button.clicked.connect(self.save)
        self.finish_form([self.save_button])
        self.autosave.saved.connect(self._autosaved)

        self.make_view(tr(CTX, "Besøgslog"), tr(CTX, 
            "Ingen besøg endnu. Skriv en besøgsnote ovenfor, og gem med Ctrl+Enter."))
        keys = [c.key for c in self.model.columns]
        self.view.setColumnHidden(keys.index("employer"), True)
        header = self.view.horizontalHeader()
        for key, width in (("visit_date", 100), ("status", 100), ("notes", 320),
                           ("follow_up_date", 100)):
            header.resizeSection(keys.index(key), width)
        self.follow_done = QPushButton(tr(CTX, "Markér &opfølgning udført (Ctrl+D)"), self)
        self.follow_done.clicked.connect(self.complete_follow_up)

        layout = QVBoxLayout(self)
        layout.addWidget(box)
        layout.addWidget(QLabel(tr(CTX, "Besøgslog"), self))
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
        self.box.setTitle(tr(CTX, "Ny besøgsnote"))
        self.form.clear_problems()
        for key, value in (("notes", ""), ("visit_date", format_date(dt.date.today())),
                           ("status", "done"), ("follow_up_date", ""), ("follow_up_note", "")):
            self.form.set_value(key, value)
        self.autosave.loaded()

    def hold_planned(self, planned_visit_id: str) -> None:
        """The note of a planned visit being held now."""
        self.reset()
        self.planned_visit_id = planned_visit_id
        self.box.setTitle(tr(CTX, "Besøg i gang – noten gemmes på det planlagte besøg"))

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
        show_message(self.message, tr(CTX, "Besøget er gemt."), ok=True)
        self.note.setFocus()

    def editing_id(self) -> str | None:
        """The note being written: a new visit's once it is first saved, else the planned
        visit being held now."""
        return self.visit_id or self.planned_visit_id

    def no_employer_text(self) -> str:
        return tr(CTX, "Vælg en virksomhed først.")

    def _autosaved(self, visit_id: str) -> None:
        if self.planned_visit_id is None:
            self.visit_id = visit_id

    def complete_follow_up(self) -> None:
        index = self.view.currentIndex()
        if not index.isValid():
            show_message(self.message, tr(CTX, "Vælg et besøg i loggen først."), ok=False)
            return
        self.ops.write(services.complete_follow_up, self.model.id_at(index.row()),
                       on_done=while_alive(self, lambda _v: show_message(self.message, tr(CTX, 
                           "Opfølgningen er markeret som udført."), ok=True)),
                       on_error=while_alive(self, self._failed))
