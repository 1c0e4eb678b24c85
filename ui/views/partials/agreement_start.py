"""The wizard's first step: which employer, match, vacancy and citizen, and which type.

Everything is pre-chosen where the records allow: the employer's matches that are agreed or
placed come first (the citizen and vacancy follow from the match), and the type is the one
``forms.agreements.suggest_type`` derives from the vacancy's kind. The types offered are the
templates installed (``forms.templates.agreement_types``), so a new type appears here without
a change in ui/.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QCompleter,
    QFormLayout,
    QGroupBox,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from consultant_app import queries
from consultant_app.domain import MATCH_STATUSES, VACANCY_KINDS
from forms import prefill as fprefill
from forms.agreements import suggest_type
from forms.templates import agreement_types, get_template

from ...i18n import tr
from ...models.labels import domain_label
from ...ops import Latest, OpFailure, Ops
from .agreement_fields import tr_template
from .inputs import ChoiceBox, while_alive

CTX = "agreement_start"

# The order matches are offered in: the ones ready for an agreement first.
MATCH_ORDER = ("agreed", "placed", "interview", "presented", "proposed")
CITIZEN_SEARCH_LIMIT = 25



@dataclass(frozen=True)
class MatchOption:
    id: str
    status: str
    citizen_id: str
    citizen_name: str
    vacancy_id: str
    vacancy_title: str
    vacancy_kind: str


@dataclass(frozen=True)
class StartOptions:
    """What the employer offers to start an agreement from (read in the background)."""

    employer_id: str
    employer_name: str
    matches: list[MatchOption] = field(default_factory=list)
    vacancies: list[tuple[str, str, str]] = field(default_factory=list)  # id, title, kind


def read_start_options(session: Any, employer_id: str, match_id: str = "") -> StartOptions:
    """The employer's live matches (ready ones first, declined left out) and vacancies. With
    only a match given, its vacancy's employer."""
    if not employer_id and match_id:
        vacancy_id = queries.match_vacancy_id(session, match_id)
        detail = queries.vacancy_detail(session, vacancy_id) if vacancy_id else None
        employer_id = detail["employer_id"] if detail else ""
    record = queries.employer_record(session, employer_id) if employer_id else None
    if record is None:
        return StartOptions("", "")
    matches = []
    for mid in queries.employer_item_ids(session, "match", record.id):
        sources = fprefill.load_sources(session, record.id, match_id=mid)
        match, vacancy, citizen = sources.match, sources.vacancy, sources.citizen
        if match is None or match.status not in MATCH_ORDER or vacancy is None \
                or citizen is None:
            continue
        matches.append(MatchOption(mid, match.status, citizen.id, citizen.name, vacancy.id,
                                   vacancy.title, vacancy.kind))
    matches.sort(key=lambda m: MATCH_ORDER.index(m.status))  # stable: newest first within
    vacancy_ids = queries.employer_item_ids(session, "vacancy", record.id)
    rows = queries.list_rows(session, "vacancy", vacancy_ids)
    vacancies = [(vid, rows[vid][0], rows[vid][2]) for vid in vacancy_ids if vid in rows]
    return StartOptions(record.id, record.name, matches, vacancies)


def read_employers(session: Any) -> list[tuple[str, str]]:
    ids = queries.list_ids(session, "employer", sort="name")
    rows = queries.list_rows(session, "employer", ids)
    return [(i, f"{rows[i][0]} (CVR {rows[i][1]})") for i in ids if i in rows]


def search_citizens(session: Any, text: str) -> list[tuple[str, str]]:
    ids = queries.list_ids(session, "citizen", text, sort="name")[:CITIZEN_SEARCH_LIMIT]
    rows = queries.list_rows(session, "citizen", ids)
    return [(i, rows[i][0]) for i in ids if i in rows]


