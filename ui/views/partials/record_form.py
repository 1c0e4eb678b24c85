"""A form that shows each failed field's Danish message right under the field.

A failed write (``OpFailure.field_problems``) is shown where the consultant is looking, and the
form keeps what was typed, so fixing one value is one edit, not a retype. Problems about no
field on the form (a record deleted meanwhile, a full disk) go to the line at the top.
"""

from __future__ import annotations

from typing import Any, Callable, Iterable

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QEventLoop,
    QObject,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ...i18n import tr
from ...ops import OpFailure
from ...style import PROBLEM_STYLE

CTX = "RecordForm"



def plain(label: str) -> str:
    """A label without its mnemonic marker, for accessible names."""
    return label.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip(":")


class RecordForm(QWidget):
    """Rows of label, input and (hidden until needed) problem text."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.general_problem = QLabel(self)
        self.general_problem.setStyleSheet(PROBLEM_STYLE)
        self.general_problem.setWordWrap(True)
        self.general_problem.hide()
        self.general_problem.setAccessibleName(tr(CTX, "Fejl"))
        self.rows = QFormLayout()
        self.rows.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.rows.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.general_problem)
        layout.addLayout(self.rows)
        self._problem_labels: dict[str, QLabel] = {}
        self.inputs: dict[str, QWidget] = {}  # field -> its input (the focus target)

    def add(self, fields: str | Iterable[str], label: str, widget: QWidget,
            focus: QWidget | None = None) -> QWidget:
        """Add a row for ``widget`` answering for ``fields`` (a name or several: the hours row
        answers for hours_min, hours_max and starts_with_few_hours). ``focus`` is the input
        the label's mnemonic and a problem send the focus to (default: ``widget``)."""
        names = [fields] if isinstance(fields, str) else list(fields)
        target = focus or widget
        cell = QWidget(self)
        box = QVBoxLayout(cell)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        widget.setParent(cell)
        box.addWidget(widget)
        problem = QLabel(cell)
        problem.setStyleSheet(PROBLEM_STYLE)
        problem.setWordWrap(True)
        problem.hide()
        problem.setAccessibleName(tr(CTX, "Fejl ved {field}").format(field=plain(label)))
        box.addWidget(problem)
        caption = QLabel(label, self)
        caption.setBuddy(target)
        if not target.accessibleName():
            target.setAccessibleName(plain(label))
        self.rows.addRow(caption, cell)
        for name in names:
            self._problem_labels[name] = problem
            self.inputs[name] = target
        return widget

    def show_failure(self, failure: OpFailure, focus: bool = True) -> None:
        """Put each problem by its field and focus the first one (not when the save was
        made by itself while the consultant types elsewhere); the inputs stay as typed."""
        self.clear_problems()
        by_label: dict[QLabel, list[str]] = {}
        general: list[str] = []
        first: QWidget | None = None
        for field, messages in failure.field_problems.items():
            label = self._problem_labels.get(field)
            if label is None:
                general.extend(messages)
                continue
            by_label.setdefault(label, []).extend(messages)
            first = first or self.inputs[field]
        for label, messages in by_label.items():
            label.setText("\n".join(messages))
            label.show()
        if general or not failure.field_problems:
            self.general_problem.setText("\n".join(general) or failure.summary)
            self.general_problem.show()
        if first is not None and focus:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def problem_text(self, field: str) -> str:
        label = self._problem_labels.get(field)
        return label.text() if label is not None and not label.isHidden() else ""

    def clear_problems(self) -> None:
        for label in set(self._problem_labels.values()) | {self.general_problem}:
            label.clear()
            label.hide()

    # -- values by field name (for forms whose fields map one to one onto inputs) ----------
    def value(self, field: str) -> Any:
        """What the input of ``field`` holds, as the core's converters take it: text, the
        chosen item's code, a tick."""
        widget = self.inputs[field]
        if isinstance(widget, QLineEdit):
            return widget.text()
        if isinstance(widget, QPlainTextEdit):
            return widget.toPlainText()
        if isinstance(widget, QCheckBox):
            return widget.isChecked()
        if isinstance(widget, QComboBox):
            return widget.currentData()
        raise TypeError(widget)

    def set_value(self, field: str, value: Any) -> None:
        widget = self.inputs[field]
        if isinstance(widget, QLineEdit):
            widget.setText(value)
        elif isinstance(widget, QPlainTextEdit):
            widget.setPlainText(value)
        elif isinstance(widget, QCheckBox):
            widget.setChecked(bool(value))
        elif isinstance(widget, QComboBox):
            widget.setCurrentIndex(max(widget.findData(value), 0))
        else:
            raise TypeError(widget)

    def values(self, fields: Iterable[str]) -> dict[str, Any]:
        return {field: self.value(field) for field in fields}


