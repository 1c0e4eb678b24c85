"""Applying a pulled page to the local store.

A page is applied in the caller's transaction (``store.write(journal=False)``, so nothing
here is journalled back), together with the cursor that follows it: a crash before the commit
leaves both the rows and the cursor as they were, and the next pull asks for the same page.

Rules:
- each change is the whole record at ``version``; a record this device already has at that
  version or newer is left alone (a page may be asked for twice);
- a field with a change of this device still waiting in the outbox keeps the local value (that
  change is pushed with its own base version, and the service decides the conflict there);
- deletes are tombstones (``deleted``); a tombstone of a record never held here is kept as a
  deleted row (its parents as the change names them, neutral values elsewhere), so what
  still hangs off the deleted record (a signed agreement of a deleted vacancy, a match)
  finds its parent and is taken in, shown or hidden as the lists' rules say, instead of being
  parked and quarantined as ``missing_parent`` (protocol, "Deletes");
- within a page, parents are written before children (``protocol.ENTITIES`` order) and only
  a record's last change counts, so a page's own order cannot break a foreign key; a new
  record whose parent is in neither the store nor the page is parked (``SyncParked``) and
  applied with the page that brings its parent, so a service that orders its changes
  differently can never wedge the pull on a foreign key;
- a scope exit (protocol, "Scope exits") forgets its citizen and what hangs off it
  (``wipe.forget_citizens``) before the rest of the page is written, and the page's own
  changes of them numbered before the exit are dropped unwritten;
- no change can stop the page (``quarantine``): the page is written in bulk inside a
  savepoint; if the store refuses any of it, the savepoint is rolled back and the page is
  written change by change, each in its own savepoint, and a change that still fails (or
  cannot be read, or is of an entity this version does not know) is set aside in the
  quarantine; the rest of the page and its cursor are committed as usual. With
  ``retry=True`` (the first page of a sync) the quarantined changes are tried again first.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from operator import itemgetter
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    Integer,
    delete,
    select,
    update,
)
from sqlalchemy.orm import Session

from consultant_app.search import deferred_indexing
from consultant_app.store.models import (
    MODEL_BY_ENTITY,
    SYNC_COLUMNS,
    OutboxEntry,
    SyncParked,
)
from consultant_app.store.types import EncryptedText
from sync import protocol

from . import quarantine
from .codec import codec, to_naive_utc
from .wipe import FAMILY, forget_citizens

log = logging.getLogger(__name__)

CHUNK = 500  # ids per IN (...) query, under SQLite's variable limit
DEFERRED_INDEXING_FROM = 200  # inserted rows from which one indexing pass beats triggers


@dataclass
class PageResult:
    inserted: int = 0
    updated: int = 0
    skipped: int = 0
    parked: int = 0
    forgotten: int = 0  # local records removed by scope exits
    quarantined: int = 0  # changes set aside (``quarantine``)
    kept_local: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    # records whose change was parked or set aside in this page (not taken in)
    held: set[tuple[str, str]] = field(default_factory=set)

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


def _default(column: Any) -> Any:
    default = column.default
    if default is None:
        return None
    return default.arg(None) if default.is_callable else default.arg


# A UTC or naive ISO stamp as the service sends it ("2026-11-23T10:00:00.000000",
# "2026-11-23T10:00:00Z"): rewritten as text, without a datetime per row.
_ISO_UTC = re.compile(r"(\d{4}-\d\d-\d\d)T(\d\d:\d\d:\d\d)(\.\d{6})?(?:Z|\+00:00)?")


def _stamp(value: Any) -> str | None:
    if isinstance(value, str):
        m = _ISO_UTC.fullmatch(value)
        if m is not None:
            return f"{m[1]} {m[2]}{m[3] or '.000000'}"
    stamp = to_naive_utc(value)
    return None if stamp is None else stamp.strftime("%Y-%m-%d %H:%M:%S.%f")


def _date(value: Any) -> str | None:
    if type(value) is str:  # the wire's form, "2026-11-23"
        return value[:10] or None
    if value is None:
        return None
    text = value.isoformat() if hasattr(value, "isoformat") else str(value)
    return text[:10]


_MISSING = object()
_json_string = json.encoder.encode_basestring  # type: ignore[attr-defined]


def _json(value: Any) -> str:
    """A list as the store's serializer writes it (UTF-8 JSON, ", " between items); lists
    of strings, the common case, without the general encoder's per-call overhead."""
    if not value:
        return "[]"
    try:
        # the string encoder refuses anything but a str (TypeError): then the general one
        return "[" + ", ".join(map(_json_string, value)) + "]"
    except TypeError:
        return json.dumps(list(value), ensure_ascii=False)


