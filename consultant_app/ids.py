"""Client-generated ids: UUIDv7, so ids sort by creation time and never collide across devices."""

from __future__ import annotations

import datetime as dt

import uuid6


def new_id() -> str:
    return str(uuid6.uuid7())


def utcnow() -> dt.datetime:
    """Naive UTC: SQLite stores no zone, and every stamp in the store is UTC."""
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
