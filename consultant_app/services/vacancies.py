"""Vacancies: ordinary jobs, småjob / ordinary hours, praktik and løntilskud places, fleksjob, IGU."""

from __future__ import annotations

from typing import Any, Mapping

from sqlalchemy.orm import Session

from .. import identifiers
from ..domain import REQUIREMENTS, VACANCY_KINDS, VACANCY_STATUSES
from ..errors import Noun, Problem, ValidationError
from ..store.models import Employer, Vacancy
from ..text import QT_TRANSLATE_NOOP as _N
from .employers import get_live, keep_signed_parties
from .fields import F, boolean, choice, clean, date, identifier, number, text, word_list

CTX = "problems"

VACANCY_FIELDS = {
    "title": F(text(200), required=True),
    "occupation": F(text(200), empty=""),
    "description": F(text(20000), empty=""),
    "kind": F(choice(VACANCY_KINDS), empty="ordinary"),
    "hours_min": F(number(0, 60)),
    "hours_max": F(number(0, 60)),
    "starts_with_few_hours": F(boolean(), empty=False),
    "requirements": F(word_list(REQUIREMENTS), empty=list),
    "skills": F(word_list(), empty=list),
    "positions": F(number(1, 1000, integer=True), empty=1),
    "status": F(choice(VACANCY_STATUSES), empty="open"),
    "start_date": F(date()),
    "deadline": F(date()),
    "postcode": F(identifier(identifiers.normalize_postcode), empty=""),
}


def check_consistent(vacancy: Vacancy) -> None:
    """Rules that span fields: the hours range and "starts with few hours, grows to more"."""
    problems = []
    if (vacancy.hours_min is not None and vacancy.hours_max is not None
            and vacancy.hours_min > vacancy.hours_max):
        problems.append(Problem.of("hours_min", _N(
            CTX, "Timer fra ({lo}) er større end timer til ({hi})."),
            lo=vacancy.hours_min, hi=vacancy.hours_max))
    if vacancy.starts_with_few_hours and (vacancy.hours_max is None or vacancy.hours_min is None):
        problems.append(Problem.of("hours_max", _N(
            CTX, "Når stillingen starter med få timer, skal både start- og sluttimetal udfyldes.")))
    if vacancy.deadline and vacancy.start_date and vacancy.deadline > vacancy.start_date:
        problems.append(Problem.of("deadline", _N(
            CTX, "Ansøgningsfristen ligger efter startdatoen.")))
    if problems:
        raise ValidationError(problems)


def create_vacancy(session: Session, employer_id: str, data: Mapping[str, Any]) -> Vacancy:
    get_live(session, Employer, employer_id, Noun.EMPLOYER)
    vacancy = Vacancy(employer_id=employer_id, **clean(VACANCY_FIELDS, data))
    check_consistent(vacancy)
    session.add(vacancy)
    session.flush()
    return vacancy


def update_vacancy(session: Session, vacancy_id: str, changes: Mapping[str, Any]) -> Vacancy:
    vacancy = get_live(session, Vacancy, vacancy_id, Noun.VACANCY)
    for key, value in clean(VACANCY_FIELDS, changes, partial=True).items():
        if getattr(vacancy, key) != value:
            setattr(vacancy, key, value)
    check_consistent(vacancy)
    session.flush()
    return vacancy


def delete_vacancy(session: Session, vacancy_id: str) -> None:
    vacancy = get_live(session, Vacancy, vacancy_id, Noun.VACANCY)
    keep_signed_parties(session, "vacancy", vacancy_id)
    vacancy.deleted = True
    session.flush()