class StartStep(QWidget):
    """Step 1 of the wizard. ``choice()`` is what ``create_draft`` needs.

    What an employer offers (``read_start_options``) is read off the UI thread, the newest
    employer's answer only; while it is on its way the choices that follow from it are
    disabled, and ``loading`` says so (the wizard's "Opret aftale" waits for it)."""

    changed = Signal()
    shown = Signal()  # the options of a ``begin`` came: the step is ready for the consultant

    def __init__(self, ops: Ops, parent: QWidget | None = None):
        super().__init__(parent)
        self.ops = ops
        self.options = StartOptions("", "")
        self._options_read = Latest(ops, self)
        self._type_chosen_by_hand = False

        parties = QGroupBox(tr(CTX, "Parter"), self)
        form = QFormLayout(parties)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.employer = ChoiceBox(parties)
        self.employer.setEditable(True)
        self.employer.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.employer.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.employer.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.employer.setAccessibleName(tr(CTX, "Virksomhed"))
        self.employer.currentIndexChanged.connect(lambda _i: self._employer_chosen())
        self.employer.completer().activated.connect(self._employer_completed)
        self.match = ChoiceBox(parties)
        self.match.setAccessibleName(tr(CTX, "Match"))
        self.match.activated.connect(lambda _i: self._match_chosen())
        self.vacancy = ChoiceBox(parties)
        self.vacancy.setAccessibleName(tr(CTX, "Stilling"))
        self.vacancy.activated.connect(lambda _i: self._vacancy_chosen())
        self.citizen = ChoiceBox(parties)
        self.citizen.setEditable(True)
        self.citizen.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.citizen.setAccessibleName(tr(CTX, "Borger"))
        self.citizen.lineEdit().setPlaceholderText(tr(CTX, "Skriv for at søge blandt borgerne"))
        self.citizen.activated.connect(lambda _i: self.changed.emit())
        self._citizen_timer = QTimer(self)
        self._citizen_timer.setSingleShot(True)
        self._citizen_timer.setInterval(250)
        self._citizen_timer.timeout.connect(self._search_citizens)
        self.citizen.lineEdit().textEdited.connect(lambda _t: self._citizen_timer.start())
        for label, widget in ((tr(CTX, "&Virksomhed:"), self.employer),
                              (tr(CTX, "&Match:"), self.match),
                              (tr(CTX, "&Stilling:"), self.vacancy),
                              (tr(CTX, "&Borger:"), self.citizen)):
            caption = QLabel(label, parties)
            caption.setBuddy(widget)
            form.addRow(caption, widget)
        # What an employer's options fill, disabled while they are read.
        self._follows_employer: tuple[QWidget, ...] = (self.match, self.vacancy, self.citizen)
        self.match_hint = QLabel(parties)
        self.match_hint.setWordWrap(True)
        self.match_hint.setStyleSheet("color: palette(placeholder-text);")
        form.addRow("", self.match_hint)

        kinds = QGroupBox(tr(CTX, "Aftaletype"), self)
        self.type_box = QVBoxLayout(kinds)
        self.types = QButtonGroup(self)
        self.type_buttons: dict[str, QRadioButton] = {}
        for agreement_type in agreement_types():
            template = get_template(agreement_type)
            button = QRadioButton(tr_template(template.title), kinds)
            button.setObjectName(f"type_{agreement_type}")
            button.toggled.connect(lambda on, _t=agreement_type: on and self.changed.emit())
            button.clicked.connect(self._type_clicked)
            self.types.addButton(button)
            self.type_buttons[agreement_type] = button
            about = QLabel(" · ".join(t for t in (tr_template(template.description),
                                                   tr_template(template.legal_basis)) if t),
                           kinds)
            about.setWordWrap(True)
            about.setIndent(24)
            about.setStyleSheet("color: palette(placeholder-text); font-size: 9pt;")
            self.type_box.addWidget(button)
            self.type_box.addWidget(about)

        layout = QVBoxLayout(self)
        layout.addWidget(parties)
        layout.addWidget(kinds)
        layout.addStretch(1)

    # -- filling -------------------------------------------------------------------------
    def _fill_employers(self, employers: list[tuple[str, str]]) -> None:
        current, typed = self.options.employer_id, self.employer.currentText()
        self.employer.blockSignals(True)
        self.employer.clear()
        for ident, label in employers:
            self.employer.addItem(label, ident)
        self.employer.setCurrentIndex(self.employer.findData(current) if current else -1)
        if not current:
            self.employer.setEditText(typed)  # what the consultant began to type stays
        self.employer.blockSignals(False)

    def begin(self, employer_id: str = "", match_id: str = "", vacancy_id: str = "",
              citizen_id: str = "") -> None:
        """Start over for a new agreement, pre-choosing what was given once the options are
        read (``shown`` then). Meanwhile nothing is chosen and the parties are disabled, so
        the consultant does not act on the step before it is complete."""
        self._type_chosen_by_hand = False
        self.options = StartOptions("", "")
        self.employer.setEnabled(False)
        self._read_options(employer_id, match_id, vacancy_id, citizen_id, begun=True)
        self.ops.read(read_employers, on_done=while_alive(self, self._fill_employers))

    def _read_options(self, employer_id: str, match_id: str = "", vacancy_id: str = "",
                      citizen_id: str = "", begun: bool = False) -> None:
        for widget in self._follows_employer:
            widget.setEnabled(False)

        def came(options: StartOptions) -> None:
            self._options_done()
            self.show_options(options, match_id, vacancy_id, citizen_id)
            if begun:
                self.shown.emit()

        def failed(failure: OpFailure) -> None:
            self._options_done()
            self.match_hint.setText(failure.summary)
            self.changed.emit()
        self._options_read.read(read_start_options, employer_id, match_id, on_done=came,
                                on_error=failed)
        self.changed.emit()  # "Opret aftale" waits for the options

    def _options_done(self) -> None:
        for widget in (self.employer, *self._follows_employer):
            widget.setEnabled(True)

    @property
    def loading(self) -> bool:
        """The options of the employer asked for have not come yet."""
        return self._options_read.waiting

    def show_options(self, options: StartOptions, match_id: str = "", vacancy_id: str = "",
                     citizen_id: str = "") -> None:
        self.options = options
        index = self.employer.findData(options.employer_id) if options.employer_id else -1
        if index < 0 and options.employer_id:
            self.employer.addItem(options.employer_name, options.employer_id)
            index = self.employer.count() - 1
        self.employer.setCurrentIndex(index)
        if index < 0:
            self.employer.setEditText("")
        self.match.clear()
        self.match.addItem(tr(CTX, "(uden match – vælg stilling og borger)"), "")
        for m in options.matches:
            self.match.addItem(f"{m.citizen_name} – {m.vacancy_title} "
                               f"({domain_label(MATCH_STATUSES, m.status)})", m.id)
        self.vacancy.clear()
        self.vacancy.addItem(tr(CTX, "(ingen stilling)"), "")
        for vid, title, kind in options.vacancies:
            self.vacancy.addItem(f"{title} ({domain_label(VACANCY_KINDS, kind)})", vid)
        self.citizen.clear()
        self.citizen.addItem("", "")
        seen = set()
        for m in options.matches:
            if m.citizen_id not in seen:
                seen.add(m.citizen_id)
                self.citizen.addItem(m.citizen_name, m.citizen_id)
        chosen = match_id if any(m.id == match_id for m in options.matches) else (
            options.matches[0].id if options.matches and not (vacancy_id or citizen_id) else "")
        self.match.setCurrentIndex(max(self.match.findData(chosen), 0))
        if chosen:
            self._match_chosen()
        else:
            if vacancy_id:
                self.vacancy.setCurrentIndex(max(self.vacancy.findData(vacancy_id), 0))
            elif len(options.vacancies) == 1:
                self.vacancy.setCurrentIndex(1)
            if citizen_id:
                self._select_citizen(citizen_id, "")
            self._vacancy_chosen()
        if not options.employer_id:
            self.match_hint.setText(tr(CTX, "Vælg først virksomheden."))
        elif not options.matches:
            self.match_hint.setText(tr(CTX, "Virksomheden har ingen aktive match; vælg stilling "
                                        "og borger."))
        else:
            self.match_hint.setText(tr(CTX, "Aftalte og startede match står først."))
        self.changed.emit()

    def _select_citizen(self, citizen_id: str, name: str) -> None:
        index = self.citizen.findData(citizen_id)
        if index < 0:
            self.citizen.addItem(name, citizen_id)
            index = self.citizen.count() - 1
        self.citizen.setCurrentIndex(index)

    # -- choosing ------------------------------------------------------------------------
    def _employer_chosen(self) -> None:
        employer_id = self.employer.currentData() or ""
        if employer_id and (employer_id != self.options.employer_id or self.loading):
            self._read_options(employer_id)

    def _employer_completed(self, text: str) -> None:
        index = self.employer.findText(text)
        if index >= 0:
            self.employer.setCurrentIndex(index)

    def _match_chosen(self) -> None:
        match = self.chosen_match()
        if match is not None:
            self.vacancy.setCurrentIndex(max(self.vacancy.findData(match.vacancy_id), 0))
            self._select_citizen(match.citizen_id, match.citizen_name)
        self._vacancy_chosen()

    def _vacancy_chosen(self) -> None:
        if not self._type_chosen_by_hand:
            kind = next((k for vid, _t, k in self.options.vacancies
                         if vid == self.vacancy.currentData()), None)
            self.set_type(suggest_type(kind))
        self.changed.emit()

    def _type_clicked(self) -> None:
        self._type_chosen_by_hand = True

    def set_type(self, agreement_type: str) -> None:
        button = self.type_buttons.get(agreement_type)
        if button is not None:
            button.setChecked(True)

    def _search_citizens(self) -> None:
        text = self.citizen.currentText().strip()
        if len(text) < 2:
            return
        self.ops.read(search_citizens, text,
                      on_done=while_alive(self, lambda found: self._citizens_found(text, found)))

    def _citizens_found(self, text: str, found: list[tuple[str, str]]) -> None:
        if self.citizen.currentText().strip() != text:
            return  # typed on; a newer search is on its way
        self.citizen.blockSignals(True)
        self.citizen.clear()
        self.citizen.addItem("", "")
        for ident, name in found:
            self.citizen.addItem(name, ident)
        self.citizen.setEditText(text)
        self.citizen.blockSignals(False)
        if found:
            self.citizen.showPopup()

    # -- the result ----------------------------------------------------------------------
    def chosen_match(self) -> MatchOption | None:
        ident = self.match.currentData()
        return next((m for m in self.options.matches if m.id == ident), None)

    def chosen_type(self) -> str:
        return next((t for t, b in self.type_buttons.items() if b.isChecked()), "")

    def choice(self) -> dict[str, str]:
        """The arguments for ``create_draft``."""
        citizen_id = self.citizen.currentData() or ""
        if citizen_id and self.citizen.currentText() != self.citizen.itemText(
                self.citizen.currentIndex()):
            citizen_id = ""  # the text was changed after choosing: no citizen chosen
        return {"agreement_type": self.chosen_type(),
                "employer_id": self.options.employer_id,
                "vacancy_id": self.vacancy.currentData() or "",
                "citizen_id": citizen_id,
                "match_id": self.match.currentData() or ""}

    def first_input(self) -> QWidget:
        if not self.options.employer_id:
            return self.employer
        return self.type_buttons.get(self.chosen_type()) or self.match
