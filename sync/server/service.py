"""Push and pull: the heart of the service (no HTTP here, so tests and the CLI can call it).

Push applies a batch in one transaction: each operation in order, checked against the
device's scope, merged (merge.py), with its result stored under its op_id so a repeat returns
the first answer. Records are read and written in bulk: one SELECT for the batch's records
(locked for update) and one for their parents (locked for share), one sequence allocation,
executemany for the writes. Pushes of one municipality run side by side up to the writes:
only those wait for the municipality's change lock, which orders the change numbers (db
module doc). A push that met another writer in the database starts again (``push``).

Pull is one range scan of ``record`` by (municipality, seq) filtered to the device's scope;
the stored JSON text of each record goes into the response as it is (no per-row objects).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine, and_, bindparam, func, insert, select, tuple_, update
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError

from consultant_app.domain import AGREEMENT_PARTIES
from consultant_app.text import QT_TRANSLATE_NOOP as _N
from consultant_app.text import Message
from forms import lifecycle

from ..protocol import (
    ENTITIES,
    MAX_PULL_LIMIT,
    FieldConflict,
    Operation,
    OperationResult,
)
from . import access_log, db, natural_keys
from .auth import DeviceIdentity
from .entities import (
    CITIZEN_ENTITIES,
    ID_PATTERN,
    MUNICIPALITY_ENTITIES,
    OWNER_PARENT,
    PARENTS,
    check_values,
)
from .errors import CTX, detail, refusal_text
from .merge import Outcome, Stored, merge

SIGNED_STATUSES = ("signed", "sealed")
DEFAULT_LIMIT = 1000
ENTITY_RANK = {entity: i for i, entity in enumerate(ENTITIES)}
MAX_LIMIT = MAX_PULL_LIMIT


@dataclass
class Rec:
    """A record as push works on it, in memory until the batch is written."""

    entity: str
    id: str
    municipality_code: str
    owner_consultant_id: str | None
    owner_device_id: str | None
    citizen_id: str | None
    version: int
    deleted: bool
    modified_at: dt.datetime
    values: dict[str, Any]
    field_versions: dict[str, int]
    in_db: bool = True
    dirty: bool = False
    created_by: str | None = None  # the consultant whose device pushed its create


@dataclass
class Scope:
    """What one device may see and change."""

    municipality_code: str
    consultant_id: str
    device_id: str
    consultant_name: str = ""

    @classmethod
    def of(cls, identity: DeviceIdentity) -> Scope:
        return cls(identity.municipality_code, identity.consultant_id, identity.device_id,
                   identity.consultant)

    def covers(self, rec: Rec) -> bool:
        return (rec.municipality_code == self.municipality_code
                and rec.owner_consultant_id in (None, self.consultant_id)
                and rec.owner_device_id in (None, self.device_id))


class Rejected(Exception):
    """An operation refused: its code and its text (``errors.refusal_text``), which the
    result carries in Danish and as a template to translate (protocol, Errors)."""

    def __init__(self, code: str, text: Message, existing_id: str = "",
                 conflicts: list[FieldConflict] | None = None, elsewhere: bool = False):
        super().__init__(text.render())
        self.code = code
        self.text = text
        self.existing_id = existing_id
        self.conflicts = conflicts or []
        self.elsewhere = elsewhere


def _refused(code: str, text: Message) -> dict[str, Any]:
    """A rejected result's code, Danish message and text to translate."""
    wire = detail(code, text)
    return {"code": code, "message": wire["message"], "text": wire["text"]}


def _out_of_scope(entity: str) -> Rejected:
    return Rejected("out_of_scope", refusal_text(
        _N(CTX, "Enheden har ikke adgang til denne post ({entity})."), entity=entity))


AGREEMENT_FAMILY = frozenset({"placement_agreement", "agreement_signature",
                              "agreement_document"})


