"""The web console's users, their sessions, team leaders' consultants and the console's own
log of actions (sync/server/console/store.py).

Revision ID: s0006
Revises: s0005
"""

import sqlalchemy as sa
from alembic import op

revision = "s0006"
down_revision = "s0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "console_user",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("username", sa.String(100), nullable=False, unique=True),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("municipality_code", sa.String(4), sa.ForeignKey("municipality.code")),
        sa.Column("password_hash", sa.String(200), nullable=False),
        sa.Column("totp_secret", sa.Text, nullable=False),
        sa.Column("totp_last_step", sa.BigInteger, nullable=False, server_default="0"),
        sa.Column("failed_logins", sa.Integer, nullable=False, server_default="0"),
        sa.Column("locked_until", sa.DateTime),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("deactivated_at", sa.DateTime),
    )
    op.create_table(
        "console_team",
        sa.Column("user_id", sa.String(36), sa.ForeignKey("console_user.id"),
                  primary_key=True),
        sa.Column("consultant_id", sa.String(36), sa.ForeignKey("consultant.id"),
                  primary_key=True),
    )
    op.create_table(
        "console_session",
        sa.Column("token_hash", sa.String(64), primary_key=True),
        sa.Column("user_id", sa.String(36), sa.ForeignKey("console_user.id"), nullable=False,
                  index=True),
        sa.Column("stage", sa.String(10), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("last_seen_at", sa.DateTime, nullable=False),
        sa.Column("ended_at", sa.DateTime),
    )
    op.create_table(
        "console_action",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer, "sqlite"), primary_key=True,
                  autoincrement=True),
        sa.Column("at", sa.DateTime, nullable=False),
        sa.Column("user_id", sa.String(36)),
        sa.Column("username", sa.String(100), nullable=False),
        sa.Column("municipality_code", sa.String(4)),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("target", sa.String(100), nullable=False),
        sa.Column("outcome", sa.String(10), nullable=False),
        sa.Column("detail", sa.Text, nullable=False),
    )
    op.create_index("ix_console_action_at", "console_action", ["at"])


def downgrade() -> None:
    op.drop_index("ix_console_action_at", "console_action")
    op.drop_table("console_action")
    op.drop_table("console_session")
    op.drop_table("console_team")
    op.drop_table("console_user")
