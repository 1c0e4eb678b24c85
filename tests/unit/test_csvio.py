"""CSV import and export: real files in tmp_path, real profiles, the same services as the UI."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from consultant_app import csvio
from consultant_app.cli import main
from consultant_app.errors import UserError
from consultant_app.services import create_citizen, create_employer
from consultant_app.store import Store
from consultant_app.store.models import AccessLog, Citizen, Employer, OutboxEntry, Vacancy

PASSPHRASE = "test-passphrase"
FAST_KDF = 2 ** 10

# Valid CVR numbers (mod 11 holds) and CPR numbers used below.
CVR_A, CVR_B, CVR_C = "10000009", "10000025", "10000041"
EMPLOYER_HEADER = "cvr;p_number;name;address;postcode;town;employees_as_of"


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def count(store: Store, model: type) -> int:
    with store.read() as s:
        return s.scalar(select(func.count()).select_from(model)) or 0


def fresh_store(tmp_path: Path, name: str = "fresh") -> Store:
    return Store.create(tmp_path / name, PASSPHRASE, consultant="Test Konsulent", kdf_n=FAST_KDF)


def employer_rows(store: Store) -> list[tuple]:
    with store.read() as s:
        return sorted(tuple(getattr(e, c) for c in csvio.EMPLOYER_COLUMNS)
                      for e in s.scalars(select(Employer).where(Employer.deleted.is_(False))))


def vacancy_rows(store: Store) -> list[tuple]:
    with store.read() as s:
        rows = s.execute(select(Vacancy, Employer.cvr, Employer.p_number)
                         .join(Employer, Employer.id == Vacancy.employer_id)).all()
        return sorted(repr((cvr, p, *(getattr(v, c) for c in csvio.VACANCY_COLUMNS[2:])))
                      for v, cvr, p in rows)


def _as_saved(value: object) -> object:
    """A list as the services save it: repeats dropped. The demo seeder writes in bulk past the
    services and can repeat a skill; an import through the services cannot."""
    return list(dict.fromkeys(value)) if isinstance(value, list) else value


def candidate_rows(store: Store) -> list[str]:
    with store.read() as s:
        return sorted(repr(tuple(_as_saved(getattr(c, col)) for col in csvio.CANDIDATE_COLUMNS))
                      for c in s.scalars(select(Citizen)))


def lines_and_columns(result: csvio.ImportResult) -> set[tuple[int, str | None]]:
    return {(p.line, p.column) for p in result.problems}


# -- round trip -------------------------------------------------------------------------------

def test_export_then_import_into_fresh_profile_gives_the_same_employers_vacancies_and_candidates(
        demo_store: Store, tmp_path: Path) -> None:
    files = {kind: tmp_path / f"{kind}.csv" for kind in csvio.KINDS}
    exported = {kind: csvio.export_csv(demo_store, kind, files[kind]) for kind in csvio.KINDS}
    assert exported == {"employers": 60, "vacancies": 50, "candidates": 150}

    target = fresh_store(tmp_path)
    try:
        for kind in csvio.KINDS:  # employers first: vacancies name them by CVR
            result = csvio.import_csv(target, kind, files[kind])
            assert result.ok, [str(p) for p in result.problems[:5]]
            assert result.written == exported[kind]
        assert employer_rows(target) == employer_rows(demo_store)
        assert vacancy_rows(target) == vacancy_rows(demo_store)
        assert candidate_rows(target) == candidate_rows(demo_store)
    finally:
        target.close()


def test_export_writes_utf8_with_bom_and_semicolons(demo_store: Store, tmp_path: Path) -> None:
    path = tmp_path / "e.csv"
    csvio.export_csv(demo_store, "employers", path)
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf" + ";".join(csvio.EMPLOYER_COLUMNS).encode())
    assert data.count(b"\r\n") == 61


def test_export_of_candidates_holds_the_full_cpr_and_is_written_to_the_access_log(
        store: Store, tmp_path: Path) -> None:
    with store.write() as s:
        create_citizen(s, {"name": "Åse Ørum", "cpr": "0101901234", "target_group": "dagpenge",
                           "notes": "Følsom note"})
    path = tmp_path / "c.csv"
    assert csvio.export_csv(store, "candidates", path) == 1
    text = path.read_text("utf-8-sig")
    assert "010190-1234" in text and "Følsom note" in text
    with store.read() as s:
        log = s.scalars(select(AccessLog).where(AccessLog.action == "export_csv")).all()
    assert len(log) == 1 and "1 borgere" in log[0].detail


def test_text_that_looks_like_a_formula_is_escaped_on_export_and_restored_on_import(
        store: Store, tmp_path: Path) -> None:
    with store.write() as s:
        create_employer(s, {"cvr": CVR_A, "name": "=HYPERLINK(\"x\")", "notes": "-ikke en formel"})
    path = tmp_path / "e.csv"
    csvio.export_csv(store, "employers", path)
    assert "'=HYPERLINK" in path.read_text("utf-8-sig")
    target = fresh_store(tmp_path)
    try:
        assert csvio.import_csv(target, "employers", path).ok
        assert employer_rows(target) == employer_rows(store)
    finally:
        target.close()


def test_export_to_a_folder_is_refused_with_a_message(store: Store, tmp_path: Path) -> None:
    with pytest.raises(UserError, match="mappe"):
        csvio.export_csv(store, "employers", tmp_path)


# -- encodings and delimiters -----------------------------------------------------------------

def test_cp1252_semicolon_file_with_danish_letters_is_read(store: Store, tmp_path: Path) -> None:
    path = write(tmp_path / "e.csv",
                 f"{EMPLOYER_HEADER}\r\n"
                 f"{CVR_A};;Ærø Æblegård ApS;Østergade 5;8000;;1-3-2026\r\n"
                 f"{CVR_B};1234567890;Søstrene Grå;Åboulevarden 2;8000;Århus C;01.03.2026\r\n",
                 encoding="cp1252")
    result = csvio.import_csv(store, "employers", path)
    assert result.ok and result.written == 2
    with store.read() as s:
        names = set(s.scalars(select(Employer.name)))
        towns = set(s.scalars(select(Employer.town)))
    assert names == {"Ærø Æblegård ApS", "Søstrene Grå"}
    assert "Århus C" in towns


def test_utf8_with_bom_and_comma_delimiter_is_read(store: Store, tmp_path: Path) -> None:
    path = write(tmp_path / "c.csv",
                 "name,cpr,target_group,skills,languages\n"
                 '"Bjørn Æbelø",010190-1234,dagpenge,"lager|truckcertifikat",dansk|engelsk\n',
                 encoding="utf-8-sig")
    result = csvio.import_csv(store, "candidates", path)
    assert result.ok and result.written == 1
    with store.read() as s:
        c = s.scalars(select(Citizen)).one()
    assert (c.name, c.cpr, c.skills, c.languages) == (
        "Bjørn Æbelø", "010190-1234", ["lager", "truckcertifikat"], ["dansk", "engelsk"])


def test_utf16_tab_separated_file_from_excel_is_read(store: Store, tmp_path: Path) -> None:
    path = write(tmp_path / "e.txt", f"cvr\tname\r\n{CVR_A}\tKøge Kaffe\r\n", encoding="utf-16")
    assert csvio.import_csv(store, "employers", path).written == 1


def test_utf8_file_without_bom_is_read_as_utf8(store: Store, tmp_path: Path) -> None:
    path = write(tmp_path / "e.csv", f"cvr;name\n{CVR_A};Smørrebrød Å/S\n")
    csvio.import_csv(store, "employers", path)
    assert employer_rows(store)[0][2] == "Smørrebrød Å/S"


def test_danish_field_labels_are_accepted_as_column_names(store: Store, tmp_path: Path) -> None:
    path = write(tmp_path / "e.csv", f"CVR-nummer;Navn;Postnummer\n{CVR_A};Bageren;8000\n")
    assert csvio.import_csv(store, "employers", path).ok


# -- files that cannot be used ----------------------------------------------------------------

def test_binary_file_is_refused_with_a_clear_message(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "billede.csv"
    path.write_bytes(bytes(range(256)) * 20)
    with pytest.raises(UserError, match="kan ikke læses som tekst"):
        csvio.import_csv(store, "employers", path)
    assert count(store, Employer) == 0


def test_excel_workbook_is_refused_with_advice_to_save_as_csv(store: Store,
                                                              tmp_path: Path) -> None:
    path = tmp_path / "ark.csv"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    with pytest.raises(UserError, match="regneark"):
        csvio.import_csv(store, "employers", path)


def test_empty_file_is_refused(store: Store, tmp_path: Path) -> None:
    with pytest.raises(UserError, match="tom"):
        csvio.import_csv(store, "employers", write(tmp_path / "e.csv", "\n  \n"))


def test_missing_file_is_refused_with_its_name(store: Store, tmp_path: Path) -> None:
    with pytest.raises(UserError, match="findes ikke"):
        csvio.import_csv(store, "employers", tmp_path / "nope.csv")


def test_unclosed_quote_is_reported_as_unreadable_csv(store: Store, tmp_path: Path) -> None:
    path = write(tmp_path / "e.csv", f'cvr;name\n{CVR_A};"Uden slut\n')
    with pytest.raises(UserError, match="CSV"):
        csvio.import_csv(store, "employers", path)


def test_missing_required_column_is_named(store: Store, tmp_path: Path) -> None:
    path = write(tmp_path / "e.csv", f"cvr;address\n{CVR_A};Vej 1\n")
    with pytest.raises(UserError) as exc:
        csvio.import_csv(store, "employers", path)
    assert "mangler kolonne(r): name" in str(exc.value)


def test_unknown_and_repeated_columns_are_named(store: Store, tmp_path: Path) -> None:
    path = write(tmp_path / "e.csv", f"cvr;name;fax;name\n{CVR_A};A;1;A\n")
    with pytest.raises(UserError) as exc:
        csvio.import_csv(store, "employers", path)
    message = str(exc.value)
    assert "ukendte kolonne(r): fax" in message and "flere gange: name" in message
    assert count(store, Employer) == 0


# -- bad lines --------------------------------------------------------------------------------

def test_bad_lines_are_reported_with_file_line_column_and_reason(store: Store,
                                                                 tmp_path: Path) -> None:
    path = write(tmp_path / "e.csv",
                 f"{EMPLOYER_HEADER}\n"
                 f"{CVR_A};;God A/S;;8000;;\n"
                 "12345678;;Forkert CVR;;8000;;\n"
                 "\n"
                 f"{CVR_B};;Dårlig dato;;8000;;31-02-2026\n")
    result = csvio.import_csv(store, "employers", path)
    assert lines_and_columns(result) == {(3, "cvr"), (5, "employees_as_of")}
    rendered = [str(p) for p in result.problems]
    assert rendered[0].startswith("Linje 3, kolonne cvr: CVR-nummeret 12345678 er ugyldigt")
    assert rendered[1].startswith("Linje 5, kolonne employees_as_of: '31-02-2026' er ikke en "
                                  "gyldig dato")


def test_unknown_target_group_and_bad_date_on_a_candidate_are_both_reported(
        store: Store, tmp_path: Path) -> None:
    path = write(tmp_path / "c.csv",
                 "name;target_group;unemployed_since\n"
                 "Anna;pensionist;2026-13-01\n")
    result = csvio.import_csv(store, "candidates", path)
    assert lines_and_columns(result) == {(2, "target_group"), (2, "unemployed_since")}
    assert "ikke en af de mulige værdier" in str(result.problems[0])


def test_line_numbers_count_file_lines_when_a_cell_spans_several_lines(store: Store,
                                                                       tmp_path: Path) -> None:
    path = write(tmp_path / "e.csv",
                 "cvr;name;notes\n"
                 f'{CVR_A};A;"første linje\nanden linje\ntredje"\n'
                 ";Uden CVR;\n")
    result = csvio.import_csv(store, "employers", path)
    assert lines_and_columns(result) == {(5, "cvr")}


def test_line_with_more_cells_than_the_header_is_reported(store: Store, tmp_path: Path) -> None:
    path = write(tmp_path / "e.csv", f"cvr;name\n{CVR_A};A;ekstra\n{CVR_B}\n")
    result = csvio.import_csv(store, "employers", path, keep_good=True)
    assert lines_and_columns(result) == {(2, None), (3, "name")}
    assert str(result.problems[0]).startswith("Linje 2: Linjen har 3 felter")


def test_all_or_nothing_writes_nothing_when_any_line_is_bad(store: Store, tmp_path: Path) -> None:
    path = write(tmp_path / "e.csv", f"cvr;name\n{CVR_A};A\n{CVR_B};B\n123;C\n")
    outbox_before = count(store, OutboxEntry)
    result = csvio.import_csv(store, "employers", path)
    assert not result.ok
    assert (result.rows, result.good, result.written) == (3, 2, 0)
    assert count(store, Employer) == 0 and count(store, OutboxEntry) == outbox_before
    assert str(result.summary()).startswith("Intet importeret")


def test_keep_good_writes_the_good_lines_and_reports_the_bad(store: Store,
                                                            tmp_path: Path) -> None:
    path = write(tmp_path / "e.csv", f"cvr;name\n{CVR_A};A\n123;Dårlig\n{CVR_B};B\n")
    result = csvio.import_csv(store, "employers", path, keep_good=True)
    assert (result.written, lines_and_columns(result)) == (2, {(3, "cvr")})
    assert count(store, Employer) == 2
    with store.read() as s:  # each saved row is journalled for sync, the bad one is not
        assert s.scalar(select(func.count()).select_from(OutboxEntry)
                        .where(OutboxEntry.entity == "employer")) == 2


def test_import_leaves_records_already_in_the_profile_untouched(store: Store,
                                                                tmp_path: Path) -> None:
    with store.write() as s:
        create_employer(s, {"cvr": CVR_A, "name": "Gammel", "notes": "vigtigt"})
    before = employer_rows(store)
    path = write(tmp_path / "e.csv", f"cvr;name;notes\n{CVR_A};Ny;overskrevet\n{CVR_B};B;\n")
    csvio.import_csv(store, "employers", path)
    assert employer_rows(store) == before
    csvio.import_csv(store, "employers", path, keep_good=True)
    assert [r for r in employer_rows(store) if r[0] == CVR_A] == before


# -- duplicates -------------------------------------------------------------------------------

def test_duplicate_cvr_within_the_file_names_the_earlier_line(store: Store,
                                                              tmp_path: Path) -> None:
    path = write(tmp_path / "e.csv",
                 f"cvr;p_number;name\n{CVR_A};;A\n{CVR_A};1234567890;A2\n{CVR_A};;A igen\n")
    result = csvio.import_csv(store, "employers", path, keep_good=True)
    assert result.written == 2
    assert lines_and_columns(result) == {(4, "cvr")}
    assert "linje 2" in str(result.problems[0])


def test_duplicate_cvr_against_the_profile_is_a_bad_line(store: Store, tmp_path: Path) -> None:
    with store.write() as s:
        create_employer(s, {"cvr": CVR_A, "p_number": "1234567890", "name": "Findes"})
    path = write(tmp_path / "e.csv", f"cvr;p_number;name\n{CVR_A};1234567890;Igen\n")
    result = csvio.import_csv(store, "employers", path)
    assert lines_and_columns(result) == {(2, "cvr")}
    assert "findes allerede" in str(result.problems[0])


def test_duplicate_cpr_within_the_file_and_against_the_profile_are_bad_lines(
        store: Store, tmp_path: Path) -> None:
    with store.write() as s:
        create_citizen(s, {"name": "Findes", "cpr": "010190-1234", "target_group": "dagpenge"})
    path = write(tmp_path / "c.csv",
                 "name;cpr;target_group\n"
                 "Ny;0202851234;dagpenge\n"
                 "Igen;020285-1234;dagpenge\n"
                 "Gammel;0101901234;dagpenge\n")
    result = csvio.import_csv(store, "candidates", path, keep_good=True)
    assert result.written == 1
    assert lines_and_columns(result) == {(3, "cpr"), (4, "cpr")}
    text = " ".join(str(p) for p in result.problems)
    assert "linje 2" in text and "findes allerede" in text
    assert "1234" not in text.replace("0202851234", "")  # the full number is never echoed


# -- vacancies and their employer -------------------------------------------------------------

def test_vacancy_is_attached_to_the_employer_named_by_cvr(store: Store, tmp_path: Path) -> None:
    with store.write() as s:
        employer_id = create_employer(s, {"cvr": CVR_A, "name": "A"}).id
    path = write(tmp_path / "v.csv",
                 "employer_cvr;title;kind;hours_min;hours_max;requirements;skills\n"
                 f"{CVR_A};Opvasker;Småjob / ordinære timer;5;10,5;Tunge løft|natarbejde;opvask\n"
                 f"{CVR_C};Kok;;;;;\n")
    result = csvio.import_csv(store, "vacancies", path, keep_good=True)
    assert result.written == 1
    assert lines_and_columns(result) == {(3, "employer_cvr")}
    assert "Importér virksomhederne først" in str(result.problems[0])
    with store.read() as s:
        v = s.scalars(select(Vacancy)).one()
    assert (v.employer_id, v.kind, v.hours_max, v.requirements) == (
        employer_id, "smajob", 10.5, ["heavy_lifting", "night_work"])


def test_vacancy_needs_the_p_number_when_the_cvr_has_several_workplaces(
        store: Store, tmp_path: Path) -> None:
    with store.write() as s:
        create_employer(s, {"cvr": CVR_A, "p_number": "1000000001", "name": "A1"})
        second = create_employer(s, {"cvr": CVR_A, "p_number": "1000000002", "name": "A2"}).id
    path = write(tmp_path / "v.csv",
                 f"employer_cvr;employer_p_number;title\n{CVR_A};;Kok\n{CVR_A};1000000002;Kok\n")
    result = csvio.import_csv(store, "vacancies", path, keep_good=True)
    assert lines_and_columns(result) == {(2, "employer_p_number")}
    with store.read() as s:
        assert s.scalars(select(Vacancy.employer_id)).all() == [second]


def test_vacancy_with_inconsistent_hours_is_reported_on_the_hours_column(
        store: Store, tmp_path: Path) -> None:
    with store.write() as s:
        create_employer(s, {"cvr": CVR_A, "name": "A"})
    path = write(tmp_path / "v.csv", f"employer_cvr;title;hours_min;hours_max\n{CVR_A};X;20;10\n")
    result = csvio.import_csv(store, "vacancies", path)
    assert lines_and_columns(result) == {(2, "hours_min")}
    assert count(store, Vacancy) == 0


# -- the command line -------------------------------------------------------------------------

@pytest.fixture
def profile(tmp_path: Path) -> list[str]:
    """A closed profile (the CLI takes the profile's lock itself) and the options to open it."""
    Store.create(tmp_path / "cli-profile", PASSPHRASE, kdf_n=FAST_KDF).close()
    return ["--profile", str(tmp_path / "cli-profile"), "--passphrase", PASSPHRASE]


def test_cli_import_prints_a_summary_and_exits_0(profile: list[str], tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path / "e.csv", f"cvr;name\n{CVR_A};A\n{CVR_B};B\n")
    assert main([*profile, "import", "employers", str(path)]) == 0
    assert capsys.readouterr().out.strip() == "2 virksomheder importeret."


def test_cli_import_lists_each_bad_line_writes_nothing_and_exits_1(
        profile: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path / "e.csv", f"cvr;name\n{CVR_A};A\n{CVR_A[:-1]}8;B\n")
    assert main([*profile, "import", "employers", str(path)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("Intet importeret: 1 linje(r) med fejl")
    assert out[1].startswith("Linje 3, kolonne cvr: ")
    assert main([*profile, "info", "--json"]) == 0
    assert '"employers": 0' in capsys.readouterr().out


def test_cli_import_keep_good_writes_the_good_lines_and_still_exits_1(
        profile: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path / "e.csv", f"cvr;name\n{CVR_A};A\n1;B\n")
    assert main([*profile, "import", "employers", str(path), "--keep-good"]) == 1
    out = capsys.readouterr().out
    assert "1 virksomheder importeret; 1 linje(r) med fejl" in out and "Linje 3, kolonne cvr" in out
    assert main([*profile, "import", "employers", str(path), "--all-or-nothing"]) == 1


def test_cli_refuses_an_unreadable_file_with_a_message_and_no_traceback(
        profile: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "x.csv"
    path.write_bytes(b"\x00\x01\x02\xff" * 100)
    assert main([*profile, "import", "candidates", str(path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Fejl: x.csv kan ikke læses som tekst") and "Traceback" not in err


def test_cli_export_of_candidates_warns_about_personal_data(
        profile: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path / "c.csv", "name;cpr;target_group\nAnna;010190-1234;dagpenge\n")
    assert main([*profile, "import", "candidates", str(path)]) == 0
    out_path = tmp_path / "ud.csv"
    assert main([*profile, "export", "candidates", str(out_path)]) == 0
    captured = capsys.readouterr()
    assert f"1 borgere eksporteret til {out_path}" in captured.out
    assert "CPR" in captured.err and "personoplysninger" in captured.err
    assert "010190-1234" in out_path.read_text("utf-8-sig")


def test_cli_export_of_employers_gives_no_personal_data_warning(
        profile: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*profile, "export", "employers", str(tmp_path / "e.csv")]) == 0
    captured = capsys.readouterr()
    assert "0 virksomheder eksporteret" in captured.out and captured.err == ""
