"""What the record pages (citizens, vacancies) share around their own fields: the open
record's heading with the page's actions under it and the line that says whether it is saved,
the form in its column, and the one rule for edits (``AutoSave``): saved as typed, Ctrl+S
saves now, Ctrl+Z undoes, and leaving waits for the save."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtGui import QAction, QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ...i18n import tr
from ...ops import Latest, OpFailure, Ops
from .. import Page
from .id_list import IdListPanel
from .inputs import action_button, while_alive
from .record_form import AutoSave, RecordForm

Callback = Callable[[Any], None]


class RecordPage(Page):
    """A page with a list (``list``) and the open record's form (``form``). A subclass
    adds its inputs to ``form``, calls ``watch_edits`` with them, and says which record is
    open (``open_id``: "" for a new one), what the form holds (``values``), how a new
    record is written (``write_new``) and what follows a save (``_saved``)."""

    update: Callable[..., Any]  # services function: (session, record id, values) -> record
    list: IdListPanel

    def __init__(self, ops: Ops, parent: QWidget | None = None):
        super().__init__(ops, parent)
        self.heading = QLabel(self)
        font = QFont(self.heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        self.saved_note = QLabel(self)
        self.saved_note.setAccessibleName(tr(
            "record_page", "Status for gem"))
        self.form = RecordForm(self)
        self._record = Latest(ops, self)  # the record on show, read off the UI thread
        self._held: dict[QAction, bool] = {}  # record actions disabled while it loads

    def record_header(self, actions: Iterable[QAction]) -> QWidget:
        """The heading, and under it a button for each of ``actions`` and the saved line."""
        buttons = QHBoxLayout()
        for action in actions:
            buttons.addWidget(action_button(action, self))
        buttons.addStretch(1)
        buttons.addWidget(self.saved_note)
        header = QWidget(self)
        column = QVBoxLayout(header)
        column.setContentsMargins(9, 4, 9, 0)
        column.addWidget(self.heading)
        column.addLayout(buttons)
        return header

    def record_editor(self) -> QWidget:
        """The form at its natural height, at the top of its column."""
        editor = QWidget(self)
        column = QVBoxLayout(editor)
        column.addWidget(self.form)
        column.addStretch(1)
        return editor

    def watch_edits(self, inputs: Iterable[QWidget]) -> None:
        self.autosave = AutoSave(self, inputs, self._write, self.form.show_failure)
        self.autosave.state_text.connect(self.saved_note.setText)
        self.autosave.saved.connect(self._saved)

    # -- the subclass's part ----------------------------------------------------------------
    def open_id(self) -> str:
        raise NotImplementedError

    def values(self) -> dict[str, Any]:
        raise NotImplementedError

    def write_new(self, values: dict[str, Any], on_done: Callback,
                  on_error: Callable[[OpFailure], None]) -> None:
        raise NotImplementedError

    def _saved(self, record: Any) -> None:
        raise NotImplementedError

    # -- loading a record -------------------------------------------------------------------
    def load_record(self, fn: Callable[..., Any], ident: str, show: Callback,
                    gone_text: str) -> None:
        """Read record ``ident`` (``fn(session, ident)``) off the UI thread and ``show`` it
        when it comes; the form is disabled meanwhile (what it holds is not the record asked
        for), and an answer overtaken by a newer open or a new record is dropped. A record
        deleted meanwhile leaves the form as it was with ``gone_text`` beside it."""
        self.form.setEnabled(False)
        self.loading_started()

        def came(detail: Any) -> None:
            self.form.setEnabled(True)
            if detail is None:
                self.loading_ended()
                self.saved_note.setText(gone_text)
                return
            self._held = {}  # the record shown sets its actions
            self.list.select(ident)
            show(detail)

        def failed(failure: OpFailure) -> None:
            self.form.setEnabled(True)
            self.loading_ended()
            self.form.show_failure(failure, focus=False)
        self._record.read(fn, ident, on_done=came, on_error=failed)

    def stop_loading(self) -> None:
        """The record on its way is no longer wanted (a new record is being written)."""
        self._record.drop()
        if not self.form.isEnabled():  # a record was on its way
            self.form.setEnabled(True)
            self.loading_ended()

    @property
    def loading(self) -> bool:
        """A record asked for has not come yet."""
        return self._record.waiting

    def record_actions(self) -> Iterable[QAction]:
        """The subclass's actions on the open record: they wait for the one asked for."""
        return ()

    def loading_started(self) -> None:
        if not self._record.waiting:  # a newer open while one loads keeps the first states
            self._held = {action: action.isEnabled() for action in self.record_actions()}
        for action in self._held:
            action.setEnabled(False)

    def loading_ended(self) -> None:
        """A read that showed no record: the actions are as they were before it."""
        for action, enabled in self._held.items():
            action.setEnabled(enabled)
        self._held = {}

    # -- the rule for edits -----------------------------------------------------------------
    def leave(self) -> bool:
        return self.autosave.leave()

    def save(self) -> None:
        """Ctrl+S: save now what would be saved after the pause anyway."""
        self.autosave.flush(focus=True)

    def undo(self) -> None:
        self.form.clear_problems()
        self.autosave.undo()

    def keep_selection(self) -> None:
        """A row click the open record could not be saved for: the list shows it again."""
        if self.open_id():
            self.list.select(self.open_id())
        else:
            self.list.table.clearSelection()

    def _write(self, on_done: Callback, on_error: Callable[[OpFailure], None]) -> None:
        """The form as it is now, created or updated (``AutoSave`` calls this)."""
        self.form.clear_problems()
        values = self.values()
        on_done, on_error = while_alive(self, on_done), while_alive(self, on_error)
        if self.open_id():
            self.ops.write(type(self).update, self.open_id(), values, on_done=on_done,
                           on_error=on_error)
        else:
            self.write_new(values, on_done, on_error)