@dataclass
class _Batch:
    conn: Connection
    scope: Scope
    # the device's pull cursor when it built the batch (None: an older client that does not
    # say): decides whether it had heard of a scope exit (protocol, "Signed agreements ...")
    cursor: int | None = None
    # citizens this batch writes a scope exit of (numbered with the batch's records, _write)
    new_exits: list[str] = field(default_factory=list)
    # agreements this batch brings to signed or sealed (an operation carries that status)
    signing: set[str] = field(default_factory=set)
    # citizen id -> the newest scope exit of it for this consultant (seq), loaded on demand
    exits: dict[str, int | None] = field(default_factory=dict)
    # entity -> the natural keys this batch creates (natural_keys), and -> key -> the id of
    # the live record holding it, looked up for all of them at the first need
    creating: dict[str, set[str]] = field(default_factory=dict)
    natural: dict[str, dict[str, str]] = field(default_factory=dict)

    def holder_of(self, entity: str, key: str) -> str | None:
        if entity not in self.natural:
            self.natural[entity] = natural_keys.find_existing(
                self.conn, self.scope.municipality_code, entity,
                self.creating.get(entity, set()) | {key})
        return self.natural[entity].get(key)
    records: dict[tuple[str, str], Rec | None] = field(default_factory=dict)
    # (entity, id, citizen id) of the records whose stored values an answer shows (a
    # conflict's server values, a duplicate's): reads of a citizen's data, logged (_write)
    shown: list[tuple[str, str, str | None]] = field(default_factory=list)
    # records in the order the batch first changed them: they get their numbers in this order
    # (an outbox creates parents before children, so a page has the parent first)
    changed: list[Rec] = field(default_factory=list)

    def load(self, keys: Iterable[tuple[str, str]], for_update: bool = False) -> None:
        """Reads records into the batch, locking their rows until the push ends: for update
        (the records the operations change) or for share (what the batch only reads: parents,
        agreements, natural-key holders), so no other push changes them meanwhile."""
        wanted: dict[str, set[str]] = {}
        for entity, ident in keys:
            if (entity, ident) not in self.records:
                wanted.setdefault(entity, set()).add(ident)
        r = db.record.c
        # One query for all entities (a round trip less per entity, with the lock held).
        pairs = sorted((entity, ident) for entity, ids in wanted.items() for ident in ids)
        for start in range(0, len(pairs), 500):
            chunk = pairs[start:start + 500]
            for key in chunk:
                self.records[key] = None
            rows = self.conn.execute(select(db.record).where(
                tuple_(r.entity, r.id).in_(chunk)).order_by(r.entity, r.id)
                .with_for_update(read=not for_update))
            for row in rows:
                self.records[(row.entity, row.id)] = Rec(
                    row.entity, row.id, row.municipality_code, row.owner_consultant_id,
                    row.owner_device_id, row.citizen_id, row.version, row.deleted,
                    row.modified_at, db.record_values(self.conn, row.entity, row.id,
                                                      row.values_json, row.secret),
                    json.loads(row.field_versions), created_by=row.created_by)

    def exit_seq(self, citizen_id: str | None) -> int | None:
        """The newest scope exit of ``citizen_id`` for this device's consultant, if any."""
        if not citizen_id:
            return None
        if citizen_id not in self.exits:
            x = db.scope_exit.c
            self.exits[citizen_id] = self.conn.execute(
                select(func.max(x.seq)).where(
                    x.municipality_code == self.scope.municipality_code,
                    x.consultant_id == self.scope.consultant_id, x.entity == "citizen",
                    x.entity_id == citizen_id)).scalar()
        return self.exits[citizen_id]

    def agreement_statuses(self, entity: str, ident: str) -> list[str]:
        """The statuses of the live agreements that name this record as their ``entity``
        (employer, vacancy, citizen, match), as the batch has left them so far."""
        name = AGREEMENT_PARTIES[entity]
        r = db.record.c
        # The id is in the agreement's public values (ids are never personal); LIKE finds the
        # few candidates, their values decide. ID_PATTERN ids hold no LIKE wildcard but "_".
        pattern = "%" + ident.replace("\\", "\\\\").replace("_", "\\_") + "%"
        found = self.conn.execute(select(r.id).where(
            r.municipality_code == self.scope.municipality_code,
            r.entity == "placement_agreement", r.deleted.is_(False),
            r.values_json.like(pattern, escape="\\"))).scalars().all()
        self.load(("placement_agreement", a) for a in found)
        return [rec.values.get("status", "") for (kind, _), rec in self.records.items()
                if kind == "placement_agreement" and rec is not None and not rec.deleted
                and rec.values.get(name) == ident]

    def get(self, entity: str, ident: Any) -> Rec | None:
        if not isinstance(ident, str):
            return None
        key = (entity, ident)
        if key not in self.records:
            self.load([key])
        return self.records[key]


