"""The Qt binding itself: guards against a known-bad PySide6 release.

PySide6-Essentials 6.12.0 on Python 3.11 releases one reference to ``None`` on every call of a
method that returns nothing; after some tens of thousands of calls (a few signatures drawn on
the pad) Python aborts with "none_dealloc". Python 3.12+ makes ``None`` immortal, so there the
count does not move either way. pyproject.toml excludes that release; this test catches a
future one with the same fault.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QWidget


def test_void_qt_calls_keep_the_reference_count_of_none(qtbot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    before = sys.getrefcount(None)
    for _ in range(5000):
        widget.setEnabled(True)
    assert abs(sys.getrefcount(None) - before) < 100
