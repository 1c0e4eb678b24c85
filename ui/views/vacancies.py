"""Vacancies: the list (filter as you type, status filter, sortable) and the vacancy editor.

A vacancy is registered at the employer's premises, often as "a few hours to start with, more
later" (småjob, the JobFirst approach), so the hours row reads back as a plain sentence the
consultant can check with the employer. Every write goes through ``ops.write``; a failed one
shows the core's Danish message by the field and leaves the form as typed.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from consultant_app import queries, services
from consultant_app.domain import REQUIREMENTS, VACANCY_KINDS, VACANCY_STATUSES
from consultant_app.queries import list_tables
from consultant_app.search import search
from consultant_app.text import format_number

from ..i18n import tr
from ..models.id_table import default_format
from ..models.labels import domain_label
from ..ops import Latest, OpChanges, OpFailure, Ops
from .partials.id_list import IdListPanel
from .partials.inputs import (
    CheckList,
    ChoiceBox,
    action_button,
    as_text,
    fill_combo,
    page_action,
    set_combo_code,
    while_alive,
)
from .partials.list_detail import list_detail_layout
from .partials.record_page import RecordPage
from .partials.suggestions import SuggestionsPanel

EMPLOYER_PICKER_CTX = "EmployerPicker"
VACANCIES_PAGE_CTX = "VacanciesPage"

LIST_DOMAINS = {"kind": VACANCY_KINDS, "status": VACANCY_STATUSES}
NEW_PREFIX = "new-vacancy:"


def new_vacancy_ref(employer_id: str) -> str:
    """The id to pass in ``open_requested("vacancy", ...)`` to start a new vacancy at an
    employer: the vacancies page opens its editor with the employer chosen."""
    return NEW_PREFIX + employer_id


def format_vacancy_cell(key: str, value: Any) -> str:
    if key in LIST_DOMAINS:
        return domain_label(LIST_DOMAINS[key], value)
    return default_format(key, value)


def _hours(text: str) -> float | None:
    try:
        return float(text.strip().replace(",", "."))
    except ValueError:
        return None


def hours_sentence(low_text: str, high_text: str, grows: bool) -> str:
    """The hours row read back as a sentence ("Starter med 8 timer om ugen og stiger til 20
    timer."), so a typo in the range is seen before it is saved."""
    low, high = _hours(low_text), _hours(high_text)
    if grows and low is not None and high is not None:
        return tr("vacancies", "Starter med {low} timer om ugen og stiger til {high} timer.").format(
            low=format_number(low), high=format_number(high))
    if low is not None and high is not None and low != high:
        return tr("vacancies", "{low}–{high} timer om ugen.").format(
            low=format_number(low), high=format_number(high))
    if low is not None or high is not None:
        value = high if high is not None else low
        return tr("vacancies", "{hours} timer om ugen.").format(hours=format_number(value))
    return tr("vacancies", "Timetal er ikke angivet.")


class EmployerPicker(QWidget):
    """Search employers by name, CVR or town and choose one (a new vacancy's employer). The
    search runs off the UI thread as the consultant types; only the answer for the newest
    text is shown."""

    chosen = Signal(str, str)  # employer id, name

    def __init__(self, ops: Ops, parent: QWidget | None = None):
        super().__init__(parent)
        self.ops = ops
        self.employer_id = ""
        self.choice_name = ""
        self._searched = Latest(ops, self)
        self._choose_first = False  # Enter came before its search's answer
        self.query = QLineEdit(self)
        self.query.setPlaceholderText(tr(EMPLOYER_PICKER_CTX, "Søg virksomhed: navn, CVR eller by"))
        self.query.setAccessibleName(tr(EMPLOYER_PICKER_CTX, "Søg virksomhed"))
        self.results = QListWidget(self)
        self.results.setAccessibleName(tr(EMPLOYER_PICKER_CTX, "Fundne virksomheder"))
        self.results.setMaximumHeight(120)
        self.results.hide()
        self.choice = QLabel(tr(EMPLOYER_PICKER_CTX, "Ingen virksomhed valgt."), self)
        self.choice.setAccessibleName(tr(EMPLOYER_PICKER_CTX, "Valgt virksomhed"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.query)
        layout.addWidget(self.results)
        layout.addWidget(self.choice)
        self._timer = QTimer(self, singleShot=True, interval=100)
        self._timer.timeout.connect(self._search)
        self.query.textChanged.connect(lambda _t: self._timer.start())
        self.query.returnPressed.connect(self._enter)
        self.results.itemActivated.connect(self._choose)
        self.results.itemClicked.connect(self._choose)
        self.query.installEventFilter(self)

    def eventFilter(self, obj: Any, event: Any) -> bool:
        """Down from the search box goes into the results, as in any search field."""
        if (obj is self.query and event.type() == event.Type.KeyPress
                and event.key() == Qt.Key.Key_Down and self.results.count()):
            self.results.setFocus()
            self.results.setCurrentRow(0)
            return True
        return super().eventFilter(obj, event)

    def _search(self) -> None:
        self._searched.read(search, self.query.text(), ("employer",), 12,
                            on_done=self._show_hits)

    def _show_hits(self, hits: list[Any]) -> None:
        self.results.clear()
        for hit in hits:
            item = QListWidgetItem(f"{hit.title} · {hit.subtitle}" if hit.subtitle else hit.title)
            item.setData(Qt.ItemDataRole.UserRole, (hit.id, hit.title))
            self.results.addItem(item)
        self.results.setVisible(bool(hits))
        if self._choose_first:
            self._choose_first = False
            self._choose_first_hit()

    def _enter(self) -> None:
        """Enter chooses the first hit of what is typed: at once when it is shown, else when
        the search still on its way (or about to start) answers."""
        if self._timer.isActive():
            self._timer.stop()
            self._search()
        if self._searched.waiting:
            self._choose_first = True
        else:
            self._choose_first_hit()

    def _choose_first_hit(self) -> None:
        if self.results.count():
            self._choose(self.results.item(0))

    def _choose(self, item: QListWidgetItem) -> None:
        ident, name = item.data(Qt.ItemDataRole.UserRole)
        self.set_employer(ident, name)
        self.results.hide()
        self.chosen.emit(ident, name)

    def set_employer(self, ident: str, name: str) -> None:
        self.employer_id = ident
        self.choice_name = name
        self.choice.setText(tr(EMPLOYER_PICKER_CTX, "Valgt: {name}").format(name=name) if ident
                            else tr(EMPLOYER_PICKER_CTX, "Ingen virksomhed valgt."))

    def reset(self) -> None:
        self.query.clear()
        self._timer.stop()  # nothing typed: nothing to search for
        self._searched.drop()
        self._choose_first = False
        self.results.clear()
        self.results.hide()
        self.set_employer("", "")


class DeleteVacancyDialog:
    """Asks before a vacancy is deleted; tests replace ``ask``."""

    @classmethod
    def ask(cls, parent: QWidget, title: str) -> bool:
        answer = QMessageBox.question(
            parent, tr("vacancies", "Slet stilling"),
            tr("vacancies", "Slet stillingen \"{title}\"?").format(
                title=title),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes


class VacanciesPage(RecordPage):
    page_key = "vacancies"
    update = services.update_vacancy
    shows = list_tables("vacancy")  # the list, and the open vacancy with its employer
    match_proposed = Signal(str)  # match id: the Match page follows it

    def __init__(self, ops: Ops, parent: QWidget | None = None):
        super().__init__(ops, parent)
        self.vacancy_id = ""
        self.employer_id = ""
        self._status_filter = ""

        self.list = IdListPanel(ops, "vacancy", self._ids, queries.list_rows,
                                format_vacancy_cell, list_name=tr(VACANCIES_PAGE_CTX, "Stillinger"),
                                filter_hint=tr(VACANCIES_PAGE_CTX, "Filtrér stillinger (Ctrl+F)"), parent=self)
        self.status_filter = ChoiceBox(self)
        self.status_filter.setAccessibleName(tr(VACANCIES_PAGE_CTX, "Vis status"))
        fill_combo(self.status_filter, VACANCY_STATUSES, blank=tr(VACANCIES_PAGE_CTX, "Alle statusser"))
        self.status_filter.currentIndexChanged.connect(self._status_changed)
        self.list.extra.addWidget(self.status_filter)
        self.list.current_changed.connect(self.open_item)

        self.a_new = page_action(self, tr(VACANCIES_PAGE_CTX, "&Ny stilling"), "Ctrl+N", self.new_vacancy)
        self.a_save = page_action(self, tr(VACANCIES_PAGE_CTX, "&Gem"), QKeySequence.StandardKey.Save, self.save)
        self.a_undo = page_action(self, tr(VACANCIES_PAGE_CTX, "&Fortryd"), QKeySequence.StandardKey.Undo,
                                  self.undo)
        self.a_delete = page_action(self, tr(VACANCIES_PAGE_CTX, "Slet"), "Ctrl+Del", self.delete)
        self.a_employer = page_action(self, tr(VACANCIES_PAGE_CTX, "Gå til &virksomhed"), "Ctrl+Shift+E",
                                      self.go_to_employer)
        page_action(self, tr(VACANCIES_PAGE_CTX, "Filtrér"), "Ctrl+F", self.list.focus_filter, "Ctrl+L")
        self.a_propose = page_action(self, tr(VACANCIES_PAGE_CTX, "&Foreslå borger"), "Ctrl+P",
                                     self.propose_selected)

        self.employer_picker = EmployerPicker(ops, self)
        self.employer_label = QLabel(self)
        self.employer_label.setAccessibleName(tr(VACANCIES_PAGE_CTX, "Virksomhed"))
        employer_cell = QWidget(self)
        employer_box = QVBoxLayout(employer_cell)
        employer_box.setContentsMargins(0, 0, 0, 0)
        employer_box.addWidget(self.employer_picker)
        employer_box.addWidget(self.employer_label)
        self.form.add(("employer_id",), tr(VACANCIES_PAGE_CTX, "Virksomhed:"), employer_cell,
                      focus=self.employer_picker.query)

        self.title = self.form.add("title", tr(VACANCIES_PAGE_CTX, "&Titel:"), QLineEdit())
        self.occupation = self.form.add("occupation", tr(VACANCIES_PAGE_CTX, "Stillingsbetegnelse:"), QLineEdit())
        self.kind = self.form.add("kind", tr(VACANCIES_PAGE_CTX, "T&ype:"), ChoiceBox())
        fill_combo(self.kind, VACANCY_KINDS)

        hours = QWidget()
        hours_box = QVBoxLayout(hours)
        hours_box.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.hours_min = QLineEdit()
        self.hours_min.setAccessibleName(tr(VACANCIES_PAGE_CTX, "Timer pr. uge fra"))
        self.hours_max = QLineEdit()
        self.hours_max.setAccessibleName(tr(VACANCIES_PAGE_CTX, "Timer pr. uge til"))
        for edit in (self.hours_min, self.hours_max):
            edit.setMaximumWidth(70)
        self.grows = QCheckBox(tr(VACANCIES_PAGE_CTX, "Starter med få timer og stiger"))
        self.grows.setAccessibleName(tr(VACANCIES_PAGE_CTX, "Starter med få timer og stiger"))
        row.addWidget(QLabel(tr(VACANCIES_PAGE_CTX, "fra")))
        row.addWidget(self.hours_min)
        row.addWidget(QLabel(tr(VACANCIES_PAGE_CTX, "til")))
        row.addWidget(self.hours_max)
        row.addWidget(self.grows)
        row.addStretch(1)
        self.hours_text = QLabel()
        self.hours_text.setAccessibleName(tr(VACANCIES_PAGE_CTX, "Timer i en sætning"))
        self.hours_text.setStyleSheet("font-style: italic;")
        hours_box.addLayout(row)
        hours_box.addWidget(self.hours_text)
        self.form.add(("hours_min", "hours_max", "starts_with_few_hours"),
                      tr(VACANCIES_PAGE_CTX, "Timer p&r. uge:"), hours, focus=self.hours_min)
        for signal in (self.hours_min.textChanged, self.hours_max.textChanged):
            signal.connect(self._update_hours_text)
        self.grows.toggled.connect(self._update_hours_text)

        self.requirements = self.form.add("requirements", tr(VACANCIES_PAGE_CTX, "&Krav:"),
                                          CheckList(REQUIREMENTS))
        self.skills = self.form.add("skills", tr(VACANCIES_PAGE_CTX, "K&ompetencer:"), QLineEdit())
        self.skills.setPlaceholderText(tr(VACANCIES_PAGE_CTX, "adskilt med komma, fx lager, truckcertifikat"))
        self.positions = self.form.add("positions", tr(VACANCIES_PAGE_CTX, "Antal &stillinger:"), QLineEdit())
        self.positions.setMaximumWidth(70)
        self.status = self.form.add("status", tr(VACANCIES_PAGE_CTX, "Stat&us:"), ChoiceBox())
        fill_combo(self.status, VACANCY_STATUSES)
        self.start_date = self.form.add("start_date", tr(VACANCIES_PAGE_CTX, "St&artdato:"), QLineEdit())
        self.deadline = self.form.add("deadline", tr(VACANCIES_PAGE_CTX, "A&nsøgningsfrist:"), QLineEdit())
        for edit in (self.start_date, self.deadline):
            edit.setPlaceholderText(tr(VACANCIES_PAGE_CTX, "fx 1.3.2026"))
            edit.setMaximumWidth(120)
        self.postcode = self.form.add("postcode", tr(VACANCIES_PAGE_CTX, "Arbejdsstedets postnr.:"), QLineEdit())
        self.postcode.setMaximumWidth(70)
        self.description = self.form.add("description", tr(VACANCIES_PAGE_CTX, "&Beskrivelse:"),
                                         QPlainTextEdit())
        self.description.setTabChangesFocus(True)
        self.description.setMaximumHeight(90)

        header = self.record_header((self.a_new, self.a_save, self.a_undo, self.a_delete,
                                     self.a_employer))
        self.suggestions = SuggestionsPanel(ops, "citizen", tr(VACANCIES_PAGE_CTX, "Passende borgere"), self)
        self.suggestions.actions.addWidget(action_button(self.a_propose, self))
        self.suggestions.activated.connect(lambda _id: self.propose_selected())
        self.suggestions.hide()
        list_detail_layout(self, self.list, self.record_editor(), "vacancies", header,
                           self.suggestions)
        self.watch_edits((
            self.title, self.occupation, self.kind, self.hours_min, self.hours_max, self.grows,
            self.requirements, self.skills, self.positions, self.status, self.start_date,
            self.deadline, self.postcode, self.description))
        self.new_vacancy()
        self.list.reload()

    # -- Page contract ------------------------------------------------------------------
    def page_title(self) -> str:
        return tr(VACANCIES_PAGE_CTX, "Stillinger")

    def refresh(self) -> None:
        if not self.autosave.leave():
            return
        self.list.reload()
        if self.vacancy_id:
            self.open_item(self.vacancy_id)

    def show_changes(self, changes: OpChanges) -> None:
        """The list re-reads; the open vacancy stays as typed."""
        self.list.reload()

    def open_id(self) -> str:
        return self.vacancy_id

    def open_item(self, ident: str) -> None:
        if ident.startswith(NEW_PREFIX):
            # The employer's name, read off the UI thread; a newer open drops it.
            self._record.read(queries.employer_record, ident[len(NEW_PREFIX):],
                              on_done=self._new_at)
            return
        if not self.autosave.leave():
            self.keep_selection()
            return
        self.load_record(queries.vacancy_detail, ident, self._show,
                         tr(VACANCIES_PAGE_CTX, "Stillingen findes ikke længere."))

    def record_actions(self) -> tuple[Any, ...]:
        return (self.a_delete, self.a_employer, self.a_propose)

    def _new_at(self, employer: queries.EmployerRecord | None) -> None:
        if employer is not None:
            self.new_vacancy_for(employer.id, employer.name)
        else:  # deleted meanwhile: what was on show stays
            self.stop_loading()

    # -- list -----------------------------------------------------------------------------
    def _ids(self, session: Any, text: str, sort: str | None, descending: bool) -> list[str]:
        return queries.vacancy_ids(session, text, sort, descending, self._status_filter or None)

    def _status_changed(self) -> None:
        self._status_filter = self.status_filter.currentData() or ""
        self.list.reload()

    # -- editor ---------------------------------------------------------------------------
    def _show(self, detail: dict[str, Any]) -> None:
        self.form.clear_problems()
        self.saved_note.clear()
        self.vacancy_id = detail["id"]
        self.employer_id = detail["employer_id"]
        self.heading.setText(detail["title"])
        self.employer_picker.hide()
        self.employer_label.setText(detail["employer_name"])
        self.employer_label.show()
        self.a_delete.setEnabled(True)
        self.a_employer.setEnabled(True)
        self.a_propose.setEnabled(True)
        self.suggestions.setVisible(True)
        if self.suggestions.subject_id != detail["id"]:
            self.suggestions.rank(detail["id"])
        self.title.setText(detail["title"])
        self.occupation.setText(detail["occupation"])
        set_combo_code(self.kind, detail["kind"])
        self.hours_min.setText(as_text(detail["hours_min"]))
        self.hours_max.setText(as_text(detail["hours_max"]))
        self.grows.setChecked(bool(detail["starts_with_few_hours"]))
        self.requirements.set_codes(detail["requirements"])
        self.skills.setText(as_text(detail["skills"]))
        self.positions.setText(as_text(detail["positions"]))
        set_combo_code(self.status, detail["status"])
        self.start_date.setText(as_text(detail["start_date"]))
        self.deadline.setText(as_text(detail["deadline"]))
        self.postcode.setText(detail["postcode"])
        self.description.setPlainText(detail["description"])
        self._update_hours_text()
        self.autosave.loaded()

    def new_vacancy(self) -> bool:
        """An empty editor; the employer is chosen first, as at the employer's desk. False
        when the open vacancy holds an edit that could not be saved (it stays)."""
        if hasattr(self, "autosave") and not self.autosave.leave():
            return False
        self.stop_loading()
        self.form.clear_problems()
        self.saved_note.clear()
        self.vacancy_id = ""
        self.employer_id = ""
        self.heading.setText(tr(VACANCIES_PAGE_CTX, "Ny stilling"))
        self.employer_picker.reset()
        self.employer_picker.show()
        self.employer_label.hide()
        self.a_delete.setEnabled(False)
        self.a_employer.setEnabled(False)
        self.a_propose.setEnabled(False)
        self.suggestions.hide()
        self.suggestions.rank("")
        for edit in (self.title, self.occupation, self.hours_min, self.hours_max, self.skills,
                     self.start_date, self.deadline, self.postcode):
            edit.clear()
        self.positions.setText("1")
        self.kind.setCurrentIndex(0)
        self.status.setCurrentIndex(0)
        self.grows.setChecked(False)
        self.requirements.set_codes([])
        self.description.clear()
        self._update_hours_text()
        self.list.table.clearSelection()
        if hasattr(self, "autosave"):
            self.autosave.loaded()
        if self.isVisible():
            self.employer_picker.query.setFocus()
        return True

    def new_vacancy_for(self, employer_id: str, employer_name: str) -> None:
        """Start a vacancy at a chosen employer (from the employer's page): the employer is
        shown, not searched for again, and the focus is in the title."""
        if not self.new_vacancy():
            return  # the open vacancy could not be saved: it stays, with its message
        self.employer_picker.set_employer(employer_id, employer_name)
        self.employer_picker.hide()
        self.employer_label.setText(employer_name)
        self.employer_label.show()
        self.employer_id = employer_id
        self.a_employer.setEnabled(True)
        self.title.setFocus(Qt.FocusReason.OtherFocusReason)

    def values(self) -> dict[str, Any]:
        """What the form holds, as text for the core's field converters to judge."""
        return {
            "title": self.title.text(), "occupation": self.occupation.text(),
            "description": self.description.toPlainText(), "kind": self.kind.currentData(),
            "hours_min": self.hours_min.text(), "hours_max": self.hours_max.text(),
            "starts_with_few_hours": self.grows.isChecked(),
            "requirements": self.requirements.codes(), "skills": self.skills.text(),
            "positions": self.positions.text(), "status": self.status.currentData(),
            "start_date": self.start_date.text(), "deadline": self.deadline.text(),
            "postcode": self.postcode.text(),
        }

    def write_new(self, values: dict[str, Any], on_done: Any, on_error: Any) -> None:
        """A new vacancy, at the employer chosen for it."""
        employer_id = self.employer_picker.employer_id
        if not employer_id:
            on_error(OpFailure("", {"employer_id": [
                tr(VACANCIES_PAGE_CTX, "Vælg den virksomhed, stillingen er hos.")]}))
            return
        self.ops.write(services.create_vacancy, employer_id, values, on_done=on_done,
                       on_error=on_error)

    def _saved(self, vacancy: Any) -> None:
        """After a save the form stays as typed (the consultant may be typing on); the
        heading, the list and the ranking follow."""
        created = not self.vacancy_id
        self.vacancy_id = vacancy.id
        self.employer_id = vacancy.employer_id
        self.heading.setText(vacancy.title)
        self.list.select(vacancy.id)  # the list has re-read (show_changes): a new one is in it
        if created:
            self.employer_label.setText(self.employer_picker.choice_name)
            self.employer_picker.hide()
            self.employer_label.show()
            self.a_delete.setEnabled(True)
            self.a_employer.setEnabled(True)
            self.a_propose.setEnabled(True)
            self.suggestions.show()
        self.suggestions.rank(vacancy.id)  # hours or requirements may change the ranking

    def delete(self) -> None:
        if not self.vacancy_id or not DeleteVacancyDialog.ask(self, self.title.text()):
            return
        self.autosave.loaded()  # edits to a record being deleted are not saved first
        self.ops.write(services.delete_vacancy, self.vacancy_id,
                       on_done=while_alive(self, lambda _r: self._deleted()),
                       on_error=while_alive(self, self.form.show_failure))

    def _deleted(self) -> None:
        self.new_vacancy()
        self.saved_note.setText(tr(VACANCIES_PAGE_CTX, "Stillingen er slettet."))

    def propose_selected(self) -> None:
        """Propose the selected suggested citizen for this vacancy (a new match)."""
        chosen = self.suggestions.current()
        if chosen is None or not self.vacancy_id:
            return
        self.suggestions.clear_problem()
        name = chosen.citizen.name
        self.ops.write(services.propose_match, self.vacancy_id, chosen.citizen.id,
                       round(chosen.score, 1),
                       on_done=while_alive(self, lambda m: self._proposed(m.id, name)),
                       on_error=while_alive(self, lambda f: self.suggestions.show_problem(
                           "\n".join(m for ms in f.field_problems.values() for m in ms)
                           or f.summary)))

    def _proposed(self, match_id: str, name: str) -> None:
        self.suggestions.status.setText(
            tr(VACANCIES_PAGE_CTX, "{name} er foreslået til stillingen.").format(name=name))
        self.match_proposed.emit(match_id)

    def go_to_employer(self) -> None:
        if self.employer_id:
            self.open_requested.emit("employer", self.employer_id)

    def _update_hours_text(self) -> None:
        self.hours_text.setText(hours_sentence(self.hours_min.text(), self.hours_max.text(),
                                               self.grows.isChecked()))