def _handed_over(batch: _Batch, op: Operation, stored: Rec | None) -> bool:
    """Whether ``op`` is part of an agreement signed on this device for a citizen it held
    when it signed, which has since left its consultant's scope (protocol, "Signed agreements
    and scope exits"): then the service takes it and gives it to the citizen's consultant."""
    if op.entity not in AGREEMENT_FAMILY or batch.cursor is None:
        return False
    if op.entity == "placement_agreement":
        agreement_id: Any = op.entity_id
        agreement = stored
    else:
        agreement_id = op.values.get("agreement_id",
                                     stored.values.get("agreement_id") if stored else None)
        agreement = batch.get("placement_agreement", agreement_id)
    signed = agreement_id in batch.signing or (
        agreement is not None and not agreement.deleted
        and agreement.values.get("status") in SIGNED_STATUSES)
    if not signed:
        return False
    if agreement is not None and agreement.created_by != batch.scope.consultant_id:
        # Only what this consultant made: a scope exit says they held the citizen, not every
        # agreement of it (one written for a copy of another consultant's citizen would
        # otherwise open that consultant's agreements to them).
        return False
    citizen_id = agreement.citizen_id if agreement is not None else None
    if citizen_id is None and op.entity == "placement_agreement":
        named = op.values.get("citizen_id")
        citizen_id = named if isinstance(named, str) else None
    exit_seq = batch.exit_seq(citizen_id)
    return exit_seq is not None and exit_seq > batch.cursor


def _placement(batch: _Batch, entity: str, ident: str, values: dict[str, Any],
               handed_over: bool = False) -> tuple[str | None, str | None, str | None]:
    """(owner consultant, owner device, citizen id) of a record with ``values``, checking that
    every parent it names that the service knows lies in the device's scope (a handed-over
    agreement's parents lie in its citizen's new consultant's scope instead)."""
    scope = batch.scope
    for name, parent_entity in PARENTS.get(entity, {}).items():
        parent = batch.get(parent_entity, values.get(name))
        if parent is not None and not scope.covers(parent) and not handed_over:
            raise _out_of_scope(entity)
    if entity in MUNICIPALITY_ENTITIES:
        return None, None, None
    if entity == "access_log":
        return scope.consultant_id, scope.device_id, None
    if entity == "citizen":
        return scope.consultant_id, None, ident
    parent_field = OWNER_PARENT[entity]
    parent = batch.get(PARENTS[entity][parent_field], values.get(parent_field))
    if parent is not None:
        return parent.owner_consultant_id, None, parent.citizen_id
    citizen_id = values.get("citizen_id") if entity in ("match", "placement_agreement") else None
    return scope.consultant_id, None, citizen_id if isinstance(citizen_id, str) else None


def _check_lifecycle(batch: _Batch, stored: Rec | None, op: Operation,
                     outcome: Outcome) -> None:
    """Rejects an agreement operation the lifecycle forbids (forms.lifecycle): judged on the
    step from the stored record to the record the operation would leave, so no order of
    operations (in one push or across pushes) gets round it. A revision the service holds a
    sealed PDF of must keep that PDF's content hash."""
    before = None if stored is None or stored.deleted else stored.values
    if op.op == "delete":
        refusal = lifecycle.judge_delete(before) if before is not None else None
    elif outcome.changed:
        after = outcome.record.values
        refusal = lifecycle.judge(before, after)
        if refusal is None and after.get("status") in lifecycle.FROZEN_STATUSES:
            s = db.sealed_agreement.c
            sealed_hash = batch.conn.execute(select(s.content_hash).where(
                s.agreement_id == op.entity_id, s.revision == after.get("revision"))).scalar()
            if sealed_hash is not None and sealed_hash != after.get("content_hash"):
                raise Rejected(lifecycle.IMMUTABLE, refusal_text(_N(
                    CTX, "Den centrale tjeneste har allerede en forseglet PDF af denne "
                         "version med et andet indhold.")))
    else:
        refusal = None
    if refusal is not None:
        raise Rejected(refusal.code, refusal.message)


# Records that belong to one revision of an agreement and say what was signed and sealed.
SIGNED_PARTS = frozenset({"agreement_signature", "agreement_document"})


def _check_signed_part(batch: _Batch, stored: Rec | None, op: Operation,
                       outcome: Outcome) -> None:
    """A signature or sealed document of an agreement revision that has been signed stays as
    received: a push may add one (they can reach the service after the agreement's step),
    never change or delete one. Sending it again as it is changes nothing and passes; voiding
    a signature of a revision the agreement has left (a new revision) passes too."""
    if stored is None or stored.deleted:
        return
    agreement = batch.get("placement_agreement", stored.values.get("agreement_id"))
    if agreement is None or agreement.deleted or \
            agreement.values.get("status") not in lifecycle.FROZEN_STATUSES or \
            agreement.values.get("revision") != stored.values.get("revision"):
        return
    if op.op == "delete" or (outcome.changed and outcome.record.values != stored.values):
        raise Rejected(lifecycle.IMMUTABLE, refusal_text(_N(
            CTX, "Underskrifter og dokumenter til en underskrevet aftale kan ikke ændres eller "
                 "slettes. En ændring skal laves som en ny version, der underskrives igen.")))


