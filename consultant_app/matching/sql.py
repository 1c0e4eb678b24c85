"""The SQL path: facts loaded row by row, with a prefilter that drops what the core would
certainly exclude."""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Mapping
from functools import lru_cache
from typing import Any, Iterable, Sequence
from weakref import WeakKeyDictionary

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from ..domain import (
    RESTRICTION_CONFLICTS,
)
from ..errors import NotFound, Noun
from .eligibility import eligibility
from .facts import CitizenFacts, VacancyFacts, has_driving_licence_b, required_hours
from .geo import Geo, shipped_geo
from .score import Ranking, Scorer, _sorted


# --------------------------------------------------------------------------------------------
# SQL: loading facts and prefiltering.
# --------------------------------------------------------------------------------------------
def _cursor(session: Session) -> Any:
    """The DBAPI connection of the session's transaction. Ranking reads up to 100k rows; plain
    sqlite3 tuples are several times cheaper than ORM rows, and the read stays in the session's
    transaction, so it sees one consistent snapshot."""
    return session.connection().connection.driver_connection


@lru_cache(maxsize=131072)
def _json_list(raw: str | None) -> tuple[str, ...]:
    if not raw:
        return ()
    value = json.loads(raw)
    return tuple(str(x) for x in value) if isinstance(value, list) else ()


@lru_cache(maxsize=8192)
def _date(raw: str | None) -> dt.date | None:
    return dt.date.fromisoformat(raw[:10]) if raw else None


_CITIZEN_COLUMNS = ("c.id, c.name, c.target_group, c.skills, c.wished_occupations, "
                    "c.max_hours_per_week, c.restrictions, c.driving_licence, c.languages, "
                    "c.postcode, c.max_commute_km, c.unemployed_since, c.last_employer_cvr")


def _citizen(row: Sequence[Any]) -> CitizenFacts:
    return CitizenFacts(row[0], row[1], row[2] or "", _json_list(row[3]), _json_list(row[4]),
                        row[5], _json_list(row[6]), row[7] or "", _json_list(row[8]),
                        row[9] or "", row[10], _date(row[11]), row[12] or "")


_VACANCY_COLUMNS = ("v.id, v.title, v.occupation, v.kind, v.hours_min, v.hours_max, "
                    "v.starts_with_few_hours, v.requirements, v.skills, "
                    "coalesce(nullif(v.postcode, ''), e.postcode, ''), e.id, e.name, e.cvr")


def _vacancy(row: Sequence[Any]) -> VacancyFacts:
    return VacancyFacts(row[0], row[1] or "", row[2] or "", row[3] or "ordinary", row[4], row[5],
                        bool(row[6]), _json_list(row[7]), _json_list(row[8]), row[9] or "",
                        row[10], row[11] or "", row[12] or "")


def load_vacancy(session: Session, vacancy_id: str) -> VacancyFacts:
    row = _cursor(session).execute(
        f"SELECT {_VACANCY_COLUMNS} FROM vacancy v JOIN employer e ON e.id = v.employer_id "
        "WHERE v.id = ? AND v.deleted = 0", (vacancy_id,)).fetchone()
    if row is None:
        raise NotFound(Noun.VACANCY, vacancy_id)
    return _vacancy(row)


def load_citizen(session: Session, citizen_id: str) -> CitizenFacts:
    row = _cursor(session).execute(
        f"SELECT {_CITIZEN_COLUMNS} FROM citizen c WHERE c.id = ? AND c.deleted = 0",
        (citizen_id,)).fetchone()
    if row is None:
        raise NotFound(Noun.CITIZEN, citizen_id)
    return _citizen(row)


_KM_PER_DEGREE = 111.19  # on the sphere postcodes.haversine_km uses (R = 6371 km)
_MARGIN = 1.02  # the box must hold every point the exact distance lets through


