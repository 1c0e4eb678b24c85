"""Scope exits: a citizen that left a consultant's scope (reassigned or unassigned), so that
consultant's devices pull a "forget it" change (protocol.Change.scope_exit).

Revision ID: s0002
Revises: s0001
"""

import sqlalchemy as sa
from alembic import op

revision = "s0002"
down_revision = "s0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "scope_exit",
        sa.Column("seq", sa.BigInteger, primary_key=True, autoincrement=False),
        sa.Column("municipality_code", sa.String(4), nullable=False),
        sa.Column("consultant_id", sa.String(36), nullable=False),
        sa.Column("entity", sa.String(40), nullable=False),
        sa.Column("entity_id", sa.String(64), nullable=False),
        sa.Column("at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_scope_exit_audience", "scope_exit",
                    ["municipality_code", "consultant_id", "seq"])


def downgrade() -> None:
    op.drop_table("scope_exit")