_ADOPTED = {
    "employer": _N(CTX, "Virksomheden (samme CVR- og P-nummer) var allerede oprettet centralt, fx fra "
                "en anden enhed. Din oprettelse er lagt sammen med den; dine oplysninger, der "
                "afviger, står her, så du kan vælge dem."),
    "citizen": _N(CTX, "Borgeren (samme CPR-nummer) var allerede oprettet centralt, fx fra en anden "
               "enhed. Din oprettelse er lagt sammen med den; dine oplysninger, der afviger, "
               "står her, så du kan vælge dem."),
}
_DUPLICATE = {
    "employer": _N(CTX, "Virksomheden (samme CVR- og P-nummer) er allerede oprettet centralt, fx fra "
                "en anden enhed. Din oprettelse er ikke sendt; den oprettede virksomhed hentes "
                "ved synkroniseringen. Dine oplysninger står her, så du kan føre dem over."),
    "citizen": _N(CTX, "Borgeren (samme CPR-nummer) er allerede oprettet centralt, fx fra en anden "
               "enhed. Din oprettelse er ikke sendt. Dine oplysninger står her, så du kan "
               "føre dem over."),
}


def _duplicate(batch: _Batch, op: Operation, holder: str) -> Rejected:
    """The refusal of a create whose natural key ``holder`` already has (protocol, "The same
    thing twice"). A holder in the device's scope is named, with its values of the fields the
    create gives otherwise: the device adopts it. A citizen of another consultant is named
    only (``elsewhere``), none of its values: the device's copy was, for this consultant, a
    citizen that has left the scope, and a scope exit is written so, so that an agreement
    the device signed on its copy is taken and handed over (``_handed_over``)."""
    rec = batch.get(op.entity, holder)
    if rec is None:
        return Rejected("duplicate", refusal_text(_DUPLICATE[op.entity]))
    if not batch.scope.covers(rec):
        if op.entity != "citizen":
            return Rejected("duplicate", refusal_text(_DUPLICATE[op.entity]))
        _exit_of_copy(batch, holder)
        return Rejected("duplicate", refusal_text(_DUPLICATE[op.entity]), existing_id=holder,
                        elsewhere=True)
    differing = [FieldConflict(field=name, server_value=rec.values.get(name), client_value=value,
                               winner="server", policy="duplicate")
                 for name, value in sorted(op.values.items())
                 if rec.values.get(name) != value]
    return Rejected("duplicate", refusal_text(_ADOPTED[op.entity]), existing_id=holder,
                    conflicts=differing)


def _exit_of_copy(batch: _Batch, citizen_id: str) -> None:
    """A scope exit of ``citizen_id`` for this consultant, newer than the device's cursor
    (one is written only when there is none such already)."""
    newest = batch.exit_seq(citizen_id)
    if newest is not None and (batch.cursor is None or newest > batch.cursor):
        return
    batch.new_exits.append(citizen_id)
    batch.exits[citizen_id] = _NOT_YET_NUMBERED


# The change number of a scope exit this batch writes, until _write numbers it: it will be
# newer than any cursor a device has.
_NOT_YET_NUMBERED = 2**63 - 1


_PARENT_NAMES = {"employer": _N(CTX, "en virksomhed"), "vacancy": _N(CTX, "en stilling"),
                 "citizen": _N(CTX, "en borger"), "match": _N(CTX, "et match"),
                 "placement_agreement": _N(CTX, "en aftale")}


def _check_parents_held(batch: _Batch, op: Operation) -> None:
    """Every parent an operation names must be on the service (made earlier in the same
    batch counts): a child of a parent the service refused or never got would be an orphan
    that every device parks for ever, waiting for a parent that never comes."""
    for name, parent_entity in PARENTS.get(op.entity, {}).items():
        ident = op.values.get(name)
        if ident is not None and batch.get(parent_entity, ident) is None:
            raise Rejected("missing_parent", refusal_text(_N(
                CTX, "Posten hører til {parent}, som ikke findes på den centrale tjeneste (den "
                     "er måske afvist). Ændringen er ikke gemt centralt."),
                parent=refusal_text(_PARENT_NAMES[parent_entity])))


