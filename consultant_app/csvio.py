"""CSV import and export of employers, vacancies and candidates (citizens).

File format (what ``export_csv`` writes and ``import_csv`` reads)
------------------------------------------------------------------
* Line 1 is a header of column names; the names are the services' field names. Every other
  non-empty line is one record. Column order is free; columns that are not required may be left
  out (they get the same default as an empty field in the UI).
* Export writes UTF-8 with a BOM (so Excel shows æøå) and ``;`` as the delimiter (what Danish
  Excel expects). Import also reads UTF-8 without BOM, UTF-16 with a BOM (Excel's "Unicode
  text"), and cp1252 / Latin-1 (older Danish spreadsheets); the delimiter may be ``;``, ``,`` or
  a tab and is found from the header line.
* Lists (skills, requirements, restrictions, languages, wished occupations) hold their items
  separated by ``|`` inside one cell, e.g. ``lager|truckcertifikat``; ``,`` is accepted on import
  too. Dates are written ISO (2026-03-01); import also takes 1-3-2026 and 01.03.2026. Numbers are
  written with a decimal comma (12,5); import takes 12,5 and 12.5. Yes/no is ``ja``/``nej``.
  Choices (kind, status, target group, requirements, restrictions) are written as codes; the
  Danish label is accepted on import.
* A text or list cell that starts with ``=``, ``+``, ``-`` or ``@`` is written with a leading
  ``'`` so a spreadsheet does not run it as a formula (a list cell as a whole: ``'=1+1|truck``);
  so is one that starts with ``'``. Import removes that one ``'`` again, so a value comes
  back exactly as it was.

Columns (* = required)::

    employers:  cvr*;p_number;name*;address;postcode;town;industry;phone;email;
                ordinary_employees;employees_as_of;subsidised_persons;notes
    vacancies:  employer_cvr*;employer_p_number;title*;occupation;description;kind;hours_min;
                hours_max;starts_with_few_hours;requirements;skills;positions;status;
                start_date;deadline;postcode
    candidates: name*;cpr;target_group*;skills;wished_occupations;max_hours_per_week;
                restrictions;driving_licence;languages;postcode;max_commute_km;
                unemployed_since;last_employer_cvr;phone;email;assigned_consultant;notes

A vacancy names its employer by ``employer_cvr`` and, when that CVR has several workplaces in
the profile, ``employer_p_number``; the employer must already be in the profile (import the
employers first).

Import
------
Every row goes through ``create_employer`` / ``create_vacancy`` / ``create_citizen``, so a value
is judged exactly as in the UI. A bad row is reported with its line in the file (the header is
line 1), its column and the reason in Danish. A CVR (+ P-number) or CPR that is already in the
profile, or that an earlier line of the same file has, is a bad row. Two modes:

* all or nothing (the default): any bad row and nothing is written; every problem is listed.
* keep good: good rows are written, bad rows are reported and skipped.

Everything happens in one write transaction with a SAVEPOINT per row, so a failed row leaves
nothing half-written and nothing already in the profile is touched.

Personal data
-------------
An export of candidates holds their full CPR numbers (decrypted) and notes: the file is personal
data outside the encrypted profile. Keep it on an encrypted disk and delete it when done. Each
candidate export is written to the profile's access log.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from . import identifiers
from .errors import FIELD_LABELS, Problem, UserError, ValidationError
from .files import write_atomically
from .services.citizens import CITIZEN_FIELDS, create_citizen
from .services.employers import EMPLOYER_FIELDS, consultant, create_employer
from .services.vacancies import VACANCY_FIELDS, create_vacancy
from .store import Store
from .store.models import AccessLog, Citizen, Employer, Vacancy
from .text import QT_TRANSLATE_NOOP as _N
from .text import Message, format_number

CTX = "problems"

KINDS = ("employers", "vacancies", "candidates")
LIST_SEPARATOR = "|"
EXPORT_DELIMITER = ";"
_DELIMITERS = (";", ",", "\t")
_FORMULA_START = ("=", "+", "-", "@")

EMPLOYER_COLUMNS: tuple[str, ...] = tuple(EMPLOYER_FIELDS)
VACANCY_COLUMNS: tuple[str, ...] = ("employer_cvr", "employer_p_number", *VACANCY_FIELDS)
CANDIDATE_COLUMNS: tuple[str, ...] = tuple(CITIZEN_FIELDS)

COLUMNS: dict[str, tuple[str, ...]] = {
    "employers": EMPLOYER_COLUMNS,
    "vacancies": VACANCY_COLUMNS,
    "candidates": CANDIDATE_COLUMNS,
}
REQUIRED: dict[str, tuple[str, ...]] = {
    "employers": ("cvr", "name"),
    "vacancies": ("employer_cvr", "title"),
    "candidates": ("name", "target_group"),
}

_EXTRA_LABELS = {
    "employer_cvr": _N("fields", "Virksomhedens CVR-nummer"),
    "employer_p_number": _N("fields", "Virksomhedens P-nummer"),
}


# -- results ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class LineProblem:
    """One thing wrong with one line of the file. ``column`` is None when it is the whole line."""

    line: int
    column: str | None
    message: Message

    def render(self, translate: Callable[[str, str], str] | None = None) -> str:
        tr = translate or (lambda context, text: text)
        text = self.message.render(tr)
        if self.column:
            return tr(CTX, _LINE_COLUMN).format(line=self.line, column=self.column, text=text)
        return tr(CTX, _LINE).format(line=self.line, text=text)

    def __str__(self) -> str:
        return self.render()


_LINE_COLUMN = _N(CTX, "Linje {line}, kolonne {column}: {text}")
_LINE = _N(CTX, "Linje {line}: {text}")


@dataclass
class ImportResult:
    """What an import did. ``written`` rows were saved; ``good`` rows passed (in all-or-nothing
    mode with problems they were not saved); ``problems`` lists every bad line."""

    kind: str
    keep_good: bool
    rows: int = 0
    good: int = 0
    written: int = 0
    problems: list[LineProblem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def bad_lines(self) -> list[int]:
        return sorted({p.line for p in self.problems})

    def summary(self) -> Message:
        noun = Message(CTX, _NOUNS[self.kind])  # translated with the summary
        if self.ok:
            return Message(CTX, _N(CTX, "{n} {noun} importeret."),
                           {"n": self.written, "noun": noun})
        bad = len(self.bad_lines)
        if self.keep_good:
            return Message(CTX, _N(CTX, "{n} {noun} importeret; {bad} linje(r) med fejl er "
                                        "sprunget over."),
                           {"n": self.written, "noun": noun, "bad": bad})
        return Message(CTX, _N(CTX, "Intet importeret: {bad} linje(r) med fejl ({good} linje(r) "
                                    "var i orden). Ret filen og prøv igen, eller vælg kun at "
                                    "gemme de gode linjer (--keep-good)."),
                       {"bad": bad, "good": self.good})


_NOUNS = {"employers": _N(CTX, "virksomheder"), "vacancies": _N(CTX, "stillinger"),
          "candidates": _N(CTX, "borgere")}


def noun(kind: str) -> str:
    """The Danish plural of ``kind`` (virksomheder, stillinger, borgere)."""
    return _NOUNS[kind]


def _file_error(template: str, **params: Any) -> UserError:
    return UserError(Message(CTX, template, params))


# -- reading the file -------------------------------------------------------------------------

@dataclass(frozen=True)
class Table:
    header: list[str]
    rows: list[tuple[int, list[str]]]  # (file line where the record starts, cells)
    encoding: str
    delimiter: str


def decode(data: bytes, name: str = "filen") -> tuple[str, str]:
    """The text of a CSV file and the encoding it was read with.

    UTF-8 (with or without BOM), UTF-16 with BOM, else cp1252 (Latin-1 for the few bytes
    cp1252 leaves undefined). Binary files are refused with a UserError."""
    if data.startswith(b"PK\x03\x04"):
        raise _file_error(_N(CTX, "{name} er et regneark (fx .xlsx), ikke en CSV-fil. Gem den "
                                  "som 'CSV (semikolonsepareret)' og prøv igen."), name=name)
    if data.startswith(b"%PDF"):
        raise _file_error(_N(CTX, "{name} er en PDF-fil, ikke en CSV-fil."), name=name)
    if data.startswith(b"\xef\xbb\xbf"):
        candidates = ["utf-8-sig"]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        candidates = ["utf-16"]
    else:
        candidates = ["utf-8", "cp1252", "latin-1"]
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _looks_binary(text):
            break
        return text, encoding
    raise _file_error(_N(CTX, "{name} kan ikke læses som tekst. Er det en CSV-fil? Gem den "
                              "som 'CSV UTF-8' eller 'CSV (semikolonsepareret)' og prøv igen."),
                      name=name)


def _looks_binary(text: str) -> bool:
    sample = text[:65536]
    if "\x00" in sample:
        return True
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\r\n\f")
    return controls > max(2, len(sample) // 1000)


def _detect_delimiter(text: str) -> str:
    """The delimiter is the one of ; , tab that the header line uses most (outside quotes)."""
    first = ""
    for line in text.splitlines():
        if line.strip():
            first = line
            break
    counts = {d: 0 for d in _DELIMITERS}
    quoted = False
    for ch in first:
        if ch == '"':
            quoted = not quoted
        elif not quoted and ch in counts:
            counts[ch] += 1
    best = max(_DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else EXPORT_DELIMITER


def parse(data: bytes, name: str = "filen") -> Table:
    """Decode and split a CSV file into its header and records with their file line numbers.
    Empty lines (and lines of only delimiters) are skipped."""
    text, encoding = decode(data, name)
    if not text.strip():
        raise _file_error(_N(CTX, "{name} er tom."), name=name)
    delimiter = _detect_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    header: list[str] | None = None
    rows: list[tuple[int, list[str]]] = []
    last = 0
    try:
        for cells in reader:
            start, last = last + 1, reader.line_num
            if not any(c.strip() for c in cells):
                continue
            if header is None:
                header = [c.strip().lstrip("\ufeff").strip() for c in cells]
                continue
            rows.append((start, cells))
    except csv.Error as exc:
        raise _file_error(_N(CTX, "{name} kan ikke læses som CSV omkring linje {line}: {detail}."),
                          name=name, line=reader.line_num, detail=str(exc)) from None
    if header is None:
        raise _file_error(_N(CTX, "{name} er tom."), name=name)
    return Table(header, rows, encoding, delimiter)


def _column_index(kind: str) -> dict[str, str]:
    """Accepted spellings of each column: its name and its Danish label, case-insensitive."""
    index: dict[str, str] = {}
    for column in COLUMNS[kind]:
        index[column.lower()] = column
    for column in COLUMNS[kind]:
        label = _EXTRA_LABELS.get(column) or FIELD_LABELS.get(column)
        if label:
            index.setdefault(label.lower(), column)
    return index


def check_header(kind: str, header: Sequence[str], name: str = "filen") -> list[str]:
    """The header's columns as field names; a UserError names unknown, repeated and missing
    columns, and lists the ones the file may have."""
    index = _column_index(kind)
    columns: list[str] = []
    unknown: list[str] = []
    repeated: list[str] = []
    for raw in header:
        column = index.get(raw.strip().lower())
        if column is None:
            unknown.append(raw if raw else "(tom)")
        elif column in columns:
            repeated.append(raw)
        columns.append(column or "")
    missing = [c for c in REQUIRED[kind] if c not in columns]
    parts: list[str] = []
    if missing:
        parts.append(_N(CTX, "mangler kolonne(r): {names}").format(names=", ".join(missing)))
    if unknown:
        parts.append(_N(CTX, "ukendte kolonne(r): {names}").format(names=", ".join(unknown)))
    if repeated:
        parts.append(_N(CTX, "kolonne(r) står flere gange: {names}").format(
            names=", ".join(repeated)))
    if parts:
        raise _file_error(_N(CTX, "Overskriften i {name} passer ikke til {noun}: {problems}. "
                                  "Mulige kolonner: {allowed}."),
                          name=name, noun=_NOUNS[kind], problems="; ".join(parts),
                          allowed=EXPORT_DELIMITER.join(COLUMNS[kind]))
    return columns


def unescape_cell(cell: str) -> str:
    """Undo ``_escape`` (the service's import uses it too): one leading ``'`` before a formula character or another ``'``."""
    if len(cell) > 1 and cell[0] == "'" and cell[1] in (*_FORMULA_START, "'"):
        return cell[1:]
    return cell


def _escape(text: str) -> str:
    """A cell a spreadsheet would run as a formula gets a leading ``'``; so does one that
    starts with ``'`` itself, so that the import's ``unescape_cell`` gives back exactly the
    text."""
    if text.startswith((*_FORMULA_START, "'")):
        return "'" + text
    return text


# -- import -----------------------------------------------------------------------------------

class _Rollback(Exception):
    """Raised inside the write transaction to undo an all-or-nothing import with bad lines."""


def read_file(path: os.PathLike[str] | str) -> bytes:
    p = Path(path)
    try:
        return p.read_bytes()
    except FileNotFoundError:
        raise _file_error(_N(CTX, "Filen {path} findes ikke."), path=str(p)) from None
    except IsADirectoryError:
        raise _file_error(_N(CTX, "{path} er en mappe, ikke en fil."), path=str(p)) from None
    except OSError as exc:
        raise _file_error(_N(CTX, "Filen {path} kan ikke læses: {detail}."), path=str(p),
                          detail=exc.strerror or str(exc)) from None


def import_csv(store: Store, kind: str, path: os.PathLike[str] | str,
               keep_good: bool = False) -> ImportResult:
    """Import the CSV file at ``path`` as ``kind`` (employers, vacancies or candidates).

    Raises UserError when the file as a whole cannot be used (unreadable, not CSV, wrong
    header); bad lines are returned in the result, never raised."""
    return import_bytes(store, kind, read_file(path), keep_good=keep_good,
                        name=Path(path).name)


def import_bytes(store: Store, kind: str, data: bytes, keep_good: bool = False,
                 name: str = "filen") -> ImportResult:
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}")
    table = parse(data, name)
    columns = check_header(kind, table.header, name)
    result = ImportResult(kind=kind, keep_good=keep_good)
    importer = _IMPORTERS[kind]
    try:
        with store.write() as session:
            state = _RowState(session)
            for line, cells in table.rows:
                result.rows += 1
                row, problem = _row_dict(columns, cells, line)
                if problem is not None:
                    result.problems.append(problem)
                    continue
                problems = _import_row(session, importer, state, row, line)
                if problems:
                    result.problems.extend(problems)
                else:
                    result.good += 1
            if result.problems and not keep_good:
                raise _Rollback()
            result.written = result.good
    except _Rollback:
        result.written = 0
    return result


