"""Employers: the list on the left, the open employer on the right.

The employer panel edits the master data (validated by ``services.create_employer`` /
``update_employer``: a refused value is shown next to its field and the form keeps what was
typed), the contact persons, and the visit log, where a new note is two keystrokes away:
Ctrl+N focuses the note, Ctrl+Enter saves it. The employer's vacancies, matches and agreements
are lists that open on their own pages.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from consultant_app import postcodes, queries, services
from consultant_app.domain import VISIT_STATUSES
from consultant_app.errors import field_label
from consultant_app.text import format_date
from consultant_app.search import fts_query

from ..models.id_table import IdTableModel, default_format
from ..models.labels import domain_label, formatter_for
from ..ops import OpFailure, Ops
from ..style import OK_STYLE, PROBLEM_STYLE
from . import Page
from .agreement_wizard import new_agreement_ref
from .agreements import format_agreement_cell
from .vacancies import new_vacancy_ref
from .partials.id_list import down_to_list
from .partials.inputs import ChoiceBox, page_action
from .partials.record_form import AutoSave
from .partials.sealed_pdf import agreement_pdf_actions
from .partials.tables import read_only_table

EMPLOYER_FORM = ("name", "cvr", "p_number", "address", "postcode", "town", "industry", "phone",
                 "email", "ordinary_employees", "employees_as_of", "subsidised_persons", "notes")
CONTACT_FORM = ("name", "role", "phone", "email", "is_primary")
VISIT_FORM = ("visit_date", "status", "notes", "follow_up_date", "follow_up_note")


def _create_employer(session: Any, data: dict[str, Any]) -> str:
    return services.create_employer(session, data).id


def _add_contact(session: Any, employer_id: str, data: dict[str, Any]) -> str:
    return services.add_contact(session, employer_id, data).id


def _log_visit(session: Any, employer_id: str, data: dict[str, Any]) -> str:
    return services.log_visit(session, employer_id, data).id


def _date_text(value: dt.date | None) -> str:
    return format_date(value)


def _tr_field(field: str) -> str:
    return QCoreApplication.translate("fields", field_label(field))


class FieldForm(QWidget):
    """Labelled inputs, each with a place for its error right under it.

    ``show_failure`` puts each refused field's Danish message under that field and anything
    not tied to a field at the top; nothing typed is touched.
    """

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.layout_ = QFormLayout(self)
        self.layout_.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.layout_.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.general = self._error_label()
        self.layout_.addRow(self.general)
        self.inputs: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}

    def _error_label(self) -> QLabel:
        label = QLabel(self)
        label.setStyleSheet(PROBLEM_STYLE)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.hide()
        return label

    def add(self, key: str, label: str, widget: QWidget, extra: QWidget | None = None) -> QWidget:
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        if extra is None:
            column.addWidget(widget)
        else:
            line = QHBoxLayout()
            line.addWidget(widget)
            line.addWidget(extra)
            column.addLayout(line)
        error = self._error_label()
        column.addWidget(error)
        title = QLabel(label, self)
        title.setBuddy(widget)
        self.layout_.addRow(title, box)
        widget.setAccessibleName(label.replace("&", ""))
        self.inputs[key] = widget
        self.errors[key] = error
        return widget

    def clear_errors(self) -> None:
        self.general.hide()
        for label in self.errors.values():
            label.clear()
            label.hide()

    def show_failure(self, failure: OpFailure, focus: bool = True) -> None:
        self.clear_errors()
        general: list[str] = []
        for field, messages in failure.field_problems.items():
            label = self.errors.get(field)
            if label is None:
                general.extend(f"{_tr_field(field)}: {m}" for m in messages)
            else:
                label.setText("\n".join(messages))
                label.show()
        if not failure.field_problems:
            general.append(failure.summary)
        if general:
            self.general.setText("\n".join(general))
            self.general.show()
        first = next((self.inputs[f] for f in self.inputs if f in failure.field_problems), None)
        if first is not None and focus:
            first.setFocus()

    def value(self, key: str) -> Any:
        widget = self.inputs[key]
        if isinstance(widget, QLineEdit):
            return widget.text()
        if isinstance(widget, QPlainTextEdit):
            return widget.toPlainText()
        if isinstance(widget, QCheckBox):
            return widget.isChecked()
        if isinstance(widget, QComboBox):
            return widget.currentData()
        raise TypeError(widget)

    def set_value(self, key: str, value: Any) -> None:
        widget = self.inputs[key]
        if isinstance(widget, QLineEdit):
            widget.setText(value)
        elif isinstance(widget, QPlainTextEdit):
            widget.setPlainText(value)
        elif isinstance(widget, QCheckBox):
            widget.setChecked(bool(value))
        elif isinstance(widget, QComboBox):
            widget.setCurrentIndex(max(widget.findData(value), 0))

    def values(self) -> dict[str, Any]:
        return {key: self.value(key) for key in self.inputs}


def _line(placeholder: str = "") -> QLineEdit:
    edit = QLineEdit()
    edit.setPlaceholderText(placeholder)
    return edit


def _list_view(model: IdTableModel, name: str, parent: QWidget, empty: str = "") -> QTableView:
    view = read_only_table(model, name, parent, empty)
    view.horizontalHeader().setDefaultSectionSize(150)
    return view


def _form_box(box: QGroupBox, form: QWidget, buttons: list[QPushButton],
              save: Callable[[], None]) -> QLabel:
    """Lay out a small form in ``box`` with its buttons and a message line under it;
    Ctrl+Enter anywhere in the box saves. Returns the message line."""
    message = QLabel(box)
    message.setWordWrap(True)
    row = QHBoxLayout()
    for button in buttons:
        row.addWidget(button)
    row.addWidget(message, 1)
    inner = QVBoxLayout(box)
    inner.addWidget(form)
    inner.addLayout(row)
    for seq in ("Ctrl+Return", "Ctrl+Enter"):
        shortcut = QShortcut(QKeySequence(seq), box)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(save)
    return message


def _undo_key(box: QWidget, undo: Callable[[], Any]) -> None:
    """Ctrl+Z in a form undoes that form's last change (``AutoSave.undo``)."""
    shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Undo), box)
    shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    shortcut.activated.connect(undo)


