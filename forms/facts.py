"""Gather what the rules need from the store besides the agreement's content.

Persons already placed (rimelighedskrav, BEK § 65) at the workplace on the agreement's start
date, not counting the agreement itself, are the sum of three parts, each kept apart in the
facts so the finding can say how the count was made:

* ``registered``: the employer record's ``subsidised_persons``, the persons in støttet
  beskæftigelse registered on the workplace from outside this system (another
  municipality, VITAS);
* ``municipal``: the agreements of the whole municipality the central service holds, as it
  handed them to this device at its last sync (``save_placements``; periods per workplace,
  no personal data), leaving out those this device holds itself;
* ``local``: this device's own agreements, synced or not, in their current local version.

Counted are agreements not deleted, of a type the rimelighedskrav counts (praktik and
løntilskud), whose period covers the start date. A draft counts too: it is a placement being
agreed, and counting it at worst shows a warning the consultant can acknowledge. The service
counts drafts the same way, so a draft counts the same before and after it syncs.

"The same workplace" is the same P-number when there is one, else the same CVR; a local
agreement's workplace is its employer record's (its content is encrypted and not queried).
``already_placed_cvr`` counts the same way over the whole company (every employer record with
the CVR): the merbeskæftigelseskrav is judged per CVR.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import bindparam, func, or_, select
from sqlalchemy.orm import Session

from consultant_app import identifiers
from consultant_app.store import settings
from consultant_app.store.models import Citizen, Employer, PlacementAgreement

from .rules import Facts

# The agreement types the rimelighedskrav counts (BEK § 65: praktik, løntilskud, nytteindsats).
COUNTED_TYPES = ("virksomhedspraktik", "loentilskud_privat", "loentilskud_offentlig")


def _placed(at: Any) -> Any:
    """(registered, local) persons placed at the employer records matching ``at``: the
    records' registered figure and this device's placements covering ``:day``, other than
    ``:agreement_id``."""
    registered = (select(func.coalesce(func.sum(Employer.subsidised_persons), 0))
                  .where(at, Employer.deleted.is_(False)).scalar_subquery())
    local = (select(func.count(PlacementAgreement.id))
             .join(Employer, Employer.id == PlacementAgreement.employer_id)
             .where(at, Employer.deleted.is_(False),
                    PlacementAgreement.deleted.is_(False),
                    PlacementAgreement.id != bindparam("agreement_id"),
                    PlacementAgreement.agreement_type.in_(COUNTED_TYPES),
                    PlacementAgreement.start_date.is_not(None),
                    PlacementAgreement.start_date <= bindparam("day"),
                    or_(PlacementAgreement.end_date.is_(None),
                        PlacementAgreement.end_date >= bindparam("day")))
             .scalar_subquery())
    return registered, local


# Built once: building the expression costs more than running it (bench_rules).
_AT_P_NUMBER = Employer.p_number == bindparam("p_number")
_AT_CVR = Employer.cvr == bindparam("cvr")
_PLACED_BY_P_NUMBER = select(*_placed(_AT_P_NUMBER), *_placed(_AT_CVR))
_PLACED_BY_CVR = select(*_placed(_AT_CVR), *_placed(_AT_CVR))
_LOCAL_IDS = select(PlacementAgreement.id)
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
    count = Count()
    count_cvr = Count()
    municipality = municipal_placements(session)
    if p_number or cvr:
        registered, local, registered_cvr, local_cvr = session.execute(
            _PLACED_BY_P_NUMBER if p_number else _PLACED_BY_CVR,
            {"p_number": p_number, "cvr": cvr, "agreement_id": agreement.id or "",
             "day": day}).one()
        at_p = municipality.at(p_number, "") if p_number else municipality.at("", cvr)
        at_cvr = municipality.at("", cvr) if cvr else []
        mine = _local_refs(session, agreement.id) if at_p or at_cvr else set()
        count = Count(int(registered), int(local), _covering(at_p, day, mine))
        if cvr:
            count_cvr = Count(int(registered_cvr), int(local_cvr),
                              _covering(at_cvr, day, mine))
    return Facts(
        today=today,
        agreement_id=agreement.id or "",
        citizen_last_employer_cvr=last_employer,
        already_placed=count.total,
        already_placed_cvr=count_cvr.total,
        placed_registered=count.registered,
        placed_municipal=count.municipal,
        placed_local=count.local,
        placements_as_of=municipality.as_of,
        citizen_birth_date=_birth_date(session, content, agreement.citizen_id),
        citizen_unemployed_since=unemployed,
    )


@dataclass(frozen=True)
class Count:
    registered: int = 0
    local: int = 0
    municipal: int = 0

    @property
    def total(self) -> int:
        return self.registered + self.local + self.municipal


# -- the municipality's placements, as the central service handed them -------------------------
# (kept in the profile settings ``settings.PLACEMENTS`` and ``settings.PLACEMENTS_AS_OF``)


def placement_ref(agreement_id: str) -> str:
    """The one-way reference of an agreement in the service's aggregate
    (``sync.protocol.PlacementPeriod``; the service computes it the same way)."""
    return hashlib.sha256(f"placement:{agreement_id}".encode()).hexdigest()[:20]


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date | None
    ref: str


@dataclass(frozen=True)
class MunicipalPlacements:
    """The service's running placements by P-number and by CVR (empty before a sync)."""

    as_of: dt.datetime | None = None
    by_p_number: dict[str, list[Period]] | None = None
    by_cvr: dict[str, list[Period]] | None = None

    def at(self, p_number: str, cvr: str) -> list[Period]:
        if p_number:
            return (self.by_p_number or {}).get(p_number, [])
        return (self.by_cvr or {}).get(cvr, [])


