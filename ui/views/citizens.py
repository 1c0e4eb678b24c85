"""Citizens: the list (filter as you type over 100k rows) and the citizen's page.

The CPR number is shown masked (DDMMYY-XXXX) until the consultant asks for it with "Vis CPR";
the reveal goes through ``services.reveal_cpr`` on the write worker, so the access log entry
is written before the number reaches the screen. Leaving the record (another citizen, another
page) masks it again.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from consultant_app import postcodes, queries, services
from consultant_app.domain import DRIVING_LICENCES, RESTRICTIONS, TARGET_GROUPS
from consultant_app.queries import list_tables

from ..i18n import tr
from ..models.id_table import BackgroundIdTableModel, default_format
from ..models.labels import domain_label, formatter_for
from ..ops import OpChanges, Ops
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
from .partials.sealed_pdf import agreement_pdf_actions
from .partials.suggestions import SuggestionsPanel
from .partials.tables import read_only_table

CTX = "CitizensPage"


def format_citizen_cell(key: str, value: Any) -> str:
    if key == "target_group":
        return domain_label(TARGET_GROUPS, value)
    return default_format(key, value)


def list_citizen_ids(session: Any, text: str, sort: str | None, descending: bool) -> list[str]:
    return queries.list_ids(session, "citizen", text, sort, descending)


class CitizensPage(RecordPage):
    page_key = "citizens"
    update = services.update_citizen
    # The list and the open citizen's agreements. The suggestions are ranked when a citizen
    # is opened or saved, not on every change.
    shows = list_tables("citizen") | list_tables("placement_agreement")

    def __init__(self, ops: Ops, parent: QWidget | None = None):
        super().__init__(ops, parent)
        self.citizen_id = ""
        self.cpr_revealed = False
        self._masked = ""

        self.list = IdListPanel(ops, "citizen", list_citizen_ids, queries.list_rows,
                                format_citizen_cell, list_name=tr(CTX, "Borgere"),
                                filter_hint=tr(CTX, "Filtrér borgere: navn, kompetence, "
                                                    "postnr. (Ctrl+F)"), parent=self)
        self.list.current_changed.connect(self.open_item)

        self.a_new = page_action(self, tr(CTX, "&Ny borger"), "Ctrl+N", self.new_citizen)
        self.a_save = page_action(self, tr(CTX, "&Gem"), QKeySequence.StandardKey.Save, self.save)
        self.a_undo = page_action(self, tr(CTX, "&Fortryd"), QKeySequence.StandardKey.Undo,
                                  self.undo)
        self.a_reveal = page_action(self, tr(CTX, "&Vis CPR"), "Ctrl+Shift+C", self.reveal_cpr)
        page_action(self, tr(CTX, "Filtrér"), "Ctrl+F", self.list.focus_filter, "Ctrl+L")

        self.name = self.form.add("name", tr(CTX, "&Navn:"), QLineEdit())

        cpr_cell = QWidget()
        cpr_row = QHBoxLayout(cpr_cell)
        cpr_row.setContentsMargins(0, 0, 0, 0)
        self.cpr = QLineEdit()
        self.cpr.setMaximumWidth(140)
        self.cpr.setPlaceholderText(tr(CTX, "DDMMÅÅ-XXXX"))
        self.cpr_button = action_button(self.a_reveal, cpr_cell)
        self.cpr_note = QLabel()
        self.cpr_note.setStyleSheet("color: palette(mid);")
        cpr_row.addWidget(self.cpr)
        cpr_row.addWidget(self.cpr_button)
        cpr_row.addWidget(self.cpr_note, 1)
        self.form.add("cpr", tr(CTX, "&CPR-nummer:"), cpr_cell, focus=self.cpr)

        self.target_group = self.form.add("target_group", tr(CTX, "&Målgruppe:"), ChoiceBox())
        fill_combo(self.target_group, TARGET_GROUPS, blank=tr(CTX, "(vælg målgruppe)"))
        self.max_hours = self.form.add("max_hours_per_week", tr(CTX, "&Timer pr. uge (kan):"),
                                       QLineEdit())
        self.max_hours.setMaximumWidth(70)
        self.restrictions = self.form.add("restrictions", tr(CTX, "S&kånehensyn:"),
                                          CheckList(RESTRICTIONS))
        self.skills = self.form.add("skills", tr(CTX, "K&ompetencer:"), QLineEdit())
        self.skills.setPlaceholderText(tr(CTX, "adskilt med komma"))
        self.wishes = self.form.add("wished_occupations", tr(CTX, "Ønskede &jobs:"), QLineEdit())
        self.wishes.setPlaceholderText(tr(CTX, "adskilt med komma"))
        self.licence = self.form.add("driving_licence", tr(CTX, "Kø&rekort:"), ChoiceBox())
        fill_combo(self.licence, {c: c for c in DRIVING_LICENCES if c}, blank=tr(CTX, "Intet"))
        self.languages = self.form.add("languages", tr(CTX, "&Sprog:"), QLineEdit())
        self.languages.setPlaceholderText(tr(CTX, "adskilt med komma, fx dansk, engelsk"))

        place = QWidget()
        place_row = QHBoxLayout(place)
        place_row.setContentsMargins(0, 0, 0, 0)
        self.postcode = QLineEdit()
        self.postcode.setMaximumWidth(70)
        self.postcode.setAccessibleName(tr(CTX, "Postnummer"))
        self.town = QLabel()
        self.town.setAccessibleName(tr(CTX, "By"))
        self.commute = QLineEdit()
        self.commute.setMaximumWidth(70)
        self.commute.setAccessibleName(tr(CTX, "Maks. transport i km"))
        place_row.addWidget(self.postcode)
        place_row.addWidget(self.town, 1)
        place_row.addWidget(QLabel(tr(CTX, "maks. transport")))
        place_row.addWidget(self.commute)
        place_row.addWidget(QLabel(tr(CTX, "km")))
        self.form.add(("postcode", "max_commute_km"), tr(CTX, "&Postnr.:"), place,
                      focus=self.postcode)
        self.postcode.textChanged.connect(self._update_town)

        self.unemployed_since = self.form.add("unemployed_since", tr(CTX, "Le&dig siden:"),
                                              QLineEdit())
        self.unemployed_since.setPlaceholderText(tr(CTX, "fx 1-3-2025"))
        self.unemployed_since.setMaximumWidth(120)
        self.phone = self.form.add("phone", tr(CTX, "Te&lefon:"), QLineEdit())
        self.phone.setMaximumWidth(160)
        self.email = self.form.add("email", tr(CTX, "&E-mail:"), QLineEdit())
        self.notes = self.form.add("notes", tr(CTX, "Not&ater:"), QPlainTextEdit())
        self.notes.setTabChangesFocus(True)
        self.notes.setMinimumHeight(90)
        self.notes.setToolTip(tr(CTX, "Noter gemmes krypteret på computeren."))

        header = self.record_header((self.a_new, self.a_save, self.a_undo))
        self.suggestions = SuggestionsPanel(ops, "vacancy", tr(CTX, "Passende stillinger"), self)
        self.suggestions.activated.connect(lambda ident: self.open_requested.emit(
            "vacancy", ident))
        # Under the form: the suggested vacancies and the citizen's agreements, each a tab.
        self.lower = QTabWidget(self)
        self.lower.setAccessibleName(tr(CTX, "Forslag og aftaler"))
        self.lower.addTab(self.suggestions, tr(CTX, "Passende stillinger"))
        self.lower.addTab(self._build_agreements(), tr(CTX, "Aftaler"))
        self.lower.hide()
        list_detail_layout(self, self.list, self.record_editor(), "citizens", header,
                           self.lower)
        self.watch_edits((
            self.name, self.cpr, self.target_group, self.max_hours, self.restrictions,
            self.skills, self.wishes, self.licence, self.languages, self.postcode, self.commute,
            self.unemployed_since, self.phone, self.email, self.notes))
        self.new_citizen()
        self.list.reload()

    def _build_agreements(self) -> QWidget:
        """The citizen's agreements, each opened with Enter, a sealed one's PDF one click
        away (as on the employer's page)."""
        box = QWidget(self)
        self.agreements = BackgroundIdTableModel(
            self.ops, "placement_agreement", queries.citizen_agreement_ids,
            formatter_for("placement_agreement"), self,
            ids_args=lambda: (self.citizen_id,))
        self.agreements.loaded.connect(self._count_agreements)
        self.agreements_view = read_only_table(self.agreements, tr(CTX, "Borgerens aftaler"),
                                               box)
        self.agreements_view.activated.connect(lambda index: self.open_requested.emit(
            "placement_agreement", self.agreements.id_at(index.row())))
        self.agreements_view.doubleClicked.connect(lambda index: self.open_requested.emit(
            "placement_agreement", self.agreements.id_at(index.row())))
        self.agreement_pdf = agreement_pdf_actions(self.ops, self.agreements_view,
                                                   self.agreements, box)
        column = QVBoxLayout(box)
        column.addWidget(self.agreements_view)
        column.addWidget(self.agreement_pdf)
        return box

    def _reload_agreements(self) -> None:
        """Off the UI thread; the tab's count follows when they come."""
        if self.citizen_id:
            self.agreements.refresh()
        else:
            self.agreements.clear()

    def _count_agreements(self) -> None:
        n = self.agreements.rowCount()
        self.lower.setTabText(1, tr(CTX, "Aftaler ({n})").format(n=n) if n
                              else tr(CTX, "Aftaler"))

    # -- Page contract ------------------------------------------------------------------
    def page_title(self) -> str:
        return tr(CTX, "Borgere")

    def refresh(self) -> None:
        self.list.reload()
        self._reload_agreements()

    def show_changes(self, changes: OpChanges) -> None:
        """The lists that show a changed table re-read; the form stays as typed."""
        if changes.touches(self.list.tables):
            self.list.reload()
        if changes.touches(list_tables("placement_agreement")):
            self._reload_agreements()

    def open_id(self) -> str:
        return self.citizen_id

    def open_item(self, ident: str) -> None:
        if not self.autosave.leave():
            self.keep_selection()
            return
        self.load_record(queries.citizen_detail, ident, self._show,
                         tr(CTX, "Borgeren findes ikke længere."))

    def record_actions(self) -> tuple[Any, ...]:
        return (self.a_reveal,)

    def hideEvent(self, event: Any) -> None:
        """Leaving the page masks the CPR again: a revealed number never stays on screen
        behind the consultant's back."""
        self.hide_cpr()
        super().hideEvent(event)

    # -- CPR ------------------------------------------------------------------------------
    def reveal_cpr(self) -> None:
        if not self.citizen_id or self.cpr_revealed:
            return
        citizen_id = self.citizen_id
        self.ops.write(services.reveal_cpr, citizen_id, "Vist i borgerens side",
                       on_done=while_alive(self, lambda cpr: self._revealed(citizen_id, cpr)),
                       on_error=while_alive(self, self.form.show_failure))

    def _revealed(self, citizen_id: str, cpr: str) -> None:
        if citizen_id != self.citizen_id:
            return  # the consultant moved on before the number came back
        self.cpr_revealed = True
        self.autosave.quietly(lambda: self.cpr.setText(cpr))
        self.cpr.setReadOnly(False)
        self.cpr_note.setText(tr(CTX, "Visningen er logget."))
        self.a_reveal.setEnabled(False)

    def hide_cpr(self) -> None:
        if not self.citizen_id:
            return
        self.cpr_revealed = False
        self.autosave.quietly(lambda: self.cpr.setText(self._masked))
        self.cpr.setReadOnly(True)
        self.cpr_note.clear()
        self.a_reveal.setEnabled(bool(self._masked))

    # -- editor ---------------------------------------------------------------------------
    def _show(self, detail: dict[str, Any]) -> None:
        self.form.clear_problems()
        self.saved_note.clear()
        self.citizen_id = detail["id"]
        self._masked = detail["cpr_masked"]
        self.hide_cpr()
        self.lower.show()
        if self.suggestions.subject_id != detail["id"]:
            self.suggestions.rank(detail["id"])
        self.heading.setText(detail["name"])
        self.name.setText(detail["name"])
        set_combo_code(self.target_group, detail["target_group"])
        self.max_hours.setText(as_text(detail["max_hours_per_week"]))
        self.restrictions.set_codes(detail["restrictions"])
        self.skills.setText(as_text(detail["skills"]))
        self.wishes.setText(as_text(detail["wished_occupations"]))
        set_combo_code(self.licence, detail["driving_licence"])
        self.languages.setText(as_text(detail["languages"]))
        self.postcode.setText(detail["postcode"])
        self.commute.setText(as_text(detail["max_commute_km"]))
        self.unemployed_since.setText(as_text(detail["unemployed_since"]))
        self.phone.setText(detail["phone"])
        self.email.setText(detail["email"])
        self.notes.setPlainText(detail["notes"] or "")
        self.autosave.loaded()
        self._reload_agreements()

    def new_citizen(self) -> None:
        if hasattr(self, "autosave") and not self.autosave.leave():
            return
        self.stop_loading()
        self.form.clear_problems()
        self.saved_note.clear()
        self.citizen_id = ""
        self._masked = ""
        self.cpr_revealed = False
        self.heading.setText(tr(CTX, "Ny borger"))
        self.cpr.clear()
        self.cpr.setReadOnly(False)
        self.cpr_note.setText(tr(CTX, "Skrives DDMMÅÅ-XXXX."))
        self.a_reveal.setEnabled(False)
        self.lower.hide()
        self.suggestions.rank("")
        for edit in (self.name, self.max_hours, self.skills, self.wishes, self.languages,
                     self.postcode, self.commute, self.unemployed_since, self.phone, self.email):
            edit.clear()
        self.target_group.setCurrentIndex(0)
        self.licence.setCurrentIndex(0)
        self.restrictions.set_codes([])
        self.notes.clear()
        if hasattr(self, "agreements"):
            self._reload_agreements()
        self.list.table.clearSelection()
        if hasattr(self, "autosave"):
            self.autosave.loaded()
        if self.isVisible():
            self.name.setFocus()

    def values(self) -> dict[str, Any]:
        """The form as text for the core's converters; the CPR only when it was typed or
        revealed (a masked number is not a value)."""
        values: dict[str, Any] = {
            "name": self.name.text(), "target_group": self.target_group.currentData(),
            "max_hours_per_week": self.max_hours.text(),
            "restrictions": self.restrictions.codes(), "skills": self.skills.text(),
            "wished_occupations": self.wishes.text(),
            "driving_licence": self.licence.currentData(), "languages": self.languages.text(),
            "postcode": self.postcode.text(), "max_commute_km": self.commute.text(),
            "unemployed_since": self.unemployed_since.text(), "phone": self.phone.text(),
            "email": self.email.text(), "notes": self.notes.toPlainText(),
        }
        if not self.citizen_id or self.cpr_revealed:
            values["cpr"] = self.cpr.text()
        return values

    def write_new(self, values: dict[str, Any], on_done: Any, on_error: Any) -> None:
        self.ops.write(services.create_citizen, values, on_done=on_done, on_error=on_error)

    def _saved(self, citizen: Any) -> None:
        """After a save the form stays as typed; the heading, list and ranking follow. A
        new citizen's CPR is masked from now on, as for any saved citizen."""
        created = not self.citizen_id
        self.citizen_id = citizen.id
        self.heading.setText(citizen.name)
        self.list.select(citizen.id)  # the list has re-read (show_changes): a new one is in it
        if created:
            # The masked CPR is read off the UI thread; the consultant may have moved on.
            self.ops.read_task(queries.citizen_detail, citizen.id, context=self,
                               on_done=lambda detail: self._created_came(citizen.id, detail))
            self.lower.show()
        self.suggestions.rank(citizen.id)  # hours, place or restrictions may change it

    def _created_came(self, citizen_id: str, detail: dict[str, Any] | None) -> None:
        if detail is None or citizen_id != self.citizen_id or self.loading:
            return
        self._masked = detail["cpr_masked"]
        if self.cpr.text().strip():
            self.hide_cpr()
        self.cpr_note.clear()
        self.a_reveal.setEnabled(bool(self._masked))

    def _update_town(self, text: str) -> None:
        found = postcodes.lookup(text.strip()) if len(text.strip()) == 4 else None
        self.town.setText(found.town if found is not None else "")
