"""Matches: each vacancy's pipeline (proposed → presented → interview → agreed → placed, or
declined with a reason) as columns of citizens, with the selected match's history.

A match moves by keyboard (Alt+Right / Alt+Left to the next or previous step, Ctrl+Shift+Del to
decline with a reason), by the buttons, or by dragging a citizen to another column. Every move
is ``services.move_match`` through ``ops.write``, which writes the history event in the same
transaction; the columns are re-read from the store afterwards, never edited in place.

What the page shows is read off the UI thread, one read per purpose (``Latest``): the vacancy
on show, its pipeline and the chosen match's history. While the vacancy or its pipeline is on
its way the moves are off (the cards they would move may be another vacancy's, or the ones
before a move), and a vacancy asked for later overtakes one still on its way.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractListModel,
    QItemSelectionModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QPlainTextEdit,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from consultant_app import queries, services
from consultant_app.domain import MATCH_PIPELINE, MATCH_STATUSES
from consultant_app.queries import MatchCard, list_tables

from ..i18n import tr
from ..models.id_table import ID_ROLE, default_format
from ..models.labels import domain_label
from ..models.rows import DISPLAY_ROLES, NO_PARENT, RowsTableModel
from ..ops import Latest, OpChanges, OpFailure, Ops
from ..style import PROBLEM_STYLE
from . import Page
from .agreement_wizard import new_agreement_ref
from .partials.id_list import IdListPanel
from .partials.inputs import action_button, page_action, while_alive
from .vacancies import format_vacancy_cell

DECLINE_DIALOG_CTX = "DeclineDialog"
MATCHES_PAGE_CTX = "MatchesPage"

MIME_TYPE = "application/x-consultant-match-ids"
# What a vacancy's pipeline and a match's history show.
PIPELINE_TABLES = list_tables("match") | {"match_event"}
STEPS: tuple[str, ...] = (*MATCH_PIPELINE, "declined")


class PipelineStepModel(QAbstractListModel):
    """The matches in one step of a vacancy's pipeline. Dropping matches here asks for a move
    (``move_requested``); the page writes it and reloads, so the model never changes itself."""

    move_requested = Signal(list, str)  # match ids, to status

    def __init__(self, status: str, parent: Any = None):
        super().__init__(parent)
        self.status = status
        self.cards: list[MatchCard] = []

    def set_cards(self, cards: list[MatchCard]) -> None:
        self.beginResetModel()
        self.cards = list(cards)
        self.endResetModel()

    def row_of(self, match_id: str) -> int:
        return next((i for i, c in enumerate(self.cards) if c.id == match_id), -1)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self.cards)

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.cards):
            return None
        card = self.cards[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if card.decline_reason:  # the reason belongs with the card, not only in history
                return f"{card.citizen_name}\n– {card.decline_reason}"
            return card.citizen_name
        if role == Qt.ItemDataRole.ToolTipRole:
            if card.decline_reason:
                return tr("matches", "Afslået: {reason}").format(
                    reason=card.decline_reason)
            return card.citizen_name
        if role == ID_ROLE:
            return card.id
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsDragEnabled)

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: Any) -> QMimeData:
        data = QMimeData()
        ids = [self.cards[i.row()].id for i in indexes if i.isValid()]
        data.setData(MIME_TYPE, "\n".join(dict.fromkeys(ids)).encode())
        return data

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                        parent: QModelIndex | QPersistentModelIndex) -> bool:
        return data.hasFormat(MIME_TYPE)

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                     parent: QModelIndex | QPersistentModelIndex) -> bool:
        if not data.hasFormat(MIME_TYPE):
            return False
        ids = [i for i in bytes(data.data(MIME_TYPE).data()).decode().split("\n") if i]
        ids = [i for i in ids if self.row_of(i) < 0]  # dropped on its own column: no move
        if ids:
            self.move_requested.emit(ids, self.status)
        return bool(ids)


class HistoryModel(RowsTableModel):
    """A match's moves, oldest first (``read_history``: at, from, to, by, note)."""

    HEADERS = (QT_TRANSLATE_NOOP("matches", "Tidspunkt"), QT_TRANSLATE_NOOP("matches", "Fra"),
               QT_TRANSLATE_NOOP("matches", "Til"), QT_TRANSLATE_NOOP("matches", "Af"),
               QT_TRANSLATE_NOOP("matches", "Note"))

    def __init__(self, parent: Any = None):
        super().__init__([tr("matches", header) for header in self.HEADERS], parent)

    def cell(self, row: Any, column: int, role: int) -> Any:
        if role not in DISPLAY_ROLES:
            return None
        at, before, after, by, note = row
        if column == 0:
            return default_format("at", at)
        if column in (1, 2):
            status = before if column == 1 else after
            return domain_label(MATCH_STATUSES, status) if status else "–"
        return by if column == 3 else note


