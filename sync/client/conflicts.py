"""The conflict list and the consultant's choice.

A conflict keeps both values of one field (``SyncConflict``); the policy's winner is what the
record holds now. Choosing the other value is an ordinary local edit made in the caller's
(journalled) transaction, so it is pushed like any other change and reaches the other
devices; choosing the current value just closes the conflict.

A delete racing an edit (``protocol.DELETE_WINS``): the tombstone is final, so the side that
is not the delete cannot be chosen (``DeleteIsFinal``): "keep mine" would be an edit of a
deleted record that the service refuses again. What the consultant can do instead is make the
record anew from the values kept (``recreate_record``): a new record, with a new id, holding
the deleted record's last values and the edit that lost; it is pushed as a create. What hung
off the deleted record (contacts, visits, matches) does not follow it.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from consultant_app.errors import NotFound, Noun, UserError
from consultant_app.ids import utcnow
from consultant_app.store.models import MODEL_BY_ENTITY, OutboxEntry, SyncConflict
from consultant_app.text import QT_TRANSLATE_NOOP as _N
from consultant_app.text import Message
from sync.protocol import DELETE_WINS, DELETED_FIELD

from .codec import codec
from .errors import CTX, refusal_text

SERVER, CLIENT = "server", "client"
_TABLE_MODELS = {model.__tablename__: model for model in MODEL_BY_ENTITY.values()}


@dataclass(frozen=True)
class ConflictView:
    id: str
    entity: str
    entity_id: str
    record_label: str
    field: str
    server_value: Any
    client_value: Any
    winner: str
    policy: str
    detected_at: dt.datetime
    chosen: str | None

    @property
    def rejected(self) -> bool:
        return self.policy == "rejected"

    @property
    def reason(self) -> Message | None:
        """The service's reason, to render in the reader's language: why it rejected the
        change, or (an entry with no field) why a record made here was merged into one the
        service already had (``adopt``); None for a conflict over a field's value."""
        if self.rejected or (not self.field and isinstance(self.server_value, dict)
                             and "code" in self.server_value):
            return refusal_text(self.server_value)
        return None

    @property
    def lost_to_delete(self) -> bool:
        """A delete racing an edit: the record stays deleted (module doc)."""
        return self.policy == DELETE_WINS

    @property
    def moved_citizen(self) -> bool:
        """A change of a citizen who moved to another consultant, kept to be handed over
        (``wipe``); resolving it removes it from the device."""
        return self.rejected and _is_scope_exit(self.server_value)


@dataclass(frozen=True)
class WaitingItem:
    op_id: str
    entity: str
    entity_id: str
    record_label: str
    op: str
    fields: list[str]
    created_at: dt.datetime


_LABEL_COLUMNS = ("name", "title", "signer_name", "agreement_type", "to_status", "action")


def _label(session: Session, entity: str, entity_id: str) -> str:
    """A human name for a record: its name or title where it has one."""
    model = MODEL_BY_ENTITY.get(entity)
    if model is None:
        return entity_id
    for attr in _LABEL_COLUMNS:
        column = getattr(model, attr, None)
        if column is not None:
            value = session.scalar(select(column).where(model.id == entity_id))
            return str(value) if value else entity_id
    return entity_id


def list_conflicts(session: Session, include_resolved: bool = False,
                   limit: int = 500) -> list[ConflictView]:
    query = select(SyncConflict).order_by(SyncConflict.detected_at.desc()).limit(limit)
    if not include_resolved:
        query = query.where(SyncConflict.resolved_at.is_(None))
    out = []
    for c in session.scalars(query):
        server_value = json.loads(c.server_value) if c.server_value else None
        client_value = json.loads(c.client_value) if c.client_value else None
        label = _label(session, c.entity, c.entity_id)
        if _is_scope_exit(server_value) and isinstance(client_value, str):
            # The record has left the device; the entry keeps only "<name>: <fields>".
            label = client_value.split(":")[0]
        out.append(ConflictView(c.id, c.entity, c.entity_id, label, c.field, server_value,
                                client_value, c.winner, c.policy, c.detected_at, c.chosen))
    return out


def _is_scope_exit(server_value: Any) -> bool:
    return isinstance(server_value, dict) and server_value.get("code") == "scope_exit"


