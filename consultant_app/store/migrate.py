"""Alembic migrations, run when a profile opens.

Laptops in the field may skip several versions, so the chain always runs from whatever
revision the file has to head, in one transaction per revision (SQLite has transactional DDL).
A file from a newer program (a revision this program does not know) is refused, not touched.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError

from ..errors import NewerSchema

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

# The newest revision, written here so that opening an up-to-date profile (every start but
# the first after an update) needs one SELECT and does not import Alembic at all.
# tests/unit/test_migrations.py checks it against the migration scripts.
HEAD_REVISION = "0007"


@lru_cache(maxsize=1)
def alembic_config() -> Config:
    from alembic.config import Config
    cfg = Config()
    cfg.set_main_option("script_location", "consultant_app.store:migrations")
    return cfg


@lru_cache(maxsize=1)
def _script() -> ScriptDirectory:
    from alembic.script import ScriptDirectory
    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    head = _script().get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> None:
    from alembic import command
    cfg = alembic_config()
    with engine.connect() as conn:
        cfg.attributes["connection"] = conn
        try:
            command.upgrade(cfg, revision)
        finally:
            cfg.attributes.pop("connection", None)


def _known(revision: str) -> bool:
    from alembic.script.revision import ResolutionError
    from alembic.util import CommandError
    try:
        return _script().get_revision(revision) is not None
    except (ResolutionError, CommandError):
        return False


def _stored_revision(engine: Engine) -> str | None:
    try:
        with engine.connect() as conn:
            return conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    except OperationalError:  # no such table: a new file
        return None


def upgrade_to_head(engine: Engine) -> None:
    if _stored_revision(engine) == HEAD_REVISION:
        return
    current = current_revision(engine)
    if current == head_revision():
        return
    if current is not None and not _known(current):
        raise NewerSchema(current)
    upgrade(engine, "head")
