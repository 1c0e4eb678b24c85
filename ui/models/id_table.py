"""A table model that holds ids and builds rows when Qt asks for them.

The pattern of Anki's browser table: a list of 100k citizens costs one list of ids; sorting and
filtering happen in SQL (``consultant_app.queries``), and display values are fetched in pages
of ``PAGE`` rows around the row Qt paints, then cached until the next refresh.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from consultant_app.queries import LISTS, list_rows

if TYPE_CHECKING:
    from ..ops import Ops
from consultant_app.text import format_date, format_moment, format_number

from ..i18n import tr
from .rows import NO_PARENT

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
        return format_moment(value, translate=tr)
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
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = NO_PARENT) -> int:
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
            return tr("columns", self.columns[section].label)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            return
        self.sort_key = self.columns[column].key
        self.descending = order == Qt.SortOrder.DescendingOrder
        self.layoutAboutToBeChanged.emit()
        self._ids = self._ids_fn(self.filter_text, self.sort_key, self.descending)
        self.layoutChanged.emit()


IdsQuery = Callable[..., list[str]]  # (session, text, sort, descending) -> ids
RowsQuery = Callable[..., dict[str, tuple[Any, ...]]]  # (session, kind, ids) -> rows


def _ids_and_first_rows(session: Any, ids_query: IdsQuery, rows_query: RowsQuery, kind: str,
                        args: tuple[Any, ...]) -> tuple[list[str], dict[str, tuple[Any, ...]]]:
    ids = ids_query(session, *args)
    return ids, rows_query(session, kind, ids[:PAGE])


class BackgroundIdTableModel(IdTableModel):
    """An ``IdTableModel`` that reads off the UI thread (``Ops.read_task``): ``refresh``
    asks for the ids (and the first page of rows with them, so the list paints whole when
    it arrives) and resets the model when they come (``loaded``); a page of rows further
    down is read when Qt first asks for one of its rows, shown blank for the moment it
    takes. An answer a newer refresh overtook is dropped."""

    loaded = Signal()

    def __init__(self, ops: Ops, kind: str, ids_query: IdsQuery,
                 formatter: Formatter = default_format, parent: Any = None,
                 rows_query: RowsQuery = list_rows,
                 ids_args: Callable[[], tuple[Any, ...]] | None = None):
        """``ids_query(session, *ids_args())`` reads the ids; ``ids_args`` is called on the UI
        thread at each refresh (default: the filter text, the sort key, descending)."""
        super().__init__(kind, lambda *_a: list(self._ids), self._rows_now, formatter, parent)
        from ..ops import Latest
        self._ops = ops
        self._ids_query = ids_query
        self._ids_args = ids_args or (lambda: (self.filter_text, self.sort_key,
                                               self.descending))
        self._rows_query = rows_query
        self._latest = Latest(ops, self)
        self._resets = 0           # which reset a page of rows was asked for under
        self._asked: set[int] = set()  # first rows of the pages asked for since the reset
        self.has_loaded = False    # the first answer has come

    @property
    def loading(self) -> bool:
        return self._latest.waiting

    def refresh(self) -> None:
        self._latest.read(_ids_and_first_rows, self._ids_query, self._rows_query, self.kind,
                          self._ids_args(), on_done=lambda answer: self.set_ids(*answer))

    def clear(self) -> None:
        """No rows, and none on their way (nothing to list)."""
        self._latest.drop()
        self.set_ids([], {})

    def set_ids(self, ids: list[str], rows: dict[str, tuple[Any, ...]]) -> None:
        self.beginResetModel()
        self._ids = ids
        self._rows = dict(rows)
        self._resets += 1
        self._asked = {0}
        self.endResetModel()
        self.has_loaded = True
        self.loaded.emit()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if 0 <= column < len(self.columns):
            self.sort_key = self.columns[column].key
            self.descending = order == Qt.SortOrder.DescendingOrder
            self.refresh()

    def value(self, row: int, key: str) -> Any:
        """The stored value, read now if its page has not come yet: code acts on it (a
        sealed agreement's status), so a blank will not do. This is the desktop's one
        deliberate read on the UI thread (``Ops.run_sync_read``), of one page of rows, done
        only when code asks for a row no one has shown yet; everything the pages show is
        read in the background."""
        if self._ids[row] not in self._rows:
            self._rows.update(self._rows_now(self._page_ids(row)))
        return super().value(row, key)

    def _page_ids(self, row: int) -> list[str]:
        start = (row // PAGE) * PAGE
        return self._ids[start:start + PAGE]

    def _rows_now(self, ids: Sequence[str]) -> dict[str, tuple[Any, ...]]:
        return self._ops.run_sync_read(self._rows_query, self.kind, list(ids))

    def _row_values(self, row: int) -> tuple[Any, ...]:
        values = self._rows.get(self._ids[row])
        if values is not None:
            return values
        start = (row // PAGE) * PAGE
        if start not in self._asked:
            self._asked.add(start)
            resets = self._resets
            self._ops.read_task(self._rows_query, self.kind, self._page_ids(row),
                                on_done=lambda rows: self._page_came(resets, start, rows),
                                context=self)
        return tuple("" for _ in self.columns)

    def _page_came(self, resets: int, start: int, rows: dict[str, tuple[Any, ...]]) -> None:
        if resets != self._resets:
            return  # read for a list since replaced
        self._rows.update(rows)
        end = min(start + PAGE, len(self._ids)) - 1
        if end >= start:
            self.dataChanged.emit(self.index(start, 0), self.index(end, len(self.columns) - 1))
