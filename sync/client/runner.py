"""The background sync: a plain thread (no Qt), so the desktop never waits on the network.

It syncs on a timer, at once when asked (``sync_now``), and when the network comes back: while
the service does not answer it probes it every few seconds and syncs on the first answer.
After a failure that may pass (offline, not answering, a server error) it waits with
exponential backoff and jitter; after one that needs the consultant (token refused, revoked,
not enrolled) it waits for ``sync_now``. ``stop()`` ends it cleanly between steps: an HTTP
call in flight finishes or times out, and a page being applied commits or rolls back whole.

Listeners get a ``SyncStatus`` after every change, on the runner's thread; the desktop's
bridge (ui/sync_bridge.py) forwards them to the UI thread as a Qt signal.
"""

from __future__ import annotations

import datetime as dt
import logging
import random
import threading
from dataclasses import dataclass, replace
from typing import Callable

from consultant_app.queries import outbox_count
from consultant_app.store import Store
from consultant_app.text import Message

from . import credentials
from .engine import SyncEngine, SyncReport
from .errors import (
    CTX,
    NotEnrolled,
    Offline,
    ServerUnreachable,
    SyncError,
    unexpected_sync_error,
)
from .progress import ProgressClock

log = logging.getLogger(__name__)

INTERVAL = 300.0       # a routine sync every 5 minutes
PROBE_INTERVAL = 5.0   # while offline: is the service back?
BACKOFF_START = 2.0
BACKOFF_MAX = 300.0


@dataclass(frozen=True)
class SyncStatus:
    enrolled: bool = False
    online: bool | None = None        # None: not known yet
    running: bool = False
    phase: str = ""                   # push | upload | pull while running
    done: int = 0
    total: int | None = None          # of the phase, when known (sync.client.progress)
    seconds_left: float | None = None  # of the phase, once there is a pace to go by
    waiting: int = 0                  # outbox entries not yet sent
    last_success: dt.datetime | None = None
    last_error: Message | None = None  # None after a successful sync; shown translated
    error_kind: str = ""              # errors.SyncError.kind
    server_url: str = ""
    last_report: SyncReport | None = None


_JITTER = random.Random()


def backoff_delay(failures: int, rng: random.Random = _JITTER) -> float:
    """Exponential backoff with jitter: between half and all of 2, 4, 8 ... seconds, at
    most BACKOFF_MAX, so devices that failed together do not retry together."""
    cap = min(BACKOFF_MAX, BACKOFF_START * (2 ** max(0, failures - 1)))
    return cap / 2 + rng.random() * cap / 2


def read_status(store: Store) -> SyncStatus:
    """What the store says, before any sync in this session has run."""
    enrollment = credentials.load(store)
    last = store.meta(credentials.LAST_SUCCESS)
    with store.read() as s:
        waiting = outbox_count(s)
    reason = store.meta(credentials.REVOKED_REASON)
    return SyncStatus(enrolled=enrollment is not None, waiting=waiting,
                      last_success=dt.datetime.fromisoformat(last) if last else None,
                      server_url=enrollment.server_url if enrollment else "",
                      last_error=Message(CTX, reason) if enrollment is None and reason
                      else None,
                      error_kind="revoked" if enrollment is None and reason else "")


