"""Field specs: how text from a form, a CSV cell or the CLI becomes a typed, valid value.

Each entity declares its fields once (``Spec``); ``clean`` converts and validates a mapping of
input against it and reports every problem at once, each naming its field in Danish. The UI,
the CSV import and the CLI all go through this, so a value is judged the same way everywhere.
"""

from __future__ import annotations

import datetime as dt
import difflib
import math
import re
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Mapping

from ..errors import Problem, ValidationError, field_label
from ..text import QT_TRANSLATE_NOOP as _N
from ..text import Message, format_number

CTX = "problems"
Converter = Callable[[Any, str], Any]


def _fail(field: str, template: str, **params: Any) -> ValidationError:
    return ValidationError([Problem.of(field, template, **params)])


def closest_names(name: str, known: Mapping[str, str]) -> list[str]:
    """The names in ``known`` (name -> Danish label) someone typing ``name`` most likely
    meant, the likeliest kind first: its label typed as a name ("navn" for name), a name it
    is part of ("p_number" of employer_p_number, "praktik" of virksomhedspraktik), a close
    spelling of a name, then of a label. [] when none comes close."""
    typed = name.strip().casefold()
    by_label = {label.casefold(): key for key, label in known.items() if label}
    for found in (
            [by_label[typed]] if typed in by_label else [],
            [key for key in known if len(typed) >= 3 and typed in key.casefold()],
            difflib.get_close_matches(typed, list(known), n=3, cutoff=0.6),
            [by_label[label] for label in
             difflib.get_close_matches(typed, list(by_label), n=3, cutoff=0.6)]):
        if found:
            return list(dict.fromkeys(found))[:3]
    return []


def unknown_name(name: str, known: Mapping[str, str], meant: str, listed: str) -> Message:
    """A name that is not one of ``known``, said with the name meant (``meant``: a template
    with {name} and {suggestion}) or, when nothing comes close, every name there is
    (``listed``: with {name} and {names})."""
    suggestions = closest_names(name, known)
    if suggestions:
        return Message(CTX, meant, {"name": name, "suggestion": ", ".join(suggestions)})
    return Message(CTX, listed, {"name": name, "names": ", ".join(known)})


def unknown_field(name: str, known: Mapping[str, str]) -> Problem:
    """The problem of a field name that is not one of ``known`` (name -> Danish label)."""
    return Problem(name, unknown_name(
        name, known, _N(CTX, "Ukendt felt '{name}'. Mente du {suggestion}?"),
        _N(CTX, "Ukendt felt '{name}'. Felterne er: {names}.")), label=name)


def is_blank(value: Any) -> bool:
    """Nothing entered: None, text of only spaces, or an empty list (the one blank check for
    record fields, agreement fields and rules)."""
    return (value is None or (isinstance(value, str) and not value.strip())
            or (isinstance(value, (list, tuple)) and not value))


def text(max_len: int = 200) -> Converter:
    def convert(value: Any, field: str) -> str:
        result = "" if value is None else str(value).strip()
        if len(result) > max_len:
            raise _fail(field, _N(CTX, "Må højst være {max} tegn (er {n})."), max=max_len,
                        n=len(result))
        return result
    return convert


_DANISH_THOUSANDS = re.compile(r"^-?\d{1,3}(\.\d{3})+$")


def number(minimum: float | None = None, maximum: float | None = None,
           integer: bool = False) -> Converter:
    def convert(value: Any, field: str) -> float | int:
        if isinstance(value, bool):
            raise _fail(field, _N(CTX, "Skal være et tal."))
        if isinstance(value, (int, float)):
            try:
                result: float = float(value)
            except OverflowError:  # an int beyond any float
                raise _fail(field, _N(CTX, "Skal være et tal, ikke '{value}'."),
                            value=value) from None
        else:
            raw = str(value).strip().replace(" ", "").replace("\u00a0", "")
            if "," in raw and "." in raw:  # 1.234,5 (Danish thousands and decimals)
                raw = raw.replace(".", "")
            elif _DANISH_THOUSANDS.match(raw):  # 48.000 is forty-eight thousand in Danish
                raw = raw.replace(".", "")
            raw = raw.replace(",", ".")
            try:
                result = float(raw)
            except ValueError:
                raise _fail(field, _N(CTX, "Skal være et tal, ikke '{value}'."),
                            value=value) from None
        if not math.isfinite(result):  # inf, nan, 1e400: no count, hour or distance
            raise _fail(field, _N(CTX, "Skal være et tal, ikke '{value}'."), value=value)
        if integer and result != int(result):
            raise _fail(field, _N(CTX, "Skal være et helt tal, ikke {value}."), value=value)
        if minimum is not None and result < minimum:
            raise _fail(field, _N(CTX, "Skal være mindst {min} (er {value})."),
                        min=format_number(minimum), value=format_number(result))
        if maximum is not None and result > maximum:
            raise _fail(field, _N(CTX, "Må højst være {max} (er {value})."),
                        max=format_number(maximum), value=format_number(result))
        return int(result) if integer else result
    return convert