def _check_party_delete(batch: _Batch, op: Operation, stored: Rec) -> None:
    """A record a signed agreement names (its employer, vacancy, citizen, match) is not
    deleted (forms.lifecycle.judge_party_delete, the rule the device applies too)."""
    if op.entity not in AGREEMENT_PARTIES or stored.deleted:
        return
    refusal = lifecycle.judge_party_delete(op.entity,
                                           batch.agreement_statuses(op.entity, op.entity_id))
    if refusal is not None:
        raise Rejected(refusal.code, refusal.message)


def _apply(batch: _Batch, op: Operation, now: dt.datetime) -> tuple[OperationResult, list[dict]]:
    """One operation: (its result, conflict rows to keep)."""
    if op.entity not in ENTITIES:
        raise Rejected("unknown_entity", refusal_text(
            _N(CTX, "Ukendt posttype '{entity}'."), entity=op.entity))
    if not ID_PATTERN.match(op.entity_id):
        raise Rejected("invalid", refusal_text(
            _N(CTX, "Feltet entity_id er ikke et gyldigt id.")))
    if op.op == "delete" and op.values:
        raise Rejected("invalid", refusal_text(_N(
            CTX, "En sletning sender ingen feltværdier (op \"delete\", values {{}}).")))
    problem = check_values(op.entity, op.values)
    if problem:
        raise Rejected("invalid", problem)
    stored = batch.get(op.entity, op.entity_id)
    scope = batch.scope
    if stored is None and op.op == "update":
        # Never a record made out of an update: it would lack what its create carried.
        raise Rejected("unknown_record", refusal_text(_N(
            CTX, "Posten findes ikke på den centrale tjeneste, så ændringen kan ikke gemmes. "
                 "Opret posten igen.")))
    if op.op != "delete":
        _check_parents_held(batch, op)
    key = natural_keys.key_of(op.entity, op.values) if stored is None else None
    if key is not None:
        holder = batch.holder_of(op.entity, key)
        if holder is not None and holder != op.entity_id:
            raise _duplicate(batch, op, holder)
    handed_over = _handed_over(batch, op, stored)
    if stored is not None and not scope.covers(stored) and not handed_over:
        raise _out_of_scope(op.entity)
    if op.op == "delete" and stored is not None:
        _check_party_delete(batch, op, stored)
    current = None if stored is None else Stored(stored.version, stored.values,
                                                 stored.field_versions, stored.deleted)
    outcome = merge(op.entity, current, op, restated=lifecycle.LIFECYCLE_FIELDS_SET
                    if op.entity == "placement_agreement" else frozenset())
    if op.entity == "placement_agreement":
        _check_lifecycle(batch, stored, op, outcome)
    elif op.entity in SIGNED_PARTS:
        _check_signed_part(batch, stored, op, outcome)
    if outcome.changed:
        owner, owner_device, citizen_id = _placement(batch, op.entity, op.entity_id,
                                                     outcome.record.values, handed_over)
        modified = op.modified_at or now
        if modified.tzinfo is not None:
            modified = modified.astimezone(dt.UTC).replace(tzinfo=None)
        if stored is None:
            stored = Rec(op.entity, op.entity_id, scope.municipality_code, owner, owner_device,
                         citizen_id, 0, False, modified, {}, {}, in_db=False,
                         created_by=scope.consultant_id)
            batch.records[(op.entity, op.entity_id)] = stored
        stored.owner_consultant_id, stored.owner_device_id = owner, owner_device
        stored.citizen_id = citizen_id
        stored.version = outcome.record.version
        stored.deleted = outcome.record.deleted
        stored.values = outcome.record.values
        stored.field_versions = outcome.record.field_versions
        stored.modified_at = modified
        if not stored.dirty:
            stored.dirty = True
            batch.changed.append(stored)
    if key is not None and outcome.changed and not outcome.record.deleted:
        batch.natural[op.entity][key] = op.entity_id
    version = outcome.record.version
    conflicts = [{"entity": op.entity, "entity_id": op.entity_id, "field": c.field,
                  "server_value": c.server_value, "client_value": c.client_value,
                  "winner": c.winner, "policy": c.policy, "version": version,
                  "op_id": op.op_id, "device_id": scope.device_id, "at": now}
                 for c in outcome.conflicts]
    result = OperationResult(op_id=op.op_id, status=outcome.status, entity=op.entity,
                             entity_id=op.entity_id, version=version,
                             conflicts=outcome.conflicts)
    return result, conflicts


