"""A filter box over a sortable table of an ``IdTableModel``: the list half of a list page.

Typing filters as you type without freezing the window: the ids are fetched off the UI thread
(``BackgroundIdTableModel``, through ``ops.run_task``) after a short pause in typing, and a
result that arrives after the text has changed again is dropped. With 100k citizens a full
list costs ~130 ms of SQL, which would stutter on every key if it ran on the UI thread. A
re-read after a save, a sort and the pages of rows further down are read the same way.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from consultant_app.queries import list_tables

from ...i18n import tr
from ...models.id_table import BackgroundIdTableModel, IdsQuery, default_format
from ...ops import Ops
from .tables import ListTable

CTX = "IdListPanel"

FILTER_PAUSE_MS = 120
# Fitting the columns: the rows measured (all in the first page, which comes with the ids),
# and the room a cell's margins and a header's sort arrow take beside the text.
FIT_ROWS = 50
CELL_PADDING = 16
SORT_ARROW = 18


class _DownToList(QObject):
    def __init__(self, edit: QLineEdit, go: Callable[[], None]):
        super().__init__(edit)
        self._go = go
        edit.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_PageDown) \
                and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            self._go()
            return True
        return False


def down_to_list(edit: QLineEdit, go: Callable[[], None]) -> None:
    """Down (or Page Down) in a filter field goes to the list under it: a consultant typed
    a name, pressed Down, and the key did nothing, so the note that followed went onto the
    employer that was still open."""
    _DownToList(edit, go)


class IdListPanel(QWidget):
    """Emits ``current_changed(id)`` when the user selects a row and ``activated(id)`` on
    Enter or double-click; reloading keeps the selected record selected."""

    current_changed = Signal(str)
    activated = Signal(str)
    loaded = Signal()

    def __init__(self, ops: Ops, kind: str, ids_query: IdsQuery, rows_query: Callable[..., Any],
                 formatter: Callable[[str, Any], str] = default_format,
                 list_name: str = "", filter_hint: str = "", empty_text: str = "",
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.ops = ops
        self.tables = list_tables(kind)  # what the list shows: a change here re-reads it
        self._quiet = False
        self._fitted = False
        self._pending = ""  # chosen while the list was being read: chosen when it comes
        self._kept = ""  # the row chosen when the list was last re-read

        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(filter_hint)
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setAccessibleName(tr(CTX, "Filtrér listen"))
        self.count_label = QLabel(self)
        self.count_label.setAccessibleName(tr(CTX, "Antal i listen"))

        self.model = BackgroundIdTableModel(ops, kind, ids_query, formatter, parent=self,
                                            rows_query=rows_query)
        self.model.modelAboutToBeReset.connect(self._remember_current)
        self.model.loaded.connect(self._after_load)
        self.table = ListTable(self)
        self.empty_text = empty_text
        self.table.setModel(self.model)
        self.table.setAccessibleName(list_name)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        # Fixed row heights: with 100k rows a resizable vertical header measures every row
        # on each reset (seconds); fixed ones make a reset cost nothing.
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        # Sorting is SQL too, so a header click re-reads the ids in the background like
        # typing does, instead of the view calling the model's (blocking) sort().
        header = self.table.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        header.sortIndicatorChanged.connect(self._sort_changed)
        self.table.setTabKeyNavigation(False)
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        self.table.activated.connect(self._on_activated)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(FILTER_PAUSE_MS)
        self._timer.timeout.connect(self.reload)
        self.filter_edit.textChanged.connect(lambda _t: self._timer.start())
        self.filter_edit.returnPressed.connect(self._focus_first_row)
        down_to_list(self.filter_edit, self._focus_first_row)
        self.extra = QHBoxLayout()  # a page adds its own filters (a status combo) here

        top = QHBoxLayout()
        top.addWidget(self.filter_edit, 1)
        top.addLayout(self.extra)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)

    # -- reading ids ---------------------------------------------------------------------
    @property
    def _loaded(self) -> bool:
        return self.model.has_loaded

    def reload(self) -> None:
        """Re-read the list off the UI thread for the current filter and sort; the chosen
        row stays chosen (after a write, a sync, a new filter)."""
        self.model.set_filter(self.filter_edit.text())

    def _sort_changed(self, column: int, order: Qt.SortOrder) -> None:
        self.model.sort(column, order)

    def _remember_current(self) -> None:
        self._kept = self.current_id() or self._kept

    def _after_load(self) -> None:
        chosen, self._pending, self._kept = self._pending or self._kept, "", ""
        if chosen:
            quiet, self._quiet = self._quiet, True
            try:
                self.select(chosen)
            finally:
                self._quiet = quiet
        self._update_count()
        self._fit_columns_once()
        self.loaded.emit()

    def _fit_columns_once(self) -> None:
        """Size the columns to the list's first rows, which come with its ids, and to the
        headers. Not Qt's own fit: it measures the rows around the view, and a list opened
        on a record past the first page (from Ctrl+K) has only blanks there until that
        page comes, so every column got its least width."""
        rows = min(self.model.rowCount(), FIT_ROWS)
        if self._fitted or not rows:
            return
        self._fitted = True
        cells, heading = self.table.fontMetrics(), self.table.horizontalHeader().fontMetrics()
        horizontal, display = Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole
        for column in range(self.model.columnCount()):
            title = str(self.model.headerData(column, horizontal, display) or "")
            widest = max([heading.horizontalAdvance(title) + SORT_ARROW] + [
                cells.horizontalAdvance(str(self.model.data(self.model.index(row, column),
                                                            display) or ""))
                for row in range(rows)])
            self.table.setColumnWidth(column, min(max(widest + CELL_PADDING, 70), 260))

    def _update_count(self) -> None:
        n = self.model.rowCount()
        self.count_label.setText(tr(CTX, "%n i listen", "", n))
        text = self.filter_edit.text().strip()
        self.table.set_empty_text(tr(CTX, "Intet passer på »{text}«. Ret eller ryd filteret "
                                          "(Ctrl+F).").format(text=text) if text
                                  else self.empty_text)

    # -- selection -----------------------------------------------------------------------
    def current_id(self) -> str:
        index = self.table.currentIndex()
        if not index.isValid() or index.row() >= self.model.rowCount():
            return ""
        return self.model.id_at(index.row())

    def select(self, ident: str) -> bool:
        """Select ``ident`` without announcing it (the page opened it already)."""
        row = self.model.row_of(ident)
        if self.model.loading:  # chosen again when the list being read arrives
            self._pending = ident
        if row < 0:
            return False
        quiet, self._quiet = self._quiet, True
        try:
            index = self.model.index(row, 0)
            self.table.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)
            self.table.scrollTo(index)
        finally:
            self._quiet = quiet
        return True

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._quiet or not current.isValid():
            return
        self.current_changed.emit(self.model.id_at(current.row()))

    def _on_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.activated.emit(self.model.id_at(index.row()))

    def focus_filter(self) -> None:
        self.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_edit.selectAll()

    def _focus_first_row(self) -> None:
        """The list gets the focus; the first row is selected when none of its rows is (the
        record open before the filter stays open while it is still in the list)."""
        if self.model.rowCount():
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)
            if not self.table.currentIndex().isValid():
                self.table.selectRow(0)
