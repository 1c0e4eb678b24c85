"""Prefill an agreement from the records: employer, its primary contact, vacancy, citizen,
match and the consultant. The consultant then edits only what is new."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from consultant_app.services.employers import consultant
from consultant_app.store.models import Citizen, ContactPerson, Employer, Match, Vacancy

from . import fields as ffields
from .templates import Template


@dataclass
class Sources:
    employer: Employer | None = None
    contact: ContactPerson | None = None
    vacancy: Vacancy | None = None
    citizen: Citizen | None = None
    match: Match | None = None
    consultant: str = ""
    today: dt.date | None = None


def load_sources(session: Session, employer_id: str | None, vacancy_id: str | None = None,
                 citizen_id: str | None = None, match_id: str | None = None,
                 today: dt.date | None = None) -> Sources:
    match = session.get(Match, match_id) if match_id else None
    if match is not None:
        vacancy_id = vacancy_id or match.vacancy_id
        citizen_id = citizen_id or match.citizen_id
    vacancy = session.get(Vacancy, vacancy_id) if vacancy_id else None
    if vacancy is not None and not employer_id:
        employer_id = vacancy.employer_id
    employer = session.get(Employer, employer_id) if employer_id else None
    contact = None
    if employer is not None:
        contact = session.scalars(
            select(ContactPerson).where(ContactPerson.employer_id == employer.id,
                                        ContactPerson.deleted.is_(False))
            .order_by(ContactPerson.is_primary.desc(), ContactPerson.id)).first()
    citizen = session.get(Citizen, citizen_id) if citizen_id else None
    return Sources(employer, contact, vacancy, citizen, match, consultant(session),
                   today or dt.date.today())


def _source_value(sources: Sources, ref: str) -> Any:
    source, _, attribute = ref.partition(".")
    if source == "consultant":
        return sources.consultant
    if source == "today":
        return sources.today
    obj = getattr(sources, source)
    if obj is None or getattr(obj, "deleted", False):
        return None
    return getattr(obj, attribute, None)


def prefill(template: Template, sources: Sources) -> dict[str, Any]:
    """Typed values for every field the records can fill; a value the field would refuse
    (an old record's malformed phone) is left for the consultant rather than stored."""
    values: dict[str, Any] = {}
    for spec in template.all_fields():
        value = _source_value(sources, spec.prefill) if spec.prefill else None
        if ffields.is_blank(value):
            value = spec.default
        if ffields.is_blank(value):
            continue
        try:
            values[spec.key] = ffields.converter(spec)(value, spec.key)
        except Exception:  # noqa: BLE001 - a bad stored value is simply not prefilled
            continue
    return values
