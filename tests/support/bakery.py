"""The bakery: the one scenario most agreement tests start from. An employer (Bageriet, CVR
10000009, P-number 1000000001) with its primary contact, a praktik vacancy, and a citizen on
dagpenge (Ali Hansen), optionally with their match agreed. The values tests assert on are
arguments, so each test says which ones it depends on."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.orm import Session

from consultant_app import services


@dataclass(frozen=True)
class Parties:
    employer_id: str
    vacancy_id: str
    citizen_id: str
    match_id: str = ""  # "" unless the match was made


def seed_bakery(session: Session, start: dt.date, *, name: str = "Bageriet ApS",
                ordinary_employees: int = 12, description: str = "Pakke brød",
                agreed: bool = False) -> Parties:
    """The bakery's records in ``session``; the vacancy starts on ``start``. ``agreed``: the
    citizen proposed for the vacancy and the match moved to agreed."""
    employer = services.create_employer(session, {
        "cvr": "10000009", "p_number": "1000000001", "name": name, "address": "Hovedgaden 1",
        "postcode": "8000", "ordinary_employees": ordinary_employees})
    services.add_contact(session, employer.id, {"name": "Lone Bager", "email": "lone@bager.dk",
                                                "phone": "12345678", "is_primary": True})
    vacancy = services.create_vacancy(session, employer.id, {
        "title": "Bagermedhjælper", "kind": "praktik", "description": description,
        "hours_min": 15, "hours_max": 25, "start_date": start.isoformat()})
    citizen = services.create_citizen(session, {
        "name": "Ali Hansen", "cpr": "0101901234", "target_group": "dagpenge"})
    match_id = ""
    if agreed:
        match = services.propose_match(session, vacancy.id, citizen.id)
        services.move_match(session, match.id, "agreed")
        match_id = match.id
    return Parties(employer.id, vacancy.id, citizen.id, match_id)
