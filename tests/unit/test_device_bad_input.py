"""The device's own bad input answers plainly, each through the real CLI entry
point (``consultant_app.cli.main``) on real profile files: numbers that are not numbers in a
CSV, a disk that fills during an import, a profile with a damaged page, another program's
SQLite file, and spreadsheet formulas hidden in the list cells of an export."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import random
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import Engine, event, select

from consultant_app import services
from consultant_app.cli import main
from consultant_app.demo import DemoCounts, seed_demo
from consultant_app.store import DB_FILENAME, Store
from consultant_app.store.models import Citizen
from tests.support.profiles import FAST_KDF


PASSPHRASE = "pw"


def make_profile(folder: Path, seeded: bool = False) -> Path:
    with Store.create(folder, PASSPHRASE, consultant="Test Konsulent", kdf_n=FAST_KDF) as store:
        if seeded:
            with store.write() as s:
                seed_demo(s, DemoCounts(40, 30, 80), seed=3)
    return folder


def run(capsys, folder: Path, *args: str) -> tuple[int, str]:
    code = main(["--profile", str(folder), "--passphrase", PASSPHRASE, *args])
    out = capsys.readouterr()
    text = out.out + out.err
    assert "Traceback" not in text and "uventet" not in text, text
    return code, text


def citizens_in(capsys, folder: Path) -> int:
    code, text = run(capsys, folder, "info", "--json")
    assert code == 0, text
    return json.loads(text)["citizens"]


# -- numbers that are not numbers ---------------------------------------------------------------

def test_inf_and_nan_in_a_number_cell_are_named_by_line_and_column(tmp_path, capsys):
    folder = make_profile(tmp_path / "p")
    path = tmp_path / "borgere.csv"
    path.write_text("name;target_group;max_hours_per_week;max_commute_km\n"
                    "Ib Madsen;dagpenge;inf;10\n"
                    "Bo Holm;dagpenge;nan;10\n"
                    "Al Berg;dagpenge;-inf;10\n"
                    "Mo Lund;dagpenge;20;1e400\n"
                    "Ok Ok;dagpenge;20;10\n", encoding="utf-8")
    code, text = run(capsys, folder, "import", "candidates", str(path))
    assert code == 1
    for line, column in ((2, "max_hours_per_week"), (3, "max_hours_per_week"),
                         (4, "max_hours_per_week"), (5, "max_commute_km")):
        assert f"Linje {line}, kolonne {column}: Skal være et tal" in text, text
    assert "Linje 6" not in text
    assert citizens_in(capsys, folder) == 0

    employers = tmp_path / "virksomheder.csv"
    employers.write_text("cvr;name;ordinary_employees\n12345674;Smedien;INF\n", encoding="utf-8")
    code, text = run(capsys, folder, "import", "employers", str(employers), "--keep-good")
    assert code == 1 and "Linje 2, kolonne ordinary_employees: Skal være et tal" in text


# -- a full disk --------------------------------------------------------------------------------

@pytest.mark.parametrize("mode", [[], ["--keep-good"]], ids=["all-or-nothing", "keep-good"])
def test_a_full_disk_during_an_import_says_so_and_writes_nothing(mode, tmp_path, capsys):
    folder = make_profile(tmp_path / "p")
    path = tmp_path / "borgere.csv"
    path.write_text("name;target_group;skills;notes\n" + "".join(
        f"Borger Nummer {i};dagpenge;lager|truck|rengøring;{'Noter om borgeren. ' * 20}\n"
        for i in range(400)), encoding="utf-8")
    pages = sqlite3.connect(folder / DB_FILENAME).execute("PRAGMA page_count").fetchone()[0]

    # Every connection made from here on may not grow the file by more than a few pages:
    # SQLite's own SQLITE_FULL, exactly what a full disk gives it.
    def full_disk(dbapi_conn, _record):  # type: ignore[no-untyped-def]
        dbapi_conn.execute(f"PRAGMA max_page_count = {pages + 4}")
    event.listen(Engine, "connect", full_disk)
    try:
        code, text = run(capsys, folder, "import", "candidates", str(path), *mode)
    finally:
        event.remove(Engine, "connect", full_disk)
    assert code == 1
    assert "Disken er fuld. Intet er gemt af denne ændring" in text, text
    assert citizens_in(capsys, folder) == 0
    code, text = run(capsys, folder, "check")
    assert code == 0, text


# -- a damaged page -----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def small_profile(tmp_path_factory) -> bytes:
    """The bytes of a profile with some of everything, made once."""
    folder = make_profile(tmp_path_factory.mktemp("damage") / "p", seeded=True)
    return (folder / DB_FILENAME).read_bytes()


def test_a_damaged_page_is_reported_by_info_and_check(small_profile, tmp_path, capsys):
    pages = len(small_profile) // 4096
    rng = random.Random(14)
    for page in sorted({2, pages // 2, *rng.sample(range(2, pages + 1), 10)}):
        folder = tmp_path / f"page-{page}"
        folder.mkdir()
        data = bytearray(small_profile)
        data[(page - 1) * 4096:page * 4096] = bytes((i * 37 + page) % 256 for i in range(4096))
        (folder / DB_FILENAME).write_bytes(bytes(data))
        for command in ("info", "check"):
            code, text = run(capsys, folder, command)
            assert code == 1 and "er beskadiget" in text, (page, command, text)


# -- another program's SQLite file ------------------------------------------------------------

def _rollback_database(path: Path) -> None:
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("CREATE TABLE photo (id INTEGER PRIMARY KEY, name TEXT)")
        conn.executemany("INSERT INTO photo (name) VALUES (?)", [(f"img{i}",) for i in range(50)])
    conn.close()


def _wal_database(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=WAL")
    with conn:
        conn.execute("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT)")
        conn.execute("INSERT INTO settings VALUES ('theme', 'dark')")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def _digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in folder.iterdir() if p.name.startswith(DB_FILENAME)}


@pytest.mark.parametrize("make", [_rollback_database, _wal_database], ids=["rollback", "wal"])
def test_another_programs_sqlite_file_is_refused_untouched(make, tmp_path, capsys):
    folder = tmp_path / "p"
    folder.mkdir()
    make(folder / DB_FILENAME)
    before = _digest(folder)
    for command in ("info", "check", "init"):
        code, text = run(capsys, folder, command)
        assert code == 1 and "ikke en profil fra dette program" in text, (command, text)
        assert _digest(folder) == before, command


# -- formulas in an export ----------------------------------------------------------------------

FORMULA_START = ("=", "+", "-", "@")


def test_every_cell_of_an_export_is_safe_in_a_spreadsheet_and_imports_back_exactly(
        tmp_path, capsys):
    folder = make_profile(tmp_path / "p")
    tricky = [
        {"name": "Ib Madsen", "target_group": "dagpenge", "skills": ["=1+1", "truck"],
         "languages": ["+45 lager"], "wished_occupations": ["@SUM(A1)", "-lager"]},
        {"name": "Bo Holm", "target_group": "dagpenge", "skills": ["lager", "=HYPERLINK()"],
         "notes": "'=ikke en formel"},
        {"name": "Al Berg", "target_group": "dagpenge", "skills": ["'apostrof", "x"],
         "notes": "-2 timer"},
    ]
    with Store.open(folder, PASSPHRASE) as store, store.write() as s:
        for values in tricky:
            services.create_citizen(s, values)
    export = tmp_path / "borgere.csv"
    code, text = run(capsys, folder, "export", "candidates", str(export))
    assert code == 0, text
    rows = list(csv.reader(io.StringIO(export.read_bytes().decode("utf-8-sig")), delimiter=";"))
    cells = [cell for row in rows[1:] for cell in row]
    dangerous = [cell for cell in cells if cell.startswith(FORMULA_START)]
    assert dangerous == [], dangerous

    again = make_profile(tmp_path / "again")
    code, text = run(capsys, again, "import", "candidates", str(export))
    assert code == 0, text
    fields = ("name", "skills", "languages", "wished_occupations", "notes")

    def values(profile: Path) -> list[tuple]:
        with Store.open(profile, PASSPHRASE) as store, store.read() as s:
            return sorted(tuple(tuple(v) if isinstance(v, list) else v
                                for v in (getattr(c, f) for f in fields))
                          for c in s.scalars(select(Citizen)))
    assert values(again) == values(folder)
