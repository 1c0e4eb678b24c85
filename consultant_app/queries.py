"""Read-side queries for lists and pages: ids sorted and filtered in SQL, rows built on demand.

This is Anki's browser pattern: a list model holds only the ids a query returned and asks for
the display values of the rows it is about to paint, in pages. Filtering by a typed word uses
the full-text index, so 100k citizens filter as fast as they search.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Sequence

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from .search import fts_query
from .store.models import Citizen, Employer, Match, PlacementAgreement, Vacancy
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
    ), joins=lambda q: q.join(Employer, Employer.id == Vacancy.employer_id)),
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
                        .join(Vacancy, Vacancy.id == Match.vacancy_id)),
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
    query = spec.joins(select(model.id)).where(model.deleted.is_(False), *where)
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
