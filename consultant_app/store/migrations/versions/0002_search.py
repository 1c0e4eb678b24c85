"""Full-text search: postcode reference table, FTS5 index over employers, vacancies and
citizens, the triggers that keep it current, and a backfill of rows that already exist.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

import csv
from importlib import resources

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# One view per kind says what is indexed (``doc``, folded by dk_fold) and what a hit shows.
# CPR numbers and notes are never indexed.
VIEWS = {
    "employer": """
        CREATE VIEW search_source_employer AS
        SELECT e.id AS ref, e.deleted AS deleted,
               dk_fold(e.name || ' ' || e.cvr || ' ' || coalesce(e.p_number, '') || ' ' ||
                       e.address || ' ' || e.postcode || ' ' || e.town || ' ' || e.industry) AS doc,
               e.name AS title,
               'CVR ' || e.cvr || ' · ' || e.address || ', ' || e.postcode || ' ' || e.town
                   AS subtitle
        FROM employer e""",
    "vacancy": """
        CREATE VIEW search_source_vacancy AS
        SELECT v.id AS ref, v.deleted OR e.deleted AS deleted, v.employer_id AS employer_id,
               dk_fold(v.title || ' ' || v.occupation || ' ' || v.skills || ' ' || e.name || ' ' ||
                       coalesce(nullif(v.postcode, ''), e.postcode) || ' ' ||
                       coalesce(p.name, e.town)) AS doc,
               v.title AS title,
               e.name || ' · ' || coalesce(p.name, e.town) AS subtitle
        FROM vacancy v JOIN employer e ON e.id = v.employer_id
        LEFT JOIN postcode p ON p.postcode = nullif(v.postcode, '')""",
    "citizen": """
        CREATE VIEW search_source_citizen AS
        SELECT c.id AS ref, c.deleted AS deleted,
               dk_fold(c.name || ' ' || c.skills || ' ' || c.wished_occupations || ' ' ||
                       c.postcode || ' ' || coalesce(p.name, '')) AS doc,
               c.name AS title,
               c.postcode || ' ' || coalesce(p.name, '') AS subtitle
        FROM citizen c LEFT JOIN postcode p ON p.postcode = c.postcode""",
}


def _reindex(kind: str, where: str) -> str:
    return f"""
        DELETE FROM search_fts WHERE rowid IN
            (SELECT d.docid FROM search_doc d JOIN search_source_{kind} s ON s.ref = d.ref
             WHERE {where});
        INSERT INTO search_fts(rowid, doc, kind, ref, title, subtitle)
            SELECT d.docid, s.doc, '{kind}', s.ref, s.title, s.subtitle
            FROM search_source_{kind} s JOIN search_doc d ON d.ref = s.ref
            WHERE {where} AND NOT s.deleted;"""


def _triggers(kind: str) -> list[str]:
    return [
        f"""CREATE TRIGGER {kind}_search_ai AFTER INSERT ON {kind} BEGIN
            INSERT INTO search_doc(kind, ref) VALUES ('{kind}', new.id);
            {_reindex(kind, "s.ref = new.id")}
        END""",
        f"""CREATE TRIGGER {kind}_search_au AFTER UPDATE ON {kind} BEGIN
            {_reindex(kind, "s.ref = new.id")}
        END""",
    ]


def upgrade() -> None:
    op.create_table(
        "postcode",
        sa.Column("postcode", sa.String(4), primary_key=True),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("latitude", sa.Float, nullable=False),
        sa.Column("longitude", sa.Float, nullable=False),
        sa.Column("municipality_code", sa.String(4), nullable=False),
        sa.Column("municipality_name", sa.String(100), nullable=False),
    )
    data = resources.files("consultant_app.data").joinpath("dk_postcodes.csv").read_text("utf-8")
    rows = list(csv.DictReader(data.splitlines()))
    op.bulk_insert(sa.table("postcode", *(sa.column(c) for c in rows[0])),
                   [{**r, "latitude": float(r["latitude"]), "longitude": float(r["longitude"])}
                    for r in rows])

    op.execute("CREATE TABLE search_doc (docid INTEGER PRIMARY KEY, kind TEXT NOT NULL, "
               "ref TEXT NOT NULL UNIQUE)")
    op.execute("CREATE VIRTUAL TABLE search_fts USING fts5(doc, kind UNINDEXED, ref UNINDEXED, "
               "title UNINDEXED, subtitle UNINDEXED, tokenize='unicode61 remove_diacritics 2', "
               "prefix='2 3 4')")
    for kind, view in VIEWS.items():
        op.execute(view)
    for kind in VIEWS:
        for trigger in _triggers(kind):
            op.execute(trigger)
    # An employer's name and town are part of its vacancies' documents.
    op.execute(f"""CREATE TRIGGER employer_search_au_vacancies
        AFTER UPDATE OF name, postcode, town, deleted ON employer BEGIN
            {_reindex("vacancy", "s.employer_id = new.id")}
        END""")

    for kind in VIEWS:  # backfill what the file already holds
        op.execute(f"INSERT INTO search_doc(kind, ref) SELECT '{kind}', id FROM {kind}")
        op.execute(f"""INSERT INTO search_fts(rowid, doc, kind, ref, title, subtitle)
            SELECT d.docid, s.doc, '{kind}', s.ref, s.title, s.subtitle
            FROM search_source_{kind} s JOIN search_doc d ON d.ref = s.ref WHERE NOT s.deleted""")


def downgrade() -> None:
    for kind in VIEWS:
        op.execute(f"DROP TRIGGER {kind}_search_ai")
        op.execute(f"DROP TRIGGER {kind}_search_au")
        op.execute(f"DROP VIEW search_source_{kind}")
    op.execute("DROP TRIGGER employer_search_au_vacancies")
    op.execute("DROP TABLE search_fts")
    op.execute("DROP TABLE search_doc")
    op.drop_table("postcode")
