"""Administration: municipalities, consultants, enrollment codes, assigning citizens, and the
demo set-up. The CLI (sync.server_cli) and the tests call these."""

from __future__ import annotations

import json
import re
import uuid

from sqlalchemy import Engine, func, insert, select, update
from sqlalchemy.engine import Connection

from consultant_app.text import QT_TRANSLATE_NOOP as _N

from . import auth, db
from .errors import CTX, ServiceError

DEMO_MUNICIPALITY = ("0751", "Aarhus")
DEMO_CONSULTANT = "Demo Konsulent"  # the demo profile's consultant (consultant_app cli `demo`)
# The demo's fixed, reusable enrollment code (documented in the README and `--help`).
DEMO_ENROLLMENT_CODE = "DEMO-0751-AARHUS"


def normalize_municipality(code: str) -> str:
    """Municipality codes are four digits ("751" -> "0751")."""
    raw = code.strip()
    if not re.fullmatch(r"\d{1,4}", raw):
        raise ServiceError(422, "invalid", _N(CTX, "Kommunekoden '{code}' skal være et tal på "
                                                     "højst fire cifre (fx 0751)."), code=code)
    return raw.zfill(4)


def add_municipality(engine: Engine, code: str, name: str) -> str:
    code = normalize_municipality(code)
    if not name.strip():
        raise ServiceError(422, "invalid", _N(CTX, "Kommunens navn skal udfyldes."))
    with db.writing(engine) as conn:
        existing = conn.execute(select(db.municipality.c.code)
                                .where(db.municipality.c.code == code)).first()
        if existing is None:
            conn.execute(insert(db.municipality).values(code=code, name=name.strip(),
                                                        created_at=db.utcnow()))
        else:
            conn.execute(update(db.municipality).where(db.municipality.c.code == code)
                         .values(name=name.strip()))
    return code


def municipality_exists(engine: Engine, code: str) -> bool:
    with engine.connect() as conn:
        return conn.execute(select(db.municipality.c.code)
                            .where(db.municipality.c.code == code)).first() is not None


def add_consultant(engine: Engine, municipality: str, name: str, email: str = "",
                   consultant_id: str | None = None) -> str:
    code = normalize_municipality(municipality)
    if not municipality_exists(engine, code):
        raise ServiceError(404, "unknown_municipality", _N(
            CTX, "Kommunen {code} findes ikke. Opret den med add-municipality."), code=code)
    if not name.strip():
        raise ServiceError(422, "invalid", _N(CTX, "Konsulentens navn skal udfyldes."))
    consultant_id = consultant_id or str(uuid.uuid4())
    with db.writing(engine) as conn:
        conn.execute(insert(db.consultant).values(
            id=consultant_id, municipality_code=code, name=name.strip(), email=email.strip(),
            created_at=db.utcnow()))
    return consultant_id


def find_consultant(engine: Engine, municipality: str, name_or_id: str) -> str:
    """A consultant of ``municipality`` by id or by (unique) name."""
    c = db.consultant.c
    with engine.connect() as conn:
        rows = conn.execute(select(c.id).where(
            c.municipality_code == municipality,
            (c.id == name_or_id) | (c.name == name_or_id.strip()))).all()
    if not rows:
        raise ServiceError(404, "unknown_consultant", _N(
            CTX, "Konsulenten '{name_or_id}' findes ikke i kommune {municipality}."),
            name_or_id=name_or_id, municipality=municipality)
    if len(rows) > 1:
        raise ServiceError(409, "ambiguous", _N(
            CTX, "Flere konsulenter hedder '{name_or_id}'; angiv konsulentens id."),
            name_or_id=name_or_id)
    return rows[0].id


def resolve_consultant(engine: Engine, name_or_id: str, municipality: str | None = None) -> str:
    """A consultant by id or unique name, in ``municipality`` or in any."""
    if municipality:
        return find_consultant(engine, normalize_municipality(municipality), name_or_id)
    c = db.consultant.c
    with engine.connect() as conn:
        rows = conn.execute(select(c.id).where(
            (c.id == name_or_id) | (c.name == name_or_id.strip()))).all()
    if not rows:
        raise ServiceError(404, "unknown_consultant",
                           _N(CTX, "Konsulenten '{name_or_id}' findes ikke."),
                           name_or_id=name_or_id)
    if len(rows) > 1:
        raise ServiceError(409, "ambiguous", _N(
            CTX, "Flere konsulenter hedder '{name_or_id}'; angiv --municipality eller "
                 "konsulentens id."), name_or_id=name_or_id)
    return rows[0].id


def consultant_municipality(engine: Engine, consultant_id: str) -> tuple[str, str]:
    with engine.connect() as conn:
        row = conn.execute(select(db.consultant.c.municipality_code, db.consultant.c.name)
                           .where(db.consultant.c.id == consultant_id)).first()
    if row is None:
        raise ServiceError(404, "unknown_consultant",
                           _N(CTX, "Konsulenten {consultant_id} findes ikke."),
                           consultant_id=consultant_id)
    return row.municipality_code, row.name


def assign_citizen(engine: Engine, citizen_id: str, consultant_id: str) -> int:
    """Give a citizen, and everything hanging off it (matches, their events, agreements,
    signatures, documents), to ``consultant_id``. Each moved record gets a new change number,
    so the new consultant's devices pull them; the consultant who lost the citizen gets a
    scope exit, so their devices forget it. Returns how many records moved."""
    municipality, name = consultant_municipality(engine, consultant_id)
    return _reassign(engine, municipality, citizen_id, consultant_id, name)