def _labels(session: Session, wanted: list[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """``_label`` for many records: one query per entity, not one per record."""
    by_entity: dict[str, set[str]] = {}
    for entity, entity_id in wanted:
        by_entity.setdefault(entity, set()).add(entity_id)
    found: dict[tuple[str, str], str] = {}
    for entity, ids in by_entity.items():
        model = MODEL_BY_ENTITY.get(entity)
        column = next((getattr(model, a) for a in _LABEL_COLUMNS
                       if model is not None and hasattr(model, a)), None)
        if column is None:
            continue
        id_list = sorted(ids)
        for start in range(0, len(id_list), 500):
            for ident, value in session.execute(select(model.id, column).where(
                    model.id.in_(id_list[start:start + 500]))):
                if value:
                    found[(entity, ident)] = str(value)
    return {key: found.get(key, key[1]) for key in wanted}


def waiting_items(session: Session, limit: int = 500) -> list[WaitingItem]:
    entries = session.scalars(select(OutboxEntry).order_by(OutboxEntry.seq).limit(limit)).all()
    labels = _labels(session, [(e.entity, e.entity_id) for e in entries])
    return [WaitingItem(e.op_id, e.entity, e.entity_id, labels[(e.entity, e.entity_id)],
                        e.op, list(e.fields), e.created_at) for e in entries]


class ConflictGone(UserError):
    def __init__(self) -> None:
        super().__init__(Message(CTX, _N(CTX, "Posten findes ikke længere; konflikten kan "
                                              "ikke løses her.")))


class DeleteIsFinal(UserError):
    def __init__(self) -> None:
        super().__init__(Message(CTX, _N(
            CTX, "Posten er slettet, og en sletning kan ikke gøres om. Vil du beholde "
                 "oplysningerne, så opret posten igen som en ny post med dem (\"Opret igen\"); "
                 "det, der hørte til den slettede post, følger ikke med.")))


class CannotRecreate(UserError):
    def __init__(self, template: str) -> None:
        super().__init__(Message(CTX, template))


# What can be made anew from a deleted record's kept values: the records a consultant deletes
# and types in themself (an agreement is made anew as a new agreement, from its template).
RECREATABLE = ("employer", "contact_person", "visit", "vacancy", "citizen")


def _open_conflict(session: Session, conflict_id: str) -> SyncConflict:
    conflict = session.get(SyncConflict, conflict_id)
    if conflict is None:
        raise NotFound(Noun.CONFLICT, conflict_id)
    return conflict


def recreate_record(session: Session, conflict_id: str) -> str:
    """A new record made from a deleted record's last values and the edit that lost to the
    delete (module doc), in ``session``'s (journalled) transaction; its id. The delete's
    conflicts about the record are closed with the delete kept."""
    conflict = _open_conflict(session, conflict_id)
    if conflict.policy != DELETE_WINS:
        raise CannotRecreate(_N(CTX, "Konflikten handler ikke om en slettet post."))
    if conflict.entity not in RECREATABLE:
        raise CannotRecreate(_N(CTX, "Denne slags post kan ikke oprettes igen herfra. Lav "
                                     "den på ny."))
    model = MODEL_BY_ENTITY[conflict.entity]
    row = session.get(model, conflict.entity_id)
    if row is None:
        raise ConflictGone()
    c = codec(conflict.entity)
    values = c.encode(row)
    for other in session.scalars(select(SyncConflict).where(
            SyncConflict.entity == conflict.entity, SyncConflict.entity_id == conflict.entity_id,
            SyncConflict.policy == DELETE_WINS, SyncConflict.resolved_at.is_(None))
            .order_by(SyncConflict.detected_at)):
        lost = json.loads((other.client_value if other.winner == SERVER
                           else other.server_value) or "null")
        if other.field == DELETED_FIELD:  # an edit that came after the delete: its values
            values.update(lost if isinstance(lost, dict) else {})
        else:  # an edit the delete had not seen: that field's value
            values[other.field] = lost
        other.chosen, other.resolved_at = other.winner, utcnow()
    decoded = c.decode(values)
    for column in model.__table__.columns:
        ident = decoded.get(column.name)
        if column.foreign_keys and ident:
            table = next(iter(column.foreign_keys)).column.table.name
            parent = session.get(_TABLE_MODELS[table], ident)
            if parent is None or parent.deleted:
                raise CannotRecreate(_N(CTX, "Posten kan ikke oprettes igen, fordi den hørte "
                                             "til en post, der også er slettet."))
    decoded.pop("id", None)
    fresh = model(**decoded)
    fresh.deleted = False
    if conflict.entity == "citizen" and fresh.cpr:
        cipher = session.get_bind().dialect.field_cipher  # type: ignore[attr-defined]
        fresh.cpr_index = cipher.blind_index(fresh.cpr)
    session.add(fresh)
    session.flush()
    return fresh.id


def resolve_conflict(session: Session, conflict_id: str, choice: str) -> None:
    """Keep ``choice`` ("server" or "client") as the field's value, in ``session``'s
    (journalled) transaction."""
    if choice not in (SERVER, CLIENT):
        raise ValueError(choice)
    conflict = _open_conflict(session, conflict_id)
    if conflict.policy == DELETE_WINS and choice != conflict.winner:
        raise DeleteIsFinal()
    if _is_scope_exit(json.loads(conflict.server_value) if conflict.server_value else None):
        # A change to a citizen who moved to another consultant: once the consultant has seen
        # it, the entry (and the citizen's name in it) leaves the device too.
        session.delete(conflict)
        session.flush()
        return
    if conflict.field and choice != conflict.winner:
        model = MODEL_BY_ENTITY.get(conflict.entity)
        row = session.get(model, conflict.entity_id) if model is not None else None
        if row is None:
            raise ConflictGone()
        raw = conflict.server_value if choice == SERVER else conflict.client_value
        value = json.loads(raw) if raw else None
        decoded = codec(conflict.entity).decode({conflict.field: value})
        if conflict.field in decoded:
            setattr(row, conflict.field, decoded[conflict.field])
            if conflict.entity == "citizen" and conflict.field == "cpr":
                cipher = session.get_bind().dialect.field_cipher  # type: ignore[attr-defined]
                row.cpr_index = cipher.blind_index(value) if value else None
    conflict.chosen = choice
    conflict.resolved_at = utcnow()
