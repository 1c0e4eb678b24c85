"""Wiping a revoked device (DESIGN.md: a revoked device's next contact wipes the personal
data on it and tells the user why).

Deleted, not blanked: citizens, their matches and match history, agreements with their
contents, signatures (the drawn strokes) and PDFs, the access log about them, the conflict
list (its values may be anyone's), the outbox entries of all of these, and the search index's
documents for citizens. Employers and vacancies are the municipality's business data and
stay. Then the token is dropped, the reason is kept in ``profile_meta`` for the UI, and the
file is vacuumed so the deleted pages do not linger on disk.

Forgetting citizens (``forget_citizens``) is the same for a few citizens that left the
consultant's scope (protocol, "Scope exits"): the citizen rows, everything hanging off them,
their search documents, conflicts and parked changes are deleted in the caller's transaction
(the pull's, unjournalled) with SQLite's ``secure_delete`` on, so the freed space is zeroed,
and the search index is merged, so no word of the citizen's lingers in its older segments.
A local change of them still waiting in the outbox can never be pushed: it is not dropped
silently but kept in the conflict list as rejected, with a plain Danish reason. That entry
keeps the change as the consultant made it, so it can be handed over to the citizen's new
consultant: the citizen's name, the changed fields and their values (encrypted like every
conflict, shown on the Sync page and by ``consultant-app conflicts list``), but nothing the
app made itself (agreement content, signature strokes, PDFs: a signed agreement is handed
over by the service). The consultant removes the entry once it is handed over (resolving it
deletes it), and with it the last of the citizen on the device.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from consultant_app import search
from consultant_app.errors import field_label
from consultant_app.ids import utcnow
from consultant_app.store import Store
from consultant_app.store.models import (
    MODEL_BY_ENTITY,
    AccessLog,
    AgreementDocument,
    AgreementReceipt,
    AgreementSignature,
    Citizen,
    Match,
    MatchEvent,
    OutboxEntry,
    PlacementAgreement,
    ProfileMeta,
    SyncConflict,
    SyncParked,
)
from consultant_app.text import QT_TRANSLATE_NOOP as _N
from consultant_app.text import Message
from sync.protocol import LONG_FIELD_CHARS

from . import credentials
from .codec import codec
from .errors import CTX

log = logging.getLogger(__name__)

# Children first: foreign keys are on.
WIPED = (AgreementSignature, AgreementDocument, PlacementAgreement, MatchEvent, Match, Citizen)


def wipe_personal_data(store: Store, reason: str) -> None:
    with store.write(journal=False) as s:
        s.connection().exec_driver_sql("PRAGMA secure_delete = ON")
        for model in WIPED:
            s.execute(delete(model))
        s.execute(delete(AccessLog))
        s.execute(delete(SyncConflict))
        s.execute(delete(SyncParked))
        s.execute(delete(OutboxEntry).where(OutboxEntry.entity.in_(
            [m.__entity__ for m in WIPED] + ["access_log"])))
        search.remove_documents(s, "citizen")
        search.merge_index(s)
        credentials.forget(store, s)
        s.merge(ProfileMeta(key=credentials.REVOKED, value=utcnow().isoformat()))
        s.merge(ProfileMeta(key=credentials.REVOKED_REASON, value=reason))
    raw = store.write_engine.raw_connection()
    try:
        cur = raw.cursor()
        cur.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        cur.execute("VACUUM")
        cur.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        cur.close()
    except Exception:  # noqa: BLE001 - the rows are gone; vacuum is extra care
        log.exception("vacuum after wipe failed")
    finally:
        raw.close()


# -- forgetting citizens that left the consultant's scope -----------------------------------

SCOPE_EXIT = "scope_exit"  # the code of a change that could not be sent for that reason
MOVED = _N(CTX, "Borgeren er flyttet til en anden konsulent; din ændring blev ikke sendt. "
                "Den står her, så du kan give den videre; fjern den, når den er overdraget.")
YES, NO = _N(CTX, "Ja"), _N(CTX, "Nej")
NEW_RECORD = _N(CTX, "ny post")
# Each record of a citizen's family: (entity, its model, the field naming its parent, the
# parent's entity), parents first. An agreement may hang off the citizen or off a match.
FAMILY: tuple[tuple[str, Any, str, str], ...] = (
    ("match", Match, "citizen_id", "citizen"),
    ("match_event", MatchEvent, "match_id", "match"),
    ("placement_agreement", PlacementAgreement, "citizen_id", "citizen"),
    ("placement_agreement", PlacementAgreement, "match_id", "match"),
    ("agreement_signature", AgreementSignature, "agreement_id", "placement_agreement"),
    ("agreement_document", AgreementDocument, "agreement_id", "placement_agreement"),
)


@dataclass
class Forgotten:
    """What ``forget_citizens`` removed: each record's citizen, by (entity, id)."""

    citizen_of: dict[tuple[str, str], str] = field(default_factory=dict)
    reported: int = 0  # unsent local changes turned into rejected entries

    @property
    def records(self) -> int:
        return len(self.citizen_of)


