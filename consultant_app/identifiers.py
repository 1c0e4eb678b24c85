"""Danish identifiers: CVR, P-number, CPR, postcode, phone.

Each ``normalize_*`` returns the canonical form or raises ``ValidationError`` with a Danish
message that names the field. Sources are in DOMAIN.md ("Identifiers").
"""

from __future__ import annotations

import datetime as dt
import re

from stdnum.dk import cpr as stdnum_cpr
from stdnum.dk import cvr as stdnum_cvr
from stdnum.exceptions import InvalidChecksum, InvalidComponent, InvalidFormat, InvalidLength

from . import postcodes
from .errors import Problem, ValidationError
from .text import QT_TRANSLATE_NOOP as _N

CTX = "problems"
_SEPARATORS = re.compile(r"[\s\-.]")


def _fail(field: str, template: str, **params: object) -> ValidationError:
    return ValidationError([Problem.of(field, template, **params)])


def normalize_cvr(value: str, field: str = "cvr") -> str:
    """CVR: 8 digits, no leading 0, mod-11 check with weights 2,7,6,5,4,3,2,1."""
    raw = (value or "").strip()
    if raw.upper().startswith("DK"):
        raw = raw[2:]
    try:
        return stdnum_cvr.validate(raw)
    except InvalidChecksum:
        raise _fail(field, _N(CTX, "CVR-nummeret {value} er ugyldigt (kontrolcifferet passer ikke)."),
                    value=value) from None
    except InvalidLength:
        raise _fail(field, _N(CTX, "CVR-nummeret skal have 8 cifre, men '{value}' har ikke det."),
                    value=value) from None
    except InvalidFormat:
        raise _fail(field, _N(CTX, "CVR-nummeret skal være 8 cifre og må ikke starte med 0 "
                                  "('{value}')."), value=value) from None


def normalize_p_number(value: str, field: str = "p_number") -> str:
    """P-number: 10 digits. Some were issued with wrong weights, so no checksum test."""
    raw = _SEPARATORS.sub("", value or "")
    if not raw.isdigit() or len(raw) != 10:
        raise _fail(field, _N(CTX, "P-nummeret skal være 10 cifre ('{value}')."), value=value)
    return raw


def normalize_cpr(value: str, field: str = "cpr") -> str:
    """CPR as DDMMYY-SSSS. The date and century rule are checked; mod 11 never is, because
    numbers without a valid check digit have been issued since 2007 (cpr.dk)."""
    raw = _SEPARATORS.sub("", value or "")
    try:
        stdnum_cpr.validate(raw)
    except (InvalidFormat, InvalidLength):
        raise _fail(field, _N(CTX, "CPR-nummeret skal skrives DDMMÅÅ-XXXX med 10 cifre ('{value}')."),
                    value=mask_cpr(raw) if raw.isdigit() else "…") from None
    except InvalidComponent:
        raise _fail(field, _N(CTX, "CPR-nummeret indeholder ikke en gyldig fødselsdato ({value})."),
                    value=mask_cpr(raw)) from None
    return f"{raw[:6]}-{raw[6:]}"


def cpr_birth_date(value: str) -> dt.date:
    return stdnum_cpr.get_birth_date(_SEPARATORS.sub("", value))


def mask_cpr(value: str) -> str:
    """DDMMYY-XXXX: what the UI and logs show until the consultant reveals the number."""
    digits = _SEPARATORS.sub("", value or "")
    return f"{digits[:6]}-XXXX" if len(digits) >= 6 else "XXXXXX-XXXX"


def normalize_postcode(value: str, field: str = "postcode") -> str:
    raw = (value or "").strip()
    if raw.isdigit() and len(raw) == 3:  # spreadsheets drop the leading zero of 0800
        raw = "0" + raw
    if not raw.isdigit() or len(raw) != 4:
        raise _fail(field, _N(CTX, "Postnummeret skal være 4 cifre ('{value}')."), value=value)
    if postcodes.lookup(raw) is None:
        raise _fail(field, _N(CTX, "Postnummeret {value} findes ikke."), value=raw)
    return raw


def normalize_phone(value: str, field: str = "phone") -> str:
    """8 digits, optional +45 or 0045; written 12345678, 1234 5678 or 12 34 56 78.
    Stored as the 8 digits."""
    raw = re.sub(r"[\s\-()]", "", value or "")
    if raw.startswith("+45"):
        raw = raw[3:]
    elif raw.startswith("0045"):
        raw = raw[4:]
    if not raw.isdigit() or len(raw) != 8:
        raise _fail(field, _N(CTX, "Telefonnummeret skal være 8 cifre, evt. med +45 ('{value}')."),
                    value=value)
    return raw


def format_phone(value: str) -> str:
    return " ".join(value[i:i + 2] for i in range(0, 8, 2)) if len(value) == 8 else value


_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def normalize_email(value: str, field: str = "email") -> str:
    raw = (value or "").strip()
    if not _EMAIL.match(raw):
        raise _fail(field, _N(CTX, "E-mailadressen '{value}' ser ikke rigtig ud."), value=value)
    return raw.lower()