# -- one rule for edits: saved as you go, undone with Ctrl+Z ---------------------------------

SAVE_PAUSE_MS = 700  # the agreement wizard's pause: the same rule on every page


def input_state(widget: QWidget) -> Any:
    """What an input holds, comparable: text, the chosen item, a tick, the ticked codes."""
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QComboBox):
        return widget.currentIndex()
    if isinstance(widget, QAbstractButton):
        return widget.isChecked()
    if isinstance(widget, QListWidget):
        return tuple(widget.item(i).checkState() == Qt.CheckState.Checked
                     for i in range(widget.count()))
    raise TypeError(widget)


def set_input_state(widget: QWidget, state: Any) -> None:
    if isinstance(widget, QLineEdit):
        widget.setText(state)
    elif isinstance(widget, QPlainTextEdit):
        widget.setPlainText(state)
    elif isinstance(widget, QComboBox):
        widget.setCurrentIndex(state)
    elif isinstance(widget, QAbstractButton):
        widget.setChecked(state)
    elif isinstance(widget, QListWidget):
        for i, checked in enumerate(state):
            widget.item(i).setCheckState(Qt.CheckState.Checked if checked
                                         else Qt.CheckState.Unchecked)


def _change_signal(widget: QWidget) -> Any:
    if isinstance(widget, (QLineEdit, QPlainTextEdit)):
        return widget.textChanged
    if isinstance(widget, QComboBox):
        return widget.currentIndexChanged
    if isinstance(widget, QAbstractButton):
        return widget.toggled
    if isinstance(widget, QListWidget):
        return widget.itemChanged
    raise TypeError(widget)


Callback = Callable[[Any], None]
SaveFn = Callable[[Callback, Callable[[OpFailure], None]], None]


