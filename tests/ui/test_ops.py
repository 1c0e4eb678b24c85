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
