"""A filter box over a sortable table of an ``IdTableModel``: the list half of a list page.

Typing filters as you type without freezing the window: the ids are fetched off the UI thread
(``Ops.read``) after a short pause in typing, and a result that arrives after the text has
changed again is dropped. With 100k citizens a full list costs ~130 ms of SQL, which would
stutter on every key if it ran on the UI thread.
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

from ...models.id_table import IdTableModel, default_format
from ...ops import Ops
from .inputs import while_alive
from .tables import ListTable

IdsQuery = Callable[..., list[str]]  # (session, text, sort, descending) -> ids

FILTER_PAUSE_MS = 120


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
        self._ids_query = ids_query
        self._prepared: tuple[tuple[Any, ...], list[str]] | None = None
        self._generation = 0
        self._quiet = False
        self._fitted = False
        self._loaded = False  # nothing is read until the first (background) load
        self._pending = ""  # selected before the first load (a page built to open a record)

        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(filter_hint)
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setAccessibleName(self.tr("Filtrér listen"))
        self.count_label = QLabel(self)
        self.count_label.setAccessibleName(self.tr("Antal i listen"))

        self.model = IdTableModel(kind, self._ids, lambda ids: ops.run_sync_read(
            rows_query, kind, ids), formatter, parent=self)
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
        self._timer.timeout.connect(self.reload_async)
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
    def _key(self) -> tuple[Any, ...]:
        return (self.filter_edit.text(), self.model.sort_key, self.model.descending,
                self._generation)

    def _ids(self, text: str, sort: str | None, descending: bool) -> list[str]:
        """The model's ids function: the ids fetched in the background when they are for
        exactly this request, else a synchronous read (a header click, a page refresh)."""
        if self._prepared is not None and self._prepared[0][:3] == (text, sort, descending):
            ids = self._prepared[1]
            self._prepared = None
            self._loaded = True
            return ids
        if not self._loaded:
            return []
        return self.ops.run_sync_read(self._ids_query, text, sort, descending)

    def reload_async(self) -> None:
        """Fetch the ids for the current filter in the background, then show them."""
        self._generation += 1
        key = self._key()
        self.ops.read(self._ids_query, key[0], key[1], key[2],
                      on_done=while_alive(self, lambda ids: self._apply(key, ids)))

    def _sort_changed(self, column: int, order: Qt.SortOrder) -> None:
        self.model.sort_key = self.model.columns[column].key
        self.model.descending = order == Qt.SortOrder.DescendingOrder
        self.reload_async()

    def _apply(self, key: tuple[Any, ...], ids: list[str]) -> None:
        if key != self._key():
            if key[3] == self._generation:
                self.reload_async()  # the sort changed under it; nothing newer is queued
            return  # else the user typed on, and a newer request is on its way
        self._prepared = (key, ids)
        self._reset(lambda: self.model.set_filter(key[0]))

    def _fit_columns_once(self) -> None:
        """Size columns to the first screenful. Qt samples 1,000 rows by default, which on a
        100k-row id list means fetching five pages of rows just to measure; 50 is plenty."""
        if not self._fitted and self.model.rowCount():
            self._fitted = True
            self.table.horizontalHeader().setResizeContentsPrecision(50)
            self.table.resizeColumnsToContents()
            for column in range(self.model.columnCount()):
                width = self.table.columnWidth(column)
                self.table.setColumnWidth(column, min(max(width + 12, 70), 260))

    def reload(self) -> None:
        """Re-read the list now, keeping the selection (after a write)."""
        self._generation += 1
        self._reset(lambda: self.model.set_filter(self.filter_edit.text()))

    def _reset(self, load: Callable[[], None]) -> None:
        current = self.current_id() or self._pending
        if self._loaded or self._prepared is not None:
            self._pending = ""
        self._quiet = True
        try:
            load()
            if current:
                self.select(current)
        finally:
            self._quiet = False
        self._update_count()
        self._fit_columns_once()
        self.loaded.emit()

    def _update_count(self) -> None:
        n = self.model.rowCount()
        self.count_label.setText(self.tr("%n i listen", "", n))
        text = self.filter_edit.text().strip()
        self.table.set_empty_text(self.tr("Intet passer på »{text}«. Ret eller ryd filteret "
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
        if row < 0:
            if not self._loaded:  # the list is still loading: selected when it arrives
                self._pending = ident
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
