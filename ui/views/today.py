"""Today: the planned visits to start and the follow-ups that are due.

The two lists a consultant opens the day with. Starting a visit opens the employer with a
visit note ready to write; marking a follow-up done is one key (Ctrl+D) on the selected row.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from consultant_app import queries, services
from consultant_app.queries import list_tables

from ..i18n import tr
from ..models.id_table import BackgroundIdTableModel, IdTableModel
from ..models.labels import formatter_for
from ..ops import OpFailure, Ops
from . import Page
from .partials.inputs import page_action
from .partials.tables import read_only_table

CTX = "TodayPage"

PLANNED_COLUMNS = ("visit_date", "employer", "notes")
FOLLOW_UP_COLUMNS = ("follow_up_date", "employer", "follow_up_note", "visit_date")


def visit_table(model: IdTableModel, shown: tuple[str, ...], name: str,
                parent: QWidget) -> QTableView:
    """A read-only row-selecting table showing only the ``shown`` columns of a visit list."""
    view = read_only_table(model, name, parent)
    keys = [c.key for c in model.columns]
    for i, key in enumerate(keys):
        view.setColumnHidden(i, key not in shown)
    header = view.horizontalHeader()
    for i, key in enumerate(keys):
        if key.endswith("date"):
            header.resizeSection(i, 110)
        elif key == "employer":
            header.resizeSection(i, 260)
    # The stretched column is the last visible one: move the note there.
    note = "notes" if "notes" in shown else "follow_up_note"
    header.moveSection(header.visualIndex(keys.index(note)), len(keys) - 1)
    return view


class TodayPage(Page):
    page_key = "today"
    shows = list_tables("visit")
    start_visit_requested = Signal(str, str)  # employer id, planned visit id

    def __init__(self, ops: Ops, parent: QWidget | None = None):
        super().__init__(ops, parent)
        # Both lists are read off the UI thread; each section follows when its list comes.
        self.planned = BackgroundIdTableModel(
            ops, "visit", queries.planned_visit_ids, formatter_for("visit"), self,
            ids_args=lambda: (None, self.planned.sort_key or "visit_date",
                              self.planned.descending))
        self.follow_ups = BackgroundIdTableModel(
            ops, "visit", queries.due_follow_up_ids, formatter_for("visit"), self,
            ids_args=lambda: (None, self.follow_ups.sort_key or "follow_up_date",
                              self.follow_ups.descending))

        self.planned_title = self._heading()
        self.planned_view = visit_table(self.planned, PLANNED_COLUMNS,
                                        tr(CTX, "Planlagte besøg"), self)
        self.planned_empty = QLabel(tr(CTX, "Ingen planlagte besøg fra i dag og frem."), self)
        self.start_button = QPushButton(tr(CTX, "&Start besøg (Enter)"), self)
        self.start_button.setToolTip(tr(CTX, "Åbner virksomheden med en ny besøgsnote"))
        self.start_button.clicked.connect(self.start_selected_visit)

        self.follow_title = self._heading()
        self.follow_view = visit_table(self.follow_ups, FOLLOW_UP_COLUMNS,
                                       tr(CTX, "Forfaldne opfølgninger"), self)
        self.follow_empty = QLabel(tr(CTX, "Ingen opfølgninger er forfaldne."), self)
        self.done_button = QPushButton(tr(CTX, "&Markér opfølgning udført (Ctrl+D)"), self)
        self.done_button.clicked.connect(self.complete_selected_follow_up)
        self.open_button = QPushButton(tr(CTX, "Å&bn virksomheden"), self)
        self.open_button.clicked.connect(self.open_selected_follow_up_employer)
        self.message = QLabel(self)
        self.message.setObjectName("errorMessage")
        self.message.setWordWrap(True)
        self.message.hide()

        self.planned_view.activated.connect(lambda _i: self.start_selected_visit())
        self.follow_view.activated.connect(lambda _i: self.open_selected_follow_up_employer())
        self.a_done = page_action(self, tr(CTX, "Markér opfølgning udført"), "Ctrl+D",
                                  self.complete_selected_follow_up)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.addWidget(self.planned_title)
        layout.addWidget(self.planned_empty)
        layout.addWidget(self.planned_view, 1)
        row = QHBoxLayout()
        row.addWidget(self.start_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addSpacing(12)
        layout.addWidget(self.follow_title)
        layout.addWidget(self.follow_empty)
        layout.addWidget(self.follow_view, 2)
        row = QHBoxLayout()
        row.addWidget(self.done_button)
        row.addWidget(self.open_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.message)
        self.setTabOrder(self.planned_view, self.start_button)
        self.setTabOrder(self.start_button, self.follow_view)
        self.setTabOrder(self.follow_view, self.done_button)
        self.setTabOrder(self.done_button, self.open_button)
        self.planned.loaded.connect(self._planned_came)
        self.follow_ups.loaded.connect(self._follow_ups_came)
        for button in (self.start_button, self.done_button, self.open_button):
            button.setEnabled(False)  # until the lists come
        self.refresh()

    def _heading(self) -> QLabel:
        label = QLabel(self)
        font = label.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        label.setFont(font)
        return label

    def page_title(self) -> str:
        return tr(CTX, "I dag")

    def refresh(self) -> None:
        self.planned.refresh()
        self.follow_ups.refresh()

    def _planned_came(self) -> None:
        n = self.planned.rowCount()
        self.planned_title.setText(tr(CTX, "Planlagte besøg ({n})").format(n=n))
        self._show_list(self.planned_view, self.planned_empty, n)
        self.start_button.setEnabled(n > 0)

    def _follow_ups_came(self) -> None:
        n = self.follow_ups.rowCount()
        self.follow_title.setText(tr(CTX, "Forfaldne opfølgninger ({n})").format(n=n))
        self._show_list(self.follow_view, self.follow_empty, n)
        self.done_button.setEnabled(n > 0)
        self.open_button.setEnabled(n > 0)

    @staticmethod
    def _show_list(view: QTableView, empty: QLabel, n: int) -> None:
        view.setVisible(n > 0)
        empty.setVisible(n == 0)
        if n and not view.currentIndex().isValid():
            view.selectRow(0)

    @staticmethod
    def _selected(view: QTableView, model: IdTableModel) -> str | None:
        index = view.currentIndex()
        return model.id_at(index.row()) if index.isValid() else None

    def start_selected_visit(self) -> None:
        visit_id = self._selected(self.planned_view, self.planned)
        if visit_id is None:
            return
        self.ops.read_task(queries.visit_employer_id, visit_id, context=self,
                           on_done=lambda employer_id: employer_id and
                           self.start_visit_requested.emit(employer_id, visit_id))

    def open_selected_follow_up_employer(self) -> None:
        visit_id = self._selected(self.follow_view, self.follow_ups)
        if visit_id is None:
            return
        self.ops.read_task(queries.visit_employer_id, visit_id, context=self,
                           on_done=lambda employer_id: employer_id and
                           self.open_requested.emit("employer", employer_id))

    def complete_selected_follow_up(self) -> None:
        visit_id = self._selected(self.follow_view, self.follow_ups)
        if visit_id is None:
            return
        self.message.hide()
        # The lists re-read when the write is announced (``Page.show_changes``).
        self.ops.write(services.complete_follow_up, visit_id, on_error=self._failed)

    def _failed(self, failure: OpFailure) -> None:
        self.message.setText(failure.summary)
        self.message.show()
