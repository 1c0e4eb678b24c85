"""Row values to and from the wire: dates and stamps as ISO text, lists as lists.

Each synced model's wire fields are its columns minus the sync bookkeeping and minus what is
local to this device: ``cpr_index`` is a keyed hash under this profile's data key, so it is
recomputed here from the CPR instead of travelling.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Callable

from sqlalchemy import JSON, Boolean, Date, DateTime, Float, Integer

from consultant_app.store.models import MODEL_BY_ENTITY, SYNC_COLUMNS

LOCAL_ONLY: dict[str, frozenset[str]] = {"citizen": frozenset({"cpr_index"})}


def _to_date(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.datetime):
        return value.date()
    return dt.date.fromisoformat(str(value)[:10])


def to_naive_utc(value: Any) -> dt.datetime | None:
    if value is None:
        return None
    if not isinstance(value, dt.datetime):
        value = dt.datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    if value.tzinfo is not None:
        value = value.astimezone(dt.timezone.utc).replace(tzinfo=None)
    return value


def _to_bool(value: Any) -> bool | None:
    return None if value is None else bool(value)


def _to_float(value: Any) -> float | None:
    return None if value is None or value == "" else float(value)


def _to_int(value: Any) -> int | None:
    return None if value is None or value == "" else int(value)


def _to_list(value: Any) -> list[Any]:
    return [] if value is None else list(value)


def _to_text(value: Any) -> Any:
    return value


def _encode(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


@dataclass(frozen=True)
class EntityCodec:
    entity: str
    model: type[Any]
    fields: tuple[str, ...]                      # wire fields, in column order
    decoders: dict[str, Callable[[Any], Any]]

    def encode(self, row: Any, names: list[str] | tuple[str, ...] | None = None
               ) -> dict[str, Any]:
        """The wire values of ``names`` (all fields for None) read from an ORM row."""
        wanted = self.fields if names is None else [n for n in names if n in self.decoders
                                                     or n == "deleted"]
        return {n: _encode(getattr(row, n)) for n in wanted}

    def decode(self, values: dict[str, Any]) -> dict[str, Any]:
        """Column values for the fields present in ``values``; unknown names are ignored
        (a newer service may send fields this version does not have)."""
        out = {}
        for name, value in values.items():
            decoder = self.decoders.get(name)
            if decoder is not None:
                out[name] = decoder(value)
        return out


def _decoder(column: Any) -> Callable[[Any], Any]:
    t = column.type
    if isinstance(t, DateTime):
        return to_naive_utc
    if isinstance(t, Date):
        return _to_date
    if isinstance(t, Boolean):
        return _to_bool
    if isinstance(t, Float):
        return _to_float
    if isinstance(t, Integer):
        return _to_int
    if isinstance(t, JSON):
        return _to_list
    return _to_text


@lru_cache(maxsize=None)
def codec(entity: str) -> EntityCodec:
    model = MODEL_BY_ENTITY[entity]
    skip = set(SYNC_COLUMNS) | LOCAL_ONLY.get(entity, frozenset())
    columns = [c for c in model.__table__.columns if c.name not in skip]
    return EntityCodec(entity, model, tuple(c.name for c in columns),
                       {c.name: _decoder(c) for c in columns})
