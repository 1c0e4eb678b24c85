"""The profile's settings: the rows of ``ProfileMeta`` (key, text value). Every key is named
here and nowhere else, and the rows are read and written only through these functions, in the
caller's session (so a setting changes in the same transaction as the records it goes with),
or through ``Store.meta`` / ``Store.set_meta`` (one setting, its own transaction)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from .. import profile_file
from .models import ProfileMeta

# -- the profile (written when it is made) -----------------------------------------------------
PROFILE_ID = "profile_id"
# the data key wrapped by the passphrase (crypto.KeyEnvelope); read before the store opens too
KEY_ENVELOPE = profile_file.KEY_ENVELOPE
CONSULTANT = "consultant"  # the consultant's name, as the service knows it once enrolled
MUNICIPALITY_CODE = "municipality_code"

# -- the device's signing identity (consultant_app.device) ------------------------------------
DEVICE_ID = "device_id"
DEVICE_PRIVATE_KEY = "device_private_key"  # base64 of FieldCipher ciphertext
DEVICE_CERTIFICATE = "device_certificate"  # PEM
DEVICE_CA_CERTIFICATE = "device_ca_certificate"  # PEM, "" until enrolled

# -- sync with the central service (sync.client) -----------------------------------------------
SYNC_SERVER_URL = "sync_server_url"
SYNC_DEVICE_ID = "sync_device_id"
SYNC_TOKEN_STORE = "sync_token_store"  # where the token is: "keyring" or "profile"
SYNC_TOKEN = "sync_token"  # encrypted (base64), only when SYNC_TOKEN_STORE is "profile"
SYNC_CURSOR = "sync_cursor"
SYNC_LAST_SUCCESS = "sync_last_success"
SYNC_CONSULTANT_ID = "sync_consultant_id"
SYNC_MUNICIPALITY_NAME = "sync_municipality_name"
SYNC_REVOKED_AT = "sync_revoked_at"
SYNC_REVOKED_REASON = "sync_revoked_reason"
SYNC_TLS_CA = "sync_tls_ca"  # PEM: the only CA an https connection to the service trusts
SYNC_RULESETS_SINCE = "sync_rulesets_since"

# -- rules, trust and facts the service sent (forms) --------------------------------------------
RULESET_PREFIX = "ruleset:"  # one setting per received ruleset, its name after the prefix
RULESETS_REFUSED = "rulesets_refused"  # the last sync's refusals (JSON list of Danish sentences)
TRUSTED_CA_CERTIFICATES = "trusted_ca_certificates"
PLACEMENTS = "placements"  # the PlacementsResponse as JSON, as received
PLACEMENTS_AS_OF = "placements_as_of"  # its as_of: a cheap key for the parsed cache


def get(session: Session, key: str, default: str = "") -> str:
    value = session.scalar(select(ProfileMeta.value).where(ProfileMeta.key == key))
    return default if value is None else value


def get_many(session: Session, keys: Iterable[str]) -> dict[str, str]:
    """The settings among ``keys`` that are set (a missing one is not in the answer)."""
    rows = session.execute(select(ProfileMeta.key, ProfileMeta.value)
                           .where(ProfileMeta.key.in_(tuple(keys))))
    return {key: value for key, value in rows}


def with_prefix(session: Session, prefix: str) -> tuple[tuple[str, str], ...]:
    """(key, value) of every setting whose key starts with ``prefix``, in key order."""
    return tuple((key, value) for key, value in session.execute(
        select(ProfileMeta.key, ProfileMeta.value)
        .where(ProfileMeta.key.like(prefix + "%")).order_by(ProfileMeta.key)))


def put(session: Session, key: str, value: str) -> None:
    session.merge(ProfileMeta(key=key, value=value))


def put_many(session: Session, values: Mapping[str, str]) -> None:
    for key, value in values.items():
        put(session, key, value)


def drop(session: Session, *keys: str) -> None:
    session.execute(delete(ProfileMeta).where(ProfileMeta.key.in_(keys)))