def read_history(session: Any, match_id: str) -> list[tuple[Any, str, str, str, str]]:
    return [(e.at, e.from_status, e.to_status, e.by, e.note)
            for e in services.match_history(session, match_id)]


def read_match_vacancy(session: Any, match_id: str) -> dict[str, Any] | None:
    """The vacancy a match belongs to (``queries.vacancy_detail``), with ``match_gone`` set
    when the match itself is gone; None when the vacancy is."""
    vacancy_id = queries.match_vacancy_id(session, match_id)
    if vacancy_id is None:
        return {"match_gone": True}
    return queries.vacancy_detail(session, vacancy_id)


class DeclineDialog(QDialog):
    """Asks why a match is declined (the reason is kept with the match); tests replace
    ``ask``."""

    def __init__(self, citizen_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr(DECLINE_DIALOG_CTX, "Afslå match"))
        self.reason = QPlainTextEdit(self)
        self.reason.setAccessibleName(tr(DECLINE_DIALOG_CTX, "Begrundelse"))
        self.reason.setTabChangesFocus(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr(DECLINE_DIALOG_CTX, "Afslå"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        label = QLabel(tr(DECLINE_DIALOG_CTX, "Hvorfor er {name} afslået til stillingen?").format(
            name=citizen_name), self)
        label.setBuddy(self.reason)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.reason)
        layout.addWidget(buttons)

    @classmethod
    def ask(cls, parent: QWidget, citizen_name: str) -> str | None:
        """The reason typed, or None if the consultant cancelled."""
        dialog = cls(citizen_name, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.reason.toPlainText()


class StepList(QListView):
    """One pipeline column; Left and Right move the focus to the neighbouring column."""

    neighbour_requested = Signal(int)  # -1 left, +1 right

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.modifiers() == Qt.KeyboardModifier.NoModifier and event.key() in (
                Qt.Key.Key_Left, Qt.Key.Key_Right):
            self.neighbour_requested.emit(-1 if event.key() == Qt.Key.Key_Left else 1)
            return
        super().keyPressEvent(event)


def list_vacancy_ids(session: Any, text: str, sort: str | None, descending: bool) -> list[str]:
    return queries.vacancy_ids(session, text, sort, descending)


class MatchesPage(Page):
    page_key = "matches"
    shows = list_tables("vacancy") | list_tables("match") | {"match_event"}

    def __init__(self, ops: Ops, parent: QWidget | None = None):
        super().__init__(ops, parent)
        self.vacancy_id = ""
        self.match_id = ""
        # One read per purpose, each answer dropped when a newer one of its kind is asked for.
        self._record = Latest(ops, self)    # the vacancy on show (heading)
        self._pipeline = Latest(ops, self)  # its columns
        self._history = Latest(ops, self)   # the chosen match's moves
        self._history_of = ""               # the match the history shown is of
        self._focus_match = False           # the match chosen when the pipeline comes takes focus

        self.list = IdListPanel(ops, "vacancy", list_vacancy_ids, queries.list_rows,
                                format_vacancy_cell, list_name=tr(MATCHES_PAGE_CTX, "Stillinger"),
                                filter_hint=tr(MATCHES_PAGE_CTX, "Filtrér stillinger (Ctrl+F)"), parent=self)
        self.list.current_changed.connect(self.show_vacancy)

        # Alt+arrows, as the wizard's steps: a text field keeps Ctrl+arrows (word by word),
        # so they did nothing while the focus was in the filter.
        self.a_next = page_action(self, tr(MATCHES_PAGE_CTX, "Næste trin →"), "Alt+Right",
                                  lambda: self.move_selected(+1))
        self.a_previous = page_action(self, tr(MATCHES_PAGE_CTX, "← Forrige trin"), "Alt+Left",
                                      lambda: self.move_selected(-1))
        # At the table the employer's yes comes in one go: proposed to agreed in one move
        # (the history still shows the step it came from).
        self.a_agreed = page_action(self, tr(MATCHES_PAGE_CTX, "Aftalt ✓"), "Ctrl+Shift+Return",
                                    lambda: self.move_selected_to("agreed"))
        # Ctrl+D is "follow-up done" on Today and on an employer.
        self.a_decline = page_action(self, tr(MATCHES_PAGE_CTX, "&Afslå…"), "Ctrl+Shift+Delete",
                                     self.decline_selected)
        self.a_citizen = page_action(self, tr(MATCHES_PAGE_CTX, "Åbn &borger"), "Ctrl+Shift+B",
                                     self.open_citizen)
        self.a_vacancy = page_action(self, tr(MATCHES_PAGE_CTX, "Åbn &stilling"), "Ctrl+Shift+V",
                                     self.open_vacancy)
        self.a_agreement = page_action(self, tr(MATCHES_PAGE_CTX, "Lav aftale …"), "Ctrl+Shift+A",
                                       self.make_agreement)
        page_action(self, tr(MATCHES_PAGE_CTX, "Filtrér"), "Ctrl+F", self.list.focus_filter, "Ctrl+L")

        self.heading = QLabel(tr(MATCHES_PAGE_CTX, "Vælg en stilling i listen."), self)
        font = QFont(self.heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        self.subheading = QLabel(self)
        self.problem = QLabel(self)
        self.problem.setStyleSheet(PROBLEM_STYLE)
        self.problem.setWordWrap(True)
        self.problem.setAccessibleName(tr(MATCHES_PAGE_CTX, "Fejl"))
        self.problem.hide()

        self.step_models: dict[str, PipelineStepModel] = {}
        self.step_views: dict[str, StepList] = {}
        self.step_titles: dict[str, QLabel] = {}
        # The columns, disabled while another vacancy is read (they show the one before).
        self.board = QWidget(self)
        board = QHBoxLayout(self.board)
        board.setContentsMargins(0, 0, 0, 0)
        board.setSpacing(6)
        for status in STEPS:
            model = PipelineStepModel(status, self)
            model.move_requested.connect(self._move_many)
            view = StepList(self.board)
            view.setModel(model)
            view.setAccessibleName(domain_label(MATCH_STATUSES, status))
            view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
            view.setDragEnabled(True)
            view.setAcceptDrops(True)
            view.setDropIndicatorShown(True)
            view.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
            view.setDefaultDropAction(Qt.DropAction.MoveAction)
            view.setMinimumWidth(110)
            view.selectionModel().currentChanged.connect(
                lambda current, _prev, s=status: self._on_current(s, current))
            view.doubleClicked.connect(lambda _i: self.open_citizen())
            view.neighbour_requested.connect(lambda d, s=status: self._focus_neighbour(s, d))
            title = QLabel(self.board)
            title.setBuddy(view)
            title.setAlignment(Qt.AlignmentFlag.AlignCenter)
            title.setStyleSheet("font-weight: bold;")
            column = QVBoxLayout()
            column.addWidget(title)
            column.addWidget(view, 1)
            if status == "declined":
                line = QFrame(self.board)
                line.setFrameShape(QFrame.Shape.VLine)
                board.addWidget(line)
            board.addLayout(column, 1)
            self.step_models[status] = model
            self.step_views[status] = view
            self.step_titles[status] = title

        buttons = QHBoxLayout()
        for action in (self.a_previous, self.a_next, self.a_agreed, self.a_decline,
                       self.a_citizen, self.a_vacancy, self.a_agreement):
            buttons.addWidget(action_button(action, self))
        buttons.addStretch(1)

        self.history_title = QLabel(tr(MATCHES_PAGE_CTX, "Forløb"), self)
        self.history_title.setStyleSheet("font-weight: bold;")
        self.history = HistoryModel(self)
        self.history_view = QTableView(self)
        self.history_view.setModel(self.history)
        self.history_view.setAccessibleName(tr(MATCHES_PAGE_CTX, "Matchets forløb"))
        self.history_view.verticalHeader().hide()
        self.history_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history_view.horizontalHeader().setStretchLastSection(True)
        self.history_view.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.history_view.setTabKeyNavigation(False)
        self.history_title.setBuddy(self.history_view)

        pipeline = QWidget(self)
        box = QVBoxLayout(pipeline)
        box.addWidget(self.heading)
        box.addWidget(self.subheading)
        box.addWidget(self.problem)
        box.addWidget(self.board, 3)
        box.addLayout(buttons)
        box.addWidget(self.history_title)
        box.addWidget(self.history_view, 2)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setObjectName("splitter_matches")
        splitter.addWidget(self.list)
        splitter.addWidget(pipeline)
        splitter.setSizes([380, 820])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter)

        self._update_titles()
        self._update_actions()
        self.list.reload()

    # -- Page contract ------------------------------------------------------------------
    def page_title(self) -> str:
        return tr(MATCHES_PAGE_CTX, "Match")

    def focus_start(self) -> None:
        """On the chosen match when there is one (Ctrl+→ moves it at once), else the list."""
        if self.match_id and self.select_match(self.match_id, focus=True):
            return
        self.list.table.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def refresh(self) -> None:
        self.list.reload()
        if self.vacancy_id:
            self._load_pipeline()

    def show_changes(self, changes: OpChanges) -> None:
        """What shows a changed table re-reads: the vacancies, the open pipeline."""
        if changes.touches(self.list.tables):
            self.list.reload()
        if self.vacancy_id and changes.touches(PIPELINE_TABLES):
            self._load_pipeline()

    def open_item(self, ident: str) -> None:
        """Open a match: its vacancy's pipeline with the match chosen (and focused)."""
        self._open(read_match_vacancy, ident, ident)

    def show_vacancy(self, vacancy_id: str) -> None:
        """Show a vacancy's pipeline, no match chosen."""
        self._open(queries.vacancy_detail, vacancy_id, "")

    def _open(self, fn: Any, ident: str, match_id: str) -> None:
        """Read the vacancy (``fn(session, ident)``) off the UI thread, then its pipeline;
        the board and the moves wait for them, and what was on its way for the vacancy on
        show is dropped."""
        self._pipeline.drop()
        self._history.drop()
        self.board.setEnabled(False)

        def came(detail: dict[str, Any] | None) -> None:
            if detail is None or detail.get("match_gone"):
                self.board.setEnabled(True)
                self._update_actions()
                self._show_problem(
                    tr(MATCHES_PAGE_CTX, "Matchet findes ikke længere.") if detail
                    else tr(MATCHES_PAGE_CTX, "Stillingen findes ikke længere."))
                if self.vacancy_id:
                    self._load_pipeline()  # dropped above: the board on show is read again
                return
            self.vacancy_id = detail["id"]
            self.match_id = match_id
            self._focus_match = bool(match_id)
            self.list.select(self.vacancy_id)
            self.heading.setText(detail["title"])
            self.subheading.setText(detail["employer_name"])
            self._clear_problem()
            self._show_history("", [])
            self._load_pipeline()

        def failed(failure: OpFailure) -> None:
            self.board.setEnabled(True)
            self._failed(failure)
        self._record.read(fn, ident, on_done=came, on_error=failed)
        self._update_actions()

    @property
    def loading(self) -> bool:
        """The vacancy or the pipeline asked for has not come yet: the board on show may be
        another vacancy's, or the one before a move."""
        return self._record.waiting or self._pipeline.waiting

    # -- pipeline -------------------------------------------------------------------------
    def _load_pipeline(self) -> None:
        """Re-read the columns of the vacancy on show; the moves wait for them."""
        self._pipeline.read(queries.vacancy_pipeline, self.vacancy_id,
                            on_done=self._show_pipeline, on_error=self._pipeline_failed)
        self._update_actions()

    def _show_pipeline(self, grouped: dict[str, list[MatchCard]]) -> None:
        for status, model in self.step_models.items():
            model.set_cards(grouped.get(status, []))
        self._update_titles()
        self.board.setEnabled(True)
        focus, self._focus_match = self._focus_match, False
        if self.match_id and not self.select_match(self.match_id, focus=focus):
            self.match_id = ""
            self._history.drop()
            self._show_history("", [])
        self._update_actions()

    def _pipeline_failed(self, failure: OpFailure) -> None:
        self.board.setEnabled(True)
        self._show_problem(failure.summary)
        self._update_actions()

    def _update_titles(self) -> None:
        for status, title in self.step_titles.items():
            count = self.step_models[status].rowCount()
            title.setText(f"{domain_label(MATCH_STATUSES, status)} ({count})")

    def current_card(self) -> MatchCard | None:
        for model in self.step_models.values():
            row = model.row_of(self.match_id) if self.match_id else -1
            if row >= 0:
                return model.cards[row]
        return None

    def select_match(self, match_id: str, focus: bool = True) -> bool:
        """Select ``match_id`` in whichever column holds it (and show its history)."""
        for status, model in self.step_models.items():
            row = model.row_of(match_id)
            if row < 0:
                continue
            view = self.step_views[status]
            index = model.index(row, 0)
            # A new current index tells _on_current itself (currentChanged); the same one
            # again does not, and its history is read here: one read either way.
            unchanged = view.currentIndex() == index
            view.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            view.scrollTo(index)
            if focus:
                view.setFocus(Qt.FocusReason.OtherFocusReason)
            if unchanged:
                self._on_current(status, index)
            return True
        return False

    def _on_current(self, status: str, current: QModelIndex) -> None:
        if not current.isValid():
            return
        for other, view in self.step_views.items():
            if other != status:
                view.selectionModel().clear()
        self.match_id = current.data(ID_ROLE)
        if self._history_of != self.match_id:  # another match's moves are not shown meanwhile
            self._show_history("", [])
        match_id = self.match_id
        self._history.read(read_history, match_id,
                           on_done=lambda events: self._show_history(match_id, events),
                           on_error=lambda f: self._show_problem(f.summary))
        self._update_actions()

    def _show_history(self, match_id: str, events: list[tuple[Any, str, str, str, str]]
                      ) -> None:
        self._history_of = match_id
        self.history.set_rows(events)

    def _focus_neighbour(self, status: str, direction: int) -> None:
        index = STEPS.index(status) + direction
        if 0 <= index < len(STEPS):
            view = self.step_views[STEPS[index]]
            view.setFocus(Qt.FocusReason.OtherFocusReason)
            if view.model().rowCount() and not view.currentIndex().isValid():
                view.setCurrentIndex(view.model().index(0, 0))

    def _update_actions(self) -> None:
        card = None if self.loading else self.current_card()
        in_pipeline = card is not None and card.status in MATCH_PIPELINE
        position = MATCH_PIPELINE.index(card.status) if in_pipeline and card else -1
        self.a_next.setEnabled(in_pipeline and position < len(MATCH_PIPELINE) - 1)
        self.a_previous.setEnabled(in_pipeline and position > 0)
        self.a_decline.setEnabled(in_pipeline)
        self.a_agreed.setEnabled(in_pipeline and position < MATCH_PIPELINE.index("agreed"))
        self.a_citizen.setEnabled(card is not None)
        self.a_vacancy.setEnabled(bool(self.vacancy_id) and not self._record.waiting)
        self.a_agreement.setEnabled(card is not None and card.status != "declined")

    # -- moves ----------------------------------------------------------------------------
    def move_selected(self, direction: int) -> None:
        """One step along the pipeline; a declined match is reopened by dragging it back."""
        card = self.current_card()
        if card is None or card.status not in MATCH_PIPELINE:
            return
        position = MATCH_PIPELINE.index(card.status) + direction
        if 0 <= position < len(MATCH_PIPELINE):
            self.move(card.id, MATCH_PIPELINE[position])

    def move_selected_to(self, status: str) -> None:
        card = self.current_card()
        if card is not None and card.status != status:
            self.move(card.id, status)

    def decline_selected(self) -> None:
        card = self.current_card()
        if card is None or card.status == "declined":
            return
        reason = DeclineDialog.ask(self, card.citizen_name)
        if reason is None:
            return
        self.move(card.id, "declined", reason)

    def move(self, match_id: str, to_status: str, note: str = "") -> None:
        self._clear_problem()
        self.ops.write(services.move_match, match_id, to_status, note,
                       on_done=while_alive(self, lambda _m: self._moved(match_id)),
                       on_error=while_alive(self, self._failed))

    def _move_many(self, match_ids: list[str], to_status: str) -> None:
        """A drop: declining needs a reason, so a drop on "Afslået" asks for it once. A drop
        while the columns are being read moves nothing (the cards may be stale)."""
        if self.loading:
            return
        note = ""
        if to_status == "declined":
            names = [c.citizen_name for m in self.step_models.values() for c in m.cards
                     if c.id in match_ids]
            reason = DeclineDialog.ask(self, ", ".join(names))
            if reason is None:
                return
            note = reason
        self.match_id = match_ids[-1]
        for match_id in match_ids:
            self.move(match_id, to_status, note)

    def _moved(self, match_id: str) -> None:
        """The moved match is chosen in the pipeline read after the move (``show_changes``
        asked for it; a page not on screen reads it when shown), and takes the focus."""
        had_focus = any(v.hasFocus() for v in self.step_views.values())
        self.match_id = match_id
        if self._pipeline.waiting:
            self._focus_match = had_focus or self.isVisible()
        else:
            self.select_match(match_id, focus=had_focus or self.isVisible())

    def _failed(self, failure: OpFailure) -> None:
        messages = [m for ms in failure.field_problems.values() for m in ms]
        self._show_problem("\n".join(messages) or failure.summary)
        self._load_pipeline()

    def _show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()

    def _clear_problem(self) -> None:
        self.problem.clear()
        self.problem.hide()

    # -- navigation -----------------------------------------------------------------------
    def open_citizen(self) -> None:
        card = self.current_card()
        if card is not None:
            self.open_requested.emit("citizen", card.citizen_id)

    def open_vacancy(self) -> None:
        if self.vacancy_id:
            self.open_requested.emit("vacancy", self.vacancy_id)

    def make_agreement(self) -> None:
        """Start the agreement wizard from the selected match (the agreements page opens it)."""
        card = self.current_card()
        if card is not None and card.status != "declined":
            self.open_requested.emit("placement_agreement", new_agreement_ref(match_id=card.id))
