"""Read-side queries for lists and pages: ids sorted and filtered in SQL, rows built on demand.

This is Anki's browser pattern: a list model holds only the ids a query returned and asks for
the display values of the rows it is about to paint, in pages. Filtering by a typed word uses
the full-text index, so 100k citizens filter as fast as they search.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from .domain import MATCH_STATUSES
from .identifiers import mask_cpr
from .search import fts_query
from .store.models import (
    Citizen,
    ContactPerson,
    Employer,
    Match,
    OutboxEntry,
    PlacementAgreement,
    Vacancy,
    Visit,
)
from .text import QT_TRANSLATE_NOOP as _N

CTX = "columns"


@dataclass(frozen=True)
class Column:
    key: str
    label: str  # Danish source text; translate in the UI with context "columns"
    expr: Any  # the SQL expression shown and sorted by


@dataclass(frozen=True)
class ListSpec:
    """One list: the model it lists, its columns, the base filter and the search kind."""

    kind: str
    model: Any
    columns: tuple[Column, ...]
    joins: Callable[[Select[Any]], Select[Any]] = lambda q: q
    # The joined parents must be live too: a row under a deleted employer, citizen or
    # vacancy (deleted here or on another device, synced) is shown nowhere.
    alive: tuple[Any, ...] = ()


LISTS: dict[str, ListSpec] = {
    "employer": ListSpec("employer", Employer, (
        Column("name", _N(CTX, "Navn"), Employer.name),
        Column("cvr", _N(CTX, "CVR"), Employer.cvr),
        Column("town", _N(CTX, "By"), Employer.town),
        Column("industry", _N(CTX, "Branche"), Employer.industry),
        Column("ordinary_employees", _N(CTX, "Ansatte"), Employer.ordinary_employees),
    )),
    "vacancy": ListSpec("vacancy", Vacancy, (
        Column("title", _N(CTX, "Titel"), Vacancy.title),
        Column("employer", _N(CTX, "Virksomhed"), Employer.name),
        Column("kind", _N(CTX, "Type"), Vacancy.kind),
        Column("hours", _N(CTX, "Timer/uge"), Vacancy.hours_max),
        Column("status", _N(CTX, "Status"), Vacancy.status),
        Column("start_date", _N(CTX, "Start"), Vacancy.start_date),
    ), joins=lambda q: q.join(Employer, Employer.id == Vacancy.employer_id),
        alive=(Employer.deleted.is_(False),)),
    "citizen": ListSpec("citizen", Citizen, (
        Column("name", _N(CTX, "Navn"), Citizen.name),
        Column("target_group", _N(CTX, "Målgruppe"), Citizen.target_group),
        Column("max_hours_per_week", _N(CTX, "Timer/uge"), Citizen.max_hours_per_week),
        Column("postcode", _N(CTX, "Postnr."), Citizen.postcode),
        Column("unemployed_since", _N(CTX, "Ledig siden"), Citizen.unemployed_since),
    )),
    "match": ListSpec("match", Match, (
        Column("citizen", _N(CTX, "Borger"), Citizen.name),
        Column("vacancy", _N(CTX, "Stilling"), Vacancy.title),
        Column("status", _N(CTX, "Trin"), Match.status),
        Column("modified_at", _N(CTX, "Ændret"), Match.modified_at),
    ), joins=lambda q: q.join(Citizen, Citizen.id == Match.citizen_id)
                        .join(Vacancy, Vacancy.id == Match.vacancy_id)
                        .join(Employer, Employer.id == Vacancy.employer_id),
        alive=(Citizen.deleted.is_(False), Vacancy.deleted.is_(False),
               Employer.deleted.is_(False))),
    "placement_agreement": ListSpec("placement_agreement", PlacementAgreement, (
        Column("agreement_type", _N(CTX, "Type"), PlacementAgreement.agreement_type),
        Column("status", _N(CTX, "Status"), PlacementAgreement.status),
        Column("start_date", _N(CTX, "Start"), PlacementAgreement.start_date),
        Column("end_date", _N(CTX, "Slut"), PlacementAgreement.end_date),
    )),
}


def list_ids(session: Session, kind: str, text: str = "", sort: str | None = None,
             descending: bool = False, where: Sequence[Any] = ()) -> list[str]:
    """Ids of the live rows of ``kind`` matching every word of ``text`` (full-text, prefix),
    sorted in SQL by column ``sort``, further narrowed by SQL expressions ``where``."""
    spec = LISTS[kind]
    model = spec.model
    query = spec.joins(select(model.id)).where(model.deleted.is_(False), *spec.alive, *where)
    match = fts_query(text)
    if match:
        if kind not in ("employer", "vacancy", "citizen"):
            raise ValueError(f"{kind} lists have no text filter")
        from sqlalchemy import text as sql_text
        query = query.where(model.id.in_(
            select(sql_text("ref")).select_from(sql_text("search_fts"))
            .where(sql_text("search_fts MATCH :q AND kind = :kind"))
        )).params(q=match, kind=kind)
    columns = {c.key: c for c in spec.columns}
    order = columns[sort].expr if sort in columns else spec.columns[0].expr
    query = query.order_by(order.desc() if descending else order.asc(), model.id)
    return list(session.scalars(query))


def list_rows(session: Session, kind: str, ids: Sequence[str]) -> dict[str, tuple[Any, ...]]:
    """Display values (in column order) of the rows with ``ids``."""
    spec = LISTS[kind]
    model = spec.model
    query = spec.joins(select(model.id, *(c.expr for c in spec.columns))).where(
        model.id.in_(list(ids)))
    return {row[0]: tuple(row[1:]) for row in session.execute(query)}


# -- lists the desktop shows beside the main five -----------------------------------------
# Visits and contact persons are listed per employer and on the Today page; they have no
# text filter (they are short lists), so they are not in the search index.
LISTS["visit"] = ListSpec("visit", Visit, (
    Column("visit_date", _N(CTX, "Dato"), Visit.visit_date),
    Column("employer", _N(CTX, "Virksomhed"), Employer.name),
    Column("status", _N(CTX, "Status"), Visit.status),
    Column("notes", _N(CTX, "Noter"), Visit.notes),
    Column("follow_up_date", _N(CTX, "Opfølgning"), Visit.follow_up_date),
    Column("follow_up_note", _N(CTX, "Opfølgningsnote"), Visit.follow_up_note),
), joins=lambda q: q.join(Employer, Employer.id == Visit.employer_id),
    alive=(Employer.deleted.is_(False),))
LISTS["contact_person"] = ListSpec("contact_person", ContactPerson, (
    Column("name", _N(CTX, "Navn"), ContactPerson.name),
    Column("role", _N(CTX, "Rolle"), ContactPerson.role),
    Column("phone", _N(CTX, "Telefon"), ContactPerson.phone),
    Column("email", _N(CTX, "E-mail"), ContactPerson.email),
    Column("is_primary", _N(CTX, "Primær"), ContactPerson.is_primary),
))


def list_tables(kind: str) -> frozenset[str]:
    """The tables a list of ``kind`` reads (its model's and its joined parents'), found in
    its SQL: a change to any of them can change what the list shows."""
    from sqlalchemy.sql.util import find_tables
    spec = LISTS[kind]
    query = spec.joins(select(spec.model.id, *(c.expr for c in spec.columns)))
    return frozenset(t.name for t in find_tables(query, include_joins=True)
                     if getattr(t, "name", None))


def planned_visit_ids(session: Session, today: dt.date | None = None,
                      sort: str | None = "visit_date", descending: bool = False) -> list[str]:
    """Visits still planned from ``today`` on: what the Today page lists to start."""
    today = today or dt.date.today()
    return list_ids(session, "visit", sort=sort, descending=descending, where=(
        Visit.status == "planned", Visit.visit_date >= today, Employer.deleted.is_(False)))


def due_follow_up_ids(session: Session, today: dt.date | None = None,
                      sort: str | None = "follow_up_date", descending: bool = False) -> list[str]:
    """Follow-ups due by ``today`` and not yet done, oldest first."""
    today = today or dt.date.today()
    return list_ids(session, "visit", sort=sort, descending=descending, where=(
        Visit.follow_up_date.is_not(None), Visit.follow_up_date <= today,
        Visit.follow_up_done.is_(False), Employer.deleted.is_(False)))


# What an employer's page lists, by kind: the condition tying a row to the employer.
_EMPLOYER_LINKS: dict[str, Callable[[str], Any]] = {
    "contact_person": lambda e: ContactPerson.employer_id == e,
    "visit": lambda e: Visit.employer_id == e,
    "vacancy": lambda e: Vacancy.employer_id == e,
    "match": lambda e: Vacancy.employer_id == e,
    "placement_agreement": lambda e: PlacementAgreement.employer_id == e,
}
_EMPLOYER_DEFAULT_SORT = {"visit": ("visit_date", True), "match": ("modified_at", True)}


def employer_item_ids(session: Session, kind: str, employer_id: str, sort: str | None = None,
                      descending: bool | None = None) -> list[str]:
    """Ids of the live rows of ``kind`` that belong to one employer (its contacts, visits,
    vacancies, matches, agreements); visits and matches newest first unless told."""
    default_sort, default_desc = _EMPLOYER_DEFAULT_SORT.get(kind, (None, False))
    return list_ids(session, kind, sort=sort or default_sort,
                    descending=default_desc if descending is None else descending,
                    where=(_EMPLOYER_LINKS[kind](employer_id),))


def citizen_agreement_ids(session: Session, citizen_id: str) -> list[str]:
    """The live agreements of one citizen, newest start first (the citizen's page)."""
    return list_ids(session, "placement_agreement", sort="start_date", descending=True,
                    where=(PlacementAgreement.citizen_id == citizen_id,))


@dataclass(frozen=True)
class EmployerRecord:
    """An employer's fields as the employer page edits them (plain values, no session)."""

    id: str
    cvr: str
    p_number: str
    name: str
    address: str
    postcode: str
    town: str
    industry: str
    phone: str
    email: str
    ordinary_employees: float | None
    employees_as_of: dt.date | None
    subsidised_persons: int
    notes: str


def employer_record(session: Session, employer_id: str) -> EmployerRecord | None:
    """The live employer with ``employer_id``, or None if it is gone (deleted or unknown)."""
    e = session.get(Employer, employer_id)
    if e is None or e.deleted:
        return None
    return EmployerRecord(e.id, e.cvr, e.p_number or "", e.name, e.address, e.postcode, e.town,
                          e.industry, e.phone, e.email, e.ordinary_employees, e.employees_as_of,
                          e.subsidised_persons, e.notes)


@dataclass(frozen=True)
class ContactRecord:
    id: str
    name: str
    role: str
    email: str
    phone: str
    is_primary: bool


def contact_record(session: Session, contact_id: str) -> ContactRecord | None:
    c = session.get(ContactPerson, contact_id)
    if c is None or c.deleted:
        return None
    return ContactRecord(c.id, c.name, c.role, c.email, c.phone, c.is_primary)


def visit_employer_id(session: Session, visit_id: str) -> str | None:
    """The employer a visit belongs to (the Today page opens it)."""
    return session.scalar(select(Visit.employer_id).where(Visit.id == visit_id))


def outbox_count(session: Session) -> int:
    """Local changes journalled and not yet sent: what the status bar shows as waiting."""
    return session.scalar(select(func.count()).select_from(OutboxEntry)) or 0


# -- what the desktop's pages show --------------------------------------------------------
# Plain values, not ORM objects, so a page never lazy-loads on the UI thread, and the clear CPR
# never leaves the core except through services.reveal_cpr (which logs it).


def vacancy_ids(session: Session, text: str = "", sort: str | None = None,
                descending: bool = False, status: str | None = None) -> list[str]:
    """The vacancy list, narrowed to one status when the page's status filter is set."""
    where = [Vacancy.status == status] if status else []
    return list_ids(session, "vacancy", text, sort, descending, where)


def _values(obj: Any, names: Sequence[str]) -> dict[str, Any]:
    return {name: getattr(obj, name) for name in names}


VACANCY_DETAIL = ("id", "employer_id", "title", "occupation", "description", "kind", "hours_min",
                  "hours_max", "starts_with_few_hours", "requirements", "skills", "positions",
                  "status", "start_date", "deadline", "postcode", "version", "modified_at")


def vacancy_detail(session: Session, vacancy_id: str) -> dict[str, Any] | None:
    """One live vacancy with its employer's name, or None if it is gone."""
    vacancy = session.get(Vacancy, vacancy_id)
    if vacancy is None or vacancy.deleted:
        return None
    employer = session.get(Employer, vacancy.employer_id)
    return {**_values(vacancy, VACANCY_DETAIL),
            "requirements": list(vacancy.requirements or []),
            "skills": list(vacancy.skills or []),
            "employer_name": employer.name if employer is not None else ""}


CITIZEN_DETAIL = ("id", "name", "target_group", "skills", "wished_occupations",
                  "max_hours_per_week", "restrictions", "driving_licence", "languages",
                  "postcode", "max_commute_km", "unemployed_since", "last_employer_cvr", "phone",
                  "email", "assigned_consultant", "notes", "version", "modified_at")


def citizen_detail(session: Session, citizen_id: str) -> dict[str, Any] | None:
    """One live citizen with the CPR masked (DDMMYY-XXXX); the full number only comes from
    ``services.reveal_cpr``, which writes the access log."""
    citizen = session.get(Citizen, citizen_id)
    if citizen is None or citizen.deleted:
        return None
    values = _values(citizen, CITIZEN_DETAIL)
    for key in ("skills", "wished_occupations", "restrictions", "languages"):
        values[key] = list(values[key] or [])
    values["cpr_masked"] = mask_cpr(citizen.cpr) if citizen.cpr else ""
    return values


@dataclass(frozen=True)
class MatchCard:
    """One match as the pipeline shows it."""

    id: str
    vacancy_id: str
    citizen_id: str
    citizen_name: str
    status: str
    score: float | None
    decline_reason: str
    modified_at: Any


def vacancy_pipeline(session: Session, vacancy_id: str) -> dict[str, list[MatchCard]]:
    """The live matches of a vacancy grouped by pipeline step (every step present, in
    ``domain.MATCH_STATUSES`` order), each step sorted by citizen name."""
    grouped: dict[str, list[MatchCard]] = {status: [] for status in MATCH_STATUSES}
    rows = session.execute(
        select(Match.id, Match.vacancy_id, Match.citizen_id, Citizen.name, Match.status,
               Match.score, Match.decline_reason, Match.modified_at)
        .join(Citizen, Citizen.id == Match.citizen_id)
        .where(Match.vacancy_id == vacancy_id, Match.deleted.is_(False))
        .order_by(Citizen.name, Match.id))
    for row in rows:
        grouped.setdefault(row[4], []).append(MatchCard(*row))
    return grouped


def match_vacancy_id(session: Session, match_id: str) -> str | None:
    """The vacancy a live match belongs to (to open the match in its pipeline)."""
    return session.scalar(select(Match.vacancy_id).where(Match.id == match_id,
                                                         Match.deleted.is_(False)))


AGREEMENT_DETAIL = ("id", "agreement_type", "template_version", "status", "start_date",
                    "end_date", "content_hash", "employer_id", "vacancy_id", "citizen_id",
                    "match_id", "version", "modified_at")


def agreement_detail(session: Session, agreement_id: str) -> dict[str, Any] | None:
    """A placement agreement's record with the names of its parties (not its content, which
    holds the citizen's CPR)."""
    agreement = session.get(PlacementAgreement, agreement_id)
    if agreement is None or agreement.deleted:
        return None
    values = _values(agreement, AGREEMENT_DETAIL)
    employer = session.get(Employer, agreement.employer_id) if agreement.employer_id else None
    vacancy = session.get(Vacancy, agreement.vacancy_id) if agreement.vacancy_id else None
    citizen = session.get(Citizen, agreement.citizen_id) if agreement.citizen_id else None
    values["employer_name"] = employer.name if employer is not None else ""
    values["vacancy_title"] = vacancy.title if vacancy is not None else ""
    values["citizen_name"] = citizen.name if citizen is not None else ""
    return values
