"""Driving the desktop in tests: waiting for background work, showing a page, the records a
test adds through the services, and the pictures tests write for a person to look at."""

from __future__ import annotations

import datetime as dt
import os
import sys
import threading
import traceback
from pathlib import Path
from collections.abc import Iterator
from typing import TypeVar

from PySide6.QtWidgets import QApplication, QTabWidget, QWidget
from sqlalchemy import select

from consultant_app import services
from consultant_app.store import Store
from consultant_app.store.models import Match
from ui.ops import Ops
from ui.views import Page

ROOT = Path(__file__).resolve().parents[2]
SHOTS = Path(os.environ.get("SCREENSHOT_DIR", ROOT / "var" / "screenshots"))
TODAY = dt.date.today()
W = TypeVar("W", bound=QWidget)


def settle(qtbot, ops: Ops) -> None:  # type: ignore[no-untyped-def]
    """Wait until every queued read and write has come back to the UI thread. A bound on
    waiting, not on speed: a worker's first read may pay the lazy imports behind it while
    the other worker runs (one clean-clone run in three waited past 5 s here)."""
    try:
        qtbot.waitUntil(lambda: ops.pending == 0, timeout=20_000)
    except qtbot.TimeoutError:
        # A read or write that never came back is a stall, not slowness: say where every
        # thread is, so a failure in a CI run shows its cause.
        raise AssertionError(f"{ops.pending} background operation(s) did not come back:\n"
                             f"{_thread_stacks()}") from None


def _thread_stacks() -> str:
    names = {t.ident: t.name for t in threading.enumerate()}
    return "\n".join(f"--- thread {names.get(ident, ident)}\n"
                     + "".join(traceback.format_stack(frame))
                     for ident, frame in sys._current_frames().items())


def show_page(page: W, ops: Ops, qtbot, size: tuple[int, int] = (1200, 800)  # type: ignore[no-untyped-def]
              ) -> W:
    """A page on its own, shown at ``size`` with its first reads done."""
    qtbot.addWidget(page)
    page.resize(*size)
    page.show()
    qtbot.waitExposed(page)
    settle(qtbot, ops)
    return page


def open_first_record(page: Page, qtbot, ops, store: Store) -> None:  # type: ignore[no-untyped-def]
    """A page with a record open shows all its parts and enables its actions (an employer's
    tabs are disabled without one; a match in the middle of the pipeline can move both
    ways)."""
    lst = getattr(page, "list", None)
    if page.page_key == "matches":
        with store.read() as s:
            match_id = s.scalar(select(Match.id).where(Match.status == "presented"))
        assert match_id is not None
        page.open_item(match_id)
    elif lst is not None:
        qtbot.waitUntil(lambda: lst._loaded, timeout=10000)
        if lst.model.rowCount():
            page.open_item(lst.model.id_at(0))
    settle(qtbot, ops)


def tab_states(page: Page) -> Iterator[str]:
    """Every tab of every visible tab widget of the page shown in turn."""
    yield "start"
    for tabs in page.findChildren(QTabWidget):
        if not tabs.isVisible():
            continue
        for i in range(tabs.count()):
            if tabs.isTabEnabled(i):
                tabs.setCurrentIndex(i)
                yield f"{tabs.accessibleName()} tab {i}"
        tabs.setCurrentIndex(0)


def make_employer(store: Store, name: str = "Testvirksomhed ApS", cvr: str = "13585628",
                  **extra: object) -> str:
    with store.write() as s:
        return services.create_employer(s, {"name": name, "cvr": cvr, **extra}).id


def log_visit(store: Store, employer_id: str, **data: object) -> str:
    with store.write() as s:
        return services.log_visit(s, employer_id, data).id


def shoot(widget: QWidget, name: str, folder: str = "") -> Path:
    """Write what ``widget`` shows to ``<SHOTS>/<folder>/<name>.png`` (SCREENSHOT_DIR or
    var/screenshots) after the events already queued are handled."""
    QApplication.processEvents()
    target = SHOTS / folder
    target.mkdir(parents=True, exist_ok=True)
    path = target / f"{name}.png"
    assert widget.grab().save(str(path))
    return path
