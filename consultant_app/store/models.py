"""The local store's tables as SQLAlchemy 2.0 typed models.

Every synced table carries the sync bookkeeping from DESIGN.md: a client-generated UUIDv7
``id``, the ``version`` the server assigned (0 until first synced), ``modified_at`` (UTC) and a
``deleted`` tombstone. Rows are never deleted locally; a delete is ``deleted = True``, so it can
be synced. Local changes are journalled in ``outbox`` by ``store.journal``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Optional

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from ..ids import new_id, utcnow
from .types import EncryptedText


class Base(DeclarativeBase):
    pass


class Synced:
    """Mixin: the sync bookkeeping every synced table has."""

    __entity__: str  # the name used in the outbox and on the wire
    __sensitive__: tuple[str, ...] = ()  # encrypted columns

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    version: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    modified_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, nullable=False)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)


SYNC_COLUMNS = ("id", "version", "modified_at", "deleted")


class ProfileMeta(Base):
    """Key/value facts about this profile: schema-independent settings, the wrapped data key."""

    __tablename__ = "profile_meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text, nullable=False)


class Employer(Synced, Base):
    """A workplace: CVR (the company) and P-number (the production unit, where the
    rimelighedskrav is counted)."""

    __tablename__ = "employer"
    __entity__ = "employer"

    cvr: Mapped[str] = mapped_column(String(8), index=True)
    p_number: Mapped[Optional[str]] = mapped_column(String(10), index=True)
    name: Mapped[str] = mapped_column(String(200))
    address: Mapped[str] = mapped_column(String(200), default="")
    postcode: Mapped[str] = mapped_column(String(4), default="")
    town: Mapped[str] = mapped_column(String(100), default="")
    industry: Mapped[str] = mapped_column(String(100), default="")
    phone: Mapped[str] = mapped_column(String(20), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    ordinary_employees: Mapped[Optional[float]] = mapped_column(Float)
    employees_as_of: Mapped[Optional[dt.date]] = mapped_column(Date)
    subsidised_persons: Mapped[int] = mapped_column(Integer, default=0)
    notes: Mapped[str] = mapped_column(Text, default="")


class ContactPerson(Synced, Base):
    __tablename__ = "contact_person"
    __entity__ = "contact_person"

    employer_id: Mapped[str] = mapped_column(ForeignKey("employer.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(100), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(20), default="")
    is_primary: Mapped[bool] = mapped_column(Boolean, default=False)


class Visit(Synced, Base):
    """A company visit, planned or held, with its notes and an optional follow-up."""

    __tablename__ = "visit"
    __entity__ = "visit"

    employer_id: Mapped[str] = mapped_column(ForeignKey("employer.id"), index=True)
    visit_date: Mapped[dt.date] = mapped_column(Date, index=True)
    status: Mapped[str] = mapped_column(String(20), default="done")
    consultant: Mapped[str] = mapped_column(String(100), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    follow_up_date: Mapped[Optional[dt.date]] = mapped_column(Date, index=True)
    follow_up_note: Mapped[str] = mapped_column(Text, default="")
    follow_up_done: Mapped[bool] = mapped_column(Boolean, default=False)


class Vacancy(Synced, Base):
    __tablename__ = "vacancy"
    __entity__ = "vacancy"

    employer_id: Mapped[str] = mapped_column(ForeignKey("employer.id"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    occupation: Mapped[str] = mapped_column(String(200), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    kind: Mapped[str] = mapped_column(String(20), default="ordinary", index=True)
    hours_min: Mapped[Optional[float]] = mapped_column(Float)
    hours_max: Mapped[Optional[float]] = mapped_column(Float)
    starts_with_few_hours: Mapped[bool] = mapped_column(Boolean, default=False)
    requirements: Mapped[list[str]] = mapped_column(JSON, default=list)
    skills: Mapped[list[str]] = mapped_column(JSON, default=list)
    positions: Mapped[int] = mapped_column(Integer, default=1)
    status: Mapped[str] = mapped_column(String(20), default="open", index=True)
    start_date: Mapped[Optional[dt.date]] = mapped_column(Date)
    deadline: Mapped[Optional[dt.date]] = mapped_column(Date)
    postcode: Mapped[str] = mapped_column(String(4), default="")  # the workplace's


class Citizen(Synced, Base):
    """A citizen (candidate) assigned to a consultant. CPR and notes are encrypted at rest;
    ``cpr_index`` is a keyed hash that finds a citizen by CPR without storing it in the clear."""

    __tablename__ = "citizen"
    __entity__ = "citizen"
    __sensitive__ = ("cpr", "notes")

    name: Mapped[str] = mapped_column(String(200))
    cpr: Mapped[Optional[str]] = mapped_column(EncryptedText)
    cpr_index: Mapped[Optional[str]] = mapped_column(String(32), index=True)
    target_group: Mapped[str] = mapped_column(String(50), default="")
    skills: Mapped[list[str]] = mapped_column(JSON, default=list)
    wished_occupations: Mapped[list[str]] = mapped_column(JSON, default=list)
    max_hours_per_week: Mapped[Optional[float]] = mapped_column(Float)
    restrictions: Mapped[list[str]] = mapped_column(JSON, default=list)
    driving_licence: Mapped[str] = mapped_column(String(10), default="")
    languages: Mapped[list[str]] = mapped_column(JSON, default=list)
    postcode: Mapped[str] = mapped_column(String(4), default="")
    max_commute_km: Mapped[Optional[float]] = mapped_column(Float)
    unemployed_since: Mapped[Optional[dt.date]] = mapped_column(Date)
    last_employer_cvr: Mapped[str] = mapped_column(String(8), default="")
    phone: Mapped[str] = mapped_column(String(20), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    assigned_consultant: Mapped[str] = mapped_column(String(100), default="", index=True)
    notes: Mapped[Optional[str]] = mapped_column(EncryptedText)


class Match(Synced, Base):
    """A citizen proposed for a vacancy, moving through the pipeline (domain.MATCH_PIPELINE)."""

    __tablename__ = "match"
    __entity__ = "match"
    __table_args__ = (Index("ix_match_vacancy_citizen", "vacancy_id", "citizen_id"),)

    vacancy_id: Mapped[str] = mapped_column(ForeignKey("vacancy.id"), index=True)
    citizen_id: Mapped[str] = mapped_column(ForeignKey("citizen.id"), index=True)
    status: Mapped[str] = mapped_column(String(20), default="proposed")
    decline_reason: Mapped[str] = mapped_column(Text, default="")
    score: Mapped[Optional[float]] = mapped_column(Float)


class MatchEvent(Synced, Base):
    """One move of a match in the pipeline: its history, append-only."""

    __tablename__ = "match_event"
    __entity__ = "match_event"

    match_id: Mapped[str] = mapped_column(ForeignKey("match.id"), index=True)
    from_status: Mapped[str] = mapped_column(String(20), default="")
    to_status: Mapped[str] = mapped_column(String(20))
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    by: Mapped[str] = mapped_column(String(100), default="")
    note: Mapped[str] = mapped_column(Text, default="")


class PlacementAgreement(Synced, Base):
    """A placement agreement's record. The forms package fills ``content`` (encrypted: it
    holds the citizen's CPR), signs and seals it."""

    __tablename__ = "placement_agreement"
    __entity__ = "placement_agreement"
    __sensitive__ = ("content",)

    agreement_type: Mapped[str] = mapped_column(String(50))
    template_version: Mapped[str] = mapped_column(String(20), default="")
    employer_id: Mapped[Optional[str]] = mapped_column(ForeignKey("employer.id"), index=True)
    vacancy_id: Mapped[Optional[str]] = mapped_column(ForeignKey("vacancy.id"), index=True)
    citizen_id: Mapped[Optional[str]] = mapped_column(ForeignKey("citizen.id"), index=True)
    match_id: Mapped[Optional[str]] = mapped_column(ForeignKey("match.id"))
    status: Mapped[str] = mapped_column(String(20), default="draft")
    start_date: Mapped[Optional[dt.date]] = mapped_column(Date)
    end_date: Mapped[Optional[dt.date]] = mapped_column(Date)
    content: Mapped[Optional[str]] = mapped_column(EncryptedText)
    content_hash: Mapped[str] = mapped_column(String(64), default="")
    # Content revision: signing freezes one; a change after a signature starts the next.
    revision: Mapped[int] = mapped_column(Integer, default=1, nullable=False)
    sealed_at: Mapped[Optional[dt.datetime]] = mapped_column(DateTime)
    seal: Mapped[str] = mapped_column(Text, default="")  # JSON, see forms.sealing
    pdf_sha256: Mapped[str] = mapped_column(String(64), default="")


