"""The employer's contact persons: the list, and under it the form for a new one or the one
being corrected (Enter on a contact). Saved as the consultant goes; Ctrl+Enter saves now and
empties the form for the next contact."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QCheckBox, QLabel, QPushButton, QVBoxLayout, QWidget

from consultant_app import queries, services

from ...i18n import tr
from ...ops import Latest, Ops
from .child_tab import ChildRecordTab
from .form_parts import chain, line, show_message, tr_field

CTX = "Contacts"

CONTACT_FORM = ("name", "role", "phone", "email", "is_primary")


class Contacts(ChildRecordTab):
    """The Kontakter tab of one employer."""

    kind = "contact_person"
    fields = CONTACT_FORM
    create = services.add_contact
    update = services.update_contact

    def __init__(self, ops: Ops, parent: QWidget | None = None):
        super().__init__(ops, parent)
        self.contact_id: str | None = None
        self.make_view(tr(CTX, "Kontaktpersoner"), tr(CTX, 
            "Ingen kontaktpersoner endnu. Skriv den første i felterne herunder."))
        self.view.activated.connect(self._edit)
        self.view.doubleClicked.connect(self._edit)
        self._record = Latest(ops, self)  # the contact to correct, read off the UI thread

        form = self.make_form(tr(CTX, "Kontaktperson"))
        box = self.box
        form.add("name", tr_field("name"), line())
        form.add("role", tr(CTX, "Rolle"), line(tr(CTX, "fx Ejer, HR-ansvarlig")))
        form.add("phone", tr_field("phone"), line(tr(CTX, "8 cifre")))
        form.add("email", tr_field("email"), line())
        form.add("is_primary", tr(CTX, "Primær kontakt"), QCheckBox())
        self.new_button = QPushButton(tr(CTX, "N&y kontakt"), box)
        self.new_button.clicked.connect(self.new)
        self.save_button = QPushButton(tr(CTX, "Gem kontakt (Ctrl+Enter)"), box)
        self.save_button.clicked.connect(self.save)
        self.finish_form([self.save_button, self.new_button])
        self.autosave.saved.connect(self._saved)

        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(QLabel(tr(CTX, "Enter på en kontakt retter den."), self))
        layout.addWidget(box)
        chain(self, [self.view] + [form.inputs[k] for k in CONTACT_FORM]
              + [self.save_button, self.new_button])

    def new(self) -> None:
        """An empty form for the next contact (what was typed is saved first)."""
        if not self.autosave.leave():
            return
        self._record.drop()
        self.contact_id = None
        self.box.setTitle(tr(CTX, "Ny kontaktperson"))
        self.form.clear_problems()
        for key in CONTACT_FORM:
            self.form.set_value(key, False if key == "is_primary" else "")
        self.autosave.loaded()
        self.message.clear()

    def _edit(self, index: QModelIndex) -> None:
        contact_id = self.model.id_at(index.row())
        if not self.autosave.leave():
            return
        self._record.read(queries.contact_record, contact_id,
                          on_done=lambda record: self._show_contact(contact_id, record))

    def _show_contact(self, contact_id: str, record: Any) -> None:
        if record is None:  # deleted meanwhile
            return
        self.contact_id = contact_id
        self.box.setTitle(tr(CTX, "Ret kontaktperson"))
        self.form.clear_problems()
        for key in CONTACT_FORM:
            self.form.set_value(key, getattr(record, key))
        self.autosave.loaded()
        self.message.clear()
        self.form.inputs["name"].setFocus()

    def save(self) -> None:
        """Ctrl+Enter: the contact saved now, and the form ready for the next one."""
        if self.employer_id is None:
            return
        if self.autosave.flush(wait=True, focus=True) and self.contact_id:
            self.new()
            show_message(self.message, tr(CTX, "Kontakten er gemt."), ok=True)

    def editing_id(self) -> str | None:
        return self.contact_id

    def no_employer_text(self) -> str:
        return tr(CTX, "Gem virksomheden først.")

    def _saved(self, contact_id: str) -> None:
        self.contact_id = contact_id
        self.box.setTitle(tr(CTX, "Ret kontaktperson"))
        show_message(self.message, tr(CTX, "Kontakten er gemt."), ok=True)
