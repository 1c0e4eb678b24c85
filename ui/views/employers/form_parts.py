"""What the employer's three forms (master data, contacts, visits) are made of: inputs, the
message line under a form, and the keys that save and undo inside it."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from consultant_app import queries
from consultant_app.errors import field_label

from ...i18n import tr
from ...models.id_table import BackgroundIdTableModel, Formatter, IdTableModel
from ...ops import Ops
from ...style import OK_STYLE, PROBLEM_STYLE
from ..partials.tables import read_only_table

CTX = "employers"


def tr_field(field: str) -> str:
    """A field's Danish label, the same as in the core's messages about it."""
    return tr("fields", field_label(field))


def not_saved_text() -> str:
    return tr(CTX, "Ikke gemt – ret det markerede, eller fortryd med Ctrl+Z.")


def line(placeholder: str = "") -> QLineEdit:
    edit = QLineEdit()
    edit.setPlaceholderText(placeholder)
    return edit


def _employer_item_ids(session: Any, kind: str, employer_id: str, sort: str | None,
                       descending: bool) -> list[str]:
    return queries.employer_item_ids(session, kind, employer_id, sort,
                                     descending if sort else None)


def employer_items(ops: Ops, kind: str, employer_id: Callable[[], str | None],
                   formatter: Formatter, parent: QWidget) -> BackgroundIdTableModel:
    """The open employer's records of ``kind`` (contacts, visits, vacancies, ...), in the
    order of the column the consultant sorts by, read off the UI thread; the panel empties
    them while no employer is open."""
    model = BackgroundIdTableModel(
        ops, kind, _employer_item_ids, formatter, parent,
        ids_args=lambda: (kind, employer_id(), model.sort_key, model.descending))
    return model


def list_view(model: IdTableModel, name: str, parent: QWidget, empty: str = "") -> QTableView:
    view = read_only_table(model, name, parent, empty)
    view.horizontalHeader().setDefaultSectionSize(150)
    return view


def form_box(box: QGroupBox, form: QWidget, buttons: list[QPushButton],
             save: Callable[[], None]) -> QLabel:
    """Lay out a small form in ``box`` with its buttons and a message line under it;
    Ctrl+Enter anywhere in the box saves. Returns the message line."""
    message = QLabel(box)
    message.setWordWrap(True)
    row = QHBoxLayout()
    for button in buttons:
        row.addWidget(button)
    row.addWidget(message, 1)
    inner = QVBoxLayout(box)
    inner.addWidget(form)
    inner.addLayout(row)
    for seq in ("Ctrl+Return", "Ctrl+Enter"):
        shortcut = QShortcut(QKeySequence(seq), box)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(save)
    return message


def undo_key(box: QWidget, undo: Callable[[], Any]) -> None:
    """Ctrl+Z in a form undoes that form's last change (``AutoSave.undo``)."""
    shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Undo), box)
    shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    shortcut.activated.connect(undo)


def show_message(label: QLabel, text: str, ok: bool) -> None:
    label.setStyleSheet(OK_STYLE if ok else PROBLEM_STYLE)
    label.setText(text)
    label.show()


def chain(parent: QWidget, widgets: list[QWidget]) -> None:
    """Tab order in the order the form reads."""
    for first, second in itertools.pairwise(widgets):
        parent.setTabOrder(first, second)