def _getter(names: list[str]) -> Callable[[Mapping[str, Any]], tuple[Any, ...]]:
    """What ``operator.itemgetter`` does for these names, always as a tuple."""
    if len(names) > 1:
        return itemgetter(*names)
    if names:
        name = names[0]
        return lambda values: (values[name],)
    return lambda values: ()


def _bool(value: Any) -> int | None:
    return None if value is None else int(bool(value))


class _Inserter:
    """New records straight into SQLite with one ``executemany`` per entity and page, in the
    session's transaction: the same stored forms the ORM writes (stamps as
    'YYYY-MM-DD HH:MM:SS.ffffff', dates as ISO, lists as UTF-8 JSON, sensitive fields
    encrypted with the profile's cipher), without its per-row bookkeeping, which would
    cost more than the insert itself in a first sync.

    The INSERT names its columns in the order a row is built: first the wire fields stored
    as they come (one ``itemgetter`` call takes them all), then those converted, then the
    encrypted ones, then the sync columns; a first sync builds 100k+ rows."""

    def __init__(self, entity: str):
        model = MODEL_BY_ENTITY[entity]
        self.entity = entity
        self.table = model.__tablename__
        wire = set(codec(entity).fields)
        direct: list[tuple[str, Any]] = []
        converted: list[tuple[str, Any, Callable[[Any], Any]]] = []
        encrypted: list[tuple[str, Any]] = []
        local: list[str] = []
        for column in model.__table__.columns:
            name, t = column.name, column.type
            if name in SYNC_COLUMNS:
                continue
            if name not in wire:
                local.append(name)  # set below (cpr_index) or left empty
                continue
            default = _default(column)
            if isinstance(t, EncryptedText):
                encrypted.append((name, default))
                continue
            convert: Callable[[Any], Any] | None = None
            if isinstance(t, DateTime):
                convert = _stamp
            elif isinstance(t, Date):
                convert = _date
            elif isinstance(t, JSON):
                convert = _json
            elif isinstance(t, Boolean):
                convert = _bool
            if convert is None:
                direct.append((name, default))
            else:
                converted.append((name, None if default is None else convert(default),
                                  convert))
        self.direct, self.converted, self.encrypted = direct, converted, encrypted
        self.take = _getter([n for n, _ in direct])
        self.take_converted = _getter([n for n, _, _ in converted])
        self.conversions = tuple((convert, default) for _, default, convert in converted)
        self.has_cpr_index = "cpr_index" in local
        self.local_tail = tuple(None for n in local if n != "cpr_index")
        self.columns = [*(n for n, _ in direct), *(n for n, _, _ in converted),
                        *(n for n, _ in encrypted), "id", "version", "deleted", "modified_at",
                        *(["cpr_index"] if self.has_cpr_index else []),
                        *(n for n in local if n != "cpr_index")]
        index = {name: i for i, name in enumerate(self.columns)}
        # (row index, parent table) of each foreign key, to find rows whose parent is missing
        self.parents = [(index[c.name], next(iter(c.foreign_keys)).column.table.name)
                        for c in model.__table__.columns if c.foreign_keys]
        # A tombstone of a record never held here is kept as a row (module doc): its parents
        # from the change (it must name every required one), a neutral value in every other
        # required field (the record's values are not sent; a tombstone is shown nowhere).
        self.tombstone_parents = tuple(c.name for c in model.__table__.columns
                                       if c.foreign_keys and not c.nullable)
        self.tombstone_values = {
            c.name: _neutral(c.type) for c in model.__table__.columns
            if c.name in wire and not c.nullable and not c.foreign_keys
            and _default(c) is None and c.name not in SYNC_COLUMNS}
        marks = ", ".join("?" * len(self.columns))
        self.sql = (f'INSERT INTO "{self.table}" ({", ".join(self.columns)}) '
                    f"VALUES ({marks})")

    def tombstone(self, ch: _Change) -> _Change | None:
        """The change that keeps ``ch`` (a tombstone of a record never held here) as a deleted
        row, or None if it does not name the parents the row needs (an older service)."""
        if any(not ch.values.get(name) for name in self.tombstone_parents):
            return None
        stub = _Change(ch.as_dict())
        stub.values = {**self.tombstone_values, **ch.values}
        return stub

    def row(self, ch: _Change, cipher: Any) -> tuple[Any, ...]:
        values = ch.values
        get = values.get
        # A field sent as null is stored as NULL; a field not sent gets the column default.
        # Every field is sent as a rule, so all are read at once, and one by one only when
        # one is missing.
        try:
            head = self.take(values)
        except KeyError:
            head = tuple(get(n, default) for n, default in self.direct)
        try:
            sent = self.take_converted(values)
        except KeyError:
            sent = tuple(get(n, _MISSING) for n, _, _ in self.converted)
        rest = [None if value is None else default if value is _MISSING else convert(value)
                for (convert, default), value in zip(self.conversions, sent)]
        for name, default in self.encrypted:
            value = get(name, default)
            rest.append(None if value is None else cipher.encrypt(str(value)))
        rest += (ch.entity_id, ch.version, int(ch.deleted),
                 _stamp(ch.modified_at) or _stamp(_default_now()))
        if self.has_cpr_index:
            cpr = get("cpr")
            rest.append(cipher.blind_index(cpr) if cpr else None)
        return (*head, *rest, *self.local_tail)

    def write(self, session: Session, rows: list[tuple[Any, ...]]) -> None:
        raw = session.connection().connection.driver_connection
        raw.executemany(self.sql, rows)  # type: ignore[union-attr]
        # The store's per-table write generations (matching caches) must see this write.
        session.info.setdefault("touched", set()).add(self.table)