class AutoSave(QObject):
    """Every record form follows the agreement wizard's rule: what is typed is saved by
    itself, after a short pause and before the consultant leaves the record (another row,
    another page, closing the window), and Ctrl+Z takes the record back one save at a time.

    At the employer's table the consultant talks while typing and is interrupted; a
    question ("gem ændringerne?") at every row change costs clicks and attention, and a
    discarded edit is a lost fact. So nothing asks and nothing is lost: a value the core
    refuses stays as typed with its message by the field, and leaving is held until it is
    fixed or undone (Ctrl+Z), never dropped in silence.

    The page gives ``save(on_done, on_error)``, which writes the form as it is now (a create
    or an update) through ``ops.write``, and fills its inputs between ``loading()``'s calls
    when it shows a record. ``leave()`` is what every way out calls first.
    """

    saved = Signal(object)       # what the page's save returned (the record)
    failed = Signal(object)      # OpFailure
    state_text = Signal(str)     # for the page's "Gemt." line

    def __init__(self, owner: QWidget, inputs: Iterable[QWidget], save: SaveFn,
                 show_failure: Callable[[OpFailure, bool], None],
                 pause_ms: int = SAVE_PAUSE_MS):
        super().__init__(owner)
        self.owner = owner
        self.inputs = list(inputs)
        self._save = save
        self._show_failure = show_failure
        self._baseline = self.snapshot()   # what the store holds (as last shown or saved)
        self._undo: list[list[Any]] = []   # earlier saved states, newest last
        self._sending: list[Any] | None = None
        self._undoing = False
        self._quiet = 0
        self.last_failure: OpFailure | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(pause_ms)
        self._timer.timeout.connect(lambda: self.flush())
        for widget in self.inputs:
            _change_signal(widget).connect(self._changed)
            widget.installEventFilter(self)

    # -- state --------------------------------------------------------------------------
    def snapshot(self) -> list[Any]:
        return [input_state(w) for w in self.inputs]

    def dirty(self) -> bool:
        return self.snapshot() != self._baseline

    def busy(self) -> bool:
        return self._sending is not None

    def can_undo(self) -> bool:
        return self.dirty() or bool(self._undo)

    def loaded(self) -> None:
        """The page has just filled the form with a record (or emptied it for a new one):
        this is what the store holds, and there is nothing to undo."""
        self._timer.stop()
        self._baseline = self.snapshot()
        self._undo.clear()
        self.last_failure = None

    def quietly(self, fn: Callable[[], Any]) -> Any:
        """Run ``fn`` that changes inputs for a reason other than an edit (a masked CPR
        shown again): those inputs' new contents count as saved, other edits stay."""
        before = self.snapshot()
        result = fn()
        after = self.snapshot()
        for i, (old, new) in enumerate(zip(before, after)):
            if old != new:
                self._baseline[i] = new
        return result

    def _changed(self, *_args: Any) -> None:
        if self._quiet:
            return
        if self.dirty():
            self._timer.start()
        else:
            self._timer.stop()

    # -- saving -------------------------------------------------------------------------
    def flush(self, wait: bool = False, focus: bool = False) -> bool:
        """Save what is typed now (``focus``: a refused field takes the focus, as when the
        consultant asked with Ctrl+S). With ``wait``, return only when the store has
        answered: True when everything typed is saved."""
        self._timer.stop()
        if self._sending is None and self.dirty():
            self._send(focus=wait or focus)
        if wait:
            self._wait()
            if self.dirty() and self.last_failure is None:
                return self.flush(wait=True)  # typed on while the last save was under way
            return not self.dirty()
        return True

    def _wait(self) -> None:
        """Until the save under way has come back (a local write: milliseconds). The
        consultant's clicks wait in the queue meanwhile, so none lands half-way."""
        while self._sending is not None:
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents
                                           | QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)

    def _send(self, focus: bool) -> None:
        state = self.snapshot()
        self._sending = state
        self.state_text.emit(tr("record_form", "Gemmer …"))
        self._save(lambda result: self._done(state, result),
                   lambda failure: self._failed(state, failure, focus))

    def _done(self, state: list[Any], result: Any) -> None:
        if self._undoing:
            self._undoing = False
        elif state != self._baseline:
            self._undo.append(self._baseline)
        self._baseline = state
        self._sending = None
        self.last_failure = None
        self.state_text.emit(tr("record_form", "Gemt."))
        self.saved.emit(result)
        if self.dirty():
            self._timer.start()

    def _failed(self, state: list[Any], failure: OpFailure, focus: bool) -> None:
        self._sending = None
        self._undoing = False
        self.last_failure = failure
        self._show_failure(failure, focus)
        self.state_text.emit(tr(
            "record_form", "Ikke gemt – ret det markerede, eller fortryd med Ctrl+Z."))
        self.failed.emit(failure)

    def leave(self) -> bool:
        """Before the record is left: save what is typed and wait for the answer. False
        (stay) when the store refused it; the message is by the field."""
        if not self.dirty() and self._sending is None:
            return True
        return self.flush(wait=True)

    # -- undo ---------------------------------------------------------------------------
    def undo(self) -> bool:
        """Back one step: what was typed since the last save, else the last save itself
        (written back to the store). False when there is nothing to undo."""
        self._wait()
        self._timer.stop()
        if self.dirty():
            self._restore(self._baseline)
            self.last_failure = None
            self.state_text.emit(tr("record_form", "Fortrudt."))
            return True
        if not self._undo:
            return False
        previous = self._undo.pop()
        self._restore(previous)
        self._undoing = True
        self._send(focus=False)
        return True

    def _restore(self, state: list[Any]) -> None:
        self._quiet += 1
        try:
            for widget, value in zip(self.inputs, state):
                if input_state(widget) != value:
                    set_input_state(widget, value)
        finally:
            self._quiet -= 1

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        """Ctrl+Z in a text field undoes the record, not only that field's typing: one undo
        for the whole form, and the field's own would be lost at the next save anyway."""
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) \
                and event.matches(QKeySequence.StandardKey.Undo):
            event.ignore()
            return True
        return super().eventFilter(obj, event)
