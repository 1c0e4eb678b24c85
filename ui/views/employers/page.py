"""Employers: the list on the left (filtered as you type, read in the background), the open
employer on the right. Window-level keys while the page is shown work from the list, the
filter and every tab of the employer alike."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from consultant_app import queries

from ...i18n import tr
from ...models.labels import formatter_for
from ...ops import OpChanges, Ops
from .. import Page
from ..partials.id_list import IdListPanel
from ..partials.inputs import action_button, page_action
from ..partials.list_detail import list_detail_layout
from .panel import EmployerPanel

CTX = "EmployersPage"


def list_employer_ids(session: Any, text: str, sort: str | None, descending: bool) -> list[str]:
    return queries.list_ids(session, "employer", text, sort, descending)


class EmployersPage(Page):
    page_key = "employers"
    shows = EmployerPanel.shows

    def __init__(self, ops: Ops, parent: QWidget | None = None):
        super().__init__(ops, parent)
        self.list = IdListPanel(
            ops, "employer", list_employer_ids, queries.list_rows, formatter_for("employer"),
            list_name=tr(CTX, "Virksomheder"),
            filter_hint=tr(CTX, "Filtrér: navn, CVR, by, branche … (Ctrl+F)"),
            empty_text=tr(CTX, "Ingen virksomheder her. Ret eller ryd filteret (Ctrl+F), eller "
                               "opret en ny med Ctrl+Shift+N."), parent=self)
        self.list.current_changed.connect(self._row_chosen)
        self.panel = EmployerPanel(ops, self)
        self.panel.open_requested.connect(self.open_requested)
        self.panel.saved.connect(self._saved)

        self.a_new = page_action(self, tr(CTX, "&Ny virksomhed (Ctrl+Shift+N)"),
                                 "Ctrl+Shift+N", self.new_employer)
        self.a_new.setToolTip(tr(CTX, "Opret en ny virksomhed"))
        self.new_button = action_button(self.a_new, self)
        self.list.extra.addWidget(self.new_button)
        page_action(self, tr(CTX, "Filtrér"), "Ctrl+F", self.list.focus_filter, "Ctrl+L")
        page_action(self, tr(CTX, "Ny besøgsnote"), "Ctrl+N", self.new_visit_note)
        page_action(self, tr(CTX, "Gem virksomheden"), "Ctrl+S", self.panel.data.save)
        page_action(self, tr(CTX, "Ny aftale"), "Ctrl+Shift+A", self.panel.new_agreement)
        page_action(self, tr(CTX, "Ny stilling her"), "Ctrl+Shift+J", self.panel.new_vacancy)
        page_action(self, tr(CTX, "Markér opfølgning udført"), "Ctrl+D",
                    self.panel.visits.complete_follow_up)
        self.splitter = list_detail_layout(self, self.list, self.panel, "employers")
        self.setTabOrder(self.list.filter_edit, self.new_button)
        self.setTabOrder(self.new_button, self.list.table)
        self.setTabOrder(self.list.table, self.panel.tabs)
        self.list.reload()

    def page_title(self) -> str:
        return tr(CTX, "Virksomheder")

    def leave(self) -> bool:
        return self.panel.leave()

    def refresh(self) -> None:
        """Re-read after a sync or another page's write: the list in the background, the
        open employer now (what is typed in it is saved first)."""
        if not self.panel.leave():
            return
        self.list.reload()
        if self.panel.employer_id:
            self.panel.load(self.panel.employer_id)

    def show_changes(self, changes: OpChanges) -> None:
        """The list and the open employer's lists re-read; its forms stay as typed."""
        if changes.touches(self.list.tables):
            self.list.reload()
        self.panel.show_changes(changes)

    def open_item(self, ident: str) -> None:
        if self.panel.load(ident):
            self.list.select(ident)
        else:
            self._keep_selection()

    def start_visit(self, employer_id: str, planned_visit_id: str | None = None) -> None:
        self.open_item(employer_id)
        self.panel.focus_new_visit(planned_visit_id)

    def new_employer(self) -> None:
        if self.panel.new_employer():
            self._clear_selection()

    def new_visit_note(self) -> None:
        if self.panel.employer_id is None:
            self.panel.subtitle.setText(tr(CTX, "Vælg en virksomhed først."))
            return
        self.panel.focus_new_visit()

    def _row_chosen(self, ident: str) -> None:
        if not self.panel.load(ident):
            self._keep_selection()

    def _keep_selection(self) -> None:
        """A row click the open employer could not be saved for: the list shows it again."""
        if self.panel.employer_id:
            self.list.select(self.panel.employer_id)
        else:
            self._clear_selection()

    def _clear_selection(self) -> None:
        self.list.table.selectionModel().clearCurrentIndex()
        self.list.table.clearSelection()

    def _saved(self, employer_id: str) -> None:
        self.list.select(employer_id)  # the list has re-read (show_changes): a new one is in it