def _local_versions(session: Session, table: str, ids: list[str]) -> dict[str, int]:
    """The local version of each of ``ids`` that exists here (plain SQL: a first sync asks
    this for every one of its records)."""
    raw = session.connection().connection.driver_connection
    out: dict[str, int] = {}
    for part in _chunks(ids):
        marks = ",".join("?" * len(part))
        out.update(raw.execute(  # type: ignore[union-attr]
            f'SELECT id, version FROM "{table}" WHERE id IN ({marks})', part).fetchall())
    return out


def _park_orphans(session: Session, writer: _Inserter, rows: list[tuple[Any, ...]],
                  changes: list[_Change], result: PageResult) -> list[tuple[Any, ...]]:
    """The rows whose parents exist; the others are parked until a page brings them."""
    raw = session.connection().connection.driver_connection
    missing: set[int] = set()
    for index, table in writer.parents:
        wanted = list({r[index] for r in rows if r[index] is not None})
        found: set[str] = set()
        for part in _chunks(wanted):
            marks = ",".join("?" * len(part))
            found.update(v for (v,) in raw.execute(  # type: ignore[union-attr]
                f'SELECT id FROM "{table}" WHERE id IN ({marks})', part))
        missing.update(i for i, r in enumerate(rows)
                       if r[index] is not None and r[index] not in found)
    if not missing:
        return rows
    for i in sorted(missing):
        ch = changes[i]
        result.held.add((ch.entity, ch.entity_id))
        session.merge(SyncParked(entity_id=ch.entity_id, entity=ch.entity, seq=ch.seq,
                                 change=json.dumps(ch.as_dict(), ensure_ascii=False)))
    result.parked += len(missing)
    return [r for i, r in enumerate(rows) if i not in missing]


def _neutral(t: Any) -> Any:
    """An empty value of a column's type, in wire form (a kept tombstone's required fields)."""
    if isinstance(t, Boolean):
        return False
    if isinstance(t, DateTime):
        return "1970-01-01T00:00:00"
    if isinstance(t, Date):
        return "1970-01-01"
    if isinstance(t, JSON):
        return []
    if isinstance(t, (Integer, Float)):
        return 0
    return ""


