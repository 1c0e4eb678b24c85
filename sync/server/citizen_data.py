"""A citizen's data on request (GDPR art. 15 and 17) and retention.

``export``: everything the service holds about a citizen, decrypted, as one JSON-ready dict:
the citizen's record and everything hanging off it (matches, their events, agreements,
signatures, documents), the sealed agreements received, the conflicts kept about those
records, and the access log about the citizen. The export is itself logged (in the same
transaction as the reads).

``erase``: the citizen's records become tombstones with every value removed (the encrypted
personal fields and the blind index included), the sealed agreements and conflicts about them
are deleted, and the records are taken from every consultant as ``unassign-citizen`` does: each
consultant who held them gets a scope exit, so each of their devices forgets the citizen at its
next sync (sync/protocol.py "Scope exits"). The erasure is logged. A citizen with sealed
agreements is refused unless ``including_signed``: a signed agreement is the documentation of a
grant the municipality must keep (its retention period), so erasing it is a deliberate choice.

``retention_run``: erases every *closed case* older than the retention period. A case is closed
when nothing about the citizen (the citizen, matches, their events, agreements, signatures,
documents) has changed for the period and no agreement of theirs ends within it. Sealed
agreements go with the case: choose the period no shorter than the time agreements must be kept
(default 5 years, ``CONSULTANT_SERVER_RETENTION_DAYS`` or ``--days``).
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import os
from typing import Any

from sqlalchemy import Engine, delete, func, select, update

from consultant_app.text import QT_TRANSLATE_NOOP as _N

from . import access_log, admin, db, sealed
from .errors import CTX, ServiceError

RETENTION_DAYS_ENV = "CONSULTANT_SERVER_RETENTION_DAYS"
DEFAULT_RETENTION_DAYS = 5 * 365 + 1


def retention_days() -> int:
    raw = os.environ.get(RETENTION_DAYS_ENV, "")
    return int(raw) if raw.strip().isdigit() else DEFAULT_RETENTION_DAYS


def _citizen_municipality(conn: Any, citizen_id: str) -> str:
    r = db.record.c
    found = conn.execute(select(r.municipality_code).where(
        r.entity == "citizen", r.id == citizen_id)).scalar()
    if found is None:
        raise ServiceError(404, "unknown_citizen", _N(CTX, "Borgeren {citizen_id} findes ikke."),
                           citizen_id=citizen_id)
    return found


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else value


def export(engine: Engine, citizen_id: str, actor: str | None = None) -> dict[str, Any]:
    r, s, c = db.record.c, db.sealed_agreement.c, db.conflict.c
    with db.writing(engine) as conn:
        municipality = _citizen_municipality(conn, citizen_id)
        records = []
        for row in conn.execute(select(db.record, db.consultant.c.name.label("consultant"))
                                .outerjoin(db.consultant,
                                           db.consultant.c.id == r.owner_consultant_id)
                                .where(r.citizen_id == citizen_id).order_by(r.seq)):
            records.append({
                "entity": row.entity, "id": row.id, "version": row.version,
                "deleted": row.deleted, "modified_at": _plain(row.modified_at),
                "consultant": row.consultant or "",
                "values": db.record_values(conn, row.entity, row.id, row.values_json,
                                           row.secret)})
        ids = [rec["id"] for rec in records]
        agreements = [rec["id"] for rec in records if rec["entity"] == "placement_agreement"]
        sealed_rows = []
        for row in conn.execute(select(db.sealed_agreement).where(
                s.agreement_id.in_(agreements)).order_by(s.agreement_id, s.revision)):
            upload = sealed.stored_upload(conn, row.agreement_id, row.revision, row.upload_json)
            pdf = sealed.stored_pdf(conn, row.agreement_id, row.revision, row.pdf)
            sealed_rows.append({
                "agreement_id": row.agreement_id, "revision": row.revision,
                "received_at": _plain(row.received_at), "content_hash": row.content_hash,
                "pdf_sha256": row.pdf_sha256, **upload,
                "pdf_base64": base64.b64encode(pdf).decode("ascii")})
        conflicts = []
        for row in conn.execute(select(db.conflict).where(c.entity_id.in_(ids))
                                .order_by(c.id)):
            item = {k: _plain(v) for k, v in row._mapping.items()}
            item["server_value"], item["client_value"] = db.conflict_values(conn, row)
            conflicts.append(item)
        access_log.log_admin(conn, municipality, "export", "art15",
                             [("citizen", citizen_id, citizen_id)], actor=actor)
    log = access_log.query(engine, citizen=citizen_id, limit=1_000_000)
    return {"citizen_id": citizen_id, "municipality": municipality,
            "exported_at": _plain(db.utcnow()), "records": records, "sealed_agreements":
            sealed_rows, "conflicts": conflicts,
            "access_log": [{k: _plain(v) for k, v in e.items()} for e in log.entries]}


def erase(engine: Engine, citizen_id: str, including_signed: bool = False,
          purpose: str = "erasure", actor: str | None = None) -> int:
    """Erase a citizen (module doc); returns how many records became tombstones."""
    r, s = db.record.c, db.sealed_agreement.c
    now = db.utcnow()
    with db.writing(engine) as conn:
        municipality = _citizen_municipality(conn, citizen_id)
        db.lock_municipality(conn, municipality)
        rows = conn.execute(select(r.entity, r.id, r.version).where(
            r.citizen_id == citizen_id)).all()
        agreements = [row.id for row in rows if row.entity == "placement_agreement"]
        signed = conn.execute(select(func.count()).select_from(db.sealed_agreement).where(
            s.agreement_id.in_(agreements))).scalar_one()
        if signed and not including_signed:
            raise ServiceError(409, "signed_agreements", _N(
                CTX, "Borgeren har {signed} underskrevne aftaler, som kommunen skal opbevare. "
                     "Brug --including-signed for også at slette dem."), signed=signed)
        conn.execute(update(db.record).where(r.citizen_id == citizen_id).values(
            deleted=True, version=r.version + 1, values_json="{}", field_versions="{}",
            secret=None, cpr_index=None, modified_at=now))
        conn.execute(delete(db.sealed_agreement).where(s.agreement_id.in_(agreements)))
        conn.execute(delete(db.conflict).where(
            db.conflict.c.entity_id.in_([row.id for row in rows])))
        admin.move_citizen_records(conn, municipality, citizen_id, "")
        access_log.log_admin(conn, municipality, "erase", purpose,
                             [("citizen", citizen_id, citizen_id)],
                             detail=f"{len(rows)} poster, {signed} forseglede aftaler",
                             actor=actor)
    return len(rows)


def closed_cases(engine: Engine, days: int, now: dt.datetime | None = None) -> list[str]:
    """The citizens whose case is closed and older than ``days`` (module doc)."""
    cutoff = (now or db.utcnow()) - dt.timedelta(days=days)
    r = db.record.c
    with engine.connect() as conn:
        quiet = conn.execute(select(r.citizen_id).where(r.citizen_id.is_not(None))
                             .group_by(r.citizen_id)
                             .having(func.max(r.modified_at) < cutoff)).scalars().all()
        live = set(conn.execute(select(r.id).where(
            r.entity == "citizen", r.deleted.is_(False), r.id.in_(quiet))).scalars().all())
        for row in conn.execute(select(r.citizen_id, r.values_json).where(
                r.entity == "placement_agreement", r.citizen_id.in_(live))):
            end = json.loads(row.values_json).get("end_date")
            if isinstance(end, str) and end >= cutoff.date().isoformat():
                live.discard(row.citizen_id)
    return sorted(live)


def retention_run(engine: Engine, days: int, dry_run: bool = False,
                  now: dt.datetime | None = None) -> list[str]:
    """Erase every closed case older than ``days``; the citizens' ids."""
    citizens = closed_cases(engine, days, now)
    if not dry_run:
        for citizen_id in citizens:
            erase(engine, citizen_id, including_signed=True, purpose="retention")
    return citizens
