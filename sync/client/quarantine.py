"""What came from the service and could not be taken in, set aside so that no record can
stop a sync (DESIGN.md, "Sync (the contract)").

A pulled change the store refuses (a constraint, a value it cannot read, an entity this
version does not know, a parent that never came) and a push answer the device cannot record
are kept in ``sync_quarantine`` (encrypted: a change may hold personal data), one row per
record, with a code that says why in plain Danish. The rest of the page, and of the sync,
goes on and the cursor moves past the change. Every later sync tries the quarantined changes
again first (``apply.apply_page(..., retry=True)``); one that applies, or that a newer change
of the same record makes stale, leaves the quarantine. A parked change (its parent not here
yet) still parked when a pull has reached the end of the device's scope will not be helped
by waiting: its parent is not coming (refused by the service, or outside the scope), so it
is quarantined as ``missing_parent`` and shown, and still retried.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, select, tuple_
from sqlalchemy.orm import Session

from consultant_app.ids import utcnow
from consultant_app.store.models import SyncParked, SyncQuarantine
from consultant_app.text import QT_TRANSLATE_NOOP as _N
from consultant_app.text import Message

from .errors import CTX

log = logging.getLogger(__name__)

PULL, PUSH = "pull", "push"

# code -> the consultant's message (rendered through the one translation path)
MESSAGES = {
    "cannot_apply": _N(CTX, "En ændring fra den centrale tjeneste kunne ikke gemmes på denne "
                            "computer. Den er lagt til side, resten er synkroniseret, og den "
                            "prøves igen ved næste synkronisering."),
    "unknown_entity": _N(CTX, "En ændring af en slags post, som denne version af programmet "
                              "ikke kender, er lagt til side. Den gemmes, når programmet er "
                              "opdateret."),
    "bad_change": _N(CTX, "En ændring fra den centrale tjeneste kunne ikke læses. Den er lagt "
                          "til side og prøves igen ved næste synkronisering."),
    "missing_parent": _N(CTX, "En ændring hører til en post, som ikke findes her og ikke er "
                              "kommet fra den centrale tjeneste (den kan være afvist der). "
                              "Den er lagt til side og prøves igen ved næste synkronisering."),
    "push_result": _N(CTX, "Den centrale tjenestes svar på en af dine ændringer kunne ikke "
                           "gemmes her. Ændringen er modtaget centralt; svaret prøves igen ved "
                           "næste synkronisering."),
}


@dataclass(frozen=True)
class QuarantineView:
    id: int
    kind: str
    entity: str
    entity_id: str
    code: str
    message: str  # plain Danish (or the UI language)
    first_seen: dt.datetime
    last_tried: dt.datetime
    attempts: int


def message(code: str) -> str:
    return Message(CTX, MESSAGES.get(code, MESSAGES["cannot_apply"])).render()


def put(session: Session, kind: str, entity: str, entity_id: str, code: str,
        payload: Any, detail: str = "", seq: int = 0) -> None:
    """Set ``payload`` aside (or count one more try of what is already there)."""
    now = utcnow()
    text = payload if isinstance(payload, str) else json.dumps(payload, ensure_ascii=False,
                                                               default=str)
    row = session.scalar(select(SyncQuarantine).where(
        SyncQuarantine.kind == kind, SyncQuarantine.entity == entity,
        SyncQuarantine.entity_id == entity_id))
    if row is None:
        session.add(SyncQuarantine(kind=kind, entity=entity, entity_id=entity_id, seq=seq,
                                   code=code, detail=detail[:2000], payload=text,
                                   first_seen=now, last_tried=now, attempts=1))
    else:
        row.seq, row.code, row.detail, row.payload = max(seq, row.seq), code, detail[:2000], text
        row.last_tried, row.attempts = now, row.attempts + 1
    session.flush()
    # info, not warning: a terminal shows warnings, and the detail may name personal data
    log.info("quarantined %s %s %s: %s", kind, entity, entity_id, code)


def pending(session: Session, kind: str = PULL) -> list[SyncQuarantine]:
    return list(session.scalars(select(SyncQuarantine).where(SyncQuarantine.kind == kind)
                                .order_by(SyncQuarantine.seq)))


def has_any(session: Session) -> bool:
    return session.scalar(select(SyncQuarantine.id).limit(1)) is not None


def release(session: Session, keys: Iterable[tuple[str, str]], kind: str = PULL) -> None:
    """Take these records (entity, id) out of the quarantine: a change of them applied."""
    keys = list(keys)
    for start in range(0, len(keys), 400):
        session.execute(delete(SyncQuarantine).where(
            SyncQuarantine.kind == kind,
            tuple_(SyncQuarantine.entity, SyncQuarantine.entity_id).in_(
                keys[start:start + 400])))


def quarantine_parked(session: Session) -> int:
    """Parked changes still waiting when the pull reached the end: their parent is not
    coming, so they are shown (and still retried) instead of waiting unseen for ever."""
    parked = session.scalars(select(SyncParked)).all()
    for p in parked:
        put(session, PULL, p.entity, p.entity_id, "missing_parent", p.change, seq=p.seq)
        session.delete(p)
    session.flush()
    return len(parked)


def forget(session: Session, keys: Iterable[tuple[str, str]]) -> None:
    """Quarantined changes of records a scope exit removed leave with them."""
    release(session, keys, PULL)
    release(session, keys, PUSH)


def list_quarantine(session: Session, limit: int = 500) -> list[QuarantineView]:
    rows = session.scalars(select(SyncQuarantine).order_by(SyncQuarantine.first_seen.desc())
                           .limit(limit))
    return [QuarantineView(r.id, r.kind, r.entity, r.entity_id, r.code, message(r.code),
                           r.first_seen, r.last_tried, r.attempts) for r in rows]