# How often a push starts again after meeting another writer (db.met_another_writer) before
# the error goes to the caller: each time, the other has committed.
PUSH_ATTEMPTS = 10


def push(engine: Engine, identity: DeviceIdentity, operations: list[Operation],
         cursor: int | None = None) -> list[OperationResult]:
    for attempt in range(PUSH_ATTEMPTS):
        try:
            return _push(engine, identity, operations, cursor)
        except DBAPIError as exc:
            if attempt + 1 == PUSH_ATTEMPTS or not db.met_another_writer(exc):
                raise
    raise AssertionError("unreachable")


def _push(engine: Engine, identity: DeviceIdentity, operations: list[Operation],
          cursor: int | None) -> list[OperationResult]:
    scope = Scope.of(identity)
    now = db.utcnow()
    results: list[OperationResult] = []
    with db.writing(engine) as conn:
        db.share_municipality(conn, scope.municipality_code)
        batch = _Batch(conn, scope, cursor)
        for op in operations:
            key = natural_keys.key_of(op.entity, op.values) if op.op == "create" else None
            if key is not None:
                batch.creating.setdefault(op.entity, set()).add(key)
        for entity, created in sorted(batch.creating.items()):
            db.lock_natural_keys(conn, scope.municipality_code, entity, created)
        batch.signing = {op.entity_id for op in operations
                         if op.entity == "placement_agreement"
                         and op.values.get("status") in SIGNED_STATUSES}
        batch.load(((op.entity, op.entity_id) for op in operations if op.entity in ENTITIES),
                   for_update=True)
        batch.load((parent_entity, op.values[name]) for op in operations
                   for name, parent_entity in PARENTS.get(op.entity, {}).items()
                   if isinstance(op.values.get(name), str))
        # After the records' locks: a push of the same operations that got there first has
        # committed its answers by now (a create's, which locks no row, meets ours in the
        # unique key of applied_operation instead, and this push starts again).
        op_ids = sorted({op.op_id for op in operations})
        seen: dict[str, OperationResult | None] = {}
        ao = db.applied_operation.c
        for start in range(0, len(op_ids), 500):
            for row in conn.execute(select(ao.op_id, ao.device_id, ao.result_json)
                                    .where(ao.op_id.in_(op_ids[start:start + 500]))):
                seen[row.op_id] = (OperationResult.model_validate_json(
                    db.result_text(conn, row.op_id, row.result_json))
                    if row.device_id == scope.device_id else None)

        applied_rows: list[dict[str, Any]] = []
        conflict_rows: list[dict[str, Any]] = []
        answers: dict[int, OperationResult] = {}
        # Parents first (ENTITIES order), in the batch's order within an entity: a child
        # sent before its parent's create or an agreement's signature before the status
        # change that came with it is judged the same as in the order a device journals them
        # (protocol, "Push order").
        for index, op in sorted(enumerate(operations),
                                key=lambda p: (ENTITY_RANK.get(p[1].entity, len(ENTITY_RANK)),
                                               p[0])):
            if op.op_id in seen:
                earlier = seen[op.op_id]
                answers[index] = earlier if earlier is not None else OperationResult(
                    op_id=op.op_id, status="rejected", entity=op.entity,
                    entity_id=op.entity_id, **_refused("invalid", refusal_text(_N(
                        CTX, "Operations-id'et er allerede brugt af en anden enhed."))))
                continue
            try:
                result, conflicts = _apply(batch, op, now)
                conflict_rows.extend(conflicts)
            except Rejected as exc:
                result = OperationResult(op_id=op.op_id, status="rejected", entity=op.entity,
                                         entity_id=op.entity_id,
                                         **_refused(exc.code, exc.text),
                                         existing_id=exc.existing_id,
                                         existing_elsewhere=exc.elsewhere,
                                         conflicts=exc.conflicts)
            seen[op.op_id] = result
            answers[index] = result
            if result.conflicts and op.entity in CITIZEN_ENTITIES:
                batch.shown.append(_shown(batch, op, result))
            applied_rows.append({"op_id": op.op_id, "device_id": scope.device_id,
                                 "result_json": db.stored_result(conn, result),
                                 "applied_at": now})
        _write(conn, batch, applied_rows, conflict_rows)
    results.extend(answers[i] for i in range(len(operations)))
    return results


