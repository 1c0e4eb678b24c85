"""The client side of sync: the engine (push, upload, pull, conflicts), its transport, the
token's keeping, the wipe of a revoked device and the background runner. No Qt here.

Names are imported on first use (PEP 562), so the desktop can show its Sync page (which
needs only ``conflicts``) without importing httpx and pydantic before its window is up.
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "ConflictView": "conflicts", "list_conflicts": "conflicts", "resolve_conflict": "conflicts",
    "EnrollResult": "engine", "SyncEngine": "engine", "SyncReport": "engine",
    "SyncError": "errors",
    "SyncRunner": "runner", "SyncStatus": "runner", "read_status": "runner",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value