def _default_now() -> Any:
    from consultant_app.ids import utcnow
    return utcnow()


@cache
def _inserter(entity: str) -> _Inserter:
    return _Inserter(entity)


class _Change:
    """A pulled change, read from the page's JSON without building a model per row (a
    first sync is 100k+ of them; ``protocol.Change`` is the schema they follow)."""

    __slots__ = (
        "deleted",
        "entity",
        "entity_id",
        "modified_at",
        "scope_exit",
        "seq",
        "values",
        "version",
    )

    def __init__(self, raw: Mapping[str, Any] | protocol.Change):
        if isinstance(raw, protocol.Change):
            raw = raw.model_dump()
        self.seq = int(raw["seq"])
        self.entity = str(raw["entity"])
        self.entity_id = str(raw["entity_id"])
        self.version = int(raw["version"])
        self.deleted = bool(raw.get("deleted", False))
        self.values = raw.get("values") or {}
        self.modified_at = raw.get("modified_at")
        self.scope_exit = bool(raw.get("scope_exit", False))

    def as_dict(self) -> dict[str, Any]:
        stamp = self.modified_at
        return {"seq": self.seq, "entity": self.entity, "entity_id": self.entity_id,
                "version": self.version, "deleted": self.deleted, "values": self.values,
                "modified_at": stamp.isoformat() if hasattr(stamp, "isoformat") else stamp}


def apply_page(session: Session, changes: Iterable[Mapping[str, Any] | protocol.Change],
               retry: bool = False) -> PageResult:
    """Apply one page of changes (``protocol.Change`` objects or their JSON dicts); with
    ``retry``, the quarantined changes first (module doc)."""
    result = PageResult()
    latest: dict[tuple[str, str], _Change] = {}
    exits: list[_Change] = []
    waiting = session.scalars(select(SyncParked)).all()
    if waiting:
        session.execute(delete(SyncParked))
        changes = [*(json.loads(p.change) for p in waiting), *changes]
    set_aside = quarantine.pending(session) if retry else []
    if set_aside:
        changes = [*(json.loads(q.payload) for q in set_aside), *changes]
    watch = bool(set_aside) or quarantine.has_any(session)
    for raw in changes:
        try:
            change = _Change(raw)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            _unreadable(session, raw, exc, result)
            continue
        if change.scope_exit:
            exits.append(change)
            continue
        key = (change.entity, change.entity_id)
        if change.entity not in MODEL_BY_ENTITY:
            # an entity this version does not know: kept for a version that does
            quarantine.put(session, quarantine.PULL, change.entity, change.entity_id,
                           "unknown_entity", change.as_dict(), seq=change.seq)
            result.quarantined += 1
            result.held.add(key)
            continue
        if key not in latest or latest[key].seq < change.seq:
            latest[key] = change
    if exits:
        _leave_scope(session, exits, latest, result, watch)
    by_entity: dict[str, list[_Change]] = {}
    for change in latest.values():
        by_entity.setdefault(change.entity, []).append(change)

    inserts_total = sum(len(v) for v in by_entity.values())
    cipher = session.get_bind().dialect.field_cipher  # type: ignore[attr-defined]
    if inserts_total >= DEFERRED_INDEXING_FROM:
        with deferred_indexing(session):
            _apply_guarded(session, by_entity, result, cipher)
    else:
        _apply_guarded(session, by_entity, result, cipher)
    if watch:
        quarantine.release(session, [k for k in latest if k not in result.held])
    return result


def _unreadable(session: Session, raw: Any, exc: Exception, result: PageResult) -> None:
    """A change that is not a change (a field missing, a number that is not one)."""
    get = raw.get if isinstance(raw, Mapping) else (lambda _k, d=None: d)
    entity = str(get("entity", "") or "?")[:50]
    ident = str(get("entity_id", "") or get("seq", "") or "?")[:64]
    try:
        payload = json.dumps(raw, ensure_ascii=False, default=str)
    except (TypeError, ValueError):
        payload = json.dumps(repr(raw))
    quarantine.put(session, quarantine.PULL, entity, ident, "bad_change", payload,
                   detail=f"{type(exc).__name__}: {exc}")
    result.quarantined += 1


