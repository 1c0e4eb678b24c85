"""Store JSON lists with their letters as written ("køkken", not "k\\u00f8kken").

Revision 0001 wrote JSON with ASCII escapes, so the search index saw "k\\u00f8kken" and a
search for "køkken" could not find a citizen by skill. The engine now writes UTF-8 JSON;
this rewrites the lists already stored. Values are unchanged, so nothing is journalled for
sync; the search triggers re-index each rewritten row.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""

import json

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

JSON_COLUMNS = {
    "vacancy": ("requirements", "skills"),
    "citizen": ("skills", "wished_occupations", "restrictions", "languages"),
}


def upgrade() -> None:
    conn = op.get_bind()
    for table, columns in JSON_COLUMNS.items():
        for column in columns:
            rows = conn.execute(sa.text(
                f"SELECT id, {column} FROM {table} WHERE instr({column}, '\\u') > 0")).all()
            if rows:
                conn.execute(sa.text(f"UPDATE {table} SET {column} = :value WHERE id = :id"), [
                    {"id": ident, "value": json.dumps(json.loads(value), ensure_ascii=False)}
                    for ident, value in rows
                ])


def downgrade() -> None:
    """Escaped and unescaped JSON hold the same values; nothing to undo."""
