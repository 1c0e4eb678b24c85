"""The read-only, row-selecting table every list on a page uses."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from ...models.id_table import IdTableModel


class ListTable(QTableView):
    """A table that says what to do when it has no rows (an empty white box said nothing:
    no data yet, a filter that hid everything, or a list that fills by itself later)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._empty_text = ""

    def set_empty_text(self, text: str) -> None:
        self._empty_text = text
        self.viewport().update()

    def empty_text(self) -> str:
        return self._empty_text

    def showing_empty_text(self) -> bool:
        model = self.model()
        return bool(self._empty_text) and (model is None or model.rowCount() == 0)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        super().paintEvent(event)
        if not self.showing_empty_text():
            return
        painter = QPainter(self.viewport())
        painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
        area = self.viewport().rect().adjusted(16, 12, -16, -12)
        painter.drawText(area, int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
                                   | Qt.TextFlag.TextWordWrap), self._empty_text)
        painter.end()


def read_only_table(model: IdTableModel, name: str, parent: QWidget,
                    empty: str = "") -> ListTable:
    """A table over ``model``: one row selected at a time, no editing, compact rows,
    interactive column widths with the last one stretched; ``name`` is its accessible name
    and ``empty`` what it says, and what to do, while it has no rows."""
    view = ListTable(parent)
    view.setModel(model)
    view.setAccessibleName(name)
    view.set_empty_text(empty)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    return view
