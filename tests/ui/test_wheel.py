"""The mouse wheel scrolls the page; it never changes a choice in a form.

Before: scrolling the wizard over Målgruppe changed it three times (each change autosaved and
synced), and a vacancy's status flipped from Åben to Lukket the same way.
The test sends a wheel to every combo box and spin box of every page, of the employer,
vacancy and citizen forms, of the agreement wizard for every shipped type, and of the signing
dialog, with the focus elsewhere and with the focus on the widget.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QWidget

from forms.templates import agreement_types
from tests.support.desktop import settle
from tests.support.wizard import choose_type, open_new_agreement


def _wheel(widget: QWidget, steps: int) -> bool:
    """Sends a wheel of ``steps`` notches to ``widget``; whether the widget accepted it."""
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(centre, QPointF(widget.mapToGlobal(centre.toPoint())), QPoint(0, 0),
                        QPoint(0, 120 * steps), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)
    return event.isAccepted()


def _value(widget: QWidget) -> object:
    if isinstance(widget, QComboBox):
        return widget.currentIndex()
    assert isinstance(widget, QAbstractSpinBox)
    return widget.text()


def _choices(root: QWidget) -> list[QWidget]:
    found = [*root.findChildren(QComboBox), *root.findChildren(QAbstractSpinBox)]
    # a choice with fewer than two items cannot change, so it proves nothing: give it two
    for widget in found:
        if isinstance(widget, QComboBox) and widget.count() < 2 and not widget.isEditable():
            widget.addItems(["a", "b"][widget.count():])
    return found


def assert_wheel_changes_nothing(root: QWidget, where: str,
                                 settled: Callable[[], None] = lambda: None) -> int:
    """``settled`` waits for what a choice set here starts (the wizard's first step reads
    the employer chosen, with the choices that follow from it disabled meanwhile)."""
    widgets = _choices(root)
    for widget in widgets:
        if isinstance(widget, QComboBox) and widget.count() >= 2:
            widget.setCurrentIndex(1)  # room to move both ways
            settled()
        for focused in (False, True):
            if focused:
                widget.setFocus()
            else:
                widget.clearFocus()
            before = _value(widget)
            for steps in (-1, 1, -3, 3):
                accepted = _wheel(widget, steps)
                assert _value(widget) == before, \
                    f"{where}: the wheel changed {type(widget).__name__} " \
                    f"'{widget.accessibleName() or widget.objectName()}' (focus {focused})"
                assert not accepted, f"{where}: the wheel stopped at {type(widget).__name__}, " \
                                     "so the page under it cannot scroll"
            assert widget.focusPolicy() != Qt.FocusPolicy.WheelFocus
    return len(widgets)


def test_the_wheel_changes_no_choice_on_any_page_or_record_form(
        window, ops, qtbot, demo_store, parties):
    seen = 0
    for key in window.pages:
        page = window.show_page(key)
        settle(qtbot, ops)
        if hasattr(page, "open_item"):
            ident = {"employers": parties.employer_id, "citizens": parties.citizen_id,
                     "vacancies": parties.vacancy_id}.get(key)
            if ident:
                page.open_item(ident)
                settle(qtbot, ops)
        seen += assert_wheel_changes_nothing(page, key)
    assert seen >= 6  # target group, licence, vacancy kind/status/filter, visit status


@pytest.mark.parametrize("agreement_type", agreement_types())
def test_the_wheel_changes_no_choice_in_the_agreement_wizard(
        ops, qtbot, demo_store, parties, agreement_type):
    wizard = open_new_agreement(ops, qtbot, parties).wizard
    settle(qtbot, ops)
    assert_wheel_changes_nothing(wizard, f"{agreement_type}: start",  # employer, match, ...
                                 lambda: settle(qtbot, ops))
    choose_type(wizard, agreement_type, qtbot, ops)
    assert_wheel_changes_nothing(wizard, f"{agreement_type}: fields")
    settle(qtbot, ops)


def test_the_wheel_does_not_change_how_a_signer_was_identified(
        ops, qtbot, demo_store):
    from tests.support.signing import ready_draft
    from ui.views import signing as S
    agreement_id = ready_draft(demo_store)
    dialog = S.SigningDialog(ops, agreement_id)
    qtbot.addWidget(dialog)
    dialog.show()
    settle(qtbot, ops)
    assert assert_wheel_changes_nothing(dialog, "underskrift") >= 1
