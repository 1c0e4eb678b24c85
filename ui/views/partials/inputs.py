"""Small input helpers shared by the record pages: domain choices, checkable lists, actions.

Codes are what the core stores; the Danish labels from ``consultant_app.domain`` are what the
consultant sees, translated in the "domain" context (the one place the UI turns a code into
text).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QWheelEvent
from PySide6.QtWidgets import (
    QComboBox,
    QListWidget,
    QListWidgetItem,
    QToolButton,
    QWidget,
)

from consultant_app.text import format_date, format_number

from ...models.labels import domain_label

CODE_ROLE = Qt.ItemDataRole.UserRole


class ChoiceBox(QComboBox):
    """A combo box the mouse wheel cannot change: the wheel scrolls the page under it instead.

    Qt's combo box takes the wheel even without focus, so scrolling a form over a target
    group or a status changed a legal field (and autosaved it). Every choice in the UI is a
    ChoiceBox; the keyboard (arrows, typing) and the popup list still choose as before.
    """

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # a wheel never gives it focus

    def wheelEvent(self, event: QWheelEvent) -> None:
        event.ignore()  # ignored, the event goes on to the scroll area around the form


def fill_combo(combo: QComboBox, mapping: Mapping[str, str], blank: str | None = None) -> None:
    """Codes as item data, labels as text; ``blank`` adds a first item for "no value"."""
    combo.clear()
    if blank is not None:
        combo.addItem(blank, "")
    for code in mapping:
        combo.addItem(domain_label(mapping, code), code)


def set_combo_code(combo: QComboBox, code: str | None) -> None:
    index = combo.findData(code or "")
    combo.setCurrentIndex(max(index, 0))


class CheckList(QListWidget):
    """A checkable list of domain codes (requirements, restrictions); Space toggles."""

    def __init__(self, mapping: Mapping[str, str], parent: QWidget | None = None):
        super().__init__(parent)
        for code in mapping:
            item = QListWidgetItem(domain_label(mapping, code), self)
            item.setData(CODE_ROLE, code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        rows = max(1, self.count())
        self.setFixedHeight(self.sizeHintForRow(0) * rows + 2 * self.frameWidth() + 4)
        self.setTabKeyNavigation(False)

    def codes(self) -> list[str]:
        return [self.item(i).data(CODE_ROLE) for i in range(self.count())
                if self.item(i).checkState() == Qt.CheckState.Checked]

    def set_codes(self, codes: Iterable[str]) -> None:
        wanted = set(codes)
        for i in range(self.count()):
            item = self.item(i)
            item.setCheckState(Qt.CheckState.Checked if item.data(CODE_ROLE) in wanted
                               else Qt.CheckState.Unchecked)


def as_text(value: Any) -> str:
    """A stored value as the text an input shows (and the core's converters read back)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return ""
    if isinstance(value, float):
        return format_number(value)
    if isinstance(value, dt.date):
        return format_date(value)
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    return str(value)


def page_action(page: QWidget, text: str, shortcut: str | QKeySequence.StandardKey,
                slot: Callable[[], Any], *aliases: str) -> QAction:
    """An action of one page: its shortcut works from wherever the focus is in the window
    (the navigation, the list, any field) while the page is shown, and its tooltip names the
    shortcut. A window-level shortcut of a hidden widget is not live, so the pages stacked in
    one window never fight over a key; a key bound only to a part of the page (the old
    WidgetWithChildren context) did nothing while the focus was in the list or the
    navigation, though the page advertised it. ``aliases`` are further keys for the same act
    (the filter's old Ctrl+L)."""
    action = QAction(text, page)
    action.setShortcuts([QKeySequence(shortcut), *(QKeySequence(a) for a in aliases)])
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    action.setToolTip(f"{text.replace('&', '')} ({keys})" if keys else text.replace("&", ""))
    action.triggered.connect(lambda _checked=False: slot())
    page.addAction(action)
    return action


def action_button(action: QAction, parent: QWidget | None = None) -> QToolButton:
    button = QToolButton(parent)
    button.setDefaultAction(action)
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    button.setAccessibleName(action.text().replace("&", ""))
    return button


def while_alive(widget: QWidget, fn: Callable[..., Any]) -> Callable[..., Any]:
    """``fn`` as a background operation's callback that does nothing once ``widget`` is gone:
    a ranking or a list can come back after its page was closed."""
    def call(*args: Any) -> Any:
        if shiboken6.isValid(widget):
            return fn(*args)
        return None
    return call