def _message(label: QLabel, text: str, ok: bool) -> None:
    label.setStyleSheet(OK_STYLE if ok else PROBLEM_STYLE)
    label.setText(text)
    label.show()


class EmployerPanel(QWidget):
    """One employer: master data, contacts, visits and its vacancies, matches and agreements."""

    open_requested = Signal(str, str)
    saved = Signal(str)  # employer id, after a create or an edit

    TAB_DATA, TAB_CONTACTS, TAB_VISITS, TAB_VACANCIES, TAB_MATCHES, TAB_AGREEMENTS = range(6)

    def __init__(self, ops: Ops, parent: QWidget | None = None):
        super().__init__(parent)
        self.ops = ops
        self.employer_id: str | None = None
        self._auto_town = ""
        self._contact_id: str | None = None
        self._planned_visit_id: str | None = None

        self.title = QLabel(self)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        self.subtitle = QLabel(self)
        for label in (self.title, self.subtitle):  # a long name must not widen the window
            label.setMinimumWidth(1)
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.subtitle.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(self.tr("Virksomhedens faner"))

        self.tabs.addTab(self._build_data_tab(), self.tr("&Stamdata"))
        self.tabs.addTab(self._build_contacts_tab(), self.tr("&Kontakter"))
        self.tabs.addTab(self._build_visits_tab(), self.tr("&Besøg"))
        self.related: dict[str, IdTableModel] = {}
        self.related_views: dict[str, QTableView] = {}
        for kind, name in (("vacancy", self.tr("Stillinger")), ("match", self.tr("Match")),
                           ("placement_agreement", self.tr("Aftaler"))):
            self.tabs.addTab(self._build_related_tab(kind, name), name)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 8, 8)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.tabs, 1)
        self.show_empty()

    # -- building -----------------------------------------------------------------------
    def _build_data_tab(self) -> QWidget:
        tab = QWidget(self)
        form = self.form = FieldForm(tab)
        form.add("name", _tr_field("name"), _line())
        form.add("cvr", _tr_field("cvr"), _line(self.tr("8 cifre")))
        form.add("p_number", _tr_field("p_number"), _line(self.tr("10 cifre (valgfrit)")))
        form.add("address", _tr_field("address"), _line())
        self.town_hint = QLabel(tab)
        form.add("postcode", _tr_field("postcode"), _line(self.tr("4 cifre")))
        form.add("town", self.tr("By"), _line(self.tr("udfyldes ud fra postnummeret")))
        form.add("industry", _tr_field("industry"), _line())
        form.add("phone", _tr_field("phone"), _line(self.tr("8 cifre")))
        form.add("email", _tr_field("email"), _line())
        form.add("ordinary_employees", _tr_field("ordinary_employees"),
                 _line(self.tr("årsværk, fx 12,5")))
        form.add("employees_as_of", _tr_field("employees_as_of"),
                 _line(self.tr("dato, fx 1.3.2026")))
        form.add("subsidised_persons", _tr_field("subsidised_persons"), _line("0"))
        notes = QPlainTextEdit()
        notes.setTabChangesFocus(True)
        notes.setFixedHeight(notes.fontMetrics().lineSpacing() * 4 + 12)
        form.add("notes", _tr_field("notes"), notes)
        form.inputs["postcode"].textEdited.connect(self._postcode_edited)  # type: ignore[attr-defined]

        self.save_button = QPushButton(self.tr("G&em (Ctrl+S)"), tab)
        self.save_button.clicked.connect(self.save_employer)
        self.revert_button = QPushButton(self.tr("Fo&rtryd (Ctrl+Z)"), tab)
        self.revert_button.clicked.connect(self.undo_employer)
        self.data_message = QLabel(tab)
        self.data_message.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.data_message, 1)

        holder = QWidget(tab)  # keeps the rows at their natural height, top-aligned
        stack = QVBoxLayout(holder)
        stack.setContentsMargins(0, 0, 0, 0)
        stack.addWidget(form)
        stack.addStretch(1)
        scroll = QScrollArea(tab)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(holder)
        layout = QVBoxLayout(tab)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)
        self.autosave = AutoSave(self, [form.inputs[k] for k in EMPLOYER_FORM],
                                 self._write_employer, form.show_failure)
        self.autosave.saved.connect(self._employer_saved)
        self.autosave.failed.connect(lambda _f: _message(
            self.data_message, self.tr("Ikke gemt – ret det markerede, eller fortryd med "
                                       "Ctrl+Z."), ok=False))
        self.autosave.state_text.connect(self._data_state)
        _undo_key(tab, self.undo_employer)
        self._chain(tab, [form.inputs[k] for k in EMPLOYER_FORM]
                    + [self.save_button, self.revert_button])
        return tab

    def _build_contacts_tab(self) -> QWidget:
        tab = QWidget(self)
        self.contacts = IdTableModel(
            "contact_person", self._related_ids("contact_person"),
            lambda ids: self.ops.run_sync_read(queries.list_rows, "contact_person", ids),
            formatter_for("contact_person"), self)
        self.contacts_view = _list_view(self.contacts, self.tr("Kontaktpersoner"), tab, self.tr(
            "Ingen kontaktpersoner endnu. Skriv den første i felterne herunder."))
        self.contacts_view.activated.connect(self._edit_contact)
        self.contacts_view.doubleClicked.connect(self._edit_contact)

        box = QGroupBox(self.tr("Kontaktperson"), tab)
        self.contact_box = box
        form = self.contact_form = FieldForm(box)
        form.add("name", _tr_field("name"), _line())
        form.add("role", self.tr("Rolle"), _line(self.tr("fx Ejer, HR-ansvarlig")))
        form.add("phone", _tr_field("phone"), _line(self.tr("8 cifre")))
        form.add("email", _tr_field("email"), _line())
        form.add("is_primary", self.tr("Primær kontakt"), QCheckBox())
        self.contact_new = QPushButton(self.tr("N&y kontakt"), box)
        self.contact_new.clicked.connect(self.new_contact)
        self.contact_save = QPushButton(self.tr("Gem kontakt (Ctrl+Enter)"), box)
        self.contact_save.clicked.connect(self.save_contact)
        self.contact_message = _form_box(box, form, [self.contact_save, self.contact_new],
                                         self.save_contact)
        self.contact_autosave = AutoSave(self, [form.inputs[k] for k in CONTACT_FORM],
                                         self._write_contact, form.show_failure)
        self.contact_autosave.saved.connect(self._contact_saved)
        self.contact_autosave.failed.connect(lambda _f: _message(
            self.contact_message, self.tr("Ikke gemt – ret det markerede, eller fortryd med "
                                          "Ctrl+Z."), ok=False))
        _undo_key(box, self.contact_autosave.undo)

        layout = QVBoxLayout(tab)
        layout.addWidget(self.contacts_view, 1)
        hint = QLabel(self.tr("Enter på en kontakt retter den."), tab)
        layout.addWidget(hint)
        layout.addWidget(box)
        self._chain(tab, [self.contacts_view] + [form.inputs[k] for k in CONTACT_FORM]
                    + [self.contact_save, self.contact_new])
        return tab

    def _build_visits_tab(self) -> QWidget:
        tab = QWidget(self)
        box = self.visit_box = QGroupBox(self.tr("Ny besøgsnote"), tab)
        form = self.visit_form = FieldForm(box)
        note = QPlainTextEdit()
        note.setTabChangesFocus(True)
        note.setPlaceholderText(self.tr("Skriv noten her. Ctrl+Enter gemmer."))
        note.setFixedHeight(note.fontMetrics().lineSpacing() * 5 + 12)
        self.visit_note = note
        form.add("notes", self.tr("Note"), note)
        form.add("visit_date", _tr_field("visit_date"), _line(self.tr("fx 1.3.2026")))
        status = ChoiceBox()
        for code in ("done", "planned", "cancelled"):
            status.addItem(domain_label(VISIT_STATUSES, code), code)
        form.add("status", _tr_field("status"), status)
        form.add("follow_up_date", self.tr("Opfølgningsdato"),
                 _line(self.tr("valgfrit, fx 15.3.2026")))
        form.add("follow_up_note", self.tr("Opfølgningsnote"), _line())
        self.visit_save = QPushButton(self.tr("Gem besøg (Ctrl+Enter)"), box)
        self.visit_save.clicked.connect(self.save_visit)
        self.visit_message = _form_box(box, form, [self.visit_save], self.save_visit)
        self._visit_id: str | None = None  # the note being written, once it is first saved
        self.visit_autosave = AutoSave(self, [form.inputs[k] for k in VISIT_FORM],
                                       self._write_visit, form.show_failure)
        self.visit_autosave.saved.connect(self._visit_autosaved)
        self.visit_autosave.failed.connect(self._visit_failed)
        _undo_key(box, self.visit_autosave.undo)

        self.visits = IdTableModel(
            "visit", self._related_ids("visit"),
            lambda ids: self.ops.run_sync_read(queries.list_rows, "visit", ids),
            formatter_for("visit"), self)
        self.visits_view = _list_view(self.visits, self.tr("Besøgslog"), tab, self.tr(
            "Ingen besøg endnu. Skriv en besøgsnote ovenfor, og gem med Ctrl+Enter."))
        keys = [c.key for c in self.visits.columns]
        self.visits_view.setColumnHidden(keys.index("employer"), True)
        header = self.visits_view.horizontalHeader()
        for key, width in (("visit_date", 100), ("status", 100), ("notes", 320),
                           ("follow_up_date", 100)):
            header.resizeSection(keys.index(key), width)
        self.follow_done = QPushButton(self.tr("Markér &opfølgning udført (Ctrl+D)"), tab)
        self.follow_done.clicked.connect(self.complete_follow_up)

        layout = QVBoxLayout(tab)
        layout.addWidget(box)
        layout.addWidget(QLabel(self.tr("Besøgslog"), tab))
        layout.addWidget(self.visits_view, 1)
        row = QHBoxLayout()
        row.addWidget(self.follow_done)
        row.addStretch(1)
        layout.addLayout(row)
        self._chain(tab, [form.inputs[k] for k in ("notes", "visit_date", "status",
                                                   "follow_up_date", "follow_up_note")]
                    + [self.visit_save, self.visits_view, self.follow_done])
        return tab

    def _build_related_tab(self, kind: str, name: str) -> QWidget:
        tab = QWidget(self)
        model = IdTableModel(kind, self._related_ids(kind),
                             lambda ids, k=kind: self.ops.run_sync_read(queries.list_rows, k, ids),
                             # an agreement's type and status by their names, as on Aftaler
                             format_agreement_cell if kind == "placement_agreement"
                             else formatter_for(kind), self)
        empty = {"vacancy": self.tr("Ingen stillinger hos virksomheden endnu. Opret en med "
                                    "Ctrl+Shift+J."),
                 "match": self.tr("Ingen match endnu. Foreslå en borger til en af "
                                  "virksomhedens stillinger på siden Stillinger (Ctrl+P)."),
                 "placement_agreement": self.tr("Ingen aftaler endnu. Start en med "
                                                "Ctrl+Shift+A.")}.get(kind, "")
        view = _list_view(model, name, tab, empty)
        view.activated.connect(lambda index, k=kind, m=model:
                               self.open_requested.emit(k, m.id_at(index.row())))
        self.related[kind] = model
        self.related_views[kind] = view
        layout = QVBoxLayout(tab)
        layout.addWidget(view, 1)
        layout.addWidget(QLabel(self.tr("Enter eller dobbeltklik åbner den valgte."), tab))
        if kind == "placement_agreement":
            self.agreement_pdf = agreement_pdf_actions(self.ops, view, model, tab)
            layout.addWidget(self.agreement_pdf)
            layout.addWidget(self._new_agreement_button(tab), 0, Qt.AlignmentFlag.AlignLeft)
        if kind == "vacancy":
            layout.addWidget(self._new_vacancy_button(tab), 0, Qt.AlignmentFlag.AlignLeft)
        return tab

    def _new_vacancy_button(self, parent: QWidget) -> QPushButton:
        self.new_vacancy_button = QPushButton(self.tr("Ny stilling her … (Ctrl+Shift+J)"), parent)
        self.new_vacancy_button.clicked.connect(self.new_vacancy)
        return self.new_vacancy_button

    def new_vacancy(self) -> None:
        """A new vacancy at this employer (the vacancies page opens it, employer chosen)."""
        if self.employer_id:
            self.open_requested.emit("vacancy", new_vacancy_ref(self.employer_id))

    # -- entry point to the agreement wizard (ui.views.agreement_wizard) -----------------
    def _new_agreement_button(self, parent: QWidget) -> QPushButton:
        self.new_agreement_button = QPushButton(self.tr("Ny aftale … (Ctrl+Shift+A)"), parent)
        self.new_agreement_button.clicked.connect(self.new_agreement)
        return self.new_agreement_button

    def new_agreement(self) -> None:
        """Start the agreement wizard for this employer (the agreements page opens it)."""
        if self.employer_id:
            self.open_requested.emit("placement_agreement",
                                     new_agreement_ref(employer_id=self.employer_id))

    def _related_ids(self, kind: str) -> Callable[[str, str | None, bool], list[str]]:
        def ids(_text: str, sort: str | None, descending: bool) -> list[str]:
            if self.employer_id is None:
                return []
            return self.ops.run_sync_read(queries.employer_item_ids, kind, self.employer_id,
                                          sort, descending if sort else None)
        return ids

    @staticmethod
    def _chain(parent: QWidget, widgets: list[QWidget]) -> None:
        """Tab order in the order the form reads."""
        for first, second in zip(widgets, widgets[1:]):
            parent.setTabOrder(first, second)

    # -- showing ------------------------------------------------------------------------
    def show_empty(self) -> None:
        self.employer_id = None
        self.title.setText(self.tr("Ingen virksomhed valgt"))
        self.subtitle.setText(self.tr("Vælg en virksomhed i listen, eller opret en ny med "
                                      "Ctrl+Shift+N."))
        self.tabs.setEnabled(False)
        self._reload_lists()

    def leave(self) -> bool:
        """Save what is typed in any of the employer's forms before it is left."""
        return all(a.leave() for a in (self.autosave, self.contact_autosave,
                                        self.visit_autosave))

    def load(self, employer_id: str) -> bool:
        if not self.leave():
            return False
        record = self.ops.run_sync_read(queries.employer_record, employer_id)
        if record is None:
            self.show_empty()
            return False
        self.employer_id = record.id
        self.tabs.setEnabled(True)
        for i in range(1, self.tabs.count()):
            self.tabs.setTabEnabled(i, True)
        self._fill(record)
        self.new_contact()
        self.reset_visit_form()
        self._reload_lists()
        self.data_message.clear()
        return True

    def _fill_heading(self, record: queries.EmployerRecord) -> None:
        self.title.setText(record.name)
        place = ", ".join(p for p in (record.address, f"{record.postcode} {record.town}".strip())
                          if p)
        parts = [self.tr("CVR {cvr}").format(cvr=record.cvr)]
        if record.p_number:
            parts.append(self.tr("P-nr. {p_number}").format(p_number=record.p_number))
        if place:
            parts.append(place)
        self.subtitle.setText(" · ".join(parts))

    def _fill(self, record: queries.EmployerRecord) -> None:
        self._fill_heading(record)
        form = self.form
        form.clear_errors()
        for key in EMPLOYER_FORM:
            value = getattr(record, key)
            if key == "employees_as_of":
                text = _date_text(value)
            elif key == "ordinary_employees":
                text = default_format(key, value)
            else:
                text = "" if value is None else str(value)
            form.set_value(key, text)
        self._auto_town = ""
        self.autosave.loaded()

    def _reload_lists(self) -> None:
        for model in (self.contacts, self.visits, *self.related.values()):
            model.refresh()
        self.follow_done.setEnabled(self.visits.rowCount() > 0)
        names = (self.tr("&Kontakter"), self.tr("&Besøg"), self.tr("S&tillinger"),
                 self.tr("&Match"), self.tr("&Aftaler"))
        counts = (self.contacts, self.visits, *self.related.values())
        for i, (name, model) in enumerate(zip(names, counts), start=1):
            self.tabs.setTabText(i, f"{name} ({model.rowCount()})" if self.employer_id else name)

    def new_employer(self) -> bool:
        """An empty form for a new employer; the other tabs wait until it is saved."""
        if not self.leave():
            return False
        self.employer_id = None
        self.tabs.setEnabled(True)
        self.tabs.setCurrentIndex(self.TAB_DATA)
        for i in range(1, self.tabs.count()):
            self.tabs.setTabEnabled(i, False)
        self.title.setText(self.tr("Ny virksomhed"))
        self.subtitle.setText(self.tr("Udfyld mindst navn og CVR-nummer, og gem med Ctrl+S."))
        self.form.clear_errors()
        for key in EMPLOYER_FORM:
            self.form.set_value(key, "")
        self.autosave.loaded()
        self.data_message.clear()
        self._reload_lists()
        self.form.inputs["name"].setFocus()
        return True

    def undo_employer(self) -> None:
        self.form.clear_errors()
        if self.autosave.undo():
            self.data_message.clear()

    def _postcode_edited(self, text: str) -> None:
        """Fill the town from the official postcode list unless the user wrote their own."""
        town = self.form.inputs["town"]
        assert isinstance(town, QLineEdit)
        found = postcodes.lookup(text.strip())
        if found is not None and town.text() in ("", self._auto_town):
            town.setText(found.town)
            self._auto_town = found.town

    # -- saving -------------------------------------------------------------------------
    def save_employer(self) -> None:
        """Ctrl+S: save now what would be saved after the pause anyway."""
        self.autosave.flush(focus=True)

    def _data_state(self, text: str) -> None:
        if self.autosave.last_failure is None:
            _message(self.data_message, text, ok=True)

    def _write_employer(self, on_done: Callable[[Any], None],
                        on_error: Callable[[OpFailure], None]) -> None:
        data = {k: v for k, v in self.form.values().items()}
        self.form.clear_errors()
        if self.employer_id is None:
            self.ops.write(_create_employer, data, on_done=on_done, on_error=on_error)
        else:
            if not data["town"].strip():
                del data["town"]  # the service fills it from the postcode
            self.ops.write(services.update_employer, self.employer_id, data,
                           on_done=lambda e: on_done(e.id), on_error=on_error)

    def _employer_saved(self, employer_id: str) -> None:
        """The form stays as typed (the consultant may type on); heading and tabs follow."""
        created = self.employer_id is None
        self.employer_id = employer_id
        record = self.ops.run_sync_read(queries.employer_record, employer_id)
        if record is not None:
            self._fill_heading(record)
        if created:
            for i in range(1, self.tabs.count()):
                self.tabs.setTabEnabled(i, True)
            self.new_contact()
            self.reset_visit_form()
            self._reload_lists()
        self.saved.emit(employer_id)

    def new_contact(self) -> None:
        if not self.contact_autosave.leave():
            return
        self._contact_id = None
        self.contact_box.setTitle(self.tr("Ny kontaktperson"))
        self.contact_form.clear_errors()
        for key in CONTACT_FORM:
            self.contact_form.set_value(key, False if key == "is_primary" else "")
        self.contact_autosave.loaded()
        self.contact_message.clear()

    def _edit_contact(self, index: Any) -> None:
        contact_id = self.contacts.id_at(index.row())
        if not self.contact_autosave.leave():
            return
        record = self.ops.run_sync_read(queries.contact_record, contact_id)
        if record is None:
            return
        self._contact_id = contact_id
        self.contact_box.setTitle(self.tr("Ret kontaktperson"))
        self.contact_form.clear_errors()
        for key in CONTACT_FORM:
            self.contact_form.set_value(key, getattr(record, key))
        self.contact_autosave.loaded()
        self.contact_message.clear()
        self.contact_form.inputs["name"].setFocus()

    def save_contact(self) -> None:
        """Ctrl+Enter: the contact saved now, and the form ready for the next one."""
        if self.employer_id is None:
            return
        if self.contact_autosave.flush(wait=True, focus=True) and self._contact_id:
            self.new_contact()
            _message(self.contact_message, self.tr("Kontakten er gemt."), ok=True)

    def _write_contact(self, on_done: Callable[[Any], None],
                       on_error: Callable[[OpFailure], None]) -> None:
        if self.employer_id is None:
            on_error(OpFailure(self.tr("Gem virksomheden først.")))
            return
        data = self.contact_form.values()
        self.contact_form.clear_errors()
        if self._contact_id is None:
            self.ops.write(_add_contact, self.employer_id, data, on_done=on_done,
                           on_error=on_error)
        else:
            self.ops.write(services.update_contact, self._contact_id, data,
                           on_done=lambda c: on_done(c.id), on_error=on_error)

    def _contact_saved(self, contact_id: str) -> None:
        self._contact_id = contact_id
        self.contact_box.setTitle(self.tr("Ret kontaktperson"))
        self.contacts.refresh()
        self._reload_lists()
        _message(self.contact_message, self.tr("Kontakten er gemt."), ok=True)

    def reset_visit_form(self) -> None:
        if not self.visit_autosave.leave():
            return
        self._planned_visit_id = None
        self._visit_id = None
        self.visit_box.setTitle(self.tr("Ny besøgsnote"))
        self.visit_form.clear_errors()
        for key, value in (("notes", ""), ("visit_date", _date_text(dt.date.today())),
                           ("status", "done"), ("follow_up_date", ""), ("follow_up_note", "")):
            self.visit_form.set_value(key, value)
        self.visit_autosave.loaded()

    def focus_new_visit(self, planned_visit_id: str | None = None) -> None:
        """Ready a visit note: a new one, or the note of a planned visit being held now."""
        if self.employer_id is None:
            return
        if planned_visit_id is not None:
            self.reset_visit_form()
            self._planned_visit_id = planned_visit_id
            self.visit_box.setTitle(self.tr("Besøg i gang – noten gemmes på det planlagte besøg"))
        self.tabs.setCurrentIndex(self.TAB_VISITS)
        self.visit_note.setFocus()

    def save_visit(self) -> None:
        """Ctrl+Enter: the note saved now, and the form ready for the next one."""
        if self.employer_id is None:
            return
        self.visit_message.clear()
        if not self.visit_autosave.flush(wait=True, focus=True):
            return
        if self._visit_id is None and self._planned_visit_id is None:
            return  # nothing written: nothing to log
        self.reset_visit_form()
        self._reload_lists()
        _message(self.visit_message, self.tr("Besøget er gemt."), ok=True)
        self.visit_note.setFocus()

    def _write_visit(self, on_done: Callable[[Any], None],
                     on_error: Callable[[OpFailure], None]) -> None:
        """The note as typed: a new visit the first time, the same visit after that."""
        if self.employer_id is None:
            on_error(OpFailure(self.tr("Vælg en virksomhed først.")))
            return
        data = self.visit_form.values()
        self.visit_form.clear_errors()
        existing = self._visit_id or self._planned_visit_id
        if existing is not None:
            self.ops.write(services.update_visit, existing, data,
                           on_done=lambda v: on_done(v.id), on_error=on_error)
        else:
            self.ops.write(_log_visit, self.employer_id, data, on_done=on_done,
                           on_error=on_error)

    def _visit_autosaved(self, visit_id: str) -> None:
        if self._planned_visit_id is None:
            self._visit_id = visit_id
        self.visits.refresh()
        self._reload_lists()

    def _visit_failed(self, failure: OpFailure) -> None:
        if failure is not self.visit_autosave.last_failure:
            self.visit_form.show_failure(failure)
        _message(self.visit_message, self.tr("Ikke gemt – ret det markerede, eller fortryd "
                                             "med Ctrl+Z."), ok=False)

    def complete_follow_up(self) -> None:
        index = self.visits_view.currentIndex()
        if not index.isValid():
            _message(self.visit_message, self.tr("Vælg et besøg i loggen først."), ok=False)
            return
        self.ops.write(services.complete_follow_up, self.visits.id_at(index.row()),
                       on_done=lambda _v: _message(self.visit_message, self.tr(
                           "Opfølgningen er markeret som udført."), ok=True),
                       on_error=self._visit_failed)


