"""Python's cycle collector, run on the GUI thread only.

Python runs its cycle collector on whichever thread happens to allocate when a generation's
threshold is crossed. The desktop runs Python on worker threads too (the store's writer in
``ui.ops``, the sync, the profile opening), so a widget left in a reference cycle (a dialog
closed earlier, a page's helper that points back at the page) could be destroyed on one of
them, in the middle of the GUI thread painting: Qt widgets may only be destroyed on the GUI
thread, and doing it elsewhere crashes the process (seen as a segfault in the signature pad's
``paintEvent`` while a store write ran). Calibre and Anki solve it the same way: automatic
collection is switched off and a timer on the GUI thread collects each generation when its
count passes Python's own threshold, so the memory behaviour stays that of Python's collector.
Reference counting, which frees almost everything, is untouched.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500


class GuiThreadCollector(QObject):
    """While it runs, cycles are collected on the thread that made it (the GUI thread)."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS):
        super().__init__(parent)
        self._threshold = gc.get_threshold()
        self._was_enabled = gc.isenabled()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.check)
        gc.disable()
        self._timer.start()

    def check(self) -> int:
        """Collect the oldest generation whose count passed its threshold (and the younger
        ones with it), as Python's automatic collection would; returns how many objects
        were unreachable."""
        counts = gc.get_count()
        for generation in (2, 1, 0):
            if counts[generation] > self._threshold[generation]:
                return gc.collect(generation)
        return 0

    def stop(self) -> None:
        """Collect everything left on this thread, and give collection back to Python."""
        self._timer.stop()
        gc.collect()
        if self._was_enabled:
            gc.enable()
