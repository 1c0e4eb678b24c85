"""The global search (Ctrl+K): employers, vacancies and citizens as you type.

Typing restarts a short timer; when it fires, one full-text query (``consultant_app.search``)
fills the list, so a fast typist costs one query, not one per key. The query runs off the UI
thread (``Latest``): typing never waits on the disk, and the answer of a query overtaken by
newer typing is dropped. Enter or a click opens the chosen hit through ``chosen(kind, id)``;
the main window navigates there.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from consultant_app.search import KINDS, SearchHit, search

from .i18n import tr
from .models.rows import DISPLAY_ROLES, RowsTableModel
from .ops import Latest, Ops

SEARCH_POPUP_CTX = "SearchPopup"
SEARCH_RESULTS_MODEL_CTX = "SearchResultsModel"

DEBOUNCE_MS = 150
LIMIT = 30


class SearchResultsModel(RowsTableModel):
    """Hits of one query (``SearchHit``): kind, title, subtitle."""

    def __init__(self, parent: QObject | None = None):
        super().__init__((tr(SEARCH_RESULTS_MODEL_CTX, "Type"),
                          tr(SEARCH_RESULTS_MODEL_CTX, "Navn / titel"),
                          tr(SEARCH_RESULTS_MODEL_CTX, "Detaljer")), parent)

    def cell(self, row: Any, column: int, role: int) -> Any:
        if role not in DISPLAY_ROLES:
            return None
        return (kind_label(row.kind), row.title, row.subtitle)[column]


def kind_label(kind: str) -> str:
    """The Danish name of a kind of record, translated."""
    labels = {
        "employer": tr("kinds", "Virksomhed"),
        "vacancy": tr("kinds", "Stilling"),
        "citizen": tr("kinds", "Borger"),
        "match": tr("kinds", "Match"),
        "placement_agreement": tr("kinds", "Aftale"),
    }
    return labels.get(kind, kind)


class SearchPopup(QDialog):
    chosen = Signal(str, str)  # kind, id

    def __init__(self, ops: Ops, parent: QWidget | None = None):
        super().__init__(parent)
        self.ops = ops
        self._searched = Latest(ops, self)
        self._open_when_found = False  # Enter came before its query's answer
        self.setWindowTitle(tr(SEARCH_POPUP_CTX, "Søg"))
        self.setModal(True)
        self.resize(720, 420)

        self.query = QLineEdit(self)
        self.query.setPlaceholderText(tr(SEARCH_POPUP_CTX, "Søg efter virksomhed, stilling eller borger …"))
        self.query.setAccessibleName(tr(SEARCH_POPUP_CTX, "Søgefelt"))
        self.query.setClearButtonEnabled(True)
        self.model = SearchResultsModel(self)
        self.results = QTableView(self)
        self.results.setModel(self.model)
        self.results.setAccessibleName(tr(SEARCH_POPUP_CTX, "Søgeresultater"))
        self.results.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.verticalHeader().hide()
        self.results.verticalHeader().setDefaultSectionSize(
            self.results.fontMetrics().height() + 8)
        self.results.setShowGrid(False)
        self.results.setWordWrap(False)
        header = self.results.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(1, 260)
        header.setStretchLastSection(True)
        self.status = QLabel(tr(SEARCH_POPUP_CTX, "Skriv mindst ét ord. Enter åbner, Esc lukker."), self)
        self.status.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addWidget(self.query)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.status)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.run_query)
        self.query.textChanged.connect(lambda _text: self._timer.start())
        self.query.installEventFilter(self)
        self.results.activated.connect(self._open_index)
        self.results.clicked.connect(self._open_index)
        self.finished.connect(self._forget_enter)  # closed (Esc) before the hits came

    def _forget_enter(self) -> None:
        self._open_when_found = False

    def start(self, text: str = "") -> None:
        """Show the popup with the field focused (and ``text`` in it, selected)."""
        self.query.setText(text)
        self.query.selectAll()
        self.show()
        self.raise_()
        self.activateWindow()
        self.query.setFocus()

    def run_query(self) -> None:
        """Search for what is typed now, off the UI thread; the hits come to ``show_hits``."""
        self._timer.stop()
        text = self.query.text().strip()
        if not text:
            self._searched.drop()
            self.show_hits(text, [])
            return
        self._searched.read(search, text, KINDS, LIMIT,
                            on_done=lambda hits: self.show_hits(text, hits))

    def show_hits(self, text: str, hits: list[SearchHit]) -> None:
        self.model.set_rows(hits)
        if hits:
            self.results.selectRow(0)
            self.status.setText(tr(SEARCH_POPUP_CTX, "Resultater: {n}. Enter åbner det markerede.")
                                .format(n=len(hits)))
        elif text:
            self.status.setText(tr(SEARCH_POPUP_CTX, "Ingen resultater for \u201d{text}\u201d.").format(text=text))
        else:
            self.status.setText(tr(SEARCH_POPUP_CTX, "Skriv mindst ét ord. Enter åbner, Esc lukker."))
        if self._open_when_found:
            self._open_when_found = False
            self.open_current()

    def open_current(self) -> None:
        """Open the marked hit; Enter typed before the hits of what is typed have come opens
        the first of them when they come (not a hit of an older query)."""
        if self._timer.isActive():
            self.run_query()
        if self._searched.waiting:
            self._open_when_found = True
            return
        index = self.results.currentIndex()
        if not index.isValid() and self.model.rowCount():
            index = self.model.index(0, 0)
        if index.isValid():
            self._open_index(index)

    def _open_index(self, index: QModelIndex) -> None:
        hit = self.model.rows[index.row()]
        self.accept()
        self.chosen.emit(hit.kind, hit.id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Arrow keys move through the results while typing; Enter opens."""
        if watched is self.query and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
                rows = self.model.rowCount()
                if rows:
                    step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1, Qt.Key.Key_PageDown: 10,
                            Qt.Key.Key_PageUp: -10}[Qt.Key(key)]
                    current = max(self.results.currentIndex().row(), 0 if step > 0 else 1)
                    self.results.selectRow(min(max(current + step, 0), rows - 1))
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.open_current()
                return True
        return super().eventFilter(watched, event)