def _shown(batch: _Batch, op: Operation, result: OperationResult
           ) -> tuple[str, str, str | None]:
    """The record whose stored values ``result`` shows: a duplicate's holder, else the
    operation's own record."""
    if result.existing_id:
        return op.entity, result.existing_id, result.existing_id
    rec = batch.records.get((op.entity, op.entity_id))
    return op.entity, op.entity_id, rec.citizen_id if rec is not None else None


def _write(conn: Connection, batch: _Batch, applied_rows: list[dict[str, Any]],
           conflict_rows: list[dict[str, Any]]) -> None:
    """Writes what the batch did. Only the changes need numbers: everything else is written
    and every row made ready first, so the municipality's change lock, which every push waits
    for in turn, is held for as little as the numbering, the records' writes and the commit."""
    dirty = batch.changed
    if applied_rows:
        conn.execute(insert(db.applied_operation), applied_rows)
    if conflict_rows:
        conn.execute(insert(db.conflict), [db.conflict_columns(conn, c) for c in conflict_rows])
    access_log.log_device_entries(conn, batch.scope, [rec for rec in dirty if not rec.in_db
                                                      and rec.entity == "access_log"])
    access_log.log_push_answers(conn, batch.scope, batch.shown)
    rows = [{"entity": rec.entity, "id": rec.id, "municipality_code": rec.municipality_code,
             "owner_consultant_id": rec.owner_consultant_id,
             "owner_device_id": rec.owner_device_id, "citizen_id": rec.citizen_id,
             "version": rec.version, "deleted": rec.deleted, "modified_at": rec.modified_at,
             **db.record_columns(conn, rec.entity, rec.id, rec.values),
             "field_versions": db.dumps(rec.field_versions)} for rec in dirty]
    if not rows and not batch.new_exits:
        return
    db.lock_changes(conn, batch.scope.municipality_code)
    seqs = db.next_seqs(conn, len(batch.new_exits) + len(dirty))
    if batch.new_exits:
        at = db.utcnow()
        conn.execute(insert(db.scope_exit), [
            {"seq": seq, "municipality_code": batch.scope.municipality_code,
             "consultant_id": batch.scope.consultant_id, "entity": "citizen",
             "entity_id": citizen_id, "at": at}
            for citizen_id, seq in zip(batch.new_exits, seqs)])
    new_rows, changed_rows = [], []
    for rec, row, seq in zip(dirty, rows, seqs[len(batch.new_exits):]):
        row["seq"] = seq
        if rec.in_db:
            changed_rows.append(row)
        else:
            new_rows.append({**row, "created_by": rec.created_by})
    if new_rows:
        conn.execute(insert(db.record), new_rows)
    if changed_rows:
        r = db.record.c
        stmt = (update(db.record)
                .where(and_(r.entity == bindparam("b_entity"), r.id == bindparam("b_id")))
                .values({name: bindparam(name) for name in
                         ("municipality_code", "owner_consultant_id", "owner_device_id",
                          "citizen_id", "seq", "version", "deleted", "modified_at",
                          "values_json", "field_versions", "secret", "cpr_index")}))
        conn.execute(stmt, [{**row, "b_entity": row["entity"], "b_id": row["id"]}
                            for row in changed_rows])


# -- pull --------------------------------------------------------------------------------------

# One statement (one snapshot, so merging the two streams can never step over a change
# committed between two reads): the device's records and the scope exits of its consultant
# (db.scope_exit, rare), merged by seq; an exit row has NULL values_json. Written per backend
# so each merges two ordered index scans and stops at the limit: SQLite plans the plain
# compound as MERGE (UNION ALL); PostgreSQL needs each arm limited to plan a Merge Append
# (without, it sorts every row of the municipality: 70 ms instead of 3 for 200k records).
_RECORDS = (
    "SELECT seq, entity, id, version, deleted, modified_at, values_json, secret, citizen_id "
    "FROM record "
    "WHERE municipality_code = {p} AND seq > {p} "
    "AND (owner_consultant_id IS NULL OR owner_consultant_id = {p}) "
    "AND (owner_device_id IS NULL OR owner_device_id = {p})"
)
_EXITS = (
    "SELECT seq, entity, entity_id, 0, CAST(NULL AS BOOLEAN), at, NULL, NULL, NULL "
    "FROM scope_exit "
    "WHERE municipality_code = {p} AND consultant_id = {p} AND seq > {p}"
)
_PULL_SQL = {
    False: (_RECORDS + " UNION ALL " + _EXITS + " ORDER BY seq LIMIT {p}").format(p="?"),
    True: (f"SELECT * FROM ({_RECORDS} ORDER BY seq LIMIT {{p}}) AS r UNION ALL "
           f"SELECT * FROM ({_EXITS} ORDER BY seq LIMIT {{p}}) AS x "
           "ORDER BY seq LIMIT {p}").format(p="%s"),
}


