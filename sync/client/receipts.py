"""The central service's receipts for the sealed agreements this device has sent: what the
service said it stored (``stored``, or ``duplicate`` when it had the same bytes already), with
the content hash and PDF digest it saw, newest revision first."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from consultant_app.store.models import AgreementReceipt


@dataclass(frozen=True)
class Receipt:
    agreement_id: str
    revision: int
    status: str
    content_hash: str
    pdf_sha256: str
    received_at: dt.datetime


def agreement_receipts(session: Session, agreement_id: str) -> list[Receipt]:
    return [Receipt(r.agreement_id, r.revision, r.status, r.content_hash, r.pdf_sha256,
                    r.received_at)
            for r in session.scalars(select(AgreementReceipt)
                                     .where(AgreementReceipt.agreement_id == agreement_id)
                                     .order_by(AgreementReceipt.revision.desc()))]
