"""Alembic environment of the central service: migrations run on a connection handed over by
``sync.server.migrate``. On PostgreSQL several instances may start at once, so the upgrade
holds a session advisory lock: one instance migrates, the others wait and find it done."""

from alembic import context
from sqlalchemy import text

from sync.server.db import MIGRATION_LOCK, metadata

connection = context.config.attributes["connection"]
postgres = connection.dialect.name == "postgresql"
if postgres:
    connection.execute(text("SELECT pg_advisory_lock(:k, 0)"), {"k": MIGRATION_LOCK})
    connection.commit()
try:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=not postgres,
        transaction_per_migration=True,
    )
    with context.begin_transaction():
        context.run_migrations()
finally:
    if postgres:
        connection.execute(text("SELECT pg_advisory_unlock(:k, 0)"), {"k": MIGRATION_LOCK})
        connection.commit()