class EmployersPage(Page):
    page_key = "employers"

    def __init__(self, ops: Ops, parent: QWidget | None = None):
        super().__init__(ops, parent)
        self._selecting = False
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("Filtrér: navn, CVR, by, branche … (Ctrl+F)"))
        down_to_list(self.filter, self._focus_list)
        self.filter.setAccessibleName(self.tr("Filtrér virksomheder"))
        self.filter.setClearButtonEnabled(True)
        self.model = IdTableModel(
            "employer",
            lambda text, sort, desc: ops.run_sync_read(queries.list_ids, "employer", text, sort,
                                                       desc),
            lambda ids: ops.run_sync_read(queries.list_rows, "employer", ids),
            formatter_for("employer"), self)
        self.view = _list_view(self.model, self.tr("Virksomheder"), self, self.tr(
            "Ingen virksomheder her. Ret eller ryd filteret (Ctrl+F), eller opret en ny med "
            "Ctrl+Shift+N."))
        header = self.view.horizontalHeader()
        for i, width in enumerate((220, 80, 110, 150)):
            header.resizeSection(i, width)
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.view.setSortingEnabled(True)  # sorts once, by the indicator: the first load
        self.count = QLabel(self)
        self.new_button = QPushButton(self.tr("&Ny virksomhed (Ctrl+Shift+N)"), self)
        self.new_button.clicked.connect(self.new_employer)

        self.panel = EmployerPanel(ops, self)
        self.panel.open_requested.connect(self.open_requested)
        self.panel.saved.connect(self._saved)

        left = QWidget(self)
        column = QVBoxLayout(left)
        column.setContentsMargins(8, 8, 0, 8)
        column.addWidget(self.filter)
        column.addWidget(self.view, 1)
        row = QHBoxLayout()
        row.addWidget(self.count, 1)
        row.addWidget(self.new_button)
        column.addLayout(row)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("employers")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.panel)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([520, 700])
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

        self.filter.textChanged.connect(self._filter_changed)
        self.view.selectionModel().currentRowChanged.connect(self._row_changed)
        self.model.modelReset.connect(self._update_count)
        # Window-level while the page is shown (page_action): each works from the list, the
        # filter and every tab of the employer alike.
        page_action(self, self.tr("Filtrér"), "Ctrl+F", self._focus_filter, "Ctrl+L")
        page_action(self, self.tr("Ny virksomhed"), "Ctrl+Shift+N", self.new_employer)
        page_action(self, self.tr("Ny besøgsnote"), "Ctrl+N", self.new_visit_note)
        page_action(self, self.tr("Gem virksomheden"), "Ctrl+S", self.panel.save_employer)
        page_action(self, self.tr("Ny aftale"), "Ctrl+Shift+A", self.panel.new_agreement)
        page_action(self, self.tr("Ny stilling her"), "Ctrl+Shift+J", self.panel.new_vacancy)
        page_action(self, self.tr("Markér opfølgning udført"), "Ctrl+D",
                    self.panel.complete_follow_up)
        self.setTabOrder(self.filter, self.view)
        self.setTabOrder(self.view, self.new_button)
        self.setTabOrder(self.new_button, self.panel.tabs)
        self._update_count()

    def page_title(self) -> str:
        return self.tr("Virksomheder")

    def leave(self) -> bool:
        return self.panel.leave()

    def refresh(self) -> None:
        if not self.panel.leave():
            return
        current = self.panel.employer_id
        self.model.refresh()
        if current:
            self._select(current)
            self.panel.load(current)

    def open_item(self, ident: str) -> None:
        if self.panel.load(ident):
            self._select(ident)
        else:
            self._keep_selection()

    def start_visit(self, employer_id: str, planned_visit_id: str | None = None) -> None:
        self.open_item(employer_id)
        self.panel.focus_new_visit(planned_visit_id)

    def new_employer(self) -> None:
        if self.panel.new_employer():
            self.view.clearSelection()

    def new_visit_note(self) -> None:
        if self.panel.employer_id is None:
            self.count.setText(self.tr("Vælg en virksomhed først."))
            return
        self.panel.focus_new_visit()

    def _focus_list(self) -> None:
        """Down from the filter: the list, on the first hit unless a hit is selected."""
        if self.model.rowCount():
            self.view.setFocus(Qt.FocusReason.OtherFocusReason)
            if not self.view.currentIndex().isValid():
                self.view.selectRow(0)

    def _focus_filter(self) -> None:
        self.filter.setFocus()
        self.filter.selectAll()

    def _filter_changed(self, text: str) -> None:
        if fts_query(text) == fts_query(self.model.filter_text):
            self.model.filter_text = text  # only punctuation or spaces changed
            return
        self.model.set_filter(text)

    def _update_count(self) -> None:
        self.count.setText(self.tr("Virksomheder: {n}").format(n=self.model.rowCount()))

    def _row_changed(self, current: Any, _previous: Any) -> None:
        if current.isValid() and not self._selecting:
            if not self.panel.load(self.model.id_at(current.row())):
                self._keep_selection()

    def _keep_selection(self) -> None:
        """A row click the open employer could not be saved for: the list shows it again."""
        if self.panel.employer_id:
            self._select(self.panel.employer_id)
        else:
            self._selecting = True
            try:
                self.view.selectionModel().clearCurrentIndex()
                self.view.clearSelection()
            finally:
                self._selecting = False

    def _select(self, ident: str) -> None:
        row = self.model.row_of(ident)
        if row < 0:
            return
        self._selecting = True  # the panel already shows it: do not load it twice
        try:
            self.view.selectRow(row)
        finally:
            self._selecting = False
        self.view.scrollTo(self.model.index(row, 0))

    def _saved(self, employer_id: str) -> None:
        self.model.refresh()
        self._select(employer_id)