def _row_dict(columns: Sequence[str], cells: Sequence[str],
              line: int) -> tuple[dict[str, str], LineProblem | None]:
    if len(cells) > len(columns) and any(c.strip() for c in cells[len(columns):]):
        return {}, LineProblem(line, None, Message(CTX, _N(
            CTX, "Linjen har {n} felter, men overskriften har {m} kolonner. Står der et "
                 "skilletegn for meget, eller mangler der anførselstegn om en tekst?"),
            {"n": len(cells), "m": len(columns)}))
    row = {c: unescape_cell(cells[i]) if i < len(cells) else "" for i, c in enumerate(columns)}
    return row, None


class _RowState:
    """What the import has seen so far in the file, to name the earlier line of a duplicate."""

    def __init__(self, session: Session):
        self.session = session
        self.seen: dict[Any, int] = {}
        self.employers: dict[tuple[str, str], Any] = {}


def _import_row(session: Session, importer: Callable[..., None], state: _RowState,
                row: dict[str, str], line: int) -> list[LineProblem]:
    try:
        with session.begin_nested():
            importer(session, state, row, line)
    except ValidationError as exc:
        return [LineProblem(line, p.field, p.message) for p in exc.problems]
    except UserError as exc:
        return [LineProblem(line, None, exc.message)]
    return []


