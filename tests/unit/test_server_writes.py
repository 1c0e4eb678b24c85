"""The central service writes through one helper, ``db.writing``: on SQLite it holds the single
writer lock from the transaction's start (no deadlocking lock upgrade) and queues this
process's writers, and the change sequence's ordering (db.py's module doc) relies on it. The
test reads the service's modules with ``ast`` and fails on any ``.begin()`` outside db.py, so a
new write path cannot open its own transaction around the helper."""

from __future__ import annotations

import ast
from pathlib import Path

from sqlalchemy import select

from sync.server import db

ROOT = Path(__file__).resolve().parents[2]


def _service_modules() -> list[Path]:
    return [*sorted((ROOT / "sync" / "server").rglob("*.py")), ROOT / "sync" / "server_cli.py"]


def _begin_calls(path: Path) -> list[int]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    return [node.lineno for node in ast.walk(tree)
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
            and node.func.attr == "begin"]


def test_no_service_module_opens_its_own_transaction() -> None:
    found = [f"{path.relative_to(ROOT)}:{line}"
             for path in _service_modules() if path.name != "db.py" or path.parent.name != "server"
             for line in _begin_calls(path)]
    assert found == [], "use db.writing(engine) instead of .begin(): " + ", ".join(found)


def test_the_scan_sees_a_begin() -> None:
    """The scan itself finds what it looks for (db.py's own use)."""
    assert _begin_calls(ROOT / "sync" / "server" / "db.py")


def test_writing_runs_on_the_write_engine_whichever_engine_it_is_given(tmp_path: Path) -> None:
    read_engine, write_engine = db.make_engines(f"sqlite:///{tmp_path / 'server.sqlite'}",
                                                master_key_file=tmp_path / "master.key")
    try:
        db.metadata.create_all(write_engine)
        with db.writing(read_engine) as conn:
            assert conn.engine is write_engine
            # BEGIN IMMEDIATE: this transaction holds the writer lock before it writes
            assert conn.exec_driver_sql("SELECT 1").scalar() == 1
            other = write_engine.raw_connection()
            try:
                other.cursor().execute("PRAGMA busy_timeout=0")
                try:
                    other.cursor().execute("BEGIN IMMEDIATE")
                    locked = False
                    other.cursor().execute("ROLLBACK")
                except Exception as exc:  # sqlite3.OperationalError: database is locked
                    locked = "locked" in str(exc)
            finally:
                other.close()
            assert locked
            conn.execute(db.counter.insert().values(name="change", value=0))
        with read_engine.connect() as conn:
            assert conn.execute(select(db.counter.c.value)).scalar_one() == 0
    finally:
        read_engine.dispose()
        write_engine.dispose()