def save_placements(session: Session, answer: dict[str, Any]) -> None:
    """Keep the service's answer (``PlacementsResponse`` as JSON), in ``session``'s
    transaction; the counts use it from then on, offline too."""
    settings.put(session, settings.PLACEMENTS, json.dumps(answer))
    settings.put(session, settings.PLACEMENTS_AS_OF, str(answer["as_of"]))


_cache: dict[tuple[str, str], MunicipalPlacements] = {}


def municipal_placements(session: Session) -> MunicipalPlacements:
    as_of = settings.get(session, settings.PLACEMENTS_AS_OF)
    if not as_of:
        return MunicipalPlacements()
    key = (str(session.get_bind().url), as_of)
    if key not in _cache:
        raw = json.loads(settings.get(session, settings.PLACEMENTS) or "{}")
        by_p: dict[str, list[Period]] = {}
        by_cvr: dict[str, list[Period]] = {}
        for item in raw.get("placements", []):
            end = item.get("end_date")
            period = Period(dt.date.fromisoformat(item["start_date"]),
                            dt.date.fromisoformat(end) if end else None, item["ref"])
            if item.get("p_number"):
                by_p.setdefault(item["p_number"], []).append(period)
            if item.get("cvr"):
                by_cvr.setdefault(item["cvr"], []).append(period)
        _cache.clear()  # one profile at a time in practice; no growth across syncs
        _cache[key] = MunicipalPlacements(dt.datetime.fromisoformat(as_of), by_p, by_cvr)
    return _cache[key]


def _local_refs(session: Session, agreement_id: str | None) -> set[str]:
    """The references of every agreement this device holds (any state) and of this one: the
    device counts those itself, in their current local version."""
    ids = set(session.scalars(_LOCAL_IDS)) | {agreement_id or ""}
    return {placement_ref(i) for i in ids if i}


def _covering(periods: list[Period], day: dt.date, mine: set[str]) -> int:
    return sum(1 for p in periods if p.ref not in mine and p.start <= day
               and (p.end is None or p.end >= day))


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