def _box(geo: Geo, postcode: str) -> tuple[float, float, float, float] | None:
    """Centre and degrees per km (latitude, longitude) of a box around ``postcode``; longitude
    degrees are sized at a latitude 5 degrees nearer the pole, so the box errs wide."""
    here = geo.coords.get(postcode)
    if here is None:
        return None
    lat, lon = here
    cos = math.cos(math.radians(min(abs(lat) + 5.0, 89.0)))
    return lat, lon, _MARGIN / _KM_PER_DEGREE, _MARGIN / (_KM_PER_DEGREE * cos)


def _like_none(column: str, codes: Iterable[str], params: list[Any]) -> list[str]:
    """JSON list column holds none of ``codes`` (a prefilter; the core checks exactly)."""
    clauses = []
    for code in sorted(codes):
        clauses.append(f"coalesce({column}, '') NOT LIKE ?")
        params.append(f'%"{code}"%')
    return clauses


def _in(column: str, values: Iterable[str], params: list[Any]) -> str:
    """``column IN (...)`` for ``values``; false for none."""
    values = sorted(values)
    params.extend(values)
    return f"{column} IN ({','.join('?' * len(values))})" if values else "0"


def citizen_prefilter(vacancy: VacancyFacts, geo: Geo,
                      today: dt.date | None = None) -> tuple[str, list[Any]]:
    """SQL for the citizens that may pass the vacancy's hard constraints (eligibility by the
    rule set in force on ``today``)."""
    rules = eligibility(today or dt.date.today())
    params: list[Any] = []
    where = ["c.deleted = 0"]
    need = required_hours(vacancy)
    if need is not None:
        where.append("(c.max_hours_per_week IS NULL OR c.max_hours_per_week >= ?)")
        params.append(need)
    groups = rules.allowed(vacancy.kind)
    if groups is not None:
        where.append(_in("c.target_group", groups, params))
    if "driving_licence_b" in vacancy.requirements:
        where.append("c.driving_licence != ''")
    where += _like_none("c.restrictions", [r for r, req in RESTRICTION_CONFLICTS.items()
                                           if req in vacancy.requirements], params)
    barred = rules.barred(vacancy.kind)
    if barred and vacancy.employer_cvr:
        params.append(vacancy.employer_cvr)
        where.append(f"(coalesce(c.last_employer_cvr, '') != ? OR NOT "
                     f"{_in('c.target_group', barred, params)})")
    join = ""
    box = _box(geo, vacancy.postcode)
    if box is not None:
        lat, lon, dlat, dlon = box
        join = "LEFT JOIN postcode p ON p.postcode = c.postcode"
        where.append(
            "(c.max_commute_km IS NULL OR p.postcode IS NULL OR "
            "(p.latitude BETWEEN ? - c.max_commute_km * ? AND ? + c.max_commute_km * ? AND "
            " p.longitude BETWEEN ? - c.max_commute_km * ? AND ? + c.max_commute_km * ?))")
        params += [lat, dlat, lat, dlat, lon, dlon, lon, dlon]
    sql = f"SELECT {_CITIZEN_COLUMNS} FROM citizen c {join} WHERE {' AND '.join(where)}"
    return sql, params


