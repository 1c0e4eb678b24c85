"""A short, fully loaded, read-only table: one object per row, fixed headers.

The Sync page's lists, the Ctrl+K hits, a match's history and a ranking's suggestions are
such tables; what differs is only how a row's object is shown in a column (``cell``). The
long record lists are ``id_table``'s, which load their rows by the page."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

# The root index, the default ``parent`` of the model API (one object, made once).
NO_PARENT = QModelIndex()
DISPLAY_ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)


class RowsTableModel(QAbstractTableModel):
    """``rows`` shown under ``headers`` (translated by the caller); a subclass says what a
    row shows in a column (``cell``), for the display and tooltip roles unless it asks for
    other roles too."""

    def __init__(self, headers: Sequence[str], parent: Any = None):
        super().__init__(parent)
        self.headers = list(headers)
        self.rows: list[Any] = []

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def cell(self, row: Any, column: int, role: int) -> Any:
        """What ``row`` shows in ``column`` for ``role``: by default the row's own item
        (a row of display texts), for the display and tooltip roles."""
        return row[column] if role in DISPLAY_ROLES else None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        return self.cell(self.rows[index.row()], index.column(), role)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(self.headers)):
            return self.headers[section]
        return None
