"""A table model that holds ids and builds rows when Qt asks for them.

The pattern of Anki's browser table: a list of 100k citizens costs one list of ids; sorting and
filtering happen in SQL (``consultant_app.queries``), and display values are fetched in pages
of ``PAGE`` rows around the row Qt paints, then cached until the next refresh.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Callable, Sequence

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from consultant_app.queries import LISTS
from consultant_app.text import format_date, format_moment, format_number

IdsFn = Callable[[str, str | None, bool], list[str]]
RowsFn = Callable[[Sequence[str]], dict[str, tuple[Any, ...]]]
Formatter = Callable[[str, Any], str]

PAGE = 200
ID_ROLE = Qt.ItemDataRole.UserRole + 1


def default_format(key: str, value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return format_number(value)
    if isinstance(value, dt.datetime):  # the store keeps UTC; people read local time
        return format_moment(value)
    if isinstance(value, dt.date):
        return format_date(value)
    return str(value)


class IdTableModel(QAbstractTableModel):
    def __init__(self, kind: str, ids_fn: IdsFn, rows_fn: RowsFn,
                 formatter: Formatter = default_format, parent: Any = None):
        super().__init__(parent)
        self.kind = kind
        self.columns = LISTS[kind].columns
        self._ids_fn, self._rows_fn, self._format = ids_fn, rows_fn, formatter
        self._ids: list[str] = []
        self._rows: dict[str, tuple[Any, ...]] = {}
        self.filter_text = ""
        self.sort_key: str | None = None
        self.descending = False

    # -- loading ----------------------------------------------------------------------
    def refresh(self) -> None:
        self.beginResetModel()
        self._ids = self._ids_fn(self.filter_text, self.sort_key, self.descending)
        self._rows.clear()
        self.endResetModel()

    def set_filter(self, text: str) -> None:
        self.filter_text = text
        self.refresh()

    def id_at(self, row: int) -> str:
        return self._ids[row]

    def row_of(self, ident: str) -> int:
        try:
            return self._ids.index(ident)
        except ValueError:
            return -1

    def value(self, row: int, key: str) -> Any:
        """The stored (unformatted) value of column ``key`` in ``row``."""
        keys = [c.key for c in self.columns]
        return self._row_values(row)[keys.index(key)]

    def _row_values(self, row: int) -> tuple[Any, ...]:
        ident = self._ids[row]
        values = self._rows.get(ident)
        if values is None:
            start = (row // PAGE) * PAGE
            page = self._ids[start:start + PAGE]
            self._rows.update(self._rows_fn(page))
            values = self._rows.get(ident, tuple("" for _ in self.columns))
        return values

    # -- Qt model API -----------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._ids)):
            return None
        if role == ID_ROLE:
            return self._ids[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            column = self.columns[index.column()]
            return self._format(column.key, self._row_values(index.row())[index.column()])
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(self.columns)):
            return QCoreApplication.translate("columns", self.columns[section].label)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            return
        self.sort_key = self.columns[column].key
        self.descending = order == Qt.SortOrder.DescendingOrder
        self.layoutAboutToBeChanged.emit()
        self._ids = self._ids_fn(self.filter_text, self.sort_key, self.descending)
        self.layoutChanged.emit()
