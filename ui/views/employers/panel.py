"""One employer: the heading, and tabs for its master data, contact persons and visits (each
its own module) and its vacancies, matches and agreements, which open on their own pages."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QPushButton,
    QSizePolicy,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from consultant_app import queries
from consultant_app.queries import list_tables

from ...i18n import tr
from ...models.id_table import BackgroundIdTableModel
from ...models.labels import formatter_for
from ...ops import Latest, OpChanges, Ops
from ..agreement_wizard import new_agreement_ref
from ..agreements import format_agreement_cell
from ..partials.sealed_pdf import agreement_pdf_actions
from ..vacancies import new_vacancy_ref
from .contacts import Contacts
from .form_parts import employer_items, list_view
from .master_data import MasterData
from .visits import Visits

CTX = "EmployerPanel"


class EmployerPanel(QWidget):
    """The open employer (or a new one being written)."""

    open_requested = Signal(str, str)
    saved = Signal(str)  # employer id, after a create or an edit

    TAB_DATA, TAB_CONTACTS, TAB_VISITS, TAB_VACANCIES, TAB_MATCHES, TAB_AGREEMENTS = range(6)
    LISTED = ("contact_person", "visit", "vacancy", "match", "placement_agreement")
    shows = frozenset({"employer"}).union(*(list_tables(kind) for kind in LISTED))

    def __init__(self, ops: Ops, parent: QWidget | None = None):
        super().__init__(parent)
        self.ops = ops
        self.employer_id: str | None = None

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
        self.tabs.setAccessibleName(tr(CTX, "Virksomhedens faner"))

        self.data = MasterData(ops, self)
        self.data.saved.connect(self._employer_saved)
        self.contacts = Contacts(ops, self)
        self.visits = Visits(ops, self)
        self.tabs.addTab(self.data, tr(CTX, "&Stamdata"))
        self.tabs.addTab(self.contacts, tr(CTX, "&Kontakter"))
        self.tabs.addTab(self.visits, tr(CTX, "&Besøg"))
        self.related: dict[str, BackgroundIdTableModel] = {}
        self.related_views: dict[str, QTableView] = {}
        for kind, name in (("vacancy", tr(CTX, "Stillinger")), ("match", tr(CTX, "Match")),
                           ("placement_agreement", tr(CTX, "Aftaler"))):
            self.tabs.addTab(self._build_related_tab(kind, name), name)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 8, 8)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.tabs, 1)
        self._record = Latest(ops, self)  # the employer on show, read off the UI thread
        for model in self._list_models():
            model.loaded.connect(self._count_tabs)
        self.show_empty()

    def _build_related_tab(self, kind: str, name: str) -> QWidget:
        tab = QWidget(self)
        model = employer_items(self.ops, kind, lambda: self.employer_id,
                               # an agreement's type and status by their names, as on Aftaler
                               format_agreement_cell if kind == "placement_agreement"
                               else formatter_for(kind), self)
        empty = {"vacancy": tr(CTX, "Ingen stillinger hos virksomheden endnu. Opret en med "
                                    "Ctrl+Shift+J."),
                 "match": tr(CTX, "Ingen match endnu. Foreslå en borger til en af "
                                  "virksomhedens stillinger på siden Stillinger (Ctrl+P)."),
                 "placement_agreement": tr(CTX, "Ingen aftaler endnu. Start en med "
                                                "Ctrl+Shift+A.")}.get(kind, "")
        view = list_view(model, name, tab, empty)
        view.activated.connect(lambda index, k=kind, m=model:
                               self.open_requested.emit(k, m.id_at(index.row())))
        self.related[kind] = model
        self.related_views[kind] = view
        layout = QVBoxLayout(tab)
        layout.addWidget(view, 1)
        layout.addWidget(QLabel(tr(CTX, "Enter eller dobbeltklik åbner den valgte."), tab))
        if kind == "placement_agreement":
            self.agreement_pdf = agreement_pdf_actions(self.ops, view, model, tab)
            layout.addWidget(self.agreement_pdf)
            self.new_agreement_button = QPushButton(tr(CTX, "Ny aftale … (Ctrl+Shift+A)"), tab)
            self.new_agreement_button.clicked.connect(self.new_agreement)
            layout.addWidget(self.new_agreement_button, 0, Qt.AlignmentFlag.AlignLeft)
        if kind == "vacancy":
            self.new_vacancy_button = QPushButton(tr(CTX, "Ny stilling her … (Ctrl+Shift+J)"),
                                                  tab)
            self.new_vacancy_button.clicked.connect(self.new_vacancy)
            layout.addWidget(self.new_vacancy_button, 0, Qt.AlignmentFlag.AlignLeft)
        return tab

    # -- what other pages open from here --------------------------------------------------
    def new_vacancy(self) -> None:
        """A new vacancy at this employer (the vacancies page opens it, employer chosen)."""
        if self.employer_id:
            self.open_requested.emit("vacancy", new_vacancy_ref(self.employer_id))

    def new_agreement(self) -> None:
        """Start the agreement wizard for this employer (the agreements page opens it)."""
        if self.employer_id:
            self.open_requested.emit("placement_agreement",
                                     new_agreement_ref(employer_id=self.employer_id))

    # -- showing ------------------------------------------------------------------------
    def _set_employer(self, employer_id: str | None) -> None:
        self.employer_id = employer_id
        for part in (self.data, self.contacts, self.visits):
            part.employer_id = employer_id

    def show_empty(self) -> None:
        self._record.drop()
        self.data.setEnabled(True)
        self._set_employer(None)
        self.title.setText(tr(CTX, "Ingen virksomhed valgt"))
        self.subtitle.setText(tr(CTX, "Vælg en virksomhed i listen, eller opret en ny med "
                                      "Ctrl+Shift+N."))
        self.tabs.setEnabled(False)
        self._reload_lists()

    def leave(self) -> bool:
        """Save what is typed in any of the employer's forms before it is left."""
        return all(part.autosave.leave() for part in (self.data, self.contacts, self.visits))

    def load(self, employer_id: str) -> bool:
        """Open the employer: its lists and its record are read off the UI thread, the
        master data form waiting for the record. False when what is typed in the open
        employer could not be saved (it stays)."""
        if not self.leave():
            return False
        self._set_employer(employer_id)
        self.tabs.setEnabled(True)
        for i in range(1, self.tabs.count()):
            self.tabs.setTabEnabled(i, True)
        self.data.setEnabled(False)
        self.contacts.new()
        self.visits.reset()
        self._reload_lists()
        self._record.read(queries.employer_record, employer_id, on_done=self._show_record)
        return True

    def _show_record(self, record: queries.EmployerRecord | None) -> None:
        if record is None:  # deleted meanwhile (here or on another device)
            self.show_empty()
            return
        self._fill_heading(record)
        self.data.show_record(record)
        self.data.setEnabled(True)

    def new_employer(self) -> bool:
        """An empty form for a new employer; the other tabs wait until it is saved."""
        if not self.leave():
            return False
        self._record.drop()
        self.data.setEnabled(True)
        self._set_employer(None)
        self.tabs.setEnabled(True)
        self.tabs.setCurrentIndex(self.TAB_DATA)
        for i in range(1, self.tabs.count()):
            self.tabs.setTabEnabled(i, False)
        self.title.setText(tr(CTX, "Ny virksomhed"))
        self.subtitle.setText(tr(CTX, "Udfyld mindst navn og CVR-nummer, og gem med Ctrl+S."))
        self.data.show_record(None)
        self._reload_lists()
        self.data.focus_first()
        return True

    def focus_new_visit(self, planned_visit_id: str | None = None) -> None:
        """Ready a visit note: a new one, or the note of a planned visit being held now."""
        if self.employer_id is None:
            return
        if planned_visit_id is not None:
            self.visits.hold_planned(planned_visit_id)
        self.tabs.setCurrentIndex(self.TAB_VISITS)
        self.visits.note.setFocus()

    def _fill_heading(self, record: queries.EmployerRecord) -> None:
        self.title.setText(record.name)
        place = ", ".join(p for p in (record.address, f"{record.postcode} {record.town}".strip())
                          if p)
        parts = [tr(CTX, "CVR {cvr}").format(cvr=record.cvr)]
        if record.p_number:
            parts.append(tr(CTX, "P-nr. {p_number}").format(p_number=record.p_number))
        if place:
            parts.append(place)
        self.subtitle.setText(" · ".join(parts))

    def _employer_saved(self, employer_id: str) -> None:
        """The form stays as typed (the consultant may type on). An edit's heading has
        followed already (``show_changes``); a new employer's heading and tabs follow now."""
        created = self.employer_id is None
        self._set_employer(employer_id)
        if created:
            self.ops.read_task(queries.employer_record, employer_id,
                               on_done=self._heading_came, context=self)
            for i in range(1, self.tabs.count()):
                self.tabs.setTabEnabled(i, True)
            self.contacts.new()
            self.visits.reset()
            self._reload_lists()
        self.saved.emit(employer_id)

    def show_changes(self, changes: OpChanges) -> None:
        """The store changed: the heading and the lists that show a changed table re-read
        (the forms stay as typed)."""
        if self.employer_id is None:
            return
        if changes.touches(("employer",)):
            self.ops.read_task(queries.employer_record, self.employer_id,
                               on_done=self._heading_came, context=self)
        self._reload_lists([m for m in self._list_models()
                            if changes.touches(list_tables(m.kind))])

    def _heading_came(self, record: queries.EmployerRecord | None) -> None:
        if record is not None and record.id == self.employer_id:
            self._fill_heading(record)

    def _list_models(self) -> list[BackgroundIdTableModel]:
        return [self.contacts.model, self.visits.model, *self.related.values()]

    def _reload_lists(self, models: list[BackgroundIdTableModel] | None = None) -> None:
        """Re-read ``models`` (all the employer's lists when None) off the UI thread; with
        no employer open they are emptied at once. The tabs' counts follow each."""
        for model in self._list_models() if models is None else models:
            if self.employer_id is None:
                model.clear()
            else:
                model.refresh()

    def _count_tabs(self) -> None:
        models = self._list_models()
        self.visits.follow_done.setEnabled(self.visits.model.rowCount() > 0)
        names = (tr(CTX, "&Kontakter"), tr(CTX, "&Besøg"), tr(CTX, "S&tillinger"),
                 tr(CTX, "&Match"), tr(CTX, "&Aftaler"))
        for i, (name, model) in enumerate(zip(names, models), start=1):
            self.tabs.setTabText(i, f"{name} ({model.rowCount()})" if self.employer_id else name)
