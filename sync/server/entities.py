"""What a record of each synced entity may hold on the wire: the client's columns
(consultant_app.store.models) without the sync bookkeeping, with their JSON-plain types.

``check_values`` is the service's judgement of a pushed operation's ``values``: a field that
is not a column, or a value of the wrong type, rejects the operation with a Danish message
that names the field."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from sqlalchemy import JSON, Boolean, Date, DateTime, Float, Integer

from consultant_app.store.models import MODEL_BY_ENTITY, SYNC_COLUMNS
from consultant_app.text import QT_TRANSLATE_NOOP as _N
from consultant_app.text import Message

from ..protocol import DELETED_FIELD, ENTITIES
from .errors import CTX

ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$")

# The parent a record hangs off, per entity: field -> parent entity. Scope follows parents.
PARENTS: dict[str, dict[str, str]] = {
    "contact_person": {"employer_id": "employer"},
    "visit": {"employer_id": "employer"},
    "vacancy": {"employer_id": "employer"},
    "match": {"citizen_id": "citizen", "vacancy_id": "vacancy"},
    "match_event": {"match_id": "match"},
    "placement_agreement": {"citizen_id": "citizen", "employer_id": "employer",
                            "vacancy_id": "vacancy", "match_id": "match"},
    "agreement_signature": {"agreement_id": "placement_agreement"},
    "agreement_document": {"agreement_id": "placement_agreement"},
}
# The parent that decides a record's owner (the citizen it belongs to), if any.
OWNER_PARENT: dict[str, str] = {
    "match": "citizen_id", "match_event": "match_id", "placement_agreement": "citizen_id",
    "agreement_signature": "agreement_id", "agreement_document": "agreement_id",
}
MUNICIPALITY_ENTITIES = frozenset({"employer", "contact_person", "visit", "vacancy"})
CITIZEN_ENTITIES = frozenset({"citizen", "match", "match_event", "placement_agreement",
                              "agreement_signature", "agreement_document"})


def _kind(column: Any) -> str:
    t = column.type
    if isinstance(t, Boolean):
        return "bool"
    if isinstance(t, Integer):
        return "int"
    if isinstance(t, Float):
        return "float"
    if isinstance(t, DateTime):
        return "datetime"
    if isinstance(t, Date):
        return "date"
    if isinstance(t, JSON):
        return "json"
    return "str"


FIELDS: dict[str, dict[str, tuple[str, bool]]] = {
    entity: {c.name: (_kind(c), bool(c.nullable))
             for c in MODEL_BY_ENTITY[entity].__table__.columns if c.name not in SYNC_COLUMNS}
    for entity in ENTITIES
}


def _type_ok(kind: str, value: Any) -> bool:
    if kind == "str":
        return isinstance(value, str)
    if kind == "bool":
        return isinstance(value, bool)
    if kind == "int":
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == "float":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if kind == "json":
        return isinstance(value, (list, dict))
    if kind == "date":
        try:
            dt.date.fromisoformat(value)
        except (TypeError, ValueError):
            return False
        return True
    if kind == "datetime":
        try:
            dt.datetime.fromisoformat(value)
        except (TypeError, ValueError):
            return False
        return True
    return False


_KIND_TEXT = {"str": _N(CTX, "en tekst"), "bool": _N(CTX, "sand/falsk"),
              "int": _N(CTX, "et helt tal"), "float": _N(CTX, "et tal"),
              "json": _N(CTX, "en liste"), "date": _N(CTX, "en dato (ÅÅÅÅ-MM-DD)"),
              "datetime": _N(CTX, "et tidspunkt (ISO 8601)")}


def check_values(entity: str, values: dict[str, Any]) -> Message | None:
    """None if ``values`` fit ``entity``'s columns, else a message naming the field."""
    fields = FIELDS[entity]
    for name, value in values.items():
        spec = fields.get(name)
        if name == DELETED_FIELD:
            return Message(CTX, _N(CTX, "Feltet '{name}' sendes ikke som en værdi: en sletning "
                                        "sendes som operationen \"delete\" uden værdier."),
                           {"name": name})
        if spec is None:
            return Message(CTX, _N(CTX, "Feltet '{name}' findes ikke på {entity}."),
                           {"name": name, "entity": entity})
        kind, nullable = spec
        if value is None:
            if not nullable:
                return Message(CTX, _N(CTX, "Feltet '{name}' skal have en værdi."),
                               {"name": name})
            continue
        if not _type_ok(kind, value):
            return Message(CTX, _N(CTX, "Feltet '{name}' skal være {kind}."),
                           {"name": name, "kind": Message(CTX, _KIND_TEXT[kind])})
    return None
