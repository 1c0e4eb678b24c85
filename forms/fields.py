"""How an agreement field's input becomes a typed value, by the field's kind in the template.

The same converters as the records (``consultant_app.services.fields``), so a date, a CVR or a
number is judged the same way in an agreement as everywhere else. Content is stored as JSON:
``to_json`` / ``from_json`` turn dates into ISO strings and back.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Mapping

from consultant_app import identifiers
from consultant_app.domain import TARGET_GROUPS
from consultant_app.services.fields import (
    Converter,
    boolean,
    choice,
    date,
    identifier,
    is_blank,  # noqa: F401 - the one blank check, used as ffields.is_blank
    number,
    text,
)
from consultant_app.text import QT_TRANSLATE_NOOP as _N

from .templates import FieldSpec

CTX = "forms"

# Løntilskud needs 6 months' prior unemployment unless one of these applies (LAB § 55 ff.).
UNEMPLOYMENT_EXEMPTIONS: dict[str, str] = {
    "none": _N(CTX, "Ingen undtagelse (6 måneders ledighed kræves)"),
    "age_50": _N(CTX, "Fyldt 50 år"),
    "single_parent": _N(CTX, "Enlig forsørger"),
    "no_education": _N(CTX, "Ingen erhvervskompetencegivende uddannelse"),
    "revalidering": _N(CTX, "Revalidend"),
    "foertidspension": _N(CTX, "Førtidspensionist"),
}

# How a signer's identity was checked (DOMAIN.md, Signatures).
IDENTITY_CHECKS: dict[str, str] = {
    "id_shown": _N(CTX, "ID vist"),
    "known": _N(CTX, "Kendt af konsulenten"),
}

VOCABULARY: dict[str, Mapping[str, str]] = {
    "target_groups": TARGET_GROUPS,
    "unemployment_exemptions": UNEMPLOYMENT_EXEMPTIONS,
    "identity_checks": IDENTITY_CHECKS,
}


def options(spec: FieldSpec) -> Mapping[str, str]:
    """A choice field's {code: Danish label}."""
    if isinstance(spec.choices, str):
        return VOCABULARY[spec.choices]
    return spec.choices


def converter(spec: FieldSpec) -> Converter:
    kind = spec.kind
    if kind == "text":
        return text(spec.max_length or 300)
    if kind == "multiline":
        return text(spec.max_length or 5000)
    if kind == "date":
        return date()
    if kind in ("number", "integer", "hours", "money"):
        return number(spec.minimum, spec.maximum, integer=kind == "integer")
    if kind == "bool":
        return boolean()
    if kind == "choice":
        return choice(options(spec))
    normalizers = {"cpr": identifiers.normalize_cpr, "cvr": identifiers.normalize_cvr,
                   "p_number": identifiers.normalize_p_number,
                   "email": identifiers.normalize_email, "phone": identifiers.normalize_phone,
                   "postcode": identifiers.normalize_postcode}
    return identifier(normalizers[kind])


def to_json(spec: FieldSpec, value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def from_json(spec: FieldSpec, value: Any) -> Any:
    if spec.kind == "date" and isinstance(value, str) and value:
        return dt.date.fromisoformat(value)
    return value


