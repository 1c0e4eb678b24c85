"""A form that shows each failed field's Danish message right under the field.

A failed write (``OpFailure.field_problems``) is shown where the consultant is looking, and the
form keeps what was typed, so fixing one value is one edit, not a retype. Problems about no
field on the form (a record deleted meanwhile, a full disk) go to the line at the top.
"""

from __future__ import annotations

from typing import Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from ...ops import OpFailure

PROBLEM_STYLE = "color: #b00020;"


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
        self.general_problem.setAccessibleName(self.tr("Fejl"))
        self.rows = QFormLayout()
        self.rows.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.rows.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.general_problem)
        layout.addLayout(self.rows)
        self._problem_labels: dict[str, QLabel] = {}
        self._inputs: dict[str, QWidget] = {}

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
        problem.setAccessibleName(self.tr("Fejl ved %s") % plain(label))
        box.addWidget(problem)
        caption = QLabel(label, self)
        caption.setBuddy(target)
        if not target.accessibleName():
            target.setAccessibleName(plain(label))
        self.rows.addRow(caption, cell)
        for name in names:
            self._problem_labels[name] = problem
            self._inputs[name] = target
        return widget

    def show_failure(self, failure: OpFailure) -> None:
        """Put each problem by its field and focus the first one; the inputs stay as typed."""
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
            first = first or self._inputs[field]
        for label, messages in by_label.items():
            label.setText("\n".join(messages))
            label.show()
        if general or not failure.field_problems:
            self.general_problem.setText("\n".join(general) or failure.summary)
            self.general_problem.show()
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def problem_text(self, field: str) -> str:
        label = self._problem_labels.get(field)
        return label.text() if label is not None and not label.isHidden() else ""

    def clear_problems(self) -> None:
        for label in set(self._problem_labels.values()) | {self.general_problem}:
            label.clear()
            label.hide()
