"""The one background-operation helper: every write runs on a single worker thread.

Anki's CollectionOp and Picard's thread helper in one small module. ``ops.write(fn, *args)``
runs ``fn(session, *args)`` inside ``store.write()`` on the worker, so writes never overlap and
the UI never waits on the disk; the result or the error comes back on the UI thread through
Qt signals. Every committed write is then announced as an ``OpChanges`` (Anki's name): the
tables it wrote, so each page re-reads only when a table it shows changed (``changed``);
writes made beside ``Ops`` (the background sync's pull) are announced the same way by
``announce_writes_elsewhere``. A ``UserError`` (bad input, disk full, ...) arrives as its Danish message; anything
unexpected is logged and reported in plain words, never as a traceback.

What a page shows is read on the store's own reader threads beside the writer
(``read_task``), the answers of reads overtaken by newer ones dropped (``Latest``); the UI
thread does not wait on the disk to paint. Other work (the network: enrolling) goes through
``run_task`` (Picard's name), a pool of its own, so a slow network holds up neither a save
nor a read; answers come back to the UI thread the same way.
"""

from __future__ import annotations

import itertools
import logging
import traceback
from collections.abc import Callable, Iterable
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Signal

from consultant_app.errors import UserError, ValidationError
from consultant_app.store import ALL_TABLES, Store

from .i18n import tr, translate_message

log = logging.getLogger(__name__)


class OpFailure:
    """What went wrong, ready to show: a summary and, for validation, each field's problem."""

    def __init__(self, summary: str, field_problems: dict[str, list[str]] | None = None,
                 unexpected: bool = False):
        self.summary = summary
        self.field_problems = field_problems or {}
        self.unexpected = unexpected  # a bug or a broken disk, not bad input: it is logged

    @classmethod
    def from_exception(cls, exc: BaseException) -> OpFailure:
        if isinstance(exc, ValidationError):
            by_field: dict[str, list[str]] = {}
            for p in exc.problems:
                by_field.setdefault(p.field, []).append(translate_message(p.message))
            lines = [f"{p.field_text(tr)}: "
                     f"{translate_message(p.message)}" for p in exc.problems]
            return cls("\n".join(lines), by_field)
        if isinstance(exc, UserError):
            return cls(translate_message(exc.message))
        log.error("unexpected error in background operation:\n%s",
                  "".join(traceback.format_exception(exc)))
        return cls(tr(
            "ops", "Der skete en uventet fejl, og intet blev gemt. Fejlen er skrevet i loggen."),
            unexpected=True)


@dataclass(frozen=True)
class OpChanges:
    """What a write changed: the store tables it wrote (``ALL_TABLES`` when a statement's
    table could not be told, which counts as every table)."""

    tables: frozenset[str]

    def touches(self, tables: Iterable[str]) -> bool:
        """Whether any of ``tables`` may have changed."""
        return ALL_TABLES in self.tables or not self.tables.isdisjoint(tables)

    def __or__(self, other: OpChanges | None) -> OpChanges:
        return self if other is None else OpChanges(self.tables | other.tables)

    def __bool__(self) -> bool:
        return bool(self.tables)


@dataclass(frozen=True)
class _Written:
    """A write's result with what it changed, from the worker to ``Ops._deliver``."""

    result: Any
    changes: OpChanges


Handler = Callable[[Any, Any, "OpFailure | None"], None]


