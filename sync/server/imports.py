"""CSV imports of employers, vacancies and citizens into one municipality.

The files are the app's own CSV format (consultant_app.csvio: header of field names or Danish
labels, ``;``/``,``/tab, UTF-8/UTF-16/cp1252, lists with ``|``, Danish dates and numbers), and
every value is judged by the same field specs as in the app (consultant_app.services), so a
file that imports on a laptop imports here, with the same Danish line-and-column messages.

Re-importing updates instead of duplicating: an employer is found by CVR + P-number, a citizen
by CPR, a vacancy by its employer and title. Changed fields get a new version, so devices pull
them and a device's concurrent edit of a field the import changed is a conflict that follows
the field's policy. The import is one transaction: all or nothing, or (``keep_good``) the good
lines. Citizens go to ``consultant`` (name or id) or, without it, to the consultant the line's
``assigned_consultant`` names; a citizen with neither is kept unassigned (no device sees it).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, insert, select, update

from consultant_app import csvio, postcodes
from consultant_app.errors import Problem, UserError, ValidationError
from consultant_app.services.citizens import CITIZEN_FIELDS
from consultant_app.services.employers import EMPLOYER_FIELDS
from consultant_app.services.fields import clean
from consultant_app.services.vacancies import VACANCY_FIELDS
from consultant_app.services.vacancies import check_consistent as check_vacancy
from consultant_app.store.models import Vacancy
from consultant_app.text import QT_TRANSLATE_NOOP as _N
from consultant_app.text import Message

from . import admin, db
from .errors import CTX as SERVICE
from .errors import ServiceError

CSV_KIND = {"employers": "employers", "vacancies": "vacancies", "citizens": "candidates"}
ENTITY = {"employers": "employer", "vacancies": "vacancy", "citizens": "citizen"}


@dataclass
class ImportResult:
    kind: str
    keep_good: bool
    rows: int = 0
    created: int = 0
    updated: int = 0
    problems: list[csvio.LineProblem] = field(default_factory=list)

    @property
    def written(self) -> int:
        return self.created + self.updated

    def summary_text(self) -> str:
        noun = csvio.noun(CSV_KIND[self.kind])
        if self.problems and not self.keep_good:
            return (f"Intet importeret: {len({p.line for p in self.problems})} linje(r) med "
                    f"fejl. Ret filen og prøv igen, eller brug --keep-good.")
        text = f"{self.created} {noun} oprettet, {self.updated} opdateret."
        if self.problems:
            text += f" {len({p.line for p in self.problems})} linje(r) med fejl er sprunget over."
        return text


def _plain(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


@dataclass
class _Existing:
    id: str
    version: int
    values: dict[str, Any]
    field_versions: dict[str, int]
    owner: str | None


def _load(conn: Any, entity: str, municipality: str) -> list[_Existing]:
    r = db.record.c
    rows = conn.execute(select(r.id, r.version, r.values_json, r.secret, r.field_versions,
                               r.owner_consultant_id).where(
        r.entity == entity, r.municipality_code == municipality, r.deleted.is_(False)))
    return [_Existing(row.id, row.version,
                      db.record_values(conn, entity, row.id, row.values_json, row.secret),
                      json.loads(row.field_versions), row.owner_consultant_id) for row in rows]


def import_file(engine: Engine, kind: str, path: os.PathLike[str] | str, municipality: str,
                consultant: str | None = None, keep_good: bool = False) -> ImportResult:
    try:
        data = csvio.read_file(path)
    except UserError as exc:
        raise ServiceError(422, "invalid", exc.message) from None
    return import_bytes(engine, kind, data, municipality, consultant, keep_good,
                        Path(path).name)


def import_bytes(engine: Engine, kind: str, data: bytes, municipality: str,
                 consultant: str | None = None, keep_good: bool = False,
                 name: str = "filen") -> ImportResult:
    if kind not in CSV_KIND:
        raise ValueError(f"unknown kind {kind!r}")
    code = admin.normalize_municipality(municipality)
    if not admin.municipality_exists(engine, code):
        raise ServiceError(404, "unknown_municipality",
                           _N(SERVICE, "Kommunen {code} findes ikke."), code=code)
    try:
        table = csvio.parse(data, name)
        columns = csvio.check_header(CSV_KIND[kind], table.header, name)
    except UserError as exc:
        raise ServiceError(422, "invalid", exc.message) from None
    fixed_owner = admin.find_consultant(engine, code, consultant) if consultant else None
    consultants = _consultants(engine, code)
    result = ImportResult(kind, keep_good)
    entity = ENTITY[kind]
    now = db.utcnow()
    with db.writing(engine) as conn:
        db.lock_municipality(conn, code)
        existing = _load(conn, entity, code)
        index = _index(kind, existing)
        employers = {(e.values.get("cvr"), e.values.get("p_number")): e.id
                     for e in _load(conn, "employer", code)} if kind == "vacancies" else {}
        seen: dict[Any, int] = {}
        writes: list[tuple[_Existing | None, dict[str, Any], str | None]] = []
        for line, cells in table.rows:
            result.rows += 1
            if len(cells) > len(columns) and any(c.strip() for c in cells[len(columns):]):
                result.problems.append(csvio.LineProblem(line, None, Message(
                    csvio.CTX, "Linjen har {n} felter, men overskriften har {m} kolonner.",
                    {"n": len(cells), "m": len(columns)})))
                continue
            row = {c: csvio.unescape_cell(cells[i]) if i < len(cells) else ""
                   for i, c in enumerate(columns)}
            try:
                values, key, owner = _judge(kind, row, employers, consultants, fixed_owner)
            except ValidationError as exc:
                result.problems.extend(csvio.LineProblem(line, p.field, p.message)
                                       for p in exc.problems)
                continue
            if key is not None and key in seen:
                result.problems.append(csvio.LineProblem(line, None, Message(
                    csvio.CTX, "Samme post som linje {line} i filen.", {"line": seen[key]})))
                continue
            if key is not None:
                seen[key] = line
            writes.append((index.get(key) if key is not None else None, values, owner))
        if result.problems and not keep_good:
            return result
        _write(conn, entity, code, writes, now, result)
    return result


def _consultants(engine: Engine, code: str) -> dict[str, str]:
    c = db.consultant.c
    with engine.connect() as conn:
        rows = conn.execute(select(c.id, c.name).where(c.municipality_code == code)).all()
    names: dict[str, str] = {}
    for row in rows:
        names[row.name] = "" if row.name in names else row.id  # ambiguous names assign nobody
    return names


def _index(kind: str, existing: list[_Existing]) -> dict[Any, _Existing]:
    if kind == "employers":
        return {(e.values.get("cvr"), e.values.get("p_number")): e for e in existing}
    if kind == "citizens":
        return {("cpr", e.values["cpr"]): e for e in existing if e.values.get("cpr")}
    return {(e.values.get("employer_id"), e.values.get("title")): e for e in existing}


def _judge(kind: str, row: dict[str, str], employers: dict[tuple[Any, Any], str],
           consultants: dict[str, str], fixed_owner: str | None
           ) -> tuple[dict[str, Any], Any, str | None]:
    """A line's record values, its identity for re-imports, and (citizens) its owner."""
    if kind == "employers":
        values = clean(EMPLOYER_FIELDS, row)
        if values.get("postcode") and not values.get("town"):
            pc = postcodes.lookup(values["postcode"])
            if pc is not None:
                values["town"] = pc.town
        return ({k: _plain(v) for k, v in values.items()},
                (values["cvr"], values["p_number"]), None)
    if kind == "vacancies":
        data = dict(row)
        raw_cvr, raw_p = data.pop("employer_cvr", "").strip(), data.pop("employer_p_number", "")
        values = clean(VACANCY_FIELDS, data)
        check_vacancy(Vacancy(**values))
        matches = [ident for (cvr, p), ident in employers.items()
                   if cvr == raw_cvr.replace(" ", "") and (not raw_p.strip() or p == raw_p.strip())]
        if len(matches) != 1:
            raise ValidationError([Problem.of("employer_cvr", _N(
                csvio.CTX, "Der er ingen entydig virksomhed med CVR {cvr} i kommunen. "
                           "Importér virksomhederne først, eller angiv P-nummeret."),
                cvr=raw_cvr)])
        values["employer_id"] = matches[0]
        return ({k: _plain(v) for k, v in values.items()},
                (matches[0], values["title"]), None)
    values = clean(CITIZEN_FIELDS, row)
    owner = fixed_owner
    if owner is None:
        owner = consultants.get(values.get("assigned_consultant") or "", "") or ""
    key = ("cpr", values["cpr"]) if values.get("cpr") else None
    return {k: _plain(v) for k, v in values.items()}, key, owner


