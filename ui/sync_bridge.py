"""The desktop's window on the background sync: ``SyncRunner`` runs on its own thread and
reports ``SyncStatus`` objects; this bridge re-emits them as a queued Qt signal, so widgets
only ever see them on the UI thread. Enrollment (a network call) and the outbox count run
through ``ops.run_task`` and report back the same way."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from consultant_app.text import format_moment

if TYPE_CHECKING:  # the engine (httpx, pydantic) is imported when sync starts, not before
    from sync.client import SyncRunner, SyncStatus

from .i18n import tr
from .ops import OpFailure, run_task, translate_message

SYNC_BRIDGE_CTX = "SyncBridge"

AFTER_CHANGE_MS = 10_000  # a local change is sent this long after the last one


class SyncBridge(QObject):
    status_changed = Signal(object)      # SyncStatus
    enrolled = Signal(object)            # engine.EnrollResult
    enroll_failed = Signal(str)          # Danish message

    def __init__(self, runner: SyncRunner, parent: QObject | None = None):
        super().__init__(parent)
        self.runner = runner
        self.status: SyncStatus = runner.status
        self.status_changed.connect(self._remember)
        # Emitting from the runner's thread queues the call onto this object's (UI) thread.
        runner.subscribe(self.status_changed.emit)
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.setInterval(AFTER_CHANGE_MS)
        self._soon.timeout.connect(self._sync_if_running)

    @classmethod
    def for_store(cls, store, parent: QObject | None = None) -> "SyncBridge":  # type: ignore[no-untyped-def]
        from sync.client import SyncEngine, SyncRunner
        return cls(SyncRunner(SyncEngine(store)), parent)

    def _remember(self, status: SyncStatus) -> None:
        self.status = status

    def start(self) -> None:
        self.runner.start()

    def stop(self) -> None:
        self._soon.stop()
        self.runner.stop()

    def sync_now(self) -> None:
        self.runner.start()
        self.runner.sync_now()

    def local_change(self) -> None:
        """After a background operation: the waiting count is read again, and when it grew
        (a write, not a read) a sync follows a little after the last of a burst."""
        run_task(self._count, on_done=self._counted,
                 on_error=lambda _f: None,  # logged; a count is not worth an error dialog
                 context=self)

    def _sync_if_running(self) -> None:
        if self.runner.running and self.status.enrolled:
            self.runner.sync_now()

    def _count(self) -> tuple[int, int]:
        before = self.runner.status.waiting
        self.runner.refresh_waiting()
        return before, self.runner.status.waiting

    def _counted(self, counts: tuple[int, int]) -> None:
        before, after = counts
        if after > before:
            self._soon.start()

    def enroll(self, server_url: str, code: str) -> None:
        """Enroll the device (a network call, off the UI thread); then sync at once."""
        def work() -> Any:
            result = self.runner.engine.enroll(server_url, code)
            self.runner.enrolled()
            self.runner.start()
            return result
        run_task(work, on_done=self.enrolled.emit, on_error=self._enroll_failed, context=self)

    def _enroll_failed(self, failure: OpFailure) -> None:
        self.enroll_failed.emit(tr(SYNC_BRIDGE_CTX, "Tilmeldingen fejlede uventet; fejlen er skrevet i "
                                        "loggen.") if failure.unexpected else failure.summary)


# The status bar's and the Sync page's words. Written as tr(CTX, "…") with literal text so
# the catalogue's updater finds them: behind a one-argument wrapper it cannot see them, nor
# can the translation test that compares the catalogue with what the updater finds.
CTX = "sync"


def local_time(stamp) -> str:  # type: ignore[no-untyped-def]
    """A stored UTC stamp as local time, the way the consultant reads a clock."""
    return format_moment(stamp, translate=tr)


def state_line(status: SyncStatus) -> str:
    """Online/offline in a few words (the status bar's first part)."""
    if not status.enrolled:
        if status.error_kind == "revoked":
            return tr(CTX, "Enheden er spærret")
        return tr(CTX, "Offline – ikke tilmeldt en central")
    if status.running:
        phase = {"push": tr(CTX, "sender"), "upload": tr(CTX, "sender aftaler"),
                 "pull": tr(CTX, "henter")}.get(status.phase, "")
        return (tr(CTX, "Synkroniserer – {phase} {progress}").format(
                    phase=phase, progress=progress_line(status))
                if phase else tr(CTX, "Synkroniserer …"))
    if status.online is None:
        return tr(CTX, "Tilmeldt – ikke synkroniseret endnu i dag")
    if status.online:
        return tr(CTX, "Online")
    if status.error_kind == "offline":
        return tr(CTX, "Offline")
    return tr(CTX, "Offline – tjenesten svarer ikke")


def progress_line(status: SyncStatus) -> str:
    """Done, left and time left of the running phase, as far as they are known."""
    from sync.client.progress import PhaseProgress, progress_text
    return translate_message(progress_text(PhaseProgress(
        status.phase, status.done, status.total, status.seconds_left)))


def summary(status: SyncStatus, with_error: bool = True) -> str:
    """The whole state in one line: online/offline, last success, last error (not with
    ``with_error`` False: where the error has a line of its own)."""
    parts = [state_line(status)]
    if status.last_success is not None:
        parts.append(tr(CTX, "sidst synkroniseret {when}").format(when=local_time(status.last_success)))
    elif status.enrolled:
        parts.append(tr(CTX, "aldrig synkroniseret"))
    if with_error and status.last_error and not status.running:
        parts.append(tr(CTX, "fejl: {error}").format(
            error=translate_message(status.last_error)))
    return " · ".join(parts)
