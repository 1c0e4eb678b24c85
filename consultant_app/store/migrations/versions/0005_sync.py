"""Sync bookkeeping: conflicts kept for the consultant, the history of syncs, the central
service's receipts for sealed agreements, and pulled records waiting for their parent.
Local tables, never synced.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_conflict",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("op_id", sa.String(36), nullable=False, server_default=""),
        sa.Column("entity", sa.String(50), nullable=False),
        sa.Column("entity_id", sa.String(36), nullable=False, index=True),
        sa.Column("field", sa.String(64), nullable=False),
        sa.Column("server_value", sa.LargeBinary, nullable=True),
        sa.Column("client_value", sa.LargeBinary, nullable=True),
        sa.Column("winner", sa.String(10), nullable=False),
        sa.Column("policy", sa.String(30), nullable=False, server_default=""),
        sa.Column("detected_at", sa.DateTime, nullable=False),
        sa.Column("chosen", sa.String(10), nullable=True),
        sa.Column("resolved_at", sa.DateTime, nullable=True, index=True),
    )
    op.create_table(
        "sync_run",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("started_at", sa.DateTime, nullable=False, index=True),
        sa.Column("finished_at", sa.DateTime, nullable=True),
        sa.Column("trigger", sa.String(20), nullable=False, server_default=""),
        sa.Column("ok", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("pushed", sa.Integer, nullable=False, server_default="0"),
        sa.Column("pulled", sa.Integer, nullable=False, server_default="0"),
        sa.Column("uploaded", sa.Integer, nullable=False, server_default="0"),
        sa.Column("conflicts", sa.Integer, nullable=False, server_default="0"),
        sa.Column("error", sa.Text, nullable=False, server_default=""),
    )
    op.create_table(
        "sync_agreement_receipt",
        sa.Column("agreement_id", sa.String(36), primary_key=True),
        sa.Column("revision", sa.Integer, primary_key=True),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("pdf_sha256", sa.String(64), nullable=False),
        sa.Column("received_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "sync_parked",
        sa.Column("entity_id", sa.String(36), primary_key=True),
        sa.Column("entity", sa.String(50), nullable=False),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("change", sa.LargeBinary, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("sync_parked")
    op.drop_table("sync_agreement_receipt")
    op.drop_table("sync_run")
    op.drop_table("sync_conflict")
