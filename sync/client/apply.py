"""Applying a pulled page to the local store.

A page is applied in the caller's transaction (``store.write(journal=False)``, so nothing
here is journalled back), together with the cursor that follows it: a crash before the commit
leaves both the rows and the cursor as they were, and the next pull asks for the same page.

Rules:
- each change is the whole record at ``version``; a record this device already has at that
  version or newer is left alone (a page may be asked for twice);
- a field with a change of this device still waiting in the outbox keeps the local value (that
  change is pushed with its own base version, and the service decides the conflict there);
- deletes are tombstones (``deleted``); a tombstone for a record never seen here is skipped;
- within a page, parents are written before children (``protocol.ENTITIES`` order) and only
  a record's last change counts, so a page's own order cannot break a foreign key.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from consultant_app.search import deferred_indexing
from consultant_app.store.models import OutboxEntry
from sync import protocol

from .codec import codec, to_naive_utc

CHUNK = 500  # ids per IN (...) query, under SQLite's variable limit
DEFERRED_INDEXING_FROM = 200  # inserted rows from which one indexing pass beats triggers


@dataclass
class PageResult:
    inserted: int = 0
    updated: int = 0
    skipped: int = 0
    kept_local: dict[tuple[str, str], list[str]] = field(default_factory=dict)

    @property
    def applied(self) -> int:
        return self.inserted + self.updated


def _chunks(items: list[str], n: int = CHUNK) -> Iterable[list[str]]:
    for i in range(0, len(items), n):
        yield items[i:i + n]


def pending_fields(session: Session, entity: str, ids: list[str]) -> dict[str, set[str]]:
    """Fields of these records with a local change still waiting to be pushed."""
    out: dict[str, set[str]] = {}
    for part in _chunks(ids):
        for entity_id, fields in session.execute(
                select(OutboxEntry.entity_id, OutboxEntry.fields).where(
                    OutboxEntry.entity == entity, OutboxEntry.entity_id.in_(part))):
            out.setdefault(entity_id, set()).update(fields)
    return out


def _defaults(model: type[Any]) -> dict[str, Any]:
    """Column defaults for a record whose change lacks some fields (an older service)."""
    out: dict[str, Any] = {}
    for column in model.__table__.columns:
        default = column.default
        if default is None:
            out[column.name] = None
        elif default.is_callable:
            out[column.name] = default.arg(None)
        else:
            out[column.name] = default.arg
    return out


def apply_page(session: Session, changes: list[protocol.Change]) -> PageResult:
    result = PageResult()
    latest: dict[tuple[str, str], protocol.Change] = {}
    for change in changes:
        key = (change.entity, change.entity_id)
        if key not in latest or latest[key].seq < change.seq:
            latest[key] = change
    by_entity: dict[str, list[protocol.Change]] = {}
    for change in latest.values():
        by_entity.setdefault(change.entity, []).append(change)

    inserts_total = sum(len(v) for v in by_entity.values())
    cipher = session.get_bind().dialect.field_cipher  # type: ignore[attr-defined]
    if inserts_total >= DEFERRED_INDEXING_FROM:
        with deferred_indexing(session):
            _apply(session, by_entity, result, cipher)
    else:
        _apply(session, by_entity, result, cipher)
    return result


def _apply(session: Session, by_entity: dict[str, list[protocol.Change]], result: PageResult,
           cipher: Any) -> None:
    for entity in protocol.ENTITIES:
        items = by_entity.get(entity)
        if not items:
            continue
        c = codec(entity)
        model = c.model
        ids = [ch.entity_id for ch in items]
        have: dict[str, int] = {}
        for part in _chunks(ids):
            have.update(session.execute(
                select(model.id, model.version).where(model.id.in_(part))).all())
        pending = pending_fields(session, entity, [i for i in ids if i in have]) if have else {}
        defaults = None
        inserts: list[dict[str, Any]] = []
        updates: list[dict[str, Any]] = []
        for ch in items:
            local_version = have.get(ch.entity_id)
            if local_version is None:
                if ch.deleted:
                    result.skipped += 1
                    continue
                if defaults is None:
                    defaults = _defaults(model)
                row = {**defaults, **c.decode(ch.values), "id": ch.entity_id,
                       "version": ch.version, "deleted": False,
                       "modified_at": to_naive_utc(ch.modified_at) or defaults["modified_at"]}
                if entity == "citizen":
                    row["cpr_index"] = cipher.blind_index(row["cpr"]) if row.get("cpr") else None
                inserts.append(row)
                continue
            if local_version >= ch.version:
                result.skipped += 1
                continue
            values = c.decode(ch.values)
            values["deleted"] = ch.deleted
            keep = pending.get(ch.entity_id, set())
            if keep:
                if "*" in keep:  # created here and not yet pushed: all fields are local
                    kept = list(values)
                else:
                    kept = [f for f in values if f in keep]
                for f in kept:
                    values.pop(f, None)
                if kept:
                    result.kept_local[(entity, ch.entity_id)] = sorted(kept)
            if entity == "citizen" and "cpr" in values:
                values["cpr_index"] = cipher.blind_index(values["cpr"]) if values["cpr"] else None
            values["id"] = ch.entity_id
            values["version"] = ch.version
            if ch.modified_at is not None:
                values["modified_at"] = to_naive_utc(ch.modified_at)
            updates.append(values)
        if inserts:
            session.execute(insert(model), inserts)
            result.inserted += len(inserts)
        if updates:
            # Rows with the same set of fields go in one executemany.
            groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
            for values in updates:
                groups.setdefault(tuple(sorted(values)), []).append(values)
            for group in groups.values():
                session.execute(update(model), group)
            result.updated += len(updates)
