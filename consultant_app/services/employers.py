"""Employers, their contact persons and the visit log."""

from __future__ import annotations

import datetime as dt
from typing import Any, Mapping

from sqlalchemy import select
from sqlalchemy.orm import Session

from .. import domain, identifiers, postcodes
from ..domain import VISIT_STATUSES
from ..errors import NotFound, Noun, Problem, UserError, ValidationError
from ..store import settings
from ..store.models import ContactPerson, Employer, PlacementAgreement, Visit
from ..text import Message
from ..text import QT_TRANSLATE_NOOP as _N
from .fields import F, boolean, choice, clean, date, identifier, number, text

CTX = "problems"

EMPLOYER_FIELDS = {
    "cvr": F(identifier(identifiers.normalize_cvr), required=True),
    "p_number": F(identifier(identifiers.normalize_p_number)),
    "name": F(text(200), required=True),
    "address": F(text(200), empty=""),
    "postcode": F(identifier(identifiers.normalize_postcode), empty=""),
    "town": F(text(100), empty=""),
    "industry": F(text(100), empty=""),
    "phone": F(identifier(identifiers.normalize_phone), empty=""),
    "email": F(identifier(identifiers.normalize_email), empty=""),
    "ordinary_employees": F(number(0, 100000)),
    "employees_as_of": F(date()),
    "subsidised_persons": F(number(0, 100000, integer=True), empty=0),
    "notes": F(text(20000), empty=""),
}

CONTACT_FIELDS = {
    "name": F(text(200), required=True),
    "role": F(text(100), empty=""),
    "email": F(identifier(identifiers.normalize_email), empty=""),
    "phone": F(identifier(identifiers.normalize_phone), empty=""),
    "is_primary": F(boolean(), empty=False),
}

VISIT_FIELDS = {
    "visit_date": F(date(), required=True),
    "status": F(choice(VISIT_STATUSES), empty="done"),
    "notes": F(text(20000), empty=""),
    "follow_up_date": F(date()),
    "follow_up_note": F(text(2000), empty=""),
}


def consultant(session: Session) -> str:
    return settings.get(session, settings.CONSULTANT)


def get_live(session: Session, model: type[Any], ident: str, what: str | Message) -> Any:
    obj = session.get(model, ident)
    if obj is None or obj.deleted:
        raise NotFound(what, ident)
    return obj


def keep_signed_parties(session: Session, entity: str, ident: str) -> None:
    """Refuses deleting a record a signed agreement names (its employer, vacancy, citizen or
    match): the lifecycle rule the service applies too (forms.lifecycle.judge_party_delete)."""
    column = getattr(PlacementAgreement, domain.AGREEMENT_PARTIES[entity])
    signed = session.scalar(select(PlacementAgreement.id).where(
        column == ident, PlacementAgreement.deleted.is_(False),
        PlacementAgreement.status.in_(domain.SIGNED_AGREEMENT_STATUSES)).limit(1))
    if signed is not None:
        raise UserError(Message(domain.CTX, domain.SIGNED_PARTY_MESSAGES[entity]))


def _fill_town(values: dict[str, Any]) -> None:
    if values.get("postcode") and not values.get("town"):
        pc = postcodes.lookup(values["postcode"])
        if pc is not None:
            values["town"] = pc.town


def _check_unique_workplace(session: Session, cvr: str, p_number: str | None,
                            own_id: str | None = None) -> None:
    """One live employer per CVR and P-number: a second would split its visits and ratio."""
    query = select(Employer.id).where(Employer.cvr == cvr, Employer.deleted.is_(False))
    query = query.where(Employer.p_number.is_(None) if p_number is None
                        else Employer.p_number == p_number)
    if own_id:
        query = query.where(Employer.id != own_id)
    if session.scalar(query.limit(1)) is not None:
        if p_number:
            raise ValidationError([Problem.of("cvr", _N(
                CTX, "Der findes allerede en virksomhed med CVR {cvr} og P-nummer {p}."),
                cvr=cvr, p=p_number)])
        raise ValidationError([Problem.of("cvr", _N(
            CTX, "Der findes allerede en virksomhed med CVR {cvr}."), cvr=cvr)])


def create_employer(session: Session, data: Mapping[str, Any]) -> Employer:
    values = clean(EMPLOYER_FIELDS, data)
    _fill_town(values)
    _check_unique_workplace(session, values["cvr"], values["p_number"])
    employer = Employer(**values)
    session.add(employer)
    session.flush()
    return employer


def update_employer(session: Session, employer_id: str, changes: Mapping[str, Any]) -> Employer:
    employer = get_live(session, Employer, employer_id, Noun.EMPLOYER)
    values = clean(EMPLOYER_FIELDS, changes, partial=True)
    if "postcode" in values and "town" not in values:
        values["town"] = ""
        _fill_town(values)
    if "cvr" in values or "p_number" in values:
        _check_unique_workplace(session, values.get("cvr", employer.cvr),
                                values.get("p_number", employer.p_number), employer.id)
    for key, value in values.items():
        if getattr(employer, key) != value:
            setattr(employer, key, value)
    session.flush()
    return employer


def delete_employer(session: Session, employer_id: str) -> None:
    employer = get_live(session, Employer, employer_id, Noun.EMPLOYER)
    keep_signed_parties(session, "employer", employer_id)
    employer.deleted = True
    session.flush()


def add_contact(session: Session, employer_id: str, data: Mapping[str, Any]) -> ContactPerson:
    get_live(session, Employer, employer_id, Noun.EMPLOYER)
    contact = ContactPerson(employer_id=employer_id, **clean(CONTACT_FIELDS, data))
    session.add(contact)
    session.flush()
    return contact


def update_contact(session: Session, contact_id: str,
                   changes: Mapping[str, Any]) -> ContactPerson:
    contact = get_live(session, ContactPerson, contact_id, Noun.CONTACT)
    for key, value in clean(CONTACT_FIELDS, changes, partial=True).items():
        setattr(contact, key, value)
    session.flush()
    return contact


def log_visit(session: Session, employer_id: str, data: Mapping[str, Any]) -> Visit:
    """A visit held (or planned, with status "planned"); the visit date defaults to today."""
    get_live(session, Employer, employer_id, Noun.EMPLOYER)
    values = clean(VISIT_FIELDS, {"visit_date": dt.date.today(), **data})
    if values["follow_up_date"] and values["follow_up_date"] < values["visit_date"]:
        raise ValidationError([Problem.of("follow_up_date", _N(
            CTX, "Opfølgningen kan ikke ligge før besøget."))])
    visit = Visit(employer_id=employer_id, consultant=consultant(session), **values)
    session.add(visit)
    session.flush()
    return visit


def update_visit(session: Session, visit_id: str, changes: Mapping[str, Any]) -> Visit:
    visit = get_live(session, Visit, visit_id, Noun.VISIT)
    for key, value in clean(VISIT_FIELDS, changes, partial=True).items():
        setattr(visit, key, value)
    session.flush()
    return visit


def complete_follow_up(session: Session, visit_id: str) -> Visit:
    visit = get_live(session, Visit, visit_id, Noun.VISIT)
    visit.follow_up_done = True
    session.flush()
    return visit
