"""The one background-operation helper: every write runs on a single worker thread.

Anki's CollectionOp and Picard's thread helper in one small module. ``ops.write(fn, *args)``
runs ``fn(session, *args)`` inside ``store.write()`` on the worker, so writes never overlap and
the UI never waits on the disk; the result or the error comes back on the UI thread through
Qt signals. A ``UserError`` (bad input, disk full, ...) arrives as its Danish message; anything
unexpected is logged and reported in plain words, never as a traceback.

Work that is neither a read nor a write of the store (a network call such as enrolling the
device) goes through ``run_task`` (Picard's name): a small pool of its own, so a slow network
never holds up a save, and the same way back to the UI thread.
"""

from __future__ import annotations

import logging
import traceback
from concurrent.futures import Executor, ThreadPoolExecutor
from typing import Any, Callable

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Signal

from consultant_app.errors import UserError, ValidationError
from consultant_app.store import Store

from .i18n import translate_message

log = logging.getLogger(__name__)


class OpFailure:
    """What went wrong, ready to show: a summary and, for validation, each field's problem."""

    def __init__(self, summary: str, field_problems: dict[str, list[str]] | None = None,
                 unexpected: bool = False):
        self.summary = summary
        self.field_problems = field_problems or {}
        self.unexpected = unexpected  # a bug or a broken disk, not bad input: it is logged

    @classmethod
    def from_exception(cls, exc: BaseException) -> "OpFailure":
        if isinstance(exc, ValidationError):
            by_field: dict[str, list[str]] = {}
            for p in exc.problems:
                by_field.setdefault(p.field, []).append(translate_message(p.message))
            lines = [f"{p.field_text(QCoreApplication.translate)}: "
                     f"{translate_message(p.message)}" for p in exc.problems]
            return cls("\n".join(lines), by_field)
        if isinstance(exc, UserError):
            return cls(translate_message(exc.message))
        log.error("unexpected error in background operation:\n%s",
                  "".join(traceback.format_exception(exc)))
        return cls(QCoreApplication.translate(
            "ops", "Der skete en uventet fejl, og intet blev gemt. Fejlen er skrevet i loggen."),
            unexpected=True)


class _Relay(QObject):
    """Carries a finished operation back to the UI thread (queued signal)."""

    done = Signal(object, object, object)  # callback, result, failure

    def post(self, executor: Executor, job: Callable[[], Any], callbacks: Any) -> None:
        """Run ``job`` on ``executor``; its result or failure comes back to ``done``."""
        def run() -> None:
            try:
                result = job()
            except BaseException as exc:  # noqa: BLE001 - reported on the UI thread
                self.done.emit(callbacks, None, OpFailure.from_exception(exc))
            else:
                self.done.emit(callbacks, result, None)
        executor.submit(run)


def _call_back(callbacks: Any, result: Any, failure: OpFailure | None) -> None:
    on_done, on_error, context = callbacks
    if context is not None and not shiboken6.isValid(context):
        return  # the widget that asked is gone (a window closed meanwhile)
    if failure is None:
        if on_done is not None:
            on_done(result)
    elif on_error is not None:
        on_error(failure)


_tasks: tuple[ThreadPoolExecutor, _Relay] | None = None


def run_task(fn: Callable[..., Any], *args: Any,
             on_done: Callable[[Any], None] | None = None,
             on_error: Callable[[OpFailure], None] | None = None,
             context: QObject | None = None) -> None:
    """Run ``fn(*args)`` off the UI thread (work that is not the store's: the network);
    ``on_done(result)`` or ``on_error(OpFailure)`` is called on the UI thread, and not at all
    once ``context`` is deleted. Call from the UI thread."""
    global _tasks
    if _tasks is None:
        relay = _Relay()
        relay.done.connect(_call_back)
        _tasks = (ThreadPoolExecutor(max_workers=2, thread_name_prefix="task"), relay)
    pool, relay = _tasks
    relay.post(pool, lambda: fn(*args), (on_done, on_error, context))


class Ops(QObject):
    """Runs reads and writes for the UI off the UI thread, writes one at a time."""

    started = Signal()
    finished = Signal()
    failed = Signal(str)

    def __init__(self, store: Store, parent: QObject | None = None):
        super().__init__(parent)
        self.store = store
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="store-writer")
        self._relay = _Relay()
        self._relay.done.connect(self._deliver)
        self.pending = 0
        self._closed = False

    def write(self, fn: Callable[..., Any], *args: Any,
              on_done: Callable[[Any], None] | None = None,
              on_error: Callable[[OpFailure], None] | None = None) -> None:
        """Run ``fn(session, *args)`` in one write transaction on the worker."""
        def job() -> Any:
            with self.store.write() as session:
                return fn(session, *args)
        self._submit(job, on_done, on_error, "write")

    def read(self, fn: Callable[..., Any], *args: Any,
             on_done: Callable[[Any], None] | None = None,
             on_error: Callable[[OpFailure], None] | None = None) -> None:
        """Run ``fn(session, *args)`` in a read transaction, queued behind pending writes so
        it sees them."""
        def job() -> Any:
            with self.store.read() as session:
                return fn(session, *args)
        self._submit(job, on_done, on_error, "read")

    def _submit(self, job: Callable[[], Any], on_done: Any, on_error: Any,
                 kind: str) -> None:
        if self._closed:
            # The window is closing (a list's reload timer, a late autosave): the store is
            # closed or about to be, so the work cannot run. A read is simply not needed; a
            # write should have been flushed before shutdown (the pages' leave()), so one
            # arriving now is logged.
            (log.warning if kind == "write" else log.debug)(
                "%s asked for after the store's worker stopped: not run", kind)
            return
        self.pending += 1
        self.started.emit()
        self._relay.post(self._writer, job, (on_done, on_error, None))

    def _deliver(self, callbacks: Any, result: Any, failure: OpFailure | None) -> None:
        self.pending -= 1
        if failure is not None:
            self.failed.emit(failure.summary)
        _call_back(callbacks, result, failure)
        self.finished.emit()

    def run_sync_read(self, fn: Callable[..., Any], *args: Any) -> Any:
        """A short read on the calling thread (what a page needs to paint itself)."""
        with self.store.read() as session:
            return fn(session, *args)

    def shutdown(self) -> None:
        """Finish queued writes, then stop the worker (called on quit); work asked for
        after this is not run."""
        self._closed = True
        self._writer.shutdown(wait=True)
