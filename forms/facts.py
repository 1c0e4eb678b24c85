"""Gather what the rules need from the store besides the agreement's content."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy.orm import Session

from consultant_app import identifiers
from consultant_app.store.models import Citizen, PlacementAgreement

from .rules import Facts


def gather(session: Session, agreement: PlacementAgreement, content: dict[str, Any],
           today: dt.date | None = None) -> Facts:
    citizen = session.get(Citizen, agreement.citizen_id) if agreement.citizen_id else None
    birth = None
    cpr = content.get("citizen_cpr") or (citizen.cpr if citizen is not None else None)
    if cpr:
        try:
            birth = identifiers.cpr_birth_date(cpr)
        except Exception:  # noqa: BLE001 - a CPR the field check refuses has no birth date
            birth = None
    return Facts(
        today=today or dt.date.today(),
        agreement_id=agreement.id,
        citizen_last_employer_cvr=citizen.last_employer_cvr if citizen is not None else "",
        citizen_birth_date=birth,
    )
