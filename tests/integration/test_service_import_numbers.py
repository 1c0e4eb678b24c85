"""The service's CSV import judges numbers with the device's field specs
(``consultant_app.services.fields.number``): ``inf``, ``nan`` and ``1e400`` in a number cell
are a line and column named in Danish, not a traceback."""

from __future__ import annotations

import pytest

from tests.support.server_process import ServerProcess


def test_inf_and_nan_in_a_number_cell_are_named_by_the_service_import(
        shared_server: ServerProcess, tmp_path):
    town = shared_server.new_municipality()
    path = tmp_path / "virksomheder.csv"
    path.write_text("cvr;name;ordinary_employees\n12345674;Smedien;inf\n87654303;Bageriet;nan\n"
                    "10000009;Bageriet Syd;1e400\n", encoding="utf-8")
    with pytest.raises(RuntimeError) as failure:
        shared_server.admin("import", "employers", str(path), "--municipality", town)
    text = str(failure.value)
    assert "Traceback" not in text
    for line in (2, 3, 4):
        assert f"Linje {line}, kolonne ordinary_employees" in text, text


def test_a_file_the_device_exported_imports_on_the_service_with_the_same_text(
        shared_server: ServerProcess, store, tmp_path):
    """The device's export escapes a cell starting with a formula character or a ``'``; the
    service's import must undo it exactly as the device's import does (one unescape,
    consultant_app.csvio), or "'Bageriet" came back as "''Bageriet"."""
    import sqlalchemy as sa

    from consultant_app import csvio, services
    from sync.server import db
    names = ["'Bageriet ApS", "=Summen ApS", "-Minus I/S", "Almindelig A/S"]
    cvrs = ["12345674", "87654303", "10000009", "13585628"]
    with store.write() as s:
        for name, cvr in zip(names, cvrs):
            services.create_employer(s, {"name": name, "cvr": cvr})
    path = tmp_path / "virksomheder.csv"
    csvio.export_csv(store, "employers", path)
    town = shared_server.new_municipality()
    shared_server.admin("import", "employers", str(path), "--municipality", town)
    engine = sa.create_engine(shared_server.database_url)
    try:
        with engine.connect() as conn:
            stored = sorted(db.record_values(conn, "employer", row.id, row.values_json,
                                             row.secret)["name"]
                            for row in conn.execute(sa.select(db.record).where(
                                db.record.c.municipality_code == town,
                                db.record.c.entity == "employer")))
    finally:
        engine.dispose()
    assert stored == sorted(names)
