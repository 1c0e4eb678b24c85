"""Run the service's Alembic migrations (at every start, and ``consultant-server migrate``),
then make sure the database has its data keys (keys.Vault.ensure): a start without the right
master key fails here, with a message, before anything is served."""

from __future__ import annotations

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine

from . import keys


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", "sync.server:migrations")
    return cfg


def upgrade(engine: Engine, revision: str = "head") -> None:
    cfg = alembic_config()
    with engine.connect() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
        conn.commit()
        if revision == "head":
            keys.vault_of(engine).ensure(conn)
            conn.commit()
    if engine.dialect.name == "sqlite":
        # Move what the migrations wrote out of the WAL now (a migration that encrypted clear
        # text leaves no clear page image behind in it).
        raw = engine.raw_connection()
        try:
            raw.cursor().execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            raw.close()