def _duplicate_in_file(state: _RowState, key: Any, line: int, column: str,
                       template: str) -> None:
    earlier = state.seen.get(key)
    if earlier is None:
        state.seen[key] = line
        return
    raise ValidationError([Problem.of(column, template, line=earlier)])


def _normalized(normalize: Callable[[str], str], value: str) -> str | None:
    if not value or not value.strip():
        return None
    try:
        return normalize(value)
    except ValidationError:
        return None  # the service reports it with its own message


def _import_employer(session: Session, state: _RowState, row: dict[str, str],
                     line: int) -> None:
    cvr = _normalized(identifiers.normalize_cvr, row.get("cvr", ""))
    raw_p = row.get("p_number", "")
    p_number = _normalized(identifiers.normalize_p_number, raw_p)
    if cvr is not None and (p_number is not None or not raw_p.strip()):
        _duplicate_in_file(state, ("employer", cvr, p_number), line, "cvr", _N(
            CTX, "Samme CVR-nummer og P-nummer som linje {line} i filen."))
    create_employer(session, row)


def _import_vacancy(session: Session, state: _RowState, row: dict[str, str],
                    line: int) -> None:
    data = dict(row)
    raw_cvr = data.pop("employer_cvr", "")
    raw_p = data.pop("employer_p_number", "")
    employer_id = _find_employer(session, state, raw_cvr, raw_p)
    create_vacancy(session, employer_id, data)


