"""Agreements of every type as a consultant would fill them, on a seeded demo profile: the
draft is prefilled from a fitting vacancy and citizen, and the fields the records cannot fill
get realistic values (with æøå). Shared by the template, PDF, CLI and preview tests."""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from consultant_app.demo import DemoCounts, seed_demo
from consultant_app.store import Store
from consultant_app.store.models import Citizen, Vacancy
from forms import agreements as A
from forms import fields as ffields
from forms.pdf import AuditEvent, SignatureMark
from forms.templates import get_template

TODAY = dt.date(2026, 2, 20)
START = dt.date(2026, 3, 2)

# A vacancy of this kind and a citizen of this target group fit each type.
FITS: dict[str, tuple[str, str]] = {
    "virksomhedspraktik": ("praktik", "dagpenge"),
    "loentilskud_privat": ("loentilskud", "dagpenge"),
    "loentilskud_offentlig": ("loentilskud", "kontanthjaelp_jobparat"),
    "ordinaere_timer": ("smajob", "kontanthjaelp_aktivitetsparat"),
    "mentor": ("praktik", "kontanthjaelp_aktivitetsparat"),
    "fleksjob": ("fleksjob", "fleksjob_visiteret"),
    "igu": ("ordinary", "selvforsoergende"),
}

# What the consultant types for the fields the records cannot fill.
TYPED: dict[str, Any] = {
    "purpose": "Afklaring af jobmål og opkvalificering på lageret; på sigt ordinære timer.",
    "tasks": "Plukke varer, pakke ordrer og holde orden på lageret.",
    "employees_last_month": 14,
    "employees_avg_12_months": "13,5",
    "vacated_by_dismissal": False,
    "wage_per_hour": "142,50",
    "subsidy_per_hour": "70,25",
    "subsidy_last_12_months": "48000",
    "total_wage_cost": "210000,00",
    "benefit_per_month": "12540",
    "tr_statement": "Jeg har ingen indvendinger mod ansættelsen; kollegerne er orienteret.",
    "visitation_date": "01-09-2025",
    "effective_hours_per_week": "3,5",
    "accommodations": "Pauser efter behov; ingen tunge løft over 10 kg.",
    "residence_basis": "Flygtning",
    "school_name": "Sprogcenter Århus",
    "education_plan": "Danskundervisning og AMU-kurser i lager og logistik, 23 uger fordelt "
                      "over de 2 år, om tirsdagen.",
    "mentor_name": "Bjørn Østergaard",
    "mentor_hours_per_week": 3,
    "mentor_tasks": "Introduktion til arbejdspladsen, daglig opfølgning og kontakt til "
                    "jobcenteret.",
    "supported_activity": "Virksomhedspraktik på lageret",
    "collective_agreement": "Lager- og Transportoverenskomsten",
    "tr_name": "Søren Ørsted",
}

GENERIC = {"text": "Aftalt på mødet – æøå", "multiline": "Aftalt på mødet – æøå",
           "number": 10, "integer": 10, "hours": 15, "money": "150", "bool": False,
           "date": "01-06-2026", "phone": "12345678", "email": "kontakt@example.dk",
           "postcode": "8000", "cvr": "10000009", "p_number": "1000000001",
           "cpr": "010190-1234"}


def seeded_profile(folder: Path) -> Store:
    """A small demo profile (60 employers, 50 vacancies, 150 citizens) on a real file."""
    store = Store.create(folder, "pw", consultant="Karen Sørensen", kdf_n=2 ** 10)
    with store.write() as s:
        seed_demo(s, DemoCounts(60, 50, 150), seed=11, today=TODAY)
    return store


def fitting_vacancy(session: Session, kind: str) -> Vacancy:
    return session.scalars(select(Vacancy).where(Vacancy.kind == kind, Vacancy.deleted.is_(
        False)).order_by(Vacancy.id)).first()


def fitting_citizen(session: Session, group: str) -> Citizen:
    return session.scalars(select(Citizen).where(Citizen.target_group == group,
                                                 Citizen.deleted.is_(False))
                           .order_by(Citizen.id)).first()


def filled_agreement(session: Session, agreement_type: str) -> A.AgreementDoc:
    """A draft of ``agreement_type`` with every required field filled (plus a TR where the
    type has one), started on ``START``."""
    kind, group = FITS[agreement_type]
    vacancy, citizen = fitting_vacancy(session, kind), fitting_citizen(session, group)
    assert vacancy is not None and citizen is not None, (kind, group)
    doc = A.create_draft(session, agreement_type, vacancy.employer_id, vacancy_id=vacancy.id,
                         citizen_id=citizen.id, today=TODAY)
    template = get_template(agreement_type)
    changes: dict[str, Any] = {"start_date": START}
    for spec in template.all_fields():
        if spec.key in changes:
            continue
        if spec.key in TYPED and (spec.required or ffields.is_blank(doc.values.get(spec.key))):
            changes[spec.key] = TYPED[spec.key]
        elif spec.required and ffields.is_blank(doc.values.get(spec.key)):
            changes[spec.key] = GENERIC[spec.kind]
    doc = A.update_fields(session, doc.id, changes)
    if "end_date" in template.fields_by_key and template.field("end_date").required \
            and doc.values.get("end_date") is None:
        doc = A.update_fields(session, doc.id, {"end_date": START + dt.timedelta(weeks=26)})
    return doc


def sample_strokes() -> list[list[tuple[float, float, float, int]]]:
    """A handwritten-looking name on a 600 x 200 pad: a wave, a loop and an underline,
    with pressure rising and falling along each stroke."""
    wave = [(40 + i * 6, 100 + 35 * math.sin(i / 4), 0.2 + 0.6 * abs(math.sin(i / 9)),
             i * 12) for i in range(70)]
    loop = [(470 + 40 * math.cos(i / 6), 95 + 40 * math.sin(i / 6), 0.7, 900 + i * 10)
            for i in range(40)]
    underline = [(60 + i * 25, 160 - i, 0.9, 1500 + i * 8) for i in range(20)]
    return [wave, loop, underline]


def sample_mark(role: str, name: str, at: dt.datetime | None = None) -> SignatureMark:
    return SignatureMark(role=role, signer_name=name, identity_check_label="ID vist",
                         signed_at=at or dt.datetime(2026, 3, 1, 10, 5, tzinfo=dt.UTC),
                         strokes=sample_strokes(), pad_width=600, pad_height=200)


def sample_audit(doc: A.AgreementDoc) -> list[AuditEvent]:
    utc = dt.UTC
    return [
        AuditEvent(dt.datetime(2026, 3, 1, 9, 58, tzinfo=utc), "Aftalen oprettet",
                   doc.values.get("consultant_name", ""), "consultant", "Kladde, version 1"),
        AuditEvent(dt.datetime(2026, 3, 1, 10, 5, tzinfo=utc), "Underskrevet",
                   doc.values.get("contact_name", ""), "employer",
                   "Identitet: ID vist; enhed laptop-7f3a; app 0.1.0"),
        AuditEvent(dt.datetime(2026, 6, 1, 10, 0, tzinfo=utc), "Forseglet",
                   doc.values.get("consultant_name", ""), "consultant",
                   "Forseglet med enhedens nøgle (Ed25519)"),
    ]
