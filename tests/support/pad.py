"""Signing on the desktop in tests: hand-like mouse strokes on a signature pad, and the signing
dialog opened over an agreement ready to sign."""

from __future__ import annotations

import math

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from tests.support.desktop import settle
from ui.ops import Ops
from ui.views import signing as S


def handwriting(x0: int, y0: int, width: int = 420, n: int = 40, seed: int = 0
                ) -> list[tuple[int, int]]:
    """A cursive-looking line of loops to drag the mouse along."""
    points = []
    for i in range(n):
        t = i / (n - 1)
        x = x0 + width * t + 14 * math.cos(i * 1.3 + seed)
        y = y0 - 36 * abs(math.sin(i * 0.55 + seed)) + 6 * math.sin(i * 1.3 + seed)
        points.append((round(x), round(y)))
    return points


def draw(canvas: QWidget, points: list[tuple[int, int]]) -> None:
    """One mouse stroke through ``points``: press at the first, release at the last."""
    QTest.mousePress(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     QPoint(*points[0]))
    for x, y in points[1:]:
        QTest.mouseMove(canvas, QPoint(x, y))
        QApplication.processEvents()  # the pad paints between moves; times need only not fall
    QTest.mouseRelease(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       QPoint(*points[-1]))


def sign_name(canvas: QWidget, seed: int) -> None:
    """A signature of two strokes, like a first name and a surname."""
    draw(canvas, handwriting(70, 165, 230, 24, seed))
    draw(canvas, handwriting(330, 170, 300, 30, seed + 1))


def open_dialog(ops: Ops, agreement_id: str, qtbot) -> S.SigningDialog:  # type: ignore[no-untyped-def]
    dialog = S.SigningDialog(ops, agreement_id)
    qtbot.addWidget(dialog)
    dialog.resize(1100, 700)
    dialog.show()
    qtbot.waitExposed(dialog)
    settle(qtbot, ops)
    return dialog
