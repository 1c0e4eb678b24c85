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