class _Relay(QObject):
    """Carries a finished operation back to the UI thread (a queued signal).

    The worker gets the job and a number only: what the answer is for (the callbacks, which
    hold the widgets that asked, and the job itself) stays here, on the UI thread, and is let
    go here. Were the worker the last to hold a widget's Python object, the widget would be
    destroyed on the worker thread, which Qt does not survive (a window closed while its read
    was out). One relay serves the whole program and lives as long as it, for the same
    reason: a worker never holds the last reference to it either."""

    done = Signal(int, object, object)  # number, result, failure

    def __init__(self) -> None:
        super().__init__()
        self._waiting: dict[int, tuple[Handler, Any, Callable[[], Any]]] = {}
        self._numbers = itertools.count()
        self.done.connect(self._arrived)

    def post(self, executor: Executor, job: Callable[[], Any], callbacks: Any,
             handler: Handler) -> None:
        """Run ``job`` on ``executor``; ``handler(callbacks, result, failure)`` is called on
        the UI thread when it is done. Call from the UI thread."""
        number = next(self._numbers)
        self._waiting[number] = (handler, callbacks, job)
        handed = [job]
        del job
        done = self.done

        def run() -> None:
            work = handed.pop()
            failure = None
            try:
                result = work()
            except BaseException as exc:  # noqa: BLE001 - reported on the UI thread
                result, failure = None, OpFailure.from_exception(exc)
            del work  # the worker holds nothing of the job past here (the class doc)
            done.emit(number, result, failure)
        waiting = self._waiting

        def cancelled(future: Future[None]) -> None:
            # A job cancelled before it ran (a store's queued reads at shutdown, cancelled
            # on the UI thread) never answers: what it was for is let go here.
            if future.cancelled():
                waiting.pop(number, None)
        executor.submit(run).add_done_callback(cancelled)

    def _arrived(self, number: int, result: Any, failure: OpFailure | None) -> None:
        handler, callbacks, _job = self._waiting.pop(number)
        handler(callbacks, result, failure)


_relay: _Relay | None = None


def _the_relay() -> _Relay:
    """The program's relay, made on first use (on the UI thread, where its answers land)."""
    global _relay
    if _relay is None:
        _relay = _Relay()
    return _relay


def _call_back(callbacks: Any, result: Any, failure: OpFailure | None) -> None:
    on_done, on_error, context = callbacks
    if context is not None and not shiboken6.isValid(context):
        return  # the widget that asked is gone (a window closed meanwhile)
    if failure is None:
        if on_done is not None:
            on_done(result)
    elif on_error is not None:
        on_error(failure)


_tasks: ThreadPoolExecutor | None = None


def run_task(fn: Callable[..., Any], *args: Any,
             on_done: Callable[[Any], None] | None = None,
             on_error: Callable[[OpFailure], None] | None = None,
             context: QObject | None = None) -> None:
    """Run ``fn(*args)`` off the UI thread (work that is not the store's: the network);
    ``on_done(result)`` or ``on_error(OpFailure)`` is called on the UI thread, and not at all
    once ``context`` is deleted. Call from the UI thread."""
    global _tasks
    if _tasks is None:
        _tasks = ThreadPoolExecutor(max_workers=2, thread_name_prefix="task")
    _the_relay().post(_tasks, lambda: fn(*args), (on_done, on_error, context), _call_back)


class Latest:
    """Reads asked for one purpose (a list's ids, the record on show), of which only the
    newest answer is applied: one still on its way when another is asked for is stale
    (another record chosen, the filter typed on) and is dropped."""

    def __init__(self, ops: Ops, context: QObject):
        self._ops = ops
        self._context = context
        self._asked = 0
        self.waiting = False  # the newest read has not answered yet

    def read(self, fn: Callable[..., Any], *args: Any, on_done: Callable[[Any], None],
             on_error: Callable[[OpFailure], None] | None = None) -> None:
        """``fn(session, *args)`` off the UI thread (``Ops.read_task``); ``on_done`` gets
        its answer unless a newer read was asked for meanwhile."""
        self._asked += 1
        asked = self._asked
        self.waiting = True

        def newest(callback: Callable[[Any], None] | None, value: Any) -> None:
            if asked != self._asked:
                return
            self.waiting = False
            if callback is not None:
                callback(value)
        self._ops.read_task(fn, *args, on_done=lambda r: newest(on_done, r),
                            on_error=lambda f: newest(on_error, f), context=self._context)

    def drop(self) -> None:
        """Drop the answer on its way (what it was for is gone)."""
        self._asked += 1
        self.waiting = False