def vacancy_prefilter(citizen: CitizenFacts, geo: Geo,
                      today: dt.date | None = None) -> tuple[str, list[Any]]:
    """SQL for the open vacancies whose hard constraints the citizen may pass (eligibility by
    the rule set in force on ``today``)."""
    rules = eligibility(today or dt.date.today())
    params: list[Any] = []
    where = ["v.deleted = 0", "e.deleted = 0", "v.status = 'open'"]
    if citizen.max_hours_per_week is not None:
        where.append("coalesce(v.hours_min, v.hours_max, 0) <= ?")
        params.append(citizen.max_hours_per_week)
    kinds = [k for k, groups in rules.kind_groups.items()
             if groups is None or citizen.target_group in groups]
    open_to = _in("v.kind", kinds, params)
    where.append(f"({open_to} OR NOT {_in('v.kind', rules.kind_groups, params)})")
    conflicting = [RESTRICTION_CONFLICTS[r] for r in citizen.restrictions
                   if r in RESTRICTION_CONFLICTS]
    if not has_driving_licence_b(citizen):
        conflicting.append("driving_licence_b")
    where += _like_none("v.requirements", conflicting, params)
    kinds_not = [k for k in rules.kind_groups if citizen.target_group in rules.barred(k)]
    if citizen.last_employer_cvr and kinds_not:
        params.append(citizen.last_employer_cvr)
        where.append(f"NOT (e.cvr = ? AND {_in('v.kind', kinds_not, params)})")
    join = ""
    box = _box(geo, citizen.postcode)
    if box is not None and citizen.max_commute_km is not None:
        lat, lon, dlat, dlon = box
        km = citizen.max_commute_km
        join = "LEFT JOIN postcode p ON p.postcode = coalesce(nullif(v.postcode, ''), e.postcode)"
        where.append("(p.postcode IS NULL OR (p.latitude BETWEEN ? AND ? AND "
                     "p.longitude BETWEEN ? AND ?))")
        params += [lat - km * dlat, lat + km * dlat, lon - km * dlon, lon + km * dlon]
    sql = (f"SELECT {_VACANCY_COLUMNS} FROM vacancy v JOIN employer e ON e.id = v.employer_id "
           f"{join} WHERE {' AND '.join(where)}")
    return sql, params


def rank_citizens(session: Session, vacancy: VacancyFacts, scorer: Scorer,
                  include_excluded: bool = False) -> Ranking:
    """The SQL path of ``matching.rank_citizens``: citizens read row by row (with the
    prefilter, unless ``include_excluded``) and judged by ``scorer``."""
    if include_excluded:
        sql, params = f"SELECT {_CITIZEN_COLUMNS} FROM citizen c WHERE c.deleted = 0", []
    else:
        sql, params = citizen_prefilter(vacancy, scorer.geo, scorer.today)
    assess_one, make = scorer.assess, _citizen
    results = [a for row in _cursor(session).execute(sql, params)
               if (a := assess_one(make(row), include_excluded)) is not None]
    return Ranking("citizen", vacancy.id, _sorted(results, "citizen"), include_excluded)


def rank_vacancies(session: Session, citizen: CitizenFacts, today: dt.date, geo: Geo,
                   distances: Mapping[str, float], include_excluded: bool = False) -> Ranking:
    """The SQL path of ``matching.rank_vacancies``: open vacancies read row by row (with the
    prefilter, unless ``include_excluded``) and judged for ``citizen``."""
    if include_excluded:
        sql, params = (f"SELECT {_VACANCY_COLUMNS} FROM vacancy v JOIN employer e "
                       "ON e.id = v.employer_id WHERE v.deleted = 0 AND e.deleted = 0 "
                       "AND v.status = 'open'", [])
    else:
        sql, params = vacancy_prefilter(citizen, geo, today)
    results = []
    for row in _cursor(session).execute(sql, params):
        vacancy = _vacancy(row)
        scorer = Scorer(vacancy, today, geo, distances=False)
        a = scorer.assess_at(citizen, distances.get(vacancy.postcode) if vacancy.postcode
                             else None, include_excluded)
        if a is not None:
            results.append(a)
    return Ranking("vacancy", citizen.id, _sorted(results, "vacancy"), include_excluded)


_GEO_BY_ENGINE: "WeakKeyDictionary[Engine, Geo]" = WeakKeyDictionary()


def profile_geo(session: Session) -> Geo:
    """The profile's own postcode table (the central service may update it), read once per
    open profile."""
    engine = session.get_bind()
    geo = _GEO_BY_ENGINE.get(engine)  # type: ignore[arg-type]
    if geo is None:
        rows = _cursor(session).execute(
            "SELECT postcode, latitude, longitude FROM postcode").fetchall()
        geo = Geo({code: (lat, lon) for code, lat, lon in rows}) if rows else shipped_geo()
        _GEO_BY_ENGINE[engine] = geo  # type: ignore[index]
    return geo
