"""Pushes (and enrollments) of one municipality side by side on PostgreSQL (db module doc,
"Ordering").

One push is held inside its transaction at a chosen point (a thread waiting on an event in a
wrapped step of the push); another push runs meanwhile, and the test watches whether it ends
or waits for a lock (PostgreSQL's ``pg_blocking_pids``): no timing, either outcome is
observed. Pushes of different records must not wait for each other while they read and
merge; change numbers must still be committed in their order, so a pull never steps over a
change that commits later.
"""

from __future__ import annotations

import base64
import json
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from sqlalchemy import func, select, text

from sync.protocol import Operation, OperationResult
from sync.server import admin, auth, db, migrate, service
from sync.server.auth import DeviceIdentity
from sync.server.ca import load_or_create
from sync.server.errors import ServiceError
from tests.support.server_process import PostgresUnavailable, fresh_postgres_database

TOWN = "0751"
HELD = "held"  # the name of the thread whose push is held open
_OPEN: list[threading.Event] = []  # the held pushes' release events, set when a test ends


@pytest.fixture
def engine() -> Iterator[Any]:
    try:
        with fresh_postgres_database() as url:
            _, engine = db.make_engines(url)
            migrate.upgrade(engine)
            admin.add_municipality(engine, TOWN, "Aarhus")
            try:
                yield engine
            finally:  # a failed test still lets its held push (and what waits for it) end
                for go in _OPEN:
                    go.set()
                _OPEN.clear()
            engine.dispose()
    except PostgresUnavailable as exc:
        pytest.skip(str(exc))


def device(engine: Any) -> DeviceIdentity:
    consultant = admin.add_consultant(engine, TOWN, f"Konsulent {uuid.uuid4().hex[:6]}")
    return DeviceIdentity(str(uuid.uuid4()), "active", consultant, "Konsulent", TOWN, "")


def create(entity_id: str, **values: Any) -> Operation:
    return Operation(op_id=str(uuid.uuid4()), entity="employer", entity_id=entity_id,
                     op="create", values={"name": "Firma", **values})


def edit(entity_id: str, base: int, **values: Any) -> Operation:
    return Operation(op_id=str(uuid.uuid4()), entity="employer", entity_id=entity_id,
                     op="update", base_version=base, values=values)


class Held:
    """A push in a thread of its own, held open at the wrapped step until ``release``."""

    def __init__(self, engine: Any, who: DeviceIdentity, ops: list[Operation]) -> None:
        self.inside, self.go = threading.Event(), threading.Event()
        _OPEN.append(self.go)
        self.results: list[OperationResult] = []
        self.thread = threading.Thread(target=self._run, args=(engine, who, ops), name=HELD,
                                       daemon=True)

    def _run(self, engine: Any, who: DeviceIdentity, ops: list[Operation]) -> None:
        self.results = service.push(engine, who, ops)

    def hold(self, step: Callable[..., Any]) -> Callable[..., Any]:
        """``step`` that, in the held thread (first time only), waits for ``release`` first."""
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            if threading.current_thread().name == HELD and not self.inside.is_set():
                self.inside.set()
                self.go.wait()
            return step(*args, **kwargs)
        return wrapped

    def hold_after(self, step: Callable[..., Any]) -> Callable[..., Any]:
        """``step`` that, in the held thread (first time only), waits for ``release`` after."""
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            out = step(*args, **kwargs)
            if threading.current_thread().name == HELD and not self.inside.is_set():
                self.inside.set()
                self.go.wait()
            return out
        return wrapped

    def start(self) -> None:
        self.thread.start()
        self.inside.wait()

    def release(self) -> list[OperationResult]:
        self.go.set()
        self.thread.join()
        return self.results


def run_beside(engine: Any, who: DeviceIdentity, ops: list[Operation]
               ) -> tuple[str, threading.Thread, list[list[OperationResult]]]:
    return run_beside_call(engine, lambda: service.push(engine, who, ops))


def run_beside_call(engine: Any, call: Callable[[], Any]
                    ) -> tuple[str, threading.Thread, list[Any]]:
    """Runs ``call`` in a thread: "done" if it ended, "waits" once it waits for a lock that
    another transaction holds (it is still running then: join the thread after releasing)."""
    out: list[Any] = []
    done = threading.Event()

    def run() -> None:
        out.append(call())
        done.set()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    with engine.connect() as conn:
        while not done.is_set():
            waiting = conn.execute(text(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                "AND cardinality(pg_blocking_pids(pid)) > 0")).scalar_one()
            conn.rollback()
            if waiting:
                return "waits", thread, out
            time.sleep(0.01)
    thread.join()
    return "done", thread, out


def pull(engine: Any, who: DeviceIdentity, cursor: int) -> tuple[list[dict[str, Any]], int]:
    page = json.loads(service.pull_json(engine, who, cursor, 1000))
    return page["changes"], page["next_cursor"]


