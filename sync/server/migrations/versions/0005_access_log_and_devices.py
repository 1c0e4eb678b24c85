"""The service's access log (``access_event``, sync/server/access_log.py), each device's last
contact, and deactivated consultants.

Revision ID: s0005
Revises: s0004
"""

import sqlalchemy as sa
from alembic import op

revision = "s0005"
down_revision = "s0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "access_event",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer, "sqlite"), primary_key=True,
                  autoincrement=True),
        sa.Column("at", sa.DateTime, nullable=False),
        sa.Column("municipality_code", sa.String(4), nullable=False),
        sa.Column("consultant_id", sa.String(36)),
        sa.Column("device_id", sa.String(36)),
        sa.Column("actor", sa.String(100), nullable=False),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("purpose", sa.String(20), nullable=False),
        sa.Column("source", sa.String(10), nullable=False),
        sa.Column("citizen_id", sa.String(64)),
        sa.Column("entity", sa.String(40), nullable=False),
        sa.Column("entity_id", sa.String(64), nullable=False),
        sa.Column("detail", sa.Text, nullable=False),
    )
    op.create_index("ix_access_event_citizen", "access_event", ["citizen_id", "at"])
    op.create_index("ix_access_event_consultant", "access_event", ["consultant_id", "at"])
    op.create_index("ix_access_event_at", "access_event", ["at"])
    with op.batch_alter_table("device") as batch:
        batch.add_column(sa.Column("last_seen_at", sa.DateTime))
    with op.batch_alter_table("consultant") as batch:
        batch.add_column(sa.Column("deactivated_at", sa.DateTime))


def downgrade() -> None:
    with op.batch_alter_table("consultant") as batch:
        batch.drop_column("deactivated_at")
    with op.batch_alter_table("device") as batch:
        batch.drop_column("last_seen_at")
    op.drop_table("access_event")