_DANISH_DATE = re.compile(r"^(\d{1,2})[-./](\d{1,2})[-./](\d{4})$")


def date() -> Converter:
    """Danish dates (1.3.2026, 01-03-2026) and ISO ones (2026-03-01)."""
    def convert(value: Any, field: str) -> dt.date:
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        raw = str(value).strip()
        try:
            m = _DANISH_DATE.match(raw)
            if m:
                return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
            return dt.date.fromisoformat(raw)
        except ValueError:
            raise _fail(field, _N(CTX, "'{value}' er ikke en gyldig dato (skriv fx 1.3.2026 "
                                       "eller 2026-03-01)."), value=value) from None
    return convert


_TRUE = {"1", "true", "ja", "j", "yes", "y", "x"}
_FALSE = {"0", "false", "nej", "n", "no", ""}


def boolean() -> Converter:
    def convert(value: Any, field: str) -> bool:
        if isinstance(value, bool):
            return value
        raw = str(value).strip().lower()
        if raw in _TRUE:
            return True
        if raw in _FALSE:
            return False
        raise _fail(field, _N(CTX, "Skal være ja eller nej, ikke '{value}'."), value=value)
    return convert


def choice(options: Mapping[str, str]) -> Converter:
    """One of ``options``' codes; its Danish label is accepted too (from a spreadsheet)."""
    by_label = {label.lower(): code for code, label in options.items()}

    def convert(value: Any, field: str) -> str:
        raw = str(value).strip()
        if raw in options:
            return raw
        if raw.lower() in by_label:
            return by_label[raw.lower()]
        raise _fail(field, _N(CTX, "'{value}' er ikke en af de mulige værdier: {options}."),
                    value=value, options=", ".join(options))
    return convert


def word_list(vocabulary: Mapping[str, str] | None = None) -> Converter:
    """A list; from text, split on ';' or ',' (or '|'). With a vocabulary, every item must be
    one of its codes or labels."""
    item = choice(vocabulary) if vocabulary is not None else None

    def convert(value: Any, field: str) -> list[str]:
        if isinstance(value, (list, tuple)):
            items = [str(v).strip() for v in value]
        else:
            items = [p.strip() for p in re.split(r"[;,|]", str(value))]
        items = [i for i in items if i]
        if item is not None:
            items = [item(i, field) for i in items]
        return list(dict.fromkeys(items))  # drop repeats, keep order
    return convert


def identifier(normalize: Callable[[str, str], str]) -> Converter:
    def convert(value: Any, field: str) -> str:
        return normalize(str(value), field)
    return convert


@dataclass(frozen=True)
class F:
    """One field: its converter, whether it is required, and its value when left empty."""

    convert: Converter
    required: bool = False
    empty: Any = None


Spec = Mapping[str, F]


def clean(spec: Spec, data: Mapping[str, Any], partial: bool = False) -> dict[str, Any]:
    """Convert and validate ``data`` against ``spec``; raise one ValidationError listing every
    problem. ``partial`` (an edit) checks only the fields given."""
    problems: list[Problem] = []
    result: dict[str, Any] = {}
    for key in data:
        if key not in spec:
            problems.append(unknown_field(key, {k: field_label(k) for k in spec}))
    names: Iterable[str] = [k for k in spec if k in data] if partial else spec
    for name in names:
        f = spec[name]
        value = data.get(name)
        if is_blank(value):
            if f.required:
                problems.append(Problem.of(name, _N(CTX, "Skal udfyldes.")))
            else:
                result[name] = f.empty() if callable(f.empty) else f.empty
            continue
        try:
            result[name] = f.convert(value, name)
        except ValidationError as exc:
            problems.extend(exc.problems)
    if problems:
        raise ValidationError(problems)
    return result
