"""What the console's pages read: a municipality's devices, consultants and what the service
received, from the tables the service already keeps. What the service does not store (a
device's waiting operations, its last error, whether a conflict was settled) is not invented
here: the pages say it is not reported."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine, and_, func, select

from .. import db


@dataclass
class ConsultantRow:
    id: str
    name: str
    email: str
    deactivated: bool
    last_contact: dt.datetime | None = None
    devices: list[dict[str, Any]] = field(default_factory=list)

    def quiet(self, days: int, now: dt.datetime) -> bool:
        """No contact from any active device for ``days`` (or never), while active."""
        if self.deactivated:
            return False
        return self.last_contact is None or now - self.last_contact > dt.timedelta(days=days)


def municipalities(engine: Engine) -> list[tuple[str, str]]:
    m = db.municipality.c
    with engine.connect() as conn:
        return [(r.code, r.name) for r in conn.execute(select(m.code, m.name).order_by(m.code))]


def consultants(engine: Engine, municipality: str, only: set[str] | None = None
                ) -> list[ConsultantRow]:
    """The municipality's consultants (``only``: these ids) with their devices: status, app
    version (the one it enrolled with), enrolled, last contact (the device's last
    authenticated request, recorded at most once a minute) and its last push that the
    service applied (``applied_operation``)."""
    c, d, a = db.consultant.c, db.device.c, db.applied_operation.c
    with engine.connect() as conn:
        query = select(c.id, c.name, c.email, c.deactivated_at).where(
            c.municipality_code == municipality).order_by(c.name)
        if only is not None:
            query = query.where(c.id.in_(only))
        rows = {r.id: ConsultantRow(r.id, r.name, r.email, r.deactivated_at is not None)
                for r in conn.execute(query)}
        if not rows:
            return []
        pushes = (select(a.device_id, func.max(a.applied_at).label("last_push"))
                  .group_by(a.device_id).subquery())
        for r in conn.execute(
                select(d.id, d.consultant_id, d.name, d.status, d.app_version, d.enrolled_at,
                       d.revoked_at, d.last_seen_at, pushes.c.last_push)
                .outerjoin(pushes, pushes.c.device_id == d.id)
                .where(d.consultant_id.in_(list(rows))).order_by(d.enrolled_at)).mappings():
            row = rows[r["consultant_id"]]
            row.devices.append(dict(r))
            if r["status"] == "active" and r["last_seen_at"] is not None and (
                    row.last_contact is None or r["last_seen_at"] > row.last_contact):
                row.last_contact = r["last_seen_at"]
    return list(rows.values())


def week_start(now: dt.datetime) -> dt.datetime:
    """Monday 00:00 (UTC) of ``now``'s week."""
    return (now - dt.timedelta(days=now.weekday())).replace(hour=0, minute=0, second=0,
                                                            microsecond=0)


def agreements_received(engine: Engine, municipality: str, since: dt.datetime,
                        device_ids: list[str] | None = None) -> int:
    s = db.sealed_agreement.c
    where = [s.municipality_code == municipality, s.received_at >= since]
    if device_ids is not None:
        where.append(s.device_id.in_(device_ids))
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(db.sealed_agreement)
                            .where(*where)).scalar_one()


def conflicts_recorded(engine: Engine, municipality: str, since: dt.datetime,
                       device_ids: list[str] | None = None) -> int:
    """Conflicts the service recorded since ``since`` on the municipality's records (the
    service keeps every overwritten value; whether the consultant settled it on the device is
    not reported to the service)."""
    k, r = db.conflict.c, db.record.c
    where = [k.at >= since, r.municipality_code == municipality]
    if device_ids is not None:
        where.append(k.device_id.in_(device_ids))
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(db.conflict).join(
            db.record, and_(r.entity == k.entity, r.id == k.entity_id)).where(*where)
        ).scalar_one()
