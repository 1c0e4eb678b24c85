"""The console's own store: its users (roles, argon2 password hashes, TOTP secrets kept
encrypted by the service's vault), their sessions and the log of what each one did.

Nothing lives in process memory: a session is a random token in an HttpOnly cookie whose
SHA-256 is a row here, so any instance of the service on the same database answers it, and
ending it (sign-out, expiry) is one UPDATE. Migration s0006 makes the tables.

A session goes through two stages: ``password`` (the password was right, the second factor
is still due; it lasts ``PENDING_MINUTES``) and ``full``. A full session ends after
``idle_minutes()`` without a request or ``ABSOLUTE_HOURS`` after sign-in, whichever is first.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import os
import secrets
import uuid
from dataclasses import dataclass

import pyotp
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import (
    BigInteger,
    Column,
    DateTime,
    Engine,
    ForeignKey,
    Integer,
    String,
    Table,
    Text,
    delete,
    insert,
    select,
    update,
)
from sqlalchemy.engine import Connection

from consultant_app.text import QT_TRANSLATE_NOOP as _N

from .. import admin, db, keys
from ..errors import CTX as SERVICE
from ..errors import ServiceError

console_user = Table(
    "console_user", db.metadata,
    Column("id", String(36), primary_key=True),
    Column("username", String(100), nullable=False, unique=True),
    Column("name", String(100), nullable=False),
    Column("role", String(20), nullable=False),
    Column("municipality_code", String(4), ForeignKey("municipality.code")),
    Column("password_hash", String(200), nullable=False),
    Column("totp_secret", Text, nullable=False),  # encrypted (keys.Vault)
    Column("totp_last_step", BigInteger, nullable=False, default=0),  # no code used twice
    Column("failed_logins", Integer, nullable=False, default=0),
    Column("locked_until", DateTime),
    Column("created_at", DateTime, nullable=False),
    Column("deactivated_at", DateTime),
)

# A team leader's consultants.
console_team = Table(
    "console_team", db.metadata,
    Column("user_id", String(36), ForeignKey("console_user.id"), primary_key=True),
    Column("consultant_id", String(36), ForeignKey("consultant.id"), primary_key=True),
)

console_session = Table(
    "console_session", db.metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("user_id", String(36), ForeignKey("console_user.id"), nullable=False, index=True),
    Column("stage", String(10), nullable=False),  # "password", then "full"
    Column("created_at", DateTime, nullable=False),
    Column("last_seen_at", DateTime, nullable=False),
    Column("ended_at", DateTime),
)

console_action = Table(
    "console_action", db.metadata,
    Column("id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True,
           autoincrement=True),
    Column("at", DateTime, nullable=False),
    Column("user_id", String(36)),
    Column("username", String(100), nullable=False),
    Column("municipality_code", String(4)),
    Column("action", String(40), nullable=False),
    Column("target", String(100), nullable=False),
    Column("outcome", String(10), nullable=False),  # "done" or "refused"
    Column("detail", Text, nullable=False),
)

SYSTEM_ADMIN = "system_admin"
MUNICIPALITY_ADMIN = "municipality_admin"
TEAM_LEADER = "team_leader"
DPO = "dpo"
ROLES = (SYSTEM_ADMIN, MUNICIPALITY_ADMIN, TEAM_LEADER, DPO)

MIN_PASSWORD = 12
PENDING_MINUTES = 5
ABSOLUTE_HOURS = 12
IDLE_MINUTES_ENV = "CONSULTANT_CONSOLE_IDLE_MINUTES"
DEFAULT_IDLE_MINUTES = 30
MAX_FAILED = 10  # wrong passwords or codes in a row before the account waits LOCK_MINUTES
LOCK_MINUTES = 15
LAST_SEEN_EVERY = dt.timedelta(seconds=30)
ISSUER = "Konsulent-tjenesten"

_hasher = PasswordHasher()
# Verifying against this when the user is unknown costs the same as against a real hash, so
# the answer's time does not tell which usernames exist.
_DUMMY_HASH = _hasher.hash("not a password of anyone")


def idle_minutes() -> int:
    raw = os.environ.get(IDLE_MINUTES_ENV, "")
    return int(raw) if raw.strip().isdigit() and int(raw) > 0 else DEFAULT_IDLE_MINUTES


def _hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("ascii")).hexdigest()


@dataclass(frozen=True)
class User:
    id: str
    username: str
    name: str
    role: str
    municipality_code: str | None

    @property
    def all_municipalities(self) -> bool:
        return self.role == SYSTEM_ADMIN

    @property
    def is_admin(self) -> bool:
        return self.role in (SYSTEM_ADMIN, MUNICIPALITY_ADMIN)


@dataclass(frozen=True)
class NewUser:
    user: User
    totp_secret: str

    @property
    def totp_uri(self) -> str:
        return pyotp.TOTP(self.totp_secret).provisioning_uri(name=self.user.username,
                                                             issuer_name=ISSUER)


def _user(row: object) -> User:
    return User(row.id, row.username, row.name, row.role,  # type: ignore[attr-defined]
                row.municipality_code)  # type: ignore[attr-defined]


def _totp_aad(user_id: str) -> str:
    return f"console_user/{user_id}/totp"


def add_user(engine: Engine, username: str, name: str, role: str, password: str,
             municipality: str | None = None, consultants: tuple[str, ...] = ()) -> NewUser:
    """A console user with a new TOTP secret (shown once, for the authenticator app).
    A system administrator has no municipality; every other role has exactly one.
    ``consultants``: a team leader's consultants (names or ids in the municipality)."""
    username = username.strip()
    if not username or len(username) > 100:
        raise ServiceError(422, "invalid",
                           _N(SERVICE, "Brugernavnet skal udfyldes (højst 100 tegn)."))
    if role not in ROLES:
        raise ServiceError(422, "invalid", _N(SERVICE, "Rollen skal være en af {roles}."),
                           roles=", ".join(ROLES))
    if len(password) < MIN_PASSWORD:
        raise ServiceError(422, "invalid",
                           _N(SERVICE, "Adgangskoden skal have mindst {length} tegn."),
                           length=MIN_PASSWORD)
    if role == SYSTEM_ADMIN:
        municipality = None
    else:
        if not municipality:
            raise ServiceError(422, "invalid", _N(
                SERVICE, "Angiv kommunen (--municipality) for denne rolle."))
        municipality = admin.normalize_municipality(municipality)
        if not admin.municipality_exists(engine, municipality):
            raise ServiceError(404, "unknown_municipality",
                               _N(SERVICE, "Kommunen {code} findes ikke."), code=municipality)
    team = [admin.find_consultant(engine, municipality, c) for c in consultants] \
        if municipality else []
    user_id = str(uuid.uuid4())
    secret = pyotp.random_base32()
    with db.writing(engine) as conn:
        if conn.execute(select(console_user.c.id)
                        .where(console_user.c.username == username)).first():
            raise ServiceError(409, "exists", _N(SERVICE, "Brugeren '{username}' findes allerede."),
                               username=username)
        conn.execute(insert(console_user).values(
            id=user_id, username=username, name=name.strip() or username, role=role,
            municipality_code=municipality, password_hash=_hasher.hash(password),
            totp_secret=keys.vault_of(conn).encrypt_text(conn, secret, _totp_aad(user_id)),
            totp_last_step=0, failed_logins=0, created_at=db.utcnow()))
        if team:
            conn.execute(insert(console_team), [{"user_id": user_id, "consultant_id": c}
                                                for c in team])
    return NewUser(User(user_id, username, name.strip() or username, role, municipality),
                   secret)


