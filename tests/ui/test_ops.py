"""The background helper on the way out: a read or write asked for after ``shutdown`` (a
list's reload timer firing while the window closes) is not run and raises nothing into the
Qt event loop. Before, it raised "cannot schedule new futures after shutdown" from a timer,
which pytest-qt caught in a later test's set-up."""

from __future__ import annotations

import logging

from sqlalchemy import func, select

from consultant_app.store.models import Employer
from ui.ops import Ops


def test_work_asked_for_after_shutdown_is_not_run_and_raises_nothing(demo_store, qtbot, caplog):
    ops = Ops(demo_store)
    counted: list[int] = []
    ops.read(lambda s: s.scalar(select(func.count()).select_from(Employer)),
             on_done=counted.append)
    qtbot.waitUntil(lambda: ops.pending == 0, timeout=10_000)
    assert counted and counted[0] > 0
    ops.shutdown()
    with caplog.at_level(logging.WARNING, logger="ui.ops"):
        ops.read(lambda s: 1, on_done=counted.append)
        ops.write(lambda s: None)
    qtbot.wait(50)
    assert len(counted) == 1 and ops.pending == 0
    assert any("write" in r.getMessage() for r in caplog.records)


def test_run_task_runs_off_the_ui_thread_and_answers_on_it(qtbot) -> None:
    """Work that is not the store's (enrolling over the network) runs on the task pool, not
    on a thread of its own, and its answer arrives on the UI thread."""
    import threading

    from ui.ops import run_task
    ran_on: list[str] = []
    answered_on: list[str] = []

    def work(x: int) -> int:
        ran_on.append(threading.current_thread().name)
        return x * 2
    results: list[int] = []
    run_task(work, 21, on_done=lambda r: (answered_on.append(
        threading.current_thread().name), results.append(r)))
    qtbot.waitUntil(lambda: results == [42], timeout=10_000)
    assert ran_on[0].startswith("task") and answered_on == [threading.main_thread().name]


def test_run_task_reports_a_failure_in_plain_words_and_not_to_a_closed_widget(qtbot, caplog):
    import shiboken6
    from PySide6.QtWidgets import QWidget

    from consultant_app.errors import UserError
    from consultant_app.text import Message
    from ui.ops import run_task

    def broken() -> None:
        raise RuntimeError("a bug")

    def refused() -> None:
        raise UserError(Message("ops", "Koden er udløbet."))
    failures = []
    with caplog.at_level(logging.ERROR, logger="ui.ops"):
        run_task(broken, on_error=failures.append)
        qtbot.waitUntil(lambda: len(failures) == 1, timeout=10_000)
    assert failures[0].unexpected and "uventet fejl" in failures[0].summary
    assert any("a bug" in r.getMessage() for r in caplog.records)  # the traceback is logged
    run_task(refused, on_error=failures.append)
    qtbot.waitUntil(lambda: len(failures) == 2, timeout=10_000)
    assert not failures[1].unexpected and failures[1].summary == "Koden er udløbet."

    from ui.ops import _call_back
    gone = QWidget()
    shiboken6.delete(gone)  # the window closed while the work ran
    late: list[object] = []
    _call_back((late.append, late.append, gone), 1, None)
    assert late == []


class _SlowToLetGo:
    """Freed with the failed read's frame, on the worker, and slow about it: the worker is
    still busy letting go of the read's traceback when the UI thread has the answer."""

    def __del__(self) -> None:
        import time
        time.sleep(0.3)


def _failing_read(session):  # type: ignore[no-untyped-def]
    keep = _SlowToLetGo()  # noqa: F841 - freed with this frame
    raise ValueError("a broken read")


def test_a_widget_let_go_while_its_read_is_out_is_destroyed_on_the_ui_thread(
        demo_store, ops, qtbot, caplog) -> None:
    """A page closed while its read is out: the answer's callbacks then hold the widget's
    last reference. They must be let go on the UI thread: a QWidget destroyed on a worker
    thread corrupts Qt (a rare segfault in paint code, in a later test). Before, the worker
    kept the callbacks until its job's traceback was gone, so here it destroyed the widget."""
    import threading

    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QWidget

    class Asker(QWidget):
        def got(self, _answer) -> None:  # type: ignore[no-untyped-def]
            pass

    destroyed_on: list[str] = []
    asker = Asker()  # no parent: Python owns it
    asker.destroyed.connect(lambda: destroyed_on.append(threading.current_thread().name),
                            Qt.ConnectionType.DirectConnection)
    with caplog.at_level(logging.CRITICAL, logger="ui.ops"):  # the broken read is logged
        ops.read_task(_failing_read, on_done=asker.got, on_error=asker.got)
        del asker
        qtbot.waitUntil(lambda: ops.pending == 0, timeout=10_000)
        qtbot.waitUntil(lambda: destroyed_on != [], timeout=10_000)
    assert destroyed_on == [threading.main_thread().name]


def test_reads_cancelled_at_shutdown_let_go_of_what_they_were_for(demo_store, qtbot) -> None:
    """Reads still queued when a store's helper shuts down never run: what they were for
    (the widgets that asked) is let go, not kept by the program's relay for ever."""
    import threading

    from ui import ops as ops_module

    ops = Ops(demo_store)
    started, release = threading.Event(), threading.Event()

    def held(session):  # type: ignore[no-untyped-def]
        started.set()
        assert release.wait(10)

    waiting_before = len(ops_module._the_relay()._waiting)
    ops.read_task(held)
    ops.read_task(held)  # both reader threads busy
    queued: list[object] = []
    for _ in range(3):
        ops.read_task(lambda s: 1, on_done=queued.append)
    assert started.wait(10)
    ops.shutdown()  # cancels the three queued reads
    release.set()
    qtbot.waitUntil(lambda: len(ops_module._the_relay()._waiting) == waiting_before,
                    timeout=10_000)
    assert queued == []
