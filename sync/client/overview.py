"""What the device knows about its syncing, read for the Sync page and the command line.

``run_history`` is the list of sync attempts (``consultant-app sync history``, the page's
history tab); ``sync_overview`` is everything the Sync page shows in one read.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from consultant_app.queries import outbox_count
from consultant_app.store.models import SyncRun
from consultant_app.text import Message

from .conflicts import ConflictView, WaitingItem, list_conflicts, waiting_items
from .errors import error_of_run
from .quarantine import QuarantineView, list_quarantine

HISTORY_ROWS = 100


@dataclass(frozen=True)
class RunView:
    """One sync attempt; ``finished_at`` is None while it runs."""

    id: int
    started_at: dt.datetime
    finished_at: dt.datetime | None
    trigger: str
    ok: bool
    pushed: int
    pulled: int
    uploaded: int
    conflicts: int
    error: str  # in Danish; ``reason`` to show it in the reader's language
    reason: Message | None


def run_history(session: Session, limit: int = HISTORY_ROWS) -> list[RunView]:
    """The latest sync attempts, newest first."""
    runs = session.scalars(select(SyncRun).order_by(SyncRun.id.desc()).limit(limit))
    return [RunView(r.id, r.started_at, r.finished_at, r.trigger, bool(r.ok), r.pushed or 0,
                    r.pulled or 0, r.uploaded or 0, r.conflicts or 0,
                    str(reason) if (reason := error_of_run(r.error)) else "", reason)
            for r in runs]


@dataclass(frozen=True)
class SyncOverview:
    waiting: list[WaitingItem]
    waiting_total: int
    conflicts: list[ConflictView]
    history: list[RunView]
    set_aside: list[QuarantineView]


def sync_overview(session: Session) -> SyncOverview:
    """What waits to be sent, the open conflicts, the history and what was set aside."""
    return SyncOverview(waiting_items(session), outbox_count(session), list_conflicts(session),
                        run_history(session), list_quarantine(session))