def test_a_push_held_open_does_not_hold_up_a_push_of_another_record(engine, monkeypatch):
    anna, bo = device(engine), device(engine)
    service.push(engine, anna, [create("e1"), create("e2")])
    _, cursor = pull(engine, bo, 0)
    held = Held(engine, anna, [edit("e1", 1, phone="86121212")])
    monkeypatch.setattr(db, "lock_changes", held.hold(db.lock_changes))
    held.start()  # merged e1, holds its row lock, has not taken its change number yet

    outcome, _, out = run_beside(engine, bo, [edit("e2", 1, phone="86131313")])

    assert outcome == "done" and out[0][0].status == "applied"
    # Bo's change is committed and pulled while Anna's is still open ...
    changes, cursor = pull(engine, bo, cursor)
    assert [c["entity_id"] for c in changes] == ["e2"]
    [result] = held.release()
    assert result.status == "applied"
    # ... and Anna's, committed after it, comes after the cursor Bo's pull left.
    changes, _ = pull(engine, bo, cursor)
    assert [(c["entity_id"], c["values"]["phone"]) for c in changes] == [("e1", "86121212")]


def test_a_push_of_the_same_record_waits_and_merges_onto_the_first(engine, monkeypatch):
    anna, bo = device(engine), device(engine)
    service.push(engine, anna, [create("e1")])
    held = Held(engine, anna, [edit("e1", 1, phone="86121212")])
    monkeypatch.setattr(db, "lock_changes", held.hold(db.lock_changes))
    held.start()

    outcome, thread, out = run_beside(engine, bo, [edit("e1", 1, phone="86131313",
                                                        name="Firma A/S")])

    assert outcome == "waits"
    [first] = held.release()
    thread.join()
    [second] = out[0]
    assert (first.status, first.version) == ("applied", 2)
    # Bo edited version 1 too: the phone is a conflict, kept with both values; the name merges.
    assert (second.status, second.version) == ("conflict", 3)
    assert [(c.field, c.server_value, c.client_value) for c in second.conflicts] == [
        ("phone", "86121212", "86131313")]


def test_change_numbers_are_committed_in_their_order(engine, monkeypatch):
    anna, bo = device(engine), device(engine)
    service.push(engine, anna, [create("e1"), create("e2")])
    _, cursor = pull(engine, bo, 0)
    held = Held(engine, anna, [edit("e1", 1, phone="86121212")])
    monkeypatch.setattr(service, "_write", held.hold_after(service._write))
    held.start()  # has its change number and its rows written, not yet committed

    outcome, thread, _ = run_beside(engine, bo, [edit("e2", 1, phone="86131313")])

    # A later number must not commit before it: a device pulling it would skip Anna's.
    assert outcome == "waits"
    assert pull(engine, bo, cursor)[0] == []
    held.release()
    thread.join()
    changes, _ = pull(engine, bo, cursor)
    assert [c["entity_id"] for c in changes] == ["e1", "e2"]


def test_the_same_employer_created_at_once_on_two_devices_is_one_employer(engine, monkeypatch):
    anna, bo = device(engine), device(engine)
    held = Held(engine, anna, [create("e1", cvr="12345678", p_number="1000000001")])
    monkeypatch.setattr(db, "lock_changes", held.hold(db.lock_changes))
    held.start()

    outcome, thread, out = run_beside(engine, bo, [create("e2", cvr="12345678",
                                                          p_number="1000000001")])

    assert outcome == "waits"  # for the natural key's lock
    [first] = held.release()
    thread.join()
    [second] = out[0]
    assert first.status == "applied"
    assert (second.status, second.code, second.existing_id) == ("rejected", "duplicate", "e1")
    with engine.connect() as conn:
        assert conn.execute(select(db.record.c.id)).scalars().all() == ["e1"]


def test_the_same_operations_pushed_twice_at_once_are_applied_once(engine, monkeypatch):
    anna = device(engine)
    ops = [create("e1", name="Firma A"), create("e2", name="Firma B")]
    held = Held(engine, anna, ops)
    monkeypatch.setattr(service, "_write", held.hold(service._write))
    held.start()  # the records do not exist yet: no row to lock, the repeat goes ahead

    outcome, _, out = run_beside(engine, anna, ops)

    assert outcome == "done"
    # the held push meets the repeat's answers in their unique key, starts again and
    # answers what the repeat stored
    assert held.release() == out[0]
    with engine.connect() as conn:
        rows = conn.execute(select(db.record.c.id, db.record.c.version)
                            .order_by(db.record.c.id)).all()
        applied = conn.execute(select(db.applied_operation.c.op_id)).scalars().all()
    assert [tuple(r) for r in rows] == [("e1", 1), ("e2", 1)]
    assert sorted(applied) == sorted(op.op_id for op in ops)


