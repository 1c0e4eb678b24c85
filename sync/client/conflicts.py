"""The conflict list and the consultant's choice.

A conflict keeps both values of one field (``SyncConflict``); the policy's winner is what the
record holds now. Choosing the other value is an ordinary local edit made in the caller's
(journalled) transaction, so it is pushed like any other change and reaches the other
devices; choosing the current value just closes the conflict.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from consultant_app.errors import NotFound, UserError
from consultant_app.ids import utcnow
from consultant_app.store.models import MODEL_BY_ENTITY, OutboxEntry, SyncConflict
from consultant_app.text import QT_TRANSLATE_NOOP as _N
from consultant_app.text import Message

from .codec import codec
from .errors import CTX

SERVER, CLIENT = "server", "client"


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


def resolve_conflict(session: Session, conflict_id: str, choice: str) -> None:
    """Keep ``choice`` ("server" or "client") as the field's value, in ``session``'s
    (journalled) transaction."""
    if choice not in (SERVER, CLIENT):
        raise ValueError(choice)
    conflict = session.get(SyncConflict, conflict_id)
    if conflict is None:
        raise NotFound("Konflikt", conflict_id)
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
