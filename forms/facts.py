"""Gather what the rules need from the store besides the agreement's content.

Persons already placed (rimelighedskrav) are counted as:

* the employer record's ``subsidised_persons``: the figure the central system (or the
  employer) gave for the workplace, which already includes every agreement the central system
  has received, so agreements this device has synced are in it; plus
* this device's own ``placement_agreement`` rows the central system has *not* received yet
  (``version == 0``: never synced), not deleted, of a type the rimelighedskrav counts (praktik
  and løntilskud), at the same workplace, whose period covers this agreement's start date,
  and not this agreement itself. A draft counts too: it is a placement being agreed on this
  device, and counting it at worst shows a warning the consultant can acknowledge.

"The same workplace" is the same P-number when there is one, else the same CVR; another
agreement's workplace is its employer record's (its content is encrypted and not queried).
``already_placed_cvr`` counts the same way over the whole company (every employer record with
the CVR).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from consultant_app import identifiers
from consultant_app.store.models import Citizen, Employer, PlacementAgreement

from .rules import Facts

# The agreement types the rimelighedskrav counts (BEK § 65: praktik, løntilskud, nytteindsats).
COUNTED_TYPES = ("virksomhedspraktik", "loentilskud_privat", "loentilskud_offentlig")


def gather(session: Session, agreement: PlacementAgreement, content: dict[str, Any],
           today: dt.date | None = None) -> Facts:
    today = today or dt.date.today()
    citizen = session.get(Citizen, agreement.citizen_id) if agreement.citizen_id else None
    employer = session.get(Employer, agreement.employer_id) if agreement.employer_id else None
    start = content.get("start_date")
    day = start if isinstance(start, dt.date) else today
    p_number = _text(content.get("employer_p_number")) or (employer.p_number if employer
                                                           else "") or ""
    cvr = _text(content.get("employer_cvr")) or (employer.cvr if employer else "") or ""
    at_workplace = (Employer.p_number == p_number) if p_number else (Employer.cvr == cvr)
    at_company = Employer.cvr == cvr
    has_workplace = bool(p_number or cvr)
    return Facts(
        today=today,
        agreement_id=agreement.id,
        citizen_last_employer_cvr=citizen.last_employer_cvr if citizen is not None else "",
        already_placed=_placed(session, at_workplace, agreement.id, day) if has_workplace
        else 0,
        already_placed_cvr=_placed(session, at_company, agreement.id, day) if cvr else 0,
        citizen_birth_date=_birth_date(content, citizen),
        citizen_unemployed_since=citizen.unemployed_since if citizen is not None else None,
    )


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _birth_date(content: dict[str, Any], citizen: Citizen | None) -> dt.date | None:
    cpr = content.get("citizen_cpr") or (citizen.cpr if citizen is not None else None)
    if not cpr:
        return None
    try:
        return identifiers.cpr_birth_date(cpr)
    except Exception:  # noqa: BLE001 - a CPR the field check refuses has no birth date
        return None


def _placed(session: Session, at: Any, agreement_id: str, day: dt.date) -> int:
    """The central figure plus this device's unsynced placements (module docstring)."""
    central = session.scalar(select(func.coalesce(func.sum(Employer.subsidised_persons), 0))
                             .where(at, Employer.deleted.is_(False)))
    local = session.scalar(
        select(func.count(PlacementAgreement.id))
        .join(Employer, Employer.id == PlacementAgreement.employer_id)
        .where(at, Employer.deleted.is_(False),
               PlacementAgreement.deleted.is_(False),
               PlacementAgreement.version == 0,
               PlacementAgreement.id != agreement_id,
               PlacementAgreement.agreement_type.in_(COUNTED_TYPES),
               PlacementAgreement.start_date.is_not(None),
               PlacementAgreement.start_date <= day,
               or_(PlacementAgreement.end_date.is_(None), PlacementAgreement.end_date >= day)))
    return int(central or 0) + int(local or 0)