def _find_employer(session: Session, state: _RowState, raw_cvr: str, raw_p: str) -> str:
    if not raw_cvr.strip():
        raise ValidationError([Problem.of("employer_cvr", _N(CTX, "Skal udfyldes."))])
    cvr = identifiers.normalize_cvr(raw_cvr, "employer_cvr")
    p_number = (identifiers.normalize_p_number(raw_p, "employer_p_number")
                if raw_p.strip() else "")
    key = (cvr, p_number)
    if key in state.employers:
        return state.employers[key]
    query = select(Employer.id, Employer.p_number).where(
        Employer.cvr == cvr, Employer.deleted.is_(False))
    if p_number:
        query = query.where(Employer.p_number == p_number)
    found = session.execute(query.limit(2)).all()
    if not found:
        if p_number:
            raise ValidationError([Problem.of("employer_p_number", _N(
                CTX, "Der er ingen virksomhed med CVR {cvr} og P-nummer {p} i profilen. "
                     "Importér virksomhederne først."), cvr=cvr, p=p_number)])
        raise ValidationError([Problem.of("employer_cvr", _N(
            CTX, "Der er ingen virksomhed med CVR {cvr} i profilen. Importér virksomhederne "
                 "først."), cvr=cvr)])
    if len(found) > 1:
        raise ValidationError([Problem.of("employer_p_number", _N(
            CTX, "CVR {cvr} har flere arbejdspladser i profilen; skriv P-nummeret i "
                 "kolonnen employer_p_number."), cvr=cvr)])
    state.employers[key] = found[0].id
    return found[0].id


