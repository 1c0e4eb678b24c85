"""Who made each record: the consultant whose device pushed its create (NULL for what the
service made itself, an import's). A signed agreement is handed over across a scope exit
only to the consultant who made it (service._handed_over): a scope exit says a consultant
held a citizen, not that they held every record of it. Records made before this revision
take their owner at the time as their maker, the nearest thing known.

Revision ID: s0007
Revises: s0006
"""

import sqlalchemy as sa
from alembic import op

revision = "s0007"
down_revision = "s0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("record") as batch:
        batch.add_column(sa.Column("created_by", sa.String(36)))
    op.execute("UPDATE record SET created_by = owner_consultant_id "
               "WHERE owner_consultant_id IS NOT NULL AND owner_consultant_id <> ''")


def downgrade() -> None:
    with op.batch_alter_table("record") as batch:
        batch.drop_column("created_by")
