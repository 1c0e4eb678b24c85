"""The service schema: municipalities, consultants, enrollment codes, devices, generic
records with their change sequence, applied operations, conflicts, sealed agreements, keys.

Revision ID: s0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "s0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "municipality",
        sa.Column("code", sa.String(4), primary_key=True),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "consultant",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("municipality_code", sa.String(4), sa.ForeignKey("municipality.code"),
                  nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("email", sa.String(200), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_consultant_municipality_code", "consultant", ["municipality_code"])
    op.create_table(
        "enrollment_code",
        sa.Column("code_hash", sa.String(64), primary_key=True),
        sa.Column("consultant_id", sa.String(36), sa.ForeignKey("consultant.id"),
                  nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("expires_at", sa.DateTime),
        sa.Column("used_at", sa.DateTime),
        sa.Column("reusable", sa.Boolean, nullable=False),
    )
    op.create_table(
        "device",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("consultant_id", sa.String(36), sa.ForeignKey("consultant.id"),
                  nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("public_key", sa.String(64), nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("certificate_pem", sa.Text, nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("app_version", sa.String(40), nullable=False),
        sa.Column("enrolled_at", sa.DateTime, nullable=False),
        sa.Column("revoked_at", sa.DateTime),
    )
    op.create_index("ix_device_consultant_id", "device", ["consultant_id"])
    op.create_table(
        "record",
        sa.Column("entity", sa.String(40), primary_key=True),
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("municipality_code", sa.String(4), nullable=False),
        sa.Column("owner_consultant_id", sa.String(36)),
        sa.Column("owner_device_id", sa.String(36)),
        sa.Column("citizen_id", sa.String(64)),
        sa.Column("seq", sa.BigInteger, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("deleted", sa.Boolean, nullable=False),
        sa.Column("modified_at", sa.DateTime, nullable=False),
        sa.Column("values_json", sa.Text, nullable=False),
        sa.Column("field_versions", sa.Text, nullable=False),
    )
    op.create_index("ix_record_municipality_seq", "record", ["municipality_code", "seq"])
    op.create_index("ix_record_citizen_id", "record", ["citizen_id"])
    op.create_table(
        "applied_operation",
        sa.Column("op_id", sa.String(64), primary_key=True),
        sa.Column("device_id", sa.String(36), nullable=False),
        sa.Column("result_json", sa.Text, nullable=False),
        sa.Column("applied_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "conflict",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("entity", sa.String(40), nullable=False),
        sa.Column("entity_id", sa.String(64), nullable=False),
        sa.Column("field", sa.String(64), nullable=False),
        sa.Column("server_value", sa.JSON),
        sa.Column("client_value", sa.JSON),
        sa.Column("winner", sa.String(10), nullable=False),
        sa.Column("policy", sa.String(20), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("op_id", sa.String(64), nullable=False),
        sa.Column("device_id", sa.String(36), nullable=False),
        sa.Column("at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_conflict_entity", "conflict", ["entity", "entity_id"])
    op.create_table(
        "sealed_agreement",
        sa.Column("agreement_id", sa.String(64), primary_key=True),
        sa.Column("revision", sa.Integer, primary_key=True),
        sa.Column("device_id", sa.String(36), nullable=False),
        sa.Column("municipality_code", sa.String(4), nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("pdf_sha256", sa.String(64), nullable=False),
        sa.Column("upload_json", sa.Text, nullable=False),
        sa.Column("pdf", sa.Text, nullable=False),
        sa.Column("received_at", sa.DateTime, nullable=False),
        sa.Column("service_signature", sa.Text, nullable=False),
    )
    op.create_table(
        "server_key",
        sa.Column("name", sa.String(40), primary_key=True),
        sa.Column("private_key_pem", sa.Text, nullable=False),
        sa.Column("certificate_pem", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "counter",
        sa.Column("name", sa.String(20), primary_key=True),
        sa.Column("value", sa.BigInteger, nullable=False),
    )
    op.execute("INSERT INTO counter (name, value) VALUES ('change', 0)")
    if op.get_bind().dialect.name == "postgresql":
        op.execute("CREATE SEQUENCE change_seq")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP SEQUENCE change_seq")
    for name in ("counter", "server_key", "sealed_agreement", "conflict", "applied_operation",
                 "record", "device", "enrollment_code", "consultant", "municipality"):
        op.drop_table(name)