class AgreementSignature(Synced, Base):
    """One party's signature on one revision of an agreement, bound to its content hash.
    ``strokes`` (JSON: the drawn points with pressure and time) is personal data, encrypted.
    A signature of a superseded revision is kept, ``voided``, as history."""

    __tablename__ = "agreement_signature"
    __entity__ = "agreement_signature"
    __sensitive__ = ("strokes",)

    agreement_id: Mapped[str] = mapped_column(ForeignKey("placement_agreement.id"), index=True)
    revision: Mapped[int] = mapped_column(Integer)
    content_hash: Mapped[str] = mapped_column(String(64))
    role: Mapped[str] = mapped_column(String(50))
    signer_name: Mapped[str] = mapped_column(String(200))
    identity_check: Mapped[str] = mapped_column(String(50))
    signed_at: Mapped[dt.datetime] = mapped_column(DateTime)
    device_id: Mapped[str] = mapped_column(String(36), default="")
    app_version: Mapped[str] = mapped_column(String(20), default="")
    strokes: Mapped[Optional[str]] = mapped_column(EncryptedText)
    voided: Mapped[bool] = mapped_column(Boolean, default=False)


class AgreementDocument(Synced, Base):
    """The sealed PDF of one revision (base64 in an encrypted column: it holds the CPR)."""

    __tablename__ = "agreement_document"
    __entity__ = "agreement_document"
    __sensitive__ = ("pdf",)

    agreement_id: Mapped[str] = mapped_column(ForeignKey("placement_agreement.id"), index=True)
    revision: Mapped[int] = mapped_column(Integer)
    pdf: Mapped[Optional[str]] = mapped_column(EncryptedText)
    sha256: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class AccessLog(Synced, Base):
    """Who looked at which personal data, when (GDPR accountability). Append-only."""

    __tablename__ = "access_log"
    __entity__ = "access_log"

    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, index=True)
    actor: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(50))
    entity: Mapped[str] = mapped_column(String(50))
    entity_id: Mapped[str] = mapped_column(String(36), index=True)
    detail: Mapped[str] = mapped_column(Text, default="")