class SyncRunner:
    def __init__(self, engine: SyncEngine, interval: float = INTERVAL,
                 probe_interval: float = PROBE_INTERVAL):
        self.engine = engine
        self.interval = interval
        self.probe_interval = probe_interval
        self._listeners: list[Callable[[SyncStatus], None]] = []
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._manual = False
        self.status = read_status(engine.store)

    # -- observing -----------------------------------------------------------------------
    def subscribe(self, listener: Callable[[SyncStatus], None]) -> None:
        self._listeners.append(listener)
        listener(self.status)

    def _publish(self, **changes: object) -> None:
        with self._lock:
            self.status = replace(self.status, **changes)  # type: ignore[arg-type]
            status = self.status
        for listener in list(self._listeners):
            try:
                listener(status)
            except Exception:  # a listener must not stop the sync
                log.exception("sync listener failed")

    def refresh_waiting(self) -> None:
        """Count the outbox again (after a local write) and tell the listeners."""
        with self.engine.store.read() as s:
            self._publish(waiting=outbox_count(s))

    # -- control -------------------------------------------------------------------------
    def start(self) -> None:
        if self._thread is not None:
            return
        self._thread = threading.Thread(target=self._run, name="sync-runner", daemon=True)
        self._thread.start()

    def sync_now(self) -> None:
        self._manual = True
        self._wake.set()

    def enrolled(self) -> None:
        """After an enrollment: sync at once."""
        self._publish(**vars(read_status(self.engine.store)))
        self.sync_now()

    def stop(self, timeout: float = 15.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
            if self._thread.is_alive():
                log.warning("sync thread still busy after %.0f s; left to finish", timeout)
                return
            self._thread = None
        self.engine.close()

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    # -- the loop ------------------------------------------------------------------------
    def _run(self) -> None:
        failures = 0
        waiting_for_user = False
        delay = 0.0  # the first sync at once
        while not self._stop.is_set():
            if delay > 0:
                self._wake.wait(delay)
            if self._stop.is_set():
                break
            manual = self._manual or self._wake.is_set()
            self._wake.clear()
            self._manual = False
            if waiting_for_user and not manual:
                delay = self.interval
                continue
            if failures and not manual and self.status.online is False:
                # Offline: a cheap probe first; the full sync only when the service answers.
                if not self._probe():
                    delay = min(self.probe_interval, backoff_delay(failures))
                    continue
            ok, retry = self._sync_once("manual" if manual else
                                        ("network" if failures else "timer"))
            if ok:
                failures, waiting_for_user = 0, False
                delay = self.interval
            elif retry:
                failures += 1
                waiting_for_user = False
                delay = backoff_delay(failures)
            else:
                failures, waiting_for_user = 0, True
                delay = self.interval

    def _probe(self) -> bool:
        enrollment = credentials.load(self.engine.store)
        if enrollment is None:
            return False
        try:
            return self.engine.transport(enrollment.server_url, enrollment.token).probe()
        except SyncError:
            return False

    def _sync_once(self, trigger: str) -> tuple[bool, bool]:
        """One sync; (succeeded, worth retrying by itself)."""
        self._publish(running=True, phase="", done=0, total=None, seconds_left=None)
        clock = ProgressClock()

        last_phase = [""]

        def progress(phase: str, done: int, total: int | None) -> None:
            now = clock.report(phase, done, total)
            if last_phase[0] == "push" and phase != "push":
                # The push is over: what it sent is no longer waiting, though the pull may
                # run for minutes more (a first sync).
                with self.engine.store.read() as s:
                    self._publish(waiting=outbox_count(s))
            last_phase[0] = phase
            self._publish(phase=phase, done=done, total=total, seconds_left=now.seconds_left)
        try:
            report = self.engine.sync(trigger, progress)
        except SyncError as exc:
            online = not isinstance(exc, (Offline, ServerUnreachable, NotEnrolled))
            self._publish(**{**vars(read_status(self.engine.store)), "running": False,
                             "phase": "", "online": online, "last_error": exc.message,
                             "error_kind": exc.kind})
            return False, exc.retry
        except Exception as exc:  # noqa: BLE001 - logged; the loop goes on
            log.exception("sync failed unexpectedly")
            self._publish(running=False, phase="", last_error=unexpected_sync_error(exc),
                          error_kind="unexpected")
            return False, True
        status = read_status(self.engine.store)
        self._publish(**{**vars(status), "running": False, "phase": "", "online": True,
                         "last_error": None, "error_kind": "", "last_report": report})
        return True, False
