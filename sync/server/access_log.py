"""The service's access log (GDPR art. 30; what a data-protection officer asks: who saw this
citizen, what did this consultant see, what happened since a date).

Written in four places, each one bulk insert: a pull page that delivers records of citizens
(``log_pull``: the citizen and everything hanging off it; employers and vacancies are not
personal data of citizens and are not logged), a push answered with a citizen's stored values
(``log_push_answers``: a conflict's server side, a duplicate citizen's values), an
administrator's read, export or erasure
(``log_admin``), and the devices' own log entries, which they push as records of entity
``access_log`` (``log_device_entries``: copied here when they arrive, so one log answers for
both). Who (consultant and device, or the administrator), what (entity and id, and the
citizen it belongs to), when, and why (``purpose``).

``query`` answers from three indexes, by citizen, by consultant and by time, newest first
with a limit and the total count, so a year of a large municipality's traffic answers in
well under a second (benchmarks/bench_access_log.py).
"""

from __future__ import annotations

import datetime as dt
import getpass
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, func, insert, select
from sqlalchemy.engine import Connection

from . import db

PURPOSE_SYNC = "sync"


def admin_actor() -> str:
    """The administrator running the command (the OS user: the CLI has no login of its own)."""
    try:
        return "admin:" + getpass.getuser()
    except (KeyError, OSError):
        return "admin"


_PULL_INSERT = (
    "INSERT INTO access_event (at, municipality_code, consultant_id, device_id, actor, action, "
    "purpose, source, citizen_id, entity, entity_id, detail) "
    "VALUES ({p}, {p}, {p}, {p}, {p}, 'pull', 'sync', 'service', {p}, {p}, {p}, '')"
)


def log_pull(engine: Engine, identity: Any, delivered: list[tuple[str, str, str]]) -> None:
    """One pull page delivered ``(entity, id, citizen id)`` to ``identity``'s device: one
    driver-level executemany (no per-row statement processing: this is on the pull's path)."""
    if not delivered:
        return
    postgres = db.is_postgres(engine)
    now: Any = db.utcnow()
    if not postgres:  # the text SQLAlchemy's SQLite DateTime stores and reads back
        now = now.strftime("%Y-%m-%d %H:%M:%S.%f")
    head = (now, identity.municipality_code, identity.consultant_id, identity.device_id,
            identity.consultant[:100])
    rows = [(*head, citizen, entity, ident) for entity, ident, citizen in delivered]
    with db.writing(engine) as conn:
        conn.exec_driver_sql(_PULL_INSERT.format(p="%s" if postgres else "?"), rows)


def log_admin(conn: Connection, municipality: str, action: str, purpose: str,
              entries: Iterable[tuple[str, str, str | None]], detail: str = "",
              actor: str | None = None) -> None:
    """An administrator's read or change of ``(entity, id, citizen id)`` entries, in the
    caller's transaction (so a read is never without its entry). ``actor``: who, when not
    the OS user running the CLI (the web console's signed-in user)."""
    now, actor = db.utcnow(), (actor or admin_actor())[:100]
    rows = [{"at": now, "municipality_code": municipality, "consultant_id": None,
             "device_id": None, "actor": actor, "action": action, "purpose": purpose,
             "source": "service", "citizen_id": citizen, "entity": entity, "entity_id": ident,
             "detail": detail} for entity, ident, citizen in entries]
    if rows:
        conn.execute(insert(db.access_event), rows)


def _when(value: Any, fallback: dt.datetime) -> dt.datetime:
    try:
        when = dt.datetime.fromisoformat(value)
    except (TypeError, ValueError):
        return fallback
    return when.astimezone(dt.UTC).replace(tzinfo=None) if when.tzinfo else when


def log_device_entries(conn: Connection, scope: Any, records: list[Any]) -> None:
    """The device's own access-log records (entity ``access_log``) that a push created."""
    now = db.utcnow()
    rows = []
    for rec in records:
        v = rec.values
        entity, entity_id = str(v.get("entity") or ""), str(v.get("entity_id") or "")
        rows.append({"at": _when(v.get("at"), now), "municipality_code": scope.municipality_code,
                     "consultant_id": scope.consultant_id, "device_id": scope.device_id,
                     "actor": str(v.get("actor") or "")[:100],
                     "action": str(v.get("action") or "")[:40], "purpose": "device",
                     "source": "device",
                     "citizen_id": entity_id if entity == "citizen" and entity_id else None,
                     "entity": entity[:40], "entity_id": entity_id[:64],
                     "detail": str(v.get("detail") or "")})
    if rows:
        conn.execute(insert(db.access_event), rows)


def log_push_answers(conn: Connection, scope: Any,
                     shown: list[tuple[str, str, str | None]]) -> None:
    """A push answered with stored values of ``(entity, id, citizen id)`` records (a
    conflict's server side, a duplicate citizen's values): in the push's transaction."""
    now = db.utcnow()
    rows = [{"at": now, "municipality_code": scope.municipality_code,
             "consultant_id": scope.consultant_id, "device_id": scope.device_id,
             "actor": scope.consultant_name[:100], "action": "push", "purpose": PURPOSE_SYNC,
             "source": "service", "citizen_id": citizen, "entity": entity,
             "entity_id": ident, "detail": ""} for entity, ident, citizen in shown]
    if rows:
        conn.execute(insert(db.access_event), rows)


@dataclass(frozen=True)
class Answer:
    total: int
    entries: list[dict[str, Any]]


def query(engine: Engine, citizen: str | None = None, consultant_id: str | None = None,
          since: dt.datetime | None = None, until: dt.datetime | None = None,
          limit: int = 1000, municipality: str | None = None) -> Answer:
    """The entries matching every filter given, newest first (at most ``limit``), and how many
    match in all."""
    a = db.access_event.c
    where = [] if municipality is None else [a.municipality_code == municipality]
    if citizen is not None:
        where.append(a.citizen_id == citizen)
    if consultant_id is not None:
        where.append(a.consultant_id == consultant_id)
    if since is not None:
        where.append(a.at >= since)
    if until is not None:
        where.append(a.at < until)
    c = db.consultant.c
    with engine.connect() as conn:
        total = conn.execute(select(func.count()).select_from(db.access_event)
                             .where(*where)).scalar_one()
        rows = conn.execute(
            select(a.at, a.actor, a.consultant_id, a.device_id, a.action, a.purpose, a.source,
                   a.citizen_id, a.entity, a.entity_id, a.detail,
                   c.name.label("consultant"))
            .outerjoin(db.consultant, c.id == a.consultant_id)
            .where(*where).order_by(a.at.desc(), a.id.desc()).limit(limit)).mappings().all()
    return Answer(total, [dict(row) for row in rows])
