"""The same thing twice: a local employer or citizen the service refused as ``duplicate``
(protocol, "The same thing twice").

When the record that holds the natural key is in the device's scope, the answer names it
(``existing_id``) and the device adopts it (``adopt``): the records that point at the local
copy (contacts, visits, vacancies, matches, agreements; signed and sealed ones too, nothing is
deleted but the copy) and its waiting outbox entries move to the service's id; the copy's
values that differ from the service's are kept as conflicts of the service's record (policy
``duplicate``, encrypted like every conflict), so the consultant can choose them; a summary
entry says what happened; then the copy goes, with its search document. Until the pull brings
the service's record, a stand-in holds the copy's values with the service's values of the
fields that differ (version 0, so the pull's record replaces it). A pending delete of the copy
is dropped: it meant the copy, not the record someone else registered.

When the holder is a citizen of another consultant (``existing_elsewhere``), the device
cannot have it: the copy and what hangs off it leave the device like a citizen that moved
(``hand_over``, ``wipe.forget_citizens``: unsent children are listed as not sent, without
their values), and the refusal keeps the consultant's values of the copy for a hand-over.
Signed and sealed agreements on the copy are first moved onto a stand-in of the service's
citizen and sent: the service hands them over to the citizen's consultant, and the pull's
scope exit of that citizen (written by the service with the refusal) removes the stand-in
and them after the upload. An agreement still being signed cannot be handed over: then the
copy stays, with its refusal shown, for the consultant to sort out with the municipality.

Outbox entries in the same push as the refused create that named the copy (its children,
refused ``missing_parent``; its updates, refused ``unknown_record``) are sent again after
the adoption under new op ids (``send_again``), instead of being recorded as refused.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import delete, inspect, select, update
from sqlalchemy.orm import Session

from consultant_app import search
from consultant_app.ids import new_id, utcnow
from consultant_app.store.models import (
    MODEL_BY_ENTITY,
    ContactPerson,
    Match,
    OutboxEntry,
    PlacementAgreement,
    SyncConflict,
    SyncParked,
    Vacancy,
    Visit,
)
from forms import lifecycle

from .. import protocol
from .codec import codec
from .errors import refusal_value

DUPLICATE = "duplicate"
SIGNED = (lifecycle.SIGNED, lifecycle.SEALED)  # what the service takes for a hand-over
# entity -> the (model, column) pairs that point at a record of it
REFERENCES: dict[str, tuple[tuple[Any, str], ...]] = {
    "employer": ((ContactPerson, "employer_id"), (Visit, "employer_id"),
                 (Vacancy, "employer_id"), (PlacementAgreement, "employer_id")),
    "citizen": ((Match, "citizen_id"), (PlacementAgreement, "citizen_id")),
}
# in ``moved`` (local id -> the service's id, for copies adopted in one push answer):
RETRIED = ""  # a record sent again because it named a copy
FORGOTTEN = "-"  # a record that left the device with a copy handed over (already listed)


def is_duplicate_create(result: protocol.OperationResult, op: str) -> bool:
    return (result.status == "rejected" and result.code == DUPLICATE and op == "create"
            and result.entity in REFERENCES)


def adopted(result: protocol.OperationResult) -> bool:
    """Whether this refusal is settled by adopting the service's record (not a refusal the
    consultant must act on)."""
    return (result.code == DUPLICATE and bool(result.existing_id)
            and not result.existing_elsewhere)


def send_again(result: protocol.OperationResult, sent: protocol.Operation | None,
               moved: dict[str, str]) -> bool:
    """Whether this refusal came only from naming a copy adopted earlier in the same answer
    (or a record sent again for that reason): then it goes again, and it is marked in
    ``moved`` so its own children and updates go again too."""
    if result.status != "rejected" or sent is None or not moved:
        return False
    again = (result.code == "unknown_record"
             and moved.get(result.entity_id, FORGOTTEN) != FORGOTTEN) or (
        result.code == "missing_parent" and any(
            isinstance(value, str) and moved.get(value, FORGOTTEN) != FORGOTTEN
            for name, value in sent.values.items() if name.endswith("_id")))
    if again:
        moved.setdefault(result.entity_id, RETRIED)
    return again


def forgotten(result: protocol.OperationResult, moved: dict[str, str]) -> bool:
    """Whether this answer is about a record that left the device with a handed-over copy:
    its waiting change is already listed as not sent (``wipe.forget_citizens``)."""
    return moved.get(result.entity_id) == FORGOTTEN


def renew_op_ids(session: Session, op_ids: list[str]) -> None:
    """New op ids for entries sent again: the service answers a repeated op id with its
    first answer."""
    for op_id in op_ids:
        session.execute(update(OutboxEntry).where(OutboxEntry.op_id == op_id)
                        .values(op_id=new_id()))


def adopt(session: Session, result: protocol.OperationResult, op_id: str,
          sent_values: dict[str, Any]) -> bool:
    """Settle a refused duplicate create (module doc); True when the copy was adopted or
    handed over (no refusal to record), False when the refusal is to be recorded as usual."""
    entity, local_id, central_id = result.entity, result.entity_id, result.existing_id
    model = MODEL_BY_ENTITY[entity]
    local = session.get(model, local_id)
    if local is None:
        return False
    if not central_id or result.existing_elsewhere:
        return False
    central = session.get(model, central_id)
    now = utcnow()
    if central is None:
        values = {a.key: getattr(local, a.key) for a in inspect(model).column_attrs}
        values.update(codec(entity).decode({c.field: c.server_value for c in result.conflicts}))
        values.update(id=central_id, version=0)
        if entity == "citizen":
            cipher = session.get_bind().dialect.field_cipher  # type: ignore[attr-defined]
            values["cpr_index"] = cipher.blind_index(values["cpr"]) if values.get("cpr") \
                else None
        session.add(model(**values))
        session.flush()
    for ref_model, column in REFERENCES[entity]:
        session.execute(update(ref_model).where(getattr(ref_model, column) == local_id)
                        .values({column: central_id}))
    session.execute(delete(OutboxEntry).where(
        OutboxEntry.entity == entity, OutboxEntry.entity_id == local_id,
        OutboxEntry.op == "delete"))
    session.execute(update(OutboxEntry).where(
        OutboxEntry.entity == entity, OutboxEntry.entity_id == local_id)
        .values(entity_id=central_id))
    session.execute(update(SyncConflict).where(
        SyncConflict.entity == entity, SyncConflict.entity_id == local_id)
        .values(entity_id=central_id))
    session.execute(delete(SyncParked).where(
        SyncParked.entity == entity, SyncParked.entity_id == local_id))
    session.delete(local)
    session.flush()
    search.remove_documents(session, entity, [local_id])
    for conflict in result.conflicts:
        session.add(SyncConflict(
            op_id=op_id, entity=entity, entity_id=central_id, field=conflict.field,
            server_value=json.dumps(conflict.server_value, ensure_ascii=False, default=str),
            client_value=json.dumps(conflict.client_value, ensure_ascii=False, default=str),
            winner="server", policy=DUPLICATE, detected_at=now))
    session.add(SyncConflict(
        op_id=op_id, entity=entity, entity_id=central_id, field="",
        server_value=json.dumps({**refusal_value(result), "local_id": local_id,
                                 "existing_id": central_id}, ensure_ascii=False),
        client_value=json.dumps(sent_values, ensure_ascii=False, default=str),
        winner="server", policy=DUPLICATE, detected_at=now))
    return True


def _agreements_of(session: Session, citizen_id: str, statuses: tuple[str, ...]
                   ) -> list[PlacementAgreement]:
    """The agreements in ``statuses`` that hang off this citizen (directly or by a match)."""
    matches = select(Match.id).where(Match.citizen_id == citizen_id)
    return list(session.scalars(select(PlacementAgreement).where(
        (PlacementAgreement.citizen_id == citizen_id)
        | PlacementAgreement.match_id.in_(matches),
        PlacementAgreement.status.in_(statuses))))


def hand_over(session: Session, result: protocol.OperationResult, op_id: str) -> list[str]:
    """A copy of a citizen another consultant holds leaves the device (module doc); the
    caller records the refusal, with the copy's values, afterwards. Its signed and sealed
    agreements move to the service's citizen first, on a stand-in of it, to be sent (the
    service hands them over) and then forgotten with it when the pull brings its scope exit.
    The ids of the records that left with the copy."""
    from .wipe import forget_citizens
    citizen = MODEL_BY_ENTITY["citizen"]
    local_id, central_id = result.entity_id, result.existing_id
    if result.entity != "citizen" or (central_id and not result.existing_elsewhere):
        return []
    local = session.get(citizen, local_id)
    if local is None:
        return []
    signed = _agreements_of(session, local_id, SIGNED)
    if _agreements_of(session, local_id, (lifecycle.SIGNING,)) or (signed and not central_id):
        return []  # a signature cannot be handed over yet: the copy stays, refused
    if signed and session.get(citizen, central_id) is None:
        values = {a.key: getattr(local, a.key) for a in inspect(citizen).column_attrs}
        values.update(id=central_id, version=0)
        session.add(citizen(**values))
        session.flush()
    matches = set(session.scalars(select(Match.id).where(Match.citizen_id == local_id)))
    for agreement in signed:
        agreement.citizen_id = central_id
        if agreement.match_id in matches:
            agreement.match_id = None
    session.flush()
    # the refused create is answered: its refusal, not a "not sent" entry, lists it
    session.execute(delete(OutboxEntry).where(OutboxEntry.op_id == op_id))
    gone = forget_citizens(session, [local_id])
    return [ident for (_entity, ident) in gone.citizen_of if ident != local_id]



