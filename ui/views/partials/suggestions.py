"""Ranked suggestions from ``consultant_app.matching``: citizens for a vacancy ("Passende
borgere") or vacancies for a citizen ("Passende stillinger"), each with its score and reasons.

The ranking reads and scores up to thousands of rows, so it runs off the UI thread
(``Ops.read``); the consultant's filters (within 10 km, only without restrictions) are applied
to the ranking already made (``Ranking.view``), so they re-rank at once without a new read.
"Vis udelukkede" adds, greyed after the ranked ones, those the engine left out and why
(hours, skånehensyn, driving licence, distance, target group, last employer), in Danish: what
the CLI's ``--include-excluded`` shows. Judging every record costs a full read, so it is done
only when asked for.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from consultant_app import matching
from consultant_app.text import format_number

from ...i18n import tr
from ...models.rows import DISPLAY_ROLES, RowsTableModel
from ...ops import Ops, translate_message
from ...style import PROBLEM_STYLE
from .inputs import while_alive

SUGGESTIONS_PANEL_CTX = "SuggestionsPanel"

NEARBY_KM = 10.0
SHOWN = 50
EXCLUDED_SHOWN = 200
CTX = "suggestions"


class SuggestionsModel(RowsTableModel):
    """Rows of a ranking (``Assessment``): score, who or what, distance, the deciding
    reasons."""

    HEADERS = (QT_TRANSLATE_NOOP(CTX, "Point"), QT_TRANSLATE_NOOP(CTX, "Navn"),
               QT_TRANSLATE_NOOP(CTX, "Afstand"), QT_TRANSLATE_NOOP(CTX, "Hvorfor"))

    def __init__(self, side: str, parent: Any = None):
        super().__init__([tr(CTX, header) for header in self.HEADERS], parent)
        self.side = side  # "citizen": citizens for a vacancy; "vacancy": vacancies for a citizen

    def other_id(self, row: int) -> str:
        a = self.rows[row]
        return a.citizen.id if self.side == "citizen" else a.vacancy.id

    def cell(self, row: Any, column: int, role: int) -> Any:
        a = row
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (0, 2):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and a.excluded:
            return QBrush(QColor("#6b6b6b"))
        if role not in DISPLAY_ROLES:
            return None
        if column == 0:
            return "–" if a.excluded else f"{a.score:.0f}"
        if column == 1:
            if self.side == "citizen":
                return a.citizen.name
            return f"{a.vacancy.title} · {a.vacancy.employer_name}"
        if column == 2:
            if a.distance_km is None:
                return ""
            return tr("suggestions", "{km} km").format(
                km=format_number(a.distance_km, 0))
        separator = "\n" if role == Qt.ItemDataRole.ToolTipRole else "; "
        if a.excluded:
            return tr("suggestions", "Udelukket: {reasons}").format(
                reasons=separator.join(translate_message(m) for m in a.excluded_because))
        return separator.join(translate_message(m) for m in a.reasons)


class SuggestionsPanel(QWidget):
    """The ranked list with its two filters; ``activated(id)`` on Enter or double-click."""

    activated = Signal(str)
    ranked = Signal()

    def __init__(self, ops: Ops, side: str, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.ops = ops
        self.side = side
        self.subject_id = ""
        self._ranking: Any = None

        heading = QLabel(title, self)
        font = QFont(heading.font())
        font.setBold(True)
        heading.setFont(font)
        self.nearby = QCheckBox(tr(SUGGESTIONS_PANEL_CTX, "Kun inden for {km} km").format(km=format_number(NEARBY_KM)),
                                self)
        self.without_restrictions = QCheckBox(tr(SUGGESTIONS_PANEL_CTX, "Kun borgere uden skånehensyn"), self)
        self.show_excluded = QCheckBox(tr(SUGGESTIONS_PANEL_CTX, "Vis udelukkede og hvorfor"), self)
        self.show_excluded.toggled.connect(self._excluded_toggled)
        for box in (self.nearby, self.without_restrictions, self.show_excluded):
            box.setAccessibleName(box.text())
        for box in (self.nearby, self.without_restrictions):
            box.toggled.connect(self._show)
        # Every vacancy row is for the same citizen, so that filter only makes sense for
        # citizens; the engine already leaves out jobs that clash with a citizen's needs.
        self.without_restrictions.setVisible(side == "citizen")
        self.status = QLabel(self)
        self.status.setAccessibleName(tr(SUGGESTIONS_PANEL_CTX, "Status for forslag"))
        self.problem = QLabel(self)
        self.problem.setStyleSheet(PROBLEM_STYLE)
        self.problem.setWordWrap(True)
        self.problem.hide()

        self.model = SuggestionsModel(side, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(title)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(False)
        self.table.setMinimumHeight(110)  # three rows; the splitter gives it the rest
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(lambda i: self.activated.emit(self.model.other_id(i.row())))
        heading.setBuddy(self.table)

        filters = QHBoxLayout()
        filters.addWidget(heading)
        filters.addStretch(1)
        filters.addWidget(self.nearby)
        filters.addWidget(self.without_restrictions)
        filters.addWidget(self.show_excluded)
        self.actions = QHBoxLayout()  # the page's action button (propose) goes here
        self.actions.addWidget(self.status, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(self.problem)
        layout.addWidget(self.table, 1)
        layout.addLayout(self.actions)

    def rank(self, subject_id: str) -> None:
        """Rank for a vacancy (side "citizen") or a citizen (side "vacancy"), off the UI
        thread; a result for a record the consultant has left is dropped."""
        self.subject_id = subject_id
        self._ranking = None
        self.model.set_rows([])
        self.clear_problem()
        if not subject_id:
            return
        self.status.setText(tr(SUGGESTIONS_PANEL_CTX, "Finder forslag …"))
        rank = matching.rank_citizens if self.side == "citizen" else matching.rank_vacancies
        self.ops.read(rank, subject_id, self.show_excluded.isChecked(),
                      on_done=while_alive(self, lambda r: self._ranked(subject_id, r)),
                      on_error=while_alive(self, lambda f: self.show_problem(f.summary)))

    def _ranked(self, subject_id: str, ranking: Any) -> None:
        if subject_id != self.subject_id:
            return
        self._ranking = ranking
        self._show()
        self.ranked.emit()

    def _excluded_toggled(self, on: bool) -> None:
        if on and self._ranking is not None and not self._ranking.complete:
            self.rank(self.subject_id)  # the quick ranking judged only who may fit
        else:
            self._show()

    def filters(self) -> Any:
        return matching.MatchFilters(
            max_distance_km=NEARBY_KM if self.nearby.isChecked() else None,
            only_without_restrictions=self.without_restrictions.isChecked())

    def _show(self) -> None:
        if self._ranking is None:
            return
        excluded_too = self.show_excluded.isChecked()
        rows = self._ranking.view(self.filters(), include_excluded=excluded_too,
                                  limit=None if excluded_too else SHOWN)
        ranked = [a for a in rows if not a.excluded][:SHOWN]
        left_out = [a for a in rows if a.excluded] if excluded_too else []
        excluded = left_out[:EXCLUDED_SHOWN]
        self.model.set_rows(ranked + excluded)
        text = (tr(SUGGESTIONS_PANEL_CTX, "%n forslag", "", len(ranked)) if ranked
                else tr(SUGGESTIONS_PANEL_CTX, "Ingen passer med de valgte filtre."))
        if len(left_out) > len(excluded):
            text += " · " + tr(SUGGESTIONS_PANEL_CTX, "{shown} af {total} udelukkede vist").format(
                shown=len(excluded), total=len(left_out))
        elif excluded_too:
            text += " · " + tr(SUGGESTIONS_PANEL_CTX, "%n udelukket", "", len(excluded))
        self.status.setText(text)

    def current(self) -> Any:
        index = self.table.currentIndex()
        if not index.isValid() or index.row() >= self.model.rowCount():
            return None
        return self.model.rows[index.row()]

    def show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()

    def clear_problem(self) -> None:
        self.problem.clear()
        self.problem.hide()
