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

from sqlalchemy import bindparam, func, or_, select
from sqlalchemy.orm import Session

from consultant_app import identifiers
from consultant_app.store.models import Citizen, Employer, PlacementAgreement

from .rules import Facts

# The agreement types the rimelighedskrav counts (BEK § 65: praktik, løntilskud, nytteindsats).
COUNTED_TYPES = ("virksomhedspraktik", "loentilskud_privat", "loentilskud_offentlig")


def _placed(at: Any) -> Any:
    """Persons placed at the employer records matching ``at``: the central figure plus this
    device's unsynced placements covering ``:day``, other than ``:agreement_id``."""
    central = (select(func.coalesce(func.sum(Employer.subsidised_persons), 0))
               .where(at, Employer.deleted.is_(False)).scalar_subquery())
    local = (select(func.count(PlacementAgreement.id))
             .join(Employer, Employer.id == PlacementAgreement.employer_id)
             .where(at, Employer.deleted.is_(False),
                    PlacementAgreement.deleted.is_(False),
                    PlacementAgreement.version == 0,
                    PlacementAgreement.id != bindparam("agreement_id"),
                    PlacementAgreement.agreement_type.in_(COUNTED_TYPES),
                    PlacementAgreement.start_date.is_not(None),
                    PlacementAgreement.start_date <= bindparam("day"),
                    or_(PlacementAgreement.end_date.is_(None),
                        PlacementAgreement.end_date >= bindparam("day")))
             .scalar_subquery())
    return central + local


# Built once: building the expression costs more than running it (bench_rules).
_AT_P_NUMBER = Employer.p_number == bindparam("p_number")
_AT_CVR = Employer.cvr == bindparam("cvr")
_PLACED_BY_P_NUMBER = select(_placed(_AT_P_NUMBER), _placed(_AT_CVR))
_PLACED_BY_CVR = select(_placed(_AT_CVR), _placed(_AT_CVR))
_CITIZEN = select(Citizen.last_employer_cvr, Citizen.unemployed_since).where(
    Citizen.id == bindparam("id"))
_CITIZEN_CPR = select(Citizen.cpr).where(Citizen.id == bindparam("id"))
_WORKPLACE = select(Employer.p_number, Employer.cvr).where(Employer.id == bindparam("id"))


def gather(session: Session, agreement: PlacementAgreement, content: dict[str, Any],
           today: dt.date | None = None) -> Facts:
    today = today or dt.date.today()
    start = content.get("start_date")
    day = start if isinstance(start, dt.date) else today
    last_employer, unemployed = "", None
    if agreement.citizen_id:
        row = session.execute(_CITIZEN, {"id": agreement.citizen_id}).one_or_none()
        if row is not None:
            last_employer, unemployed = row.last_employer_cvr or "", row.unemployed_since
    p_number, cvr = _text(content.get("employer_p_number")), _text(content.get("employer_cvr"))
    if agreement.employer_id and not (p_number and cvr):
        row = session.execute(_WORKPLACE, {"id": agreement.employer_id}).one_or_none()
        if row is not None:
            p_number, cvr = p_number or row.p_number or "", cvr or row.cvr or ""
    placed = placed_cvr = 0
    if p_number or cvr:
        placed, placed_cvr = session.execute(
            _PLACED_BY_P_NUMBER if p_number else _PLACED_BY_CVR,
            {"p_number": p_number, "cvr": cvr, "agreement_id": agreement.id or "",
             "day": day}).one()
        placed_cvr = placed_cvr if cvr else 0
    return Facts(
        today=today,
        agreement_id=agreement.id or "",
        citizen_last_employer_cvr=last_employer,
        already_placed=int(placed),
        already_placed_cvr=int(placed_cvr),
        citizen_birth_date=_birth_date(session, content, agreement.citizen_id),
        citizen_unemployed_since=unemployed,
    )


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _birth_date(session: Session, content: dict[str, Any],
                citizen_id: str | None) -> dt.date | None:
    """From the content's CPR number, else the citizen record's (decrypted only then)."""
    cpr = content.get("citizen_cpr")
    if not cpr and citizen_id:
        cpr = session.execute(_CITIZEN_CPR, {"id": citizen_id}).scalar_one_or_none()
    if not cpr:
        return None
    try:
        return identifiers.cpr_birth_date(cpr)
    except Exception:  # noqa: BLE001 - a CPR the field check refuses has no birth date
        return None
