"""Encryption at rest: data keys (wrapped by the master key, sync/server/keys.py), the personal
fields of records moved out of ``values_json`` into the encrypted ``secret`` column with a blind
index of each citizen's CPR, and sealed uploads, the CA's private key, personal conflict values
and operation results with conflicts encrypted in place.

A database written before this revision holds all of those in clear; this migration encrypts
what is there, in batches. On SQLite it turns on ``secure_delete`` first, so the clear text
freed by the rewrite is overwritten, not left in free pages (migrate.upgrade then checkpoints
the WAL). On PostgreSQL the old row versions stay in the table files until VACUUM reclaims
them: run ``VACUUM FULL`` after upgrading a database that held clear text (README).

Revision ID: s0004
Revises: s0003
"""

import json

import sqlalchemy as sa
from alembic import op

revision = "s0004"
down_revision = "s0003"
branch_labels = None
depends_on = None

BATCH = 1000


def upgrade() -> None:
    from sync.server import db, keys

    with op.batch_alter_table("record") as batch:
        batch.add_column(sa.Column("secret", sa.Text))
        batch.add_column(sa.Column("cpr_index", sa.String(32)))
    op.create_index("ix_record_cpr_index", "record", ["cpr_index"])
    op.create_table(
        "data_key",
        sa.Column("name", sa.String(40), primary_key=True),
        sa.Column("master_key_id", sa.String(16), nullable=False),
        sa.Column("wrapped", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    conn = op.get_bind()
    if not db.is_postgres(conn):
        conn.exec_driver_sql("PRAGMA secure_delete=ON")
    vault = keys.vault_of(conn)
    if not _has_data(conn):
        return
    vault.ensure(conn)
    _records(conn)
    _sealed(conn, vault)
    _ca_key(conn, vault)
    _conflicts(conn)
    _results(conn)


def _has_data(conn: sa.Connection) -> bool:
    return any(conn.execute(sa.text(f"SELECT 1 FROM {table} LIMIT 1")).first() is not None
               for table in ("record", "sealed_agreement", "server_key"))


def _records(conn: sa.Connection) -> None:
    from sync.server import db

    r = db.record.c
    entities = sorted(e for e, fields in db.SENSITIVE.items() if fields)
    after = ("", "")
    while True:
        rows = conn.execute(sa.select(r.entity, r.id, r.values_json).where(
            r.entity.in_(entities), r.secret.is_(None),
            sa.tuple_(r.entity, r.id) > after).order_by(r.entity, r.id).limit(BATCH)).all()
        if not rows:
            return
        updates = []
        for row in rows:
            columns = db.record_columns(conn, row.entity, row.id, json.loads(row.values_json))
            if columns["secret"] is not None:
                updates.append({"b_entity": row.entity, "b_id": row.id, **columns})
        if updates:
            conn.execute(sa.update(db.record).where(
                r.entity == sa.bindparam("b_entity"), r.id == sa.bindparam("b_id")).values(
                values_json=sa.bindparam("values_json"), secret=sa.bindparam("secret"),
                cpr_index=sa.bindparam("cpr_index")), updates)
        after = (rows[-1].entity, rows[-1].id)


def _sealed(conn: sa.Connection, vault) -> None:  # type: ignore[no-untyped-def]
    import base64

    from sync.server import sealed

    s = sa.table("sealed_agreement", sa.column("agreement_id"), sa.column("revision"),
                 sa.column("upload_json"), sa.column("pdf"))
    keys_ = conn.execute(sa.select(s.c.agreement_id, s.c.revision)
                         .where(s.c.upload_json.like("{%"))).all()
    for agreement_id, revision in keys_:
        row = conn.execute(sa.select(s.c.upload_json, s.c.pdf).where(
            s.c.agreement_id == agreement_id, s.c.revision == revision)).one()
        conn.execute(sa.update(s).where(
            s.c.agreement_id == agreement_id, s.c.revision == revision).values(
            **sealed.stored_columns(conn, agreement_id, revision, row.upload_json,
                                    base64.b64decode(row.pdf))))


def _ca_key(conn: sa.Connection, vault) -> None:  # type: ignore[no-untyped-def]
    from sync.server import ca

    k = sa.table("server_key", sa.column("name"), sa.column("private_key_pem"))
    for name, pem in conn.execute(sa.select(k.c.name, k.c.private_key_pem)
                                  .where(k.c.private_key_pem.like("-----BEGIN%"))).all():
        conn.execute(sa.update(k).where(k.c.name == name).values(
            private_key_pem=vault.encrypt_text(conn, pem, ca.key_aad(name))))


def _conflicts(conn: sa.Connection) -> None:
    from sync.server import db

    c = db.conflict.c
    for row in conn.execute(sa.select(db.conflict)).mappings().all():
        plain = dict(row)
        stored = db.conflict_columns(conn, plain)
        if stored is not plain and not (isinstance(plain["server_value"], dict)
                                        and "sealed" in plain["server_value"]):
            conn.execute(sa.update(db.conflict).where(c.id == row["id"]).values(
                server_value=stored["server_value"], client_value=stored["client_value"]))


def _results(conn: sa.Connection) -> None:
    from sync.protocol import OperationResult
    from sync.server import db

    a = db.applied_operation.c
    rows = conn.execute(sa.select(a.op_id, a.result_json).where(
        a.result_json.like('%"conflicts":[{%'))).all()
    for op_id, text in rows:
        result = OperationResult.model_validate_json(text)
        conn.execute(sa.update(db.applied_operation).where(a.op_id == op_id).values(
            result_json=db.stored_result(conn, result)))


def downgrade() -> None:
    raise NotImplementedError("Encryption at rest cannot be undone by a migration: decrypting "
                              "the database would put personal data back in clear.")
