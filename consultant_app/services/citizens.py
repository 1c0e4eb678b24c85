"""Citizens (candidates), and the logged reveal of a CPR number."""

from __future__ import annotations

from typing import Any, Mapping

from sqlalchemy import select
from sqlalchemy.orm import Session

from .. import identifiers
from ..domain import DRIVING_LICENCES, RESTRICTIONS, TARGET_GROUPS
from ..errors import Noun, Problem, ValidationError
from ..store.models import AccessLog, Citizen
from ..text import QT_TRANSLATE_NOOP as _N
from .employers import consultant, get_live, keep_signed_parties
from .fields import F, choice, clean, date, identifier, number, text, word_list

CTX = "problems"

CITIZEN_FIELDS = {
    "name": F(text(200), required=True),
    "cpr": F(identifier(identifiers.normalize_cpr)),
    "target_group": F(choice(TARGET_GROUPS), required=True),
    "skills": F(word_list(), empty=list),
    "wished_occupations": F(word_list(), empty=list),
    "max_hours_per_week": F(number(0, 60)),
    "restrictions": F(word_list(RESTRICTIONS), empty=list),
    "driving_licence": F(choice({c: c for c in DRIVING_LICENCES if c}), empty=""),
    "languages": F(word_list(), empty=list),
    "postcode": F(identifier(identifiers.normalize_postcode), empty=""),
    "max_commute_km": F(number(0, 500)),
    "unemployed_since": F(date()),
    "last_employer_cvr": F(identifier(identifiers.normalize_cvr), empty=""),
    "phone": F(identifier(identifiers.normalize_phone), empty=""),
    "email": F(identifier(identifiers.normalize_email), empty=""),
    "assigned_consultant": F(text(100), empty=""),
    "notes": F(text(20000)),
}


def _cipher(session: Session):  # type: ignore[no-untyped-def]
    return session.get_bind().dialect.field_cipher  # type: ignore[attr-defined]


def cpr_index(session: Session, cpr: str) -> str:
    return _cipher(session).blind_index(cpr)


def find_by_cpr(session: Session, cpr: str) -> Citizen | None:
    normalized = identifiers.normalize_cpr(cpr)
    return session.scalars(select(Citizen).where(
        Citizen.cpr_index == cpr_index(session, normalized), Citizen.deleted.is_(False))).first()


def _set_cpr(session: Session, citizen: Citizen, cpr: str | None) -> None:
    if cpr is not None:
        existing = find_by_cpr(session, cpr)
        if existing is not None and existing.id != citizen.id:
            raise ValidationError([Problem.of("cpr", _N(
                CTX, "Der findes allerede en borger med dette CPR-nummer ({masked})."),
                masked=identifiers.mask_cpr(cpr))])
    citizen.cpr = cpr
    citizen.cpr_index = cpr_index(session, cpr) if cpr else None


def create_citizen(session: Session, data: Mapping[str, Any]) -> Citizen:
    values = clean(CITIZEN_FIELDS, data)
    cpr = values.pop("cpr")
    if not values["assigned_consultant"]:
        values["assigned_consultant"] = consultant(session)
    citizen = Citizen(**values)
    _set_cpr(session, citizen, cpr)
    session.add(citizen)
    session.flush()
    return citizen


def update_citizen(session: Session, citizen_id: str, changes: Mapping[str, Any]) -> Citizen:
    citizen = get_live(session, Citizen, citizen_id, Noun.CITIZEN)
    values = clean(CITIZEN_FIELDS, changes, partial=True)
    if "cpr" in values:
        cpr = values.pop("cpr")
        if cpr != citizen.cpr:
            _set_cpr(session, citizen, cpr)
    for key, value in values.items():
        if getattr(citizen, key) != value:
            setattr(citizen, key, value)
    session.flush()
    return citizen


def delete_citizen(session: Session, citizen_id: str) -> None:
    citizen = get_live(session, Citizen, citizen_id, Noun.CITIZEN)
    keep_signed_parties(session, "citizen", citizen_id)
    citizen.deleted = True
    session.flush()


def masked_cpr(citizen: Citizen) -> str:
    return identifiers.mask_cpr(citizen.cpr) if citizen.cpr else ""


def reveal_cpr(session: Session, citizen_id: str, purpose: str = "") -> str:
    """The full CPR number; the reveal is written to the access log in the same transaction,
    so no number is shown without its log entry."""
    citizen = get_live(session, Citizen, citizen_id, Noun.CITIZEN)
    session.add(AccessLog(actor=consultant(session) or "?", action="reveal_cpr",
                          entity="citizen", entity_id=citizen.id, detail=purpose))
    session.flush()
    return citizen.cpr or ""