def add_to_team(conn: Connection, user_id: str, consultant_id: str) -> None:
    conn.execute(insert(console_team).values(user_id=user_id, consultant_id=consultant_id))


def team_of(engine: Engine, user_id: str) -> set[str]:
    with engine.connect() as conn:
        return set(conn.execute(select(console_team.c.consultant_id)
                                .where(console_team.c.user_id == user_id)).scalars())


# -- signing in ----------------------------------------------------------------------------------

class SignInRefused(Exception):
    """Wrong username, password or code, or a locked account: one message for all, so the
    answer does not say which part was wrong."""

    def __init__(self, locked: bool = False):
        super().__init__("locked" if locked else "refused")
        self.locked = locked


def _fail(conn: Connection, user_id: str, failed: int, now: dt.datetime) -> None:
    failed += 1
    values: dict[str, object] = {"failed_logins": failed}
    if failed >= MAX_FAILED:
        values = {"failed_logins": 0, "locked_until": now + dt.timedelta(minutes=LOCK_MINUTES)}
    conn.execute(update(console_user).where(console_user.c.id == user_id).values(**values))


def check_password(engine: Engine, username: str, password: str) -> tuple[User, str]:
    """The user and a new session token at stage ``password``, or SignInRefused."""
    now = db.utcnow()
    with db.writing(engine) as conn:
        row = conn.execute(select(console_user)
                           .where(console_user.c.username == username.strip())).first()
        if row is None or row.deactivated_at is not None:
            try:
                _hasher.verify(_DUMMY_HASH, password)
            except VerificationError:
                pass
            raise SignInRefused()
        if row.locked_until is not None and row.locked_until > now:
            raise SignInRefused(locked=True)
        try:
            _hasher.verify(row.password_hash, password)
        except (VerificationError, InvalidHashError):
            # Recorded before refusing: raising inside this block would roll the count back.
            _fail(conn, row.id, row.failed_logins, now)
        else:
            if _hasher.check_needs_rehash(row.password_hash):
                conn.execute(update(console_user).where(console_user.c.id == row.id)
                             .values(password_hash=_hasher.hash(password)))
            token = secrets.token_urlsafe(32)
            conn.execute(insert(console_session).values(
                token_hash=_hash_token(token), user_id=row.id, stage="password",
                created_at=now, last_seen_at=now))
            return _user(row), token
    raise SignInRefused()


