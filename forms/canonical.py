"""Canonical JSON and the content hash that signatures bind to.

RFC 8785 (JSON Canonicalization Scheme) through the ``rfc8785`` package: keys sorted by UTF-16
code units, no insignificant whitespace, numbers in ECMAScript form, strings as UTF-8. Dates
are written as ISO 8601 strings before canonicalisation. The hash is SHA-256 over those bytes,
in lowercase hex.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

import rfc8785


def plain(value: Any) -> Any:
    """``value`` with dates as ISO strings and tuples as lists: what JSON can hold."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def canonical_json(value: Any) -> bytes:
    return rfc8785.dumps(plain(value))


def content_hash(value: Any) -> str:
    return hashlib.sha256(canonical_json(value)).hexdigest()
