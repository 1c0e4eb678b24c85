"""Sync quarantine: what came from the service and could not be taken in (a pulled change
the device cannot apply, a push answer it cannot record), kept encrypted to be retried and
shown, so that no record can stop a sync. A local table, never synced.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_quarantine",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("entity", sa.String(50), nullable=False),
        sa.Column("entity_id", sa.String(64), nullable=False),
        sa.Column("seq", sa.Integer, nullable=False, server_default="0"),
        sa.Column("code", sa.String(40), nullable=False),
        sa.Column("detail", sa.LargeBinary, nullable=True),
        sa.Column("payload", sa.LargeBinary, nullable=False),
        sa.Column("first_seen", sa.DateTime, nullable=False),
        sa.Column("last_tried", sa.DateTime, nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False, server_default="1"),
        sa.UniqueConstraint("kind", "entity", "entity_id"),
    )


def downgrade() -> None:
    op.drop_table("sync_quarantine")
