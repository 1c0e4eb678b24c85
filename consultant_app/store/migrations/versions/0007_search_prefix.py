"""The search index keeps a prefix index for two-letter prefixes only (it had 2, 3 and 4).

Each prefix length in ``prefix=`` makes FTS5 write every word once more, so ``'2 3 4'`` about
doubled the cost of indexing (a first sync indexes 140k+ documents). A longer prefix is
found without its own index by reading the index's few words that begin with it; the
two-letter prefixes ("ko", "ar") begin thousands of words and keep theirs. The documents and
what a search finds are unchanged (tests/unit/test_search_labels.py, benchmarks/bench_search).

The table is made again under the new definition and filled from the views of migration
0002, as that migration's backfill does; the triggers name the table and need no change.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-26
"""

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

KINDS = ("employer", "vacancy", "citizen")


def _rebuild(prefix: str) -> None:
    op.execute("DROP TABLE search_fts")
    op.execute("CREATE VIRTUAL TABLE search_fts USING fts5(doc, kind UNINDEXED, ref UNINDEXED, "
               "title UNINDEXED, subtitle UNINDEXED, tokenize='unicode61 remove_diacritics 2', "
               f"prefix='{prefix}')")
    for kind in KINDS:
        op.execute(f"""INSERT INTO search_fts(rowid, doc, kind, ref, title, subtitle)
            SELECT d.docid, s.doc, '{kind}', s.ref, s.title, s.subtitle
            FROM search_source_{kind} s JOIN search_doc d ON d.ref = s.ref WHERE NOT s.deleted""")


def upgrade() -> None:
    _rebuild("2")


def downgrade() -> None:
    _rebuild("2 3 4")