def test_a_reassignment_waits_for_the_pushes_under_way(engine, monkeypatch):
    anna = device(engine)
    other = admin.add_consultant(engine, TOWN, "Bo")
    citizen = Operation(op_id=str(uuid.uuid4()), entity="citizen", entity_id="c1",
                        op="create", values={"name": "Ali", "cpr": "0101901234"})
    service.push(engine, anna, [citizen])
    held = Held(engine, anna, [Operation(
        op_id=str(uuid.uuid4()), entity="citizen", entity_id="c1", op="update",
        base_version=1, values={"name": "Ali Hassan"})])
    monkeypatch.setattr(db, "lock_changes", held.hold(db.lock_changes))
    held.start()

    outcome, thread, out = run_beside_call(engine, lambda: admin.assign_citizen(
        engine, "c1", other))

    assert outcome == "waits"
    [result] = held.release()
    thread.join()
    assert result.status == "applied" and out == [1]
    changes, _ = pull(engine, DeviceIdentity("d", "active", other, "Bo", TOWN, ""), 0)
    assert [(c["entity_id"], c["values"]["name"]) for c in changes] == [("c1", "Ali Hassan")]


def test_a_migration_does_not_wait_for_a_municipality_whose_lock_key_is_its_own(engine):
    """The migrations' advisory lock has a class of its own: a push holding the change lock of
    a municipality whose hashtext is 0 (the second key the migrations use) does not hold up a
    service instance starting (it waited for it while both used class 7510)."""
    with engine.connect() as holder:
        holder.execute(text("SELECT pg_advisory_xact_lock(:k, 0)"), {"k": db._CHANGE_LOCK})
        try:
            state, thread, _ = run_beside_call(engine, lambda: migrate.upgrade(engine))
            assert state == "done"
        finally:
            holder.rollback()
            thread.join(30)


# -- Enrollment: a device asking again while its first request is still open -----------------

class _HeldCA:
    """The service's CA, whose certificate for the held thread's enrollment is issued only
    on ``release``: that enrollment has used the code and not yet committed."""

    def __init__(self, ca: Any, held: HeldCall) -> None:
        self._ca, self._held = ca, held

    def issue_device_certificate(self, *args: Any, **kwargs: Any) -> Any:
        return self._held.hold(self._ca.issue_device_certificate)(*args, **kwargs)


class HeldCall(Held):
    def __init__(self, call: Callable[[], Any]) -> None:
        self.inside, self.go = threading.Event(), threading.Event()
        _OPEN.append(self.go)
        self.out: list[Any] = []
        self.thread = threading.Thread(target=lambda: self.out.append(call()), name=HELD,
                                       daemon=True)

    def release(self) -> list[Any]:  # type: ignore[override]
        self.go.set()
        self.thread.join()
        return self.out


def test_an_enrollment_asked_again_while_the_first_is_open_gets_the_same_device(engine):
    """A device whose first enrollment request is slow (the answer did not come in time)
    asks again with the same code and key: the retry waits for the first, then gets the
    first's answer, not "the code is already used" (seen in the fault campaign, seed
    postgresql2:4000017, when a loaded service took 20 s to enroll)."""

    consultant = admin.add_consultant(engine, TOWN, "Lise Lund")
    code = auth.store_code(engine, consultant)
    key = base64.b64encode(bytes(range(32))).decode("ascii")
    real_ca = load_or_create(engine)
    first = HeldCall(lambda: auth.enroll(engine, held_ca, code, key, "Laptop", "1"))
    held_ca = _HeldCA(real_ca, first)
    first.thread.start()
    first.inside.wait()  # the first request has used the code, and holds it open

    outcome, thread, out = run_beside_call(
        engine, lambda: auth.enroll(engine, real_ca, code, key, "Laptop", "1"))
    assert outcome == "waits"
    [(token, identity, _, _)] = first.release()
    thread.join()
    [(token_again, identity_again, _, _)] = out
    assert identity_again.device_id == identity.device_id and token_again == token
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(db.device)).scalar_one() == 1


def test_another_key_with_a_code_in_use_by_an_open_enrollment_is_refused(engine):

    consultant = admin.add_consultant(engine, TOWN, "Lise Lund")
    code = auth.store_code(engine, consultant)
    real_ca = load_or_create(engine)
    first = HeldCall(lambda: auth.enroll(engine, held_ca, code,
                                         base64.b64encode(bytes(32)).decode(), "A", "1"))
    held_ca = _HeldCA(real_ca, first)
    first.thread.start()
    first.inside.wait()

    def other() -> Any:
        try:
            return auth.enroll(engine, real_ca, code,
                               base64.b64encode(bytes(range(32))).decode(), "B", "1")
        except ServiceError as exc:
            return exc

    outcome, thread, out = run_beside_call(engine, other)
    assert outcome == "waits"
    first.release()
    thread.join()
    [refused] = out
    assert isinstance(refused, ServiceError) and refused.code == "invalid_code"
