"""Where the device's token and enrollment facts live.

The token goes to the OS keyring where there is one; where there is none (a headless
machine, a minimal desktop) it is kept in ``profile_meta`` encrypted with the profile's field
cipher, which is as safe as the CPR numbers next to it: unreadable without the passphrase.
``profile_meta["sync_token_store"]`` says which of the two holds it.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass

from sqlalchemy.orm import Session

from consultant_app.store import Store, settings

KEYRING_SERVICE = "consultant-app-sync"
KEYRING = "keyring"
PROFILE = "profile"

# The profile settings sync keeps, by their short names here (the keys: store/settings.py)
SERVER_URL = settings.SYNC_SERVER_URL
DEVICE_ID = settings.SYNC_DEVICE_ID
TOKEN_STORE = settings.SYNC_TOKEN_STORE
TOKEN = settings.SYNC_TOKEN  # encrypted (base64), only when TOKEN_STORE == PROFILE
CURSOR = settings.SYNC_CURSOR
LAST_SUCCESS = settings.SYNC_LAST_SUCCESS
CONSULTANT_ID = settings.SYNC_CONSULTANT_ID
MUNICIPALITY_NAME = settings.SYNC_MUNICIPALITY_NAME
REVOKED = settings.SYNC_REVOKED_AT
REVOKED_REASON = settings.SYNC_REVOKED_REASON
TLS_CA = settings.SYNC_TLS_CA  # PEM: the only CA an https connection to the service trusts
ENROLLMENT_KEYS = (SERVER_URL, DEVICE_ID, TOKEN_STORE, TOKEN, CURSOR, LAST_SUCCESS,
                   CONSULTANT_ID, MUNICIPALITY_NAME, TLS_CA)


@dataclass(frozen=True)
class Enrollment:
    server_url: str
    device_id: str
    token: str
    token_store: str
    tls_ca: str = ""  # PEM pinned at enrollment; "" for a profile enrolled before pinning


def _keyring_set(account: str, token: str) -> bool:
    try:
        import keyring
        keyring.set_password(KEYRING_SERVICE, account, token)
        return keyring.get_password(KEYRING_SERVICE, account) == token
    except Exception:  # noqa: BLE001 - any keyring failure means "no keyring here"
        return False


def _keyring_get(account: str) -> str | None:
    try:
        import keyring
        return keyring.get_password(KEYRING_SERVICE, account)
    except Exception:  # noqa: BLE001
        return None


def _keyring_delete(account: str) -> None:
    try:
        import keyring
        keyring.delete_password(KEYRING_SERVICE, account)
    except Exception:  # noqa: BLE001, S110 - nothing to delete, or no keyring: both fine
        pass


def save_token(store: Store, session: Session, token: str, use_keyring: bool = True) -> str:
    """Keep ``token`` (in ``session``'s transaction where it goes to the profile); returns
    KEYRING or PROFILE, whichever holds it."""
    assert store.cipher is not None
    if use_keyring and _keyring_set(store.profile_id, token):
        settings.put(session, TOKEN_STORE, KEYRING)
        settings.drop(session, TOKEN)
        return KEYRING
    sealed = base64.b64encode(store.cipher.encrypt(token, aad=b"sync-token")).decode()
    settings.put(session, TOKEN, sealed)
    settings.put(session, TOKEN_STORE, PROFILE)
    return PROFILE


def load(store: Store) -> Enrollment | None:
    """The enrollment of this profile, or None when it is not enrolled (or was revoked)."""
    with store.read() as s:
        meta = settings.get_many(s, ENROLLMENT_KEYS)
    url, where = meta.get(SERVER_URL), meta.get(TOKEN_STORE)
    if not url or not where:
        return None
    token: str | None
    if where == KEYRING:
        token = _keyring_get(store.profile_id)
    else:
        assert store.cipher is not None
        sealed = meta.get(TOKEN)
        token = (store.cipher.decrypt(base64.b64decode(sealed), aad=b"sync-token")
                 if sealed else None)
    if not token:
        return None
    return Enrollment(url, meta.get(DEVICE_ID, ""), token, where, meta.get(TLS_CA, ""))


def forget(store: Store, session: Session) -> None:
    """Drop the token and the enrollment facts (revocation), in ``session``'s transaction."""
    _keyring_delete(store.profile_id)
    settings.drop(session, *ENROLLMENT_KEYS)
