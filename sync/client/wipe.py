"""Wiping a revoked device (DESIGN.md: a revoked device's next contact wipes the personal
data on it and tells the user why).

Deleted, not blanked: citizens, their matches and match history, agreements with their
contents, signatures (the drawn strokes) and PDFs, the access log about them, the conflict
list (its values may be anyone's), the outbox entries of all of these, and the search index's
documents for citizens. Employers and vacancies are the municipality's business data and
stay. Then the token is dropped, the reason is kept in ``profile_meta`` for the UI, and the
file is vacuumed so the deleted pages do not linger on disk.
"""

from __future__ import annotations

import logging

from sqlalchemy import delete, text

from consultant_app.ids import utcnow
from consultant_app.store import Store
from consultant_app.store.models import (AccessLog, AgreementDocument, AgreementSignature,
                                         Citizen, Match, MatchEvent, OutboxEntry,
                                         PlacementAgreement, ProfileMeta, SyncConflict,
                                         SyncParked)

from . import credentials

log = logging.getLogger(__name__)

# Children first: foreign keys are on.
WIPED = (AgreementSignature, AgreementDocument, PlacementAgreement, MatchEvent, Match, Citizen)


def wipe_personal_data(store: Store, reason: str) -> None:
    with store.write(journal=False) as s:
        s.connection().exec_driver_sql("PRAGMA secure_delete = ON")
        for model in WIPED:
            s.execute(delete(model))
        s.execute(delete(AccessLog))
        s.execute(delete(SyncConflict))
        s.execute(delete(SyncParked))
        s.execute(delete(OutboxEntry).where(OutboxEntry.entity.in_(
            [m.__entity__ for m in WIPED] + ["access_log"])))
        s.execute(text("DELETE FROM search_fts WHERE kind = 'citizen'"))
        s.execute(text("DELETE FROM search_doc WHERE kind = 'citizen'"))
        s.execute(text("INSERT INTO search_fts(search_fts) VALUES ('optimize')"))
        credentials.forget(store, s)
        s.merge(ProfileMeta(key=credentials.REVOKED, value=utcnow().isoformat()))
        s.merge(ProfileMeta(key="sync_revoked_reason", value=reason))
    raw = store.write_engine.raw_connection()
    try:
        cur = raw.cursor()
        cur.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        cur.execute("VACUUM")
        cur.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        cur.close()
    except Exception:  # noqa: BLE001 - the rows are gone; vacuum is extra care
        log.exception("vacuum after wipe failed")
    finally:
        raw.close()
