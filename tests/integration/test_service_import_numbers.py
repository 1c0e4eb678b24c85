"""The service's CSV import judges numbers with the device's field specs
(``consultant_app.services.fields.number``): ``inf``, ``nan`` and ``1e400`` in a number cell
are a line and column named in Danish, not a traceback (issue 14)."""

from __future__ import annotations

import pytest

from tests.integration.server_process import ServerProcess, shared_server  # noqa: F401


def test_inf_and_nan_in_a_number_cell_are_named_by_the_service_import(
        shared_server: ServerProcess, tmp_path):  # noqa: F811
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