class OutboxEntry(Base):
    """The local change journal: one row per change to a synced row, written in the same
    transaction as the change. ``fields`` names what changed (["*"] for a new row); the sync
    engine reads current values when it pushes, so sensitive values are never copied here in
    the clear."""

    __tablename__ = "outbox"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    op_id: Mapped[str] = mapped_column(String(36), unique=True, default=new_id)
    entity: Mapped[str] = mapped_column(String(50))
    entity_id: Mapped[str] = mapped_column(String(36), index=True)
    op: Mapped[str] = mapped_column(String(10))  # create | update | delete
    fields: Mapped[list[str]] = mapped_column(JSON, default=list)
    base_version: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


SYNCED_MODELS: tuple[type[Any], ...] = (
    Employer, ContactPerson, Visit, Vacancy, Citizen, Match, MatchEvent, PlacementAgreement,
    AgreementSignature, AgreementDocument, AccessLog,
)
MODEL_BY_ENTITY: dict[str, type[Any]] = {m.__entity__: m for m in SYNCED_MODELS}


# -- sync bookkeeping (sync.client): local only, never journalled ----------------------------

class SyncConflict(Base):
    """A value that lost a conflict (DESIGN.md: every overwritten value is kept and shown).

    ``server_value`` and ``client_value`` are the two sides as JSON, encrypted: a conflict on
    a citizen's name or notes is personal data whatever the field. ``winner`` is who the
    service's policy chose; the consultant may later choose the other side (``chosen``),
    which is then written as a normal, journalled local edit."""

    __tablename__ = "sync_conflict"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    op_id: Mapped[str] = mapped_column(String(36), default="")
    entity: Mapped[str] = mapped_column(String(50))
    entity_id: Mapped[str] = mapped_column(String(36), index=True)
    field: Mapped[str] = mapped_column(String(64))
    server_value: Mapped[Optional[str]] = mapped_column(EncryptedText)
    client_value: Mapped[Optional[str]] = mapped_column(EncryptedText)
    winner: Mapped[str] = mapped_column(String(10))  # server | client
    policy: Mapped[str] = mapped_column(String(30), default="")
    detected_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    chosen: Mapped[Optional[str]] = mapped_column(String(10))  # server | client, once resolved
    resolved_at: Mapped[Optional[dt.datetime]] = mapped_column(DateTime, index=True)