def _apply_guarded(session: Session, by_entity: dict[str, list[_Change]],
                   result: PageResult, cipher: Any) -> None:
    """``_apply`` in bulk; if the store refuses anything, change by change, setting aside
    what it still refuses (module doc)."""
    before = (result.inserted, result.updated, result.skipped, result.parked,
              set(result.held), dict(result.kept_local))
    try:
        with session.begin_nested():
            _apply(session, by_entity, result, cipher)
        return
    except Exception as exc:  # noqa: BLE001 - any refusal: found below, change by change
        log.info("a page could not be written in bulk (%s); writing it change by change",
                 type(exc).__name__)
    (result.inserted, result.updated, result.skipped, result.parked, result.held,
     result.kept_local) = before
    for entity in protocol.ENTITIES:
        for ch in by_entity.get(entity, ()):
            try:
                with session.begin_nested():
                    _apply(session, {entity: [ch]}, result, cipher)
            except Exception as exc:  # noqa: BLE001 - set aside, shown, retried
                quarantine.put(session, quarantine.PULL, ch.entity, ch.entity_id,
                               "cannot_apply", ch.as_dict(),
                               detail=f"{type(exc).__name__}: {exc}", seq=ch.seq)
                result.quarantined += 1
                result.held.add((ch.entity, ch.entity_id))


def _leave_scope(session: Session, exits: list[_Change],
                 latest: dict[tuple[str, str], _Change], result: PageResult,
                 watch: bool = False) -> None:
    """Forget the citizens of these scope exits, and drop the page's changes of them (and of
    what hangs off them, here or in the page) numbered before their exit; a change numbered
    after it (the citizen given back) stays and is written."""
    exit_seq: dict[str, int] = {}
    for ch in exits:
        if ch.entity == "citizen":
            exit_seq[ch.entity_id] = max(ch.seq, exit_seq.get(ch.entity_id, 0))
        else:
            result.skipped += 1  # only citizens leave a scope in this version
    if not exit_seq:
        return
    forgotten = forget_citizens(session, exit_seq)
    result.forgotten += forgotten.records
    if watch:
        quarantine.forget(session, [*forgotten.citizen_of,
                                    *(("citizen", c) for c in exit_seq)])
    citizen_of = {**forgotten.citizen_of, **{("citizen", c): c for c in exit_seq}}
    for entity, _model, parent_field, parent_entity in FAMILY:
        for (kind, ident), ch in latest.items():
            parent = ch.values.get(parent_field)
            if kind == entity and (parent_entity, parent) in citizen_of:
                citizen_of.setdefault((kind, ident), citizen_of[(parent_entity, parent)])
    for key, ch in list(latest.items()):
        citizen = citizen_of.get(key)
        if citizen is not None and ch.seq < exit_seq.get(citizen, 0):
            del latest[key]
            result.skipped += 1


def _apply(session: Session, by_entity: dict[str, list[_Change]], result: PageResult,
           cipher: Any) -> None:
    for entity in protocol.ENTITIES:
        items = by_entity.get(entity)
        if not items:
            continue
        c = codec(entity)
        model = c.model
        ids = [ch.entity_id for ch in items]
        have = _local_versions(session, model.__tablename__, ids)
        pending = pending_fields(session, entity, [i for i in ids if i in have]) if have else {}
        inserts: list[tuple[Any, ...]] = []
        new_changes: list[_Change] = []
        writer = _inserter(entity)
        updates: list[dict[str, Any]] = []
        for ch in items:
            local_version = have.get(ch.entity_id)
            if local_version is None:
                if ch.deleted:
                    kept = writer.tombstone(ch)
                    if kept is None:
                        result.skipped += 1
                        continue
                    ch = kept
                inserts.append(writer.row(ch, cipher))
                new_changes.append(ch)
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
        if inserts and writer.parents:
            inserts = _park_orphans(session, writer, inserts, new_changes, result)
        if inserts:
            writer.write(session, inserts)
            result.inserted += len(inserts)
        if updates:
            # Rows with the same set of fields go in one executemany.
            groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
            for values in updates:
                groups.setdefault(tuple(sorted(values)), []).append(values)
            for group in groups.values():
                session.execute(update(model), group)
            result.updated += len(updates)
