"""Matches: a citizen proposed for a vacancy, moved through the pipeline with its history."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain import MATCH_STATUSES
from ..errors import Noun, Problem, ValidationError
from ..store.models import Citizen, Match, MatchEvent, Vacancy
from ..text import QT_TRANSLATE_NOOP as _N
from .employers import consultant, get_live

CTX = "problems"


def propose_match(session: Session, vacancy_id: str, citizen_id: str,
                  score: float | None = None, note: str = "") -> Match:
    get_live(session, Vacancy, vacancy_id, Noun.VACANCY)
    get_live(session, Citizen, citizen_id, Noun.CITIZEN)
    existing = session.scalars(select(Match).where(
        Match.vacancy_id == vacancy_id, Match.citizen_id == citizen_id,
        Match.deleted.is_(False), Match.status != "declined")).first()
    if existing is not None:
        raise ValidationError([Problem.of("citizen_id", _N(
            CTX, "Borgeren er allerede foreslået til denne stilling."))])
    match = Match(vacancy_id=vacancy_id, citizen_id=citizen_id, status="proposed", score=score)
    session.add(match)
    session.flush()
    session.add(MatchEvent(match_id=match.id, from_status="", to_status="proposed",
                           by=consultant(session), note=note))
    session.flush()
    return match


def move_match(session: Session, match_id: str, to_status: str, note: str = "") -> Match:
    """Move a match to any pipeline step (consultants skip and undo steps); declining needs a
    reason, given as ``note``."""
    match = get_live(session, Match, match_id, Noun.MATCH)
    if to_status not in MATCH_STATUSES:
        raise ValidationError([Problem.of("status", _N(
            CTX, "'{value}' er ikke et trin i forløbet."), value=to_status)])
    if to_status == match.status:
        return match
    if to_status == "declined" and not note.strip():
        raise ValidationError([Problem.of("decline_reason", _N(
            CTX, "Skriv hvorfor matchet er afslået."))])
    session.add(MatchEvent(match_id=match.id, from_status=match.status, to_status=to_status,
                           by=consultant(session), note=note.strip()))
    match.status = to_status
    match.decline_reason = note.strip() if to_status == "declined" else ""
    session.flush()
    return match


def match_history(session: Session, match_id: str) -> list[MatchEvent]:
    return list(session.scalars(select(MatchEvent).where(MatchEvent.match_id == match_id)
                                .order_by(MatchEvent.at, MatchEvent.id)))
