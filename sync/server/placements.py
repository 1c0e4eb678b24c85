"""Persons already placed, per workplace, from every agreement the municipality's devices
have delivered: the rimelighedskrav's count (BEK § 65) across consultants.

One consultant's device holds only their own citizens' agreements, so a count made on a
device misses every colleague's placement at the same P-number. The service holds them all
and hands each device of the municipality the agreements still running, as periods per
workplace without personal data (no citizen, no content: the P-number and CVR of the
employer record, the agreement type, the dates and a one-way reference, see
``protocol.PlacementPeriod``). The device counts those covering an agreement's start date.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Any

from sqlalchemy import Engine, select, tuple_

from ..protocol import PlacementPeriod, PlacementsResponse
from . import db
from .auth import DeviceIdentity

# The agreement types the rimelighedskrav counts (forms.facts.COUNTED_TYPES).
COUNTED_TYPES = ("virksomhedspraktik", "loentilskud_privat", "loentilskud_offentlig")


def ref(agreement_id: str) -> str:
    """The one-way reference of an agreement in the aggregate (protocol.PlacementPeriod)."""
    return hashlib.sha256(f"placement:{agreement_id}".encode()).hexdigest()[:20]


def _date(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def running(engine: Engine, identity: DeviceIdentity,
            now: dt.datetime | None = None) -> PlacementsResponse:
    """The agreements of the device's municipality of a counted type that have a start date
    and have not ended before today."""
    now = now or dt.datetime.now(dt.UTC)
    today = now.date()
    r = db.record.c
    with engine.connect() as conn:
        rows = conn.execute(select(r.id, r.values_json).where(
            r.municipality_code == identity.municipality_code,
            r.entity == "placement_agreement", r.deleted.is_(False))).all()
        agreements = []
        for row in rows:
            values = json.loads(row.values_json)
            start, end = _date(values.get("start_date")), _date(values.get("end_date"))
            if values.get("agreement_type") not in COUNTED_TYPES or start is None \
                    or (end is not None and end < today) or not values.get("employer_id"):
                continue
            agreements.append((row.id, values["agreement_type"], start, end,
                               values["employer_id"]))
        employer_ids = sorted({a[4] for a in agreements})
        workplaces: dict[str, tuple[str, str]] = {}
        for i in range(0, len(employer_ids), 500):
            chunk = [("employer", e) for e in employer_ids[i:i + 500]]
            for row in conn.execute(select(r.id, r.values_json).where(
                    tuple_(r.entity, r.id).in_(chunk), r.deleted.is_(False),
                    r.municipality_code == identity.municipality_code)):
                values = json.loads(row.values_json)
                workplaces[row.id] = (values.get("p_number") or "", values.get("cvr") or "")
    periods = [PlacementPeriod(p_number=workplaces[e][0], cvr=workplaces[e][1],
                               agreement_type=kind, start_date=start, end_date=end,
                               ref=ref(agreement_id))
               for agreement_id, kind, start, end, e in agreements if e in workplaces]
    periods.sort(key=lambda p: (p.p_number, p.cvr, p.start_date, p.ref))
    return PlacementsResponse(as_of=now, placements=periods)
