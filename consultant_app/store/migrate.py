"""Alembic migrations, run when a profile opens.

Laptops in the field may skip several versions, so the chain always runs from whatever
revision the file has to head, in one transaction per revision (SQLite has transactional DDL).
A file from a newer program (a revision this program does not know) is refused, not touched.
"""

from __future__ import annotations

from functools import lru_cache

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.script.revision import ResolutionError
from alembic.util import CommandError
from sqlalchemy import Engine

from ..errors import NewerSchema


@lru_cache(maxsize=1)
def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", "consultant_app.store:migrations")
    return cfg


@lru_cache(maxsize=1)
def _script() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    head = _script().get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> None:
    cfg = alembic_config()
    with engine.connect() as conn:
        cfg.attributes["connection"] = conn
        try:
            command.upgrade(cfg, revision)
        finally:
            cfg.attributes.pop("connection", None)


def _known(revision: str) -> bool:
    try:
        return _script().get_revision(revision) is not None
    except (ResolutionError, CommandError):
        return False


def upgrade_to_head(engine: Engine) -> None:
    current = current_revision(engine)
    if current == head_revision():
        return
    if current is not None and not _known(current):
        raise NewerSchema(current)
    upgrade(engine, "head")