# How many changes wait after a page (PullResponse.remaining): the same two streams, counted
# from the two indexes the page reads (ix_record_municipality_seq, ix_scope_exit_audience).
_COUNT_SQL = {
    postgres: ("SELECT (SELECT count(*) FROM record "
               "WHERE municipality_code = {p} AND seq > {p} "
               "AND (owner_consultant_id IS NULL OR owner_consultant_id = {p}) "
               "AND (owner_device_id IS NULL OR owner_device_id = {p})) + "
               "(SELECT count(*) FROM scope_exit "
               "WHERE municipality_code = {p} AND consultant_id = {p} AND seq > {p})"
               ).format(p="%s" if postgres else "?")
    for postgres in (False, True)
}


def _iso(value: Any) -> str:
    if isinstance(value, str):  # SQLite hands back its stored text: "2026-11-23 10:00:00.000001"
        return value.replace(" ", "T", 1)
    return value.isoformat()


def _tombstone(entity: str, values_json: str) -> str:
    """A deleted record's wire values: only the parents it names (ids, never personal), so
    a device that never held it can keep its tombstone and take in what still hangs off it
    (protocol, "Deletes")."""
    names = PARENTS.get(entity)
    if not names:
        return "{}"
    values = json.loads(values_json)
    return db.dumps({n: values[n] for n in names if values.get(n) is not None})


def pull_json(engine: Engine, identity: DeviceIdentity, cursor: int, limit: int,
              count: bool = False) -> bytes:
    """The PullResponse for one page, as JSON bytes built from the stored JSON text; with
    ``count``, also how many changes wait after it (``remaining``)."""
    limit = max(1, min(limit, MAX_LIMIT))
    postgres = db.is_postgres(engine)
    sql = _PULL_SQL[postgres]
    records = (identity.municipality_code, cursor, identity.consultant_id, identity.device_id)
    exits = (identity.municipality_code, identity.consultant_id, cursor)
    params = ((*records, limit + 1, *exits, limit + 1, limit + 1) if postgres
              else (*records, *exits, limit + 1))
    with engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        cur = raw.cursor()
        try:
            cur.execute(sql, params)
            rows = cur.fetchall()
            more = len(rows) > limit
            rows = rows[:limit]
            remaining = None
            if count:
                after = rows[-1][0] if rows else cursor
                remaining = 0
                if more:
                    cur.execute(_COUNT_SQL[postgres],
                                (identity.municipality_code, after, identity.consultant_id,
                                 identity.device_id, identity.municipality_code,
                                 identity.consultant_id, after))
                    remaining = int(cur.fetchone()[0])
        finally:
            cur.close()
        conn.rollback()
    # %-formatting on purpose: the hot loop of a pull (tens of thousands of rows per second)
    row_format = ('{"seq":%d,"entity":"%s","entity_id":"%s","version":%d,"deleted":%s,'
                  '"values":%s,"modified_at":"%s"}')
    exit_format = ('{"seq":%d,"entity":"%s","entity_id":"%s","version":0,"deleted":true,'
                   '"values":{},"modified_at":"%s","scope_exit":true}')
    parts = [
        row_format % (seq, entity, ident, version,
                                 "true" if deleted else "false",
                                 _tombstone(entity, values) if deleted
                                 else values if secret is None
                                 else db.wire_values(engine, entity, ident, values, secret),
                                 _iso(modified))
        if values is not None else exit_format % (seq, entity, ident, _iso(modified))
        for seq, entity, ident, version, deleted, modified, values, secret, _ in rows
    ]
    # The access log: what of citizens this page delivers (one insert, before it is sent).
    access_log.log_pull(engine, identity, [(row[1], row[2], row[8]) for row in rows
                                           if row[8] is not None and not row[4]])
    next_cursor = rows[-1][0] if rows else cursor
    body = '{"changes":[%s],"next_cursor":%d,"more":%s,"server_time":"%s"%s}' % (  # noqa: UP031
        ",".join(parts), next_cursor, "true" if more else "false",
        dt.datetime.now(dt.UTC).isoformat(),
        "" if remaining is None else ',"remaining":%d' % remaining)  # noqa: UP031
    return body.encode("utf-8")


