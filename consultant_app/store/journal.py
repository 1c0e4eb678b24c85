"""The outbox: every local change to a synced row is journalled in the same flush.

One mechanism for all writers: a ``before_flush`` hook on the store's sessions. A session that
applies changes pulled from the server sets ``session.info["journal"] = False`` so those are not
sent back. Bulk inserts that bypass the ORM unit of work call ``journal_created`` themselves, in
the same transaction.
"""

from __future__ import annotations

from typing import Any, Iterable

from sqlalchemy import event, inspect, insert
from sqlalchemy.orm import Session

from ..ids import new_id, utcnow
from .models import SYNC_COLUMNS, SYNCED_MODELS, OutboxEntry, Synced

_NOT_JOURNALLED = frozenset(SYNC_COLUMNS) - {"deleted"}
# Parents before children: the order of SYNCED_MODELS, which is sync.protocol.ENTITIES.
ENTITY_ORDER = {model.__entity__: i for i, model in enumerate(SYNCED_MODELS)}


def _changed_fields(obj: Synced) -> list[str]:
    state = inspect(obj)
    return sorted(
        attr.key for attr in state.attrs
        if attr.key not in _NOT_JOURNALLED and attr.history.has_changes()
    )


def _parents_first(obj: Synced) -> int:
    return ENTITY_ORDER.get(obj.__entity__, len(ENTITY_ORDER))


def before_flush(session: Session, flush_context: Any, instances: Any) -> None:
    """Journals the flush's changes parents first (the store's ``ENTITY_ORDER``), creates
    before updates within an entity: a parent's change travels before its children's, so
    however the engine cuts the outbox into pushes, the service never meets a signature
    before the agreement's status change that came with it (sync.protocol, "Signed
    agreements and scope exits"), nor a child before its parent's create."""
    if not session.info.get("journal", True):
        return
    now = utcnow()
    entries: list[tuple[int, int, OutboxEntry]] = []
    for obj in list(session.new):
        if isinstance(obj, Synced):
            if obj.id is None:
                obj.id = new_id()
            obj.modified_at = now
            entries.append((_parents_first(obj), 0, OutboxEntry(
                entity=obj.__entity__, entity_id=obj.id, op="create", fields=["*"],
                base_version=obj.version or 0, created_at=now)))
    for obj in list(session.dirty):
        if not isinstance(obj, Synced) or not session.is_modified(obj):
            continue
        fields = _changed_fields(obj)
        if not fields:
            continue
        op = "delete" if "deleted" in fields and obj.deleted else "update"
        obj.modified_at = now
        entries.append((_parents_first(obj), 1, OutboxEntry(
            entity=obj.__entity__, entity_id=obj.id, op=op, fields=fields,
            base_version=obj.version or 0, created_at=now)))
    entries.sort(key=lambda e: e[:2])  # stable: the session's order within a kind
    for _, _, entry in entries:
        entry.op_id = new_id()
        session.add(entry)
    for obj in session.deleted:
        if isinstance(obj, Synced):
            raise RuntimeError(f"{obj.__entity__} rows are tombstoned (deleted=True), never deleted")


def journal_created(session: Session, entity: str, ids: Iterable[str]) -> None:
    """Journal rows inserted in bulk (outside the unit of work), in the caller's transaction."""
    now = utcnow()
    session.execute(insert(OutboxEntry), [
        {"op_id": new_id(), "entity": entity, "entity_id": i, "op": "create", "fields": ["*"],
         "base_version": 0, "created_at": now}
        for i in ids
    ])


def install(session_class: type[Session]) -> None:
    event.listen(session_class, "before_flush", before_flush)