def _matching_step(secret: str, code: str, now: dt.datetime) -> int | None:
    """The time step whose code ``code`` is, within one step either side (clock drift)."""
    totp = pyotp.TOTP(secret)
    code = "".join(ch for ch in code if ch.isdigit())
    if len(code) != 6:
        return None
    moment = now.replace(tzinfo=dt.UTC)
    for offset in (0, -1, 1):
        at = moment + dt.timedelta(seconds=30 * offset)
        if hmac.compare_digest(totp.at(at), code):
            return totp.timecode(at)
    return None


def check_code(engine: Engine, token: str, code: str) -> User:
    """The second factor for a session at stage ``password``: the session becomes ``full``
    (with a new token, returned by ``rotate``), or SignInRefused. A code is used once."""
    now = db.utcnow()
    s, u = console_session.c, console_user.c
    with db.writing(engine) as conn:
        row = conn.execute(select(console_session, console_user.c.totp_secret,
                                  u.totp_last_step, u.failed_logins, u.locked_until,
                                  u.deactivated_at, u.username, u.name, u.role,
                                  u.municipality_code, u.id)
                           .join(console_user, u.id == s.user_id)
                           .where(s.token_hash == _hash_token(token))).first()
        if (row is None or row.stage != "password" or row.ended_at is not None
                or row.deactivated_at is not None
                or now - row.created_at > dt.timedelta(minutes=PENDING_MINUTES)):
            raise SignInRefused()
        if row.locked_until is not None and row.locked_until > now:
            raise SignInRefused(locked=True)
        secret = keys.vault_of(conn).decrypt_text(conn, row.totp_secret, _totp_aad(row.id))
        step = _matching_step(secret, code, now)
        if step is None or step <= row.totp_last_step:
            _fail(conn, row.id, row.failed_logins, now)
        else:
            conn.execute(update(console_user).where(u.id == row.id).values(
                totp_last_step=step, failed_logins=0, locked_until=None))
            conn.execute(update(console_session).where(s.token_hash == _hash_token(token))
                         .values(stage="full", last_seen_at=now))
            return _user(row)
    raise SignInRefused()


def rotate(engine: Engine, token: str) -> str:
    """A new token for a session (after the second factor: a token seen before sign-in
    completed is worth nothing afterwards)."""
    new = secrets.token_urlsafe(32)
    with db.writing(engine) as conn:
        conn.execute(update(console_session)
                     .where(console_session.c.token_hash == _hash_token(token))
                     .values(token_hash=_hash_token(new)))
    return new