class SyncRun(Base):
    """One sync attempt: the history the Sync page lists."""

    __tablename__ = "sync_run"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    started_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, index=True)
    finished_at: Mapped[Optional[dt.datetime]] = mapped_column(DateTime)
    trigger: Mapped[str] = mapped_column(String(20), default="")  # manual | timer | network | cli
    ok: Mapped[bool] = mapped_column(Boolean, default=False)
    pushed: Mapped[int] = mapped_column(Integer, default=0)
    pulled: Mapped[int] = mapped_column(Integer, default=0)
    uploaded: Mapped[int] = mapped_column(Integer, default=0)
    conflicts: Mapped[int] = mapped_column(Integer, default=0)
    error: Mapped[str] = mapped_column(Text, default="")


class AgreementReceipt(Base):
    """The central service's receipt for a sealed agreement it has stored."""

    __tablename__ = "sync_agreement_receipt"

    agreement_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    revision: Mapped[int] = mapped_column(Integer, primary_key=True)
    status: Mapped[str] = mapped_column(String(20))  # stored | duplicate
    content_hash: Mapped[str] = mapped_column(String(64))
    pdf_sha256: Mapped[str] = mapped_column(String(64))
    received_at: Mapped[dt.datetime] = mapped_column(DateTime)


class SyncParked(Base):
    """A pulled record whose parent has not arrived yet (a later page brings it): kept,
    encrypted, and applied with the page that makes its parent exist."""

    __tablename__ = "sync_parked"

    entity_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    entity: Mapped[str] = mapped_column(String(50))
    seq: Mapped[int] = mapped_column(Integer)
    change: Mapped[str] = mapped_column(EncryptedText)  # the Change as JSON


class SyncQuarantine(Base):
    """Something from the service this device could not take in (DESIGN.md: no record can
    stop a sync): a pulled change it cannot apply (a constraint, a bad value, an unknown
    entity, a parent that never came), or a push answer it cannot record. Kept with what is
    needed to try again (``payload``, encrypted: it may hold personal data), shown on the
    Sync page in plain Danish by ``code``, and retried at every sync until it applies."""

    __tablename__ = "sync_quarantine"
    __table_args__ = (UniqueConstraint("kind", "entity", "entity_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(10))  # pull | push
    entity: Mapped[str] = mapped_column(String(50))
    entity_id: Mapped[str] = mapped_column(String(64))
    seq: Mapped[int] = mapped_column(Integer, default=0)  # a pulled change's number
    code: Mapped[str] = mapped_column(String(40))  # why, for the message (sync.client.apply)
    detail: Mapped[Optional[str]] = mapped_column(EncryptedText)  # the technical reason
    payload: Mapped[str] = mapped_column(EncryptedText)  # the change or the answer, JSON
    first_seen: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    last_tried: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    attempts: Mapped[int] = mapped_column(Integer, default=1)