def _import_candidate(session: Session, state: _RowState, row: dict[str, str],
                      line: int) -> None:
    cpr = _normalized(identifiers.normalize_cpr, row.get("cpr", ""))
    if cpr is not None:
        _duplicate_in_file(state, ("cpr", cpr), line, "cpr", _N(
            CTX, "Samme CPR-nummer som linje {line} i filen."))
    create_citizen(session, row)


_IMPORTERS: dict[str, Callable[[Session, _RowState, dict[str, str], int], None]] = {
    "employers": _import_employer,
    "vacancies": _import_vacancy,
    "candidates": _import_candidate,
}


# -- export -----------------------------------------------------------------------------------

def format_cell(value: Any) -> str:
    """A stored value as the text the import reads back to the same value."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nej"
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return format_number(value)
    if isinstance(value, (list, tuple)):
        # Escaped as the whole cell: it is the cell's start that a spreadsheet reads.
        return _escape(LIST_SEPARATOR.join(str(v) for v in value))
    return _escape(str(value))


def _employer_rows(session: Session) -> Iterator[list[Any]]:
    for e in session.scalars(select(Employer).where(Employer.deleted.is_(False))
                             .order_by(Employer.id)):
        yield [getattr(e, c) for c in EMPLOYER_COLUMNS]


def _vacancy_rows(session: Session) -> Iterator[list[Any]]:
    query = (select(Vacancy, Employer.cvr, Employer.p_number)
             .join(Employer, Employer.id == Vacancy.employer_id)
             .where(Vacancy.deleted.is_(False), Employer.deleted.is_(False))
             .order_by(Vacancy.id))
    for v, cvr, p_number in session.execute(query):
        yield [cvr, p_number] + [getattr(v, c) for c in VACANCY_FIELDS]


def _candidate_rows(session: Session) -> Iterator[list[Any]]:
    for c in session.scalars(select(Citizen).where(Citizen.deleted.is_(False))
                             .order_by(Citizen.id)):
        yield [getattr(c, col) for col in CANDIDATE_COLUMNS]


_EXPORTERS: dict[str, Callable[[Session], Iterator[list[Any]]]] = {
    "employers": _employer_rows,
    "vacancies": _vacancy_rows,
    "candidates": _candidate_rows,
}


def export_csv(store: Store, kind: str, path: os.PathLike[str] | str) -> int:
    """Write every live record of ``kind`` to ``path`` (UTF-8 with BOM, ``;``) and return how
    many. The file is written next to its target and renamed into place, so a failed export
    leaves no half file. A candidate export holds CPR numbers: it is logged in the access log."""
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}")
    target = Path(path)
    if target.is_dir():
        raise _file_error(_N(CTX, "{path} er en mappe; angiv et filnavn."), path=str(target))
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=EXPORT_DELIMITER, lineterminator="\r\n")
    writer.writerow(COLUMNS[kind])
    count = 0
    with store.write() as session:
        for values in _EXPORTERS[kind](session):
            writer.writerow([format_cell(v) for v in values])
            count += 1
        if kind == "candidates":
            session.add(AccessLog(actor=consultant(session) or "?", action="export_csv",
                                  entity="citizen", entity_id="",
                                  detail=f"{count} borgere med CPR eksporteret til {target.name}"))
    _write_atomically(target, buffer.getvalue().encode("utf-8-sig"))
    return count


def _write_atomically(target: Path, data: bytes) -> None:
    try:
        write_atomically(target, data)
    except OSError as exc:
        raise _file_error(_N(CTX, "Filen {path} kan ikke skrives: {detail}."), path=str(target),
                          detail=exc.strerror or str(exc)) from None


def columns_doc(kind: str) -> str:
    """The header line of ``kind``, required columns marked with *."""
    return EXPORT_DELIMITER.join(c + ("*" if c in REQUIRED[kind] else "")
                                 for c in COLUMNS[kind])


__all__ = ["COLUMNS", "ImportResult", "KINDS", "LineProblem", "REQUIRED", "Table",
           "check_header", "columns_doc", "noun", "decode", "export_csv", "format_cell", "import_bytes",
           "import_csv", "parse"]