class Ops(QObject):
    """Runs reads and writes for the UI off the UI thread, writes one at a time."""

    started = Signal()
    finished = Signal()
    failed = Signal(str)
    changed = Signal(object)  # OpChanges: a write committed; before its on_done is called

    def __init__(self, store: Store, parent: QObject | None = None):
        super().__init__(parent)
        self.store = store
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="store-writer")
        # Reads beside the writer, on threads of this store's own: not run_task's pool, where
        # a slow network call (an enrollment) would hold up every page's reads behind it.
        self._readers = ThreadPoolExecutor(max_workers=2, thread_name_prefix="store-reader")
        self.pending = 0
        self._closed = False
        self._generation_seen = store.generation  # for announce_writes_elsewhere

    def write(self, fn: Callable[..., Any], *args: Any,
              on_done: Callable[[Any], None] | None = None,
              on_error: Callable[[OpFailure], None] | None = None) -> None:
        """Run ``fn(session, *args)`` in one write transaction on the worker; once it has
        committed, ``changed`` announces the tables it wrote, then ``on_done`` is called."""
        def job() -> Any:
            with self.store.write() as session:
                # The store notes each flushed table in this set, the commit's flush too.
                touched = session.info.setdefault("touched", set())
                result = fn(session, *args)
            return _Written(result, OpChanges(frozenset(touched)))
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
        _the_relay().post(self._writer, job, (on_done, on_error, None), self._deliver)

    def _deliver(self, callbacks: Any, result: Any, failure: OpFailure | None) -> None:
        self.pending -= 1
        if failure is not None:
            self.failed.emit(failure.summary)
        if isinstance(result, _Written):
            # The pages re-read first, so the writer's on_done finds its lists current
            # (a record just created can be chosen in its list).
            result, changes = result.result, result.changes
            if changes:
                self.changed.emit(changes)
        _call_back(callbacks, result, failure)
        self.finished.emit()

    def read_task(self, fn: Callable[..., Any], *args: Any,
                  on_done: Callable[[Any], None] | None = None,
                  on_error: Callable[[OpFailure], None] | None = None,
                  context: QObject | None = None) -> None:
        """Run ``fn(session, *args)`` in a read transaction on this store's reader threads,
        beside the writer, so a read never waits behind a save nor holds up the UI thread; the answer
        comes back on the UI thread, and not at all once ``context`` is deleted. It sees
        every write announced so far (``changed`` follows the commit). Counted in
        ``pending`` like the writer's work, so a test can wait for it."""
        if self._closed:
            log.debug("read asked for after the store's worker stopped: not run")
            return
        self.pending += 1

        def answer(callback: Callable[[Any], None] | None, value: Any) -> None:
            self.pending -= 1
            if callback is not None and (context is None or shiboken6.isValid(context)):
                callback(value)
        _the_relay().post(self._readers, lambda: self._read_now(fn, args),
                          (lambda r: answer(on_done, r), lambda f: answer(on_error, f), None),
                          _call_back)

    def _read_now(self, fn: Callable[..., Any], args: tuple[Any, ...]) -> Any:
        with self.store.read() as session:
            return fn(session, *args)

    def announce_writes_elsewhere(self) -> OpChanges:
        """Announce on ``changed`` the tables written since the last call by writers other
        than ``write`` (the background sync's pull, on its own thread), and return them.
        The store's table generations say which; a table this helper wrote meanwhile is
        announced again, which costs a page one extra re-read. Call from the UI thread."""
        tables, self._generation_seen = self.store.tables_written_since(self._generation_seen)
        changes = OpChanges(tables)
        if changes:
            self.changed.emit(changes)
        return changes

    def run_sync_read(self, fn: Callable[..., Any], *args: Any) -> Any:
        """A read on the calling thread. The desktop has one such, on purpose: a list
        model's value asked for by code before its row's page came (``BackgroundIdTableModel.
        value``), which code acts on at once; what a page shows is read with ``read_task``."""
        with self.store.read() as session:
            return fn(session, *args)

    def shutdown(self) -> None:
        """Finish queued writes, then stop the worker (called on quit); work asked for
        after this is not run."""
        self._closed = True
        self._writer.shutdown(wait=True)
        # Reads in flight end on their own (a read of a closed store fails, and its answer
        # goes nowhere); none queued is worth waiting for on quit.
        self._readers.shutdown(wait=False, cancel_futures=True)