def _chunks(items: Iterable[str], n: int = 500) -> Iterator[list[str]]:
    items = list(items)
    for i in range(0, len(items), n):
        yield items[i:i + n]


def _family(session: Session, citizen_ids: list[str]) -> dict[tuple[str, str], str]:
    """Every local record of these citizens, with the citizen it belongs to."""
    citizen_of = {("citizen", c): c for c in citizen_ids}
    for entity, model, parent_field, parent_entity in FAMILY:
        parents = {i: c for (e, i), c in citizen_of.items() if e == parent_entity}
        column = getattr(model, parent_field)
        for part in _chunks(parents):
            for ident, parent in session.execute(select(model.id, column)
                                                 .where(column.in_(part))):
                citizen_of.setdefault((entity, ident), parents[parent])
    return citizen_of


def _handed_over_values(entity: str, values: Any) -> list[str]:
    """"Label: value" lines of what a consultant wrote, to hand over: not the ids, nor what
    the app makes itself (agreement content, seals, signature strokes, PDFs)."""
    if not isinstance(values, dict):
        return []
    lines = []
    for name in sorted(values):
        value = values[name]
        if (name in ("id", "deleted") or name.endswith("_id")
                or (entity, name) in LONG_FIELD_CHARS
                or value is None or value == "" or value == []):
            continue
        if isinstance(value, bool):
            value = Message(CTX, YES if value else NO).render()
        elif isinstance(value, list):
            value = ", ".join(str(v) for v in value)
        lines.append(f"{field_label(name)}: {value}")
    return lines


def _moved_entry(name: str, entity: str, fields: list[str],
                 values: Any = None) -> tuple[str, str]:
    """(server_value, client_value) of a change that the scope exit stopped: the reason, and
    the change as the consultant made it (which record, which fields, their values), to hand
    over to the citizen's new consultant."""
    changed = NEW_RECORD if "*" in fields or not fields else ", ".join(
        field_label(f) for f in fields)
    head = f"{name}: {changed}" if name else changed
    reason = Message(CTX, MOVED)
    return (json.dumps({"code": SCOPE_EXIT, "message": reason.render(),
                        "text": reason.to_wire()}, ensure_ascii=False),
            json.dumps("\n".join([head, *_handed_over_values(entity, values)]),
                       ensure_ascii=False))


def _row_values(session: Session, entity: str, ident: str, fields: list[str]) -> Any:
    """The current values of the changed fields of a row (all of them for a new record)."""
    model = MODEL_BY_ENTITY.get(entity)
    row = session.get(model, ident) if model is not None else None
    if row is None:
        return None
    c = codec(entity)
    return c.encode(row, None if "*" in fields else [f for f in fields if f in c.fields])


