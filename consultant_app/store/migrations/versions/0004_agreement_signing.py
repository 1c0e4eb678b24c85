"""Agreements get a content revision, a seal, their signatures and their sealed PDF.

``placement_agreement.revision`` counts content versions: signing freezes the content of one
revision, and a change after the first signature starts a new revision whose signatures start
again (the old ones stay, voided, as history). ``version`` stays the server's sync counter.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def _sync_columns() -> list[sa.Column]:
    return [
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("version", sa.Integer, nullable=False, server_default="0"),
        sa.Column("modified_at", sa.DateTime, nullable=False),
        sa.Column("deleted", sa.Boolean, nullable=False, server_default=sa.false()),
    ]


def upgrade() -> None:
    with op.batch_alter_table("placement_agreement") as batch:
        batch.add_column(sa.Column("revision", sa.Integer, nullable=False, server_default="1"))
        batch.add_column(sa.Column("sealed_at", sa.DateTime, nullable=True))
        batch.add_column(sa.Column("seal", sa.Text, nullable=False, server_default=""))
        batch.add_column(sa.Column("pdf_sha256", sa.String(64), nullable=False,
                                   server_default=""))
    op.create_table(
        "agreement_signature", *_sync_columns(),
        sa.Column("agreement_id", sa.String(36), sa.ForeignKey("placement_agreement.id"),
                  nullable=False, index=True),
        sa.Column("revision", sa.Integer, nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("role", sa.String(50), nullable=False),
        sa.Column("signer_name", sa.String(200), nullable=False),
        sa.Column("identity_check", sa.String(50), nullable=False),
        sa.Column("signed_at", sa.DateTime, nullable=False),
        sa.Column("device_id", sa.String(36), nullable=False, server_default=""),
        sa.Column("app_version", sa.String(20), nullable=False, server_default=""),
        sa.Column("strokes", sa.LargeBinary, nullable=True),
        sa.Column("voided", sa.Boolean, nullable=False, server_default=sa.false()),
    )
    op.create_table(
        "agreement_document", *_sync_columns(),
        sa.Column("agreement_id", sa.String(36), sa.ForeignKey("placement_agreement.id"),
                  nullable=False, index=True),
        sa.Column("revision", sa.Integer, nullable=False),
        sa.Column("pdf", sa.LargeBinary, nullable=True),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("agreement_document")
    op.drop_table("agreement_signature")
    with op.batch_alter_table("placement_agreement") as batch:
        for name in ("pdf_sha256", "seal", "sealed_at", "revision"):
            batch.drop_column(name)
