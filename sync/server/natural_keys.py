"""Natural keys: the same employer (CVR and P-number) or citizen (CPR) registered twice.

Two devices offline may each create the same employer or citizen under their own ids. The
service judges on create (protocol, "The same thing twice"): a create whose natural key a
live record of the municipality already has is refused as ``duplicate``, naming the record
that stays; the device keeps its own values in its conflict list, beside the record it pulls.

``key_of`` is the one place that says what a natural key is, and ``find_existing`` the one
place that looks it up. A citizen's CPR is stored encrypted, so it is found through its keyed
blind index (``record.cpr_index``, db.cpr_index: an indexed lookup); an employer's CVR and
P-number are not personal and are read from the stored JSON, one statement per batch that
creates any.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select, text
from sqlalchemy.engine import Connection

from . import db

ENTITIES = ("employer", "citizen")


def key_of(entity: str, values: dict[str, Any]) -> str | None:
    """The natural key of a record with ``values`` (None: it has none)."""
    if entity == "employer":
        cvr = "".join(ch for ch in str(values.get("cvr") or "") if ch.isdigit())
        if not cvr:
            return None
        p_number = "".join(ch for ch in str(values.get("p_number") or "") if ch.isdigit())
        return f"{cvr}|{p_number}"
    if entity == "citizen":
        cpr = "".join(ch for ch in str(values.get("cpr") or "") if ch.isdigit())
        return cpr or None
    return None


def find_existing(conn: Connection, municipality: str, entity: str, keys: set[str]
                  ) -> dict[str, str]:
    """natural key -> id of the live records of ``entity`` in ``municipality`` that have one
    of ``keys`` (one statement; the CVR or CPR is compared in SQL, the key in Python)."""
    if entity not in ENTITIES or not keys:
        return {}
    if entity == "citizen":  # the CPR is stored encrypted: its keyed blind index finds it
        by_index = {db.cpr_index(conn, key): key for key in keys}
        r = db.record.c
        rows = conn.execute(select(r.id, r.cpr_index).where(
            r.entity == "citizen", r.municipality_code == municipality, r.deleted.is_(False),
            r.cpr_index.in_(sorted(by_index))).order_by(r.id))
        found: dict[str, str] = {}
        for ident, index in rows:
            found.setdefault(by_index[index], ident)
        return found
    fields = ("cvr", "p_number") if entity == "employer" else ("cpr",)
    if db.is_postgres(conn):
        picks = [f"(values_json::jsonb ->> '{f}')" for f in fields]
    else:
        picks = [f"json_extract(values_json, '$.{f}')" for f in fields]
    # the first field (CVR, or CPR without its dash) narrows the scan to the candidates
    first = sorted({key.split("|")[0] for key in keys})
    marks = ", ".join(f":k{i}" for i in range(len(first)))
    rows = conn.execute(text(
        f"SELECT id, {', '.join(picks)} FROM record WHERE entity = :e "
        "AND municipality_code = :m AND NOT deleted "
        f"AND replace({picks[0]}, '-', '') IN ({marks})"),
        {"e": entity, "m": municipality, **{f"k{i}": v for i, v in enumerate(first)}})
    found = {}
    for ident, *values in rows:
        key = key_of(entity, dict(zip(fields, values)))
        if key in keys:
            found.setdefault(key, ident)
    return found