def forget_citizens(session: Session, citizen_ids: Iterable[str]) -> Forgotten:
    """Remove these citizens and everything hanging off them from the store, in ``session``'s
    transaction, journalling nothing (call it in a ``store.write(journal=False)``); see the
    module doc. Citizens this device does not have are no error."""
    ids = sorted(set(citizen_ids))
    out = Forgotten()
    if not ids:
        return out
    citizen_of = _family(session, ids)
    names: dict[str, str] = {}
    for part in _chunks(ids):
        names.update((ident, name) for ident, name in session.execute(
            select(Citizen.id, Citizen.name).where(Citizen.id.in_(part))))
    by_entity: dict[str, list[str]] = {}
    for entity, ident in citizen_of:
        by_entity.setdefault(entity, []).append(ident)
    conn = session.connection()
    secure = conn.exec_driver_sql("PRAGMA secure_delete").scalar()
    conn.exec_driver_sql("PRAGMA secure_delete = ON")
    try:
        out.reported = _report_unsent(session, by_entity, citizen_of, names)
        for model in WIPED:
            for part in _chunks(by_entity.get(model.__entity__, ())):
                session.execute(delete(model).where(model.id.in_(part)))
        for part in _chunks(by_entity.get("placement_agreement", ())):
            session.execute(delete(AgreementReceipt)
                            .where(AgreementReceipt.agreement_id.in_(part)))
        _forget_parked(session, citizen_of)
        search.remove_documents(session, "citizen", ids)
        if names:
            search.merge_index(session)  # exits are rare; a merge is about 0.3 s
    finally:
        conn.exec_driver_sql(f"PRAGMA secure_delete = {int(secure or 0)}")
    out.citizen_of = {key: c for key, c in citizen_of.items()
                      if key[0] != "citizen" or key[1] in names}
    return out


def _report_unsent(session: Session, by_entity: dict[str, list[str]],
                   citizen_of: dict[tuple[str, str], str], names: dict[str, str]) -> int:
    """Unsent outbox entries of the family become rejected entries in the conflict list;
    a rejection the service already gave them (out of scope) gets the same plain reason and
    loses the values it kept; every other conflict about them is deleted."""
    now = utcnow()
    reported = 0
    for entity, ids in by_entity.items():
        for part in _chunks(ids):
            for conflict in session.scalars(select(SyncConflict).where(
                    SyncConflict.entity == entity, SyncConflict.entity_id.in_(part))):
                refused = json.loads(conflict.server_value or "null")
                if (conflict.policy == "rejected" and conflict.resolved_at is None
                        and isinstance(refused, dict)
                        and refused.get("code") in ("out_of_scope", SCOPE_EXIT)):
                    sent = json.loads(conflict.client_value or "null")
                    fields = sorted(sent) if isinstance(sent, dict) else []
                    conflict.server_value, conflict.client_value = _moved_entry(
                        names.get(citizen_of[(entity, conflict.entity_id)], ""), entity,
                        fields, sent)
                else:
                    session.delete(conflict)
            for entry in session.scalars(select(OutboxEntry).where(
                    OutboxEntry.entity == entity, OutboxEntry.entity_id.in_(part))
                    .order_by(OutboxEntry.seq)):
                server, client = _moved_entry(
                    names.get(citizen_of[(entity, entry.entity_id)], ""), entity,
                    list(entry.fields),
                    _row_values(session, entity, entry.entity_id, list(entry.fields)))
                session.add(SyncConflict(
                    op_id=entry.op_id, entity=entity, entity_id=entry.entity_id, field="",
                    server_value=server, client_value=client, winner="server",
                    policy="rejected", detected_at=now))
                reported += 1
            session.execute(delete(OutboxEntry).where(OutboxEntry.entity == entity,
                                                      OutboxEntry.entity_id.in_(part)))
    session.flush()
    return reported


def _forget_parked(session: Session, citizen_of: dict[tuple[str, str], str]) -> None:
    """Parked changes of the family, or naming one of its records as their parent."""
    family_ids = {ident for _, ident in citizen_of}
    for parked in session.scalars(select(SyncParked)):
        values = json.loads(parked.change).get("values") or {}
        if parked.entity_id in family_ids or any(
                values.get(name) in family_ids
                for name in ("citizen_id", "match_id", "agreement_id")):
            session.delete(parked)