def _write(conn: Any, entity: str, code: str,
           writes: list[tuple[_Existing | None, dict[str, Any], str | None]],
           now: dt.datetime, result: ImportResult) -> None:
    names = {}
    if entity == "citizen":
        c = db.consultant.c
        names = dict(conn.execute(select(c.id, c.name).where(c.municipality_code == code)).all())
    new_rows: list[dict[str, Any]] = []
    changed: list[tuple[_Existing, dict[str, Any], str | None]] = []
    for old, values, owner in writes:
        if entity == "citizen" and owner:
            values["assigned_consultant"] = names.get(owner, values.get("assigned_consultant"))
        if old is None:
            ident = str(uuid.uuid4())
            new_rows.append({"entity": entity, "id": ident, "municipality_code": code,
                             "owner_consultant_id": owner if entity == "citizen" else None,
                             "owner_device_id": None,
                             "citizen_id": ident if entity == "citizen" else None,
                             "version": 1, "deleted": False, "modified_at": now,
                             **db.record_columns(conn, entity, ident, values),
                             "field_versions": db.dumps({k: 1 for k in values})})
        elif any(old.values.get(k) != v for k, v in values.items()) or (
                entity == "citizen" and owner and owner != old.owner):
            changed.append((old, values, owner))
    seqs = db.next_seqs(conn, len(new_rows) + len(changed))
    for row, seq in zip(new_rows, seqs):
        row["seq"] = seq
    if new_rows:
        conn.execute(insert(db.record), new_rows)
    r = db.record.c
    for (old, values, owner), seq in zip(changed, seqs[len(new_rows):]):
        version = old.version + 1
        merged, versions = dict(old.values), dict(old.field_versions)
        for k, v in values.items():
            if merged.get(k) != v:
                merged[k], versions[k] = v, version
        new_owner = owner if entity == "citizen" and owner else old.owner
        conn.execute(update(db.record).where(r.entity == entity, r.id == old.id).values(
            version=version, seq=seq, modified_at=now,
            **db.record_columns(conn, entity, old.id, merged),
            field_versions=db.dumps(versions), owner_consultant_id=new_owner))
        if entity == "citizen" and new_owner != old.owner:
            admin.move_citizen_records(conn, code, old.id, new_owner or "",
                                       include_citizen=False, old_owner=old.owner)
    result.created = len(new_rows)
    result.updated = len(changed)