def session_user(engine: Engine, token: str | None, stage: str = "full") -> User | None:
    """The user of a live session at ``stage``, or None (unknown, ended, expired or
    deactivated). Touches the session's last request (at most every LAST_SEEN_EVERY)."""
    if not token:
        return None
    now = db.utcnow()
    s, u = console_session.c, console_user.c
    with engine.connect() as conn:
        row = conn.execute(select(console_session, u.username, u.name, u.role,
                                  u.municipality_code, u.id, u.deactivated_at)
                           .join(console_user, u.id == s.user_id)
                           .where(s.token_hash == _hash_token(token))).first()
    if row is None or row.stage != stage or row.ended_at is not None \
            or row.deactivated_at is not None:
        return None
    if stage == "password":
        alive = now - row.created_at <= dt.timedelta(minutes=PENDING_MINUTES)
    else:
        alive = (now - row.last_seen_at <= dt.timedelta(minutes=idle_minutes())
                 and now - row.created_at <= dt.timedelta(hours=ABSOLUTE_HOURS))
    if not alive:
        return None
    if stage == "full" and now - row.last_seen_at >= LAST_SEEN_EVERY:
        with db.writing(engine) as conn:
            conn.execute(update(console_session).where(s.token_hash == _hash_token(token))
                         .values(last_seen_at=now))
    return _user(row)


def end_session(engine: Engine, token: str | None) -> None:
    if not token:
        return
    with db.writing(engine) as conn:
        conn.execute(update(console_session)
                     .where(console_session.c.token_hash == _hash_token(token))
                     .values(ended_at=db.utcnow()))


def purge_sessions(engine: Engine) -> int:
    """Delete sessions that ended or expired more than a day ago."""
    cutoff = db.utcnow() - dt.timedelta(hours=ABSOLUTE_HOURS + 24)
    with db.writing(engine) as conn:
        return conn.execute(delete(console_session)
                            .where(console_session.c.created_at < cutoff)).rowcount


def csrf_token(token: str) -> str:
    """The CSRF token of a session: derived from the session token, which only the user's
    browser has (an HttpOnly cookie), so a page elsewhere cannot know it."""
    return hmac.new(token.encode("ascii"), b"console csrf", hashlib.sha256).hexdigest()


def new_login_nonce() -> str:
    """The sign-in form's CSRF value (before there is a session): a cookie that the form
    repeats."""
    return secrets.token_urlsafe(24)


def nonce_ok(cookie: str | None, given: str | None) -> bool:
    return bool(cookie) and bool(given) and hmac.compare_digest(cookie or "", given or "")


def csrf_ok(token: str | None, given: str | None) -> bool:
    return bool(token) and bool(given) and hmac.compare_digest(csrf_token(token or ""),
                                                               given or "")


# -- the console's log ---------------------------------------------------------------------------

def log_action(engine: Engine, user: User | None, action: str, target: str = "",
               municipality: str | None = None, outcome: str = "done", detail: str = "",
               conn: Connection | None = None, username: str = "") -> None:
    """Who did what in the console (``outcome`` "refused" for an action the role may not
    do), in ``conn``'s transaction when given."""
    row = {"at": db.utcnow(), "user_id": user.id if user else None,
           "username": (user.username if user else username)[:100],
           "municipality_code": municipality or (user.municipality_code if user else None),
           "action": action[:40], "target": target[:100], "outcome": outcome,
           "detail": detail}
    if conn is not None:
        conn.execute(insert(console_action).values(**row))
        return
    with db.writing(engine) as own:
        own.execute(insert(console_action).values(**row))


def actions(engine: Engine, municipality: str | None = None, limit: int = 200
            ) -> list[dict[str, object]]:
    a = console_action.c
    query = select(console_action).order_by(a.at.desc(), a.id.desc()).limit(limit)
    if municipality is not None:
        query = query.where(a.municipality_code == municipality)
    with engine.connect() as conn:
        return [dict(r) for r in conn.execute(query).mappings()]