def unassign_citizen(engine: Engine, municipality: str, citizen_id: str) -> int:
    """Take a citizen from its consultant: no device sees it any more (owner ""), and the
    consultant's devices forget it. Returns how many records moved."""
    return _reassign(engine, normalize_municipality(municipality), citizen_id, "", "")


def _reassign(engine: Engine, municipality: str, citizen_id: str, owner: str,
              name: str) -> int:
    r = db.record.c
    with db.writing(engine) as conn:
        db.lock_municipality(conn, municipality)
        citizen = conn.execute(select(r.municipality_code, r.values_json, r.field_versions,
                                      r.version).where(
            r.entity == "citizen", r.id == citizen_id)).first()
        if citizen is None or citizen.municipality_code != municipality:
            raise ServiceError(404, "unknown_citizen", _N(
                CTX, "Borgeren {citizen_id} findes ikke i kommune {municipality}."),
                citizen_id=citizen_id, municipality=municipality)
        values = json.loads(citizen.values_json)
        versions = json.loads(citizen.field_versions)
        if values.get("assigned_consultant") != name:
            values["assigned_consultant"] = name
            versions["assigned_consultant"] = citizen.version + 1
            conn.execute(update(db.record).where(r.entity == "citizen", r.id == citizen_id)
                         .values(version=citizen.version + 1, values_json=db.dumps(values),
                                 field_versions=db.dumps(versions), modified_at=db.utcnow()))
        return move_citizen_records(conn, municipality, citizen_id, owner)


def move_citizen_records(conn: Connection, municipality: str, citizen_id: str, owner: str,
                         include_citizen: bool = True, old_owner: str | None = None) -> int:
    """Give the records hanging off a citizen (and the citizen) to ``owner`` ("" for nobody)
    with new change numbers, so the new consultant's devices pull them, children changed long
    before included. Every other consultant who owned any of them (or ``old_owner``, the
    citizen's owner when the caller has already changed the citizen's row) gets a scope exit
    for the citizen. Call with the municipality lock held."""
    r = db.record.c
    query = select(r.entity, r.id, r.owner_consultant_id).where(
        r.citizen_id == citizen_id).order_by(r.seq)
    if not include_citizen:
        query = query.where(r.entity != "citizen")
    rows = conn.execute(query).all()
    losers = sorted({row.owner_consultant_id for row in rows} | {old_owner}
                    - {None, "", owner})
    seqs = db.next_seqs(conn, len(losers) + len(rows))
    if losers:
        now = db.utcnow()
        conn.execute(insert(db.scope_exit), [
            {"seq": seq, "municipality_code": municipality, "consultant_id": loser,
             "entity": "citizen", "entity_id": citizen_id, "at": now}
            for loser, seq in zip(losers, seqs)])
    for (entity, ident, _), seq in zip(rows, seqs[len(losers):]):
        conn.execute(update(db.record).where(r.entity == entity, r.id == ident)
                     .values(owner_consultant_id=owner, seq=seq))
    return len(rows)


def ensure_demo(engine: Engine) -> tuple[str, str]:
    """The demo municipality 0751 Aarhus, its consultant "Demo Konsulent" and the fixed
    enrollment code; idempotent. Returns (consultant id, code)."""
    code, name = DEMO_MUNICIPALITY
    add_municipality(engine, code, name)
    c = db.consultant.c
    with engine.connect() as conn:
        row = conn.execute(select(c.id).where(c.municipality_code == code,
                                              c.name == DEMO_CONSULTANT)).first()
    consultant_id = row.id if row else add_consultant(engine, code, DEMO_CONSULTANT)
    auth.store_code(engine, consultant_id, DEMO_ENROLLMENT_CODE, reusable=True)
    return consultant_id, DEMO_ENROLLMENT_CODE


def deactivate_consultant(engine: Engine, consultant_id: str) -> list[str]:
    """A consultant who leaves: every device of theirs is revoked (each wipes its personal
    data at its next contact, auth.authenticate answers 410) and every enrollment code of
    theirs is void, the reusable ones included. Returns the revoked devices' ids."""
    now = db.utcnow()
    d, e = db.device.c, db.enrollment_code.c
    with db.writing(engine) as conn:
        found = conn.execute(update(db.consultant).where(db.consultant.c.id == consultant_id)
                             .values(deactivated_at=now))
        if found.rowcount != 1:
            raise ServiceError(404, "unknown_consultant",
                               _N(CTX, "Konsulenten {consultant_id} findes ikke."),
                               consultant_id=consultant_id)
        devices = conn.execute(select(d.id).where(d.consultant_id == consultant_id,
                                                  d.status == "active")).scalars().all()
        conn.execute(update(db.device).where(d.consultant_id == consultant_id,
                                             d.status == "active")
                     .values(status="revoked", revoked_at=now))
        conn.execute(update(db.enrollment_code).where(e.consultant_id == consultant_id)
                     .values(reusable=False, used_at=func.coalesce(e.used_at, now),
                             expires_at=now))
    return list(devices)


def is_deactivated(engine: Engine, consultant_id: str) -> bool:
    with engine.connect() as conn:
        return conn.execute(select(db.consultant.c.deactivated_at).where(
            db.consultant.c.id == consultant_id)).scalar() is not None


def devices_of(engine: Engine, consultant_id: str) -> list[dict[str, object]]:
    """A consultant's devices: id, name, status, app version, enrolled, revoked, last contact
    (auth records it at most once a minute)."""
    d = db.device.c
    with engine.connect() as conn:
        rows = conn.execute(select(d.id, d.name, d.status, d.app_version, d.enrolled_at,
                                   d.revoked_at, d.last_seen_at)
                            .where(d.consultant_id == consultant_id)
                            .order_by(d.enrolled_at)).mappings().all()
    return [dict(row) for row in rows]
