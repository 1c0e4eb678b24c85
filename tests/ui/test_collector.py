"""Qt objects in reference cycles are destroyed on the GUI thread, also when a worker thread's
allocations are what would trigger Python's cycle collector (ui/collector.py)."""

from __future__ import annotations

import gc
import threading
import weakref

from PySide6.QtCore import QObject

from ui.collector import GuiThreadCollector

_KEEP: list[weakref.ref] = []


def _garbage_qobject_in_a_cycle(destroyed_on: list[str]) -> None:
    """A QObject that only the cycle collector frees; ``destroyed_on`` gets the name of the
    thread that frees it (the wrapper owns the C++ object, so both go together)."""
    obj = QObject()
    obj.me = obj
    _KEEP.append(weakref.ref(
        obj, lambda _ref: destroyed_on.append(threading.current_thread().name)))


def _cycles_on_this_thread(n: int = 2000) -> None:
    """Garbage that counts towards generation 0's threshold until it is collected."""
    for _ in range(n):
        cycle: list = []
        cycle.append(cycle)


def _allocate_on_a_worker() -> None:
    def churn() -> None:
        for _ in range(50):
            junk = [[i] for i in range(2000)]  # crosses generation 0's threshold many times
            del junk
    worker = threading.Thread(target=churn, name="worker")
    worker.start()
    worker.join()


def test_a_qobject_in_a_cycle_is_destroyed_on_the_gui_thread(qtbot) -> None:
    enabled_before = gc.isenabled()  # off already: the suite's own collector (conftest)
    collector = GuiThreadCollector(interval_ms=10)
    try:
        destroyed_on: list[str] = []
        _garbage_qobject_in_a_cycle(destroyed_on)
        _allocate_on_a_worker()
        assert destroyed_on == []  # the worker's allocations collected nothing
        _cycles_on_this_thread()
        qtbot.waitUntil(lambda: destroyed_on != [], timeout=5000)
        assert destroyed_on == [threading.current_thread().name]
    finally:
        collector.stop()
    assert gc.isenabled() == enabled_before


def test_without_it_python_collects_on_the_allocating_thread() -> None:
    """The hazard the collector removes, shown with Python's own automatic collection (so
    the test above fails without the collector rather than passing by chance)."""
    assert gc.isenabled()
    destroyed_on: list[str] = []
    _garbage_qobject_in_a_cycle(destroyed_on)
    _allocate_on_a_worker()
    assert destroyed_on == ["worker"]


def test_stop_collects_what_is_left(qtbot) -> None:
    collector = GuiThreadCollector(interval_ms=60_000)
    destroyed_on: list[str] = []
    _garbage_qobject_in_a_cycle(destroyed_on)
    _allocate_on_a_worker()
    assert destroyed_on == []
    collector.stop()
    assert destroyed_on == [threading.current_thread().name]
